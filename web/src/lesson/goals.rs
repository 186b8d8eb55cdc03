//! The open lesson's goals with their state — decided by the last Check, else live on the
//! page's run — for the lesson pane and the presenter view.

use super::Lessons;
use crate::state::Playground;
use ecs_sim::challenge::{GoalState, GoalVerdict};
use ecs_sim::time::clock;
use leptos::prelude::*;

/// The goals as a list (nothing when no lesson is open).
#[component]
pub fn GoalList() -> impl IntoView {
    let lessons = expect_context::<Lessons>();
    // Why Check will refuse the scenario, if it will: a changed locked part, or a key left out
    // that ECS would keep, named (lesson 16's "not set" read as a locked part, student
    // walkthrough 2026-12-06).
    let refused = use_context::<Playground>()
        .map(super::use_lock_refusals)
        .map(|r| Memo::new(move |_| r.with(refusal_note)));
    view! {
        <ul class="lesson-goals" data-testid="lesson-goals">
            {move || {
                let decided = lessons.report.with(|r| r.as_ref().map(|r| r.goals.clone()));
                // Check refused the scenario: the live states are the last valid version's run,
                // not this one's (a student read them as the verdict on the refused edit).
                let check_refused = lessons
                    .report
                    .with(|r| r.as_ref().is_some_and(|r| !r.problems.is_empty()));
                match decided.filter(|g| !g.is_empty()) {
                    Some(goals) => goals.into_iter().map(|g| goal_row(g, false, None)).collect_view().into_any(),
                    None => {
                        // Live states of a scenario Check would refuse count for nothing.
                        let note = match refused.and_then(|r| r.get()) {
                            Some(note) => Some(note),
                            None if check_refused => Some("Not counted: Check cannot run this scenario (below); these were the last valid version's.".to_string()),
                            None => None,
                        };
                        let void = note.is_some();
                        view! {
                            {note.map(|text| view! {
                                <li class="goal-void-note" data-testid="goals-not-counted">{text}</li>
                            })}
                            {{
                                let holding = lessons.live_holding.get();
                                lessons.live.get().into_iter().enumerate()
                                    .map(|(k, g)| goal_row(g, void, holding.get(k).copied().flatten()))
                                    .collect_view()
                            }}
                        }.into_any()
                    }
                }
            }}
        </ul>
    }
}

/// The goals' note when Check will refuse the scenario for its lock: a changed locked part, or
/// a key left out (`services[0].availabilityZoneRebalancing: left out: …`), named.
fn refusal_note(r: &super::LockRefusals) -> Option<String> {
    if !r.changed.is_empty() {
        return Some(
            "Not counted: you changed a locked part, and Check will refuse this scenario."
                .to_string(),
        );
    }
    let first = r.left_out.first()?;
    let path = first.split_once(": ").map_or(first.as_str(), |(p, _)| p);
    let key = path.rsplit('.').next().unwrap_or(path);
    Some(format!(
        "Not counted: {key} is left out, and an update keeps the running service's value, so Check will refuse this scenario (below)."
    ))
}

/// One goal with its state. A failed goal offers to run the page to the moment it failed, so
/// the student sees on the cluster and in the log what Check saw (a walkthrough found Check's
/// verdicts describing a run the page had not shown: a valid edit restarts it at 0:00).
/// `void`: a live state of a scenario Check would refuse, shown as not counted. `holding`: the
/// end of the window of an "at all times" goal that has held so far, marked as holding.
fn goal_row(g: GoalVerdict, void: bool, holding: Option<ecs_sim::time::Millis>) -> impl IntoView {
    let (state, mark, detail, failed_at) = match &g.state {
        _ if void => ("void", "–", None, None),
        GoalState::Pending if holding.is_some() => ("holding", "◔", None, None),
        GoalState::Pending => ("pending", "○", None, None),
        GoalState::Met { .. } => ("met", "✓", None, None),
        GoalState::Failed { detail, at_ms } => ("failed", "✗", Some(detail.clone()), Some(*at_ms)),
    };
    // A metric goal's Show also brings its metric's chart into view (lesson 12's response time
    // showed the page at 0:16:00 beside the CPU chart, its own the sixth below the fold:
    // walkthrough).
    let chart = use_context::<Lessons>().and_then(|lessons| {
        lessons.open.with_untracked(|o| {
            o.as_ref()?
                .challenge
                .doc
                .goals
                .iter()
                .find(|spec| spec.id == g.id)?
                .metric
                .as_deref()
                .and_then(ecs_sim::view::charts::service_chart_of)
        })
    });
    let show = failed_at.filter(|&at| at > 0).and_then(|at| {
        let pg = use_context::<Playground>()?;
        let layout = use_context::<crate::layout::Layout>();
        let label = format!("Show {}", clock(at));
        Some(view! {
            <button type="button" class="goal-show" data-testid="goal-show"
                title=format!("Run the page to {} (from the start if it is past that) to see what Check saw", clock(at))
                on:click=move |_| {
                    super::markup::show_at(pg, at);
                    if let (Some(title), Some(layout)) = (chart, layout) {
                        show_chart(layout, title);
                    }
                }>{label}</button>
        })
    });
    let no_show = show.is_none();
    // On the projector every goal keeps a line for its state, so the strip is as tall before
    // Check as after it: the details appearing on Check grew the strip, the cluster refitted
    // smaller and Check moved up under the pointer (lesson 6, presenter walkthrough 2026-12-07).
    // A failed goal's detail and a holding goal's note are that line already.
    let status = match &g.state {
        _ if void => Some("not counted".to_string()),
        GoalState::Pending if holding.is_some() => None,
        GoalState::Pending => Some("not decided yet".to_string()),
        // Not "met at 0:10:00": a release that completed at 0:06:48 read as finished at 0:10
        // (instructor walkthrough, 2026-12-07); the sentence says the window.
        GoalState::Met { .. } => Some("met".to_string()),
        GoalState::Failed { .. } => None,
    };
    let presenter = use_context::<crate::layout::Layout>().map(|l| l.presenter);
    let spacer = move || {
        (no_show && presenter.is_some_and(|p| p.get()))
            .then(|| view! { <span class="goal-show-space" aria-hidden="true"></span> })
    };
    let status = move || {
        status
            .clone()
            .filter(|_| presenter.is_some_and(|p| p.get()))
            // The dash stays with its word: "—" ended a line and "met" began the next.
            .map(|text| view! { <span class="goal-status" data-testid="goal-status">{format!(" —\u{a0}{text}")}</span> })
    };
    view! {
        <li class=format!("goal {state}") data-testid="goal" data-state=state data-goal=g.id.clone()>
            <span class="goal-mark" aria-hidden="true">{mark}</span>
            // The Show button first, floated to the row's top right: the lines under it keep the
            // row's whole width (a failed detail lost "the goal is ≤ 500" to the button's room,
            // lesson 11 on the projector). In presenter mode a goal without one keeps that room,
            // so a sentence wraps the same before and after Check.
            <span class="goal-text">
                {show}
                {spacer}
                {g.sentence.clone()}
                {detail.map(|d| goal_detail(d, g.sentence.clone(), failed_at.filter(|&at| at > 0)))}
                {holding.filter(|_| !void).map(|to| view! {
                    <span class="goal-holding" data-testid="goal-holding">{format!(" — holding so far; decided at {}", clock(to))}</span>
                })}
                {status}
            </span>
        </li>
    }
}

/// A failed goal's detail. Presenter mode shows one line of it, what was seen first
/// ([`ecs_sim::challenge::wording::seen_first`]); a click (or Enter) there shows it whole, for the room: the cut text was only in a hover tooltip nobody at the back
/// can see (projector walkthrough 2026-12-06, lesson 12's "first over the bound in the minute
/// ending…").
///
/// `shown`: the time of the goal's *Show* button, which the projected line then does not repeat.
fn goal_detail(d: String, sentence: String, shown: Option<ecs_sim::time::Millis>) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let beside = shown.map_or(d.as_str(), |at| {
        ecs_sim::challenge::wording::beside_show(&d, &clock(at))
    });
    let projected = format!(
        " — {}",
        ecs_sim::challenge::wording::blocked_first(&ecs_sim::challenge::wording::seen_first(
            beside, &sentence
        ))
    );
    let written = format!(" — {d}");
    let presenter = use_context::<crate::layout::Layout>().map(|l| l.presenter);
    let in_presenter = move || presenter.is_some_and(|p| p.get());
    view! {
        <span class="goal-detail" data-testid="goal-detail" title=d.clone()
            role=move || in_presenter().then_some("button")
            tabindex=move || in_presenter().then_some("0")
            aria-expanded=move || in_presenter().then(|| expanded.get().to_string())
            on:click=move |_| expanded.update(|e| *e = !*e)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    expanded.update(|e| *e = !*e);
                }
            }>
            // On the projector what was seen comes first, the window last or not at all (see
            // `seen_first`): the number was past the one line shown.
            {move || if in_presenter() { projected.clone() } else { written.clone() }}</span>
    }
}

/// Opens the dock on Metrics and scrolls the chart titled `title` into view once the run has
/// drawn it (the run to the goal's minute goes on in chunks after the click, and a chart
/// appears with its first datapoint): it looks again every 200 ms, for at most 30 s.
fn show_chart(layout: crate::layout::Layout, title: &'static str) {
    layout.prefs.update(|p| {
        p.dock_open = true;
        p.dock_tab = crate::layout::prefs::DockTab::Metrics;
    });
    scroll_to_chart(title, 150);
}

/// One look for the chart; `tries` more after this one.
fn scroll_to_chart(title: &'static str, tries: u32) {
    let selector = format!("[data-testid=chart][data-title=\"{title}\"][data-empty=false]");
    let found = document().query_selector(&selector).ok().flatten();
    let busy = document()
        .query_selector("[data-testid=run-progress][data-state=running]")
        .ok()
        .flatten()
        .is_some();
    match found {
        Some(el) if !busy => super::reveal::into_view(&el),
        _ if tries > 0 => {
            set_timeout(
                move || scroll_to_chart(title, tries - 1),
                std::time::Duration::from_millis(200),
            );
        }
        _ => {}
    }
}
