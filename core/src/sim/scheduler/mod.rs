//! The service scheduler (DG ecs_services): keeps a REPLICA service at its desired count and a
//! DAEMON service on every eligible instance, replaces stopped and unhealthy tasks, replaces
//! tasks on DRAINING instances and of an older task definition within the deployment's
//! minimumHealthyPercent / maximumPercent bounds, and scales in the way the strategies say.

mod daemon;
mod placer;
mod placing;
mod rebalance;
mod replica;
mod run_task;

pub(crate) use placing::{launch_of, Launched};
pub use rebalance::{Rebalance, RebalanceMark};
pub use run_task::{RunTaskCall, RunTaskFailure};

use super::{Repeat, Sim};
use crate::cluster::{capacity_provider, InstanceStatus, LaunchTarget};
use crate::placement::{self};
use crate::service::messages;
use crate::service::messages::DUPLICATE_EVENT_WINDOW_MS;
use crate::service::steady::{self, SteadyFacts};
use crate::sim::log::LogKind;
use crate::task::{HealthStatus, TaskStatus};
use std::collections::BTreeMap;

impl Sim {
    /// One scheduler pass over a service.
    pub(crate) fn reconcile(&mut self, s: usize) {
        if self.model.services[s].daemon {
            self.reconcile_daemon(s);
        } else {
            self.reconcile_replica(s);
        }
    }

    /// The service's active tasks, oldest first, from its live set (not every task it started).
    fn service_tasks(&self, s: usize) -> Vec<usize> {
        self.live_tasks_of_service(s)
            .filter(|&t| self.tasks[t].is_active())
            .collect()
    }

    /// Says a deployment is stuck on its bounds ([`crate::service::steady::blocked_by_bounds`]),
    /// once per window, and records it for the advice.
    pub(super) fn report_blocked_by_bounds(&mut self, s: usize) {
        let name = self.model.services[s].name.clone();
        let number = self.next_log_number();
        self.emit_once_per_window(
            s,
            Repeat::BlockedByBounds,
            crate::service::messages::blocked_by_deployment_configuration(&name),
        );
        if self.next_log_number() > number {
            self.record_fact(|f| &mut f.deployment_blocked, s, number);
        }
    }

    /// Emits a service event unless the same text was emitted for the same cause in the last 6
    /// hours: "duplicate event messages are omitted until either the cause is resolved or six
    /// hours passes" (DG service-event-messages); reaching a steady state counts as resolved.
    /// Returns whether it was emitted.
    pub(super) fn emit_once_per_window(&mut self, s: usize, cause: Repeat, text: String) -> bool {
        let now = self.now;
        let repeat = self.services[s]
            .repeated
            .get(&cause)
            .is_some_and(|(at, last)| *last == text && now < at + DUPLICATE_EVENT_WINDOW_MS);
        if !repeat {
            self.services[s].repeated.insert(cause, (now, text.clone()));
            self.emit(LogKind::Service, Some(s), text);
        }
        !repeat
    }

    /// "Unable to place a task", held back like every repeated service event.
    fn emit_unplaceable(&mut self, s: usize, text: String) {
        self.emit_once_per_window(s, Repeat::UnableToPlace, text);
    }

    /// Whether the service has reached a steady state ([`steady::is_steady`]): "(service x) has
    /// reached a steady state." once per steady period, and a steady service completes its
    /// deployment.
    ///
    /// The counts come from the task index; each task's facts are gathered only when the counts
    /// allow a steady state (a crash loop is never steady, and walked 5,000 tasks on every pass
    /// to find that out, issue #10).
    fn update_steady_state(&mut self, s: usize) {
        let desired = self.services[s].desired;
        let active = self.task_index.active(s) as usize;
        let stopping = self.task_index.stopping_of(s) > 0;
        let running = self.task_index.running(s) as usize;
        let steady = steady::counts_allow_steady(active, running, desired, stopping)
            && if self.steady_without_reading(s) {
                #[cfg(debug_assertions)]
                assert!(
                    steady::is_steady(&self.steady_facts(s), desired, stopping),
                    "service {s}: the counts say steady, its tasks do not"
                );
                true
            } else {
                steady::is_steady(&self.steady_facts(s), desired, stopping)
            };
        if steady && !self.services[s].steady {
            let name = self.model.services[s].name.clone();
            self.emit(LogKind::Service, Some(s), messages::steady_state(&name));
            self.services[s].repeated.clear();
        }
        self.services[s].steady = steady;
        self.settle_deployments(s);
    }

    /// Whether, once the counts allow a steady state, it holds without reading every task: the
    /// service checks neither container health nor a load balancer target, every active task
    /// is of the PRIMARY deployment running the service's revision, none is watched (unhealthy
    /// or waiting) and no instance of the cluster is DRAINING, so every task's facts hold.
    /// False when a task must be read. (A service whose tasks pass their 40-second mark one per
    /// second was read whole once a second: issue #10.)
    fn steady_without_reading(&self, s: usize) -> bool {
        let td_now = self.services[s].task_definition;
        let checked = self.model.task_definitions[td_now]
            .needs
            .containers
            .iter()
            .any(|c| c.essential && c.health_check.is_some());
        let deployments = &self.services[s].deployments;
        let primary_runs_now = deployments
            .primary()
            .is_some_and(|p| deployments.list[p].task_definition == td_now);
        !checked
            && self.model.services[s].load_balancer.is_none()
            && primary_runs_now
            && self.all_active_primary(s)
            && self.task_index.watched_of(s).next().is_none()
            && !self.cluster_draining(s)
    }

    /// What [`steady::is_steady`] needs to know about each of the service's active tasks.
    fn steady_facts(&self, s: usize) -> Vec<SteadyFacts> {
        let td_now = self.services[s].task_definition;
        // The live set is ascending, so the PRIMARY deployment's set is merged alongside.
        let mut primary = self.services[s].deployments.primary_cursor();
        self.live_tasks_of_service(s)
            .filter(|&t| self.tasks[t].is_active())
            .map(|t| {
                let task = &self.tasks[t];
                let checked = self.model.task_definitions[task.task_definition]
                    .needs
                    .containers
                    .iter()
                    .any(|c| c.essential && c.health_check.is_some());
                SteadyFacts {
                    running: task.last_status == TaskStatus::Running,
                    current: task.task_definition == td_now && primary.is_primary(t),
                    containers_healthy: if checked {
                        task.health == HealthStatus::Healthy
                    } else {
                        task.health != HealthStatus::Unhealthy
                    },
                    target_healthy: self.target_healthy(t),
                    on_draining_instance: task
                        .instance
                        .is_some_and(|i| self.instances[i].status == InstanceStatus::Draining),
                }
            })
            .collect()
    }

    /// The task service `s` stops next when scaling in: from the capacity provider furthest
    /// above its share of the service's strategy (`capacity_provider::release`, which keeps the
    /// base and the weights' split), then as the placement strategies say among its tasks.
    fn choose_to_scale_in(&mut self, s: usize, candidates: &[usize]) -> Option<usize> {
        let LaunchTarget::Strategy(items) = &self.model.services[s].launch else {
            return self.choose_to_stop(s, candidates);
        };
        // Each candidate's strategy item; `None`: a provider the strategy no longer names, which
        // is beyond every share and goes first.
        let item_of: Vec<Option<usize>> = candidates
            .iter()
            .map(|&t| {
                let p = self.tasks[t].capacity_provider.as_deref();
                items.iter().position(|it| Some(it.name.as_str()) == p)
            })
            .collect();
        let from = if item_of.iter().any(Option::is_none) {
            None
        } else {
            let mut counts = vec![0u32; items.len()];
            for k in item_of.iter().flatten() {
                counts[*k] += 1;
            }
            capacity_provider::release(items, &counts)
        };
        let pool: Vec<usize> = candidates
            .iter()
            .zip(&item_of)
            .filter(|(_, k)| **k == from)
            .map(|(&t, _)| t)
            .collect();
        self.choose_to_stop(s, &pool)
    }

    fn choose_to_stop(&mut self, s: usize, candidates: &[usize]) -> Option<usize> {
        let group = format!("service:{}", self.model.services[s].name);
        let mut group_on: BTreeMap<usize, u32> = BTreeMap::new();
        let mut pairs = Vec::new();
        for &t in candidates {
            if let Some(i) = self.tasks[t].instance {
                pairs.push((t, i));
            }
        }
        // Each instance's count of the group's active tasks (kept by the lifecycle).
        for (i, inst) in self.instances.iter().enumerate() {
            if let Some(&n) = inst.group_counts.get(&group).filter(|n| **n > 0) {
                group_on.insert(i, n);
            }
        }
        if pairs.is_empty() {
            // Fargate tasks: keep zones balanced, stopping from the zone with the most.
            let mut per_zone: BTreeMap<&str, usize> = BTreeMap::new();
            for &t in candidates {
                *per_zone
                    .entry(self.tasks[t].zone.as_deref().unwrap_or(""))
                    .or_default() += 1;
            }
            let busiest = per_zone
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(z, _)| z.to_string());
            let in_zone: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&t| self.tasks[t].zone.as_deref() == busiest.as_deref())
                .collect();
            if in_zone.is_empty() {
                return None;
            }
            return Some(in_zone[self.placement_rng.below(in_zone.len() as u64) as usize]);
        }
        // Resources each instance gets back from tasks already stopping (held until STOPPED).
        let mut releasing: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
        for &t in &self.task_index.stopping {
            let t = &self.tasks[t];
            if let Some(i) = t.instance {
                let n = &self.model.task_definitions[t.task_definition].needs;
                let e = releasing.entry(i).or_default();
                e.0 += n.cpu;
                e.1 += n.memory;
            }
        }
        let free_after: Vec<(u32, u32)> = pairs
            .iter()
            .map(|&(t, i)| {
                let n = &self.model.task_definitions[self.tasks[t].task_definition].needs;
                let (rc, rm) = releasing.get(&i).copied().unwrap_or_default();
                (
                    self.instances[i].cpu_free() + rc + n.cpu,
                    self.instances[i].memory_free() + rm + n.memory,
                )
            })
            .collect();
        placement::strategies::choose_to_stop(
            &pairs,
            &free_after,
            &self.instances,
            &self.model.services[s].strategies,
            &group_on,
            &mut self.placement_rng,
        )
    }
}
