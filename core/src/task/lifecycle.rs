//! A task: one running copy of a task definition, and its lifecycle (DG task-lifecycle):
//! PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.

use super::TaskId;
use crate::taskdef::Protocol;
use crate::time::Millis;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// `lastStatus` of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskStatus {
    /// Steps before launch: waiting for capacity, attaching an awsvpc ENI, Fargate provisioning.
    Provisioning,
    /// The agent is pulling images and starting containers.
    Pending,
    /// Steps after launch before RUNNING (awsvpc network setup, load balancer registration).
    Activating,
    /// Running.
    Running,
    /// Steps before stopping (load balancer deregistration).
    Deactivating,
    /// Containers got SIGTERM; waiting for them to exit (SIGKILL after stopTimeout).
    Stopping,
    /// Cleanup after the containers stopped (awsvpc ENI detach).
    Deprovisioning,
    /// Stopped; resources released.
    Stopped,
}

impl TaskStatus {
    /// The status as ECS prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Provisioning => "PROVISIONING",
            Self::Pending => "PENDING",
            Self::Activating => "ACTIVATING",
            Self::Running => "RUNNING",
            Self::Deactivating => "DEACTIVATING",
            Self::Stopping => "STOPPING",
            Self::Deprovisioning => "DEPROVISIONING",
            Self::Stopped => "STOPPED",
        }
    }
}

/// `stopCode` of a stopped task (API Task.stopCode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StopCode {
    /// The task never reached RUNNING (e.g. CannotPullContainerError).
    TaskFailedToStart,
    /// An essential container exited.
    EssentialContainerExited,
    /// Someone called StopTask.
    UserInitiated,
    /// The service scheduler stopped it (scale-in, replacement, failed health checks).
    ServiceSchedulerInitiated,
    /// A Fargate Spot interruption.
    SpotInterruption,
    /// The host received a termination notice.
    TerminationNotice,
}

/// Where a task runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LaunchKind {
    /// On an EC2 container instance.
    Ec2,
    /// On Fargate.
    Fargate,
    /// On Fargate Spot.
    FargateSpot,
    /// On an ECS Anywhere server.
    External,
}

/// Task health (`healthStatus`) from the essential containers' health checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HealthStatus {
    /// No health check, or none has passed or failed enough yet.
    Unknown,
    /// The health check passes.
    Healthy,
    /// The health check failed `retries` times in a row.
    Unhealthy,
}

/// A task's container restarts by `restartPolicy`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restarts {
    /// How many in all.
    pub count: u32,
    /// Each restarted container (index) and when it was last restarted: its next crash and its
    /// health checks' start-up count from there.
    pub last: Vec<(usize, Millis)>,
}

impl Task {
    /// The exit of container `c`, when it is the one that stopped the task.
    pub fn exit_of(&self, c: usize) -> Option<&ContainerExit> {
        self.exit.as_ref().filter(|e| usize::from(e.container) == c)
    }

    /// The `reason` describe-tasks gives the container that stopped the task, if any.
    pub fn exit_reason(&self) -> Option<&str> {
        match self.exit?.reason {
            ExitReason::None => None,
            ExitReason::OutOfMemory => Some(super::stopped_reason::OUT_OF_MEMORY),
            ExitReason::CannotPull => self.stopped_reason.as_deref(),
        }
    }

    /// When container `c` was last restarted, if it has been.
    pub fn restarted_at(&self, c: usize) -> Option<Millis> {
        let r = self.restarts.as_ref()?;
        r.last.iter().find(|(k, _)| *k == c).map(|&(_, at)| at)
    }
}

/// The container that stopped its task, as DescribeTasks reports it on that container (API
/// *Container*: `exitCode`, `reason`): an essential one that exited, or one whose image could not
/// be pulled. The playground does not simulate how the task's other containers exit when it
/// stops, so only this one has an exit code. Kept in the task itself, in 8 bytes: a box per
/// crashed task was one more allocation per task in the crash loop at the limits (1.8 → 2.7),
/// and every byte of the task is read again at each of its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContainerExit {
    /// The container (index in the task definition; a task has at most 10).
    pub container: u8,
    /// Its `reason`, when ECS gives one.
    pub reason: ExitReason,
    /// Its exit code, unless it never ran ([`ContainerExit::code`]).
    pub exit_code: i32,
}

impl ContainerExit {
    /// Container `container` (its index in the task definition) stopped the task, with `reason`
    /// and `exit_code` (ignored for a failed pull).
    pub fn new(container: usize, reason: ExitReason, exit_code: i32) -> ContainerExit {
        ContainerExit {
            container: u8::try_from(container).unwrap_or(u8::MAX),
            reason,
            exit_code,
        }
    }

    /// The exit code describe-tasks gives: none for a container whose image could not be
    /// pulled (it never ran).
    pub fn code(&self) -> Option<i32> {
        (self.reason != ExitReason::CannotPull).then_some(self.exit_code)
    }
}

/// The `reason` ECS gives a container that stopped its task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitReason {
    /// None (an exit with a code of its own).
    None,
    /// `OutOfMemoryError: Container killed due to memory usage`.
    OutOfMemory,
    /// `CannotPullContainerError: …`, the task's stopped reason.
    CannotPull,
}

/// One task and everything the simulator knows about it.
#[derive(Debug, Clone)]
pub struct Task {
    /// The task ID (the last part of its ARN), 32 hex digits.
    pub id: TaskId,
    /// Its cluster.
    pub cluster: usize,
    /// Its task definition (index into the model).
    pub task_definition: usize,
    /// The service that started it, if any.
    pub service: Option<usize>,
    /// Its task group: `service:<name>` or `family:<family>` or a RunTask group (shared by the
    /// service's tasks).
    pub group: Arc<str>,
    /// `startedBy` (shared by the service's tasks).
    pub started_by: Option<Arc<str>>,
    /// `lastStatus`.
    pub last_status: TaskStatus,
    /// `desiredStatus` is STOPPED.
    pub stop_requested: bool,
    /// EC2, Fargate, Fargate Spot or External.
    pub launch: LaunchKind,
    /// The capacity provider, when a strategy chose one.
    pub capacity_provider: Option<String>,
    /// The container instance (EC2/External), once placed.
    pub instance: Option<usize>,
    /// The Availability Zone, once placed (its name shared with the other tasks there).
    pub zone: Option<Arc<str>>,
    /// Host ports it holds on its instance.
    pub host_ports: Vec<(Protocol, u16)>,
    /// Whether it holds an ENI on its instance (awsvpc on EC2).
    pub holds_eni: bool,
    /// Health from container health checks.
    pub health: HealthStatus,
    /// Per container (same order as the task definition): its health and consecutive failed
    /// checks outside the start period. Task health derives from the essential ones.
    pub container_health: Vec<(HealthStatus, u32)>,
    /// `createdAt`.
    pub created_at: Millis,
    /// `pullStartedAt`: when it entered PENDING and its image pull began.
    pub pull_started_at: Option<Millis>,
    /// `startedAt`: when it reached RUNNING.
    pub started_at: Option<Millis>,
    /// When stopping began.
    pub stopping_at: Option<Millis>,
    /// `stoppedAt`.
    pub stopped_at: Option<Millis>,
    /// `stopCode`.
    pub stop_code: Option<StopCode>,
    /// `stoppedReason`.
    pub stopped_reason: Option<Cow<'static, str>>,
    /// Whether all its containers have already exited or never ran (a failed pull, a lost
    /// host, a start order that failed), so stopping need not wait. An essential container's
    /// exit alone does not set it: the others still get their SIGTERM.
    pub containers_exited: bool,
    /// Its containers' restarts by `restartPolicy`, once one has been restarted (boxed: most
    /// tasks never restart, and the task list is the engine's largest structure).
    pub restarts: Option<Box<Restarts>>,
    /// The container that stopped it, once one has.
    pub exit: Option<ContainerExit>,
    /// Its application stopped answering (the simulator's `hangTask`): every health check fails
    /// while its process keeps running.
    pub hung: bool,
    /// Where its containers' start order (`dependsOn`) stands while it is PENDING.
    pub start_order: StartOrder,
    /// Why it is waiting for placement (PROVISIONING with no instance yet).
    pub waiting_reason: Option<String>,
    /// Bumped on every transition, so events scheduled for an earlier state are ignored.
    pub epoch: u32,
    /// The target group it registers in when its service has a load balancer (the production
    /// group, or the alternate one for a blue/green green task; see
    /// `Sim::choose_target_group`).
    pub target_group: Option<usize>,
    /// Its target while registered (from ACTIVATING until the deregistration delay is over).
    pub target: Option<crate::elb::Target>,
}

/// Where a PENDING task's container start order stands (see [`crate::task::container_order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StartOrder {
    /// Its images are not pulled yet.
    #[default]
    Unplanned,
    /// Containers wait in dependsOn order, and the last starts (or a non-essential one gives
    /// up) at the next scheduled step.
    Starting,
    /// Every container has started (or a non-essential one gave up): the task goes on to
    /// ACTIVATING or RUNNING.
    Started,
    /// An essential container cannot start, or exits before the others start: the task stops
    /// at the next scheduled step.
    Fails,
    /// A container waits for good (no `startTimeout`): the task stays PENDING.
    Waits,
}

impl Task {
    /// A task just created (RunTask or the service scheduler): PROVISIONING, not placed yet and
    /// not waiting (the engine sets a reason when it must wait), health UNKNOWN; cluster 0 and task definition 0 until the caller sets them.
    pub fn provisioning(id: TaskId, group: Arc<str>, launch: LaunchKind, now: Millis) -> Task {
        Task {
            id,
            cluster: 0,
            task_definition: 0,
            service: None,
            group,
            started_by: None,
            last_status: TaskStatus::Provisioning,
            stop_requested: false,
            launch,
            capacity_provider: None,
            instance: None,
            zone: None,
            host_ports: Vec::new(),
            holds_eni: false,
            health: HealthStatus::Unknown,
            container_health: Vec::new(),
            created_at: now,
            pull_started_at: None,
            started_at: None,
            stopping_at: None,
            stopped_at: None,
            stop_code: None,
            stopped_reason: None,
            containers_exited: false,
            restarts: None,
            exit: None,
            hung: false,
            start_order: StartOrder::Unplanned,
            // The engine creates a task only once it has a place, or once it knows why it
            // must wait (then it sets the reason); no placeholder string per task.
            waiting_reason: None,
            epoch: 0,
            target_group: None,
            target: None,
        }
    }

    /// Whether the scheduler still counts it (desired RUNNING and not stopped).
    pub fn is_active(&self) -> bool {
        !self.stop_requested && self.last_status != TaskStatus::Stopped
    }

    /// Whether it waits for capacity (no instance or Fargate capacity yet).
    pub fn is_waiting(&self) -> bool {
        self.waiting_reason.is_some() && self.last_status == TaskStatus::Provisioning
    }

    /// Whether its load balancer target is registered and `healthy` (HealthyHostCount counts
    /// these).
    pub fn target_is_healthy(&self) -> bool {
        self.target
            .as_ref()
            .is_some_and(|x| x.state == crate::elb::TargetHealthState::Healthy)
    }

    /// Whether its containers' health is UNHEALTHY or its load balancer target failed its
    /// checks: what the service scheduler replaces (after the grace period) and scales in
    /// first.
    pub fn is_unhealthy(&self) -> bool {
        self.health == HealthStatus::Unhealthy
            || self
                .target
                .as_ref()
                .is_some_and(|x| x.state == crate::elb::TargetHealthState::Unhealthy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_run_in_the_lifecycle_order_ecs_documents() {
        // DG task-lifecycle: PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING →
        // STOPPING → DEPROVISIONING → STOPPED.
        use TaskStatus::*;
        let order = [
            Provisioning,
            Pending,
            Activating,
            Running,
            Deactivating,
            Stopping,
            Deprovisioning,
            Stopped,
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        let names: Vec<&str> = order.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names.join(" → "),
            "PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED"
        );
    }

    #[test]
    fn a_task_counts_until_it_is_asked_to_stop_and_waits_only_while_it_has_a_reason() {
        let mut t = Task::provisioning(
            "0123456789abcdef".into(),
            "service:web".into(),
            LaunchKind::Ec2,
            0,
        );
        assert!(
            t.is_active() && !t.is_waiting(),
            "created: no reason to wait yet"
        );
        t.waiting_reason = Some("no container instance has enough memory".into());
        assert!(t.is_waiting());
        t.waiting_reason = None;
        t.last_status = TaskStatus::Running;
        assert!(t.is_active() && !t.is_waiting());
        t.stop_requested = true;
        assert!(!t.is_active(), "desiredStatus STOPPED no longer counts");
    }
}
