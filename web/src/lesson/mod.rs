//! Lessons: the built-in course and shared challenges (`ecs_sim::challenge`). A lesson runs in
//! the ordinary playground — the editor, the stage, the log — with a lesson pane beside the
//! stage ([`pane`]): its brief, its goals' live state while the run plays, hints one at a time,
//! Check (the same verdict as `ecs-sim check`), the solution behind a confirmation, and the
//! next lesson. [`course_map`] lists the course with the progress kept in this browser.
//!
//! The address bar holds the lesson (`#lesson=<id>` or the challenge link `#c1.…`) instead of
//! the scenario; the student's work on it is kept in `localStorage` and comes back on reload.

pub mod builder;
pub mod check_run;
pub mod course_map;
pub mod goals;
pub mod markup;
pub mod pane;
pub mod reveal;
pub mod self_test_run;

use crate::state::{LogScope, Notice, Playground};
use ecs_sim::challenge::evaluate::Evaluation;
use ecs_sim::challenge::progress::{Draft, Progress, MAX_PROGRESS_BYTES, PROGRESS_KEY};
use ecs_sim::challenge::{course, Challenge, GoalVerdict, Report};
use leptos::prelude::*;

/// The lesson open in the page.
#[derive(Debug, Clone)]
pub struct OpenLesson {
    /// The challenge.
    pub challenge: Challenge,
    /// What the address bar shows for it (`#lesson=<id>` or `#c1.…`).
    pub fragment: String,
    /// Its place in the built-in course, if it is one of its lessons.
    pub course_index: Option<usize>,
    /// What its passes and work are kept under ([`Challenge::progress_key`]): a corrected
    /// challenge shared again under the same title is another record.
    pub progress_key: String,
}

/// The live goal states of one run of the page's engine.
#[derive(Debug)]
struct LiveRun {
    /// The goals being followed.
    evaluation: Evaluation,
    /// The engine step last read (fewer means the run started again).
    steps: u64,
    /// Play was stopped at the lesson's horizon in this run (once per run).
    paused_at_horizon: bool,
}

/// Everything the lesson pane and the course map project; `Copy`, provided as context.
#[derive(Clone, Copy)]
pub struct Lessons {
    /// The open lesson.
    pub open: RwSignal<Option<OpenLesson>>,
    /// Hints shown so far.
    pub hints_shown: RwSignal<usize>,
    /// The goals' live state on the page's own run (approximate between redraws; Check decides).
    pub live: RwSignal<Vec<GoalVerdict>>,
    /// Per live goal, the end of its window while an "at all times" goal has held so far
    /// (`Evaluation::holding`).
    pub live_holding: RwSignal<Vec<Option<ecs_sim::time::Millis>>>,
    /// Why the live goals cannot be followed on this scenario (a goal names a missing service).
    pub live_problem: RwSignal<Option<String>>,
    /// The live evaluation of the page's current run: the engine step it last read, and
    /// whether the play loop was stopped at the horizon in this run (once per run).
    eval: StoredValue<Option<LiveRun>, LocalStorage>,
    /// A check in progress: its progress in thousandths.
    pub checking: RwSignal<Option<u32>>,
    /// The last check's report.
    pub report: RwSignal<Option<Report>>,
    /// Passes, codes and the open lesson's work, as stored.
    pub progress: RwSignal<Progress>,
    /// The course map is shown.
    pub map_open: RwSignal<bool>,
    /// The challenge builder is shown.
    pub builder_open: RwSignal<bool>,
    /// The builder's draft, kept while the page lives (it is also stored in the browser).
    pub builder_draft: StoredValue<Option<ecs_sim::challenge::builder_draft::BuilderDraft>>,
    /// The digest of the builder start this page last stored: opening the builder again on the
    /// same start does not write up to 1 MiB to the browser's storage again.
    pub builder_start_stored: StoredValue<Option<String>>,
    /// Which check is current (a new one, or another lesson, stops the old one's chunks).
    pub(crate) generation: StoredValue<u64>,
}

impl Lessons {
    /// Whether Check may not start now: one is running, or a task definition tab holds an edit
    /// not applied (Check grades what is applied). The lesson pane's Check and presenter mode's
    /// follow the same rule.
    pub fn check_blocked(&self, pg: Playground) -> bool {
        self.checking.with(Option::is_some) || pg.unregistered_edits.with(|u| !u.is_empty())
    }

    /// No lesson open; the stored progress read.
    pub fn new() -> Lessons {
        let progress = crate::layout::storage::read(PROGRESS_KEY, MAX_PROGRESS_BYTES)
            .map(|t| Progress::from_json(&t))
            .unwrap_or_default();
        Lessons {
            open: RwSignal::new(None),
            hints_shown: RwSignal::new(0),
            live: RwSignal::new(Vec::new()),
            live_holding: RwSignal::new(Vec::new()),
            live_problem: RwSignal::new(None),
            eval: StoredValue::new_local(None),
            checking: RwSignal::new(None),
            report: RwSignal::new(None),
            progress: RwSignal::new(progress),
            map_open: RwSignal::new(false),
            builder_open: RwSignal::new(false),
            builder_draft: StoredValue::new(None),
            builder_start_stored: StoredValue::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Opens a lesson: its starting scenario, or the work kept from the last visit.
    pub fn start(&self, pg: Playground, challenge: Challenge, fragment: String) {
        let id = challenge.doc.id.clone();
        let course_index = course::LESSONS
            .iter()
            .position(|l| format!("#lesson={}", l.id) == fragment);
        let key = challenge.progress_key(course_index.is_some());
        // Records kept under the bare id before versions were: taken as this version's.
        let mut adopted = false;
        self.progress.update(|p| adopted = p.adopt_bare(&id, &key));
        if adopted {
            self.store();
        }
        let (kept, other_version) = self.progress.with_untracked(|p| {
            (
                p.work_on(&key).map(str::to_string),
                ecs_sim::challenge::progress::draft_of_other_version(p, &id, &key),
            )
        });
        let start = challenge.start_text();
        pg.lock.set_value(Some(challenge.lock()));
        pg.form_lock.set(None);
        pg.open_paths.set(challenge.doc.editable.clone());
        self.generation.update_value(|g| *g += 1);
        self.checking.set(None);
        self.report.set(None);
        self.hints_shown
            .set(self.progress.with_untracked(|p| p.hints_shown(&key)));
        self.eval.set_value(None);
        self.live.set(Vec::new());
        self.live_holding.set(Vec::new());
        self.live_problem.set(None);
        self.open.set(Some(OpenLesson {
            challenge,
            fragment,
            course_index,
            progress_key: key,
        }));
        self.map_open.set(false);
        // A confirmation from before (an upload's "Scenario loaded.") is about another scenario:
        // it followed an instructor through the builder's preview into presenter mode
        // (walkthrough). An error stays: it may say why this lesson's link was not read.
        if pg
            .notice
            .with_untracked(|n| n.as_ref().is_some_and(|n| !n.is_error))
        {
            pg.notice.set(None);
        }
        match kept.filter(|k| *k != start) {
            Some(text) => {
                pg.edit(text);
                pg.notice.set(Some(Notice {
                    is_error: false,
                    text: "Your work on this lesson from your last visit is back in the editor. \"Start over\" in the lesson pane brings the starting scenario back.".into(),
                }));
            }
            None => {
                pg.edit(start);
                if other_version {
                    pg.notice.set(Some(Notice {
                        is_error: false,
                        text: "This challenge has changed since your last visit (its start, goals or locked parts differ), so it opens at its new start: your work and any pass belong to the earlier version.".into(),
                    }));
                }
            }
        }
        pg.playing.set(false);
        // A new lesson starts with the whole event log, whatever service the last one's log
        // followed: lesson 15's Metrics pick of `web` hid lesson 16's instance lines, which
        // its brief points to (student walkthrough).
        pg.log_scope.set(LogScope::Untouched);
        // And at the top of its pane, however it was opened (course map, Next lesson, a link
        // typed in the address bar): the pane's element is kept, and so was its scroll.
        reveal::pane_to_top();
    }

    /// Leaves the lesson: the page goes back to an ordinary playground on the same scenario.
    pub fn close(&self, pg: Playground) {
        // Not open: nothing to tell the page (setting `open` again would make the address bar
        // rewrite itself, losing a damaged link the user may want to copy).
        if self.open.with_untracked(Option::is_none) {
            return;
        }
        pg.lock.set_value(None);
        pg.form_lock.set(None);
        pg.open_paths.set(Vec::new());
        self.generation.update_value(|g| *g += 1);
        self.open.set(None);
        self.checking.set(None);
        self.report.set(None);
        self.eval.set_value(None);
        self.live.set(Vec::new());
        self.live_holding.set(Vec::new());
    }

    /// Keeps the student's work on the open lesson in storage.
    pub fn keep_draft(&self, text: &str) {
        let Some(id) = self
            .open
            .with_untracked(|o| o.as_ref().map(|o| o.progress_key.clone()))
        else {
            return;
        };
        self.progress.update(|p| {
            p.draft = Some(Draft {
                id,
                text: text.to_string(),
            })
        });
        self.store();
    }

    /// Writes the progress record.
    pub fn store(&self) {
        let json = self.progress.with_untracked(Progress::to_json);
        crate::layout::storage::write(PROGRESS_KEY, &json);
    }

    /// Reads the page's run into the live goal states (called after every redraw); starts over
    /// when the run did (a new scenario, a reset).
    pub fn observe(&self, pg: Playground) {
        let mut live = None;
        let mut problem = None;
        let mut pause_at = None;
        let mut new_checkpoints = None;
        if self.open.with_untracked(Option::is_none) {
            pg.instant_reader.set_value(None);
            pg.play_stop.set_value(None);
        }
        self.open.with_untracked(|open| {
            let Some(open) = open else {
                return;
            };
            let horizon = open.challenge.horizon_ms;
            pg.sim.with_value(|sim| {
                let Some(sim) = sim else {
                    return;
                };
                self.eval.update_value(|slot| {
                    if slot.as_ref().is_some_and(|r| sim.steps() < r.steps) {
                        *slot = None;
                    }
                    if slot.is_none() {
                        match open.challenge.evaluation(sim) {
                            Ok(evaluation) => {
                                new_checkpoints = Some(evaluation.checkpoints());
                                // Play stops exactly at the horizon, once (see `play_stop`).
                                pg.play_stop.set_value(
                                    (sim.now() < horizon)
                                        .then(|| (horizon, horizon_notice(horizon))),
                                );
                                *slot = Some(LiveRun {
                                    evaluation,
                                    steps: 0,
                                    paused_at_horizon: false,
                                })
                            }
                            Err(ps) => {
                                problem = Some(
                                    ps.iter()
                                        .map(|p| format!("{}: {}", p.path, p.message))
                                        .collect::<Vec<_>>()
                                        .join("; "),
                                );
                                return;
                            }
                        }
                    }
                    if let Some(run) = slot {
                        run.evaluation.observe(sim);
                        run.steps = sim.steps();
                        live = Some((run.evaluation.verdicts(), run.evaluation.holding()));
                        if sim.now() >= horizon && !run.paused_at_horizon {
                            run.paused_at_horizon = true;
                            pause_at = Some(horizon);
                        }
                    }
                });
            });
        });
        // Play and "Run to…" read the goals at every instant from now on, as Check does.
        if let Some(checkpoints) = new_checkpoints {
            let eval = self.eval;
            let read = move |sim: &ecs_sim::Sim| {
                eval.update_value(|slot| {
                    if let Some(run) = slot.as_mut().filter(|r| sim.steps() >= r.steps) {
                        run.evaluation.observe(sim);
                        run.steps = sim.steps();
                    }
                })
            };
            pg.instant_reader
                .set_value(Some((checkpoints, std::rc::Rc::new(read))));
        }
        self.live_problem.set(problem);
        // The lesson's goals end at its horizon: playing on at max speed would run hours past
        // it and tell the student nothing more, so the run stops there once.
        if let Some(horizon) = pause_at {
            // Play stops there itself (`play_stop`); this is for a run that got past it
            // otherwise while playing (a +10 min during play).
            if pg.playing.get_untracked() {
                pg.playing.set(false);
                pg.play_stop.set_value(None);
                pg.notify_run(horizon_notice(horizon));
            }
        }
        if let Some((l, holding)) = live {
            if self.live.with_untracked(|old| *old != l) {
                self.live.set(l);
            }
            if self.live_holding.with_untracked(|old| *old != holding) {
                self.live_holding.set(holding);
            }
        }
    }

    /// Forgets the live goal states (the scenario changed: the run starts again).
    pub fn restart_live(&self) {
        self.eval.set_value(None);
    }
}

impl Default for Lessons {
    fn default() -> Self {
        Self::new()
    }
}

/// Follows the page: the live goals after every redraw, a fresh evaluation and the kept work
/// after every edit. The app mounts this once.
#[component]
pub fn LessonSync() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let lessons = expect_context::<Lessons>();
    Effect::new(move |_| {
        pg.running_text.track();
        lessons.restart_live();
        lessons.report.set(None);
    });
    Effect::new(move |_| {
        pg.snapshot.track();
        lessons.observe(pg);
    });
    Effect::new(move |_| {
        let text = pg.text.get();
        if lessons.open.with_untracked(Option::is_some) {
            lessons.keep_draft(&text);
        }
    });
}

/// What Check would refuse in the editor's scenario because of the lesson's locks: the locked
/// parts changed, and the keys ECS keeps on update that were left out (none without a lesson,
/// or with text that is not JSON). Read by the pane's notes and by the goal list, which marks
/// its live states as not counted meanwhile (a student's locked edit showed every live goal met
/// while Check would refuse the scenario: walkthrough, 2026-12-06).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LockRefusals {
    /// The changed locked parts' paths.
    pub changed: Vec<String>,
    /// "path: message" for each key left out.
    pub left_out: Vec<String>,
    /// What the text changed in the lesson's open places, read from the same parse: presenter
    /// mode's "Changed:" line after Check. Not a refusal, so [`LockRefusals::is_empty`] leaves it
    /// out.
    pub opened: Vec<ecs_sim::challenge::open_changes::OpenChange>,
}

impl LockRefusals {
    /// Nothing to refuse.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.left_out.is_empty()
    }
}

/// The [`LockRefusals`] of the editor's scenario, read again when its text changes. Made once
/// for the page ([`provide_lock_refusals`]): the pane and each goal list (the presenter strip's
/// too) read the same one instead of parsing the scenario each.
pub fn lock_refusals(pg: Playground) -> Memo<LockRefusals> {
    Memo::new(move |_| {
        // Tracked before the lock is looked at: the lock is not reactive, and a memo that
        // returned before reading the text would never run again (review).
        pg.text.track();
        if pg.lock.with_value(Option::is_none) {
            return LockRefusals::default();
        }
        let Some(doc) = pg
            .text
            .with(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        else {
            return LockRefusals::default();
        };
        pg.lock.with_value(|l| match l {
            Some(l) => LockRefusals {
                changed: l.changes(&doc).into_iter().map(|p| p.path).collect(),
                left_out: l
                    .left_out(&doc)
                    .into_iter()
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect(),
                opened: ecs_sim::challenge::open_changes::open_changes(&l.start, &doc, &l.editable),
            },
            None => LockRefusals::default(),
        })
    })
}

/// Puts the page's one [`lock_refusals`] memo in context.
pub fn provide_lock_refusals(pg: Playground) {
    provide_context(lock_refusals(pg));
}

/// The page's [`lock_refusals`] memo, or a new one where none was provided (a test mounting a
/// component alone).
pub fn use_lock_refusals(pg: Playground) -> Memo<LockRefusals> {
    use_context::<Memo<LockRefusals>>().unwrap_or_else(|| lock_refusals(pg))
}

/// The course map's and the builder's key handler: Escape closes the dialog (`open` false), as
/// dialogs do (the builder's draft is kept); the page's own Escape (presenter mode, the
/// selection) does not see it.
pub(crate) fn close_on_escape(open: RwSignal<bool>) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            open.set(false);
        }
    }
}

/// A node ref that moves the keyboard focus onto the dialog it is put on once the dialog is on
/// the page, so Escape ([`close_on_escape`]) closes it straight away and Tab starts inside it.
pub(crate) fn dialog_focus() -> NodeRef<leptos::html::Div> {
    let node = NodeRef::<leptos::html::Div>::new();
    node.on_load(|el| {
        request_animation_frame(move || {
            let _ = el.focus();
        });
    });
    node
}

/// What the page says when play stops at a lesson's horizon.
fn horizon_notice(horizon: u64) -> String {
    format!(
        "Paused: this lesson's goals end at {}. Check decides them; Play goes on if you want to watch longer.",
        ecs_sim::time::clock(horizon)
    )
}
