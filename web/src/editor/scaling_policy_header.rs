//! The title row of a scaling policy card: the policy's name and type, and its Remove button
//! (DeleteScalingPolicy through `ecs_sim::scenario::edit_scaling_policies::remove_scaling_policy`).

use super::apply::apply_to;
use crate::state::Playground;
use ecs_sim::scenario::edit_scaling_policies::remove_scaling_policy;
use leptos::prelude::*;

/// A policy card's heading and Remove button.
#[component]
pub fn PolicyHeader(
    service: StoredValue<String>,
    /// `policyName`.
    name: String,
    /// `policyType` as the card names it.
    kind: String,
    /// Where a refusal shows.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let label = format!("Remove policy {name}");
    let title = name.clone();
    let name = StoredValue::new(name);
    view! {
        <div class="policy-head">
            <span class="policy-name" data-testid="policy-name">{title}</span>
            <span class="policy-type">{kind}</span>
            <button class="remove" data-testid="policy-remove" aria-label=label
                on:click=move |_| apply_to(pg, error, |d| remove_scaling_policy(d, &service.get_value(), &name.get_value()))>
                "Remove"
            </button>
        </div>
    }
}
