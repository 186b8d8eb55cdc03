//! Challenge links: `#c1.` and the same packing as scenario links (`v1.`: DEFLATE, base64url)
//! with the same caps, so a challenge opens from a link in a fresh browser and a hostile link is
//! refused before any work grows with it.

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
    fn a_hostile_challenge_link_is_refused_by_the_scenario_caps() {
        let long = format!("c1.{}", "A".repeat(share::MAX_ENCODED_LEN + 10));
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
        assert!(matches!(
            decode("c1.%%%"),
            Err(ShareError::BadEncoding { .. })
        ));
    }
}
