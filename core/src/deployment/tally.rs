//! A deployment's task counts by state, kept as its tasks change rather than recounted from its
//! task list (issue #10: the deployment cards, the `--json` report and the scheduler's "is an
//! older deployment still running tasks" each walked every task a deployment had started, the
//! kept stopped ones included).
//!
//! The counts are the ones DescribeServices shows per deployment (API Deployment:
//! `runningCount`, `pendingCount`) and counted the same way as a service's
//! ([`crate::task::counts::TaskCounts`]), plus the active tasks an ACTIVE deployment's
//! `desiredCount` falls with.

use crate::task::TaskStatus;

/// Counts of one deployment's tasks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Tasks neither asked to stop nor STOPPED.
    pub active: u32,
    /// `runningCount`: tasks whose lastStatus is RUNNING (a RUNNING task asked to stop still
    /// counts until it leaves RUNNING, as for the service).
    pub running: u32,
    /// `pendingCount`: active tasks in PROVISIONING, PENDING or ACTIVATING.
    pub pending: u32,
}

impl Tally {
    /// What one task in `status`, with its stop requested or not, adds to the counts.
    pub fn of(status: TaskStatus, stop_requested: bool) -> Tally {
        let active = !stop_requested && status != TaskStatus::Stopped;
        Tally {
            active: u32::from(active),
            running: u32::from(status == TaskStatus::Running),
            pending: u32::from(
                active
                    && matches!(
                        status,
                        TaskStatus::Provisioning | TaskStatus::Pending | TaskStatus::Activating
                    ),
            ),
        }
    }

    /// Adds a task's contribution.
    pub fn add(&mut self, t: Tally) {
        self.active += t.active;
        self.running += t.running;
        self.pending += t.pending;
    }

    /// Takes a task's contribution away (it was added before, so nothing goes below zero; the
    /// invariant checker compares the counts with a recount).
    pub fn sub(&mut self, t: Tally) {
        self.active = self.active.saturating_sub(t.active);
        self.running = self.running.saturating_sub(t.running);
        self.pending = self.pending.saturating_sub(t.pending);
    }

    /// No task counted at all.
    pub fn is_empty(&self) -> bool {
        *self == Tally::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::counts::TaskCounts;
    use crate::task::{LaunchKind, Task};

    const STATUSES: [TaskStatus; 9] = [
        TaskStatus::Provisioning,
        TaskStatus::Pending,
        TaskStatus::Activating,
        TaskStatus::Running,
        TaskStatus::Deactivating,
        TaskStatus::Stopping,
        TaskStatus::Deprovisioning,
        TaskStatus::Stopped,
        TaskStatus::Running,
    ];

    #[test]
    fn a_task_counts_as_the_service_counts_it() {
        for status in STATUSES {
            for stop_requested in [false, true] {
                let mut task =
                    Task::provisioning("t".into(), "service:web".into(), LaunchKind::Fargate, 0);
                task.last_status = status;
                task.stop_requested = stop_requested;
                let c = TaskCounts::of([&task]);
                let t = Tally::of(status, stop_requested);
                assert_eq!(
                    (t.running, t.pending, t.active),
                    (c.running, c.pending, u32::from(task.is_active())),
                    "{status:?}, stop requested {stop_requested}"
                );
            }
        }
    }

    #[test]
    fn adding_then_taking_away_leaves_the_counts_as_they_were() {
        let mut t = Tally::default();
        t.add(Tally::of(TaskStatus::Running, false));
        t.add(Tally::of(TaskStatus::Pending, false));
        assert_eq!(
            t,
            Tally {
                active: 2,
                running: 1,
                pending: 1
            }
        );
        t.sub(Tally::of(TaskStatus::Pending, false));
        t.sub(Tally::of(TaskStatus::Running, false));
        assert!(t.is_empty());
    }
}
