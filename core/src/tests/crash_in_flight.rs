//! A task whose application crashes loses the requests it had in flight: the target closed
//! their connections, and the load balancer answers each with a 502 (AWS Knowledge Center,
//! *How do I troubleshoot Application Load Balancer HTTP 502 errors?*), counted in
//! `HTTPCode_ELB_5XX_Count`. A deregistration delay does not save them: the application is
//! gone. Until 2026-12-07 the engine counted none (the group's 60 s delay "covered" them).

use crate::sim::Sim;
use crate::task::StopCode;

/// The canary example's web service, steady from the start, 100 requests per second from the
/// internet behind a target group with a 60 s deregistration delay; its image exits 290 s
/// after it starts when `crash`.
fn web(crash: bool) -> Sim {
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../scenario/examples/canary.json")).expect("json");
    doc["startSteady"] = true.into();
    doc["timeline"] = serde_json::json!([]);
    if crash {
        doc["images"] = serde_json::json!({
            "example/web:1": { "crashAfterSeconds": 290, "exitCode": 1 }
        });
    }
    Sim::from_json(&doc.to_string()).expect("valid")
}

/// The requests the load balancer answered with an error of its own in the current period,
/// less those it refused for want of a target (a 503, counted apart).
fn elb_errors_not_refusals(sim: &Sim) -> f64 {
    let period = sim.traffic.period.get(&0).map_or(0.0, |p| p.elb_5xx);
    period
        - sim
            .traffic
            .refused_no_target
            .get(&0)
            .copied()
            .unwrap_or(0.0)
}

#[test]
fn a_crashed_tasks_requests_in_flight_are_502s_from_the_load_balancer() {
    let mut sim = web(true);
    sim.run_until(289_999);
    // By Little's law, each task had its answered rate × its response time in flight.
    let in_flight: f64 = sim
        .traffic
        .task_load
        .values()
        .map(|l| l.ok_per_second * l.response_millis / 1000.0)
        .sum();
    assert!(
        in_flight > 0.0,
        "no requests in flight: {:?}",
        sim.traffic.task_load
    );
    let before = elb_errors_not_refusals(&sim);
    sim.run_until(290_000);
    let crashed = sim
        .tasks
        .values()
        .filter(|t| t.stop_code == Some(StopCode::EssentialContainerExited))
        .count();
    assert_eq!(crashed, 4, "every task's application exited at 290 s");
    let cut = elb_errors_not_refusals(&sim) - before;
    assert!(
        (cut - in_flight).abs() < 1e-9,
        "cut {cut}, in flight {in_flight}"
    );

    // The same service without the crash: no such errors in that period.
    let mut calm = web(false);
    calm.run_until(290_000);
    assert_eq!(elb_errors_not_refusals(&calm), 0.0);
}
