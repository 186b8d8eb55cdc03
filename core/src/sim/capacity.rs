//! Capacity changes a timeline can script: `aws ecs register-container-instance` (an EC2
//! instance outside any Auto Scaling group joins a cluster) and `aws autoscaling
//! set-desired-capacity` (a group grows or shrinks).

use super::commands::CommandError;
use super::log::LogKind;
use super::Sim;
use crate::cluster::Instance;
use std::collections::BTreeMap;

impl Sim {
    /// `register-container-instance`: an EC2 instance of type `instance_type` in `zone` joins
    /// `cluster` at once (the agent registers an instance that is already running), so tasks
    /// the cluster could not place are tried again.
    pub fn register_container_instance(
        &mut self,
        cluster: &str,
        instance_type: &str,
        zone: &str,
        attributes: &BTreeMap<String, String>,
    ) -> Result<usize, CommandError> {
        let c = self
            .model
            .clusters
            .iter()
            .position(|k| k.name == cluster)
            .ok_or_else(|| CommandError(format!("no cluster named {cluster}")))?;
        let ty = crate::catalog::instance_type(instance_type)
            .ok_or_else(|| CommandError(format!("unknown instance type {instance_type}")))?;
        if self.zones_down.contains(zone) {
            return Err(CommandError(format!("{zone} is down")));
        }
        let subnet = self
            .model
            .subnets
            .iter()
            .find(|(_, z)| z.as_str() == zone)
            .map(|(s, _)| s.clone())
            .ok_or_else(|| CommandError(format!("unknown zone {zone}")))?;
        let ec2 = format!("i-0{}", self.ids.hex(16));
        let ci = self.ids.hex(32);
        self.emit(
            LogKind::Action,
            None,
            format!(
                "register-container-instance: {ec2} ({}, {zone}) in cluster {cluster}.",
                ty.name
            ),
        );
        let idx = self.instances.len();
        self.instances.push(Instance::launching(
            ec2,
            ci,
            c,
            None,
            Some(ty),
            (zone.to_string(), subnet.clone()),
            (
                ty.cpu_units,
                ty.registered_memory_mib,
                ty.gpus,
                ty.awsvpc_task_limit(false),
            ),
            self.now,
            crate::cluster::instance::ec2_attributes(attributes.clone(), ty, (zone, &subnet)),
        ));
        self.placement_index.add_instance(idx, &self.instances[idx]);
        // An instance is billed while it runs, however it joined the cluster (EC2 User Guide,
        // instance lifecycle: running is billed).
        self.meter_instance_launched(idx);
        self.instance_registered(idx);
        if self.now == 0 {
            // At time 0 registration only updates the trace; the first scheduler passes run
            // after it anyway, and waiting standalone tasks are retried here.
            self.reconcile_cluster(c);
        }
        Ok(idx)
    }

    /// `set-desired-capacity`: group `name` (named by its capacity provider) launches
    /// instances up to `desired`, or terminates instances down to it by its default
    /// termination policy (instances protected by managed termination protection are kept).
    pub fn set_desired_capacity(&mut self, name: &str, desired: u32) -> Result<(), CommandError> {
        let a = self
            .model
            .asgs
            .iter()
            .position(|g| g.provider == name)
            .ok_or_else(|| CommandError(format!("no Auto Scaling group {name}")))?;
        let g = &self.model.asgs[a];
        if desired < g.min_size || desired > g.max_size {
            return Err(CommandError(format!(
                "New SetDesiredCapacity value {desired} is outside {}–{} for the AutoScalingGroup.",
                g.min_size, g.max_size
            )));
        }
        self.emit(
            LogKind::Action,
            None,
            format!(
                "set-desired-capacity --auto-scaling-group-name {name} --desired-capacity {desired}"
            ),
        );
        self.model.asgs[a].desired = desired;
        // Instances draining to be terminated are already on their way out (a repeated call
        // counted them again and drained the rest of the group: review, 2026-12-06).
        let alive = self
            .instances
            .iter()
            .enumerate()
            .filter(|(i, x)| {
                x.asg == Some(a) && x.is_alive() && !self.draining_to_terminate.contains(i)
            })
            .count() as u32;
        if desired > alive {
            for _ in alive..desired {
                if self.launch_asg_instance(a, false).is_none() {
                    break;
                }
            }
        } else if desired < alive {
            let chosen = self.choose_instances_to_terminate(a, alive - desired);
            let short = (alive - desired) as usize - chosen.len();
            for i in chosen {
                let id = self.instances[i].ec2_instance_id.clone();
                self.emit(
                    LogKind::Instance,
                    None,
                    format!(
                        "Auto Scaling group of {name} terminating {id} (set-desired-capacity)."
                    ),
                );
                // API AutoScalingGroupProvider managedDraining: ECS "gracefully drains the EC2
                // container instances that are in the Auto Scaling group capacity provider",
                // whatever asked the group to terminate them (until 2026-12-06 only managed
                // scaling's scale-in and zone rebalancing drained: fidelity walkthrough).
                if !self.drains_before_terminating(a, i) {
                    self.lose_instance(i, crate::task::stopped_reason::host_terminated(&id));
                }
            }
            if short > 0 {
                self.emit(
                    LogKind::Instance,
                    None,
                    format!(
                        "Auto Scaling group of {name} kept {short} instance(s) above its desired capacity {desired}: protected from scale-in (managed termination protection)."
                    ),
                );
            }
        }
        Ok(())
    }
}
