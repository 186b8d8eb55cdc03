//! Resolves a service's or RunTask's placement strategies and constraints, reporting each
//! refused item at its path with [`super::rules`]' words.

use super::rules::{self, MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES};
use super::{Constraint, PlacementConstraintSpec, PlacementStrategySpec, Strategy};
use crate::problem::Problems;

/// The strategies (or `defaults` when none is given) and constraints at `path`. Fargate takes
/// neither (DG task-placement).
pub fn placement(
    path: &str,
    strategies: &[PlacementStrategySpec],
    constraints: &[PlacementConstraintSpec],
    fargate: bool,
    defaults: Vec<Strategy>,
    p: &mut Problems,
) -> (Vec<Strategy>, Vec<Constraint>) {
    if fargate && (!strategies.is_empty() || !constraints.is_empty()) {
        p.push(path, "Task placement strategies and constraints are not supported with the Fargate launch type.");
    }
    if strategies.len() > MAX_PLACEMENT_STRATEGIES {
        p.push(
            format!("{path}.placementStrategy"),
            format!("at most {MAX_PLACEMENT_STRATEGIES} placement strategies"),
        );
    }
    if constraints.len() > MAX_PLACEMENT_CONSTRAINTS {
        p.push(
            format!("{path}.placementConstraints"),
            format!("at most {MAX_PLACEMENT_CONSTRAINTS} placement constraints"),
        );
    }
    let mut out_s = Vec::new();
    for (i, s) in strategies.iter().enumerate() {
        match rules::strategy(s) {
            Ok(resolved) => out_s.push(resolved),
            Err(e) => p.push(
                format!("{path}.placementStrategy[{i}].{}", e.key),
                e.message,
            ),
        }
    }
    let mut out_c = Vec::new();
    for (i, c) in constraints.iter().enumerate() {
        match rules::constraint(c) {
            Ok(resolved) => out_c.push(resolved),
            Err(e) => p.push(
                format!("{path}.placementConstraints[{i}].{}", e.key),
                e.message,
            ),
        }
    }
    if strategies.is_empty() {
        out_s = defaults;
    }
    (out_s, out_c)
}
