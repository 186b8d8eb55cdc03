//! What must always hold for deployments; `Sim::check_invariants` calls this after every step.

use super::{DeploymentStatus, RolloutState};
use crate::sim::Sim;

impl Sim {
    /// - each service has exactly one PRIMARY deployment, the newest;
    /// - every active task of a service belongs to one of its deployments;
    /// - a FAILED PRIMARY deployment has launched no task since it failed (DG
    ///   deployment-circuit-breaker: "A deployment in a FAILED state doesn't launch any new
    ///   tasks").
    ///
    /// The rolling lower bound (minimumHealthyPercent) is not an invariant: a crash, a lost
    /// host or missing capacity can take healthy tasks below it at any time. The upper bound
    /// (maximumPercent) is checked by the service invariant in `sim/invariants.rs`.
    pub(crate) fn check_deployments(&self) -> Result<(), String> {
        for (s, svc) in self.model.services.iter().enumerate() {
            let ds = &self.services[s].deployments;
            let primaries: Vec<usize> = ds
                .list
                .iter()
                .enumerate()
                .filter(|(_, d)| d.status == DeploymentStatus::Primary)
                .map(|(k, _)| k)
                .collect();
            if primaries.len() != 1 || ds.primary() != primaries.first().copied() {
                return Err(format!(
                    "service {} has PRIMARY deployments {primaries:?} of {}",
                    svc.name,
                    ds.list.len()
                ));
            }
            if let Some(p) = ds.primary() {
                let d = &ds.list[p];
                if d.rollout_state == RolloutState::Failed
                    && ds
                        .tasks_of(p)
                        .iter()
                        .any(|&t| self.tasks[t].created_at > d.updated_at)
                {
                    return Err(format!(
                        "deployment {} of service {} launched a task after it FAILED",
                        d.id, svc.name
                    ));
                }
            }
        }
        // One pass over the tasks, not one per service.
        for (t, task) in self.tasks.iter().enumerate() {
            if let Some(s) = task.service {
                if task.is_active()
                    && !self.services[s]
                        .deployments
                        .task_deployment
                        .contains_key(&t)
                {
                    return Err(format!(
                        "task {} of service {} belongs to no deployment",
                        task.id, self.model.services[s].name
                    ));
                }
            }
        }
        Ok(())
    }
}
