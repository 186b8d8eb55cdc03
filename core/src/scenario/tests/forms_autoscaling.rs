//! The scalable target and policy list forms (`crate::autoscaling::form::target`,
//! `::policies`) checked against the whole scenario: registering, deregistering and policy
//! lists it writes still resolve.

use super::forms_support::{doc, resolves};
use crate::autoscaling::form::policies::{remove_scaling_policy, scaling_policies, PolicySettings};
use crate::autoscaling::form::shared::push_policy;
use crate::autoscaling::form::target::{
    disable_service_scaling, enable_service_scaling, service_scaling, set_scalable_target,
};
use crate::autoscaling::form::target_tracking::{set_target_tracking, TargetTrackingSettings};
use serde_json::json;

const SCALING: &str = include_str!("../../../../tests/e2e/fixtures/traffic-scaling.json");
const PLAIN: &str = include_str!("../../../../tests/golden/traffic_step_doubles_cpu.json");
const STEP: &str = include_str!("../examples/step-scaling-schedule.json");

#[test]
fn enabling_registers_the_service_with_a_cpu_policy_that_resolves() {
    let mut d = doc(PLAIN);
    enable_service_scaling(&mut d, "web").expect("enabled");
    let s = service_scaling(&d, "web").expect("registered");
    assert_eq!((s.min_capacity, s.max_capacity), (2, 4));
    assert_eq!(s.policy.expect("policy").target_value, 50.0);
    assert!(resolves(&d));
    // Enabling twice changes nothing.
    let once = d.clone();
    enable_service_scaling(&mut d, "web").expect("again");
    assert_eq!(d, once);
    disable_service_scaling(&mut d, "web").expect("disabled");
    assert_eq!(service_scaling(&d, "web"), None);
    assert_eq!(d["scalingPolicies"], json!([]));
    assert!(resolves(&d));
}

#[test]
fn target_and_policy_edits_round_trip_and_resolve() {
    let mut d = doc(SCALING);
    set_scalable_target(&mut d, "web", 1, 6).expect("valid");
    let p = TargetTrackingSettings {
        metric: "ECSServiceAverageMemoryUtilization".into(),
        target_value: 70.0,
        scale_out_cooldown: 30,
        scale_in_cooldown: 600,
        disable_scale_in: true,
    };
    set_target_tracking(&mut d, "web", &p).expect("valid");
    let s = service_scaling(&d, "web").expect("registered");
    assert_eq!((s.min_capacity, s.max_capacity), (1, 6));
    assert_eq!(s.policy, Some(p));
    assert_eq!(d["scalingPolicies"].as_array().map(Vec::len), Some(1));
    assert!(resolves(&d));
}

#[test]
fn lists_the_policies_of_the_service_in_document_order() {
    let mut d = doc(STEP);
    let tt = json!({ "policyName": "mem", "serviceNamespace": "ecs",
        "resourceId": "service/default/api", "scalableDimension": "ecs:service:DesiredCount",
        "policyType": "TargetTrackingScaling",
        "targetTrackingScalingPolicyConfiguration": { "targetValue": 60,
            "predefinedMetricSpecification": { "predefinedMetricType": "ECSServiceAverageMemoryUtilization" } } });
    d["scalingPolicies"]
        .as_array_mut()
        .expect("array")
        .insert(0, tt);
    assert!(resolves(&d));
    let ps = scaling_policies(&d, "api");
    let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["mem", "cpu-steps"]);
    assert!(
        matches!(&ps[0].settings, PolicySettings::TargetTracking(t) if t.target_value == 60.0 && t.scale_in_cooldown == 300)
    );
    assert!(matches!(&ps[1].settings, PolicySettings::Step(s) if s.threshold == 60.0));
    assert!(scaling_policies(&d, "nope").is_empty());
}

#[test]
fn removing_a_policy_by_name_leaves_the_others_intact() {
    let mut d = doc(STEP);
    let (_, added) = push_policy(&mut d, "api", "x", "StepScaling").expect("added");
    assert_eq!(added, "api-x");
    let (_, again) = push_policy(&mut d, "api", "x", "StepScaling").expect("added");
    assert_eq!(again, "api-x-2");
    let before = d["scalingPolicies"][0].clone();
    remove_scaling_policy(&mut d, "api", "api-x").expect("removed");
    let names: Vec<String> = scaling_policies(&d, "api")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["cpu-steps", "api-x-2"]);
    assert_eq!(d["scalingPolicies"][0], before);
    remove_scaling_policy(&mut d, "api", "api-x-2").expect("removed");
    assert!(resolves(&d));
    let err = remove_scaling_policy(&mut d, "api", "gone").unwrap_err();
    assert!(err.starts_with("policyName"), "{err}");
}
