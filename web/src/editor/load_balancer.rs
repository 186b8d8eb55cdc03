//! The service's load balancer target group in Service settings: its deregistration delay,
//! which lesson 8 asks for (before, only the Scenario JSON could set it). The document part is
//! `ecs_sim::elb::form`; this only draws the field.

use super::apply::apply_to;
use super::fields::whole;
use super::locks::locked;
use crate::state::Playground;
use ecs_sim::elb::form::{
    service_target_group, set_deregistration_delay, MAX_DEREGISTRATION_DELAY_SECONDS,
};
use leptos::prelude::*;
use serde_json::Value;

/// The load balancer section of a service form: shown when the service's first
/// `loadBalancers` entry names a declared target group; refusals under the field.
#[component]
pub fn LoadBalancer(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let group = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| service_target_group(d, &service.get_value()))
        })
    });
    let on_delay = move |ev: leptos::ev::Event| {
        match whole(&ev) {
        Some(n) if n <= MAX_DEREGISTRATION_DELAY_SECONDS => apply_to(pg, error, |d| {
            set_deregistration_delay(d, &service.get_value(), n)
        }),
        _ => error.set(Some(format!(
            "Deregistration delay must be a whole number of seconds from 0 to {MAX_DEREGISTRATION_DELAY_SECONDS}."
        ))),
    }
    };
    move || {
        group.get().map(|g| {
            let delay_locked = move || {
                locked(
                    pg,
                    &[format!(
                        "targetGroups[{}].deregistrationDelaySeconds",
                        g.index
                    )],
                )
            };
            view! {
                <fieldset class="group" data-testid="load-balancer" data-form-section="load-balancer">
                    <legend>{format!("Load balancer: target group {}", g.name)}</legend>
                    <div class="form-row">
                        <label class="field" title="deregistrationDelaySeconds (targetGroups): how long a deregistering target keeps its connections before ECS stops the task; requests still in flight when it ends are cut (0–3600, default 300)">
                            <span>"Deregistration delay (s)"</span>
                            <input type="number" min="0" max=MAX_DEREGISTRATION_DELAY_SECONDS.to_string() step="1" inputmode="numeric"
                                disabled=delay_locked data-locked=delay_locked
                                data-testid="deregistration-delay"
                                prop:value=g.deregistration_delay_seconds.to_string() on:change=on_delay />
                        </label>
                    </div>
                </fieldset>
            }
        })
    }
}
