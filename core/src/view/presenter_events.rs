//! What presenter mode lists as "Latest events" for the room: service events, actions and
//! instance changes, and the task lines that are news to a room: the Spot interruption warnings,
//! and a container that could not start or a task held PENDING by its containers' start order.
//! An instructor presenting *Fargate Spot interruptions* saw no interruption there at all: the
//! warnings are task lines, and the list left every task line out (walkthrough, 2026-12-04).

use super::log_filter::newest_where;
use super::pause::{classify, PauseKind};
use crate::sim::container_start::{COULD_NOT_START, STAYS_PENDING};
use crate::sim::log::{LogEntry, LogKind};

/// Whether presenter mode lists line `e`.
pub fn for_the_room(e: &LogEntry) -> bool {
    match e.kind {
        LogKind::Service | LogKind::Action | LogKind::Instance => true,
        // A container that could not start, or a task held PENDING for good (dependsOn): the
        // init-container story was only in the full log (engineer walkthrough).
        LogKind::Task => {
            classify(e) == Some(PauseKind::SpotInterruption)
                || e.text.contains(COULD_NOT_START)
                || e.text.contains(STAYS_PENDING)
        }
    }
}

/// The newest `limit` lines of `log` presenter mode lists, newest first (indexes into `log`).
pub fn presenter_events(log: &[LogEntry], limit: usize) -> Vec<usize> {
    newest_where(log, limit, for_the_room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Sim;

    #[test]
    fn spot_warnings_are_listed_and_other_task_lines_are_not() {
        let mut sim = Sim::from_json(include_str!(
            "../scenario/examples/fargate-spot-interruptions.json"
        ))
        .expect("the example loads");
        sim.run_until(600_000);
        let log = sim.log();
        let shown = presenter_events(log, log.len());
        let warnings: Vec<usize> = (0..log.len())
            .filter(|&i| classify(&log[i]) == Some(PauseKind::SpotInterruption))
            .collect();
        assert!(!warnings.is_empty(), "the example interrupts Spot tasks");
        for w in &warnings {
            assert!(shown.contains(w), "warning {w} not listed");
        }
        assert!(
            shown
                .iter()
                .all(|&i| log[i].kind != LogKind::Task || for_the_room(&log[i])),
            "an ordinary task line listed"
        );
        assert!(
            log.iter()
                .any(|e| e.kind == LogKind::Task && !for_the_room(e)),
            "the run has ordinary task lines to leave out"
        );
        // Newest first, at most `limit`.
        let three = presenter_events(log, 3);
        assert_eq!(three.len(), 3);
        assert!(three.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn a_container_that_could_not_start_and_a_task_held_pending_are_listed() {
        let mut sim = Sim::from_json(include_str!("../scenario/examples/init-containers.json"))
            .expect("the example loads");
        sim.run_until(300_000);
        let log = sim.log();
        let shown: Vec<&str> = presenter_events(log, log.len())
            .into_iter()
            .map(|i| log[i].text.as_str())
            .collect();
        assert!(shown.iter().any(|t| t.contains("could not start")));
        assert!(shown.iter().any(|t| t.contains("stays PENDING")));
        assert!(
            !shown.iter().any(|t| t.contains("is PENDING while")),
            "a task that only waits its turn is not news"
        );
    }
}
