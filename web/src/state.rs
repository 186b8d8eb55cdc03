//! The playground's state: the scenario text being edited, the engine built from the last
//! valid version of it, and signals the panes read. Components only project these; all
//! logic that can live in `ecs-sim` lives there.

use ecs_sim::scenario::{parse_scenario, resolve, ScenarioError, TimelineAction};
use ecs_sim::sim::log::LogEntry;
use ecs_sim::sim::snapshot::Snapshot;
use ecs_sim::taskdef::network_memory::NetworkMemory;
use ecs_sim::view::charts::ChartInputs;
use ecs_sim::view::pause::{failure_cause, first_pause, pause_notice, PauseKind};
use ecs_sim::{Problem, Sim};
use leptos::prelude::*;

use crate::chip_table::ChipTable;

/// How fast virtual time runs against wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speed {
    /// Real time.
    X1,
    /// Ten times.
    X10,
    /// A minute per second.
    X60,
    /// As fast as the frame budget allows.
    Max,
}

impl Speed {
    /// Every speed, for the speed buttons.
    pub const ALL: [Speed; 4] = [Speed::X1, Speed::X10, Speed::X60, Speed::Max];

    /// The label on its button.
    pub fn label(self) -> &'static str {
        match self {
            Speed::X1 => "1×",
            Speed::X10 => "10×",
            Speed::X60 => "60×",
            Speed::Max => "max",
        }
    }

    /// Virtual milliseconds per wall millisecond. `max` runs up to an hour per second, as far
    /// as the frame budget allows (health checks keep the queue busy forever, so "as fast as
    /// possible" would race to hundreds of hours and tell a learner nothing).
    pub fn factor(self) -> u64 {
        match self {
            Speed::X1 => 1,
            Speed::X10 => 10,
            Speed::X60 => 60,
            Speed::Max => 3600,
        }
    }
}

/// The most wall time one animation frame turns into virtual time (a tab that was hidden
/// for a minute does not run a minute's worth at once).
const MAX_FRAME_WALL_MS: u64 = 250;

/// What the user clicked, for the explain panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    None,
    /// A task (index).
    Task(usize),
    /// A container instance (index).
    Instance(usize),
    /// The tasks a service (index) could not place: no task exists for them.
    Unplaced(usize),
}

/// What the event log's service filter shows: the selected service, or every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogScope {
    /// Every line, until a service is selected anywhere (then [`LogScope::Selected`]).
    Untouched,
    /// The lines of the selected service ([`Playground::service`]).
    Selected,
    /// Every line: the user chose "All services" in the log; selecting a service elsewhere
    /// leaves it so, picking a service in the log (or clicking a line) follows again.
    All,
}

/// The event a "Pause on…" kind stopped the clock at (the log pane highlights its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseHit {
    /// The log line.
    pub entry: LogEntry,
    /// Its kind.
    pub kind: PauseKind,
    /// For a failed deployment, what its tasks stopped with and how many
    /// ([`ecs_sim::view::pause::failure_cause`]).
    pub cause: Option<(String, usize)>,
}

/// A message shown above the panes (e.g. a shared link that could not be opened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Error (red) or information.
    pub is_error: bool,
    /// The text (plain text, never HTML).
    pub text: String,
}

/// A button a notice carries (the notice's text says why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the running scenario as JSON (it is too large for a link).
    DownloadJson,
    /// Copy this link (a damaged link kept in the address bar).
    CopyLink(String),
}

/// All state of one playground page; `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Playground {
    /// The scenario JSON in the editor.
    pub text: RwSignal<String>,
    /// Problems in `text` (empty when it is valid), with paths from the scenario root.
    pub problems: RwSignal<Vec<Problem>>,
    /// Whether [`Playground::problems`] came from the document's shape (read before anything
    /// else is checked), so the later checks have not run.
    pub problems_first_stage: RwSignal<bool>,
    /// A JSON syntax error in `text`: (line, column, message).
    pub syntax_error: RwSignal<Option<(usize, usize, String)>>,
    /// The scenario text the running engine was built from.
    pub running_text: RwSignal<String>,
    /// The engine (not reactive; `snapshot` and `log` are its reactive projections).
    pub sim: StoredValue<Option<Sim>, LocalStorage>,
    /// The engine's picture after the last advance.
    pub snapshot: RwSignal<Option<Snapshot>>,
    /// The newest [`LOG_LINES_KEPT`] lines of the engine's log.
    pub log: RwSignal<Vec<LogEntry>>,
    /// How many engine log lines have been copied, and the first one (to notice a restart).
    log_seen: StoredValue<(usize, Option<LogEntry>)>,
    /// Whether time runs.
    pub playing: RwSignal<bool>,
    /// How fast.
    pub speed: RwSignal<Speed>,
    /// The clicked task or instance.
    pub selection: RwSignal<Selection>,
    /// A notice for the user.
    pub notice: RwSignal<Option<Notice>>,
    /// Target lines and event markers other parts of the page supply to the metrics charts
    /// (its `now` is ignored: the charts take the snapshot's time).
    pub chart_overlays: RwSignal<ChartInputs>,
    /// A "Run to…" in progress or just finished (see [`crate::run_to`]).
    pub run: RwSignal<Option<RunProgress>>,
    /// The selected service (index): the one source every service picker reads and writes
    /// (deployments, metrics, the log filter, the editor's Service settings), and the one the
    /// Spot/traffic buttons act on when no task is selected. Selecting a task (or a service's
    /// unplaced tasks) selects its service too. Set it with [`Playground::select_service`].
    pub service: RwSignal<usize>,
    /// Whether the event log follows [`Playground::service`] or shows every service.
    pub log_scope: RwSignal<LogScope>,
    /// The kinds of event play and "Run to…" stop at (the "Pause on…" control).
    pub pause_on: RwSignal<Vec<PauseKind>>,
    /// Engine log lines ever written (`log_dropped + log.len()`) already checked for a pause.
    pause_seen: StoredValue<u64>,
    /// A lesson's live goals, read at every instant during play and "Run to…" as Check reads
    /// them (see `ecs_sim::challenge::live_reading`): the instants its goals name, and the read.
    pub instant_reader: StoredValue<Option<InstantReader>, LocalStorage>,
    /// The event the clock last stopped at, until a reset or an edit.
    pub paused_at: RwSignal<Option<PauseHit>>,
    /// The text of the notice that describes the current run (a pause, a lesson's horizon): it
    /// goes when the run restarts ([`Playground::notify_run`]).
    run_notice: StoredValue<Option<String>>,
    /// Where play stops once, and what it says then: a lesson's horizon. Play reaches it
    /// exactly at any speed (at max it stopped minutes past 0:15:00 when the redraw after the
    /// frame noticed, student walkthrough 2026-12-06); "Run to…" goes where it is told.
    pub play_stop: StoredValue<Option<(u64, String)>>,
    /// The task chips on the page, updated by [`Playground::refresh`].
    pub chips: ChipTable,
    /// Counts the redraws that also copied the log: the metrics charts follow this instead of
    /// every snapshot, because projecting and drawing them takes longer than a frame at 2,000
    /// tasks (a few times a second is plenty for per-minute data).
    pub slow_redraw: RwSignal<u64>,
    /// Counts the snapshots shown to the service cards: they follow this instead of the
    /// snapshot, so the play loop can redraw them in a frame of their own (with 50 services
    /// the cards and the rest of a redraw did not fit one frame together at 2,000 tasks).
    pub summaries_redraw: RwSignal<u64>,
    /// The button of the notice it was set with (shown only while that notice is shown).
    pub notice_action: RwSignal<Option<(Notice, NoticeAction)>>,
    /// Bumped to ask the editor to discard its task definition tabs' unregistered edits (a
    /// lesson's Start over: the student expects the starting task definitions back).
    pub td_edits_discarded: RwSignal<u64>,
    /// The families whose task definition tab holds an unregistered edit (the editor keeps
    /// it): a lesson's Check grades the registered revision, so the lesson pane says so.
    pub unregistered_edits: RwSignal<Vec<String>>,
    /// Unsaved editor text from before a reload (or a link change), offered back by the
    /// restore banner; see `ecs_sim::scenario::saved`.
    pub offer: RwSignal<Option<ecs_sim::scenario::saved::Offer>>,
    /// A URL fragment the address bar keeps instead of the running scenario's link (a damaged
    /// link, so the user can still copy it), until the running scenario changes.
    pub keep_fragment: RwSignal<Option<String>>,
    /// The live actions clicked since the scenario last (re)started, as the timeline entries
    /// that replay them (at most `ecs_sim::scenario::keep::MAX_KEPT_ACTIONS`); an edit or a
    /// reset clears them.
    pub kept: RwSignal<ecs_sim::scenario::keep::KeptActions>,
    /// "Keep in link": Copy link puts [`Playground::kept`] on the shared scenario's timeline.
    pub keep_in_link: RwSignal<bool>,
    /// The cluster view is still drawing new chips in, a share per animation frame
    /// (`ecs_sim::view::overview::NEW_CHIPS_PER_FRAME`): the play loop runs no engine work in
    /// those frames, so building the chips and the engine's 8 ms do not add up in one task (at
    /// the scenario limits the two together made tasks of 50-60 ms in the first second).
    pub chips_drawing_in: StoredValue<bool>,
    /// What an open lesson locks: the forms refuse an edit that changes a locked part.
    pub lock: StoredValue<Option<ecs_sim::challenge::editable::Lock>>,
    /// The open lesson's editable paths: the Scenario JSON editor makes the rest read-only.
    pub open_paths: RwSignal<Vec<String>>,
    /// Bumped when a lesson's lock refuses a form's change: the forms are drawn again from the
    /// scenario, so an input does not go on showing a value the scenario does not have (a
    /// walkthrough saw "4" in Desired count while the service ran 3).
    pub form_refused: RwSignal<u32>,
    /// Why a lesson's lock refused the last form change, until a form change is taken (or the
    /// service or lesson changes): shown in a line at the top of Service settings that stays
    /// in view, since the form's own sections are drawn again after a refusal.
    pub form_lock: RwSignal<Option<String>>,
    /// Why Service settings refused the last change (an invalid value), shown at the top of the
    /// tab and beside a lesson's Check, which grades the scenario as it runs, without it (a
    /// student checked a lesson with a refused memberOf on screen and read the verdict as its).
    pub form_error: RwSignal<Option<String>>,
    /// The awsvpc `networkConfiguration`s the network mode picker took away in this page, so
    /// switching back to awsvpc gives them back (a bridge or host service cannot carry one);
    /// forgotten when another scenario is loaded ([`Playground::edit`]).
    pub network_memory: RwSignal<NetworkMemory>,
}

/// The instants a lesson's goals name, and what reads the engine at each instant.
pub type InstantReader = (Vec<u64>, std::rc::Rc<dyn Fn(&Sim)>);

/// How fast a watched run goes: a simulated minute per second (the 60× speed), so a lesson's
/// 15 minutes play in 15 seconds.
pub const WATCH_PACE: f64 = 60.0;

/// Where a "Run to…" stands, for its progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunProgress {
    /// Virtual time when it started, ms.
    pub from_ms: u64,
    /// Virtual time it runs to, ms.
    pub to_ms: u64,
    /// Virtual time reached so far, ms.
    pub now_ms: u64,
    /// Wall time spent so far, ms.
    pub wall_ms: f64,
    /// The wall clock when it started, ms (`performance.now()`), for the rate.
    pub wall_start: f64,
    /// It reached `to_ms`.
    pub done: bool,
    /// Cancel was clicked: no more chunks run, and the strip closes once the clock shows where
    /// the run stopped (closed at once, a redraw the last chunk had queued could move the clock
    /// hours after the strip was gone).
    pub stopping: bool,
    /// At most this many virtual ms per wall ms, for a run meant to be watched (a lesson's
    /// "Watch it"); None: as fast as the page allows.
    pub pace: Option<f64>,
}

impl RunProgress {
    /// Whether `run` is a "Run to…" still advancing the clock.
    fn active(run: &Option<RunProgress>) -> bool {
        run.is_some_and(|r| !r.done)
    }
}

impl RunProgress {
    /// Still running chunks: neither at its time nor cancelled.
    pub fn advancing(&self) -> bool {
        !self.done && !self.stopping
    }

    /// Fraction done, 0–1.
    pub fn fraction(&self) -> f64 {
        let span = self.to_ms.saturating_sub(self.from_ms);
        if span == 0 {
            return 1.0;
        }
        (self.now_ms.saturating_sub(self.from_ms) as f64 / span as f64).clamp(0.0, 1.0)
    }

    /// Simulated seconds per wall second so far (0 before any wall time has passed).
    pub fn rate(&self) -> f64 {
        if self.wall_ms <= 0.0 {
            return 0.0;
        }
        self.now_ms.saturating_sub(self.from_ms) as f64 / self.wall_ms
    }
}

impl Playground {
    /// How many problems the editor's scenario text has: its problems, or its syntax error.
    /// The editor's status line and the line over the cluster both say it.
    pub fn problem_count(&self) -> usize {
        self.problems.with(Vec::len) + usize::from(self.syntax_error.with(Option::is_some))
    }

    /// The colour class of `service` in the snapshot shown (`c-none` for none or an unknown
    /// one), as its chips, log lines, presenter events and chart lines draw it.
    pub(crate) fn service_colour_class(&self, service: Option<&str>) -> String {
        crate::chip_table::colour_class(self.snapshot.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| ecs_sim::view::service_colour(s, service))
        }))
    }

    /// A playground running `text` (which must be valid; the caller falls back to the default).
    pub fn new(text: &str) -> Self {
        let pg = Playground {
            text: RwSignal::new(text.to_string()),
            problems: RwSignal::new(Vec::new()),
            syntax_error: RwSignal::new(None),
            problems_first_stage: RwSignal::new(false),
            running_text: RwSignal::new(String::new()),
            sim: StoredValue::new_local(None),
            snapshot: RwSignal::new(None),
            log: RwSignal::new(Vec::new()),
            log_seen: StoredValue::new((0, None)),
            playing: RwSignal::new(false),
            speed: RwSignal::new(Speed::X10),
            selection: RwSignal::new(Selection::None),
            notice: RwSignal::new(None),
            chart_overlays: RwSignal::new(ChartInputs::default()),
            run: RwSignal::new(None),
            service: RwSignal::new(0),
            log_scope: RwSignal::new(LogScope::Untouched),
            pause_on: RwSignal::new(PauseKind::DEFAULT.to_vec()),
            pause_seen: StoredValue::new(0),
            instant_reader: StoredValue::new_local(None),
            chips_drawing_in: StoredValue::new(false),
            paused_at: RwSignal::new(None),
            run_notice: StoredValue::new(None),
            play_stop: StoredValue::new(None),
            chips: ChipTable::new(),
            slow_redraw: RwSignal::new(0),
            summaries_redraw: RwSignal::new(0),
            notice_action: RwSignal::new(None),
            td_edits_discarded: RwSignal::new(0),
            unregistered_edits: RwSignal::new(Vec::new()),
            offer: RwSignal::new(None),
            keep_fragment: RwSignal::new(None),
            kept: RwSignal::new(Default::default()),
            keep_in_link: RwSignal::new(false),
            lock: StoredValue::new(None),
            open_paths: RwSignal::new(Vec::new()),
            form_refused: RwSignal::new(0),
            form_lock: RwSignal::new(None),
            form_error: RwSignal::new(None),
            network_memory: RwSignal::new(NetworkMemory::default()),
        };
        pg.edit(text.to_string());
        pg
    }

    /// Selecting a task (a chip, the explain panel) or a service's unplaced tasks selects the
    /// service too, so every panel follows the click. The app calls this once it is mounted
    /// (an effect needs the page's executor).
    pub fn link_selection(&self) {
        let pg = *self;
        Effect::new(move |_| {
            let service = match pg.selection.get() {
                Selection::Task(t) => pg.snapshot.with_untracked(|s| {
                    let s = s.as_ref()?;
                    let name = s.tasks.iter().find(|v| v.index == t)?.service.as_ref()?;
                    s.services.iter().position(|v| *v.name == **name)
                }),
                Selection::Unplaced(s) => Some(s),
                Selection::Instance(_) | Selection::None => None,
            };
            if let Some(s) = service {
                pg.select_service(s);
            }
        });
    }

    /// Selects service `index` everywhere; the event log follows it unless the user chose
    /// "All services" there.
    pub fn select_service(&self, index: usize) {
        if self.service.get_untracked() != index {
            self.service.set(index);
        }
        if self.log_scope.get_untracked() == LogScope::Untouched {
            self.log_scope.set(LogScope::Selected);
        }
    }

    /// Selects the service called `name` (a log line's, a chart's); false if there is none.
    pub fn select_service_named(&self, name: &str) -> bool {
        match self.service_index_named(name) {
            Some(i) => {
                self.select_service(i);
                true
            }
            None => false,
        }
    }

    /// Shows the service called `name` in the cards and charts, leaving the event log's scope
    /// as it is: presenter mode coming on with a lesson's service made the log follow that
    /// service and hide the instance and action lines (review).
    pub fn show_service_named(&self, name: &str) {
        if let Some(i) = self.service_index_named(name) {
            if self.service.get_untracked() != i {
                self.service.set(i);
            }
        }
    }

    /// The index of the service called `name` in the latest snapshot.
    fn service_index_named(&self, name: &str) -> Option<usize> {
        self.snapshot.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.services.iter().position(|v| v.name == name))
        })
    }

    /// The first event of a chosen "Pause on…" kind among the engine log lines written since
    /// the last check (`seen` counts lines ever written, so the bounded log's dropping of old
    /// lines does not shift it); `seen` moves past every new line. Cheap when nothing happened.
    fn pause_check(sim: &Sim, kinds: &[PauseKind], seen: &mut u64) -> Option<PauseHit> {
        let log = sim.log();
        let dropped = sim.log_dropped();
        let total = dropped + log.len() as u64;
        if total <= *seen {
            *seen = total;
            return None;
        }
        let start = usize::try_from(seen.saturating_sub(dropped))
            .unwrap_or(usize::MAX)
            .min(log.len());
        *seen = total;
        let new = &log[start..];
        first_pause(new, kinds).map(|(i, kind)| {
            let entry = new[i].clone();
            // What a failed deployment's tasks stopped with: ECS's line names no cause.
            let cause = entry
                .service
                .as_deref()
                .filter(|_| kind == PauseKind::DeploymentFailed)
                .and_then(|service| failure_cause(&log[..start + i], service));
            PauseHit { entry, kind, cause }
        })
    }

    /// Marks every engine log line written so far as checked: lines from a user's command or
    /// a manual step do not stop the next play.
    fn pause_skip(&self) {
        let total = self.sim.with_value(|s| {
            s.as_ref()
                .map_or(0, |sim| sim.log_dropped() + sim.log().len() as u64)
        });
        self.pause_seen.set_value(total);
    }

    /// The clock reached a chosen event: stop play and "Run to…", say why, select its service
    /// (so its lines and deployments are in view) and redraw.
    fn pause_at(&self, hit: PauseHit) {
        self.playing.set(false);
        if self.running_to() {
            self.run.set(None);
        }
        self.notify_run(pause_notice(&hit.entry, hit.kind, hit.cause.as_ref()));
        if let Some(name) = hit.entry.service.as_deref() {
            self.select_service_named(name);
        }
        self.paused_at.set(Some(hit));
        self.refresh();
    }

    /// A lesson's Start over: the task definition tabs' unregistered edits go, from this
    /// browser's storage at once and from the editor when it is on the page. The storage is
    /// cleared here, not by the editor, because the editor is a part of the page fetched on its
    /// own (`crate::later`): when its chunk has not arrived, or could not be downloaded, a
    /// Start over must still keep those edits from coming back with it.
    pub fn discard_td_edits(&self) {
        crate::layout::storage::write(ecs_sim::taskdef::kept_edits::TD_EDITS_KEY, "");
        self.td_edits_discarded.update(|n| *n += 1);
    }

    /// Runs `discard` each time a lesson's Start over asks the task definition tabs to drop their
    /// edits ([`Playground::td_edits_discarded`] bumped; not when the effect first runs).
    pub fn on_td_edits_discarded(&self, discard: impl Fn() + 'static) {
        let bumped = self.td_edits_discarded;
        Effect::new(move |seen: Option<u64>| {
            let now = bumped.get();
            if seen.is_some_and(|s| s != now) {
                discard();
            }
            now
        });
    }

    /// Shows `text` as a notice about the current run (why it stopped): the run's restart takes
    /// it away ([`Playground::forget_pause`]), unless another notice replaced it first.
    pub fn notify_run(&self, text: String) {
        self.run_notice.set_value(Some(text.clone()));
        self.notice.set(Some(Notice {
            is_error: false,
            text,
        }));
    }

    /// The run restarted: no paused line, and a notice about the last run goes with it (a pause
    /// or a lesson's horizon said "Paused: … at 0:15:00" over a run back at 0:00, in a student's
    /// walkthrough).
    fn forget_pause(&self) {
        if let Some(text) = self.run_notice.try_update_value(Option::take).flatten() {
            if self
                .notice
                .with_untracked(|n| n.as_ref().is_some_and(|n| n.text == text))
            {
                self.notice.set(None);
            }
        }
        self.paused_at.set(None);
    }

    /// What the user typed (the Scenario JSON editor, a form): like [`Playground::edit`], except
    /// that text equal to the running scenario's keeps the run going. Undoing a half-typed
    /// change back to what runs is not a new scenario (a walkthrough saw the run restart
    /// at 0:00 on such an undo). Examples, links, lessons' Start over still restart.
    pub fn typed(&self, text: String) {
        if self.running_text.with_untracked(|r| *r == text) && self.sim.with_value(Option::is_some)
        {
            self.text.set(text);
            self.problems.set(Vec::new());
            self.syntax_error.set(None);
            return;
        }
        self.take(text);
    }

    /// Another scenario was loaded (an example, a link, a lesson, the restore banner): as
    /// [`Playground::typed`] without its shortcut, and the network mode picker's memory of
    /// another scenario's services is forgotten.
    pub fn edit(&self, text: String) {
        if self.network_memory.with_untracked(|m| !m.is_empty()) {
            self.network_memory.set(NetworkMemory::default());
        }
        self.take(text);
    }

    /// The editor changed: validate, and if the scenario is valid, restart the engine on it.
    /// An invalid edit keeps the running scenario: nothing the user had is lost.
    fn take(&self, text: String) {
        self.text.set(text.clone());
        let (checked, first_stage) = match check_staged(&text) {
            Ok(sim) => (Ok(sim), false),
            Err((e, first)) => (Err(e), first),
        };
        self.problems_first_stage.set(first_stage);
        match checked {
            Ok(sim) => {
                self.problems.set(Vec::new());
                self.syntax_error.set(None);
                self.running_text.set(text);
                // A service picked in an earlier scenario may not exist in this one: every
                // panel then showed "no data yet" (instructor walkthrough: Cloud Map's second
                // service selected, then a one-service example loaded).
                if self.service.get_untracked() >= sim.model.services.len() {
                    self.service.set(0);
                }
                self.sim.set_value(Some(sim));
                self.kept.set(Default::default());
                self.selection.set(Selection::None);
                self.run.set(None);
                self.pause_seen.set_value(0);
                self.forget_pause();
                self.refresh();
            }
            Err(ScenarioError::Syntax {
                line,
                column,
                message,
            }) => {
                self.problems.set(Vec::new());
                self.syntax_error.set(Some((line, column, message)));
            }
            Err(ScenarioError::TooLarge { bytes }) => {
                self.syntax_error.set(None);
                self.problems.set(vec![Problem::new(
                    "",
                    format!(
                        "the scenario is {bytes} bytes; the playground reads at most {} bytes",
                        ecs_sim::scenario::MAX_SCENARIO_BYTES
                    ),
                )]);
            }
            Err(ScenarioError::Invalid(problems)) => {
                self.syntax_error.set(None);
                self.problems.set(problems);
            }
        }
    }

    /// Shows `notice` with a button that does `action`.
    pub fn notify_with(&self, notice: Notice, action: NoticeAction) {
        self.notice_action.set(Some((notice.clone(), action)));
        self.notice.set(Some(notice));
    }

    /// Restarts the engine on the running scenario (time 0, same seed).
    pub fn reset(&self) {
        if let Ok(sim) = check(&self.running_text.get_untracked()) {
            self.sim.set_value(Some(sim));
            self.kept.set(Default::default());
            self.selection.set(Selection::None);
            self.run.set(None);
            self.pause_seen.set_value(0);
            self.forget_pause();
            self.refresh();
        }
    }

    /// A "Run to…" is advancing the clock (the play loop stays out of its way).
    pub fn running_to(&self) -> bool {
        self.run.with_untracked(RunProgress::active)
    }

    /// The page is redrawn with everything changed several times a second: playing at max
    /// speed, or a "Run to…" in progress (tracked, for the `fast` class that stops motion).
    pub fn redrawing_fast(&self) -> bool {
        self.run.with(RunProgress::active) || (self.playing.get() && self.speed.get() == Speed::Max)
    }

    /// The virtual time the page shows (the last snapshot's), ms; 0 before the first. Untracked:
    /// callers that follow the clock track [`Playground::slow_redraw`] or the snapshot.
    pub fn clock_ms(&self) -> u64 {
        self.snapshot
            .with_untracked(|s| s.as_ref().map_or(0, |s| s.now_ms))
    }

    /// Starts a "Run to…" `to_ms` of virtual time (the top bar's buttons, a failed goal's
    /// "Show"); the run-to timer in the top bar advances it in chunks. Says so instead when the
    /// clock is already there.
    pub fn run_to(&self, to_ms: u64) {
        self.run_to_at(to_ms, None);
    }

    /// Runs to `to_ms` at [`WATCH_PACE`], so a room can follow it: a lesson's "Watch it" jumped
    /// to the end in a quarter second and showed only the end (instructor walkthrough).
    pub fn watch_to(&self, to_ms: u64) {
        self.run_to_at(to_ms, Some(WATCH_PACE));
    }

    /// "Run to…" at `pace` virtual ms per wall ms at most (None: as fast as it can).
    fn run_to_at(&self, to_ms: u64, pace: Option<f64>) {
        let from = self.clock_ms();
        if to_ms <= from {
            self.notice.set(Some(Notice {
                is_error: false,
                text: format!("The clock is already at {}.", ecs_sim::time::clock(from)),
            }));
            return;
        }
        self.playing.set(false);
        self.go_on_from_pause();
        self.run.set(Some(RunProgress {
            from_ms: from,
            to_ms,
            now_ms: from,
            wall_ms: 0.0,
            wall_start: crate::wall_clock::now_ms(),
            done: false,
            stopping: false,
            pace,
        }));
    }

    /// Play or pause (the button and the space key). Playing closes a finished "Run to…"
    /// strip: its "done" is old news once the clock moves on. Play during a "Run to…" (a
    /// lesson's watched run too) takes over from it where it is, at the chosen speed: the
    /// button read Play and the run went on at a simulated minute per second (instructor
    /// walkthrough, 2026-12-06).
    pub fn toggle_play(&self) {
        if !self.playing.get_untracked()
            && self
                .run
                .with_untracked(|r| r.is_some_and(|r| r.advancing()))
        {
            self.run.set(None);
        }
        self.playing.update(|p| *p = !*p);
        if self.playing.get_untracked() {
            self.close_finished_run();
            self.go_on_from_pause();
        }
    }

    /// A speed chosen while a lesson's watched run plays takes over from it at that speed, as
    /// Play does: the 10× button showed pressed while the run went on at a simulated minute
    /// per second (instructor walkthrough, 2026-12-07).
    pub fn speed_chosen(&self) {
        let watching = self
            .run
            .with_untracked(|r| r.is_some_and(|r| r.advancing() && r.pace.is_some()));
        if watching && !self.playing.get_untracked() {
            self.toggle_play();
        }
    }

    /// The clock goes on from a pause (Play, Step, Run to): the paused line and its notice go.
    /// An instructor's walkthrough saw "Paused … at 0:02:09 … Play, Step or +10 min go on from
    /// here" and the old line highlighted at 0:12:09, after +10 min.
    fn go_on_from_pause(&self) {
        // A lesson's horizon pause has a notice but no paused line: it goes too (a student saw
        // "Paused: this lesson's goals end at 0:15:00" stay while the clock ran on).
        if self.paused_at.with_untracked(Option::is_some)
            || self.run_notice.with_value(Option::is_some)
        {
            self.forget_pause();
        }
    }

    /// Closes the "Run to…" strip if its run reached its time (a walkthrough found "Run to:
    /// done" still in the top bar minutes of play later); a run still going is left alone.
    fn close_finished_run(&self) {
        if self.run.with_untracked(|r| r.is_some_and(|r| r.done)) {
            self.run.set(None);
        }
    }

    /// Runs events up to the next one the log shows, or 10 simulated minutes on
    /// ([`ecs_sim::sim::Sim::step_to_next_line`]). It does not redraw: the Step button and `→`
    /// redraw in tasks of their own after it (`controls::step_and_redraw`), since the engine's
    /// events, reading 20,000 tasks and drawing them made one task of 51–57 ms at the limits.
    pub fn step(&self) {
        self.close_finished_run();
        self.go_on_from_pause();
        self.sim.update_value(|s| {
            if let Some(sim) = s {
                use ecs_sim::sim::stepping::{STEP_MOST_EVENTS, STEP_MOST_MS};
                sim.step_to_next_line(STEP_MOST_EVENTS, STEP_MOST_MS);
            }
        });
        self.pause_skip();
    }

    /// Advances virtual time for `wall_ms` of wall time at the current speed, plus `behind_ms`
    /// of virtual time an earlier frame could not reach, spending at most `budget_ms` of wall
    /// time (measured by `clock` after every event) so the frame stays short. If the budget runs out, the clock
    /// stops at the last event run and the virtual ms still owed are returned, at most a
    /// quarter second of wall time's worth, so a run the engine cannot keep up with does not
    /// pile up a debt. It does not redraw (but when play stops at [`Playground::play_stop`]):
    /// the play loop calls [`Playground::refresh`] a few times a second, because reading 2,000
    /// tasks into the page on every animation frame would cost more than the frame.
    pub fn advance(
        &self,
        wall_ms: f64,
        behind_ms: u64,
        budget_ms: f64,
        clock: impl Fn() -> f64,
    ) -> u64 {
        let factor = self.speed.get_untracked().factor();
        let most = MAX_FRAME_WALL_MS * factor;
        let mut owed = 0;
        let kinds = self.pause_on.get_untracked();
        let mut seen = self.pause_seen.get_value();
        let mut hit = None;
        let reader = self.instant_reader.with_value(Clone::clone);
        let stop = self.play_stop.with_value(|s| s.as_ref().map(|(at, _)| *at));
        let mut stopped_at_stop = false;
        self.sim.update_value(|s| {
            let Some(sim) = s else { return };
            let ask = (wall_ms.clamp(0.0, MAX_FRAME_WALL_MS as f64) as u64) * factor;
            let mut target = sim.now() + ask.saturating_add(behind_ms).min(most);
            if let Some(at) = stop.filter(|&at| at > sim.now() && at <= target) {
                target = at;
                stopped_at_stop = true;
            }
            let start = clock();
            while let Some(t) = sim.next_event_at().filter(|&t| t <= target) {
                read_instants(&reader, sim, t);
                sim.step();
                // Stop right after the event that wrote a chosen line, at its time.
                hit = Self::pause_check(sim, &kinds, &mut seen);
                if hit.is_some() {
                    return;
                }
                // After every event: one event of a large scenario can take milliseconds.
                if clock() - start > budget_ms {
                    owed = target - sim.now();
                    return;
                }
            }
            read_instants(&reader, sim, target.saturating_add(1));
            sim.run_until(target);
        });
        self.pause_seen.set_value(seen);
        if let Some(hit) = hit {
            self.pause_at(hit);
            return 0;
        }
        // Reached the stop (not cut short by the budget: `owed` is 0 then).
        if stopped_at_stop && owed == 0 {
            if let Some((_, text)) = self.play_stop.try_update_value(Option::take).flatten() {
                self.playing.set(false);
                self.notify_run(text);
                self.refresh();
            }
            return 0;
        }
        owed
    }

    /// Runs the engine toward `to_ms` for at most `budget_ms` of wall time (measured by `clock`
    /// after every event), whatever the speed, and returns the virtual time reached. A long
    /// "Run to…" calls this once per timer tick, so the page handles clicks between chunks. It
    /// does not redraw: the caller calls [`Playground::refresh`] in a task of its own, so engine
    /// work and redraw never add up to one long task.
    pub fn run_chunk(&self, to_ms: u64, budget_ms: f64, clock: impl Fn() -> f64) -> u64 {
        let mut reached = 0;
        let kinds = self.pause_on.get_untracked();
        let mut seen = self.pause_seen.get_value();
        let mut hit = None;
        let reader = self.instant_reader.with_value(Clone::clone);
        self.sim.update_value(|s| {
            let Some(sim) = s else { return };
            let start = clock();
            let mut stopped = false;
            while let Some(t) = sim.next_event_at().filter(|&t| t <= to_ms) {
                read_instants(&reader, sim, t);
                sim.step();
                // As in `advance`: stop at a chosen event, and after every event check the budget.
                hit = Self::pause_check(sim, &kinds, &mut seen);
                if hit.is_some() || clock() - start > budget_ms {
                    stopped = true;
                    break;
                }
            }
            if !stopped {
                read_instants(&reader, sim, to_ms.saturating_add(1));
                sim.run_until(to_ms);
            }
            reached = sim.now();
        });
        self.pause_seen.set_value(seen);
        if let Some(hit) = hit {
            self.pause_at(hit);
        }
        reached
    }

    /// Runs a command on the engine (stop task, terminate instance …) and shows its error.
    pub fn command<E: std::fmt::Display>(&self, f: impl FnOnce(&mut Sim) -> Result<(), E>) {
        let mut result = Ok(());
        self.sim.update_value(|s| {
            if let Some(sim) = s {
                result = f(sim).map_err(|e| e.to_string());
            }
        });
        if let Err(text) = result {
            self.notice.set(Some(Notice {
                is_error: true,
                text,
            }));
        }
        self.pause_skip();
        self.refresh();
    }

    /// Runs a live action the timeline can replay (see `ecs_sim::sim::live`): the clock moves
    /// to the next whole second, `pick` names the action there, and the entry is kept for
    /// "Keep in link" (up to the cap; the share bar says when more were not kept).
    pub fn live(
        &self,
        pick: impl FnOnce(&Sim) -> Result<TimelineAction, ecs_sim::sim::commands::CommandError>,
    ) {
        let mut kept = None;
        self.command(|sim| {
            sim.apply_live(pick).map(|e| {
                kept = Some(e);
            })
        });
        if let Some(e) = kept {
            self.kept.update(|k| {
                k.push_event(e);
            });
        }
    }

    /// The services' names, in scenario order, for the summary cards and the log filter.
    pub fn service_names(&self) -> Memo<Vec<String>> {
        let snapshot = self.snapshot;
        Memo::new(move |_| {
            snapshot.with(|s| {
                s.as_ref()
                    .map(|s| s.services.iter().map(|v| v.name.clone()).collect())
                    .unwrap_or_default()
            })
        })
    }

    /// The engine's line number of `log[0]`: the log pane keys its lines by it, so a line keeps
    /// its element when older lines are trimmed off the front.
    pub fn log_base(&self) -> usize {
        let seen = self.log_seen.with_value(|(seen, _)| *seen);
        seen.saturating_sub(self.log.with_untracked(Vec::len))
    }

    /// Re-reads the engine into the reactive signals: the cluster and the log.
    pub fn refresh(&self) {
        self.refresh_parts(true, true);
    }

    /// Copies the new log lines (the log pane redraws) without re-reading the cluster; the
    /// charts, which follow [`Playground::slow_redraw`], redraw in a task of their own after it
    /// (at 2,000 tasks the log pane and the charts together made one long task).
    pub fn refresh_log(&self) {
        self.refresh_log_lines();
        self.slow_redraw_later();
    }

    /// Copies the new log lines only (the log pane redraws); the play loop redraws the charts
    /// in the next frame ([`Playground::redraw_charts`]).
    pub fn refresh_log_lines(&self) {
        self.refresh_parts(false, true);
    }

    /// Redraws what follows [`Playground::slow_redraw`]: the charts, cost and advice.
    pub fn redraw_charts(&self) {
        self.slow_redraw.update(|n| *n += 1);
    }

    /// [`Playground::redraw_charts`] in a task of its own.
    fn slow_redraw_later(&self) {
        let pg = *self;
        leptos::prelude::set_timeout(move || pg.redraw_charts(), std::time::Duration::ZERO);
    }

    /// The engine's picture now, not yet shown: the play loop and "Run to…" read it in one task
    /// and show it ([`Playground::show_snapshot`]) in the next, because at the scenario limits
    /// (20,000 tasks) reading it and redrawing from it took longer together than a long task.
    pub fn read_snapshot(&self) -> Option<Snapshot> {
        self.sim.with_value(|s| s.as_ref().map(Sim::snapshot))
    }

    /// Shows `snap`: the cluster ([`Playground::show_cluster`]), then the service cards.
    pub fn show_snapshot(&self, snap: Option<Snapshot>) {
        self.show_cluster(snap);
        self.show_summaries();
    }

    /// Shows `snap` in the cluster: the chips that changed, then every pane that reads the
    /// snapshot. The play loop and the redraw after a step do this in a task of their own and
    /// the service cards in the next.
    pub fn show_cluster(&self, snap: Option<Snapshot>) {
        self.show_chips(snap.as_ref());
        self.show_panes(snap);
    }

    /// Brings the service cards to the snapshot shown (see [`Playground::summaries_redraw`]).
    pub fn show_summaries(&self) {
        self.summaries_redraw.update(|n| *n += 1);
    }

    /// Brings the task chips to `snap` (only those whose picture changed).
    fn show_chips(&self, snap: Option<&Snapshot>) {
        self.chips.update(snap);
    }

    /// Shows `snap` in every pane that reads the snapshot (the chips follow
    /// [`Playground::show_chips`], the service cards [`Playground::show_summaries`]). The
    /// previous snapshot is dropped in a task of its own (freeing 20,000 tasks' strings took
    /// as long as building them).
    fn show_panes(&self, snap: Option<Snapshot>) {
        let old = self.snapshot.try_update(|s| std::mem::replace(s, snap));
        if old.is_some() {
            leptos::prelude::set_timeout(move || drop(old), std::time::Duration::ZERO);
        }
    }

    /// Re-reads the cluster (`snapshot`) and/or the log; with `log` (and not from
    /// [`Playground::refresh_log`], which defers it) the charts follow at once.
    fn refresh_parts(&self, snapshot: bool, log: bool) {
        // The engine's log only grows during a run: copy just the lines not seen yet, and all of
        // it (the newest LOG_LINES_KEPT) after a restart, recognised by a different first line
        // or a shorter log.
        let (seen, first) = self.log_seen.get_value();
        let (snap, update) = self.sim.with_value(|s| match s {
            Some(sim) => {
                let snap = snapshot.then(|| sim.snapshot());
                if !log {
                    return (snap, None);
                }
                let log = sim.log();
                let same_run = log.first() == first.as_ref() && log.len() >= seen;
                let update = if same_run {
                    // Only the lines the page keeps: at max speed thousands arrive per copy.
                    let from = seen.max(log.len().saturating_sub(LOG_LINES_KEPT));
                    (log.len() > seen).then(|| (true, log[from..].to_vec()))
                } else {
                    Some((
                        false,
                        log[log.len().saturating_sub(LOG_LINES_KEPT)..].to_vec(),
                    ))
                };
                (snap, Some((update, log.len(), log.first().cloned())))
            }
            None => (None, None),
        });
        if snapshot {
            self.show_snapshot(snap);
        }
        if let Some((update, len, first)) = update {
            self.log_seen.set_value((len, first));
            match update {
                Some((true, new)) => self.log.update(|l| {
                    l.extend(new);
                    trim_log(l);
                }),
                Some((false, all)) => self.log.set(all),
                None => {}
            }
        }
        if log && snapshot {
            self.redraw_charts();
        }
    }
}

/// Log lines the page keeps: a crash loop at max speed writes tens of thousands a minute, and
/// copying or filtering all of them every tick would stall the page.
pub const LOG_LINES_KEPT: usize = 5_000;

fn trim_log(log: &mut Vec<LogEntry>) {
    if log.len() > LOG_LINES_KEPT {
        log.drain(..log.len() - LOG_LINES_KEPT);
    }
}

/// Parses and resolves scenario text into a ready engine.
pub fn check(text: &str) -> Result<Sim, ScenarioError> {
    check_staged(text).map_err(|(e, _)| e)
}

/// [`check`], saying with an error whether it came from the first checks (syntax, version, the
/// document's shape, the playground's limits), before the rest of the scenario was checked.
fn check_staged(text: &str) -> Result<Sim, (ScenarioError, bool)> {
    let doc = parse_scenario(text).map_err(|e| (e, true))?;
    // The playground's limits are checked before anything is built, so they stop the rest too.
    ecs_sim::scenario::limits::check(&doc).map_err(|p| (ScenarioError::Invalid(p), true))?;
    let model = resolve(&doc).map_err(|p| (ScenarioError::Invalid(p), false))?;
    Ok(Sim::new(model))
}

/// Reads a lesson's goals at the instants before `next` (see
/// `ecs_sim::challenge::live_reading::read_before`), when a lesson is open.
fn read_instants(reader: &Option<InstantReader>, sim: &mut Sim, next: u64) {
    if let Some((checkpoints, read)) = reader {
        ecs_sim::challenge::live_reading::read_before(sim, next, checkpoints, &mut |s| read(s));
    }
}
