//! A container's `restartPolicy` (API ContainerRestartPolicy; DG container-restart-policy):
//! "Amazon ECS can restart the container if it exits, without needing to replace the task",
//! only once it has run `restartAttemptPeriod` (60–1800 s, default 300) and never for an
//! ignored exit code. Until 2026-12-06 the key was accepted unchecked and ignored (lifecycle
//! walkthrough).

use super::{log_lines, refused_doc as refused, run_doc};
use crate::sim::Sim;
use crate::task::TaskStatus;
use serde_json::{json, Value};

/// One Fargate task of service `web` whose app exits with `code` `crash` seconds after it
/// starts, with `policy` as its container's restartPolicy.
fn crashing(crash: u32, code: i32, policy: Value) -> Value {
    json!({
        "version": 1, "seed": 7,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [{ "family": "web", "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": "example/app:1", "essential": true,
                "restartPolicy": policy }] }],
        "images": { "example/app:1": { "pullSeconds": 5, "startSeconds": 2,
            "crashAfterSeconds": crash, "exitCode": code } },
        "services": [{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
            "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }]
    })
}

#[test]
fn a_container_that_ran_its_restart_attempt_period_is_restarted_in_place() {
    let sim = run_doc(
        &crashing(
            90,
            1,
            json!({ "enabled": true, "restartAttemptPeriod": 60 }),
        ),
        600_000,
    );
    assert_eq!(sim.tasks.iter().count(), 1, "no replacement task");
    let (_, task) = sim.tasks.iter().next().expect("the task");
    assert_eq!(task.last_status, TaskStatus::Running);
    let restarts = log_lines(&sim, "its restartPolicy restarts it in place");
    assert!(restarts.len() >= 5, "{restarts:?}");
    assert_eq!(
        task.restarts.as_ref().map_or(0, |r| r.count as usize),
        restarts.len()
    );
    // Each restart 90 s after the last.
    let gaps: Vec<u64> = restarts.windows(2).map(|w| w[1].0 - w[0].0).collect();
    assert!(gaps.iter().all(|&g| g == 90), "{gaps:?}");
    // Without the policy the same crash replaces the task each time.
    let without = run_doc(&crashing(90, 1, json!({ "enabled": false })), 600_000);
    assert!(without.tasks.iter().count() >= 5);
}

#[test]
fn a_container_that_exits_before_the_period_or_with_an_ignored_code_is_not_restarted() {
    let sim = run_doc(
        &crashing(
            20,
            1,
            json!({ "enabled": true, "restartAttemptPeriod": 60 }),
        ),
        120_000,
    );
    let early = log_lines(
        &sim,
        "before its restartPolicy's restartAttemptPeriod of 60 s: it is not restarted.",
    );
    assert!(!early.is_empty());
    assert!(
        early[0].1.contains("exited with code 1 after 20 s"),
        "{early:?}"
    );
    assert!(
        sim.tasks.iter().count() >= 2,
        "the task stopped and was replaced"
    );
    // The default period is 300 s.
    let sim = run_doc(&crashing(120, 1, json!({ "enabled": true })), 200_000);
    assert!(!log_lines(&sim, "restartAttemptPeriod of 300 s").is_empty());
    let sim = run_doc(
        &crashing(
            90,
            0,
            json!({ "enabled": true, "restartAttemptPeriod": 60, "ignoredExitCodes": [0] }),
        ),
        200_000,
    );
    assert!(!log_lines(&sim, "one of its restartPolicy's ignoredExitCodes").is_empty());
    assert!(log_lines(&sim, "restarts it in place").is_empty());
}

#[test]
fn restart_policy_bounds_are_checked_at_registration() {
    let p = refused(&crashing(
        90,
        1,
        json!({ "enabled": true, "restartAttemptPeriod": 30 }),
    ));
    assert_eq!(
        p[0].path,
        "taskDefinitions[0].containerDefinitions[0].restartPolicy.restartAttemptPeriod"
    );
    let codes: Vec<i32> = (0..51).collect();
    let p = refused(&crashing(
        90,
        1,
        json!({ "enabled": true, "ignoredExitCodes": codes }),
    ));
    assert_eq!(
        p[0].path,
        "taskDefinitions[0].containerDefinitions[0].restartPolicy.ignoredExitCodes"
    );
    // Strict shape: enabled is a boolean and required; no unknown keys.
    for bad in [
        json!({ "enabled": "yes" }),
        json!({ "restartAttemptPeriod": 60 }),
        json!({ "enabled": true, "retries": 3 }),
    ] {
        let doc = crashing(90, 1, bad.clone()).to_string();
        assert!(Sim::from_json(&doc).is_err(), "{bad} was accepted");
    }
}

/// Review 2026-12-06: a restarted container kept its HEALTHY state, so its `startPeriod` no
/// longer applied and its start-up failures made the task UNHEALTHY after each restart (and the
/// service started a needless replacement).
#[test]
fn a_restarted_containers_health_starts_over_with_its_start_period() {
    let mut doc = crashing(
        90,
        1,
        json!({ "enabled": true, "restartAttemptPeriod": 60 }),
    );
    doc["taskDefinitions"][0]["containerDefinitions"][0]["healthCheck"] = json!({
        "command": ["CMD-SHELL", "true"], "interval": 5, "retries": 3, "startPeriod": 60 });
    doc["images"]["example/app:1"]["startSeconds"] = json!(30);
    let sim = run_doc(&doc, 600_000);
    assert!(log_lines(&sim, "restarts it in place").len() >= 4);
    assert!(
        log_lines(&sim, "UNHEALTHY").is_empty(),
        "{:?}",
        log_lines(&sim, "UNHEALTHY")
    );
    assert_eq!(sim.tasks.iter().count(), 1, "no replacement");
}

/// Review 2026-12-06: with two crashing essential containers the exit code was the first's in
/// document order while the policy was the earliest crash's, and after a restart the other
/// container's crash was never scheduled.
#[test]
fn with_two_crashing_containers_each_exits_with_its_own_code_on_time() {
    let mut doc = crashing(
        90,
        1,
        json!({ "enabled": true, "restartAttemptPeriod": 60 }),
    );
    let td = &mut doc["taskDefinitions"][0];
    let app = td["containerDefinitions"][0].clone();
    td["containerDefinitions"] = json!([
        { "name": "sidecar", "image": "example/sidecar:1", "essential": true },
        app
    ]);
    doc["images"]["example/sidecar:1"] =
        json!({ "pullSeconds": 5, "startSeconds": 2, "crashAfterSeconds": 400, "exitCode": 7 });
    let sim = run_doc(&doc, 600_000);
    let restarts = log_lines(&sim, "Container app in task");
    assert!(restarts.len() >= 3, "{restarts:?}");
    assert!(
        restarts
            .iter()
            .all(|(_, l)| l.contains("exited with code 1")),
        "{restarts:?}"
    );
    // The sidecar, without a policy, exits 400 s after RUNNING with its code and stops the task.
    let exits = log_lines(&sim, "Essential container in task");
    assert!(!exits.is_empty(), "the sidecar never exited");
    assert!(exits[0].1.contains("exited with code 7"), "{exits:?}");
    let first_running = super::log_times(&sim, "is RUNNING")[0] / 1000;
    assert_eq!(exits[0].0, first_running + 400);
}
