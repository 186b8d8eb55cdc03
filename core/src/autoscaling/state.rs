//! What Service Auto Scaling remembers while a run goes: each scalable target's range and
//! scaling activities, and each policy's cooldowns. The decisions are in [`super::decide`].

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
