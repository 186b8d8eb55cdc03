//! Validation of a parsed task definition against the rules RegisterTaskDefinition enforces.
//!
//! Every rule runs and every problem is returned (not just the first), sorted into document
//! order. Paths are relative to the task definition root.

mod awslogs;
mod containers;
mod depends_on;
mod efs;
pub(crate) mod enums;
mod ephemeral_storage;
mod execution_role;
pub(crate) mod fargate_parameters;
pub(crate) mod firelens;
mod health_check;
mod launch_type;
mod memory_cpu;
mod network_params;
mod port_ranges;
mod ports;
mod restart_policy;
mod runtime_platform;
mod ulimits;
mod volumes;

use super::container_definition::CONTAINER_DEFINITION_KEYS;
use super::task_definition::{TaskDefinition, TASK_DEFINITION_KEYS};
use crate::problem::Problem;

/// ECS quota "Task definition size limit": 64 KiB, not adjustable (DG service-quotas).
pub const MAX_TASK_DEFINITION_BYTES: usize = 64 * 1024;

/// Every problem ECS would report when registering `td`, in document order.
pub fn validate(td: &TaskDefinition) -> Vec<Problem> {
    let mut problems = Vec::new();
    containers::check(td, &mut problems);
    launch_type::check(td, &mut problems);
    execution_role::check(td, &mut problems);
    memory_cpu::check(td, &mut problems);
    ephemeral_storage::check(td, &mut problems);
    ports::check(td, &mut problems);
    port_ranges::check(td, &mut problems);
    network_params::check(td, &mut problems);
    runtime_platform::check(td, &mut problems);
    health_check::check(td, &mut problems);
    firelens::check(td, &mut problems);
    ulimits::check(td, &mut problems);
    restart_policy::check(td, &mut problems);
    depends_on::check(td, &mut problems);
    volumes::check(td, &mut problems);
    efs::check(td, &mut problems);
    enums::check(td, &mut problems);
    awslogs::check(td, &mut problems);
    check_size(td, &mut problems);
    crate::order::sort_by_cached_key(&mut problems, |p| document_order(&p.path));
    problems
}

/// Quota: a task definition is at most 64 KiB (measured here as compact JSON).
fn check_size(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let size = serde_json::to_vec(td).map(|v| v.len()).unwrap_or(0);
    if size > MAX_TASK_DEFINITION_BYTES {
        out.push(Problem::new(
            "",
            format!(
                "Task definition is {size} bytes; the maximum size of a task definition is 64 KiB"
            ),
        ));
    }
}

/// Keys below a container, in the order they are usually written.
const NESTED_KEYS: &[&str] = &[
    "containerName",
    "condition",
    "command",
    "interval",
    "timeout",
    "retries",
    "startPeriod",
    "containerPort",
    "hostPort",
    "protocol",
    "logDriver",
    "value",
    "type",
];

/// A sort key that orders paths as the fields appear in a conventionally written document.
fn document_order(path: &str) -> Vec<u32> {
    let mut key = Vec::new();
    for (depth_keys, part) in path.split('.').filter(|s| !s.is_empty()).enumerate() {
        let (name, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        let table: &[&str] = match depth_keys {
            0 => TASK_DEFINITION_KEYS,
            1 => CONTAINER_DEFINITION_KEYS,
            _ => NESTED_KEYS,
        };
        let rank = table.iter().position(|k| *k == name).unwrap_or(table.len());
        key.push(u32::try_from(rank).unwrap_or(u32::MAX));
        for idx in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            key.push(idx.parse::<u32>().unwrap_or(u32::MAX));
        }
    }
    key
}

/// Path of container `i`, e.g. `containerDefinitions[1]`.
fn container_path(i: usize) -> String {
    format!("containerDefinitions[{i}]")
}

/// Whether a parameter kept as written asks for anything: not null, `false`, `[]` or `{}`.
///
/// The simulator's reading where the docs only say a parameter is "not valid" (e.g. DG
/// fargate-tasks-services): describe-task-definition output and many tools write `false` or
/// an empty list for a parameter they do not use, and such a value is not refused.
fn is_set(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null | Value::Bool(false) => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

/// The container's name for messages ("" when missing).
fn name_of(td: &TaskDefinition, i: usize) -> &str {
    td.containers()
        .get(i)
        .and_then(|c| c.name.as_deref())
        .unwrap_or("")
}

/// Test support: the (path, message) pairs validation gives the task definition document `td`
/// (it must parse), for the rule files' own tests.
#[cfg(test)]
pub(crate) fn problems_of(td: &serde_json::Value) -> Vec<(String, String)> {
    let td =
        crate::taskdef::parse_task_definition(&td.to_string()).unwrap_or_else(|e| panic!("{e}"));
    validate(&td)
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

#[cfg(test)]
mod tests;
