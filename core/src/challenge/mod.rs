//! Challenges: a starting scenario, the parts a student may edit, and goals the engine checks
//! by running it — a lesson's pass is a fact of a deterministic run, not a guess. The format is
//! `docs/challenge-format.md`; the built-in course is [`course`]; `ecs-sim check` grades with
//! [`check`], and the playground's lesson pane uses the same functions.
//!
//! Above `sim` and `view` (it runs scenarios and reads cost and advice reports), beside
//! `compare`.

pub mod brief;
pub mod builder;
pub mod builder_draft;
pub mod caps;
pub mod chart;
pub mod checking;
pub mod code;
pub mod course;
pub mod document;
pub mod editable;
pub mod editor_place;
pub mod evaluate;
pub mod goal;
pub mod kept_on_update;
pub mod link;
pub mod live_reading;
pub mod measure;
pub mod open_changes;
pub mod path_words;
pub mod progress;
pub mod self_test;
pub mod wording;

pub use checking::Checking;
pub use document::{parse_document, ChallengeDocument, ChallengeError};
pub use evaluate::{GoalState, GoalVerdict};

use crate::problem::Problem;
use crate::sim::{LoadError, Sim};
use crate::time::Millis;

use editable::Segment;
use serde::Serialize;
use serde_json::Value;

/// A challenge that has been checked and is ready to grade against.
#[derive(Debug, Clone)]
pub struct Challenge {
    /// The document as written.
    pub doc: ChallengeDocument,
    /// The editable paths, read.
    pub editable: Vec<Vec<Segment>>,
    /// The horizon, ms.
    pub horizon_ms: Millis,
}

impl Challenge {
    /// Reads and checks challenge text.
    pub fn parse(text: &str) -> Result<Challenge, ChallengeError> {
        Challenge::from_document(parse_document(text)?)
    }

    /// Checks a document: caps, identifiers, paths, that the starting scenario runs, that every
    /// goal can be checked against it, and the shape of the solution.
    pub fn from_document(doc: ChallengeDocument) -> Result<Challenge, ChallengeError> {
        let mut problems = Vec::new();
        let mut too_long = |path: &str, text: &str, max: usize| {
            if text.chars().count() > max {
                problems.push(Problem::new(path, format!("longer than {max} characters")));
            }
        };
        too_long("title", &doc.title, caps::TITLE);
        too_long("brief", &doc.brief, caps::PROSE);
        too_long("explain", &doc.explain, caps::PROSE);
        for (k, h) in doc.hints.iter().enumerate() {
            too_long(&format!("hints[{k}]"), h, caps::HINT);
        }
        if !goal::valid_id(&doc.id) {
            problems.push(Problem::new(
                "id",
                "use 1 to 64 lowercase letters, digits and '-'",
            ));
        }
        if doc.title.trim().is_empty() || doc.title.chars().any(char::is_control) {
            problems.push(Problem::new("title", "a one-line title is needed"));
        }
        if !(1..=3).contains(&doc.level) {
            problems.push(Problem::new("level", "1, 2 or 3"));
        }
        if doc.hints.len() > caps::HINTS {
            problems.push(Problem::new(
                "hints",
                format!("at most {} hints", caps::HINTS),
            ));
        }
        if doc.horizon_seconds == 0 || doc.horizon_seconds > caps::HORIZON_SECONDS {
            problems.push(Problem::new(
                "horizonSeconds",
                format!("from 1 to {} seconds (six hours)", caps::HORIZON_SECONDS),
            ));
        }
        if doc.goals.is_empty() {
            // The builder's Preview and Share say this when no goal was added yet, so it
            // names what to do, not only the bounds.
            problems.push(Problem::new(
                "goals",
                format!(
                    "add at least one goal: a challenge is graded by its goals (1 to {})",
                    caps::GOALS
                ),
            ));
        } else if doc.goals.len() > caps::GOALS {
            problems.push(Problem::new(
                "goals",
                format!("at most {} goals", caps::GOALS),
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for (k, g) in doc.goals.iter().enumerate() {
            if !ids.insert(g.id.as_str()) {
                problems.push(Problem::new(
                    format!("goals[{k}].id"),
                    "used by another goal",
                ));
            }
        }
        // A goal may need one other goal met, which needs none itself (no chains, no cycles).
        for (k, g) in doc.goals.iter().enumerate() {
            let Some(needed) = &g.needs else { continue };
            let problem = match doc.goals.iter().find(|o| o.id == *needed) {
                None => Some("names no goal of this challenge (give another goal's id)"),
                Some(o) if o.id == g.id => Some("names this goal itself"),
                Some(o) if o.needs.is_some() => Some(
                    "names a goal that needs another one: a goal may need one goal that needs none",
                ),
                Some(_) => None,
            };
            if let Some(p) = problem {
                problems.push(Problem::new(format!("goals[{k}].needs"), p));
            }
        }
        if let Some(id) = &doc.presenter_chart {
            match doc.goals.iter().find(|g| g.id == *id) {
                None => problems.push(Problem::new(
                    "presenterChart",
                    "names no goal of this challenge (give a goal's id)",
                )),
                Some(g) if chart::chart_of_goal(g).is_none() => problems.push(Problem::new(
                    "presenterChart",
                    format!("goal {id} has no chart of its own: presenter mode draws task counts, a provider's instances, the cost per hour and metrics"),
                )),
                Some(_) => {}
            }
        }
        if doc.editable.len() > caps::EDITABLE {
            problems.push(Problem::new(
                "editable",
                format!("at most {} paths", caps::EDITABLE),
            ));
        }
        let mut editable = Vec::new();
        for (k, p) in doc.editable.iter().enumerate().take(caps::EDITABLE) {
            match editable::parse_path(p).filter(|_| p.len() <= caps::PATH) {
                Some(s) => editable.push(s),
                None => problems.push(Problem::new(
                    format!("editable[{k}]"),
                    "not a path like services[0].desiredCount or taskDefinitions[*].cpu",
                )),
            }
        }
        let horizon_ms = doc.horizon_seconds.min(caps::HORIZON_SECONDS) * 1000;
        match scenario_names(&doc.scenario) {
            Ok(services) => {
                for (k, g) in doc.goals.iter().enumerate().take(caps::GOALS) {
                    goal::resolve_goal(g, k, &services, horizon_ms, &mut problems);
                }
            }
            Err(ps) => problems.extend(ps.into_iter().map(|p| p.prefixed("scenario"))),
        }
        match &doc.solution {
            None | Some(Value::Object(_)) => {}
            Some(Value::Array(edits)) => {
                if let Err(p) = editable::apply_edits(&doc.scenario, edits) {
                    problems.push(p);
                }
            }
            Some(_) => problems.push(Problem::new(
                "solution",
                "a whole scenario, or a list of edits [{ \"path\": …, \"value\": … }]",
            )),
        }
        if problems.is_empty() {
            Ok(Challenge {
                doc,
                editable,
                horizon_ms,
            })
        } else {
            Err(ChallengeError::Invalid(problems))
        }
    }

    /// What the lesson locks, for the playground's forms and editor.
    pub fn lock(&self) -> editable::Lock {
        editable::Lock {
            start: self.doc.scenario.clone(),
            editable: self.editable.clone(),
        }
    }

    /// The key this challenge's passes and work are kept under in the browser: its id for a
    /// lesson of the built-in course, its id and a fingerprint of the whole document for a
    /// shared one ([`progress::progress_key`]).
    pub fn progress_key(&self, in_course: bool) -> String {
        let fingerprint = (!in_course).then(|| self.fingerprint());
        progress::progress_key(&self.doc.id, fingerprint.as_deref())
    }

    /// Eight hex digits naming this version of the challenge ([`code::fingerprint`]): the
    /// lesson pane of a shared challenge and `ecs-sim check` both show it, so an instructor
    /// can tell a student's screen of a modified link (easier goals, same title) from the
    /// challenge handed out (instructor walkthrough, 2026-12-06).
    pub fn fingerprint(&self) -> String {
        code::fingerprint(&serde_json::to_value(&self.doc).unwrap_or(Value::Null))
    }

    /// The starting scenario as the editor shows it.
    pub fn start_text(&self) -> String {
        crate::form::to_text(&self.doc.scenario)
    }

    /// The reference solution as a whole scenario, if the challenge has one.
    pub fn solution(&self) -> Option<Value> {
        match self.doc.solution.as_ref()? {
            Value::Array(edits) => editable::apply_edits(&self.doc.scenario, edits).ok(),
            other => Some(other.clone()),
        }
    }
}

/// The service names of a scenario that loads, or why it does not.
fn scenario_names(scenario: &Value) -> Result<Vec<String>, Vec<Problem>> {
    let text = serde_json::to_string(scenario).unwrap_or_default();
    match Sim::from_json(&text) {
        Ok(sim) => Ok(sim.model.services.iter().map(|s| s.name.clone()).collect()),
        Err(LoadError::Invalid(ps)) => Err(ps),
        Err(LoadError::Scenario(e)) => Err(match e {
            crate::scenario::ScenarioError::Invalid(ps) => ps,
            other => vec![Problem::new("", other.to_string())],
        }),
    }
}

/// What checking one scenario against a challenge found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Why the scenario could not be run (locked parts changed, not a valid scenario); goals
    /// are not checked then.
    pub problems: Vec<Problem>,
    /// Every goal's verdict.
    pub goals: Vec<GoalVerdict>,
    /// Whether every goal was met.
    pub passed: bool,
    /// The completion code, when passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_code: Option<String>,
}

impl Report {
    pub(crate) fn refused(problems: Vec<Problem>) -> Report {
        Report {
            problems,
            goals: Vec::new(),
            passed: false,
            completion_code: None,
        }
    }

    /// Goals met.
    pub fn met(&self) -> usize {
        self.goals.iter().filter(|g| g.met()).count()
    }
}

/// Checks a scenario (its JSON text) against a challenge: locked parts unchanged, the scenario
/// valid, then a run to the horizon deciding every goal. A pure function of its inputs.
pub fn check(challenge: &Challenge, scenario_text: &str) -> Report {
    match Checking::start(challenge, scenario_text) {
        Ok(mut c) => {
            c.run_all();
            c.report()
                .cloned()
                .unwrap_or_else(|| Report::refused(Vec::new()))
        }
        Err(refused) => refused,
    }
}

#[cfg(test)]
mod tests;
