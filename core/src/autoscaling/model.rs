//! The resolved auto scaling settings of a scenario, as the engine runs them.

/// Auto scaling and Fargate Spot settings of a run (all empty when the scenario uses none).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AutoScalingModel {
    /// Chance per minute that a RUNNING FARGATE_SPOT task is interrupted, parts per million
    /// (from `fargateSpot.interruptionsPerHour`; 0 = never at random).
    pub spot_ppm: u64,
}
