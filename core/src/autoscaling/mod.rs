//! Auto scaling state kept while a run goes: cluster auto scaling's alarm counts per Auto
//! Scaling group (see [`crate::cluster::managed_scaling`]), Service Auto Scaling's targets,
//! activities and cooldowns, and the random streams of Fargate Spot, scaling activity IDs and
//! the groups' termination policy.
//! Everything here is empty for scenarios that use none of the auto scaling keys, and nothing
//! is scheduled for them, so their runs and trace hashes stay the same.

pub mod activity;
pub use crate::metrics::alarm;
pub mod cron;
pub mod decide;
pub mod field_docs;
pub mod form;
pub mod model;
pub mod resolve;
pub mod resource_label;
pub mod rules;
pub mod schedule;
pub mod spec;
pub mod state;
pub mod step;
pub mod target_tracking;

pub use model::AutoScalingModel;

use crate::cluster::managed_scaling::ManagedScalingState;
use crate::rng::{SimRng, Stream};
use std::collections::BTreeMap;

/// What cluster and service auto scaling remember between their minute ticks.
#[derive(Debug, Clone)]
pub struct AutoScalingState {
    /// Managed scaling alarm state per Auto Scaling group (index into the model's groups).
    pub managed: BTreeMap<usize, ManagedScalingState>,
    /// Scalable targets by service: their range now and their scaling activities.
    pub services: BTreeMap<usize, state::ServiceScaling>,
    /// Cooldown state per scaling policy (same order as the model's policies).
    pub policies: Vec<state::PolicyState>,
    /// Draws for Fargate Spot interruptions (its own stream, so it shifts no other draw).
    pub(crate) spot_rng: SimRng,
    /// Draws for scaling activities' `ActivityId`s (its own stream, likewise).
    pub(crate) activity_ids: SimRng,
    /// Draws for scale-in ties on the billing hour (see
    /// [`crate::cluster::termination_policy`]; its own stream, so it shifts no other draw).
    pub(crate) termination_rng: SimRng,
}

impl AutoScalingState {
    /// Empty state for a run seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        AutoScalingState {
            managed: BTreeMap::new(),
            services: BTreeMap::new(),
            policies: Vec::new(),
            spot_rng: SimRng::fork(seed, Stream::SpotInterruptions),
            activity_ids: SimRng::fork(seed, Stream::ScalingActivityIds),
            termination_rng: SimRng::fork(seed, Stream::ScaleInTermination),
        }
    }
}
