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
    view! {
        <ul class="lesson-goals" data-testid="lesson-goals">
            {move || {
                let decided = lessons.report.with(|r| r.as_ref().map(|r| r.goals.clone()));
                let shown = decided.filter(|g| !g.is_empty()).unwrap_or_else(|| lessons.live.get());
                shown.into_iter().map(goal_row).collect_view()
            }}
        </ul>
    }
}

/// One goal with its state. A failed goal offers to run the page to the moment it failed, so
/// the student sees on the cluster and in the log what Check saw (a walkthrough found Check's
/// verdicts describing a run the page had not shown: a valid edit restarts it at 0:00).
fn goal_row(g: GoalVerdict) -> impl IntoView {
    let (state, mark, detail, failed_at) = match &g.state {
        GoalState::Pending => ("pending", "○", None, None),
        GoalState::Met { .. } => ("met", "✓", None, None),
        GoalState::Failed { detail, at_ms } => ("failed", "✗", Some(detail.clone()), Some(*at_ms)),
    };
    let show = failed_at.filter(|&at| at > 0).and_then(|at| {
        let pg = use_context::<Playground>()?;
        let label = format!("Show {}", clock(at));
        Some(view! {
            <button type="button" class="goal-show" data-testid="goal-show"
                title=format!("Run the page to {} (from the start if it is past that) to see what Check saw", clock(at))
                on:click=move |_| super::markup::show_at(pg, at)>{label}</button>
        })
    });
    view! {
        <li class=format!("goal {state}") data-testid="goal" data-state=state data-goal=g.id.clone()>
            <span class="goal-mark" aria-hidden="true">{mark}</span>
            <span class="goal-text">{g.sentence.clone()}
                {detail.map(|d| view! { <span class="goal-detail" title=d.clone()>{format!(" — {d}")}</span> })}
                {show}
            </span>
        </li>
    }
}
