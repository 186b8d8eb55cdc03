//! `startSteady`: a scenario's services begin as existing production services would, already
//! RUNNING and healthy on their task definition, so a lesson about a deployment or a traffic
//! spike does not begin with a cold start (every target `initial`, load balancer 5XX at 0:01).
//!
//! The tasks are placed through the normal placement path (same strategies, constraints and
//! capacity providers), then put in the state a long-running task is in: RUNNING since time 0
//! with no pull or start delay, containers with a health check HEALTHY, load balancer targets
//! `healthy`, and the service steady with its deployment COMPLETED. Nothing of this is written
//! to the event log (it happened before the run began); the trace records it.

use super::Sim;
use crate::elb::target::{Target, TargetHealthState};
use crate::task::{HealthStatus, TaskStatus};

impl Sim {
    /// Starts every REPLICA service steady at time 0 (DAEMON services start through the normal
    /// scheduler pass, which follows right after).
    pub(crate) fn start_steady(&mut self) {
        for s in 0..self.model.services.len() {
            if self.model.services[s].daemon {
                continue;
            }
            for _ in 0..self.services[s].desired {
                match self.launch_service_task(s) {
                    super::scheduler::Launched::Started(t) => self.warm_task(t),
                    // Waiting for managed scaling, or placed nowhere: the normal path handles
                    // it from the first scheduler pass on.
                    _ => break,
                }
            }
            let running = self
                .live_tasks_of_service(s)
                .filter(|&t| self.tasks[t].last_status == TaskStatus::Running)
                .count();
            if running == self.services[s].desired as usize {
                self.services[s].steady = true;
                self.settle_deployments(s);
            }
        }
    }

    /// Puts a freshly placed task in the state of one that has long been running.
    fn warm_task(&mut self, t: usize) {
        // Any timer its placement queued (ENI attachment, image pull, Fargate provisioning) is
        // for a state it skips.
        self.bump(t);
        if self.tasks[t].pull_started_at.is_none() {
            self.tasks[t].pull_started_at = Some(self.now);
        }
        if self.tasks[t].target_group.is_some() {
            self.register_target_silently(t);
        }
        self.task_running_announced(t, false);
        let td = self.tasks[t].task_definition;
        let checks: Vec<(bool, bool)> = self.model.task_definitions[td]
            .needs
            .containers
            .iter()
            .map(|c| (c.health_check.is_some(), c.essential))
            .collect();
        for (c, &(checked, _)) in checks.iter().enumerate() {
            if checked {
                if let Some(h) = self.tasks[t].container_health.get_mut(c) {
                    *h = (HealthStatus::Healthy, 0);
                }
            }
        }
        if checks
            .iter()
            .any(|&(checked, essential)| checked && essential)
        {
            self.tasks[t].health = HealthStatus::Healthy;
        }
        if let Some(target) = self.tasks[t].target.as_mut() {
            target.state = TargetHealthState::Healthy;
            target.successes = 1;
        }
        self.rewatch(t);
        self.schedule_target_check(t);
        let id = self.tasks[t].id;
        self.trace_only(&format!("task {id} started steady"));
    }

    /// Registers task `t`'s target the way [`Sim::register_target`] does, without the event.
    fn register_target_silently(&mut self, t: usize) {
        if let Some(g) = self.tasks[t].target_group {
            let port = self.target_port(t);
            self.tasks[t].target = Some(Target::registered(g, port));
            self.rewatch(t);
        }
    }
}
