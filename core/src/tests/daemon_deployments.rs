//! Deployments of a DAEMON service: a forced new deployment replaces every task, and
//! `minimumHealthyPercent` bounds how many are replaced at once (API DeploymentConfiguration:
//! "The default minimumHealthyPercent value for a service using the DAEMON service schedule is
//! 0% for the AWS CLI, the AWS SDKs, and the APIs and 50% for the AWS Management Console").
//! Both were wrong until the engineer walkthrough of 2026-12-05.

use crate::deployment::RolloutState;
use crate::sim::Sim;
use crate::task::TaskStatus;
use serde_json::{json, Value};

/// A daemon on 3 instances (one per zone), updated at 2:00 by `update`.
fn daemon(deployment: Value, update: Value) -> Value {
    let mut update = update;
    update["at"] = json!(120);
    update["action"] = json!("updateService");
    update["service"] = json!("agent");
    let app = |image: &str| {
        json!({ "family": "agent", "networkMode": "bridge", "requiresCompatibilities": ["EC2"],
            "containerDefinitions": [{ "name": "app", "image": image, "cpu": 128,
                "memory": 128, "essential": true }] })
    };
    json!({
        "version": 1, "seed": 7, "name": "daemon deployments",
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" },
            { "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg"] }],
        "capacityProviders": [{ "name": "asg", "autoScalingGroupProvider": { "autoScalingGroup": {
            "instanceType": "m5.large", "minSize": 3, "maxSize": 3, "desiredCapacity": 3,
            "subnets": ["subnet-a", "subnet-b", "subnet-c"] } } }],
        "taskDefinitions": [app("example/agent:1"), app("example/agent:2")],
        "services": [{ "serviceName": "agent", "taskDefinition": "agent:1", "launchType": "EC2",
            "schedulingStrategy": "DAEMON", "deploymentConfiguration": deployment }],
        "timeline": [update]
    })
}

fn run(doc: &Value, until_ms: u64) -> Sim {
    let mut sim = Sim::from_json(&doc.to_string()).expect("valid scenario");
    sim.run_until(until_ms);
    sim
}

/// When each of the service's tasks stopped (ms), ascending.
fn stops(sim: &Sim) -> Vec<u64> {
    let mut at: Vec<u64> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == TaskStatus::Stopped)
        .filter_map(|t| t.stopping_at)
        .collect();
    at.sort_unstable();
    at
}

/// How many of the service's tasks are RUNNING.
fn running(sim: &Sim) -> usize {
    sim.tasks
        .values()
        .filter(|t| t.last_status == TaskStatus::Running)
        .count()
}

/// The log's update-service lines for `agent`.
fn update_lines(sim: &Sim) -> Vec<String> {
    super::log_lines(sim, "update-service agent")
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

fn primary_state(sim: &Sim) -> RolloutState {
    let ds = &sim.services[0].deployments;
    ds.list[ds.primary().expect("a deployment")].rollout_state
}

#[test]
fn a_forced_new_deployment_of_a_daemon_replaces_every_task_and_completes() {
    let doc = daemon(json!({}), json!({ "forceNewDeployment": true }));
    let sim = run(&doc, 600_000);
    // The default for a DAEMON service (API): 0 %, so all three go at once.
    assert_eq!(stops(&sim), [120_000, 120_000, 120_000]);
    assert_eq!(primary_state(&sim), RolloutState::Completed);
    assert_eq!(running(&sim), 3);
}

#[test]
fn minimum_healthy_percent_keeps_daemon_tasks_running_through_a_deployment() {
    // 50 % of 3 → at least 2 healthy: one instance at a time. A new task counts as healthy 40 s
    // after RUNNING (no health check), so the next one stops then.
    let doc = daemon(
        json!({ "minimumHealthyPercent": 50, "maximumPercent": 100 }),
        json!({ "taskDefinition": "agent:2" }),
    );
    let sim = run(&doc, 900_000);
    let at = stops(&sim);
    assert_eq!(at.len(), 3, "{at:?}");
    assert_eq!(at[0], 120_000);
    assert!(at[1] > at[0] + 40_000 && at[2] > at[1] + 40_000, "{at:?}");
    assert_eq!(primary_state(&sim), RolloutState::Completed);
    // Never fewer than two running (sampled each second of the deployment).
    let mut sim = Sim::from_json(&doc.to_string()).expect("valid");
    for ms in (120_000..=at[2] + 60_000).step_by(1_000) {
        sim.run_until(ms);
        let running = sim
            .tasks
            .values()
            .filter(|t| t.last_status == TaskStatus::Running && !t.stop_requested)
            .count();
        assert!(running >= 2, "{running} running at {ms} ms");
    }
}

#[test]
fn a_daemon_at_100_percent_minimum_healthy_never_stops_a_healthy_task() {
    // ECS cannot start a second daemon task on an instance (maximumPercent 100), so with every
    // task required healthy the deployment cannot move: the old tasks keep running.
    let doc = daemon(
        json!({ "minimumHealthyPercent": 100, "maximumPercent": 100 }),
        json!({ "taskDefinition": "agent:2" }),
    );
    let sim = run(&doc, 600_000);
    assert!(stops(&sim).is_empty());
    assert_eq!(primary_state(&sim), RolloutState::InProgress);
    // And it says so, once (duplicates are omitted for six hours), as a REPLICA service's
    // stuck deployment does (the playground's choice: DG service-event-messages names no
    // scheduling strategy; fidelity probe 2026-12-07, it stalled without a word before).
    let blocked = super::log_lines(&sim, "was unable to stop or start tasks");
    assert_eq!(blocked.len(), 1, "{blocked:?}");
    assert!(blocked[0].0 >= 120, "before the update: {blocked:?}");
    assert!(blocked[0].1.starts_with("(service agent) was unable to stop or start tasks during a deployment because of the service deployment configuration."));
    // At 50 % nothing is blocked: the deployment moves and writes no such line.
    let moving = run(
        &daemon(
            json!({ "minimumHealthyPercent": 50, "maximumPercent": 100 }),
            json!({ "taskDefinition": "agent:2" }),
        ),
        600_000,
    );
    assert!(super::log_lines(&moving, "was unable to stop or start tasks").is_empty());
    assert_eq!(primary_state(&moving), RolloutState::Completed);
}

#[test]
fn update_service_logs_what_it_was_given_and_a_daemon_keeps_one_task_per_instance() {
    // The log names the call's own parameters, as `aws ecs update-service` is called: a new
    // revision alone is not also a desired count (deployment walkthrough, 2026-12-06).
    let sim = run(
        &daemon(json!({}), json!({ "taskDefinition": "agent:2" })),
        130_000,
    );
    assert_eq!(
        update_lines(&sim),
        vec!["Timeline (scripted): update-service agent: taskDefinition agent:2.".to_string()]
    );
    // A desired count for a DAEMON service changes nothing, and the log says why.
    let sim = run(&daemon(json!({}), json!({ "desiredCount": 5 })), 600_000);
    assert_eq!(
        update_lines(&sim),
        vec![
            "Timeline (scripted): update-service agent: desiredCount 5 ignored (a DAEMON service runs one task on each container instance)."
                .to_string()
        ]
    );
    assert_eq!(sim.services[0].desired, 3);
    assert_eq!(running(&sim), 3);
}
