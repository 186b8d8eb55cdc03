//! The scenario document's auto scaling keys, as JSON shapes. Application Auto Scaling's
//! request shapes (RegisterScalableTarget, PutScalingPolicy, PutScheduledAction) are added
//! beside these; `fargateSpot` is the simulator's own knob.

use serde::{Deserialize, Serialize};

/// Top-level `fargateSpot`: how often AWS reclaims Fargate Spot capacity in this run. AWS
/// publishes no rate; the scenario chooses one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FargateSpotSpec {
    /// Expected interruptions per RUNNING FARGATE_SPOT task per hour (0–60; 0 = only the
    /// timeline's `spotInterruption`).
    pub interruptions_per_hour: f64,
}
