//! The step scaling form (`crate::autoscaling::form::step_scaling`) checked against the whole
//! scenario: every setting it writes is what resolve reads back.

use super::forms_support::{doc, resolved_scaling};
use crate::autoscaling::alarm::Comparison;
use crate::autoscaling::form::policies::{remove_scaling_policy, scaling_policies, PolicySettings};
use crate::autoscaling::form::step_scaling::{
    add_step_scaling_policy, set_step_scaling_policy, StepAdjustment, StepScalingSettings,
};
use crate::autoscaling::model::PolicyKind;
use crate::autoscaling::step::AdjustmentType;
use crate::metrics::MetricName;
use serde_json::{json, Value};

const STEP: &str = include_str!("../examples/step-scaling-schedule.json");

fn read(d: &Value, name: &str) -> StepScalingSettings {
    scaling_policies(d, "api")
        .into_iter()
        .find_map(|p| match p.settings {
            PolicySettings::Step(s) if p.name == name => Some(s),
            _ => None,
        })
        .expect("a step policy")
}

fn step(lower: Option<f64>, upper: Option<f64>, adjustment: i32) -> StepAdjustment {
    StepAdjustment {
        lower,
        upper,
        adjustment,
    }
}

#[test]
fn every_setting_is_what_resolve_reads_back() {
    let mut d = doc(STEP);
    let s = StepScalingSettings {
        metric_name: "MemoryUtilization".into(),
        comparison_operator: "LessThanOrEqualToThreshold".into(),
        threshold: 30.5,
        evaluation_periods: 5,
        datapoints_to_alarm: 4,
        adjustment_type: "PercentChangeInCapacity".into(),
        cooldown: 120,
        min_adjustment_magnitude: Some(2),
        steps: vec![
            step(None, Some(-10.0), -50),
            step(Some(-10.0), Some(0.0), -25),
        ],
    };
    set_step_scaling_policy(&mut d, "api", "cpu-steps", &s).expect("valid");
    assert_eq!(read(&d, "cpu-steps"), s);
    let model = resolved_scaling(&d);
    let PolicyKind::Step {
        alarm,
        adjustment_type,
        steps,
        cooldown_ms,
        min_adjustment_magnitude,
    } = &model.policies[0].kind
    else {
        panic!("a step policy");
    };
    assert_eq!(alarm.metric, MetricName::MemoryUtilization);
    assert_eq!(alarm.comparison, Comparison::LessThanOrEqual);
    assert_eq!(
        (
            alarm.threshold,
            alarm.evaluation_periods,
            alarm.datapoints_to_alarm
        ),
        (30.5, 5, 4)
    );
    assert_eq!(*adjustment_type, AdjustmentType::PercentChangeInCapacity);
    assert_eq!(steps, &s.steps);
    assert_eq!(
        (*cooldown_ms, *min_adjustment_magnitude),
        (120_000, Some(2))
    );
    // Whole numbers are written as people write them.
    let text = crate::form::to_text(&d);
    assert!(
        text.contains("\"metricIntervalUpperBound\": -10,"),
        "{text}"
    );
}

#[test]
fn an_added_policy_resolves_and_removing_it_leaves_the_first() {
    let mut d = doc(STEP);
    let before = d["scalingPolicies"][0].clone();
    let name = add_step_scaling_policy(&mut d, "api").expect("added");
    assert_eq!(name, "api-step-scaling");
    assert_eq!(read(&d, &name), StepScalingSettings::default());
    let model = resolved_scaling(&d);
    assert_eq!(model.policies.len(), 2);
    assert!(
        matches!(&model.policies[1].kind, PolicyKind::Step { alarm, .. } if alarm.threshold == 70.0)
    );
    remove_scaling_policy(&mut d, "api", "cpu-steps").expect("removed");
    assert_eq!(read(&d, &name), StepScalingSettings::default());
    d["scalingPolicies"]
        .as_array_mut()
        .expect("array")
        .insert(0, before.clone());
    remove_scaling_policy(&mut d, "api", &name).expect("removed");
    assert_eq!(d["scalingPolicies"], json!([before]));
}
