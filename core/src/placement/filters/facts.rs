//! A container instance as the cluster query language sees it (attributes, the agent's fields,
//! the task groups on it), for evaluating `memberOf` constraints.

use crate::cluster::{Instance, InstanceStatus};
use crate::placement::query::{InstanceFacts, InstanceField};
use crate::time::Millis;

/// The instance with the task groups on it, as a `memberOf` expression reads it.
pub fn facts<'a>(instance: &'a Instance, groups: Vec<&'a str>) -> Facts<'a> {
    Facts {
        instance,
        groups,
        left_out: 0,
    }
}

/// An instance plus the task groups on it, for evaluating `memberOf` expressions.
pub struct Facts<'a> {
    instance: &'a Instance,
    groups: Vec<&'a str>,
    /// Tasks on the instance `runningTasksCount` leaves out (a daemon's own).
    left_out: usize,
}

impl Facts<'_> {
    /// The same facts with `n` of the instance's tasks left out of `runningTasksCount`.
    pub fn without_tasks(self, n: usize) -> Self {
        Self {
            left_out: n,
            ..self
        }
    }
}

impl InstanceFacts for Facts<'_> {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.instance.attributes.get(name).map(String::as_str)
    }

    fn field(&self, field: InstanceField) -> Option<String> {
        let i = self.instance;
        match field {
            InstanceField::AgentConnected => {
                Some((i.status != InstanceStatus::Terminated).to_string())
            }
            // The ECS agent version the playground's instances report.
            InstanceField::AgentVersion => Some("1.89.0".to_string()),
            InstanceField::Ec2InstanceId => Some(i.ec2_instance_id.clone()),
            InstanceField::RegisteredAt => i.registered_at.map(format_registered_at),
            InstanceField::RunningTasksCount => {
                Some(i.tasks.len().saturating_sub(self.left_out).to_string())
            }
        }
    }

    fn task_groups(&self) -> Vec<&str> {
        self.groups.clone()
    }
}

/// Virtual time as a date the query language understands: the run starts at 2024-01-01T00:00:00Z.
fn format_registered_at(t: Millis) -> String {
    let secs = t / 1000;
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // Days past 2024-01-01 within the (leap) year 2024, clamped for simplicity to December.
    let mut day = days;
    let months = [31u64, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while month < 11 && day >= months[month] {
        day -= months[month];
        month += 1;
    }
    format!(
        "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        month + 1,
        (day + 1).min(31),
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}
