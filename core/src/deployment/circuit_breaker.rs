//! The deployment circuit breaker (DG deployment-circuit-breaker): its failure threshold and
//! which stopped tasks count as failures.

use crate::task::stopped_reason::{FAILED_ELB_HEALTH_CHECKS_PREFIX, FAILED_HEALTH_CHECKS};
use crate::task::{StopCode, Task};

/// `deploymentCircuitBreaker` of a service, resolved (API DeploymentCircuitBreaker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CircuitBreakerConfig {
    /// Start a deployment back to the last COMPLETED one when this one fails.
    pub rollback: bool,
    /// A task reaching a healthy state resets the failure count to 0 (`resetOnHealthyTask`,
    /// default true).
    pub reset_on_healthy_task: bool,
    /// How the failure threshold follows the desired count (`thresholdConfiguration`).
    pub threshold: ThresholdRule,
}

/// `thresholdConfiguration` resolved (API ThresholdConfiguration and ThresholdType): what a
/// service's failure threshold is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdRule {
    /// `COUNT`: the value is the threshold.
    Count(u32),
    /// `BOUNDED_PERCENT` (the default, with 50): value % of the desired count, "clamping the
    /// result to a minimum of 3 and a maximum of 200".
    BoundedPercent(u32),
    /// `UNBOUNDED_PERCENT`: value % of the desired count "without applying the 3-to-200
    /// bounds".
    UnboundedPercent(u32),
}

impl Default for ThresholdRule {
    /// API ThresholdConfiguration: "a type of BOUNDED_PERCENT with a value of 50".
    fn default() -> Self {
        ThresholdRule::BoundedPercent(50)
    }
}

/// Smallest threshold (API ServiceDeploymentCircuitBreaker: "a minimum threshold of 3").
pub const MIN_THRESHOLD: u32 = 3;
/// Largest threshold ("a maximum threshold of 200").
pub const MAX_THRESHOLD: u32 = 200;

/// Failed tasks that fail a deployment. The default, ⌈50 % × desired⌉ clamped to 3–200, gives
/// 3, 5, 13 and 200 for desired 1, 10, 25 and 1000 (DG deployment-circuit-breaker, "Failure
/// threshold"; 0.5 × 25 = 12.5 is rounded up). A percentage is rounded up the same way for
/// every value, and an unbounded one is at least 1 (the guide is silent on both: the
/// playground's choice, so a service with tasks always tolerates a failure short of it).
pub fn threshold(rule: ThresholdRule, desired: u32) -> u32 {
    let percent_of = |value: u32| {
        let t = (u64::from(value) * u64::from(desired)).div_ceil(100);
        u32::try_from(t).unwrap_or(u32::MAX)
    };
    match rule {
        ThresholdRule::Count(value) => value,
        ThresholdRule::BoundedPercent(value) => {
            percent_of(value).clamp(MIN_THRESHOLD, MAX_THRESHOLD)
        }
        ThresholdRule::UnboundedPercent(value) => percent_of(value).max(1),
    }
}

/// Whether a STOPPED task of the deployment is a failure the breaker counts, given whether the
/// deployment is in stage 2 (one of its tasks reached RUNNING) and whether this task ever
/// counted as healthy.
///
/// - Stage 1 counts tasks that stopped without reaching RUNNING ("When tasks fail to reach in
///   the RUNNING state, the deployment circuit breaker increases the failure count by one").
/// - Stage 2 counts tasks stopped for failing their health checks.
/// - In either stage, an essential container that exits before its task ever counted as
///   healthy counts too (API Deployment.failedTasks: a task that does not reach a steady,
///   healthy RUNNING state is a failure). The guide is silent on crashes after RUNNING; this
///   is the simulator's reading.
///
/// Tasks stopped by a user, by the scheduler's own scale-in or replacement, or because their
/// host went away are never failures.
pub fn is_failure(task: &Task, stage_two: bool, ever_healthy: bool) -> bool {
    // DG deployment-circuit-breaker, stage 2: health checks are the load balancer's, Cloud
    // Map's and the containers' own, so both stoppedReasons count.
    if let Some(reason) = task.stopped_reason.as_deref() {
        if reason == FAILED_HEALTH_CHECKS || reason.starts_with(FAILED_ELB_HEALTH_CHECKS_PREFIX) {
            return true;
        }
    }
    match task.stop_code {
        Some(StopCode::TaskFailedToStart) => !stage_two,
        Some(StopCode::EssentialContainerExited) => {
            if task.started_at.is_none() {
                !stage_two
            } else {
                !ever_healthy
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_is_half_the_desired_count_rounded_up_between_3_and_200() {
        // DG deployment-circuit-breaker examples: 1 → 3 (minimum), 10 → 5, 25 → 13 (rounded
        // up), 1000 → 200 (maximum).
        let t = |desired| threshold(ThresholdRule::default(), desired);
        assert_eq!(t(1), 3);
        assert_eq!(t(10), 5);
        assert_eq!(t(25), 13);
        assert_eq!(t(1000), 200);
        assert_eq!(t(0), 3);
        assert_eq!(t(400), 200);
        assert_eq!(t(7), 4);
    }

    #[test]
    fn threshold_configuration_types() {
        // API ThresholdType: COUNT is the value itself; BOUNDED_PERCENT is value × desired
        // clamped to 3–200; UNBOUNDED_PERCENT the same product without the bounds.
        assert_eq!(threshold(ThresholdRule::Count(1), 1000), 1);
        assert_eq!(threshold(ThresholdRule::Count(500), 2), 500);
        assert_eq!(threshold(ThresholdRule::BoundedPercent(10), 10), 3);
        assert_eq!(threshold(ThresholdRule::BoundedPercent(100), 1000), 200);
        assert_eq!(threshold(ThresholdRule::BoundedPercent(100), 150), 150);
        assert_eq!(threshold(ThresholdRule::UnboundedPercent(50), 1000), 500);
        assert_eq!(threshold(ThresholdRule::UnboundedPercent(10), 4), 1);
        assert_eq!(threshold(ThresholdRule::UnboundedPercent(10), 0), 1);
        assert_eq!(threshold(ThresholdRule::UnboundedPercent(25), 10), 3);
        // No overflow at the largest values.
        assert_eq!(
            threshold(ThresholdRule::UnboundedPercent(u32::MAX), u32::MAX),
            u32::MAX
        );
    }

    fn stopped(code: StopCode, reason: &str, started: bool) -> Task {
        let mut t = Task::provisioning(
            "t".into(),
            "service:web".into(),
            crate::task::LaunchKind::Fargate,
            0,
        );
        t.last_status = crate::task::TaskStatus::Stopped;
        t.stop_code = Some(code);
        t.stopped_reason = Some(reason.to_string().into());
        t.started_at = started.then_some(30_000);
        t
    }

    #[test]
    fn stage_one_counts_tasks_that_never_reach_running() {
        // DG deployment-circuit-breaker, stage 1: "When tasks fail to reach in the RUNNING
        // state, the deployment circuit breaker increases the failure count by one".
        let pull = stopped(
            StopCode::TaskFailedToStart,
            "CannotPullContainerError",
            false,
        );
        assert!(is_failure(&pull, false, false));
        assert!(
            !is_failure(&pull, true, false),
            "stage 2 looks at health checks"
        );
        let crash = stopped(
            StopCode::EssentialContainerExited,
            "Essential container in task exited",
            false,
        );
        assert!(is_failure(&crash, false, false));
    }

    #[test]
    fn stage_two_counts_failed_health_checks_container_and_load_balancer() {
        let container = stopped(
            StopCode::ServiceSchedulerInitiated,
            FAILED_HEALTH_CHECKS,
            true,
        );
        assert!(is_failure(&container, true, false));
        let elb = stopped(
            StopCode::ServiceSchedulerInitiated,
            &format!("{FAILED_ELB_HEALTH_CHECKS_PREFIX}(target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1)"),
            true,
        );
        assert!(is_failure(&elb, true, false));
        // A crash after RUNNING counts only if the task never was healthy.
        let crash = stopped(
            StopCode::EssentialContainerExited,
            "Essential container in task exited",
            true,
        );
        assert!(is_failure(&crash, true, false));
        assert!(!is_failure(&crash, true, true));
    }

    #[test]
    fn stops_by_users_scale_in_and_lost_hosts_are_never_failures() {
        for (code, reason) in [
            (StopCode::UserInitiated, "Task stopped by user"),
            (
                StopCode::ServiceSchedulerInitiated,
                "Scaling activity initiated by (deployment ecs-svc/1)",
            ),
            (
                StopCode::TerminationNotice,
                "Host EC2 (instance i-0) terminated.",
            ),
            (
                StopCode::SpotInterruption,
                "Your Spot Task was interrupted.",
            ),
        ] {
            assert!(
                !is_failure(&stopped(code, reason, true), true, false),
                "{reason}"
            );
            assert!(
                !is_failure(&stopped(code, reason, false), false, false),
                "{reason}"
            );
        }
    }
}
