//! Placement constraints (DG task-placement-constraints): binding, unlike strategies.

use crate::cluster::Instance;
use crate::placement::Constraint;
use crate::placement::Rejection;

/// Rejects the instance if it breaks a constraint. `groups` are the task groups on it.
pub fn check(
    instance: &Instance,
    constraints: &[Constraint],
    group: &str,
    groups: &[&str],
) -> Result<(), Rejection> {
    for c in constraints {
        match c {
            Constraint::DistinctInstance => {
                if groups.contains(&group) {
                    return Err(Rejection::DistinctInstance {
                        group: group.to_string(),
                    });
                }
            }
            Constraint::MemberOf(expr, text) => {
                if !expr.matches(&super::facts::facts(instance, groups.to_vec())) {
                    return Err(Rejection::MemberOf {
                        expression: text.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}

/// [`check`] with the task groups read from [`Instance::group_counts`] instead of the tasks
/// (same answer: `memberOf` asks only whether some group matches).
pub fn check_counts(
    instance: &Instance,
    constraints: &[Constraint],
    group: &str,
) -> Result<(), Rejection> {
    for c in constraints {
        match c {
            Constraint::DistinctInstance => {
                if instance.group_counts.contains_key(group) {
                    return Err(Rejection::DistinctInstance {
                        group: group.to_string(),
                    });
                }
            }
            Constraint::MemberOf(expr, text) => {
                let groups = instance.group_counts.keys().map(String::as_str).collect();
                if !expr.matches(&super::facts::facts(instance, groups)) {
                    return Err(Rejection::MemberOf {
                        expression: text.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}
