//! Scenarios for the benchmarks (`cargo bench`, and the wasm benchmark in Chromium), built in
//! code so native and wasm measure exactly the same work.

use crate::scenario::{resolve, Model, ScenarioDocument};
use serde_json::json;

/// Which placement strategy the benchmark services use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchStrategy {
    /// `binpack` on memory.
    BinpackMemory,
    /// The service default: spread across zones, then instances.
    AzSpread,
}

/// `instances` m5.4xlarge instances over 3 zones and `tasks` small bridge tasks, split into
/// services of at most 5,000 tasks (the ECS quota per service). All tasks fit.
pub fn placement_scenario(instances: u32, tasks: u32, strategy: BenchStrategy) -> Model {
    let services = tasks.div_ceil(5000).max(1);
    let per_service = tasks / services;
    let strategies = match strategy {
        BenchStrategy::BinpackMemory => json!([{ "type": "binpack", "field": "memory" }]),
        BenchStrategy::AzSpread => json!([]),
    };
    let svc: Vec<serde_json::Value> = (0..services)
        .map(|i| {
            json!({
                "serviceName": format!("svc{i}"),
                "taskDefinition": "small",
                "desiredCount": per_service,
                "placementStrategy": strategies,
            })
        })
        .collect();
    let doc = json!({
        "version": 1,
        "seed": 7,
        "subnets": [
            { "subnetId": "a", "availabilityZone": "us-east-1a" },
            { "subnetId": "b", "availabilityZone": "us-east-1b" },
            { "subnetId": "c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["big"] }],
        "capacityProviders": [{
            "name": "big",
            "autoScalingGroupProvider": { "autoScalingGroup": {
                "instanceType": "m5.4xlarge", "minSize": instances, "maxSize": instances,
                "desiredCapacity": instances, "subnets": ["a", "b", "c"]
            } }
        }],
        "taskDefinitions": [{
            "family": "small",
            "containerDefinitions": [{ "name": "app", "image": "app:1", "cpu": 64, "memory": 128 }]
        }],
        "services": svc,
    });
    let doc: ScenarioDocument = match serde_json::from_value(doc) {
        Ok(d) => d,
        Err(e) => panic!("benchmark scenario does not parse: {e}"),
    };
    match resolve(&doc) {
        Ok(m) => m,
        Err(p) => panic!("benchmark scenario is invalid: {p:?}"),
    }
}

/// Services in [`deployment_scenario`].
pub const DEPLOYMENT_SERVICES: u32 = 50;
/// Tasks per service in [`deployment_scenario`] (50 × 40 = 2,000 tasks).
pub const DEPLOYMENT_TASKS_PER_SERVICE: u32 = 40;
/// Task definition families in [`deployment_scenario`]; service `i` uses family `i % 10`.
const DEPLOYMENT_FAMILIES: u32 = 10;

/// How service `i` of [`deployment_scenario`] is set up; one place so the document and the
/// tests agree.
fn deployment_role(i: u32) -> (bool, bool, bool, bool) {
    // (behind a load balancer with internet traffic, target-tracking auto scaling,
    //  rolling update with the circuit breaker at some time, canary update)
    let lb = i % 2 == 0;
    let scaled = lb && i % 6 == 0;
    let canary = i % 17 == 5;
    let rolling = !canary && i % 5 == 1;
    (lb, scaled, rolling, canary)
}

/// The issue #4 benchmark as a scenario document: 50 services of 40 tasks (2,000 tasks) on an
/// EC2 Auto Scaling group capacity provider with managed scaling, half of them behind ALB target
/// groups with traffic (daily sine, ramp and spike profiles), some scaled by target tracking, some
/// rolled to revision 2 with the circuit breaker and a few by canary during the hour.
///
/// Capacity: a task reserves 128 CPU units and 256 MiB, so 2,000 tasks need 256,000 units,
/// 32 m5.2xlarge instances (8,192 units each) by CPU. The group starts at 48 (50 % headroom for
/// deployments, which run old and new tasks side by side) and may grow to 120.
pub fn deployment_scenario_document() -> serde_json::Value {
    let families: Vec<serde_json::Value> = (0..DEPLOYMENT_FAMILIES)
        .flat_map(|f| {
            (1..=2).map(move |rev| {
                json!({
                    "family": format!("app{f}"),
                    "networkMode": "bridge",
                    "requiresCompatibilities": ["EC2"],
                    "containerDefinitions": [{
                        "name": "app",
                        "image": format!("example/app{f}:{rev}"),
                        "cpu": 128,
                        "memory": 256,
                        "essential": true,
                        "portMappings": [{ "containerPort": 8080, "hostPort": 0 }]
                    }]
                })
            })
        })
        .collect();
    let mut services = Vec::new();
    let mut target_groups = Vec::new();
    let mut traffic = Vec::new();
    let mut scalable_targets = Vec::new();
    let mut scaling_policies = Vec::new();
    let mut timeline = Vec::new();
    for i in 0..DEPLOYMENT_SERVICES {
        let name = format!("svc{i:02}");
        let (lb, scaled, rolling, canary) = deployment_role(i);
        let mut svc = json!({
            "serviceName": name,
            "taskDefinition": format!("app{}:1", i % DEPLOYMENT_FAMILIES),
            "desiredCount": DEPLOYMENT_TASKS_PER_SERVICE,
            "capacityProviderStrategy": [{ "capacityProvider": "asg", "weight": 1 }],
        });
        if lb {
            let tg = format!("tg-{name}");
            target_groups.push(json!({
                "targetGroupName": tg,
                "healthCheckIntervalSeconds": 30,
                "deregistrationDelaySeconds": 30
            }));
            svc["loadBalancers"] =
                json!([{ "targetGroupArn": tg, "containerName": "app", "containerPort": 8080 }]);
            svc["healthCheckGracePeriodSeconds"] = json!(30);
            // 40 tasks × 125 ms of CPU per second; 10 ms per request ⇒ 500 req/s is 100 % CPU.
            let profile = match i % 3 {
                0 => json!({ "shape": "dailySine", "minRequestsPerSecond": 120,
                    "maxRequestsPerSecond": 320, "peakAtSeconds": 1800, "periodSeconds": 3600 }),
                1 => json!({ "shape": "ramp", "fromRequestsPerSecond": 100,
                    "toRequestsPerSecond": 300, "startSeconds": 300, "endSeconds": 3000 }),
                _ => json!({ "shape": "spike", "requestsPerSecond": 150,
                    "spikeRequestsPerSecond": 400, "atSeconds": 1200 + 60 * i, "durationSeconds": 300 }),
            };
            traffic.push(json!({
                "serviceName": name,
                "profile": profile,
                "cpuMillisPerRequest": 10,
                "memoryMiBPerConcurrentRequest": 2,
                "baseMemoryMiB": 64
            }));
        }
        if scaled {
            let resource = format!("service/default/{name}");
            scalable_targets.push(json!({
                "serviceNamespace": "ecs", "resourceId": resource,
                "scalableDimension": "ecs:service:DesiredCount",
                "minCapacity": 30, "maxCapacity": 60
            }));
            scaling_policies.push(json!({
                "policyName": format!("{name}-cpu50"), "serviceNamespace": "ecs",
                "resourceId": resource, "scalableDimension": "ecs:service:DesiredCount",
                "policyType": "TargetTrackingScaling",
                "targetTrackingScalingPolicyConfiguration": {
                    "targetValue": 50,
                    "predefinedMetricSpecification": {
                        "predefinedMetricType": "ECSServiceAverageCPUUtilization" },
                    "scaleOutCooldown": 300, "scaleInCooldown": 300
                }
            }));
        }
        if rolling || canary {
            svc["deploymentConfiguration"] = if canary {
                json!({ "minimumHealthyPercent": 100, "maximumPercent": 200,
                    "strategy": "CANARY", "bakeTimeInMinutes": 10,
                    "canaryConfiguration": { "canaryPercent": 10, "canaryBakeTimeInMinutes": 5 } })
            } else {
                json!({ "minimumHealthyPercent": 50, "maximumPercent": 200,
                    "deploymentCircuitBreaker": { "enable": true, "rollback": true } })
            };
            timeline.push(json!({
                "at": 600 + 45 * i,
                "action": "updateService",
                "service": name,
                "taskDefinition": format!("app{}:2", i % DEPLOYMENT_FAMILIES)
            }));
        }
        services.push(svc);
    }
    json!({
        "version": 1,
        "seed": 4,
        "name": "Benchmark: 50 services, 2,000 tasks, one hour",
        "description": "Issue #4's benchmark: 50 services of 40 tasks on an m5.2xlarge Auto Scaling group with managed scaling; ALB target groups with traffic, target tracking, rolling updates with the circuit breaker and canaries.",
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" },
            { "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg"] }],
        "capacityProviders": [{
            "name": "asg",
            "autoScalingGroupProvider": {
                "autoScalingGroup": {
                    "instanceType": "m5.2xlarge", "minSize": 48, "maxSize": 120,
                    "desiredCapacity": 48, "subnets": ["subnet-a", "subnet-b", "subnet-c"]
                },
                "managedScaling": { "status": "ENABLED", "targetCapacity": 100 },
                "managedTerminationProtection": "ENABLED"
            }
        }],
        "taskDefinitions": families,
        "services": services,
        "targetGroups": target_groups,
        "traffic": traffic,
        "scalableTargets": scalable_targets,
        "scalingPolicies": scaling_policies,
        "timeline": timeline,
    })
}

/// [`deployment_scenario_document`] resolved, ready for `Sim::new`.
pub fn deployment_scenario() -> Model {
    let doc: ScenarioDocument = match serde_json::from_value(deployment_scenario_document()) {
        Ok(d) => d,
        Err(e) => panic!("deployment benchmark scenario does not parse: {e}"),
    };
    match resolve(&doc) {
        Ok(m) => m,
        Err(p) => panic!("deployment benchmark scenario is invalid: {p:?}"),
    }
}

/// `services` Fargate services of `tasks` tasks each in one cluster over three zones (issue #10's
/// quadratic series and its 20 × 5,000 link). With `crash_after`, every task's container exits
/// with code 1 that many seconds after it starts, so the services replace tasks all the time.
pub fn fargate_document(services: u32, tasks: u32, crash_after: Option<u32>) -> serde_json::Value {
    let svc: Vec<serde_json::Value> = (0..services)
        .map(|i| {
            json!({
                "serviceName": format!("svc{i}"),
                "taskDefinition": "web",
                "desiredCount": tasks,
                "launchType": "FARGATE",
                "networkConfiguration": { "awsvpcConfiguration": {
                    "subnets": ["subnet-a", "subnet-b", "subnet-c"] } }
            })
        })
        .collect();
    let mut image = json!({ "pullSeconds": 5 });
    if let Some(after) = crash_after {
        image["crashAfterSeconds"] = json!(after);
        image["exitCode"] = json!(1);
    }
    json!({
        "version": 1,
        "seed": 10,
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" },
            { "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [{
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "web", "image": "example/web:1", "essential": true }]
        }],
        "images": { "example/web:1": image },
        "services": svc,
    })
}

/// `clusters` clusters, each with an Auto Scaling group of `instances` t3.micro instances and
/// one EC2 service of `tasks` small tasks (issue #10's ten-cluster link).
pub fn clusters_document(clusters: u32, instances: u32, tasks: u32) -> serde_json::Value {
    let names: Vec<String> = (0..clusters).map(|c| format!("c{c}")).collect();
    json!({
        "version": 1,
        "seed": 10,
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" },
            { "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }
        ],
        "clusters": names.iter().map(|n| json!({ "clusterName": n, "capacityProviders": [format!("cp-{n}")] })).collect::<Vec<_>>(),
        "capacityProviders": names.iter().map(|n| json!({
            "name": format!("cp-{n}"),
            "autoScalingGroupProvider": { "autoScalingGroup": {
                "instanceType": "t3.micro", "minSize": instances, "maxSize": instances,
                "desiredCapacity": instances, "subnets": ["subnet-a", "subnet-b", "subnet-c"]
            } }
        })).collect::<Vec<_>>(),
        "taskDefinitions": [{
            "family": "small",
            "containerDefinitions": [{ "name": "app", "image": "app:1", "cpu": 64, "memory": 128 }]
        }],
        "services": names.iter().map(|n| json!({
            "serviceName": format!("svc-{n}"), "cluster": n, "taskDefinition": "small",
            "desiredCount": tasks,
            "capacityProviderStrategy": [{ "capacityProvider": format!("cp-{n}"), "weight": 1 }]
        })).collect::<Vec<_>>(),
    })
}

/// A benchmark document resolved, ready for `Sim::new`; panics with the problems (benchmarks
/// build their own documents, so a problem is a bug in this file).
pub fn resolve_bench(doc: serde_json::Value) -> Model {
    let doc: ScenarioDocument = match serde_json::from_value(doc) {
        Ok(d) => d,
        Err(e) => panic!("benchmark scenario does not parse: {e}"),
    };
    match resolve(&doc) {
        Ok(m) => m,
        Err(p) => panic!("benchmark scenario is invalid: {p:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Sim;

    #[test]
    fn deployment_scenario_loads_from_its_text_and_has_every_feature() {
        let text = deployment_scenario_document().to_string();
        assert!(text.len() < crate::scenario::MAX_SCENARIO_BYTES);
        let sim = match Sim::from_json(&text) {
            Ok(s) => s,
            Err(e) => panic!("does not load: {e}"),
        };
        assert_eq!(sim.model.services.len(), DEPLOYMENT_SERVICES as usize);
        let roles: Vec<_> = (0..DEPLOYMENT_SERVICES).map(deployment_role).collect();
        assert!(roles.iter().any(|r| r.1), "some services auto scale");
        assert!(roles.iter().filter(|r| r.2).count() >= 5, "rolling updates");
        assert!(roles.iter().filter(|r| r.3).count() >= 2, "canaries");
    }

    /// Invariants run after every step in test builds, so this is the correctness check.
    #[test]
    /// Two simulated minutes (images pull in 8 s) keep the suite fast: the invariant checker
    /// looks at all 2,000 tasks after every step.
    fn deployment_scenario_runs_two_minutes_with_all_2000_tasks_running() {
        let mut sim = Sim::new(deployment_scenario());
        sim.run_until(120_000);
        let running = sim
            .tasks
            .values()
            .filter(|t| t.last_status == crate::task::TaskStatus::Running)
            .count();
        assert!(running >= 2000, "only {running} tasks RUNNING at 2 min");
    }
}
