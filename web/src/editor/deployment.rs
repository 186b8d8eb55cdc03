//! The service's deployment configuration: strategy (ROLLING, BLUE_GREEN, CANARY, LINEAR) and
//! its bake times and steps, minimum/maximum percent and the circuit breaker. The document part
//! is `ecs_sim::deployment::form`; this only draws the fields.

use super::apply::apply_to;
use super::fields::{number, show, whole};
use super::locks::service_locked;
use crate::state::Playground;
use ecs_sim::deployment::form::{
    deployment_settings, set_deployment_settings, DeploymentSettings as S, STRATEGIES,
};
use leptos::prelude::*;
use serde_json::Value;

/// The deployment section of a service form; refusals show under its fields.
#[component]
pub fn Deployment(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let settings = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| deployment_settings(d, &service.get_value()))
        })
    });
    // The refusals since the last change taken, one per field: a refused value stays in its
    // input, so a second refused field must not hide the first one's reason (a walkthrough set
    // Min 150 then Max 90 and read only the maximum's refusal beside a 150 it took as accepted).
    // A change taken draws every input from the scenario again, and clears them.
    let refused = StoredValue::new(Vec::<String>::new());
    let change = move |f: &dyn Fn(&mut S)| {
        let Some(mut s) = settings.get_untracked() else {
            return;
        };
        f(&mut s);
        apply_to(pg, error, |d| {
            set_deployment_settings(d, &service.get_value(), &s)
        });
        match error.try_get_untracked().flatten() {
            None => refused.set_value(Vec::new()),
            Some(now) => {
                let field = |m: &str| m.split(' ').next().unwrap_or_default().to_string();
                refused.update_value(|r| {
                    r.retain(|m| field(m) != field(&now));
                    r.push(now);
                });
                let _ = error.try_set(Some(refused.with_value(|r| r.join(" "))));
            }
        }
    };
    let uint = move |field: &'static str, set: fn(&mut S, u32)| {
        move |ev: leptos::ev::Event| match whole(&ev) {
            Some(n) => change(&|s| set(s, n)),
            None => error.set(Some(format!("{field} must be a whole number."))),
        }
    };
    let real = move |field: &'static str, set: fn(&mut S, f64)| {
        move |ev: leptos::ev::Event| match number(&ev) {
            Some(v) => change(&|s| set(s, v)),
            None => error.set(Some(format!("{field} must be a number."))),
        }
    };
    let get =
        move |f: fn(&S) -> String| move || settings.with(|s| s.as_ref().map(f).unwrap_or_default());
    let strategy =
        move || settings.with(|s| s.as_ref().map(|s| s.strategy.clone()).unwrap_or_default());
    let flag = move |f: fn(&S) -> bool| move || settings.with(|s| s.as_ref().is_some_and(f));
    let strategy_locked = service_locked(pg, doc, service, &["deploymentConfiguration.strategy"]);
    let minimum_healthy_percent_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.minimumHealthyPercent"],
    );
    let maximum_percent_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.maximumPercent"],
    );
    let deployment_circuit_breaker_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.deploymentCircuitBreaker"],
    );
    let bake_time_in_minutes_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.bakeTimeInMinutes"],
    );
    let canary_configuration_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.canaryConfiguration"],
    );
    let linear_configuration_locked = service_locked(
        pg,
        doc,
        service,
        &["deploymentConfiguration.linearConfiguration"],
    );
    view! {
        <fieldset class="group" data-testid="deployment-config" data-form-section="deployment">
            <legend>"Deployment configuration"</legend>
            <div class="form-row">
                <label class="field"><span>"Strategy"</span>
                    <select data-testid="dc-strategy" disabled=strategy_locked data-locked=strategy_locked on:change=move |ev| { let v = event_target_value(&ev); change(&|s| s.strategy = v.clone()) }>
                        {move || { let cur = strategy(); STRATEGIES.iter().map(|m| view! {
                            <option value=*m prop:selected=cur == *m>{*m}</option>
                        }).collect_view() }}
                    </select></label>
                <label class="field small" title="Lower bound on healthy tasks, percent of desired (0–100)"><span>"Min healthy %"</span>
                    <input type="number" min="0" max="100" data-testid="dc-min" disabled=minimum_healthy_percent_locked data-locked=minimum_healthy_percent_locked prop:value=get(|s| s.minimum_healthy_percent.to_string())
                        on:change=uint("minimumHealthyPercent", |s, n| s.minimum_healthy_percent = n) /></label>
                <label class="field small" title="Upper bound on running tasks, percent of desired (at least 100)"><span>"Max %"</span>
                    <input type="number" min="100" data-testid="dc-max" disabled=maximum_percent_locked data-locked=maximum_percent_locked prop:value=get(|s| s.maximum_percent.to_string())
                        on:change=uint("maximumPercent", |s, n| s.maximum_percent = n) /></label>
            </div>
            <label class="check">
                <input type="checkbox" data-testid="dc-circuit-breaker" disabled=deployment_circuit_breaker_locked data-locked=deployment_circuit_breaker_locked prop:checked=flag(|s| s.circuit_breaker)
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.circuit_breaker = on) } />
                " Circuit breaker"
            </label>
            <label class="check">
                <input type="checkbox" data-testid="dc-rollback" disabled=deployment_circuit_breaker_locked data-locked=deployment_circuit_breaker_locked prop:checked=flag(|s| s.rollback)
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.rollback = on) } />
                " Roll back on failure"
            </label>
            // deploymentCircuitBreaker.rollback acts only with enable: ticked alone it did
            // nothing, without a word (engineer walkthrough, 33rd session).
            <Show when=move || flag(|s| s.rollback)() && !flag(|s| s.circuit_breaker)()>
                <p class="muted help" data-testid="dc-rollback-needs-breaker">
                    "Roll back on failure acts only with the circuit breaker on (deploymentCircuitBreaker.enable): off, the breaker never fails a deployment, so nothing rolls back."
                </p>
            </Show>
            <Show when=move || strategy() != "ROLLING">
                <div class="form-row">
                    <label class="field small" title="Minutes blue and green both run after the shift (0–1440)"><span>"Bake time min"</span>
                        <input type="number" min="0" max="1440" data-testid="dc-bake" disabled=bake_time_in_minutes_locked data-locked=bake_time_in_minutes_locked prop:value=get(|s| s.bake_time_in_minutes.to_string())
                            on:change=uint("bakeTimeInMinutes", |s, n| s.bake_time_in_minutes = n) /></label>
                    <Show when=move || strategy() == "CANARY">
                        <label class="field small" title="Green's share during the canary phase (0.1–100)"><span>"Canary %"</span>
                            <input type="number" min="0.1" max="100" step="0.1" data-testid="dc-canary-percent" disabled=canary_configuration_locked data-locked=canary_configuration_locked prop:value=get(|s| show(s.canary_percent))
                                on:change=real("canaryPercent", |s, v| s.canary_percent = v) /></label>
                        <label class="field small" title="Minutes before the rest shifts (0–1440)"><span>"Canary bake min"</span>
                            <input type="number" min="0" max="1440" data-testid="dc-canary-bake" disabled=canary_configuration_locked data-locked=canary_configuration_locked prop:value=get(|s| s.canary_bake_time_in_minutes.to_string())
                                on:change=uint("canaryBakeTimeInMinutes", |s, n| s.canary_bake_time_in_minutes = n) /></label>
                    </Show>
                    <Show when=move || strategy() == "LINEAR">
                        <label class="field small" title="Share added per step (3–100)"><span>"Step %"</span>
                            <input type="number" min="3" max="100" step="0.1" data-testid="dc-step-percent" disabled=linear_configuration_locked data-locked=linear_configuration_locked prop:value=get(|s| show(s.step_percent))
                                on:change=real("stepPercent", |s, v| s.step_percent = v) /></label>
                        <label class="field small" title="Minutes between steps (0–1440)"><span>"Step bake min"</span>
                            <input type="number" min="0" max="1440" data-testid="dc-step-bake" disabled=linear_configuration_locked data-locked=linear_configuration_locked prop:value=get(|s| s.step_bake_time_in_minutes.to_string())
                                on:change=uint("stepBakeTimeInMinutes", |s, n| s.step_bake_time_in_minutes = n) /></label>
                    </Show>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="deployment-error">{e}</p> })}
        </fieldset>
    }
}
