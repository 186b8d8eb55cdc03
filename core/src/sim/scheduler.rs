//! The service scheduler (DG ecs_services): keeps a REPLICA service at its desired count and a
//! DAEMON service on every eligible instance, replaces stopped and unhealthy tasks, replaces
//! tasks on DRAINING instances and of an older task definition within the deployment's
//! minimumHealthyPercent / maximumPercent bounds, and scales in the way the strategies say.

use super::Sim;
use crate::cluster::{capacity_provider, InstanceStatus};
use crate::cluster::{LaunchTarget, ProviderKind, StrategyItem};
use crate::deployment::bounds::{lower_bound, upper_bound};
use crate::placement::{self, PlacementRequest, Pool};
use crate::service::messages;
use crate::service::messages::DUPLICATE_EVENT_WINDOW_MS;
use crate::sim::log::LogKind;
use crate::task::stopped_reason;
use crate::task::{HealthStatus, LaunchKind, StopCode, TaskStatus};
use std::collections::BTreeMap;

/// Where one new task should go, resolved before placement.
enum Target {
    /// EC2 or external instances from this pool.
    Instances(Pool),
    /// Fargate in this zone (empty: no zone available).
    Fargate(String),
}

impl Sim {
    /// One scheduler pass over a service.
    pub(crate) fn reconcile(&mut self, s: usize) {
        if self.model.services[s].daemon {
            self.reconcile_daemon(s);
        } else {
            self.reconcile_replica(s);
        }
    }

    fn service_tasks(&self, s: usize) -> Vec<usize> {
        self.tasks_of_service(s)
            .iter()
            .copied()
            .filter(|&t| self.tasks[t].is_active())
            .collect()
    }

    fn reconcile_replica(&mut self, s: usize) {
        // The circuit breaker looks first: it may fail the deployment or start a rollback. A
        // traffic-shifting deployment then moves on, and keeps blue's tasks until CLEAN_UP.
        self.observe_deployment(s);
        self.advance_traffic_shift(s);
        let hold_blue = self.shift_holds_blue(s);
        let svc = self.model.services[s].clone();
        let name = svc.name.clone();
        let desired = self.services[s].desired;
        let deployment = self.services[s].deployment_id.clone();

        // 1. Tasks to replace: of an older deployment, on a DRAINING instance, or UNHEALTHY once the
        //    health check grace period is over (DG healthCheckGracePeriodSeconds). Unhealthy tasks
        //    are replaced first and stopped after (DG deployment-type-ecs: "start replacement
        //    tasks first and maintain minimumHealthyPercent").
        let all_active = self.service_tasks(s);
        let held: Vec<usize> = all_active
            .iter()
            .copied()
            .filter(|&t| hold_blue && !self.services[s].deployments.is_primary_task(t))
            .collect();
        let active: Vec<usize> = all_active
            .into_iter()
            .filter(|t| !held.contains(t))
            .collect();
        let mut unhealthy: Vec<usize> = Vec::new();
        for &t in &active {
            let task = &self.tasks[t];
            if (task.health == HealthStatus::Unhealthy || self.target_unhealthy(t))
                && task.last_status == TaskStatus::Running
            {
                let grace_end = task.started_at.unwrap_or(self.now) + svc.grace_ms;
                if self.now >= grace_end {
                    unhealthy.push(t);
                } else {
                    self.wake_scheduler_at(s, grace_end);
                }
            }
        }
        let outdated: Vec<usize> = active
            .iter()
            .copied()
            .filter(|&t| {
                unhealthy.contains(&t)
                    || !self.services[s].deployments.is_primary_task(t)
                    || self.tasks[t]
                        .instance
                        .is_some_and(|i| self.instances[i].status == InstanceStatus::Draining)
            })
            .collect();
        let mut current: Vec<usize> = active
            .iter()
            .copied()
            .filter(|t| !outdated.contains(t))
            .collect();
        let mut stopped_now: Vec<String> = Vec::new();

        // 3. Scale in: waiting tasks first, then tasks not yet running, then as the strategies say.
        while current.len() as u32 > desired {
            let pick = self
                .first_not_running(&current)
                .or_else(|| self.choose_to_stop(s, &current));
            let Some(t) = pick else { break };
            current.retain(|&x| x != t);
            if self.tasks[t].last_status == TaskStatus::Running {
                stopped_now.push(self.tasks[t].id.clone());
            }
            self.stop_task(
                t,
                StopCode::ServiceSchedulerInitiated,
                stopped_reason::scaling_activity(&deployment),
            );
        }
        // maximumPercent caps every task of the service, outdated ones included (DG
        // deployment-type-ecs). When desiredCount drops during a replacement, the tasks not yet
        // RUNNING (waiting first) go, so the RUNNING ones keep the minimum healthy count.
        let max_live = upper_bound(desired, svc.maximum_percent).max(desired) as usize;
        while current.len() + outdated.len() > max_live {
            let pick = self.first_not_running(&current);
            let Some(t) = pick else { break };
            current.retain(|&x| x != t);
            self.stop_task(
                t,
                StopCode::ServiceSchedulerInitiated,
                stopped_reason::scaling_activity(&deployment),
            );
        }

        // 4. Launch: first retry the tasks waiting for capacity, then start new ones up to the
        //    desired count, never above the upper bound.
        let mut started: Vec<String> = Vec::new();
        let mut unplaced: Option<Option<(String, String)>> = None;
        let throttled = self.now < self.services[s].throttled_until;
        if self.primary_deployment_failed(s) {
            // DG deployment-circuit-breaker: "A deployment in a FAILED state doesn't launch any
            // new tasks."
        } else if throttled {
            let until = self.services[s].throttled_until;
            self.wake_scheduler_at(s, until);
        } else {
            for t in current.clone() {
                if self.tasks[t].is_waiting() {
                    match self.try_place(t, s) {
                        Ok(()) => started.push(self.tasks[t].id.clone()),
                        Err(why) => unplaced = Some(why),
                    }
                }
            }
            let need = desired.saturating_sub(current.len() as u32);
            // Blue's held tasks do not count: green scales up to the full desired count beside
            // them (DG deployment-type-blue-green, SCALE_UP).
            let room = upper_bound(desired, svc.maximum_percent)
                .max(desired)
                .saturating_sub(self.service_tasks(s).len().saturating_sub(held.len()) as u32);
            for _ in 0..need.min(room) {
                let t = self.create_service_task(s);
                current.push(t);
                match self.try_place(t, s) {
                    Ok(()) => started.push(self.tasks[t].id.clone()),
                    Err(why) => unplaced = Some(why),
                }
            }
        }

        // 5. Retire outdated tasks: not-yet-running ones at once; unhealthy ones once their
        //    replacements exist (or no replacement can start within maximumPercent); healthy ones
        //    while the healthy count stays above the lower bound. Healthy means HEALTHY with an
        //    essential health check, else RUNNING for 40 s (API DeploymentConfiguration).
        let min_healthy = lower_bound(desired, svc.minimum_healthy_percent);
        let live: Vec<usize> = self
            .service_tasks(s)
            .into_iter()
            .filter(|t| !held.contains(t))
            .collect();
        // Replacements count once HEALTHY (or RUNNING for 40 s); the RUNNING tasks being replaced
        // keep counting until they stop, so the lower bound protects them (DG
        // container-instance-draining: RUNNING tasks are replaced within the bounds).
        let protected = |sim: &Sim, t: usize| {
            let task = &sim.tasks[t];
            task.last_status == TaskStatus::Running && task.health != HealthStatus::Unhealthy
        };
        let mut healthy = live
            .iter()
            .filter(|&&t| {
                if outdated.contains(&t) {
                    protected(self, t)
                } else {
                    self.counts_as_healthy(t)
                }
            })
            .count() as u32;
        let replacements = live.iter().filter(|t| !outdated.contains(t)).count() as u32;
        let no_room = upper_bound(desired, svc.maximum_percent) <= live.len() as u32;
        for t in outdated {
            if !self.tasks[t].is_active() {
                continue;
            }
            if unhealthy.contains(&t) {
                if replacements >= desired || no_room {
                    let id = self.tasks[t].id.clone();
                    // A task whose container health check failed keeps the container reason;
                    // a task replaced only because its target is unhealthy gets ECS's ELB
                    // reason, "Task failed ELB health checks in (target-group …)" (DG
                    // service-load-balancing / stopped-task-errors). When both failed, the
                    // container reason wins: the simulator's choice, the docs are silent.
                    let elb_reason = (self.tasks[t].health != HealthStatus::Unhealthy)
                        .then(|| self.elb_health_check_stopped_reason(t))
                        .flatten();
                    let (event, reason) = match elb_reason {
                        Some(reason) => (
                            messages::failed_elb_health_checks(&name, &id, &reason),
                            reason,
                        ),
                        None => (
                            messages::failed_container_health_checks(&name, &id),
                            stopped_reason::FAILED_HEALTH_CHECKS.to_string(),
                        ),
                    };
                    self.emit(LogKind::Service, Some(s), event);
                    stopped_now.push(id);
                    self.stop_task(t, StopCode::ServiceSchedulerInitiated, reason);
                }
            } else if self.tasks[t].last_status != TaskStatus::Running {
                self.stop_task(
                    t,
                    StopCode::ServiceSchedulerInitiated,
                    stopped_reason::scaling_activity(&deployment),
                );
            } else if healthy > min_healthy {
                healthy -= 1;
                stopped_now.push(self.tasks[t].id.clone());
                self.stop_task(
                    t,
                    StopCode::ServiceSchedulerInitiated,
                    stopped_reason::scaling_activity(&deployment),
                );
            }
        }

        // 6. Service events in ECS's words.
        if !stopped_now.is_empty() {
            let ids: Vec<&str> = stopped_now.iter().map(String::as_str).collect();
            self.emit(LogKind::Service, Some(s), messages::stopped(&name, &ids));
        }
        if !started.is_empty() {
            let ids: Vec<&str> = started.iter().map(String::as_str).collect();
            self.emit(LogKind::Service, Some(s), messages::started(&name, &ids));
        }
        if let Some(closest) = unplaced {
            let text = messages::unable_to_place(
                &name,
                closest.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            );
            self.emit_unplaceable(s, text);
        }
        self.update_steady_state(s);
    }

    /// Emits "unable to place" unless the same text was emitted in the last 6 hours: "duplicate
    /// event messages are omitted until either the cause is resolved or six hours passes" (DG
    /// service-event-messages); reaching a steady state counts as resolved.
    fn emit_unplaceable(&mut self, s: usize, text: String) {
        let repeat = self.services[s]
            .last_unplaceable
            .as_ref()
            .is_some_and(|(at, last)| *last == text && self.now < at + DUPLICATE_EVENT_WINDOW_MS);
        if !repeat {
            self.services[s].last_unplaceable = Some((self.now, text.clone()));
            self.emit(LogKind::Service, Some(s), text);
        }
    }

    fn update_steady_state(&mut self, s: usize) {
        let desired = self.services[s].desired as usize;
        let td_now = self.services[s].task_definition;
        let tasks = self.service_tasks(s);
        let all_running = tasks.iter().all(|&t| {
            let task = &self.tasks[t];
            let checked = self.model.task_definitions[task.task_definition]
                .needs
                .containers
                .iter()
                .any(|c| c.essential && c.health_check.is_some());
            task.last_status == TaskStatus::Running
                && task.task_definition == td_now
                && self.services[s].deployments.is_primary_task(t)
                && if checked {
                    task.health == HealthStatus::Healthy
                } else {
                    task.health != HealthStatus::Unhealthy
                }
        });
        let no_stopping = !self.tasks.iter().any(|t| {
            t.service == Some(s) && t.stop_requested && t.last_status != TaskStatus::Stopped
        });
        let steady = tasks.len() == desired && all_running && no_stopping;
        if steady && !self.services[s].steady {
            let name = self.model.services[s].name.clone();
            self.emit(LogKind::Service, Some(s), messages::steady_state(&name));
            self.services[s].unplaceable_reset();
        }
        self.services[s].steady = steady;
        self.settle_deployments(s);
    }

    /// The task to stop first when a service has too many: one waiting for placement, else one
    /// not yet RUNNING, so the RUNNING tasks keep serving.
    fn first_not_running(&self, candidates: &[usize]) -> Option<usize> {
        candidates
            .iter()
            .copied()
            .find(|&t| self.tasks[t].is_waiting())
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&t| self.tasks[t].last_status != TaskStatus::Running)
            })
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
        for t in &self.tasks {
            if t.is_active() && t.group == group {
                if let Some(i) = t.instance {
                    *group_on.entry(i).or_default() += 1;
                }
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
        for t in &self.tasks {
            if let (true, Some(i)) = (
                t.stop_requested && t.last_status != TaskStatus::Stopped,
                t.instance,
            ) {
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
        let strategies = self.model.services[s].strategies.clone();
        placement::strategies::choose_to_stop(
            &pairs,
            &free_after,
            &self.instances,
            &strategies,
            &group_on,
            &mut self.placement_rng,
        )
    }

    fn create_service_task(&mut self, s: usize) -> usize {
        let svc = &self.model.services[s];
        let cluster = svc.cluster;
        let td = self.services[s].task_definition;
        let group = format!("service:{}", svc.name);
        let (launch, provider) = match &svc.launch.clone() {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None),
            LaunchTarget::External => (LaunchKind::External, None),
            LaunchTarget::Fargate => (LaunchKind::Fargate, None),
            LaunchTarget::Strategy(items) => {
                let k = self.choose_provider(s, items);
                let it = &items[k];
                let kind = match it.kind {
                    ProviderKind::Asg(_) => LaunchKind::Ec2,
                    ProviderKind::Fargate => LaunchKind::Fargate,
                    ProviderKind::FargateSpot => LaunchKind::FargateSpot,
                };
                (kind, Some(it.name.clone()))
            }
        };
        let name = format!("ecs-svc/{}", self.model.services[s].name);
        let t = self.new_task(cluster, td, Some(s), group, launch, provider, Some(name));
        // Each task records the deployment that started it.
        self.services[s].deployments.record_start(t);
        // ECS-native blue/green, canary and linear: green tasks register in the alternate
        // target group (see `green_uses_alternate_group`).
        let alternate = self.green_uses_alternate_group(s, t);
        self.choose_target_group(t, alternate);
        t
    }

    fn choose_provider(&self, s: usize, items: &[StrategyItem]) -> usize {
        let counts: Vec<u32> = items
            .iter()
            .map(|it| {
                self.service_tasks(s)
                    .iter()
                    .filter(|&&t| {
                        self.tasks[t].capacity_provider.as_deref() == Some(it.name.as_str())
                    })
                    .count() as u32
            })
            .collect();
        capacity_provider::choose(items, &counts).unwrap_or(0)
    }

    fn target_for(&self, t: usize, zones: &[String]) -> Target {
        let task = &self.tasks[t];
        match task.launch {
            LaunchKind::Fargate | LaunchKind::FargateSpot => {
                // Fargate spreads a service's tasks across the zones of its subnets (DG task-placement).
                let mut best: Option<(&String, usize)> = None;
                for z in zones.iter().filter(|z| !self.zones_down.contains(*z)) {
                    let n = self
                        .tasks
                        .iter()
                        .filter(|o| {
                            o.is_active() && o.group == task.group && o.zone.as_ref() == Some(z)
                        })
                        .count();
                    if best.is_none_or(|(_, b)| n < b) {
                        best = Some((z, n));
                    }
                }
                Target::Fargate(best.map(|(z, _)| z.clone()).unwrap_or_default())
            }
            LaunchKind::External => Target::Instances(Pool::External),
            LaunchKind::Ec2 => {
                let pool = match task
                    .capacity_provider
                    .as_deref()
                    .and_then(|p| self.model.asgs.iter().position(|a| a.provider == p))
                {
                    Some(a) => Pool::Asg(a),
                    None => Pool::Ec2,
                };
                Target::Instances(pool)
            }
        }
    }

    /// Places a waiting service task, or records why it cannot be placed. The error carries
    /// ECS's "closest matching" instance and phrase (None: no instances at all).
    fn try_place(&mut self, t: usize, s: usize) -> Result<(), Option<(String, String)>> {
        let svc = &self.model.services[s];
        match self.target_for(t, &svc.subnet_zones) {
            Target::Fargate(zone) if zone.is_empty() => {
                self.tasks[t].waiting_reason =
                    Some("no Availability Zone of the task's subnets is available".into());
                Err(None)
            }
            Target::Fargate(zone) => {
                self.bind_to_fargate(t, zone);
                Ok(())
            }
            Target::Instances(pool) => {
                let td = self.tasks[t].task_definition;
                let req = PlacementRequest {
                    cluster: svc.cluster,
                    needs: &self.model.task_definitions[td].needs,
                    group: &self.tasks[t].group,
                    constraints: &svc.constraints,
                    strategies: &svc.strategies,
                    allowed_zones: &svc.subnet_zones,
                    pool,
                };
                let outcome = placement::place(
                    &req,
                    &self.instances,
                    &self.tasks,
                    &self.placement_index,
                    &mut self.placement_rng,
                );
                match outcome.chosen {
                    Some(i) => {
                        self.bind_to_instance(t, i);
                        Ok(())
                    }
                    None => {
                        let closest = outcome.closest().and_then(|v| {
                            v.rejection.as_ref().map(|r| {
                                (
                                    self.instances[v.instance].container_instance_id.clone(),
                                    r.ecs_phrase(),
                                    r.to_string(),
                                )
                            })
                        });
                        self.tasks[t].waiting_reason = Some(match &closest {
                            Some((_, _, detail)) => detail.clone(),
                            None => "no container instances in the cluster".into(),
                        });
                        Err(closest.map(|(ci, phrase, _)| (ci, phrase)))
                    }
                }
            }
        }
    }

    fn reconcile_daemon(&mut self, s: usize) {
        let svc = self.model.services[s].clone();
        let name = svc.name.clone();
        let group = format!("service:{name}");
        let td = self.services[s].task_definition;
        let needs = self.model.task_definitions[td].needs.clone();
        let mut started = Vec::new();
        let deployment = self.services[s].deployment_id.clone();
        let external = matches!(svc.launch, LaunchTarget::External);
        let mut eligible = 0;
        for i in 0..self.instances.len() {
            let inst = &self.instances[i];
            if inst.cluster != svc.cluster || inst.external != external || !inst.is_alive() {
                continue;
            }
            let has = inst
                .tasks
                .iter()
                .any(|&t| self.tasks[t].service == Some(s) && self.tasks[t].is_active());
            if inst.status == InstanceStatus::Draining {
                // Daemon tasks are the last service tasks to stop on a draining instance
                // (standalone tasks are left alone by draining, so they do not hold it back).
                let others = inst.tasks.iter().any(|&t| {
                    self.tasks[t].service.is_some_and(|o| o != s) && self.tasks[t].is_active()
                });
                if has && !others {
                    for t in inst.tasks.clone() {
                        if self.tasks[t].service == Some(s) {
                            self.stop_task(
                                t,
                                StopCode::ServiceSchedulerInitiated,
                                stopped_reason::scaling_activity(&deployment),
                            );
                        }
                    }
                }
                continue;
            }
            if inst.status != InstanceStatus::Active {
                continue;
            }
            if placement::filters::constraints::check_counts(inst, &svc.constraints, &group)
                .is_err()
            {
                continue;
            }
            eligible += 1;
            // A new task definition replaces the daemon task instance by instance; with
            // maximumPercent 100 the old task stops before the new one starts.
            let old: Vec<usize> = inst
                .tasks
                .iter()
                .copied()
                .filter(|&t| {
                    self.tasks[t].service == Some(s)
                        && self.tasks[t].is_active()
                        && self.tasks[t].task_definition != td
                })
                .collect();
            let stopping = inst
                .tasks
                .iter()
                .any(|&t| self.tasks[t].service == Some(s) && !self.tasks[t].is_active());
            if !old.is_empty() {
                for t in old {
                    self.stop_task(
                        t,
                        StopCode::ServiceSchedulerInitiated,
                        stopped_reason::scaling_activity(&deployment),
                    );
                }
                continue;
            }
            if has || stopping {
                continue;
            }
            let req = PlacementRequest {
                cluster: svc.cluster,
                needs: &needs,
                group: &group,
                constraints: &svc.constraints,
                strategies: &[],
                allowed_zones: &svc.subnet_zones,
                pool: Pool::Only(i),
            };
            let outcome = placement::place(
                &req,
                &self.instances,
                &self.tasks,
                &self.placement_index,
                &mut self.placement_rng,
            );
            match outcome.chosen {
                Some(i) => {
                    let launch = if external {
                        LaunchKind::External
                    } else {
                        LaunchKind::Ec2
                    };
                    let t = self.new_task(
                        svc.cluster,
                        td,
                        Some(s),
                        group.clone(),
                        launch,
                        None,
                        Some(format!("ecs-svc/{name}")),
                    );
                    self.services[s].deployments.record_start(t);
                    self.bind_to_instance(t, i);
                    started.push(self.tasks[t].id.clone());
                }
                None => {
                    let closest = outcome
                        .verdicts
                        .iter()
                        .find(|v| v.instance == i)
                        .and_then(|v| v.rejection.as_ref())
                        .map(|r| {
                            (
                                self.instances[i].container_instance_id.clone(),
                                r.ecs_phrase(),
                            )
                        });
                    let text = messages::unable_to_place(
                        &name,
                        closest.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                    );
                    self.emit_unplaceable(s, text);
                }
            }
        }
        self.services[s].desired = eligible;
        if !started.is_empty() {
            let ids: Vec<&str> = started.iter().map(String::as_str).collect();
            self.emit(LogKind::Service, Some(s), messages::started(&name, &ids));
        }
        self.update_steady_state(s);
    }

    /// RunTask at time 0: places each copy now; copies that fit nowhere fail, as RunTask
    /// reports failures instead of queueing (capacity provider tasks wait in PROVISIONING).
    pub(crate) fn run_task(&mut self, r: usize) {
        let rt = self.model.run_tasks[r].clone();
        let needs = self.model.task_definitions[rt.task_definition]
            .needs
            .clone();
        let family = self.model.task_definitions[rt.task_definition].name();
        for _ in 0..rt.count {
            let (launch, provider, pool) = match &rt.launch {
                LaunchTarget::Ec2 => (LaunchKind::Ec2, None, Some(Pool::Ec2)),
                LaunchTarget::External => (LaunchKind::External, None, Some(Pool::External)),
                LaunchTarget::Fargate => (LaunchKind::Fargate, None, None),
                LaunchTarget::Strategy(items) => {
                    let counts: Vec<u32> = items
                        .iter()
                        .map(|it| {
                            self.tasks
                                .iter()
                                .filter(|t| {
                                    t.is_active()
                                        && t.group == rt.group
                                        && t.capacity_provider.as_deref() == Some(it.name.as_str())
                                })
                                .count() as u32
                        })
                        .collect();
                    let it = &items[capacity_provider::choose(items, &counts).unwrap_or(0)];
                    match it.kind {
                        ProviderKind::Asg(a) => {
                            (LaunchKind::Ec2, Some(it.name.clone()), Some(Pool::Asg(a)))
                        }
                        ProviderKind::Fargate => (LaunchKind::Fargate, Some(it.name.clone()), None),
                        ProviderKind::FargateSpot => {
                            (LaunchKind::FargateSpot, Some(it.name.clone()), None)
                        }
                    }
                }
            };
            match pool {
                None => {
                    let t = self.new_task(
                        rt.cluster,
                        rt.task_definition,
                        None,
                        rt.group.clone(),
                        launch,
                        provider,
                        rt.started_by.clone(),
                    );
                    // Fargate spreads the group's tasks across the subnets' zones (DG task-placement).
                    match self.target_for(t, &rt.subnet_zones) {
                        Target::Fargate(zone) if !zone.is_empty() => self.bind_to_fargate(t, zone),
                        _ => {
                            self.kill_task(
                                t,
                                Some(StopCode::TaskFailedToStart),
                                "No Availability Zone of the task's subnets is available.".into(),
                            );
                        }
                    }
                }
                Some(pool) => {
                    let req = PlacementRequest {
                        cluster: rt.cluster,
                        needs: &needs,
                        group: &rt.group,
                        constraints: &rt.constraints,
                        strategies: &rt.strategies,
                        allowed_zones: &rt.subnet_zones,
                        pool,
                    };
                    let outcome = placement::place(
                        &req,
                        &self.instances,
                        &self.tasks,
                        &self.placement_index,
                        &mut self.placement_rng,
                    );
                    match outcome.chosen {
                        Some(i) => {
                            let t = self.new_task(
                                rt.cluster,
                                rt.task_definition,
                                None,
                                rt.group.clone(),
                                launch,
                                provider,
                                rt.started_by.clone(),
                            );
                            self.bind_to_instance(t, i);
                        }
                        None => {
                            let reason = outcome
                                .closest()
                                .and_then(|v| v.rejection.as_ref())
                                .map_or("MISSING".to_string(), |r| r.failure_reason());
                            self.emit(
                                LogKind::Action,
                                None,
                                format!("RunTask {family} failed: {reason}"),
                            );
                        }
                    }
                }
            }
        }
    }
}

impl crate::sim::ServiceState {
    fn unplaceable_reset(&mut self) {
        self.last_unplaceable = None;
    }
}
