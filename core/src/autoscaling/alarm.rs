//! CloudWatch alarms on one-minute datapoints (CloudWatch "Evaluating an alarm": the alarm is
//! in ALARM when at least `datapointsToAlarm` of the last `evaluationPeriods` datapoints breach).

use crate::metrics::{Datapoint, MetricName};

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
