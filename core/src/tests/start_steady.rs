//! `startSteady`: services begin RUNNING and healthy at time 0, as existing production services
//! would, instead of from a cold start.

use crate::metrics::{Dimension, MetricName};
use crate::sim::Sim;
use crate::task::TaskStatus;

fn with_start_steady(json: &str, on: bool) -> Sim {
    let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
    if on {
        doc["startSteady"] = true.into();
    }
    Sim::from_json(&doc.to_string()).unwrap()
}

#[test]
fn start_steady_services_run_their_desired_count_just_after_time_0() {
    let mut sim = with_start_steady(crate::scenario::DEFAULT_SCENARIO_JSON, true);
    sim.run_until(1);
    let snap = sim.snapshot();
    assert!(!snap.services.is_empty());
    for s in &snap.services {
        assert_eq!(s.running_count, s.desired_count, "{}", s.name);
        assert_eq!(s.pending_count, 0, "{}", s.name);
    }
    // RUNNING since 0, with no pull or start delay, and nothing about it in the event log.
    for t in sim.tasks.values().filter(|t| t.service.is_some()) {
        assert_eq!(t.last_status, TaskStatus::Running);
        assert_eq!((t.created_at, t.started_at), (0, Some(0)));
    }
    assert!(
        !sim.log().iter().any(|e| e.text.contains("is RUNNING")),
        "{:?}",
        sim.log()
    );
    // Its deployment is COMPLETED from the start (DescribeServices of a steady service).
    for s in &sim.services {
        assert_eq!(
            s.deployments.list[0].rollout_state,
            crate::deployment::RolloutState::Completed
        );
    }
}

#[test]
fn start_steady_behind_a_load_balancer_serves_without_elb_5xx_in_the_first_minute() {
    let canary = include_str!("../scenario/examples/canary.json");
    let five_xx = |sim: &Sim| -> f64 {
        sim.metrics
            .series(MetricName::HTTPCode_ELB_5XX_Count, &Dimension::Service(0))
            .iter()
            .filter(|d| d.at <= 60_000)
            .map(|d| d.value)
            .sum()
    };
    // Cold start: no healthy target until the first health check passes, so the ALB answers
    // 503 for a while.
    let mut cold = with_start_steady(canary, false);
    cold.run_until(60_000);
    assert!(five_xx(&cold) > 0.0, "the cold start has no ELB 5XX burst");
    let mut warm = with_start_steady(canary, true);
    warm.run_until(60_000);
    assert_eq!(five_xx(&warm), 0.0);
    let snap = warm.snapshot();
    assert_eq!(
        snap.services[0].running_count,
        snap.services[0].desired_count
    );
}

#[test]
fn fargate_tasks_started_steady_are_billed_from_time_0_like_cold_started_ones() {
    // Fargate bills from the image pull (PENDING) to the stop; a task started steady has been
    // running since before 0, so its charge runs from 0 — it used to open only at PENDING, which
    // a steady task skips, and the Fargate bill read $0.
    let hour = 3_600_000;
    let mut steady = with_start_steady(crate::scenario::DEFAULT_SCENARIO_JSON, true);
    steady.run_until(hour);
    let mut cold = with_start_steady(crate::scenario::DEFAULT_SCENARIO_JSON, false);
    cold.run_until(hour);
    let fargate = |sim: &Sim| crate::view::report::cost::cost_report(sim).fargate_tasks;
    let (s, c) = (fargate(&steady), fargate(&cold));
    assert!(s.per_hour_nano_usd > 0);
    assert_eq!(s.per_hour_nano_usd, c.per_hour_nano_usd);
    // The cold start's tasks began billing a few seconds later (placement, ENI, pull), so the
    // steady run has paid slightly more for the same hour.
    assert!(s.total_nano_usd > c.total_nano_usd, "{s:?} {c:?}");
    assert!(
        s.total_nano_usd - c.total_nano_usd < c.total_nano_usd / 50,
        "{s:?} {c:?}"
    );
}
