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
