//! Step scaling (Application Auto Scaling User Guide, step scaling policies): the breach size
//! (metric − alarm threshold) picks a step adjustment — lower bound inclusive, upper bound
//! exclusive, a missing bound is infinite — and the adjustment type turns it into a capacity.

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
    /// `metricIntervalLowerBound` (inclusive; None = −∞).
    pub lower: Option<f64>,
    /// `metricIntervalUpperBound` (exclusive; None = +∞).
    pub upper: Option<f64>,
    /// `scalingAdjustment`.
    pub adjustment: i32,
}

/// The adjustment of the step whose interval holds `breach` (metric − threshold).
pub fn select_step(steps: &[StepAdjustment], breach: f64) -> Option<i32> {
    steps
        .iter()
        .find(|s| s.lower.is_none_or(|l| breach >= l) && s.upper.is_none_or(|u| breach < u))
        .map(|s| s.adjustment)
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

    #[test]
    fn step_intervals_are_lower_inclusive_upper_exclusive() {
        let steps = [
            StepAdjustment {
                lower: Some(0.0),
                upper: Some(10.0),
                adjustment: 1,
            },
            StepAdjustment {
                lower: Some(10.0),
                upper: None,
                adjustment: 3,
            },
        ];
        assert_eq!(select_step(&steps, 0.0), Some(1));
        assert_eq!(select_step(&steps, 9.99), Some(1));
        assert_eq!(select_step(&steps, 10.0), Some(3));
        assert_eq!(select_step(&steps, -0.5), None);
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
