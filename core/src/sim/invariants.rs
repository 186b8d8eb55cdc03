//! What must always hold; checked after every step in debug and test builds.

use super::Sim;
use crate::cluster::InstanceStatus;
use crate::deployment::{DeploymentStatus, RolloutState};
use crate::placement::PlacementIndex;
use crate::task::TaskStatus;
use crate::taskdef::NetworkMode;
use std::collections::BTreeMap;

impl Sim {
    /// Checks every invariant, returning the first violation:
    /// - no instance has more CPU, memory, GPUs or ENIs reserved than it registered, and its
    ///   counters equal the sum over its tasks;
    /// - no two live tasks hold the same host port on an instance;
    /// - no live task is on a terminated instance;
    /// - every task's instance lists it, and vice versa;
    /// - a REPLICA service never has more tasks than maximumPercent allows;
    /// - each instance's task-group counts equal a recount of its active tasks, and the
    ///   placement index equals one rebuilt from scratch, and so do the per-service task lists;
    /// - the deployment invariants (`deployment/invariants.rs`).
    pub fn check_invariants(&self) -> Result<(), String> {
        self.check_deployments()?;
        for i in 0..self.instances.len() {
            self.check_instance(i)?;
        }
        if PlacementIndex::rebuild(&self.instances) != self.placement_index {
            return Err("the placement index drifted from a rebuild".into());
        }
        self.check_task_lists()?;
        self.check_maximum_percent()
    }

    /// An instance's reservations, ports and task groups equal a recount of its live tasks, and
    /// stay within what it registered; a terminated instance has no tasks.
    fn check_instance(&self, i: usize) -> Result<(), String> {
        let inst = &self.instances[i];
        let (mut cpu, mut mem, mut gpu, mut eni) = (0u32, 0u32, 0u32, 0u32);
        let mut ports: BTreeMap<_, usize> = BTreeMap::new();
        let mut groups: BTreeMap<String, u32> = BTreeMap::new();
        for &t in &inst.tasks {
            let task = &self.tasks[t];
            if task.is_active() {
                *groups.entry(task.group.to_string()).or_default() += 1;
            }
            if task.instance != Some(i) || task.last_status == TaskStatus::Stopped {
                return Err(format!(
                    "instance {} lists task {} which is not live on it",
                    inst.ec2_instance_id, task.id
                ));
            }
            let needs = &self.model.task_definitions[task.task_definition].needs;
            cpu += needs.cpu;
            mem += needs.memory;
            gpu += needs.gpus;
            if needs.network_mode == NetworkMode::Awsvpc {
                eni += 1;
            }
            for p in &task.host_ports {
                if let Some(other) = ports.insert(*p, t) {
                    return Err(format!(
                        "port {:?} on {} held by tasks {} and {}",
                        p, inst.ec2_instance_id, self.tasks[other].id, task.id
                    ));
                }
            }
        }
        if (cpu, mem, gpu, eni)
            != (
                inst.cpu_used,
                inst.memory_used,
                inst.gpus_used,
                inst.enis_used,
            )
        {
            return Err(format!(
                "instance {} counters drifted",
                inst.ec2_instance_id
            ));
        }
        if cpu > inst.cpu || mem > inst.memory || gpu > inst.gpus || eni > inst.eni_limit {
            return Err(format!("instance {} is over-committed: cpu {cpu}/{}, memory {mem}/{}, gpu {gpu}/{}, eni {eni}/{}", inst.ec2_instance_id, inst.cpu, inst.memory, inst.gpus, inst.eni_limit));
        }
        if inst.status == InstanceStatus::Terminated && !inst.tasks.is_empty() {
            return Err(format!(
                "terminated instance {} still has tasks",
                inst.ec2_instance_id
            ));
        }
        if groups != inst.group_counts {
            return Err(format!(
                "instance {} task-group counts drifted: {:?} counted, {:?} kept",
                inst.ec2_instance_id, groups, inst.group_counts
            ));
        }
        if ports.len() != inst.ports.len() {
            return Err(format!(
                "instance {} port table drifted",
                inst.ec2_instance_id
            ));
        }
        Ok(())
    }

    /// Every live task is listed by its instance, no deployment counts a dropped task, and the
    /// task index equals a rebuild.
    fn check_task_lists(&self) -> Result<(), String> {
        for (t, task) in self.tasks.iter() {
            if task.last_status == TaskStatus::Stopped {
                continue;
            }
            if let Some(i) = task.instance {
                if !self.instances[i].tasks.contains(&t) {
                    return Err(format!("task {} is not listed by its instance", task.id));
                }
            }
        }
        // A dropped stopped task is forgotten everywhere: no deployment still counts it.
        for (s, state) in self.services.iter().enumerate() {
            if let Some(t) = state
                .deployments
                .tasks()
                .find(|&t| self.tasks.get(t).is_none())
            {
                return Err(format!(
                    "service {} still counts task {t}, which is no longer kept",
                    self.model.services[s].name
                ));
            }
        }
        if self.tasks.next_id() as u64 != self.tasks.kept() as u64 + self.tasks.dropped() {
            return Err("the task store's kept and dropped counts do not add up".into());
        }
        let rebuilt =
            super::task_index::TaskIndex::rebuild(self.model.services.len(), self.tasks.iter());
        if rebuilt != self.task_index {
            return Err("the task index drifted from a rebuild".into());
        }
        Ok(())
    }

    /// A REPLICA service never has more live tasks than maximumPercent allows (blue's tasks
    /// held during a traffic shift run beside a full green deployment and are not counted).
    fn check_maximum_percent(&self) -> Result<(), String> {
        // One pass over the tasks counts each service's live tasks (a scan per service made
        // this check O(services × tasks) per step, minutes for the 2,000-task benchmark).
        let hold_blue: Vec<bool> = (0..self.model.services.len())
            .map(|s| self.shift_holds_blue(s))
            .collect();
        let mut live = vec![0u32; self.model.services.len()];
        for (t, task) in self.tasks.iter() {
            let Some(s) = task.service else { continue };
            if task.is_active()
                && (!hold_blue[s] || self.services[s].deployments.is_primary_task(t))
            {
                live[s] += 1;
            }
        }
        for (s, svc) in self.model.services.iter().enumerate() {
            // Checked between scheduler passes: a desired-count change is only acted on by the
            // pass it queues.
            if svc.daemon || self.services[s].reconcile_queued {
                continue;
            }
            let desired = self.services[s].desired;
            // Blue's tasks held during a traffic shift run beside a full green deployment.
            let live = live[s];
            let max =
                crate::deployment::bounds::upper_bound(desired, svc.maximum_percent).max(desired);
            if live > max {
                return Err(format!(
                    "service {} has {live} tasks, above its maximum {max}",
                    svc.name
                ));
            }
        }
        Ok(())
    }
}

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
                        .members_of(p)
                        .any(|t| self.tasks[t].created_at > d.updated_at)
                {
                    return Err(format!(
                        "deployment {} of service {} launched a task after it FAILED",
                        d.id, svc.name
                    ));
                }
            }
        }
        // The per-deployment sets and counts equal a recount.
        for (s, svc) in self.model.services.iter().enumerate() {
            self.services[s]
                .deployments
                .check_index(|t| {
                    self.tasks.get(t).map(|task| {
                        crate::deployment::Tally::of(task.last_status, task.stop_requested)
                    })
                })
                .map_err(|e| format!("service {}: {e}", svc.name))?;
        }
        // One pass over the tasks, not one per service.
        for (t, task) in self.tasks.iter() {
            if let Some(s) = task.service {
                if task.is_active() && self.services[s].deployments.deployment_of(t).is_none() {
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
