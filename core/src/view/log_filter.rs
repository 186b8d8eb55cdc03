//! Which log lines the log pane shows: newest first, filtered by service and kind, capped so
//! the pane stays fast when a run has produced thousands of lines.

use crate::sim::log::{LogEntry, LogKind};

/// The log pane's filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFilter {
    /// Only lines about this service (`None`: every line).
    pub service: Option<String>,
    /// Only lines of these kinds (empty: every kind).
    pub kinds: Vec<LogKind>,
}

impl LogFilter {
    /// Shows everything.
    pub fn all() -> Self {
        LogFilter {
            service: None,
            kinds: Vec::new(),
        }
    }

    /// Whether a line passes.
    pub fn matches(&self, e: &LogEntry) -> bool {
        self.service
            .as_ref()
            .is_none_or(|s| e.service.as_deref() == Some(s.as_str()))
            && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
    }
}

/// Positions in `log` of the newest `limit` lines that pass, newest first.
pub fn newest_matching(log: &[LogEntry], filter: &LogFilter, limit: usize) -> Vec<usize> {
    newest_where(log, limit, |e| filter.matches(e))
}

/// Positions in `log` of the newest `limit` lines `keep` accepts, newest first: the one scan
/// behind the log pane's filter and presenter mode's list.
pub fn newest_where(
    log: &[LogEntry],
    limit: usize,
    keep: impl Fn(&LogEntry) -> bool,
) -> Vec<usize> {
    log.iter()
        .enumerate()
        .rev()
        .filter(|(_, e)| keep(e))
        .take(limit)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: u64, kind: LogKind, service: Option<&str>) -> LogEntry {
        LogEntry {
            at,
            kind,
            service: service.map(std::sync::Arc::from),
            text: format!("line at {at}"),
        }
    }

    fn log() -> Vec<LogEntry> {
        vec![
            entry(0, LogKind::Instance, None),
            entry(1, LogKind::Service, Some("web")),
            entry(2, LogKind::Task, Some("api")),
            entry(3, LogKind::Service, Some("api")),
            entry(4, LogKind::Action, None),
        ]
    }

    #[test]
    fn newest_first_and_capped() {
        assert_eq!(
            newest_matching(&log(), &LogFilter::all(), 10),
            [4, 3, 2, 1, 0]
        );
        assert_eq!(newest_matching(&log(), &LogFilter::all(), 2), [4, 3]);
        assert!(newest_matching(&[], &LogFilter::all(), 2).is_empty());
    }

    #[test]
    fn filters_by_service_and_kind() {
        let api = LogFilter {
            service: Some("api".into()),
            kinds: Vec::new(),
        };
        assert_eq!(newest_matching(&log(), &api, 10), [3, 2]);
        let service_events = LogFilter {
            service: None,
            kinds: vec![LogKind::Service],
        };
        assert_eq!(newest_matching(&log(), &service_events, 10), [3, 1]);
        let both = LogFilter {
            service: Some("web".into()),
            kinds: vec![LogKind::Task, LogKind::Action],
        };
        assert!(newest_matching(&log(), &both, 10).is_empty());
    }
}
