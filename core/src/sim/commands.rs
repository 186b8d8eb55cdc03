//! What a timeline event or a playground button does to a running cluster: the same commands
//! either way, so a scripted scenario and a clicked one behave alike.

use super::log::LogKind;
use super::queue::Event;
use super::Sim;
use crate::cluster::InstanceStatus;
use crate::scenario::limits::MAX_TOTAL_DESIRED_TASKS;
use crate::scenario::TimelineAction;
use crate::task::stopped_reason;
use crate::task::{StopCode, TaskStatus};
use std::fmt;

/// A command refused because what it names does not exist (or no longer can be acted on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandError(pub String);

/// How a timeline action that could not apply starts its log line ("Timeline event skipped:
/// no task of service worker runs on FARGATE_SPOT, so the Spot interruption has nothing to
/// interrupt"): it stays in the log, and charts
/// leave it out of their markers, since nothing happened then.
pub const TIMELINE_SKIPPED: &str = "Timeline event skipped: ";

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CommandError {}

/// How a Fargate task's stoppedReason ends when a zone outage takes it ("Task lost in the
/// us-east-1c outage (simulated)."), which presenter mode's latest events look for.
pub const LOST_IN_OUTAGE: &str = "outage (simulated).";
impl Sim {
    pub(crate) fn timeline_event(&mut self, i: usize) {
        let action = self.model.timeline[i].action.clone();
        // Lines this action logs say it was scripted, so nobody takes it for their own click.
        self.scripted = true;
        let result = match (&action, self.model.timeline_run_tasks.get(&i)) {
            (TimelineAction::RunTask(_), Some(&r)) => {
                let family =
                    self.model.task_definitions[self.model.run_tasks[r].task_definition].name();
                let count = self.model.run_tasks[r].count;
                self.emit(
                    LogKind::Action,
                    None,
                    format!("run-task --task-definition {family} --count {count}"),
                );
                self.run_task(r);
                Ok(())
            }
            _ => self.apply(&action),
        };
        self.scripted = false;
        if let Err(e) = result {
            self.emit(LogKind::Action, None, format!("{TIMELINE_SKIPPED}{e}"));
        }
    }

    /// Applies a timeline action now (the playground's buttons use the same path), and writes
    /// the grouped service events it left at once ([`Sim::write_notes`]): an action's events are
    /// its own, so two clicks in one second write two groups, as their replay from a kept link
    /// does (review: waiting for the instant to end grouped the replay's two and not the
    /// clicks').
    pub fn apply(&mut self, action: &TimelineAction) -> Result<(), CommandError> {
        let done = self.apply_action(action);
        self.write_notes();
        done
    }

    /// [`Sim::apply`]'s work.
    fn apply_action(&mut self, action: &TimelineAction) -> Result<(), CommandError> {
        match action {
            TimelineAction::StopTask { service, index } => {
                let t = self.nth_active_task(service, *index)?;
                self.stop_task_by_user(t)
            }
            TimelineAction::HangTask { service, index } => {
                let t = self.nth_active_task(service, *index)?;
                self.hang_task(t)
            }
            TimelineAction::SpotInterruption { service, index } => {
                let s = self.service_index(service)?;
                let spot = self.spot_tasks_of(s);
                // Said for a room: lesson 4's solution runs nothing on Spot at 0:05, and
                // "no running FARGATE_SPOT task number 0" topped presenter mode's events
                // (instructor walkthrough, 33rd session).
                let t = *spot.get(*index as usize).ok_or_else(|| {
                    CommandError(if spot.is_empty() {
                        format!(
                            "no task of service {service} runs on FARGATE_SPOT, so the Spot interruption has nothing to interrupt"
                        )
                    } else {
                        format!(
                            "service {service} runs {} FARGATE_SPOT task(s), and the Spot interruption names task number {index} (counted from 0)",
                            spot.len()
                        )
                    })
                })?;
                self.spot_interrupt(t);
                Ok(())
            }
            TimelineAction::TerminateInstance { instance } => {
                self.terminate_instance(*instance as usize)
            }
            TimelineAction::DrainInstance { instance } => self.drain_instance(*instance as usize),
            TimelineAction::AzOutage { availability_zone } => self.zone_outage(availability_zone),
            TimelineAction::AzRecovery { availability_zone } => {
                self.zone_recovery(availability_zone)
            }
            TimelineAction::RunTask(_) => Err(CommandError(
                "runTask is resolved with the scenario: script it on the timeline".into(),
            )),
            TimelineAction::RegisterContainerInstance {
                cluster,
                instance_type,
                availability_zone,
                attributes,
            } => self
                .register_container_instance(
                    cluster.as_deref().unwrap_or("default"),
                    instance_type,
                    availability_zone,
                    attributes,
                )
                .map(|_| ()),
            TimelineAction::SetDesiredCapacity {
                auto_scaling_group_name,
                desired_capacity,
            } => self.set_desired_capacity(auto_scaling_group_name, *desired_capacity),
            TimelineAction::TrafficSpike {
                service,
                multiplier,
                duration_seconds,
            } => {
                let s = self.service_index(service)?;
                self.traffic_spike(s, *multiplier, *duration_seconds);
                Ok(())
            }
            TimelineAction::UpdateService {
                service,
                desired_count,
                task_definition,
                force_new_deployment,
            } => {
                let s = self.service_index(service)?;
                let code_deploy = self.model.services[s].code_deploy;
                // API UpdateService: "Cannot force a new deployment on services with a
                // CODE_DEPLOY deployment controller" (InvalidParameterException).
                if code_deploy && *force_new_deployment {
                    return Err(CommandError(format!(
                        "update-service {service} refused: a service with the CODE_DEPLOY deployment controller cannot force a new deployment; create a CodeDeploy deployment instead."
                    )));
                }
                // UpdateService is all or nothing: an unknown task definition changes nothing,
                // not even the desired count given with it.
                let mut k = self.services[s].task_definition;
                if let Some(td) = task_definition {
                    k = self
                        .task_definition_index(td)
                        .ok_or_else(|| CommandError(format!("no task definition {td}")))?;
                    // The deployment panel's live update is refused as the timeline's is at
                    // load: the revision must suit where the service runs.
                    let refusals = crate::service::resolve::new_revision_refusals(
                        &self.model.services[s],
                        &self.model.task_definitions[k],
                        &self.model.target_groups,
                    );
                    if !refusals.is_empty() {
                        return Err(CommandError(format!(
                            "update-service {service} refused: {}",
                            refusals.join(" ")
                        )));
                    }
                }
                let desired =
                    desired_count.map(|n| n.min(crate::service::resolve::MAX_TASKS_PER_SERVICE));
                // A DAEMON service runs one task on each instance: it has no desired count to
                // set (DG ecs_service-options: "there is no need to specify a desired number of
                // tasks"). The guide does not say what UpdateService does with one; the
                // playground leaves the count alone (nor counts it against the limits) and the
                // log says so.
                let daemon = self.model.services[s].daemon;
                if let Some(n) = desired.filter(|_| !daemon) {
                    self.check_total_desired(s, n)?;
                    self.services[s].desired = n;
                }
                // A new task definition, or forceNewDeployment, starts a new PRIMARY deployment
                // (API UpdateService); a desired count alone changes the current one.
                if k != self.services[s].task_definition || *force_new_deployment {
                    let d = self.start_deployment(s, k, *force_new_deployment);
                    self.begin_traffic_shift(s, d);
                }
                let td_name = self.model.task_definitions[self.services[s].task_definition].name();
                // API UpdateService: a CODE_DEPLOY service's new task definition goes through a
                // new CodeDeploy deployment, not UpdateService; the playground's updateService
                // with a taskDefinition stands for it, and the log says which call it is.
                let text = if code_deploy && task_definition.is_some() {
                    let desired = desired
                        .map(|n| format!("; update-service {service}: desiredCount {n}"))
                        .unwrap_or_default();
                    format!(
                        "codedeploy create-deployment for {service}: AppSpec TaskDefinition {td_name}{desired}."
                    )
                } else {
                    // What the call gave, as `aws ecs update-service` would be called: until
                    // 2026-12-06 the line named the desired count and the revision whatever
                    // the action set, so a new image read as a change of count too.
                    let mut given = Vec::new();
                    match desired {
                        Some(n) if daemon => given.push(format!(
                            "desiredCount {n} ignored (a DAEMON service runs one task on each container instance)"
                        )),
                        Some(n) => given.push(format!("desiredCount {n}")),
                        None => {}
                    }
                    if task_definition.is_some() {
                        given.push(format!("taskDefinition {td_name}"));
                    }
                    if *force_new_deployment {
                        given.push("forceNewDeployment".to_string());
                    }
                    if given.is_empty() {
                        given.push(format!("taskDefinition {td_name} (unchanged)"));
                    }
                    format!("update-service {service}: {}.", given.join(", "))
                };
                self.emit(LogKind::Action, Some(s), text);
                self.request_reconcile_at(s, self.now);
                Ok(())
            }
        }
    }

    /// A live UpdateService (the page's deployment panel) may not take the scenario past the
    /// tasks the playground can run ([`MAX_TOTAL_DESIRED_TASKS`], checked at load over what
    /// every service can reach): the other services count at the larger of their desired
    /// count and their scalable target's maxCapacity, as the load check counts them.
    fn check_total_desired(&self, s: usize, n: u32) -> Result<(), CommandError> {
        let others: u64 = (0..self.services.len())
            .filter(|&o| o != s)
            .map(|o| {
                let max = self.autoscaling.services.get(&o).map_or(0, |t| t.max);
                u64::from(self.services[o].desired.max(max))
            })
            .sum();
        let standalone: u64 = self
            .model
            .run_tasks
            .iter()
            .map(|r| u64::from(r.count))
            .sum();
        let total = others + standalone + u64::from(n);
        if total > u64::from(MAX_TOTAL_DESIRED_TASKS) {
            return Err(CommandError(format!(
                "desiredCount {n} would bring the scenario to {total} tasks; the playground runs at most {MAX_TOTAL_DESIRED_TASKS} (README \"Limits\")"
            )));
        }
        Ok(())
    }

    fn service_index(&self, name: &str) -> Result<usize, CommandError> {
        self.model
            .services
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| CommandError(format!("no service named {name}")))
    }

    fn task_definition_index(&self, reference: &str) -> Option<usize> {
        let (family, rev) = match reference.split_once(':') {
            Some((f, r)) => (f, r.parse::<u32>().ok()),
            None => (reference, None),
        };
        self.model
            .task_definitions
            .iter()
            .enumerate()
            .filter(|(_, t)| t.family == family && rev.is_none_or(|r| t.revision == r))
            .map(|(k, _)| k)
            .next_back()
    }

    /// Task `t` if it exists and is not yet stopping: what stop-task (now, or kept for the
    /// timeline) can act on.
    pub(crate) fn task_to_stop(&self, t: usize) -> Result<&crate::task::Task, CommandError> {
        let task = self
            .tasks
            .get(t)
            .ok_or_else(|| CommandError(format!("no task {t}")))?;
        if !task.is_active() {
            return Err(CommandError(format!(
                "task {} is already stopping",
                task.id
            )));
        }
        Ok(task)
    }

    /// The n-th active task of the named service, oldest start first (PENDING ones last): how
    /// the timeline's `stopTask` and `hangTask` name a task (see [`Sim::service_tasks_by_start`]).
    fn nth_active_task(&self, service: &str, index: u32) -> Result<usize, CommandError> {
        let s = self.service_index(service)?;
        self.service_tasks_by_start(s)
            .get(index as usize)
            .copied()
            .ok_or_else(|| CommandError(format!("service {service} has no task number {index}")))
    }

    /// The simulator's `hangTask`: the application in RUNNING task `t` stops answering. Its
    /// process keeps running, so nothing changes until a load balancer or container health
    /// check fails; without either, ECS never notices (DG healthcheck: a container without a
    /// health check reports no health).
    pub fn hang_task(&mut self, t: usize) -> Result<(), CommandError> {
        let task = self.task_to_hang(t)?;
        // Begins as stop-task's line does, so a chart's marker reads "hang-task 70d4452c…".
        let text = format!(
            "hang-task {} (simulator): its application stops answering; its health checks fail from now on, its process keeps running.",
            task.id
        );
        let service = task.service;
        self.emit(LogKind::Action, service, text);
        self.tasks[t].hung = true;
        Ok(())
    }

    /// Task `t`, if its application can hang now: RUNNING, not stopping, not hung already (the
    /// task panel offers *Hang its application* by this rule).
    pub fn task_to_hang(&self, t: usize) -> Result<&crate::task::Task, CommandError> {
        let task = self.task_to_stop(t)?;
        if task.last_status != crate::task::TaskStatus::Running {
            return Err(CommandError(format!(
                "task {} is not RUNNING: only a running application can hang",
                task.id
            )));
        }
        if task.hung {
            return Err(CommandError(format!("task {} has already hung", task.id)));
        }
        Ok(task)
    }

    /// `aws ecs stop-task`: the task stops with stopCode UserInitiated; its service replaces it.
    pub fn stop_task_by_user(&mut self, t: usize) -> Result<(), CommandError> {
        let task = self.task_to_stop(t)?;
        let text = format!("stop-task {}", task.id);
        self.emit(LogKind::Action, task.service, text);
        self.stop_task(
            t,
            StopCode::UserInitiated,
            stopped_reason::STOPPED_BY_USER.to_string(),
        );
        self.write_notes();
        Ok(())
    }

    /// The EC2 instance is terminated: its tasks stop at once, and its Auto Scaling group
    /// launches a replacement (it notices within seconds and the new instance boots).
    pub fn terminate_instance(&mut self, i: usize) -> Result<(), CommandError> {
        let inst = self
            .instances
            .get(i)
            .ok_or_else(|| CommandError(format!("no instance number {i}")))?;
        if !inst.is_alive() {
            return Err(CommandError(format!(
                "instance {} is already terminated",
                inst.ec2_instance_id
            )));
        }
        let id = inst.ec2_instance_id.clone();
        self.emit(LogKind::Action, None, format!("terminate-instances {id}"));
        self.lose_instance(i, stopped_reason::host_terminated(&id));
        self.write_notes();
        Ok(())
    }

    /// The instance is gone (terminated by a user, an outage or a scale-in): its tasks stop at
    /// once and its group notices.
    pub(crate) fn lose_instance(&mut self, i: usize, reason: String) {
        self.instances[i].status = InstanceStatus::Terminated;
        self.meter_instance_gone(i);
        for t in self.instances[i].tasks.clone() {
            self.kill_task(t, Some(StopCode::TerminationNotice), reason.clone());
        }
        self.placement_index.refresh(i, &self.instances[i]);
        let cluster = self.instances[i].cluster;
        if let Some(a) = self.instances[i].asg {
            // EC2 Auto Scaling health checks notice a terminated instance within seconds.
            self.queue.push(self.now + 10_000, Event::AsgCheck(a));
        }
        self.reconcile_cluster(cluster);
    }

    /// `update-container-instances-state --status DRAINING`: no new tasks; PENDING service
    /// tasks stop at once; RUNNING ones are replaced within the deployment bounds (DG
    /// container-instance-draining). Standalone tasks are left alone.
    pub fn drain_instance(&mut self, i: usize) -> Result<(), CommandError> {
        let inst = self
            .instances
            .get(i)
            .ok_or_else(|| CommandError(format!("no instance number {i}")))?;
        if inst.status != InstanceStatus::Active {
            return Err(CommandError(format!(
                "instance {} is not ACTIVE",
                inst.ec2_instance_id
            )));
        }
        let text = format!(
            "update-container-instances-state {} DRAINING",
            inst.ec2_instance_id
        );
        self.emit(LogKind::Action, None, text);
        self.set_draining(i);
        self.write_notes();
        Ok(())
    }

    /// Instance `i` goes DRAINING: it takes no new tasks, and every service of its cluster
    /// looks at once (its tasks there are replaced within the deployment bounds).
    pub(crate) fn set_draining(&mut self, i: usize) {
        self.instances[i].status = InstanceStatus::Draining;
        self.placement_index.refresh(i, &self.instances[i]);
        let cluster = self.instances[i].cluster;
        for s in 0..self.model.services.len() {
            if self.model.services[s].cluster == cluster {
                self.request_reconcile_at(s, self.now);
            }
        }
    }

    /// An Availability Zone goes down: its instances and Fargate tasks are lost, and nothing
    /// launches there until it recovers.
    pub fn zone_outage(&mut self, zone: &str) -> Result<(), CommandError> {
        if !self.model.zones.iter().any(|z| z == zone) {
            return Err(CommandError(format!("unknown zone {zone}")));
        }
        if !self.zones_down.insert(zone.to_string()) {
            return Err(CommandError(format!("{zone} is already down")));
        }
        self.emit(
            LogKind::Action,
            None,
            format!("Availability Zone {zone} outage begins."),
        );
        for i in 0..self.instances.len() {
            if self.instances[i].zone == zone && self.instances[i].is_alive() {
                let reason = stopped_reason::host_terminated(&self.instances[i].ec2_instance_id);
                self.lose_instance(i, reason);
            }
        }
        for t in self.tasks.ids() {
            // Killing a task may drop older stopped ones from the store.
            let Some(task) = self.tasks.get(t) else {
                continue;
            };
            if task.instance.is_none()
                && task.zone.as_deref() == Some(zone)
                && task.last_status != TaskStatus::Stopped
            {
                self.kill_task(t, None, format!("Task lost in the {zone} {LOST_IN_OUTAGE}"));
            }
        }
        self.write_notes();
        Ok(())
    }

    /// The zone is usable again; Auto Scaling groups may launch there.
    pub fn zone_recovery(&mut self, zone: &str) -> Result<(), CommandError> {
        if !self.zones_down.remove(zone) {
            return Err(CommandError(format!("{zone} is not down")));
        }
        self.emit(
            LogKind::Action,
            None,
            format!("Availability Zone {zone} recovered."),
        );
        for a in 0..self.model.asgs.len() {
            self.queue.push(self.now, Event::AsgCheck(a));
        }
        // Fargate can place in the zone again: each service looks (Availability Zone
        // rebalancing moves tasks back into it).
        for s in 0..self.model.services.len() {
            self.request_reconcile(s);
        }
        self.write_notes();
        Ok(())
    }
}
