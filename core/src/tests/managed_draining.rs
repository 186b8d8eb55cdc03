//! Managed instance draining in whole runs (DG managed-instance-draining): managed scaling's
//! scale-in drains an instance that still runs a service task before the group terminates it.

use super::log_lines as lines;
use crate::sim::Sim;

/// Four m5.large in two zones, 8 tasks of 1 vCPU; at 5:00 the service scales to 3, and
/// managed scaling (target 100%) scales in one instance at 20:00. On seed 1 the group picks an
/// instance that still runs a task.
fn scenario(draining: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 1,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}},
              {{"subnetId": "subnet-b", "availabilityZone": "us-east-1b"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{
    "autoScalingGroup": {{"instanceType": "m5.large", "minSize": 1, "maxSize": 6, "desiredCapacity": 4,
      "subnets": ["subnet-a", "subnet-b"]}},
    "managedScaling": {{"status": "ENABLED", "targetCapacity": 100}}{draining}}}}}],
  "taskDefinitions": [{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "example/web:1",
    "cpu": 1024, "memory": 3072, "essential": true}}]}}],
  "services": [{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 8,
    "capacityProviderStrategy": [{{"capacityProvider": "asg", "weight": 1}}]}}],
  "timeline": [{{"at": 300, "action": "updateService", "service": "web", "desiredCount": 3}}]
}}"#
    )
}

#[test]
fn managed_scaling_scale_in_drains_a_busy_instance_before_terminating_it() {
    let mut sim = Sim::from_json(&scenario("")).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(3600 * 1000);
    let scaled_in = lines(&sim, "scaled in to 3 instances");
    assert_eq!(scaled_in.len(), 1, "{scaled_in:?}");
    assert!(
        lines(&sim, "(TerminationNotice)").is_empty(),
        "a task stopped with its instance"
    );
    let drained = lines(&sim, "drained, its tasks run elsewhere");
    assert_eq!(drained.len(), 1, "{drained:?}");
    assert!(
        drained[0].0 > scaled_in[0].0,
        "terminated only once drained"
    );
    let running = sim
        .tasks
        .values()
        .filter(|t| t.last_status == crate::task::TaskStatus::Running && !t.stop_requested)
        .count();
    assert_eq!(running, 3);
}

#[test]
fn without_managed_draining_the_task_stops_with_its_instance() {
    let text = scenario(r#", "managedDraining": "DISABLED""#);
    let mut sim = Sim::from_json(&text).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(3600 * 1000);
    let lost = lines(&sim, "(TerminationNotice)");
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(lines(&sim, "drained").is_empty());
}

/// Three m5.large, one task of 1 vCPU each (distinctInstance), no managed scaling; at 0:30 the
/// group is set to 1 instance. `extra` goes into the capacity provider.
fn set_desired_capacity(extra: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 1,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{
    "autoScalingGroup": {{"instanceType": "m5.large", "minSize": 1, "maxSize": 3, "desiredCapacity": 3,
      "subnets": ["subnet-a"]}}{extra}}}}}],
  "taskDefinitions": [{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "example/web:1",
    "cpu": 1024, "memory": 1024, "essential": true}}]}}],
  "services": [{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 3,
    "placementConstraints": [{{"type": "distinctInstance"}}],
    "capacityProviderStrategy": [{{"capacityProvider": "asg", "weight": 1}}]}}],
  "timeline": [{{"at": 30, "action": "setDesiredCapacity", "autoScalingGroupName": "asg", "desiredCapacity": 1}}]
}}"#
    )
}

#[test]
fn set_desired_capacity_drains_too_with_managed_draining() {
    // API AutoScalingGroupProvider managedDraining: ECS drains the group's instances before
    // they terminate, whoever asked (fidelity walkthrough, 2026-12-06: a SetDesiredCapacity
    // stopped the tasks with their hosts).
    let mut sim = Sim::from_json(&set_desired_capacity("")).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(120_000);
    assert!(
        lines(&sim, "(TerminationNotice)").is_empty(),
        "a task stopped with its instance"
    );
    let mut off = Sim::from_json(&set_desired_capacity(r#", "managedDraining": "DISABLED""#))
        .unwrap_or_else(|e| panic!("{e:?}"));
    off.run_until(120_000);
    assert_eq!(lines(&off, "(TerminationNotice)").len(), 2);
}

#[test]
fn managed_termination_protection_needs_managed_scaling() {
    // API AutoScalingGroupProvider: "When using managed termination protection, managed
    // scaling must also be used otherwise managed termination protection doesn't work." Without
    // managed scaling the group terminates busy instances (they drain first).
    let mut sim = Sim::from_json(&set_desired_capacity(
        r#", "managedTerminationProtection": "ENABLED""#,
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(120_000);
    assert_eq!(
        lines(&sim, "(set-desired-capacity)").len(),
        2,
        "both instances above the desired capacity go"
    );
    assert!(lines(&sim, "kept").is_empty());
}

#[test]
fn with_managed_scaling_protected_instances_stay_and_the_log_says_so() {
    let mut sim = Sim::from_json(&set_desired_capacity(
        r#", "managedScaling": {"status": "ENABLED", "targetCapacity": 100}, "managedTerminationProtection": "ENABLED""#,
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(120_000);
    assert!(lines(&sim, "(set-desired-capacity)").is_empty());
    let kept = lines(&sim, "kept 2 instance(s) above its desired capacity 1");
    assert_eq!(kept.len(), 1, "{kept:?}");
}
