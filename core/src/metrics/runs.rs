//! Moments an event happened, merged into runs for chart markers and kept independently of the
//! objects that caused them (issue #10: the Spot interruption markers were read from the kept
//! tasks, so an interruption whose task the bounded task store had dropped lost its marker, and
//! every chart refresh walked every kept task to find them).
//!
//! Events less than [`MERGE_WINDOW_MS`] after the first of a run join that run (one marker
//! "×n"), as one label each would pile up unreadably on an hour-wide chart. Only the newest
//! [`RUNS_KEPT`] runs are kept: a chart shows at most the newest 16 markers of all kinds, so an
//! older run could never be drawn.

use crate::time::Millis;
use std::collections::VecDeque;

/// Events the same way less than this apart are one marker (five minutes: on an hour-wide chart
/// a minute is a few pixels).
pub const MERGE_WINDOW_MS: Millis = 5 * 60_000;

/// Runs kept per series of events: at least as many as a chart draws markers.
pub const RUNS_KEPT: usize = 16;

/// The newest runs of one kind of event, oldest first: (time of the run's first event, events
/// in the run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventRuns {
    runs: VecDeque<(Millis, u32)>,
    /// Runs dropped from the front so far.
    dropped: u64,
}

impl EventRuns {
    /// One event at `at`; events are recorded in time order (the simulation clock never goes
    /// back), so merging as they come gives the runs a sorted list of every time would.
    pub fn record(&mut self, at: Millis) {
        match self.runs.back_mut() {
            Some((first, n)) if at.saturating_sub(*first) < MERGE_WINDOW_MS => *n += 1,
            _ => {
                self.runs.push_back((at, 1));
                if self.runs.len() > RUNS_KEPT {
                    self.runs.pop_front();
                    self.dropped += 1;
                }
            }
        }
    }

    /// The kept runs, oldest first.
    pub fn runs(&self) -> impl Iterator<Item = (Millis, u32)> + '_ {
        self.runs.iter().copied()
    }

    /// Runs older than the kept ones (they could not be drawn any more).
    pub fn dropped(&self) -> u64 {
        self.dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs a sorted list of every event time gives (what the chart computed before).
    fn batch(times: &[Millis]) -> Vec<(Millis, u32)> {
        let mut runs: Vec<(Millis, u32)> = Vec::new();
        for &at in times {
            match runs.last_mut() {
                Some((first, n)) if at - *first < MERGE_WINDOW_MS => *n += 1,
                _ => runs.push((at, 1)),
            }
        }
        runs
    }

    #[test]
    fn merging_as_events_come_gives_the_newest_runs_of_the_whole_list() {
        let mut times = Vec::new();
        let mut at: Millis = 0;
        let mut x: u64 = 12345;
        for _ in 0..2_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Gaps from 0 to about 10 minutes, several events at the same moment.
            at += (x >> 33) % 600_000 * u64::from((x >> 20) % 3 != 0);
            times.push(at);
        }
        let mut runs = EventRuns::default();
        for &at in &times {
            runs.record(at);
        }
        let all = batch(&times);
        let newest: Vec<(Millis, u32)> = all[all.len() - RUNS_KEPT..].to_vec();
        assert_eq!(runs.runs().collect::<Vec<_>>(), newest);
        assert_eq!(runs.dropped() as usize, all.len() - RUNS_KEPT);
    }

    #[test]
    fn events_within_five_minutes_of_a_runs_first_join_it() {
        let mut runs = EventRuns::default();
        for at in [60_000, 60_000, 200_000, 359_999, 360_000] {
            runs.record(at);
        }
        assert_eq!(
            runs.runs().collect::<Vec<_>>(),
            vec![(60_000, 4), (360_000, 1)]
        );
    }
}
