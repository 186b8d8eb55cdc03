//! The load balancer's part of `ecs-sim run --json` and of the snapshot: per target group its
//! settings and target counts by state, per service its target groups, per task its target.

use crate::elb::TargetHealthState;
use crate::sim::Sim;
use serde_json::{json, Value};

/// Every target group with its settings and its targets counted by state, every service with a
/// load balancer and its groups, and every registered target. `Value::Null` when the scenario
/// has no target groups, so reports of scenarios without load balancers do not change.
pub fn load_balancer_report(sim: &Sim) -> Value {
    if sim.model.target_groups.is_empty() {
        return Value::Null;
    }
    let groups: Vec<Value> = sim
        .model
        .target_groups
        .iter()
        .enumerate()
        .map(|(g, tg)| {
            let count = |state: TargetHealthState| {
                sim.tasks
                    .iter()
                    .map(|(_, t)| t)
                    .filter(|t| {
                        t.target
                            .as_ref()
                            .is_some_and(|x| x.group == g && x.state == state)
                    })
                    .count()
            };
            json!({
                "targetGroupName": tg.name,
                "targetGroupArn": tg.arn,
                "protocol": tg.protocol,
                "port": tg.port,
                "healthCheckPath": tg.health_check_path,
                "healthCheckIntervalSeconds": tg.interval_seconds,
                "healthCheckTimeoutSeconds": tg.timeout_seconds,
                "healthyThresholdCount": tg.healthy_threshold,
                "unhealthyThresholdCount": tg.unhealthy_threshold,
                "deregistrationDelaySeconds": tg.deregistration_delay_seconds,
                "targets": {
                    "initial": count(TargetHealthState::Initial),
                    "healthy": count(TargetHealthState::Healthy),
                    "unhealthy": count(TargetHealthState::Unhealthy),
                    "draining": count(TargetHealthState::Draining),
                },
            })
        })
        .collect();
    let services: Vec<Value> = sim
        .model
        .services
        .iter()
        .filter_map(|s| {
            let lb = s.load_balancer.as_ref()?;
            let name = |g: usize| sim.model.target_groups[g].name.clone();
            Some(json!({
                "serviceName": s.name,
                "targetGroup": name(lb.target_group),
                "alternateTargetGroup": lb.alternate_target_group.map(name),
                "containerName": lb.container_name,
                "containerPort": lb.container_port,
            }))
        })
        .collect();
    let targets: Vec<Value> = sim
        .tasks
        .iter()
        .filter_map(|(_, t)| {
            let x = t.target.as_ref()?;
            Some(json!({
                "taskId": t.id,
                "targetGroup": sim.model.target_groups[x.group].name,
                "port": x.port,
                "state": x.state.as_str(),
            }))
        })
        .collect();
    json!({ "targetGroups": groups, "services": services, "targets": targets })
}
