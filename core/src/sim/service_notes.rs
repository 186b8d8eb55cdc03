//! Service events ECS writes once for a group of tasks: "(service web) registered 3 targets in
//! (target-group …)", "deregistered 5 targets in (target-group …)" with "has begun draining
//! connections on 5 tasks.", and, once a drained batch has stopped, "has stopped 2 running
//! tasks: …" (ECS's own service events: the 2020 console log of a 0/100 update of 5 tasks reads
//! *deregistered 5 targets*, *has begun draining connections on 5 tasks*, five minutes later
//! *has stopped 5 running tasks*; fidelity probe, 2026-12-07). The engine wrote one line per
//! task, and *has stopped* as the drain began.
//!
//! A note is kept until the clock is about to move on, then the notes of that instant are
//! written grouped, in the order their first task came ([`Sim::write_notes_if_time_moves_on`]).
//! So the lines do not depend on how a run is cut into steps: a Step, a "Run to" and a whole
//! run write the same ones. An action (a timeline entry or a click) writes its own at once, so a
//! click and its replay from a kept link write the same lines.

use super::log::LogKind;
use super::Sim;
use crate::service::messages;
use crate::task::TaskId;

/// What a note says about its task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    /// Its target was registered in target group `.0`.
    Registered(usize),
    /// Its target was deregistered from target group `.0` and began draining.
    Deregistered(usize),
    /// The service stopped it, and its target has drained.
    Stopped,
}

/// One task's part of a grouped service event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ServiceNote {
    /// The service (model order).
    pub service: usize,
    /// What happened.
    pub kind: NoteKind,
    /// The task.
    pub task: TaskId,
}

impl Sim {
    /// Keeps a note for the next grouped write.
    pub(crate) fn note(&mut self, service: usize, kind: NoteKind, task: TaskId) {
        self.notes.push(ServiceNote {
            service,
            kind,
            task,
        });
    }

    /// Writes the kept notes when no other event is due at this instant (the next one is later,
    /// or there is none): every task of the instant is in them.
    pub(crate) fn write_notes_if_time_moves_on(&mut self) {
        if !self.notes.is_empty() && self.queue.peek_time().is_none_or(|t| t > self.now) {
            self.write_notes();
        }
    }

    /// Writes the kept notes now, one line (two for a deregistration) per service and kind, in
    /// the order each group's first note came.
    pub(crate) fn write_notes(&mut self) {
        let notes = std::mem::take(&mut self.notes);
        let mut groups: Vec<(usize, NoteKind, Vec<TaskId>)> = Vec::new();
        for n in notes {
            match groups
                .iter_mut()
                .find(|(s, k, _)| *s == n.service && *k == n.kind)
            {
                Some((_, _, tasks)) => tasks.push(n.task),
                None => groups.push((n.service, n.kind, vec![n.task])),
            }
        }
        for (s, kind, tasks) in groups {
            let name = &self.model.services[s].name;
            let lines = match kind {
                NoteKind::Registered(g) => vec![messages::registered_targets(
                    name,
                    tasks.len(),
                    &self.model.target_groups[g].arn,
                )],
                NoteKind::Deregistered(g) => vec![
                    messages::deregistered_targets(
                        name,
                        tasks.len(),
                        &self.model.target_groups[g].arn,
                    ),
                    messages::began_draining(name, tasks.len()),
                ],
                NoteKind::Stopped => {
                    let ids: Vec<&str> = tasks.iter().map(|id| id.as_str()).collect();
                    vec![messages::stopped(name, &ids)]
                }
            };
            for line in lines {
                self.emit(LogKind::Service, Some(s), line);
            }
        }
    }
}
