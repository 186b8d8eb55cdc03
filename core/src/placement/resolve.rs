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
    let constraints_path = format!("{path}.placementConstraints");
    at_most_ten_constraints(&constraints_path, constraints.len(), p);
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
    let out_c = constraints_at(&constraints_path, constraints, false, p);
    if strategies.is_empty() {
        out_s = defaults;
    }
    (out_s, out_c)
}

/// Refuses more than 10 constraints in the `placementConstraints` list at `path`.
fn at_most_ten_constraints(path: &str, count: usize, p: &mut Problems) {
    if count > MAX_PLACEMENT_CONSTRAINTS {
        p.push(
            path,
            format!("at most {MAX_PLACEMENT_CONSTRAINTS} placement constraints"),
        );
    }
}

/// The constraints at `path` (a `placementConstraints` list), each resolved or reported at its
/// index; with `member_of_only` (a task definition's) any other type is refused.
fn constraints_at(
    path: &str,
    specs: &[PlacementConstraintSpec],
    member_of_only: bool,
    p: &mut Problems,
) -> Vec<Constraint> {
    let mut out = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        if member_of_only && spec.kind != "memberOf" {
            p.push(
                format!("{path}[{i}].type"),
                format!(
                    "invalid constraint type '{}': a task definition's placement constraints take only memberOf (distinctInstance goes on the service or RunTask)",
                    spec.kind
                ),
            );
            continue;
        }
        match rules::constraint(spec) {
            Ok(resolved) => out.push(resolved),
            Err(e) => p.push(format!("{path}[{i}].{}", e.key), e.message),
        }
    }
    out
}

/// A task definition's `placementConstraints` (API TaskDefinitionPlacementConstraint: type
/// `memberOf` only, at most 10), resolved so placement applies them beside the service's or
/// RunTask's own (DG constraint-examples: memberOf "can be specified with … RegisterTaskDefinition").
/// `path` is the key's own (`taskDefinitions[i].placementConstraints`); a value that is not a
/// list of constraints is reported there.
pub fn task_definition_constraints(
    path: &str,
    value: Option<&serde_json::Value>,
    p: &mut Problems,
) -> Vec<Constraint> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Vec::new();
    };
    let specs: Vec<PlacementConstraintSpec> = match serde_json::from_value(value.clone()) {
        Ok(specs) => specs,
        Err(e) => {
            p.push(
                path,
                format!("must be a list of {{ \"type\": \"memberOf\", \"expression\": … }} ({e})"),
            );
            return Vec::new();
        }
    };
    at_most_ten_constraints(path, specs.len(), p);
    constraints_at(path, &specs, true, p)
}

/// Refuses a service or RunTask whose constraints and its task definition's together pass the
/// limit of 10 (API CreateService placementConstraints: "This limit includes constraints in the
/// task definition"). Only when its own are within the limit (that is reported by
/// [`placement`]).
pub fn check_total_constraints(path: &str, own: usize, from_definition: usize, p: &mut Problems) {
    if own <= MAX_PLACEMENT_CONSTRAINTS && own + from_definition > MAX_PLACEMENT_CONSTRAINTS {
        p.push(
            format!("{path}.placementConstraints"),
            format!("at most {MAX_PLACEMENT_CONSTRAINTS} placement constraints, the task definition's {from_definition} included ({own} here)"),
        );
    }
}
