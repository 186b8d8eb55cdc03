//! Counts and sets the scheduler reads on every pass, kept up to date on task state changes so
//! no pass scans every task (issue #10: Fargate zone choice scanned every task once per zone,
//! and every pass rescanned every task the service ever started).

use crate::task::{StopCode, Task, TaskStatus};
use std::collections::{BTreeMap, BTreeSet};

/// Per-service and per-group views of the tasks, updated by the lifecycle and checked against a
/// rebuild by the invariant checker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskIndex {
    /// Per service (model order), its tasks not yet STOPPED, ascending (= creation order).
    pub live: Vec<BTreeSet<usize>>,
    /// Active tasks (not stopping, not STOPPED) per task group and zone: Fargate spreads a
    /// group's tasks across zones by these counts.
    pub group_zone: BTreeMap<String, BTreeMap<String, u32>>,
    /// Active tasks per service and capacity provider: a capacity provider strategy's base and
    /// weight count these.
    pub service_provider: Vec<BTreeMap<String, u32>>,
    /// Tasks whose stop was requested and that are not STOPPED yet (they still hold their
    /// instance's resources).
    pub stopping: BTreeSet<usize>,
    /// Per service, its tasks RUNNING and not asked to stop: what advice's Spot shortfall
    /// compares with the desired count at each interruption (it walked the service's whole
    /// task history before).
    pub running: Vec<u32>,
    /// Per service, its tasks RUNNING, asked to stop or not: CloudWatch's `RunningTaskCount`,
    /// which each minute's metrics read here instead of walking every live task of every
    /// service (issue #10: "no step touches every task").
    pub running_any: Vec<u32>,
    /// Per service, its active tasks (not asked to stop, not STOPPED): the size of the set a
    /// scheduler pass works on, known without walking it. `live[s].len() - active[s]` is the
    /// service's tasks still stopping.
    pub active: Vec<u32>,
    /// Per service, its active tasks a scheduler pass must look at one by one: unhealthy (its
    /// containers or its load balancer target) or waiting for capacity. While a service has one
    /// deployment and no DRAINING instance, every other active task simply counts towards the
    /// desired count, so the pass reads these instead of all its tasks (issue #10: walking
    /// 5,000 tasks per pass was 40 % of a crash loop at the task limit).
    pub watched: Vec<BTreeSet<usize>>,
    /// Per service, its tasks the service scheduler stopped (stopCode
    /// `ServiceSchedulerInitiated`: replaced, scaled in, unhealthy) that are not STOPPED yet. They
    /// still count against `maximumPercent`: behind a load balancer a `maximumPercent` 100
    /// deployment drains each batch for the whole deregistration delay and starts its
    /// replacements only once the batch has stopped (ECS's own service events, 2020: "has begun
    /// draining connections on 2 tasks" … five minutes … "has stopped 2 running tasks" … "has
    /// started 2 tasks"; fidelity probe, 2026-12-07; DG *Update Amazon ECS service parameters*:
    /// maximumPercent caps the tasks "in the `PENDING`, `RUNNING`, or `STOPPING` state").
    pub scheduler_stopping: Vec<u32>,
    /// Per service, its tasks (not STOPPED) whose load balancer target is `healthy`:
    /// HealthyHostCount, which each minute's metrics read here instead of walking the service's
    /// tasks (review of the 29th session: "no step touches every task").
    pub healthy_targets: Vec<BTreeSet<usize>>,
}

/// The service of `task` when its service's scheduler asked it to stop (see
/// [`TaskIndex::scheduler_stopping`]).
fn scheduler_stopped(task: &Task) -> Option<usize> {
    (task.stop_requested && task.stop_code == Some(StopCode::ServiceSchedulerInitiated))
        .then_some(task.service)
        .flatten()
}

/// Whether [`TaskIndex::watched`] holds `task` (see there).
pub fn needs_watching(task: &Task) -> bool {
    task.is_active() && (task.is_unhealthy() || task.is_waiting())
}

/// Adds one to `key`'s count, copying the key only the first time it is seen: `entry` wants an
/// owned key, and counts read or kept for every task copied a string per task each (issue #10:
/// the zone and provider counts here at every task start, the service cards' counts at every
/// redraw).
pub(crate) fn count_in(counts: &mut BTreeMap<String, u32>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

impl TaskIndex {
    /// A new task `t` (PROVISIONING, active, no zone yet).
    pub fn created(&mut self, t: usize, task: &Task) {
        if let Some(s) = task.service {
            if self.live.len() <= s {
                self.live.resize_with(s + 1, BTreeSet::new);
                self.service_provider.resize_with(s + 1, BTreeMap::new);
                self.running.resize(s + 1, 0);
                self.running_any.resize(s + 1, 0);
                self.active.resize(s + 1, 0);
                self.watched.resize_with(s + 1, BTreeSet::new);
                self.healthy_targets.resize_with(s + 1, BTreeSet::new);
            }
            self.live[s].insert(t);
            self.active[s] += 1;
            if task.last_status == TaskStatus::Running {
                self.running_any[s] += 1;
            }
            if let Some(p) = &task.capacity_provider {
                count_in(&mut self.service_provider[s], p);
            }
            self.rewatch(t, task);
        }
    }

    /// Task `t`'s health, target, waiting or status may have changed: it is watched or not as
    /// [`needs_watching`] says now.
    pub fn rewatch(&mut self, t: usize, task: &Task) {
        if let Some(healthy) = task.service.and_then(|s| self.healthy_targets.get_mut(s)) {
            if task.target_is_healthy() && task.last_status != TaskStatus::Stopped {
                healthy.insert(t);
            } else {
                healthy.remove(&t);
            }
        }
        let Some(watched) = task.service.and_then(|s| self.watched.get_mut(s)) else {
            return;
        };
        if needs_watching(task) {
            watched.insert(t);
        } else {
            watched.remove(&t);
        }
    }

    /// Service `s`'s tasks whose load balancer target is healthy (HealthyHostCount).
    pub fn healthy_targets_of(&self, s: usize) -> usize {
        self.healthy_targets.get(s).map_or(0, BTreeSet::len)
    }

    /// Service `s`'s watched tasks (see [`TaskIndex::watched`]), ascending.
    pub fn watched_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.watched.get(s).into_iter().flatten().copied()
    }

    /// Active task `task` got its zone (bound to an instance or to Fargate capacity).
    pub fn zoned(&mut self, task: &Task) {
        if let Some(z) = &task.zone {
            // Looked up before inserting: `entry` wants owned keys, two strings per task.
            if !self.group_zone.contains_key(&*task.group) {
                self.group_zone
                    .insert(task.group.to_string(), BTreeMap::new());
            }
            if let Some(zones) = self.group_zone.get_mut(&*task.group) {
                count_in(zones, z);
            }
        }
    }

    /// A task of service `s` went from `from` to `to`; `stop_requested` says whether it was
    /// asked to stop (then it counts only in [`TaskIndex::running_any`]).
    pub fn status_changed(
        &mut self,
        s: usize,
        from: TaskStatus,
        to: TaskStatus,
        stop_requested: bool,
    ) {
        let change = |n: &mut u32| match (from == TaskStatus::Running, to == TaskStatus::Running) {
            (false, true) => *n += 1,
            (true, false) => *n = n.saturating_sub(1),
            _ => {}
        };
        if let Some(n) = self.running_any.get_mut(s) {
            change(n);
        }
        if !stop_requested {
            if let Some(n) = self.running.get_mut(s) {
                change(n);
            }
        }
    }

    /// Service `s`'s tasks RUNNING and not asked to stop.
    pub fn running(&self, s: usize) -> u32 {
        self.running.get(s).copied().unwrap_or(0)
    }

    /// Service `s`'s tasks RUNNING, asked to stop or not (`RunningTaskCount`).
    pub fn running_any(&self, s: usize) -> u32 {
        self.running_any.get(s).copied().unwrap_or(0)
    }

    /// Task `t` stops being active (its stop is requested, or it is lost with its host).
    pub fn deactivated(&mut self, t: usize, task: &Task) {
        if let Some(n) = task.service.and_then(|s| self.active.get_mut(s)) {
            *n = n.saturating_sub(1);
        }
        if let Some(watched) = task.service.and_then(|s| self.watched.get_mut(s)) {
            watched.remove(&t);
        }
        if let (Some(s), TaskStatus::Running) = (task.service, task.last_status) {
            if let Some(n) = self.running.get_mut(s) {
                *n = n.saturating_sub(1);
            }
        }
        if let Some(z) = &task.zone {
            if let Some(zones) = self.group_zone.get_mut(&*task.group) {
                if let Some(n) = zones.get_mut(&**z) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        zones.remove(&**z);
                    }
                }
                if zones.is_empty() {
                    self.group_zone.remove(&*task.group);
                }
            }
        }
        if let (Some(s), Some(p)) = (task.service, &task.capacity_provider) {
            if let Some(counts) = self.service_provider.get_mut(s) {
                if let Some(n) = counts.get_mut(p) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        counts.remove(p);
                    }
                }
            }
        }
        self.stopping.insert(t);
    }

    /// Task `t`'s stop was requested with its stop code set: one more of
    /// [`TaskIndex::scheduler_stopping`] when the service scheduler stopped it.
    pub fn stop_coded(&mut self, task: &Task) {
        if let Some(n) = scheduler_stopped(task).and_then(|s| self.scheduler_stopping.get_mut(s)) {
            *n += 1;
        }
    }

    /// Task `t` is STOPPED.
    pub fn stopped(&mut self, t: usize, task: &Task) {
        self.stopping.remove(&t);
        if let Some(n) = scheduler_stopped(task).and_then(|s| self.scheduler_stopping.get_mut(s)) {
            *n = n.saturating_sub(1);
        }
        if let Some(s) = task.service {
            if let Some(live) = self.live.get_mut(s) {
                live.remove(&t);
            }
            if let Some(watched) = self.watched.get_mut(s) {
                watched.remove(&t);
            }
            if let Some(healthy) = self.healthy_targets.get_mut(s) {
                healthy.remove(&t);
            }
        }
    }

    /// Service `s`'s active tasks (not asked to stop, not STOPPED).
    pub fn active(&self, s: usize) -> u32 {
        self.active.get(s).copied().unwrap_or(0)
    }

    /// Service `s`'s tasks the service scheduler stopped that are not STOPPED yet
    /// ([`TaskIndex::scheduler_stopping`]).
    pub fn scheduler_stopping(&self, s: usize) -> u32 {
        self.scheduler_stopping.get(s).copied().unwrap_or(0)
    }

    /// Service `s`'s tasks whose stop was requested and that are not STOPPED yet.
    pub fn stopping_of(&self, s: usize) -> usize {
        self.live
            .get(s)
            .map_or(0, |l| l.len().saturating_sub(self.active(s) as usize))
    }

    /// Active tasks of `group` in `zone`.
    pub fn in_zone(&self, group: &str, zone: &str) -> usize {
        self.group_zone
            .get(group)
            .and_then(|z| z.get(zone))
            .map_or(0, |n| *n as usize)
    }

    /// Active tasks of service `s` on capacity provider `provider`.
    pub fn on_provider(&self, s: usize, provider: &str) -> u32 {
        self.service_provider
            .get(s)
            .and_then(|c| c.get(provider))
            .copied()
            .unwrap_or(0)
    }

    /// The index rebuilt from every task (`services` long), for the invariant checker.
    pub fn rebuild<'a>(services: usize, tasks: impl Iterator<Item = (usize, &'a Task)>) -> Self {
        let mut ix = TaskIndex {
            live: vec![BTreeSet::new(); services],
            service_provider: vec![BTreeMap::new(); services],
            running: vec![0; services],
            running_any: vec![0; services],
            active: vec![0; services],
            watched: vec![BTreeSet::new(); services],
            healthy_targets: vec![BTreeSet::new(); services],
            scheduler_stopping: vec![0; services],
            ..TaskIndex::default()
        };
        for (t, task) in tasks {
            if task.last_status == TaskStatus::Stopped {
                continue;
            }
            if let Some(s) = task.service {
                ix.live[s].insert(t);
                if task.last_status == TaskStatus::Running {
                    ix.running_any[s] += 1;
                }
                if task.target_is_healthy() {
                    ix.healthy_targets[s].insert(t);
                }
            }
            if task.stop_requested {
                ix.stopping.insert(t);
                if let Some(s) = scheduler_stopped(task) {
                    ix.scheduler_stopping[s] += 1;
                }
                continue;
            }
            if let Some(s) = task.service {
                ix.active[s] += 1;
                if needs_watching(task) {
                    ix.watched[s].insert(t);
                }
            }
            if let (Some(s), Some(p)) = (task.service, &task.capacity_provider) {
                *ix.service_provider[s].entry(p.clone()).or_default() += 1;
            }
            if let (Some(s), TaskStatus::Running) = (task.service, task.last_status) {
                ix.running[s] += 1;
            }
            ix.zoned(task);
        }
        ix
    }
}
