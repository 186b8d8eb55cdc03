//! A read-only picture of the simulation at one moment, for the playground to draw and the
//! command line to print. Also answers "why is this task PENDING?".

use super::task_index::count_in;
use super::Sim;
use crate::cluster::InstanceStatus;
use crate::cluster::LaunchTarget;
use crate::placement::{self, PlacementRequest, Pool, Verdict};
use crate::task::TaskCounts;
use crate::task::{HealthStatus, LaunchKind, StopCode, TaskId, TaskStatus};
use crate::time::Millis;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything the playground draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Virtual time, ms.
    pub now_ms: Millis,
    /// Availability Zones in order, with outage state.
    pub zones: Vec<ZoneView>,
    /// Container instances (terminated ones included, marked).
    pub instances: Vec<InstanceView>,
    /// Tasks that are not STOPPED, plus those stopped in the last minute.
    pub tasks: Vec<TaskView>,
    /// Services.
    pub services: Vec<ServiceView>,
    /// The trace hash so far.
    pub trace_hash: String,
    /// Whether an instance's ENI bar tells anything: a registered task definition may run
    /// awsvpc on an instance, or an instance holds an ENI. Lesson 2's bridge tasks drew
    /// "ENI 0/2" on every instance, which sent a student after ENIs (walkthrough).
    pub enis_matter: bool,
}

/// A zone lane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZoneView {
    /// Zone name.
    pub name: String,
    /// In an outage.
    pub down: bool,
}

/// A container instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceView {
    /// Index (launch order), as timeline events refer to it.
    pub index: usize,
    /// `i-…`.
    pub ec2_instance_id: String,
    /// Container instance ID.
    pub container_instance_id: String,
    /// Instance type (or `external`).
    pub instance_type: String,
    /// Zone.
    pub zone: String,
    /// Status.
    pub status: InstanceStatus,
    /// Capacity provider (Auto Scaling group), if any.
    pub capacity_provider: Option<String>,
    /// CPU units registered.
    pub cpu: u32,
    /// CPU units reserved.
    pub cpu_used: u32,
    /// Memory registered, MiB.
    pub memory: u32,
    /// Memory reserved, MiB.
    pub memory_used: u32,
    /// awsvpc task limit.
    pub eni_limit: u32,
    /// awsvpc tasks.
    pub enis_used: u32,
    /// GPUs registered.
    pub gpus: u32,
    /// GPUs used.
    pub gpus_used: u32,
    /// Indices of its live tasks.
    pub tasks: Vec<usize>,
}

/// A task. The names many tasks repeat (service, group, task definition, zone, capacity
/// provider) are shared, not copied: a snapshot at the scenario limits holds 20,000 tasks, and
/// the page reads one several times a second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    /// Index (creation order).
    pub index: usize,
    /// Task ID.
    pub id: TaskId,
    /// The service, if any.
    pub service: Option<Arc<str>>,
    /// Task group.
    pub group: Arc<str>,
    /// `family:revision`.
    pub task_definition: Arc<str>,
    /// Revision alone, for colouring.
    pub revision: u32,
    /// lastStatus.
    pub last_status: TaskStatus,
    /// desiredStatus (RUNNING or STOPPED).
    pub desired_status: &'static str,
    /// healthStatus.
    pub health: HealthStatus,
    /// Its load balancer target's health while registered (`describe-target-health`): what a
    /// service's "healthy" count and a lesson's healthy goals read, shown on the chip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_health: Option<crate::elb::TargetHealthState>,
    /// While its target drains: when the deregistration delay ends and the task goes on to
    /// STOPPING (virtual ms), for the chip's countdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draining_until: Option<Millis>,
    /// Launch type.
    pub launch: LaunchKind,
    /// Capacity provider.
    pub capacity_provider: Option<Arc<str>>,
    /// Instance index, when on an instance.
    pub instance: Option<usize>,
    /// Zone.
    pub zone: Option<Arc<str>>,
    /// Host ports as `80/tcp`.
    pub host_ports: Vec<String>,
    /// CPU units the task reserves (the task size, or its containers' sum).
    pub cpu: u32,
    /// MiB the task reserves.
    pub memory: u32,
    /// Its task definition's network mode (`awsvpc` tasks hold no host port: they have an ENI).
    pub network_mode: &'static str,
    /// startedAt.
    pub started_at: Option<Millis>,
    /// stopCode.
    pub stop_code: Option<StopCode>,
    /// stoppedReason.
    pub stopped_reason: Option<Cow<'static, str>>,
    /// The essential container whose exit stopped it, as describe-tasks gives it on that
    /// container: `app: exitCode 3` (and the container's reason after an out-of-memory kill).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exited_container: Option<String>,
    /// Why it waits for placement.
    pub waiting_reason: Option<String>,
    /// Its application has hung (the simulator's `hangTask`), so the panel can say why its
    /// health checks fail.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hung: bool,
}

/// A service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceView {
    /// Name.
    pub name: String,
    /// Cluster name.
    pub cluster: String,
    /// REPLICA or DAEMON.
    pub scheduling_strategy: &'static str,
    /// `launchType` (`EC2`, `FARGATE`, `EXTERNAL`); None when the service uses a capacity
    /// provider strategy (DescribeServices gives one or the other).
    pub launch_type: Option<&'static str>,
    /// `capacityProviderStrategy`; empty when the service uses a launch type.
    pub capacity_provider_strategy: Vec<StrategyItemView>,
    /// Current task definition.
    pub task_definition: String,
    /// desiredCount.
    pub desired_count: u32,
    /// runningCount: tasks RUNNING (the sum over the service's deployments).
    pub running_count: u32,
    /// pendingCount: tasks in PROVISIONING, PENDING or ACTIVATING (the simulator counts all
    /// three; the API says only "PENDING"), including tasks waiting for a capacity provider's
    /// managed scaling.
    pub pending_count: u32,
    /// The simulator's own count: tasks the scheduler wanted to start but could place nowhere.
    /// ECS creates no task for them and reports only "unable to place a task".
    pub unplaced_count: u32,
    /// Why they could not be placed (the closest instance's rejection).
    pub unplaced_reason: Option<String>,
    /// Live tasks by capacity provider (or launch type).
    pub by_capacity_provider: BTreeMap<String, u32>,
    /// Live tasks by zone.
    pub by_zone: BTreeMap<String, u32>,
    /// Live tasks by instance ID.
    pub by_instance: BTreeMap<String, u32>,
    /// Availability Zone rebalancing is in progress (between "is not AZ balanced" and "is AZ
    /// balanced"): the card says why running may exceed desired for a while.
    pub az_rebalancing: bool,
}

/// One capacity provider strategy item of a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrategyItemView {
    /// The capacity provider.
    pub capacity_provider: String,
    /// Tasks placed here first.
    pub base: u32,
    /// Share of the rest.
    pub weight: u32,
}

/// What waits for placement: a task in PROVISIONING (a capacity provider with managed scaling),
/// or the tasks a service could not place (no task exists for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// A task (index) waiting in PROVISIONING.
    Task(usize),
    /// The unplaced tasks of a service (index).
    Unplaced(usize),
}

/// How long a stopped task stays in the picture.
const STOPPED_VISIBLE_MS: Millis = 60_000;

impl Sim {
    /// The current picture.
    pub fn snapshot(&self) -> Snapshot {
        let zones = self
            .model
            .zones
            .iter()
            .map(|z| ZoneView {
                name: z.clone(),
                down: self.zones_down.contains(z),
            })
            .collect();
        let instances = self
            .instances
            .iter()
            .enumerate()
            .map(|(index, i)| InstanceView {
                index,
                ec2_instance_id: i.ec2_instance_id.clone(),
                container_instance_id: i.container_instance_id.clone(),
                instance_type: i
                    .instance_type
                    .map_or("external".to_string(), |t| t.name.to_string()),
                zone: i.zone.clone(),
                status: i.status,
                capacity_provider: i.asg.map(|a| self.model.asgs[a].provider.clone()),
                cpu: i.cpu,
                cpu_used: i.cpu_used,
                memory: i.memory,
                memory_used: i.memory_used,
                eni_limit: i.eni_limit,
                enis_used: i.enis_used,
                gpus: i.gpus,
                gpus_used: i.gpus_used,
                tasks: i.tasks.iter().copied().collect(),
            })
            .collect();
        let mut td_names = BTreeMap::new();
        let tasks = self
            .tasks
            .iter()
            .filter(|&(_, task)| {
                task.last_status != TaskStatus::Stopped
                    || task
                        .stopped_at
                        .is_some_and(|at| self.now < at + STOPPED_VISIBLE_MS)
            })
            .map(|(t, _)| self.task_view_sharing(t, &mut td_names))
            .collect();
        let services = (0..self.model.services.len())
            .map(|s| self.service_view(s))
            .collect();
        let enis_matter = self.instances.iter().any(|i| i.enis_used > 0)
            || self.model.task_definitions.iter().any(|td| {
                use crate::taskdef::Compatibility as C;
                let d = &td.definition;
                td.needs.network_mode == crate::taskdef::NetworkMode::Awsvpc
                    && !(d.requires(C::Fargate) && !d.requires(C::Ec2) && !d.requires(C::External))
            });
        Snapshot {
            enis_matter,
            now_ms: self.now,
            zones,
            instances,
            tasks,
            services,
            trace_hash: self.trace_hash(),
        }
    }

    /// One task's view.
    pub fn task_view(&self, t: usize) -> TaskView {
        self.task_view_sharing(t, &mut BTreeMap::new())
    }

    /// One task's view; its `family:revision` is taken from (or added to) `td_names`, by task
    /// definition, so a snapshot formats each once.
    fn task_view_sharing(&self, t: usize, td_names: &mut BTreeMap<usize, Arc<str>>) -> TaskView {
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        TaskView {
            index: t,
            id: task.id,
            service: task
                .service
                .map(|s| Arc::clone(&self.service_labels[s].name)),
            group: Arc::clone(&task.group),
            task_definition: Arc::clone(
                td_names
                    .entry(task.task_definition)
                    .or_insert_with(|| Arc::from(td.name())),
            ),
            revision: td.revision,
            last_status: task.last_status,
            desired_status: if task.stop_requested {
                "STOPPED"
            } else {
                "RUNNING"
            },
            health: task.health,
            launch: task.launch,
            capacity_provider: task
                .capacity_provider
                .as_deref()
                .map(|p| self.names.shared(p)),
            instance: task.instance,
            zone: task.zone.clone(),
            host_ports: task
                .host_ports
                .iter()
                .map(|(p, n)| format!("{n}/{}", p.as_str()))
                .collect(),
            cpu: td.needs.cpu,
            memory: td.needs.memory,
            network_mode: td.needs.network_mode.as_str(),
            started_at: task.started_at,
            stop_code: task.stop_code,
            stopped_reason: task.stopped_reason.clone(),
            exited_container: task.exit.map(|e| {
                let name = td
                    .definition
                    .containers()
                    .get(usize::from(e.container))
                    .and_then(|c| c.name.as_deref())
                    .unwrap_or_default();
                match (e.code(), task.exit_reason()) {
                    (Some(code), Some(r)) => format!("{name}: exitCode {code}, reason {r}"),
                    (Some(code), None) => format!("{name}: exitCode {code}"),
                    (None, Some(r)) => format!("{name}: {r}"),
                    (None, None) => name.to_string(),
                }
            }),
            waiting_reason: if task.is_waiting() {
                task.waiting_reason.clone()
            } else {
                None
            },
            target_health: task.target.as_ref().map(|t| t.state),
            draining_until: task.target.as_ref().and_then(|t| {
                (t.state == crate::elb::TargetHealthState::Draining)
                    .then_some(t.draining_until)
                    .flatten()
            }),
            hung: task.hung,
        }
    }

    /// Service `s`'s view.
    pub fn service_view(&self, s: usize) -> ServiceView {
        let svc = &self.model.services[s];
        let state = &self.services[s];
        let mut view = ServiceView {
            name: svc.name.clone(),
            cluster: self.model.clusters[svc.cluster].name.clone(),
            scheduling_strategy: if svc.daemon { "DAEMON" } else { "REPLICA" },
            launch_type: match &svc.launch {
                LaunchTarget::Ec2 => Some("EC2"),
                LaunchTarget::Fargate => Some("FARGATE"),
                LaunchTarget::External => Some("EXTERNAL"),
                LaunchTarget::Strategy(_) => None,
            },
            capacity_provider_strategy: match &svc.launch {
                LaunchTarget::Strategy(items) => items
                    .iter()
                    .map(|i| StrategyItemView {
                        capacity_provider: i.name.clone(),
                        base: i.base,
                        weight: i.weight,
                    })
                    .collect(),
                _ => Vec::new(),
            },
            task_definition: self.model.task_definitions[state.task_definition].name(),
            desired_count: state.desired,
            running_count: 0,
            pending_count: 0,
            unplaced_count: state.unplaced,
            unplaced_reason: state.unplaced_reason.clone(),
            by_capacity_provider: BTreeMap::new(),
            by_zone: BTreeMap::new(),
            by_instance: BTreeMap::new(),
            az_rebalancing: state.rebalance.in_progress,
        };
        let mut counts = TaskCounts::default();
        // Only tasks not yet STOPPED count (runningCount, pendingCount, the placements).
        for t in self.live_tasks_of_service(s) {
            let task = &self.tasks[t];
            counts.add(task);
            if !task.is_active() {
                continue;
            }
            let provider = match &task.capacity_provider {
                Some(p) => p.as_str(),
                None => launch_key(task.launch),
            };
            count_in(&mut view.by_capacity_provider, provider);
            if let Some(z) = &task.zone {
                count_in(&mut view.by_zone, z);
            }
            if let Some(i) = task.instance {
                count_in(&mut view.by_instance, &self.instances[i].ec2_instance_id);
            }
        }
        view.running_count = counts.running;
        view.pending_count = counts.pending;
        view
    }

    /// Why a task waiting for placement fits nowhere: the pipeline's verdict for every instance
    /// of its cluster, computed without changing the run. `None` if the task is not waiting on
    /// EC2 or external capacity.
    pub fn explain_placement(&self, t: usize) -> Option<Vec<Verdict>> {
        let task = self.tasks.get(t)?;
        if !task.is_waiting() {
            return None;
        }
        let s = task.service?;
        let pool = self.pool_of(task.launch, task.capacity_provider.as_deref())?;
        Some(self.verdicts_for(s, task.task_definition, pool))
    }

    /// Why service `s` could not place the tasks it wanted to start (the simulator's own view:
    /// ECS creates no task for them): the pipeline's verdict for every instance of its cluster
    /// for one more task of its current task definition. `None` when nothing is unplaced or the
    /// service runs on Fargate (no instances to blame).
    pub fn explain_unplaced(&self, s: usize) -> Option<Vec<Verdict>> {
        let state = self.services.get(s)?;
        if state.unplaced == 0 {
            return None;
        }
        let (launch, provider) = match &self.model.services[s].launch {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None),
            LaunchTarget::External => (LaunchKind::External, None),
            LaunchTarget::Fargate => return None,
            LaunchTarget::Strategy(items) => {
                let it = items.first()?;
                (crate::sim::scheduler::launch_of(it), Some(it.name.as_str()))
            }
        };
        let pool = self.pool_of(launch, provider)?;
        Some(self.verdicts_for(s, state.task_definition, pool))
    }

    /// The instances a task of `launch` (and capacity provider) can use; None for Fargate.
    fn pool_of(&self, launch: LaunchKind, provider: Option<&str>) -> Option<Pool> {
        match launch {
            LaunchKind::Ec2 => Some(
                match provider.and_then(|p| self.model.asgs.iter().position(|a| a.provider == p)) {
                    Some(a) => Pool::Asg(a),
                    None => Pool::Ec2,
                },
            ),
            LaunchKind::External => Some(Pool::External),
            LaunchKind::Fargate | LaunchKind::FargateSpot => None,
        }
    }

    /// Every instance's verdict for one more task of service `s` with task definition `td`,
    /// from a copy of the placement stream so the run is not changed.
    fn verdicts_for(&self, s: usize, td: usize, pool: Pool) -> Vec<Verdict> {
        let svc = &self.model.services[s];
        let group = format!("service:{}", svc.name);
        let constraints = self.model.constraints_for(&svc.constraints, td);
        let req = PlacementRequest {
            cluster: svc.cluster,
            needs: &self.model.task_definitions[td].needs,
            group: &group,
            constraints: &constraints,
            strategies: &svc.strategies,
            allowed_zones: &svc.subnet_zones,
            pool,
        };
        let mut rng = self.placement_rng.clone();
        placement::place_reference(&req, &self.instances, &self.tasks, &mut rng).verdicts
    }

    /// For an instance: each waiting task's and each service's unplaced tasks' verdict on it
    /// ("why not here?").
    pub fn explain_instance(&self, i: usize) -> Vec<(Waiting, Verdict)> {
        let tasks = self.tasks.ids().filter_map(|t| {
            self.explain_placement(t)
                .and_then(|vs| vs.into_iter().find(|v| v.instance == i))
                .map(|v| (Waiting::Task(t), v))
        });
        let services = (0..self.services.len()).filter_map(|s| {
            self.explain_unplaced(s)
                .and_then(|vs| vs.into_iter().find(|v| v.instance == i))
                .map(|v| (Waiting::Unplaced(s), v))
        });
        tasks.chain(services).collect()
    }

    /// Whether an instance is in a zone that is down.
    pub fn instance_zone_down(&self, i: usize) -> bool {
        self.instances.get(i).is_some_and(|inst| {
            self.zones_down.contains(&inst.zone) && inst.status != InstanceStatus::Terminated
        })
    }
}

/// The by-capacity-provider key of a task without a capacity provider: its launch kind's name
/// in capitals, as the cards have always shown it.
fn launch_key(launch: LaunchKind) -> &'static str {
    match launch {
        LaunchKind::Ec2 => "EC2",
        LaunchKind::Fargate => "FARGATE",
        LaunchKind::FargateSpot => "FARGATESPOT",
        LaunchKind::External => "EXTERNAL",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_without_a_provider_is_counted_under_its_launch_kind_in_capitals() {
        for launch in [
            LaunchKind::Ec2,
            LaunchKind::Fargate,
            LaunchKind::FargateSpot,
            LaunchKind::External,
        ] {
            // The key the cards showed before it was spelled out (the Debug name, upper case).
            assert_eq!(launch_key(launch), format!("{launch:?}").to_uppercase());
        }
        let mut counts = BTreeMap::new();
        count_in(&mut counts, "FARGATE");
        count_in(&mut counts, "FARGATE");
        count_in(&mut counts, "EC2");
        assert_eq!(counts.get("FARGATE"), Some(&2));
        assert_eq!(counts.get("EC2"), Some(&1));
    }
}
