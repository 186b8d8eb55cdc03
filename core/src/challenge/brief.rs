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

fn flush(text: &mut String, out: &mut Paragraph) {
    if !text.is_empty() {
        out.push(Span::Text(std::mem::take(text)));
    }
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
    fn an_unclosed_backquote_and_multibyte_text_stay_text() {
        assert_eq!(parse("a `b ≥ c"), vec![vec![Span::Text("a `b ≥ c".into())]]);
        assert_eq!(plain("x\n\n\n`y`"), "x\n\ny");
    }
}
