//! A check in progress: the submitted scenario's run to the horizon, resumable in chunks so the
//! page can check a lesson without holding the main thread (the command line runs it whole).

use super::evaluate::{Evaluation, GoalVerdict};
use super::{code, editable, goal, Challenge, Report};
use crate::problem::Problem;
use crate::sim::{LoadError, Sim};
use crate::time::Millis;
use serde_json::Value;

/// Events run between two looks at the wall clock in [`Checking::run_chunk`].
const EVENTS_PER_LOOK: u32 = 64;

/// A run being checked.
#[derive(Debug, Clone)]
pub struct Checking {
    sim: Sim,
    eval: Evaluation,
    checkpoints: Vec<Millis>,
    /// The instant the run has been observed at.
    t: Millis,
    horizon: Millis,
    started: bool,
    id: String,
    submitted: Value,
    report: Option<Report>,
}

impl Checking {
    /// Starts checking `scenario_text` against `challenge`: locked parts unchanged, the scenario
    /// valid, every goal checkable against it. Otherwise the refusal, as a report.
    pub fn start(challenge: &Challenge, scenario_text: &str) -> Result<Checking, Report> {
        if scenario_text.len() > crate::scenario::MAX_SCENARIO_BYTES {
            return Err(Report::refused(vec![Problem::new(
                "",
                format!(
                    "the scenario is {} bytes; the most this playground reads is {}",
                    scenario_text.len(),
                    crate::scenario::MAX_SCENARIO_BYTES
                ),
            )]));
        }
        let submitted: Value = match serde_json::from_str(scenario_text) {
            Ok(v) => v,
            Err(e) => {
                let (line, column, message) = crate::scenario::parse::syntax_parts(&e);
                return Err(Report::refused(vec![Problem::new(
                    "",
                    format!("{line}:{column}: JSON syntax error: {message}"),
                )]));
            }
        };
        let locked =
            editable::locked_changes(&challenge.doc.scenario, &submitted, &challenge.editable);
        if !locked.is_empty() {
            return Err(Report::refused(locked));
        }
        let left_out = super::kept_on_update::left_out(&challenge.doc.scenario, &submitted);
        if !left_out.is_empty() {
            return Err(Report::refused(left_out));
        }
        let sim = match Sim::from_json(scenario_text) {
            Ok(sim) => sim,
            Err(LoadError::Invalid(ps))
            | Err(LoadError::Scenario(crate::scenario::ScenarioError::Invalid(ps))) => {
                return Err(Report::refused(ps))
            }
            Err(LoadError::Scenario(e)) => {
                return Err(Report::refused(vec![Problem::new("", e.to_string())]))
            }
        };
        let eval = challenge.evaluation(&sim).map_err(Report::refused)?;
        Ok(Checking {
            checkpoints: eval.checkpoints(),
            eval,
            t: 0,
            horizon: challenge.horizon_ms,
            started: false,
            id: challenge.doc.id.clone(),
            submitted,
            sim,
            report: None,
        })
    }

    /// Runs until done or until `budget_ms` of `clock` (wall time, ms) has passed; whether done.
    pub fn run_chunk(&mut self, budget_ms: f64, clock: impl Fn() -> f64) -> bool {
        let start = clock();
        while self.report.is_none() {
            for _ in 0..EVENTS_PER_LOOK {
                if self.next() {
                    return true;
                }
            }
            if clock() - start >= budget_ms {
                break;
            }
        }
        self.report.is_some()
    }

    /// Runs to the end.
    pub fn run_all(&mut self) {
        while !self.next() {}
    }

    /// How far the run is, in thousandths of the horizon.
    pub fn progress_per_mille(&self) -> u32 {
        if self.horizon == 0 {
            return 1000;
        }
        u32::try_from(self.t.saturating_mul(1000) / self.horizon).unwrap_or(1000)
    }

    /// The verdicts so far (pending goals included).
    pub fn verdicts(&self) -> Vec<GoalVerdict> {
        self.eval.verdicts()
    }

    /// The report, once done.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// One stop of the run: the next event time or checkpoint. Whether the check is done.
    ///
    /// The state at an instant is the state after every event at or before it, so the run stops
    /// after each event time and at every goal's window edge.
    fn next(&mut self) -> bool {
        if self.report.is_some() {
            return true;
        }
        if self.started {
            if self.t >= self.horizon {
                let goals = self.eval.finish(&self.sim);
                let passed = goals.iter().all(GoalVerdict::met);
                self.report = Some(Report {
                    problems: Vec::new(),
                    completion_code: passed
                        .then(|| code::completion_code(&self.id, &self.submitted)),
                    goals,
                    passed,
                });
                return true;
            }
            let t = self.t;
            let next_check = self.checkpoints.iter().copied().find(|&c| c > t);
            self.t = [self.sim.next_event_at(), next_check, Some(self.horizon)]
                .into_iter()
                .flatten()
                .filter(|&x| x > t)
                .min()
                .unwrap_or(self.horizon)
                .min(self.horizon);
        }
        self.started = true;
        self.sim.run_until(self.t);
        self.eval.observe(&self.sim);
        false
    }
}

impl Challenge {
    /// The goals resolved against a run of `sim`'s scenario, ready to observe (the playground's
    /// live goal list uses this on its own run); problems when a goal names something the
    /// scenario does not have.
    pub fn evaluation(&self, sim: &Sim) -> Result<Evaluation, Vec<Problem>> {
        let services: Vec<String> = sim.model.services.iter().map(|s| s.name.clone()).collect();
        let mut problems = Vec::new();
        let goals: Vec<goal::Goal> = self
            .doc
            .goals
            .iter()
            .enumerate()
            .filter_map(|(k, g)| {
                goal::resolve_goal(g, k, &services, self.horizon_ms, &mut problems)
            })
            .collect();
        if problems.is_empty() {
            Ok(Evaluation::new(goals))
        } else {
            Err(problems)
        }
    }
}
