//! The challenge document, version 1: a starting scenario, what the student may change, the
//! goals a run must meet, hints, a hidden solution and what to read on success
//! (`docs/challenge-format.md`). Parsed strictly: unknown keys are refused, every text is
//! capped, and the caps are checked before any run.

use super::goal::GoalSpec;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};

/// The only challenge format version this build reads.
pub const CHALLENGE_VERSION: u32 = 1;

/// The `kind` every challenge carries, so a challenge file is never mistaken for a scenario.
pub const CHALLENGE_KIND: &str = "challenge";

/// Largest challenge text read (the starting scenario is inside it, and a scenario may be 1 MiB).
pub const MAX_CHALLENGE_BYTES: usize = 1024 * 1024 + 64 * 1024;

/// A challenge as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChallengeDocument {
    /// Always `"challenge"`.
    pub kind: String,
    /// Format version; must be [`CHALLENGE_VERSION`].
    pub version: u32,
    /// Stable identifier: lowercase letters, digits and `-`; the completion code hashes it.
    pub id: String,
    /// Shown as the lesson's heading.
    pub title: String,
    /// How hard, 1 (first steps) to 3 (needs several ideas at once).
    #[serde(default = "default_level")]
    pub level: u8,
    /// What to do, in the tiny markup of [`super::brief`] (never HTML).
    pub brief: String,
    /// The scenario the student starts from (a whole scenario document).
    pub scenario: serde_json::Value,
    /// JSON paths the student may change (`services[0].desiredCount`, `taskDefinitions[*].cpu`);
    /// a path opens everything under it. Everything else is locked.
    #[serde(default)]
    pub editable: Vec<String>,
    /// How long each check runs, in seconds of virtual time.
    pub horizon_seconds: u64,
    /// What a run must achieve; each goal has its own sentence.
    pub goals: Vec<GoalSpec>,
    /// Shown one at a time, gentlest first.
    #[serde(default)]
    pub hints: Vec<String>,
    /// A reference solution, hidden until asked for: a whole scenario, or a list of edits
    /// (`[{ "path": …, "value": … }]`) to the starting scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution: Option<serde_json::Value>,
    /// Shown on success: why the solution works, with links to read.
    #[serde(default)]
    pub explain: String,
    /// The `id` of the goal whose chart presenter mode opens on, where the first goal's chart is
    /// not what the room should watch (lesson 13's instances, lesson 14's cost); without it,
    /// [`super::chart::presenter_chart`] picks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter_chart: Option<String>,
}

fn default_level() -> u8 {
    1
}

/// Why a challenge could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChallengeError {
    /// Over [`MAX_CHALLENGE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's message.
        message: String,
    },
    /// JSON, but not a valid challenge: every problem with its path.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for ChallengeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "the challenge is {bytes} bytes; the most this playground reads is {MAX_CHALLENGE_BYTES}"
            ),
            Self::Syntax {
                line,
                column,
                message,
            } => write!(f, "{line}:{column}: JSON syntax error: {message}"),
            Self::Invalid(ps) => crate::problem::write_lines(f, ps),
        }
    }
}

impl std::error::Error for ChallengeError {}

/// Reads challenge text: size cap, JSON syntax, kind and version, then the strict shape.
/// Checks of the contents (caps, paths, goals) are [`super::Challenge::from_document`]'s.
pub fn parse_document(text: &str) -> Result<ChallengeDocument, ChallengeError> {
    if text.len() > MAX_CHALLENGE_BYTES {
        return Err(ChallengeError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, column, message) = crate::scenario::parse::syntax_parts(&e);
        ChallengeError::Syntax {
            line,
            column,
            message,
        }
    })?;
    match value.get("kind").and_then(serde_json::Value::as_str) {
        Some(CHALLENGE_KIND) => {}
        Some(other) => {
            return Err(invalid(
                "kind",
                format!(
                    "'{}' is not a challenge; a challenge has \"kind\": \"challenge\"",
                    super::caps::cut(other, 40)
                ),
            ))
        }
        None => {
            return Err(invalid(
                "kind",
                "missing; a challenge has \"kind\": \"challenge\" (is this a scenario?)",
            ))
        }
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(CHALLENGE_VERSION) => {}
        _ => {
            return Err(invalid(
                "version",
                format!("this playground reads challenge version {CHALLENGE_VERSION}"),
            ))
        }
    }
    crate::problem::shape::from_value(&value).map_err(|p| ChallengeError::Invalid(vec![p]))
}

fn invalid(path: &str, message: impl Into<String>) -> ChallengeError {
    ChallengeError::Invalid(vec![Problem::new(path, message)])
}
