//! Restart throttling (DG service-throttle-logic): when a service's tasks repeatedly stop
//! before reaching RUNNING, the scheduler holds back new launches for an incrementally longer
//! time, up to 27 minutes.

use crate::time::Millis;

/// Failed starts in a row before the scheduler throttles launches (simulator's choice: ECS
/// says only "repeatedly").
pub const THROTTLE_AFTER_FAILED_STARTS: u32 = 3;
/// First throttle delay (simulator's choice; ECS documents only "incrementally increased").
pub const THROTTLE_FIRST_DELAY_MS: Millis = 30_000;
/// Longest throttle delay: "up to a maximum of 27 minutes" (DG service-throttle-logic; older
/// versions of the guide said 15 minutes).
pub const THROTTLE_MAX_DELAY_MS: Millis = 27 * 60_000;

/// Whether `failed_starts` tasks in a row that stopped before RUNNING make the scheduler hold
/// back launches.
pub fn throttles(failed_starts: u32) -> bool {
    failed_starts >= THROTTLE_AFTER_FAILED_STARTS
}

/// How long launches are held back in throttle round `round` (1-based): 30 s, doubling each
/// round, at most 27 minutes.
pub fn delay(round: u32) -> Millis {
    let doublings = round.saturating_sub(1).min(20);
    (THROTTLE_FIRST_DELAY_MS << doublings).min(THROTTLE_MAX_DELAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_doubles_each_round_up_to_27_minutes() {
        // DG service-throttle-logic: "incrementally increased ... up to a maximum of 27 minutes".
        assert!(!throttles(2) && throttles(3));
        let delays: Vec<Millis> = (1..=8).map(delay).collect();
        assert_eq!(
            delays,
            [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_620_000, 1_620_000]
        );
        assert_eq!(delay(u32::MAX), THROTTLE_MAX_DELAY_MS);
    }
}
