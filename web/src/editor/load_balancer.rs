//! The service's load balancer target group in Service settings: its deregistration delay,
//! which lesson 8 asks for (before, only the Scenario JSON could set it), and attaching the
//! service to a new target group or detaching it. The document part is `ecs_sim::elb::form`;
//! this only draws the fields and says what a change filled in.

use super::apply::{applied, apply_to};
use super::fields::whole;
use super::locks::{locked, service_locked};
use crate::state::Playground;
use ecs_sim::elb::form::{
    attach_load_balancer, detach_load_balancer, service_target_group, set_deregistration_delay,
    MAX_DEREGISTRATION_DELAY_SECONDS,
};
use leptos::prelude::*;
use serde_json::Value;

/// The load balancer section of a service form: the deregistration delay and *Detach* when the
/// service's first `loadBalancers` entry names a declared target group, else *Attach a load
/// balancer*; refusals under the field, and what an attach or detach changed below it.
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
    // What the last attach or detach changed, said until the next one.
    let filled = RwSignal::new(Vec::<String>::new());
    let lb_locked = service_locked(pg, doc, service, &["loadBalancers"]);
    let change = move |attach: bool| {
        let name = service.get_value();
        filled.set(Vec::new());
        let made = applied(pg, error, |d| {
            let notes = if attach {
                attach_load_balancer(d, &name)?
            } else {
                detach_load_balancer(d, &name)?
            };
            filled.set(notes);
            Ok(())
        });
        if !made {
            filled.set(Vec::new());
        }
    };
    // Attach (no load balancer yet) or Detach, locked where a lesson locks `loadBalancers`.
    let button = move |attach: bool| {
        let (id, title, label) = if attach {
            ("attach-load-balancer", "Adds a target group named after the service (HTTP, health checks on /, deregistration delay 300 s) and registers its tasks in it: the first container that maps a port, on its container port", "Attach a load balancer")
        } else {
            ("detach-load-balancer", "Removes the service's loadBalancers, and its target group when no other service uses it", "Detach")
        };
        view! {
            <button type="button" data-testid=id title=title
                disabled=move || lb_locked.get() data-locked=move || lb_locked.get()
                on:click=move |_| change(attach)>{label}</button>
        }
    };
    let section = move || {
        let Some(g) = group.get() else {
            return view! {
                <fieldset class="group" data-testid="load-balancer" data-form-section="load-balancer">
                    <legend>"Load balancer: none"</legend>
                    <div class="form-row">
                        {button(true)}
                    </div>
                </fieldset>
            }
            .into_any();
        };
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
                        {button(false)}
                    </div>
                </fieldset>
            }
            .into_any()
    };
    view! {
        {section}
        {move || (!filled.with(Vec::is_empty)).then(|| view! {
            <ul class="filled" data-testid="load-balancer-filled" aria-live="polite">
                {filled.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        })}
    }
}
