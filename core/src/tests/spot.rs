//! Fargate Spot interruption rates in whole runs.

use crate::sim::LoadError;
use crate::sim::Sim;

const SPOT: &str = include_str!("../../../tests/golden/spot_interruption.json");

fn with_spot(rate: &str) -> String {
    SPOT.replacen(
        "\"version\": 1,",
        &format!("\"version\": 1, \"fargateSpot\": {{ \"interruptionsPerHour\": {rate} }},"),
        1,
    )
}

#[test]
fn interruptions_per_hour_outside_0_to_60_is_a_problem_at_its_path() {
    match Sim::from_json(&with_spot("61")) {
        Err(LoadError::Invalid(ps)) => {
            assert_eq!(ps.len(), 1);
            assert_eq!(ps[0].path, "fargateSpot.interruptionsPerHour");
        }
        other => panic!("expected a problem, got {:?}", other.map(|_| ())),
    }
    assert!(Sim::from_json(&with_spot("-1")).is_err());
}

#[test]
fn fargate_spot_rate_60_per_hour_interrupts_every_running_spot_task_each_minute() {
    let mut sim = Sim::from_json(&with_spot("60")).expect("loads");
    sim.run_until(59_999);
    let running_spot = sim
        .tasks
        .values()
        .filter(|t| {
            t.launch == crate::task::LaunchKind::FargateSpot
                && t.last_status == crate::task::TaskStatus::Running
        })
        .count();
    // 4 tasks: FARGATE base 1, the other 3 on FARGATE_SPOT, all RUNNING within a minute.
    assert_eq!(running_spot, 3);
    sim.run_until(60_000);
    let interrupted = sim
        .tasks
        .values()
        .filter(|t| t.stop_code == Some(crate::task::StopCode::SpotInterruption))
        .count();
    assert_eq!(interrupted, running_spot);
}

#[test]
fn fargate_spot_rate_0_schedules_nothing_and_keeps_the_trace() {
    let mut a = Sim::from_json(SPOT).expect("loads");
    let mut b = Sim::from_json(&with_spot("0")).expect("loads");
    a.run_until(600_000);
    b.run_until(600_000);
    assert_eq!(a.trace_hash(), b.trace_hash());
}

#[test]
fn a_spot_interruption_with_no_spot_task_says_so_in_plain_words() {
    // Lesson 4 solved with every task on FARGATE: the timeline's interruption at 0:05 finds
    // none. "service worker has no running FARGATE_SPOT task number 0" topped presenter mode's
    // events (instructor walkthrough).
    let lesson = crate::challenge::course::lesson("fargate-spot-base-weight").expect("lesson 4");
    let c = crate::challenge::Challenge::parse(lesson.json).expect("parses");
    let mut doc = c.solution().expect("a solution");
    doc["services"][0]["capacityProviderStrategy"] =
        serde_json::json!([{ "capacityProvider": "FARGATE", "weight": 1 }]);
    let mut sim = Sim::from_json(&doc.to_string()).expect("valid");
    sim.run_until(600_000);
    let skipped: Vec<&str> = sim
        .log()
        .iter()
        .map(|e| e.text.as_str())
        .filter(|t| t.starts_with(crate::sim::commands::TIMELINE_SKIPPED))
        .collect();
    assert!(
        skipped.iter().any(|t| t.ends_with(
            "no task of service worker runs on FARGATE_SPOT, so the Spot interruption has nothing to interrupt"
        )),
        "{skipped:?}"
    );
}
