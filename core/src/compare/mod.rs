//! "Same workload elsewhere": the scenario run headless three more times with its services
//! moved to Fargate, Fargate Spot and EC2 ([`transform`]), for the same simulated time, and
//! the costs set side by side with the scenario as written. The runs advance in chunks bounded
//! by wall time ([`Comparison::run_chunk`]), so the playground never blocks its page.

pub mod card;
pub mod transform;

use crate::scenario::model::Model;
use crate::scenario::{parse_scenario, resolve::resolve};
use crate::sim::Sim;
use crate::time::Millis;
use crate::view::report::cost::cost_report;
pub use transform::{moved, Target, EC2_PROVIDER};

/// The shortest comparison: ten minutes, so a comparison at time 0 still says something.
pub const MIN_HORIZON_MS: Millis = 10 * 60_000;
/// The longest comparison: a day of simulated time.
pub const MAX_HORIZON_MS: Millis = 24 * 60 * 60_000;

/// The simulated time a comparison covers for a run now at `now`: `now` rounded up to a whole
/// minute, within [`MIN_HORIZON_MS`]–[`MAX_HORIZON_MS`].
pub fn horizon_for(now: Millis) -> Millis {
    (now.div_ceil(60_000) * 60_000).clamp(MIN_HORIZON_MS, MAX_HORIZON_MS)
}

/// What a comparison could not do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    /// The scenario itself does not load (the editor shows why).
    Scenario(String),
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::Scenario(m) => write!(f, "the scenario does not load: {m}"),
        }
    }
}

impl std::error::Error for CompareError {}

/// Which run a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// The scenario as written, headless (no clicks).
    AsWritten,
    /// Moved to a target.
    Moved(Target),
}

impl Column {
    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::AsWritten => "As written",
            Column::Moved(t) => t.label(),
        }
    }
}

/// A finished run's figures, nano-dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Everything at the horizon (instances, Fargate tasks, load balancers).
    pub total_nano_usd: u64,
    /// Cost per hour at the horizon.
    pub per_hour_nano_usd: u64,
    /// EC2 instances.
    pub ec2_nano_usd: u64,
    /// Fargate and Fargate Spot tasks.
    pub fargate_nano_usd: u64,
    /// Idle EC2 capacity (paid for, reserved by no task).
    pub idle_nano_usd: u64,
    /// What the services' tasks cost (Fargate tasks, EC2 shares, load balancers).
    pub services_nano_usd: u64,
}

/// Where a column's run is.
#[derive(Debug, Clone)]
pub enum State {
    /// Resolved, not started: the engine is built by the first chunk that reaches it, so
    /// preparing a comparison does not build four engines at once.
    Ready(Box<Model>),
    /// Running (boxed: a Sim is large).
    Running(Box<Sim>),
    /// Done.
    Done(Outcome),
    /// The moved scenario does not load (e.g. a task too large for Fargate).
    NotComparable(String),
}

/// The comparison: one run per column, advanced one at a time.
#[derive(Debug, Clone)]
pub struct Comparison {
    horizon: Millis,
    columns: Vec<(Column, State)>,
}

impl Comparison {
    /// Prepares the four runs of `scenario` (JSON text) over `horizon` ms of simulated time.
    pub fn new(scenario: &str, horizon: Millis) -> Result<Comparison, CompareError> {
        let doc = parse_scenario(scenario).map_err(|e| CompareError::Scenario(e.to_string()))?;
        let model: Model = resolve(&doc).map_err(|p| {
            CompareError::Scenario(
                p.first()
                    .map_or_else(|| "invalid".to_string(), ToString::to_string),
            )
        })?;
        let mut columns = vec![(
            Column::AsWritten,
            State::Running(Box::new(Sim::new(model.clone()))),
        )];
        for target in Target::ALL {
            let doc = moved(&doc, &model, target);
            let state = match resolve(&doc) {
                Ok(m) => State::Ready(Box::new(m)),
                Err(p) => State::NotComparable(
                    p.first()
                        .map_or_else(|| "invalid".to_string(), ToString::to_string),
                ),
            };
            columns.push((Column::Moved(target), state));
        }
        Ok(Comparison { horizon, columns })
    }

    /// The simulated time every run covers, ms.
    pub fn horizon(&self) -> Millis {
        self.horizon
    }

    /// Advances the first unfinished run for at most `budget_ms` of wall time as read by
    /// `clock` (checked after every event), finishing runs that reach the horizon. Returns
    /// whether every run is done.
    pub fn run_chunk(&mut self, budget_ms: f64, clock: impl Fn() -> f64) -> bool {
        let start = clock();
        for (_, state) in &mut self.columns {
            if let State::Ready(model) = state {
                *state = State::Running(Box::new(Sim::new((**model).clone())));
                if clock() - start > budget_ms {
                    return false;
                }
            }
            let State::Running(sim) = state else { continue };
            while sim.next_event_at().is_some_and(|t| t <= self.horizon) {
                sim.step();
                if clock() - start > budget_ms {
                    return false;
                }
            }
            sim.run_until(self.horizon);
            *state = State::Done(outcome(sim));
            if clock() - start > budget_ms {
                return self.is_done();
            }
        }
        self.is_done()
    }

    /// Runs everything to the end (native callers and tests).
    pub fn run_all(&mut self) {
        while !self.run_chunk(f64::INFINITY, || 0.0) {}
    }

    /// Whether every run reached the horizon (or cannot run).
    pub fn is_done(&self) -> bool {
        self.columns
            .iter()
            .all(|(_, s)| !matches!(s, State::Running(_) | State::Ready(_)))
    }

    /// Progress, 0–1000 per mille: simulated time covered over all runs.
    pub fn progress_per_mille(&self) -> u32 {
        let total = self.horizon.max(1) * self.columns.len() as u64;
        let done: u64 = self
            .columns
            .iter()
            .map(|(_, s)| match s {
                State::Running(sim) => sim.now().min(self.horizon),
                State::Ready(_) => 0,
                _ => self.horizon,
            })
            .sum();
        u32::try_from(done * 1000 / total).unwrap_or(1000)
    }

    /// Each column and where it is.
    pub fn columns(&self) -> &[(Column, State)] {
        &self.columns
    }

    /// A column's outcome, when done.
    pub fn outcome(&self, column: Column) -> Option<Outcome> {
        self.columns.iter().find_map(|(c, s)| match s {
            State::Done(o) if *c == column => Some(*o),
            _ => None,
        })
    }
}

/// A finished run's figures.
fn outcome(sim: &Sim) -> Outcome {
    let r = cost_report(sim);
    Outcome {
        total_nano_usd: r.total.total_nano_usd,
        per_hour_nano_usd: r.total.per_hour_nano_usd,
        ec2_nano_usd: r.ec2_instances.total_nano_usd,
        fargate_nano_usd: r.fargate_tasks.total_nano_usd,
        idle_nano_usd: r.idle.total.total_nano_usd,
        services_nano_usd: r
            .services
            .iter()
            .map(|s| s.amount.total_nano_usd)
            .sum::<u64>()
            + r.standalone_tasks.total_nano_usd,
    }
}

#[cfg(test)]
mod tests;
