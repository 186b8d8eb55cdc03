//! The challenge builder's work in progress, kept in the browser's storage: an instructor who
//! closed the dialog, previewed the challenge as a student and left the lesson, or reloaded the
//! page found every field empty (walkthrough, 2026-12-04). The draft keeps the scenario it was
//! started from, so a preview (which runs the challenge's start) does not change what it builds.
//! Read strictly and capped: a damaged record reads as no draft.

use super::goal::GoalSpec;
use serde::{Deserialize, Serialize};

/// The `localStorage` key of the draft.
pub const BUILDER_DRAFT_KEY: &str = "ecs-playground.builder-draft.v1";

/// Largest record read: the start is a scenario (up to 1 MiB) and the fields are small.
pub const MAX_BUILDER_DRAFT_BYTES: usize = crate::scenario::MAX_SCENARIO_BYTES + 256 * 1024;

/// Everything typed in the builder, and the scenario it builds on.
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
    /// "The scenario now in the editor is the hidden solution" is ticked.
    #[serde(default)]
    pub solution_from_editor: bool,
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
            solution_from_editor: false,
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
