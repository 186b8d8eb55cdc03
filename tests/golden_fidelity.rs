#![cfg(not(target_arch = "wasm32"))]
//! Golden scenarios for rules a workshop would otherwise teach wrong: each test is named after
//! the documented rule, and its expected times are worked out in a comment from the scenario's
//! numbers and ECS's defaults, never copied from the engine's output.

use ecs_playground_tests::{deployments, golden_text, load, load_text, log_count, log_text};
use ecs_sim::task::TaskStatus;

/// The first log line containing `needle`, with its time in seconds.
fn first(sim: &ecs_sim::Sim, needle: &str) -> Option<u64> {
    sim.log()
        .iter()
        .find(|e| e.text.contains(needle))
        .map(|e| e.at / 1000)
}

/// RUNNING tasks of `family:revision` that are not being stopped.
fn running(sim: &ecs_sim::Sim, task_definition: usize) -> usize {
    sim.tasks
        .values()
        .filter(|t| {
            t.task_definition == task_definition
                && t.last_status == TaskStatus::Running
                && !t.stop_requested
        })
        .count()
}

#[test]
fn a_failed_elb_health_check_counts_for_the_circuit_breaker_when_it_fails_dg_deployment_circuit_breaker(
) {
    // DG deployment-circuit-breaker, stage 2: "When a health check fails for the task, the
    // deployment circuit breaker increases the failure count by one" ("the tasks that are
    // replaced because of health check failures"). web:2's 4 tasks start at 60 s, RUNNING at
    // 68 s (8 s pull), register at 69 s; ALB checks every 30 s with an unhealthy threshold of 2,
    // so each target is unhealthy at 69 + 60 = 129 s and, with no grace period, is replaced at
    // once. The breaker counts them at the next pass (130 s): 3 of ⌈0.5 × 4⌉ → max(3, 2) = 3 fail
    // the deployment and roll back to web:1. Counting at STOPPED instead would wait for the
    // 300 s deregistration delay (rollback at 430 s).
    let mut sim = load("elb_health_rollback");
    for second in 60..=480 {
        sim.run_until(second * 1000);
        assert!(
            running(&sim, 0) >= 4,
            "web:1 keeps 4 RUNNING tasks through the failed deployment ({second} s)"
        );
    }
    assert_eq!(
        first(&sim, "failed ELB health checks in"),
        Some(129),
        "{}",
        log_text(&sim)
    );
    assert_eq!(first(&sim, "deployment failed"), Some(130));
    assert_eq!(first(&sim, "rolling back to deployment"), Some(130));
    let d = deployments(&sim, "web");
    assert_eq!(d[1]["taskDefinition"], "web:2");
    assert_eq!(d[1]["rolloutState"], "FAILED");
    assert_eq!(d[1]["failedTasks"], 3);
    // The rollback completes once web:2's tasks have drained (129 s + 300 s deregistration
    // delay, + 30 s to stop + 1 s): a service is steady only when no task is still stopping.
    assert_eq!(d[0]["taskDefinition"], "web:1");
    assert_eq!(d[0]["rolloutState"], "COMPLETED", "{}", log_text(&sim));
}

#[test]
fn steady_state_waits_for_healthy_load_balancer_targets_dg_service_event_messages() {
    // DG service-event-messages: steady state is "when the service is healthy and at the
    // desired number of tasks"; API TaskSet: healthy "from the load balancers, service
    // discovery, and container health checks". In alb_target_lifecycle, web's target is healthy
    // after one passing check (9 s + 30 s = 39 s, steady at the next pass); sick fails every
    // check and is never steady; slow answers 70 s after RUNNING and passes 5 checks 30 s apart
    // from there (healthy at 219 s).
    let mut sim = load("alb_target_lifecycle");
    sim.run_until(600_000);
    assert_eq!(
        first(&sim, "(service web) has reached a steady state."),
        Some(40),
        "{}",
        log_text(&sim)
    );
    assert_eq!(
        first(&sim, "(service sick) has reached a steady state."),
        None
    );
    let slow = first(&sim, "(service slow) has reached a steady state.");
    assert!(slow.is_some_and(|t| t >= 219), "{slow:?}");
}

#[test]
fn a_deployment_stuck_on_its_bounds_says_so_once_dg_service_event_messages() {
    // DG service-event-messages: with minimumHealthyPercent 100 and maximumPercent 100, 4
    // desired tasks can neither stop one (lower bound 4) nor start one (upper bound 4): "(service
    // web) was unable to stop or start tasks during a deployment because of the service
    // deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try
    // again." Duplicates are held back for six hours; nothing of web:2 starts.
    let text = golden_text("rolling_update").replacen(
        "\"maximumPercent\": 200",
        "\"maximumPercent\": 100",
        1,
    );
    let mut sim = load_text(&text);
    sim.run_until(3_600_000);
    let event = "(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    assert_eq!(log_count(&sim, event), 1, "{}", log_text(&sim));
    assert_eq!(first(&sim, event), Some(60));
    assert_eq!(running(&sim, 0), 4);
    assert_eq!(running(&sim, 1), 0);
    // The usual bounds (200%) replace the tasks without the event.
    let mut usual = load("rolling_update");
    usual.run_until(600_000);
    assert_eq!(log_count(&usual, "was unable to stop or start tasks"), 0);
}

#[test]
fn a_launch_type_task_that_cannot_be_placed_is_not_a_task_dg_service_event_messages() {
    // DG service-event-messages: the scheduler "could not find the available resources to add
    // another task" and says so; RunTask returns such a task in failures[], never as a task. In
    // host mode a static port binds once per instance (DG task_definition_parameters): desired 5
    // on 3 instances → 3 tasks, and 2 the simulator counts as not placed. No task ID exists for
    // them and none is PROVISIONING.
    let mut sim = load("host_port_80");
    sim.run_until(60_000);
    let snap = sim.snapshot();
    let web = snap.services.iter().find(|s| s.name == "web").expect("web");
    assert_eq!((web.running_count, web.pending_count), (3, 0));
    assert_eq!(web.unplaced_count, 2);
    assert_eq!(sim.tasks.next_id(), 3, "only placed tasks exist");
    assert!(sim
        .tasks
        .values()
        .all(|t| t.last_status != TaskStatus::Provisioning));
    assert_eq!(
        log_count(&sim, "(service web) was unable to place a task"),
        1,
        "{}",
        log_text(&sim)
    );
}

#[test]
fn capacity_provider_tasks_wait_in_provisioning_for_managed_scaling_dg_standalone_tasks() {
    // DG standalone-tasks: "If you use a capacity provider with managed scaling enabled, tasks
    // that can't be started due to a lack of compute capacity are moved to the PROVISIONING
    // state rather than failing immediately." They count as pending and raise the
    // CapacityProviderReservation, without an "unable to place" event.
    let mut sim = load("managed_scaling");
    sim.run_until(10_000);
    let waiting: Vec<_> = sim.tasks.values().filter(|t| t.is_waiting()).collect();
    assert!(!waiting.is_empty(), "{}", log_text(&sim));
    assert!(waiting
        .iter()
        .all(|t| t.last_status == TaskStatus::Provisioning));
    let snap = sim.snapshot();
    let worker = snap
        .services
        .iter()
        .find(|s| s.name == "worker")
        .expect("worker");
    assert_eq!(worker.pending_count as usize, waiting.len());
    assert_eq!(worker.unplaced_count, 0);
    assert_eq!(log_count(&sim, "was unable to place a task"), 0);
}

#[test]
fn a_services_counts_are_the_sums_of_its_deployments_api_service_and_deployment() {
    // API Service runningCount/pendingCount and API Deployment runningCount/pendingCount: the
    // service's are its deployments' added up, at every moment of a rolling update, a rollback,
    // a blue/green shift and managed scaling.
    for (name, until) in [
        ("rolling_update", 300),
        ("elb_health_rollback", 480),
        ("canary_10_percent", 1500),
        ("managed_scaling", 900),
        ("host_port_80", 120),
    ] {
        let mut sim = load(name);
        for second in (0..=until).step_by(3) {
            sim.run_until(second * 1000);
            let snap = sim.snapshot();
            for (s, view) in snap.services.iter().enumerate() {
                let d = deployments(&sim, &view.name);
                let sum =
                    |key: &str| -> u64 { d.iter().map(|x| x[key].as_u64().unwrap_or(0)).sum() };
                assert_eq!(
                    (u64::from(view.running_count), u64::from(view.pending_count)),
                    (sum("runningCount"), sum("pendingCount")),
                    "{name} service {s} at {second} s"
                );
            }
        }
    }
}

/// m5.large: 8 GiB installed registers 8192 − 8192/64 − 80 = 7984 MiB (catalog::memory).
const M5_LARGE_REGISTERED_MIB: u32 = 7984;

#[test]
fn run_task_returns_placed_tasks_and_resource_memory_failures_api_run_task() {
    // API RunTask: "tasks — the tasks that were successfully placed"; "failures — any failures
    // associated with the call" (DG api_failures_messages: RESOURCE:MEMORY, with the ARN of the
    // container instance). One m5.large registers 7984 MiB: one 5000 MiB copy fits, the second
    // (2984 MiB free) does not.
    let mut sim = load("run_task_timeline");
    sim.run_until(45_000);
    assert_eq!(sim.run_task_calls.len(), 1);
    let call = &sim.run_task_calls[0];
    assert_eq!(call.at, 30_000);
    assert_eq!(call.tasks.len(), 1);
    assert_eq!(call.failures.len(), 1);
    let f = &call.failures[0];
    assert_eq!(f.reason, "RESOURCE:MEMORY");
    assert_eq!(
        f.container_instance_id.as_deref(),
        Some(sim.instances[0].container_instance_id.as_str())
    );
    assert!(
        f.detail
            .contains(&format!("{} free", M5_LARGE_REGISTERED_MIB - 5000)),
        "{}",
        f.detail
    );
    // Only the placed copy is a task.
    assert_eq!(sim.tasks.next_id(), 1);
    // At 60 s a second m5.large registers; the run-task at 90 s fits on it.
    sim.run_until(120_000);
    assert_eq!(sim.instances.len(), 2);
    let second = &sim.run_task_calls[1];
    assert_eq!(
        (second.at, second.tasks.len(), second.failures.len()),
        (90_000, 1, 0)
    );
    let t = &sim.tasks[second.tasks[0]];
    assert_eq!(t.instance, Some(1));
    assert_eq!(t.started_by.as_deref(), Some("nightly"));
    assert_eq!(t.last_status, TaskStatus::Running, "{}", log_text(&sim));
}

#[test]
fn a_registered_container_instance_makes_an_unplaced_task_placeable_api_register_container_instance(
) {
    // web wants 2 × 5000 MiB on one m5.large (7984 MiB): 1 runs, 1 is not placed. The instance
    // register-container-instance adds at 60 s is ACTIVE at once (its agent registers it), and
    // the scheduler's next pass places the second task there.
    let mut sim = load("register_container_instance");
    sim.run_until(59_000);
    let snap = sim.snapshot();
    let web = snap.services.iter().find(|s| s.name == "web").expect("web");
    assert_eq!((web.running_count, web.unplaced_count), (1, 1));
    sim.run_until(120_000);
    assert_eq!(sim.instances.len(), 2);
    let added = &sim.instances[1];
    assert_eq!(added.asg, None);
    assert_eq!(added.zone, "us-east-1b");
    assert_eq!(added.registered_at, Some(60_000));
    assert_eq!(
        added.attributes.get("stack").map(String::as_str),
        Some("blue")
    );
    let snap = sim.snapshot();
    let web = snap.services.iter().find(|s| s.name == "web").expect("web");
    assert_eq!(
        (web.running_count, web.unplaced_count),
        (2, 0),
        "{}",
        log_text(&sim)
    );
    assert_eq!(added.tasks.len(), 1);
}

#[test]
fn set_desired_capacity_grows_the_auto_scaling_group_aws_autoscaling_set_desired_capacity() {
    // web wants 3 × 5000 MiB, one per m5.large; the group starts with 1. set-desired-capacity 3
    // at 60 s launches 2 instances (balanced over the group's zones a and b), which register
    // 60 s later (bootSeconds default); the scheduler then places the 2 waiting tasks.
    let mut sim = load("set_desired_capacity");
    sim.run_until(240_000);
    let alive: Vec<_> = sim.instances.iter().filter(|i| i.is_alive()).collect();
    assert_eq!(alive.len(), 3);
    assert!(alive[1..]
        .iter()
        .all(|i| i.launched_at == 60_000 && i.registered_at == Some(120_000)));
    assert_eq!(sim.model.asgs[0].desired, 3);
    let snap = sim.snapshot();
    let web = snap.services.iter().find(|s| s.name == "web").expect("web");
    assert_eq!(
        (web.running_count, web.unplaced_count),
        (3, 0),
        "{}",
        log_text(&sim)
    );
}

#[test]
fn timeline_capacity_actions_are_checked_with_paths() {
    // set-desired-capacity outside minSize–maxSize is a ValidationError; unknown groups, zones,
    // instance types and task definitions are named with their JSON paths.
    let mut doc: serde_json::Value =
        serde_json::from_str(&golden_text("set_desired_capacity")).expect("json");
    doc["timeline"] = serde_json::json!([
        { "at": 1, "action": "setDesiredCapacity", "autoScalingGroupName": "asg", "desiredCapacity": 9 },
        { "at": 2, "action": "setDesiredCapacity", "autoScalingGroupName": "nope", "desiredCapacity": 1 },
        { "at": 3, "action": "registerContainerInstance", "instanceType": "m9.huge", "availabilityZone": "us-east-1z" },
        { "at": 4, "action": "runTask", "taskDefinition": "missing", "count": 1 },
        { "at": 5, "action": "runTask", "taskDefinition": "batch", "count": 11 }
    ]);
    let err = match ecs_sim::Sim::from_json(&doc.to_string()) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("invalid timeline accepted"),
    };
    for path in [
        "timeline[0].desiredCapacity",
        "timeline[1].autoScalingGroupName",
        "timeline[2].instanceType",
        "timeline[2].availabilityZone",
        "timeline[3].taskDefinition",
        "timeline[4].count",
    ] {
        assert!(err.contains(path), "{path} missing from:\n{err}");
    }
    // Unknown keys in a runTask are refused too (the run-task input is strict).
    doc["timeline"] = serde_json::json!([
        { "at": 1, "action": "runTask", "taskDefinition": "batch", "cuont": 2 }
    ]);
    assert!(ecs_sim::Sim::from_json(&doc.to_string()).is_err());
}
