//! Turns untrusted scenario text into a [`ScenarioDocument`], naming the field of any problem.

use super::document::{ScenarioDocument, SCENARIO_VERSION};
use crate::problem::Problem;
use std::fmt;

/// Largest scenario text accepted (1 MiB): far above any real scenario, small enough that a
/// hostile file cannot stall the page.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// Why a scenario could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not JSON: the position of the first syntax error (1-based).
    Syntax {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// Larger than [`MAX_SCENARIO_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// JSON, but not a valid scenario: every problem found, with its path.
    Invalid(Vec<Problem>),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "JSON syntax error at line {line}, column {column}: {message}"
            ),
            Self::TooLarge { bytes } => write!(
                f,
                "the scenario is {bytes} bytes; the playground reads at most {MAX_SCENARIO_BYTES}"
            ),
            Self::Invalid(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Parses scenario text: size cap, JSON syntax, version, then the document's shape.
pub fn parse_scenario(text: &str) -> Result<ScenarioDocument, ScenarioError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(ScenarioError::TooLarge { bytes: text.len() });
    }
    // A valid scenario straight from its text (no `Value` built, then written out and parsed
    // again: a third of the work on a large scenario). Anything else takes the way below, which
    // finds the problem to report in the order the playground reports them; a repeated key,
    // which the typed parse refuses and a `Value` keeps the last of, ends up there too.
    if let Ok(doc) = serde_json::from_str::<ScenarioDocument>(text) {
        if doc.version == SCENARIO_VERSION {
            return Ok(doc);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    match value.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(SCENARIO_VERSION)) => {}
        Some(v) => {
            return Err(ScenarioError::Invalid(vec![Problem::new(
                "version",
                format!("unsupported scenario version {v}; this playground reads version {SCENARIO_VERSION}"),
            )]))
        }
        None => {
            return Err(ScenarioError::Invalid(vec![Problem::new(
                "version",
                format!("missing; add \"version\": {SCENARIO_VERSION}"),
            )]))
        }
    }
    // A pasted describe-services object: every read-only key at once, not one per attempt.
    let pasted = crate::problem::not_simulated::describe_services_keys(&value);
    if !pasted.is_empty() {
        return Err(ScenarioError::Invalid(pasted));
    }
    crate::problem::shape::from_value(&value).map_err(|p| {
        let message = crate::problem::words::in_plain_words(&p.message);
        ScenarioError::Invalid(vec![Problem::new(p.path, message)])
    })
}

/// Maps a serde_json syntax error to our error, keeping its line and column.
pub fn syntax_error(e: &serde_json::Error) -> ScenarioError {
    let (line, column, message) = syntax_parts(e);
    ScenarioError::Syntax {
        line,
        column,
        message,
    }
}

/// Line, column and message of a serde_json error (the message without its position).
pub fn syntax_parts(e: &serde_json::Error) -> (usize, usize, String) {
    (e.line(), e.column(), crate::problem::shape::bare_message(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{TimelineAction, DEFAULT_SCENARIO_JSON};

    #[test]
    fn default_scenario_parses_and_round_trips() {
        let doc = parse_scenario(DEFAULT_SCENARIO_JSON).unwrap();
        assert_eq!(doc.clusters[0].cluster_name, "default");
        let again = parse_scenario(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(doc, again);
        assert!(matches!(
            doc.timeline[0].action,
            TimelineAction::TerminateInstance { instance: 0 }
        ));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_scenario("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
        match err {
            ScenarioError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn wrong_types_and_unknown_keys_name_the_field() {
        let text =
            DEFAULT_SCENARIO_JSON.replace("\"desiredCount\": 6", "\"desiredCount\": \"six\"");
        let ScenarioError::Invalid(p) = parse_scenario(&text).unwrap_err() else {
            panic!("expected invalid")
        };
        assert_eq!(p[0].path, "services[0].desiredCount");

        let text = DEFAULT_SCENARIO_JSON.replace("\"seed\": 42,", "\"seed\": 42, \"colour\": 1,");
        let ScenarioError::Invalid(p) = parse_scenario(&text).unwrap_err() else {
            panic!("expected invalid")
        };
        assert!(p[0].message.contains("unknown field `colour`"), "{p:?}");

        let text = DEFAULT_SCENARIO_JSON.replace("\"instance\": 0", "\"instance\": 0, \"x\": 1");
        assert!(
            parse_scenario(&text).is_err(),
            "unknown timeline keys are refused"
        );
    }

    #[test]
    fn the_direct_parse_reads_what_the_checked_way_reads() {
        for example in crate::scenario::examples::EXAMPLES {
            let direct = parse_scenario(example.json).unwrap();
            let value: serde_json::Value = serde_json::from_str(example.json).unwrap();
            let checked: ScenarioDocument = crate::problem::shape::from_value(&value).unwrap();
            assert_eq!(direct, checked, "{}", example.id);
        }
        // A repeated key is not an error: the last one counts, as it did.
        let text = DEFAULT_SCENARIO_JSON.replace("\"seed\": 42,", "\"seed\": 1, \"seed\": 42,");
        assert_eq!(parse_scenario(&text).unwrap().seed, 42);
        // A wrong version is refused whichever way it is read.
        let text = DEFAULT_SCENARIO_JSON.replace("\"version\": 1", "\"version\": 7");
        assert!(
            matches!(parse_scenario(&text), Err(ScenarioError::Invalid(p)) if p[0].path == "version")
        );
    }

    #[test]
    fn other_versions_and_oversized_text_are_refused() {
        let text = DEFAULT_SCENARIO_JSON.replace("\"version\": 1", "\"version\": 2");
        let ScenarioError::Invalid(p) = parse_scenario(&text).unwrap_err() else {
            panic!("expected invalid")
        };
        assert_eq!(p[0].path, "version");
        let big = " ".repeat(MAX_SCENARIO_BYTES + 1);
        assert!(matches!(
            parse_scenario(&big),
            Err(ScenarioError::TooLarge { .. })
        ));
    }
}
