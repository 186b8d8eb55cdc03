//! Play/pause, step, speed, reset, the clock, keyboard shortcuts (space, →), and the failure
//! buttons. The animation-frame loop is the one Effect-like loop: it syncs engine and wall time.

use crate::layout::storage;
use crate::state::{Notice, Playground, Selection, Speed};
use ecs_sim::cluster::InstanceStatus;
use ecs_sim::scenario::TimelineAction;
use ecs_sim::time::clock;
use ecs_sim::view::pause::{kinds_to_text, parse_kinds, PauseKind};
use leptos::prelude::*;

/// Where the browser remembers the "Pause on…" choice.
const PAUSE_KEY: &str = "ecs-playground.pause-on";

/// Wall milliseconds of engine work per animation frame, at every speed: a frame is 16.7 ms
/// at 60 Hz, and the page needs the rest of it to redraw.
const FRAME_BUDGET_MS: f64 = 8.0;
/// How often each part of the page is redrawn while playing, in wall milliseconds. The engine
/// runs in the other frames; reading 2,000 tasks into the page costs more than a frame, so a
/// redraw happens a few times a second, spread over frames of its own without engine work
/// ([`Redraw`]), and the slower parts join only some redraws.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cadence {
    /// Read the snapshot and bring the chips and panes to it.
    refresh: f64,
    /// Bring the service cards to it.
    summaries: f64,
    /// Copy the new event-log lines.
    log: f64,
    /// Redraw the charts, cost and advice.
    charts: f64,
}

/// Below *max*: the cluster and cards ten times a second, the log and charts twice.
const CADENCE: Cadence = Cadence {
    refresh: 100.0,
    summaries: 100.0,
    log: 500.0,
    charts: 500.0,
};

/// At *max* a second is half an hour of virtual time, and each stage of a redraw is a frame that
/// can run long at 2,000 tasks (frame benchmark, 2026-12-03: with every stage at every redraw
/// about 5 % of frames were late, the cards' frame one in five times and the charts' three in
/// four). So the cluster every 150 ms, the cards every 300 ms, the log every second and the
/// charts, which hold one datapoint per virtual minute, every two seconds.
const MAX_SPEED_CADENCE: Cadence = Cadence {
    refresh: 150.0,
    summaries: 300.0,
    log: 1000.0,
    charts: 2000.0,
};

/// A redraw while playing, one stage per animation frame, none with engine work. At 2,000
/// tasks (frame benchmark, 2026-12-03, timed per stage) reading the snapshot took ~3.5 ms,
/// the chips and panes ~7.5 ms, the service cards ~5.5 ms, the log ~6.5 ms and the charts
/// ~12 ms; together with the repaint they made frames of 33–50 ms.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
enum Redraw {
    /// No redraw under way: the frame runs the engine.
    #[default]
    Idle,
    /// A snapshot was read last frame: bring the task chips to it, and show it in every pane
    /// that reads it (the cluster layout, the panels). One frame for both: each frame that
    /// changes the lanes pays for repainting them (8–15 ms in headless Chromium without a GPU,
    /// traced on 2026-12-03), so the chips and the layout change together.
    Show,
    /// Bring the service cards and their tallies to it.
    Summaries,
    /// Copy the new event-log lines (the log pane redraws).
    Log,
    /// Redraw the charts, cost and advice, which follow [`Playground::slow_redraw`].
    Charts,
}

/// What the play loop remembers between animation frames.
#[derive(Clone, Copy, Default)]
struct Loop {
    /// Wall time of the previous frame, ms.
    last: f64,
    /// Wall time of the last redraw, ms.
    refreshed: f64,
    /// Wall time of the last redraw of the service cards, ms.
    summarised: f64,
    /// Wall time of the last copy of the event log, ms.
    logged: f64,
    /// Wall time of the last redraw of the charts, ms.
    charted: f64,
    /// Wall time not yet turned into virtual time (the fraction of a millisecond left over).
    owed: f64,
    /// Virtual ms the last engine frame could not reach within its budget, run next frame.
    behind: u64,
    /// Virtual time has moved since the last redraw.
    dirty: bool,
    /// The stages this redraw runs after [`Redraw::Show`] (each when its [`Cadence`] is due).
    due: Due,
    /// The stage of the redraw under way.
    redraw: Redraw,
}

/// The stages after [`Redraw::Show`] that the redraw under way runs.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
struct Due {
    summaries: bool,
    log: bool,
    charts: bool,
}

impl Due {
    /// The stage that follows `stage` in this redraw ([`Redraw::Idle`]: the redraw is done).
    fn after(self, stage: Redraw) -> Redraw {
        let order = [
            (Redraw::Summaries, self.summaries),
            (Redraw::Log, self.log),
            (Redraw::Charts, self.charts),
        ];
        let from = order
            .iter()
            .position(|(s, _)| *s == stage)
            .map_or(0, |k| k + 1);
        order[from..]
            .iter()
            .find(|(_, due)| *due)
            .map_or(Redraw::Idle, |(s, _)| *s)
    }
}

/// A snapshot read in one frame of the play loop and shown in the next ones.
type Pending = StoredValue<Option<Option<ecs_sim::sim::snapshot::Snapshot>>, LocalStorage>;

pub use crate::wall_clock::now_ms;

/// The transport controls in the top bar.
#[component]
pub fn Controls() -> impl IntoView {
    let pg = expect_context::<Playground>();
    // Advance engine time while playing: a little every animation frame.
    let state = StoredValue::new(Loop {
        last: now_ms(),
        ..Loop::default()
    });
    play_frame(pg, state, StoredValue::new_local(None));
    // Space plays/pauses, → steps — unless the user is typing or Space would press a focused control.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| {
                matches!(
                    el.tag_name().as_str(),
                    "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON" | "A" | "SUMMARY" | "LABEL"
                ) || el.is_content_editable()
            });
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            " " => {
                ev.prevent_default();
                pg.toggle_play();
            }
            "ArrowRight" => {
                ev.prevent_default();
                step_and_redraw(pg);
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    // `with`, not `get`: `get` would clone the whole snapshot (every task) on each redraw.
    let time = move || {
        pg.snapshot
            .with(|s| s.as_ref().map(|s| clock(s.now_ms)))
            .unwrap_or_default()
    };
    let running_to = move || pg.run.with(|r| r.as_ref().is_some_and(|r| !r.done));
    let chosen = move |s: Speed| pg.speed.get() == s && !running_to();
    view! {
        <div class="controls" role="toolbar" aria-label="Simulation controls">
            <button class="primary" data-testid="play" title="Play / pause (space)"
                on:click=move |_| pg.toggle_play()>
                {move || if pg.playing.get() { "❚❚ Pause" } else { "▶ Play" }}
            </button>
            <button data-testid="step" title="Run to the next event the log shows, 10 minutes on at most (→)" on:click=move |_| step_and_redraw(pg)>"Step"</button>
            // No speed shows as chosen while a run to a time goes on at its own pace (the strip
            // says it): "10×" stayed lit while Watch played at 60 simulated s per wall s
            // (instructor walkthrough, 2026-12-07).
            <span class="speeds" role="group" aria-label="Speed">
                {Speed::ALL.into_iter().map(|s| view! {
                    <button class:active=move || chosen(s) aria-pressed=move || chosen(s).to_string()
                        data-testid=format!("speed-{}", s.label()) on:click=move |_| { pg.speed.set(s); pg.speed_chosen(); }>{s.label()}</button>
                }).collect_view()}
            </span>
            <button data-testid="reset" title="Back to time 0 with the same seed" on:click=move |_| pg.reset()>"Reset"</button>
            <time class="clock" data-testid="clock">{time}</time>
            <PauseOn />
        </div>
    }
}

/// "Pause on…": a checkbox per kind of event (`ecs_sim::view::pause`) at which play and "Run
/// to…" stop; remembered by this browser. Opt-in: a first visit pauses on nothing.
#[component]
fn PauseOn() -> impl IntoView {
    let pg = expect_context::<Playground>();
    if let Some(saved) = storage::read(PAUSE_KEY, 200) {
        pg.pause_on.set(parse_kinds(&saved));
    }
    let count = move || pg.pause_on.with(Vec::len);
    view! {
        // Escape closes the open menu and goes no further: in presenter mode it left presenter
        // mode with the menu still open (instructor walkthrough).
        <details class="pause-on" data-testid="pause-on" on:keydown=close_menu_on_escape>
            <summary title="Stop play and Run to at the first event of a chosen kind">
                {move || format!("Pause on… ({})", count())}
            </summary>
            <fieldset class="pause-kinds">
                <legend>"Stop play and Run to when"</legend>
                {PauseKind::ALL.into_iter().map(|kind| {
                    let on = move || pg.pause_on.with(|k| k.contains(&kind));
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid=format!("pause-{}", kind.key())
                                prop:checked=on
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    pg.pause_on.update(|k| {
                                        k.retain(|x| *x != kind);
                                        if checked {
                                            k.push(kind);
                                            ecs_sim::order::sort(k);
                                        }
                                    });
                                    storage::write(PAUSE_KEY, &kinds_to_text(&pg.pause_on.get_untracked()));
                                } />
                            {kind.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

/// Escape inside an open `<details>` menu closes it, puts the focus back on its summary and
/// stops there, so the page's own Escape (presenter mode, the selection) is not also taken.
fn close_menu_on_escape(ev: web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Escape" {
        return;
    }
    let Some(menu) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if !menu.has_attribute("open") {
        return;
    }
    ev.stop_propagation();
    ev.prevent_default();
    let _ = menu.remove_attribute("open");
    if let Some(summary) = menu
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// Failure injection: act on the selected task or instance, or a zone.
#[component]
pub fn Failures() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let zone = RwSignal::new(String::new());
    let selected_task = move || match pg.selection.get() {
        Selection::Task(t) => Some(t),
        _ => None,
    };
    let selected_instance = move || match pg.selection.get() {
        Selection::Instance(i) => Some(i),
        _ => None,
    };
    // What the selected instance can still have done to it.
    let instance_status = move || {
        let i = selected_instance()?;
        pg.snapshot.with(|s| {
            s.as_ref()
                .and_then(|s| s.instances.get(i).map(|v| v.status))
        })
    };
    let can_terminate = move || instance_status().is_some_and(|s| s != InstanceStatus::Terminated);
    let can_drain = move || instance_status() == Some(InstanceStatus::Active);
    let task_live = move || {
        selected_task().is_some_and(|t| {
            pg.snapshot.with(|s| {
                s.as_ref().is_some_and(|s| {
                    s.tasks
                        .iter()
                        .any(|v| v.index == t && v.desired_status == "RUNNING")
                })
            })
        })
    };
    // A standalone task cannot be named on the timeline: stopping it is not kept for a link.
    let standalone = move |t: usize| {
        pg.snapshot.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.tasks.iter().any(|v| v.index == t && v.service.is_none()))
        })
    };
    // A memo of the zones alone: cloning the whole snapshot (every task) for them on each
    // redraw, as `snapshot.get()` did, cost several ms per redraw at 2,000 tasks.
    let zones = Memo::new(move |_| {
        pg.snapshot
            .with(|s| s.as_ref().map(|s| s.zones.clone()))
            .unwrap_or_default()
    });
    let zones = move || zones.get();
    let hint = |text: &str| Notice {
        is_error: false,
        text: text.to_string(),
    };
    view! {
        <div class="failures" role="toolbar" aria-label="Failure injection">
            <button data-testid="stop-task" disabled=move || !task_live()
                title="stop-task on the selected task (click a task first)"
                on:click=move |_| match selected_task() {
                    Some(t) if standalone(t) => pg.command(|sim| sim.stop_task_by_user(t)),
                    Some(t) => pg.live(|sim| sim.stop_task_action(t)),
                    None => pg.notice.set(Some(hint("Click a task first."))),
                }>"Stop task"</button>
            <button data-testid="terminate-instance" disabled=move || !can_terminate()
                title="Terminate the selected EC2 instance (click an instance first)"
                on:click=move |_| if let Some(i) = selected_instance() { pg.live(|_| Ok(TimelineAction::TerminateInstance { instance: i as u32 })); }>"Terminate instance"</button>
            <button data-testid="drain-instance" disabled=move || !can_drain()
                title="Set the selected container instance to DRAINING"
                on:click=move |_| if let Some(i) = selected_instance() { pg.live(|_| Ok(TimelineAction::DrainInstance { instance: i as u32 })); }>"Drain instance"</button>
            <select data-testid="zone-select" aria-label="Availability Zone" on:change=move |ev| zone.set(event_target_value(&ev))>
                <option value="">"Zone…"</option>
                {move || zones().into_iter().map(|z| {
                    let label = if z.down { format!("{} (down)", z.name) } else { z.name.clone() };
                    view! { <option value=z.name.clone()>{label}</option> }
                }).collect_view()}
            </select>
            <button data-testid="az-outage" disabled=move || zone.get().is_empty()
                on:click=move |_| {
                    let z = zone.get_untracked();
                    let down = zones().iter().any(|x| x.name == z && x.down);
                    if down { pg.live(|_| Ok(TimelineAction::AzRecovery { availability_zone: z })); } else { pg.live(|_| Ok(TimelineAction::AzOutage { availability_zone: z })); }
                }>
                {move || if zones().iter().any(|x| x.name == zone.get() && x.down) { "Recover zone" } else { "AZ outage" }}
            </button>
            <crate::service_buttons::ServiceButtons />
        </div>
    }
}

/// One animation frame of the play loop; schedules the next while the component lives.
fn play_frame(pg: Playground, state: StoredValue<Loop>, pending: Pending) {
    // The component is gone (its stored values are disposed): stop.
    let Some(mut st) = state.try_get_value() else {
        return;
    };
    let t = now_ms();
    let dt = (t - st.last).max(0.0);
    st.last = t;
    if pg.playing.get_untracked() && !pg.running_to() {
        let cadence = if pg.speed.get_untracked() == Speed::Max {
            MAX_SPEED_CADENCE
        } else {
            CADENCE
        };
        if st.redraw != Redraw::Idle {
            // A stage of the redraw under way: time still owed is run after it.
            st.owed += dt;
            st.redraw = redraw_stage(pg, st.redraw, st.due, pending);
        } else if pg.chips_drawing_in.get_value() {
            // The cluster view draws its next share of new chips in this frame: no engine work
            // beside it (the time is owed, and run once the chips are in).
            st.owed += dt;
        } else if st.dirty && t - st.refreshed >= cadence.refresh {
            // The first frame of a redraw: read the engine's picture, shown from the next frame.
            st.owed += dt;
            st.refreshed = t;
            st.dirty = false;
            st.due = Due {
                summaries: due(&mut st.summarised, t, cadence.summaries),
                log: due(&mut st.logged, t, cadence.log),
                charts: due(&mut st.charted, t, cadence.charts),
            };
            pending.set_value(Some(pg.read_snapshot()));
            st.redraw = Redraw::Show;
        } else {
            let owed = st.owed + dt;
            let whole = owed.floor();
            st.owed = owed - whole;
            st.behind = pg.advance(whole, st.behind, FRAME_BUDGET_MS, now_ms);
            st.dirty = true;
        }
    } else {
        st.owed = 0.0;
        st.behind = 0;
        // A redraw cut short by the pause still owes its later stages (the log, the charts):
        // a lesson pausing at its horizon from the cluster's stage of a max-speed redraw left
        // the log at 0:00:57 beside a clock at 0:19:58 (instructor walkthrough).
        let cut_short = st.redraw != Redraw::Idle;
        st.redraw = Redraw::Idle;
        pending.set_value(None);
        if st.dirty || cut_short {
            st.dirty = false;
            // Just paused: let this frame paint the paused controls first (the redraw of 2,000
            // chips, the log and the charts took ~250 ms), then redraw the cluster and the log
            // in tasks of their own, as `step` does.
            set_timeout(
                move || redraw_in_tasks(pg, || ()),
                std::time::Duration::ZERO,
            );
        }
    }
    state.set_value(st);
    request_animation_frame(move || play_frame(pg, state, pending));
}

/// Whether a part last redrawn at `last` is due again at `t` (then `last` becomes `t`).
fn due(last: &mut f64, t: f64, every: f64) -> bool {
    let due = t - *last >= every;
    if due {
        *last = t;
    }
    due
}

/// Runs one stage of a redraw while playing and returns the next ([`Redraw::Idle`] when done).
fn redraw_stage(pg: Playground, stage: Redraw, due: Due, pending: Pending) -> Redraw {
    match stage {
        Redraw::Idle => return Redraw::Idle,
        Redraw::Show => {
            if let Some(snap) = pending.try_update_value(Option::take).flatten() {
                pg.show_cluster(snap);
            }
        }
        Redraw::Summaries => pg.show_summaries(),
        Redraw::Log => pg.refresh_log_lines(),
        Redraw::Charts => pg.redraw_charts(),
    }
    due.after(stage)
}

/// Step, by the button or `→`: the engine's events now, then the redraw in tasks of their own
/// ([`redraw_in_tasks`], which starts by reading the snapshot: in the same task as the events,
/// a Step from 0:00 at the scenario limits made tasks of 51–57 ms).
fn step_and_redraw(pg: Playground) {
    pg.playing.set(false);
    pg.step();
    set_timeout(
        move || redraw_in_tasks(pg, || ()),
        std::time::Duration::ZERO,
    );
}

/// Redraws everything in tasks of their own, one after another: read the snapshot, show it
/// (chips and panes), bring the service cards to it, copy the log (then the charts:
/// [`Playground::refresh_log`]). After a pause, a step and each "Run to…" chunk, so no task
/// adds up engine work, reading and drawing (at the scenario limits, showing 20,000 tasks and
/// redrawing the cards in one task made tasks of 50-60 ms). `shown` runs right after the
/// snapshot is shown, in the same task.
pub fn redraw_in_tasks(pg: Playground, shown: impl FnOnce() + 'static) {
    let snap = pg.read_snapshot();
    set_timeout(
        move || {
            pg.show_cluster(snap);
            shown();
            set_timeout(
                move || {
                    pg.show_summaries();
                    set_timeout(move || pg.refresh_log(), std::time::Duration::ZERO);
                },
                std::time::Duration::ZERO,
            );
        },
        std::time::Duration::ZERO,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redraw_runs_show_then_only_the_stages_that_are_due_in_order() {
        let all = Due {
            summaries: true,
            log: true,
            charts: true,
        };
        assert_eq!(all.after(Redraw::Show), Redraw::Summaries);
        assert_eq!(all.after(Redraw::Summaries), Redraw::Log);
        assert_eq!(all.after(Redraw::Log), Redraw::Charts);
        assert_eq!(all.after(Redraw::Charts), Redraw::Idle);
        let charts_only = Due {
            charts: true,
            ..Due::default()
        };
        assert_eq!(charts_only.after(Redraw::Show), Redraw::Charts);
        assert_eq!(Due::default().after(Redraw::Show), Redraw::Idle);
    }

    #[test]
    fn at_max_the_cards_join_every_other_redraw_the_log_every_7th_and_the_charts_every_14th() {
        let (mut summarised, mut logged, mut charted) = (0.0, 0.0, 0.0);
        let c = MAX_SPEED_CADENCE;
        let mut counts = (0, 0, 0);
        // 42 redraws, one every `refresh` ms (6.3 s): a part is due at the first redraw at
        // least its interval after its last one, so the log every 7th redraw (1,050 ms) and
        // the charts every 14th.
        let mut t = 0.0;
        for _ in 0..42 {
            t += c.refresh;
            counts.0 += usize::from(due(&mut summarised, t, c.summaries));
            counts.1 += usize::from(due(&mut logged, t, c.log));
            counts.2 += usize::from(due(&mut charted, t, c.charts));
        }
        assert_eq!(counts, (21, 6, 3));
    }
}
