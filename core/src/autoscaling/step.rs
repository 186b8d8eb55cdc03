//! Step scaling (Application Auto Scaling User Guide, step scaling policies): the breach size
//! (metric − alarm threshold) picks a step adjustment and the adjustment type turns it into a
//! capacity. A missing bound is infinite. Which bound is inclusive depends on the side of the
//! threshold (API StepAdjustment,
//! <https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepAdjustment.html>):
//! "If the metric value is above the breach threshold, the lower bound is inclusive [...].
//! Otherwise, it is exclusive", and the upper bound the other way round. So a step at or above
//! the threshold is `[lower, upper)` and a step below it is `(lower, upper]`.

/// `AdjustmentType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustmentType {
    /// Add the adjustment to the capacity.
    ChangeInCapacity,
    /// Add that percentage of the capacity.
    PercentChangeInCapacity,
    /// Set the capacity to the adjustment.
    ExactCapacity,
}

impl AdjustmentType {
    /// Parses the API value.
    pub fn parse(s: &str) -> Option<AdjustmentType> {
        Some(match s {
            "ChangeInCapacity" => AdjustmentType::ChangeInCapacity,
            "PercentChangeInCapacity" => AdjustmentType::PercentChangeInCapacity,
            "ExactCapacity" => AdjustmentType::ExactCapacity,
            _ => return None,
        })
    }
}

/// One `StepAdjustment`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepAdjustment {
    /// `metricIntervalLowerBound` (None = −∞); inclusive when it is 0 or more, see
    /// [`StepAdjustment::holds`].
    pub lower: Option<f64>,
    /// `metricIntervalUpperBound` (None = +∞); inclusive when it is 0 or less.
    pub upper: Option<f64>,
    /// `scalingAdjustment`.
    pub adjustment: i32,
}

/// Which side of the alarm threshold a step's interval lies on: API StepAdjustment makes a
/// bound inclusive or exclusive by whether "the metric value is above the breach threshold".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdSide {
    /// Lower bound 0 or more: `[lower, upper)` ("greater than or equal to 50 and less than 60:
    /// lower bound 0, upper bound 10" for a threshold of 50).
    AtOrAbove,
    /// Upper bound 0 or less: `(lower, upper]` ("greater than 40 and less than or equal to 50:
    /// lower bound -10, upper bound 0").
    Below,
    /// Lower bound below 0 and upper bound above 0 (or open): both bounds are away from the
    /// threshold on the side where the API calls them exclusive, so `(lower, upper)`.
    Across,
}

impl StepAdjustment {
    /// The side of the threshold the step covers, by the sign of its bounds. The API's own
    /// examples put a metric exactly at the threshold in both the `0..10` and the `-10..0` step,
    /// so "above the breach threshold" is read as where the step lies (bounds ≥ 0 or ≤ 0), not
    /// as a comparison of the metric with the threshold.
    pub fn side(&self) -> ThresholdSide {
        if self.lower.is_some_and(|l| l >= 0.0) {
            ThresholdSide::AtOrAbove
        } else if self.upper.is_some_and(|u| u <= 0.0) {
            ThresholdSide::Below
        } else {
            ThresholdSide::Across
        }
    }

    /// Whether `breach` (metric − threshold) falls in the step's interval (API StepAdjustment
    /// MetricIntervalLowerBound / MetricIntervalUpperBound): a lower bound of 0 or more is
    /// inclusive ("greater than or equal to the threshold plus the lower bound"), a negative one
    /// exclusive; an upper bound of 0 or less is inclusive ("less than or equal to the threshold
    /// plus the upper bound"), a positive one exclusive. A missing bound is infinite.
    pub fn holds(&self, breach: f64) -> bool {
        let above_lower = match self.lower {
            None => true,
            Some(l) if l >= 0.0 => breach >= l,
            Some(l) => breach > l,
        };
        let below_upper = match self.upper {
            None => true,
            Some(u) if u <= 0.0 => breach <= u,
            Some(u) => breach < u,
        };
        above_lower && below_upper
    }
}

/// The adjustment of the step whose interval holds `breach` (metric − threshold), see
/// [`StepAdjustment::holds`]. Contiguous steps (API StepAdjustment: no overlap, no gap) share
/// one point only: a metric exactly at the threshold when one step ends at 0 from below and
/// another starts at 0. The docs are silent on which applies; the simulator takes the one on
/// the side the alarm fires on (`alarm_fires_above`: a `GreaterThan…` alarm), else the first.
pub fn select_step(steps: &[StepAdjustment], breach: f64, alarm_fires_above: bool) -> Option<i32> {
    let preferred = if alarm_fires_above {
        ThresholdSide::AtOrAbove
    } else {
        ThresholdSide::Below
    };
    let mut holding = steps.iter().filter(|s| s.holds(breach));
    let first = holding.next()?;
    if first.side() == preferred {
        return Some(first.adjustment);
    }
    Some(
        holding
            .find(|s| s.side() == preferred)
            .unwrap_or(first)
            .adjustment,
    )
}

/// The capacity after applying `adjustment` to `base`. PercentChangeInCapacity rounds as Auto
/// Scaling documents it (above 1 down, between 0 and 1 to 1, between −1 and 0 to −1, below −1
/// up) and is at least `minAdjustmentMagnitude` in size (API StepScalingPolicyConfiguration:
/// 25 % of 4 tasks is 1, with magnitude 2 it adds 2). Never below 0.
pub fn apply_adjustment(
    kind: AdjustmentType,
    base: u32,
    adjustment: i32,
    min_adjustment_magnitude: Option<u32>,
) -> u32 {
    let base_i = i64::from(base);
    let new = match kind {
        AdjustmentType::ExactCapacity => i64::from(adjustment),
        AdjustmentType::ChangeInCapacity => base_i + i64::from(adjustment),
        AdjustmentType::PercentChangeInCapacity => {
            let raw = f64::from(base) * f64::from(adjustment) / 100.0;
            let mut change = if raw > 1.0 {
                raw.floor() as i64
            } else if raw > 0.0 {
                1
            } else if raw < -1.0 {
                raw.ceil() as i64
            } else if raw < 0.0 {
                -1
            } else {
                0
            };
            if let Some(m) = min_adjustment_magnitude {
                let m = i64::from(m);
                if change > 0 && change < m {
                    change = m;
                } else if change < 0 && -change < m {
                    change = -m;
                }
            }
            base_i + change
        }
    };
    new.clamp(0, i64::from(u32::MAX)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(lower: Option<f64>, upper: Option<f64>, adjustment: i32) -> StepAdjustment {
        StepAdjustment {
            lower,
            upper,
            adjustment,
        }
    }

    #[test]
    fn above_the_breach_threshold_the_lower_bound_is_inclusive_and_the_upper_exclusive() {
        // API StepAdjustment, threshold 50: "greater than or equal to 50 and less than 60,
        // specify a lower bound of 0 and an upper bound of 10".
        let steps = [step(Some(0.0), Some(10.0), 1), step(Some(10.0), None, 3)];
        // A metric exactly at threshold + lower (50, 60) is in the step.
        assert_eq!(select_step(&steps, 0.0, true), Some(1));
        assert_eq!(select_step(&steps, 9.99, true), Some(1));
        assert_eq!(select_step(&steps, 10.0, true), Some(3));
        assert_eq!(select_step(&steps, -0.5, true), None);
        assert_eq!(steps[0].side(), ThresholdSide::AtOrAbove);
    }

    #[test]
    fn below_the_breach_threshold_the_lower_bound_is_exclusive_and_the_upper_inclusive() {
        // API StepAdjustment, threshold 50: "greater than 40 and less than or equal to 50,
        // specify a lower bound of -10 and an upper bound of 0".
        let steps = [
            step(None, Some(-10.0), -3),
            step(Some(-10.0), Some(0.0), -1),
        ];
        // Exactly at the threshold (50) is in the −10..0 step.
        assert_eq!(select_step(&steps, 0.0, false), Some(-1));
        assert_eq!(select_step(&steps, -9.99, false), Some(-1));
        // Exactly at threshold − 10 (40) is not: it belongs to the step below.
        assert!(!steps[1].holds(-10.0));
        assert_eq!(select_step(&steps, -10.0, false), Some(-3));
        assert_eq!(select_step(&steps, 0.01, false), None);
        assert_eq!(steps[1].side(), ThresholdSide::Below);
    }

    #[test]
    fn a_step_across_the_threshold_excludes_both_bounds_and_its_neighbours_take_them() {
        // Lower below 0, upper above 0: each bound lies where the API calls it exclusive.
        let steps = [
            step(None, Some(-10.0), -2),
            step(Some(-10.0), Some(10.0), 0),
            step(Some(10.0), None, 2),
        ];
        assert_eq!(steps[1].side(), ThresholdSide::Across);
        assert_eq!(select_step(&steps, -10.0, true), Some(-2));
        assert_eq!(select_step(&steps, 0.0, true), Some(0));
        assert_eq!(select_step(&steps, 10.0, true), Some(2));
    }

    #[test]
    fn exactly_at_the_threshold_between_a_step_below_and_one_above_the_alarm_side_decides() {
        // Both the −10..0 and the 0..10 step hold a metric exactly at the threshold (API
        // StepAdjustment's two examples); the docs are silent, the alarm's direction decides.
        let steps = [
            step(None, Some(-10.0), -2),
            step(Some(-10.0), Some(0.0), -1),
            step(Some(0.0), Some(10.0), 1),
            step(Some(10.0), None, 2),
        ];
        assert_eq!(select_step(&steps, 0.0, true), Some(1));
        assert_eq!(select_step(&steps, 0.0, false), Some(-1));
        // Anywhere else only one step holds the breach.
        assert_eq!(select_step(&steps, 5.0, false), Some(1));
        assert_eq!(select_step(&steps, -5.0, true), Some(-1));
    }

    #[test]
    fn adjustment_types_change_exact_and_percent_with_min_adjustment_magnitude() {
        use AdjustmentType::*;
        assert_eq!(apply_adjustment(ChangeInCapacity, 4, 2, None), 6);
        assert_eq!(apply_adjustment(ChangeInCapacity, 1, -3, None), 0);
        assert_eq!(apply_adjustment(ExactCapacity, 4, 10, None), 10);
        // API StepScalingPolicyConfiguration example: 25 % of 4 is 1; magnitude 2 → +2.
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 4, 25, None), 5);
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 4, 25, Some(2)), 6);
        // Rounding: 2.5 → 2; 0.5 → 1; −0.5 → −1; −6.67 → −6.
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 10, 25, None), 12);
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 2, 25, None), 3);
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 2, -25, None), 1);
        assert_eq!(apply_adjustment(PercentChangeInCapacity, 20, -33, None), 14);
    }
}
