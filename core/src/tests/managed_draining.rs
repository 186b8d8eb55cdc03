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
