//! Deployment service events and rollout reasons in ECS's words. The event texts are the ones
//! ECS writes to a service's `events` (DG service-event-messages, as DescribeServices prints
//! them); the reasons are the `rolloutStateReason` texts (API Deployment, DG
//! ecs_service_deployment_events).

/// `(service web) (deployment ecs-svc/…) deployment completed.`
pub fn completed(service: &str, deployment: &str) -> String {
    format!("(service {service}) (deployment {deployment}) deployment completed.")
}

/// `(service web) (deployment ecs-svc/…) deployment failed: tasks failed to start.`
pub fn failed(service: &str, deployment: &str) -> String {
    format!(
        "(service {service}) (deployment {deployment}) deployment failed: tasks failed to start."
    )
}

/// `(service web) (deployment ecs-svc/…) deployment failed: alarm web-5xx in ALARM.` (the
/// playground's wording: the guide shows no event text for an alarm failure).
pub fn failed_on_alarm(service: &str, deployment: &str, alarm: &str) -> String {
    format!(
        "(service {service}) (deployment {deployment}) deployment failed: alarm {alarm} in ALARM."
    )
}

/// rolloutStateReason when a deployment alarm fails the deployment.
pub fn failed_on_alarm_reason(alarm: &str) -> String {
    format!("ECS deployment detected triggered alarms: {alarm}.")
}

/// rolloutStateReason of the deployment a rollback after an alarm starts.
pub fn alarm_rollback_reason(to: &str) -> String {
    format!("ECS deployment alarms: rolling back to deploymentId {to}.")
}

/// `(service web) rolling back to deployment ecs-svc/….`
pub fn rolling_back(service: &str, deployment: &str) -> String {
    format!("(service {service}) rolling back to deployment {deployment}.")
}

/// rolloutStateReason while IN_PROGRESS.
pub fn in_progress_reason(deployment: &str) -> String {
    format!("ECS deployment {deployment} in progress.")
}

/// rolloutStateReason once COMPLETED.
pub fn completed_reason(deployment: &str) -> String {
    format!("ECS deployment {deployment} completed.")
}

/// rolloutStateReason when the circuit breaker fails the deployment.
pub const FAILED_REASON: &str = "ECS deployment circuit breaker: tasks failed to start.";

/// rolloutStateReason of the deployment a rollback starts.
pub fn rollback_reason(to: &str) -> String {
    format!("ECS deployment circuit breaker: rolling back to deploymentId {to}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_events_use_ecs_wording() {
        assert_eq!(
            completed("web", "ecs-svc/1234567890123456789"),
            "(service web) (deployment ecs-svc/1234567890123456789) deployment completed."
        );
        assert_eq!(
            failed("web", "ecs-svc/1"),
            "(service web) (deployment ecs-svc/1) deployment failed: tasks failed to start."
        );
        assert_eq!(
            rolling_back("web", "ecs-svc/1"),
            "(service web) rolling back to deployment ecs-svc/1."
        );
        assert_eq!(
            completed_reason("ecs-svc/1"),
            "ECS deployment ecs-svc/1 completed."
        );
    }
}
