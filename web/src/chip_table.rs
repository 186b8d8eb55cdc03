//! What each task chip on the page shows, kept in one table so a new snapshot updates only the
//! chips whose picture changed.

use ecs_sim::sim::snapshot::{Snapshot, TaskView};
use ecs_sim::task::{HealthStatus, LaunchKind};
use ecs_sim::time::Millis;
use ecs_sim::view::{find_task, labels, ServiceLookup};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a chip shows; compared on each redraw so unchanged chips are left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub(crate) label: Arc<str>,
    pub(crate) status: &'static str,
    pub(crate) phase: &'static str,
    pub(crate) service: Arc<str>,
    pub(crate) colour: Option<usize>,
    pub(crate) shade: u8,
    pub(crate) unhealthy: bool,
    /// Its load balancer target's state (`healthy`, `unhealthy`, `initial`, `draining`).
    pub(crate) target: Option<&'static str>,
    pub(crate) spot: bool,
    /// Its application has hung (the simulator's `hangTask`): drawn with a mark, since its
    /// red target looked like any replacement still starting (walkthrough).
    pub(crate) hung: bool,
    /// While its target drains: the deregistration delay left (`m:ss`), counted down on the
    /// chip so a class can watch the delay pass before the task stops (instructor walkthrough).
    pub(crate) drain_left: Option<String>,
    pub(crate) short_id: String,
}

impl Chip {
    /// The chip of `t` at virtual time `now`, given its service's colour and its revision's
    /// shade.
    pub(crate) fn of(t: &TaskView, now: Millis, colour: Option<usize>, shade: u8) -> Chip {
        Chip {
            label: Arc::clone(&t.task_definition),
            status: t.last_status.as_str(),
            phase: labels::phase(t.last_status),
            service: t.service.clone().unwrap_or_default(),
            colour,
            shade,
            unhealthy: t.health == HealthStatus::Unhealthy,
            target: t.target_health.map(|s| s.as_str()),
            spot: t.launch == LaunchKind::FargateSpot,
            hung: t.hung && t.desired_status == "RUNNING",
            drain_left: labels::drain_left(t.draining_until, now),
            short_id: labels::short_id(&t.id).to_string(),
        }
    }

    /// The tooltip and accessible name: what the border style and colour say, in words.
    pub(crate) fn title(&self) -> String {
        format!(
            "task {} ({}): {}{}{}{}{}{}",
            self.short_id,
            self.label,
            self.status,
            // The stripes and dots of an older revision, said (a walkthrough found them
            // explained nowhere on the page).
            match self.shade {
                0 => "",
                1 => ", the revision before the service's current one (striped)",
                _ => ", an older revision than the service's current one (dotted)",
            },
            if self.unhealthy { ", UNHEALTHY" } else { "" },
            match (self.target, &self.drain_left) {
                (Some(s), Some(left)) =>
                    format!(", target {s}, {left} of its deregistration delay left"),
                (Some(s), None) => format!(", target {s}"),
                (None, _) => String::new(),
            },
            if self.spot { ", Fargate Spot" } else { "" },
            if self.hung {
                ", its application hung"
            } else {
                ""
            },
        )
    }
}

/// The CSS class of a service colour (`c0`…`c7`, `c-none` without one), as chips, log lines,
/// chart lines and legends draw it.
pub(crate) fn colour_class(colour: Option<usize>) -> String {
    colour.map_or("c-none".to_string(), |n| format!("c{}", n % 8))
}

/// (task index, chip number) → the chip's picture.
type Chips = BTreeMap<(usize, u64), RwSignal<Option<Chip>>>;

/// Every task chip on the page, by task index. `Playground::refresh` passes each new snapshot
/// through [`ChipTable::update`], which sets only the signals of chips whose picture changed:
/// with 2,000 chips, one pass with a service lookup is far cheaper than 2,000 memos that each
/// search the snapshot and scan the services by name.
#[derive(Clone, Copy)]
pub struct ChipTable {
    /// (task index, chip number) → the chip's picture. A task can have several chips (the
    /// cluster and the explain panel).
    chips: StoredValue<Chips, LocalStorage>,
    /// The next chip number.
    next: StoredValue<u64>,
}

impl ChipTable {
    /// An empty table.
    pub fn new() -> Self {
        ChipTable {
            chips: StoredValue::new_local(BTreeMap::new()),
            next: StoredValue::new(0),
        }
    }

    /// Registers a chip of task `index`; returns its key for [`ChipTable::remove`].
    pub(crate) fn add(&self, index: usize, chip: RwSignal<Option<Chip>>) -> (usize, u64) {
        let n = self.next.get_value();
        self.next.set_value(n + 1);
        self.chips.update_value(|c| {
            c.insert((index, n), chip);
        });
        (index, n)
    }

    /// Forgets a chip that left the page.
    pub(crate) fn remove(&self, key: (usize, u64)) {
        self.chips.try_update_value(|c| c.remove(&key));
    }

    /// Brings every chip to `snap`, touching only those that changed.
    pub fn update(&self, snap: Option<&Snapshot>) {
        let lookup = snap.map(ServiceLookup::new);
        let mut changed = Vec::new();
        self.chips.with_value(|chips| {
            for (&(index, _), sig) in chips {
                let new = snap.zip(lookup.as_ref()).and_then(|(s, l)| {
                    let t = find_task(s, index)?;
                    Some(Chip::of(
                        t,
                        s.now_ms,
                        l.colour(t.service.as_deref()),
                        l.shade(t),
                    ))
                });
                if sig.try_with_untracked(|old| *old != new).unwrap_or(false) {
                    changed.push((*sig, new));
                }
            }
        });
        // Set outside the table, in case a change adds or removes chips.
        for (sig, new) in changed {
            sig.try_set(new);
        }
    }
}

impl Default for ChipTable {
    fn default() -> Self {
        Self::new()
    }
}
