//! How long a stop waits for a process that ignores SIGTERM: `stopTimeout`, then SIGKILL (API
//! ContainerDefinition stopTimeout: "The max stop timeout value is 120 seconds" on Fargate; on
//! EC2 no maximum is documented). Until 2026-12-06 every launch type was cut at 120 s
//! (lifecycle walkthrough).

use super::run_doc;
use crate::task::TaskStatus;
use serde_json::{json, Value};

/// One EC2 task of `web` whose process ignores SIGTERM, with `stopTimeout` seconds, stopped at
/// 1:00.
fn stopped_at_a_minute(stop_timeout: u32) -> Value {
    json!({
        "version": 1, "seed": 7,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg"] }],
        "capacityProviders": [{ "name": "asg", "autoScalingGroupProvider": { "autoScalingGroup": {
            "instanceType": "m5.large", "minSize": 1, "maxSize": 1, "desiredCapacity": 1,
            "subnets": ["subnet-a"] } } }],
        "taskDefinitions": [{ "family": "web", "networkMode": "bridge",
            "requiresCompatibilities": ["EC2"],
            "containerDefinitions": [{ "name": "app", "image": "example/app:1", "memory": 256,
                "cpu": 128, "essential": true, "stopTimeout": stop_timeout }] }],
        "images": { "example/app:1": { "pullSeconds": 5, "startSeconds": 1, "ignoresSigterm": true } },
        "services": [{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
            "launchType": "EC2" }],
        "timeline": [{ "at": 60, "action": "stopTask", "service": "web", "index": 0 }]
    })
}

/// How long the first task took from its stop to STOPPED, in seconds.
fn stop_seconds(stop_timeout: u32) -> u64 {
    let sim = run_doc(&stopped_at_a_minute(stop_timeout), 900_000);
    let (_, task) = sim.tasks.iter().next().expect("a task");
    assert_eq!(task.last_status, TaskStatus::Stopped);
    let (from, to) = (
        task.stopping_at.expect("stopping"),
        task.stopped_at.expect("stopped"),
    );
    (to - from) / 1000
}

#[test]
fn on_ec2_a_stop_timeout_above_two_minutes_is_waited_out() {
    let five_minutes = stop_seconds(300);
    let one_minute = stop_seconds(60);
    assert_eq!(
        five_minutes - one_minute,
        240,
        "{five_minutes} vs {one_minute}"
    );
    assert!((300..310).contains(&five_minutes), "{five_minutes}");
}

/// A task of `app` (ignores SIGTERM, `stopTimeout` 45) and `side`, an essential sidecar whose
/// process exits 20 s after it starts (fidelity probe 2026-12-06).
fn sidecar_exits(app_ignores_sigterm: bool) -> Value {
    json!({
        "version": 1, "seed": 1,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg"] }],
        "capacityProviders": [{ "name": "asg", "autoScalingGroupProvider": { "autoScalingGroup": {
            "instanceType": "m5.large", "minSize": 1, "maxSize": 1, "desiredCapacity": 1,
            "subnets": ["subnet-a"] } } }],
        "taskDefinitions": [{ "family": "web", "requiresCompatibilities": ["EC2"],
            "containerDefinitions": [
                { "name": "app", "image": "example/web:1", "cpu": 256, "memory": 512,
                  "essential": true, "stopTimeout": 45 },
                { "name": "side", "image": "example/side:1", "cpu": 64, "memory": 64,
                  "essential": true }] }],
        "images": {
            "example/web:1": { "pullSeconds": 8, "ignoresSigterm": app_ignores_sigterm },
            "example/side:1": { "crashAfterSeconds": 20, "exitCode": 0 } },
        "services": [{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
            "launchType": "EC2" }],
        "startSteady": true
    })
}

/// From STOPPING to STOPPED of the first task, in ms.
fn stop_wait(app_ignores_sigterm: bool) -> u64 {
    let sim = run_doc(&sidecar_exits(app_ignores_sigterm), 120_000);
    let (_, task) = sim.tasks.iter().next().expect("the first task");
    task.stopped_at.expect("stopped") - task.stopping_at.expect("stopping")
}

#[test]
fn when_an_essential_container_exits_the_others_are_stopped_with_their_stop_timeout() {
    // API ContainerDefinition essential: when an essential container stops, "all other
    // containers that are part of the task are stopped", and a stop is SIGTERM, then SIGKILL
    // after stopTimeout. The task went STOPPED the moment `side` exited (fidelity probe).
    // `app` ignores SIGTERM: killed 45 s later, its task STOPPING (holding its room) until then.
    let sim = run_doc(&sidecar_exits(true), 50_000);
    let (_, task) = sim.tasks.iter().next().expect("the first task");
    assert_eq!(task.stopping_at, Some(20_000));
    assert_eq!(task.last_status, TaskStatus::Stopping);
    assert_eq!(stop_wait(true), 45_000);
    // `app` honours it: it exits at once (the simulator's one second).
    assert_eq!(stop_wait(false), crate::sim::lifecycle::GRACEFUL_EXIT_MS);
}

#[test]
fn after_an_out_of_memory_kill_the_sidecar_is_stopped_with_its_stop_timeout() {
    // The same path as an essential exit (review, 2026-12-06: no test had it): the application
    // (the first essential container) is killed for memory at start, and `side`, which ignores
    // SIGTERM, holds the task STOPPING for its own stopTimeout, 45 s.
    let mut doc = sidecar_exits(false);
    doc["taskDefinitions"][0]["containerDefinitions"][1]["stopTimeout"] = json!(45);
    doc["images"]["example/side:1"] = json!({ "ignoresSigterm": true });
    doc["traffic"] = json!([{ "serviceName": "web",
        "profile": { "shape": "constant", "requestsPerSecond": 0 },
        "cpuMillisPerRequest": 1, "baseMemoryMiB": 400 }]);
    doc["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(256);
    let sim = run_doc(&doc, 120_000);
    let (_, task) = sim.tasks.iter().next().expect("the first task");
    let exit = task.exit.as_ref().expect("an exit");
    assert_eq!(exit.reason, crate::task::ExitReason::OutOfMemory);
    assert_eq!(exit.container, 0, "the application is the one killed");
    let stopping = task.stopping_at.expect("stopping");
    assert_eq!(task.stopped_at.expect("stopped") - stopping, 45_000);
}
