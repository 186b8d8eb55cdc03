//! Service Auto Scaling at run time (DG service-auto-scaling): once a minute, shortly after
//! the period's datapoint is published, each policy of a service with a scalable target looks
//! at its alarm(s) and proposes a desired count; Application Auto Scaling then
//!
//! - scales out if any policy asks (the largest proposal wins),
//! - scales in only if every target tracking policy agrees (the smallest reduction wins; a
//!   step policy's own alarm is enough for its scale-in),
//! - never scales in while a deployment is in progress (DG: scale-in is suspended),
//! - keeps the desired count within the scalable target's MinCapacity..=MaxCapacity.
//!
//! Cooldowns (Application Auto Scaling User Guide): during a policy's scale-out cooldown a
//! further scale-out is worked out from the capacity before the cooldown began, so it adds only
//! the difference; during its scale-in cooldown it does not scale in. A scale-out ends the
//! policy's scale-in cooldown.

use crate::time::Millis;
use serde::Serialize;

/// How long after a period ends the alarms are evaluated (the simulator's choice: the metric
/// owners record at the period's end; CloudWatch evaluates shortly after).
pub const EVALUATION_DELAY_MS: Millis = 1_000;

/// One scaling activity, as DescribeScalingActivities lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScalingActivity {
    /// When, ms.
    pub at: Millis,
    /// The policy or scheduled action (or `MinCapacity`/`MaxCapacity` for range corrections).
    pub policy: String,
    /// Desired count before.
    pub from: u32,
    /// Desired count after.
    pub to: u32,
    /// Why, in Application Auto Scaling's words.
    pub cause: String,
}

/// A service's scalable target while the run goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceScaling {
    /// `resourceId`.
    pub resource_id: String,
    /// MinCapacity now (scheduled actions change it).
    pub min: u32,
    /// MaxCapacity now.
    pub max: u32,
    /// Every scaling activity so far.
    pub activities: Vec<ScalingActivity>,
}

/// A policy's cooldown state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PolicyState {
    /// Scale-out cooldown ends.
    pub out_until: Millis,
    /// Capacity before the scale-out that began the cooldown.
    pub out_base: u32,
    /// Scale-in cooldown ends.
    pub in_until: Millis,
}

/// What one policy asks for at a tick.
pub struct Proposal {
    /// The policy (index into the model's policies).
    pub policy: usize,
    /// The desired count it asks for.
    pub to: u32,
    /// Why, in Application Auto Scaling's words.
    pub cause: String,
    /// Whether it is a target tracking policy (scale-in needs every one of them to agree).
    pub target_tracking: bool,
}
