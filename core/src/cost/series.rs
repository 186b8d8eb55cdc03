//! The run's cost per hour over time, for the playground's cost chart: a bounded step series
//! of the metered rate (instances and Fargate tasks; load balancers are a constant the chart
//! adds), in integer micro-dollars per hour, one point per minute at most.
//!
//! It is written whenever the rate changes (a charge opens or closes), not on a timer, so a
//! scenario without metrics gets a chart too and no event is added to the run (the trace is
//! unchanged). A point's `at` is the end of the minute the change fell in, like a one-minute
//! metric period; several changes in one minute keep the last rate. Before a change, the old
//! rate is written at the start of its minute, so the line stays flat until the step.

use crate::time::Millis;
use std::collections::VecDeque;

/// One minute, ms (the metric period).
const MINUTE_MS: Millis = 60_000;

/// Points kept: a week of minutes. The oldest go first; the chart shows the last hour or so.
pub const MAX_POINTS: usize = 7 * 24 * 60;

/// One point: the rate from here on, micro-dollars per hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatePoint {
    /// When, virtual ms (a whole minute).
    pub at: Millis,
    /// Micro-dollars per hour.
    pub micro_usd_per_hour: u64,
}

/// The bounded series.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateSeries {
    points: VecDeque<RatePoint>,
    dropped: u64,
}

impl RateSeries {
    /// The rate became `nano_per_hour` (nano-dollars per hour) at `now`.
    pub fn note(&mut self, now: Millis, nano_per_hour: u128) {
        let value = u64::try_from(nano_per_hour / 1_000).unwrap_or(u64::MAX);
        let at = now.div_ceil(MINUTE_MS) * MINUTE_MS;
        match self.points.back().copied() {
            Some(last) if last.at == at => {
                if let Some(p) = self.points.back_mut() {
                    p.micro_usd_per_hour = value;
                }
            }
            Some(last) if last.micro_usd_per_hour == value => {}
            Some(last) => {
                // The old rate held until the start of this minute.
                let flat_until = at.saturating_sub(MINUTE_MS);
                if flat_until > last.at {
                    self.push(RatePoint {
                        at: flat_until,
                        micro_usd_per_hour: last.micro_usd_per_hour,
                    });
                }
                self.push(RatePoint {
                    at,
                    micro_usd_per_hour: value,
                });
            }
            None => self.push(RatePoint {
                at,
                micro_usd_per_hour: value,
            }),
        }
    }

    fn push(&mut self, p: RatePoint) {
        if self.points.len() >= MAX_POINTS {
            self.points.pop_front();
            self.dropped += 1;
        }
        self.points.push_back(p);
    }

    /// The points, oldest first.
    pub fn points(&self) -> impl Iterator<Item = &RatePoint> {
        self.points.iter()
    }

    /// How many points were dropped to keep [`MAX_POINTS`].
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Whether nothing was ever recorded.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &RateSeries) -> Vec<(Millis, u64)> {
        s.points().map(|p| (p.at, p.micro_usd_per_hour)).collect()
    }

    #[test]
    fn a_change_is_a_step_at_the_end_of_its_minute_with_the_old_rate_held_until_then() {
        let mut s = RateSeries::default();
        s.note(0, 288_000_000); // three m5.large at time 0
        s.note(30_000, 288_000_000); // the same rate: nothing new
        s.note(600_500, 384_000_000); // a fourth one at 10:00.5
        assert_eq!(
            values(&s),
            vec![(0, 288_000), (600_000, 288_000), (660_000, 384_000)]
        );
    }

    #[test]
    fn changes_within_one_minute_keep_the_last_rate() {
        let mut s = RateSeries::default();
        s.note(0, 100_000_000);
        s.note(61_000, 150_000_000);
        s.note(62_000, 50_000_000);
        assert_eq!(
            values(&s),
            vec![(0, 100_000), (60_000, 100_000), (120_000, 50_000)]
        );
    }

    #[test]
    fn the_series_keeps_at_most_a_week_of_minutes() {
        let mut s = RateSeries::default();
        for m in 0..(MAX_POINTS as u64 + 10) {
            s.note(m * MINUTE_MS, u128::from(m % 2) * 1_000_000);
        }
        assert_eq!(s.points().count(), MAX_POINTS);
        assert!(s.dropped() >= 10);
        let first = s.points().next().map(|p| p.at).unwrap_or(0);
        assert!(first > 0);
    }
}
