//! Row edits of a step policy's `stepAdjustments` that keep the ranges contiguous, since API
//! StepAdjustment allows neither overlaps nor gaps: moving a bound moves the neighbour that
//! shared it, adding a row splits the open-ended one, removing a row widens a neighbour. The
//! results are checked by the step scaling form when written, like any other edit.

use crate::autoscaling::step::{StepAdjustment, ThresholdSide};

/// Width of a new row when there is no neighbouring row to copy it from (metric units).
pub const DEFAULT_STEP_WIDTH: f64 = 10.0;

/// Which bound of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `metricIntervalLowerBound`.
    Lower,
    /// `metricIntervalUpperBound`.
    Upper,
}

/// The rows with bound `bound` of row `row` set to `value` (None = infinite). A row whose
/// opposite bound equalled the old value moves with it, so two adjacent ranges stay adjacent.
pub fn move_step_bound(
    steps: &[StepAdjustment],
    row: usize,
    bound: Bound,
    value: Option<f64>,
) -> Vec<StepAdjustment> {
    let mut out = steps.to_vec();
    let Some(s) = out.get_mut(row) else {
        return out;
    };
    let old = match bound {
        Bound::Lower => std::mem::replace(&mut s.lower, value),
        Bound::Upper => std::mem::replace(&mut s.upper, value),
    };
    if let (Some(old), Some(_)) = (old, value) {
        let neighbour = out.iter_mut().enumerate().find(|(j, n)| {
            *j != row
                && match bound {
                    Bound::Lower => n.upper == Some(old),
                    Bound::Upper => n.lower == Some(old),
                }
        });
        if let Some((_, n)) = neighbour {
            match bound {
                Bound::Lower => n.upper = value,
                Bound::Upper => n.lower = value,
            }
        }
    }
    out
}

/// What a row covers in metric terms for an alarm threshold, with the bounds API StepAdjustment
/// includes: a step at or above the threshold includes its lower bound (`≥ 60 and < 80`), one
/// below it its upper bound (`> 40 and ≤ 50`), one across it neither (`> 40 and < 60`).
pub fn metric_range(step: &StepAdjustment, threshold: f64) -> String {
    let (lower_sign, upper_sign) = match step.side() {
        ThresholdSide::AtOrAbove => ("≥", "<"),
        ThresholdSide::Below => (">", "≤"),
        ThresholdSide::Across => (">", "<"),
    };
    let lower = step
        .lower
        .map(|l| format!("{lower_sign} {}", number(threshold + l)));
    let upper = step
        .upper
        .map(|u| format!("{upper_sign} {}", number(threshold + u)));
    match (lower, upper) {
        (Some(l), Some(u)) => format!("{l} and {u}"),
        (Some(b), None) | (None, Some(b)) => b,
        (None, None) => "any value".to_string(),
    }
}

/// A metric value as the form shows it: no ".0" on whole numbers.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// The rows with one more: the open-ended row is split at its finite bound plus (or minus) the
/// width of the row next to it, the new part keeping its adjustment. Scale-out policies grow
/// upwards (`[l, +∞)` splits), scale-in ones downwards (`(−∞, u]` splits); no rows gives
/// `[0, +∞)` adding 1.
pub fn add_step_row(steps: &[StepAdjustment]) -> Vec<StepAdjustment> {
    let mut out = steps.to_vec();
    let width = |edge: f64, is_upper_of_neighbour: bool| {
        steps
            .iter()
            .find_map(|n| match (n.lower, n.upper) {
                (Some(l), Some(u)) if is_upper_of_neighbour && u == edge => Some(u - l),
                (Some(l), Some(u)) if !is_upper_of_neighbour && l == edge => Some(u - l),
                _ => None,
            })
            .unwrap_or(DEFAULT_STEP_WIDTH)
    };
    if let Some(i) = out
        .iter()
        .position(|s| s.lower.is_some() && s.upper.is_none())
    {
        let l = out[i].lower.unwrap_or_default();
        let split = l + width(l, true);
        out[i].upper = Some(split);
        let adjustment = out[i].adjustment;
        out.push(StepAdjustment {
            lower: Some(split),
            upper: None,
            adjustment,
        });
    } else if let Some(i) = out
        .iter()
        .position(|s| s.lower.is_none() && s.upper.is_some())
    {
        let u = out[i].upper.unwrap_or_default();
        let split = u - width(u, false);
        out[i].lower = Some(split);
        let adjustment = out[i].adjustment;
        out.insert(
            i,
            StepAdjustment {
                lower: None,
                upper: Some(split),
                adjustment,
            },
        );
    } else {
        let top = out
            .iter()
            .flat_map(|s| [s.lower, s.upper])
            .flatten()
            .fold(0.0_f64, f64::max);
        out.push(StepAdjustment {
            lower: Some(top),
            upper: None,
            adjustment: 1,
        });
    }
    out
}

/// The rows without row `row`; the neighbour above (or else below) takes over its range so no
/// gap opens. Refuses removing the last row: a step policy needs at least one step adjustment.
pub fn remove_step_row(
    steps: &[StepAdjustment],
    row: usize,
) -> Result<Vec<StepAdjustment>, String> {
    if steps.len() <= 1 {
        return Err("stepAdjustments: at least one step adjustment is required".into());
    }
    let mut out = steps.to_vec();
    if row >= out.len() {
        return Ok(out);
    }
    let gone = out.remove(row);
    if let Some(n) = out
        .iter_mut()
        .find(|n| gone.upper.is_some() && n.lower == gone.upper)
    {
        n.lower = gone.lower;
    } else if let Some(n) = out
        .iter_mut()
        .find(|n| gone.lower.is_some() && n.upper == gone.lower)
    {
        n.upper = gone.upper;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::autoscaling::rules::check_steps;

    fn s(lower: Option<f64>, upper: Option<f64>, adjustment: i32) -> StepAdjustment {
        StepAdjustment {
            lower,
            upper,
            adjustment,
        }
    }

    fn example() -> Vec<StepAdjustment> {
        vec![s(Some(0.0), Some(20.0), 2), s(Some(20.0), None, 4)]
    }

    #[test]
    fn moving_a_shared_bound_moves_the_neighbour_and_stays_valid() {
        let moved = move_step_bound(&example(), 0, Bound::Upper, Some(30.0));
        assert_eq!(moved, [s(Some(0.0), Some(30.0), 2), s(Some(30.0), None, 4)]);
        assert!(check_steps(&moved).is_empty());
        let moved = move_step_bound(&example(), 1, Bound::Lower, Some(10.0));
        assert_eq!(moved, [s(Some(0.0), Some(10.0), 2), s(Some(10.0), None, 4)]);
        // The outer edge has no neighbour; opening a bound moves nothing (and check_steps
        // says why it is wrong).
        let moved = move_step_bound(&example(), 0, Bound::Lower, Some(5.0));
        assert_eq!(moved[1], example()[1]);
        let opened = move_step_bound(&example(), 0, Bound::Upper, None);
        assert_eq!(opened[1], example()[1]);
        assert!(!check_steps(&opened).is_empty());
    }

    #[test]
    fn the_metric_range_shows_which_bound_api_step_adjustment_includes() {
        // API StepAdjustment, threshold 50: lower 0 upper 10 is "greater than or equal to 50 and
        // less than 60"; lower -10 upper 0 is "greater than 40 and less than or equal to 50".
        assert_eq!(
            metric_range(&s(Some(0.0), Some(10.0), 1), 50.0),
            "≥ 50 and < 60"
        );
        assert_eq!(
            metric_range(&s(Some(-10.0), Some(0.0), -1), 50.0),
            "> 40 and ≤ 50"
        );
        assert_eq!(metric_range(&s(Some(10.0), None, 2), 50.0), "≥ 60");
        assert_eq!(metric_range(&s(None, Some(-10.0), -2), 50.0), "≤ 40");
        assert_eq!(
            metric_range(&s(Some(-5.0), Some(2.5), 0), 50.0),
            "> 45 and < 52.5"
        );
    }

    #[test]
    fn adding_splits_the_open_row_by_its_neighbours_width() {
        let added = add_step_row(&example());
        assert_eq!(
            added,
            [
                s(Some(0.0), Some(20.0), 2),
                s(Some(20.0), Some(40.0), 4),
                s(Some(40.0), None, 4)
            ]
        );
        assert!(check_steps(&added).is_empty());
        let scale_in = vec![s(None, Some(0.0), -1)];
        let added = add_step_row(&scale_in);
        assert_eq!(
            added,
            [s(None, Some(-10.0), -1), s(Some(-10.0), Some(0.0), -1)]
        );
        assert!(check_steps(&added).is_empty());
        assert_eq!(add_step_row(&[]), [s(Some(0.0), None, 1)]);
    }

    #[test]
    fn removing_a_row_widens_a_neighbour_and_the_last_row_stays() {
        let three = add_step_row(&example());
        let removed = remove_step_row(&three, 1).expect("removed");
        assert_eq!(
            removed,
            [s(Some(0.0), Some(20.0), 2), s(Some(20.0), None, 4)]
        );
        let removed = remove_step_row(&three, 2).expect("removed");
        assert_eq!(
            removed,
            [s(Some(0.0), Some(20.0), 2), s(Some(20.0), None, 4)]
        );
        assert!(check_steps(&removed).is_empty());
        let removed = remove_step_row(&three, 0).expect("removed");
        assert_eq!(
            removed,
            [s(Some(0.0), Some(40.0), 4), s(Some(40.0), None, 4)]
        );
        let err = remove_step_row(&[s(Some(0.0), None, 1)], 0).unwrap_err();
        assert!(err.starts_with("stepAdjustments"), "{err}");
    }
}
