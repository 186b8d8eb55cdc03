#![cfg(not(target_arch = "wasm32"))]
//! Golden scenarios: each file in `golden/` is run to a fixed virtual time and the snapshot is
//! checked against numbers worked out from the ECS rule the scenario illustrates (see
//! `/work/shared/ecs-reference.md`), never copied from the engine's output.

use ecs_playground_tests::{
    golden_text, load, load_text, log_contains, log_count, log_text, run, service, sorted_counts,
    tasks_of, GOLDEN_SCENARIOS,
};
use ecs_sim::cluster::InstanceStatus;
use ecs_sim::service::{HealthStatus, StopCode, TaskStatus};
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
    // once per instance, so desired 5 on 3 instances → 3 RUNNING and 2 waiting.
    let sim = run("host_port_80", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(web.running_count, 3);
    assert_eq!(web.waiting_count, 2);
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
    // awsvpc tasks fit. Desired 5 on 2 instances → 2 + 2, 1 waiting.
    let sim = run("awsvpc_c5_large_no_trunking", 60);
    let snap = sim.snapshot();
    let api = service(&snap, "api");
    assert_eq!(sorted_counts(&api.by_instance), vec![2, 2]);
    assert_eq!(api.running_count, 4);
    assert_eq!(api.waiting_count, 1);
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
    assert_eq!(api.waiting_count, 0);
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
    assert_eq!(big.waiting_count, 1);
    assert_eq!(snap.instances[0].memory, M5_LARGE_REGISTERED_MIB);
    assert_eq!(snap.instances[0].memory_used, 6000);
    assert!(
        log_contains(&sim, "has insufficient memory available"),
        "{}",
        log_text(&sim)
    );
    let waiting: Vec<_> = tasks_of(&snap, "big")
        .into_iter()
        .filter_map(|t| t.waiting_reason.clone())
        .collect();
    assert_eq!(waiting.len(), 1);
    assert!(waiting[0].contains("memory"), "{waiting:?}");
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
fn distinct_instance_never_puts_two_tasks_of_the_group_on_one_instance() {
    // DG task-placement-constraints: distinctInstance is binding, even against binpack, which
    // would otherwise stack every task on one instance. 5 tasks, 3 instances → 3 placed.
    let sim = run("distinct_instance", 60);
    let snap = sim.snapshot();
    let web = service(&snap, "web");
    assert_eq!(sorted_counts(&web.by_instance), vec![1, 1, 1]);
    assert_eq!(web.running_count, 3);
    assert_eq!(web.waiting_count, 2);
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
    let tasks: Vec<_> = sim.tasks.iter().filter(|t| t.service == Some(0)).collect();
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
    let tasks: Vec<_> = sim.tasks.iter().filter(|t| t.service == Some(0)).collect();
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

    sim.run_until(35_000);
    let first = sim.task_view(0);
    assert_eq!(first.health, HealthStatus::Unhealthy);
    assert_eq!(first.desired_status, "STOPPED");
    assert_eq!(
        first.stopped_reason.as_deref(),
        Some("Task failed container health checks")
    );
    assert!(log_contains(&sim, "failed container health checks"));

    // Each task lives 5 s + 30 s, so by 120 s at least 3 have been started.
    sim.run_until(120_000);
    let n = sim.tasks.iter().filter(|t| t.service == Some(0)).count();
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
        let live = web.running_count + web.pending_count + web.waiting_count;
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
            web.running_count + web.pending_count + web.waiting_count,
            1,
            "at {second} s: {web:?}"
        );
        assert_eq!(web.running_count, 1, "at {second} s");
    }
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
    sim.run_until(1_260_000);
    assert!(
        log_contains(
            &sim,
            "Auto Scaling group of asg scaled in to 1 instances (CapacityProviderReservation 33.3 < target 100 for 15 datapoints)"
        ),
        "{}",
        log_text(&sim)
    );
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
    assert_eq!(counts.len(), 21);
    assert_eq!(counts[0], 1.0);
    assert_eq!(counts[1], 3.0);
    assert_eq!(counts[20], 1.0);
}

#[test]
fn managed_scaling_scales_from_zero_instances() {
    // DG cluster-auto-scaling: N = 0 and M > 0 → CapacityProviderReservation 200, so a group
    // with no instances scales out. One waiting task needs one instance.
    let text = golden_text("managed_scaling")
        .replace("\"minSize\": 1", "\"minSize\": 0")
        .replace("\"desiredCapacity\": 1", "\"desiredCapacity\": 0")
        .replace("\"desiredCount\": 5", "\"desiredCount\": 1");
    let mut sim = load_text(&text);
    sim.run_until(60_000);
    assert!(
        log_contains(
            &sim,
            "scaled out to 1 instances (CapacityProviderReservation 200 > target 100)."
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
    let interrupted = (0..sim.tasks.len())
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
        .iter()
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
fn managed_scaling_without_termination_protection_terminates_by_zone_then_age() {
    // Same run with managedTerminationProtection DISABLED. The three instances are one per
    // zone; the simulator's stand-in for the group's default termination policy takes the
    // oldest first (instance 0, launched at 0 s), then the lower index of the two launched at
    // 60 s — whatever tasks they run.
    let text = golden_text("managed_scaling").replace(
        "\"managedTerminationProtection\": \"ENABLED\"",
        "\"managedTerminationProtection\": \"DISABLED\"",
    );
    let mut sim = load_text(&text);
    sim.run_until(1_260_000);
    let terminated: Vec<usize> = sim
        .snapshot()
        .instances
        .iter()
        .filter(|i| i.status == InstanceStatus::Terminated)
        .map(|i| i.index)
        .collect();
    assert_eq!(terminated, vec![0, 1], "{}", log_text(&sim));
}
