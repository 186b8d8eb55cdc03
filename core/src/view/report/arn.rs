//! The ARNs `--json` prints where the APIs print ARNs (describe-tasks, describe-services,
//! RunTask `failures[]`): the scenario's Region (from its first zone) and the simulator's
//! account, as the target group ARNs have.

use crate::elb::resolve::{region_of, SIM_ACCOUNT};
use crate::sim::Sim;

/// `arn:aws:ecs:<region>:<account>:<resource>`.
fn ecs_arn(sim: &Sim, resource: &str) -> String {
    format!(
        "arn:aws:ecs:{}:{SIM_ACCOUNT}:{resource}",
        region_of(&sim.model.zones)
    )
}

/// `…:cluster/<name>`.
pub fn cluster_arn(sim: &Sim, cluster: usize) -> String {
    ecs_arn(
        sim,
        &format!("cluster/{}", sim.model.clusters[cluster].name),
    )
}

/// `…:task/<cluster>/<task ID>` (the long ARN format) of kept task `t`.
pub fn task_arn(sim: &Sim, t: usize) -> String {
    let task = &sim.tasks[t];
    task_arn_of(sim, task.cluster, &task.id)
}

/// `…:task/<cluster>/<task ID>` from the cluster and ID (for tasks the engine may have
/// dropped).
pub fn task_arn_of(sim: &Sim, cluster: usize, id: &str) -> String {
    ecs_arn(
        sim,
        &format!("task/{}/{id}", sim.model.clusters[cluster].name),
    )
}

/// `…:container-instance/<cluster>/<container instance ID>`.
pub fn container_instance_arn(sim: &Sim, cluster: usize, id: &str) -> String {
    ecs_arn(
        sim,
        &format!(
            "container-instance/{}/{id}",
            sim.model.clusters[cluster].name
        ),
    )
}

/// `…:service/<cluster>/<service>`.
pub fn service_arn(sim: &Sim, s: usize) -> String {
    let svc = &sim.model.services[s];
    ecs_arn(
        sim,
        &format!(
            "service/{}/{}",
            sim.model.clusters[svc.cluster].name, svc.name
        ),
    )
}

/// `…:task-definition/<family>:<revision>`.
pub fn task_definition_arn(sim: &Sim, td: usize) -> String {
    ecs_arn(
        sim,
        &format!("task-definition/{}", sim.model.task_definitions[td].name()),
    )
}
