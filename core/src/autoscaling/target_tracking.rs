//! Target tracking (DG service-autoscaling-targettracking; Application Auto Scaling User
//! Guide, target tracking): capacity moves to ⌈current × metric / target⌉.
//!
//! The alarms Application Auto Scaling creates are not documented in numbers. As seen in AWS
//! workshops (observed, not documented): AlarmHigh fires after 3 of 3 one-minute datapoints
//! above the target, AlarmLow after 15 of 15 below 90 % of the target.

use super::alarm::{Alarm, Comparison};
use crate::metrics::MetricName;

/// AlarmHigh's datapoints (observed, not documented).
pub const HIGH_DATAPOINTS: u32 = 3;
/// AlarmLow's datapoints (observed, not documented).
pub const LOW_DATAPOINTS: u32 = 15;
/// AlarmLow's threshold as a fraction of the target (observed, not documented).
pub const LOW_THRESHOLD_FRACTION: f64 = 0.9;
/// Default `scaleOutCooldown` and `scaleInCooldown`, seconds (API
/// TargetTrackingScalingPolicyConfiguration: 300 for ECS services).
pub const DEFAULT_COOLDOWN_SECONDS: u32 = 300;

/// The new capacity: ⌈current × metric / target⌉.
pub fn target_tracking_capacity(current: u32, metric: f64, target: f64) -> u32 {
    if target <= 0.0 || !metric.is_finite() || metric < 0.0 {
        return current;
    }
    let v = (f64::from(current) * metric / target).ceil();
    if v >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        v as u32
    }
}

/// AlarmHigh of a target tracking policy.
pub fn alarm_high(metric: MetricName, target: f64) -> Alarm {
    Alarm {
        metric,
        comparison: Comparison::GreaterThan,
        threshold: target,
        evaluation_periods: HIGH_DATAPOINTS,
        datapoints_to_alarm: HIGH_DATAPOINTS,
    }
}

/// AlarmLow of a target tracking policy.
pub fn alarm_low(metric: MetricName, target: f64) -> Alarm {
    Alarm {
        metric,
        comparison: Comparison::LessThan,
        threshold: target * LOW_THRESHOLD_FRACTION,
        evaluation_periods: LOW_DATAPOINTS,
        datapoints_to_alarm: LOW_DATAPOINTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_tracking_50_percent_cpu_with_4_tasks_at_100_gives_8() {
        assert_eq!(target_tracking_capacity(4, 100.0, 50.0), 8);
        assert_eq!(target_tracking_capacity(8, 20.0, 50.0), 4);
        assert_eq!(target_tracking_capacity(3, 51.0, 50.0), 4);
    }

    #[test]
    fn target_tracking_alarms_are_3_of_3_above_and_15_of_15_below_90_percent() {
        let hi = alarm_high(MetricName::CPUUtilization, 50.0);
        assert_eq!((hi.evaluation_periods, hi.datapoints_to_alarm), (3, 3));
        assert_eq!(hi.threshold, 50.0);
        let lo = alarm_low(MetricName::CPUUtilization, 50.0);
        assert_eq!((lo.evaluation_periods, lo.datapoints_to_alarm), (15, 15));
        assert_eq!(lo.threshold, 45.0);
    }
}
