//! Caps on every part of a challenge, checked before it is used (documented in
//! `docs/challenge-format.md`), and quoting user text in a message.

/// Longest `id`.
pub const ID: usize = 64;
/// Longest `title`.
pub const TITLE: usize = 120;
/// Longest `brief` and `explain`.
pub const PROSE: usize = 6_000;
/// Most hints.
pub const HINTS: usize = 10;
/// Longest hint.
pub const HINT: usize = 1_000;
/// Most goals.
pub const GOALS: usize = 20;
/// Longest goal sentence.
pub const GOAL_TEXT: usize = 300;
/// Most editable paths.
pub const EDITABLE: usize = 50;
/// Longest editable path.
pub const PATH: usize = 200;
/// Longest horizon: six hours of virtual time keeps a check under a second in the browser.
pub const HORIZON_SECONDS: u64 = 6 * 3600;

/// `text` cut to `max` characters with an ellipsis, for quoting user text in a message.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max).collect();
    out.push('…');
    out
}
