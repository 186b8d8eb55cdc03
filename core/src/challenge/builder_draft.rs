//! The challenge builder's work in progress, kept in the browser's storage: an instructor who
//! closed the dialog, previewed the challenge as a student and left the lesson, or reloaded the
//! page found every field empty (walkthrough, 2026-12-04). The draft keeps the scenario it was
//! started from, so a preview (which runs the challenge's start) does not change what it builds.
//! Read strictly and capped: a damaged record reads as no draft.

use super::builder::BuilderFields;
use super::goal::GoalSpec;
use serde::{Deserialize, Serialize};

/// The `localStorage` key of the draft.
pub const BUILDER_DRAFT_KEY: &str = "ecs-playground.builder-draft.v1";

/// Largest record kept: the start is a scenario (up to 1 MiB), written as a JSON string (its
/// quotes and line breaks escaped, so up to about twice as long), and the fields are small.
pub const MAX_BUILDER_DRAFT_BYTES: usize = 2 * crate::scenario::MAX_SCENARIO_BYTES + 256 * 1024;

/// Everything typed in the builder, and the scenario it builds on. The hidden-solution box is
/// not kept: the editor's scenario it names is another one after a preview or a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuilderDraft {
    /// The scenario the challenge starts from, as it ran when the draft began (JSON text).
    pub start: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// 1–3.
    #[serde(default = "first_level")]
    pub level: u8,
    /// The brief (markup).
    #[serde(default)]
    pub brief: String,
    /// Hints, separated by blank lines.
    #[serde(default)]
    pub hints: String,
    /// Shown on success.
    #[serde(default)]
    pub explain: String,
    /// How long Check runs, minutes.
    #[serde(default = "default_horizon")]
    pub horizon_minutes: u64,
    /// The suggested paths ticked.
    #[serde(default)]
    pub ticked: Vec<String>,
    /// Other paths, as typed.
    #[serde(default)]
    pub extra: String,
    /// The goals added.
    #[serde(default)]
    pub goals: Vec<GoalSpec>,
}

fn first_level() -> u8 {
    1
}

/// Check's horizon in a new draft, minutes.
pub const DEFAULT_HORIZON_MINUTES: u64 = 15;

fn default_horizon() -> u64 {
    DEFAULT_HORIZON_MINUTES
}

impl BuilderDraft {
    /// A new, empty draft on the scenario `start` (JSON text).
    pub fn new(start: String) -> BuilderDraft {
        BuilderDraft {
            start,
            title: String::new(),
            level: 1,
            brief: String::new(),
            hints: String::new(),
            explain: String::new(),
            horizon_minutes: DEFAULT_HORIZON_MINUTES,
            ticked: Vec::new(),
            extra: String::new(),
            goals: Vec::new(),
        }
    }

    /// The draft the builder opens: the one `kept` in the page, else the `stored` record, else a
    /// new one on the `running` scenario. A draft with nothing typed in it is not offered back:
    /// it was only opened and closed, so the builder follows the running scenario instead.
    pub fn to_open(
        kept: Option<BuilderDraft>,
        stored: Option<&str>,
        running: String,
    ) -> BuilderDraft {
        kept.or_else(|| stored.and_then(BuilderDraft::from_json))
            .filter(|d| !d.is_blank())
            .unwrap_or_else(|| BuilderDraft::new(running))
    }

    /// The record to store, or `None` when it is over [`MAX_BUILDER_DRAFT_BYTES`] (it would be
    /// refused on reading, so it is not written).
    pub fn to_stored(&self) -> Option<String> {
        let text = self.to_json();
        (text.len() <= MAX_BUILDER_DRAFT_BYTES).then_some(text)
    }

    /// The fields [`super::builder::document`] builds the challenge from: the ticked paths and
    /// the typed ones as one list, and `solution` (the editor's scenario, when its box is
    /// ticked).
    pub fn fields(&self, solution: Option<serde_json::Value>) -> BuilderFields {
        BuilderFields {
            title: self.title.clone(),
            level: self.level,
            brief: self.brief.clone(),
            hints: self.hints.clone(),
            explain: self.explain.clone(),
            horizon_minutes: self.horizon_minutes,
            editable: self
                .ticked
                .iter()
                .cloned()
                .chain(self.extra.split_whitespace().map(str::to_string))
                .collect(),
            goals: self.goals.clone(),
            solution,
        }
    }

    /// Reads a stored draft; a record too large, damaged or of another shape is none.
    pub fn from_json(text: &str) -> Option<BuilderDraft> {
        if text.len() > MAX_BUILDER_DRAFT_BYTES {
            return None;
        }
        serde_json::from_str(text).ok()
    }

    /// The record to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether anything was typed or added (an untouched draft is not worth offering back).
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.brief.trim().is_empty()
            && self.hints.trim().is_empty()
            && self.explain.trim().is_empty()
            && self.ticked.is_empty()
            && self.extra.trim().is_empty()
            && self.goals.is_empty()
    }

    /// The start scenario's `name`, for the line that says which scenario the draft builds on.
    pub fn start_name(&self) -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(&self.start).ok()?;
        let name: String = v
            .get("name")?
            .as_str()?
            .chars()
            .filter(|c| !c.is_control())
            .take(80)
            .collect();
        (!name.trim().is_empty()).then_some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_comes_back_as_it_was_stored() {
        let mut d = BuilderDraft::new(r#"{"version":1,"name":"Canary deployment"}"#.into());
        d.title = "Fix the canary".into();
        d.ticked = vec!["services[0].desiredCount".into()];
        d.horizon_minutes = 30;
        let back = BuilderDraft::from_json(&d.to_json()).expect("reads back");
        assert_eq!(back, d);
        assert!(!back.is_blank());
        assert_eq!(back.start_name().as_deref(), Some("Canary deployment"));
    }

    #[test]
    fn the_builder_opens_the_kept_draft_then_the_stored_one_then_a_new_one() {
        let mut kept = BuilderDraft::new("{\"name\":\"kept\"}".into());
        kept.title = "Kept".into();
        let mut stored = BuilderDraft::new("{\"name\":\"stored\"}".into());
        stored.title = "Stored".into();
        let stored = stored.to_json();
        let running = || "{\"name\":\"running\"}".to_string();
        let open = BuilderDraft::to_open(Some(kept.clone()), Some(&stored), running());
        assert_eq!(open.title, "Kept");
        let open = BuilderDraft::to_open(None, Some(&stored), running());
        assert_eq!(open.title, "Stored");
        // A blank draft, kept or stored, gives way to the running scenario.
        let blank = BuilderDraft::new("{\"name\":\"old\"}".into());
        let open = BuilderDraft::to_open(Some(blank.clone()), Some(&blank.to_json()), running());
        assert_eq!(open.start_name().as_deref(), Some("running"));
        let open = BuilderDraft::to_open(None, Some("damaged"), running());
        assert_eq!(open, BuilderDraft::new(running()));
    }

    #[test]
    fn the_fields_join_the_ticked_and_the_typed_paths() {
        let mut d = BuilderDraft::new("{}".into());
        d.ticked = vec!["services[0].desiredCount".into()];
        d.extra = " taskDefinitions[0].cpu  scalingPolicies ".into();
        let f = d.fields(None);
        assert_eq!(
            f.editable,
            [
                "services[0].desiredCount",
                "taskDefinitions[0].cpu",
                "scalingPolicies"
            ]
        );
        assert_eq!(
            (f.horizon_minutes, f.solution),
            (DEFAULT_HORIZON_MINUTES, None)
        );
    }

    #[test]
    fn a_draft_over_the_cap_is_not_stored() {
        let mut d = BuilderDraft::new("{}".into());
        assert!(d.to_stored().is_some());
        // A scenario of quotes doubles when escaped into the record.
        d.start = "\"".repeat(MAX_BUILDER_DRAFT_BYTES / 2 + 1);
        assert_eq!(d.to_stored(), None);
    }

    #[test]
    fn a_damaged_or_oversized_record_is_no_draft() {
        assert_eq!(BuilderDraft::from_json("{"), None);
        assert_eq!(
            BuilderDraft::from_json(r#"{"start":"{}","surprise":1}"#),
            None
        );
        assert_eq!(BuilderDraft::from_json(r#"{"title":"no start"}"#), None);
        let huge = format!(r#"{{"start":"{}"}}"#, "x".repeat(MAX_BUILDER_DRAFT_BYTES));
        assert_eq!(BuilderDraft::from_json(&huge), None);
        // Only the start is required; the rest has its defaults.
        let bare = BuilderDraft::from_json(r#"{"start":"{}"}"#).expect("reads");
        assert_eq!(bare, BuilderDraft::new("{}".into()));
        assert!(bare.is_blank());
        assert_eq!(bare.start_name(), None);
    }
}
