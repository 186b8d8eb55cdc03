//! The simulation: a clock, an event queue, seeded random streams, and the state of every
//! instance, task and service. [`Sim::step`] runs one event; invariants are checked after
//! every step in debug and test builds.

pub mod advice_facts;
pub mod asg_rebalance;
pub mod autoscaling;
pub mod capacity;
pub mod commands;
pub mod container_restart;
pub mod container_start;
pub mod cost;
pub mod deployment_alarms;
pub mod discovery;
pub mod elb;
pub mod hooks;
pub mod invariants;
pub mod lifecycle;
pub mod live;
pub mod log;
pub mod managed_draining;
pub mod managed_scaling;
pub mod metrics;
pub mod oom;
pub mod queue;
pub mod register;
pub mod rollout;
pub mod scheduler;
pub(crate) mod service_notes;
pub mod shift;
pub mod snapshot;
pub mod spot;
pub mod steady_start;
pub mod stepping;
pub mod task_index;

mod model_names;
pub mod trace;
pub mod traffic;

use crate::cluster::{Instance, InstanceStatus};
use crate::metrics::MetricStore;
use crate::placement::PlacementIndex;
use crate::rng::{SimRng, Stream};
use crate::scenario::{parse_scenario, resolve, Model, ScenarioError};
use crate::time::Millis;
use log::{LogEntry, LogKind};
use queue::{Event, EventQueue};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use trace::TraceHash;

/// Service events that repeat while their cause lasts; ECS holds back a duplicate for six hours
/// (DG service-event-messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Repeat {
    /// "(service x) was unable to place a task …".
    UnableToPlace,
    /// "(service x) was unable to stop or start tasks during a deployment …".
    BlockedByBounds,
    /// "(service x) is unable to consistently start tasks successfully." (restart throttling;
    /// a fidelity review found it repeated at every retry round of a throttled service).
    Throttled,
    /// "(service x) is unable to place a task in <zone> …" (Availability Zone rebalancing).
    RebalancePlacement,
    /// "(service x) is not AZ balanced with … AZ Rebalancing in progress." (a service whose
    /// moves keep failing to place would otherwise say it at every attempt).
    RebalanceStarted,
    /// "(service x) stopped AZ Rebalancing.".
    RebalanceStopped,
}

/// Scheduler state of one service.
#[derive(Debug, Clone, Default)]
pub struct ServiceState {
    /// Desired count now (update-service may change it).
    pub desired: u32,
    /// Task definition now (update-service may change it).
    pub task_definition: usize,
    /// A Reconcile event is queued.
    pub reconcile_queued: bool,
    /// Times a [`Event::SchedulerWake`] is queued for, so a wake-up asked for twice (each pass
    /// during a grace period or throttling asks again) is queued once.
    pub wakes: BTreeSet<Millis>,
    /// Tasks in a row that stopped before RUNNING (DG service-throttle-logic).
    pub failed_starts: u32,
    /// Times throttling has held launches back since the last start or new task definition;
    /// each doubles the delay.
    pub throttle_rounds: u32,
    /// No launches before this time while throttled.
    pub throttled_until: Millis,
    /// The last text of each repeated service event and when it was emitted (duplicates are
    /// held back for six hours, or until the service is steady).
    pub repeated: BTreeMap<Repeat, (Millis, String)>,
    /// Whether "has reached a steady state" was said for the current steady period.
    pub steady: bool,
    /// The deployment ID shown in stop reasons (`ecs-svc/…`).
    pub deployment_id: String,
    /// Tasks the last scheduler pass wanted to start but could not place anywhere (the
    /// simulator's own count: ECS creates no task for them and reports only the event).
    pub unplaced: u32,
    /// Why, in the simulator's words (the closest instance's rejection).
    pub unplaced_reason: Option<String>,
    /// The service's deployments and which one each task belongs to.
    pub deployments: crate::deployment::ServiceDeployments,
    /// Its Availability Zone rebalancing: in progress or not, and the move under way.
    pub rebalance: scheduler::Rebalance,
}

/// A service's texts its tasks and log lines share instead of each copying them.
#[derive(Debug, Clone)]
pub(crate) struct ServiceLabels {
    /// Its name.
    pub name: Arc<str>,
    /// Its tasks' group, `service:<name>`.
    pub group: Arc<str>,
    /// The `startedBy` of the tasks it starts: its PRIMARY deployment's ID, `ecs-svc/…`
    /// (`ecs-svc/<name>` until it has one).
    pub started_by: Arc<str>,
}

impl ServiceLabels {
    fn of(svc: &crate::service::ServiceModel) -> Self {
        ServiceLabels {
            name: Arc::from(svc.name.as_str()),
            group: Arc::from(format!("service:{}", svc.name)),
            started_by: Arc::from(format!("ecs-svc/{}", svc.name)),
        }
    }
}

/// The running simulation.
#[derive(Debug, Clone)]
pub struct Sim {
    /// The resolved scenario.
    pub model: Model,
    pub(crate) now: Millis,
    pub(crate) queue: EventQueue,
    pub(crate) ids: SimRng,
    pub(crate) placement_rng: SimRng,
    pub(crate) durations: SimRng,
    /// Container instances in launch order (never removed).
    pub instances: Vec<Instance>,
    /// Tasks by id (creation order): every task not yet STOPPED and the newest stopped ones
    /// (see [`crate::task::store`]); ids are never reused.
    pub tasks: crate::task::store::TaskStore,
    /// Lookups the placement pipeline uses instead of scanning instances and tasks; updated
    /// with them, checked against a rebuild by the invariant checker.
    pub(crate) placement_index: PlacementIndex,
    /// Live tasks per service, active tasks per group and zone and per service and capacity
    /// provider, and stopping tasks: what the scheduler reads instead of scanning every task.
    pub(crate) task_index: task_index::TaskIndex,
    /// Standalone tasks waiting in PROVISIONING for managed scaling's capacity, with the RunTask
    /// (index into the model's) that started each; retried when their cluster's capacity
    /// changes.
    pub(crate) waiting_standalone: BTreeMap<usize, usize>,
    /// Every RunTask call of the run and what it returned, in call order.
    pub run_task_calls: Vec<scheduler::RunTaskCall>,
    /// Per-service scheduler state, same order as the model's services.
    pub services: Vec<ServiceState>,
    /// Zones in an outage.
    pub zones_down: BTreeSet<String>,
    /// Auto Scaling groups rebalancing across zones (`AZRebalance`) → the instance launched
    /// for it, whose registration lets the group terminate one in its fullest zone.
    pub(crate) asg_rebalancing: BTreeMap<usize, usize>,
    /// Instances their group terminates once managed draining has moved their service tasks
    /// away (`sim/managed_draining.rs`).
    pub(crate) draining_to_terminate: BTreeSet<usize>,
    /// The zone and capacity provider names, shared by the tasks and the snapshot.
    pub(crate) names: model_names::ModelNames,
    /// The newest log lines: between [`log::LOG_LINES_KEPT`] and twice that many (the oldest
    /// half goes when it is full, so appending stays O(1)); `log_dropped` counts the rest.
    pub(crate) log: Vec<LogEntry>,
    /// Log lines dropped from the front of `log` so far.
    pub(crate) log_dropped: u64,
    /// Text buffers of dropped log lines, reused for new ones ([`log::line_buffer`]).
    pub(crate) log_spare: Vec<String>,
    /// Service events of this instant still to be written grouped ([`service_notes`]).
    pub(crate) notes: Vec<service_notes::ServiceNote>,
    /// Tasks the scheduler stopped behind a load balancer whose "has stopped" event waits for
    /// their drain to end ([`service_notes`]).
    pub(crate) stopped_after_drain: BTreeSet<usize>,
    /// Each service's name, task group and startedBy (model order), shared by its log lines
    /// and tasks.
    pub(crate) service_labels: Vec<ServiceLabels>,
    /// A timeline event is being applied: its action lines are marked as scripted.
    pub(crate) scripted: bool,
    /// Where the last live action left the clock (time, steps run): still there means the
    /// events of that whole second have not run yet (see [`Sim::apply_live`]).
    pub(crate) live_mark: Option<(Millis, u64)>,
    pub(crate) trace: TraceHash,
    pub(crate) steps: u64,
    /// One-minute metric series (see [`crate::metrics`]).
    pub metrics: MetricStore,
    /// Per service (model order), the runs of Spot interruptions its charts mark, kept apart
    /// from the tasks (which the task store may drop) and bounded
    /// ([`crate::metrics::runs::RUNS_KEPT`]).
    pub(crate) spot_runs: Vec<crate::metrics::runs::EventRuns>,
    /// Per-task load and period sums of the traffic model (see [`crate::traffic`]).
    pub traffic: crate::traffic::TrafficState,
    /// Cluster and Service Auto Scaling state (see [`crate::autoscaling`]).
    pub autoscaling: crate::autoscaling::AutoScalingState,
    /// What the run has cost so far (see [`cost`]); observed only, never decides anything.
    pub metering: cost::Metering,
    /// Engine facts proven advice reads (see [`crate::advice::facts`]); observed only.
    pub facts: crate::advice::facts::RunFacts,
}

/// Why a scenario could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not a readable scenario.
    Scenario(ScenarioError),
    /// The scenario breaks ECS rules (every problem, with paths).
    Invalid(Vec<crate::problem::Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Scenario(e) => write!(f, "{e}"),
            Self::Invalid(ps) => crate::problem::write_lines(f, ps),
        }
    }
}

impl std::error::Error for LoadError {}

impl Sim {
    /// Parses, validates and starts a scenario from its JSON text.
    pub fn from_json(text: &str) -> Result<Sim, LoadError> {
        let doc = parse_scenario(text).map_err(LoadError::Scenario)?;
        let model = resolve(&doc).map_err(LoadError::Invalid)?;
        Ok(Sim::new(model))
    }

    /// Starts a resolved scenario at time 0: instances already running, services created,
    /// standalone tasks run, timeline queued.
    pub fn new(model: Model) -> Sim {
        let seed = model.seed;
        let mut sim = Sim {
            now: 0,
            queue: EventQueue::default(),
            ids: SimRng::fork(seed, Stream::Ids),
            placement_rng: SimRng::fork(seed, Stream::Placement),
            durations: SimRng::fork(seed, Stream::Durations),
            instances: Vec::new(),
            tasks: crate::task::store::TaskStore::default(),
            placement_index: PlacementIndex::default(),
            task_index: task_index::TaskIndex::default(),
            waiting_standalone: BTreeMap::new(),
            run_task_calls: Vec::new(),
            services: Vec::new(),
            zones_down: BTreeSet::new(),
            asg_rebalancing: BTreeMap::new(),
            draining_to_terminate: BTreeSet::new(),
            names: model_names::ModelNames::of(&model),
            log: Vec::new(),
            log_dropped: 0,
            log_spare: Vec::new(),
            notes: Vec::new(),
            stopped_after_drain: BTreeSet::new(),
            service_labels: model.services.iter().map(ServiceLabels::of).collect(),
            scripted: false,
            live_mark: None,
            trace: TraceHash::default(),
            steps: 0,
            metrics: MetricStore::default(),
            spot_runs: Vec::new(),
            traffic: Default::default(),
            autoscaling: crate::autoscaling::AutoScalingState::new(seed),
            metering: cost::Metering::default(),
            facts: Default::default(),
            model,
        };
        sim.trace.update(&seed.to_le_bytes());
        sim.task_index =
            task_index::TaskIndex::rebuild(sim.model.services.len(), std::iter::empty());
        for s in 0..sim.model.services.len() {
            let deployment_id = format!("ecs-svc/{}", sim.ids_digits(19));
            let svc = &sim.model.services[s];
            let state = ServiceState {
                desired: svc.desired,
                task_definition: svc.task_definition,
                deployments: crate::deployment::ServiceDeployments::created(
                    deployment_id.clone(),
                    svc.task_definition,
                ),
                deployment_id,
                ..ServiceState::default()
            };
            sim.services.push(state);
        }
        for a in 0..sim.model.asgs.len() {
            for _ in 0..sim.model.asgs[a].desired {
                sim.launch_asg_instance(a, true);
            }
        }
        for c in 0..sim.model.clusters.len() {
            for e in 0..sim.model.clusters[c].external_instances.len() {
                sim.register_external(c, e);
            }
        }
        if sim.model.start_steady {
            sim.start_steady();
        }
        // DAEMON services first: ECS places daemon tasks before others.
        let mut order: Vec<usize> = (0..sim.model.services.len()).collect();
        crate::order::sort_by_key(&mut order, |&s| !sim.model.services[s].daemon);
        for s in order {
            sim.request_reconcile_at(s, 0);
        }
        for r in 0..sim.model.initial_run_tasks {
            sim.run_task(r);
        }
        for (i, e) in sim.model.timeline.iter().enumerate() {
            sim.queue.push(u64::from(e.at) * 1000, Event::Timeline(i));
        }
        sim.schedule_first_sample();
        sim.schedule_autoscaling();
        sim.check();
        sim
    }

    /// Service `s`'s tasks not yet STOPPED, oldest first: the same tasks in the same order as
    /// scanning every task for `service == Some(s)` and skipping the stopped ones, without
    /// looking at those.
    pub(crate) fn live_tasks_of_service(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.task_index.live.get(s).into_iter().flatten().copied()
    }

    /// The current virtual time.
    pub fn now(&self) -> Millis {
        self.now
    }

    /// When the next event will happen, if any.
    pub fn next_event_at(&self) -> Option<Millis> {
        self.queue.peek_time()
    }

    /// The newest lines of the event log (see [`Sim::log_dropped`] for how many older ones were
    /// dropped to keep memory bounded).
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// How many of the oldest log lines were dropped: the log keeps at least the newest
    /// [`log::LOG_LINES_KEPT`]; `log_dropped() + log().len()` is every line ever written.
    pub fn log_dropped(&self) -> u64 {
        self.log_dropped
    }

    /// Tasks held in memory: every task not yet STOPPED and the newest
    /// [`crate::task::store::STOPPED_TASKS_KEPT`] stopped ones.
    pub fn tasks_kept(&self) -> usize {
        self.tasks.kept()
    }

    /// Stopped tasks dropped from memory so far (`tasks_kept() + tasks_dropped()` is every task
    /// ever started).
    pub fn tasks_dropped(&self) -> u64 {
        self.tasks.dropped()
    }

    /// Keeps only the newest `n` stopped tasks from now on (tests use a small bound to show that
    /// dropping stopped tasks changes no decision; the default is
    /// [`crate::task::store::STOPPED_TASKS_KEPT`]). Takes effect at the next task that stops.
    pub fn keep_stopped_tasks(&mut self, n: usize) {
        self.tasks.set_stopped_kept(n);
    }

    /// The runs of Spot interruptions of service `s` (time of each run's first two-minute
    /// warning, interruptions in the run), oldest first: the newest
    /// [`crate::metrics::runs::RUNS_KEPT`], whether or not their tasks are still kept.
    pub fn spot_interruption_runs(&self, s: usize) -> impl Iterator<Item = (Millis, u32)> + '_ {
        self.spot_runs.get(s).into_iter().flat_map(|r| r.runs())
    }

    /// The run's fingerprint so far.
    pub fn trace_hash(&self) -> String {
        self.trace.hex()
    }

    /// Steps run so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Runs the next event. Returns false when nothing is left to do.
    pub fn step(&mut self) -> bool {
        let Some((at, event)) = self.queue.pop() else {
            return false;
        };
        self.now = self.now.max(at);
        self.steps += 1;
        match event {
            Event::InstanceRegistered(i) => self.instance_registered(i),
            Event::TaskAdvance(t, epoch) => {
                if self.tasks.get(t).is_some_and(|x| x.epoch == epoch) {
                    self.advance_task(t);
                }
            }
            Event::ContainerExit(t, epoch) => {
                if self.tasks.get(t).is_some_and(|x| x.epoch == epoch) {
                    self.container_exit(t);
                }
            }
            Event::HealthCheck(t, epoch, c) => {
                if self.tasks.get(t).is_some_and(|x| x.epoch == epoch) {
                    self.health_check(t, c);
                }
            }
            Event::TargetHealthCheck(t, epoch) => {
                if self.tasks.get(t).is_some_and(|x| x.epoch == epoch) {
                    self.target_health_check(t);
                }
            }
            Event::Reconcile(s) => {
                self.services[s].reconcile_queued = false;
                self.reconcile(s);
            }
            Event::SchedulerWake(s) => {
                self.services[s].wakes.remove(&at);
                self.reconcile(s);
            }
            Event::Timeline(i) => self.timeline_event(i),
            Event::AsgCheck(a) => self.asg_check(a),
            Event::SampleTick => self.sample_tick(),
            Event::ManagedScalingTick(a) => self.managed_scaling_tick(a),
            Event::SpotTick => self.spot_tick(),
            Event::ServiceScalingTick(s) => self.service_scaling_tick(s),
            Event::ScheduledAction(k) => self.scheduled_action(k),
        }
        self.write_notes_if_time_moves_on();
        self.check();
        true
    }

    /// Runs every event up to and including time `until`, then sets the clock to `until`.
    pub fn run_until(&mut self, until: Millis) {
        while self.queue.peek_time().is_some_and(|t| t <= until) {
            self.step();
        }
        self.now = self.now.max(until);
    }

    /// Checks the invariants in debug and test builds; a violation is an engine bug.
    fn check(&self) {
        #[cfg(debug_assertions)]
        if let Err(e) = self.check_invariants() {
            panic!(
                "invariant violated at t={} ms after {} steps: {e}",
                self.now, self.steps
            );
        }
    }

    /// Appends to the log and the trace.
    pub(crate) fn emit(&mut self, kind: LogKind, service: Option<usize>, text: String) {
        let text = if self.scripted && kind == LogKind::Action {
            format!("Timeline (scripted): {text}")
        } else {
            text
        };
        self.trace.update(&self.now.to_le_bytes());
        self.trace.update(text.as_bytes());
        let service = service.map(|s| Arc::clone(&self.service_labels[s].name));
        if self.log.len() >= 2 * log::LOG_LINES_KEPT {
            let drop = self.log.len() - log::LOG_LINES_KEPT;
            for gone in self.log.drain(..drop) {
                log::keep_spare(&mut self.log_spare, gone.text);
            }
            self.log_dropped += drop as u64;
        }
        self.log.push(LogEntry {
            at: self.now,
            kind,
            service,
            text,
        });
    }

    /// Mixes a state change that is not logged into the trace.
    pub(crate) fn trace_only(&mut self, text: &str) {
        self.trace.update(&self.now.to_le_bytes());
        self.trace.update(text.as_bytes());
    }

    /// `n` random decimal digits, as ECS deployment IDs (`ecs-svc/…`) have.
    pub(crate) fn ids_digits(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        for _ in 0..n {
            s.push(char::from(b'0' + self.ids.below(10) as u8));
        }
        s
    }

    /// Queues a scheduler pass for a service (at most one queued at a time).
    pub(crate) fn request_reconcile(&mut self, s: usize) {
        // The scheduler reacts within a second of a change.
        self.request_reconcile_at(s, self.now + 1000);
    }

    /// Queues a scheduler pass at a later moment the scheduler must look again (a grace period
    /// ends, a task has been RUNNING for 40 s, throttling ends). Unlike the debounced
    /// [`Sim::request_reconcile_at`], it is never dropped by an earlier pass; a second wake-up
    /// for the same service and moment is (it would find nothing new).
    ///
    /// Wake-ups fall on whole seconds (the scheduler works at a one-second granularity, as
    /// [`Sim::request_reconcile`] does): 5,000 tasks each RUNNING for 40 s at a different
    /// millisecond otherwise asked for 5,000 passes over 5,000 tasks (issue #10).
    pub(crate) fn wake_scheduler_at(&mut self, s: usize, at: Millis) {
        let at = at.max(self.now).div_ceil(1000) * 1000;
        if self.services[s].wakes.insert(at) {
            self.queue.push(at, Event::SchedulerWake(s));
        }
    }

    /// Queues a scheduler pass unless one is already queued (changes within a pass coalesce).
    pub(crate) fn request_reconcile_at(&mut self, s: usize, at: Millis) {
        if !self.services[s].reconcile_queued {
            self.services[s].reconcile_queued = true;
            self.queue.push(at, Event::Reconcile(s));
        }
    }

    /// Queues a scheduler pass for every service of a cluster (capacity changed), and retries
    /// its standalone tasks waiting for capacity.
    pub(crate) fn reconcile_cluster(&mut self, cluster: usize) {
        if !self.waiting_standalone.is_empty() {
            self.retry_waiting_standalone(cluster);
        }
        for s in 0..self.model.services.len() {
            if self.model.services[s].cluster == cluster {
                self.request_reconcile(s);
            }
        }
    }

    /// Launches an instance for Auto Scaling group `a`, in its least-used zone.
    /// `at_start` instances are already registered when the run begins.
    pub(crate) fn launch_asg_instance(&mut self, a: usize, at_start: bool) -> Option<usize> {
        let asg = &self.model.asgs[a];
        // Auto Scaling balances instances across the group's zones (skipping zones that are down).
        let per_zone = self.placement_index.asg_instances_per_zone(asg.cluster, a);
        let (subnet, zone) = asg
            .subnets
            .iter()
            .filter(|(_, z)| !self.zones_down.contains(z))
            .min_by_key(|(_, z)| per_zone.get(z.as_str()).copied().unwrap_or(0))?
            .clone();
        let ty = asg.instance_type;
        let boot = asg.boot_ms;
        let ec2 = format!("i-0{}", self.ids.hex(16));
        let ci = self.ids.hex(32);
        let idx = self.instances.len();
        self.instances.push(Instance::of_group(
            (ec2.clone(), ci),
            (a, &self.model.asgs[a]),
            (zone.clone(), subnet),
            self.now,
        ));
        self.placement_index.add_instance(idx, &self.instances[idx]);
        self.meter_instance_launched(idx);
        if at_start {
            self.instance_registered(idx);
        } else {
            let name = self.model.asgs[a].provider.clone();
            self.emit(
                LogKind::Instance,
                None,
                format!(
                    "Auto Scaling group of {name} launched {ec2} ({}) in {zone}.",
                    ty.name
                ),
            );
            self.queue
                .push(self.now + boot, Event::InstanceRegistered(idx));
        }
        Some(idx)
    }

    pub(crate) fn register_external(&mut self, cluster: usize, e: usize) {
        let (_name, cpu, memory, attrs) =
            self.model.clusters[cluster].external_instances[e].clone();
        let mut attributes = attrs;
        attributes.insert("ecs.os-type".into(), "linux".into());
        attributes.insert("ecs.instance-type".into(), "external".into());
        let id = format!("mi-0{}", self.ids.hex(16));
        let idx = self.instances.len();
        let ci = self.ids.hex(32);
        self.instances.push(Instance::launching(
            id,
            ci,
            cluster,
            None,
            None,
            ("on-premises".into(), String::new()),
            (cpu, memory, 0, 0),
            0,
            attributes,
        ));
        self.placement_index.add_instance(idx, &self.instances[idx]);
        self.instance_registered(idx);
    }

    pub(crate) fn instance_registered(&mut self, i: usize) {
        if self.instances[i].status != InstanceStatus::Launching {
            return;
        }
        self.instances[i].status = InstanceStatus::Active;
        self.instances[i].registered_at = Some(self.now);
        self.placement_index.refresh(i, &self.instances[i]);
        let inst = &self.instances[i];
        let text = format!(
            "Container instance {} ({}, {}) registered with cluster {}: {} CPU units, {} MiB.",
            inst.ec2_instance_id,
            inst.instance_type.map_or("external", |t| t.name),
            inst.zone,
            self.model.clusters[inst.cluster].name,
            inst.cpu,
            inst.memory
        );
        let cluster = inst.cluster;
        if let Some(a) = inst.asg.filter(|a| self.asg_rebalancing.get(a) == Some(&i)) {
            // The instance AZRebalance launched is up: the group now terminates one.
            self.queue.push(self.now, Event::AsgCheck(a));
        }
        if self.now > 0 {
            self.emit(LogKind::Instance, None, text);
            self.reconcile_cluster(cluster);
        } else {
            // Instances running when the scenario starts: Sim::new queues the first passes.
            self.trace_only(&text);
        }
    }

    /// An Auto Scaling group replaces instances it lost (its health check sees them gone).
    fn asg_check(&mut self, a: usize) {
        if !self.draining_to_terminate.is_empty() {
            self.terminate_drained(a);
        }
        let alive = self
            .instances
            .iter()
            .filter(|i| i.asg == Some(a) && i.is_alive())
            .count() as u32;
        for _ in alive..self.model.asgs[a].desired {
            if self.launch_asg_instance(a, false).is_none() {
                break;
            }
        }
        self.asg_rebalance(a, alive);
    }
}
