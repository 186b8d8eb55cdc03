//! A crashing essential container's `restartPolicy` at run time (API ContainerRestartPolicy;
//! DG container-restart-policy): restarted in place, with the task still RUNNING, when it ran
//! at least `restartAttemptPeriod` since it last started and its exit code is not ignored.
//! [`crate::taskdef::restart_policy`] decides; this applies it and says so in the log.

use super::log::LogKind;
use super::queue::Event;
use super::Sim;
use crate::task::HealthStatus;
use crate::taskdef::restart_policy::OnExit;
use crate::time::Millis;

impl Sim {
    /// The crash of task `t` due next among its essential containers whose image crashes
    /// (`crashAfterSeconds`): the container, when it exits and its exit code. A container's run
    /// counts from the task's RUNNING, or from its last restart.
    pub(crate) fn next_crash(&self, t: usize) -> Option<(usize, Millis, i32)> {
        let task = &self.tasks[t];
        let started = task.started_at?;
        let td = &self.model.task_definitions[task.task_definition];
        td.needs
            .containers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.essential)
            .filter_map(|(i, c)| {
                let b = self.model.images.get(&c.image).copied().unwrap_or_default();
                let run = Millis::from(b.crash_after_seconds?) * 1000;
                let from = task.restarted_at(i).unwrap_or(started);
                Some((i, from + run, b.exit_code.unwrap_or(1)))
            })
            .min_by_key(|&(i, due, _)| (due, i))
    }

    /// Whether container `c` of task `t`, exiting now with `code`, is restarted by its
    /// `restartPolicy`: then the task runs on, the container's health starts over (its
    /// `startPeriod` applies again) and the next crash is scheduled. A container with a policy
    /// that does not restart it says why before the task stops.
    pub(crate) fn restarted_by_policy(&mut self, t: usize, c: usize, code: i32) -> bool {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        let Some(container) = td.needs.containers.get(c) else {
            return false;
        };
        let Some(rule) = container.restart.clone() else {
            return false;
        };
        let name = container.name.clone();
        let retries = container.health_check.map_or(0, |h| h.2);
        let ran = self.now.saturating_sub(self.container_started_at(t, c));
        let id = self.tasks[t].id;
        let service = self.tasks[t].service;
        let text = match rule.on_exit(ran, i64::from(code)) {
            OnExit::Restarts => {
                let now = self.now;
                let task = &mut self.tasks[t];
                let restarts = task.restarts.get_or_insert_with(Default::default);
                restarts.count += 1;
                restarts.last.retain(|(k, _)| *k != c);
                restarts.last.push((c, now));
                let n = restarts.count;
                if let Some(h) = task.container_health.get_mut(c) {
                    *h = (HealthStatus::Unknown, 0);
                }
                let epoch = task.epoch;
                let text = format!("Container {name} in task {id} exited with code {code}; its restartPolicy restarts it in place (restart {n}) and the task keeps running.");
                self.emit(LogKind::Task, service, text);
                self.update_task_health(t, retries);
                if let Some((_, due, _)) = self.next_crash(t) {
                    self.queue.push(due, Event::ContainerExit(t, epoch));
                }
                return true;
            }
            OnExit::IgnoredCode => format!("Container {name} in task {id} exited with code {code}, one of its restartPolicy's ignoredExitCodes: it is not restarted."),
            OnExit::TooSoon => format!(
                "Container {name} in task {id} exited with code {code} after {} s, before its restartPolicy's restartAttemptPeriod of {} s: it is not restarted.",
                ran / 1000,
                rule.period_ms / 1000
            ),
        };
        self.emit(LogKind::Task, service, text);
        false
    }
}
