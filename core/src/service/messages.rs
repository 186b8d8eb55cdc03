//! Service event messages in ECS's own words (the `events[].message` of DescribeServices,
//! DG service-event-messages). Names are in parentheses as the API prints them, and counts
//! are not made singular ("has started 1 tasks"), as ECS does.

/// How long a repeated service event is held back (DG service-event-messages: six hours).
pub const DUPLICATE_EVENT_WINDOW_MS: crate::time::Millis = 6 * 3600 * 1000;

/// `(service web) has reached a steady state.`
pub fn steady_state(service: &str) -> String {
    format!("(service {service}) has reached a steady state.")
}

/// `(service web) has started 2 tasks: (task a) (task b).`
pub fn started(service: &str, task_ids: &[&str]) -> String {
    let head = format!("(service {service}) has started {} tasks: ", task_ids.len());
    with_task_list(head, task_ids)
}

/// `(service web) has stopped 1 running tasks: (task a).`
pub fn stopped(service: &str, task_ids: &[&str]) -> String {
    let head = format!(
        "(service {service}) has stopped {} running tasks: ",
        task_ids.len()
    );
    with_task_list(head, task_ids)
}

/// `(service web) registered 2 targets in (target-group arn:…)`: the targets registered at one
/// instant (DG service-event-messages; no full stop, as ECS prints it).
pub fn registered_targets(service: &str, targets: usize, group_arn: &str) -> String {
    format!("(service {service}) registered {targets} targets in (target-group {group_arn})")
}

/// `(service web) deregistered 2 targets in (target-group arn:…)`, followed by
/// [`began_draining`].
pub fn deregistered_targets(service: &str, targets: usize, group_arn: &str) -> String {
    format!("(service {service}) deregistered {targets} targets in (target-group {group_arn})")
}

/// `(service web) has begun draining connections on 2 tasks.`
pub fn began_draining(service: &str, tasks: usize) -> String {
    format!("(service {service}) has begun draining connections on {tasks} tasks.")
}

/// `head` followed by `(task a) (task b).`, written into one string (a string per task showed
/// in the crash loop's allocations).
pub(crate) fn with_task_list(mut out: String, task_ids: &[&str]) -> String {
    out.reserve(task_ids.iter().map(|t| t.len() + 8).sum::<usize>() + 1);
    for (k, t) in task_ids.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str("(task ");
        out.push_str(t);
        out.push(')');
    }
    out.push('.');
    out
}

/// The placement failure, naming the closest matching instance and why it did not fit.
pub fn unable_to_place(service: &str, closest: Option<(&str, &str)>) -> String {
    let head = format!("(service {service}) was unable to place a task because no container instance met all of its requirements.");
    match closest {
        Some((ci, phrase)) => format!("{head} The closest matching (container-instance {ci}) {phrase}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."),
        None => format!("{head} Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."),
    }
}

/// A deployment that can neither stop nor start a task within minimumHealthyPercent and
/// maximumPercent (DG service-event-messages, word for word).
pub fn blocked_by_deployment_configuration(service: &str) -> String {
    format!("(service {service}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.")
}

/// Restart throttling (DG service-throttle-logic).
pub fn unable_to_start_consistently(service: &str) -> String {
    format!("(service {service}) is unable to consistently start tasks successfully.")
}

/// A task stopped by the scheduler for failing its container health checks.
pub fn failed_container_health_checks(service: &str, task_id: &str) -> String {
    format!("(service {service}) (task {task_id}) failed container health checks.")
}

/// A task stopped by the scheduler because its load balancer target failed the ELB health
/// checks. `reason` is the task's `stoppedReason` ("Task failed ELB health checks in
/// (target-group …)"); the event repeats it in the service's words, the way the container form
/// above does (the DG lists the stoppedReason, not this event's exact wording: the
/// simulator's choice).
pub fn failed_elb_health_checks(service: &str, task_id: &str, reason: &str) -> String {
    let rest = reason.strip_prefix("Task failed ").unwrap_or(reason);
    format!("(service {service}) (task {task_id}) failed {rest}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_events_use_ecs_wording() {
        assert_eq!(
            steady_state("web"),
            "(service web) has reached a steady state."
        );
        assert_eq!(
            started("web", &["a", "b"]),
            "(service web) has started 2 tasks: (task a) (task b)."
        );
        assert_eq!(
            stopped("web", &["a"]),
            "(service web) has stopped 1 running tasks: (task a)."
        );
        assert_eq!(
            unable_to_place("web", Some(("abc", "has insufficient memory available"))),
            "(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."
        );
        assert!(unable_to_place("web", None)
            .contains("No Container Instances were found in your cluster"));
    }

    #[test]
    fn target_events_name_their_counts_as_ecs_prints_them() {
        assert_eq!(
            registered_targets("web", 3, "arn:tg"),
            "(service web) registered 3 targets in (target-group arn:tg)"
        );
        assert_eq!(
            deregistered_targets("web", 1, "arn:tg"),
            "(service web) deregistered 1 targets in (target-group arn:tg)"
        );
        assert_eq!(
            began_draining("web", 2),
            "(service web) has begun draining connections on 2 tasks."
        );
    }
}
