//! The load balancer inside the simulation: registering a task's target while it is
//! ACTIVATING, checking its health every HealthCheckIntervalSeconds, and deregistering it while
//! the task is DEACTIVATING (DG task-lifecycle: "the target group registration occurs during
//! [ACTIVATING]" and "the target group deregistration occurs during [DEACTIVATING]").

use super::service_notes::NoteKind;
use super::Sim;
use crate::elb::target::{Target, TargetHealthState};
use crate::sim::log::LogKind;
use crate::sim::queue::Event;
use crate::taskdef::NetworkMode;
use crate::time::Millis;

impl Sim {
    /// Chooses which of its service's target groups a task registers in: the production group,
    /// or with `alternate` the blue/green alternate group (`advancedConfiguration
    /// .alternateTargetGroupArn`) that ECS-native blue/green registers green tasks in. Call it
    /// before the task reaches ACTIVATING; without an alternate group it keeps the production one.
    pub fn choose_target_group(&mut self, t: usize, alternate: bool) {
        let Some(s) = self.tasks[t].service else {
            return;
        };
        let Some(lb) = &self.model.services[s].load_balancer else {
            return;
        };
        let group = match (alternate, lb.alternate_target_group) {
            (true, Some(g)) => g,
            _ => lb.target_group,
        };
        self.tasks[t].target_group = Some(group);
    }

    /// The port the load balancer sends to: the container port for `awsvpc` and `host` tasks
    /// (IP targets), else the host port the container port is mapped to (instance targets).
    pub(crate) fn target_port(&self, t: usize) -> u16 {
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        let Some(lb) = task
            .service
            .and_then(|s| self.model.services[s].load_balancer.as_ref())
        else {
            return 0;
        };
        if td.needs.network_mode != NetworkMode::Bridge {
            return lb.container_port;
        }
        let fixed = lb
            .container_in(&td.definition)
            .and_then(|c| td.definition.containers().get(c))
            .and_then(|c| {
                c.port_mappings
                    .iter()
                    .flatten()
                    .find(|pm| pm.container_port == Some(i64::from(lb.container_port)))
            })
            .and_then(|pm| pm.host_port)
            .filter(|&p| p > 0);
        match fixed {
            Some(p) => p.clamp(0, 65535) as u16,
            // Dynamic port mapping: the simulator takes the task's first host port.
            None => task.host_ports.first().map_or(0, |&(_, p)| p),
        }
    }

    fn service_label(&self, t: usize) -> (Option<usize>, String) {
        let s = self.tasks[t].service;
        let name = s.map_or_else(String::new, |s| self.model.services[s].name.clone());
        (s, name)
    }

    /// Registers a task's target in its target group (state `initial`), when it has one.
    /// Called as the task leaves ACTIVATING.
    pub(crate) fn register_target(&mut self, t: usize) {
        let Some(g) = self.tasks[t].target_group else {
            return;
        };
        let port = self.target_port(t);
        self.tasks[t].target = Some(Target::registered(g, port));
        self.rewatch(t);
        // DG service-event-messages wording, one line for the instant's targets
        // (`service_notes`).
        if let Some(s) = self.tasks[t].service {
            let id = self.tasks[t].id;
            self.note(s, NoteKind::Registered(g), id);
        }
    }

    /// Queues the first health check of a registered target, one interval after registration.
    pub(crate) fn schedule_target_check(&mut self, t: usize) {
        let Some(target) = &self.tasks[t].target else {
            return;
        };
        let interval = self.model.target_groups[target.group].interval_seconds;
        let epoch = self.tasks[t].epoch;
        self.queue.push(
            self.now + Millis::from(interval) * 1000,
            Event::TargetHealthCheck(t, epoch),
        );
    }

    /// One ELB health check of a task's target. It fails while the container is not answering
    /// yet (`startSeconds` after RUNNING) and whenever the container's image has
    /// `healthCheckFails`. The simulator counts a failure at the check itself rather than after
    /// HealthCheckTimeoutSeconds (its choice: the docs only say a target that does not answer
    /// within the timeout fails).
    pub(crate) fn target_health_check(&mut self, t: usize) {
        let task = &self.tasks[t];
        if task.last_status != crate::task::TaskStatus::Running || task.stop_requested {
            return;
        }
        let (Some(target), Some(s)) = (&task.target, task.service) else {
            return;
        };
        let Some(lb) = &self.model.services[s].load_balancer else {
            return;
        };
        let group = &self.model.target_groups[target.group];
        let (interval, healthy, unhealthy) = (
            group.interval_seconds,
            group.healthy_threshold,
            group.unhealthy_threshold,
        );
        let passed = self.target_answers(t, lb);
        let Some(target) = self.tasks[t].target.as_mut() else {
            return;
        };
        let change = target.record(passed, healthy, unhealthy);
        let (port, g) = (target.port, target.group);
        if change.is_some() {
            self.rewatch(t);
        }
        let text = format!(
            "target {} {}",
            self.tasks[t].id,
            if passed { "passed" } else { "failed" }
        );
        self.trace_only(&text);
        match change {
            Some(TargetHealthState::Healthy) => self.report_target_healthy(t, s, port, g),
            Some(TargetHealthState::Unhealthy) => self.report_target_unhealthy(t, s, port, g),
            _ => {}
        }
        let epoch = self.tasks[t].epoch;
        self.queue.push(
            self.now + Millis::from(interval) * 1000,
            Event::TargetHealthCheck(t, epoch),
        );
    }

    /// Whether task `t`'s load-balanced container (found by name in the task's own revision)
    /// passes a health check now: it answers once `startSeconds` have passed since RUNNING,
    /// unless its image has `healthCheckFails` or its application has hung (`hangTask`).
    fn target_answers(&self, t: usize, lb: &crate::elb::ServiceLoadBalancer) -> bool {
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        let behaviour = lb
            .container_in(&td.definition)
            .and_then(|c| td.needs.containers.get(c))
            .and_then(|c| self.model.images.get(&c.image))
            .cloned()
            .unwrap_or_default();
        let start_ms = Millis::from(
            behaviour
                .start_seconds
                .unwrap_or(crate::sim::lifecycle::DEFAULT_START_SECONDS),
        ) * 1000;
        let answering = self.now >= task.started_at.unwrap_or(self.now) + start_ms;
        answering && !behaviour.health_check_fails && !task.hung
    }

    /// Task `t`'s target (on `port`, in target group `g`) became healthy: the event ECS shows,
    /// and a scheduler pass for service `s` within a second (the scheduler counts healthy
    /// tasks).
    fn report_target_healthy(&mut self, t: usize, s: usize, port: u16, g: usize) {
        let (svc, _) = self.service_label(t);
        let arn = self.model.target_groups[g].arn.clone();
        let id = self.tasks[t].id;
        self.emit(
            LogKind::Task,
            svc,
            format!("Target of task {id} (port {port}) is healthy in (target-group {arn})."),
        );
        self.request_reconcile(s);
    }

    /// Task `t`'s target (on `port`, in target group `g`) became unhealthy: ECS's service event,
    /// and a scheduler pass for service `s` now (it replaces such a task once the grace period
    /// is over, see [`Sim::target_unhealthy`]).
    fn report_target_unhealthy(&mut self, t: usize, s: usize, port: u16, g: usize) {
        let (svc, name) = self.service_label(t);
        let arn = self.model.target_groups[g].arn.clone();
        let id = self.tasks[t].id;
        // DG service-unhealthy-event-messages names the form by where the task runs.
        // EC2: "(service …) (task …) (instance instance-id) (port …) is unhealthy in
        // (target-group …) due to (reason …)"; Fargate: the same without the instance.
        // A task on a container instance (any network mode) takes the EC2 form.
        let instance = self.tasks[t]
            .instance
            .map(|i| format!(" (instance {})", self.instances[i].ec2_instance_id))
            .unwrap_or_default();
        // The reason is the target's TargetHealth description (ELB API TargetHealth): a hung
        // application never answers, so its checks time out (Target.Timeout, "Request timed
        // out"); any other failing check reads Target.FailedHealthChecks' "Health checks failed".
        let reason = if self.tasks[t].hung {
            "Request timed out"
        } else {
            "Health checks failed"
        };
        self.emit(
            LogKind::Service,
            svc,
            format!("(service {name}) (task {id}){instance} (port {port}) is unhealthy in (target-group {arn}) due to (reason {reason})."),
        );
        self.request_reconcile_at(s, self.now);
    }

    /// Deregisters a stopping task's target: it goes `draining` and the load balancer sends it
    /// no new requests. Returns how long the task stays DEACTIVATING (the group's
    /// deregistration delay), or `None` when the task has no registered target. When its
    /// application is already gone (`crashed`: its essential container exited), no delay lets
    /// the requests in flight finish: the target closed their connections, and each is a 502
    /// from the load balancer (AWS Knowledge Center, *How do I troubleshoot Application Load
    /// Balancer HTTP 502 errors?*: the target closed the connection while the load balancer had
    /// an outstanding request), counted in HTTPCode_ELB_5XX_Count.
    pub(crate) fn deregister_target(&mut self, t: usize, crashed: bool) -> Option<Millis> {
        let target = self.tasks[t].target.as_mut()?;
        if target.state == TargetHealthState::Draining {
            return None;
        }
        target.state = TargetHealthState::Draining;
        let g = target.group;
        self.rewatch(t);
        let delay = Millis::from(self.model.target_groups[g].deregistration_delay_seconds) * 1000;
        self.cut_requests_in_flight(t, if crashed { 0 } else { delay });
        // DG service-event-messages wording, in the order ECS prints them, one pair of lines
        // for the instant's targets (`service_notes`).
        if let Some(s) = self.tasks[t].service {
            let id = self.tasks[t].id;
            self.note(s, NoteKind::Deregistered(g), id);
        }
        Some(delay)
    }

    /// The requests task `t` still has in flight when a deregistration delay of `delay` ends
    /// are cut ([`requests_cut_by_deregistration`](crate::elb::target::requests_cut_by_deregistration)):
    /// counted at once in its service's HTTPCode_ELB_5XX_Count for this period, from the load
    /// the last traffic tick gave the task (none without traffic from the internet).
    fn cut_requests_in_flight(&mut self, t: usize, delay: Millis) {
        let Some(s) = self.tasks[t].service else {
            return;
        };
        let from_internet = self
            .model
            .traffic
            .entries
            .iter()
            .any(|e| e.service == s && e.source == crate::traffic::model::Source::Internet);
        let Some(load) = self.traffic.task_load.get(&t).filter(|_| from_internet) else {
            return;
        };
        let cut = crate::elb::target::requests_cut_by_deregistration(
            load.ok_per_second,
            load.response_millis,
            delay,
        );
        if cut > 0.0 {
            self.traffic.period.entry(s).or_default().elb_5xx += cut;
        }
    }

    /// The deregistration delay is over (or the task is gone): the target leaves the group.
    pub(crate) fn remove_target(&mut self, t: usize) {
        if self.tasks[t].target.take().is_some() {
            self.rewatch(t);
            let text = format!("target {} removed", self.tasks[t].id);
            self.trace_only(&text);
        }
    }

    /// Whether the task's target failed UnhealthyThresholdCount checks in a row: the service
    /// scheduler replaces such a task once healthCheckGracePeriodSeconds is over (DG
    /// healthCheckGracePeriodSeconds / service-load-balancing).
    pub fn target_unhealthy(&self, t: usize) -> bool {
        self.tasks[t]
            .target
            .as_ref()
            .is_some_and(|x| x.state == TargetHealthState::Unhealthy)
    }

    /// The `stoppedReason` ECS gives a task it replaces because its target failed the load
    /// balancer's health checks ("Task failed ELB health checks in (target-group …)"), for the
    /// scheduler to use instead of the container health check reason.
    pub fn elb_health_check_stopped_reason(&self, t: usize) -> Option<String> {
        let x = self.tasks[t].target.as_ref()?;
        (x.state == TargetHealthState::Unhealthy).then(|| {
            format!(
                "Task failed ELB health checks in (target-group {})",
                self.model.target_groups[x.group].arn
            )
        })
    }

    /// The target's state, if the task has a registered target.
    pub fn target_state(&self, t: usize) -> Option<TargetHealthState> {
        self.tasks[t].target.as_ref().map(|x| x.state)
    }
}
