//! Task lifecycle (DG task-lifecycle): binding a placed task to its capacity, moving it
//! through PROVISIONING → PENDING → ACTIVATING → RUNNING, stopping it through DEACTIVATING →
//! STOPPING → DEPROVISIONING → STOPPED, and its container health checks.

use super::log::{line_buffer, LogKind};
use super::queue::Event;
use super::Sim;
use crate::deployment::Tally;
use crate::placement::filters;
use crate::service::messages;
use crate::service::throttle;
use crate::task::stopped_reason;
use crate::task::{
    ContainerExit, ExitReason, HealthStatus, LaunchKind, StopCode, Task, TaskStatus,
};
use crate::taskdef::NetworkMode;
use crate::time::Millis;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

/// Seconds to pull an image when the scenario does not say.
pub const DEFAULT_PULL_SECONDS: u32 = 8;
/// Seconds from container start until the application answers, when the scenario does not say.
pub const DEFAULT_START_SECONDS: u32 = 2;
/// Attaching an awsvpc ENI on EC2 ("several seconds", DG task-networking).
pub const ENI_ATTACH_MS: Millis = 5_000;
/// Detaching it.
pub const ENI_DETACH_MS: Millis = 5_000;
/// Fargate capacity provisioning, drawn per task (not documented; observed tens of seconds).
pub const FARGATE_PROVISIONING_MS: (Millis, Millis) = (15_000, 35_000);
/// A task with no essential health check counts towards minimumHealthyPercent this long after
/// it reaches RUNNING (API DeploymentConfiguration: "wait for 40 seconds").
pub const NO_HEALTH_CHECK_HEALTHY_AFTER_MS: Millis = 40_000;
/// ACTIVATING / DEACTIVATING steps without a load balancer.
pub const ACTIVATION_MS: Millis = 1_000;
/// How long a process that honours SIGTERM takes to exit.
pub const GRACEFUL_EXIT_MS: Millis = 1_000;
/// How the line of an essential container's exit begins (here and in `oom.rs`); presenter
/// mode's latest events find the lines by it.
pub const ESSENTIAL_EXITED: &str = "Essential container in task ";
/// What the line of a task whose container health check failed says after its ID; presenter
/// mode's latest events find the lines by it.
pub const UNHEALTHY: &str = " is UNHEALTHY: ";

impl Sim {
    /// Creates a task waiting for placement (PROVISIONING, no capacity yet).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new_task(
        &mut self,
        cluster: usize,
        td: usize,
        service: Option<usize>,
        group: Arc<str>,
        launch: LaunchKind,
        capacity_provider: Option<String>,
        started_by: Option<Arc<str>>,
    ) -> usize {
        let id = crate::task::TaskId::from_digits(self.ids.hex_array());
        let t = self.tasks.push(Task {
            cluster,
            task_definition: td,
            service,
            started_by,
            capacity_provider,
            ..Task::provisioning(id, group, launch, self.now)
        });
        self.task_index.created(t, &self.tasks[t]);
        // A service with a load balancer registers its tasks in the production target group
        // unless the deployment code chooses the alternate one.
        self.choose_target_group(t, false);
        t
    }

    pub(crate) fn bump(&mut self, t: usize) -> u32 {
        self.tasks[t].epoch += 1;
        self.tasks[t].epoch
    }

    pub(crate) fn set_status(&mut self, t: usize, status: TaskStatus) {
        let task = &mut self.tasks[t];
        let from = std::mem::replace(&mut task.last_status, status);
        let stop_requested = task.stop_requested;
        if let Some(s) = task.service {
            self.task_index
                .status_changed(s, from, status, stop_requested);
            self.services[s].deployments.task_changed(
                t,
                Tally::of(from, stop_requested),
                Tally::of(status, stop_requested),
            );
        }
        let task = &mut self.tasks[t];
        if status == TaskStatus::Pending && task.pull_started_at.is_none() {
            // The image pull begins as the task enters PENDING (DG task-lifecycle).
            task.pull_started_at = Some(self.now);
        }
        // The same bytes as `trace_only(&format!("task {id} {status}"))`, without the string.
        let now = self.now.to_le_bytes();
        let task = &self.tasks[t];
        self.trace.update(&now);
        self.trace.update(b"task ");
        self.trace.update(task.id.as_bytes());
        self.trace.update(b" ");
        self.trace.update(status.as_str().as_bytes());
        self.meter_task_status(t);
        self.rewatch(t);
    }

    /// Files task `t` in or out of the task index's watched set after a change to its health,
    /// its target, its wait for capacity or its status.
    pub(crate) fn rewatch(&mut self, t: usize) {
        self.task_index.rewatch(t, &self.tasks[t]);
    }

    /// Binds a task to an instance the pipeline chose: reserves resources, ports and an ENI.
    pub(crate) fn bind_to_instance(&mut self, t: usize, i: usize) {
        let needs = &self.model.task_definitions[self.tasks[t].task_definition].needs;
        let ports = filters::ports::assign(&self.instances[i], needs);
        let awsvpc = needs.network_mode == NetworkMode::Awsvpc;
        let inst = &mut self.instances[i];
        inst.cpu_used += needs.cpu;
        inst.memory_used += needs.memory;
        inst.gpus_used += needs.gpus;
        if awsvpc {
            inst.enis_used += 1;
        }
        for p in &ports {
            inst.ports.insert(*p, t);
        }
        inst.tasks.insert(t);
        self.placement_index
            .add_group_task(i, inst, &self.tasks[t].group);
        self.placement_index.refresh(i, inst);
        let zone = self.names.shared(&inst.zone);
        let task = &mut self.tasks[t];
        task.instance = Some(i);
        task.zone = Some(zone);
        task.host_ports = ports;
        task.holds_eni = awsvpc;
        task.waiting_reason = None;
        self.meter_task_placed(t, i);
        self.task_index.zoned(&self.tasks[t]);
        self.rewatch(t);
        let epoch = self.bump(t);
        if awsvpc {
            // The ENI is attached while the task is PROVISIONING.
            self.queue
                .push(self.now + ENI_ATTACH_MS, Event::TaskAdvance(t, epoch));
        } else {
            self.set_status(t, TaskStatus::Pending);
            let pull = self.pull_ms(t);
            self.queue
                .push(self.now + pull, Event::TaskAdvance(t, epoch));
        }
    }

    /// Binds a Fargate task to a zone; Fargate provisions capacity for it.
    pub(crate) fn bind_to_fargate(&mut self, t: usize, zone: Arc<str>) {
        let task = &mut self.tasks[t];
        task.zone = Some(zone);
        task.waiting_reason = None;
        self.task_index.zoned(&self.tasks[t]);
        self.rewatch(t);
        let epoch = self.bump(t);
        let (lo, hi) = FARGATE_PROVISIONING_MS;
        let d = self.durations.between(lo, hi);
        self.queue.push(self.now + d, Event::TaskAdvance(t, epoch));
    }

    /// Each container of task `t`: its image, whether it is essential, and how the scenario
    /// says that image behaves (borrowed: it is read four times in every task's life).
    fn image(
        &self,
        t: usize,
    ) -> impl Iterator<Item = (&str, bool, crate::taskdef::ImageBehaviour)> + '_ {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        td.needs.containers.iter().map(|c| {
            (
                c.image.as_str(),
                c.essential,
                self.model.images.get(&c.image).copied().unwrap_or_default(),
            )
        })
    }

    pub(crate) fn pull_ms(&self, t: usize) -> Millis {
        // Images are pulled in parallel; the slowest decides.
        self.image(t)
            .map(|(_, _, b)| u64::from(b.pull_seconds.unwrap_or(DEFAULT_PULL_SECONDS)) * 1000)
            .max()
            .unwrap_or(0)
    }

    /// Moves a task to its next state when its timer fires.
    pub(crate) fn advance_task(&mut self, t: usize) {
        let status = self.tasks[t].last_status;
        match status {
            TaskStatus::Provisioning => {
                self.set_status(t, TaskStatus::Pending);
                let epoch = self.bump(t);
                let pull = self.pull_ms(t);
                self.queue
                    .push(self.now + pull, Event::TaskAdvance(t, epoch));
            }
            TaskStatus::Pending => {
                let cannot_pull = self
                    .image(t)
                    .enumerate()
                    .find(|(_, (_, _, b))| b.pull_fails)
                    .map(|(c, (image, _, _))| (c, stopped_reason::cannot_pull(image)));
                if let Some((c, reason)) = cannot_pull {
                    self.tasks[t].containers_exited = true;
                    // describe-tasks gives the container the same reason, and no exit code.
                    self.tasks[t].exit = Some(ContainerExit::new(c, ExitReason::CannotPull, 0));
                    self.stop_task(t, StopCode::TaskFailedToStart, reason);
                } else if !self.containers_started(t) {
                    // Containers still start in dependsOn order (`container_start.rs`).
                } else if self.tasks[t].holds_eni
                    || self.tasks[t].target_group.is_some()
                    || matches!(
                        self.tasks[t].launch,
                        LaunchKind::Fargate | LaunchKind::FargateSpot
                    )
                {
                    self.set_status(t, TaskStatus::Activating);
                    let epoch = self.bump(t);
                    self.queue
                        .push(self.now + ACTIVATION_MS, Event::TaskAdvance(t, epoch));
                } else {
                    self.task_running(t);
                }
            }
            TaskStatus::Activating => {
                // DG task-lifecycle: target group registration happens during ACTIVATING, so
                // the target is registered before the task is RUNNING.
                self.register_target(t);
                self.task_running(t);
                self.schedule_target_check(t);
            }
            TaskStatus::Running | TaskStatus::Stopped => {}
            TaskStatus::Deactivating => {
                // The deregistration delay is over: the target leaves its group, then SIGTERM.
                self.remove_target(t);
                if self.stopped_after_drain.remove(&t) {
                    if let Some(s) = self.tasks[t].service {
                        let id = self.tasks[t].id;
                        self.note(s, super::service_notes::NoteKind::Stopped, id);
                    }
                }
                self.set_status(t, TaskStatus::Stopping);
                let epoch = self.bump(t);
                let wait = self.exit_ms(t);
                self.queue
                    .push(self.now + wait, Event::TaskAdvance(t, epoch));
            }
            TaskStatus::Stopping => {
                let fargate = matches!(
                    self.tasks[t].launch,
                    LaunchKind::Fargate | LaunchKind::FargateSpot
                );
                if self.tasks[t].holds_eni || fargate {
                    self.set_status(t, TaskStatus::Deprovisioning);
                    let epoch = self.bump(t);
                    self.queue
                        .push(self.now + ENI_DETACH_MS, Event::TaskAdvance(t, epoch));
                } else {
                    self.task_stopped(t);
                }
            }
            TaskStatus::Deprovisioning => self.task_stopped(t),
        }
    }

    /// Time from SIGTERM to the containers' exit: SIGKILL after stopTimeout for a process that
    /// ignores SIGTERM (DG task_definition_parameters stopTimeout, default 30 s). The container
    /// that stopped the task (an essential one that exited) and any that ran to their end in
    /// the start order are not signalled; the others are (ContainerDefinition `essential`: "all
    /// other containers that are part of the task are stopped"), so a sidecar that ignores
    /// SIGTERM holds the task in STOPPING for its stopTimeout (fidelity probe 2026-12-06: the
    /// task went STOPPED the moment its essential container exited).
    fn exit_ms(&self, t: usize) -> Millis {
        let task = &self.tasks[t];
        if task.containers_exited {
            return 0;
        }
        let td = &self.model.task_definitions[task.task_definition];
        let gone = task.exit.map(|e| usize::from(e.container));
        let ended = if td.needs.orders_starts() {
            self.containers_exited_in_order(t)
        } else {
            Vec::new()
        };
        td.needs
            .containers
            .iter()
            .enumerate()
            .filter(|&(c, _)| Some(c) != gone && ended.get(c).is_none_or(Option::is_none))
            .map(|(_, c)| {
                let ignores = self
                    .model
                    .images
                    .get(&c.image)
                    .is_some_and(|b| b.ignores_sigterm);
                if ignores {
                    u64::from(c.stop_timeout) * 1000
                } else {
                    GRACEFUL_EXIT_MS
                }
            })
            .max()
            .unwrap_or(0)
    }

    fn task_running(&mut self, t: usize) {
        self.task_running_announced(t, true);
    }

    /// Task `t` reaches RUNNING: crash timer, container health checks, a scheduler pass. With
    /// `announce` false (a `startSteady` task that was running before the run began) the
    /// "is RUNNING" line goes to the trace only, not the event log.
    pub(crate) fn task_running_announced(&mut self, t: usize, announce: bool) {
        self.set_status(t, TaskStatus::Running);
        self.tasks[t].started_at = Some(self.now);
        let epoch = self.bump(t);
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        // One string per line, sized up front (the place and the revision's name were two
        // more, and the line grew twice).
        let mut text = line_buffer(&mut self.log_spare, task.id.len() + td.family.len() + 80);
        let _ = match task.instance {
            Some(i) => write!(
                text,
                "Task {} ({}:{}) is RUNNING on {} ({}).",
                task.id,
                td.family,
                td.revision,
                self.instances[i].ec2_instance_id,
                self.instances[i].zone
            ),
            None => write!(
                text,
                "Task {} ({}:{}) is RUNNING on {} in {}.",
                task.id,
                td.family,
                td.revision,
                launch_label(task.launch),
                task.zone.as_deref().unwrap_or("?")
            ),
        };
        let service = task.service;
        if announce {
            self.emit(LogKind::Task, service, text);
        } else {
            self.trace_only(&text);
        }
        // The earliest essential container crash, if its image crashes.
        if let Some((_, due, _)) = self.next_crash(t) {
            self.queue.push(due, Event::ContainerExit(t, epoch));
        }
        // Every container with a health check is probed on its own interval.
        let probes: Vec<(usize, u32)> = self.model.task_definitions[self.tasks[t].task_definition]
            .needs
            .containers
            .iter()
            .enumerate()
            .filter_map(|(c, m)| m.health_check.map(|(interval, ..)| (c, interval)))
            .collect();
        let containers = self.model.task_definitions[self.tasks[t].task_definition]
            .needs
            .containers
            .len();
        // Cleared and refilled: the buffer may be a dropped task's (`TaskStore::push`).
        let health = &mut self.tasks[t].container_health;
        health.clear();
        health.resize(containers, (HealthStatus::Unknown, 0));
        for &(c, interval) in &probes {
            self.queue.push(
                self.now + u64::from(interval) * 1000,
                Event::HealthCheck(t, epoch, c),
            );
        }
        // A container already healthy while the task was PENDING (a HEALTHY dependency).
        let healthy = self.healthy_at_running(t);
        if !healthy.is_empty() {
            for &c in &healthy {
                if let Some(state) = self.tasks[t].container_health.get_mut(c) {
                    *state = (HealthStatus::Healthy, 0);
                }
            }
            self.update_task_health(t, 0);
        }
        if let Some(s) = service {
            self.services[s].failed_starts = 0;
            self.services[s].throttle_rounds = 0;
            self.request_reconcile(s);
            if !probes.iter().any(|&(c, _)| {
                self.model.task_definitions[self.tasks[t].task_definition]
                    .needs
                    .containers[c]
                    .essential
            }) {
                // Without a health check the task counts as healthy 40 s after RUNNING.
                self.wake_scheduler_at(s, self.now + NO_HEALTH_CHECK_HEALTHY_AFTER_MS);
            }
        }
    }

    /// Whether the scheduler counts a task towards minimumHealthyPercent (API
    /// DeploymentConfiguration): RUNNING and HEALTHY when an essential container has a health
    /// check; with none, RUNNING for 40 seconds.
    pub(crate) fn counts_as_healthy(&self, t: usize) -> bool {
        let task = &self.tasks[t];
        if task.last_status != TaskStatus::Running || task.stop_requested {
            return false;
        }
        let checked = self.essential_health_checked(t);
        if task.target_group.is_some() {
            // With a load balancer, a task counts once its target is healthy too (DG
            // deployment-type-ecs), and that replaces the 40-second wait.
            self.target_healthy(t) && (!checked || task.health == HealthStatus::Healthy)
        } else if checked {
            task.health == HealthStatus::Healthy
        } else {
            task.started_at
                .is_some_and(|at| self.now >= at + NO_HEALTH_CHECK_HEALTHY_AFTER_MS)
        }
    }

    /// Whether an essential container of task `t` has a health check (which then decides the
    /// task's health: DG task_definition_parameters healthCheck).
    fn essential_health_checked(&self, t: usize) -> bool {
        self.model.task_definitions[self.tasks[t].task_definition]
            .needs
            .containers
            .iter()
            .any(|c| c.essential && c.health_check.is_some())
    }

    /// Whether RUNNING task `t` has health checks it has not passed yet (a target still
    /// `initial`, an essential container's check still UNKNOWN), neither failed nor passed.
    /// A task with no health check at all is never in this state: its 40-second wait is not
    /// a check. Scale-in stops such tasks before healthy ones (`scheduler/replica.rs`).
    pub(crate) fn not_yet_healthy(&self, t: usize) -> bool {
        let task = &self.tasks[t];
        if task.last_status != TaskStatus::Running || task.is_unhealthy() {
            return false;
        }
        (task.target_group.is_some() || self.essential_health_checked(t))
            && !self.counts_as_healthy(t)
    }

    /// A container health check runs: Docker runs the first one `interval` after start; failures
    /// during `startPeriod` do not count, and the first success ends the start period;
    /// `retries` failures in a row make the container UNHEALTHY (DG task_definition_parameters).
    /// The task is UNHEALTHY when any essential container is, HEALTHY when all essential
    /// containers with a check are (API HealthCheck).
    pub(crate) fn health_check(&mut self, t: usize, c: usize) {
        if self.tasks[t].last_status != TaskStatus::Running || self.tasks[t].stop_requested {
            return;
        }
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        let Some(container) = td.needs.containers.get(c) else {
            return;
        };
        let Some((interval, _timeout, retries, start_period)) = container.health_check else {
            return;
        };
        let behaviour = self
            .model
            .images
            .get(&container.image)
            .cloned()
            .unwrap_or_default();
        let started = self.container_started_at(t, c);
        let up = self.now
            >= started + u64::from(behaviour.start_seconds.unwrap_or(DEFAULT_START_SECONDS)) * 1000;
        let passes = up && !behaviour.health_check_fails && !self.tasks[t].hung;
        let Some(state) = self.tasks[t].container_health.get_mut(c) else {
            return;
        };
        if passes {
            *state = (HealthStatus::Healthy, 0);
        } else {
            let in_start_period = state.0 == HealthStatus::Unknown
                && self.now < started + u64::from(start_period) * 1000;
            if !in_start_period {
                state.1 += 1;
                if state.1 >= retries {
                    state.0 = HealthStatus::Unhealthy;
                }
            }
        }
        self.update_task_health(t, retries);
        let epoch = self.tasks[t].epoch;
        self.queue.push(
            self.now + u64::from(interval) * 1000,
            Event::HealthCheck(t, epoch, c),
        );
    }

    /// Derives task health from its essential containers and reports a change.
    pub(crate) fn update_task_health(&mut self, t: usize, retries: u32) {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        let essential: Vec<HealthStatus> = td
            .needs
            .containers
            .iter()
            .enumerate()
            .filter(|(_, m)| m.essential && m.health_check.is_some())
            .map(|(c, _)| {
                self.tasks[t]
                    .container_health
                    .get(c)
                    .map_or(HealthStatus::Unknown, |h| h.0)
            })
            .collect();
        let health = if essential.contains(&HealthStatus::Unhealthy) {
            HealthStatus::Unhealthy
        } else if !essential.is_empty() && essential.iter().all(|h| *h == HealthStatus::Healthy) {
            HealthStatus::Healthy
        } else {
            HealthStatus::Unknown
        };
        if health == self.tasks[t].health {
            return;
        }
        self.tasks[t].health = health;
        self.rewatch(t);
        let service = self.tasks[t].service;
        let id = self.tasks[t].id;
        match health {
            HealthStatus::Healthy => {
                self.emit(LogKind::Task, service, format!("Task {id} is HEALTHY."));
                if let Some(s) = service {
                    self.request_reconcile(s);
                }
            }
            HealthStatus::Unhealthy => {
                let text = format!("Task {id}{UNHEALTHY}an essential container's health check failed {retries} times in a row.");
                self.emit(LogKind::Task, service, text);
                if let Some(s) = service {
                    self.request_reconcile_at(s, self.now);
                }
            }
            HealthStatus::Unknown => {}
        }
    }

    /// An essential container's process exits: its `restartPolicy` restarts it in place, or
    /// the task stops.
    pub(crate) fn container_exit(&mut self, t: usize) {
        if self.tasks[t].stop_requested {
            return;
        }
        // The container whose crash is due now (the earliest: review found the exit code
        // taken from the first in document order while the policy was the earliest's).
        let Some((c, _, code)) = self.next_crash(t) else {
            return;
        };
        if self.restarted_by_policy(t, c, code) {
            return;
        }
        let mut text = line_buffer(&mut self.log_spare, self.tasks[t].id.len() + 60);
        let _ = write!(
            text,
            "{ESSENTIAL_EXITED}{} exited with code {code}.",
            self.tasks[t].id
        );
        let service = self.tasks[t].service;
        let log_index = self.next_log_number();
        self.emit(LogKind::Task, service, text);
        if let Some(s) = service {
            // For proven advice (`essential-container-exited`): no draw, no log or trace line.
            self.record_fact(|f| &mut f.exited_while_running, s, log_index);
        }
        // The task's other containers, if any, are still to be stopped (`exit_ms`).
        self.tasks[t].exit = Some(ContainerExit::new(c, ExitReason::None, code));
        self.stop_task(
            t,
            StopCode::EssentialContainerExited,
            stopped_reason::ESSENTIAL_CONTAINER_EXITED,
        );
    }

    /// Sets a task's desired status to STOPPED and starts its stop sequence.
    pub(crate) fn stop_task(
        &mut self,
        t: usize,
        code: StopCode,
        reason: impl Into<Cow<'static, str>>,
    ) {
        let reason = reason.into();
        if self.tasks[t].stop_requested || self.tasks[t].last_status == TaskStatus::Stopped {
            return;
        }
        self.task_index.deactivated(t, &self.tasks[t]);
        if let Some(i) = self.tasks[t].instance {
            // The task stops counting for its group (distinctInstance, spread) now.
            let inst = &mut self.instances[i];
            self.placement_index
                .remove_group_task(i, inst, &self.tasks[t].group);
        }
        self.stop_requested_for(t);
        let mut text = line_buffer(
            &mut self.log_spare,
            self.tasks[t].id.len() + reason.len() + 16,
        );
        let _ = write!(text, "Task {} stopping: {reason}", self.tasks[t].id);
        {
            let task = &mut self.tasks[t];
            task.stop_code = Some(code);
            task.stopped_reason = Some(reason);
            task.stopping_at = Some(self.now);
        }
        self.task_index.stop_coded(&self.tasks[t]);
        let service = self.tasks[t].service;
        self.emit(LogKind::Task, service, text);
        let epoch = self.bump(t);
        let placed = self.tasks[t].instance.is_some() || self.tasks[t].zone.is_some();
        if code == StopCode::EssentialContainerExited
            && self.tasks[t].last_status == TaskStatus::Running
        {
            // The application has exited: its target is deregistered, and with no request in
            // flight and no connection open the load balancer completes the deregistration at
            // once (ALB User Guide, *Deregistration delay*: "If a deregistering target has no
            // in-flight requests and no active connections, Elastic Load Balancing immediately
            // completes the deregistration process"). The task goes on stopping as one without
            // a load balancer does; until 2026-12-07 it sat DEACTIVATING for the whole delay,
            // holding its CPU and memory and billed (engineer walkthrough, fidelity probe).
            // The requests it had in flight are lost with it: 502s from the load balancer.
            if self.deregister_target(t, true).is_some() {
                self.remove_target(t);
            }
        }
        match self.tasks[t].last_status {
            _ if !placed => self.task_stopped(t),
            TaskStatus::Running if self.tasks[t].target.is_some() => {
                // DG task-lifecycle: deregistration happens during DEACTIVATING, before the
                // containers get SIGTERM; the task waits out the deregistration delay.
                self.set_status(t, TaskStatus::Deactivating);
                let delay = self.deregister_target(t, false).unwrap_or(ACTIVATION_MS);
                // A Spot interruption does not wait for the deregistration delay: the warning
                // comes with SIGTERM and the task is gone within two minutes (DG
                // fargate-capacity-providers; AWS Knowledge Center fargate-spot-termination-
                // notice: set the deregistration delay below two minutes). The target drains
                // from the warning, and SIGTERM follows after the same 1 s DEACTIVATING step a
                // Spot task without a load balancer takes.
                let delay = if code == StopCode::SpotInterruption {
                    delay.min(ACTIVATION_MS)
                } else {
                    delay
                };
                if let Some(target) = self.tasks[t].target.as_mut() {
                    target.draining_until = Some(self.now + delay);
                }
                self.queue
                    .push(self.now + delay, Event::TaskAdvance(t, epoch));
                // The task no longer counts towards the desired count: the scheduler starts a
                // replacement now rather than after the deregistration delay, where
                // maximumPercent leaves room beside the draining task (a task the scheduler
                // stopped counts against it until STOPPED: `TaskIndex::scheduler_stopping`).
                if let Some(s) = service {
                    self.request_reconcile(s);
                }
            }
            TaskStatus::Running | TaskStatus::Activating
                if self.tasks[t].holds_eni || self.tasks[t].instance.is_none() =>
            {
                self.set_status(t, TaskStatus::Deactivating);
                self.queue
                    .push(self.now + ACTIVATION_MS, Event::TaskAdvance(t, epoch));
            }
            TaskStatus::Running => {
                self.set_status(t, TaskStatus::Stopping);
                let wait = self.exit_ms(t);
                self.queue
                    .push(self.now + wait, Event::TaskAdvance(t, epoch));
            }
            _ => {
                // Not started yet: nothing to signal; clean up.
                self.tasks[t].containers_exited = true;
                self.set_status(t, TaskStatus::Stopping);
                self.queue.push(self.now, Event::TaskAdvance(t, epoch));
            }
        }
    }

    /// Sets task `t`'s desired status to STOPPED (`stop_requested`), keeping its deployment's
    /// counts in step: the one place that flag is set.
    fn stop_requested_for(&mut self, t: usize) {
        let task = &mut self.tasks[t];
        let before = Tally::of(task.last_status, task.stop_requested);
        task.stop_requested = true;
        let after = Tally::of(task.last_status, true);
        if let Some(s) = task.service {
            self.services[s].deployments.task_changed(t, before, after);
        }
    }

    /// Stops a task at once (its host is gone): no graceful shutdown.
    pub(crate) fn kill_task(
        &mut self,
        t: usize,
        code: Option<StopCode>,
        reason: impl Into<Cow<'static, str>>,
    ) {
        let reason = reason.into();
        if self.tasks[t].last_status == TaskStatus::Stopped {
            return;
        }
        if let (Some(i), false) = (self.tasks[t].instance, self.tasks[t].stop_requested) {
            let inst = &mut self.instances[i];
            self.placement_index
                .remove_group_task(i, inst, &self.tasks[t].group);
        }
        if !self.tasks[t].stop_requested {
            self.task_index.deactivated(t, &self.tasks[t]);
        }
        self.stop_requested_for(t);
        let task = &mut self.tasks[t];
        task.stop_code = task.stop_code.or(code);
        task.stopped_reason = Some(reason);
        task.containers_exited = true;
        self.bump(t);
        // The host is gone: its target leaves the group at once, without draining.
        self.remove_target(t);
        self.task_stopped(t);
    }

    /// STOPPED: releases what the task held and tells its service.
    fn task_stopped(&mut self, t: usize) {
        // Lost before its drain ended (its host went): no "has stopped" event waits for it.
        self.stopped_after_drain.remove(&t);
        if let (Some(i), false) = (self.tasks[t].instance, self.tasks[t].stop_requested) {
            // Every path here requests the stop first; kept so the group counts cannot drift.
            let inst = &mut self.instances[i];
            self.placement_index
                .remove_group_task(i, inst, &self.tasks[t].group);
        }
        if !self.tasks[t].stop_requested {
            self.task_index.deactivated(t, &self.tasks[t]);
        }
        self.set_status(t, TaskStatus::Stopped);
        self.task_index.stopped(t, &self.tasks[t]);
        self.traffic.task_load.remove(&t);
        self.tasks[t].stopped_at = Some(self.now);
        self.tasks[t].waiting_reason = None;
        let cluster = self.tasks[t].cluster;
        if let Some(i) = self.tasks[t].instance {
            let needs = self.model.task_definitions[self.tasks[t].task_definition]
                .needs
                .clone();
            let ports = std::mem::take(&mut self.tasks[t].host_ports);
            let holds_eni = self.tasks[t].holds_eni;
            let inst = &mut self.instances[i];
            inst.cpu_used -= needs.cpu;
            inst.memory_used -= needs.memory;
            inst.gpus_used -= needs.gpus;
            if holds_eni {
                inst.enis_used -= 1;
            }
            for p in ports {
                inst.ports.remove(&p);
            }
            inst.tasks.remove(&t);
            self.placement_index.refresh(i, inst);
            if let Some(a) = inst.asg.filter(|_| self.draining_to_terminate.contains(&i)) {
                // Managed draining: the group looks whether it may terminate the instance now.
                self.queue.push(self.now, super::Event::AsgCheck(a));
            }
        }
        let task = &self.tasks[t];
        let reason = task.stopped_reason.as_deref().unwrap_or("");
        // One string per line (the code's own text was a second one).
        let mut text = line_buffer(&mut self.log_spare, task.id.len() + reason.len() + 48);
        let _ = match task.stop_code {
            Some(code) => write!(text, "Task {} STOPPED ({code:?}): {reason}", task.id),
            None => write!(text, "Task {} STOPPED (-): {reason}", task.id),
        };
        let service = task.service;
        let never_started = task.started_at.is_none() && task.instance.is_some()
            || task.started_at.is_none() && task.launch != LaunchKind::Ec2 && task.zone.is_some();
        let user_or_scheduler = matches!(
            task.stop_code,
            Some(StopCode::UserInitiated) | Some(StopCode::ServiceSchedulerInitiated)
        );
        self.emit(LogKind::Task, service, text);
        if let Some(s) = service {
            // DG service-throttle-logic: a task stopped without having entered RUNNING (no
            // startedAt) counts towards throttling.
            // The delay grows per attempt round, not per task: tasks of a round that fail while
            // the service is already held back neither extend the delay nor repeat the event.
            let held_back = self.now < self.services[s].throttled_until;
            if never_started && !user_or_scheduler && !held_back {
                self.services[s].failed_starts += 1;
                let n = self.services[s].failed_starts;
                if throttle::throttles(n) {
                    self.services[s].throttle_rounds += 1;
                    let delay = throttle::delay(self.services[s].throttle_rounds);
                    self.services[s].throttled_until = self.now + delay;
                    let name = self.model.services[s].name.clone();
                    // Held back like every repeated service event: "duplicate event messages
                    // are omitted until either the cause is resolved or six hours passes" (DG
                    // service-event-messages).
                    self.emit_once_per_window(
                        s,
                        super::Repeat::Throttled,
                        messages::unable_to_start_consistently(&name),
                    );
                }
            }
            self.request_reconcile(s);
        }
        // Capacity on an instance came back: every service of the cluster may place again. A
        // Fargate task frees nothing another service waits for, so only its own service looks
        // (issue #10: a pass of every service on every Fargate stop).
        if self.tasks[t].instance.is_some() {
            self.reconcile_cluster(cluster);
        }
        self.retire_stopped(t);
    }

    /// Task `t` joins the kept history of stopped tasks; the oldest ones beyond the bound are
    /// dropped, and every reference the engine still has to them goes with them (their
    /// deployment's membership and circuit breaker bookkeeping). The one decision that reads a
    /// STOPPED task is the circuit breaker's count of failed tasks at the next scheduler pass,
    /// so a task its PRIMARY deployment has not judged yet stays until it has; the determinism
    /// tests check that nothing else does by running with a bound of zero.
    fn retire_stopped(&mut self, t: usize) {
        let services = &self.services;
        let model = &self.model;
        let unjudged = |id: usize, task: &crate::task::Task| {
            task.service.is_some_and(|s| {
                let ds = &services[s].deployments;
                model.services[s].circuit_breaker.is_some()
                    && ds.primary().is_some_and(|p| {
                        ds.deployment_of(id) == Some(p)
                            && ds.list[p].rollout_state
                                == crate::deployment::RolloutState::InProgress
                            && !ds.list[p].judged.contains(&id)
                    })
            })
        };
        for (gone, task) in self.tasks.stopped(t, unjudged) {
            let Some(s) = task.service else {
                continue;
            };
            self.services[s].deployments.forget_task(*gone);
        }
    }
}

/// "Fargate" / "Fargate Spot" / "EC2" for log lines.
pub fn launch_label(l: LaunchKind) -> &'static str {
    match l {
        LaunchKind::Ec2 => "EC2",
        LaunchKind::Fargate => "Fargate",
        LaunchKind::FargateSpot => "Fargate Spot",
        LaunchKind::External => "External",
    }
}
