//! A task as a small button: coloured by service, shaded by revision, styled by lifecycle
//! phase (dashed while starting, solid when RUNNING, faded while stopping), red when
//! UNHEALTHY. The element stays while the task changes, so CSS transitions animate it.

use crate::state::{Playground, Selection};
use ecs_sim::service::{HealthStatus, LaunchKind};
use ecs_sim::sim::snapshot::{Snapshot, TaskView};
use ecs_sim::view::{find_task, labels, revision_shade, service_colour, ServiceLookup};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What a chip shows; compared on each redraw so unchanged chips are left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    label: String,
    status: &'static str,
    phase: &'static str,
    service: String,
    colour: Option<usize>,
    shade: u8,
    unhealthy: bool,
    spot: bool,
    short_id: String,
}

impl Chip {
    /// The chip of `t`, given its service's colour and its revision's shade.
    fn of(t: &TaskView, colour: Option<usize>, shade: u8) -> Chip {
        Chip {
            label: t.task_definition.clone(),
            status: t.last_status.as_str(),
            phase: labels::phase(t.last_status),
            service: t.service.clone().unwrap_or_default(),
            colour,
            shade,
            unhealthy: t.health == HealthStatus::Unhealthy,
            spot: t.launch == LaunchKind::FargateSpot,
            short_id: labels::short_id(&t.id).to_string(),
        }
    }

    /// The tooltip and accessible name: what the border style and colour say, in words.
    fn title(&self) -> String {
        format!(
            "task {} ({}): {}{}{}",
            self.short_id,
            self.label,
            self.status,
            if self.unhealthy { ", UNHEALTHY" } else { "" },
            if self.spot { ", Fargate Spot" } else { "" },
        )
    }
}

/// The chip of task `index` (its index in the engine).
#[component]
pub fn TaskChip(index: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let chip = RwSignal::new(pg.snapshot.with_untracked(|s| {
        let s = s.as_ref()?;
        let t = find_task(s, index)?;
        Some(Chip::of(
            t,
            service_colour(s, t.service.as_deref()),
            revision_shade(s, t),
        ))
    }));
    let key = pg.chips.add(index, chip);
    on_cleanup(move || pg.chips.remove(key));
    let selected = Memo::new(move |_| pg.selection.get() == Selection::Task(index));
    let class = move || {
        chip.with(|c| match c {
            Some(c) => format!(
                "task-chip {} shade{} phase-{}{}{}",
                c.colour
                    .map_or("c-none".to_string(), |n| format!("c{}", n % 8)),
                c.shade,
                c.phase,
                if c.unhealthy { " unhealthy" } else { "" },
                if selected.get() { " selected" } else { "" },
            ),
            None => "task-chip phase-stopped".to_string(),
        })
    };
    let field = move |f: fn(&Chip) -> String| move || chip.with(|c| c.as_ref().map(f));
    view! {
        <button type="button" class=class data-testid="task" data-task=index
            data-status=field(|c| c.status.to_string()) data-service=field(|c| c.service.clone())
            title=field(Chip::title) aria-label=field(Chip::title)
            aria-pressed=move || selected.get().to_string()
            on:click=move |ev| {
                ev.stop_propagation();
                pg.selection.set(Selection::Task(index));
            }>
            {field(|c| c.label.clone())}
            {move || chip.with(|c| c.as_ref().is_some_and(|c| c.unhealthy)).then(|| view! { <span class="mark" aria-hidden="true">"!"</span> })}
            {move || chip.with(|c| c.as_ref().is_some_and(|c| c.spot)).then(|| view! { <span class="mark spot" aria-hidden="true">"spot"</span> })}
        </button>
    }
}

/// (task index, chip number) → the chip's picture.
type Chips = BTreeMap<(usize, u64), RwSignal<Option<Chip>>>;

/// Every task chip on the page, by task index. [`Playground::refresh`] passes each new snapshot
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
    fn add(&self, index: usize, chip: RwSignal<Option<Chip>>) -> (usize, u64) {
        let n = self.next.get_value();
        self.next.set_value(n + 1);
        self.chips.update_value(|c| {
            c.insert((index, n), chip);
        });
        (index, n)
    }

    /// Forgets a chip that left the page.
    fn remove(&self, key: (usize, u64)) {
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
                    Some(Chip::of(t, l.colour(t.service.as_deref()), l.shade(t)))
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
