//! What presenter mode lists as "Latest events" for the room: service events, actions and
//! instance changes, and the task lines that are news to a room: the Spot interruption warnings,
//! a container that could not start or a task held PENDING by its containers' start order, and
//! why a task stops on its own (an essential container exited, out of memory too, or its health
//! check failed): lesson 1's list said "has started 1 tasks" again and again and never why
//! (instructor walkthrough, 2026-12-06).
//! An instructor presenting *Fargate Spot interruptions* saw no interruption there at all: the
//! warnings are task lines, and the list left every task line out (walkthrough, 2026-12-04).

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

/// One row of presenter mode's latest events: a line of the log and how many lines it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomRow {
    /// The newest line of the row (an index into the log).
    pub line: usize,
    /// How many lines the row stands for: tasks that met the same end at the same moment.
    pub count: usize,
}

/// The newest `limit` rows presenter mode lists, newest first. Task lines of one service that
/// say the same thing at the same moment share a row ([`room_line`]): lesson 5's six tasks lost
/// with their instance took the whole list, three screen lines each, and pushed the zone
/// outage that caused them out of it (presenter walkthrough, 2026-12-07).
pub fn presenter_rows(log: &[LogEntry], limit: usize) -> Vec<RoomRow> {
    let mut rows: Vec<RoomRow> = Vec::new();
    for (i, e) in log.iter().enumerate().rev() {
        if !for_the_room(e) {
            continue;
        }
        if let Some(last) = rows.last_mut() {
            if same_story(&log[last.line], e) {
                last.count += 1;
                continue;
            }
        }
        if rows.len() == limit {
            break;
        }
        rows.push(RoomRow { line: i, count: 1 });
    }
    rows
}

/// A task line's words after its task id ("STOPPED (TerminationNotice): Host EC2 …").
fn after_task_id(text: &str) -> Option<&str> {
    text.strip_prefix("Task ")?
        .split_once(' ')
        .map(|(_, rest)| rest)
}

/// Two task lines of one service at one moment that differ only in their task: they share a
/// row (and a pause on either marks it).
pub fn same_story(a: &LogEntry, b: &LogEntry) -> bool {
    a.kind == LogKind::Task
        && b.kind == LogKind::Task
        && a.at == b.at
        && a.service == b.service
        && after_task_id(&a.text).is_some_and(|rest| Some(rest) == after_task_id(&b.text))
}

/// A row's text for the room: [`room_text`] of its line, and for a row of `count` task lines
/// the first task and how many more (`Task 2786e123… (and 5 more) STOPPED (TerminationNotice):
/// …`), in the words [`room_text`] uses for a service event's list.
pub fn room_line(text: &str, count: usize) -> String {
    match (
        count > 1,
        text.strip_prefix("Task ").and_then(|t| t.split_once(' ')),
    ) {
        (true, Some((id, rest))) => format!("Task {id} (and {} more) {rest}", count - 1),
        _ => room_text(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Sim;

    fn lines(rows: Vec<RoomRow>) -> Vec<usize> {
        rows.into_iter().map(|r| r.line).collect()
    }

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
        let shown = lines(presenter_rows(log, 6));
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
        let shown = lines(presenter_rows(log, log.len()));
        let warnings: Vec<usize> = (0..log.len())
            .filter(|&i| classify(&log[i]) == Some(PauseKind::SpotInterruption))
            .collect();
        assert!(!warnings.is_empty(), "the example interrupts Spot tasks");
        let rows = presenter_rows(log, log.len());
        for w in &warnings {
            let grouped = rows
                .iter()
                .any(|r| r.count > 1 && same_story(&log[r.line], &log[*w]));
            assert!(shown.contains(w) || grouped, "warning {w} not listed");
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
        let three = lines(presenter_rows(log, 3));
        assert_eq!(three.len(), 3);
        assert!(three.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn a_container_that_could_not_start_and_a_task_held_pending_are_listed() {
        let mut sim = Sim::from_json(include_str!("../scenario/examples/init-containers.json"))
            .expect("the example loads");
        sim.run_until(300_000);
        let log = sim.log();
        let shown: Vec<&str> = presenter_rows(log, log.len())
            .into_iter()
            .map(|r| log[r.line].text.as_str())
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

    #[test]
    fn tasks_lost_together_share_one_row_and_the_outage_stays_listed() {
        // Lesson 5 at 0:05:00: the outage, then each task of the zone's instance STOPPED.
        let entry = |kind: LogKind, service: Option<&str>, text: &str| LogEntry {
            at: 300_000,
            kind,
            service: service.map(std::sync::Arc::from),
            text: text.to_string(),
        };
        let lost = |id: &str, instance: &str| {
            entry(
                LogKind::Task,
                Some("web"),
                &format!("Task {id} STOPPED (TerminationNotice): Host EC2 (instance {instance}) terminated."),
            )
        };
        let mut log = vec![entry(
            LogKind::Action,
            None,
            "Timeline (scripted): us-east-1c outage begins",
        )];
        for id in ["aa01", "aa02", "aa03", "aa04"] {
            log.push(lost(id, "i-07b0"));
        }
        log.push(lost("bb01", "i-0c11"));
        log.push(entry(
            LogKind::Service,
            Some("web"),
            "(service web) has started 2 tasks: (task cc01) (task cc02).",
        ));
        let rows = presenter_rows(&log, 4);
        assert_eq!(
            rows,
            vec![
                RoomRow { line: 6, count: 1 },
                RoomRow { line: 5, count: 1 },
                RoomRow { line: 4, count: 4 },
                RoomRow { line: 0, count: 1 },
            ]
        );
        assert_eq!(
            room_line(&log[4].text, 4),
            "Task aa04 (and 3 more) STOPPED (TerminationNotice): Host EC2 (instance i-07b0) terminated."
        );
        assert_eq!(room_line(&log[5].text, 1), log[5].text);
        // Another service's line, or another moment's, is a row of its own.
        let mut other = log[3].clone();
        other.service = Some(std::sync::Arc::from("api"));
        assert!(!same_story(&log[4], &other));
        let mut later = log[3].clone();
        later.at += 1;
        assert!(!same_story(&log[4], &later));
        // The limit counts rows, not lines.
        assert_eq!(presenter_rows(&log, 3).len(), 3);
    }
}
