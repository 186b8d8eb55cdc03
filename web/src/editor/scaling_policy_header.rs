//! The title row of a scaling policy card: the policy's name and type, and its Remove button
//! (DeleteScalingPolicy through `ecs_sim::autoscaling::form::policies::remove_scaling_policy`);
//! and how a card finds its policy's settings.

use super::apply::apply_to;
use crate::state::Playground;
use ecs_sim::autoscaling::form::policies::{remove_scaling_policy, PolicySettings, PolicySummary};
use leptos::prelude::*;
use serde_json::Value;

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

/// The writer of a policy card: applies a change to a copy of the card's settings and writes
/// it with `set` (the edit function for its kind of policy); a refusal shows in `error`.
pub fn policy_writer<T>(
    policy: Memo<T>,
    error: RwSignal<Option<String>>,
    service: StoredValue<String>,
    key: StoredValue<String>,
    set: fn(&mut Value, &str, &str, &T) -> Result<(), String>,
) -> impl Fn(&dyn Fn(&mut T)) + Copy + 'static
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let pg = expect_context::<Playground>();
    move |f: &dyn Fn(&mut T)| {
        let mut s = policy.get_untracked();
        f(&mut s);
        apply_to(pg, error, |d| {
            set(d, &service.get_value(), &key.get_value(), &s)
        });
    }
}

/// The change handler of a whole-number input of a policy card: writes the number with
/// `change`, or says "`field` must be a whole number`unit`." in `error`.
pub fn whole_number_field<T: 'static>(
    change: impl Fn(&dyn Fn(&mut T)) + Copy + 'static,
    error: RwSignal<Option<String>>,
    field: &'static str,
    unit: &'static str,
    set: fn(&mut T, u32),
) -> impl FnMut(leptos::ev::Event) + 'static {
    move |ev| match super::fields::whole(&ev) {
        Some(n) => change(&|s| set(s, n)),
        None => error.set(Some(format!("{field} must be a whole number{unit}."))),
    }
}
