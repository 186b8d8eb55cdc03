//! Managed instance draining (DG managed-instance-draining; the capacity provider's
//! `managedDraining`, ECS's default ENABLED): when an Auto Scaling group terminates an instance
//! that still runs service tasks, its lifecycle hook waits while ECS drains the instance, so the
//! tasks are replaced elsewhere within the deployment bounds before the instance goes. Used by
//! the group's zone rebalancing and by managed scaling's scale-in.

use super::Sim;
use crate::sim::log::LogKind;

impl Sim {
    /// Whether group `a` drains instance `i` before terminating it (managed draining on and a
    /// non-daemon service task still there); if so, the instance is DRAINING from now and is
    /// terminated by [`Sim::terminate_drained`] once those tasks are gone.
    pub(crate) fn drains_before_terminating(&mut self, a: usize, i: usize) -> bool {
        if !self.model.asgs[a].managed_draining || !self.runs_service_task(i) {
            return false;
        }
        self.draining_to_terminate.insert(i);
        self.set_draining(i);
        true
    }

    /// Whether a non-daemon service task is still on instance `i` (what managed draining waits
    /// for; draining leaves standalone tasks alone, and daemon tasks go with the instance).
    fn runs_service_task(&self, i: usize) -> bool {
        self.instances[i].tasks.iter().any(|&t| {
            self.tasks[t]
                .service
                .is_some_and(|s| !self.model.services[s].daemon)
        })
    }

    /// Group `a`'s drained instances: each whose service tasks are gone is terminated now (the
    /// lifecycle tells the group when a task leaves one).
    pub(crate) fn terminate_drained(&mut self, a: usize) {
        let drained: Vec<usize> = self
            .draining_to_terminate
            .iter()
            .copied()
            .filter(|&i| self.instances[i].asg == Some(a) && !self.runs_service_task(i))
            .collect();
        for i in drained {
            self.draining_to_terminate.remove(&i);
            if !self.instances[i].is_alive() {
                continue;
            }
            let name = self.model.asgs[a].provider.clone();
            let id = self.instances[i].ec2_instance_id.clone();
            self.emit(
                LogKind::Instance,
                None,
                format!("Auto Scaling group of {name} terminated {id}: drained, its tasks run elsewhere."),
            );
            self.lose_instance(i, crate::task::stopped_reason::host_terminated(&id));
        }
    }
}
