#![cfg(not(target_arch = "wasm32"))]
//! Golden scenarios: each file in `golden/` is run to a fixed virtual time and the snapshot is
//! checked against numbers worked out from the ECS rule the scenario illustrates (see
//! `/work/shared/ecs-reference.md`), never copied from the engine's output.

use ecs_playground_tests::{
    deployments, golden_text, load, load_text, log_contains, log_count, log_text, run, service,
    sorted_counts, tasks_of, GOLDEN_SCENARIOS,
};
use ecs_sim::cluster::InstanceStatus;
use ecs_sim::metrics::{Dimension, MetricName};
use ecs_sim::rng::{SimRng, Stream};
use ecs_sim::task::{HealthStatus, StopCode, TaskStatus};
use std::collections::BTreeMap;

/// m5.large: 8 GiB installed registers 8192 − 8192/64 − 80 = 7984 MiB (catalog::memory).
const M5_LARGE_REGISTERED_MIB: u32 = 7984;

#[test]
fn fargate_base_2_weight_1_spot_weight_3_ten_tasks_gives_4_and_6() {
    // DG cluster-capacity-providers: the base (2) goes to FARGATE first; the other 8 split 1:3,
    // so FARGATE gets 2 + 2 = 4 and FARGATE_SPOT 6.
    let sim = run("fargate_base_weight", 120);
    let snap = sim.snapshot();
    let api = service(&snap, "api");
    let expected: BTreeMap<String, u32> =
        [("FARGATE".to_string(), 4), ("FARGATE_SPOT".to_string(), 6)].into();
    assert_eq!(api.by_capacity_provider, expected);
    // Fargate provisioning (at most 35 s) + pull (8 s) + activation: all RUNNING by 120 s.
    assert_eq!(api.running_count, 10);
    // Fargate tasks spread over the zones of the service's three subnets: 4/3/3.
    assert_eq!(sorted_counts(&api.by_zone), vec![3, 3, 4]);
}

#[test]
fn service_default_spread_puts_7_tasks_over_3_zones_as_3_2_2() {
    // DG task-placement-strategies: services default to spread on
    // attribute:ecs.availability-zone, so 7 tasks over 3 zones → 3/2/2 (one instance per zone).
    let sim = run("spread_seven_over_three_zones", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(web.by_zone.len(), 3, "{:?}", web.by_zone);
    assert_eq!(sorted_counts(&web.by_zone), vec![2, 2, 3]);
    assert_eq!(sorted_counts(&web.by_instance), vec![2, 2, 3]);
    assert_eq!(web.running_count, 7);
}

#[test]
fn host_mode_static_port_80_runs_one_task_per_instance_and_the_rest_wait() {
    // DG task-placement / task_definition_parameters: in host mode a static port can be bound
    // once per instance, so desired 5 on 3 instances → 3 RUNNING and 2 not placed (no task exists for them).
    let sim = run("host_port_80", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(web.running_count, 3);
    assert_eq!(web.unplaced_count, 2);
    assert_eq!(sorted_counts(&web.by_instance), vec![1, 1, 1]);
    for t in tasks_of(&snap, "web")
        .into_iter()
        .filter(|t| t.last_status == TaskStatus::Running)
    {
        assert_eq!(t.host_ports, vec!["80/tcp".to_string()]);
    }
    assert!(
        log_contains(&sim, "is already using a port required by your task"),
        "{}",
        log_text(&sim)
    );
}

#[test]
fn c5_large_without_trunking_runs_2_awsvpc_tasks_per_instance() {
    // DG container-instance-eni: c5.large has 3 ENIs; the primary one is the instance's, so 2
    // awsvpc tasks fit. Desired 5 on 2 instances → 2 + 2, 1 not placed.
    let sim = run("awsvpc_c5_large_no_trunking", 60);
    let snap = sim.snapshot();
    let api = service(&snap, "api");
    assert_eq!(sorted_counts(&api.by_instance), vec![2, 2]);
    assert_eq!(api.running_count, 4);
    assert_eq!(api.unplaced_count, 1);
    for i in &snap.instances {
        assert_eq!((i.eni_limit, i.enis_used), (2, 2));
    }
    assert!(
        log_contains(&sim, "RESOURCE:ENI"),
        "the unplaceable task names the ENI shortage:\n{}",
        log_text(&sim)
    );
}

#[test]
fn c5_large_with_awsvpc_trunking_places_all_5_tasks() {
    // DG container-instance-eni: with trunking a c5.large runs 10 awsvpc tasks, so 5 fit on 2.
    let sim = run("awsvpc_c5_large_trunking", 60);
    let snap = sim.snapshot();
    let api = service(&snap, "api");
    assert_eq!(api.running_count, 5);
    assert_eq!(api.unplaced_count, 0);
    assert_eq!(sorted_counts(&api.by_instance), vec![2, 3]);
    for i in &snap.instances {
        assert_eq!(i.eni_limit, 10);
    }
}

#[test]
fn tasks_that_do_not_fit_in_memory_wait_with_insufficient_memory() {
    // One m5.large registers 7984 MiB: two 3000 MiB tasks use 6000, a third would need 9000.
    let sim = run("memory_exhaustion", 60);
    let snap = sim.snapshot();
    let big = service(&snap, "big");
    assert_eq!(big.running_count, 2);
    assert_eq!(big.unplaced_count, 1);
    assert_eq!(snap.instances[0].memory, M5_LARGE_REGISTERED_MIB);
    assert_eq!(snap.instances[0].memory_used, 6000);
    assert!(
        log_contains(&sim, "has insufficient memory available"),
        "{}",
        log_text(&sim)
    );
    // No task object exists for the one that does not fit (EC2 launch type): the service says
    // why (the simulator's own count and reason), ECS reports only the event.
    assert!(
        tasks_of(&snap, "big")
            .iter()
            .all(|t| t.waiting_reason.is_none()),
        "no task waits"
    );
    let reason = big.unplaced_reason.clone().unwrap_or_default();
    assert!(reason.contains("memory"), "{reason}");
}

#[test]
fn binpack_memory_fills_one_instance_before_the_next() {
    // DG task-placement-strategies: binpack(memory) picks the instance with the least memory
    // left. 2000 MiB tasks: 3 fit in 7984 MiB, so 4 tasks → 3 on one instance, 1 on the other.
    let sim = run("binpack_memory", 60);
    let snap = sim.snapshot();
    let batch = service(&snap, "batch");
    assert_eq!(batch.running_count, 4);
    assert_eq!(sorted_counts(&batch.by_instance), vec![1, 3]);
}

#[test]
fn binpack_scale_in_by_three_at_once_empties_one_instance() {
    // DG task-placement-strategies, binpack: on scale-in ECS stops the task "based on the
    // amount of resources that are left on the container instance after the task is
    // terminated". 6 tasks of 2000 MiB run 3 + 3; scaling to 3 at once: after the first stop
    // its instance will have the most memory free, so the next two stop there too and that
    // instance ends up empty (stopping tasks hold their memory until STOPPED, but count as
    // freed for the choice).
    let text = golden_text("binpack_memory")
        .replace("\"desiredCount\": 4", "\"desiredCount\": 6")
        .replacen(
            "\"services\"",
            "\"timeline\": [{ \"at\": 120, \"action\": \"updateService\", \"service\": \"batch\", \"desiredCount\": 3 }],\n  \"services\"",
            1,
        );
    let mut sim = load_text(&text);
    sim.run_until(60_000);
    assert_eq!(
        sorted_counts(&service(&sim.snapshot(), "batch").by_instance),
        vec![3, 3]
    );
    sim.run_until(300_000);
    let snap = sim.snapshot();
    let batch = service(&snap, "batch");
    assert_eq!(batch.running_count, 3);
    assert_eq!(sorted_counts(&batch.by_instance), vec![3]);
}

#[test]
fn distinct_instance_never_puts_two_tasks_of_the_group_on_one_instance() {
    // DG task-placement-constraints: distinctInstance is binding, even against binpack, which
    // would otherwise stack every task on one instance. 5 tasks, 3 instances → 3 placed.
    let sim = run("distinct_instance", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(sorted_counts(&web.by_instance), vec![1, 1, 1]);
    assert_eq!(web.running_count, 3);
    assert_eq!(web.unplaced_count, 2);
}

#[test]
fn member_of_instance_type_m5_large_only_uses_m5_large_instances() {
    // DG cluster-query-language: memberOf(attribute:ecs.instance-type == m5.large) is binding.
    // binpack(memory) alone would prefer the c5.large instances (less memory).
    let sim = run("member_of_instance_type", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(web.running_count, 6);
    let m5: Vec<&str> = snap
        .instances
        .iter()
        .filter(|i| i.instance_type == "m5.large")
        .map(|i| i.ec2_instance_id.as_str())
        .collect();
    assert_eq!(m5.len(), 2);
    assert!(
        web.by_instance.keys().all(|k| m5.contains(&k.as_str())),
        "{:?}",
        web.by_instance
    );
    for i in snap
        .instances
        .iter()
        .filter(|i| i.instance_type == "c5.large")
    {
        assert!(i.tasks.is_empty());
    }
}

#[test]
fn terminated_instance_tasks_stop_with_host_terminated_and_the_asg_replaces_it() {
    let mut sim = load("terminate_instance");
    sim.run_until(59_000);
    let before = sim.snapshot();
    let victim = before.instances[0].ec2_instance_id.clone();
    let zone = before.instances[0].zone.clone();
    let doomed = before.instances[0].tasks.clone();
    // Default spread: 6 tasks over 3 instances → 2 each.
    assert_eq!(doomed.len(), 2);
    assert_eq!(service(&before, "web").running_count, 6);

    sim.run_until(61_000);
    let after = sim.snapshot();
    for &t in &doomed {
        let view = sim.task_view(t);
        assert_eq!(view.last_status, TaskStatus::Stopped);
        // DG: stoppedReason "Host EC2 (instance i-…) terminated."
        assert_eq!(
            view.stopped_reason.as_deref(),
            Some(format!("Host EC2 (instance {victim}) terminated.").as_str())
        );
    }
    assert_eq!(after.instances[0].status, InstanceStatus::Terminated);

    sim.run_until(300_000);
    let end = sim.snapshot();
    assert_eq!(service(&end, "web").running_count, 6);
    assert_eq!(end.instances.len(), 4, "the group launched one replacement");
    let active: Vec<_> = end
        .instances
        .iter()
        .filter(|i| i.status == InstanceStatus::Active)
        .collect();
    assert_eq!(active.len(), 3);
    // Auto Scaling rebalances: the replacement goes to the zone that lost an instance.
    assert_eq!(end.instances[3].zone, zone);
    assert_eq!(end.instances[3].status, InstanceStatus::Active);
    sim.check_invariants().unwrap();
}

#[test]
fn draining_instance_ends_with_no_service_tasks_and_running_never_drops_below_desired() {
    // DG container-instance-draining: service tasks on a DRAINING instance are replaced
    // within minimumHealthyPercent (100) / maximumPercent (200): new ones start first.
    let mut sim = load("drain_instance");
    sim.run_until(59_000);
    assert_eq!(sim.snapshot().instances[0].tasks.len(), 2);
    for second in 60..=200 {
        sim.run_until(second * 1000);
        let snap = sim.snapshot();
        assert!(
            service(&snap, "web").running_count >= 4,
            "fewer than 4 RUNNING at {second} s"
        );
    }
    let snap = sim.snapshot();
    assert_eq!(snap.instances[0].status, InstanceStatus::Draining);
    assert!(snap.instances[0].tasks.is_empty());
    let web = service(&snap, "web");
    assert_eq!(web.running_count, 4);
    let only: BTreeMap<String, u32> = [(snap.instances[1].ec2_instance_id.clone(), 4)].into();
    assert_eq!(web.by_instance, only);
}

#[test]
fn crash_looping_task_is_replaced_every_time_without_throttling() {
    // The image exits 10 s after it starts; each task reached RUNNING, so the scheduler keeps
    // replacing it and does not throttle (DG service-throttle-logic counts only tasks that
    // never reached RUNNING). Each task lives at least 8 s pull + 10 s, so at most
    // 300 / 18 + 1 = 17 tasks in 300 s; unthrottled replacement gives well over 10.
    let sim = run("crash_loop", 300);
    let tasks: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.service == Some(0))
        .collect();
    assert!(
        (10..=17).contains(&tasks.len()),
        "{} tasks\n{}",
        tasks.len(),
        log_text(&sim)
    );
    for t in tasks
        .iter()
        .filter(|t| t.last_status == TaskStatus::Stopped)
    {
        assert_eq!(t.stop_code, Some(StopCode::EssentialContainerExited));
        assert_eq!(
            t.stopped_reason.as_deref(),
            Some("Essential container in task exited")
        );
        assert!(t.started_at.is_some());
    }
    assert!(log_count(&sim, "exited with code 3") >= 9);
    assert!(!log_contains(&sim, "unable to consistently start"));
}

#[test]
fn image_pull_failures_throttle_the_service_with_growing_delays() {
    // DG service-throttle-logic: tasks that repeatedly fail to reach RUNNING make ECS say "is
    // unable to consistently start tasks successfully." and wait longer between attempts.
    let sim = run("pull_fails", 300);
    assert!(
        log_contains(
            &sim,
            "(service broken) is unable to consistently start tasks successfully."
        ),
        "{}",
        log_text(&sim)
    );
    let tasks: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.service == Some(0))
        .collect();
    for t in tasks
        .iter()
        .filter(|t| t.last_status == TaskStatus::Stopped)
    {
        assert_eq!(t.stop_code, Some(StopCode::TaskFailedToStart));
        assert!(t.started_at.is_none());
        assert!(t
            .stopped_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("CannotPullContainerError")));
    }
    // Without throttling a task would be tried every ~9 s (8 s pull + the scheduler's pass):
    // over 30 in 300 s.
    assert!(tasks.len() < 12, "{} attempts", tasks.len());
    let created: Vec<u64> = tasks.iter().map(|t| t.created_at).collect();
    let gaps: Vec<u64> = created.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.len() >= 4, "{created:?}");
    // Once throttled, each wait is longer than the one before.
    for w in gaps[2..].windows(2) {
        assert!(w[1] > w[0], "gaps do not grow: {gaps:?}");
    }
    assert!(gaps[2] > gaps[0], "no throttling delay: {gaps:?}");
}

#[test]
fn health_check_retries_3_interval_10_marks_unhealthy_after_30_s_and_the_task_is_replaced() {
    // Docker runs the first check `interval` after the container starts; 3 failures in a row
    // make it UNHEALTHY (no startPeriod). RUNNING at 5 s (pull 5 s) → checks at 15, 25, 35 s.
    let mut sim = load("health_check_fails");
    sim.run_until(34_000);
    let first = sim.task_view(0);
    assert_eq!(first.last_status, TaskStatus::Running);
    assert_ne!(first.health, HealthStatus::Unhealthy);
    assert_eq!(first.desired_status, "RUNNING");

    // UNHEALTHY at 35 s: the scheduler starts a replacement first and keeps the unhealthy task
    // until the replacement is HEALTHY (DG ecs_services). This image never is: once the
    // replacement is UNHEALTHY too (RUNNING at 40 s, three failures by 70 s) one of the two
    // goes, to bring the service back to its desired count.
    sim.run_until(35_000);
    let first = sim.task_view(0);
    assert_eq!(first.health, HealthStatus::Unhealthy);
    assert_eq!(first.desired_status, "RUNNING");
    assert_eq!(
        sim.tasks.values().filter(|t| t.service == Some(0)).count(),
        2,
        "a replacement started beside the unhealthy task"
    );
    sim.run_until(69_999);
    assert_eq!(sim.task_view(0).desired_status, "RUNNING");
    sim.run_until(70_000);
    let first = sim.task_view(0);
    assert_eq!(first.desired_status, "STOPPED");
    assert_eq!(
        first.stopped_reason.as_deref(),
        Some("Task failed container health checks")
    );
    assert!(log_contains(&sim, "failed container health checks"));

    // Each task lives 5 s + 30 s, so by 120 s at least 3 have been started.
    sim.run_until(120_000);
    let n = sim.tasks.values().filter(|t| t.service == Some(0)).count();
    assert!(n >= 3, "{n} tasks\n{}", log_text(&sim));
}

#[test]
fn rolling_update_min_100_max_200_never_has_fewer_than_desired_running() {
    // DG deployment-type-ecs: lower bound ⌈4 × 100 / 100⌉ = 4 RUNNING, upper bound
    // ⌊4 × 200 / 100⌋ = 8 tasks.
    let mut sim = load("rolling_update");
    sim.run_until(59_000);
    assert_eq!(service(&sim.snapshot(), "web").running_count, 4);
    for second in 60..=300 {
        sim.run_until(second * 1000);
        let snap = sim.snapshot();
        let web = service(&snap, "web");
        assert!(
            web.running_count >= 4,
            "{} RUNNING at {second} s",
            web.running_count
        );
        let live = web.running_count + web.pending_count;
        assert!(live <= 8, "{live} tasks at {second} s");
    }
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(web.task_definition, "web:2");
    assert_eq!(web.running_count, 4);
    let live: Vec<_> = tasks_of(&snap, "web")
        .into_iter()
        .filter(|t| t.last_status == TaskStatus::Running && t.desired_status == "RUNNING")
        .collect();
    assert_eq!(live.len(), 4);
    assert!(live.iter().all(|t| t.revision == 2));
}

#[test]
fn daemon_service_runs_one_task_on_every_active_instance() {
    // DG ecs_services (DAEMON): one task per instance, including the group's replacement.
    let mut sim = load("daemon");
    sim.run_until(59_000);
    let check = |sim: &ecs_sim::Sim, instances: usize| {
        let snap = sim.snapshot();
        let active: Vec<_> = snap
            .instances
            .iter()
            .filter(|i| i.status == InstanceStatus::Active)
            .collect();
        assert_eq!(active.len(), instances);
        for i in active {
            let daemon_tasks = i
                .tasks
                .iter()
                .filter(|&&t| sim.task_view(t).service.as_deref() == Some("agent"))
                .count();
            assert_eq!(daemon_tasks, 1, "instance {}", i.ec2_instance_id);
        }
        let agent = service(&snap, "agent");
        assert_eq!(agent.running_count as usize, instances);
        assert_eq!(agent.desired_count as usize, instances);
    };
    check(&sim, 3);
    sim.run_until(300_000);
    assert_eq!(sim.snapshot().instances.len(), 4);
    check(&sim, 3);
}

#[test]
fn every_golden_scenario_gives_the_same_trace_hash_twice() {
    for &(name, _, seconds) in GOLDEN_SCENARIOS {
        let a = run(name, seconds);
        let b = run(name, seconds);
        assert_eq!(a.trace_hash(), b.trace_hash(), "{name}");
        assert_eq!(a.log(), b.log(), "{name}");
        a.check_invariants()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn another_seed_changes_the_trace_hash_but_not_the_spread() {
    let text = golden_text("spread_seven_over_three_zones");
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["seed"] = serde_json::json!(8);
    let mut a = load_text(&text);
    let mut b = load_text(&doc.to_string());
    a.run_until(60_000);
    b.run_until(60_000);
    assert_ne!(a.trace_hash(), b.trace_hash());
    // The rule does not depend on the seed: still 3/2/2 by zone.
    assert_eq!(
        sorted_counts(&service(&b.snapshot(), "web").by_zone),
        vec![2, 2, 3]
    );
}

#[test]
fn scale_in_during_a_drain_keeps_maximum_percent_and_minimum_healthy() {
    // DG deployment-type-ecs with desiredCount 1: upper bound ⌊1 × 100 / 100⌋ = 1 task,
    // lower bound ⌈1 × 50 / 100⌉ = 1 healthy. The only instance is DRAINING, so the one
    // RUNNING task stays (nowhere to replace it) and no second task may be kept waiting.
    let mut sim = load("scale_in_while_draining");
    sim.run_until(79_000);
    // Before the update: desired 2 at 50% → one task may stop; the other stays RUNNING.
    assert_eq!(service(&sim.snapshot(), "web").running_count, 1);
    for second in 80..=120 {
        sim.run_until(second * 1000);
        let snap = sim.snapshot();
        let web = service(&snap, "web");
        assert_eq!(web.desired_count, 1);
        assert_eq!(
            web.running_count + web.pending_count,
            1,
            "at {second} s: {web:?}"
        );
        assert_eq!(web.running_count, 1, "at {second} s");
    }
}

#[test]
fn alb_target_registers_at_running_is_healthy_after_one_check_and_drains_300_s_before_stopping() {
    // DG task-lifecycle: registration happens during ACTIVATING, so the target is registered
    // as the task becomes RUNNING: 8 s pull + 1 s ACTIVATING = 9 s. ALB User Guide
    // target-group-health-checks: a new target "must pass one health check to be considered
    // healthy"; checks every 30 s (default) → healthy at 9 + 30 = 39 s.
    let mut sim = load("alb_target_lifecycle");
    sim.run_until(9_000);
    let web = 0;
    assert_eq!(sim.tasks[web].service, Some(0));
    assert_eq!(sim.tasks[web].started_at, Some(9_000));
    assert!(sim.log().iter().any(|e| e.at == 9_000
        && e.text.starts_with("(service web) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef)")));
    sim.run_until(38_999);
    assert!(!sim.target_healthy(web));
    assert!(sim.routable_targets(0).is_empty());
    sim.run_until(39_000);
    assert!(sim.target_healthy(web));
    assert_eq!(sim.routable_targets(0), vec![(web, 100_000)]);
    // stop-task at 200 s: deregistered, draining for the default 300 s in DEACTIVATING, then
    // STOPPING (SIGTERM; the process exits in 1 s) → STOPPED at 501 s.
    sim.run_until(200_000);
    assert_eq!(sim.tasks[web].last_status, TaskStatus::Deactivating);
    assert!(log_contains(
        &sim,
        "(service web) has begun draining connections on 1 tasks."
    ));
    assert!(sim.routable_targets(0).is_empty());
    sim.run_until(499_999);
    assert_eq!(sim.tasks[web].last_status, TaskStatus::Deactivating);
    sim.run_until(500_000);
    assert_eq!(sim.tasks[web].last_status, TaskStatus::Stopping);
    sim.run_until(520_000);
    assert_eq!(sim.tasks[web].last_status, TaskStatus::Stopped);
    assert_eq!(sim.tasks[web].stopped_at, Some(501_000));
    assert_eq!(sim.tasks[web].stop_code, Some(StopCode::UserInitiated));
    // Its replacement started at once (201 s): RUNNING at 210 s, healthy at 240 s.
    let replacement = sim
        .tasks
        .values()
        .position(|t| t.service == Some(0) && t.created_at == 201_000)
        .expect("a replacement created at 201 s");
    assert_eq!(sim.tasks[replacement].started_at, Some(210_000));
    assert!(sim.target_healthy(replacement));
}

#[test]
fn alb_unhealthy_target_is_healthy_again_after_5_passing_checks_30_s_apart() {
    // slow answers 70 s after RUNNING (9 s): checks at 39 and 69 s fail → unhealthy at 69 s
    // (UnhealthyThresholdCount 2); HealthyThresholdCount 5 passing checks at 99…219 s →
    // healthy at 69 + 5 × 30 = 219 s. Its 600 s grace period keeps the task meanwhile.
    let mut sim = load("alb_target_lifecycle");
    sim.run_until(0);
    let slow = sim
        .tasks
        .values()
        .position(|t| t.service == Some(2))
        .expect("slow task");
    sim.run_until(68_999);
    assert!(!sim.target_unhealthy(slow));
    sim.run_until(69_000);
    assert!(sim.target_unhealthy(slow));
    sim.run_until(218_999);
    assert!(sim.target_unhealthy(slow));
    sim.run_until(219_000);
    assert!(sim.target_healthy(slow));
    assert!(!sim.tasks[slow].stop_requested);
}

#[test]
fn alb_target_failing_health_checks_is_replaced_after_the_grace_period() {
    // The sick image fails every check: unhealthy after 2 failures (UnhealthyThresholdCount
    // default), at 9 + 2 × 30 = 69 s. healthCheckGracePeriodSeconds 90 keeps the task until
    // 9 + 90 = 99 s (DG healthCheckGracePeriodSeconds); then a replacement starts, and the sick
    // task stays until the replacement is healthy (DG ecs_services), which it never is: once
    // the replacement's own grace period is over (RUNNING at 108 s, + 90 s = 198 s) the sick
    // task is stopped to bring the service back to one task, deregistered, drains 300 s and
    // stops at 198 + 300 + 1 = 499 s.
    let mut sim = load("alb_target_lifecycle");
    sim.run_until(0);
    let sick = sim
        .tasks
        .values()
        .position(|t| t.service == Some(1))
        .expect("sick task");
    sim.run_until(68_999);
    assert!(!sim.target_unhealthy(sick));
    sim.run_until(69_000);
    assert_eq!(sim.tasks[sick].service, Some(1));
    assert!(sim.target_unhealthy(sick));
    assert!(log_contains(&sim, "is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/sick-tg/"));
    sim.run_until(99_000);
    assert!(!sim.tasks[sick].stop_requested);
    assert_eq!(
        sim.tasks.values().filter(|t| t.service == Some(1)).count(),
        2,
        "a replacement started beside the sick task at 99 s"
    );
    sim.run_until(197_999);
    assert!(!sim.tasks[sick].stop_requested);
    sim.run_until(198_000);
    assert!(sim.tasks[sick].stop_requested);
    assert_eq!(sim.tasks[sick].last_status, TaskStatus::Deactivating);
    assert_eq!(
        sim.tasks[sick].stop_code,
        Some(StopCode::ServiceSchedulerInitiated)
    );
    sim.run_until(620_000);
    assert_eq!(sim.tasks[sick].stopped_at, Some(499_000));
}

/// The datapoint of `name` for service `svc` at the end of the period ending `at_s` seconds.
fn metric_at(sim: &ecs_sim::Sim, name: MetricName, svc: &str, at_s: u64) -> Option<f64> {
    let s = sim.model.services.iter().position(|x| x.name == svc)?;
    sim.metrics
        .series(name, &Dimension::Service(s))
        .iter()
        .find(|d| d.at == at_s * 1000)
        .map(|d| d.value)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn traffic_step_from_50_to_100_requests_per_second_doubles_cpu_utilization_dg_service_utilization()
{
    // Two tasks reserving 1024 CPU units (1000 ms of CPU per second each), 10 ms per request:
    // 50 req/s → 25 per task → 25% (DG service_utilization: used ÷ reserved × 100); the step
    // at 300 s to 100 req/s → 50%. The 10 s ticks of [240, 300) all sample 50 req/s.
    let sim = run("traffic_step_doubles_cpu", 540);
    use MetricName::*;
    assert_eq!(metric_at(&sim, CPUUtilization, "web", 300), Some(25.0));
    assert_eq!(metric_at(&sim, CPUUtilization, "web", 360), Some(50.0));
    // ELB RequestCount: 50 req/s × 60 s; RequestCountPerTarget over 2 healthy targets.
    assert_eq!(metric_at(&sim, RequestCount, "web", 300), Some(3000.0));
    assert_eq!(
        metric_at(&sim, RequestCountPerTarget, "web", 300),
        Some(1500.0)
    );
    assert_eq!(metric_at(&sim, RequestCount, "web", 360), Some(6000.0));
    assert_eq!(
        metric_at(&sim, HTTPCode_Target_5XX_Count, "web", 360),
        Some(0.0)
    );
    assert_eq!(
        metric_at(&sim, HTTPCode_ELB_5XX_Count, "web", 360),
        Some(0.0)
    );
    // M/M/1: R = 10 ms ÷ (1 − ρ): ρ 0.25 → 13.33 ms, ρ 0.5 → 20 ms (seconds in CloudWatch).
    assert!(close(
        metric_at(&sim, TargetResponseTime, "web", 300),
        0.010 / 0.75
    ));
    assert!(close(
        metric_at(&sim, TargetResponseTime, "web", 360),
        0.020
    ));
    // Memory: 256 MiB + 6 MiB × requests in flight (Little: 25/s × 13.33 ms = 1/3) = 258 of
    // 2048 MiB; after the step 50/s × 20 ms = 1 → 262 MiB.
    assert!(close(
        metric_at(&sim, MemoryUtilization, "web", 300),
        258.0 * 100.0 / 2048.0
    ));
    assert!(close(
        metric_at(&sim, MemoryUtilization, "web", 360),
        262.0 * 100.0 / 2048.0
    ));
    // Every service gets its task counts once metrics are on.
    assert_eq!(metric_at(&sim, RunningTaskCount, "web", 360), Some(2.0));
    assert_eq!(metric_at(&sim, DesiredTaskCount, "web", 360), Some(2.0));
}

#[test]
fn traffic_spike_of_300_percent_overloads_tasks_into_load_balancer_504s() {
    // trafficSpike at 420 s for 60 s: 300 req/s → 150 per task against μ = 100/s. With the
    // default 60,000 ms timeout at most 100 × (1 − 10/60000) answer in time; the rest time out
    // and the load balancer answers them with its own 504 (ALB User Guide, troubleshooting;
    // the target's 5xx until the 28th session): (150 − 99.98333…) × 2 tasks × 60 s = 6002.
    let sim = run("traffic_step_doubles_cpu", 540);
    use MetricName::*;
    assert_eq!(metric_at(&sim, CPUUtilization, "web", 480), Some(100.0));
    assert_eq!(metric_at(&sim, RequestCount, "web", 480), Some(18000.0));
    assert!(close(
        metric_at(&sim, HTTPCode_ELB_5XX_Count, "web", 480),
        (150.0 - 100.0 * (1.0 - 10.0 / 60000.0)) * 120.0
    ));
    assert_eq!(
        metric_at(&sim, HTTPCode_Target_5XX_Count, "web", 480),
        Some(0.0)
    );
    // After the spike the rate is back to 100 req/s.
    assert_eq!(metric_at(&sim, CPUUtilization, "web", 540), Some(50.0));
    assert_eq!(
        metric_at(&sim, HTTPCode_Target_5XX_Count, "web", 540),
        Some(0.0)
    );
    // The task's current load is kept for the playground to colour it.
    let t = sim.traffic.task_load.values().next().map(|l| l.cpu_percent);
    assert_eq!(t, Some(50.0));
}

#[test]
fn cloud_map_dns_clients_keep_a_stopped_tasks_address_until_the_ttl_runs_out() {
    // DG service-discovery: clients cache the DNS answer for the record's TTL (60 s here).
    // front resolved at 70 s (answer valid to 130 s); a backend task stops at 75 s. Ticks at
    // 80, 90, 100, 110 and 120 s still send half of the 20 req/s to it: 5 × 10 req/s × 10 s
    // = 500 client errors in the period ending at 120 s. The answer of 130 s no longer has it.
    let sim = run("discovery_cloud_map_dns", 240);
    use MetricName::*;
    assert_eq!(metric_at(&sim, ClientErrorCount, "front", 60), Some(0.0));
    assert_eq!(metric_at(&sim, ClientErrorCount, "front", 120), Some(500.0));
    assert_eq!(metric_at(&sim, ClientErrorCount, "front", 180), Some(0.0));
    assert_eq!(metric_at(&sim, ClientErrorCount, "front", 240), Some(0.0));
    // Service-to-service calls have no load balancer: no ELB metrics for backend.
    let backend = sim.model.services.iter().position(|s| s.name == "backend");
    assert!(sim
        .metrics
        .series(RequestCount, &Dimension::Service(backend.unwrap_or(9)))
        .is_empty());
    // 20 req/s × 10 ms over 2 tasks of 512 units (0.5 vCPU each): 10/s ÷ μ 50/s → 20%.
    assert_eq!(metric_at(&sim, CPUUtilization, "backend", 240), Some(20.0));
}

#[test]
fn service_connect_moves_calls_off_a_stopped_task_at_once_so_no_client_errors() {
    // DG service-connect: the Service Connect proxy balances over the healthy endpoints it
    // currently knows, so the task stopped at 75 s gets no calls from the next tick on.
    let sim = run("discovery_service_connect", 240);
    use MetricName::*;
    for at in [60, 120, 180, 240] {
        assert_eq!(
            metric_at(&sim, ClientErrorCount, "front", at),
            Some(0.0),
            "at {at}"
        );
    }
    assert_eq!(metric_at(&sim, CPUUtilization, "backend", 240), Some(20.0));
}

#[test]
fn with_no_routable_target_the_load_balancer_answers_elb_5xx_itself() {
    // ELB load-balancer-cloudwatch-metrics: HTTPCode_ELB_5XX_Count counts errors the load
    // balancer generates; with no target to choose, RequestCount does not count the request.
    // updateService to desiredCount 0 at 130 s: the scheduler stops both tasks at 131 s, so
    // the ticks at 140…180 s (5 × 50 req/s × 10 s) fail at the load balancer.
    let text = golden_text("traffic_step_doubles_cpu").replace(
        "\"timeline\": [",
        "\"timeline\": [ { \"at\": 130, \"action\": \"updateService\", \"service\": \"web\", \"desiredCount\": 0 },",
    );
    let mut sim = load_text(&text);
    sim.run_until(240_000);
    use MetricName::*;
    assert_eq!(
        metric_at(&sim, HTTPCode_ELB_5XX_Count, "web", 180),
        Some(2500.0)
    );
    assert_eq!(metric_at(&sim, RequestCount, "web", 180), Some(500.0));
    assert_eq!(
        metric_at(&sim, HTTPCode_ELB_5XX_Count, "web", 240),
        Some(3000.0)
    );
    // ELB load-balancer-cloudwatch-metrics: RequestCountPerTarget is "Always reported"; with no
    // healthy target it is divided by the registered ones, and with none at all 0 requests were
    // routed, so the datapoint is 0 (the simulator's reading).
    assert_eq!(
        metric_at(&sim, RequestCountPerTarget, "web", 240),
        Some(0.0)
    );
    assert_eq!(metric_at(&sim, CPUUtilization, "web", 240), None);
    assert_eq!(metric_at(&sim, RunningTaskCount, "web", 240), Some(0.0));
    assert_eq!(metric_at(&sim, DesiredTaskCount, "web", 240), Some(0.0));
}

// ---- Deployments (API Deployment, DG deployment-type-ecs, DG deployment-circuit-breaker) ----

#[test]
fn update_service_new_task_definition_makes_a_primary_deployment_that_completes() {
    // API Deployment / DG deployment-type-ecs: update-service with web:2 creates a PRIMARY
    // deployment; the old one is ACTIVE until its tasks are gone, then INACTIVE, and the new
    // one COMPLETED once the service is steady on it.
    let mut sim = load("rolling_update");
    sim.run_until(61_000);
    let d = deployments(&sim, "web");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["status"], "PRIMARY");
    assert_eq!(d[0]["taskDefinition"], "web:2");
    assert_eq!(d[0]["rolloutState"], "IN_PROGRESS");
    assert_eq!(d[0]["createdAt"], 60_000);
    assert_eq!(d[0]["desiredCount"], 4);
    assert_eq!(d[0]["pendingCount"], 4);
    assert_eq!(d[1]["status"], "ACTIVE");
    assert_eq!(d[1]["taskDefinition"], "web:1");
    assert_eq!(d[1]["runningCount"], 4);
    assert_eq!(d[1]["rolloutState"], "COMPLETED");
    let id = d[0]["id"].as_str().unwrap_or_default().to_string();
    assert_eq!(id.len(), "ecs-svc/".len() + 19);
    assert_eq!(
        d[0]["rolloutStateReason"],
        format!("ECS deployment {id} in progress.")
    );

    sim.run_until(300_000);
    let d = deployments(&sim, "web");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["runningCount"], 4);
    assert_eq!(
        d[0]["rolloutStateReason"],
        format!("ECS deployment {id} completed.")
    );
    assert_eq!(d[1]["status"], "INACTIVE");
    assert_eq!(d[1]["runningCount"], 0);
    // web:2 RUNNING at 68 s; 40 s later (108 s) they count as healthy, the old tasks stop
    // (1 s) and the service is steady at 110 s.
    assert_eq!(d[0]["updatedAt"], 110_000);
    let text = format!("(service web) (deployment {id}) deployment completed.");
    assert_eq!(log_count(&sim, &text), 1, "{}", log_text(&sim));
}

/// (RUNNING tasks, live tasks: runningCount + pendingCount) of a service now.
fn running_and_live(sim: &ecs_sim::Sim, name: &str) -> (u32, u32) {
    let snap = sim.snapshot();
    let svc = service(&snap, name);
    (svc.running_count, svc.running_count + svc.pending_count)
}

#[test]
fn rolling_update_desired_4_at_50_200_never_below_2_running_or_above_8_tasks() {
    // DG deployment-type-ecs: lower bound ⌈4 × 50 / 100⌉ = 2, upper bound ⌊4 × 200 / 100⌋ = 8.
    // At 60 s the scheduler starts 4 web:2 tasks (4 + 4 = 8) and stops 2 web:1 tasks at once
    // (4 healthy − 2 = 2); the other 2 stop once the new tasks have been RUNNING 40 s.
    let mut sim = load("rolling_update_50_200");
    for second in 60..=300 {
        sim.run_until(second * 1000);
        let (running, live) = running_and_live(&sim, "web");
        assert!(running >= 2, "{running} RUNNING at {second} s");
        assert!(live <= 8, "{live} tasks at {second} s");
    }
    let at_60: Vec<&str> = sim
        .log()
        .iter()
        .filter(|e| e.at == 60_000 && e.text.starts_with("(service web)"))
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(at_60.len(), 2, "{at_60:?}");
    assert!(at_60[0].starts_with("(service web) has stopped 2 running tasks"));
    assert!(at_60[1].starts_with("(service web) has started 4 tasks"));
    let d = deployments(&sim, "web");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["runningCount"], 4);
    assert_eq!(d[1]["status"], "INACTIVE");
}

#[test]
fn two_tasks_at_minimum_healthy_75_stop_none_first_and_three_at_maximum_125_start_none_first() {
    // DG deployment-type-ecs edge cases: 2 tasks at 75% → lower bound ⌈1.5⌉ = 2, so the two new
    // tasks start before any old one stops; 3 tasks at 125% → upper bound ⌊3.75⌋ = 3, so an old
    // task stops (lower bound ⌈3 × 50%⌉ = 2) before a new one starts.
    let mut sim = load("rolling_update_edge_cases");
    for second in 60..=300 {
        sim.run_until(second * 1000);
        let (two_running, _) = running_and_live(&sim, "two");
        let (three_running, three_live) = running_and_live(&sim, "three");
        assert!(two_running >= 2, "two: {two_running} RUNNING at {second} s");
        assert!(three_live <= 3, "three: {three_live} tasks at {second} s");
        assert!(
            three_running >= 2,
            "three: {three_running} RUNNING at {second} s"
        );
    }
    let first_after = |name: &str| {
        sim.log()
            .iter()
            .find(|e| e.at >= 60_000 && e.text.starts_with(&format!("(service {name}) has s")))
            .map(|e| (e.at, e.text.clone()))
            .unwrap_or_default()
    };
    let (at, text) = first_after("two");
    assert_eq!(at, 60_000);
    assert!(
        text.starts_with("(service two) has started 2 tasks"),
        "{text}"
    );
    let (at, text) = first_after("three");
    assert_eq!(at, 60_000);
    assert!(
        text.starts_with("(service three) has stopped 1 running tasks"),
        "{text}"
    );
    for name in ["two", "three"] {
        let d = deployments(&sim, name);
        assert_eq!(d[0]["rolloutState"], "COMPLETED", "{name}");
        assert_eq!(d[0]["taskDefinition"], "web:2");
    }
}

#[test]
fn circuit_breaker_threshold_for_desired_1_10_25_1000_is_3_5_13_200() {
    // DG deployment-circuit-breaker, "Failure threshold": min(200, max(3, ⌈0.5 × desired⌉)).
    // The image cannot be pulled, so every task stops before RUNNING (stage 1); the deployment
    // fails at exactly the threshold and launches nothing after that.
    let text = golden_text("circuit_breaker_threshold");
    for (desired, threshold) in [(1, 3), (10, 5), (25, 13), (1000, 200)] {
        let scenario = text.replacen(
            "\"desiredCount\": 10",
            &format!("\"desiredCount\": {desired}"),
            1,
        );
        let mut sim = load_text(&scenario);
        sim.run_until(900_000);
        let d = deployments(&sim, "broken");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0]["rolloutState"], "FAILED", "desired {desired}");
        assert_eq!(d[0]["failedTasks"], threshold, "desired {desired}");
        assert_eq!(
            d[0]["rolloutStateReason"],
            "ECS deployment circuit breaker: tasks failed to start."
        );
        let id = d[0]["id"].as_str().unwrap_or_default();
        let event =
            format!("(service broken) (deployment {id}) deployment failed: tasks failed to start.");
        assert_eq!(log_count(&sim, &event), 1, "desired {desired}");
        let failed_at = d[0]["updatedAt"].as_u64().unwrap_or_default();
        let later = sim
            .tasks
            .values()
            .filter(|t| t.created_at > failed_at)
            .count();
        assert_eq!(later, 0, "desired {desired}: tasks launched after FAILED");
        assert_eq!(d[0]["runningCount"], 0);
    }
}

#[test]
fn bad_image_fails_the_deployment_after_3_tasks_and_rolls_back_to_web_1() {
    // DG deployment-circuit-breaker: desired 4 → threshold max(3, 2) = 3. web:2 cannot be
    // pulled; the 4 new tasks fail at 68 s, the third failure fails the deployment, and the
    // rollback deployment returns to web:1, whose 4 RUNNING tasks were never stopped
    // (minimumHealthyPercent 100).
    let mut sim = load("circuit_breaker_rollback");
    for second in 60..=300 {
        sim.run_until(second * 1000);
        let (running, _) = running_and_live(&sim, "web");
        assert!(running >= 4, "{running} RUNNING at {second} s");
    }
    let d = deployments(&sim, "web");
    assert_eq!(d.len(), 3);
    let (rollback, failed, original) = (&d[0], &d[1], &d[2]);
    assert_eq!(failed["taskDefinition"], "web:2");
    assert_eq!(failed["rolloutState"], "FAILED");
    assert_eq!(failed["failedTasks"], 3);
    assert_eq!(failed["status"], "INACTIVE");
    assert_eq!(rollback["status"], "PRIMARY");
    assert_eq!(rollback["taskDefinition"], "web:1");
    assert_eq!(rollback["rolloutState"], "COMPLETED");
    assert_eq!(rollback["runningCount"], 4);
    assert_eq!(original["status"], "INACTIVE");
    let (failed_id, original_id, rollback_id) = (
        failed["id"].as_str().unwrap_or_default(),
        original["id"].as_str().unwrap_or_default(),
        rollback["id"].as_str().unwrap_or_default(),
    );
    let texts: Vec<&str> = sim.log().iter().map(|e| e.text.as_str()).collect();
    let failed_event =
        format!("(service web) (deployment {failed_id}) deployment failed: tasks failed to start.");
    let rollback_event = format!("(service web) rolling back to deployment {original_id}.");
    let completed_event = format!("(service web) (deployment {rollback_id}) deployment completed.");
    let pos = |needle: &str| texts.iter().position(|t| *t == needle);
    assert!(
        pos(&failed_event) < pos(&rollback_event),
        "{}",
        log_text(&sim)
    );
    assert!(pos(&rollback_event) < pos(&completed_event));
    assert!(pos(&completed_event).is_some());
    let snap = sim.snapshot();
    assert_eq!(service(&snap, "web").task_definition, "web:1");
    let running: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == TaskStatus::Running)
        .collect();
    assert_eq!(running.len(), 4);
    assert!(running.iter().all(|t| t.created_at == 0));
}

#[test]
fn crash_before_healthy_counts_for_the_circuit_breaker_and_rolls_back() {
    // DG deployment-circuit-breaker stage 2 / API Deployment.failedTasks: web:2 reaches RUNNING
    // and exits 10 s later, before the 40 s a task without a health check needs to count as
    // healthy; 3 such tasks fail the deployment and it rolls back.
    let text = golden_text("circuit_breaker_rollback").replacen(
        "\"pullFails\": true",
        "\"crashAfterSeconds\": 10",
        1,
    );
    let mut sim = load_text(&text);
    sim.run_until(600_000);
    let d = deployments(&sim, "web");
    assert_eq!(d.len(), 3, "{}", log_text(&sim));
    assert_eq!(d[1]["rolloutState"], "FAILED");
    assert_eq!(d[1]["failedTasks"], 3);
    assert_eq!(d[0]["taskDefinition"], "web:1");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
}

#[test]
fn force_new_deployment_replaces_every_task_with_the_same_task_definition() {
    // API UpdateService forceNewDeployment: a new deployment of web:1 whose tasks replace all 4
    // running ones.
    let text = golden_text("rolling_update").replacen(
        "\"taskDefinition\": \"web:2\"",
        "\"forceNewDeployment\": true",
        1,
    );
    let mut sim = load_text(&text);
    sim.run_until(300_000);
    let d = deployments(&sim, "web");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["taskDefinition"], "web:1");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["createdAt"], 60_000);
    assert_eq!(d[1]["status"], "INACTIVE");
    let running: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == TaskStatus::Running)
        .collect();
    assert_eq!(running.len(), 4);
    assert!(running.iter().all(|t| t.created_at == 60_000));
    assert!(log_contains(&sim, "forceNewDeployment"));
}

/// (green weight, blue weight) of the deployment_traffic_weight hook: tasks started by the
/// update (created at 60 s) are green, the original ones blue. None when a side has no live task.
fn weights(sim: &ecs_sim::Sim) -> (Option<u32>, Option<u32>) {
    let of = |green: bool| {
        sim.tasks
            .ids()
            .filter(|&t| sim.tasks[t].is_active() && (sim.tasks[t].created_at >= 60_000) == green)
            .map(|t| sim.deployment_traffic_weight(t))
            .max()
    };
    (of(true), of(false))
}

#[test]
fn canary_shifts_10_percent_for_5_minutes_then_100_and_cleans_up_blue_after_the_bake_time() {
    // API CanaryConfiguration (canaryPercent 10, canaryBakeTimeInMinutes 5) and
    // DeploymentConfiguration.bakeTimeInMinutes 10; DG lifecycle stages. web:2 tasks RUNNING
    // at 68 s count as healthy at 108 s (40 s, no health check): SCALE_UP ends, 10% shifts at
    // 108 s, 100% at 108 + 300 = 408 s, the bake time ends at 408 + 600 = 1008 s and CLEAN_UP
    // stops blue; the deployment completes at 1010 s.
    let mut sim = load("canary_10_percent");
    sim.run_until(100_000);
    assert_eq!(weights(&sim), (Some(0), Some(100)));
    let d = deployments(&sim, "web");
    assert_eq!(d[0]["lifecycleStage"], "SCALE_UP");
    assert_eq!(d[0]["runningCount"], 4);
    assert_eq!(d[1]["runningCount"], 4);
    sim.run_until(108_000);
    assert_eq!(weights(&sim), (Some(10), Some(90)));
    assert_eq!(
        deployments(&sim, "web")[0]["lifecycleStage"],
        "PRODUCTION_TRAFFIC_SHIFT"
    );
    sim.run_until(407_999);
    assert_eq!(weights(&sim), (Some(10), Some(90)));
    sim.run_until(408_000);
    assert_eq!(weights(&sim), (Some(100), Some(0)));
    let d = deployments(&sim, "web");
    assert_eq!(d[0]["lifecycleStage"], "BAKE_TIME");
    assert_eq!(d[0]["productionTrafficPercent"], 100.0);
    sim.run_until(1_007_999);
    assert_eq!(deployments(&sim, "web")[1]["runningCount"], 4);
    sim.run_until(1_008_000);
    assert_eq!(deployments(&sim, "web")[0]["lifecycleStage"], "CLEAN_UP");
    let blue_stops: Vec<u64> = sim
        .tasks
        .values()
        .filter(|t| t.created_at == 0)
        .filter_map(|t| t.stopping_at)
        .collect();
    assert_eq!(blue_stops, vec![1_008_000; 4]);
    sim.run_until(1_200_000);
    let d = deployments(&sim, "web");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["updatedAt"], 1_010_000);
    assert_eq!(d[1]["status"], "INACTIVE");
    assert_eq!(weights(&sim), (Some(100), None));
}

#[test]
fn canary_green_that_crashes_trips_the_breaker_and_traffic_returns_to_blue() {
    // DG deployment-circuit-breaker with rollback during a canary: web:2 crashes 10 s after
    // RUNNING, 3 failures (threshold for desired 4) fail green; the rollback deployment keeps
    // the blue tasks, which get all production traffic again, and green is removed.
    let text = golden_text("canary_10_percent").replacen(
        "\"strategy\": \"CANARY\"",
        "\"deploymentCircuitBreaker\": { \"enable\": true, \"rollback\": true }, \"strategy\": \"CANARY\"",
        1,
    );
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    doc["images"] = serde_json::json!({ "example/web:2": { "crashAfterSeconds": 10 } });
    let mut sim = load_text(&doc.to_string());
    sim.run_until(600_000);
    let d = deployments(&sim, "web");
    assert_eq!(d.len(), 3, "{}", log_text(&sim));
    assert_eq!(d[1]["taskDefinition"], "web:2");
    assert_eq!(d[1]["rolloutState"], "FAILED");
    assert_eq!(d[1]["failedTasks"], 3);
    assert_eq!(d[0]["taskDefinition"], "web:1");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["runningCount"], 4);
    let live_green = sim
        .tasks
        .values()
        .filter(|t| t.is_active() && t.created_at >= 60_000)
        .count();
    assert_eq!(live_green, 0);
    assert_eq!(weights(&sim), (None, Some(100)));
}

#[test]
fn code_deploy_linear_10_percent_every_minute_moves_10_percent_per_minute() {
    // CodeDeploy predefined configuration ECSLinear10PercentEvery1Minutes: 10% more production
    // traffic every minute. Green is healthy at 108 s: 10% then, 40% at 288 s, 100% at
    // 108 + 9 × 60 = 648 s; terminationWaitTimeInMinutes 0 cleans blue up at once.
    let mut doc: serde_json::Value =
        serde_json::from_str(&golden_text("canary_10_percent")).expect("json");
    let svc = &mut doc["services"][0];
    svc["deploymentConfiguration"] =
        serde_json::json!({ "minimumHealthyPercent": 100, "maximumPercent": 200 });
    svc["deploymentController"] = serde_json::json!({ "type": "CODE_DEPLOY" });
    svc["codeDeploy"] = serde_json::json!({
        "deploymentConfigName": "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
        "terminationWaitTimeInMinutes": 0
    });
    let mut sim = load_text(&doc.to_string());
    for (at, green) in [
        (107_999, 0),
        (108_000, 10),
        (287_999, 30),
        (288_000, 40),
        (647_999, 90),
    ] {
        sim.run_until(at);
        assert_eq!(
            weights(&sim),
            (Some(green), Some(100 - green)),
            "at {at} ms"
        );
    }
    sim.run_until(648_000);
    assert_eq!(weights(&sim).0, Some(100));
    sim.run_until(900_000);
    let d = deployments(&sim, "web");
    assert_eq!(
        d[0]["strategy"],
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"
    );
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    assert_eq!(d[0]["updatedAt"], 650_000);
}

#[test]
fn managed_scaling_adds_instances_for_waiting_tasks_and_removes_empty_ones() {
    use ecs_sim::metrics::{Dimension, MetricName};
    // DG cluster-auto-scaling. 5 tasks of 1024 CPU units; an m5.large registers 2048, so one
    // instance runs 2 and 3 wait. M = 1 in use + 2 new = 3, N = 1 → CapacityProviderReservation
    // 300 at the first minute → 3 instances.
    let mut sim = load("managed_scaling");
    sim.run_until(60_000);
    assert!(
        log_contains(
            &sim,
            "Auto Scaling group of asg scaled out to 3 instances (CapacityProviderReservation 300 > target 100)."
        ),
        "{}",
        log_text(&sim)
    );
    // Boot is 60 s: the two new instances register at 120 s and take the 3 waiting tasks.
    sim.run_until(180_000);
    let snap = sim.snapshot();
    assert_eq!(service(&snap, "worker").running_count, 5);
    let dim = Dimension::CapacityProvider("asg".into());
    let cpr: Vec<f64> = sim
        .metrics
        .series(MetricName::CapacityProviderReservation, &dim)
        .iter()
        .map(|d| d.value)
        .collect();
    assert_eq!(cpr, vec![300.0, 100.0, 100.0]);
    // At 300 s the service goes to 1 task: M = 1, N = 3 → 33.3 from the 360 s datapoint on.
    // The low alarm needs 15 one-minute datapoints: 360 + 14 × 60 = 1200 s.
    sim.run_until(1_199_000);
    assert_eq!(
        log_count(&sim, "scaled in"),
        0,
        "no scale-in before 15 datapoints"
    );
    // DG cluster-auto-scaling, "Scale-in considerations": the group then moves "greater than
    // one instance and less than 50% each minute". Goal 1 of 3: at 1200 s one step of
    // min(2 surplus, max(1, ⌊3 / 2⌋)) = 1 → 2 instances; at 1260 s, N = 2, M = 1 →
    // 50, min(1, max(1, ⌊2 / 2⌋)) = 1 → 1 instance.
    sim.run_until(1_200_000);
    assert!(
        log_contains(
            &sim,
            "Auto Scaling group of asg scaled in to 2 instances (CapacityProviderReservation 33.3 < target 100 for 15 datapoints)"
        ),
        "{}",
        log_text(&sim)
    );
    assert_eq!(log_count(&sim, "scaled in"), 1);
    sim.run_until(1_320_000);
    assert!(
        log_contains(
            &sim,
            "Auto Scaling group of asg scaled in to 1 instances (CapacityProviderReservation 50 < target 100 for 15 datapoints)"
        ),
        "{}",
        log_text(&sim)
    );
    assert_eq!(log_count(&sim, "scaled in"), 2);
    let snap = sim.snapshot();
    let alive: Vec<_> = snap
        .instances
        .iter()
        .filter(|i| i.status != InstanceStatus::Terminated)
        .collect();
    assert_eq!(alive.len(), 1);
    // managedTerminationProtection ENABLED: the instance with the task is the one kept.
    assert_eq!(alive[0].tasks.len(), 1);
    assert_eq!(service(&snap, "worker").running_count, 1);
    let counts: Vec<f64> = sim
        .metrics
        .series(MetricName::InstanceCount, &dim)
        .iter()
        .map(|d| d.value)
        .collect();
    // Datapoints at 60 … 1320 s, each recorded before that minute's step: 3 at 1200 s, 2 at
    // 1260 s, 1 at 1320 s.
    assert_eq!(counts.len(), 22);
    assert_eq!(counts[0], 1.0);
    assert_eq!(counts[1], 3.0);
    assert_eq!(counts[19], 3.0);
    assert_eq!(counts[20], 2.0);
    assert_eq!(counts[21], 1.0);
}

#[test]
fn managed_scaling_scales_from_zero_instances() {
    // DG cluster-auto-scaling: N = 0 and M > 0 → CapacityProviderReservation 200, so a group
    // with no instances scales out. One waiting task needs one instance, but DG "Scale-out
    // considerations": with no container instances ECS "always scales-out to 200% (two
    // instances)".
    let text = golden_text("managed_scaling")
        .replace("\"minSize\": 1", "\"minSize\": 0")
        .replace("\"desiredCapacity\": 1", "\"desiredCapacity\": 0")
        .replace("\"desiredCount\": 5", "\"desiredCount\": 1");
    let mut sim = load_text(&text);
    sim.run_until(60_000);
    assert!(
        log_contains(
            &sim,
            "scaled out to 2 instances (CapacityProviderReservation 200 > target 100)."
        ),
        "{}",
        log_text(&sim)
    );
    sim.run_until(180_000);
    assert_eq!(service(&sim.snapshot(), "worker").running_count, 1);
}

#[test]
fn spot_interruption_is_replaced_within_the_stop_timeout_window() {
    // DG fargate-capacity-providers: FARGATE base 1 (weight 0) + FARGATE_SPOT weight 1, 4 tasks
    // → 1 FARGATE, 3 FARGATE_SPOT. At 120 s the oldest Spot task gets the two-minute warning:
    // EventBridge "ECS Task State Change" with stopCode SpotInterruption and SIGTERM. Its image
    // ignores SIGTERM, so SIGKILL comes after stopTimeout 90 s: DEACTIVATING 1 s + 90 s +
    // ENI detach 5 s → STOPPED at 216 s. The replacement starts at once.
    let mut sim = load("spot_interruption");
    sim.run_until(119_000);
    let before = sim.snapshot();
    let web = service(&before, "web");
    let expected: BTreeMap<String, u32> =
        [("FARGATE".to_string(), 1), ("FARGATE_SPOT".to_string(), 3)].into();
    assert_eq!(web.by_capacity_provider, expected);
    assert_eq!(web.running_count, 4);
    let on_demand: Vec<usize> = tasks_of(&before, "web")
        .iter()
        .filter(|t| t.capacity_provider.as_deref() == Some("FARGATE"))
        .map(|t| t.index)
        .collect();
    sim.run_until(120_000);
    assert_eq!(
        log_count(&sim, "ECS Task State Change: task"),
        1,
        "{}",
        log_text(&sim)
    );
    assert!(log_contains(
        &sim,
        "stopCode SpotInterruption, stoppedReason \"Your Spot Task was interrupted.\""
    ));
    let interrupted = sim
        .tasks
        .ids()
        .find(|&t| sim.tasks[t].stop_code == Some(StopCode::SpotInterruption))
        .expect("one task interrupted");
    sim.run_until(240_000);
    let old = &sim.tasks[interrupted];
    assert_eq!(old.last_status, TaskStatus::Stopped);
    assert_eq!(old.stopped_at, Some(216_000));
    // The replacement is a FARGATE_SPOT task again (weight) and RUNNING before the old one
    // stopped; the on-demand base task never stopped.
    let replacement = sim
        .tasks
        .values()
        .filter(|t| t.created_at >= 120_000)
        .collect::<Vec<_>>();
    assert_eq!(replacement.len(), 1);
    assert_eq!(
        replacement[0].capacity_provider.as_deref(),
        Some("FARGATE_SPOT")
    );
    assert!(replacement[0].started_at.is_some_and(|s| s < 216_000));
    for t in on_demand {
        assert_eq!(sim.tasks[t].last_status, TaskStatus::Running);
    }
    assert_eq!(service(&sim.snapshot(), "web").running_count, 4);
}

#[test]
fn managed_scaling_without_termination_protection_follows_the_default_termination_policy_ties_go_to_the_seeded_draw(
) {
    // Same run with managedTerminationProtection DISABLED: the group picks by EC2 Auto
    // Scaling's default termination policy (ec2-auto-scaling-termination-policies), whatever
    // tasks the instances run. The three instances are one per zone (balanced). At 1200 s
    // instance 0 (launched at 0 s) is 1200 s into its billing hour, instances 1 and 2 (60 s)
    // 1140 s: instance 0 goes. At 1260 s instances 1 and 2 are both 1200 s in: "If multiple
    // instances are equally close, terminate one at random", the first draw of the run's
    // ScaleInTermination stream (seed 11) among them in launch order.
    // Managed draining off too: with it (ECS's default) a busy instance is first drained and
    // terminated once its tasks have moved (tests in core/src/tests/managed_draining.rs); here
    // the termination order itself is under test.
    let text = golden_text("managed_scaling").replace(
        "\"managedTerminationProtection\": \"ENABLED\"",
        "\"managedTerminationProtection\": \"DISABLED\", \"managedDraining\": \"DISABLED\"",
    );
    let mut sim = load_text(&text);
    sim.run_until(1_200_000);
    let terminated = |sim: &ecs_sim::Sim| -> Vec<usize> {
        sim.snapshot()
            .instances
            .iter()
            .filter(|i| i.status == InstanceStatus::Terminated)
            .map(|i| i.index)
            .collect()
    };
    assert_eq!(terminated(&sim), vec![0], "{}", log_text(&sim));
    sim.run_until(1_260_000);
    let draw = SimRng::fork(11, Stream::ScaleInTermination).below(2) as usize;
    let mut expected = vec![0, 1 + draw];
    expected.sort_unstable();
    assert_eq!(terminated(&sim), expected, "{}", log_text(&sim));
}

#[test]
fn ec2_auto_scaling_default_termination_policy_zone_balance_then_closest_to_the_next_billing_hour()
{
    // EC2 Auto Scaling User Guide, ec2-auto-scaling-termination-policies: the group "first
    // identifies which Availability Zone (or Zones) has the most instances and at least one
    // instance that is not protected from scale in"; instances with outdated configurations
    // come next (one launch template here: none); then the one "closest to the next billing
    // hour". managedTerminationProtection DISABLED, so no instance is protected.
    //
    // Scale-out, maximumScalingStepSize 1 (DG managed-scaling-behavior): 3 tasks of 2048 units,
    // one per m5.large. 60 s: M = 1 + 2 = 3, N = 1 → 300 → 2 instances; instance 1 launched at
    // 60 s in us-east-1b (the zone with fewer). The 300 s instanceWarmupPeriod blocks the next
    // step until 360 s: M = 2 + 1 = 3, N = 2 → 150 → 3; instance 2 launched at 360 s in
    // us-east-1a (a tie of one each; the first subnet).
    let mut sim = load("asg_default_termination_policy");
    sim.run_until(60_000);
    assert!(log_contains(
        &sim,
        "Auto Scaling group of asg scaled out to 2 instances (CapacityProviderReservation 300 > target 100)."
    ));
    sim.run_until(360_000);
    assert!(log_contains(
        &sim,
        "Auto Scaling group of asg scaled out to 3 instances (CapacityProviderReservation 150 > target 100)."
    ));
    let placed: Vec<(&str, u64)> = sim
        .instances
        .iter()
        .map(|i| (i.zone.as_str(), i.launched_at))
        .collect();
    assert_eq!(
        placed,
        vec![
            ("us-east-1a", 0),
            ("us-east-1b", 60_000),
            ("us-east-1a", 360_000)
        ]
    );
    // The service goes to 0 at 2730 s; its tasks are STOPPED within a second, so M = 0, N = 3,
    // CapacityProviderReservation 0 from the 2760 s datapoint. The 15th datapoint below the
    // target (DG: "15 data points") is 2760 + 14 × 60 = 3600 s.
    sim.run_until(3_599_999);
    assert_eq!(log_count(&sim, "scaled in"), 0);
    // 3600 s, one step (min(2 surplus over minSize 1, max(1, ⌊3 / 2⌋)) = 1). Zone a has two
    // instances, b one: zone a first, although instance 1 in b is the closest to its next
    // billing hour overall (3540 s into it). In a, instance 0 is 0 s into its second hour and
    // instance 2 is 3240 s into its first: instance 2 goes, the younger one — not the oldest.
    sim.run_until(3_600_000);
    let id: Vec<String> = sim
        .instances
        .iter()
        .map(|i| i.ec2_instance_id.clone())
        .collect();
    let line = format!(
        "Auto Scaling group of asg scaled in to 2 instances (CapacityProviderReservation 0 < target 100 for 15 datapoints): terminating {}.",
        id[2]
    );
    assert!(log_contains(&sim, &line), "{}", log_text(&sim));
    // 3660 s: zones balanced (one each). Instance 0 is 60 s into its second hour, instance 1
    // 0 s into its second (launched 3600 s ago): instance 0 goes.
    sim.run_until(3_660_000);
    let line = format!(
        "Auto Scaling group of asg scaled in to 1 instances (CapacityProviderReservation 0 < target 100 for 15 datapoints): terminating {}.",
        id[0]
    );
    assert!(log_contains(&sim, &line), "{}", log_text(&sim));
    let status: Vec<InstanceStatus> = sim.instances.iter().map(|i| i.status).collect();
    assert_eq!(
        status,
        vec![
            InstanceStatus::Terminated,
            InstanceStatus::Active,
            InstanceStatus::Terminated
        ]
    );
    // minSize 1: no further step.
    sim.run_until(3_720_000);
    assert_eq!(log_count(&sim, "scaled in"), 2);
}

#[test]
fn managed_scaling_instance_warmup_period_blocks_the_second_scale_out_step_dg_cluster_auto_scaling()
{
    // DG cluster-auto-scaling: "If any instance is within the instanceWarmupPeriod, Amazon ECS
    // blocks the scale-out operation until the instanceWarmupPeriod expires"; "the second
    // scale-out step waits until the instanceWarmupPeriod time expires". maximumScalingStepSize
    // 1: at 60 s the group goes 1 → 2 (the new instance is launched at 60 s). The 3rd waiting
    // task still needs an instance (CapacityProviderReservation 150), but the second step waits
    // for the default 300 s warm-up: 60 + 300 = 360 s, the first minute tick not before it.
    let text = golden_text("managed_scaling")
        .replace(
            "\"managedScaling\": { \"status\": \"ENABLED\", \"targetCapacity\": 100 }",
            "\"managedScaling\": { \"status\": \"ENABLED\", \"targetCapacity\": 100, \"maximumScalingStepSize\": 1 }",
        )
        .replace("\"at\": 300,", "\"at\": 3000,");
    let mut sim = load_text(&text);
    sim.run_until(60_000);
    assert!(
        log_contains(&sim, "scaled out to 2 instances"),
        "{}",
        log_text(&sim)
    );
    sim.run_until(359_000);
    assert_eq!(
        log_count(&sim, "scaled out to 3 instances"),
        0,
        "{}",
        log_text(&sim)
    );
    sim.run_until(360_000);
    assert!(
        log_contains(
            &sim,
            "scaled out to 3 instances (CapacityProviderReservation 150 > target 100)."
        ),
        "{}",
        log_text(&sim)
    );
}

/// The desired count of service `svc`.
fn desired(sim: &ecs_sim::Sim, svc: &str) -> u32 {
    let s = sim
        .model
        .services
        .iter()
        .position(|x| x.name == svc)
        .unwrap();
    sim.services[s].desired
}

#[test]
fn target_tracking_cpu_50_scales_4_to_8_one_second_after_the_third_datapoint_above_target() {
    // 4 tasks of 1024 units, 380 req/s × 10 ms of CPU: 95 req/s per task against a capacity of
    // 100, so CPUUtilization = 95 (DG service_utilization). AlarmHigh needs 3 of 3 one-minute
    // datapoints above 50 (observed in AWS workshops, not documented): the datapoints at 60,
    // 120 and 180 s. Metrics are recorded at the minute boundary and the policy is evaluated
    // 1 s later, so the scale-out happens at 181 s, not 180 s. New count (DG
    // service-autoscaling-targettracking): ⌈4 × 95 / 50⌉ = ⌈7.6⌉ = 8.
    let mut sim = load("target_tracking_cpu");
    sim.run_until(180_000);
    for at in [60, 120, 180] {
        let cpu = metric_at(&sim, MetricName::CPUUtilization, "web", at).unwrap();
        assert!((cpu - 95.0).abs() < 1e-6, "{at}: {cpu}");
    }
    assert_eq!(
        desired(&sim, "web"),
        4,
        "the datapoint at 180 s is not evaluated yet"
    );
    sim.run_until(180_999);
    assert_eq!(desired(&sim, "web"), 4);
    sim.run_until(181_000);
    assert_eq!(desired(&sim, "web"), 8);
    assert!(log_contains(
        &sim,
        "Message: Successfully set desired count to 8. Change successfully fulfilled by ecs. Cause: monitor alarm TargetTracking-service/default/web-AlarmHigh in state ALARM triggered policy cpu50"
    ));
    // 380 req/s over 8 tasks: 47.5% from the first full minute with 8 tasks on. It stays
    // there: not above 50 (no scale-out) and not below 45 = 90% of the target (no scale-in).
    sim.run_until(900_000);
    for at in (300..=900).step_by(60) {
        let cpu = metric_at(&sim, MetricName::CPUUtilization, "web", at).unwrap();
        assert!((cpu - 47.5).abs() < 1e-6, "{at}: {cpu}");
    }
    assert_eq!(desired(&sim, "web"), 8);
    assert_eq!(service(&sim.snapshot(), "web").running_count, 8);
}

#[test]
fn target_tracking_alb_request_count_per_target_400_scales_4_to_8() {
    // 50 req/s over 4 healthy targets: 3000 requests a minute, RequestCountPerTarget 750. The
    // first minute counts only from 39 s, when the targets pass their first health check (ALB:
    // one passing check), so the 60 s datapoint is 375 — below 400. AlarmHigh then needs the
    // datapoints at 120, 180 and 240 s: scale-out at 241 s to ⌈4 × 750 / 400⌉ = 8.
    let mut sim = load("target_tracking_alb_requests");
    sim.run_until(240_999);
    assert!(close(
        metric_at(&sim, MetricName::RequestCountPerTarget, "web", 60),
        375.0
    ));
    for at in [120, 180, 240] {
        assert!(close(
            metric_at(&sim, MetricName::RequestCountPerTarget, "web", at),
            750.0
        ));
    }
    assert_eq!(desired(&sim, "web"), 4);
    sim.run_until(241_000);
    assert_eq!(desired(&sim, "web"), 8);
    // 3000 / 8 = 375 per target: between 360 (90% of 400) and 400, so it stays at 8.
    sim.run_until(900_000);
    for at in (360..=900).step_by(60) {
        assert!(close(
            metric_at(&sim, MetricName::RequestCountPerTarget, "web", at),
            375.0
        ));
    }
    assert_eq!(desired(&sim, "web"), 8);
}

/// Instances of the scenario's Auto Scaling group that are not terminated.
fn live_instances(sim: &ecs_sim::Sim) -> usize {
    sim.instances
        .iter()
        .filter(|i| i.status != InstanceStatus::Terminated)
        .count()
}

#[test]
fn traffic_spike_scales_the_service_and_the_cluster_out_and_back_in() {
    // 4 tasks of 1024 units on 2 m5.large (2048 units each, full), 160 req/s × 10 ms: 40% CPU.
    // trafficSpike 230% from 300 s for 900 s: 368 req/s, 92% CPU from the 360 s datapoint.
    let mut sim = load("traffic_spike_scaling");
    sim.run_until(480_999);
    assert_eq!(desired(&sim, "web"), 4);
    assert!(close(
        metric_at(&sim, MetricName::CPUUtilization, "web", 300),
        40.0
    ));
    // Target tracking AlarmHigh: 3 of 3 datapoints above 50 (360, 420, 480 s), evaluated 1 s
    // after the minute: 481 s, ⌈4 × 92 / 50⌉ = 8.
    sim.run_until(481_000);
    assert_eq!(desired(&sim, "web"), 8);
    // The 4 new tasks wait for capacity (PROVISIONING).
    sim.run_until(539_999);
    assert_eq!(service(&sim.snapshot(), "web").running_count, 4);
    assert_eq!(live_instances(&sim), 2);
    // DG cluster-auto-scaling: at the next minute M = 2 in use + 2 new (one 2048-unit m5.large
    // holds two 1024-unit tasks) = 4, N = 2 → CapacityProviderReservation 200 > 100: one
    // datapoint above the target (the simulator's choice) scales the group to 4.
    sim.run_until(540_000);
    assert!(log_contains(
        &sim,
        "Auto Scaling group of asg scaled out to 4 instances (CapacityProviderReservation 200 > target 100)."
    ));
    assert_eq!(live_instances(&sim), 4);
    sim.run_until(700_000);
    assert_eq!(service(&sim.snapshot(), "web").running_count, 8);
    // 368 / 8 = 46 req/s per task: 46% — not above 50, not below 45. Stays at 8.
    assert!(close(
        metric_at(&sim, MetricName::CPUUtilization, "web", 660),
        46.0
    ));
    // The spike ends at 1200 s: 160 / 8 = 20% from the 1260 s datapoint. AlarmLow: 15 of 15
    // datapoints below 45 (1260 … 2100 s, observed, not documented) → at 2101 s,
    // ⌈8 × 20 / 50⌉ = 4.
    sim.run_until(2_100_999);
    assert_eq!(desired(&sim, "web"), 8);
    sim.run_until(2_101_000);
    assert_eq!(desired(&sim, "web"), 4);
    // 4 tasks at 40% (below 45, but ⌈4 × 40 / 50⌉ = 4): no further change, and never below
    // minCapacity 2.
    // Cluster: binpack scale-in stops each task from the instance left with the most free
    // CPU after it stops (DG task-placement-strategies), so the 4 stopped tasks empty two
    // instances: M = 2, N = 4, CapacityProviderReservation 50 from the 2160 s datapoint.
    // After 15 datapoints below the target (2160 … 3000 s) both empty instances are
    // terminated (DG cluster-auto-scaling: scale-in removes instances with no running tasks;
    // managed termination protection keeps the busy ones).
    sim.run_until(2_999_999);
    assert_eq!(live_instances(&sim), 4);
    assert!(close(
        sim.metrics
            .series(
                MetricName::CapacityProviderReservation,
                &Dimension::CapacityProvider("asg".into())
            )
            .last()
            .map(|d| d.value),
        50.0
    ));
    sim.run_until(3_000_000);
    assert_eq!(live_instances(&sim), 2);
    sim.run_until(3_120_000);
    assert_eq!(desired(&sim, "web"), 4);
    assert_eq!(service(&sim.snapshot(), "web").running_count, 4);
}

#[test]
fn canary_green_tasks_register_in_the_alternate_target_group_and_get_10_percent_of_requests() {
    // DG blue-green-deployment: green tasks are registered with the alternate target group
    // (advancedConfiguration.alternateTargetGroupArn); the production listener rule then
    // splits requests by the deployment's weights: 10% for the 5-minute canary, then 100%.
    let mut sim = load("canary_alb_traffic");
    sim.run_until(200_000);
    let group = |name: &str| {
        sim.model
            .target_groups
            .iter()
            .position(|g| g.name == name)
            .unwrap()
    };
    let (blue_g, green_g) = (group("web-blue"), group("web-green"));
    let active: Vec<usize> = sim
        .tasks
        .ids()
        .filter(|&t| sim.tasks[t].is_active())
        .collect();
    let green: Vec<usize> = active
        .iter()
        .copied()
        .filter(|&t| sim.tasks[t].created_at >= 60_000)
        .collect();
    assert_eq!(green.len(), 4);
    for &t in &active {
        let want = if green.contains(&t) { green_g } else { blue_g };
        assert_eq!(sim.tasks[t].target_group, Some(want));
    }
    // Requests per second each task was offered in the last 10 s sample.
    let offered = |sim: &ecs_sim::Sim, ts: &[usize]| -> f64 {
        ts.iter()
            .filter_map(|t| sim.traffic.task_load.get(t))
            .map(|l| l.offered_per_second)
            .sum()
    };
    let total = offered(&sim, &active);
    let share = offered(&sim, &green) / total;
    assert!((total - 100.0).abs() < 1e-6, "{total}");
    assert!((share - 0.10).abs() < 1e-6, "{share}");
    // ELB RequestCount by target group: the minutes wholly inside the canary (green 10% from
    // 99 s to 399 s) show 600 of 6,000 requests on web-green.
    let by_group = |sim: &ecs_sim::Sim, g: usize, at_s: u64| {
        sim.metrics
            .series(MetricName::RequestCount, &Dimension::TargetGroup(g))
            .iter()
            .find(|d| d.at == at_s * 1000)
            .map(|d| d.value)
    };
    // After the canary bake time (green healthy at 99 s + 300 s), green has all of it.
    sim.run_until(420_000);
    for at in [180, 240, 300, 360] {
        assert!(close(by_group(&sim, green_g, at), 600.0), "{at}");
        assert!(close(by_group(&sim, blue_g, at), 5400.0), "{at}");
    }
    let share = offered(&sim, &green) / offered(&sim, &active);
    assert!((share - 1.0).abs() < 1e-6, "{share}");
    sim.run_until(480_000);
    assert!(close(by_group(&sim, green_g, 480), 6000.0));
    assert!(close(by_group(&sim, blue_g, 480), 0.0));
}

#[test]
fn spot_interruption_behind_a_load_balancer_drains_at_the_warning_and_gets_sigterm_at_once() {
    // DG fargate-capacity-providers: the two-minute warning comes with SIGTERM; AWS Knowledge
    // Center fargate-spot-termination-notice: the task has two minutes to leave its target
    // group. So the target starts draining at the warning (120 s) and the task does not wait
    // the 300 s deregistration delay: DEACTIVATING 1 s, SIGTERM at 121 s, ignored, SIGKILL
    // after stopTimeout 90 s, ENI detach 5 s → STOPPED at 216 s, as without a load balancer.
    let text = golden_text("spot_interruption")
        .replace(
            r#""essential": true,"#,
            r#""essential": true, "portMappings": [{ "containerPort": 80 }],"#,
        )
        .replace(
            r#""networkConfiguration""#,
            r#""loadBalancers": [{ "targetGroupArn": "web-tg", "containerName": "web", "containerPort": 80 }],
      "networkConfiguration""#,
        )
        .replacen(
            r#""subnets": ["#,
            r#""targetGroups": [{ "targetGroupName": "web-tg" }],
  "subnets": ["#,
            1,
        );
    let mut sim = load_text(&text);
    sim.run_until(120_000);
    let t = sim
        .tasks
        .ids()
        .find(|&t| sim.tasks[t].stop_code == Some(StopCode::SpotInterruption))
        .expect("one task interrupted");
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Deactivating);
    assert_eq!(
        sim.tasks[t].target.as_ref().map(|x| x.state),
        Some(ecs_sim::elb::TargetHealthState::Draining)
    );
    assert!(log_contains(
        &sim,
        "(service web) deregistered 1 targets in"
    ));
    assert!(!sim.routable_targets(0).iter().any(|&(x, _)| x == t));
    sim.run_until(121_000);
    assert_eq!(sim.tasks[t].last_status, TaskStatus::Stopping);
    sim.run_until(240_000);
    assert_eq!(sim.tasks[t].stopped_at, Some(216_000));
    assert_eq!(service(&sim.snapshot(), "web").running_count, 4);
}

#[test]
fn scale_in_waits_for_a_canary_deployment_to_finish_dg_service_auto_scaling() {
    // DG service-auto-scaling: Application Auto Scaling turns off scale-in while a deployment
    // is in progress (scale-out goes on). canary_alb_traffic with a target tracking policy at
    // 80% CPU: 100 req/s × 5 ms on 256-unit tasks (50 req/s each) is 25% CPU over blue + green
    // (8 tasks), so AlarmLow (below 72) is in alarm from the 15th datapoint, 900 s. CLEAN_UP
    // at 1000 s deregisters blue, which drains 300 s: blue is STOPPED at 1301 s and the
    // deployment completes at 1302 s. Only then does the service scale in, at the first
    // evaluation after it: 1321 s, ⌈4 × 50 / 80⌉ = 3 (4 green tasks at 50% by then).
    let text = golden_text("canary_alb_traffic").replacen(
        r#""timeline""#,
        r#""scalableTargets": [{ "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "minCapacity": 1, "maxCapacity": 10 }],
  "scalingPolicies": [{ "policyName": "cpu80", "serviceNamespace": "ecs",
    "resourceId": "service/default/web", "scalableDimension": "ecs:service:DesiredCount",
    "policyType": "TargetTrackingScaling",
    "targetTrackingScalingPolicyConfiguration": { "targetValue": 80,
      "predefinedMetricSpecification": { "predefinedMetricType": "ECSServiceAverageCPUUtilization" } } }],
  "timeline""#,
        1,
    );
    let mut sim = load_text(&text);
    sim.run_until(1_301_999);
    assert!(sim.deployment_in_progress(0));
    assert_eq!(desired(&sim, "web"), 4);
    sim.run_until(1_302_000);
    assert!(!sim.deployment_in_progress(0));
    sim.run_until(1_320_999);
    assert_eq!(desired(&sim, "web"), 4);
    sim.run_until(1_321_000);
    let acts = &sim.autoscaling.services[&0].activities;
    assert_eq!(acts.len(), 1, "{acts:?}");
    assert_eq!((acts[0].at, acts[0].from, acts[0].to), (1_321_000, 4, 3));
}

#[test]
fn routable_targets_split_canary_10_percent_by_the_deployment_weights() {
    // canary_10_percent (no load balancer): during the canary (108 s … 408 s) the routable
    // tasks' weights give green 10% and blue 90% of the requests, whatever the task counts.
    let mut sim = load("canary_10_percent");
    sim.run_until(200_000);
    let targets = sim.routable_targets(0);
    assert_eq!(targets.len(), 8);
    let total: u64 = targets.iter().map(|&(_, w)| u64::from(w)).sum();
    let green: u64 = targets
        .iter()
        .filter(|&&(t, _)| sim.tasks[t].created_at >= 60_000)
        .map(|&(_, w)| u64::from(w))
        .sum();
    assert_eq!((green * 100).div_ceil(total), 10, "{green} of {total}");
    sim.run_until(500_000);
    let targets = sim.routable_targets(0);
    let blue: u64 = targets
        .iter()
        .filter(|&&(t, _)| sim.tasks[t].created_at < 60_000)
        .map(|&(_, w)| u64::from(w))
        .sum();
    assert_eq!(blue, 0, "after the canary blue gets nothing");
}

/// The one-minute series `name` of capacity provider `provider`, values only.
fn provider_series(sim: &ecs_sim::Sim, name: MetricName, provider: &str) -> Vec<f64> {
    sim.metrics
        .series(name, &Dimension::CapacityProvider(provider.into()))
        .iter()
        .map(|d| d.value)
        .collect()
}

/// Checks a golden scenario in which 4 tasks of `svc` wait on a managed-scaling group of 1
/// instance because each needs an instance of its own (a host port, a GPU). Worked out from the
/// documented defaults (DG managed-scaling-behavior, API ManagedScaling):
/// - At 0 s one task is placed on the one instance; 3 wait in PROVISIONING (pending).
/// - The first one-minute CapacityProviderReservation datapoint is at 60 s: M = 1 instance in
///   use + 3 new (one task per new instance) = 4, N = 1 → 400.
/// - SCALE_OUT_DATAPOINTS = 1, so the group scales out at 60 s to ⌈4 × 100 / 100⌉ = 4: a step
///   of 3, inside minimumScalingStepSize 1 … maximumScalingStepSize 10000 and maxSize 6. The
///   instance the scenario starts with counts as warm, so no instanceWarmupPeriod blocks it.
/// - The 3 new instances boot for 60 s (bootSeconds default) and register at 120 s; each takes
///   one waiting task, so 4 tasks run on 4 instances by 180 s.
/// - The 120 s tick comes before they register: M = 1 + 3 still waiting = 4, N = 4 → 100; from
///   180 s M = 4, N = 4 → 100. No second step. With CPU and memory alone the 3 waiting tasks
///   fit one instance: M = 2 → 1 → 2 at 60 s, then each further step after the 300 s
///   instanceWarmupPeriod of the last launch (2 → 3 at 360 s, 3 → 4 at 660 s); by 720 s there
///   is still exactly one scale-out.
fn scales_out_to_four_in_one_step(scenario: &str, provider: &str, svc: &str) -> ecs_sim::Sim {
    let mut sim = load(scenario);
    sim.run_until(59_999);
    assert_eq!(service(&sim.snapshot(), svc).running_count, 1);
    assert_eq!(service(&sim.snapshot(), svc).pending_count, 3);
    assert_eq!(log_count(&sim, "scaled out"), 0);
    sim.run_until(60_000);
    let line = format!(
        "Auto Scaling group of {provider} scaled out to 4 instances (CapacityProviderReservation 400 > target 100)."
    );
    assert!(log_contains(&sim, &line), "{}", log_text(&sim));
    assert_eq!(live_instances(&sim), 4);
    sim.run_until(180_000);
    let snap = sim.snapshot();
    assert_eq!(service(&snap, svc).running_count, 4);
    assert_eq!(
        sorted_counts(&service(&snap, svc).by_instance),
        vec![1, 1, 1, 1]
    );
    sim.run_until(720_000);
    assert_eq!(log_count(&sim, "scaled out"), 1, "{}", log_text(&sim));
    // Datapoints at 60, 120, …, 720 s, each recorded before that minute's step.
    let counts = provider_series(&sim, MetricName::InstanceCount, provider);
    assert_eq!(counts.len(), 12);
    assert_eq!(counts[0], 1.0);
    assert!(counts[1..].iter().all(|&c| c == 4.0), "{counts:?}");
    let cpr = provider_series(&sim, MetricName::CapacityProviderReservation, provider);
    assert_eq!(cpr[0], 400.0);
    assert!(cpr[1..].iter().all(|&c| c == 100.0), "{cpr:?}");
    sim
}

#[test]
fn managed_scaling_binpack_counts_ports_host_port_80_fits_once_per_instance_so_1_to_4_in_one_step()
{
    // DG managed-scaling-behavior, "Managed scale-out behavior": the binpack "accounts for the
    // vCPU, memory, elastic network interfaces (ENI), ports, and GPUs requirements of the
    // tasks". Bridge tasks of 256 units / 512 MiB with hostPort 80: by CPU and memory all four
    // fit one m5.large (2048 units), but port 80 binds once per instance.
    let sim = scales_out_to_four_in_one_step("managed_scaling_binpack_host_port_80", "asg", "web");
    for t in tasks_of(&sim.snapshot(), "web") {
        assert_eq!(t.host_ports, vec!["80/tcp".to_string()]);
    }
}

#[test]
fn managed_scaling_binpack_counts_gpus_one_gpu_tasks_on_g4dn_xlarge_so_1_to_4_in_one_step() {
    // DG managed-scaling-behavior: the binpack accounts for GPUs. g4dn.xlarge has 4 vCPUs
    // (4096 units), 16 GiB and 1 GPU: four tasks of 1024 units / 2048 MiB fit one by CPU and
    // memory, but each asks for the instance's one GPU.
    let sim = scales_out_to_four_in_one_step("managed_scaling_binpack_gpus", "gpu", "inference");
    assert!(sim
        .instances
        .iter()
        .all(|i| i.gpus == 1 && i.gpus_used == 1));
}

#[test]
fn containers_start_in_depends_on_order_and_a_condition_never_met_stops_or_holds_the_task() {
    // API ContainerDependency / ContainerDefinition startTimeout. api: images pulled at 6 s,
    // migrate runs 15 s and exits 0 (SUCCESS), so app starts and the task is RUNNING at 21 s.
    // worker: migrate exits 1 at 6 + 10 = 16 s, so the essential app can never start and the
    // task stops (EssentialContainerExited). reports: db's health check never passes and db has
    // no startTimeout, so the task is still PENDING at 600 s.
    let sim = run("init_containers", 600);
    let snap = sim.snapshot();
    let api = tasks_of(&snap, "api");
    assert_eq!(api.len(), 3);
    assert!(api
        .iter()
        .all(|t| t.last_status == TaskStatus::Running && t.started_at == Some(21_000)));
    let worker = tasks_of(&snap, "worker");
    let stopped: Vec<_> = worker
        .iter()
        .filter(|t| t.last_status == TaskStatus::Stopped)
        .collect();
    assert!(stopped.len() >= 2, "the worker tasks stop");
    assert!(stopped
        .iter()
        .all(|t| t.stop_code == Some(StopCode::EssentialContainerExited)));
    assert!(worker.iter().all(|t| t.started_at.is_none()), "none ran");
    // The first two could not start at 16 s.
    let first_failures: Vec<u64> = sim
        .log()
        .iter()
        .filter(|e| {
            e.text
                .contains("could not start (CannotStartContainerError")
        })
        .map(|e| e.at)
        .take(2)
        .collect();
    assert_eq!(first_failures, [16_000, 16_000]);
    let reports = tasks_of(&snap, "reports");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].last_status, TaskStatus::Pending);
    assert!(log_contains(
        &sim,
        "stays PENDING: container app waits until db passes its health check"
    ));
}
