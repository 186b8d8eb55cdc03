//! The tiny markup of a challenge's brief, hints and explanation: paragraphs (a blank line),
//! `code` in backquotes, and links `[text](https://docs.aws.amazon.com/…)` to AWS
//! documentation. Nothing else is markup and nothing is HTML: the page builds elements from the
//! spans with text nodes, so a challenge link cannot inject anything.

/// Hosts a link may point to: AWS's documentation (and this project's own repository docs are
/// not needed — a lesson teaches ECS).
pub const LINK_HOSTS: [&str; 2] = ["https://docs.aws.amazon.com/", "https://aws.amazon.com/"];

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "text")]
pub enum Span {
    /// Plain text.
    Text(String),
    /// Text in backquotes, shown in monospace.
    Code(String),
    /// A link: its text and its address (always one of [`LINK_HOSTS`]).
    Link(String, String),
    /// A moment of the run, as lessons write it: `2:00` (m:ss) or `1:02:00` (h:mm:ss), and
    /// that moment in milliseconds. The page offers to run to it: "2:00" typed into "Run to"
    /// (h:mm) would mean two hours.
    Time(String, crate::time::Millis),
}

/// A paragraph: its spans in order.
pub type Paragraph = Vec<Span>;

/// Reads the markup. A link to anywhere but [`LINK_HOSTS`] stays plain text (so it is seen,
/// not followed); an unclosed backquote is a plain backquote.
pub fn parse(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                out.push(spans(current.trim()));
            }
            current.clear();
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line.trim());
        }
    }
    if !current.trim().is_empty() {
        out.push(spans(current.trim()));
    }
    out
}

/// The plain text of the markup (for the command line and sentences).
pub fn plain(text: &str) -> String {
    parse(text)
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| match s {
                    Span::Text(t) | Span::Code(t) => t.clone(),
                    // As the goals and the clock write time (the brief's `2:00` is m:ss).
                    Span::Time(_, at) => crate::time::clock(*at),
                    Span::Link(t, href) => format!("{t} ({href})"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn spans(p: &str) -> Paragraph {
    let mut out: Paragraph = Vec::new();
    let mut text = String::new();
    let mut rest = p;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            if let Some(end) = rest[1..].find('`') {
                flush(&mut text, &mut out);
                out.push(Span::Code(rest[1..1 + end].to_string()));
                rest = &rest[end + 2..];
                continue;
            }
        }
        if c == '[' {
            if let Some((label, href, used)) = link(rest) {
                flush(&mut text, &mut out);
                out.push(Span::Link(label, href));
                rest = &rest[used..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

/// `[label](href)` at the start of `s` with an allowed, whitespace-free address: the label,
/// the address and the bytes used.
fn link(s: &str) -> Option<(String, String, usize)> {
    let close = s.find("](")?;
    let label = &s[1..close];
    if label.is_empty() || label.contains('[') {
        return None;
    }
    let after = &s[close + 2..];
    let end = after.find(')')?;
    let href = &after[..end];
    let allowed = LINK_HOSTS.iter().any(|h| href.starts_with(h))
        && !href
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>');
    allowed.then(|| (label.to_string(), href.to_string(), close + 2 + end + 1))
}

/// Pushes the plain text gathered so far, with its times split out as [`Span::Time`].
fn flush(text: &mut String, out: &mut Paragraph) {
    let text = std::mem::take(text);
    let mut plain = 0;
    let mut at = 0;
    while at < text.len() {
        match time_at(&text, at) {
            Some((len, ms)) => {
                if plain < at {
                    out.push(Span::Text(text[plain..at].to_string()));
                }
                out.push(Span::Time(text[at..at + len].to_string(), ms));
                at += len;
                plain = at;
            }
            None => at += 1,
        }
    }
    if plain < text.len() {
        out.push(Span::Text(text[plain..].to_string()));
    }
}

/// A time starting at byte `at`: `m:ss` or `h:mm:ss` (one or two digits first, the others
/// two, each below 60), not inside a longer number or word. Its length and moment. A ratio
/// written like a time (`1:10`) would read as one: lessons write ratios in words.
fn time_at(text: &str, at: usize) -> Option<(usize, crate::time::Millis)> {
    let b = text.as_bytes();
    let joined = |c: u8| c.is_ascii_alphanumeric() || c == b':' || c == b'.';
    if at > 0 && joined(b[at - 1]) {
        return None;
    }
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let lead = digits(at);
    if !(1..=2).contains(&lead) {
        return None;
    }
    let mut parts = vec![&text[at..at + lead]];
    let mut end = at + lead;
    while parts.len() < 3 && b.get(end) == Some(&b':') && digits(end + 1) == 2 {
        parts.push(&text[end + 1..end + 3]);
        end += 3;
    }
    // A sentence may end right after the time ("at 2:00."), a number may not ("2:00.5"); a
    // colon before a space ends it too ("at 3:00: the service…" stayed plain text in lessons 11
    // and 13's hints: student walkthrough).
    let ends = match b.get(end) {
        None => true,
        Some(b'.') => b.get(end + 1).is_none_or(|c| !c.is_ascii_digit()),
        Some(b':') => b.get(end + 1).is_none_or(|c| c.is_ascii_whitespace()),
        Some(&c) => !joined(c),
    };
    let n: Vec<u64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let seconds = match n.as_slice() {
        [m, s] if *s < 60 => m * 60 + s,
        [h, m, s] if *m < 60 && *s < 60 => h * 3600 + m * 60 + s,
        _ => return None,
    };
    ends.then_some((end - at, seconds * 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_code_and_aws_links_are_read_and_nothing_else_is_markup() {
        let ps = parse(
            "Set `cpu` to 256.\nSee [task size](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html).\n\n<b>not bold</b> [x](javascript:alert(1))",
        );
        assert_eq!(ps.len(), 2);
        assert_eq!(
            ps[0],
            vec![
                Span::Text("Set ".into()),
                Span::Code("cpu".into()),
                Span::Text(" to 256. See ".into()),
                Span::Link(
                    "task size".into(),
                    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html".into()
                ),
                Span::Text(".".into()),
            ]
        );
        assert_eq!(
            ps[1],
            vec![Span::Text(
                "<b>not bold</b> [x](javascript:alert(1))".into()
            )]
        );
    }

    #[test]
    fn times_of_the_run_are_read_as_lessons_write_them() {
        let ps = parse("At 2:00 the timeline terminates it; by 0:03:59, or (5:10), it is back.");
        assert_eq!(
            ps[0],
            vec![
                Span::Text("At ".into()),
                Span::Time("2:00".into(), 120_000),
                Span::Text(" the timeline terminates it; by ".into()),
                Span::Time("0:03:59".into(), 239_000),
                Span::Text(", or (".into()),
                Span::Time("5:10".into(), 310_000),
                Span::Text("), it is back.".into()),
            ]
        );
        // A colon and a space after a time end it, as a full stop does.
        let ps = parse("at 3:00: the service");
        assert_eq!(ps[0][1], Span::Time("3:00".into(), 180_000));
        assert_eq!(ps[0][2], Span::Text(": the service".into()));
        // Not times: a port mapping, a ratio of three digits, seconds of 60, a decimal, a
        // version, a time inside code, a word.
        for text in [
            "8080:80",
            "1:2",
            "100:00",
            "1:60",
            "2:00.5",
            "v1:00",
            "1.2:30",
            "`2:00`",
            "12:34:56:78",
        ] {
            let times = parse(text)[0]
                .iter()
                .filter(|s| matches!(s, Span::Time(..)))
                .count();
            assert_eq!(times, 0, "{text}");
        }
        // Written back as the clock and the goals write time.
        assert_eq!(plain("At 2:00."), "At 0:02:00.");
    }

    #[test]
    fn an_unclosed_backquote_and_multibyte_text_stay_text() {
        assert_eq!(parse("a `b ≥ c"), vec![vec![Span::Text("a `b ≥ c".into())]]);
        assert_eq!(plain("x\n\n\n`y`"), "x\n\ny");
    }
}
