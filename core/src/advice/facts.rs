//! What the simulation records for proven advice: engine facts at the moment they happen
//! (never re-read from log text). Recording draws no random numbers and writes no log or
//! trace line, so it changes no trace.

use crate::time::Millis;

/// Most facts kept per kind (a long run repeats them; the first ones are the evidence).
pub const MAX_FACTS: usize = 1000;

/// One recorded fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// When.
    pub at: Millis,
    /// The service (model index).
    pub service: usize,
    /// The log entry that shows it (index into the event log).
    pub log_index: usize,
}

/// Facts of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunFacts {
    /// A task stopped as unhealthy before its image's start-up time had passed since RUNNING.
    pub stopped_during_start_up: Vec<Fact>,
    /// A "was unable to stop or start tasks during a deployment" event was emitted.
    pub deployment_blocked: Vec<Fact>,
    /// A Fargate Spot interruption left fewer RUNNING tasks than desired.
    pub spot_below_desired: Vec<Fact>,
    /// A service's task was stopped because a container used more memory than its limit
    /// (exit code 137, OutOfMemoryError).
    pub out_of_memory: Vec<Fact>,
    /// A service's RUNNING task was stopped because an essential container exited (its image's
    /// `crashAfterSeconds`; an out-of-memory kill is [`RunFacts::out_of_memory`]).
    pub exited_while_running: Vec<Fact>,
}

impl RunFacts {
    /// How many facts were recorded: the playground recomputes proven advice only when this
    /// changes.
    pub fn len(&self) -> usize {
        self.stopped_during_start_up.len()
            + self.deployment_blocked.len()
            + self.spot_below_desired.len()
            + self.out_of_memory.len()
            + self.exited_while_running.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Appends a fact unless the list is full.
pub fn record(list: &mut Vec<Fact>, fact: Fact) {
    if list.len() < MAX_FACTS {
        list.push(fact);
    }
}
