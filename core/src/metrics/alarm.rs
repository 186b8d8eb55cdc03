//! CloudWatch alarms on one-minute datapoints (CloudWatch "Evaluating an alarm": the alarm is
//! in ALARM when at least `datapointsToAlarm` of the last `evaluationPeriods` datapoints breach).

use super::{Datapoint, MetricName};
use crate::problem::words::or_list;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};

/// `ComparisonOperator` of an alarm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `GreaterThanThreshold`.
    GreaterThan,
    /// `GreaterThanOrEqualToThreshold`.
    GreaterThanOrEqual,
    /// `LessThanThreshold`.
    LessThan,
    /// `LessThanOrEqualToThreshold`.
    LessThanOrEqual,
}

impl Comparison {
    /// The operator as a sign, for a chart's threshold line ("alarm > 60%").
    pub fn sign(self) -> &'static str {
        match self {
            Comparison::GreaterThan => ">",
            Comparison::GreaterThanOrEqual => "≥",
            Comparison::LessThan => "<",
            Comparison::LessThanOrEqual => "≤",
        }
    }

    /// Parses CloudWatch's operator name.
    pub fn parse(s: &str) -> Option<Comparison> {
        Some(match s {
            "GreaterThanThreshold" => Comparison::GreaterThan,
            "GreaterThanOrEqualToThreshold" => Comparison::GreaterThanOrEqual,
            "LessThanThreshold" => Comparison::LessThan,
            "LessThanOrEqualToThreshold" => Comparison::LessThanOrEqual,
            _ => return None,
        })
    }

    /// Whether the alarm fires on values above its threshold (`GreaterThan…`), which decides
    /// the step of a metric exactly at the threshold ([`super::step::select_step`]).
    pub fn fires_above(self) -> bool {
        matches!(
            self,
            Comparison::GreaterThan | Comparison::GreaterThanOrEqual
        )
    }

    /// Whether `value` breaches `threshold`.
    pub fn breaches(self, value: f64, threshold: f64) -> bool {
        match self {
            Comparison::GreaterThan => value > threshold,
            Comparison::GreaterThanOrEqual => value >= threshold,
            Comparison::LessThan => value < threshold,
            Comparison::LessThanOrEqual => value <= threshold,
        }
    }
}

/// A metric alarm on a service metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Alarm {
    /// The metric.
    pub metric: MetricName,
    /// How a datapoint breaches.
    pub comparison: Comparison,
    /// The threshold.
    pub threshold: f64,
    /// `evaluationPeriods` (one minute each).
    pub evaluation_periods: u32,
    /// `datapointsToAlarm`.
    pub datapoints_to_alarm: u32,
}

impl Alarm {
    /// Whether the alarm is in ALARM given the series so far (missing datapoints are treated
    /// as not breaching, CloudWatch's `missing` default for too few datapoints).
    pub fn in_alarm(&self, series: &[Datapoint]) -> bool {
        let n = self.evaluation_periods as usize;
        let last = &series[series.len().saturating_sub(n)..];
        let breaching = last
            .iter()
            .filter(|d| self.comparison.breaches(d.value, self.threshold))
            .count();
        breaching >= self.datapoints_to_alarm as usize
    }
}

/// The metrics a scenario's `cloudWatchAlarms` may watch: every per-service metric the
/// simulator publishes.
pub const SERVICE_ALARM_METRICS: [MetricName; 8] = [
    MetricName::CPUUtilization,
    MetricName::MemoryUtilization,
    MetricName::RequestCountPerTarget,
    MetricName::RequestCount,
    MetricName::HTTPCode_Target_5XX_Count,
    MetricName::HTTPCode_ELB_5XX_Count,
    MetricName::TargetResponseTime,
    MetricName::RunningTaskCount,
];

/// Longest evaluation window: a day of one-minute periods (CloudWatch PutMetricAlarm:
/// "the number of periods multiplied by the period length ... cannot exceed one day").
pub const MAX_ALARM_EVALUATION_PERIODS: u32 = 1440;

/// One entry of the scenario's `cloudWatchAlarms`: a CloudWatch metric alarm on one service's
/// metric (`put-metric-alarm` with a 60-second period and the metric's own statistic), which a
/// service's `deploymentConfiguration.alarms` names so that its deployments fail when it goes
/// into ALARM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetricAlarmSpec {
    /// `AlarmName`: what `deploymentConfiguration.alarms.alarmNames` lists.
    pub alarm_name: String,
    /// The service whose metric it watches (the `ServiceName` dimension).
    pub service_name: String,
    /// One of [`SERVICE_ALARM_METRICS`].
    pub metric_name: String,
    /// `GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold` or
    /// `LessThanOrEqualToThreshold`.
    pub comparison_operator: String,
    /// The threshold.
    pub threshold: f64,
    /// Datapoints looked at (one-minute periods).
    pub evaluation_periods: u32,
    /// Breaching datapoints among them that put the alarm in ALARM (default: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datapoints_to_alarm: Option<u32>,
}

/// A resolved `cloudWatchAlarms` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceAlarm {
    /// `AlarmName`.
    pub name: String,
    /// The service whose metric it watches (index into the model).
    pub service: usize,
    /// How it decides.
    pub alarm: Alarm,
}

/// The metric named `name`, if a service alarm may watch it.
pub fn service_alarm_metric(name: &str) -> Option<MetricName> {
    SERVICE_ALARM_METRICS
        .iter()
        .copied()
        .find(|m| m.as_str() == name)
}

/// The checks every alarm this simulator evaluates shares (CloudWatch PutMetricAlarm): its
/// operator, a finite threshold, 1 to [`MAX_ALARM_EVALUATION_PERIODS`] one-minute periods and
/// `datapointsToAlarm` (default: all of them) at most those; paths relative to the alarm. A step
/// scaling policy's `alarm` and a `cloudWatchAlarms` entry both use it.
pub fn check_alarm_terms(
    comparison_operator: &str,
    threshold: f64,
    evaluation_periods: u32,
    datapoints_to_alarm: Option<u32>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if Comparison::parse(comparison_operator).is_none() {
        out.push(Problem::new(
            "comparisonOperator",
            "comparisonOperator must be GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold or LessThanOrEqualToThreshold",
        ));
    }
    if !threshold.is_finite() {
        out.push(Problem::new("threshold", "threshold must be a number"));
    }
    if !(1..=MAX_ALARM_EVALUATION_PERIODS).contains(&evaluation_periods) {
        out.push(Problem::new(
            "evaluationPeriods",
            format!("evaluationPeriods must be between 1 and {MAX_ALARM_EVALUATION_PERIODS} (one-minute periods, at most a day)"),
        ));
    }
    let dta = datapoints_to_alarm.unwrap_or(evaluation_periods);
    if dta == 0 || dta > evaluation_periods {
        out.push(Problem::new(
            "datapointsToAlarm",
            "datapointsToAlarm must be between 1 and evaluationPeriods",
        ));
    }
    out
}

/// The alarm on `metric` these terms describe, once [`check_alarm_terms`] found nothing.
pub fn alarm_of_terms(
    metric: MetricName,
    comparison_operator: &str,
    threshold: f64,
    evaluation_periods: u32,
    datapoints_to_alarm: Option<u32>,
) -> Option<Alarm> {
    Some(Alarm {
        metric,
        comparison: Comparison::parse(comparison_operator)?,
        threshold,
        evaluation_periods,
        datapoints_to_alarm: datapoints_to_alarm.unwrap_or(evaluation_periods),
    })
}

/// A `cloudWatchAlarms` entry's own checks (paths relative to the entry); the service name is
/// checked by its caller, which knows the services.
pub fn check_metric_alarm(a: &MetricAlarmSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    if a.alarm_name.trim().is_empty() || a.alarm_name.chars().count() > 255 {
        out.push(Problem::new(
            "alarmName",
            "alarmName must be 1 to 255 characters",
        ));
    }
    if service_alarm_metric(&a.metric_name).is_none() {
        let names: Vec<&str> = SERVICE_ALARM_METRICS.iter().map(|m| m.as_str()).collect();
        out.push(Problem::new(
            "metricName",
            format!("metricName must be {}", or_list(&names)),
        ));
    }
    out.extend(check_alarm_terms(
        &a.comparison_operator,
        a.threshold,
        a.evaluation_periods,
        a.datapoints_to_alarm,
    ));
    out
}

/// The alarm a valid entry describes (None if [`check_metric_alarm`] finds a problem).
pub fn metric_alarm(a: &MetricAlarmSpec) -> Option<Alarm> {
    if !check_metric_alarm(a).is_empty() {
        return None;
    }
    alarm_of_terms(
        service_alarm_metric(&a.metric_name)?,
        &a.comparison_operator,
        a.threshold,
        a.evaluation_periods,
        a.datapoints_to_alarm,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Vec<Datapoint> {
        values
            .iter()
            .enumerate()
            .map(|(i, &value)| Datapoint {
                at: (i as u64 + 1) * 60_000,
                value,
            })
            .collect()
    }

    #[test]
    fn alarm_needs_datapoints_to_alarm_breaching_of_the_last_evaluation_periods() {
        let alarm = Alarm {
            metric: MetricName::CPUUtilization,
            comparison: Comparison::GreaterThan,
            threshold: 70.0,
            evaluation_periods: 3,
            datapoints_to_alarm: 2,
        };
        assert!(!alarm.in_alarm(&series(&[80.0])));
        assert!(alarm.in_alarm(&series(&[80.0, 60.0, 75.0])));
        // Only the last 3 count: 80 falls out of the window.
        assert!(!alarm.in_alarm(&series(&[80.0, 60.0, 75.0, 70.0])));
        // GreaterThan is strict.
        assert!(!alarm.in_alarm(&series(&[70.0, 70.0, 70.0])));
    }
}
