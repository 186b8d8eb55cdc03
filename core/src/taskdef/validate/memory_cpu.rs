//! Container memory and cpu against each other and against task-level cpu and memory.

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::InvalidTaskSize;

/// DG/API ContainerDefinition.memory: "The Docker 20.10.0 or later daemon reserves a minimum
/// of 6 MiB of memory for a container. So, don't specify less than 6 MiB."
pub const MIN_CONTAINER_MEMORY_MIB: i64 = 6;

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let task_memory = td.task_memory_mib();
    let task_cpu = td.task_cpu_units();
    let mut reserved_sum: i64 = 0;
    let mut cpu_sum: i64 = 0;
    let mut reserved_parts: Vec<String> = Vec::new();
    let mut cpu_parts: Vec<String> = Vec::new();
    for (i, c) in td.containers().iter().enumerate() {
        let here = container_path(i);
        let name = c.name.as_deref().unwrap_or("");
        for (key, v) in [
            ("memory", c.memory),
            ("memoryReservation", c.memory_reservation),
        ] {
            if let Some(v) = v.filter(|v| *v < MIN_CONTAINER_MEMORY_MIB) {
                out.push(Problem::new(
                    format!("{here}.{key}"),
                    format!("Invalid '{key}' setting for container '{name}': {v} MiB is below the minimum of 6 MiB that Docker reserves for a container."),
                ));
            }
        }
        // API: "If a task-level memory value is not specified, you must specify a non-zero
        // integer for one or both of memory or memoryReservation in a container definition."
        if task_memory.is_none() && c.memory.is_none() && c.memory_reservation.is_none() {
            out.push(Problem::new(
                here.clone(),
                format!("Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified."),
            ));
        }
        // The API says memory "must be greater than" memoryReservation, but ECS (like Docker)
        // accepts the two being equal, so only a reservation above the limit is an error.
        if let (Some(m), Some(r)) = (c.memory, c.memory_reservation) {
            if r > m {
                out.push(Problem::new(
                    format!("{here}.memoryReservation"),
                    format!("Invalid setting for container '{name}'. 'memoryReservation' ({r}) must not be greater than 'memory' ({m})."),
                ));
            }
        }
        // ECS's ClientException as engineers quote it (its troubleshooting pages and policy
        // checks); the playground had its own wording, which a search for the real one did not
        // find (engineer walkthrough, 2026-12-07). The figures follow it.
        if let (Some(Ok(tm)), Some(m)) = (&task_memory, c.memory) {
            if m > i64::from(*tm) {
                out.push(Problem::new(
                    format!("{here}.memory"),
                    format!("The 'memory' setting for container '{name}' is greater than for the task ({m} MiB for the container, {tm} MiB for the task)."),
                ));
            }
        }
        if let Some(cpu) = c.cpu {
            if cpu < 0 {
                out.push(Problem::new(
                    format!("{here}.cpu"),
                    format!("Invalid 'cpu' setting for container '{name}': must not be negative."),
                ));
            }
            cpu_sum = cpu_sum.saturating_add(cpu.max(0));
            if cpu > 0 {
                cpu_parts.push(format!("'{name}' {cpu}"));
            }
        }
        let counted = counted_reservation(c.memory_reservation, c.memory, &task_memory);
        reserved_sum = reserved_sum.saturating_add(counted);
        if counted > 0 {
            let from = if c.memory_reservation.is_some() {
                ""
            } else {
                " (its memory)"
            };
            reserved_parts.push(format!("'{name}' {counted}{from}"));
        }
    }
    if let Some(Ok(tm)) = task_memory {
        if reserved_sum > i64::from(tm) {
            // ECS's sentence, then the sum itself: a container without a memoryReservation
            // reserves its memory, so the sum may name a field the user never wrote.
            out.push(Problem::new(
                "memory",
                format!(
                    "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'. Reserved (a container without memoryReservation reserves its memory): {} = {reserved_sum} MiB, task memory {tm} MiB.",
                    reserved_parts.join(" + ")
                ),
            ));
        }
    }
    if let Some(Ok(tc)) = task_cpu {
        if cpu_sum > i64::from(tc) {
            out.push(Problem::new(
                "cpu",
                format!(
                    "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'. Reserved: {} = {cpu_sum} CPU units, task cpu {tc}.",
                    cpu_parts.join(" + ")
                ),
            ));
        }
    }
}

/// What a container adds to the `memoryReservation` sum: its reservation, else its `memory`.
/// A `memory` alone that is already above the task's memory is reported at the container and
/// not counted again (one cause, one message): the sum would name a `memoryReservation` the
/// user never wrote. Simulator's choice; the docs do not say whether ECS reports both.
fn counted_reservation(
    reservation: Option<i64>,
    memory: Option<i64>,
    task_memory: &Option<Result<u32, InvalidTaskSize>>,
) -> i64 {
    match (reservation, memory, task_memory) {
        (Some(r), _, _) => r.max(0),
        (None, Some(m), Some(Ok(tm))) if m > i64::from(*tm) => 0,
        (None, Some(m), _) => m.max(0),
        (None, None, _) => 0,
    }
}
