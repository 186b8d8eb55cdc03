//! The step scaling form: a service's step scaling policies (`scalingPolicies` with `policyType`
//! `StepScaling`, API PutScalingPolicy StepScalingPolicyConfiguration) and the CloudWatch alarm
//! that invokes each (the simulator key `alarm`): reading one, setting the policy named X,
//! adding one with readable defaults. The rows of `stepAdjustments` are edited with
//! [`super::step_rows`] and checked here with the rules resolve uses ([`crate::autoscaling::rules`]).

use super::shared::{number, policy_mut, push_policy, MAX_COOLDOWN};
use crate::autoscaling::rules::{check_alarm, check_step_configuration, ALARM_METRICS};
use crate::autoscaling::spec::{AlarmSpec, StepAdjustmentSpec, StepScalingSpec};
use crate::autoscaling::target_tracking::DEFAULT_COOLDOWN_SECONDS;
use crate::form::refusal;
use crate::form::value::uint;
use crate::problem::Problem;
use serde_json::{json, Map, Value};

/// One row of `stepAdjustments` as the form edits it (the engine's own type).
pub use crate::autoscaling::step::StepAdjustment;

/// The `policyType` of these policies.
pub const STEP_SCALING: &str = "StepScaling";

/// One step scaling policy and its alarm as the form shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct StepScalingSettings {
    /// `alarm.metricName` (`CPUUtilization`, `MemoryUtilization`, `RequestCountPerTarget`).
    pub metric_name: String,
    /// `alarm.comparisonOperator`.
    pub comparison_operator: String,
    /// `alarm.threshold`.
    pub threshold: f64,
    /// `alarm.evaluationPeriods` (one-minute periods).
    pub evaluation_periods: u32,
    /// `alarm.datapointsToAlarm` (absent reads as all of `evaluationPeriods`).
    pub datapoints_to_alarm: u32,
    /// `adjustmentType`.
    pub adjustment_type: String,
    /// `cooldown`, seconds (300).
    pub cooldown: u32,
    /// `minAdjustmentMagnitude` (PercentChangeInCapacity only).
    pub min_adjustment_magnitude: Option<u32>,
    /// `stepAdjustments`, in document order.
    pub steps: Vec<StepAdjustment>,
}

impl Default for StepScalingSettings {
    /// What "Add step scaling policy" writes: CPUUtilization > 70 for 3 of 3 one-minute
    /// datapoints adds 1 task for any breach ([0, +∞)), cooldown 300 s.
    fn default() -> Self {
        Self {
            metric_name: ALARM_METRICS[0].to_string(),
            comparison_operator: "GreaterThanThreshold".into(),
            threshold: 70.0,
            evaluation_periods: 3,
            datapoints_to_alarm: 3,
            adjustment_type: "ChangeInCapacity".into(),
            cooldown: DEFAULT_COOLDOWN_SECONDS,
            min_adjustment_magnitude: None,
            steps: vec![StepAdjustment {
                lower: Some(0.0),
                upper: None,
                adjustment: 1,
            }],
        }
    }
}

/// The settings of a `scalingPolicies` entry read leniently (absent or unreadable keys read as
/// the defaults), so a half-written policy still shows in the form.
pub(crate) fn read_step_scaling(policy: &Value) -> StepScalingSettings {
    let d = StepScalingSettings::default();
    let empty = json!({});
    let a = policy.get("alarm").unwrap_or(&empty);
    let c = policy
        .get("stepScalingPolicyConfiguration")
        .unwrap_or(&empty);
    let text =
        |v: &Value, k: &str, d: &str| v.get(k).and_then(Value::as_str).unwrap_or(d).to_string();
    let evaluation_periods = uint(a, "evaluationPeriods", d.evaluation_periods);
    let steps = c
        .get("stepAdjustments")
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|s| serde_json::from_value::<StepAdjustmentSpec>(s.clone()).ok())
                .map(|s| s.step())
                .collect()
        })
        .unwrap_or_default();
    StepScalingSettings {
        metric_name: text(a, "metricName", &d.metric_name),
        comparison_operator: text(a, "comparisonOperator", &d.comparison_operator),
        threshold: a
            .get("threshold")
            .and_then(Value::as_f64)
            .unwrap_or(d.threshold),
        evaluation_periods,
        datapoints_to_alarm: uint(a, "datapointsToAlarm", evaluation_periods),
        adjustment_type: text(c, "adjustmentType", &d.adjustment_type),
        cooldown: uint(c, "cooldown", d.cooldown),
        min_adjustment_magnitude: c
            .get("minAdjustmentMagnitude")
            .and_then(Value::as_u64)
            .map(|n| n.min(u64::from(u32::MAX)) as u32),
        steps,
    }
}

/// PutScalingPolicy (and PutMetricAlarm) on the existing step scaling policy named `name`.
/// Refuses what resolve would (alarm fields, adjustment type, the API's step adjustment rules,
/// minAdjustmentMagnitude without PercentChangeInCapacity) and cooldowns over a day, naming
/// the field; the document is then unchanged.
pub fn set_step_scaling_policy(
    doc: &mut Value,
    service: &str,
    name: &str,
    s: &StepScalingSettings,
) -> Result<(), String> {
    check(s)?;
    let policy = policy_mut(doc, service, name)?;
    match policy.get("policyType").and_then(Value::as_str) {
        Some(STEP_SCALING) => {}
        other => {
            return Err(format!(
                "policyType: policy '{name}' is {}, not {STEP_SCALING}",
                other.unwrap_or("untyped")
            ))
        }
    }
    write(policy, s);
    Ok(())
}

/// PutScalingPolicy for a new step scaling policy named `<service>-step-scaling` (or `-2` …)
/// with [`StepScalingSettings::default`]; returns its name.
pub fn add_step_scaling_policy(doc: &mut Value, service: &str) -> Result<String, String> {
    let s = StepScalingSettings::default();
    check(&s)?;
    let (policy, name) = push_policy(doc, service, "step-scaling", STEP_SCALING)?;
    write(policy, &s);
    Ok(name)
}

fn check(s: &StepScalingSettings) -> Result<(), String> {
    let alarm = AlarmSpec {
        metric_name: s.metric_name.clone(),
        comparison_operator: s.comparison_operator.clone(),
        threshold: s.threshold,
        evaluation_periods: s.evaluation_periods,
        datapoints_to_alarm: Some(s.datapoints_to_alarm),
    };
    let config = StepScalingSpec {
        adjustment_type: s.adjustment_type.clone(),
        step_adjustments: specs(&s.steps),
        cooldown: Some(s.cooldown),
        min_adjustment_magnitude: s.min_adjustment_magnitude,
        metric_aggregation_type: None,
    };
    let mut problems: Vec<Problem> = check_alarm(&alarm)
        .into_iter()
        .map(|p| Problem::new(format!("alarm.{}", p.path), p.message))
        .collect();
    problems.extend(check_step_configuration(&config));
    if s.cooldown > MAX_COOLDOWN {
        problems.push(Problem::new(
            "cooldown",
            format!(
                "cooldown must be from 0 to {MAX_COOLDOWN} seconds; got {}",
                s.cooldown
            ),
        ));
    }
    refusal(problems)
}

fn specs(steps: &[StepAdjustment]) -> Vec<StepAdjustmentSpec> {
    steps
        .iter()
        .map(|s| StepAdjustmentSpec {
            metric_interval_lower_bound: s.lower,
            metric_interval_upper_bound: s.upper,
            scaling_adjustment: s.adjustment,
        })
        .collect()
}

/// Writes the settings into the policy's `alarm` and configuration, keeping keys the form does
/// not show (`metricAggregationType`).
fn write(policy: &mut Map<String, Value>, s: &StepScalingSettings) {
    let object = |policy: &Map<String, Value>, key: &str| {
        policy
            .get(key)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let mut alarm = object(policy, "alarm");
    alarm.insert("metricName".into(), json!(s.metric_name));
    alarm.insert("comparisonOperator".into(), json!(s.comparison_operator));
    alarm.insert("threshold".into(), number(s.threshold));
    alarm.insert("evaluationPeriods".into(), json!(s.evaluation_periods));
    alarm.insert("datapointsToAlarm".into(), json!(s.datapoints_to_alarm));
    let mut config = object(policy, "stepScalingPolicyConfiguration");
    config.insert("adjustmentType".into(), json!(s.adjustment_type));
    config.insert("cooldown".into(), json!(s.cooldown));
    let rows = s
        .steps
        .iter()
        .map(|step| {
            let mut row = Map::new();
            if let Some(l) = step.lower {
                row.insert("metricIntervalLowerBound".into(), number(l));
            }
            if let Some(u) = step.upper {
                row.insert("metricIntervalUpperBound".into(), number(u));
            }
            row.insert("scalingAdjustment".into(), json!(step.adjustment));
            Value::Object(row)
        })
        .collect();
    config.insert("stepAdjustments".into(), Value::Array(rows));
    match s.min_adjustment_magnitude {
        Some(m) => config.insert("minAdjustmentMagnitude".into(), json!(m)),
        None => config.shift_remove("minAdjustmentMagnitude"),
    };
    policy.insert(
        "stepScalingPolicyConfiguration".into(),
        Value::Object(config),
    );
    policy.insert("alarm".into(), Value::Object(alarm));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::autoscaling::form::shared::{policy_name, service_policies};
    use crate::form::test_support::doc;

    const STEP: &str = include_str!("../../scenario/examples/step-scaling-schedule.json");

    /// The step scaling policy of service `api` named `name`.
    fn read(d: &Value, name: &str) -> StepScalingSettings {
        service_policies(d, "api")
            .into_iter()
            .find(|p| {
                policy_name(p) == name
                    && p.get("policyType").and_then(Value::as_str) == Some(STEP_SCALING)
            })
            .map(read_step_scaling)
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
    fn reads_the_example_policy_and_its_alarm() {
        let s = read(&doc(STEP), "cpu-steps");
        assert_eq!(s.metric_name, "CPUUtilization");
        assert_eq!(s.comparison_operator, "GreaterThanThreshold");
        assert_eq!(
            (s.threshold, s.evaluation_periods, s.datapoints_to_alarm),
            (60.0, 3, 3)
        );
        assert_eq!(
            (s.adjustment_type.as_str(), s.cooldown),
            ("ChangeInCapacity", 300)
        );
        assert_eq!(
            s.steps,
            [step(Some(0.0), Some(20.0), 2), step(Some(20.0), None, 4)]
        );
    }

    #[test]
    fn refusals_name_the_field_and_change_nothing() {
        let mut d = doc(STEP);
        let before = d.clone();
        let ok = read(&d, "cpu-steps");
        let bad = [
            (StepScalingSettings { metric_name: "CPU".into(), ..ok.clone() }, "metricName"),
            (StepScalingSettings { comparison_operator: ">".into(), ..ok.clone() }, "comparisonOperator"),
            (StepScalingSettings { threshold: f64::NAN, ..ok.clone() }, "threshold"),
            (StepScalingSettings { evaluation_periods: 1441, datapoints_to_alarm: 1, ..ok.clone() }, "evaluationPeriods must be between 1 and 1440"),
            (StepScalingSettings { datapoints_to_alarm: 4, ..ok.clone() }, "datapointsToAlarm"),
            (StepScalingSettings { adjustment_type: "Exact".into(), ..ok.clone() }, "adjustmentType"),
            (StepScalingSettings { cooldown: 86_401, ..ok.clone() }, "cooldown must be from 0 to 86400"),
            (StepScalingSettings { min_adjustment_magnitude: Some(1), ..ok.clone() }, "minAdjustmentMagnitude"),
            (StepScalingSettings { steps: Vec::new(), ..ok.clone() }, "stepAdjustments: at least one"),
            (StepScalingSettings { steps: vec![step(Some(0.0), Some(30.0), 2), step(Some(20.0), None, 4)], ..ok.clone() }, "stepAdjustments[1]: step ranges can't overlap"),
            (StepScalingSettings { steps: vec![step(Some(0.0), Some(10.0), 2), step(Some(20.0), None, 4)], ..ok.clone() }, "stepAdjustments[1]: step ranges can't have a gap"),
            (StepScalingSettings { steps: vec![step(Some(20.0), Some(10.0), 2), step(Some(20.0), None, 4)], ..ok.clone() }, "stepAdjustments[0]: metricIntervalLowerBound must be below"),
            (StepScalingSettings { steps: vec![step(Some(0.0), None, 2), step(Some(20.0), None, 4)], ..ok.clone() }, "stepAdjustments[1]: at most one step adjustment can leave metricIntervalUpperBound out"),
            (StepScalingSettings { steps: vec![step(None, Some(0.0), 2), step(None, Some(-5.0), 4)], ..ok.clone() }, "stepAdjustments[1]: at most one step adjustment can leave metricIntervalLowerBound out"),
            (StepScalingSettings { adjustment_type: "ExactCapacity".into(), steps: vec![step(Some(0.0), None, -1)], ..ok.clone() }, "stepAdjustments[0].scalingAdjustment"),
        ];
        for (s, words) in bad {
            let err = set_step_scaling_policy(&mut d, "api", "cpu-steps", &s).unwrap_err();
            assert!(err.starts_with(words), "{err} (expected {words})");
        }
        assert_eq!(d, before);
    }
}
