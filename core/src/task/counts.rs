//! runningCount and pendingCount, counted one way for a service and for each of its deployments,
//! so DescribeServices' totals always equal the sum of its deployments' (API Service, API
//! Deployment).
//!
//! The API defines runningCount as the tasks "in the RUNNING state" and pendingCount as those "in
//! the PENDING state". The docs are silent on PROVISIONING and ACTIVATING; the simulator counts
//! both as pending (a task on its way to RUNNING), and says so wherever it shows the count.

use super::{Task, TaskStatus};

/// A service's or deployment's task counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TaskCounts {
    /// `runningCount`: tasks whose lastStatus is RUNNING.
    pub running: u32,
    /// `pendingCount`: active tasks in PROVISIONING, PENDING or ACTIVATING.
    pub pending: u32,
}

impl TaskCounts {
    /// Adds one task to the counts.
    pub fn add(&mut self, task: &Task) {
        if task.last_status == TaskStatus::Running {
            self.running += 1;
        } else if task.is_active()
            && matches!(
                task.last_status,
                TaskStatus::Provisioning | TaskStatus::Pending | TaskStatus::Activating
            )
        {
            self.pending += 1;
        }
    }

    /// The counts of `tasks`.
    pub fn of<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> TaskCounts {
        let mut c = TaskCounts::default();
        for t in tasks {
            c.add(t);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::LaunchKind;

    fn task(status: TaskStatus, stop_requested: bool) -> Task {
        let mut t = Task::provisioning("t".into(), "service:web".into(), LaunchKind::Ec2, 0);
        t.last_status = status;
        t.stop_requested = stop_requested;
        t
    }

    #[test]
    fn running_counts_the_running_state_and_pending_the_states_before_it() {
        use TaskStatus::*;
        let tasks = [
            task(Provisioning, false),
            task(Pending, false),
            task(Activating, false),
            task(Running, false),
            task(Running, false),
            task(Deactivating, true),
            task(Stopping, true),
            task(Stopped, true),
            task(Pending, true),
        ];
        assert_eq!(
            TaskCounts::of(&tasks),
            TaskCounts {
                running: 2,
                pending: 3
            }
        );
    }

    #[test]
    fn a_service_counts_the_sum_of_its_deployments() {
        use TaskStatus::*;
        let blue = [task(Running, false), task(Deactivating, true)];
        let green = [task(Pending, false), task(Running, false)];
        let (b, g) = (TaskCounts::of(&blue), TaskCounts::of(&green));
        let all = TaskCounts::of(blue.iter().chain(green.iter()));
        assert_eq!(all.running, b.running + g.running);
        assert_eq!(all.pending, b.pending + g.pending);
    }
}
