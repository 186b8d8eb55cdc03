//! Cluster auto scaling (DG cluster-auto-scaling): an Auto Scaling group capacity provider with
//! `managedScaling` ENABLED publishes CapacityProviderReservation every minute and a target
//! tracking policy moves the group's desired capacity towards `targetCapacity`.
//!
//! - CapacityProviderReservation = M / N × 100, M = instances needed, N = instances running
//!   (DG cluster-auto-scaling). N = 0 and M > 0 → 200 (so a group can scale from zero);
//!   no tasks and no instances → 100.
//! - M = instances running at least one non-daemon task + the new instances of the group's type
//!   that the waiting (PROVISIONING, unplaced) tasks of this provider need, binpacked by vCPU,
//!   memory, ENIs, ports and GPUs ([`waiting_demand`]; DG managed-scaling-behavior,
//!   <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html>).
//!   Tasks no instance of the type can run are excluded; when every waiting task is excluded the
//!   reservation stays at `targetCapacity` ([`published_reservation`]).
//! - Scale-out: after [`SCALE_OUT_DATAPOINTS`] datapoint above target, to
//!   ⌈M × 100 / targetCapacity⌉ instances (from none, to 2 first: [`scale_out_goal`]; with
//!   nothing wanted, to none), the step clamped to
//!   `minimumScalingStepSize`..=`maximumScalingStepSize` (API ManagedScaling) and the group to
//!   its maxSize.
//! - Scale-in: after [`SCALE_IN_DATAPOINTS`] one-minute datapoints below target, towards
//!   ⌈M × 100 / targetCapacity⌉ (never below minSize), one step a minute of at least one
//!   instance and at most half the group ([`scale_in_step`]). With `managedTerminationProtection`
//!   ENABLED, instances that run non-daemon tasks are not terminated; the group picks among the
//!   others by its default termination policy ([`crate::cluster::termination_policy`]).
//! - Warm-up: while any instance the group launched is within its `instanceWarmupPeriod`, a
//!   further scale-out is blocked (DG cluster-auto-scaling). The DG ties the warm-up to
//!   scale-out only, so it does not protect instances from scale-in.

use crate::catalog::ports::{dynamic_port_capacity, is_dynamic, is_reserved};
use crate::catalog::InstanceType;
use crate::cluster::ManagedScalingSpec;
use crate::taskdef::{NetworkMode, Protocol, TaskNeeds};
use crate::time::Millis;
use std::collections::{BTreeMap, BTreeSet};

/// API ManagedScaling: targetCapacity when omitted.
pub const DEFAULT_TARGET_CAPACITY: u32 = 100;
/// API ManagedScaling: minimumScalingStepSize when omitted.
pub const DEFAULT_MINIMUM_SCALING_STEP_SIZE: u32 = 1;
/// API ManagedScaling: maximumScalingStepSize when omitted.
pub const DEFAULT_MAXIMUM_SCALING_STEP_SIZE: u32 = 10_000;
/// API ManagedScaling: instanceWarmupPeriod when omitted, seconds.
pub const DEFAULT_INSTANCE_WARMUP_SECONDS: u32 = 300;
/// One-minute datapoints above target before the high alarm scales out. The DG does not give
/// the figure; the simulator chooses 1 (ECS reacts within about a minute).
pub const SCALE_OUT_DATAPOINTS: u32 = 1;
/// One-minute datapoints below target before the low alarm scales in. DG cluster-auto-scaling,
/// "Scale-in considerations": "CloudWatch scale-in alarms require 15 data points (15 minutes)
/// before the scale-in process for the Auto Scaling group starts".
pub const SCALE_IN_DATAPOINTS: u32 = 15;

/// Instances one minute's scale-in step removes from a group of `running`, given `surplus`
/// instances above the goal. DG cluster-auto-scaling, "Scale-in considerations": once the
/// scale-in process starts, the group "sets the DesiredCapacity value to be greater than one
/// instance and less than 50% each minute", and ECS's announcement of the change (Sep 2022)
/// says each step reduces "up to 50%" of the group's capacity. So a step removes at least one
/// instance and at most ⌊running / 2⌋ (one from a group of 1 or 2), never more than the surplus.
pub fn scale_in_step(running: u32, surplus: u32) -> u32 {
    surplus.min((running / 2).max(1))
}

/// Resolved `managedScaling` of a provider whose status is ENABLED.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagedScaling {
    /// Target CapacityProviderReservation, percent (1–100).
    pub target_capacity: u32,
    /// Fewest instances one scale-out adds.
    pub minimum_scaling_step_size: u32,
    /// Most instances one scale-out adds.
    pub maximum_scaling_step_size: u32,
    /// How long a new instance blocks a further scale-out, ms (DG cluster-auto-scaling).
    pub instance_warmup_ms: Millis,
}

impl ManagedScaling {
    /// The settings in force, or None when managed scaling is DISABLED.
    pub fn from_spec(spec: &ManagedScalingSpec) -> Option<ManagedScaling> {
        if spec.status != "ENABLED" {
            return None;
        }
        Some(ManagedScaling {
            target_capacity: spec.target_capacity.unwrap_or(DEFAULT_TARGET_CAPACITY),
            minimum_scaling_step_size: spec
                .minimum_scaling_step_size
                .unwrap_or(DEFAULT_MINIMUM_SCALING_STEP_SIZE),
            maximum_scaling_step_size: spec
                .maximum_scaling_step_size
                .unwrap_or(DEFAULT_MAXIMUM_SCALING_STEP_SIZE),
            instance_warmup_ms: u64::from(
                spec.instance_warmup_period
                    .unwrap_or(DEFAULT_INSTANCE_WARMUP_SECONDS),
            ) * 1000,
        })
    }
}

/// Consecutive datapoints on each side of the target (the two alarms' state).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManagedScalingState {
    /// Datapoints in a row above targetCapacity.
    pub above: u32,
    /// Datapoints in a row below targetCapacity.
    pub below: u32,
}

/// CapacityProviderReservation, percent (DG cluster-auto-scaling), with its special cases.
pub fn capacity_provider_reservation(needed: u32, running: u32) -> f64 {
    match (needed, running) {
        (0, 0) => 100.0,
        (_, 0) => 200.0,
        (m, n) => f64::from(m) / f64::from(n) * 100.0,
    }
}

/// What one waiting task asks of an instance, as the scale-out calculation counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskShape {
    /// CPU units reserved.
    pub cpu: u32,
    /// Memory reserved, MiB.
    pub memory: u32,
    /// GPUs (`resourceRequirements` of type `GPU`).
    pub gpus: u32,
    /// Whether it takes an ENI of the instance (`awsvpc` network mode).
    pub awsvpc: bool,
    /// Static host ports (`host` mode, or `bridge` with a non-zero hostPort).
    pub static_ports: Vec<(Protocol, u16)>,
    /// Dynamic host ports (`bridge` mappings with hostPort 0 or omitted).
    pub dynamic_ports: u32,
    /// Whether the group's instances report every attribute the task requires (its
    /// `runtimePlatform`'s architecture and operating system): a type that can never run the
    /// task makes it "not compatible" as surely as one too small. An arm64 task waiting on an
    /// x86 group launched instances it could never use (review, 28th session).
    pub attributes_met: bool,
}

impl TaskShape {
    /// The shape of a task of a definition with these needs, for a group whose instances
    /// register `attributes`.
    pub fn of(needs: &TaskNeeds, attributes: &BTreeMap<String, String>) -> TaskShape {
        TaskShape {
            cpu: needs.cpu,
            memory: needs.memory,
            gpus: needs.gpus,
            awsvpc: needs.network_mode == NetworkMode::Awsvpc,
            static_ports: needs.static_ports.clone(),
            dynamic_ports: needs.dynamic_ports,
            attributes_met: needs.missing_attribute(attributes).is_none(),
        }
    }
}

/// What a provider's waiting tasks ask of its Auto Scaling group (DG managed-scaling-behavior,
/// "Managed scale-out behavior").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WaitingDemand {
    /// New instances of the group's type that the compatible tasks need, binpacked.
    pub instances: u32,
    /// Waiting tasks that an empty instance of the type can run.
    pub compatible: u32,
    /// Waiting tasks that not even an empty instance of the type can run: "not compatible",
    /// "excluded from scale-out calculation".
    pub incompatible: u32,
}

impl WaitingDemand {
    /// Tasks wait and none of them is compatible: DG managed-scaling-behavior, "When all the
    /// tasks aren't compatible with the smallest instance type, cluster auto scaling stops and
    /// the `CapacityProviderReservation` value remains at the `targetCapacity` value".
    pub fn none_compatible(&self) -> bool {
        self.compatible == 0 && self.incompatible > 0
    }
}

/// What is left on one new instance while the waiting tasks are packed onto it.
#[derive(Debug, Clone)]
struct Bin {
    cpu: u32,
    memory: u32,
    gpus: u32,
    enis: u32,
    dynamic_ports: u32,
    ports: BTreeSet<(Protocol, u16)>,
}

impl Bin {
    /// A just-registered instance of type `ty`: what the agent registers (the same figures a
    /// launched instance gets), no ports taken.
    fn empty(ty: &InstanceType, trunking: bool) -> Bin {
        Bin {
            cpu: ty.cpu_units,
            memory: ty.registered_memory_mib,
            gpus: ty.gpus,
            enis: ty.awsvpc_task_limit(trunking),
            dynamic_ports: dynamic_port_capacity(),
            ports: BTreeSet::new(),
        }
    }

    /// Dynamic TCP ports still free: static TCP ports taken inside the range use them up too
    /// (as the placement port check counts them).
    fn free_dynamic_ports(&self) -> u32 {
        let taken = self
            .ports
            .iter()
            .filter(|&&(protocol, port)| protocol == Protocol::Tcp && is_dynamic(port))
            .count();
        self.dynamic_ports
            .saturating_sub(u32::try_from(taken).unwrap_or(u32::MAX))
    }

    /// Whether task `t` fits what is left: CPU, memory, GPUs, an ENI for awsvpc, each static
    /// host port free (and not one the agent reserves), enough dynamic ports.
    fn fits(&self, t: &TaskShape) -> bool {
        self.cpu >= t.cpu
            && self.memory >= t.memory
            && self.gpus >= t.gpus
            && (!t.awsvpc || self.enis > 0)
            && t.static_ports
                .iter()
                .all(|p| !is_reserved(p.1) && !self.ports.contains(p))
            && self.free_dynamic_ports() >= t.dynamic_ports
    }

    /// Reserves task `t` (which [`Bin::fits`]).
    fn take(&mut self, t: &TaskShape) {
        self.cpu -= t.cpu;
        self.memory -= t.memory;
        self.gpus -= t.gpus;
        if t.awsvpc {
            self.enis -= 1;
        }
        self.dynamic_ports -= t.dynamic_ports;
        self.ports.extend(t.static_ports.iter().copied());
    }
}

/// The new instances of type `ty` that the waiting tasks need. DG managed-scaling-behavior:
/// "This calculation uses a binpack strategy. This strategy accounts for the vCPU, memory,
/// elastic network interfaces (ENI), ports, and GPUs requirements of the tasks", so a static
/// host port (protocol and number) fits once per instance, and a task takes one of the type's
/// GPUs per GPU it asks for. "If the smallest instance type can't run at least one instance of
/// the task, the calculation considers the task as not compatible. As a result, the task is
/// excluded from scale-out calculation": a task that does not fit an empty instance is counted
/// in `incompatible` and opens no instance (a group has one instance type here, so it is the
/// smallest and the largest).
///
/// The DG groups tasks with the same requirements and does not say how the groups' counts
/// combine; the simulator packs all compatible tasks together, first fit in their order (the
/// order they wait in), which never needs more instances than packing each group on its own.
pub fn waiting_demand(ty: &InstanceType, trunking: bool, tasks: &[TaskShape]) -> WaitingDemand {
    let empty = Bin::empty(ty, trunking);
    let mut bins: Vec<Bin> = Vec::new();
    let mut demand = WaitingDemand::default();
    for t in tasks {
        if !t.attributes_met || !empty.fits(t) {
            demand.incompatible += 1;
            continue;
        }
        demand.compatible += 1;
        match bins.iter_mut().find(|b| b.fits(t)) {
            Some(b) => b.take(t),
            None => {
                let mut b = empty.clone();
                b.take(t);
                bins.push(b);
            }
        }
    }
    demand.instances = u32::try_from(bins.len()).unwrap_or(u32::MAX);
    demand
}

/// The CapacityProviderReservation the provider publishes: [`capacity_provider_reservation`]
/// of M and N, except that while tasks wait and none of them is compatible it "remains at the
/// `targetCapacity` value" (DG managed-scaling-behavior), so neither alarm counts a datapoint.
pub fn published_reservation(
    needed: u32,
    running: u32,
    demand: &WaitingDemand,
    target_capacity: u32,
) -> f64 {
    if demand.none_compatible() {
        f64::from(target_capacity)
    } else {
        capacity_provider_reservation(needed, running)
    }
}

/// The group size target tracking aims for: ⌈M × 100 / targetCapacity⌉ (integer arithmetic).
pub fn target_instances(needed: u32, target_capacity: u32) -> u32 {
    let t = u64::from(target_capacity.max(1));
    ((u64::from(needed) * 100).div_ceil(t)) as u32
}

/// The group size a scale-out aims for: ⌈M × 100 / target⌉, except from N = 0, where it is 2.
/// DG *Amazon ECS managed scaling behavior* (managed-scaling-behavior.html): "When a scale-out
/// process is required and there are no currently running container instances, Amazon ECS
/// always scales-out to two instances initially, and then performs additional scale-out or
/// scale-in processes. Any additional scale-out waits for the instance warmup period." Until the
/// 27th session the goal from N = 0 was *at least* 2 (five tasks needing three instances got
/// three at once); the step sizes still apply to it ([`scale_out_size`]).
pub fn scale_out_goal(needed: u32, running: u32, target_capacity: u32) -> u32 {
    if running == 0 && needed > 0 {
        2
    } else {
        target_instances(needed, target_capacity)
    }
}

/// The group size after a scale-out from `running`: the step to the target, clamped to the
/// step sizes (API ManagedScaling: "ECS will scale up the minimum scaling step size even if the
/// actual demand is less"), then to the group's maxSize.
pub fn scale_out_size(running: u32, goal: u32, cfg: &ManagedScaling, max_size: u32) -> u32 {
    // Nothing to add: the minimum step applies to a scale-out, it does not make one. An empty
    // group with targetCapacity below 100 publishes 100 (above the target) with ⌈0 × 100 /
    // target⌉ = 0 instances wanted; it launched one and dropped it 15 minutes later, forever
    // (capacity probe, 2026-12-06; the loop AWS tracked as a bug, containers-roadmap #653).
    if goal <= running {
        return running;
    }
    // Not `clamp`: it panics when min > max, which the scenario's resolve refuses; a model
    // built some other way gets the maximum step instead of an abort.
    let step = goal
        .saturating_sub(running)
        .max(cfg.minimum_scaling_step_size)
        .min(cfg.maximum_scaling_step_size);
    running.saturating_add(step).min(max_size)
}

/// A percentage as CloudWatch shows it here: whole numbers bare, others with one decimal.
/// A percentage as the log prints it.
pub fn pct(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn cfg() -> ManagedScaling {
        ManagedScaling {
            target_capacity: 100,
            minimum_scaling_step_size: 1,
            maximum_scaling_step_size: 10_000,
            instance_warmup_ms: 300_000,
        }
    }

    #[test]
    fn dg_scale_in_considerations_each_minute_step_is_at_least_one_and_at_most_half_the_group() {
        // DG cluster-auto-scaling: "greater than one instance and less than 50% each minute".
        assert_eq!(scale_in_step(3, 2), 1);
        assert_eq!(scale_in_step(2, 1), 1);
        assert_eq!(scale_in_step(1, 1), 1);
        assert_eq!(scale_in_step(10, 9), 5);
        assert_eq!(scale_in_step(10, 3), 3);
        assert_eq!(scale_in_step(334, 300), 167);
    }

    #[test]
    fn capacity_provider_reservation_is_m_over_n_with_the_dg_special_cases() {
        assert_eq!(capacity_provider_reservation(3, 2), 150.0);
        assert_eq!(capacity_provider_reservation(1, 4), 25.0);
        // DG cluster-auto-scaling: N = 0 and M > 0 → 200; no tasks, no instances → 100.
        assert_eq!(capacity_provider_reservation(1, 0), 200.0);
        assert_eq!(capacity_provider_reservation(0, 0), 100.0);
        assert_eq!(capacity_provider_reservation(0, 3), 0.0);
    }

    /// A waiting task of `cpu` units and `memory` MiB with no GPUs, ENI or host ports.
    fn task(cpu: u32, memory: u32) -> TaskShape {
        TaskShape {
            cpu,
            memory,
            gpus: 0,
            awsvpc: false,
            static_ports: Vec::new(),
            dynamic_ports: 0,
            attributes_met: true,
        }
    }

    /// The same task with the static host ports `ports` (TCP).
    fn with_ports(mut t: TaskShape, ports: &[u16]) -> TaskShape {
        t.static_ports = ports.iter().map(|&p| (Protocol::Tcp, p)).collect();
        t
    }

    /// The same task with `gpus` GPUs.
    fn with_gpus(mut t: TaskShape, gpus: u32) -> TaskShape {
        t.gpus = gpus;
        t
    }

    /// The same task in `awsvpc` mode (one ENI).
    fn awsvpc(mut t: TaskShape) -> TaskShape {
        t.awsvpc = true;
        t
    }

    fn instances(ty: &str, tasks: &[TaskShape]) -> u32 {
        let ty = catalog::instance_type(ty).expect("type in catalogue");
        waiting_demand(ty, false, tasks).instances
    }

    #[test]
    fn waiting_tasks_are_binpacked_onto_new_instances_of_the_group_type() {
        // m5.large registers 2048 CPU units: four 1024-unit tasks need two instances.
        assert_eq!(instances("m5.large", &vec![task(1024, 512); 4]), 2);
        // awsvpc without trunking: 2 tasks per m5.large (the primary ENI counts).
        assert_eq!(instances("m5.large", &vec![awsvpc(task(128, 128)); 5]), 3);
        // A task larger than an empty instance needs no new instance: none would help.
        assert_eq!(instances("m5.large", &[task(4096, 128)]), 0);
    }

    #[test]
    fn dg_managed_scaling_behavior_binpack_counts_ports_a_static_host_port_fits_once_per_instance()
    {
        // DG managed-scaling-behavior: the binpack "accounts for the vCPU, memory, elastic
        // network interfaces (ENI), ports, and GPUs requirements of the tasks". Four small
        // tasks on hostPort 80 fit one m5.large by CPU and memory, but port 80 is bound once
        // per instance: 4 instances.
        assert_eq!(
            instances("m5.large", &vec![with_ports(task(256, 512), &[80]); 4]),
            4
        );
        // The same port number over UDP is another port: TCP 80 and UDP 80 share an instance.
        let mut udp = with_ports(task(256, 512), &[80]);
        udp.static_ports = vec![(Protocol::Udp, 80)];
        assert_eq!(
            instances("m5.large", &[with_ports(task(256, 512), &[80]), udp]),
            1
        );
        // Different static ports share an instance.
        let two = [
            with_ports(task(256, 512), &[80]),
            with_ports(task(256, 512), &[8080]),
        ];
        assert_eq!(instances("m5.large", &two), 1);
        // A reserved port (22, SSH) can never be bound: no instance helps, none is counted.
        assert_eq!(
            instances("m5.large", &[with_ports(task(256, 512), &[22])]),
            0
        );
        // Dynamic host ports come from 32768–60999 less the agent's 51678–51680: 28,229 each.
        let mut dynamic = task(8, 8);
        dynamic.dynamic_ports = 20_000;
        assert_eq!(instances("m5.large", &[dynamic.clone(), dynamic]), 2);
    }

    #[test]
    fn dg_managed_scaling_behavior_binpack_counts_gpus_of_the_instance_type() {
        // g4dn.xlarge has one GPU (and 4 vCPUs, 16 GiB): four one-GPU tasks of 1024 units need
        // four instances, not the one their CPU and memory would fill.
        assert_eq!(
            instances("g4dn.xlarge", &vec![with_gpus(task(1024, 1024), 1); 4]),
            4
        );
        // A two-GPU task never fits a g4dn.xlarge: not compatible, left out.
        assert_eq!(
            instances("g4dn.xlarge", &[with_gpus(task(1024, 1024), 2)]),
            0
        );
        // A type without GPUs helps no GPU task.
        assert_eq!(instances("m5.large", &[with_gpus(task(256, 256), 1)]), 0);
    }

    #[test]
    fn dg_managed_scaling_behavior_binpack_counts_cpu_memory_enis_ports_and_gpus_together() {
        // On g4dn.xlarge (4096 units, 1 GPU, 3 ENIs → 2 awsvpc tasks without trunking), first
        // fit in order: the three hostPort 80 tasks open instances 1, 2, 3; the two GPU tasks
        // take the GPU of 1 and 2; the four awsvpc tasks take the two ENIs of 1 and of 2. The
        // CPU (3584 units in all) would fit one instance: 3, not 2.
        let mut tasks = vec![with_ports(task(512, 512), &[80]); 3];
        tasks.extend(vec![with_gpus(task(512, 512), 1); 2]);
        tasks.extend(vec![awsvpc(task(256, 256)); 4]);
        assert_eq!(instances("g4dn.xlarge", &tasks), 3);
        // A task no instance of the type can run (two GPUs) is left out of the count.
        tasks.push(with_gpus(task(512, 512), 2));
        assert_eq!(instances("g4dn.xlarge", &tasks), 3);
    }

    #[test]
    fn a_task_the_groups_instances_lack_an_attribute_for_is_not_compatible() {
        // An arm64 task on an x86 group: small enough, but the type can never run it, so it
        // opens no instance (DG managed-scaling-behavior: "considers the task as not compatible").
        let ty = crate::catalog::ec2_types::instance_type("m5.large").expect("m5.large");
        let arm = TaskShape {
            attributes_met: false,
            ..task(256, 512)
        };
        let demand = waiting_demand(ty, false, &[arm, task(256, 512)]);
        assert_eq!(
            (demand.instances, demand.compatible, demand.incompatible),
            (1, 1, 1)
        );
    }

    #[test]
    fn dg_managed_scaling_behavior_incompatible_tasks_are_excluded_and_alone_hold_the_reservation_at_target(
    ) {
        // DG managed-scaling-behavior: "If the smallest instance type can't run at least one
        // instance of the task, the calculation considers the task as not compatible. As a
        // result, the task is excluded from scale-out calculation. When all the tasks aren't
        // compatible with the smallest instance type, cluster auto scaling stops and the
        // CapacityProviderReservation value remains at the targetCapacity value."
        let g4dn = catalog::instance_type("g4dn.xlarge").expect("g4dn.xlarge in catalogue");
        let two_gpus = with_gpus(task(1024, 1024), 2);
        let one_gpu = with_gpus(task(1024, 1024), 1);
        let only_incompatible = waiting_demand(g4dn, false, &[two_gpus.clone(), two_gpus.clone()]);
        assert_eq!(
            only_incompatible,
            WaitingDemand {
                instances: 0,
                compatible: 0,
                incompatible: 2
            }
        );
        assert!(only_incompatible.none_compatible());
        // One instance in use of two: M / N would be 50 and count towards a scale-in; the
        // reservation stays at the target (90) instead.
        assert_eq!(published_reservation(1, 2, &only_incompatible, 90), 90.0);
        // With one compatible task among them the calculation goes on without the others.
        let mixed = waiting_demand(g4dn, false, &[two_gpus, one_gpu]);
        assert_eq!(
            (mixed.instances, mixed.compatible, mixed.incompatible),
            (1, 1, 1)
        );
        assert!(!mixed.none_compatible());
        assert_eq!(published_reservation(2, 1, &mixed, 90), 200.0);
        // No waiting task at all: M / N as before.
        assert_eq!(
            published_reservation(1, 2, &WaitingDemand::default(), 90),
            50.0
        );
    }

    #[test]
    fn target_tracking_size_is_ceil_of_m_times_100_over_target() {
        assert_eq!(target_instances(3, 100), 3);
        assert_eq!(target_instances(3, 90), 4);
        assert_eq!(target_instances(0, 100), 0);
    }

    #[test]
    fn from_zero_instances_scale_out_goes_to_two_dg_managed_scaling_behavior() {
        // "there are no currently running container instances, Amazon ECS always scales-out to
        // two instances initially": one waiting task or five, the first step is to 2.
        assert_eq!(scale_out_goal(1, 0, 100), 2);
        assert_eq!(scale_out_goal(5, 0, 100), 2);
        assert_eq!(scale_out_goal(5, 0, 50), 2);
        // With instances running, the target tracking size as before.
        assert_eq!(scale_out_goal(2, 1, 100), 2);
        // Nothing needed, nothing launched.
        assert_eq!(scale_out_goal(0, 0, 100), 0);
    }

    #[test]
    fn scale_out_step_is_clamped_to_minimum_and_maximum_scaling_step_size() {
        let mut c = cfg();
        assert_eq!(scale_out_size(2, 3, &c, 10), 3);
        // API ManagedScaling: at least minimumScalingStepSize even if demand is less.
        c.minimum_scaling_step_size = 3;
        assert_eq!(scale_out_size(2, 3, &c, 10), 5);
        c.minimum_scaling_step_size = 1;
        c.maximum_scaling_step_size = 2;
        assert_eq!(scale_out_size(2, 9, &c, 10), 4);
        // The group's maxSize caps it.
        c.maximum_scaling_step_size = 10_000;
        assert_eq!(scale_out_size(2, 9, &c, 6), 6);
        // Nothing wanted (an empty group), nothing added, whatever the minimum step.
        c.minimum_scaling_step_size = 3;
        assert_eq!(scale_out_size(0, 0, &c, 10), 0);
        assert_eq!(scale_out_size(4, 4, &c, 10), 4);
    }

    #[test]
    fn disabled_managed_scaling_resolves_to_none_and_defaults_apply() {
        let spec = ManagedScalingSpec {
            status: "ENABLED".into(),
            target_capacity: None,
            minimum_scaling_step_size: None,
            maximum_scaling_step_size: None,
            instance_warmup_period: None,
        };
        assert_eq!(ManagedScaling::from_spec(&spec), Some(cfg()));
        let off = ManagedScalingSpec {
            status: "DISABLED".into(),
            ..spec
        };
        assert_eq!(ManagedScaling::from_spec(&off), None);
    }
}
