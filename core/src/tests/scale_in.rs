//! Scaling in while tasks are being replaced (DG container-instance-draining, API
//! DeploymentConfiguration `maximumPercent`: the upper limit on the service's tasks).

use super::log_lines as lines;
use crate::sim::Sim;
use crate::task::TaskStatus;

/// Three t3.medium; six tasks on static port 8080 with distinctInstance, so three run. At 0:30
/// the first instance drains: its task cannot be replaced (no instance left) and, with
/// minimumHealthyPercent 50 of 6, cannot stop. At 1:07 a task on an ACTIVE instance is stopped
/// and replaced, so at 1:21, when the desired count drops to 1, the draining task is the only
/// one healthy (a replacement counts after 40 s RUNNING) and on seed 7 scale-in keeps the new
/// one: the lower bound alone would keep the draining task too.
const DRAINING_THEN_SCALED_IN: &str = r#"{
  "version": 1, "seed": 7,
  "subnets": [{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}],
  "clusters": [{"clusterName": "default", "capacityProviders": ["asg"]}],
  "capacityProviders": [{"name": "asg", "autoScalingGroupProvider": {"autoScalingGroup": {
    "instanceType": "t3.medium", "minSize": 3, "maxSize": 3, "desiredCapacity": 3,
    "subnets": ["subnet-a"]}}}],
  "taskDefinitions": [{"family": "web", "networkMode": "bridge", "containerDefinitions": [{
    "name": "app", "image": "example/web:1", "cpu": 1024, "memory": 128, "essential": true,
    "portMappings": [{"containerPort": 8080, "hostPort": 8080}]}]}],
  "services": [{"serviceName": "web", "taskDefinition": "web", "launchType": "EC2",
    "desiredCount": 6, "placementConstraints": [{"type": "distinctInstance"}],
    "deploymentConfiguration": {"minimumHealthyPercent": 50, "maximumPercent": 100}}],
  "timeline": [{"at": 30, "action": "drainInstance", "instance": 0},
               {"at": 67, "action": "stopTask", "service": "web", "index": 1},
               {"at": 81, "action": "updateService", "service": "web", "desiredCount": 1}]
}"#;

#[test]
fn a_desired_count_dropped_beside_a_draining_task_stops_it_within_maximum_percent() {
    // Test builds check every invariant after each step, maximumPercent's among them: before
    // the fix, the pass at 1:21 stopped one task and kept the draining one, 2 tasks for 1.
    let mut sim = Sim::from_json(DRAINING_THEN_SCALED_IN).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(300_000);
    let stopped = lines(&sim, "has stopped 2 running tasks");
    assert_eq!(stopped.len(), 1, "{stopped:?}");
    assert_eq!(stopped[0].0, 81, "both go in the pass the update queues");
    let live: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == TaskStatus::Running && !t.stop_requested)
        .collect();
    assert_eq!(live.len(), 1);
    assert_ne!(
        live[0].instance,
        Some(0),
        "the task left runs on an ACTIVE instance"
    );
}

/// FARGATE base 2 weight 1 + FARGATE_SPOT weight 3 (the guide's example, 10 tasks → 4 and 6),
/// scaled in to 5 at 2:00 and to 2 at 4:00.
fn strategy_scaled_in(seed: u64) -> String {
    format!(
        r#"{{
  "version": 1, "seed": {seed},
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}},
              {{"subnetId": "subnet-b", "availabilityZone": "us-east-1b"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["FARGATE", "FARGATE_SPOT"]}}],
  "taskDefinitions": [{{"family": "worker", "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
    "containerDefinitions": [{{"name": "worker", "image": "example/worker:1", "essential": true}}]}}],
  "services": [{{"serviceName": "worker", "taskDefinition": "worker", "desiredCount": 10,
    "capacityProviderStrategy": [
      {{"capacityProvider": "FARGATE", "base": 2, "weight": 1}},
      {{"capacityProvider": "FARGATE_SPOT", "weight": 3}}],
    "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": ["subnet-a", "subnet-b"]}}}}}}],
  "timeline": [{{"at": 120, "action": "updateService", "service": "worker", "desiredCount": 5}},
               {{"at": 240, "action": "updateService", "service": "worker", "desiredCount": 2}}]
}}"#
    )
}

/// Running tasks not asked to stop, on `FARGATE` and on `FARGATE_SPOT`.
fn running_by_provider(sim: &Sim) -> (usize, usize) {
    let on = |p: &str| {
        sim.tasks
            .values()
            .filter(|t| t.last_status == TaskStatus::Running && !t.stop_requested)
            .filter(|t| t.capacity_provider.as_deref() == Some(p))
            .count()
    };
    (on("FARGATE"), on("FARGATE_SPOT"))
}

#[test]
fn scaling_in_keeps_the_strategy_base_and_split_on_every_seed() {
    // API CapacityProviderStrategyItem: base "designates how many tasks, at a minimum, to run
    // on the specified capacity provider". The engine used to stop Fargate tasks at random in
    // the busiest zone, whatever their provider, so the base survived a scale-in by luck.
    for seed in 1..=12 {
        let mut sim = Sim::from_json(&strategy_scaled_in(seed)).unwrap_or_else(|e| panic!("{e:?}"));
        sim.run_until(110_000);
        assert_eq!(running_by_provider(&sim), (4, 6), "seed {seed} at 10 tasks");
        sim.run_until(230_000);
        // What placing 5 tasks gives: the base 2, then SPOT, SPOT, FARGATE (the 1:1 tie).
        assert_eq!(running_by_provider(&sim), (3, 2), "seed {seed} at 5 tasks");
        sim.run_until(360_000);
        assert_eq!(running_by_provider(&sim), (2, 0), "seed {seed} at 2 tasks");
    }
}

/// Four tasks of `web` (an essential container health check: HEALTHY 30 s after start) on two
/// instances, raised to 6 at 5:00 and lowered to 4 at 5:15, while the 2 new tasks are RUNNING
/// but still UNKNOWN.
fn raised_then_lowered() -> String {
    let health =
        r#", "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 30, "retries": 3}"#;
    format!(
        r#"{{
  "version": 1, "seed": 3, "startSteady": true,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}},
              {{"subnetId": "subnet-b", "availabilityZone": "us-east-1b"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{"autoScalingGroup": {{
    "instanceType": "m5.large", "minSize": 2, "maxSize": 2, "desiredCapacity": 2,
    "subnets": ["subnet-a", "subnet-b"]}}}}}}],
  "taskDefinitions": [{{"family": "web", "networkMode": "bridge", "containerDefinitions": [{{
    "name": "app", "image": "example/web:1", "cpu": 256, "memory": 256, "essential": true{health}}}]}}],
  "images": {{"example/web:1": {{"pullSeconds": 2, "startSeconds": 5}}}},
  "services": [{{"serviceName": "web", "taskDefinition": "web", "launchType": "EC2",
    "desiredCount": 4}}],
  "timeline": [{{"at": 300, "action": "updateService", "service": "web", "desiredCount": 6}},
               {{"at": 315, "action": "updateService", "service": "web", "desiredCount": 4}}]
}}"#
    )
}

#[test]
fn a_scale_in_stops_tasks_still_to_pass_their_health_check_before_healthy_ones() {
    // The simulator's choice (README, scale-in order): the 2 tasks started at 5:00 are RUNNING
    // and UNKNOWN at 5:15, so they go, and the 4 HEALTHY ones stay.
    let mut sim = Sim::from_json(&raised_then_lowered()).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(400_000);
    let started_late: Vec<bool> = sim
        .tasks
        .iter()
        .filter(|(_, x)| x.last_status == TaskStatus::Stopped)
        .map(|(_, x)| x.created_at >= 300_000)
        .collect();
    assert_eq!(
        started_late,
        [true, true],
        "the new tasks are the ones stopped"
    );
}
