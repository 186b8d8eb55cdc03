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

/// What is left of a draining target's deregistration delay at `now`, as a chip shows it:
/// `m:ss`, to the nearest second, but never `0:00` while it still drains; `None` when the task
/// is not draining.
pub fn drain_left(until: Option<crate::time::Millis>, now: crate::time::Millis) -> Option<String> {
    let left = until?.checked_sub(now).filter(|&ms| ms > 0)?;
    let s = ((left + 500) / 1000).max(1);
    Some(format!("{}:{:02}", s / 60, s % 60))
}

/// Where a service's tasks go, for the tooltip of its card: `launchType EC2`, or its capacity
/// provider strategy as `asg (base 1, weight 1), FARGATE_SPOT (base 0, weight 3)`; built from
/// the structured fields DescribeServices has, so the web does not format them itself.
pub fn launch_tooltip(v: &crate::sim::snapshot::ServiceView) -> String {
    match v.launch_type {
        Some(t) => format!("launchType {t}"),
        None => {
            let items: Vec<String> = v
                .capacity_provider_strategy
                .iter()
                .map(|i| {
                    format!(
                        "{} (base {}, weight {})",
                        i.capacity_provider, i.base, i.weight
                    )
                })
                .collect();
            format!("capacityProviderStrategy {}", items.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_tooltip_names_the_launch_type_or_the_strategy_items() {
        let mut sim = crate::sim::Sim::from_json(crate::scenario::DEFAULT_SCENARIO_JSON).unwrap();
        sim.run_until(0);
        let snap = sim.snapshot();
        let tips: Vec<String> = snap.services.iter().map(launch_tooltip).collect();
        for (tip, v) in tips.iter().zip(&snap.services) {
            match v.launch_type {
                Some(t) => assert_eq!(tip, &format!("launchType {t}")),
                None => {
                    assert!(tip.starts_with("capacityProviderStrategy "), "{tip}");
                    let first = &v.capacity_provider_strategy[0];
                    assert!(tip.contains(&format!(
                        "{} (base {}, weight {})",
                        first.capacity_provider, first.base, first.weight
                    )));
                }
            }
        }
    }

    #[test]
    fn drain_left_counts_down_the_deregistration_delay_in_whole_seconds() {
        // 300 s, the target group's default (ALB User Guide, *Deregistration delay*).
        assert_eq!(drain_left(Some(500_000), 200_000).as_deref(), Some("5:00"));
        assert_eq!(drain_left(Some(500_000), 200_001).as_deref(), Some("5:00"));
        assert_eq!(drain_left(Some(500_000), 201_000).as_deref(), Some("4:59"));
        // A drain that began a millisecond after 0:01:00 reads 4:00 at 0:02:00, not 4:01.
        assert_eq!(drain_left(Some(360_001), 120_000).as_deref(), Some("4:00"));
        assert_eq!(drain_left(Some(500_000), 499_400).as_deref(), Some("0:01"));
        assert_eq!(drain_left(Some(500_000), 458_000).as_deref(), Some("0:42"));
        assert_eq!(drain_left(Some(500_000), 499_999).as_deref(), Some("0:01"));
        assert_eq!(drain_left(Some(500_000), 500_000), None);
        assert_eq!(drain_left(Some(500_000), 600_000), None);
        assert_eq!(drain_left(None, 0), None);
        // The largest delay, 3,600 s.
        assert_eq!(drain_left(Some(3_600_000), 0).as_deref(), Some("60:00"));
    }

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
