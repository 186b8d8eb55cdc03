//! The built-in examples load, run with their invariants, and tell the story their
//! descriptions promise.

use crate::scenario::examples::{example, EXAMPLES};
use crate::sim::Sim;

#[test]
fn every_example_is_valid_and_titled() {
    for e in EXAMPLES {
        assert!(
            Sim::from_json(e.json).is_ok(),
            "{}: {:?}",
            e.id,
            Sim::from_json(e.json).err()
        );
        assert_ne!(e.title(), e.id, "{} has a name", e.id);
    }
    assert_eq!(EXAMPLES[0].json, crate::scenario::DEFAULT_SCENARIO_JSON);
}

#[test]
fn every_example_runs_30_minutes_with_invariants_and_a_short_share_link() {
    // Sim::check runs the invariants after every step in test builds (it panics on a
    // violation); check once more at the end, and keep the share link short.
    for e in EXAMPLES {
        let mut sim = Sim::from_json(e.json).unwrap();
        sim.run_until(30 * 60 * 1000);
        assert_eq!(sim.check_invariants(), Ok(()), "{}", e.id);
        let link = crate::scenario::share::encode(e.json);
        assert!(
            link.len() < 2_000,
            "{}: share link {} chars",
            e.id,
            link.len()
        );
    }
}

#[test]
fn step_scaling_example_steps_within_its_cooldown_then_follows_the_scheduled_minimum() {
    // Step scaling: CPU above 60 for 3 of 3 datapoints adds 2 (the 0–20 step); the 300 s
    // cooldown spaces the steps. The scheduled action at 40:00 raises MinCapacity to 14 and
    // the desired count follows (Application Auto Scaling scheduled scaling).
    let e = example("step-scaling-schedule").unwrap();
    let mut sim = Sim::from_json(e.json).unwrap();
    sim.run_until(45 * 60 * 1000);
    let steps: Vec<(u64, String)> = sim
        .log()
        .iter()
        .filter(|l| l.text.contains("Successfully set desired count"))
        .map(|l| (l.at, l.text.clone()))
        .collect();
    assert!(steps.len() >= 2, "{steps:?}");
    assert!(
        steps[0]
            .1
            .contains("set desired count to 6. Change successfully fulfilled by ecs. Cause: monitor alarm cpu-steps-alarm"),
        "{steps:?}"
    );
    for w in steps.windows(2).filter(|w| w[1].0 < 40 * 60 * 1000) {
        assert!(w[1].0 - w[0].0 >= 300_000, "cooldown: {steps:?}");
    }
    let last = steps.last().unwrap();
    assert_eq!(last.0, 40 * 60 * 1000);
    assert!(
        last.1.ends_with(
            "to 14. Change successfully fulfilled by ecs. Cause: minimum capacity was set to 14"
        ),
        "{steps:?}"
    );
    assert_eq!(sim.services[0].desired, 14);
}

#[test]
fn deployment_and_scaling_examples_show_what_they_say() {
    let run = |id: &str, secs: u64| {
        let e = example(id).unwrap();
        let mut sim = Sim::from_json(e.json).unwrap();
        sim.run_until(secs * 1000);
        sim
    };
    let logged = |sim: &Sim, text: &str| sim.log().iter().any(|e| e.text.contains(text));
    // Circuit breaker threshold min(200, max(3, ⌈0.5 × 4⌉)) = 3: fails and rolls back.
    let sim = run("rolling-circuit-breaker", 300);
    assert!(logged(&sim, "deployment failed: tasks failed to start."));
    assert!(logged(&sim, "rolling back to deployment"));
    // Canary and CodeDeploy linear both finish within the 30 minutes, green at 100%.
    for id in ["canary", "blue-green-codedeploy"] {
        let sim = run(id, 1800);
        assert!(logged(&sim, "deployment completed."), "{id}");
        assert_eq!(sim.services[0].desired, 4);
    }
    // Target tracking: 4 → 8 on the spike, back to 4 after 15 low datapoints; the
    // cluster grew from 2 to 4 instances.
    let sim = run("target-tracking-spike", 1800);
    let acts: Vec<(u64, u32, u32)> = sim.autoscaling.services[&0]
        .activities
        .iter()
        .map(|a| (a.at, a.from, a.to))
        .collect();
    assert_eq!(acts, vec![(421_000, 4, 8), (1_741_000, 8, 4)]);
    assert!(logged(&sim, "scaled out to 4 instances"));
    // FARGATE base 2 weight 1 + FARGATE_SPOT weight 3, 10 tasks → 4 + 6; Spot tasks are
    // interrupted, the FARGATE ones never.
    let sim = run("fargate-spot-interruptions", 1800);
    assert!(logged(&sim, "stopCode SpotInterruption"));
    let s = sim.snapshot();
    assert_eq!(s.services[0].by_capacity_provider.get("FARGATE"), Some(&4));
    // Cloud Map DNS loses calls to the stopped task until the TTL runs out; Service
    // Connect loses none.
    let sim = run("cloud-map-vs-service-connect", 300);
    let errors = |svc: usize| -> f64 {
        sim.metrics
            .series(
                crate::metrics::MetricName::ClientErrorCount,
                &crate::metrics::Dimension::Service(svc),
            )
            .iter()
            .map(|d| d.value)
            .sum()
    };
    assert!(errors(0) > 0.0);
    assert_eq!(errors(1), 0.0);
}

#[test]
fn examples_show_what_they_say() {
    let run = |id: &str, secs: u64| {
        let e = example(id).unwrap();
        let mut sim = Sim::from_json(e.json).unwrap();
        sim.run_until(secs * 1000);
        sim
    };
    // Host mode, port 80: 3 of 5 run (one per instance).
    let s = run("host-ports", 60).snapshot();
    assert_eq!(
        (s.services[0].running_count, s.services[0].unplaced_count),
        (3, 2)
    );
    // c5.large without trunking: 2 awsvpc tasks per instance, 4 of 6 run.
    let s = run("awsvpc-eni-limits", 60).snapshot();
    assert_eq!(
        (s.services[0].running_count, s.services[0].unplaced_count),
        (4, 2)
    );
    // FARGATE base 2 weight 1 + FARGATE_SPOT weight 3 → 4 + 6.
    let s = run("fargate-spot-strategy", 120).snapshot();
    assert_eq!(s.services[0].by_capacity_provider.get("FARGATE"), Some(&4));
    assert_eq!(
        s.services[0].by_capacity_provider.get("FARGATE_SPOT"),
        Some(&6)
    );
    // The image that cannot be pulled ends up throttled.
    let sim = run("bad-release", 600);
    assert!(sim.log().iter().any(
        |e| e.text == "(service payments) is unable to consistently start tasks successfully."
    ));
    // After the outage the service is back at 6 outside us-east-1a.
    let s = run("zone-outage", 300).snapshot();
    assert_eq!(s.services[0].running_count, 6);
    assert_eq!(s.services[0].by_zone.get("us-east-1a"), None);
}

#[test]
fn alb_health_rollback_example_rolls_back_when_the_targets_fail() {
    // The description: web:2's targets are unhealthy at 3:09 (registered 2:09 + 2 checks × 30 s),
    // replaced at once, and the circuit breaker fails the deployment and rolls back at 3:10.
    let e = example("alb-health-rollback").unwrap();
    let mut sim = Sim::from_json(e.json).unwrap();
    sim.run_until(900_000);
    let at = |needle: &str| {
        sim.log()
            .iter()
            .find(|l| l.text.contains(needle))
            .map(|l| l.at / 1000)
    };
    assert_eq!(at("failed ELB health checks in"), Some(189));
    assert_eq!(at("deployment failed"), Some(190));
    assert_eq!(at("rolling back to deployment"), Some(190));
}
