//! Challenge links: `#c1.` and the same packing as scenario links (`v1.`: DEFLATE, base64url)
//! with the same caps, so a challenge opens from a link in a fresh browser and a hostile link is
//! refused before any work grows with it.

use super::Challenge;
use crate::scenario::share::{self, ShareError, VERSION_PREFIX};

/// The prefix of a challenge link's fragment.
pub const CHALLENGE_PREFIX: &str = "c1.";

/// Whether link text (a fragment, with or without `#`, or a whole URL) is a challenge link.
pub fn is_challenge_link(text: &str) -> bool {
    fragment(text).starts_with(CHALLENGE_PREFIX)
}

/// Packs challenge JSON text into link text `c1.…` (without `#`), or says why it is too large
/// for a link (the scenario link caps).
pub fn encode(json: &str) -> Result<String, ShareError> {
    let packed = share::try_encode(json)?;
    Ok(format!(
        "{CHALLENGE_PREFIX}{}",
        packed.strip_prefix(VERSION_PREFIX).unwrap_or(&packed)
    ))
}

/// Unpacks a challenge link into its JSON text (not yet checked as a challenge).
pub fn decode(text: &str) -> Result<String, ShareError> {
    let f = fragment(text);
    let Some(payload) = f.strip_prefix(CHALLENGE_PREFIX) else {
        return Err(ShareError::MissingVersion);
    };
    share::decode(&format!("{VERSION_PREFIX}{payload}"))
}

/// The fragment of a built-in lesson: `#lesson=<id>`.
pub const LESSON_PREFIX: &str = "lesson=";

/// What a lesson or challenge fragment opens: the challenge and the fragment the address bar
/// keeps for it; `None` when the fragment is neither (a scenario link, `#local`, nothing).
pub fn open_fragment(text: &str) -> Option<Result<(Challenge, String), String>> {
    let f = fragment(text);
    if let Some(id) = f.strip_prefix(LESSON_PREFIX) {
        return Some(match super::course::lesson(id) {
            Some(l) => Challenge::parse(l.json)
                .map(|c| (c, format!("#{LESSON_PREFIX}{}", l.id)))
                .map_err(|e| format!("The built-in lesson could not be read: {e}")),
            None => Err(format!(
                "There is no lesson \"{}\" in this playground's course.",
                super::caps::cut(id, 40)
            )),
        });
    }
    if !f.starts_with(CHALLENGE_PREFIX) {
        return None;
    }
    let opened = decode(f)
        .map_err(|e| format!("This challenge link cannot be opened: {e}"))
        .and_then(|json| {
            Challenge::parse(&json).map_err(|e| match e {
                super::ChallengeError::Invalid(ps) => format!(
                    "This challenge link holds a challenge this playground refuses: {}",
                    ps.iter()
                        .take(3)
                        .map(|p| format!(
                            "{}: {}",
                            if p.path.is_empty() { "(root)" } else { &p.path },
                            p.message
                        ))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                other => format!("This challenge link cannot be opened: {other}"),
            })
        });
    Some(opened.map(|c| (c, format!("#{f}"))))
}

/// The part after `#` (or the whole text without one), trimmed.
fn fragment(text: &str) -> &str {
    let t = text.trim();
    match t.find('#') {
        Some(i) => t.get(i + 1..).unwrap_or_default().trim(),
        None => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_challenge_link_round_trips_and_is_told_apart_from_a_scenario_link() {
        let json = r#"{"kind":"challenge"}"#;
        let link = encode(json).unwrap();
        assert!(link.starts_with("c1."));
        assert!(is_challenge_link(&format!("http://127.0.0.1:8080/#{link}")));
        assert_eq!(decode(&format!("#{link}")).unwrap(), json);
        let scenario_link = share::encode(json);
        assert!(!is_challenge_link(&scenario_link));
        assert_eq!(decode(&scenario_link), Err(ShareError::MissingVersion));
    }

    #[test]
    fn lesson_and_challenge_fragments_open_and_anything_else_is_left_alone() {
        let lesson = super::super::course::LESSONS[0];
        let (c, keep) = open_fragment(&format!("#lesson={}", lesson.id))
            .unwrap()
            .unwrap();
        assert_eq!(c.doc.id, lesson.id);
        assert_eq!(keep, format!("#lesson={}", lesson.id));
        let link = encode(lesson.json).unwrap();
        let (c, keep) = open_fragment(&format!("http://x/#{link}"))
            .unwrap()
            .unwrap();
        assert_eq!(c.doc.id, lesson.id);
        assert_eq!(keep, format!("#{link}"));
        assert!(open_fragment("#lesson=<b>nope</b>")
            .unwrap()
            .unwrap_err()
            .contains("no lesson"));
        assert!(open_fragment("#v1.abc").is_none());
        assert!(open_fragment("#local").is_none());
        assert!(open_fragment("").is_none());
        // A challenge whose text is hostile: refused with the field named, nothing run.
        let hostile = lesson
            .json
            .replace("\"horizonSeconds\": 900", "\"horizonSeconds\": 99999999");
        let err = open_fragment(&encode(&hostile).unwrap())
            .unwrap()
            .unwrap_err();
        assert!(err.contains("horizonSeconds"), "{err}");
    }

    #[test]
    fn a_hostile_challenge_link_is_refused_by_the_scenario_caps() {
        let long = format!("c1.{}", "A".repeat(share::MAX_ENCODED_LEN + 10));
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
        assert!(matches!(
            decode("c1.%%%"),
            Err(ShareError::BadEncoding { .. })
        ));
    }
}
