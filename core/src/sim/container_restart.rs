//! A crashing essential container's `restartPolicy` at run time (API ContainerRestartPolicy;
//! DG container-restart-policy): restarted in place, with the task still RUNNING, when it ran
//! at least `restartAttemptPeriod` since it last started and its exit code is not ignored.
//! [`crate::taskdef::restart_policy`] decides; this applies it and says so in the log.

use super::log::LogKind;
use super::queue::Event;
use super::Sim;
use crate::taskdef::restart_policy::OnExit;
use crate::time::Millis;

impl Sim {
    /// Task `t`'s essential container that crashes first (its image's `crashAfterSeconds`):
    /// its index, its run in ms and its exit code.
    pub(crate) fn crashing_container(&self, t: usize) -> Option<(usize, Millis, i32)> {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        td.needs
            .containers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.essential)
            .filter_map(|(i, c)| {
                let b = self.model.images.get(&c.image).copied().unwrap_or_default();
                b.crash_after_seconds
                    .map(|s| (i, Millis::from(s) * 1000, b.exit_code.unwrap_or(1)))
            })
            .min_by_key(|&(i, run, _)| (run, i))
    }

    /// Whether task `t`'s crashing container, exiting now with `code`, is restarted by its
    /// `restartPolicy` (then the task runs on and the next exit is scheduled). A container with
    /// a policy that does not restart it says why before the task stops.
    pub(crate) fn restarted_by_policy(&mut self, t: usize, code: i32) -> bool {
        let Some((c, run_ms, _)) = self.crashing_container(t) else {
            return false;
        };
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        let Some(rule) = td.needs.containers[c].restart.clone() else {
            return false;
        };
        let name = td.needs.containers[c].name.clone();
        let since = self.container_started_at(t, c);
        let ran = self.now.saturating_sub(since);
        let id = self.tasks[t].id;
        let service = self.tasks[t].service;
        let text = match rule.on_exit(ran, i64::from(code)) {
            OnExit::Restarts => {
                let task = &mut self.tasks[t];
                task.restarts += 1;
                task.restarted_at = Some(self.now);
                let n = task.restarts;
                let epoch = task.epoch;
                self.queue
                    .push(self.now + run_ms, Event::ContainerExit(t, epoch));
                let text = format!("Container {name} in task {id} exited with code {code}; its restartPolicy restarts it in place (restart {n}) and the task keeps running.");
                self.emit(LogKind::Task, service, text);
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
