//! The card of one target tracking policy: its metric, target value, scale-out/scale-in
//! cooldowns and `disableScaleIn`, written with
//! `ecs_sim::autoscaling::form::target_tracking::set_target_tracking_policy`. The inputs keep the
//! test ids the single-policy form had (`tt-metric`, `tt-target` …), so in document order the
//! first match is the first target tracking policy; the card carries `data-policy` = its name.

use super::fields::{number, show};
use super::scaling_policy_header::{
    policy_settings, policy_writer, whole_number_field, PolicyHeader,
};
use ecs_sim::autoscaling::form::policies::{PolicySettings, PolicySummary};
use ecs_sim::autoscaling::form::target_tracking::{
    retarget_note, set_target_tracking_policy, target_unit, TargetTrackingSettings as P,
    TRACKED_METRICS,
};
use leptos::prelude::*;

/// One target tracking policy's fields.
#[component]
pub fn TargetTrackingCard(
    policies: Memo<Vec<PolicySummary>>,
    service: StoredValue<String>,
    /// `policyName`.
    name: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    // What the kept target counts after a change of metric (50 % CPU became 50 requests a
    // minute without a word: engineer walkthrough, 2026-12-07).
    let note = RwSignal::new(None::<String>);
    let key = StoredValue::new(name.clone());
    let policy = policy_settings(policies, key, |s| match s {
        PolicySettings::TargetTracking(t) => Some(t),
        _ => None,
    });
    let change = policy_writer(policy, error, service, key, set_target_tracking_policy);
    let uint = move |field: &'static str, set: fn(&mut P, u32)| {
        whole_number_field(change, error, field, " of seconds", set)
    };
    let data_policy = name.clone();
    view! {
        <div class="policy-card" data-testid="policy-card" data-policy=data_policy data-policy-type="TargetTrackingScaling">
            <PolicyHeader service=service name=name kind="Target tracking".to_string() error=error />
            <div class="form-row">
                <label class="field" title="predefinedMetricType: the metric the policy keeps at the target"><span>"Metric"</span>
                    <select data-testid="tt-metric" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let was = policy.get_untracked();
                        change(&|p| p.metric = v.clone());
                        note.set(error.get_untracked().is_none().then(|| retarget_note(&was.metric, &v, was.target_value)).flatten());
                    }>
                        {move || { let cur = policy.get().metric; TRACKED_METRICS.iter().map(|m| view! {
                            <option value=*m prop:selected=cur == *m>{*m}</option>
                        }).collect_view() }}
                    </select></label>
                <label class="field small" title="targetValue: the metric value the policy keeps the service at"><span>"Target"</span>
                    <input type="number" min="0" step="any" data-testid="tt-target" prop:value=move || show(policy.get().target_value)
                        on:change=move |ev| match number(&ev) { Some(v) => { note.set(None); change(&|p| p.target_value = v) } None => error.set(Some("targetValue must be a number.".into())) } /></label>
            </div>
            <p class="hint" data-testid="tt-unit">{move || note.get().unwrap_or_else(|| format!("Target counts {}.", target_unit(&policy.get().metric)))}</p>
            <div class="form-row">
                <label class="field small" title="scaleOutCooldown, seconds"><span>"Out cooldown s"</span>
                    <input type="number" min="0" data-testid="tt-out-cooldown" prop:value=move || policy.get().scale_out_cooldown.to_string()
                        on:change=uint("scaleOutCooldown", |p, n| p.scale_out_cooldown = n) /></label>
                <label class="field small" title="scaleInCooldown, seconds"><span>"In cooldown s"</span>
                    <input type="number" min="0" data-testid="tt-in-cooldown" prop:value=move || policy.get().scale_in_cooldown.to_string()
                        on:change=uint("scaleInCooldown", |p, n| p.scale_in_cooldown = n) /></label>
                <label class="check">
                    <input type="checkbox" data-testid="tt-disable-scale-in" prop:checked=move || policy.get().disable_scale_in
                        on:change=move |ev| { let on = event_target_checked(&ev); change(&|p| p.disable_scale_in = on) } />
                    " disableScaleIn"
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
        </div>
    }
}
