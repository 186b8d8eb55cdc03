//! Availability Zone rebalancing applied to a REPLICA service (DG service-rebalancing.html):
//! once the service is steady and its zones are not balanced, a move starts tasks in the
//! emptiest zones (pinned there), waits until they are RUNNING and healthy, then stops as many
//! in the fullest zones. The rules are `service::rebalancing`'s; this gathers the counts,
//! launches, stops and says so in ECS's events.
//!
//! The zones a service is balanced over (the guide's "configured Availability Zones" is not
//! defined further; the playground's choice, in the README): for Fargate the zones of its
//! subnets, for EC2 the zones of the cluster's container instances its tasks could use (taking
//! tasks, not ECS Anywhere, in its capacity providers' groups, in its subnets' zones when it
//! uses awsvpc, matching its `memberOf` constraints), never a zone that is down, and any zone
//! where it still has tasks.

use super::super::{Repeat, Sim};
use super::placing::Launched;
use crate::cluster::LaunchTarget;
use crate::placement::filters::constraints::check_counts;
use crate::placement::Constraint;
use crate::service::rebalancing;
use crate::service::replica;
use crate::sim::log::LogKind;
use crate::task::{StopCode, TaskStatus};
use std::collections::BTreeMap;

/// A service's rebalancing between passes.
#[derive(Debug, Clone, Default)]
pub struct Rebalance {
    /// "is not AZ balanced … AZ Rebalancing in progress." was said, and "is AZ balanced" not yet.
    pub in_progress: bool,
    /// The move under way: the tasks it started, to be RUNNING and healthy before it stops as
    /// many in the fullest zones. Empty between moves.
    pub started: Vec<usize>,
    /// The desired count the move began with (a change gives the move up).
    pub desired: u32,
    /// The deployment the move began in (a new one gives the move up).
    pub deployment: String,
    /// When rebalancing began, ended balanced, or stopped, as the service's events said, the
    /// newest [`RUNS_KEPT`](crate::metrics::runs::RUNS_KEPT) (a chart draws no more): the
    /// charts' markers. Lesson 16's charts showed the move only as a count going up and down,
    /// with no marker saying why (instructor walkthrough, 2026-12-07).
    pub marks: std::collections::VecDeque<(crate::time::Millis, RebalanceMark)>,
}

/// A moment of a service's AZ rebalancing that its events announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RebalanceMark {
    /// "is not AZ balanced … AZ Rebalancing in progress."
    Began,
    /// "is AZ balanced …"
    Balanced,
    /// "stopped AZ Rebalancing."
    Stopped,
}

impl Rebalance {
    /// Keeps `mark` at `at`, dropping the oldest beyond what a chart draws.
    fn mark(&mut self, at: crate::time::Millis, mark: RebalanceMark) {
        self.marks.push_back((at, mark));
        if self.marks.len() > crate::metrics::runs::RUNS_KEPT {
            self.marks.pop_front();
        }
    }
}

impl Sim {
    /// The counts a REPLICA pass keeps to: the service's desired count plus the tasks a
    /// rebalancing move started and has not yet matched with stops (they are not to be scaled
    /// in), and the most alive, from the service's own desired count.
    pub(super) fn replica_bounds(&self, s: usize) -> replica::PassBounds {
        let state = &self.services[s];
        replica::PassBounds::new(
            state.desired,
            self.model.services[s].maximum_percent,
            state.rebalance.started.len() as u32,
        )
    }

    /// At the start of a pass: gives up a move whose desired count or deployment changed, or
    /// all of whose tasks stopped; the service then scales in as usual ("(service x) stopped AZ
    /// Rebalancing."). A started task that stopped (a Spot interruption, a failed health check)
    /// simply leaves the move: the others still wait to be healthy, and as many tasks stop.
    pub(super) fn check_rebalance_move(&mut self, s: usize) {
        if self.services[s].rebalance.started.is_empty() {
            return;
        }
        let mut started = std::mem::take(&mut self.services[s].rebalance.started);
        started.retain(|&t| self.tasks.get(t).is_some_and(|x| x.is_active()));
        let state = &mut self.services[s];
        if state.rebalance.desired == state.desired
            && state.rebalance.deployment == state.deployment_id
            && !started.is_empty()
        {
            state.rebalance.started = started;
            return;
        }
        state.rebalance.in_progress = false;
        self.say_rebalancing_stopped(s);
    }

    /// "(service x) stopped AZ Rebalancing.", held back like other repeated events.
    fn say_rebalancing_stopped(&mut self, s: usize) {
        let name = self.model.services[s].name.clone();
        let text = rebalancing::stopped_rebalancing(&name);
        if self.emit_once_per_window(s, Repeat::RebalanceStopped, text) {
            let now = self.now;
            self.services[s].rebalance.mark(now, RebalanceMark::Stopped);
        }
    }

    /// At the end of a pass: the next step of rebalancing service `s`, if it is on and the
    /// service is steady (or a move is under way).
    pub(super) fn rebalance_zones(&mut self, s: usize) {
        if !self.model.services[s].az_rebalancing {
            return;
        }
        if !self.services[s].rebalance.started.is_empty() {
            self.finish_rebalance_move(s);
            return;
        }
        if !self.services[s].steady {
            return;
        }
        let zones = self.rebalance_zone_counts(s);
        let counts: Vec<u32> = zones.iter().map(|(_, n)| *n).collect();
        // The zones as the events list them; built only for an event (most passes of a steady
        // service find it balanced and say nothing).
        let listed =
            || -> Vec<(&str, u32)> { zones.iter().map(|(z, n)| (z.as_str(), *n)).collect() };
        if rebalancing::is_balanced(&counts) {
            if self.services[s].rebalance.in_progress {
                self.services[s].rebalance.in_progress = false;
                let text = rebalancing::balanced(&self.model.services[s].name, &listed());
                self.emit(LogKind::Service, Some(s), text);
                let now = self.now;
                self.services[s]
                    .rebalance
                    .mark(now, RebalanceMark::Balanced);
            }
            return;
        }
        let desired = self.services[s].desired;
        let room = replica::max_live(desired, self.model.services[s].maximum_percent)
            .saturating_sub(desired);
        let plan = rebalancing::starts(&counts, desired, room);
        if plan.is_empty() {
            return;
        }
        let name = self.model.services[s].name.clone();
        if !self.services[s].rebalance.in_progress {
            self.services[s].rebalance.in_progress = true;
            let text = rebalancing::not_balanced(&name, &listed());
            if self.emit_once_per_window(s, Repeat::RebalanceStarted, text) {
                let now = self.now;
                self.services[s].rebalance.mark(now, RebalanceMark::Began);
            }
        }
        let fargate = self.model.services[s].launch.uses_fargate();
        let mut started = Vec::new();
        for (z, k) in plan {
            let zone = zones[z].0.clone();
            let mut here = Vec::new();
            let mut unplaced = false;
            for _ in 0..k {
                match self.launch_service_task_in(s, Some(&zone)) {
                    Launched::Started(t) => here.push(t),
                    Launched::Waiting | Launched::Unplaced(_) => {
                        unplaced = true;
                        break;
                    }
                }
            }
            if !here.is_empty() {
                let ids: Vec<&str> = here.iter().map(|&t| &*self.tasks[t].id).collect();
                let text = rebalancing::started(&name, &zone, &ids);
                self.emit(LogKind::Service, Some(s), text);
                started.extend(here);
            }
            if unplaced {
                let text = rebalancing::unable_to_place(&name, &zone, fargate);
                self.emit_once_per_window(s, Repeat::RebalancePlacement, text);
            }
        }
        if started.is_empty() {
            // Nothing could start where it is missing: rebalancing stops until a later pass
            // (the cluster's capacity changing brings one) finds room.
            self.services[s].rebalance.in_progress = false;
            self.say_rebalancing_stopped(s);
            return;
        }
        let deployment = self.services[s].deployment_id.clone();
        let rebalance = &mut self.services[s].rebalance;
        rebalance.started = started;
        rebalance.desired = desired;
        rebalance.deployment = deployment;
    }

    /// Once every task the move started is RUNNING and healthy, stops as many in the zones
    /// above their share, the fullest first, each chosen as scaling in would choose.
    fn finish_rebalance_move(&mut self, s: usize) {
        let ready = self.services[s]
            .rebalance
            .started
            .iter()
            .all(|&t| self.counts_as_healthy(t));
        if !ready {
            return;
        }
        let started = std::mem::take(&mut self.services[s].rebalance.started);
        let zones = self.rebalance_zone_counts(s);
        let counts: Vec<u32> = zones.iter().map(|(_, n)| *n).collect();
        let desired = self.services[s].desired;
        let plan = rebalancing::stops(&counts, desired, started.len() as u32);
        let name = self.model.services[s].name.clone();
        let reason = rebalancing::stopped_reason(&self.services[s].deployment_id);
        let mut in_zone: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for t in self.service_tasks(s) {
            let task = &self.tasks[t];
            if task.last_status == TaskStatus::Running && !started.contains(&t) {
                if let Some(z) = task.zone.as_deref() {
                    if let Some((zone, _)) = zones.iter().find(|(name, _)| name == z) {
                        in_zone.entry(zone.as_str()).or_default().push(t);
                    }
                }
            }
        }
        // A task stops on the capacity provider a started one runs on, where the zone has one:
        // the strategy's base and weights count per provider (a FARGATE task started must
        // not retire a FARGATE_SPOT one and leave FARGATE under its base).
        let mut owed: BTreeMap<Option<String>, u32> = BTreeMap::new();
        for &t in &started {
            *owed
                .entry(self.tasks[t].capacity_provider.clone())
                .or_default() += 1;
        }
        for (z, k) in plan {
            let zone = zones[z].0.as_str();
            let mut candidates = in_zone.remove(zone).unwrap_or_default();
            let mut ids = Vec::new();
            for _ in 0..k {
                let matching: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&t| {
                        owed.get(&self.tasks[t].capacity_provider)
                            .is_some_and(|&n| n > 0)
                    })
                    .collect();
                let pool = if matching.is_empty() {
                    &candidates
                } else {
                    &matching
                };
                let Some(t) = self.choose_to_stop(s, pool) else {
                    break;
                };
                if let Some(n) = owed.get_mut(&self.tasks[t].capacity_provider) {
                    *n = n.saturating_sub(1);
                }
                candidates.retain(|&x| x != t);
                ids.push(self.tasks[t].id);
                self.stop_task(t, StopCode::ServiceSchedulerInitiated, reason.clone());
            }
            if !ids.is_empty() {
                let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
                let text = rebalancing::stopped(&name, zone, &ids);
                self.emit(LogKind::Service, Some(s), text);
            }
        }
    }

    /// The zones service `s` is balanced over, in name order, each with its active tasks (see
    /// the module's note on which zones count).
    fn rebalance_zone_counts(&self, s: usize) -> Vec<(String, u32)> {
        let svc = &self.model.services[s];
        let mut zones: BTreeMap<String, u32> = BTreeMap::new();
        let mut add = |z: &str| {
            if !self.zones_down.contains(z) {
                zones.entry(z.to_string()).or_insert(0);
            }
        };
        if svc.launch.uses_fargate() {
            for z in &svc.subnet_zones {
                add(z);
            }
        }
        // The Auto Scaling groups of its capacity provider strategy (None: any EC2 instance,
        // with the EC2 launch type).
        let groups: Option<Vec<usize>> = match &svc.launch {
            LaunchTarget::Strategy(items) => Some(
                items
                    .iter()
                    .filter_map(|i| match i.kind {
                        crate::cluster::ProviderKind::Asg(a) => Some(a),
                        _ => None,
                    })
                    .collect(),
            ),
            _ => None,
        };
        let uses_ec2 = match &groups {
            Some(g) => !g.is_empty(),
            None => matches!(svc.launch, LaunchTarget::Ec2),
        };
        if uses_ec2 {
            // Only instances the service's tasks could use: not ECS Anywhere, in those groups,
            // in its subnets' zones with awsvpc, and matching its `memberOf` constraints.
            let member_of: Vec<Constraint> = self
                .model
                .constraints_for(&svc.constraints, self.services[s].task_definition)
                .iter()
                .filter(|c| matches!(c, Constraint::MemberOf(..)))
                .cloned()
                .collect();
            let group = &*self.service_labels[s].group;
            let parts = self
                .placement_index
                .cluster(svc.cluster)
                .into_iter()
                .flat_map(|c| &c.parts);
            for part in parts {
                let in_groups = groups
                    .as_ref()
                    .is_none_or(|g| part.key.asg.is_some_and(|a| g.contains(&a)));
                let in_subnets =
                    svc.subnet_zones.is_empty() || svc.subnet_zones.contains(&part.key.zone);
                if part.key.external || !in_groups || !in_subnets {
                    continue;
                }
                // Members are read only until one can take the service's tasks (all of them
                // only when its constraints rule the partition out).
                let usable = part.members.iter().any(|&i| {
                    let inst = &self.instances[i];
                    inst.accepts_tasks() && check_counts(inst, &member_of, group).is_ok()
                });
                if usable {
                    add(&part.key.zone);
                }
            }
        }
        let group = &self.service_labels[s].group;
        if let Some(held) = self.task_index.group_zone.get(&**group) {
            for (z, n) in held {
                *zones.entry(z.clone()).or_insert(0) = *n;
            }
        }
        zones.into_iter().collect()
    }
}
