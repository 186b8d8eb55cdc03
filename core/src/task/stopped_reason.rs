//! The `stoppedReason` texts ECS gives a task (DescribeTasks; DG stopped-task-errors), in
//! ECS's own words.

/// Start of the `stoppedReason` ECS gives a task replaced for failing ELB health checks; the
/// target group's ARN follows in parentheses.
pub const FAILED_ELB_HEALTH_CHECKS_PREFIX: &str = "Task failed ELB health checks in ";

/// `stoppedReason` for a user's StopTask.
pub const STOPPED_BY_USER: &str = "Task stopped by user";
/// `stoppedReason` when an essential container exits.
pub const ESSENTIAL_CONTAINER_EXITED: &str = "Essential container in task exited";
/// The container's `reason` when it used more memory than its hard limit (exit code 137);
/// the task's `stoppedReason` is then [`ESSENTIAL_CONTAINER_EXITED`].
pub const OUT_OF_MEMORY: &str = "OutOfMemoryError: Container killed due to memory usage";
/// `stoppedReason` for failed container health checks.
pub const FAILED_HEALTH_CHECKS: &str = "Task failed container health checks";

/// `stoppedReason` when the scheduler scales in or replaces a task.
pub fn scaling_activity(deployment: &str) -> String {
    format!("Scaling activity initiated by (deployment {deployment})")
}

/// `stoppedReason` when the host instance goes away.
pub fn host_terminated(ec2_instance_id: &str) -> String {
    format!("Host EC2 (instance {ec2_instance_id}) terminated.")
}

/// `stoppedReason` for an image that cannot be pulled.
pub fn cannot_pull(image: &str) -> String {
    format!("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {image}: not found")
}
