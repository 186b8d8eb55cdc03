//! The event log: what the playground's log pane and `ecs-sim run` print.

use super::queue::Millis;
use serde::Serialize;

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
    /// The service, for service events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The text.
    pub text: String,
}

/// Formats virtual time as `h:mm:ss`, always with the hours, so "0:10:00" next to a "Run to"
/// field holding `0:10` (h:mm) cannot be read as ten hours.
pub fn clock(at: Millis) -> String {
    let s = at / 1000;
    format!("{}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
}
