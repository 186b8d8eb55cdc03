//! Property test of the rolling update bounds (DG deployment-type-ecs): for any desired count,
//! minimumHealthyPercent and maximumPercent, during a deployment from web:1 to web:2 on Fargate
//! (capacity always available), checked after every step:
//! - tasks RUNNING or on their way (PROVISIONING, PENDING, ACTIVATING) never exceed
//!   max(desired, ⌊desired × maximumPercent / 100⌋);
//! - healthy tasks (RUNNING for 40 s, no health check) never drop below
//!   ⌈desired × minimumHealthyPercent / 100⌉;
//! - the deployment completes whenever the bounds leave room to move (upper > desired or
//!   lower < desired).

use ecs_sim::task::TaskStatus;
use ecs_sim::Sim;
use proptest::prelude::*;
use serde_json::json;

const UPDATE_MS: u64 = 120_000;
const RUN_MS: u64 = 1_500_000;
const HEALTHY_AFTER_MS: u64 = 40_000;

fn scenario(desired: u32, min: u32, max: u32, seed: u64) -> String {
    let td = |image: &str| {
        json!({
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": image, "essential": true }]
        })
    };
    json!({
        "version": 1, "seed": seed,
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" }
        ],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [td("example/web:1"), td("example/web:2")],
        "services": [{
            "serviceName": "web", "taskDefinition": "web:1", "desiredCount": desired,
            "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a", "subnet-b"] } },
            "deploymentConfiguration": { "minimumHealthyPercent": min, "maximumPercent": max }
        }],
        "timeline": [{ "at": UPDATE_MS / 1000, "action": "updateService", "service": "web", "taskDefinition": "web:2" }]
    })
    .to_string()
}

fn lower(desired: u32, min: u32) -> u32 {
    (desired * min).div_ceil(100)
}

fn upper(desired: u32, max: u32) -> u32 {
    (desired * max / 100).max(desired)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn rolling_deployment_stays_within_minimum_healthy_and_maximum_percent(
        desired in 1u32..=8,
        min in prop::sample::select(vec![0u32, 25, 50, 75, 100]),
        max in prop::sample::select(vec![100u32, 125, 150, 200]),
        seed in 0u64..1000,
    ) {
        let mut sim = Sim::from_json(&scenario(desired, min, max, seed)).expect("valid scenario");
        sim.run_until(UPDATE_MS - 1);
        let (lo, hi) = (lower(desired, min), upper(desired, max));
        while sim.next_event_at().is_some_and(|t| t <= RUN_MS) {
            sim.step();
            let now = sim.now();
            if now < UPDATE_MS {
                continue;
            }
            let live = sim.tasks.values().filter(|t| t.is_active()).count() as u32;
            let healthy = sim
                .tasks
                .values()
                .filter(|t| {
                    t.last_status == TaskStatus::Running
                        && !t.stop_requested
                        && t.started_at.is_some_and(|at| now >= at + HEALTHY_AFTER_MS)
                })
                .count() as u32;
            prop_assert!(live <= hi, "{live} tasks > upper bound {hi} at {now} ms");
            prop_assert!(healthy >= lo, "{healthy} healthy < lower bound {lo} at {now} ms");
        }
        let report = ecs_sim::view::report::deployments::deployments_json(&sim);
        let primary = &report["web"][0];
        prop_assert_eq!(&primary["taskDefinition"], "web:2");
        if hi > desired || lo < desired {
            prop_assert_eq!(&primary["rolloutState"], "COMPLETED");
            prop_assert_eq!(&primary["runningCount"], desired);
        } else {
            // No room either way: ECS cannot replace a task (DG deployment-type-ecs).
            prop_assert_eq!(&primary["rolloutState"], "IN_PROGRESS");
        }
    }
}
