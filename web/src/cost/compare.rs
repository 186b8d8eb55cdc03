//! The "Same workload elsewhere" card: on "Compare", the running scenario is run headless four
//! times (as written, Fargate, Fargate Spot, EC2; `ecs_sim::compare`) over the current run's
//! time, in chunks of at most [`CHUNK_BUDGET_MS`] of engine work, one per timer tick, with a
//! progress bar. It recomputes only when asked; a new scenario clears it.

use crate::controls::now_ms;
use crate::state::Playground;
use ecs_sim::compare::card::{card, CompareCard as Card};
use ecs_sim::compare::{horizon_for, Comparison};
use leptos::prelude::*;
use std::time::Duration;

/// Wall milliseconds of engine work per chunk (checked after every event): far below the
/// 50 ms of a long task, so the page answers clicks while the comparison runs.
const CHUNK_BUDGET_MS: f64 = 20.0;
/// Wall milliseconds between chunks: the browser draws and handles input in between.
const CHUNK_EVERY_MS: u64 = 16;

/// The card.
#[component]
pub fn CompareCard() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let work: StoredValue<Option<Comparison>, LocalStorage> = StoredValue::new_local(None);
    let shown: RwSignal<Option<Card>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // Which comparison is current: a new one (or a new scenario) stops the old one's chunks.
    let generation = StoredValue::new(0u64);
    // A new scenario makes the old comparison meaningless.
    Effect::new(move |_| {
        pg.running_text.track();
        generation.update_value(|g| *g += 1);
        work.set_value(None);
        shown.set(None);
        error.set(None);
    });
    let start = move |_| {
        let text = pg.running_text.get_untracked();
        let now = pg.clock_ms();
        generation.update_value(|g| *g += 1);
        match Comparison::new(&text, horizon_for(now)) {
            Ok(c) => {
                shown.set(Some(card(&c)));
                work.set_value(Some(c));
                error.set(None);
                schedule(work, shown, generation, generation.get_value());
            }
            Err(e) => {
                work.set_value(None);
                shown.set(None);
                error.set(Some(e.to_string()));
            }
        }
    };
    let running =
        move || shown.with(|c| c.as_ref().is_some_and(|c| c.progress_per_mille.is_some()));
    view! {
        <section class="compare" data-testid="compare" aria-label="Same workload elsewhere">
            <header class="compare-head">
                <h3>"Same workload elsewhere"</h3>
                <button type="button" data-testid="compare-run" on:click=start disabled=running>
                    {move || if shown.with(Option::is_some) { "Compare again" } else { "Compare" }}
                </button>
            </header>
            <p class="muted compare-intro">
                "Runs the scenario again without your clicks, and with its services moved to Fargate, Fargate Spot and EC2, over the current run's time (at least 10 minutes)."
            </p>
            {move || error.get().map(|e| view! { <p class="compare-error" role="alert">{e}</p> })}
            {move || shown.get().map(|c| view! {
                <p class="compare-heading" data-testid="compare-heading">{c.heading}</p>
                {c.progress_per_mille.map(|p| view! {
                    <div class="compare-progress" data-testid="compare-progress" role="progressbar"
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=(p / 10).to_string()>
                        <div class="compare-fill" style=format!("width: {:.1}%", f64::from(p) / 10.0)></div>
                    </div>
                })}
                <div class="compare-cells">
                    {c.cells.into_iter().map(|cell| view! {
                        <div class="compare-cell" data-testid="compare-cell" data-label=cell.label
                            data-total-nano=cell.total_nano_usd.map(|n| n.to_string()).unwrap_or_default()>
                            <div class="compare-label">{cell.label}</div>
                            <div class="compare-total">{cell.total.unwrap_or_else(|| "…".to_string())}</div>
                            {cell.versus.map(|v| view! { <div class="compare-versus">{v}</div> })}
                            <div class="compare-detail">{cell.detail}</div>
                        </div>
                    }).collect_view()}
                </div>
            })}
        </section>
    }
}

/// Runs one chunk after a short pause, shows the card, and schedules the next until done.
fn schedule(
    work: StoredValue<Option<Comparison>, LocalStorage>,
    shown: RwSignal<Option<Card>>,
    generation: StoredValue<u64>,
    mine: u64,
) {
    set_timeout(
        move || {
            if generation.get_value() != mine {
                return;
            }
            let mut done = true;
            let mut view = None;
            work.update_value(|w| {
                if let Some(c) = w {
                    done = c.run_chunk(CHUNK_BUDGET_MS, now_ms);
                    view = Some(card(c));
                }
            });
            if let Some(v) = view {
                shown.set(Some(v));
            }
            if !done {
                schedule(work, shown, generation, mine);
            }
        },
        Duration::from_millis(CHUNK_EVERY_MS),
    );
}
