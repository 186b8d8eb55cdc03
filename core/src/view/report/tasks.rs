//! The `tasks` part of `ecs-sim run --json`: every task not yet stopped and the newest stopped
//! ones (bounded: [`MAX_STOPPED_TASKS`]), with the field names `aws ecs describe-tasks` prints (API Task). Times are
//! milliseconds of simulated time, like every other time in `--json`.

use crate::sim::Sim;
use crate::task::{HealthStatus, LaunchKind};
use crate::time::Millis;
use crate::view::labels;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// How many STOPPED tasks the report lists at most: the newest ones (by `stoppedAt`). A
/// crash-looping service stops thousands of tasks an hour; ECS itself keeps a stopped task
/// describable only "for at least one hour" (API DescribeTasks). Tasks not yet stopped are
/// always all listed.
pub const MAX_STOPPED_TASKS: usize = 1_000;

/// The `tasks` array and how many older STOPPED tasks it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskList {
    /// describe-tasks entries, in creation order.
    pub tasks: Vec<Value>,
    /// STOPPED tasks left out because [`MAX_STOPPED_TASKS`] newer ones are listed.
    pub stopped_omitted: usize,
}

/// One entry per task, in creation order: every task not yet STOPPED and the newest
/// [`MAX_STOPPED_TASKS`] stopped ones.
pub fn describe_tasks(sim: &Sim) -> TaskList {
    let stopped: Vec<(Millis, usize)> = sim
        .tasks
        .iter()
        .filter_map(|(t, task)| task.stopped_at.map(|at| (at, t)))
        .collect();
    let left_out = oldest_beyond(stopped, MAX_STOPPED_TASKS);
    // The engine itself keeps only the newest stopped tasks; the ones it dropped are omitted
    // too.
    let dropped = usize::try_from(sim.tasks_dropped()).unwrap_or(usize::MAX);
    TaskList {
        tasks: sim
            .tasks
            .iter()
            .filter(|(t, _)| !left_out.contains(t))
            .map(|(t, _)| describe_task(sim, t))
            .collect(),
        stopped_omitted: left_out.len().saturating_add(dropped),
    }
}

/// The tasks among `stopped` (`(stoppedAt, task)`) older than the newest `keep`; ties in
/// `stoppedAt` go by creation order, so the choice is the same on every run.
fn oldest_beyond(mut stopped: Vec<(Millis, usize)>, keep: usize) -> BTreeSet<usize> {
    let omitted = stopped.len().saturating_sub(keep);
    crate::order::sort(&mut stopped);
    stopped.iter().take(omitted).map(|&(_, t)| t).collect()
}

/// Task `t` as describe-tasks prints it. Keys AWS omits while they have no value
/// (`pullStartedAt`, `startedAt`, `stoppingAt`, `stoppedAt`, `stopCode`, `stoppedReason`,
/// `capacityProviderName`, `containerInstanceArn`, `availabilityZone`, `startedBy`) are left out
/// too.
pub fn describe_task(sim: &Sim, t: usize) -> Value {
    let task = &sim.tasks[t];
    let td = &sim.model.task_definitions[task.task_definition];
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    put("taskArn", json!(super::arn::task_arn(sim, t)));
    put(
        "clusterArn",
        json!(super::arn::cluster_arn(sim, task.cluster)),
    );
    put(
        "taskDefinitionArn",
        json!(super::arn::task_definition_arn(sim, task.task_definition)),
    );
    put("group", json!(task.group));
    if let Some(by) = &task.started_by {
        put("startedBy", json!(by));
    }
    put("lastStatus", json!(task.last_status.as_str()));
    put(
        "desiredStatus",
        json!(if task.stop_requested {
            "STOPPED"
        } else {
            "RUNNING"
        }),
    );
    put("healthStatus", json!(labels::health(task.health)));
    // DescribeTasks gives launchType even for capacity provider tasks (EC2 or FARGATE; a
    // FARGATE_SPOT task's launch type is FARGATE).
    put(
        "launchType",
        json!(match task.launch {
            LaunchKind::Ec2 => "EC2",
            LaunchKind::Fargate | LaunchKind::FargateSpot => "FARGATE",
            LaunchKind::External => "EXTERNAL",
        }),
    );
    if let Some(cp) = &task.capacity_provider {
        put("capacityProviderName", json!(cp));
    }
    if let Some(z) = &task.zone {
        put("availabilityZone", json!(z));
    }
    if let Some(i) = task.instance {
        let inst = &sim.instances[i];
        put(
            "containerInstanceArn",
            json!(super::arn::container_instance_arn(
                sim,
                inst.cluster,
                &inst.container_instance_id
            )),
        );
    }
    // Task-level cpu and memory are strings in the API.
    put("cpu", json!(td.needs.cpu.to_string()));
    put("memory", json!(td.needs.memory.to_string()));
    put("createdAt", json!(task.created_at));
    for (k, v) in [
        ("pullStartedAt", task.pull_started_at),
        ("startedAt", task.started_at),
        ("stoppingAt", task.stopping_at),
        ("stoppedAt", task.stopped_at),
    ] {
        if let Some(v) = v {
            put(k, json!(v));
        }
    }
    if let Some(c) = task.stop_code {
        put("stopCode", json!(c));
    }
    if let Some(r) = &task.stopped_reason {
        put("stoppedReason", json!(r));
    }
    put("containers", Value::Array(describe_containers(sim, t)));
    Value::Object(m)
}

/// The task's containers as describe-tasks lists them (API *Container*): name, image,
/// `lastStatus`, `healthStatus`, and for the container that stopped the task its `exitCode` and
/// `reason` ([`crate::task::ContainerExit`]). Chosen where the simulator has less than ECS: a
/// container is PENDING until its task is ACTIVATING or RUNNING (dependsOn starts are not told
/// apart), and the other containers of a stopped task have no `exitCode` (how they exit is not
/// simulated).
fn describe_containers(sim: &Sim, t: usize) -> Vec<Value> {
    use crate::task::TaskStatus as S;
    let task = &sim.tasks[t];
    let td = &sim.model.task_definitions[task.task_definition].definition;
    let task_arn = super::arn::task_arn(sim, t);
    let ended_in_order = sim.containers_exited_in_order(t);
    td.containers()
        .iter()
        .enumerate()
        .map(|(c, def)| {
            let exit = task.exit_of(c);
            // A container the start order has stopped (an init container that ran to its end).
            let ended = exit
                .is_none()
                .then(|| ended_in_order.get(c).copied().flatten())
                .flatten();
            let status = match task.last_status {
                _ if exit.is_some() || ended.is_some() => "STOPPED",
                S::Provisioning | S::Pending => "PENDING",
                S::Activating | S::Running | S::Deactivating | S::Stopping => "RUNNING",
                S::Deprovisioning | S::Stopped => "STOPPED",
            };
            let health = task
                .container_health
                .get(c)
                .map_or(HealthStatus::Unknown, |h| h.0);
            let mut m = Map::new();
            m.insert("taskArn".into(), json!(task_arn));
            m.insert(
                "name".into(),
                json!(def.name.as_deref().unwrap_or_default()),
            );
            m.insert(
                "image".into(),
                json!(def.image.as_deref().unwrap_or_default()),
            );
            m.insert("lastStatus".into(), json!(status));
            if let Some(e) = exit {
                if let Some(code) = e.code() {
                    m.insert("exitCode".into(), json!(code));
                }
                if let Some(r) = task.exit_reason() {
                    m.insert("reason".into(), json!(r));
                }
            }
            if let Some(code) = ended {
                m.insert("exitCode".into(), json!(code));
            }
            m.insert("healthStatus".into(), json!(labels::health(health)));
            Value::Object(m)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_stopped_tasks_are_kept_and_ties_go_by_creation_order() {
        // 5 stopped tasks, keep 3: the two that stopped first go; task 4 and task 1 stopped at
        // the same time, and the older-created one (1) goes first.
        let stopped = vec![(50, 0), (10, 1), (30, 2), (40, 3), (10, 4)];
        assert_eq!(oldest_beyond(stopped.clone(), 3), BTreeSet::from([1, 4]));
        assert_eq!(oldest_beyond(stopped.clone(), 5), BTreeSet::new());
        assert_eq!(oldest_beyond(stopped, 0).len(), 5);
    }
}
