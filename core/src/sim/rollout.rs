//! How a deployment moves on: update-service starts one, the circuit breaker fails it (and may
//! roll back), and a steady service completes it.

use super::Sim;
use crate::deployment::circuit_breaker;
use crate::deployment::messages;
use crate::deployment::{Deployment, DeploymentStatus, RolloutState};
use crate::sim::log::LogKind;
use crate::task::TaskStatus;

impl Sim {
    /// Starts a new PRIMARY deployment of task definition `td`; the previous PRIMARY becomes
    /// ACTIVE and its tasks are replaced within the rolling update bounds. Unless `force`
    /// (`forceNewDeployment`), RUNNING tasks already on `td` count for the new deployment
    /// instead of being replaced (the simulator's choice where the docs are silent: a rollback
    /// keeps the tasks of the revision it returns to). A new deployment ends restart
    /// throttling at once (DG service-throttle-logic). Returns the new deployment's index.
    pub(crate) fn start_deployment(&mut self, s: usize, td: usize, force: bool) -> usize {
        let id = format!("ecs-svc/{}", self.ids_digits(19));
        let now = self.now;
        let tasks = &self.tasks;
        let state = &mut self.services[s];
        let ds = &mut state.deployments;
        for d in ds
            .list
            .iter_mut()
            .filter(|d| d.status == DeploymentStatus::Primary)
        {
            d.status = DeploymentStatus::Active;
            d.updated_at = now;
        }
        ds.list.push(Deployment::new(id.clone(), td, now));
        let k = ds.list.len() - 1;
        if !force {
            let adopted: Vec<usize> = ds
                .tasks()
                .filter(|&t| tasks[t].is_active() && tasks[t].task_definition == td)
                .collect();
            for t in adopted {
                let now = crate::deployment::Tally::of(tasks[t].last_status, false);
                ds.move_task(t, k, now);
            }
        }
        state.task_definition = td;
        state.deployment_id = id;
        state.failed_starts = 0;
        state.throttle_rounds = 0;
        state.throttled_until = 0;
        k
    }

    /// Whether the PRIMARY deployment has FAILED: "A deployment in a FAILED state doesn't launch
    /// any new tasks" (DG deployment-circuit-breaker).
    pub(crate) fn primary_deployment_failed(&self, s: usize) -> bool {
        let ds = &self.services[s].deployments;
        ds.primary()
            .is_some_and(|p| ds.list[p].rollout_state == RolloutState::Failed)
    }

    /// The circuit breaker looks at the PRIMARY deployment's tasks: healthy ones reset the
    /// failure count, stopped (or stopping) ones may count as failures, and at the threshold the
    /// deployment fails (DG deployment-circuit-breaker).
    pub(crate) fn observe_deployment(&mut self, s: usize) {
        let Some(cb) = self.model.services[s].circuit_breaker else {
            return;
        };
        let Some(p) = self.services[s].deployments.primary() else {
            return;
        };
        if self.services[s].deployments.list[p].rollout_state != RolloutState::InProgress {
            return;
        }
        let threshold = circuit_breaker::threshold(cb.threshold, self.services[s].desired);
        // Stage 2 begins once any task of the deployment has reached RUNNING.
        self.deployment_reached_running(s, p);
        let tasks = self.services[s].deployments.tasks_of(p);
        for t in tasks {
            let healthy_now = self.counts_as_healthy(t);
            let task = &self.tasks[t];
            // A task counts when the scheduler stops it, not when it reaches STOPPED: a task
            // replaced for failing its ELB health checks waits out the deregistration delay
            // (300 s by default) before STOPPED, but DG deployment-circuit-breaker counts a
            // failure "when a health check fails for the task" ("the tasks that are replaced
            // because of health check failures").
            let stopped = task.stop_requested || task.last_status == TaskStatus::Stopped;
            let d = &mut self.services[s].deployments.list[p];
            if d.judged.contains(&t) {
                continue;
            }
            if healthy_now && d.healthy_seen.insert(t) && cb.reset_on_healthy_task {
                // API DeploymentCircuitBreaker.resetOnHealthyTask: "a task that reaches a
                // healthy state resets the failure count to 0".
                d.failed_tasks = 0;
            }
            if !stopped {
                continue;
            }
            d.judged.insert(t);
            let ever_healthy = d.healthy_seen.contains(&t);
            if circuit_breaker::is_failure(task, d.reached_running, ever_healthy) {
                d.failed_tasks += 1;
                d.updated_at = self.now;
                let text = format!("deployment {} failedTasks {}", d.id, d.failed_tasks);
                let tripped = d.failed_tasks >= threshold;
                self.trace_only(&text);
                if tripped {
                    self.fail_deployment(s, p, cb.rollback);
                    return;
                }
            }
        }
    }

    /// Whether a task of service `s`'s deployment `p` has reached RUNNING (kept once true):
    /// stage 2 of the circuit breaker, and when deployment alarms start being watched.
    pub(crate) fn deployment_reached_running(&mut self, s: usize, p: usize) -> bool {
        let ds = &self.services[s].deployments;
        if ds.list[p].reached_running {
            return true;
        }
        let tasks = &self.tasks;
        let running = ds
            .members_of(p)
            .any(|t| tasks.get(t).is_some_and(|x| x.started_at.is_some()));
        self.services[s].deployments.list[p].reached_running = running;
        running
    }

    /// Marks deployment `p` FAILED and, with rollback, starts a deployment back to the last
    /// COMPLETED one. A rollback deployment that fails does not roll back again (the
    /// simulator's choice, so a broken previous revision cannot loop).
    fn fail_deployment(&mut self, s: usize, p: usize, rollback: bool) {
        self.fail_deployment_for(s, p, rollback, None);
    }

    /// Fails deployment `p` because the deployment alarm `alarm` is in ALARM (DG
    /// deployment-alarm-failure), rolling back as [`Sim::fail_deployment`] does.
    pub(crate) fn fail_deployment_on_alarm(
        &mut self,
        s: usize,
        p: usize,
        alarm: &str,
        rollback: bool,
    ) {
        self.fail_deployment_for(s, p, rollback, Some(alarm));
    }

    /// [`Sim::fail_deployment`], by the circuit breaker (`alarm` None) or by a deployment alarm.
    fn fail_deployment_for(&mut self, s: usize, p: usize, rollback: bool, alarm: Option<&str>) {
        let name = self.model.services[s].name.clone();
        let now = self.now;
        let d = &mut self.services[s].deployments.list[p];
        d.rollout_state = RolloutState::Failed;
        d.finished_at = Some(now);
        d.rollout_state_reason = match alarm {
            None => messages::FAILED_REASON.to_string(),
            Some(a) => messages::failed_on_alarm_reason(a),
        };
        d.updated_at = now;
        let failed_id = d.id.clone();
        let was_rollback = d.rollback;
        let text = match alarm {
            None => messages::failed(&name, &failed_id),
            Some(a) => messages::failed_on_alarm(&name, &failed_id, a),
        };
        self.emit(LogKind::Service, Some(s), text);
        if !rollback || was_rollback {
            return;
        }
        let ds = &self.services[s].deployments;
        let Some(k) = ds.list[..p]
            .iter()
            .rposition(|d| d.rollout_state == RolloutState::Completed)
        else {
            return;
        };
        let (to_id, td) = (ds.list[k].id.clone(), ds.list[k].task_definition);
        let n = self.start_deployment(s, td, false);
        let d = &mut self.services[s].deployments.list[n];
        d.rollback = true;
        d.rollout_state_reason = match alarm {
            None => messages::rollback_reason(&to_id),
            Some(_) => messages::alarm_rollback_reason(&to_id),
        };
        self.emit(
            LogKind::Service,
            Some(s),
            messages::rolling_back(&name, &to_id),
        );
    }

    /// Once the service is steady on the PRIMARY deployment, it is COMPLETED and every older
    /// deployment INACTIVE (DG deployment-circuit-breaker: "When the service reaches a steady
    /// state, the rollout state transitions to COMPLETED"). The deployment create-service made
    /// completes without an event, so scenarios that never deploy keep their event log.
    pub(crate) fn settle_deployments(&mut self, s: usize) {
        if !self.services[s].steady {
            return;
        }
        let Some(p) = self.services[s].deployments.primary() else {
            return;
        };
        let d = &self.services[s].deployments.list[p];
        if d.rollout_state != RolloutState::InProgress {
            return;
        }
        // A traffic-shifting deployment completes only after CLEAN_UP.
        if d.shift
            .as_ref()
            .is_some_and(|sh| sh.stage != crate::deployment::shift::LifecycleStage::CleanUp)
        {
            return;
        }
        // A rolling update watching alarms stays IN_PROGRESS for its bake time once steady.
        if d.shift.is_none() && !d.initial && !d.rollback {
            if let Some(watch) = &self.model.services[s].deployment_alarms {
                let now = self.now;
                let from = *self.services[s].deployments.list[p]
                    .bake_from
                    .get_or_insert(now);
                let end =
                    crate::deployment::alarms::rolling_bake_end(from, watch, &self.model.alarms);
                if now < end {
                    self.wake_scheduler_at(s, end);
                    return;
                }
            }
        }
        let now = self.now;
        let ds = &mut self.services[s].deployments;
        for d in ds.list[..p]
            .iter_mut()
            .filter(|d| d.status != DeploymentStatus::Inactive)
        {
            d.status = DeploymentStatus::Inactive;
            d.updated_at = now;
        }
        let d = &mut ds.list[p];
        d.rollout_state = RolloutState::Completed;
        d.finished_at = Some(now);
        d.rollout_state_reason = messages::completed_reason(&d.id);
        d.updated_at = now;
        let (id, initial) = (d.id.clone(), d.initial);
        if !initial {
            let name = self.model.services[s].name.clone();
            self.emit(LogKind::Service, Some(s), messages::completed(&name, &id));
        }
    }
}
