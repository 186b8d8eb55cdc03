//! The title row of a scaling policy card: the policy's name and type, and its Remove button
//! (DeleteScalingPolicy through `ecs_sim::scenario::edit_scaling_policies::remove_scaling_policy`);
//! and how a card finds its policy's settings.

use super::apply::apply_to;
use crate::state::Playground;
use ecs_sim::scenario::edit_scaling_policies::{
    remove_scaling_policy, PolicySettings, PolicySummary,
};
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

/// The settings of the policy named `key`, read by `pick` for the card's kind of policy (the
/// default while a removed policy's card is still on screen). Both policy cards track their
/// policy this way.
pub fn policy_settings<T>(
    policies: Memo<Vec<PolicySummary>>,
    key: StoredValue<String>,
    pick: fn(&PolicySettings) -> Option<&T>,
) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        policies.with(|ps| {
            ps.iter()
                .find(|p| p.name == key.get_value())
                .and_then(|p| pick(&p.settings).cloned())
                .unwrap_or_default()
        })
    })
}
