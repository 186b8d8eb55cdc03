//! What presenter mode lists as "Latest events" for the room: service events, actions and
//! instance changes, and the task lines that are news to a room: the Spot interruption warnings,
//! a container that could not start or a task held PENDING by its containers' start order, and
//! why a task stops on its own (an essential container exited, out of memory too, or its health
//! check failed): lesson 1's list said "has started 1 tasks" again and again and never why
//! (instructor walkthrough, 2026-12-06).
//! An instructor presenting *Fargate Spot interruptions* saw no interruption there at all: the
//! warnings are task lines, and the list left every task line out (walkthrough, 2026-12-04).

use super::log_filter::newest_where;
use super::pause::{classify, PauseKind};
use crate::sim::container_start::{COULD_NOT_START, STAYS_PENDING};
use crate::sim::lifecycle::{ESSENTIAL_EXITED, UNHEALTHY};
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
                || e.text.starts_with(ESSENTIAL_EXITED)
                || (e.text.starts_with("Task ") && e.text.contains(UNHEALTHY))
                || lost_with_its_host(&e.text)
        }
    }
}

/// A task STOPPED because its host went (`stopCode` TerminationNotice: a terminated instance, a
/// zone outage's instances) or lost in a zone outage on Fargate: lesson 5's list went from "us-east-1c outage begins" to "has started 2 tasks"
/// with nothing between (instructor walkthrough, 2026-12-07).
fn lost_with_its_host(text: &str) -> bool {
    text.starts_with("Task ")
        && (text.contains(" STOPPED (TerminationNotice)")
            || text.ends_with(crate::sim::commands::LOST_IN_OUTAGE))
}

/// A line as the room reads it: a service event's list of more than two tasks keeps the first
/// and says how many more (`(service worker) has stopped 7 running tasks: (task 7bbc9989…) and 6
/// more.`). ECS lists every task, and on the projector one such line took five lines of the
/// latest events (instructor walkthrough, 2026-12-06); the event log keeps the whole line.
pub fn room_text(text: &str) -> String {
    let Some(at) = text.find(": (task ") else {
        return text.to_string();
    };
    let list = &text[at + 2..];
    let n = list.matches("(task ").count();
    if n <= 2 {
        return text.to_string();
    }
    let first = list.find(')').map_or(list, |end| &list[..=end]);
    format!("{}: {first} and {} more.", &text[..at], n - 1)
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
    fn a_long_task_list_is_cut_for_the_room() {
        let ids: Vec<String> = (0..7).map(|k| format!("{k:032x}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let line = crate::service::messages::stopped("worker", &refs);
        assert_eq!(
            room_text(&line),
            format!(
                "(service worker) has stopped 7 running tasks: (task {}) and 6 more.",
                ids[0]
            )
        );
        // Two tasks, or none listed: the line as it is.
        let two = crate::service::messages::stopped("worker", &refs[..2]);
        assert_eq!(room_text(&two), two);
        assert_eq!(
            room_text("(service web) has reached a steady state."),
            "(service web) has reached a steady state."
        );
    }

    #[test]
    fn why_a_task_stopped_on_its_own_is_listed() {
        // Lesson 1's start: the container is killed for memory again and again.
        let scenario = serde_json::json!({
            "version": 1, "seed": 7,
            "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
            "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE"] }],
            "taskDefinitions": [{ "family": "api", "networkMode": "awsvpc",
                "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                "containerDefinitions": [{ "name": "api", "image": "example/api:1.0", "essential": true }] }],
            "images": { "example/api:1.0": { "pullSeconds": 10, "startSeconds": 4 } },
            "services": [{ "serviceName": "api", "taskDefinition": "api", "desiredCount": 2,
                "launchType": "FARGATE",
                "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } } }],
            "traffic": [{ "serviceName": "api", "profile": { "shape": "constant", "requestsPerSecond": 0 },
                "cpuMillisPerRequest": 1, "baseMemoryMiB": 700 }]
        });
        let mut sim = Sim::from_json(&scenario.to_string()).expect("the scenario loads");
        sim.run_until(300_000);
        let log = sim.log();
        let shown = presenter_events(log, 6);
        assert!(
            shown.iter().any(|&i| log[i]
                .text
                .contains("exited with code 137: OutOfMemoryError")),
            "{:?}",
            shown.iter().map(|&i| &log[i].text).collect::<Vec<_>>()
        );
        let unhealthy = LogEntry {
            at: 0,
            kind: LogKind::Task,
            service: None,
            text: "Task 4bc8c2de585ed7b2d813afa87763fcbf is UNHEALTHY: an essential container's health check failed 3 times in a row.".into(),
        };
        assert!(for_the_room(&unhealthy));
    }

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

    #[test]
    fn a_task_lost_with_its_host_is_listed() {
        let line = |text: &str| LogEntry {
            at: 0,
            kind: LogKind::Task,
            service: None,
            text: text.to_string(),
        };
        assert!(for_the_room(&line(
            "Task 0123 STOPPED (TerminationNotice): Host EC2 (instance i-07b0) terminated."
        )));
        assert!(for_the_room(&line(&format!(
            "Task 0123 STOPPED (-): Task lost in the us-east-1c {}",
            crate::sim::commands::LOST_IN_OUTAGE
        ))));
        assert!(!for_the_room(&line(
            "Task 0123 STOPPED (ServiceSchedulerInitiated): Scaling activity initiated by (deployment ecs-svc/1)"
        )));
    }
}
