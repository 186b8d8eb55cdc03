//! The lesson pane beside the stage: the goals (live while the run plays, decided by Check,
//! each failed one with a button that runs the page to when it failed), Check's verdict under
//! them (on success the completion code, the explanation and the next lesson), the brief, what
//! may be changed, Check, hints one at a time and the solution behind a confirmation.

use super::check_run::start_check;
use super::goals::GoalList;
use super::markup::markup;
use super::reveal::reveal;
use super::Lessons;
use crate::state::Playground;
use ecs_sim::challenge::{course, Challenge};
use ecs_sim::time::clock;
use leptos::prelude::*;

/// The pane (nothing when no lesson is open).
#[component]
pub fn LessonPane() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let lessons = expect_context::<Lessons>();
    let refusals = super::use_lock_refusals(pg);
    move || {
        lessons.open.get().map(|open| {
            let doc = open.challenge.doc.clone();
            let horizon_ms = open.challenge.horizon_ms;
            let horizon = clock(horizon_ms);
            let hints = doc.hints.clone();
            let hint_count = hints.len();
            // Named as the builder names them ("service web: placementConstraints"), the JSON
            // path on hover (an instructor's walkthrough read `services[0].placementConstraints`).
            let editable: Vec<(String, String)> = doc
                .editable
                .iter()
                .map(|p| (ecs_sim::challenge::path_words::readable(&doc.scenario, p), p.clone()))
                .collect();
            let solution = open.challenge.solution();
            let has_solution = solution.is_some();
            let solution = StoredValue::new(solution.map(|s| ecs_sim::form::to_text(&s)));
            let start_text = StoredValue::new(open.challenge.start_text());
            // Passes, shown solutions and work are kept under the progress key, not the bare id.
            let lesson_id = StoredValue::new(open.progress_key.clone());
            let explain = doc.explain.clone();
            let next = open
                .course_index
                .and_then(|i| course::LESSONS.get(i + 1))
                .copied();
            let goals_total = doc.goals.len();
            let last_of_course = open.course_index.is_some() && next.is_none();
            view! {
                <section class="lesson" aria-label="Lesson" data-testid="lesson-pane">
                    <header class="lesson-head">
                        <h2 data-testid="lesson-title">{doc.title.clone()}</h2>
                        <span class="lesson-level">{format!("Level {}", doc.level)}</span>
                        // A shared challenge's version, as `ecs-sim check` prints it: a link with
                        // easier goals under the same title reads another (walkthrough).
                        {open.course_index.is_none().then(|| view! {
                            <span class="lesson-version" data-testid="lesson-version"
                                title="This challenge's version: ecs-sim check prints the same for the challenge you were given">
                                {format!("version {}", open.challenge.fingerprint())}</span>
                        })}
                        <button type="button" class="lesson-exit" data-testid="lesson-exit"
                            title="Leave the lesson; the scenario stays in the playground"
                            on:click=move |_| lessons.close(pg)>"Leave lesson"</button>
                    </header>
                    // A lesson passed before says so, with its code (a student coming back after
                    // Next lesson saw no sign of the pass, instructor walkthrough).
                    {
                        let id = open.progress_key.clone();
                        move || lessons.progress.with(|p| p.passed.get(&id).cloned()).map(|code| view! {
                            <p class="lesson-note" data-testid="lesson-passed-before">
                                "Passed earlier in this browser, completion code "<code>{code}</code>" (it belongs to the scenario that passed; each passing answer has its own)."
                            </p>
                        })
                    }
                    // The goals first: at 1280×720 a long brief pushed them below the pane's fold
                    // (student walkthrough), and they are what Check decides.
                    <h3 class="lesson-sub">"Goals"</h3>
                    <GoalList />
                    // Under the goals, which it voids: under the brief it sat below the pane's
                    // fold at 1280×720 while every live goal showed met (walkthrough).
                    {move || {
                        let changed = refusals.with(|r| r.changed.clone());
                        (!changed.is_empty()).then(|| view! {
                            <p class="lesson-note error" role="alert" data-testid="lesson-locked">
                                "You changed a locked part: "
                                {changed.join(", ")}
                                ". Check will refuse it — undo it, or Start over."
                            </p>
                        })
                    }}
                    // A key ECS keeps on update, left out (lesson 16's DISABLED rebalancing).
                    {move || {
                        let left = refusals.with(|r| r.left_out.clone());
                        (!left.is_empty()).then(|| view! {
                            <p class="lesson-note error" role="alert" data-testid="lesson-left-out">
                                {left.iter().map(|l| format!("{l}. ")).collect::<String>()}
                                "Check will refuse it."
                            </p>
                        })
                    }}
                    {move || lessons.live_problem.get().map(|p| view! {
                        <p class="lesson-note error" role="alert">{format!("The goals cannot follow this scenario: {p}")}</p>
                    })}
                    <p class="lesson-note muted">{format!("Live while the run plays. Check runs your scenario to {horizon} and decides every goal.")}</p>
                    // Check's verdict under the goals it decides.
                    {move || lessons.checking.get().map(|p| view! {
                        <div class="lesson-progress" role="progressbar" data-testid="lesson-progress"
                            aria-valuemin="0" aria-valuemax="100" aria-valuenow=(p / 10).to_string()>
                            <div class="lesson-fill" style=format!("width: {:.1}%", f64::from(p) / 10.0)></div>
                        </div>
                    })}
                    {move || lessons.report.get().map(|r| {
                        if !r.problems.is_empty() {
                            view! {
                                <div id="lesson-result" class="lesson-result refused" role="alert" data-testid="lesson-refused">
                                    <p>"Check cannot run this scenario:"</p>
                                    <ul>{r.problems.iter().take(10).map(|p| view! {
                                        <li><code>{if p.path.is_empty() { "(root)".to_string() } else { p.path.clone() }}</code>": "{p.message.clone()}</li>
                                    }).collect_view()}</ul>
                                </div>
                            }.into_any()
                        } else if r.passed {
                            let code = match r.completion_code.clone() {
                                Some(code) => view! {
                                    <p>"Completion code: "<code class="completion-code" data-testid="completion-code">{code}</code></p>
                                }.into_any(),
                                None => view! {
                                    <p class="lesson-note" data-testid="code-withheld">"No completion code: the solution was shown. Start over and solve it yourself to earn one."</p>
                                }.into_any(),
                            };
                            view! {
                                <div id="lesson-result" class="lesson-result passed" role="status" data-testid="lesson-passed">
                                    <p class="lesson-win">{ecs_sim::challenge::wording::verdict_words(&r, goals_total)}</p>
                                    {code}
                                    <super::markup::WatchRun horizon_ms=horizon_ms testid="lesson-watch" />
                                    // The explanation's figures are the reference answer's: a student
                                    // who passed with other numbers read them as a verdict on theirs
                                    // (lessons 4 and 8, walkthrough, 29th session).
                                    <p class="lesson-note" data-testid="lesson-explain-note">"Why it works — the figures below are the reference answer's; yours may differ (Watch it run shows your run)."</p>
                                    <div class="lesson-explain" data-testid="lesson-explain">{markup(&explain)}</div>
                                    {match next {
                                        Some(l) => view! {
                                            <button type="button" class="primary" data-testid="lesson-next"
                                                on:click=move |_| open_lesson(pg, lessons, l.id)>"Next lesson"</button>
                                        }.into_any(),
                                        None if last_of_course => view! {
                                            <p class="lesson-win" data-testid="course-complete">{move || lessons.progress.with(|p| ecs_sim::challenge::progress::course_end_words(p.course_passed(), ecs_sim::challenge::course::LESSONS.len()))}</p>
                                        }.into_any(),
                                        None => ().into_any(),
                                    }}
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <div id="lesson-result" class="lesson-result failed" role="status" data-testid="lesson-failed">
                                    <p>{ecs_sim::challenge::wording::verdict_words(&r, goals_total).map(|w| format!("{w} The failed goals say when and by how much."))}</p>
                                </div>
                            }.into_any()
                        }
                    })}
                    <div class="lesson-brief" data-testid="lesson-brief">{markup(&doc.brief)}</div>
                    <p class="lesson-editable" data-testid="lesson-editable">
                        "You may change "
                        {editable.iter().enumerate().map(|(k, (words, path))| view! {
                            {if k > 0 { ", " } else { "" }}<code title=path.clone()>{words.clone()}</code>
                        }).collect_view()}
                        ". Everything else is locked: Check refuses a scenario changed elsewhere."
                    </p>
                    <div class="lesson-actions">
                        {move || {
                            // Check grades the registered revisions: an edit typed in a task
                            // definition tab and not registered would be graded as if it were not
                            // there (a student's walkthrough, 2026-12-05), so Check waits for it.
                            let open = pg.unregistered_edits.get();
                            (!open.is_empty()).then(|| view! {
                                <p class="lesson-note error" role="alert" data-testid="lesson-unregistered">
                                    "Your edit in "
                                    {open.iter().map(|f| format!("Task definition: {f}")).collect::<Vec<_>>().join(", ")}
                                    " is not applied yet, and Check grades what is applied: press Apply in that tab (or Revert), then Check."
                                </p>
                            })
                        }}
                        {move || pg.form_error.get().map(|e| view! {
                            <p class="lesson-note" role="status" data-testid="lesson-form-refused">
                                "Service settings refused your last change (" {e} "). Check grades the scenario as it runs, without that change."
                            </p>
                        })}
                        <button type="button" class="primary" data-testid="lesson-check"
                            disabled=move || lessons.check_blocked(pg)
                            on:click=move |_| start_check(pg, lessons, true)>"Check"</button>
                        <button type="button" data-testid="lesson-hint"
                            disabled=move || { lessons.hints_shown.get() >= hint_count }
                            on:click=move |_| {
                                lessons.hints_shown.update(|n| *n += 1);
                                // Kept, so a reload shows the same hints.
                                let n = lessons.hints_shown.get_untracked();
                                lessons.progress.update(|p| p.show_hints(&lesson_id.get_value(), n));
                                lessons.store();
                                reveal("lesson-hints");
                            }>
                            {move || format!("Hint ({} of {hint_count})", lessons.hints_shown.get().min(hint_count))}</button>
                        <button type="button" data-testid="lesson-solution" disabled=!has_solution
                            on:click=move |_| {
                                let sure = web_sys::window().and_then(|w| w.confirm_with_message(
                                    "Show the solution? It replaces your scenario in the editor.").ok()).unwrap_or(false);
                                if sure {
                                    if let Some(s) = solution.get_value() {
                                        pg.edit(s);
                                        lessons.progress.update(|p| p.show_solution(&lesson_id.get_value()));
                                        lessons.store();
                                    }
                                }
                            }>"Show solution"</button>
                        <button type="button" data-testid="lesson-start-over"
                            on:click=move |_| {
                                // It discards the student's work, so it asks first, as Show
                                // solution beside it does.
                                // A passed lesson's passing scenario goes too, and its code is
                                // checked against that scenario: say so (review, 28th session).
                                let passed = lessons.progress.with_untracked(|p| p.passed.contains_key(&lesson_id.get_value()));
                                let question = if passed {
                                    "Start over? Your changes to this lesson's scenario are discarded, the passing scenario included: your completion code stays, but to hand it in with that scenario, Download JSON first."
                                } else {
                                    "Start over? Your changes to this lesson's scenario are discarded."
                                };
                                let sure = web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false);
                                if sure {
                                    pg.discard_td_edits();
                                    pg.edit(start_text.get_value());
                                    lessons.progress.update(|p| p.start_over(&lesson_id.get_value()));
                                    lessons.store();
                                    // Starting over starts the hints over too (they stayed
                                    // revealed, student walkthrough).
                                    // (`Progress::start_over` forgets the stored count too.)
                                    lessons.hints_shown.set(0);
                                }
                            }>"Start over"</button>
                    </div>
                    <ol id="lesson-hints" class="lesson-hints" data-testid="lesson-hints">
                        {move || hints.iter().take(lessons.hints_shown.get()).map(|h| view! { <li>{markup(h)}</li> }).collect_view()}
                    </ol>
                </section>
            }
        })
    }
}

/// Opens lesson `id` of the course.
pub fn open_lesson(pg: Playground, lessons: Lessons, id: &str) {
    if let Some(l) = course::lesson(id) {
        if let Ok(c) = Challenge::parse(l.json) {
            lessons.start(pg, c, format!("#lesson={}", l.id));
        }
    }
}
