//! The `services` part of `ecs-sim run --json`: each service with the field names
//! `aws ecs describe-services` prints (API Service), plus the simulator's own count of tasks it
//! could not place (labelled as such: ECS creates no task for them).

use crate::cluster::LaunchTarget;
use crate::deployment::DeploymentStatus;
use crate::sim::log::LogKind;
use crate::sim::Sim;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// DescribeServices shows at most the 100 latest events (API Service.events).
pub const MAX_SERVICE_EVENTS: usize = 100;

/// One entry per service, in model order.
pub fn describe_services(sim: &Sim) -> Vec<Value> {
    let events = events_by_service(sim);
    let snap_services: Vec<crate::sim::snapshot::ServiceView> = (0..sim.model.services.len())
        .map(|s| sim.service_view(s))
        .collect();
    sim.model
        .services
        .iter()
        .enumerate()
        .map(|(s, svc)| {
            let view = &snap_services[s];
            let mut v = json!({
                "serviceName": svc.name,
                "serviceArn": super::arn::service_arn(sim, s),
                "clusterArn": super::arn::cluster_arn(sim, svc.cluster),
                "status": "ACTIVE",
                "schedulingStrategy": view.scheduling_strategy,
                "taskDefinition": super::arn::task_definition_arn(sim, sim.services[s].task_definition),
                "desiredCount": view.desired_count,
                "runningCount": view.running_count,
                "pendingCount": view.pending_count,
                "deployments": deployments(sim, s),
                "events": events.get(&s).cloned().unwrap_or_default(),
                "unplacedCount": view.unplaced_count,
                // API Service: what the setting resolved to (left out, it depends on whether
                // the service can be rebalanced).
                "availabilityZoneRebalancing": if svc.az_rebalancing { "ENABLED" } else { "DISABLED" },
            });
            // DescribeServices gives launchType or capacityProviderStrategy, never both.
            match &svc.launch {
                LaunchTarget::Strategy(items) => {
                    v["capacityProviderStrategy"] = json!(items
                        .iter()
                        .map(|i| json!({
                            "capacityProvider": i.name,
                            "weight": i.weight,
                            "base": i.base,
                        }))
                        .collect::<Vec<_>>());
                }
                other => {
                    v["launchType"] = json!(match other {
                        LaunchTarget::Fargate => "FARGATE",
                        LaunchTarget::External => "EXTERNAL",
                        _ => "EC2",
                    });
                }
            }
            v
        })
        .collect()
}

/// The service's deployments as DescribeServices lists them: PRIMARY first, INACTIVE ones
/// left out (the top-level `deployments` report keeps them for the run's history).
fn deployments(sim: &Sim, s: usize) -> Vec<Value> {
    let ds = &sim.services[s].deployments;
    ds.list
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, d)| d.status != DeploymentStatus::Inactive)
        .map(|(k, d)| {
            let arn = super::arn::task_definition_arn(sim, d.task_definition);
            super::deployments::entry(sim, s, k, json!(arn))
        })
        .collect()
}

/// Per service, its service events newest first, at most [`MAX_SERVICE_EVENTS`], as
/// `{ createdAt, message }`; one pass over the log.
fn events_by_service(sim: &Sim) -> BTreeMap<usize, Vec<Value>> {
    let index: BTreeMap<&str, usize> = sim
        .model
        .services
        .iter()
        .enumerate()
        .map(|(s, svc)| (svc.name.as_str(), s))
        .collect();
    let mut out: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
    for e in sim.log().iter().rev() {
        if e.kind != LogKind::Service {
            continue;
        }
        let Some(&s) = e.service.as_deref().and_then(|n| index.get(n)) else {
            continue;
        };
        let list = out.entry(s).or_default();
        if list.len() < MAX_SERVICE_EVENTS {
            list.push(json!({ "createdAt": e.at, "message": e.text }));
        }
    }
    out
}
