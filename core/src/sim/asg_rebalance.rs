//! EC2 Auto Scaling's `AZRebalance` applied to a group (the rule is
//! `cluster::az_rebalance`): an uneven group at its desired capacity launches one instance in
//! its emptiest zone and, once that instance has registered, terminates one by the default
//! termination policy (the fullest zone first). With managed draining its service tasks are
//! replaced before it goes (`sim/managed_draining.rs`), without it they stop with it; ECS's own
//! zone rebalancing then evens the tasks out.

use super::Sim;
use crate::cluster::az_rebalance::{needs_rebalance, ZoneInstances};
use crate::cluster::InstanceStatus;
use crate::sim::log::LogKind;
use std::collections::BTreeMap;

impl Sim {
    /// After group `a`'s check (`alive` instances before it topped up): the next step of its
    /// rebalancing across zones, if any.
    pub(crate) fn asg_rebalance(&mut self, a: usize, alive: u32) {
        if let Some(&i) = self.asg_rebalancing.get(&a) {
            match self.instances[i].status {
                InstanceStatus::Launching => {}
                InstanceStatus::Terminated => {
                    self.asg_rebalancing.remove(&a);
                }
                _ => {
                    self.asg_rebalancing.remove(&a);
                    self.terminate_to_rebalance(a, i);
                }
            }
            return;
        }
        if alive != self.model.asgs[a].desired {
            return;
        }
        let zones = self.asg_zone_instances(a);
        let counts: Vec<ZoneInstances> = zones.values().copied().collect();
        if !needs_rebalance(&counts) {
            return;
        }
        let name = self.model.asgs[a].provider.clone();
        let listed: Vec<String> = zones
            .iter()
            .map(|(z, c)| format!("{} in {z}", c.instances))
            .collect();
        self.emit(
            LogKind::Instance,
            None,
            format!(
                "Auto Scaling group of {name} is uneven across its Availability Zones ({}): it launches an instance before terminating one (AZRebalance).",
                listed.join(", ")
            ),
        );
        if let Some(i) = self.launch_asg_instance(a, false) {
            self.asg_rebalancing.insert(a, i);
        }
    }

    /// Group `a`'s usable zones (its subnets' zones that are not down), each with its live
    /// instances and how many of them the group may terminate.
    fn asg_zone_instances(&self, a: usize) -> BTreeMap<String, ZoneInstances> {
        let asg = &self.model.asgs[a];
        let mut zones: BTreeMap<String, ZoneInstances> = asg
            .subnets
            .iter()
            .filter(|(_, z)| !self.zones_down.contains(z))
            .map(|(_, z)| {
                let none = ZoneInstances {
                    instances: 0,
                    unprotected: 0,
                };
                (z.clone(), none)
            })
            .collect();
        // The group's live instances from the placement index's partitions (as
        // `PlacementIndex::asg_instances_per_zone` counts them), not a walk of every instance.
        let parts = self
            .placement_index
            .cluster(asg.cluster)
            .into_iter()
            .flat_map(|c| &c.parts)
            .filter(|p| p.key.asg == Some(a));
        for part in parts {
            let Some(z) = zones.get_mut(&part.key.zone) else {
                continue;
            };
            for &i in &part.members {
                z.instances += 1;
                let protected = asg.managed_termination_protection
                    && self.runs_non_daemon_task(self.instances[i].tasks.iter().copied());
                if !protected {
                    z.unprotected += 1;
                }
            }
        }
        zones
    }

    /// The second half of a rebalancing: group `a` terminates one instance by its termination
    /// policy, never the one it just launched (`launched`).
    fn terminate_to_rebalance(&mut self, a: usize, launched: usize) {
        let chosen = self.choose_instances_to_terminate(a, 1);
        let name = self.model.asgs[a].provider.clone();
        let Some(&i) = chosen.first().filter(|&&i| i != launched) else {
            // Every instance of the fuller zones runs tasks under managed termination
            // protection: the group keeps the extra instance (managed scaling may scale it in
            // once an instance is empty) and says why.
            self.emit(
                LogKind::Instance,
                None,
                format!("Auto Scaling group of {name} cannot terminate an instance to rebalance its Availability Zones: the instances in its fuller zones are protected from scale-in (managed termination protection)."),
            );
            return;
        };
        let id = self.instances[i].ec2_instance_id.clone();
        let zone = self.instances[i].zone.clone();
        if self.drains_before_terminating(a, i) {
            self.emit(
                LogKind::Instance,
                None,
                format!("Auto Scaling group of {name} is terminating {id} in {zone} to rebalance its Availability Zones (AZRebalance); managed draining moves its tasks first (DRAINING)."),
            );
            return;
        }
        self.emit(
            LogKind::Instance,
            None,
            format!("Auto Scaling group of {name} terminated {id} in {zone} to rebalance its Availability Zones (AZRebalance)."),
        );
        self.lose_instance(i, crate::task::stopped_reason::host_terminated(&id));
    }
}
