//! The Lessons entry of the top bar and the course map it opens: every lesson in course order,
//! with the ones passed in this browser ticked and their completion codes.

use super::pane::open_lesson;
use super::Lessons;
use crate::state::Playground;
use ecs_sim::challenge::{course, parse_document};
use leptos::prelude::*;

/// The top bar's "Lessons" button (with the count passed).
#[component]
pub fn LessonsButton() -> impl IntoView {
    let lessons = expect_context::<Lessons>();
    view! {
        <button type="button" class="lessons-button" data-testid="lessons-button"
            aria-haspopup="dialog" on:click=move |_| lessons.map_open.update(|o| *o = !*o)>
            "Lessons "
            <span class="lessons-count" data-testid="lessons-count">{move || format!(
                "{}/{}", lessons.progress.with(|p| p.course_passed()), course::LESSONS.len())}</span>
        </button>
    }
}

/// The course map (shown while `map_open`).
#[component]
pub fn CourseMap() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let lessons = expect_context::<Lessons>();
    let titles: Vec<(&'static str, String, u8)> = course::LESSONS
        .iter()
        .filter_map(|l| {
            // The document alone (title, level): a lesson's scenario is checked when it opens,
            // not fifteen times while the page starts.
            parse_document(l.json)
                .ok()
                .map(|d| (l.id, d.title, d.level))
        })
        .collect();
    move || {
        lessons.map_open.get().then(|| {
            let current = lessons
                .open
                .with(|o| o.as_ref().map(|o| o.challenge.doc.id.clone()));
            view! {
                <div class="course-map" role="dialog" aria-modal="false" aria-label="Lessons" data-testid="course-map" tabindex="-1"
            node_ref=super::dialog_focus() on:keydown=super::close_on_escape(lessons.map_open)>
                    <header class="course-head">
                        <h2>"Lessons"</h2>
                        <span class="muted">{move || format!("{} of {} passed in this browser", lessons.progress.with(|p| p.course_passed()), course::LESSONS.len())}</span>
                        <button type="button" class="dismiss" aria-label="Close" data-testid="course-close"
                            on:click=move |_| lessons.map_open.set(false)>"×"</button>
                    </header>
                    <p class="muted course-intro">"Each lesson starts from a scenario with something to fix or achieve; its goals are checked by running your scenario, so a pass is a fact of the run. A lesson is also a link: share the address bar."</p>
                    // Above the list: at 1280×720 the map scrolls, and below sixteen lessons the
                    // teachers' way in was out of view (walkthrough, 2026-12-04).
                    <p class="course-make">
                        <button type="button" data-testid="builder-open"
                            on:click=move |_| { lessons.map_open.set(false); lessons.builder_open.set(true); }>
                            "Make a challenge from the running scenario…"</button>
                        <span class="muted">" For teachers: goals, hints, a link to share."</span>
                    </p>
                    <ol class="course-list">
                        {titles.iter().cloned().map(|(id, title, level)| {
                            let passed = move || lessons.progress.with(|p| p.passed.get(id).cloned());
                            let is_current = current.as_deref() == Some(id);
                            view! {
                                <li class="course-item" class:current=is_current data-testid="course-lesson" data-lesson=id>
                                    <button type="button" on:click=move |_| open_lesson(pg, lessons, id)>
                                        <span class="course-mark" aria-hidden="true">{move || if passed().is_some() { "✓" } else { "○" }}</span>
                                        <span class="course-title">{title}</span>
                                        <span class="course-level muted">{format!("level {level}")}</span>
                                    </button>
                                    // The id and the link an instructor hands out and grades with
                                    // (`ecs-sim check lesson:ID`): the map showed neither
                                    // (instructor walkthrough). A plain link, so it can be copied;
                                    // following it opens the lesson like the button.
                                    <a class="course-id" data-testid="course-lesson-link" href=format!("#lesson={id}")
                                        title=format!("This lesson's link; grade hand-ins with: ecs-sim check lesson:{id}")>{id}</a>
                                    {move || passed().map(|c| view! { <code class="course-code">{c}</code> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </div>
            }
        })
    }
}
