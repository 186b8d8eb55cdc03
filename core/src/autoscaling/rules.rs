//! Application Auto Scaling's request rules (PutScalingPolicy, PutScheduledAction) and the
//! CloudWatch alarm rules of a step policy, as pure checks on the `spec` shapes. Both
//! [`super::resolve`] and the forms ([`super::form::target_tracking`],
//! [`super::form::step_scaling`], [`super::form::scheduled_actions`]) call them, so the JSON tab
//! and the form refuse the same things in the same words. Each [`Problem`]'s path is relative to the object checked.

use super::spec::{AlarmSpec, StepScalingSpec, TargetTrackingSpec};
use super::step::{AdjustmentType, StepAdjustment};
use crate::metrics::MetricName;
use crate::problem::words::or_list;
use crate::problem::Problem;
use crate::service::resolve::MAX_TASKS_PER_SERVICE;

/// CloudWatch: evaluationPeriods × period may not exceed one day (1440 one-minute periods).
pub const MAX_EVALUATION_PERIODS: u32 = crate::metrics::alarm::MAX_ALARM_EVALUATION_PERIODS;

/// `predefinedMetricType`s a target tracking policy of an ECS service can track.
pub const TRACKED_METRICS: [&str; 3] = [
    "ECSServiceAverageCPUUtilization",
    "ECSServiceAverageMemoryUtilization",
    "ALBRequestCountPerTarget",
];
/// `metricName`s a step policy's alarm can watch (the service's CloudWatch metrics).
pub const ALARM_METRICS: [&str; 3] = [
    "CPUUtilization",
    "MemoryUtilization",
    "RequestCountPerTarget",
];
/// CloudWatch `ComparisonOperator`s the simulator evaluates.
pub const COMPARISON_OPERATORS: [&str; 4] = [
    "GreaterThanThreshold",
    "GreaterThanOrEqualToThreshold",
    "LessThanThreshold",
    "LessThanOrEqualToThreshold",
];
/// Step scaling `AdjustmentType`s.
pub const ADJUSTMENT_TYPES: [&str; 3] = [
    "ChangeInCapacity",
    "PercentChangeInCapacity",
    "ExactCapacity",
];
/// API TargetTrackingScalingPolicyConfiguration: TargetValue at most 1.174271e+108.
pub const MAX_TARGET_VALUE: f64 = 1.0e108;

/// The metric a target tracking policy's `predefinedMetricType` names.
pub fn tracked_metric(name: &str) -> Option<MetricName> {
    Some(match name {
        "ECSServiceAverageCPUUtilization" => MetricName::CPUUtilization,
        "ECSServiceAverageMemoryUtilization" => MetricName::MemoryUtilization,
        "ALBRequestCountPerTarget" => MetricName::RequestCountPerTarget,
        _ => return None,
    })
}

/// The metric a step policy alarm's `metricName` names.
pub fn alarm_metric(name: &str) -> Option<MetricName> {
    Some(match name {
        "CPUUtilization" => MetricName::CPUUtilization,
        "MemoryUtilization" => MetricName::MemoryUtilization,
        "RequestCountPerTarget" => MetricName::RequestCountPerTarget,
        _ => return None,
    })
}

/// `predefinedMetricSpecification.predefinedMetricType` and `targetValue` of a
/// TargetTrackingScalingPolicyConfiguration.
pub fn check_target_tracking(c: &TargetTrackingSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    if tracked_metric(&c.predefined_metric_specification.predefined_metric_type).is_none() {
        out.push(Problem::new(
            "predefinedMetricSpecification.predefinedMetricType",
            format!("predefinedMetricType must be {}", or_list(&TRACKED_METRICS)),
        ));
    }
    // API TargetTrackingScalingPolicyConfiguration: TargetValue between 8.515920e-109 and
    // 1.174271e+108; for percentages above 0.
    let v = c.target_value;
    if !v.is_finite() || v <= 0.0 || v > MAX_TARGET_VALUE {
        out.push(Problem::new("targetValue", "targetValue must be above 0"));
    }
    out
}

/// The simulator key `alarm` of a step policy (CloudWatch PutMetricAlarm on one-minute periods).
pub fn check_alarm(a: &AlarmSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    if alarm_metric(&a.metric_name).is_none() {
        out.push(Problem::new(
            "metricName",
            format!("metricName must be {}", or_list(&ALARM_METRICS)),
        ));
    }
    out.extend(crate::metrics::alarm::check_alarm_terms(
        &a.comparison_operator,
        a.threshold,
        a.evaluation_periods,
        a.datapoints_to_alarm,
    ));
    out
}

/// A StepScalingPolicyConfiguration: its adjustment type, step adjustments ([`check_steps`]),
/// minAdjustmentMagnitude and metricAggregationType.
pub fn check_step_configuration(c: &StepScalingSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    let kind = AdjustmentType::parse(&c.adjustment_type);
    if kind.is_none() {
        out.push(Problem::new(
            "adjustmentType",
            format!("adjustmentType must be {}", or_list(&ADJUSTMENT_TYPES)),
        ));
    }
    let steps: Vec<StepAdjustment> = c.step_adjustments.iter().map(|s| s.step()).collect();
    out.extend(check_steps(&steps));
    if kind == Some(AdjustmentType::ExactCapacity) {
        // API StepAdjustment ScalingAdjustment: "For exact capacity, you must specify a
        // non-negative value."
        for (j, s) in steps.iter().enumerate() {
            if s.adjustment < 0 {
                out.push(Problem::new(
                    format!("stepAdjustments[{j}].scalingAdjustment"),
                    "scalingAdjustment must be 0 or more with ExactCapacity",
                ));
            }
        }
    }
    if c.min_adjustment_magnitude.is_some() && kind != Some(AdjustmentType::PercentChangeInCapacity)
    {
        out.push(Problem::new(
            "minAdjustmentMagnitude",
            "minAdjustmentMagnitude applies only to PercentChangeInCapacity",
        ));
    }
    if let Some(a) = &c.metric_aggregation_type {
        if !["Average", "Minimum", "Maximum"].contains(&a.as_str()) {
            out.push(Problem::new(
                "metricAggregationType",
                "metricAggregationType must be Average, Minimum or Maximum",
            ));
        }
    }
    out
}

/// The rules of API StepAdjustment (Application Auto Scaling): each lower bound is below its
/// upper bound; "the ranges of your step adjustments can't overlap or have a gap"; "at most one
/// step adjustment can have a null lower bound" (and one a null upper bound); a negative lower
/// bound needs a step with a null lower bound, a positive upper bound one with a null upper
/// bound; "the upper and lower bound can't be null in the same step adjustment". Paths are
/// `stepAdjustments[j]` by position in `steps`.
pub fn check_steps(steps: &[StepAdjustment]) -> Vec<Problem> {
    if steps.is_empty() {
        return vec![Problem::new(
            "stepAdjustments",
            "at least one step adjustment is required",
        )];
    }
    // Each group of rules runs only when the ones before it found nothing: a step with bad
    // bounds would otherwise be reported again as a gap or an overlap.
    let out = check_step_bounds(steps);
    if !out.is_empty() {
        return out;
    }
    let out = check_open_ends(steps);
    if !out.is_empty() {
        return out;
    }
    check_ranges_meet(steps)
}

/// The path of the `j`th step adjustment.
fn step_at(j: usize) -> String {
    format!("stepAdjustments[{j}]")
}

/// Each step on its own: its bounds are numbers, the lower below the upper, and "the upper and
/// lower bound can't be null in the same step adjustment" (API StepAdjustment).
fn check_step_bounds(steps: &[StepAdjustment]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (j, s) in steps.iter().enumerate() {
        if s.lower.is_some_and(|v| !v.is_finite()) || s.upper.is_some_and(|v| !v.is_finite()) {
            out.push(Problem::new(
                step_at(j),
                "metric interval bounds must be numbers",
            ));
        } else if let (Some(l), Some(u)) = (s.lower, s.upper) {
            if l >= u {
                out.push(Problem::new(
                    step_at(j),
                    "metricIntervalLowerBound must be below metricIntervalUpperBound",
                ));
            }
        }
        if s.lower.is_none() && s.upper.is_none() {
            out.push(Problem::new(
                step_at(j),
                "metricIntervalLowerBound and metricIntervalUpperBound can't both be left out (infinite) in one step adjustment",
            ));
        }
    }
    out
}

/// The open (infinite) ends of the steps together: "at most one step adjustment can have a null
/// lower bound" (and one a null upper bound); a negative lower bound needs a step down to
/// -infinity, a positive upper bound one up to +infinity (API StepAdjustment).
fn check_open_ends(steps: &[StepAdjustment]) -> Vec<Problem> {
    let mut out = Vec::new();
    let open_ends: [(&str, OpenEnd); 2] = [
        ("metricIntervalLowerBound", |s| s.lower.is_none()),
        ("metricIntervalUpperBound", |s| s.upper.is_none()),
    ];
    for (bound, open) in open_ends {
        let open: Vec<usize> = (0..steps.len()).filter(|&j| open(&steps[j])).collect();
        if let Some(&second) = open.get(1) {
            out.push(Problem::new(
                step_at(second),
                format!("at most one step adjustment can leave {bound} out (infinite); stepAdjustments[{}] already does", open[0]),
            ));
        }
    }
    if let Some(j) = steps.iter().position(|s| s.lower.is_some_and(|l| l < 0.0)) {
        if !steps.iter().any(|s| s.lower.is_none()) {
            out.push(Problem::new(
                step_at(j),
                "a negative metricIntervalLowerBound needs a step adjustment with no lower bound (down to -infinity)",
            ));
        }
    }
    if let Some(j) = steps.iter().position(|s| s.upper.is_some_and(|u| u > 0.0)) {
        if !steps.iter().any(|s| s.upper.is_none()) {
            out.push(Problem::new(
                step_at(j),
                "a positive metricIntervalUpperBound needs a step adjustment with no upper bound (up to +infinity)",
            ));
        }
    }
    out
}

/// "The ranges of your step adjustments can't overlap or have a gap" (API StepAdjustment):
/// ordered by lower bound (None = -infinity first), each range must start where the one below
/// it ends.
fn check_ranges_meet(steps: &[StepAdjustment]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut order: Vec<usize> = (0..steps.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        let key = |j: usize| steps[j].lower.unwrap_or(f64::NEG_INFINITY);
        key(a).total_cmp(&key(b))
    });
    for pair in order.windows(2) {
        let (below, above) = (&steps[pair[0]], &steps[pair[1]]);
        match (below.upper, above.lower) {
            (Some(u), Some(l)) if u == l => {}
            (Some(u), Some(l)) if l < u => out.push(Problem::new(
                step_at(pair[1]),
                format!("step ranges can't overlap: metricIntervalLowerBound {l} is below the upper bound {u} of stepAdjustments[{}]", pair[0]),
            )),
            (Some(u), Some(l)) => out.push(Problem::new(
                step_at(pair[1]),
                format!("step ranges can't have a gap: metricIntervalLowerBound {l} must equal the upper bound {u} of stepAdjustments[{}]", pair[0]),
            )),
            _ => out.push(Problem::new(
                step_at(pair[1]),
                format!("step ranges can't overlap: stepAdjustments[{}] has no upper bound", pair[0]),
            )),
        }
    }
    out
}

/// `scalableTargetAction` of a scheduled action: at least one of min and max, min ≤ max, both
/// within the tasks-per-service quota.
pub fn check_target_action(min: Option<u32>, max: Option<u32>) -> Vec<Problem> {
    let mut out = Vec::new();
    if min.is_none() && max.is_none() {
        out.push(Problem::new(
            "scalableTargetAction",
            "give minCapacity and/or maxCapacity",
        ));
    }
    if let (Some(lo), Some(hi)) = (min, max) {
        if lo > hi {
            out.push(Problem::new(
                "scalableTargetAction.minCapacity",
                "minCapacity must not exceed maxCapacity",
            ));
        }
    }
    if max.is_some_and(|m| m > MAX_TASKS_PER_SERVICE)
        || min.is_some_and(|m| m > MAX_TASKS_PER_SERVICE)
    {
        out.push(Problem::new(
            "scalableTargetAction",
            format!(
                "capacities must be at most {MAX_TASKS_PER_SERVICE} (ECS quota: tasks per service)"
            ),
        ));
    }
    out
}

/// Whether a step leaves one of its bounds out.
type OpenEnd = fn(&StepAdjustment) -> bool;

#[cfg(test)]
mod tests {
    use super::*;

    fn s(lower: Option<f64>, upper: Option<f64>) -> StepAdjustment {
        StepAdjustment {
            lower,
            upper,
            adjustment: 1,
        }
    }

    fn paths(ps: &[Problem]) -> Vec<&str> {
        ps.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn contiguous_steps_in_any_order_pass_api_step_adjustment() {
        assert!(check_steps(&[s(Some(0.0), Some(20.0)), s(Some(20.0), None)]).is_empty());
        assert!(check_steps(&[s(Some(20.0), None), s(Some(0.0), Some(20.0))]).is_empty());
        assert!(check_steps(&[s(None, Some(-10.0)), s(Some(-10.0), Some(0.0))]).is_empty());
        assert!(check_steps(&[s(Some(0.0), None)]).is_empty());
        assert!(check_steps(&[s(None, Some(0.0))]).is_empty());
    }

    #[test]
    fn each_api_step_adjustment_rule_names_the_step() {
        let cases: [(&[StepAdjustment], &str, &str); 8] = [
            (&[], "stepAdjustments", "at least one"),
            (&[s(Some(5.0), Some(5.0))], "stepAdjustments[0]", "below"),
            (&[s(None, None)], "stepAdjustments[0]", "both"),
            (
                &[s(Some(0.0), None), s(Some(10.0), None)],
                "stepAdjustments[1]",
                "at most one",
            ),
            (
                &[s(None, Some(0.0)), s(None, Some(-5.0))],
                "stepAdjustments[1]",
                "at most one",
            ),
            (
                &[s(Some(0.0), Some(20.0)), s(Some(10.0), None)],
                "stepAdjustments[1]",
                "overlap",
            ),
            (
                &[s(Some(0.0), Some(10.0)), s(Some(20.0), None)],
                "stepAdjustments[1]",
                "gap",
            ),
            (
                &[s(Some(0.0), Some(10.0))],
                "stepAdjustments[0]",
                "no upper bound",
            ),
        ];
        for (steps, path, words) in cases {
            let ps = check_steps(steps);
            assert_eq!(paths(&ps), [path], "{steps:?}");
            assert!(ps[0].message.contains(words), "{}", ps[0].message);
        }
        let ps = check_steps(&[s(Some(-10.0), Some(0.0))]);
        assert!(ps[0].message.contains("no lower bound"), "{ps:?}");
    }

    #[test]
    fn target_action_needs_one_capacity_in_order_and_within_the_quota() {
        assert!(check_target_action(Some(1), None).is_empty());
        assert_eq!(
            paths(&check_target_action(None, None)),
            ["scalableTargetAction"]
        );
        assert_eq!(
            paths(&check_target_action(Some(5), Some(4))),
            ["scalableTargetAction.minCapacity"]
        );
        assert!(check_target_action(None, Some(5001))[0]
            .message
            .contains("5000"));
    }
}
