//! A lesson on the projector: its title, Check with its verdict, and its goals, in a strip under
//! the cluster. They sat in the column beside it with the chart and the latest events, and at
//! 1280×720 about one goal showed after Check while the room under the cluster stayed empty
//! (student and instructor walkthroughs); under the cluster the goals get its width, so most take
//! one or two lines, and the cluster fits itself to what is left (`cluster_view::fit`).

use crate::lesson::Lessons;
use crate::state::Playground;
use leptos::prelude::*;

/// The strip under the cluster while a lesson is open in presenter mode.
#[component]
pub fn PresenterLesson() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let Some(lessons) = use_context::<Lessons>() else {
        return ().into_any();
    };
    // The brief on the projector in place of the goals, while an exercise is introduced: it
    // was only in the normal layout's narrow column, in small type (instructor walkthrough).
    let brief = RwSignal::new(false);
    // The page's one parse of the scenario against the lesson's lock (its open changes too).
    let refusals = crate::lesson::use_lock_refusals(pg);
    view! {
        <Show when=move || lessons.open.with(Option::is_some)>
            // While the brief is read the strip may take more of the screen (the cluster fits
            // what is left): lesson 11's brief was 372 px of text in a 258 px box, cut mid-line
            // (student walkthrough, 2026-12-06).
            <section class="presenter-lesson" class:briefing=move || brief.get() data-testid="presenter-lesson" aria-label="Lesson goals">
                <div class="presenter-lesson-head">
                    <h2>{move || lessons.open.with(|o| o.as_ref().map(|o| o.challenge.doc.title.clone()).unwrap_or_default())}</h2>
                    <button type="button" data-testid="presenter-brief-toggle" aria-pressed=move || brief.get().to_string()
                        on:click=move |_| brief.update(|b| *b = !*b)>
                        {move || if brief.get() { "Goals" } else { "Brief" }}</button>
                    // Check from the projector: the room sees the verdict beside the goals it
                    // decides (a walkthrough had to leave presenter mode to check). It keeps its
                    // place at the title's end: the verdict beside it wrapped it onto a line of
                    // its own, under the presenter's pointer no more (presenter walkthrough,
                    // 2026-12-07).
                    <div class="presenter-check">
                        // Waits for an unapplied task definition edit, as the lesson pane's
                        // Check does: it graded the old definition at the "show the fix"
                        // moment (instructor walkthrough).
                        <button type="button" class="primary" data-testid="presenter-check"
                            disabled=move || lessons.check_blocked(pg)
                            title=move || pg.unregistered_edits.with(|u| !u.is_empty()).then_some("An edit in a task definition tab is not applied yet: Check grades what is applied")
                            on:click=move |_| {
                                // The verdict speaks of the goals: they come back.
                                brief.set(false);
                                crate::lesson::check_run::start_check(pg, lessons, false)
                            }>
                            {move || if lessons.checking.with(Option::is_some) { "Checking…" } else { "Check" }}</button>
                    </div>
                </div>
                // The verdict on its own line under the title; before the first Check the line
                // says what Check does, so the strip's height does not change on Check.
                <div class="presenter-verdict-line">
                    <span class="presenter-verdict" data-testid="presenter-verdict" role="status">
                        {move || pg.unregistered_edits.with(|u| !u.is_empty()).then_some("Apply the task definition edit first (leave presenter mode: its tab has Apply).")}
                        {move || lessons.report.with(|r| r.as_ref().map(|r| {
                            let total = lessons.open.with(|o| o.as_ref().map_or(0, |o| o.challenge.doc.goals.len()));
                            ecs_sim::challenge::wording::verdict_words(r, total).unwrap_or_else(|| {
                                "Check cannot run this scenario: see the lesson pane.".to_string()
                            })
                        }))}
                    </span>
                    // Before the first Check: what Check does.
                    {move || {
                        let quiet = lessons.report.with(Option::is_none) && pg.unregistered_edits.with(|u| u.is_empty());
                        let horizon = lessons.open.with(|o| o.as_ref().map(|o| o.challenge.horizon_ms));
                        horizon.filter(|_| quiet).map(|h| view! {
                            <span class="presenter-verdict-none" data-testid="presenter-verdict-none">
                                {format!("Not checked yet: the marks follow the run on this page; Check grades a run to {}.", ecs_sim::time::clock(h))}</span>
                        })
                    }}
                    // A pass can be played on the projector: "Passed" sat beside an
                    // empty 0:00:00 cluster (instructor walkthrough).
                    {move || {
                        let passed = lessons.report.with(|r| r.as_ref().is_some_and(|r| r.passed));
                        let horizon = lessons.open.with(|o| o.as_ref().map(|o| o.challenge.horizon_ms));
                        horizon.filter(|_| passed).map(|h| view! {
                            <crate::lesson::markup::WatchRun horizon_ms=h testid="presenter-watch" />
                        })
                    }}
                </div>
                // After Check, what the scenario changed in the lesson's open places: after a
                // pass nothing on the projector showed what the fix was (lessons 7, 11 and 12:
                // instructor walkthrough, 2026-12-06).
                // One change a line, its new value first: "…: DISABLED →…" hid lesson 16's
                // ENABLED at the end of a cut line, and lesson 12's JSON hid the rest (instructor
                // walkthrough, 2026-12-07). A click shows the lines whole.
                {move || {
                    lessons.report.with(|r| r.is_some()).then(|| {
                        let changes = refusals.with(|r| r.opened.clone());
                        let whole = RwSignal::new(false);
                        let several = changes.len() > 1;
                        (!changes.is_empty()).then(|| view! {
                            <div class="presenter-changes" data-testid="presenter-changes" role="button" tabindex="0"
                                aria-expanded=move || whole.get().to_string()
                                title="Click to show the changes whole"
                                on:click=move |_| whole.update(|w| *w = !*w)
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        whole.update(|w| *w = !*w);
                                    }
                                }>
                                <b>"Changed:"</b>
                                // Folded, several changes share one line, each its key and new
                                // value: lesson 11's three lines pushed its last goal off the
                                // strip after a pass (instructor walkthrough, 2026-12-07).
                                {several.then(|| {
                                    let line = ecs_sim::challenge::open_changes::in_brief(&changes);
                                    view! { <p class="presenter-changes-brief" data-testid="presenter-changes-brief" hidden=move || whole.get()>{line}</p> }
                                })}
                                // One change folded is its owner and last key; whole, its
                                // full place (lesson 10's cut its fix at the first key).
                                <ul hidden=move || several && !whole.get()>
                                    {changes.iter().map(|c| {
                                        let (line, short) = (c.line(), c.short_line());
                                        let title = line.clone();
                                        let text = move || if several || whole.get() { line.clone() } else { short.clone() };
                                        view! { <li data-testid="presenter-change" title=title>{text}</li> }
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    }).flatten()
                }}
                {move || if brief.get() {
                    let text = lessons.open.with(|o| o.as_ref().map(|o| o.challenge.doc.brief.clone()).unwrap_or_default());
                    view! { <div class="presenter-brief" data-testid="presenter-brief">{crate::lesson::markup::markup(&text)}</div> }.into_any()
                } else {
                    view! { <crate::lesson::goals::GoalList /> }.into_any()
                }}
            </section>
        </Show>
    }
    .into_any()
}
