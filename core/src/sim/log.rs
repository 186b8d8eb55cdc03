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
/// line with a 32-digit task id and a reason (a third of a crash loop's allocations).
pub(crate) fn line_buffer(len: usize) -> String {
    String::with_capacity(len)
}
