//! The service's traffic (a simulator key): the rate profile's shape and its numbers, CPU per
//! request and the tasks' base footprint. The document part is `ecs_sim::traffic::form`;
//! this only draws the fields.

use super::apply::apply_to;
use super::fields::{number, show};
use super::locks::scenario_locked;
use crate::state::Playground;
use ecs_sim::traffic::form::{
    default_traffic, profile_fields, remove_traffic, set_profile_field, set_traffic, shape,
    traffic, with_shape, SHAPES,
};
use ecs_sim::traffic::TrafficSpec;
use leptos::prelude::*;
use serde_json::Value;

/// The traffic section of a service form; refusals show under its fields.
#[component]
pub fn Traffic(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let spec =
        Memo::new(move |_| doc.with(|d| d.as_ref().and_then(|d| traffic(d, &service.get_value()))));
    let enabled = move || spec.with(Option::is_some);
    let change = move |f: &dyn Fn(&mut TrafficSpec) -> Result<(), String>| {
        let Some(mut t) = spec.get_untracked() else {
            return;
        };
        match f(&mut t) {
            Ok(()) => apply_to(pg, error, |d| set_traffic(d, &t)),
            Err(e) => error.set(Some(e)),
        }
    };
    let real = move |field: &'static str, set: fn(&mut TrafficSpec, f64)| {
        move |ev: leptos::ev::Event| match number(&ev) {
            Some(v) => change(&|t| {
                set(t, v);
                Ok(())
            }),
            None => error.set(Some(format!("{field} must be a number."))),
        }
    };
    let get = move |f: fn(&TrafficSpec) -> f64| {
        move || spec.with(|t| t.as_ref().map(|t| show(f(t))).unwrap_or_default())
    };
    let current_shape = move || spec.with(|t| t.as_ref().map_or("", |t| shape(&t.profile)));
    view! {
        <fieldset class="group" data-testid="traffic" disabled=scenario_locked(pg, &["traffic"])>
            <legend>"Traffic"</legend>
            <label class="check">
                <input type="checkbox" data-testid="traffic-enabled" prop:checked=enabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        apply_to(pg, error, |d| {
                            if on { set_traffic(d, &default_traffic(&service.get_value())) } else { remove_traffic(d, &service.get_value()); Ok(()) }
                        });
                    } />
                " Requests to this service"
            </label>
            <Show when=enabled>
                <div class="form-row">
                    <label class="field"><span>"Shape"</span>
                        <select data-testid="traffic-shape" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            change(&|t| { t.profile = with_shape(&t.profile, &v); Ok(()) })
                        }>
                            {move || { let cur = current_shape(); SHAPES.iter().map(|s| view! {
                                <option value=*s prop:selected=cur == *s>{*s}</option>
                            }).collect_view() }}
                        </select></label>
                    {move || spec.with(|t| t.as_ref().map(|t| profile_fields(&t.profile)).unwrap_or_default()).into_iter().map(|f| {
                        let key = f.key;
                        view! {
                            <label class="field small" title=if f.seconds { "seconds from the start" } else { "requests per second" }><span>{key}</span>
                                <input type="number" min="0" step=if f.seconds { "1" } else { "any" } data-testid=format!("traffic-{key}") prop:value=show(f.value)
                                    on:change=move |ev| match number(&ev) {
                                        Some(v) => change(&|t| set_profile_field(&mut t.profile, key, v)),
                                        None => error.set(Some(format!("{key} must be a number."))),
                                    } /></label>
                        }
                    }).collect_view()}
                </div>
                <div class="form-row">
                    <label class="field small" title="CPU time per request, ms of one vCPU"><span>"CPU ms / request"</span>
                        <input type="number" min="0" step="any" data-testid="traffic-cpu" prop:value=get(|t| t.cpu_millis_per_request)
                            on:change=real("cpuMillisPerRequest", |t, v| t.cpu_millis_per_request = v) /></label>
                    <label class="field small" title="CPU a task uses with no requests, percent of its reservation"><span>"Base CPU %"</span>
                        <input type="number" min="0" max="99" step="any" data-testid="traffic-base-cpu" prop:value=get(|t| t.base_cpu_percent)
                            on:change=real("baseCpuPercent", |t, v| t.base_cpu_percent = v) /></label>
                    <label class="field small" title="MiB a task uses with no requests"><span>"Base memory MiB"</span>
                        <input type="number" min="0" step="any" data-testid="traffic-base-memory" prop:value=get(|t| t.base_memory_mib)
                            on:change=real("baseMemoryMiB", |t, v| t.base_memory_mib = v) /></label>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="traffic-error">{e}</p> })}
        </fieldset>
    }
}
