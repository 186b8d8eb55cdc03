//! The event log: what the playground's log pane and `ecs-sim run` print.

use crate::time::Millis;
use serde::Serialize;
use std::sync::Arc;

/// What a log line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LogKind {
    /// A service event, in ECS's words.
    Service,
    /// A task state change.
    Task,
    /// An instance launched, registered, drained, terminated.
    Instance,
    /// A scripted or user action.
    Action,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    /// Virtual time, ms.
    pub at: Millis,
    /// What it is about.
    pub kind: LogKind,
    /// The service, for service events: shared with every line of that service (a crash loop
    /// writes four lines per task, and a copy of the name per line was a fifth of its
    /// allocations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<Arc<str>>,
    /// The text.
    pub text: String,
}

/// Log lines the engine keeps at least (the newest); it holds at most twice as many and drops
/// the oldest half when full, counting them (`Sim::log_dropped`). A crash-looping service of
/// 5,000 tasks writes about a million lines an hour: without a bound the log alone outgrew the
/// page. The playground's log pane shows far fewer.
pub const LOG_LINES_KEPT: usize = 20_000;

/// An empty string with room for a log line of `len` bytes, to `write!` the line into:
/// `format!` starts from the length of its literal text and grows two or three times for a
/// line with a 32-digit task id and a reason (a third of a crash loop's allocations). It is the
/// buffer of a dropped line when `spare` has one (see [`keep_spare`]), so a long run that
/// writes millions of lines allocates none once the log is full.
pub(crate) fn line_buffer(spare: &mut Vec<String>, len: usize) -> String {
    match spare.pop() {
        Some(mut text) => {
            text.clear();
            text.reserve(len);
            text
        }
        None => String::with_capacity(len),
    }
}

/// Keeps the buffer of a log line being dropped for [`line_buffer`], up to
/// [`LOG_LINES_KEPT`] of them, so the log holds no more memory than when it was full. Only a
/// short line's buffer is kept: a scheduler line naming hundreds of tasks is kilobytes long,
/// and recycled it would hold those kilobytes for every short line after it (the crash loop's
/// peak heap doubled).
pub(crate) fn keep_spare(spare: &mut Vec<String>, text: String) {
    if spare.len() < LOG_LINES_KEPT && text.capacity() <= SPARE_LINE_BYTES {
        spare.push(text);
    }
}

/// The longest buffer [`keep_spare`] keeps: a task's lines (a 32-digit id, a family and a
/// reason) fit.
const SPARE_LINE_BYTES: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_lines_buffer_is_reused_emptied_and_a_long_ones_is_not_kept() {
        let mut spare = Vec::new();
        let mut short = String::with_capacity(100);
        short.push_str("Task 0123 STOPPED");
        keep_spare(&mut spare, short);
        keep_spare(&mut spare, "x".repeat(SPARE_LINE_BYTES + 1));
        assert_eq!(spare.len(), 1, "the long line's buffer is dropped");
        let reused = line_buffer(&mut spare, 60);
        assert!(reused.is_empty() && reused.capacity() >= 100);
        assert!(spare.is_empty());
        assert!(line_buffer(&mut spare, 60).capacity() >= 60);
    }
}
