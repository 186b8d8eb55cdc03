//! User-derived text made safe to print: one problem is always exactly one line, and no
//! hostile value can flood the terminal or drive it with escape sequences.
//!
//! Everything the command line prints that came from its input (JSON paths, messages quoting a
//! value or key, names in the run report, file names) goes through here first.

/// Longest echoed value, in characters: a JSON path, or a quoted value inside a message
/// (`` `key` `` or `"value"`), is cut after this many characters and marked with [`CUT_MARK`].
pub const MAX_ECHO_CHARS: usize = 200;

/// Longest message or report line, in characters, before it is cut and marked: a backstop for
/// text that echoes a value without quoting it. Far above any message the simulator writes.
pub const MAX_LINE_CHARS: usize = 2000;

/// What replaces the rest of a cut value.
pub const CUT_MARK: &str = "…";

/// A value (a path, a file name, a name): escaped, and cut after [`MAX_ECHO_CHARS`] printed
/// characters.
pub fn value(text: &str) -> String {
    escape_cut(text, MAX_ECHO_CHARS)
}

/// A message: each quoted value in it cut after [`MAX_ECHO_CHARS`], then escaped and the whole
/// cut after [`MAX_LINE_CHARS`] printed characters.
pub fn message(text: &str) -> String {
    escape_cut(&cut_quoted(text), MAX_LINE_CHARS)
}

/// A line of the run report (an event, a summary line's field): escaped, and cut after
/// [`MAX_LINE_CHARS`] printed characters.
pub fn line(text: &str) -> String {
    escape_cut(text, MAX_LINE_CHARS)
}

/// `text` escaped (see [`escape`]) and cut after `max` printed characters, followed by
/// [`CUT_MARK`] when there were more. The length counts the escapes (`\u{1b}` is 6), so a
/// value made of control characters cannot print 8× the limit; an escape is never split.
fn escape_cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut printed = 0;
    let mut piece = String::new();
    for c in text.chars() {
        piece.clear();
        push_escaped(&mut piece, c);
        let width = piece.chars().count();
        if printed + width > max {
            out.push_str(CUT_MARK);
            return out;
        }
        printed += width;
        out.push_str(&piece);
    }
    out
}

/// Cuts every `` `…` ``, `"…"` or `'…'` segment longer than [`MAX_ECHO_CHARS`]; serde and the
/// resolvers quote the values and keys they echo this way. A `'` opens a quote only after a
/// non-alphanumeric character and closes one only before one (so "can't" is no quote). An
/// unclosed quote runs to the end.
fn cut_quoted(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len().min(4 * MAX_LINE_CHARS));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        let opens = match c {
            '`' | '"' => true,
            '\'' => i < 2 || !chars[i - 2].is_alphanumeric(),
            _ => false,
        };
        if !opens {
            continue;
        }
        let mut kept = 0;
        let mut escaped = false;
        while i < chars.len() {
            let d = chars[i];
            i += 1;
            let closes = d == c
                && !escaped
                && (c != '\'' || chars.get(i).is_none_or(|n| !n.is_alphanumeric()));
            if closes {
                out.push(c);
                break;
            }
            // Inside "…" serde writes a Rust-escaped string, where \" is not the end.
            escaped = c == '"' && d == '\\' && !escaped;
            if kept < MAX_ECHO_CHARS {
                out.push(d);
            } else if kept == MAX_ECHO_CHARS {
                out.push_str(CUT_MARK);
            }
            kept += 1;
        }
    }
    out
}

/// Escapes what could break a line or drive a terminal: control characters (C0, DEL, C1) as
/// `\n`, `\r`, `\t` or `\u{1b}`, and the Unicode line/paragraph separators and bidirectional
/// overrides as `\u{2028}` and so on. Other text, including backslashes, is unchanged, so
/// ordinary input prints exactly as before.
pub fn escape(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// Appends `c` to `out`, escaped as [`escape`] does.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_unchanged() {
        for m in [
            "unknown field `colour`, expected one of `version`, `seed`",
            "No task definition 'web:2'. You can't use it, isn't it \"odd\"?",
        ] {
            assert_eq!(message(m), m);
        }
        assert_eq!(
            value("services[0].desiredCount"),
            "services[0].desiredCount"
        );
        assert_eq!(escape("C:\\dir\\a.json"), "C:\\dir\\a.json");
    }

    #[test]
    fn control_characters_and_line_breaks_are_escaped() {
        assert_eq!(escape("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(escape("\u{1b}[31mred\u{7}"), "\\u{1b}[31mred\\u{7}");
        assert_eq!(
            escape("\u{7f}\u{85}\u{2028}\u{202e}"),
            "\\u{7f}\\u{85}\\u{2028}\\u{202e}"
        );
        assert!(!message("x\ny\u{2029}z").contains(['\n', '\u{2029}']));
    }

    #[test]
    fn long_quoted_values_are_cut_and_marked() {
        let long = "k".repeat(5000);
        let m = message(&format!("unknown field `{long}`, expected `a`"));
        assert_eq!(
            m,
            format!(
                "unknown field `{}{CUT_MARK}`, expected `a`",
                "k".repeat(200)
            )
        );
        let m = message(&format!(
            "invalid type: string \"a\\\"{long}\", expected u32"
        ));
        assert!(m.ends_with(&format!("{CUT_MARK}\", expected u32")), "{m}");
        assert_eq!(m.chars().count(), 22 + 200 + 1 + 15);
        let m = message(&format!("No task definition '{long}'. Isn't it?"));
        assert_eq!(
            m,
            format!(
                "No task definition '{}{CUT_MARK}'. Isn't it?",
                "k".repeat(200)
            )
        );
        let m = message(&format!("don't '{long}"));
        assert_eq!(m, format!("don't '{}{CUT_MARK}", "k".repeat(200)));
        // Exactly the limit is not cut; an unclosed quote is cut too.
        let exact = "q".repeat(MAX_ECHO_CHARS);
        assert_eq!(message(&format!("`{exact}`")), format!("`{exact}`"));
        assert_eq!(
            message(&format!("x `{long}")),
            format!("x `{}{CUT_MARK}", "k".repeat(200))
        );
    }

    #[test]
    fn values_and_lines_have_a_backstop_length() {
        assert_eq!(
            value(&"p".repeat(201)),
            format!("{}{CUT_MARK}", "p".repeat(200))
        );
        assert_eq!(line(&"e".repeat(9999)).chars().count(), MAX_LINE_CHARS + 1);
        assert_eq!(
            message(&"m".repeat(9999)).chars().count(),
            MAX_LINE_CHARS + 1
        );
    }

    #[test]
    fn escapes_count_towards_the_backstop_and_are_never_split() {
        // Found by `make fuzz`: a zone name of 2,000 ESC characters, echoed unquoted in a
        // message, printed as 11,760 characters (each ESC is `\u{1b}`, 6 printed).
        let hostile = format!("zones ({})", "\u{1b}".repeat(5000));
        let m = message(&hostile);
        assert_eq!(
            m.chars().count(),
            MAX_LINE_CHARS - (MAX_LINE_CHARS - 7) % 6 + 1
        );
        assert!(m.ends_with(&format!("\\u{{1b}}{CUT_MARK}")), "{m}");
        let v = value(&"\u{7}".repeat(100));
        assert!(v.chars().count() <= MAX_ECHO_CHARS + 1);
        assert!(v.ends_with(&format!("\\u{{7}}{CUT_MARK}")), "{v}");
    }
}
