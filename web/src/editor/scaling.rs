//! The service's Service Auto Scaling: register it as a scalable target (min/max), then one
//! card per scaling policy ([`super::scaling_policies`]) and its scheduled actions
//! ([`super::scaling_scheduled`]). The document part is `ecs_sim::autoscaling::form::target` and
//! its sibling files in `autoscaling::form`; these components only draw the fields. A refusal shows next to
//! the fields that caused it (each part's `scaling-error`).

use super::apply::apply_to;
use super::fields::whole;
use super::locks::scenario_locked;
use super::scaling_policies::ScalingPolicies;
use super::scaling_scheduled::ScheduledActions;
use crate::state::Playground;
use ecs_sim::autoscaling::form::target::{
    disable_service_scaling, enable_service_scaling, service_scaling, set_scalable_target,
    MAX_CAPACITY,
};
use leptos::prelude::*;
use serde_json::Value;

/// The auto scaling section of a service form; refusals show under its fields.
#[component]
pub fn Scaling(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let range = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| service_scaling(d, &service.get_value()))
                .map(|s| (s.min_capacity, s.max_capacity))
        })
    });
    let enabled = move || range.with(Option::is_some);
    let just_enabled = RwSignal::new(false);
    let bounds = move || range.get().unwrap_or_default();
    let set_range = move |min: Option<u32>, max: Option<u32>| {
        let (cur_min, cur_max) = bounds();
        apply_to(pg, error, |d| {
            set_scalable_target(
                d,
                &service.get_value(),
                min.unwrap_or(cur_min),
                max.unwrap_or(cur_max),
            )
        });
    };
    let schedule_locked = scenario_locked(pg, &["scheduledActions"]);
    view! {
        <fieldset class="group" data-testid="service-scaling" data-form-section="scaling"
            disabled=scenario_locked(pg, &["scalableTargets", "scalingPolicies"])>
            <legend>"Service Auto Scaling"</legend>
            <label class="check">
                <input type="checkbox" data-testid="sas-enabled" prop:checked=enabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        apply_to(pg, error, |d| if on { enable_service_scaling(d, &service.get_value()) } else { disable_service_scaling(d, &service.get_value()) });
                        just_enabled.set(on && enabled());
                    } />
                " Scalable target (ecs:service:DesiredCount)"
            </label>
            // What ticking filled in, said (a student pressed "Add target tracking policy" after
            // it and got a second policy, on memory: walkthrough of lesson 12).
            <Show when=move || just_enabled.get() && enabled()>
                <p class="hint" data-testid="sas-defaults">"Turned on with Min and Max tasks from the desired count and a target tracking policy on average CPU at 50% (under Policies below): change that policy rather than adding a second one."</p>
            </Show>
            <Show when=enabled>
                <div class="form-row">
                    <label class="field small" title="MinCapacity: the desired count never goes below"><span>"Min tasks"</span>
                        <input type="number" min="0" data-testid="sas-min" prop:value=move || bounds().0.to_string()
                            on:change=move |ev| match whole(&ev) { Some(n) => set_range(Some(n), None), None => error.set(Some("minCapacity must be a whole number.".into())) } /></label>
                    <label class="field small" title=format!("MaxCapacity: the desired count never goes above (at most {MAX_CAPACITY})")><span>"Max tasks"</span>
                        <input type="number" min="0" max=MAX_CAPACITY.to_string() data-testid="sas-max" prop:value=move || bounds().1.to_string()
                            on:change=move |ev| match whole(&ev) { Some(n) => set_range(None, Some(n)), None => error.set(Some("maxCapacity must be a whole number.".into())) } /></label>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
            <Show when=enabled>
                <ScalingPolicies doc=doc service=service />
                // Its own key: lesson 12 opens the target and the policies, not the schedule
                // (review: the schedule looked editable there and was refused after a change).
                <fieldset class="scheduled-lock" disabled=schedule_locked data-locked=schedule_locked>
                    <ScheduledActions doc=doc service=service />
                </fieldset>
            </Show>
        </fieldset>
    }
}
