//! Fargate Spot interruptions (DG fargate-capacity-providers, "Handling Fargate Spot
//! termination notices"): when AWS needs the capacity back, the task gets a two-minute warning,
//! sent as an EventBridge "ECS Task State Change" event with stopCode SpotInterruption, and
//! SIGTERM; SIGKILL follows after the container's stopTimeout (at most 120 s on Fargate). The
//! service scheduler starts a replacement at once; tasks on other providers (the FARGATE base)
//! keep serving.
//!
//! Random interruptions: once a minute each RUNNING FARGATE_SPOT task is interrupted with
//! probability `interruptionsPerHour / 60` (a Bernoulli draw per minute in parts per million,
//! from its own seeded stream; no `exp`).

/// API Task.stoppedReason for a Fargate Spot interruption.
pub const SPOT_INTERRUPTED_REASON: &str = "Your Spot Task was interrupted.";
/// Highest accepted `interruptionsPerHour` (one per task-minute, the most a minute tick can do).
pub const MAX_INTERRUPTIONS_PER_HOUR: f64 = 60.0;

/// The per-minute interruption chance of one task, in parts per million.
pub fn per_minute_ppm(interruptions_per_hour: f64) -> u64 {
    let rate = interruptions_per_hour.clamp(0.0, MAX_INTERRUPTIONS_PER_HOUR);
    (rate / 60.0 * 1_000_000.0 + 0.5).floor() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interruption_rate_per_hour_becomes_a_per_minute_chance_in_ppm() {
        assert_eq!(per_minute_ppm(0.0), 0);
        assert_eq!(per_minute_ppm(1.0), 16_667);
        assert_eq!(per_minute_ppm(6.0), 100_000);
        assert_eq!(per_minute_ppm(60.0), 1_000_000);
        assert_eq!(per_minute_ppm(500.0), 1_000_000);
    }
}
