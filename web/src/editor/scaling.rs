//! The service's Service Auto Scaling: register it as a scalable target (min/max) and edit one
//! target tracking policy (metric, target value, cooldowns, disableScaleIn). The document part
//! is `ecs_sim::scenario::edit_scaling`; this only draws the fields.

use super::apply::apply_to;
use super::fields::{number, show, whole};
use crate::state::Playground;
use ecs_sim::scenario::edit_scaling::{
    disable_service_scaling, enable_service_scaling, service_scaling, set_scalable_target,
    set_target_tracking, TargetTrackingSettings as P, TRACKED_METRICS,
};
use leptos::prelude::*;
use serde_json::Value;

/// The policy the form shows before the service has one (the one "enable" adds).
fn default_policy() -> P {
    P {
        metric: TRACKED_METRICS[0].to_string(),
        target_value: 50.0,
        scale_out_cooldown: 300,
        scale_in_cooldown: 300,
        disable_scale_in: false,
    }
}

/// The auto scaling section of a service form; refusals show under its fields.
#[component]
pub fn Scaling(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let scaling = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| service_scaling(d, &service.get_value()))
        })
    });
    let enabled = move || scaling.with(Option::is_some);
    let range = move || {
        scaling.with(|s| {
            s.as_ref()
                .map_or((0, 0), |s| (s.min_capacity, s.max_capacity))
        })
    };
    let policy = Memo::new(move |_| {
        scaling.with(|s| {
            s.as_ref()
                .and_then(|s| s.policy.clone())
                .unwrap_or_else(default_policy)
        })
    });
    let set_range = move |min: Option<u32>, max: Option<u32>| {
        let (cur_min, cur_max) = range();
        apply_to(pg, error, |d| {
            set_scalable_target(
                d,
                &service.get_value(),
                min.unwrap_or(cur_min),
                max.unwrap_or(cur_max),
            )
        });
    };
    let change = move |f: &dyn Fn(&mut P)| {
        let mut p = policy.get_untracked();
        f(&mut p);
        apply_to(pg, error, |d| {
            set_target_tracking(d, &service.get_value(), &p)
        });
    };
    let uint = move |field: &'static str, set: fn(&mut P, u32)| {
        move |ev: leptos::ev::Event| match whole(&ev) {
            Some(n) => change(&|p| set(p, n)),
            None => error.set(Some(format!("{field} must be a whole number of seconds."))),
        }
    };
    view! {
        <fieldset class="group" data-testid="service-scaling">
            <legend>"Service Auto Scaling"</legend>
            <label class="check">
                <input type="checkbox" data-testid="sas-enabled" prop:checked=enabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        apply_to(pg, error, |d| if on { enable_service_scaling(d, &service.get_value()) } else { disable_service_scaling(d, &service.get_value()) });
                    } />
                " Scalable target (ecs:service:DesiredCount)"
            </label>
            <Show when=enabled>
                <div class="form-row">
                    <label class="field small" title="MinCapacity: the desired count never goes below"><span>"Min tasks"</span>
                        <input type="number" min="0" data-testid="sas-min" prop:value=move || range().0.to_string()
                            on:change=move |ev| match whole(&ev) { Some(n) => set_range(Some(n), None), None => error.set(Some("minCapacity must be a whole number.".into())) } /></label>
                    <label class="field small" title="MaxCapacity: the desired count never goes above (at most 5,000)"><span>"Max tasks"</span>
                        <input type="number" min="0" max="5000" data-testid="sas-max" prop:value=move || range().1.to_string()
                            on:change=move |ev| match whole(&ev) { Some(n) => set_range(None, Some(n)), None => error.set(Some("maxCapacity must be a whole number.".into())) } /></label>
                </div>
                <div class="form-row">
                    <label class="field" title="The target tracking policy's predefined metric"><span>"Target tracking metric"</span>
                        <select data-testid="tt-metric" on:change=move |ev| { let v = event_target_value(&ev); change(&|p| p.metric = v.clone()) }>
                            {move || { let cur = policy.get().metric; TRACKED_METRICS.iter().map(|m| view! {
                                <option value=*m prop:selected=cur == *m>{*m}</option>
                            }).collect_view() }}
                        </select></label>
                    <label class="field small" title="targetValue: the metric value the policy keeps the service at"><span>"Target"</span>
                        <input type="number" min="0" step="any" data-testid="tt-target" prop:value=move || show(policy.get().target_value)
                            on:change=move |ev| match number(&ev) { Some(v) => change(&|p| p.target_value = v), None => error.set(Some("targetValue must be a number.".into())) } /></label>
                </div>
                <div class="form-row">
                    <label class="field small" title="scaleOutCooldown, seconds"><span>"Out cooldown s"</span>
                        <input type="number" min="0" data-testid="tt-out-cooldown" prop:value=move || policy.get().scale_out_cooldown.to_string()
                            on:change=uint("scaleOutCooldown", |p, n| p.scale_out_cooldown = n) /></label>
                    <label class="field small" title="scaleInCooldown, seconds"><span>"In cooldown s"</span>
                        <input type="number" min="0" data-testid="tt-in-cooldown" prop:value=move || policy.get().scale_in_cooldown.to_string()
                            on:change=uint("scaleInCooldown", |p, n| p.scale_in_cooldown = n) /></label>
                </div>
                <label class="check">
                    <input type="checkbox" data-testid="tt-disable-scale-in" prop:checked=move || policy.get().disable_scale_in
                        on:change=move |ev| { let on = event_target_checked(&ev); change(&|p| p.disable_scale_in = on) } />
                    " disableScaleIn"
                </label>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
        </fieldset>
    }
}
