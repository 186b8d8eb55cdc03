//! An instance added with `registerContainerInstance` is billed like one its Auto Scaling group
//! launched (EC2 User Guide, instance lifecycle: a running instance is billed, however it joined
//! the cluster). Cost walkthrough, 2026-12-06: it was never billed, and the services' shares of
//! it made the services and idle capacity add up to more than the total.

use crate::sim::Sim;
use crate::view::report::cost::cost_report;
use serde_json::json;

/// One m5.large from the group at 0:00 and one registered at 1:00; `web` wants two tasks of
/// 5,000 MiB, one per instance.
fn scenario() -> String {
    json!({
        "version": 1, "seed": 7,
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg"] }],
        "capacityProviders": [{ "name": "asg", "autoScalingGroupProvider": { "autoScalingGroup": {
            "instanceType": "m5.large", "minSize": 1, "maxSize": 1, "desiredCapacity": 1,
            "subnets": ["subnet-a"] } } }],
        "taskDefinitions": [{
            "family": "batch", "networkMode": "bridge", "requiresCompatibilities": ["EC2"],
            "containerDefinitions": [{ "name": "app", "image": "example/app:1", "cpu": 256,
                "memory": 5000, "essential": true }]
        }],
        "services": [{ "serviceName": "web", "taskDefinition": "batch", "desiredCount": 2,
            "launchType": "EC2" }],
        "timeline": [{ "at": 60, "action": "registerContainerInstance", "cluster": "default",
            "instanceType": "m5.large", "availabilityZone": "us-east-1b" }]
    })
    .to_string()
}

#[test]
fn a_registered_instance_is_billed_and_the_parts_add_up_to_the_total() {
    let mut sim = Sim::from_json(&scenario()).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(3_660_000);
    let r = cost_report(&sim);
    // m5.large at $0.096/h: the group's since 0:00 and the registered one since 1:00.
    assert_eq!(r.total.per_hour_nano_usd, 2 * 96_000_000);
    let m5 = |ms: u64| u64::try_from(96_000_000u128 * u128::from(ms) / 3_600_000).unwrap_or(0);
    let expected = m5(3_660_000) + m5(3_600_000);
    assert!(
        r.total.total_nano_usd.abs_diff(expected) <= 2,
        "{} against {expected}",
        r.total.total_nano_usd
    );
    // What the services reserve plus the idle capacity is the instances' cost.
    let services: u64 = r.services.iter().map(|s| s.amount.total_nano_usd).sum();
    let parts = services + r.idle.total.total_nano_usd;
    assert!(
        parts.abs_diff(r.total.total_nano_usd) <= 4,
        "services {services} + idle {} against total {}",
        r.idle.total.total_nano_usd,
        r.total.total_nano_usd
    );
}
