//! One pass of the REPLICA scheduler over a service, in the order ECS works: the circuit
//! breaker and a traffic shift look first; then the tasks are sorted ([`replica::classify`]),
//! the service scales in to its desired count, new tasks start within the upper bound
//! ([`replica::tasks_to_start`]), replaced tasks stop within the lower bound
//! ([`replica::retirements`]), and the pass reports in ECS's words.

use super::super::Sim;
use super::placing::Launched;
use crate::cluster::InstanceStatus;
use crate::deployment::bounds::lower_bound;
use crate::service::messages;
use crate::service::replica::{self, Classified, OutdatedTask, Retire, RetireBounds, TaskFacts};
use crate::service::steady::{self, PassOutcome};
use crate::sim::log::LogKind;
use crate::task::stopped_reason;
use crate::task::{HealthStatus, StopCode, TaskStatus};
use std::collections::BTreeSet;

/// The service's tasks sorted for one pass ([`Sim`]'s `sort_tasks`).
struct Sorting {
    /// The sorting; its `current` list may hold only the watched current tasks.
    sorted: Classified,
    /// How many tasks count towards the desired count.
    current: usize,
}

/// What a pass did, for its service events.
#[derive(Default)]
struct PassReport {
    /// RUNNING tasks it stopped (their IDs).
    stopped: Vec<crate::task::TaskId>,
    /// Tasks it placed (task indices: live until the pass reports them, so no ID is copied).
    started: Vec<usize>,
    /// The upper bound held back tasks it would otherwise have started.
    short_of_room: bool,
    /// The last placement failure: ECS's closest matching instance and phrase (None: no
    /// instances at all); None when every placement succeeded.
    unplaced: Option<Option<(String, String)>>,
}

impl Sim {
    /// One scheduler pass over a REPLICA service.
    pub(super) fn reconcile_replica(&mut self, s: usize) {
        // The circuit breaker looks first: it may fail the deployment or start a rollback. A
        // traffic-shifting deployment then moves on, and keeps blue's tasks until CLEAN_UP.
        self.observe_deployment(s);
        self.advance_traffic_shift(s);
        self.check_rebalance_move(s);
        let held = self.held_blue_tasks(s);
        let Sorting {
            mut sorted,
            mut current,
        } = self.sort_tasks(s, &held);
        for &at in &sorted.wake_at {
            self.wake_scheduler_at(s, at);
        }
        let mut report = PassReport::default();
        let outdated = sorted.outdated.len();
        if self.must_scale_in(s, current, outdated) {
            // `sort_tasks` lists every current task whenever the pass scales in.
            let mut listed = std::mem::take(&mut sorted.current);
            self.scale_in(s, &mut listed, &sorted, &mut report);
            current = listed.len();
        }
        let waiting = std::mem::take(&mut sorted.waiting);
        let launches_held =
            !self.launch_replacements(s, current, &waiting, held.len(), &mut report);
        let retired = self.retire_outdated(s, &sorted, &held, &mut report);
        if retired > 0 && report.short_of_room {
            // The stopped tasks' room is free: the next pass starts their replacements.
            self.request_reconcile(s);
        }
        let mut outcome = PassOutcome {
            outdated: sorted.outdated.len(),
            started: report.started.len(),
            retired,
            in_flight: 0,
            unplaced: report.unplaced.is_some() || launches_held,
        };
        // The tasks in flight only matter when nothing else rules out "blocked by the bounds";
        // counting them walks the service's tasks, so only then (issue #10).
        if steady::blocked_by_bounds(outcome) {
            outcome.in_flight = self.tasks_in_flight(s, &sorted.outdated);
        }
        self.report_pass(s, report);
        if steady::blocked_by_bounds(outcome) {
            self.report_blocked_by_bounds(s);
        }
        self.update_steady_state(s);
        self.rebalance_zones(s);
    }

    /// Tasks of the service that will change what the next pass can do without the scheduler
    /// acting: on their way to RUNNING, stopping, or replacements RUNNING but not yet counted
    /// healthy (their health check, target, or 40 s wait).
    fn tasks_in_flight(&self, s: usize, outdated: &[usize]) -> usize {
        let outdated: BTreeSet<usize> = outdated.iter().copied().collect();
        self.live_tasks_of_service(s)
            .filter(|&t| {
                let task = &self.tasks[t];
                match task.last_status {
                    TaskStatus::Stopped => false,
                    TaskStatus::Running => {
                        !task.stop_requested && !outdated.contains(&t) && !self.counts_as_healthy(t)
                    }
                    _ => true,
                }
            })
            .count()
    }

    /// Blue's tasks a traffic shift keeps until CLEAN_UP: they are neither counted nor replaced.
    fn held_blue_tasks(&self, s: usize) -> Vec<usize> {
        if !self.shift_holds_blue(s) {
            return Vec::new();
        }
        self.service_tasks(s)
            .into_iter()
            .filter(|&t| !self.services[s].deployments.is_primary_task(t))
            .collect()
    }

    /// The service's active tasks that are not held, sorted for the pass, and how many of them
    /// count towards the desired count. While every active task belongs to the PRIMARY
    /// deployment and no instance of the cluster is DRAINING, only the task index's watched
    /// tasks (unhealthy or waiting) can be anything but current, so only they are read, and
    /// `sorted.current` lists just the watched ones among the current tasks; when the pass must
    /// scale in, it needs them all, so then every task is read (issue #10).
    fn sort_tasks(&self, s: usize, held: &[usize]) -> Sorting {
        let grace = self.model.services[s].grace_ms;
        if held.is_empty() && self.all_active_primary(s) && !self.cluster_draining(s) {
            let facts: Vec<TaskFacts> = self
                .task_index
                .watched_of(s)
                .map(|t| self.task_facts(t, true))
                .collect();
            let sorted = replica::classify(&facts, self.now, grace);
            let active = self.task_index.active(s) as usize;
            let current = active.saturating_sub(sorted.outdated.len());
            if !self.must_scale_in(s, current, sorted.outdated.len()) {
                #[cfg(debug_assertions)]
                self.check_watched_sorting(s, &sorted, current);
                return Sorting { sorted, current };
            }
        }
        let sorted = replica::classify(&self.replica_facts(s, held), self.now, grace);
        let current = sorted.current.len();
        Sorting { sorted, current }
    }

    /// Whether the pass scales in ([`replica::scales_in`] with the service's bounds).
    fn must_scale_in(&self, s: usize, current: usize, outdated: usize) -> bool {
        replica::scales_in(self.replica_bounds(s), current as u32, outdated as u32)
    }

    /// Whether every active task of the service belongs to its PRIMARY deployment (read from
    /// the deployment's counts, not by walking the tasks).
    pub(super) fn all_active_primary(&self, s: usize) -> bool {
        let deployments = &self.services[s].deployments;
        let primary = deployments
            .primary()
            .map_or(0, |p| deployments.tally(p).active);
        primary == self.task_index.active(s)
    }

    /// Whether an instance of the service's cluster is DRAINING (the cluster's instances that
    /// take no tasks are few: launching or draining ones).
    pub(super) fn cluster_draining(&self, s: usize) -> bool {
        let cluster = self.model.services[s].cluster;
        self.placement_index.cluster(cluster).is_some_and(|c| {
            c.not_active
                .iter()
                .any(|&i| self.instances[i].status == InstanceStatus::Draining)
        })
    }

    /// Debug builds: the watched tasks sort the way all tasks do (the same outdated,
    /// unhealthy and waiting tasks and wake-ups, and the same number current).
    #[cfg(debug_assertions)]
    fn check_watched_sorting(&self, s: usize, watched: &Classified, current: usize) {
        let all = replica::classify(
            &self.replica_facts(s, &[]),
            self.now,
            self.model.services[s].grace_ms,
        );
        let same = all.outdated == watched.outdated
            && all.unhealthy == watched.unhealthy
            && all.waiting == watched.waiting
            && all.wake_at == watched.wake_at
            && all.current.len() == current;
        assert!(
            same,
            "the watched tasks sorted unlike all tasks of service {s}"
        );
    }

    /// The facts [`replica::classify`] needs about each active task that is not held.
    fn replica_facts(&self, s: usize, held: &[usize]) -> Vec<TaskFacts> {
        // `held` is ascending (a filter of the live set): a binary search, not a scan per task.
        // The live set is ascending, so the PRIMARY deployment's set is merged alongside.
        let mut primary = self.services[s].deployments.primary_cursor();
        self.live_tasks_of_service(s)
            .filter(|&t| self.tasks[t].is_active() && held.binary_search(&t).is_err())
            .map(|t| self.task_facts(t, primary.is_primary(t)))
            .collect()
    }

    /// What the scheduler knows of task `t` (`primary`: it belongs to the PRIMARY deployment).
    fn task_facts(&self, t: usize, primary: bool) -> TaskFacts {
        let task = &self.tasks[t];
        TaskFacts {
            task: t,
            running: task.last_status == TaskStatus::Running,
            unhealthy: task.is_unhealthy(),
            started_at: task.started_at,
            primary,
            on_draining_instance: task
                .instance
                .is_some_and(|i| self.instances[i].status == InstanceStatus::Draining),
            waiting: task.is_waiting(),
        }
    }

    /// Scales in to the desired count (waiting tasks first, then tasks not yet running, then
    /// RUNNING tasks whose container or target is unhealthy, each in creation order, not spread
    /// across zones; then RUNNING tasks still to pass their health checks, then the rest, each
    /// as the strategies say), then keeps every task of the service, outdated ones included, within
    /// maximumPercent (DG deployment-type-ecs): when desiredCount drops during a replacement,
    /// the tasks not yet RUNNING go first; if that is not enough, outdated RUNNING tasks go too
    /// ([`replica::over_maximum`]), even below the minimum healthy count, as any scale-in may.
    /// Called only when [`replica::scales_in`] says so, with every current task listed.
    fn scale_in(
        &mut self,
        s: usize,
        current: &mut Vec<usize>,
        sorted: &Classified,
        report: &mut PassReport,
    ) {
        let outdated = sorted.outdated.len();
        let bounds = self.replica_bounds(s);
        let (desired, max_live) = (bounds.keep, bounds.max_live as usize);
        let deployment = self.services[s].deployment_id.clone();
        // Waiting tasks go first, then the others not yet RUNNING, each in `current`'s order
        // (what `first_not_running` picks one at a time). Stopping one task changes no other
        // task's status, so both lists are made once: picking by rescanning `current` and
        // removing with `retain` made scaling in by k tasks O(k·n) (issue #10).
        let mut not_running: std::collections::VecDeque<usize> = current
            .iter()
            .copied()
            .filter(|&t| self.tasks[t].is_waiting())
            .chain(current.iter().copied().filter(|&t| {
                !self.tasks[t].is_waiting() && self.tasks[t].last_status != TaskStatus::Running
            }))
            .collect();
        // Then RUNNING tasks whose container or target is unhealthy, even within their grace
        // period, before healthy ones: the guide does not say which task a scale-in stops, but
        // the scheduler "maintain[s] minimumHealthyPercent tasks until the replacement tasks
        // become healthy" (DG deployment-type-ecs). Until 2026-12-06 the strategies alone chose,
        // so three old tasks that turned healthy beside three unhealthy replacements lost two of
        // themselves and kept two unhealthy ones (lesson 7, student walkthrough).
        let mut unhealthy: std::collections::VecDeque<usize> = current
            .iter()
            .copied()
            .filter(|&t| {
                self.tasks[t].last_status == TaskStatus::Running && self.tasks[t].is_unhealthy()
            })
            .collect();
        // Then RUNNING tasks still to pass their health checks, before those that have: lesson
        // 7 with a 200 s grace period had three old tasks turn healthy at 4:11 beside three
        // replacements whose targets were still `initial`, and the strategies stopped two of the
        // healthy ones and kept two that failed 30 s later (student walkthrough 2026-12-06). The
        // guide names no order; keeping the tasks that are serving is the simulator's choice.
        // Among those the strategies choose, as among healthy ones (review: oldest first
        // could unbalance zones after an auto-scaling scale-out).
        let mut unproven: Vec<usize> = current
            .iter()
            .copied()
            .filter(|&t| self.not_yet_healthy(t))
            .collect();
        let mut stopped: BTreeSet<usize> = BTreeSet::new();
        let mut left = current.len();
        let stop = |sim: &mut Sim, t: usize, report: &mut PassReport| {
            sim.stop_and_report(t, &deployment, report);
        };
        while left as u32 > desired {
            let t = match not_running.pop_front().or_else(|| unhealthy.pop_front()) {
                Some(t) => t,
                None if !unproven.is_empty() => {
                    let Some(t) = self.choose_to_scale_in(s, &unproven) else {
                        // None the strategies can pick: the healthy ones are next anyway.
                        unproven.clear();
                        continue;
                    };
                    unproven.retain(|&x| x != t);
                    t
                }
                None => {
                    // As the strategies say: each choice sees the tasks still left.
                    current.retain(|x| !stopped.contains(x));
                    let Some(t) = self.choose_to_scale_in(s, current) else {
                        break;
                    };
                    t
                }
            };
            stopped.insert(t);
            left -= 1;
            stop(self, t, report);
        }
        while left + outdated > max_live {
            let Some(t) = not_running.pop_front() else {
                break;
            };
            stopped.insert(t);
            left -= 1;
            stop(self, t, report);
        }
        // Still above the bound with the current tasks at the desired count: outdated tasks go
        // too, their replacements already counted (found by the placement property test: a
        // desiredCount dropped to 1 beside a task on a DRAINING instance left 2 tasks for good).
        let excess = (left + outdated).saturating_sub(max_live);
        if excess > 0 {
            let facts = self.outdated_facts(sorted);
            for t in replica::over_maximum(&facts, excess) {
                stop(self, t, report);
            }
        }
        current.retain(|x| !stopped.contains(x));
    }

    /// Stops task `t` for the scheduler (scale-in or a replaced task) and reports it: a RUNNING
    /// task in the pass's "has stopped" event, or, when its target now drains, in one written
    /// as the drain ends (`service_notes`: ECS's events show *has begun draining connections*,
    /// then *has stopped* once the deregistration delay is over).
    fn stop_and_report(&mut self, t: usize, deployment: &str, report: &mut PassReport) {
        let running = self.tasks[t].last_status == TaskStatus::Running;
        self.stop_task(
            t,
            StopCode::ServiceSchedulerInitiated,
            stopped_reason::scaling_activity(deployment),
        );
        if !running {
            return;
        }
        if self.tasks[t].last_status == TaskStatus::Deactivating && self.tasks[t].target.is_some() {
            self.stopped_after_drain.insert(t);
        } else {
            report.stopped.push(self.tasks[t].id);
        }
    }

    /// The outdated tasks as [`replica::retirements`] and [`replica::over_maximum`] see them.
    fn outdated_facts(&self, sorted: &Classified) -> Vec<OutdatedTask> {
        let unhealthy: BTreeSet<usize> = sorted.unhealthy.iter().copied().collect();
        sorted
            .outdated
            .iter()
            .map(|&t| OutdatedTask {
                task: t,
                active: self.tasks[t].is_active(),
                unhealthy: unhealthy.contains(&t),
                running: self.tasks[t].last_status == TaskStatus::Running,
            })
            .collect()
    }

    /// Retries the tasks waiting in PROVISIONING for capacity, then starts new ones up to the
    /// desired count, never above the upper bound; nothing while the service is throttled or
    /// its PRIMARY deployment has FAILED (DG deployment-circuit-breaker: "A deployment in a
    /// FAILED state doesn't launch any new tasks"). A task that fits nowhere is not created
    /// (see `placing.rs`); once one does not fit, the rest of the pass's would not either, so
    /// they are counted as not placed. Returns false when launches are held back.
    fn launch_replacements(
        &mut self,
        s: usize,
        current: usize,
        waiting: &[usize],
        held: usize,
        report: &mut PassReport,
    ) -> bool {
        self.services[s].unplaced = 0;
        self.services[s].unplaced_reason = None;
        if self.primary_deployment_failed(s) {
            return false;
        }
        if self.now < self.services[s].throttled_until {
            let until = self.services[s].throttled_until;
            self.wake_scheduler_at(s, until);
            return false;
        }
        // Tasks waiting for managed scaling's capacity stay in PROVISIONING without an event.
        // The pass's current tasks that were waiting, in `current`'s order; scaling in may have
        // stopped some since (and the task store may have dropped them), so each is asked again.
        for &t in waiting {
            let still_waiting = self.tasks.get(t).is_some_and(|x| x.is_waiting());
            if still_waiting && self.try_place_waiting(t).is_ok() {
                report.started.push(t);
            }
        }
        // The service's active tasks, counted by the task index (placing a waiting task keeps
        // it active, so this is the count a walk of the live set gives), and the tasks this
        // scheduler stopped that have not reached STOPPED: a batch a `maximumPercent` 100
        // deployment stopped is replaced once it has drained and stopped, as ECS's service
        // events show ("has begun draining connections on 2 tasks", five minutes, "has stopped 2
        // running tasks", "has started 2 tasks"; fidelity probe, 2026-12-07). Until then the
        // replacements started beside the draining tasks.
        let live = (self.task_index.active(s) + self.task_index.scheduler_stopping(s))
            .saturating_sub(held as u32);
        let bounds = self.replica_bounds(s);
        let start = replica::tasks_to_start(bounds, current as u32, live);
        report.short_of_room = replica::short_of_room(bounds, current as u32, live);
        for k in 0..start {
            match self.launch_service_task(s) {
                Launched::Started(t) => report.started.push(t),
                Launched::Waiting => {}
                Launched::Unplaced(why) => {
                    self.services[s].unplaced = start - k;
                    self.services[s].unplaced_reason = Some(why.detail);
                    report.unplaced = Some(why.closest);
                    break;
                }
            }
        }
        true
    }

    /// Stops the outdated tasks [`replica::retirements`] lets go now. Healthy means HEALTHY with
    /// an essential health check, else RUNNING for 40 s (API DeploymentConfiguration);
    /// replacements count once healthy, and the RUNNING tasks being replaced keep counting until
    /// they stop, so the lower bound protects them (DG container-instance-draining). Returns how
    /// many it stopped.
    fn retire_outdated(
        &mut self,
        s: usize,
        sorted: &Classified,
        held: &[usize],
        report: &mut PassReport,
    ) -> usize {
        if sorted.outdated.is_empty() {
            // Nothing to retire (`replica::retirements` of no task is none); the bounds below
            // walk every task, so not on every pass.
            return 0;
        }
        let svc = &self.model.services[s];
        let desired = self.services[s].desired;
        let live: Vec<usize> = self
            .service_tasks(s)
            .into_iter()
            .filter(|t| held.binary_search(t).is_err())
            .collect();
        // Sets, so each task's lookup is O(log n) (scans made a pass O(n²) during a large
        // replacement, issue #10).
        let outdated: BTreeSet<usize> = sorted.outdated.iter().copied().collect();
        let healthy = live
            .iter()
            .filter(|&&t| {
                if outdated.contains(&t) {
                    // A task being replaced keeps counting while it serves: RUNNING, its
                    // containers not unhealthy, and its load balancer target (if it has one)
                    // healthy. A target still in `initial` serves no request: counted, it let a
                    // rollback stop both of its healthy tasks and leave the load balancer with
                    // no healthy target for 20 s (review of lesson 11).
                    let task = &self.tasks[t];
                    task.last_status == TaskStatus::Running
                        && task.health != HealthStatus::Unhealthy
                        && self.target_healthy(t)
                } else {
                    self.counts_as_healthy(t)
                }
            })
            .count() as u32;
        let bounds = RetireBounds {
            desired,
            healthy,
            min_healthy: lower_bound(desired, svc.minimum_healthy_percent),
            // DG deployment-type-ecs: "If any tasks are unhealthy and if maximumPercent doesn't
            // allow the Amazon ECS scheduler to start replacement tasks, the scheduler stops the
            // unhealthy tasks one-by-one ... to clear up capacity to launch replacement tasks";
            // a replacement that fits nowhere (a static host port the unhealthy task holds, say)
            // is the same: no replacement can start.
            // Whether this pass could start the replacements it needed, not whether a further
            // task would fit now: counted after the launches, the replacement itself filled the
            // upper bound and the unhealthy task went at once (engineer walkthrough).
            no_room: report.short_of_room || report.unplaced.is_some(),
            stopping: self.task_index.stopping_of(s) as u32,
        };
        let facts = self.outdated_facts(sorted);
        let deployment = self.services[s].deployment_id.clone();
        let retire = replica::retirements(&facts, bounds);
        let retired = retire.len();
        for (t, why) in retire {
            match why {
                Retire::Unhealthy => self.stop_unhealthy(s, t, report),
                Retire::NotRunning => self.stop_task(
                    t,
                    StopCode::ServiceSchedulerInitiated,
                    stopped_reason::scaling_activity(&deployment),
                ),
                Retire::Replaced => self.stop_and_report(t, &deployment, report),
            }
        }
        retired
    }

    /// Stops a task that failed its health checks, with the service event and stoppedReason ECS
    /// gives: a task whose container health check failed keeps the container reason; one
    /// replaced only because its target is unhealthy gets "Task failed ELB health checks in
    /// (target-group …)" (DG service-load-balancing, stopped-task-errors). When both failed, the
    /// container reason wins: the simulator's choice, the docs are silent.
    fn stop_unhealthy(&mut self, s: usize, t: usize, report: &mut PassReport) {
        let name = self.model.services[s].name.clone();
        let id = self.tasks[t].id;
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
        let log_index = self.next_log_number();
        self.emit(LogKind::Service, Some(s), event);
        if self.stopped_before_start_up(t) {
            self.record_fact(|f| &mut f.stopped_during_start_up, s, log_index);
        }
        report.stopped.push(id);
        self.stop_task(t, StopCode::ServiceSchedulerInitiated, reason);
    }

    /// The pass's service events in ECS's words: stopped, started, unable to place.
    fn report_pass(&mut self, s: usize, report: PassReport) {
        let name = self.model.services[s].name.clone();
        if !report.stopped.is_empty() {
            let ids: Vec<&str> = report.stopped.iter().map(|id| id.as_str()).collect();
            self.emit(LogKind::Service, Some(s), messages::stopped(&name, &ids));
        }
        if !report.started.is_empty() {
            let ids: Vec<&str> = report.started.iter().map(|&t| &*self.tasks[t].id).collect();
            let text = messages::started(&name, &ids);
            self.emit(LogKind::Service, Some(s), text);
        }
        if let Some(closest) = report.unplaced {
            let text = messages::unable_to_place(
                &name,
                closest.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            );
            self.emit_unplaceable(s, text);
        }
    }
}
