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
