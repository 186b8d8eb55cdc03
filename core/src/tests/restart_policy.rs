//! A container's `restartPolicy` (API ContainerRestartPolicy; DG container-restart-policy):
//! "Amazon ECS can restart the container if it exits, without needing to replace the task",
//! only once it has run `restartAttemptPeriod` (60–1800 s, default 300) and never for an
//! ignored exit code. Until 2026-12-06 the key was accepted unchecked and ignored (lifecycle
//! walkthrough).

use super::{log_lines, run_doc};
use crate::problem::Problem;
use crate::sim::{LoadError, Sim};
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

fn refused(doc: &Value) -> Vec<Problem> {
    match Sim::from_json(&doc.to_string()) {
        Err(LoadError::Invalid(p)) => p,
        Err(e) => panic!("refused for another reason: {e}"),
        Ok(_) => panic!("accepted"),
    }
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
    assert_eq!(task.restarts as usize, restarts.len());
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
