//! Short words the playground shows for engine enums, in ECS's vocabulary.

use crate::cluster::InstanceStatus;
use crate::placement::Stage;
use crate::task::{HealthStatus, StopCode, TaskStatus};

/// The container instance status as ECS prints it (`ACTIVE`, `DRAINING` …); LAUNCHING is
/// the playground's word for an instance that has not registered yet.
pub fn instance_status(s: InstanceStatus) -> &'static str {
    match s {
        InstanceStatus::Launching => "LAUNCHING",
        InstanceStatus::Active => "ACTIVE",
        InstanceStatus::Draining => "DRAINING",
        InstanceStatus::Terminated => "TERMINATED",
    }
}

/// `stopCode` as the API spells it.
pub fn stop_code(c: StopCode) -> &'static str {
    match c {
        StopCode::TaskFailedToStart => "TaskFailedToStart",
        StopCode::EssentialContainerExited => "EssentialContainerExited",
        StopCode::UserInitiated => "UserInitiated",
        StopCode::ServiceSchedulerInitiated => "ServiceSchedulerInitiated",
        StopCode::SpotInterruption => "SpotInterruption",
        StopCode::TerminationNotice => "TerminationNotice",
    }
}

/// `healthStatus` as the API spells it.
pub fn health(h: HealthStatus) -> &'static str {
    match h {
        HealthStatus::Unknown => "UNKNOWN",
        HealthStatus::Healthy => "HEALTHY",
        HealthStatus::Unhealthy => "UNHEALTHY",
    }
}

/// The placement stage's name, as the explain panel groups rejections.
pub fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Availability => "availability",
        Stage::Resources => "resources",
        Stage::Ports => "ports",
        Stage::Eni => "ENIs",
        Stage::Constraints => "constraints",
    }
}

/// The phase of a task's life, for styling a task chip: `starting` (PROVISIONING, PENDING),
/// `activating`, `running`, `stopping` (DEACTIVATING, STOPPING, DEPROVISIONING) or `stopped`.
pub fn phase(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Provisioning | TaskStatus::Pending => "starting",
        TaskStatus::Activating => "activating",
        TaskStatus::Running => "running",
        TaskStatus::Deactivating | TaskStatus::Stopping | TaskStatus::Deprovisioning => "stopping",
        TaskStatus::Stopped => "stopped",
    }
}

/// The first eight characters of an ID, as the playground labels tasks and instances
/// (`i-0abc1234…` keeps its `i-` prefix and eight more).
pub fn short_id(id: &str) -> &str {
    let keep = if id.starts_with("i-") || id.starts_with("mi-") {
        id.find('-').map_or(8, |p| p + 1 + 8)
    } else {
        8
    };
    match id.char_indices().nth(keep) {
        Some((end, _)) => &id[..end],
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_keep_the_instance_prefix() {
        assert_eq!(short_id("0123456789abcdef"), "01234567");
        assert_eq!(short_id("i-0123456789abcdef0"), "i-01234567");
        assert_eq!(short_id("mi-0123456789abcdef0"), "mi-01234567");
        assert_eq!(short_id("abc"), "abc");
        assert_eq!(short_id("ééééééééé"), "éééééééé");
    }

    #[test]
    fn phases_group_the_lifecycle() {
        assert_eq!(phase(TaskStatus::Provisioning), "starting");
        assert_eq!(phase(TaskStatus::Pending), "starting");
        assert_eq!(phase(TaskStatus::Running), "running");
        assert_eq!(phase(TaskStatus::Deprovisioning), "stopping");
        assert_eq!(phase(TaskStatus::Stopped), "stopped");
    }

    #[test]
    fn labels_use_ecs_spelling() {
        assert_eq!(instance_status(InstanceStatus::Draining), "DRAINING");
        assert_eq!(stop_code(StopCode::TerminationNotice), "TerminationNotice");
        assert_eq!(health(HealthStatus::Unhealthy), "UNHEALTHY");
        assert_eq!(stage(Stage::Eni), "ENIs");
    }
}
