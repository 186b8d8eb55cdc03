//! Scenarios for the benchmarks (`cargo bench`, and the wasm benchmark in Chromium), built in
//! code so native and wasm measure exactly the same work.

use crate::scenario::{resolve, Model, ScenarioDocument};
use serde_json::json;

/// Which placement strategy the benchmark services use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchStrategy {
    /// `binpack` on memory.
    BinpackMemory,
    /// The service default: spread across zones, then instances.
    AzSpread,
}

/// `instances` m5.4xlarge instances over 3 zones and `tasks` small bridge tasks, split into
/// services of at most 5,000 tasks (the ECS quota per service). All tasks fit.
pub fn placement_scenario(instances: u32, tasks: u32, strategy: BenchStrategy) -> Model {
    let services = tasks.div_ceil(5000).max(1);
    let per_service = tasks / services;
    let strategies = match strategy {
        BenchStrategy::BinpackMemory => json!([{ "type": "binpack", "field": "memory" }]),
        BenchStrategy::AzSpread => json!([]),
    };
    let svc: Vec<serde_json::Value> = (0..services)
        .map(|i| {
            json!({
                "serviceName": format!("svc{i}"),
                "taskDefinition": "small",
                "desiredCount": per_service,
                "placementStrategy": strategies,
            })
        })
        .collect();
    let doc = json!({
        "version": 1,
        "seed": 7,
        "subnets": [
            { "subnetId": "a", "availabilityZone": "us-east-1a" },
            { "subnetId": "b", "availabilityZone": "us-east-1b" },
            { "subnetId": "c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["big"] }],
        "capacityProviders": [{
            "name": "big",
            "autoScalingGroupProvider": { "autoScalingGroup": {
                "instanceType": "m5.4xlarge", "minSize": instances, "maxSize": instances,
                "desiredCapacity": instances, "subnets": ["a", "b", "c"]
            } }
        }],
        "taskDefinitions": [{
            "family": "small",
            "containerDefinitions": [{ "name": "app", "image": "app:1", "cpu": 64, "memory": 128 }]
        }],
        "services": svc,
    });
    let doc: ScenarioDocument = match serde_json::from_value(doc) {
        Ok(d) => d,
        Err(e) => panic!("benchmark scenario does not parse: {e}"),
    };
    match resolve(&doc) {
        Ok(m) => m,
        Err(p) => panic!("benchmark scenario is invalid: {p:?}"),
    }
}
