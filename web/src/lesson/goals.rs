//! The open lesson's goals with their state — decided by the last Check, else live on the
//! page's run — for the lesson pane and the presenter view.

use super::Lessons;
use ecs_sim::challenge::{GoalState, GoalVerdict};
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

/// One goal with its state.
fn goal_row(g: GoalVerdict) -> impl IntoView {
    let (state, mark, detail) = match &g.state {
        GoalState::Pending => ("pending", "○", None),
        GoalState::Met { .. } => ("met", "✓", None),
        GoalState::Failed { detail, .. } => ("failed", "✗", Some(detail.clone())),
    };
    view! {
        <li class=format!("goal {state}") data-testid="goal" data-state=state data-goal=g.id.clone()>
            <span class="goal-mark" aria-hidden="true">{mark}</span>
            <span class="goal-text">{g.sentence.clone()}
                {detail.map(|d| view! { <span class="goal-detail">{format!(" — {d}")}</span> })}
            </span>
        </li>
    }
}
