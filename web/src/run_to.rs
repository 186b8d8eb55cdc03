//! "Run to…": jump the simulation ahead by ten minutes, an hour or to a typed time, in chunks
//! that each fit a frame budget, with a progress bar (simulated time and rate) and Cancel.
//! The timer here is an outside-world sync like the play loop: it feeds wall time to the engine.

use crate::controls::now_ms;
use crate::state::{Notice, Playground, RunProgress};
use ecs_sim::time::{clock, parse_clock};
use leptos::prelude::*;
use std::time::Duration;

/// Wall milliseconds between chunks.
const CHUNK_EVERY_MS: u64 = 30;
/// Wall milliseconds between redraws during a run (and one when it is done).
const REDRAW_EVERY_MS: f64 = 100.0;
/// Wall milliseconds of engine work per chunk, checked after every event: with the redraw in a
/// task of its own, no task comes near the 50 ms that makes a page feel stuck (a long task).
const CHUNK_BUDGET_MS: f64 = 20.0;
/// The furthest a typed time may be, virtual ms (a week: more tells a learner nothing).
const MAX_RUN_TO_MS: u64 = 7 * 24 * 3_600_000;

/// The buttons and typed time in the top bar, and the chunk timer.
#[component]
pub fn RunTo() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let redrawn = StoredValue::new(0.0f64);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let Some(run) = pg.run.get_untracked().filter(RunProgress::advancing) else {
                return;
            };
            // A watched run goes no further than its pace allows by now.
            let goal = run.pace.map_or(run.to_ms, |pace| {
                let allowed = run.from_ms + ((now_ms() - run.wall_start).max(0.0) * pace) as u64;
                run.to_ms.min(allowed)
            });
            let reached = pg.run_chunk(goal, CHUNK_BUDGET_MS, now_ms);
            if reached < run.to_ms && now_ms() - redrawn.get_value() < REDRAW_EVERY_MS {
                return;
            }
            redrawn.set_value(now_ms());
            // The redraw is a task of its own (setTimeout 0), after the browser has had a turn.
            set_timeout(
                move || {
                    // Read, show (then the progress), and the log and charts, each in a task
                    // of its own.
                    crate::controls::redraw_in_tasks(pg, move || {
                        // Cancelled (or another run started) in between: leave it.
                        let same = pg.run.with_untracked(|r| {
                            r.is_some_and(|r| {
                                r.advancing() && (r.from_ms, r.to_ms) == (run.from_ms, run.to_ms)
                            })
                        });
                        if !same {
                            return;
                        }
                        pg.run.set(Some(RunProgress {
                            now_ms: reached,
                            wall_ms: now_ms() - run.wall_start,
                            done: reached >= run.to_ms,
                            ..run
                        }));
                    });
                },
                Duration::ZERO,
            );
        },
        Duration::from_millis(CHUNK_EVERY_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    let ahead = move |ms: u64| pg.run_to(pg.clock_ms() + ms);
    let typed = RwSignal::new(String::new());
    // A time typed for one scenario is not offered for the next (a student saw lesson 3's 0:02
    // in the field through lessons 4 to 7: walkthrough 2026-12-06).
    Effect::new(move |seen: Option<()>| {
        pg.running_text.track();
        if seen.is_some() {
            typed.set(String::new());
        }
    });
    let go = move || match parse_clock(&typed.get_untracked(), MAX_RUN_TO_MS) {
        Some(ms) => pg.run_to(ms),
        None => pg.notice.set(Some(Notice {
            is_error: true,
            text: "Run to: type a time as h:mm (1:30), h:mm:ss, or minutes (90), at most a week."
                .to_string(),
        })),
    };
    let busy = move || pg.run.with(|r| r.is_some_and(|r| !r.done));
    view! {
        <span class="run-to" role="group" aria-label="Run to">
            <button data-testid="run-10m" disabled=busy title="Run 10 simulated minutes as fast as the page allows"
                on:click=move |_| ahead(600_000)>"+10 min"</button>
            <button data-testid="run-1h" disabled=busy title="Run 1 simulated hour as fast as the page allows"
                on:click=move |_| ahead(3_600_000)>"+1 h"</button>
            <input data-testid="run-to-input" class="run-to-input" placeholder="h:mm" aria-label="Run to time (h:mm)"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    // The field gives the keyboard back once it has done its job: after Run to,
                    // Escape and `p` typed into it instead of leaving presenter mode (student
                    // walkthrough). Escape in it only leaves the field.
                    "Enter" => { go(); blur_target(&ev); }
                    "Escape" => blur_target(&ev),
                    _ => {}
                } />
            <button data-testid="run-to-go" disabled=busy on:click=move |_| go()>"Run to"</button>
        </span>
    }
}

/// The progress of a "Run to…", in the top bar while (and after) it runs. Its elements stay
/// put while it runs (only text, width and attributes change), so Cancel is always clickable.
///
/// Cancel stops the chunks at once and closes the strip after one more redraw, so the clock
/// already shows where the run stopped when the strip goes; Close (after a run that reached its
/// time) closes it at once.
#[component]
pub fn RunProgressBar() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let active = move || pg.run.with(Option::is_some);
    let done = move || pg.run.with(|r| r.is_some_and(|r| r.done));
    let pct = move || pg.run.with(|r| r.map_or(0.0, |r| r.fraction() * 100.0));
    let text = move || {
        pg.run.with(|r| {
            r.map(|r| {
                format!(
                    "{} of {} · {:.0} simulated s per wall s",
                    clock(r.now_ms),
                    clock(r.to_ms),
                    r.rate()
                )
            })
            .unwrap_or_default()
        })
    };
    view! {
        <Show when=active>
            <div class="run-progress" data-testid="run-progress"
                data-state=move || if done() { "done" } else { "running" }>
                <span class="run-label">{move || if done() { "Run to: done" } else { "Running to…" }}</span>
                <div class="run-bar" role="progressbar" aria-label="Run to progress" aria-valuemin="0"
                    aria-valuemax="100" aria-valuenow=move || format!("{:.0}", pct())>
                    <div class="run-fill" data-testid="run-fill" style=move || format!("width: {:.1}%", pct())></div>
                </div>
                <span class="run-text" data-testid="run-text">{text}</span>
                <button data-testid="run-cancel" on:click=move |_| cancel(pg)>
                    {move || if done() { "Close" } else { "Cancel" }}
                </button>
            </div>
        </Show>
    }
}

/// Cancel or Close on the progress strip (see [`RunProgressBar`]).
fn cancel(pg: Playground) {
    let running = pg.run.with_untracked(|r| r.is_some_and(|r| r.advancing()));
    if !running {
        pg.run.set(None);
        return;
    }
    pg.run.update(|r| {
        if let Some(r) = r {
            r.stopping = true;
        }
    });
    crate::controls::redraw_in_tasks(pg, move || {
        // Only this run's strip: a new run may have started in between.
        if pg.run.with_untracked(|r| r.is_some_and(|r| r.stopping)) {
            pg.run.set(None);
        }
    });
}

/// Takes the focus off the field a key was typed in.
fn blur_target(ev: &web_sys::KeyboardEvent) {
    if let Some(el) = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
    {
        let _ = el.blur();
    }
}
