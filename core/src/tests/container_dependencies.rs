//! Containers starting in `dependsOn` order (API ContainerDependency; startTimeout in API
//! ContainerDefinition): a task stays PENDING while a container waits, stops when an essential
//! one can never start, and stays PENDING for good when nothing ends the wait.

use super::{log_times as times_of, run_doc as run};
use crate::sim::Sim;
use crate::task::{StopCode, TaskStatus};
use serde_json::{json, Value};

/// One EC2 service whose app waits for a migration container (non-essential, exits after 12 s
/// with `exit_code`) to reach `condition`.
fn with_init(condition: &str, exit_code: i32) -> Value {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../../tests/golden/crash_loop.json")).expect("JSON");
    doc["taskDefinitions"][0]["containerDefinitions"] = json!([
        { "name": "migrate", "image": "example/migrate:1", "cpu": 128, "memory": 256, "essential": false },
        { "name": "app", "image": "example/app:1", "cpu": 256, "memory": 512, "essential": true,
          "dependsOn": [{ "containerName": "migrate", "condition": condition }] }
    ]);
    doc["images"] = json!({
        "example/migrate:1": { "pullSeconds": 8, "crashAfterSeconds": 12, "exitCode": exit_code },
        "example/app:1": { "pullSeconds": 8 }
    });
    doc
}

/// The service's first task.
fn first_task(sim: &Sim) -> usize {
    sim.tasks.iter().map(|(t, _)| t).next().expect("a task")
}

#[test]
fn the_app_starts_once_its_init_container_has_exited_successfully() {
    let mut without = with_init("SUCCESS", 0);
    without["taskDefinitions"][0]["containerDefinitions"][1]
        .as_object_mut()
        .expect("container")
        .remove("dependsOn");
    let before = times_of(&run(&without, 120_000), "is RUNNING");
    let sim = run(&with_init("SUCCESS", 0), 120_000);
    let after = times_of(&sim, "is RUNNING");
    let mut early = run(&with_init("SUCCESS", 0), before[0] + 1_000);
    let t = first_task(&early);
    assert_eq!(
        early.start_order_wait(t).as_deref(),
        Some("Its containers start in dependsOn order: app waits until migrate exits with code 0, 12 s after the images were pulled.")
    );
    early.run_until(before[0] + 13_000);
    assert_eq!(
        early.start_order_wait(t),
        None,
        "RUNNING: nothing to explain"
    );
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(
        after[0],
        before[0] + 12_000,
        "12 s later: the migration's run"
    );
    assert_eq!(
        times_of(
            &sim,
            "starts 12 s after the images are pulled, once migrate exits with code 0"
        ),
        [before[0]]
    );
    assert_eq!(sim.tasks[first_task(&sim)].last_status, TaskStatus::Running);
}

#[test]
fn complete_takes_a_failed_migration_but_success_stops_the_task() {
    let sim = run(&with_init("COMPLETE", 1), 120_000);
    assert_eq!(sim.tasks[first_task(&sim)].last_status, TaskStatus::Running);
    let sim = run(&with_init("SUCCESS", 1), 120_000);
    let t = first_task(&sim);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Stopped);
    assert_eq!(sim.tasks[t].started_at, None, "it never ran");
    assert_eq!(
        sim.tasks[t].stop_code,
        Some(StopCode::EssentialContainerExited)
    );
    assert_eq!(
        sim.tasks[t].stopped_reason.as_deref(),
        Some("Essential container in task exited")
    );
    let failed = times_of(
        &sim,
        "could not start (CannotStartContainerError, exit code 143): it needed migrate to exit with code 0, but migrate exited with code 1",
    );
    assert!(!failed.is_empty(), "the container's reason is logged");
    // The scheduler starts a replacement, which fails the same way.
    assert!(failed.len() >= 2, "{failed:?}");
    assert!(times_of(&sim, "is RUNNING").is_empty());
}

/// The app waits for a database container's HEALTHY; the database's health check fails, and
/// its startTimeout is `timeout`.
fn waiting_on_a_database(timeout: Option<u32>) -> Value {
    let mut doc = with_init("SUCCESS", 0);
    let mut db = json!({ "name": "db", "image": "example/db:1", "cpu": 128, "memory": 256,
        "essential": true,
        "healthCheck": { "command": ["CMD-SHELL", "pg_isready"], "interval": 10 } });
    if let Some(t) = timeout {
        db["startTimeout"] = json!(t);
    }
    doc["taskDefinitions"][0]["containerDefinitions"] = json!([
        db,
        { "name": "app", "image": "example/app:1", "cpu": 256, "memory": 512, "essential": true,
          "dependsOn": [{ "containerName": "db", "condition": "HEALTHY" }] }
    ]);
    doc["images"] = json!({
        "example/db:1": { "pullSeconds": 8, "healthCheckFails": true },
        "example/app:1": { "pullSeconds": 8 }
    });
    doc
}

#[test]
fn a_dependency_that_is_never_healthy_keeps_the_task_pending_unless_its_start_timeout_ends_the_wait(
) {
    let sim = run(&waiting_on_a_database(None), 600_000);
    let t = first_task(&sim);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Pending);
    assert_eq!(
        times_of(
            &sim,
            "stays PENDING: container app waits until db passes its health check"
        )
        .len(),
        1
    );
    assert_eq!(
        sim.tasks.iter().count(),
        1,
        "no replacement: nothing failed"
    );
    // The task panel's answer to "why is this task PENDING?".
    assert_eq!(
        sim.start_order_wait(t).as_deref(),
        Some("Container app waits until db passes its health check; db's image fails its health check (simulator), and no startTimeout on db ends the wait: the task stays PENDING.")
    );

    let sim = run(&waiting_on_a_database(Some(30)), 600_000);
    let t = first_task(&sim);
    let pulled = sim.tasks[t].pull_started_at.expect("pulled") + 8_000;
    assert_eq!(
        times_of(
            &sim,
            "it needed db to pass its health check within db's startTimeout of 30 s"
        )
        .first(),
        Some(&(pulled + 30_000))
    );
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Stopped);
}

#[test]
fn a_healthy_dependency_lets_the_app_start_at_its_first_passing_check() {
    let mut doc = waiting_on_a_database(Some(60));
    doc["images"]["example/db:1"] = json!({ "pullSeconds": 8, "startSeconds": 15 });
    let sim = run(&doc, 120_000);
    // Up at 15 s, probed every 10 s: healthy at the check 20 s after it started.
    assert_eq!(
        times_of(
            &sim,
            "starts 20 s after the images are pulled, once db passes its health check"
        )
        .len(),
        1
    );
    let t = first_task(&sim);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Running);
    // db passed its check before the task was RUNNING, so the task is HEALTHY as it starts,
    // not one interval later (walkthrough: 20 s later).
    assert_eq!(times_of(&sim, "is HEALTHY"), times_of(&sim, "is RUNNING"));
    assert_eq!(sim.tasks[t].health, crate::task::HealthStatus::Healthy);
    // And it stays healthy: db's checks count its start-up from its own start, 20 s before
    // the task went RUNNING (ELB walkthrough 2026-12-06: it turned UNHEALTHY after RUNNING and
    // the service started a replacement).
    assert!(
        times_of(&sim, "UNHEALTHY").is_empty(),
        "{:?}",
        super::log_lines(&sim, "UNHEALTHY")
    );
    assert_eq!(sim.tasks.iter().count(), 1, "no replacement");
    // With checks every 5 s and 2 retries, two probes fall within db's 15 s start-up counted
    // from the task's start, as it was.
    doc["taskDefinitions"][0]["containerDefinitions"][0]["healthCheck"] =
        json!({ "command": ["CMD-SHELL", "pg_isready"], "interval": 5, "retries": 2 });
    let sim = run(&doc, 120_000);
    assert!(!times_of(&sim, "is HEALTHY").is_empty());
    assert!(
        times_of(&sim, "UNHEALTHY").is_empty(),
        "{:?}",
        super::log_lines(&sim, "UNHEALTHY")
    );
    assert_eq!(sim.tasks.iter().count(), 1, "no replacement");
}

#[test]
fn a_non_essential_container_that_gives_up_is_told_when_it_does_and_the_task_then_runs() {
    // A report tool waits for the migration's SUCCESS; the migration exits 1 at 12 s. The tool
    // gives up then (not when the images are pulled: reviewer), and the task, held PENDING
    // while the tool waited, runs from then on without it.
    let mut doc = with_init("SUCCESS", 1);
    doc["taskDefinitions"][0]["containerDefinitions"] = json!([
        { "name": "migrate", "image": "example/migrate:1", "cpu": 128, "memory": 256, "essential": false },
        { "name": "report", "image": "example/app:1", "cpu": 128, "memory": 256, "essential": false,
          "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }] },
        { "name": "app", "image": "example/app:1", "cpu": 256, "memory": 512, "essential": true }
    ]);
    let sim = run(&doc, 120_000);
    let t = first_task(&sim);
    let pulled = sim.tasks[t].pull_started_at.expect("pulled") + 8_000;
    assert_eq!(
        times_of(&sim, "Container report in task"),
        [pulled + 12_000],
        "told when it gives up"
    );
    assert!(!times_of(&sim, "migrate exited with code 1. It is not essential").is_empty());
    assert_eq!(times_of(&sim, "is RUNNING"), [pulled + 12_000]);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Running);
}

#[test]
fn while_a_doomed_container_waits_its_panel_says_what_it_waits_for_not_how_it_ends() {
    // worker's first 12 s: migrate still runs. The panel said "migrate exited with code 1"
    // before it had (reviewer).
    let mut sim = run(&with_init("SUCCESS", 1), 0);
    sim.run_until(14_000);
    let t = first_task(&sim);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Pending);
    assert_eq!(
        sim.start_order_wait(t).as_deref(),
        Some("Its containers start in dependsOn order: app waits until migrate exits with code 0.")
    );
}

#[test]
fn a_stop_does_not_wait_for_an_init_container_that_already_exited() {
    // The init container ran to its end at 12 s: a stop at 2:00 signals only `app` (which
    // honours SIGTERM), so the task is STOPPED a second later, not after the init container's
    // 60 s stopTimeout (review: the stop waited on containers long gone).
    let mut doc = with_init("SUCCESS", 0);
    doc["images"]["example/migrate:1"]["ignoresSigterm"] = json!(true);
    doc["taskDefinitions"][0]["containerDefinitions"][0]["stopTimeout"] = json!(60);
    doc["timeline"] = json!([{ "at": 120, "action": "stopTask", "service": "crashy", "index": 0 }]);
    let sim = run(&doc, 300_000);
    let task = &sim.tasks[first_task(&sim)];
    let (from, to) = (
        task.stopping_at.expect("stopping"),
        task.stopped_at.expect("stopped"),
    );
    assert_eq!(to - from, crate::sim::lifecycle::GRACEFUL_EXIT_MS);
}
