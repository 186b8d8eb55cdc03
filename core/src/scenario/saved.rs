//! Nothing lost: what the playground keeps in the browser's storage, what the URL fragment says
//! about it, and what the page opens (and offers back) when it loads or the fragment changes.
//!
//! The page keeps one record ([`Saved`]) under [`STORAGE_KEY`]: the running scenario and, when it
//! differs, the editor text (which may be invalid, half typed). The URL fragment is a share link
//! (`#v1.…`, see [`crate::scenario::share`]) when the scenario fits in one, and the marker
//! [`LOCAL_FRAGMENT`] (`#local`) when it does not: then the scenario comes from storage.
//! [`open`] decides, from the fragment and the record, which scenario to run, what went wrong,
//! whether the address bar keeps a damaged link, and which unsaved edit to offer back. The page
//! only carries the decision out, so every rule here is tested natively.

use serde::{Deserialize, Serialize};

use crate::scenario::share::{self, ShareError};
use crate::scenario::MAX_SCENARIO_BYTES;

/// The `localStorage` key of the saved record (versioned: a later format uses a new key).
pub const STORAGE_KEY: &str = "ecs-playground.saved.v1";

/// The URL fragment of a scenario too large for a link: its text is in this browser's storage.
pub const LOCAL_FRAGMENT: &str = "#local";

/// The longest stored record [`Saved::from_json`] reads: two scenarios at the parser's cap, JSON
/// escaping (at most 6 bytes per byte, for control characters) aside, plus room for the fields.
/// A record over this was not written by the page; it is ignored rather than parsed.
pub const MAX_SAVED_LEN: usize = 2 * 6 * MAX_SCENARIO_BYTES + 1024;

/// The one record the page keeps in `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Saved {
    /// Format of the record; always 1.
    pub version: u32,
    /// When it was written, ms since the Unix epoch (wall clock, for "from 14:02").
    pub saved_at_ms: u64,
    /// The scenario the simulation was running (always valid when written).
    pub scenario: String,
    /// The editor text when it differs from `scenario`: an unsaved, possibly invalid, edit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
}

impl Saved {
    /// The record for a running scenario and the editor text (kept only when it differs).
    pub fn new(scenario: &str, editor_text: &str, saved_at_ms: u64) -> Saved {
        Saved {
            version: 1,
            saved_at_ms,
            scenario: scenario.to_string(),
            draft: (editor_text != scenario).then(|| editor_text.to_string()),
        }
    }

    /// The text the editor held when this was written.
    pub fn editor_text(&self) -> &str {
        self.draft.as_deref().unwrap_or(&self.scenario)
    }

    /// The record as stored.
    pub fn to_json(&self) -> String {
        // Serialising a struct of strings and integers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored record; `None` for anything the page did not write (too long, another
    /// format or version, damaged), which is then ignored, never trusted.
    pub fn from_json(text: &str) -> Option<Saved> {
        if text.len() > MAX_SAVED_LEN {
            return None;
        }
        let saved: Saved = serde_json::from_str(text).ok()?;
        let fits = |s: &str| s.len() <= MAX_SCENARIO_BYTES;
        (saved.version == 1 && fits(&saved.scenario) && saved.draft.as_deref().is_none_or(fits))
            .then_some(saved)
    }
}

/// What the URL fragment should be for a running scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fragment {
    /// A share link, `#v1.…`, that [`share::decode`] accepts.
    Link(String),
    /// [`LOCAL_FRAGMENT`]: the scenario is too large for a link (`why` says how).
    Local {
        /// Why no link: [`ShareError::TooLong`] or [`ShareError::TooLarge`].
        why: ShareError,
    },
}

impl Fragment {
    /// The text after the page's address, with its `#`.
    pub fn as_hash(&self) -> &str {
        match self {
            Fragment::Link(hash) => hash,
            Fragment::Local { .. } => LOCAL_FRAGMENT,
        }
    }
}

/// The fragment for a scenario: its link when [`share::decode`] would accept it, else `#local`.
/// The page never writes a link it would refuse on reload.
pub fn fragment_for(json: &str) -> Fragment {
    match share::try_encode(json) {
        Ok(encoded) => Fragment::Link(format!("#{encoded}")),
        Err(why) => Fragment::Local { why },
    }
}

/// What "Copy link" tells the user when the scenario is too large for a link.
pub fn copy_refusal(why: &ShareError) -> String {
    let size = match why {
        ShareError::TooLong { len, max } => format!(
            "its link would be {} characters, over the {} characters ({} KiB) a link may carry",
            group(*len),
            group(*max),
            max / 1024
        ),
        ShareError::TooLarge { max } => format!(
            "it is larger than the {} MiB a link may unpack to",
            max / (1024 * 1024)
        ),
        other => other.to_string(),
    };
    format!(
        "This scenario is too large to share as a link: {size}. Download the JSON and send the \
         file instead; it opens with Upload JSON. This page keeps the scenario in this \
         browser's storage, so it survives a reload."
    )
}

/// Why the scenario the fragment names could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenProblem {
    /// The link could not be decoded.
    Link(ShareError),
    /// The link (or the stored scenario) decoded to text that is not a valid scenario; the first
    /// line of the validation message.
    Invalid(String),
    /// The fragment is `#local` but this browser's storage holds no scenario (another browser,
    /// storage cleared or unavailable).
    LocalMissing,
}

impl std::fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenProblem::Link(e) => write!(f, "This link could not be opened: {e}"),
            OpenProblem::Invalid(first) => {
                write!(f, "This link holds a scenario that is not valid ({first}).")
            }
            OpenProblem::LocalMissing => f.write_str(
                "This link (#local) points to a scenario kept in the storage of the browser that \
                 made it, and this browser's storage has none. Ask for the scenario's JSON file \
                 and open it with Upload JSON.",
            ),
        }
    }
}

/// Work the page offers back: an unsaved edit ("Restore your unsaved edit from <time>?"), or the
/// scenario this browser had open when another one opens ("Go back to …?").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The editor text to restore.
    pub text: String,
    /// When it was saved, ms since the Unix epoch.
    pub saved_at_ms: u64,
    /// Whether `text` is an unsaved edit; otherwise it is the scenario that was running.
    pub draft: bool,
}

/// Characters of a scenario's name the restore banner shows.
const NAME_SHOWN: usize = 80;

/// Scenarios larger than this are offered without their name: reading it parses the whole
/// text, which on a 1 MiB scenario would hold the page for longer than the 50 ms a task may
/// take.
const NAMED_UP_TO_BYTES: usize = 256 * 1024;

impl Offer {
    /// The banner's question, `when` being the time it was saved as the page writes it. A
    /// scenario that was simply open is named (from its `name`), so "Go back" says what it
    /// brings back instead of calling it an edit (a lesson or an example opened before is not
    /// one).
    pub fn question(&self, when: &str) -> String {
        if self.draft {
            return format!("Restore your unsaved edit from {when}?");
        }
        let name = (self.text.len() <= NAMED_UP_TO_BYTES)
            .then(|| super::heading::heading(&self.text).name)
            .flatten()
            .filter(|n| !n.trim().is_empty());
        match name {
            Some(n) => {
                let mut shown: String = n
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(NAME_SHOWN)
                    .collect();
                if n.chars().count() > NAME_SHOWN {
                    shown.push('…');
                }
                format!("Go back to \u{201c}{shown}\u{201d}, the scenario open here at {when}?")
            }
            None => format!("Go back to the scenario open here at {when}?"),
        }
    }
}

/// What the page opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The scenario to run; `None` for the default scenario.
    pub scenario: Option<String>,
    /// Why the fragment's scenario is not the one opened.
    pub problem: Option<OpenProblem>,
    /// The address bar keeps the fragment (a damaged link the user may want to copy) instead of
    /// showing the running scenario's link.
    pub keep_fragment: bool,
    /// Saved editor text that differs from what opens: offered, never applied silently.
    pub offer: Option<Offer>,
}

/// Decides what opens for URL fragment `hash` (with or without `#`) given the stored record.
///
/// - No fragment: the default scenario; the saved editor text is offered when it differs.
/// - `#local`: the stored scenario (with its unsaved edit offered); without one, the default and
///   [`OpenProblem::LocalMissing`].
/// - A link: its scenario if it decodes and `valid` accepts it, else the default with the
///   problem, keeping the damaged link in the address bar. Saved editor text that differs from
///   what opens is offered — the link the user just opened is never overwritten silently.
///
/// `valid` checks scenario text (the page parses and resolves it) and returns the first line of
/// what is wrong.
pub fn open(
    hash: &str,
    saved: Option<&Saved>,
    default: &str,
    valid: impl Fn(&str) -> Result<(), String>,
) -> Opening {
    let fragment = hash.trim().trim_start_matches('#');
    let (scenario, problem, keep_fragment) = if fragment.is_empty() {
        (None, None, false)
    } else if fragment == LOCAL_FRAGMENT.trim_start_matches('#') {
        match saved {
            None => (None, Some(OpenProblem::LocalMissing), false),
            Some(s) => match valid(&s.scenario) {
                Ok(()) => (Some(s.scenario.clone()), None, false),
                Err(first) => (None, Some(OpenProblem::Invalid(first)), false),
            },
        }
    } else {
        match share::decode(fragment) {
            Err(e) => (None, Some(OpenProblem::Link(e)), true),
            Ok(text) => match valid(&text) {
                Ok(()) => (Some(text), None, false),
                Err(first) => (None, Some(OpenProblem::Invalid(first)), true),
            },
        }
    };
    let opened = scenario.as_deref().unwrap_or(default);
    let offer = saved.filter(|s| s.editor_text() != opened).map(|s| Offer {
        text: s.editor_text().to_string(),
        saved_at_ms: s.saved_at_ms,
        draft: s.draft.is_some(),
    });
    Opening {
        scenario,
        problem,
        keep_fragment,
        offer,
    }
}

/// Writes 122486 as `122,486`.
fn group(n: usize) -> String {
    crate::cost::money::group_thousands(n as u128)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = r#"{"name": "default"}"#;
    const MINE: &str = r#"{"name": "mine"}"#;

    /// Accepts any JSON object with a `name`; the rest is "not valid".
    fn valid(text: &str) -> Result<(), String> {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) if v.get("name").is_some() => Ok(()),
            _ => Err("missing name".into()),
        }
    }

    fn link(text: &str) -> String {
        match fragment_for(text) {
            Fragment::Link(l) => l,
            other => panic!("expected a link, got {other:?}"),
        }
    }

    /// Deterministic text deflate cannot shrink much, `len` bytes, inside a valid scenario.
    fn incompressible_scenario(len: usize) -> String {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let noise: String = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        format!(r#"{{"name": "big", "description": "{noise}"}}"#)
    }

    #[test]
    fn a_record_round_trips_and_keeps_the_draft_only_when_it_differs() {
        let same = Saved::new(MINE, MINE, 7);
        assert_eq!(same.draft, None);
        assert!(!same.to_json().contains("draft"), "no empty draft field");
        let typed = Saved::new(MINE, "{\"name\": \"mi", 8);
        assert_eq!(typed.editor_text(), "{\"name\": \"mi");
        assert_eq!(Saved::from_json(&typed.to_json()), Some(typed));
    }

    #[test]
    fn a_record_the_page_did_not_write_is_ignored() {
        assert_eq!(Saved::from_json("not json"), None);
        assert_eq!(Saved::from_json("{}"), None);
        let other_version = r#"{"version": 2, "savedAtMs": 1, "scenario": "{}"}"#;
        assert_eq!(Saved::from_json(other_version), None);
        let unknown_field = r#"{"version": 1, "savedAtMs": 1, "scenario": "{}", "x": 1}"#;
        assert_eq!(Saved::from_json(unknown_field), None);
        let huge = format!(
            r#"{{"version": 1, "savedAtMs": 1, "scenario": "{}"}}"#,
            "a".repeat(MAX_SCENARIO_BYTES + 1)
        );
        assert_eq!(
            Saved::from_json(&huge),
            None,
            "a scenario over the parser's cap"
        );
        assert_eq!(Saved::from_json(&"x".repeat(MAX_SAVED_LEN + 1)), None);
    }

    #[test]
    fn a_scenario_that_fits_gets_a_link_the_page_accepts() {
        let hash = link(MINE);
        assert!(hash.starts_with("#v1."));
        assert_eq!(share::decode(&hash).as_deref(), Ok(MINE));
    }

    /// The issue's case: a 122 KB scenario that deflate cannot shrink below the 64 KiB link cap
    /// gets `#local`, never a link the page would refuse on reload.
    #[test]
    fn a_scenario_too_large_for_a_link_gets_the_local_marker() {
        let big = incompressible_scenario(122_000);
        let fragment = fragment_for(&big);
        let Fragment::Local { why } = &fragment else {
            panic!("a link over the cap: {:?}", fragment.as_hash().len());
        };
        assert!(matches!(why, ShareError::TooLong { len, max } if *len > *max));
        assert_eq!(fragment.as_hash(), LOCAL_FRAGMENT);
        let text = copy_refusal(why);
        assert!(text.contains("65,536 characters (64 KiB)"), "{text}");
        assert!(text.contains("Download the JSON"), "{text}");
    }

    #[test]
    fn a_scenario_over_the_inflate_cap_is_refused_before_compressing() {
        let huge = incompressible_scenario(share::MAX_INFLATED_LEN + 1);
        let Fragment::Local { why } = fragment_for(&huge) else {
            panic!("a link for a scenario over 1 MiB");
        };
        assert!(copy_refusal(&why).contains("1 MiB"));
    }

    #[test]
    fn no_fragment_opens_the_default_and_offers_the_saved_edit() {
        let saved = Saved::new(MINE, "{ half typed", 1_700_000_000_000);
        let o = open("", Some(&saved), DEFAULT, valid);
        assert_eq!(
            (o.scenario, o.problem, o.keep_fragment),
            (None, None, false)
        );
        assert_eq!(
            o.offer,
            Some(Offer {
                text: "{ half typed".into(),
                saved_at_ms: 1_700_000_000_000,
                draft: true,
            })
        );
        // Nothing saved, or the default saved: nothing to offer.
        assert_eq!(open("#", None, DEFAULT, valid).offer, None);
        let default_saved = Saved::new(DEFAULT, DEFAULT, 1);
        assert_eq!(open("", Some(&default_saved), DEFAULT, valid).offer, None);
    }

    /// A reload: the link is the running scenario; the half-typed invalid edit is offered back.
    #[test]
    fn a_reload_opens_the_link_and_offers_the_unsaved_invalid_edit() {
        let saved = Saved::new(MINE, "{\"name\": \"mine\",,,", 5);
        let o = open(&link(MINE), Some(&saved), DEFAULT, valid);
        assert_eq!(o.scenario.as_deref(), Some(MINE));
        assert_eq!(o.problem, None);
        assert_eq!(
            o.offer.map(|x| x.text).as_deref(),
            Some("{\"name\": \"mine\",,,")
        );
        // Without a draft a reload is quiet.
        let clean = Saved::new(MINE, MINE, 5);
        assert_eq!(open(&link(MINE), Some(&clean), DEFAULT, valid).offer, None);
    }

    /// A link opened while storage holds other work: the link opens, the work is only offered,
    /// and named as the scenario that was open, not as an edit (a lesson opened before is not
    /// an unsaved edit).
    #[test]
    fn a_new_link_is_never_overwritten_by_saved_work() {
        let other = r#"{"name": "from a colleague"}"#;
        let saved = Saved::new(MINE, MINE, 5);
        let o = open(&link(other), Some(&saved), DEFAULT, valid);
        assert_eq!(o.scenario.as_deref(), Some(other));
        let offer = o.offer.expect("the open scenario is offered");
        assert_eq!((offer.text.as_str(), offer.draft), (MINE, false));
        assert_eq!(
            offer.question("12:55"),
            "Go back to \u{201c}mine\u{201d}, the scenario open here at 12:55?"
        );
    }

    #[test]
    fn the_question_says_edit_only_for_an_edit_and_names_safely() {
        let edit = Offer {
            text: "{ half".into(),
            saved_at_ms: 0,
            draft: true,
        };
        assert_eq!(
            edit.question("09:30"),
            "Restore your unsaved edit from 09:30?"
        );
        let unnamed = Offer {
            text: "{\"version\": 1}".into(),
            saved_at_ms: 0,
            draft: false,
        };
        assert_eq!(
            unnamed.question("09:30"),
            "Go back to the scenario open here at 09:30?"
        );
        let long = Offer {
            text: serde_json::json!({ "name": format!("a\u{1b}{}", "b".repeat(200)) }).to_string(),
            saved_at_ms: 0,
            draft: false,
        };
        let q = long.question("09:30");
        assert!(
            !q.contains('\u{1b}') && q.contains('…') && q.chars().count() < 140,
            "{q}"
        );
        // A scenario too large to read quickly is offered without its name.
        let huge = Offer {
            text: serde_json::json!({ "name": "big", "pad": "x".repeat(NAMED_UP_TO_BYTES) })
                .to_string(),
            saved_at_ms: 0,
            draft: false,
        };
        assert_eq!(
            huge.question("09:30"),
            "Go back to the scenario open here at 09:30?"
        );
    }

    #[test]
    fn the_local_marker_opens_the_stored_scenario() {
        let saved = Saved::new(MINE, "{ typing", 5);
        let o = open(LOCAL_FRAGMENT, Some(&saved), DEFAULT, valid);
        assert_eq!(o.scenario.as_deref(), Some(MINE));
        assert_eq!(o.problem, None);
        assert_eq!(o.offer.map(|x| x.text).as_deref(), Some("{ typing"));
        let o = open("local", None, DEFAULT, valid);
        assert_eq!(o.scenario, None);
        assert_eq!(o.problem, Some(OpenProblem::LocalMissing));
        assert!(!o.keep_fragment);
        assert!(o.problem.unwrap().to_string().contains("Upload JSON"));
    }

    #[test]
    fn a_damaged_link_opens_the_default_and_stays_in_the_address_bar() {
        let saved = Saved::new(MINE, MINE, 5);
        let o = open("#v1.this-is-not-deflate!!", Some(&saved), DEFAULT, valid);
        assert_eq!(o.scenario, None);
        assert!(matches!(o.problem, Some(OpenProblem::Link(_))));
        assert!(o.keep_fragment);
        assert!(o
            .problem
            .unwrap()
            .to_string()
            .starts_with("This link could not be opened"));
        assert_eq!(
            o.offer.map(|x| x.text).as_deref(),
            Some(MINE),
            "work is offered"
        );
        // A link to text that is not a valid scenario is kept too.
        let o = open(&link("{\"nope\": 1}"), None, DEFAULT, valid);
        assert_eq!(o.problem, Some(OpenProblem::Invalid("missing name".into())));
        assert!(o.keep_fragment);
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(122_486), "122,486");
        assert_eq!(group(1_234_567), "1,234,567");
    }
}
