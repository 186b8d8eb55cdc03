//! Unregistered edits in the task definition tabs, kept in the browser's storage so a reload
//! does not lose them (issue #10, "Nothing lost": the Scenario JSON text was kept, a task
//! definition tab's typing was not). An edit is kept with the revision it was typed over, as
//! text; the tab shows it again only while that revision is still the family's latest, as it
//! does before a reload. Read strictly and capped: a damaged record reads as no edits.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `localStorage` key of the record.
pub const TD_EDITS_KEY: &str = "ecs-playground.td-edits.v1";

/// Largest record kept or read: a scenario's worth of task definitions, 1 MiB (the scenario
/// cap, `scenario::MAX_SCENARIO_BYTES`, which sits above this module; a test there keeps the
/// two equal).
pub const MAX_TD_EDITS_BYTES: usize = 1024 * 1024;

/// One family's unregistered edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptEdit {
    /// The revision it was typed over, as JSON text.
    pub base: String,
    /// What was typed (possibly invalid).
    pub text: String,
}

/// Every family's unregistered edit, by family name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptEdits {
    /// By family.
    pub families: BTreeMap<String, KeptEdit>,
}

impl KeptEdits {
    /// Reads a stored record; one too large, damaged or of another shape is no edits.
    pub fn from_json(text: &str) -> KeptEdits {
        if text.len() > MAX_TD_EDITS_BYTES {
            return KeptEdits::default();
        }
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The record to store, or `None` when it is over [`MAX_TD_EDITS_BYTES`] (it would be
    /// refused on reading).
    pub fn to_stored(&self) -> Option<String> {
        let text = serde_json::to_string(self).ok()?;
        (text.len() <= MAX_TD_EDITS_BYTES).then_some(text)
    }

    /// Keeps `text`, typed over `base` (the revision the tab showed), as `family`'s edit.
    pub fn keep(&mut self, family: &str, base: &serde_json::Value, text: &str) {
        self.families.insert(
            family.to_string(),
            KeptEdit {
                base: base.to_string(),
                text: text.to_string(),
            },
        );
    }

    /// Every edit with the revision it was typed over, parsed back to the value the tab
    /// compares with the family's latest revision (an edit whose base does not parse is left
    /// out).
    pub fn edits(&self) -> impl Iterator<Item = (&str, serde_json::Value, &str)> {
        self.families.iter().filter_map(|(family, e)| {
            let base = serde_json::from_str(&e.base).ok()?;
            Some((family.as_str(), base, e.text.as_str()))
        })
    }
}

/// Whether the edit `text`, typed over the revision `base` of `family`, is an unregistered edit
/// of the scenario `doc`: `base` is still the family's latest revision and the text is not that
/// revision (text that does not parse counts: it cannot be it). A lesson's Check grades the
/// registered revision, so the page says so while such an edit is open.
pub fn is_unregistered(
    doc: &serde_json::Value,
    family: &str,
    base: &serde_json::Value,
    text: &str,
) -> bool {
    let latest = super::form::latest_revision(doc, family);
    latest.is_some_and(|(_, v)| v == *base)
        && serde_json::from_str::<serde_json::Value>(text).map_or(true, |t| t != *base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kept(base: &serde_json::Value, text: &str) -> KeptEdits {
        let mut k = KeptEdits::default();
        k.keep("web", base, text);
        k
    }

    #[test]
    fn an_edit_comes_back_with_the_revision_it_was_typed_over() {
        // Numbers, nesting and key order as a registered revision has them: the tab shows the
        // edit again only if the base parses back equal to the latest revision.
        let rev = json!({"family": "web", "cpu": "256", "memory": 512, "containerDefinitions": [
            {"name": "app", "portMappings": [{"containerPort": 80}], "stopTimeout": 30.5}]});
        let k = kept(&rev, "{ \"family\": \"web\", \"cpu\": \"512\",");
        let back = KeptEdits::from_json(&k.to_stored().expect("small"));
        assert_eq!(back, k);
        let edits: Vec<_> = back.edits().collect();
        assert_eq!(
            edits,
            [("web", rev, "{ \"family\": \"web\", \"cpu\": \"512\",")]
        );
        // A base that no longer parses is left out rather than shown over another revision.
        let mut damaged = back.clone();
        if let Some(e) = damaged.families.get_mut("web") {
            e.base = "{".into();
        }
        assert_eq!(damaged.edits().count(), 0);
    }

    #[test]
    fn an_edit_is_unregistered_while_its_revision_is_the_latest_and_its_text_differs() {
        let rev = json!({"family": "web", "cpu": "256", "containerDefinitions": []});
        let doc = json!({"taskDefinitions": [rev]});
        assert!(is_unregistered(
            &doc,
            "web",
            &rev,
            "{\"family\": \"web\", \"cpu\": \"512\"}"
        ));
        // Text that does not parse is an edit too.
        assert!(is_unregistered(&doc, "web", &rev, "{ \"family\": "));
        // The revision's own text, however spaced, is no edit.
        assert!(!is_unregistered(
            &doc,
            "web",
            &rev,
            &serde_json::to_string_pretty(&rev).unwrap()
        ));
        // Typed over an older revision (another one was registered since): not shown, not counted.
        let newer = json!({"taskDefinitions": [rev.clone(), {"family": "web", "cpu": "1024", "containerDefinitions": []}]});
        assert!(!is_unregistered(&newer, "web", &rev, "{}"));
        assert!(!is_unregistered(&doc, "api", &rev, "{}"));
    }

    #[test]
    fn a_damaged_or_oversized_record_is_no_edits() {
        assert_eq!(KeptEdits::from_json("{"), KeptEdits::default());
        assert_eq!(
            KeptEdits::from_json(r#"{"families":{},"surprise":1}"#),
            KeptEdits::default()
        );
        assert_eq!(
            KeptEdits::from_json(r#"{"families":{"web":{"base":"{}"}}}"#),
            KeptEdits::default()
        );
        let huge = kept(&json!({}), &"x".repeat(MAX_TD_EDITS_BYTES));
        assert_eq!(huge.to_stored(), None);
        let text = serde_json::to_string(&huge).expect("serialises");
        assert_eq!(KeptEdits::from_json(&text), KeptEdits::default());
    }
}
