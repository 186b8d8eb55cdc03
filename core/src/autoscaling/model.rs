//! The resolved auto scaling settings of a scenario, as the engine runs them.

use super::alarm::Alarm;
use super::step::{AdjustmentType, StepAdjustment};
use crate::metrics::MetricName;
use crate::time::Millis;

/// Auto scaling and Fargate Spot settings of a run (all empty when the scenario uses none).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AutoScalingModel {
    /// Chance per minute that a RUNNING FARGATE_SPOT task is interrupted, parts per million
    /// (from `fargateSpot.interruptionsPerHour`; 0 = never at random).
    pub spot_ppm: u64,
    /// Registered scalable targets (one per service at most).
    pub targets: Vec<ScalableTarget>,
    /// Scaling policies in document order.
    pub policies: Vec<ScalingPolicy>,
    /// Scheduled actions in document order.
    pub scheduled_actions: Vec<ScheduledAction>,
}

/// A service's `ecs:service:DesiredCount` registered with Application Auto Scaling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalableTarget {
    /// The service (index into the model's services).
    pub service: usize,
    /// `resourceId`, `service/<cluster>/<service>`.
    pub resource_id: String,
    /// MinCapacity at the start.
    pub min_capacity: u32,
    /// MaxCapacity at the start.
    pub max_capacity: u32,
}

/// A scaling policy, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ScalingPolicy {
    /// `policyName`.
    pub name: String,
    /// The service it scales.
    pub service: usize,
    /// What it does.
    pub kind: PolicyKind,
}

/// The two policy types of Application Auto Scaling that the simulator runs.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyKind {
    /// `TargetTrackingScaling`.
    TargetTracking {
        /// The service metric it tracks.
        metric: MetricName,
        /// `targetValue`.
        target: f64,
        /// `scaleOutCooldown`, ms.
        scale_out_cooldown_ms: Millis,
        /// `scaleInCooldown`, ms.
        scale_in_cooldown_ms: Millis,
        /// `disableScaleIn`.
        disable_scale_in: bool,
    },
    /// `StepScaling` with its alarm.
    Step {
        /// The CloudWatch alarm that invokes it.
        alarm: Alarm,
        /// `adjustmentType`.
        adjustment_type: AdjustmentType,
        /// `stepAdjustments`.
        steps: Vec<StepAdjustment>,
        /// `cooldown`, ms.
        cooldown_ms: Millis,
        /// `minAdjustmentMagnitude`.
        min_adjustment_magnitude: Option<u32>,
    },
}

/// A scheduled action, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledAction {
    /// `scheduledActionName`.
    pub name: String,
    /// The service whose target it changes.
    pub service: usize,
    /// First run, ms from the start.
    pub first_at: Millis,
    /// Repeats every this many ms (`rate(...)`).
    pub every: Option<Millis>,
    /// Repeats whenever this matches (`cron(...)`).
    pub cron: Option<super::cron::Cron>,
    /// New MinCapacity.
    pub min_capacity: Option<u32>,
    /// New MaxCapacity.
    pub max_capacity: Option<u32>,
}
