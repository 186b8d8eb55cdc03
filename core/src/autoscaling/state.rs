//! What Service Auto Scaling remembers while a run goes: each scalable target's range and
//! scaling activities, and each policy's cooldowns. The decisions are in [`super::decide`].

use crate::time::Millis;

/// How long after a period ends the alarms are evaluated (the simulator's choice: the metric
/// owners record at the period's end; CloudWatch evaluates shortly after).
pub const EVALUATION_DELAY_MS: Millis = 1_000;

/// One scaling activity, with what DescribeScalingActivities lists for it (API
/// DescribeScalingActivities,
/// <https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html>;
/// texts from [`super::activity`]) and what the charts' markers need (`policy`, `from`, `to`).
/// A scheduled action's range activity leaves the desired count as it is (`from == to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalingActivity {
    /// `ActivityId`: a version 4 form UUID from the run's own scaling activity stream
    /// ([`crate::rng::Stream::ScalingActivityIds`]), so the same seed gives the same IDs.
    pub activity_id: String,
    /// `StartTime` (and `EndTime`: the desired count is set at once), ms of virtual time.
    pub at: Millis,
    /// The policy or scheduled action that started it (`RegisterScalableTarget` when the count
    /// is brought into the scalable target's range at a policy tick).
    pub policy: String,
    /// Desired count before.
    pub from: u32,
    /// Desired count after.
    pub to: u32,
    /// `Description`, e.g. "Setting desired count to 8."
    pub description: String,
    /// `Cause`, in Application Auto Scaling's words.
    pub cause: String,
    /// `StatusMessage`, e.g. "Successfully set desired count to 8. Change successfully
    /// fulfilled by ecs."
    pub status_message: String,
    /// `StatusCode`: [`super::activity::STATUS_SUCCESSFUL`], or [`super::activity::STATUS_FAILED`]
    /// for a scheduled action that would leave the minimum above the maximum.
    pub status_code: String,
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
    /// Every scaling activity so far, oldest first.
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
    /// A step policy's cooldown began with a scale-in (a scale-out by any policy ends it).
    pub step_scaled_in: bool,
}
