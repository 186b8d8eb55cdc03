//! The `deployments` part of `ecs-sim run --json`: per service, its deployments as
//! DescribeServices lists them (PRIMARY first).

use crate::deployment::DeploymentStatus;
use crate::sim::Sim;
use serde_json::{json, Map, Value};

/// Deployment `k` of service `s` with DescribeServices' field names; `task_definition` is
/// what the caller shows for it (the family:revision here, the ARN in `services[]`).
pub(super) fn entry(sim: &Sim, s: usize, k: usize, task_definition: Value) -> Value {
    let d = &sim.services[s].deployments.list[k];
    let c = counts(sim, s, k);
    json!({
        "id": d.id,
        "status": d.status,
        "taskDefinition": task_definition,
        "desiredCount": c.desired,
        "pendingCount": c.pending,
        "runningCount": c.running,
        "failedTasks": d.failed_tasks,
        "rolloutState": d.rollout_state,
        "rolloutStateReason": d.rollout_state_reason,
        "createdAt": d.created_at,
        "updatedAt": d.updated_at,
    })
}

/// `{ "<service>": [ { id, status, taskDefinition, desiredCount, pendingCount, runningCount,
/// failedTasks, rolloutState, rolloutStateReason, createdAt, updatedAt } ] }`, newest first.
/// INACTIVE deployments stay in the list so a run's history is visible.
pub fn deployments_json(sim: &Sim) -> Value {
    let mut out = Map::new();
    for (s, svc) in sim.model.services.iter().enumerate() {
        let ds = &sim.services[s].deployments;
        let mut list = Vec::new();
        for (k, d) in ds.list.iter().enumerate().rev() {
            let name = sim.model.task_definitions[d.task_definition].name();
            let mut entry = entry(sim, s, k, json!(name));
            if let Some(sh) = &d.shift {
                // ECS shows the stage on the service deployment (API ServiceDeployment
                // lifecycleStage); the traffic share is the simulator's view of the listener.
                entry["strategy"] = json!(sh.plan.name);
                entry["lifecycleStage"] = json!(sh.stage);
                let green = d.production_traffic_tenths().unwrap_or(0);
                entry["productionTrafficPercent"] = json!(f64::from(green) / 10.0);
            }
            list.push(entry);
        }
        out.insert(svc.name.clone(), Value::Array(list));
    }
    Value::Object(out)
}

/// A deployment's task counts as DescribeServices shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeploymentCounts {
    /// `desiredCount`: the service's for PRIMARY, the tasks left for ACTIVE, 0 for INACTIVE.
    pub desired: usize,
    /// `pendingCount`: active tasks not yet RUNNING.
    pub pending: usize,
    /// `runningCount`.
    pub running: usize,
}

/// The counts of deployment `k` of service `s`; shared by the `--json` report and the
/// playground's deployment cards so both say the same.
pub fn counts(sim: &Sim, s: usize, k: usize) -> DeploymentCounts {
    let ds = &sim.services[s].deployments;
    let Some(d) = ds.list.get(k) else {
        return DeploymentCounts::default();
    };
    // Kept by the engine as tasks change (deployment::tally), counted as the service's are
    // (task::counts), so the service's runningCount and pendingCount are always the sums of
    // its deployments'; the invariant checker compares them with a recount.
    let c = ds.tally(k);
    let (running, pending, active) = (c.running as usize, c.pending as usize, c.active as usize);
    // An ACTIVE deployment's desired count falls as its tasks are replaced.
    let desired = match d.status {
        DeploymentStatus::Primary => sim.services[s].desired as usize,
        DeploymentStatus::Active => active,
        DeploymentStatus::Inactive => 0,
    };
    DeploymentCounts {
        desired,
        pending,
        running,
    }
}
