//! The target tracking form (`crate::autoscaling::form::target_tracking`) checked against the
//! whole scenario: what it writes is what resolve reads back.

use super::forms_support::{doc, resolved_scaling};
use crate::autoscaling::form::policies::remove_scaling_policy;
use crate::autoscaling::form::target_tracking::{
    add_target_tracking, first_target_tracking, set_target_tracking_policy, untracked_metric,
    TargetTrackingSettings,
};
use crate::autoscaling::model::PolicyKind;
use crate::metrics::MetricName;
use serde_json::Value;

const SPIKE: &str = include_str!("../examples/target-tracking-spike.json");

/// The target tracking policies resolve reads back: (name, metric, target, out ms, in ms,
/// disableScaleIn).
fn resolved(d: &Value) -> Vec<(String, MetricName, f64, u64, u64, bool)> {
    resolved_scaling(d)
        .policies
        .iter()
        .filter_map(|p| match &p.kind {
            PolicyKind::TargetTracking {
                metric,
                target,
                scale_out_cooldown_ms,
                scale_in_cooldown_ms,
                disable_scale_in,
            } => Some((
                p.name.clone(),
                *metric,
                *target,
                *scale_out_cooldown_ms,
                *scale_in_cooldown_ms,
                *disable_scale_in,
            )),
            _ => None,
        })
        .collect()
}

fn memory(target: f64) -> TargetTrackingSettings {
    TargetTrackingSettings {
        metric: "ECSServiceAverageMemoryUtilization".into(),
        target_value: target,
        scale_out_cooldown: 60,
        scale_in_cooldown: 600,
        disable_scale_in: true,
    }
}

#[test]
fn setting_the_policy_named_x_is_what_resolve_reads() {
    let mut d = doc(SPIKE);
    set_target_tracking_policy(&mut d, "web", "cpu50", &memory(72.5)).expect("valid");
    assert_eq!(
        resolved(&d),
        [(
            "cpu50".to_string(),
            MetricName::MemoryUtilization,
            72.5,
            60_000,
            600_000,
            true
        )]
    );
    assert_eq!(
        first_target_tracking(&d, "web"),
        Some(("cpu50".into(), memory(72.5)))
    );
}

#[test]
fn adding_a_policy_on_another_metric_resolves_and_the_same_metric_is_refused_by_name() {
    let mut d = doc(SPIKE);
    assert_eq!(
        untracked_metric(&d, "web"),
        Some("ECSServiceAverageMemoryUtilization")
    );
    let name = add_target_tracking(&mut d, "web", &memory(70.0)).expect("other metric");
    assert_eq!(name, "web-target-tracking");
    let got = resolved(&d);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].1, MetricName::MemoryUtilization);
    let before = d.clone();
    let err = add_target_tracking(&mut d, "web", &TargetTrackingSettings::default()).unwrap_err();
    assert!(err.starts_with("predefinedMetricType"), "{err}");
    assert!(err.contains("'cpu50'"), "{err}");
    // Moving the new policy onto CPU is refused the same way.
    let err = set_target_tracking_policy(&mut d, "web", &name, &TargetTrackingSettings::default())
        .unwrap_err();
    assert!(err.contains("'cpu50'"), "{err}");
    assert_eq!(d, before);
    // Removing one leaves the other as it was.
    remove_scaling_policy(&mut d, "web", "cpu50").expect("removed");
    assert_eq!(resolved(&d)[0].0, "web-target-tracking");
    assert_eq!(
        first_target_tracking(&d, "web").map(|p| p.1),
        Some(memory(70.0))
    );
}

#[test]
fn alb_request_count_gets_a_label_for_the_services_target_group_and_other_metrics_none() {
    // API PredefinedMetricSpecification: the label names the service's target group, and only
    // ALBRequestCountPerTarget takes one.
    use crate::autoscaling::resource_label::target_group_of;
    let mut d = doc(include_str!("../examples/alb-health-rollback.json"));
    d["scalableTargets"] = serde_json::json!([{"serviceNamespace": "ecs",
        "resourceId": "service/default/web", "scalableDimension": "ecs:service:DesiredCount",
        "minCapacity": 1, "maxCapacity": 4}]);
    let alb = TargetTrackingSettings {
        metric: "ALBRequestCountPerTarget".into(),
        target_value: 1000.0,
        ..TargetTrackingSettings::default()
    };
    let name = add_target_tracking(&mut d, "web", &alb).expect("web has a target group");
    assert_eq!(resolved(&d)[0].1, MetricName::RequestCountPerTarget);
    let label = |d: &Value| {
        d.pointer("/scalingPolicies/0/targetTrackingScalingPolicyConfiguration/predefinedMetricSpecification/resourceLabel")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    assert_eq!(
        label(&d).as_deref().and_then(target_group_of),
        Some("web-tg")
    );
    // Without its label the scenario is refused at the label.
    let mut unlabelled = d.clone();
    unlabelled["scalingPolicies"][0]["targetTrackingScalingPolicyConfiguration"]
        ["predefinedMetricSpecification"]
        .as_object_mut()
        .expect("spec")
        .remove("resourceLabel");
    let ps = super::forms_support::problems(&unlabelled);
    assert!(
        ps.len() == 1
            && ps[0].contains("scalingPolicies[0].targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel")
            && ps[0].contains("required"),
        "{ps:?}"
    );
    // Back to CPU: the label goes, and the policy still resolves.
    set_target_tracking_policy(&mut d, "web", &name, &TargetTrackingSettings::default())
        .expect("cpu");
    assert_eq!(label(&d), None);
    assert_eq!(resolved(&d)[0].1, MetricName::CPUUtilization);
    // A service without a load balancer is refused at the metric, and not offered it.
    let mut spike = doc(SPIKE);
    let cpu_and_memory = TargetTrackingSettings {
        metric: "ECSServiceAverageMemoryUtilization".into(),
        ..TargetTrackingSettings::default()
    };
    add_target_tracking(&mut spike, "web", &cpu_and_memory).expect("memory");
    assert_eq!(untracked_metric(&spike, "web"), None);
    assert_eq!(
        untracked_metric(&d, "web"),
        Some("ECSServiceAverageMemoryUtilization")
    );
    let err = add_target_tracking(&mut spike, "web", &alb).unwrap_err();
    assert!(err.starts_with("predefinedMetricType"), "{err}");
}
