//! Live actions (the playground's buttons) applied so that a timeline entry replays them
//! exactly: "Keep in link" turns the actions a student clicked into `timeline[]` entries.
//!
//! The timeline has whole seconds only (`at`), and a timeline event runs before every other
//! event of its millisecond (it was queued when the run started). So a live action is applied
//! the same way: the clock first runs to the start of the next whole second (only the events
//! before it), then the action runs, before that second's events. A click therefore moves the
//! clock forward by at most one virtual second; a second click in the same spot (no event run
//! in between) stays in that second.

use super::commands::CommandError;
use super::Sim;
use crate::scenario::{TimelineAction, TimelineEvent};

impl Sim {
    /// Runs the clock to the next whole second (see the module doc), asks `pick` for the action
    /// given the cluster at that moment, applies it, and returns the timeline entry that
    /// replays it. On an error nothing is applied (the clock may have moved).
    pub fn apply_live(
        &mut self,
        pick: impl FnOnce(&Sim) -> Result<TimelineAction, CommandError>,
    ) -> Result<TimelineEvent, CommandError> {
        let second = if self.live_mark == Some((self.now, self.steps)) {
            self.now / 1000
        } else {
            self.now / 1000 + 1
        };
        let at = u32::try_from(second)
            .map_err(|_| CommandError("the clock is past the timeline's last second".into()))?;
        let start = u64::from(at) * 1000;
        while self.queue.peek_time().is_some_and(|t| t < start) {
            self.step();
        }
        self.now = self.now.max(start);
        self.live_mark = Some((self.now, self.steps));
        let action = pick(self)?;
        self.apply(&action)?;
        Ok(TimelineEvent { at, action })
    }

    /// The timeline's `stopTask` that names task `t`: its service and its number among the
    /// service's active tasks ordered by start time, exactly as [`Sim::apply`] counts them.
    /// Standalone tasks (no service) cannot be named on the timeline.
    pub fn stop_task_action(&self, t: usize) -> Result<TimelineAction, CommandError> {
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
        let s = task.service.ok_or_else(|| {
            CommandError("a standalone task cannot be kept on the timeline".into())
        })?;
        let mut tasks: Vec<usize> = self
            .live_tasks_of_service(s)
            .filter(|&x| self.tasks[x].is_active())
            .collect();
        tasks.sort_by_key(|&x| (self.tasks[x].started_at.unwrap_or(u64::MAX), x));
        let index = tasks
            .iter()
            .position(|&x| x == t)
            .ok_or_else(|| CommandError(format!("task {t} is not among its service's tasks")))?;
        Ok(TimelineAction::StopTask {
            service: self.model.services[s].name.clone(),
            index: index as u32,
        })
    }
}
