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
