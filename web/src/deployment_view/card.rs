//! One deployment as DescribeServices shows it: task definition, status, rolloutState and its
//! reason, counts, the circuit breaker's failed tasks, the lifecycle stage and traffic share.

use ecs_sim::view::deployments::DeploymentCard;
use leptos::prelude::*;

/// A deployment card; a FAILED one is drawn marked, a rollback one labelled.
#[component]
pub fn Card(card: DeploymentCard) -> impl IntoView {
    // Number above label, three columns: fits a narrow card without wrapping mid-count.
    let counts = [
        (card.running, "running"),
        (card.pending, "pending"),
        (card.desired, "desired"),
    ];
    let stage = card.lifecycle_stage.map(|s| {
        let traffic = card
            .traffic_percent
            .map(|p| format!(" · {p}% traffic"))
            .unwrap_or_default();
        format!("{s}{traffic}")
    });
    view! {
        <article class="deployment-card" data-testid="deployment-card"
            data-status=card.status data-rollout=card.rollout_state
            class:failed=card.failed class:primary=card.status == "PRIMARY"
            class:inactive=card.status == "INACTIVE">
            <header>
                <strong class="td" data-testid="deployment-td">{card.task_definition}</strong>
                <span class="badge status">{card.status}</span>
                <span class="badge rollout" data-testid="deployment-rollout">{card.rollout_state}</span>
            </header>
            {card.rollback_label.map(|l| view! { <div class="rollback-label" data-testid="rollback-label">{l}</div> })}
            <div class="counts" data-testid="deployment-counts">
                {counts.into_iter().map(|(n, label)| view! {
                    <span data-count=label><b>{n}</b><small>{label}</small></span>
                }).collect_view()}
            </div>
            {card.breaker.map(|b| view! { <div class="breaker" data-testid="breaker">{b}</div> })}
            {stage.map(|s| view! { <div class="stage" data-testid="lifecycle-stage">{s}</div> })}
            <div class="reason" title=card.id.clone()>{card.reason}</div>
        </article>
    }
}
