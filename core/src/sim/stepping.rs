//! The page's *Step*: events up to the next one the event log shows. Most events are
//! bookkeeping with no line (a health check that passes, a metric sample, a task moving between
//! internal states at the same instant), and an instructor stepping through a scenario saw the
//! clock and the log stand still for click after click (walkthrough, 2026-12-04).
//!
//! A step also ends after [`STEP_MOST_MS`] of simulated time: in a steady scenario nothing
//! writes a line for hours, and a step bounded only by its event count jumped the default
//! scenario from 1:00:00 to 4:20:00 in one click (its 5,000 events were a metric sample a minute
//! and passing health checks), and the scenario at the playground's limits by 83 hours.

use super::Sim;
use crate::time::Millis;

/// The most events one *Step* runs: enough to cross a quiet minute of a large scenario, few
/// enough (a few ms natively, about 25 ms in the page) for a click to stay under the 50 ms a
/// task may take.
pub const STEP_MOST_EVENTS: u32 = 5_000;

/// The most simulated time one *Step* covers, 10 minutes: no more than the *+10 min* button
/// beside it, so a quiet stretch is crossed in steps a student can follow.
pub const STEP_MOST_MS: Millis = 600_000;

impl Sim {
    /// Runs events until one writes a log line, `most` events have run, or the next event is
    /// more than `within` ms after the step began or there is none; in the last two cases the
    /// clock then moves on to that bound (as [`Sim::run_until`] does, and as *+10 min* would), so
    /// a step in a quiet stretch or an idle cluster still moves it. Returns how many events ran.
    /// Every event runs exactly as [`Sim::step`] runs it, so the trace is the same as that many
    /// single steps.
    pub fn step_to_next_line(&mut self, most: u32, within: Millis) -> u32 {
        let before = self.next_log_number();
        let until = self.now().saturating_add(within);
        let mut ran = 0;
        while ran < most {
            if self.next_event_at().is_none_or(|at| at > until) {
                self.run_until(until);
                break;
            }
            self.step();
            ran += 1;
            if self.next_log_number() != before {
                break;
            }
        }
        ran
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_sim() -> Sim {
        Sim::from_json(crate::scenario::DEFAULT_SCENARIO_JSON).expect("the default scenario loads")
    }

    #[test]
    fn a_step_ends_on_the_first_event_that_writes_a_line_and_matches_single_steps() {
        let mut stepped = default_sim();
        let mut single = default_sim();
        for _ in 0..40 {
            let lines = stepped.next_log_number();
            let from = stepped.now();
            let ran = stepped.step_to_next_line(STEP_MOST_EVENTS, STEP_MOST_MS);
            // A step writes a line, unless the scenario has gone quiet for one of its bounds.
            let quiet = ran == STEP_MOST_EVENTS || stepped.now() == from + STEP_MOST_MS;
            assert!(
                stepped.next_log_number() > lines || quiet,
                "{ran} events to {} without a line",
                stepped.now()
            );
            // The same events one at a time: the line appears on the last of them, not before.
            for k in 0..ran {
                let before = single.next_log_number();
                assert!(single.step());
                if k + 1 < ran {
                    assert_eq!(
                        single.next_log_number(),
                        before,
                        "a line before the step's end"
                    );
                }
            }
            // A step cut by its time bound moved the clock without running an event.
            if stepped.next_log_number() == lines && stepped.now() == from + STEP_MOST_MS {
                single.run_until(stepped.now());
            }
            assert_eq!(single.steps(), stepped.steps());
            assert_eq!(single.trace_hash(), stepped.trace_hash());
            if quiet {
                break; // quiet from here on
            }
        }
    }

    #[test]
    fn a_step_in_a_quiet_stretch_moves_the_clock_ten_minutes_and_no_further() {
        // The default scenario is steady at 1:00:00: metric samples and passing health checks,
        // no line for hours. A step bounded only by its 5,000 events went on to 4:20:00.
        let mut stepped = default_sim();
        stepped.run_until(3_600_000);
        let mut ran_until = stepped.clone();
        let lines = stepped.next_log_number();
        let ran = stepped.step_to_next_line(STEP_MOST_EVENTS, STEP_MOST_MS);
        assert!(ran > 0 && ran < STEP_MOST_EVENTS, "{ran} events");
        assert_eq!(stepped.next_log_number(), lines, "the stretch is quiet");
        assert_eq!(stepped.now(), 3_600_000 + STEP_MOST_MS);
        // The same as running to that time.
        ran_until.run_until(3_600_000 + STEP_MOST_MS);
        assert_eq!(stepped.trace_hash(), ran_until.trace_hash());
        assert_eq!(stepped.steps(), ran_until.steps());
    }

    #[test]
    fn a_step_stops_at_its_bound_or_an_empty_queue() {
        let mut sim = default_sim();
        assert_eq!(sim.step_to_next_line(1, STEP_MOST_MS), 1);
        let mut empty = Sim::from_json(
            r#"{"version": 1, "seed": 1, "clusters": [{"clusterName": "default"}]}"#,
        )
        .expect("an empty cluster loads");
        // An empty cluster's queue runs dry before the bound; then a step runs nothing.
        let lines = empty.next_log_number();
        let ran = empty.step_to_next_line(STEP_MOST_EVENTS, STEP_MOST_MS);
        assert!(ran < STEP_MOST_EVENTS, "{ran} events in an empty cluster");
        if empty.next_log_number() == lines {
            assert_eq!(
                empty.next_event_at(),
                None,
                "stopped without a line or a dry queue"
            );
        }
        // With nothing left to run, a step still moves the clock its ten minutes.
        let at = empty.now();
        assert_eq!(empty.step_to_next_line(STEP_MOST_EVENTS, STEP_MOST_MS), 0);
        assert_eq!(empty.now(), at + STEP_MOST_MS);
    }
}
