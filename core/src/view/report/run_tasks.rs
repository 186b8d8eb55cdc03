//! The `runTasks` part of `ecs-sim run --json`: one entry per RunTask call (the top-level
//! `tasks[]` at time 0, then each timeline `runTask`), with what RunTask returned: the tasks it
//! started as full task ARNs, and `failures[]` (API Failure: `arn`, `reason`, `detail`).

use crate::sim::Sim;
use serde_json::{json, Value};

/// `[ { at, taskDefinition, count, tasks, failures } ]` in call order.
pub fn run_tasks_json(sim: &Sim) -> Vec<Value> {
    sim.run_task_calls
        .iter()
        .map(|call| {
            let rt = &sim.model.run_tasks[call.run_task];
            let failures: Vec<Value> = call
                .failures
                .iter()
                .map(|f| {
                    // `arn`: the closest matching container instance, where ECS gives one
                    // (DG api_failures_messages); omitted otherwise. `detail` is the
                    // simulator's explanation (the API leaves its content undocumented).
                    let mut v = json!({ "reason": f.reason, "detail": f.detail });
                    if let Some(id) = &f.container_instance_id {
                        v["arn"] = json!(super::arn::container_instance_arn(sim, rt.cluster, id));
                    }
                    v
                })
                .collect();
            json!({
                "at": call.at,
                "taskDefinition": sim.model.task_definitions[rt.task_definition].name(),
                "count": rt.count,
                // By ID: a task stopped long ago may no longer be kept by the engine.
                "tasks": call
                    .task_ids
                    .iter()
                    .map(|id| super::arn::task_arn_of(sim, rt.cluster, id))
                    .collect::<Vec<_>>(),
                "failures": failures,
            })
        })
        .collect()
}
