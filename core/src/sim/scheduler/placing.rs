//! Where a new task goes: its capacity provider (base and weight, DG
//! cluster-capacity-providers), then an instance through the placement pipeline or a Fargate
//! zone (Fargate spreads a group's tasks across the zones of its subnets, DG task-placement).
//!
//! A task is created only once it has somewhere to go. With a launch type, a task that fits
//! nowhere is not a task at all: the service scheduler says "unable to place a task" and tries
//! again later, and RunTask returns a failure. Only a capacity provider with managed scaling
//! keeps such a task, in PROVISIONING, until capacity arrives (DG standalone-tasks: "tasks that
//! can't be started due to a lack of compute capacity are moved to the PROVISIONING state
//! rather than failing immediately").

use super::super::Sim;
use crate::cluster::{capacity_provider, LaunchTarget, ProviderKind, StrategyItem};
use crate::placement::{Constraint, Strategy};
use crate::task::{LaunchKind, TaskStatus};
use std::sync::Arc;

/// What a new task needs to be placed: the same for a service's task and a RunTask copy.
pub(crate) struct NewTask<'a> {
    /// Its cluster.
    pub cluster: usize,
    /// Its task definition (index into the model).
    pub task_definition: usize,
    /// Its task group (`service:<name>`, `family:<family>` or RunTask's group).
    pub group: &'a str,
    /// EC2, Fargate, Fargate Spot or External.
    pub launch: LaunchKind,
    /// The capacity provider a strategy chose, if any.
    pub capacity_provider: Option<&'a str>,
    /// Zones of its awsvpc subnets (empty when not awsvpc).
    pub zones: &'a [String],
    /// Placement constraints.
    pub constraints: &'a [Constraint],
    /// Placement strategies.
    pub strategies: &'a [Strategy],
}

/// Where a placed task goes.
pub(crate) enum Place {
    /// This container instance.
    Instance(usize),
    /// Fargate capacity in this zone.
    Fargate(Arc<str>),
}

/// Why a task could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unplaced {
    /// ECS's "closest matching" container instance and phrase; None when there is none to
    /// blame (no instances at all, or Fargate with no zone available).
    pub closest: Option<(String, String)>,
    /// The simulator's one-line explanation.
    pub detail: String,
    /// RunTask's failure reason (`RESOURCE:MEMORY`, `MISSING`, …).
    pub failure_reason: String,
}

/// What launching one task of a service came to.
pub(crate) enum Launched {
    /// Placed and started: the task.
    Started(usize),
    /// Created in PROVISIONING, waiting for its capacity provider's managed scaling.
    Waiting,
    /// Not placed, and no task exists.
    Unplaced(Unplaced),
}

impl Sim {
    /// Launches one more task of service `s`: chooses its capacity provider, finds it a place,
    /// and only then creates it (or keeps it waiting when managed scaling will add capacity).
    pub(crate) fn launch_service_task(&mut self, s: usize) -> Launched {
        self.launch_service_task_in(s, None)
    }

    /// [`Sim::launch_service_task`], or with `zone` a task pinned to that Availability Zone
    /// (rebalancing's: the service's placement constraints plus the zone; it never waits for
    /// managed scaling, as "Amazon ECS can't launch new instances in underutilized Availability
    /// Zones", DG service-rebalancing).
    pub(crate) fn launch_service_task_in(&mut self, s: usize, zone: Option<&str>) -> Launched {
        let (launch, provider) = self.service_destination(s);
        let group = Arc::clone(&self.service_labels[s].group);
        let task_definition = self.services[s].task_definition;
        let pinned = zone.map(|z| self.pinned_to_zone(s, z));
        let (placer, rng) = self.placer();
        let svc = &placer.model.services[s];
        let (zones, constraints) = match &pinned {
            Some((zones, constraints)) => (&zones[..], &constraints[..]),
            None => (&svc.subnet_zones[..], &svc.constraints[..]),
        };
        let request = NewTask {
            cluster: svc.cluster,
            task_definition,
            group: &group,
            launch,
            capacity_provider: provider.as_deref(),
            zones,
            constraints,
            strategies: &svc.strategies,
        };
        let found = placer.find_place(&request, rng);
        let waits = found.is_err()
            && zone.is_none()
            && self.provider_waits_for_capacity(provider.as_deref());
        let t = match &found {
            Ok(_) => self.new_service_task(s, launch, provider, group),
            Err(_) if waits => self.new_service_task(s, launch, provider, group),
            Err(why) => return Launched::Unplaced(why.clone()),
        };
        self.join_deployment_target_group(s, t);
        match found {
            Ok(place) => {
                self.bind(t, place);
                Launched::Started(t)
            }
            Err(why) => {
                self.tasks[t].waiting_reason = Some(why.detail);
                self.rewatch(t);
                Launched::Waiting
            }
        }
    }

    /// Service `s`'s subnet zones and placement constraints narrowed to `zone`: its awsvpc
    /// subnets in that zone only, and a `memberOf` on `attribute:ecs.availability-zone`.
    fn pinned_to_zone(&self, s: usize, zone: &str) -> (Vec<String>, Vec<Constraint>) {
        let svc = &self.model.services[s];
        let zones: Vec<String> = svc
            .subnet_zones
            .iter()
            .filter(|z| z.as_str() == zone)
            .cloned()
            .collect();
        let mut constraints = svc.constraints.clone();
        let text = format!("attribute:ecs.availability-zone == {zone}");
        if let Ok(expression) = crate::placement::query::parse(&text) {
            constraints.push(Constraint::MemberOf(expression, text));
        }
        (zones, constraints)
    }

    /// The launch type and capacity provider of service `s`'s next task.
    fn service_destination(&self, s: usize) -> (LaunchKind, Option<String>) {
        match &self.model.services[s].launch {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None),
            LaunchTarget::External => (LaunchKind::External, None),
            LaunchTarget::Fargate => (LaunchKind::Fargate, None),
            LaunchTarget::Strategy(items) => {
                let it = &items[self.choose_provider(s, items)];
                (launch_of(it), Some(it.name.clone()))
            }
        }
    }

    /// Creates a task of service `s` for its current task definition (in its cluster, started
    /// by it), recorded against the deployment that starts it. Replica and daemon tasks alike.
    pub(super) fn new_service_task(
        &mut self,
        s: usize,
        launch: LaunchKind,
        provider: Option<String>,
        group: Arc<str>,
    ) -> usize {
        let cluster = self.model.services[s].cluster;
        let td = self.services[s].task_definition;
        let started_by = self.deployment_started_by(s);
        let t = self.new_task(
            cluster,
            td,
            Some(s),
            group,
            launch,
            provider,
            Some(started_by),
        );
        // Each task records the deployment that started it.
        let now = crate::deployment::Tally::of(self.tasks[t].last_status, false);
        self.services[s].deployments.record_start(t, now);
        t
    }

    /// The `startedBy` of a task service `s` starts now: its PRIMARY deployment's ID (API Task
    /// startedBy: "If the task is started by an Amazon ECS service, then the startedBy parameter
    /// contains the deployment ID of the service that starts it"). Kept as one shared string
    /// until the PRIMARY deployment changes.
    fn deployment_started_by(&mut self, s: usize) -> Arc<str> {
        let ds = &self.services[s].deployments;
        let Some(primary) = ds.primary().map(|k| ds.list[k].id.as_str()) else {
            return Arc::clone(&self.service_labels[s].started_by);
        };
        let label = &mut self.service_labels[s].started_by;
        if **label != *primary {
            *label = Arc::from(primary);
        }
        Arc::clone(label)
    }

    /// Registers replica task `t` of service `s` with the target group its deployment uses:
    /// ECS-native blue/green, canary and linear put green tasks in the alternate group (see
    /// `green_uses_alternate_group`).
    fn join_deployment_target_group(&mut self, s: usize, t: usize) {
        let alternate = self.green_uses_alternate_group(s, t);
        self.choose_target_group(t, alternate);
    }

    /// The strategy item the next task of service `s` goes to (base first, then by weight).
    fn choose_provider(&self, s: usize, items: &[StrategyItem]) -> usize {
        let counts: Vec<u32> = items
            .iter()
            .map(|it| self.task_index.on_provider(s, &it.name))
            .collect();
        capacity_provider::choose(items, &counts).unwrap_or(0)
    }

    /// Whether tasks that fit nowhere wait in PROVISIONING: the capacity provider is an Auto
    /// Scaling group with managed scaling, which will launch instances for them.
    pub(crate) fn provider_waits_for_capacity(&self, provider: Option<&str>) -> bool {
        provider.is_some_and(|p| {
            self.model
                .asgs
                .iter()
                .any(|a| a.provider == p && a.managed_scaling.is_some())
        })
    }

    /// Binds task `t` to the place found for it.
    pub(crate) fn bind(&mut self, t: usize, place: Place) {
        match place {
            Place::Instance(i) => self.bind_to_instance(t, i),
            Place::Fargate(zone) => self.bind_to_fargate(t, zone),
        }
    }

    /// Places a task waiting in PROVISIONING for capacity, or records why it still cannot be
    /// placed. The error carries ECS's "closest matching" instance and phrase.
    pub(super) fn try_place_waiting(&mut self, t: usize) -> Result<(), Unplaced> {
        let standalone = self.waiting_standalone.get(&t).copied();
        let (placer, rng) = self.placer();
        let task = &placer.tasks[t];
        let none: (&[String], &[Constraint], &[Strategy]) = (&[], &[], &[]);
        let (zones, constraints, strategies) = match (task.service, standalone) {
            (Some(s), _) => {
                let svc = &placer.model.services[s];
                (
                    &svc.subnet_zones[..],
                    &svc.constraints[..],
                    &svc.strategies[..],
                )
            }
            (None, Some(r)) => {
                let rt = &placer.model.run_tasks[r];
                (
                    &rt.subnet_zones[..],
                    &rt.constraints[..],
                    &rt.strategies[..],
                )
            }
            (None, None) => none,
        };
        let request = NewTask {
            cluster: task.cluster,
            task_definition: task.task_definition,
            group: &task.group,
            launch: task.launch,
            capacity_provider: task.capacity_provider.as_deref(),
            zones,
            constraints,
            strategies,
        };
        match placer.find_place(&request, rng) {
            Ok(place) => {
                self.bind(t, place);
                Ok(())
            }
            Err(why) => {
                self.tasks[t].waiting_reason = Some(why.detail.clone());
                self.rewatch(t);
                Err(why)
            }
        }
    }

    /// Tasks waiting in PROVISIONING that no service retries (standalone RunTask copies) try
    /// again when their cluster's capacity changes.
    pub(crate) fn retry_waiting_standalone(&mut self, cluster: usize) {
        let waiting: Vec<usize> = self
            .waiting_standalone
            .keys()
            .copied()
            .filter(|&t| self.tasks[t].cluster == cluster)
            .collect();
        for t in waiting {
            if self.tasks[t].last_status != TaskStatus::Provisioning || !self.tasks[t].is_waiting()
            {
                self.waiting_standalone.remove(&t);
                continue;
            }
            if self.try_place_waiting(t).is_ok() {
                self.waiting_standalone.remove(&t);
            }
        }
    }
}

/// The launch kind a strategy item gives.
pub(crate) fn launch_of(item: &StrategyItem) -> LaunchKind {
    match item.kind {
        ProviderKind::Asg(_) => LaunchKind::Ec2,
        ProviderKind::Fargate => LaunchKind::Fargate,
        ProviderKind::FargateSpot => LaunchKind::FargateSpot,
    }
}
