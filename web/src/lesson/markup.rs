//! A brief, hint or explanation on the page: paragraphs of text, code and links built as
//! elements from `ecs_sim::challenge::brief`'s spans (text nodes only — a challenge's text is
//! never HTML). Links open AWS documentation in a new tab.

use crate::state::Playground;
use ecs_sim::challenge::brief::{parse, Span};
use ecs_sim::time::{clock, Millis};
use leptos::prelude::*;

/// The markup of `text` as paragraphs.
pub fn markup(text: &str) -> impl IntoView {
    parse(text)
        .into_iter()
        .map(|p| {
            view! {
                <p>{p.into_iter().map(|s| match s {
                    Span::Text(t) => view! { <span>{t}</span> }.into_any(),
                    Span::Code(c) => view! { <code>{c}</code> }.into_any(),
                    Span::Link(t, href) => view! {
                        <a href=href target="_blank" rel="noopener noreferrer">{t}</a>
                    }.into_any(),
                    Span::Time(t, at) => time_button(t, at),
                }).collect_view()}</p>
            }
        })
        .collect_view()
}

/// A moment the text names ("At 2:00 …"), as a button that runs the page there (from the start
/// when it is past that), like a failed goal's "Show". It reads as the clock, the goals and
/// "Run to" write time (`0:02:00`): a student typed the brief's "10:00" into "Run to" (h:mm) and
/// ran ten hours (walkthrough, 2026-12-05). Plain text where there is no page to run.
fn time_button(written: String, at: Millis) -> AnyView {
    let shown = clock(at);
    let Some(pg) = use_context::<Playground>() else {
        return view! { <span>{shown}</span> }.into_any();
    };
    view! {
        <button type="button" class="brief-time" data-testid="brief-time" data-at=at.to_string()
            data-written=written
            title=format!("Run the page to {shown} (from the start if it is past that)")
            on:click=move |_| show_at(pg, at)>{shown.clone()}</button>
    }
    .into_any()
}

/// "Watch it run to h:mm:ss" after a pass: Check grades a run of its own, and the page stayed
/// where it was (at 0:00:00 beside "Passed", student and instructor walkthroughs). A pass on an
/// untouched stage now plays it at once (`check_run`); this button plays the graded run on a
/// stage the student had moved, and again from the start. The lesson pane and presenter mode
/// show it.
#[component]
pub fn WatchRun(horizon_ms: Millis, testid: &'static str) -> impl IntoView {
    let pg = expect_context::<Playground>();
    // Once the page is there, the same button plays it again from the start (it said "Watch it
    // run to 0:15:00" beside a clock at 0:15:00, instructor walkthrough).
    let there = Memo::new(move |_| {
        pg.slow_redraw.track();
        pg.clock_ms() >= horizon_ms
    });
    // While it plays the button says so: "Watch it run to 0:15:00" beside a run already going
    // there read as an offer not yet taken (instructor walkthrough, 2026-12-06).
    let watching = Memo::new(move |_| {
        pg.run
            .with(|r| r.is_some_and(|r| r.advancing() && r.pace.is_some()))
    });
    view! {
        <button type="button" data-testid=testid data-there=move || there.get().to_string()
            title="Play the graded run on the page at a simulated minute per second (from the start if it is past its end); Play takes over at the chosen speed"
            on:click=move |_| from_start_if_past(pg, horizon_ms, |pg, at| pg.watch_to(at))>
            {move || if there.get() {
                "Watch it again".to_string()
            } else if watching.get() {
                format!("Watching to {}…", clock(horizon_ms))
            } else {
                format!("Watch it run to {}", clock(horizon_ms))
            }}
        </button>
    }
}

/// Runs the page to `at`, from the start when the run is already there or past it: what the
/// lesson's time buttons and a failed goal's "Show" do.
pub(crate) fn show_at(pg: Playground, at: Millis) {
    from_start_if_past(pg, at, |pg, at| pg.run_to(at));
}

/// Runs the page to `at` with `run` (as fast as it can, or watched), from the start when the
/// run is already there or past it.
fn from_start_if_past(pg: Playground, at: Millis, run: impl Fn(&Playground, Millis)) {
    if pg.clock_ms() >= at {
        pg.reset();
    }
    run(&pg, at);
}
