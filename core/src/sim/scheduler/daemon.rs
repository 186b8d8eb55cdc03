//! One pass of the DAEMON scheduler (DG ecs_services): one task of the service on every ACTIVE
//! container instance that meets its constraints; a new deployment (a new task definition, or
//! `forceNewDeployment`) replaces the task instance by instance (maximumPercent 100: the old one
//! stops before the new one starts), stopping no more at once than `minimumHealthyPercent`
//! allows (API DeploymentConfiguration: 0 % by default for a DAEMON service through the API,
//! 50 % in the console); on a DRAINING instance the daemon task is the last service task to
//! stop.

use super::super::Sim;
use crate::cluster::{InstanceStatus, LaunchTarget};
use crate::deployment::bounds::lower_bound;
use crate::placement::{self, PlacementRequest, Pool};
use crate::service::messages;
use crate::service::steady::{self, PassOutcome};
use crate::sim::log::LogKind;
use crate::task::stopped_reason;
use crate::task::{LaunchKind, StopCode};

/// What the daemon pass found on one instance.
enum OnInstance {
    /// Not the service's to run on (other cluster or kind, gone, not ACTIVE, constraints).
    NotEligible,
    /// Eligible; nothing to start (its task runs, is being replaced, or is stopping).
    Settled,
    /// Eligible and a task was placed: its ID.
    Started(String),
    /// Eligible, and its task belongs to an older deployment: these tasks are to be replaced.
    Outdated(Vec<usize>),
}

impl Sim {
    /// One scheduler pass over a DAEMON service; its desired count is the eligible instances.
    pub(super) fn reconcile_daemon(&mut self, s: usize) {
        let name = self.model.services[s].name.clone();
        let mut started = Vec::new();
        let mut outdated = Vec::new();
        let mut eligible = 0;
        for i in 0..self.instances.len() {
            match self.daemon_on_instance(s, i) {
                OnInstance::NotEligible => {}
                OnInstance::Settled => eligible += 1,
                OnInstance::Started(id) => {
                    eligible += 1;
                    started.push(id);
                }
                OnInstance::Outdated(tasks) => {
                    eligible += 1;
                    outdated.push(tasks);
                }
            }
        }
        self.services[s].desired = eligible;
        let outdated_count = outdated.len();
        let retired = self.replace_outdated_daemon_tasks(s, outdated);
        if !started.is_empty() {
            let ids: Vec<&str> = started.iter().map(String::as_str).collect();
            self.emit(LogKind::Service, Some(s), messages::started(&name, &ids));
        }
        // A daemon deployment whose minimumHealthyPercent leaves no task to stop (100 %, or a
        // rounding that keeps every one) never moves: said as for a REPLICA service. The DG's
        // event page names no scheduling strategy; that it applies to DAEMON too is the
        // playground's choice (README, *Daemon services*).
        let outcome = PassOutcome {
            outdated: outdated_count,
            started: started.len(),
            retired,
            in_flight: 0,
            unplaced: false,
        };
        if steady::blocked_by_bounds(outcome)
            && self
                .live_tasks_of_service(s)
                .all(|t| self.counts_as_healthy(t))
        {
            self.report_blocked_by_bounds(s);
        }
        self.update_steady_state(s);
    }

    /// The daemon pass on instance `i`.
    fn daemon_on_instance(&mut self, s: usize, i: usize) -> OnInstance {
        let svc = &self.model.services[s];
        let group = format!("service:{}", svc.name);
        let external = matches!(svc.launch, LaunchTarget::External);
        let inst = &self.instances[i];
        if inst.cluster != svc.cluster || inst.external != external || !inst.is_alive() {
            return OnInstance::NotEligible;
        }
        let has = inst
            .tasks
            .iter()
            .any(|&t| self.tasks[t].service == Some(s) && self.tasks[t].is_active());
        if inst.status == InstanceStatus::Draining {
            self.drain_daemon_task(s, i, has);
            return OnInstance::NotEligible;
        }
        let td = self.services[s].task_definition;
        let constraints = self.model.constraints_for(&svc.constraints, td);
        if inst.status != InstanceStatus::Active
            || placement::filters::constraints::check_daemon(inst, &constraints, &group).is_err()
        {
            return OnInstance::NotEligible;
        }
        // A task of an older deployment: a new revision, or the same one after
        // forceNewDeployment (which adopts no task; checking the revision alone left a forced
        // deployment IN_PROGRESS for good, engineer walkthrough 2026-12-05).
        let deployments = &self.services[s].deployments;
        let old: Vec<usize> = inst
            .tasks
            .iter()
            .copied()
            .filter(|&t| {
                self.tasks[t].service == Some(s)
                    && self.tasks[t].is_active()
                    && !deployments.is_primary_task(t)
            })
            .collect();
        let stopping = inst
            .tasks
            .iter()
            .any(|&t| self.tasks[t].service == Some(s) && !self.tasks[t].is_active());
        if !old.is_empty() {
            return OnInstance::Outdated(old);
        }
        if has || stopping {
            return OnInstance::Settled;
        }
        match self.place_daemon_task(s, i) {
            Some(id) => OnInstance::Started(id),
            None => OnInstance::Settled,
        }
    }

    /// Stops the tasks of older deployments, instance by instance in instance order, while the
    /// service keeps `minimumHealthyPercent` of its desired count healthy (rounded up, as for a
    /// replica service); a task that does not count as healthy may always go. The rest wait for
    /// a later pass, when a replacement has become healthy.
    /// Returns how many tasks it stopped.
    fn replace_outdated_daemon_tasks(&mut self, s: usize, outdated: Vec<Vec<usize>>) -> usize {
        if outdated.is_empty() {
            return 0;
        }
        let floor = lower_bound(
            self.services[s].desired,
            self.model.services[s].minimum_healthy_percent,
        );
        let healthy = self
            .live_tasks_of_service(s)
            .filter(|&t| self.counts_as_healthy(t))
            .count() as u32;
        let mut room = healthy.saturating_sub(floor);
        let deployment = self.services[s].deployment_id.clone();
        let mut retired = 0;
        for tasks in outdated {
            let costs = tasks.iter().filter(|&&t| self.counts_as_healthy(t)).count() as u32;
            if costs > room {
                continue;
            }
            room -= costs;
            retired += tasks.len();
            for t in tasks {
                self.stop_task(
                    t,
                    StopCode::ServiceSchedulerInitiated,
                    stopped_reason::scaling_activity(&deployment),
                );
            }
        }
        retired
    }

    /// Daemon tasks are the last service tasks to stop on a draining instance (standalone tasks
    /// are left alone by draining, so they do not hold it back).
    fn drain_daemon_task(&mut self, s: usize, i: usize, has: bool) {
        let inst = &self.instances[i];
        let others = inst
            .tasks
            .iter()
            .any(|&t| self.tasks[t].service.is_some_and(|o| o != s) && self.tasks[t].is_active());
        if !has || others {
            return;
        }
        let deployment = self.services[s].deployment_id.clone();
        for t in self.instances[i].tasks.clone() {
            if self.tasks[t].service == Some(s) {
                self.stop_task(
                    t,
                    StopCode::ServiceSchedulerInitiated,
                    stopped_reason::scaling_activity(&deployment),
                );
            }
        }
    }

    /// Places the daemon task on instance `i` through the pipeline (its resources, ports and
    /// ENIs must fit); the task's ID, or None after emitting "unable to place".
    fn place_daemon_task(&mut self, s: usize, i: usize) -> Option<String> {
        let svc = &self.model.services[s];
        let name = svc.name.clone();
        let group = std::sync::Arc::clone(&self.service_labels[s].group);
        let td = self.services[s].task_definition;
        let external = matches!(svc.launch, LaunchTarget::External);
        let constraints = self.model.constraints_for(&svc.constraints, td);
        let req = PlacementRequest {
            cluster: svc.cluster,
            needs: &self.model.task_definitions[td].needs,
            group: &group,
            constraints: &constraints,
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
        if let Some(chosen) = outcome.chosen {
            let launch = if external {
                LaunchKind::External
            } else {
                LaunchKind::Ec2
            };
            let t = self.new_service_task(s, launch, None, group);
            self.bind_to_instance(t, chosen);
            return Some(self.tasks[t].id.to_string());
        }
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
        None
    }
}
