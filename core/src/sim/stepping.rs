//! The page's *Step*: events up to the next one the event log shows. Most events are
//! bookkeeping with no line (a health check that passes, a metric sample, a task moving between
//! internal states at the same instant), and an instructor stepping through a scenario saw the
//! clock and the log stand still for click after click (walkthrough, 2026-12-04).

use super::Sim;

/// The most events one *Step* runs: enough to cross a quiet minute of a large scenario, few
/// enough (a few ms natively, about 25 ms in the page) for a click to stay under the 50 ms a
/// task may take.
pub const STEP_MOST_EVENTS: u32 = 5_000;

impl Sim {
    /// Runs events until one writes a log line, the queue is empty, or `most` events have run;
    /// returns how many ran. Every event runs exactly as [`Sim::step`] runs it, so the trace is
    /// the same as that many single steps.
    pub fn step_to_next_line(&mut self, most: u32) -> u32 {
        let before = self.next_log_number();
        let mut ran = 0;
        while ran < most && self.step() {
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
            let ran = stepped.step_to_next_line(STEP_MOST_EVENTS);
            assert!(ran >= 1);
            // A step writes a line, unless the scenario has gone quiet for the step's bound.
            assert!(
                stepped.next_log_number() > lines || ran == STEP_MOST_EVENTS,
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
            assert_eq!(single.trace_hash(), stepped.trace_hash());
            if ran == STEP_MOST_EVENTS {
                break; // quiet from here on
            }
        }
    }

    #[test]
    fn a_step_stops_at_its_bound_or_an_empty_queue() {
        let mut sim = default_sim();
        assert_eq!(sim.step_to_next_line(1), 1);
        let mut empty = Sim::from_json(
            r#"{"version": 1, "seed": 1, "clusters": [{"clusterName": "default"}]}"#,
        )
        .expect("an empty cluster loads");
        // An empty cluster's queue runs dry before the bound; then a step runs nothing.
        let lines = empty.next_log_number();
        let ran = empty.step_to_next_line(STEP_MOST_EVENTS);
        assert!(ran < STEP_MOST_EVENTS, "{ran} events in an empty cluster");
        if empty.next_log_number() == lines {
            assert_eq!(
                empty.next_event_at(),
                None,
                "stopped without a line or a dry queue"
            );
        }
        assert_eq!(empty.step_to_next_line(STEP_MOST_EVENTS), 0);
    }
}
