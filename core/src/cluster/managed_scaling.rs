//! Cluster auto scaling (DG cluster-auto-scaling): an Auto Scaling group capacity provider with
//! `managedScaling` ENABLED publishes CapacityProviderReservation every minute and a target
//! tracking policy moves the group's desired capacity towards `targetCapacity`.
//!
//! - CapacityProviderReservation = M / N × 100, M = instances needed, N = instances running
//!   (DG cluster-auto-scaling). N = 0 and M > 0 → 200 (so a group can scale from zero);
//!   no tasks and no instances → 100.
//! - M = instances running at least one non-daemon task + the new instances of the group's type
//!   that the waiting (PROVISIONING, unplaced) tasks of this provider need, packed first-fit.
//! - Scale-out: after [`SCALE_OUT_DATAPOINTS`] datapoint above target, to
//!   ⌈M × 100 / targetCapacity⌉ instances, the step clamped to
//!   `minimumScalingStepSize`..=`maximumScalingStepSize` (API ManagedScaling) and the group to
//!   its maxSize.
//! - Scale-in: after [`SCALE_IN_DATAPOINTS`] one-minute datapoints below target, towards
//!   ⌈M × 100 / targetCapacity⌉ (never below minSize), one step a minute of at least one
//!   instance and at most half the group ([`scale_in_step`]). With `managedTerminationProtection`
//!   ENABLED, instances that run non-daemon tasks are not terminated.
//! - Warm-up: while any instance the group launched is within its `instanceWarmupPeriod`, a
//!   further scale-out is blocked (DG cluster-auto-scaling). The DG ties the warm-up to
//!   scale-out only, so it does not protect instances from scale-in.

use crate::catalog::InstanceType;
use crate::cluster::ManagedScalingSpec;
use crate::taskdef::{NetworkMode, Protocol, TaskNeeds};
use crate::time::Millis;

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
}

impl TaskShape {
    /// The shape of a task of a definition with these needs.
    pub fn of(needs: &TaskNeeds) -> TaskShape {
        TaskShape {
            cpu: needs.cpu,
            memory: needs.memory,
            gpus: needs.gpus,
            awsvpc: needs.network_mode == NetworkMode::Awsvpc,
            static_ports: needs.static_ports.clone(),
            dynamic_ports: needs.dynamic_ports,
        }
    }
}

/// New instances of type `ty` that the waiting tasks need, packed first-fit in their order.
/// Tasks that would not fit even an empty instance are left out (no instance helps them).
pub fn instances_for_waiting_tasks(ty: &InstanceType, trunking: bool, tasks: &[TaskShape]) -> u32 {
    let eni_limit = ty.awsvpc_task_limit(trunking);
    // Per new instance: (cpu left, memory left, ENIs left).
    let mut bins: Vec<(u32, u32, u32)> = Vec::new();
    for t in tasks {
        let (cpu, mem, eni) = (t.cpu, t.memory, t.awsvpc);
        let fits = |b: &(u32, u32, u32)| b.0 >= cpu && b.1 >= mem && (!eni || b.2 > 0);
        let empty = (ty.cpu_units, ty.registered_memory_mib, eni_limit);
        if !fits(&empty) {
            continue;
        }
        let k = match bins.iter().position(fits) {
            Some(k) => k,
            None => {
                bins.push(empty);
                bins.len() - 1
            }
        };
        bins[k].0 -= cpu;
        bins[k].1 -= mem;
        if eni {
            bins[k].2 -= 1;
        }
    }
    bins.len() as u32
}

/// The group size target tracking aims for: ⌈M × 100 / targetCapacity⌉ (integer arithmetic).
pub fn target_instances(needed: u32, target_capacity: u32) -> u32 {
    let t = u64::from(target_capacity.max(1));
    ((u64::from(needed) * 100).div_ceil(t)) as u32
}

/// The group size a scale-out aims for. DG cluster-auto-scaling, "Scale-out considerations":
/// "When a scale-out process is required and there are no available container instances [...]
/// Amazon ECS always scales-out to 200% (two instances)". So from N = 0 the goal is at least 2,
/// even when the waiting tasks would fit on one instance; otherwise ⌈M × 100 / target⌉.
pub fn scale_out_goal(needed: u32, running: u32, target_capacity: u32) -> u32 {
    let goal = target_instances(needed, target_capacity);
    if running == 0 && needed > 0 {
        goal.max(2)
    } else {
        goal
    }
}

/// The group size after a scale-out from `running`: the step to the target, clamped to the
/// step sizes (API ManagedScaling: "ECS will scale up the minimum scaling step size even if the
/// actual demand is less"), then to the group's maxSize.
pub fn scale_out_size(running: u32, goal: u32, cfg: &ManagedScaling, max_size: u32) -> u32 {
    let step = goal
        .saturating_sub(running)
        .clamp(cfg.minimum_scaling_step_size, cfg.maximum_scaling_step_size);
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
        }
    }

    fn instances(ty: &str, tasks: &[TaskShape]) -> u32 {
        let ty = catalog::instance_type(ty).expect("type in catalogue");
        instances_for_waiting_tasks(ty, false, tasks)
    }

    #[test]
    fn waiting_tasks_are_binpacked_onto_new_instances_of_the_group_type() {
        // m5.large registers 2048 CPU units: four 1024-unit tasks need two instances.
        assert_eq!(instances("m5.large", &vec![task(1024, 512); 4]), 2);
        // awsvpc without trunking: 2 tasks per m5.large (the primary ENI counts).
        let mut small = task(128, 128);
        small.awsvpc = true;
        assert_eq!(instances("m5.large", &vec![small; 5]), 3);
        // A task larger than an empty instance needs no new instance: none would help.
        assert_eq!(instances("m5.large", &[task(4096, 128)]), 0);
    }

    #[test]
    fn target_tracking_size_is_ceil_of_m_times_100_over_target() {
        assert_eq!(target_instances(3, 100), 3);
        assert_eq!(target_instances(3, 90), 4);
        assert_eq!(target_instances(0, 100), 0);
    }

    #[test]
    fn from_zero_instances_scale_out_goes_to_two_dg_scale_out_considerations() {
        // One waiting task needs one instance, but with N = 0 ECS scales out to 200%: 2.
        assert_eq!(scale_out_goal(1, 0, 100), 2);
        assert_eq!(scale_out_goal(5, 0, 100), 5);
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
