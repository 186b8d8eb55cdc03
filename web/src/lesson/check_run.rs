//! Check: the editor's scenario run to the lesson's horizon in chunks of at most
//! [`CHUNK_BUDGET_MS`] (`ecs_sim::challenge::Checking`), one per timer tick with a progress
//! bar, so the page keeps answering while a lesson is checked. A pass is recorded with its
//! completion code.

use super::Lessons;
use crate::controls::now_ms;
use crate::state::Playground;
use ecs_sim::challenge::{Checking, Report};
use leptos::prelude::*;
use std::time::Duration;

/// Wall milliseconds of engine work per chunk: far below a 50 ms long task.
pub(crate) const CHUNK_BUDGET_MS: f64 = 12.0;
/// Wall milliseconds between chunks: the browser draws and handles input in between.
pub(crate) const CHUNK_EVERY_MS: u64 = 4;

/// Starts checking the editor's text against the open lesson. `play_after_pass`: a pass on an
/// untouched stage plays the graded run there (the lesson pane's Check, on a student's own
/// screen). Presenter mode's Check leaves the stage to the instructor, who found that replay
/// too fast to explain over and cancelled it every time (instructor walkthrough, 2026-12-06).
pub fn start_check(pg: Playground, lessons: Lessons, play_after_pass: bool) {
    let Some(open) = lessons.open.get_untracked() else {
        return;
    };
    lessons.generation.update_value(|g| *g += 1);
    let mine = lessons.generation.get_value();
    let text = pg.text.get_untracked();
    let checked = text.clone();
    match Checking::start(&open.challenge, &text) {
        Err(refused) => {
            lessons.checking.set(None);
            lessons.report.set(Some(refused));
            super::reveal::verdict();
        }
        Ok(c) => {
            lessons.report.set(None);
            lessons.checking.set(Some(0));
            let play_to = play_after_pass.then_some(open.challenge.horizon_ms);
            schedule(
                pg,
                lessons,
                c,
                mine,
                (open.progress_key.clone(), play_to),
                checked,
            );
        }
    }
}

/// Check's chunks: progress on the bar, and a pass recorded with its completion code. With
/// `play_to`, a pass with the page still at 0:00:00 plays the graded run on the stage to that
/// time: "Passed" beside an empty cluster at 0:00:00 read as if nothing had run (student
/// walkthrough, 2026-12-06).
fn schedule(
    pg: Playground,
    lessons: Lessons,
    work: Checking,
    mine: u64,
    (id, play_to): (String, Option<ecs_sim::time::Millis>),
    text: String,
) {
    in_chunks(
        work,
        move || lessons.generation.get_value() == mine,
        move |progress| lessons.checking.set(Some(progress)),
        move |mut r| {
            // Shown the solution since the last Start over: passed, but no code (see
            // `Progress::shown`).
            if lessons.progress.with_untracked(|p| p.code_withheld(&id)) {
                r.completion_code = None;
            }
            if let Some(code) = &r.completion_code {
                lessons.progress.update(|p| {
                    p.pass(&id, code);
                    p.keep_solved(&id, &text);
                });
                lessons.store();
            }
            let watch = play_to
                .filter(|_| r.passed && untouched(pg) && pg.text.with_untracked(|t| *t == text));
            lessons.checking.set(None);
            lessons.report.set(Some(r));
            super::reveal::verdict();
            if let Some(to) = watch {
                pg.watch_to(to);
            }
        },
    );
}

/// The stage has not moved: at 0:00:00, not playing, no "Run to…" under way. Anything else is
/// the student's own run, which a pass leaves where it is.
fn untouched(pg: Playground) -> bool {
    pg.clock_ms() == 0 && !pg.playing.get_untracked() && !pg.running_to()
}

/// Runs `work` one chunk per timer tick while `current()` says it is still wanted, calling
/// `progress` (per mille) after each chunk that did not finish and `done` with the report. Check
/// and the builder's self-test both run this way. The work moves from tick to tick by value:
/// kept in a `StoredValue` made inside a timer (which has no reactive owner), every run stayed
/// in memory for the page's life.
pub(crate) fn in_chunks<C, P, D>(mut work: Checking, current: C, progress: P, done: D)
where
    C: Fn() -> bool + 'static,
    P: Fn(u32) + 'static,
    D: FnOnce(Report) + 'static,
{
    set_timeout(
        move || {
            if !current() {
                return;
            }
            if work.run_chunk(CHUNK_BUDGET_MS, now_ms) {
                if let Some(r) = work.report().cloned() {
                    done(r);
                }
                return;
            }
            progress(work.progress_per_mille());
            in_chunks(work, current, progress, done);
        },
        Duration::from_millis(CHUNK_EVERY_MS),
    );
}
