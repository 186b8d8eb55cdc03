//! The traffic tick: every [`TICK_MS`](super::TICK_MS), each `traffic` entry's rate is split
//! over the serving service's targets and every RUNNING task's load is worked out. Scheduled
//! every 10 s for scenarios with a `traffic` entry, and otherwise once a minute for the task
//! count metrics (see [`Model::metrics_enabled`](crate::scenario::Model::metrics_enabled)).

use crate::discovery::Discovery;

use super::Sim;
use crate::metrics::PERIOD_MS;
use crate::sim::log::LogKind;
use crate::sim::queue::Event;
use crate::task::TaskStatus;
use crate::traffic::model::{Source, TrafficEntry};
use crate::traffic::queueing::task_load;
use crate::traffic::TICK_MS;
use std::collections::BTreeMap;

impl Sim {
    /// Queues the first sample tick (called once by `Sim::new`): every 10 s with traffic, every
    /// minute for metrics only, never otherwise.
    pub(crate) fn schedule_first_sample(&mut self) {
        if let Some(step) = self.sample_step() {
            self.queue.push(step, Event::SampleTick);
        }
    }

    fn sample_step(&self) -> Option<u64> {
        if !self.model.traffic.entries.is_empty() {
            Some(TICK_MS)
        } else if self.model.metrics_enabled() {
            Some(PERIOD_MS)
        } else {
            None
        }
    }

    /// One sample tick: traffic over the last 10 s, then, on a minute boundary, the period's
    /// metrics.
    pub(crate) fn sample_tick(&mut self) {
        if !self.model.traffic.entries.is_empty() {
            self.traffic_tick();
        }
        if self.now % PERIOD_MS == 0 && self.model.metrics_enabled() {
            self.record_period();
            if !self.model.alarms.is_empty() {
                self.watch_deployment_alarms();
            }
        }
        if let Some(step) = self.sample_step() {
            self.queue.push(self.now + step, Event::SampleTick);
        }
    }

    /// `trafficSpike`: the service's rate is multiplied by `percent`/100 for `seconds`.
    pub(crate) fn traffic_spike(&mut self, s: usize, percent: u32, seconds: u32) {
        let until = self.now + u64::from(seconds) * 1000;
        self.traffic.spikes.insert(s, (percent, self.now, until));
        let name = self.model.services[s].name.clone();
        self.emit(
            LogKind::Action,
            Some(s),
            format!("Traffic spike: (service {name}) receives {percent}% of its request rate for {seconds} s."),
        );
    }

    /// The interval `[now − 10 s, now)` is sampled at its midpoint (exact for a ramp; a step on
    /// a 10 s boundary falls wholly on one side).
    fn traffic_tick(&mut self) {
        let mid = self.now.saturating_sub(TICK_MS / 2);
        self.traffic.spikes.retain(|_, (_, _, until)| *until > mid);
        let entries = self.model.traffic.entries.clone();
        for e in &entries {
            self.serve_entry(e, mid);
        }
    }

    /// One traffic entry for one tick: route its requests to the service's tasks, then load
    /// each RUNNING task with what it was offered.
    fn serve_entry(&mut self, e: &TrafficEntry, mid: u64) {
        let (offered, mut client_errors) = self.route_requests(e, mid);
        self.load_tasks(e, &offered, &mut client_errors);
        if let Source::Client(c) = e.source {
            *self.traffic.client_errors.entry(c).or_default() += client_errors;
        }
    }

    /// Where the entry's requests go this tick: requests per second offered to each task, and
    /// the client errors of calls that found no target. From the internet a load balancer
    /// routes them (503 from the ELB when no target is healthy); between services Service
    /// Connect routes to the current healthy endpoints, and Cloud Map DNS to the addresses the
    /// client resolved within the record's TTL, stopped tasks included.
    fn route_requests(&mut self, e: &TrafficEntry, mid: u64) -> (BTreeMap<usize, f64>, f64) {
        let secs = TICK_MS as f64 / 1000.0;
        let s = e.service;
        let mut rate = e.profile.rate_at(mid);
        if let Some(&(percent, from, _)) = self.traffic.spikes.get(&s) {
            // A spike counts for the ticks whose midpoint it covers.
            if mid >= from {
                rate = rate * f64::from(percent) / 100.0;
            }
        }
        let mut offered: BTreeMap<usize, f64> = BTreeMap::new();
        let mut client_errors = 0.0;
        match e.source {
            Source::Internet => {
                let targets = self.routable_targets(s);
                let total: u64 = targets.iter().map(|&(_, w)| u64::from(w)).sum();
                let sums = self.traffic.period.entry(s).or_default();
                if total == 0 {
                    // ELB: no healthy target → the load balancer answers 503 itself.
                    sums.elb_5xx += rate * secs;
                    *self.traffic.refused_no_target.entry(s).or_default() += rate * secs;
                } else {
                    sums.requests += rate * secs;
                    for (t, w) in targets {
                        let share = rate * f64::from(w) / total as f64;
                        *offered.entry(t).or_default() += share;
                        if let Some(g) = self.tasks[t].target_group {
                            *self.traffic.group_requests.entry(g).or_default() += share * secs;
                        }
                    }
                }
            }
            Source::Client(c) => {
                if !self.has_running_task(c) {
                    rate = 0.0;
                }
                match e.discovery.unwrap_or(Discovery::ServiceConnect) {
                    Discovery::ServiceConnect => {
                        // The proxy knows the current healthy endpoints at once: the tasks ECS
                        // keeps healthy in Cloud Map, whatever a load balancer thinks of them.
                        let targets = self.service_connect_endpoints(s);
                        let total: u64 = targets.iter().map(|&(_, w)| u64::from(w)).sum();
                        if total == 0 {
                            client_errors += rate * secs;
                        }
                        for (t, w) in targets {
                            *offered.entry(t).or_default() += rate * f64::from(w) / total as f64;
                        }
                    }
                    Discovery::CloudMapDns { ttl_ms } => {
                        let answer = self.resolve_dns(c, s, ttl_ms);
                        if answer.is_empty() {
                            client_errors += rate * secs;
                        }
                        // A cached address still answers while its task is registered
                        // (RUNNING, healthy or not).
                        let (healthy, unhealthy) = self.registry_endpoints(s);
                        let live: std::collections::BTreeSet<usize> =
                            healthy.into_iter().chain(unhealthy).collect();
                        let share = rate / answer.len().max(1) as f64;
                        for t in answer {
                            if live.contains(&t) {
                                *offered.entry(t).or_default() += share;
                            } else {
                                // The cached address is a task that has stopped.
                                client_errors += share * secs;
                            }
                        }
                    }
                }
            }
        }
        (offered, client_errors)
    }

    /// Each RUNNING task's load from what it was offered (CPU, memory, answered and failed
    /// requests into the period's sums), and an out-of-memory kill for a task over its hard
    /// limit.
    fn load_tasks(
        &mut self,
        e: &TrafficEntry,
        offered: &BTreeMap<usize, f64>,
        client_errors: &mut f64,
    ) {
        let secs = TICK_MS as f64 / 1000.0;
        let s = e.service;
        let running: Vec<usize> = self
            .live_tasks_of_service(s)
            .filter(|&t| self.tasks[t].last_status == TaskStatus::Running)
            .collect();
        // Every task_load key of service s is one of its live tasks (a task's entry goes when
        // it stops): forget them all.
        let live: Vec<usize> = self.live_tasks_of_service(s).collect();
        for t in live {
            self.traffic.task_load.remove(&t);
        }
        let mut over_limit = Vec::new();
        for t in running {
            let needs = &self.model.task_definitions[self.tasks[t].task_definition].needs;
            let (cpu, memory, limit) = (needs.cpu, needs.memory, needs.hard_memory_mib);
            let mut offered_here = offered.get(&t).copied().unwrap_or(0.0);
            if self.tasks[t].hung {
                // A hung application answers nothing: each request waits until it times out,
                // which the load balancer reports as its own 504 (HTTPCode_ELB_5XX_Count).
                let lost = offered_here * secs;
                if e.source == Source::Internet {
                    self.traffic.period.entry(s).or_default().elb_5xx += lost;
                } else {
                    *client_errors += lost;
                }
                offered_here = 0.0;
            }
            let load = crate::traffic::queueing::with_errors(
                task_load(offered_here, cpu, memory, &e.cost),
                self.error_percent(t),
            );
            let sums = self.traffic.period.entry(s).or_default();
            sums.cpu_used += load.cpu_percent * f64::from(cpu) / 100.0;
            sums.cpu_reserved += f64::from(cpu);
            sums.memory_used += load.memory_mib;
            sums.memory_reserved += f64::from(memory);
            let failed = load.failed_per_second * secs;
            if e.source == Source::Internet {
                // Timed out: the load balancer's 504; the rest: the application's own 5xx.
                let timed_out = load.timed_out_per_second * secs;
                sums.elb_5xx += timed_out;
                sums.target_5xx += failed - timed_out;
                let answered = load.ok_per_second * secs;
                sums.answered += answered;
                sums.response_ms_sum += answered * load.response_millis;
            } else {
                *client_errors += failed;
            }
            if let Some(limit) = limit.filter(|l| load.memory_mib > f64::from(*l)) {
                over_limit.push((t, load.memory_mib, limit));
            }
            self.traffic.task_load.insert(t, load);
        }
        for (t, used, limit) in over_limit {
            self.out_of_memory(t, used, limit);
        }
    }

    /// The share of requests task `t` answers with a 5xx: the `errorPercent` of the image of
    /// the container its load balancer sends requests to, or without one the highest of its
    /// containers' (a sidecar's image does not fail the requests its app answers).
    fn error_percent(&self, t: usize) -> u32 {
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        let of = |c: &crate::taskdef::registered::ContainerModel| {
            self.model
                .images
                .get(&c.image)
                .and_then(|b| b.error_percent)
                .unwrap_or(0)
        };
        let served = task
            .service
            .and_then(|s| self.model.services[s].load_balancer.as_ref())
            .and_then(|lb| lb.container_in(&td.definition))
            .and_then(|c| td.needs.containers.get(c));
        match served {
            Some(c) => of(c),
            None => td.needs.containers.iter().map(of).max().unwrap_or(0),
        }
    }

    fn has_running_task(&self, s: usize) -> bool {
        self.live_tasks_of_service(s).any(|t| {
            let t = &self.tasks[t];
            t.last_status == TaskStatus::Running && !t.stop_requested
        })
    }
}
