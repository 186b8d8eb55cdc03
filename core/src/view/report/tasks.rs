//! The `tasks` part of `ecs-sim run --json`: every task the simulation holds, stopped ones
//! included, with the field names `aws ecs describe-tasks` prints (API Task). Times are
//! milliseconds of simulated time, like every other time in `--json`.

use crate::sim::Sim;
use crate::task::{HealthStatus, LaunchKind};
use serde_json::{json, Map, Value};

/// One entry per task, in creation order.
pub fn describe_tasks(sim: &Sim) -> Vec<Value> {
    (0..sim.tasks.len())
        .map(|t| describe_task(sim, t))
        .collect()
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
    put(
        "healthStatus",
        json!(match task.health {
            HealthStatus::Unknown => "UNKNOWN",
            HealthStatus::Healthy => "HEALTHY",
            HealthStatus::Unhealthy => "UNHEALTHY",
        }),
    );
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
    Value::Object(m)
}
