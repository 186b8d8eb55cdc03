//! Managed scaling (cluster auto scaling) and managed termination protection of an Auto Scaling
//! group capacity provider: the `managedScaling` and `managedTerminationProtection` fields of
//! `create-capacity-provider`, edited through the same parse → change → `Playground::edit` path
//! as the rest of the form.
//!
//! `scenario::edit` has no function for these fields yet, so [`read`] and [`write`] here do the
//! document part through the typed [`ManagedScalingSpec`]; they belong in `core` next to
//! `set_group_size` once its owner adds them.

use super::apply::apply_to;
use crate::state::Playground;
use ecs_sim::scenario::edit::clamp_count;
use ecs_sim::scenario::ManagedScalingSpec;
use leptos::prelude::*;
use serde_json::{json, Value};

/// AWS ManagedScaling limits (ECS API Reference, ManagedScaling): targetCapacity 1–100,
/// minimum/maximumScalingStepSize 1–10,000, instanceWarmupPeriod 0–10,000 seconds.
const MAX_TARGET: u32 = 100;
/// See [`MAX_TARGET`].
const MAX_STEP: u32 = 10_000;
/// See [`MAX_TARGET`].
const MAX_WARMUP: u32 = 10_000;

/// A provider's settings as the form shows them (AWS defaults filled in).
#[derive(Debug, Clone, PartialEq)]
struct Settings {
    enabled: bool,
    target: u32,
    min_step: u32,
    max_step: u32,
    warmup: u32,
    termination_protection: bool,
}

fn provider<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    doc.get("capacityProviders")?
        .as_array()?
        .iter()
        .find(|p| p.get("name").and_then(Value::as_str) == Some(name))?
        .get("autoScalingGroupProvider")
}

/// The provider's managed scaling settings, with AWS's defaults where a field is absent.
fn read(doc: &Value, name: &str) -> Option<Settings> {
    let p = provider(doc, name)?;
    let ms = p
        .get("managedScaling")
        .and_then(|v| serde_json::from_value::<ManagedScalingSpec>(v.clone()).ok());
    Some(Settings {
        enabled: ms.as_ref().is_some_and(|m| m.status == "ENABLED"),
        target: ms.as_ref().and_then(|m| m.target_capacity).unwrap_or(100),
        min_step: ms
            .as_ref()
            .and_then(|m| m.minimum_scaling_step_size)
            .unwrap_or(1),
        max_step: ms
            .as_ref()
            .and_then(|m| m.maximum_scaling_step_size)
            .unwrap_or(10_000),
        warmup: ms
            .as_ref()
            .and_then(|m| m.instance_warmup_period)
            .unwrap_or(300),
        termination_protection: p
            .get("managedTerminationProtection")
            .and_then(Value::as_str)
            == Some("ENABLED"),
    })
}

/// Writes the settings back into the provider, as `create-capacity-provider` JSON.
fn write(doc: &mut Value, name: &str, s: &Settings) -> Result<(), String> {
    if s.min_step > s.max_step {
        return Err(format!(
            "minimumScalingStepSize {} is above maximumScalingStepSize {}",
            s.min_step, s.max_step
        ));
    }
    let spec = ManagedScalingSpec {
        status: if s.enabled { "ENABLED" } else { "DISABLED" }.to_string(),
        target_capacity: Some(s.target),
        minimum_scaling_step_size: Some(s.min_step),
        maximum_scaling_step_size: Some(s.max_step),
        instance_warmup_period: Some(s.warmup),
    };
    let value = serde_json::to_value(spec).map_err(|e| e.to_string())?;
    let p = doc
        .get_mut("capacityProviders")
        .and_then(Value::as_array_mut)
        .and_then(|ps| {
            ps.iter_mut()
                .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
        })
        .and_then(|p| p.get_mut("autoScalingGroupProvider"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("no Auto Scaling group capacity provider named '{name}'"))?;
    p.insert("managedScaling".into(), value);
    p.insert(
        "managedTerminationProtection".into(),
        json!(if s.termination_protection {
            "ENABLED"
        } else {
            "DISABLED"
        }),
    );
    Ok(())
}

/// The managed scaling fields of one provider.
#[component]
pub fn ManagedScaling(
    doc: Memo<Option<Value>>,
    provider: String,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let name = StoredValue::new(provider);
    let settings =
        Memo::new(move |_| doc.with(|d| d.as_ref().and_then(|d| read(d, &name.get_value()))));
    let change = move |f: &dyn Fn(&mut Settings)| {
        let Some(mut s) = settings.get_untracked() else {
            return;
        };
        f(&mut s);
        apply_to(pg, error, |d| write(d, &name.get_value(), &s));
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
        move || settings.with(|s| s.as_ref().is_some_and(|s| s.termination_protection));
    view! {
        <div class="managed-scaling" data-testid="managed-scaling">
            <label class="check">
                <input type="checkbox" data-testid="ms-status" prop:checked=enabled
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.enabled = on) } />
                " Managed scaling (status ENABLED)"
            </label>
            <div class="form-row">
                <label class="field small" title="Target CapacityProviderReservation, 1–100 %"><span>"targetCapacity %"</span>
                    <input type="number" min="1" max="100" data-testid="ms-target" prop:value=get(|s| s.target)
                        disabled=move || !enabled() on:change=number(MAX_TARGET, 1, |s, n| s.target = n) /></label>
                <label class="field small" title="Fewest instances one scale-out adds (1–10,000)"><span>"Min step"</span>
                    <input type="number" min="1" data-testid="ms-min-step" prop:value=get(|s| s.min_step)
                        disabled=move || !enabled() on:change=number(MAX_STEP, 1, |s, n| s.min_step = n) /></label>
                <label class="field small" title="Most instances one scale-out adds (1–10,000)"><span>"Max step"</span>
                    <input type="number" min="1" data-testid="ms-max-step" prop:value=get(|s| s.max_step)
                        disabled=move || !enabled() on:change=number(MAX_STEP, 1, |s, n| s.max_step = n) /></label>
                <label class="field small" title="Seconds before a new instance counts toward the metric (0–10,000)"><span>"Warm-up s"</span>
                    <input type="number" min="0" data-testid="ms-warmup" prop:value=get(|s| s.warmup)
                        disabled=move || !enabled() on:change=number(MAX_WARMUP, 0, |s, n| s.warmup = n) /></label>
            </div>
            <label class="check">
                <input type="checkbox" data-testid="ms-termination-protection" prop:checked=protection
                    on:change=move |ev| { let on = event_target_checked(&ev); change(&|s| s.termination_protection = on) } />
                " Managed termination protection"
            </label>
            {move || (protection() && !enabled()).then(|| view! {
                <p class="hint">"Managed termination protection only works with managed scaling on."</p>
            })}
        </div>
    }
}
