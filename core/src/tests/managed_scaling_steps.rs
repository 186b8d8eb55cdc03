//! Managed scaling's step sizes in whole runs (API ManagedScaling): a scale-out is at least
//! `minimumScalingStepSize` and at most `maximumScalingStepSize` instances.

use crate::sim::{LoadError, Sim};

/// One m5.large (maxSize 20) and six tasks of 1 vCPU that need three more instances.
fn scenario(steps: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 1,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{
    "autoScalingGroup": {{"instanceType": "m5.large", "minSize": 1, "maxSize": 20, "desiredCapacity": 1,
      "subnets": ["subnet-a"]}},
    "managedScaling": {{"status": "ENABLED", "targetCapacity": 100{steps}}}}}}}],
  "taskDefinitions": [{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "example/web:1",
    "cpu": 1024, "memory": 3072, "essential": true}}]}}],
  "services": [{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 6,
    "capacityProviderStrategy": [{{"capacityProvider": "asg", "weight": 1}}]}}]
}}"#
    )
}

#[test]
fn a_minimum_step_above_the_maximum_is_refused_at_load_not_a_crash_at_scale_out() {
    // Found by a fidelity walkthrough: 5 above 2 passed validation and aborted the run at the
    // first scale-out (`u32::clamp` with min > max).
    let text = scenario(r#", "minimumScalingStepSize": 5, "maximumScalingStepSize": 2"#);
    match Sim::from_json(&text) {
        Err(LoadError::Invalid(ps)) => {
            let at: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(
                at,
                vec!["capacityProviders[0].autoScalingGroupProvider.managedScaling.minimumScalingStepSize"]
            );
            assert!(ps[0].message.contains("above maximumScalingStepSize 2"));
        }
        other => panic!("expected a problem, got {:?}", other.map(|_| ())),
    }
    // Only a minimum above the default maximum (10,000) is out of range on its own.
    let ok = scenario(r#", "minimumScalingStepSize": 5"#);
    let mut sim = Sim::from_json(&ok).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(600_000);
    let instances = sim.instances.iter().filter(|i| i.is_alive()).count();
    assert!(
        instances >= 6,
        "scaled out by at least the minimum step: {instances}"
    );
}

/// An empty m5.large group (maxSize 10) and `tasks` tasks of 1 vCPU (two fit an instance).
fn from_zero(tasks: u32, target: u32) -> Sim {
    let text = format!(
        r#"{{
  "version": 1, "seed": 1,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{
    "autoScalingGroup": {{"instanceType": "m5.large", "minSize": 0, "maxSize": 10, "desiredCapacity": 0,
      "subnets": ["subnet-a"]}},
    "managedScaling": {{"status": "ENABLED", "targetCapacity": {target}}}}}}}],
  "taskDefinitions": [{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "example/web:1",
    "cpu": 1024, "memory": 3072, "essential": true}}]}}],
  "services": [{{"serviceName": "web", "taskDefinition": "web", "desiredCount": {tasks},
    "capacityProviderStrategy": [{{"capacityProvider": "asg", "weight": 1}}]}}]
}}"#
    );
    Sim::from_json(&text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The group's size after each managed scale-out: the log's "scaled out to N instances".
fn scale_outs(sim: &Sim) -> Vec<(u64, String)> {
    sim.log()
        .iter()
        .filter(|e| e.text.contains("scaled out to"))
        .map(|e| {
            let n = e
                .text
                .split("scaled out to ")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .unwrap_or_default()
                .to_string();
            (e.at, n)
        })
        .collect()
}

#[test]
fn from_zero_instances_the_first_scale_out_is_to_two_and_the_next_waits_for_the_warm_up() {
    // DG managed-scaling-behavior: with no running container instances ECS "always scales-out to
    // two instances initially ... Any additional scale-out waits for the instance warmup
    // period" (300 s by default). Five tasks need three instances: 2 at the first datapoint
    // (60 s), 3 after the warm-up. Until the 27th session it went straight to 3.
    let mut sim = from_zero(5, 100);
    sim.run_until(900_000);
    let outs = scale_outs(&sim);
    assert_eq!(outs.first(), Some(&(60_000, "2".to_string())), "{outs:?}");
    assert_eq!(outs.get(1).map(|o| o.1.as_str()), Some("3"), "{outs:?}");
    assert!(outs[1].0 >= 360_000, "the second step waits: {outs:?}");
    let running = sim
        .tasks
        .iter()
        .filter(|(_, t)| t.last_status == crate::task::TaskStatus::Running)
        .count();
    assert_eq!(running, 5);
}

#[test]
fn an_empty_group_with_a_target_below_100_launches_nothing() {
    // No tasks: CapacityProviderReservation is 100 with M = N = 0, above a target of 80, but the
    // instances wanted are ⌈0 × 100 / 80⌉ = 0. It launched one at 1:00, dropped it at 16:00 and
    // did so again every 16 minutes (capacity probe, 2026-12-06).
    let mut sim = from_zero(0, 80);
    sim.run_until(3_600_000);
    assert_eq!(scale_outs(&sim), vec![]);
    assert_eq!(sim.instances.iter().filter(|i| i.is_alive()).count(), 0);
}
