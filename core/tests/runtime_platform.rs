//! `runtimePlatform` in EC2 placement: an ARM64 task needs an instance that reports
//! `ecs.cpu-architecture` `arm64` (the engineer's walkthrough of 2026-12-05 found the Developer
//! Guide's `arm64-testapp` running on m5.large instances).

use ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
use ecs_sim::Sim;
use serde_json::{json, Value};

/// The default scenario with `web` (EC2, bridge) built for ARM64, on instances of `instance_type`.
fn arm_web_on(instance_type: &str) -> Value {
    let mut d: Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
    d["taskDefinitions"][0]["runtimePlatform"] =
        json!({"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"});
    d["capacityProviders"][0]["autoScalingGroupProvider"]["autoScalingGroup"]["instanceType"] =
        json!(instance_type);
    d
}

/// The log after two simulated minutes.
fn log_after_two_minutes(d: &Value) -> Vec<String> {
    let mut sim = Sim::from_json(&d.to_string()).expect("valid scenario");
    sim.run_until(120_000);
    sim.log().iter().map(|l| l.text.clone()).collect()
}

/// DG ecs-arm-specifying's example runs on an ARM instance; on x86_64 instances ECS finds no
/// instance with the attributes the task requires (DG service-event-messages: "… is missing an
/// attribute required by your task").
#[test]
fn an_arm64_task_waits_on_x86_instances_and_runs_on_graviton_ones() {
    let on_m5 = log_after_two_minutes(&arm_web_on("m5.large"));
    assert!(
        on_m5
            .iter()
            .any(|l| l.contains("(service web) was unable to place a task")
                && l.contains("is missing an attribute required by your task")),
        "{on_m5:#?}"
    );
    assert!(!on_m5.iter().any(|l| l.contains("(web:1) is RUNNING")));
    let on_m6g = log_after_two_minutes(&arm_web_on("m6g.large"));
    assert!(
        on_m6g.iter().any(|l| l.contains("(web:1) is RUNNING")),
        "{on_m6g:#?}"
    );
    assert!(!on_m6g.iter().any(|l| l.contains("missing an attribute")));
}
