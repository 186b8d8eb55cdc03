//! Property test (DG service-auto-scaling, API RegisterScalableTarget): whatever the metrics,
//! policies and scheduled actions, Service Auto Scaling never sets a desired count outside the
//! scalable target's MinCapacity..=MaxCapacity in force at that moment.

use ecs_sim::metrics::{Dimension, MetricName, PERIOD_MS};
use ecs_sim::Sim;
use proptest::prelude::*;
use serde_json::json;

fn scenario(
    desired: u32,
    min: u32,
    max: u32,
    target: f64,
    step: i32,
    sched: Option<(u32, u32)>,
) -> String {
    let target_ref = json!({
        "serviceNamespace": "ecs", "resourceId": "service/default/web",
        "scalableDimension": "ecs:service:DesiredCount"
    });
    let with = |extra: serde_json::Value| {
        let mut v = target_ref.clone();
        if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
            for (k, x) in e {
                o.insert(k.clone(), x.clone());
            }
        }
        v
    };
    let mut doc = json!({
        "version": 1, "seed": 1,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE"] }],
        "taskDefinitions": [{
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "web", "image": "example/web:1", "essential": true }]
        }],
        "services": [{
            "serviceName": "web", "taskDefinition": "web", "desiredCount": desired,
            "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } }
        }],
        "scalableTargets": [with(json!({ "minCapacity": min, "maxCapacity": max }))],
        "scalingPolicies": [
            with(json!({
                "policyName": "cpu", "policyType": "TargetTrackingScaling",
                "targetTrackingScalingPolicyConfiguration": {
                    "targetValue": target, "scaleOutCooldown": 60, "scaleInCooldown": 60,
                    "predefinedMetricSpecification": { "predefinedMetricType": "ECSServiceAverageCPUUtilization" }
                }
            })),
            with(json!({
                "policyName": "steps", "policyType": "StepScaling",
                "stepScalingPolicyConfiguration": {
                    "adjustmentType": "PercentChangeInCapacity", "cooldown": 60,
                    "stepAdjustments": [{ "metricIntervalLowerBound": 0, "scalingAdjustment": step }]
                },
                "alarm": { "metricName": "MemoryUtilization", "comparisonOperator": "GreaterThanThreshold",
                           "threshold": 50, "evaluationPeriods": 1 }
            }))
        ]
    });
    if let Some((lo, hi)) = sched {
        doc["scheduledActions"] = json!([with(json!({
            "scheduledActionName": "s", "schedule": "rate(7 minutes)",
            "scalableTargetAction": { "minCapacity": lo, "maxCapacity": hi }
        }))]);
    }
    doc.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn desired_count_never_leaves_min_and_max(
        desired in 0u32..30,
        min in 0u32..10,
        span in 0u32..15,
        target in 5.0f64..95.0,
        step in -80i32..300,
        sched in proptest::option::of((0u32..12, 0u32..20)),
        cpu in proptest::collection::vec(0.0f64..400.0, 30),
        mem in proptest::collection::vec(0.0f64..100.0, 30),
    ) {
        let sched = sched.map(|(a, b)| (a.min(b), a.max(b)));
        let text = scenario(desired, min, min + span, target, step, sched);
        let mut sim = Sim::from_json(&text).expect("scenario loads");
        for (k, (c, m)) in cpu.iter().zip(&mem).enumerate() {
            let at = (k as u64 + 1) * PERIOD_MS;
            sim.run_until(at);
            sim.metrics.record(MetricName::CPUUtilization, Dimension::Service(0), at, *c);
            sim.metrics.record(MetricName::MemoryUtilization, Dimension::Service(0), at, *m);
            sim.run_until(at + 2_000);
            let st = &sim.autoscaling.services[&0];
            let d = sim.services[0].desired;
            prop_assert!(st.min <= d && d <= st.max, "desired {} outside {}..={} at {}", d, st.min, st.max, at);
            for a in &st.activities {
                prop_assert!(a.to <= 5000);
            }
        }
    }
}

/// A Fargate service under real traffic (the traffic model records the metrics), with a
/// target tracking policy on CPU or on requests per target and a `trafficSpike`.
fn traffic_scenario(
    desired: u32,
    min: u32,
    max: u32,
    cpu_target: f64,
    profile: serde_json::Value,
    spike: (u64, u32, u32),
    requests_policy: bool,
) -> String {
    let (metric, target) = if requests_policy {
        ("ALBRequestCountPerTarget", cpu_target * 20.0)
    } else {
        ("ECSServiceAverageCPUUtilization", cpu_target)
    };
    let mut doc = json!({
        "version": 1, "seed": 2,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE"] }],
        "taskDefinitions": [{
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "web", "image": "example/web:1", "essential": true }]
        }],
        "services": [{
            "serviceName": "web", "taskDefinition": "web", "desiredCount": desired,
            "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } }
        }],
        "traffic": [{ "serviceName": "web", "profile": profile, "cpuMillisPerRequest": 2 }],
        "scalableTargets": [{
            "serviceNamespace": "ecs", "resourceId": "service/default/web",
            "scalableDimension": "ecs:service:DesiredCount", "minCapacity": min, "maxCapacity": max
        }],
        "scalingPolicies": [{
            "policyName": "tt", "serviceNamespace": "ecs", "resourceId": "service/default/web",
            "scalableDimension": "ecs:service:DesiredCount", "policyType": "TargetTrackingScaling",
            "targetTrackingScalingPolicyConfiguration": {
                "targetValue": target, "scaleOutCooldown": 60, "scaleInCooldown": 60,
                "predefinedMetricSpecification": { "predefinedMetricType": metric }
            }
        }],
        "timeline": [{ "at": spike.0, "action": "trafficSpike", "service": "web",
                       "multiplier": spike.1, "durationSeconds": spike.2 }]
    });
    if requests_policy {
        // ALBRequestCountPerTarget needs a target group attached to the service and a
        // resourceLabel naming it (Application Auto Scaling API PredefinedMetricSpecification).
        doc["targetGroups"] = json!([{ "targetGroupName": "web-tg", "targetType": "ip" }]);
        doc["taskDefinitions"][0]["containerDefinitions"][0]["portMappings"] =
            json!([{ "containerPort": 80 }]);
        doc["services"][0]["loadBalancers"] =
            json!([{ "targetGroupArn": "web-tg", "containerName": "web", "containerPort": 80 }]);
        doc["scalingPolicies"][0]["targetTrackingScalingPolicyConfiguration"]
            ["predefinedMetricSpecification"]["resourceLabel"] =
            json!("app/web-alb/50dc6c495c0c9188/targetgroup/web-tg/8e456d3b89c9961d");
    }
    doc.to_string()
}

fn profile_strategy() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        (0u32..2000).prop_map(|r| json!({ "shape": "constant", "requestsPerSecond": r })),
        (0u32..2000, 0u32..2000, 0u32..1800).prop_map(|(a, b, at)| json!({
            "shape": "step", "requestsPerSecond": a, "thenRequestsPerSecond": b, "atSeconds": at
        })),
        (0u32..500, 0u32..5000, 0u32..1500, 1u32..900).prop_map(|(a, b, at, d)| json!({
            "shape": "spike", "requestsPerSecond": a, "spikeRequestsPerSecond": b,
            "atSeconds": at, "durationSeconds": d
        })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// DG service-auto-scaling / API RegisterScalableTarget: with the metrics coming from the
    /// traffic model (random profiles and a random `trafficSpike`), the desired count stays in
    /// MinCapacity..=MaxCapacity at every evaluation for 30 simulated minutes.
    #[test]
    fn desired_count_stays_in_range_under_random_traffic_and_spikes(
        desired in 0u32..12,
        min in 0u32..6,
        span in 0u32..10,
        target in 10.0f64..90.0,
        profile in profile_strategy(),
        spike in (0u64..1500, 1u32..1000, 1u32..900),
        requests_policy in any::<bool>(),
    ) {
        let text = traffic_scenario(desired, min, min + span, target, profile, spike, requests_policy);
        let mut sim = Sim::from_json(&text).expect("scenario loads");
        for k in 1..=30u64 {
            sim.run_until(k * PERIOD_MS + 2_000);
            let st = &sim.autoscaling.services[&0];
            let d = sim.services[0].desired;
            prop_assert!(st.min <= d && d <= st.max, "desired {} outside {}..={} at minute {}", d, st.min, st.max, k);
        }
        // The traffic model did record the minutes the policy read.
        let counts = sim.metrics.series(MetricName::DesiredTaskCount, &Dimension::Service(0));
        prop_assert_eq!(counts.len(), 30);
    }
}
