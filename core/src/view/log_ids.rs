//! Task and instance IDs in a log line, for drawing them short. ECS's events name tasks by their
//! 32-character ID (`(task 4bc8c2de585ed7b2d813afa87763fcbf)`) and instances by their EC2 ID
//! (`i-043e20e835f3a0298`); in the event log pane those IDs made one line four or five lines
//! tall on a projector. The pane draws the first eight characters, as the chips and the chip
//! table label them ([`super::labels::short_id`]), and keeps the rest in the page for copying
//! and for its tooltip: the text itself is ECS's, unchanged.

/// A piece of a log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogPiece<'a> {
    /// Text drawn as it is.
    Text(&'a str),
    /// An ID: `shown` is drawn, `rest` is kept but clipped.
    Id {
        /// The start of the ID, as the playground's labels show it.
        shown: &'a str,
        /// The rest of the ID.
        rest: &'a str,
    },
}

/// Characters of a task (or container instance) ID: lowercase hex.
const TASK_ID_LEN: usize = 32;
/// Hex characters after `i-` in an EC2 instance ID.
const INSTANCE_HEX_LEN: usize = 17;

/// Splits `text` into plain text and IDs: a run of exactly 32 lowercase hex characters, or
/// `i-` (EC2) or `mi-` (ECS Anywhere) and exactly 17, with no letter or digit either side. One
/// pass over the text.
pub fn log_pieces(text: &str) -> Vec<LogPiece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut plain = 0;
    let mut at = 0;
    while at < bytes.len() {
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let found = if starts_word { id_at(bytes, at) } else { None };
        match found {
            Some(len) => {
                if plain < at {
                    out.push(LogPiece::Text(&text[plain..at]));
                }
                // Shortened by the labels' own rule, so the log and the cards always agree.
                let id = &text[at..at + len];
                let shown = super::labels::short_id(id);
                out.push(LogPiece::Id {
                    shown,
                    rest: &id[shown.len()..],
                });
                at += len;
                plain = at;
            }
            None => at += 1,
        }
    }
    if plain < bytes.len() {
        out.push(LogPiece::Text(&text[plain..]));
    }
    out
}

/// The length of the ID starting at `at`, if any.
fn id_at(bytes: &[u8], at: usize) -> Option<usize> {
    let hex_run = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .count()
    };
    let ends_word = |end: usize| bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
    for prefix in [&b"i-"[..], &b"mi-"[..]] {
        if bytes[at..].starts_with(prefix) {
            let p = prefix.len();
            let run = hex_run(at + p);
            return (run == INSTANCE_HEX_LEN && ends_word(at + p + run)).then_some(p + run);
        }
    }
    let run = hex_run(at);
    (run == TASK_ID_LEN && ends_word(at + run)).then_some(run)
}

#[cfg(test)]
mod tests {
    use super::LogPiece::{Id, Text};
    use super::*;

    /// The text back from its pieces.
    fn joined(pieces: &[LogPiece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Text(t) => t.to_string(),
                Id { shown, rest } => format!("{shown}{rest}"),
            })
            .collect()
    }

    /// The drawn part of each ID in `text`.
    fn shown_ids(text: &str) -> Vec<&str> {
        log_pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Id { shown, .. } => Some(shown),
                Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn task_and_instance_ids_keep_eight_characters_as_the_labels_do() {
        let text = "Task 4bc8c2de585ed7b2d813afa87763fcbf (web:1) is RUNNING on i-043e20e835f3a0298 (us-east-1a).";
        let pieces = log_pieces(text);
        assert_eq!(
            pieces,
            vec![
                Text("Task "),
                Id {
                    shown: "4bc8c2de",
                    rest: "585ed7b2d813afa87763fcbf"
                },
                Text(" (web:1) is RUNNING on "),
                Id {
                    shown: "i-043e20e8",
                    rest: "35f3a0298"
                },
                Text(" (us-east-1a)."),
            ]
        );
        assert_eq!(joined(&pieces), text);
        assert_eq!(
            super::super::labels::short_id("i-043e20e835f3a0298"),
            "i-043e20e8"
        );
    }

    #[test]
    fn an_ecs_anywhere_instance_keeps_its_prefix_and_eight_characters() {
        let text = "Task 4bc8c2de585ed7b2d813afa87763fcbf is RUNNING on mi-0123456789abcdef0.";
        let ids = shown_ids(text);
        let card = super::super::labels::short_id("mi-0123456789abcdef0");
        assert_eq!(ids, vec!["4bc8c2de", card]);
        assert_eq!(card, "mi-01234567");
    }

    #[test]
    fn a_service_event_names_each_task_short() {
        let text = "(service web) has started 2 tasks: (task 1f1b95101227918f70e848f76a5a7649) (task 46cc2d8132fa5e14541cf255d266db6a).";
        let ids = shown_ids(text);
        assert_eq!(ids, vec!["1f1b9510", "46cc2d81"]);
    }

    #[test]
    fn other_numbers_and_names_stay_whole() {
        for text in [
            // A deployment ID, a 31- and a 33-character run, hex inside a word, uppercase, a
            // short instance-like name, an ID at the very end.
            "initiated by (deployment ecs-svc/3869502672511436623)",
            "run 4bc8c2de585ed7b2d813afa87763fcb and 4bc8c2de585ed7b2d813afa87763fcbf0",
            "x4bc8c2de585ed7b2d813afa87763fcbf",
            "4BC8C2DE585ED7B2D813AFA87763FCBF",
            "ami-043e20e835f3a0298 and i-043e20e8",
            "",
        ] {
            assert_eq!(
                log_pieces(text)
                    .iter()
                    .filter(|p| matches!(p, Id { .. }))
                    .count(),
                0,
                "{text}"
            );
            assert_eq!(joined(&log_pieces(text)), text);
        }
        assert_eq!(
            log_pieces("ends with 4bc8c2de585ed7b2d813afa87763fcbf").last(),
            Some(&Id {
                shown: "4bc8c2de",
                rest: "585ed7b2d813afa87763fcbf"
            })
        );
    }

    #[test]
    fn multibyte_text_around_an_id_is_kept() {
        let text = "é 4bc8c2de585ed7b2d813afa87763fcbf — ü";
        assert_eq!(joined(&log_pieces(text)), text);
        assert_eq!(log_pieces(text).len(), 3);
    }
}
