//! The challenge builder's work in progress, kept in the browser's storage: an instructor who
//! closed the dialog, previewed the challenge as a student and left the lesson, or reloaded the
//! page found every field empty (walkthrough, 2026-12-04). The draft keeps the scenario it was
//! started from, so a preview (which runs the challenge's start) does not change what it builds.
//!
//! Two records: the start scenario under [`BUILDER_START_KEY`], written once when the builder
//! opens, and the typed fields under [`BUILDER_DRAFT_KEY`], written on every change with a
//! digest of the start they build on. (The first version kept both in one record, so each
//! keystroke escaped and stored the whole start again, up to 1 MiB.) Read strictly and capped:
//! a damaged record, or fields whose digest names another start, read as no draft.

use super::builder::BuilderFields;
use super::goal::GoalSpec;
use crate::sim::trace::TraceHash;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The `localStorage` key of the draft's typed fields and its start's digest.
pub const BUILDER_DRAFT_KEY: &str = "ecs-playground.builder-draft.v2";

/// The `localStorage` key of the scenario the draft starts from (its JSON text as is).
pub const BUILDER_START_KEY: &str = "ecs-playground.builder-start.v1";

/// The key the first version kept its one record under: still read, so a draft kept by it is
/// offered back, and cleared once the draft is stored the new way.
pub const OLD_BUILDER_DRAFT_KEY: &str = "ecs-playground.builder-draft.v1";

/// Largest fields record kept: typed text and goals, well under a challenge's own 1 MiB.
pub const MAX_BUILDER_FIELDS_BYTES: usize = 256 * 1024;

/// Largest start kept: a scenario, capped as every scenario is.
pub const MAX_BUILDER_START_BYTES: usize = crate::scenario::MAX_SCENARIO_BYTES;

/// Largest record of the first version read back: its start (up to 1 MiB, and up to about
/// twice that once escaped into a JSON string) and its fields.
pub const MAX_OLD_BUILDER_DRAFT_BYTES: usize =
    2 * crate::scenario::MAX_SCENARIO_BYTES + MAX_BUILDER_FIELDS_BYTES;

/// Everything typed in the builder. The hidden-solution box is not kept: the editor's scenario
/// it names is another one after a preview or a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftFields {
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

impl Default for DraftFields {
    fn default() -> Self {
        DraftFields {
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
}

fn first_level() -> u8 {
    1
}

/// Check's horizon in a new draft, minutes.
pub const DEFAULT_HORIZON_MINUTES: u64 = 15;

fn default_horizon() -> u64 {
    DEFAULT_HORIZON_MINUTES
}

/// A draft: the scenario it builds on and what was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct BuilderDraft {
    /// The scenario the challenge starts from, as it ran when the draft began (JSON text);
    /// shared, since every change copies the draft.
    pub start: Arc<str>,
    /// The start's digest, computed once.
    start_digest: String,
    /// What was typed.
    pub fields: DraftFields,
}

/// The fields record: the fields and the digest of the start they build on.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FieldsRecord {
    start_digest: String,
    fields: DraftFields,
}

/// FNV-1a of `text`, in hex: ties a fields record to its start.
fn digest(text: &str) -> String {
    let mut h = TraceHash::default();
    h.update(text.as_bytes());
    h.hex()
}

impl BuilderDraft {
    /// A new, empty draft on the scenario `start` (JSON text).
    pub fn new(start: String) -> BuilderDraft {
        BuilderDraft::with_fields(start.into(), DraftFields::default())
    }

    /// A draft of `fields` on `start`.
    pub fn with_fields(start: Arc<str>, fields: DraftFields) -> BuilderDraft {
        BuilderDraft {
            start_digest: digest(&start),
            start,
            fields,
        }
    }

    /// The same start with other `fields` (the start's digest is not computed again).
    pub fn with_new_fields(&self, fields: DraftFields) -> BuilderDraft {
        BuilderDraft {
            start: Arc::clone(&self.start),
            start_digest: self.start_digest.clone(),
            fields,
        }
    }

    /// The start's digest: the page stores the start again only when it changes.
    pub fn start_digest(&self) -> &str {
        &self.start_digest
    }

    /// The draft the builder opens: the one `kept` in the page, else the `stored` one, else a
    /// new one on the `running` scenario. A draft with nothing typed in it is not offered back:
    /// it was only opened and closed, so the builder follows the running scenario instead.
    pub fn to_open(
        kept: Option<BuilderDraft>,
        stored: Option<BuilderDraft>,
        running: String,
    ) -> BuilderDraft {
        kept.or(stored)
            .filter(|d| !d.is_blank())
            .unwrap_or_else(|| BuilderDraft::new(running))
    }

    /// The stored draft: the fields `record` on the `start` it names, else the first version's
    /// `old` record. Anything damaged, over its cap, or a record whose digest names another
    /// start (the start's write failed, or it belongs to a later draft) is none.
    pub fn from_stored(
        record: Option<&str>,
        start: Option<&str>,
        old: Option<&str>,
    ) -> Option<BuilderDraft> {
        let new = || {
            let (record, start) = (record?, start?);
            if record.len() > MAX_BUILDER_FIELDS_BYTES || start.len() > MAX_BUILDER_START_BYTES {
                return None;
            }
            let r: FieldsRecord = serde_json::from_str(record).ok()?;
            let draft = BuilderDraft::with_fields(start.into(), r.fields);
            (draft.start_digest == r.start_digest).then_some(draft)
        };
        new().or_else(|| {
            let old = old.filter(|t| t.len() <= MAX_OLD_BUILDER_DRAFT_BYTES)?;
            // The first version's record: the start beside the fields, in one object.
            let mut record: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(old).ok()?;
            let start = match record.remove("start")? {
                serde_json::Value::String(s) if s.len() <= MAX_BUILDER_START_BYTES => s,
                _ => return None,
            };
            // Read back from text, as every document is (a `Value` deserializer per type costs
            // the bundle; README, "The first second").
            let rest = serde_json::to_string(&record).ok()?;
            let fields = serde_json::from_str(&rest).ok()?;
            Some(BuilderDraft::with_fields(start.into(), fields))
        })
    }

    /// The fields record to store on every change, or `None` when it is over
    /// [`MAX_BUILDER_FIELDS_BYTES`] (it would be refused on reading, so it is not written).
    pub fn fields_record(&self) -> Option<String> {
        let record = FieldsRecord {
            start_digest: self.start_digest.clone(),
            fields: self.fields.clone(),
        };
        let text = serde_json::to_string(&record).ok()?;
        (text.len() <= MAX_BUILDER_FIELDS_BYTES).then_some(text)
    }

    /// The fields [`super::builder::document`] builds the challenge from: the ticked paths and
    /// the typed ones as one list, and `solution` (the editor's scenario, when its box is
    /// ticked).
    pub fn fields(&self, solution: Option<serde_json::Value>) -> BuilderFields {
        let f = &self.fields;
        BuilderFields {
            title: f.title.clone(),
            level: f.level,
            brief: f.brief.clone(),
            hints: f.hints.clone(),
            explain: f.explain.clone(),
            horizon_minutes: f.horizon_minutes,
            editable: f
                .ticked
                .iter()
                .cloned()
                .chain(f.extra.split_whitespace().map(str::to_string))
                .collect(),
            goals: f.goals.clone(),
            solution,
        }
    }

    /// Whether anything was typed or added (an untouched draft is not worth offering back).
    pub fn is_blank(&self) -> bool {
        let f = &self.fields;
        f.title.trim().is_empty()
            && f.brief.trim().is_empty()
            && f.hints.trim().is_empty()
            && f.explain.trim().is_empty()
            && f.ticked.is_empty()
            && f.extra.trim().is_empty()
            && f.goals.is_empty()
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

    fn stored(d: &BuilderDraft) -> Option<BuilderDraft> {
        BuilderDraft::from_stored(d.fields_record().as_deref(), Some(&d.start), None)
    }

    #[test]
    fn a_draft_comes_back_as_it_was_stored() {
        let mut d = BuilderDraft::new(r#"{"version":1,"name":"Canary deployment"}"#.into());
        d.fields.title = "Fix the canary".into();
        d.fields.ticked = vec!["services[0].desiredCount".into()];
        d.fields.horizon_minutes = 30;
        let back = stored(&d).expect("reads back");
        assert_eq!(back, d);
        assert!(!back.is_blank());
        assert_eq!(back.start_name().as_deref(), Some("Canary deployment"));
    }

    #[test]
    fn the_fields_record_does_not_carry_the_start() {
        // What each keystroke writes stays small whatever the start's size.
        let mut d = BuilderDraft::new(format!(
            r#"{{"name":"big","pad":"{}"}}"#,
            "x".repeat(500_000)
        ));
        d.fields.title = "T".into();
        let record = d.fields_record().expect("small");
        assert!(record.len() < 1_000, "{} bytes", record.len());
    }

    #[test]
    fn fields_naming_another_start_are_no_draft() {
        let mut d = BuilderDraft::new("{\"name\":\"a\"}".into());
        d.fields.title = "On a".into();
        let record = d.fields_record();
        assert_eq!(
            BuilderDraft::from_stored(record.as_deref(), Some("{\"name\":\"b\"}"), None),
            None
        );
        assert_eq!(
            BuilderDraft::from_stored(record.as_deref(), None, None),
            None
        );
    }

    #[test]
    fn a_draft_of_the_first_version_is_read_back() {
        let old = r#"{"start":"{\"name\":\"kept\"}","title":"Old","horizonMinutes":20}"#;
        let d = BuilderDraft::from_stored(None, None, Some(old)).expect("reads the old record");
        assert_eq!(d.start_name().as_deref(), Some("kept"));
        assert_eq!(
            (d.fields.title.as_str(), d.fields.horizon_minutes),
            ("Old", 20)
        );
        // The new records win over the old one.
        let mut new = BuilderDraft::new("{\"name\":\"new\"}".into());
        new.fields.title = "New".into();
        let back =
            BuilderDraft::from_stored(new.fields_record().as_deref(), Some(&new.start), Some(old));
        assert_eq!(back, Some(new));
    }

    #[test]
    fn the_builder_opens_the_kept_draft_then_the_stored_one_then_a_new_one() {
        let mut kept = BuilderDraft::new("{\"name\":\"kept\"}".into());
        kept.fields.title = "Kept".into();
        let mut stored = BuilderDraft::new("{\"name\":\"stored\"}".into());
        stored.fields.title = "Stored".into();
        let running = || "{\"name\":\"running\"}".to_string();
        let open = BuilderDraft::to_open(Some(kept.clone()), Some(stored.clone()), running());
        assert_eq!(open.fields.title, "Kept");
        let open = BuilderDraft::to_open(None, Some(stored), running());
        assert_eq!(open.fields.title, "Stored");
        // A blank draft, kept or stored, gives way to the running scenario.
        let blank = BuilderDraft::new("{\"name\":\"old\"}".into());
        let open = BuilderDraft::to_open(Some(blank.clone()), Some(blank), running());
        assert_eq!(open.start_name().as_deref(), Some("running"));
        let open = BuilderDraft::to_open(None, None, running());
        assert_eq!(open, BuilderDraft::new(running()));
    }

    #[test]
    fn the_fields_join_the_ticked_and_the_typed_paths() {
        let mut d = BuilderDraft::new("{}".into());
        d.fields.ticked = vec!["services[0].desiredCount".into()];
        d.fields.extra = " taskDefinitions[0].cpu  scalingPolicies ".into();
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
    fn fields_over_the_cap_are_not_stored() {
        let mut d = BuilderDraft::new("{}".into());
        assert!(d.fields_record().is_some());
        d.fields.brief = "x".repeat(MAX_BUILDER_FIELDS_BYTES);
        assert_eq!(d.fields_record(), None);
    }

    #[test]
    fn a_damaged_or_oversized_record_is_no_draft() {
        let d = BuilderDraft::new("{}".into());
        let read = |record: &str| BuilderDraft::from_stored(Some(record), Some("{}"), None);
        assert_eq!(read("{"), None);
        let good = d.fields_record().expect("small");
        assert!(read(&good).is_some());
        assert_eq!(read(&good.replacen('{', r#"{"surprise":1,"#, 1)), None);
        let huge_start = "x".repeat(MAX_BUILDER_START_BYTES + 1);
        let digest_of_huge = BuilderDraft::new(huge_start.clone()).fields_record();
        assert_eq!(
            BuilderDraft::from_stored(digest_of_huge.as_deref(), Some(&huge_start), None),
            None
        );
        // The old record: strict about its keys, capped, its start required.
        let old = |t: &str| BuilderDraft::from_stored(None, None, Some(t));
        assert_eq!(old(r#"{"start":"{}","surprise":1}"#), None);
        assert_eq!(old(r#"{"title":"no start"}"#), None);
        let huge = format!(
            r#"{{"start":"{}"}}"#,
            "x".repeat(MAX_OLD_BUILDER_DRAFT_BYTES)
        );
        assert_eq!(old(&huge), None);
        // Only the start is required; the rest has its defaults.
        let bare = old(r#"{"start":"{}"}"#).expect("reads");
        assert_eq!(bare, BuilderDraft::new("{}".into()));
        assert!(bare.is_blank());
        assert_eq!(bare.start_name(), None);
    }
}
