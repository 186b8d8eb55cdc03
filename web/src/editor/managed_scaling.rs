//! Managed scaling (cluster auto scaling) and managed termination protection of an Auto Scaling
//! group capacity provider: the `managedScaling` and `managedTerminationProtection` fields of
//! `create-capacity-provider`, edited through the same parse → change → `Playground::edit` path
//! as the rest of the form.
//!
//! The document part is `ecs_sim::cluster::form::managed_scaling` (tested natively); this
//! file only draws the fields.

use super::apply::apply_to;
use super::locks::group_locked;
use crate::state::Playground;
use ecs_sim::cluster::form::managed_scaling::{
    managed_scaling, set_managed_scaling, ManagedScalingSettings as Settings, STEP_SIZE_RANGE,
    TARGET_CAPACITY_RANGE, WARMUP_RANGE,
};
use ecs_sim::service::form::clamp_count;
use leptos::prelude::*;
use serde_json::Value;

/// The managed scaling fields of one provider.
#[component]
pub fn ManagedScaling(
    doc: Memo<Option<Value>>,
    provider: String,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let name = StoredValue::new(provider);
    let settings = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| managed_scaling(d, &name.get_value()))
        })
    });
    let change = move |f: &dyn Fn(&mut Settings)| {
        let Some(mut s) = settings.get_untracked() else {
            return;
        };
        f(&mut s);
        apply_to(pg, error, |d| set_managed_scaling(d, &name.get_value(), &s));
    };
    let number = move |max: u32, min: u32, set: fn(&mut Settings, u32)| {
        move |ev: leptos::ev::Event| match clamp_count(&event_target_value(&ev), max) {
            Some(n) => change(&|s| set(s, n.max(min))),
            None => error.set(Some("Managed scaling values must be whole numbers.".into())),
        }
    };
    let get = move |f: fn(&Settings) -> u32| {
        move || settings.with(|s| s.as_ref().map(f).unwrap_or_default().to_string())
    };
    let enabled = move || settings.with(|s| s.as_ref().is_some_and(|s| s.enabled));
    let protection =
        move || settings.with(|s| s.as_ref().is_some_and(|s| s.managed_termination_protection));
    let managed_scaling_locked = group_locked(
        pg,
        doc,
        name,
        &["managedScaling", "managedTerminationProtection"],
    );
    view! {
        // A fieldset, so a lesson's lock disables every control in it at once.
        <fieldset class="managed-scaling" data-testid="managed-scaling"
            disabled=managed_scaling_locked data-locked=managed_scaling_locked>
            <label class="check">
                <input type="checkbox" data-testid="ms-status" prop:checked=enabled
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.enabled = on) } />
                // It read "(status ENABLED)" beside an unticked box (student walkthrough).
                {move || if enabled() { " Managed scaling: ENABLED" } else { " Managed scaling: DISABLED" }}
            </label>
            <div class="form-row">
                <label class="field small" title="Target CapacityProviderReservation, 1–100 %"><span>"targetCapacity %"</span>
                    <input type="number" min="1" max="100" data-testid="ms-target" prop:value=get(|s| s.target_capacity)
                        disabled=move || !enabled() on:change=number(TARGET_CAPACITY_RANGE.1, TARGET_CAPACITY_RANGE.0, |s, n| s.target_capacity = n) /></label>
                <label class="field small" title="Fewest instances one scale-out adds (1–10,000)"><span>"Min step"</span>
                    <input type="number" min="1" data-testid="ms-min-step" prop:value=get(|s| s.minimum_scaling_step_size)
                        disabled=move || !enabled() on:change=number(STEP_SIZE_RANGE.1, STEP_SIZE_RANGE.0, |s, n| s.minimum_scaling_step_size = n) /></label>
                <label class="field small" title="Most instances one scale-out adds (1–10,000)"><span>"Max step"</span>
                    <input type="number" min="1" data-testid="ms-max-step" prop:value=get(|s| s.maximum_scaling_step_size)
                        disabled=move || !enabled() on:change=number(STEP_SIZE_RANGE.1, STEP_SIZE_RANGE.0, |s, n| s.maximum_scaling_step_size = n) /></label>
                <label class="field small" title="Seconds before a new instance counts toward the metric (0–10,000)"><span>"Warm-up s"</span>
                    <input type="number" min="0" data-testid="ms-warmup" prop:value=get(|s| s.instance_warmup_period)
                        disabled=move || !enabled() on:change=number(WARMUP_RANGE.1, WARMUP_RANGE.0, |s, n| s.instance_warmup_period = n) /></label>
            </div>
            <label class="check">
                <input type="checkbox" data-testid="ms-termination-protection" prop:checked=protection
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.managed_termination_protection = on) } />
                " Managed termination protection"
            </label>
            {move || (protection() && !enabled()).then(|| view! {
                <p class="hint">"Managed termination protection only works with managed scaling on."</p>
            })}
        </fieldset>
    }
}
