//! The deployment records of one service and which deployment each of its tasks belongs to.

use crate::time::Millis;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// `status` of a deployment (API Deployment): the newest is PRIMARY, older ones still running
/// tasks are ACTIVE, finished ones INACTIVE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeploymentStatus {
    /// The most recent deployment.
    Primary,
    /// An older deployment whose tasks are being replaced.
    Active,
    /// Replaced completely.
    Inactive,
}

/// `rolloutState` (API Deployment): IN_PROGRESS until the service is steady (COMPLETED) or the
/// circuit breaker gives up (FAILED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RolloutState {
    /// Tasks are being replaced.
    InProgress,
    /// The service reached a steady state on this deployment.
    Completed,
    /// The circuit breaker tripped; no new tasks launch for it.
    Failed,
}

/// One deployment of a service.
#[derive(Debug, Clone)]
pub struct Deployment {
    /// `ecs-svc/` and 19 digits.
    pub id: String,
    /// PRIMARY, ACTIVE or INACTIVE.
    pub status: DeploymentStatus,
    /// The task definition it deploys (index into the model).
    pub task_definition: usize,
    /// IN_PROGRESS, COMPLETED or FAILED.
    pub rollout_state: RolloutState,
    /// ECS's sentence for the rollout state.
    pub rollout_state_reason: String,
    /// `createdAt`, ms.
    pub created_at: Millis,
    /// `updatedAt`, ms.
    pub updated_at: Millis,
    /// `failedTasks`: the circuit breaker's failure count.
    pub failed_tasks: u32,
    /// The deployment create-service made (it completes without a service event, so runs
    /// without deployments keep their event log).
    pub initial: bool,
    /// Started by the circuit breaker's rollback (a failed rollback does not roll back again).
    pub rollback: bool,
    /// Stage 2 of the circuit breaker: one of its tasks has reached RUNNING.
    pub reached_running: bool,
    /// Stopped tasks the circuit breaker has already judged.
    pub(crate) judged: BTreeSet<usize>,
    /// Tasks that have counted as healthy once (each resets the failure count once).
    pub(crate) healthy_seen: BTreeSet<usize>,
    /// Traffic shifting (blue/green, canary, linear); None for a rolling update.
    pub shift: Option<super::shift::TrafficShift>,
}

impl Deployment {
    /// Green's share of production traffic in tenths of a percent, for a traffic-shifting
    /// deployment (None for a rolling update); a FAILED one has sent traffic back to blue.
    pub fn production_traffic_tenths(&self) -> Option<u32> {
        let sh = self.shift.as_ref()?;
        Some(if self.rollout_state == RolloutState::Failed {
            0
        } else {
            sh.green_tenths()
        })
    }

    /// A new IN_PROGRESS deployment (API Deployment: "ECS deployment <id> in progress.").
    pub fn new(id: String, task_definition: usize, now: Millis) -> Deployment {
        Deployment {
            rollout_state_reason: super::messages::in_progress_reason(&id),
            id,
            status: DeploymentStatus::Primary,
            task_definition,
            rollout_state: RolloutState::InProgress,
            created_at: now,
            updated_at: now,
            failed_tasks: 0,
            initial: false,
            rollback: false,
            reached_running: false,
            judged: BTreeSet::new(),
            healthy_seen: BTreeSet::new(),
            shift: None,
        }
    }
}

/// Every deployment of a service, oldest first (the last one is PRIMARY), and the deployment
/// each task counts for.
#[derive(Debug, Clone, Default)]
pub struct ServiceDeployments {
    /// Oldest first; never shortened, so indices stay valid.
    pub list: Vec<Deployment>,
    /// Task index → index in `list`.
    pub task_deployment: BTreeMap<usize, usize>,
}

impl ServiceDeployments {
    /// The deployment create-service starts.
    pub fn created(id: String, task_definition: usize) -> ServiceDeployments {
        let mut d = Deployment::new(id, task_definition, 0);
        d.initial = true;
        ServiceDeployments {
            list: vec![d],
            task_deployment: BTreeMap::new(),
        }
    }

    /// Index of the PRIMARY deployment (the newest), if any.
    pub fn primary(&self) -> Option<usize> {
        self.list.len().checked_sub(1)
    }

    /// Whether task `t` belongs to the PRIMARY deployment; every other task is replaced.
    pub fn is_primary_task(&self, t: usize) -> bool {
        self.primary().is_some() && self.task_deployment.get(&t).copied() == self.primary()
    }

    /// Records that the PRIMARY deployment started task `t`.
    pub fn record_start(&mut self, t: usize) {
        if let Some(p) = self.primary() {
            self.task_deployment.insert(t, p);
        }
    }

    /// Forgets task `t` (a stopped task the engine no longer keeps): it counts for no
    /// deployment, and no circuit breaker remembers judging it.
    pub fn forget_task(&mut self, t: usize) {
        self.task_deployment.remove(&t);
        for d in &mut self.list {
            d.judged.remove(&t);
            d.healthy_seen.remove(&t);
        }
    }

    /// The tasks that count for deployment `d`, in creation order.
    pub fn tasks_of(&self, d: usize) -> Vec<usize> {
        self.task_deployment
            .iter()
            .filter(|(_, &k)| k == d)
            .map(|(&t, _)| t)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_deployment_is_primary_and_owns_the_tasks_it_starts() {
        let mut ds = ServiceDeployments::created("ecs-svc/1".into(), 0);
        ds.record_start(5);
        assert!(ds.is_primary_task(5));
        ds.list.push(Deployment::new("ecs-svc/2".into(), 1, 60_000));
        assert!(!ds.is_primary_task(5));
        ds.record_start(9);
        assert_eq!(ds.tasks_of(1), vec![9]);
        assert_eq!(ds.tasks_of(0), vec![5]);
        assert_eq!(
            ds.list[1].rollout_state_reason,
            "ECS deployment ecs-svc/2 in progress."
        );
    }
}
