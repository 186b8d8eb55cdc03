//! How much of a log line the event log pane draws at first. A scheduler pass that starts a
//! service's 1,000 tasks writes one line naming all of them, as ECS's service events do
//! (`(service web) has started 1000 tasks: (task …) …`, about 40,000 characters): the browser
//! took 11–19 ms to lay that one line out in the narrow pane (a Chromium trace of the first
//! second at *max* on the at-limit scenario, issue #10), and nobody reads a thousand IDs there.
//! The pane draws the start of such a line and a button for the rest.

/// Characters of a long line drawn before its "show all" button: the service, the count and
/// the first nine or so task IDs.
pub const LOG_TEXT_SHOWN: usize = 400;

/// The part of a log line drawn at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogTextShown<'a> {
    /// The start of the line (all of it when short).
    pub head: &'a str,
    /// Characters left out (0 when the line is drawn whole).
    pub hidden_chars: usize,
}

/// The first [`LOG_TEXT_SHOWN`] characters of `text`, cut before a space when there is one
/// in the last fifth (so a task ID is not cut in half), and how many characters that leaves out.
pub fn log_text_shown(text: &str) -> LogTextShown<'_> {
    let Some((end, _)) = text.char_indices().nth(LOG_TEXT_SHOWN) else {
        return LogTextShown {
            head: text,
            hidden_chars: 0,
        };
    };
    let cut = text[..end]
        .rfind(' ')
        .filter(|&s| s >= end - end / 5)
        .unwrap_or(end);
    let head = &text[..cut];
    LogTextShown {
        head,
        hidden_chars: text[cut..].chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::messages;

    #[test]
    fn a_short_line_is_drawn_whole() {
        let text = "(service web) has reached a steady state.";
        assert_eq!(
            log_text_shown(text),
            LogTextShown {
                head: text,
                hidden_chars: 0
            }
        );
    }

    #[test]
    fn a_line_naming_a_thousand_tasks_shows_its_start_and_counts_the_rest() {
        let ids: Vec<String> = (0..1000).map(|n| format!("{n:032x}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let text = messages::started("web", &refs);
        let shown = log_text_shown(&text);
        assert!(shown
            .head
            .starts_with("(service web) has started 1000 tasks: (task "));
        assert!(shown.head.chars().count() <= LOG_TEXT_SHOWN);
        assert!(
            shown.head.ends_with(')'),
            "cut between two task IDs: {}",
            shown.head
        );
        assert_eq!(
            shown.head.chars().count() + shown.hidden_chars,
            text.chars().count()
        );
    }

    #[test]
    fn a_long_line_without_spaces_is_cut_at_a_character_boundary() {
        let text = "é".repeat(LOG_TEXT_SHOWN + 10);
        let shown = log_text_shown(&text);
        assert_eq!(shown.head.chars().count(), LOG_TEXT_SHOWN);
        assert_eq!(shown.hidden_chars, 10);
    }
}
