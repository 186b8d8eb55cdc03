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

/// Whether instance `instance` is one a daemon service of task group `group` runs on: its
/// constraints read as if the daemon's own tasks were not there, since a daemon keeps one task
/// on each instance that meets them and its own task must not rule its instance out
/// (`distinctInstance` held, `runningTasksCount` and `task:group` without it). Read from the
/// docs' daemon rule (DG ecs_services: "one task on each active container instance that meets
/// all of the task placement constraints"); they do not say how the own task is counted.
pub fn check_daemon(
    instance: &Instance,
    constraints: &[Constraint],
    group: &str,
) -> Result<(), Rejection> {
    let own = instance.group_counts.get(group).map_or(0, |n| *n as usize);
    for c in constraints {
        if let Constraint::MemberOf(expr, text) = c {
            let groups = instance
                .group_counts
                .keys()
                .map(String::as_str)
                .filter(|g| *g != group)
                .collect();
            let facts = super::facts::facts(instance, groups).without_tasks(own);
            if !expr.matches(&facts) {
                return Err(Rejection::MemberOf {
                    expression: text.clone(),
                });
            }
        }
    }
    Ok(())
}
