//! The card of one step scaling policy: the CloudWatch alarm that invokes it (simulator key
//! `alarm`: metric, comparison, threshold, datapoints to alarm of evaluation periods), its
//! adjustment type, cooldown and minAdjustmentMagnitude, and the step adjustment rows
//! ([`super::scaling_step_rows`]). Written with
//! `ecs_sim::autoscaling::form::step_scaling::set_step_scaling_policy`; inputs have `step-*` test
//! ids inside a card whose `data-policy` is the policy's name.

use super::fields::{number, show, whole};
use super::scaling_policy_header::{
    policy_settings, policy_writer, whole_number_field, PolicyHeader,
};
use super::scaling_step_rows::StepRows;
use ecs_sim::autoscaling::form::policies::{PolicySettings, PolicySummary};
use ecs_sim::autoscaling::form::step_scaling::{
    set_step_scaling_policy, StepAdjustment, StepScalingSettings as S,
};
use ecs_sim::autoscaling::rules::{ADJUSTMENT_TYPES, ALARM_METRICS, COMPARISON_OPERATORS};
use leptos::prelude::*;

/// The short sign a comparison operator is shown as.
fn sign(operator: &str) -> &'static str {
    match operator {
        "GreaterThanThreshold" => ">",
        "GreaterThanOrEqualToThreshold" => "≥",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "≤",
        _ => "?",
    }
}

/// One step scaling policy's fields.
#[component]
pub fn StepScalingCard(
    policies: Memo<Vec<PolicySummary>>,
    service: StoredValue<String>,
    /// `policyName`.
    name: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let key = StoredValue::new(name.clone());
    let policy = policy_settings(policies, key, |s| match s {
        PolicySettings::Step(s) => Some(s),
        _ => None,
    });
    let change = policy_writer(policy, error, service, key, set_step_scaling_policy);
    let uint = move |field: &'static str, set: fn(&mut S, u32)| {
        whole_number_field(change, error, field, "", set)
    };
    let set_steps = Callback::new(move |steps: Vec<StepAdjustment>| {
        change(&|s| s.steps = steps.clone());
    });
    let steps = Memo::new(move |_| policy.with(|p| p.steps.clone()));
    let threshold = Memo::new(move |_| policy.with(|p| p.threshold));
    let percent = move || policy.with(|p| p.adjustment_type == "PercentChangeInCapacity");
    let data_policy = name.clone();
    view! {
        <div class="policy-card" data-testid="policy-card" data-policy=data_policy data-policy-type="StepScaling">
            <PolicyHeader service=service name=name kind="Step scaling".to_string() error=error />
            <div class="form-row">
                <label class="field" title="alarm.metricName: the service metric the CloudWatch alarm watches (one-minute datapoints)"><span>"Alarm metric"</span>
                    <select data-testid="step-metric" on:change=move |ev| { let v = event_target_value(&ev); change(&|s| s.metric_name = v.clone()) }>
                        {move || { let cur = policy.get().metric_name; ALARM_METRICS.iter().map(|m| view! {
                            <option value=*m prop:selected=cur == *m>{*m}</option>
                        }).collect_view() }}
                    </select></label>
                <label class="field small" title="alarm.comparisonOperator"><span>"Is"</span>
                    <select data-testid="step-comparison" on:change=move |ev| { let v = event_target_value(&ev); change(&|s| s.comparison_operator = v.clone()) }>
                        {move || { let cur = policy.get().comparison_operator; COMPARISON_OPERATORS.iter().map(|m| view! {
                            <option value=*m title=*m prop:selected=cur == *m>{sign(m)}</option>
                        }).collect_view() }}
                    </select></label>
                <label class="field small" title="alarm.threshold"><span>"Threshold"</span>
                    <input type="number" step="any" data-testid="step-threshold" prop:value=move || show(threshold.get())
                        on:change=move |ev| match number(&ev) { Some(v) => change(&|s| s.threshold = v), None => error.set(Some("threshold must be a number.".into())) } /></label>
                <label class="field small" title="alarm.datapointsToAlarm: breaching datapoints that put the alarm in ALARM"><span>"Datapoints to alarm"</span>
                    <input type="number" min="1" data-testid="step-datapoints" prop:value=move || policy.get().datapoints_to_alarm.to_string()
                        on:change=uint("datapointsToAlarm", |s, n| s.datapoints_to_alarm = n) /></label>
                <label class="field small" title="alarm.evaluationPeriods: one-minute periods looked at (1–1440)"><span>"Evaluation periods"</span>
                    <input type="number" min="1" max="1440" data-testid="step-periods" prop:value=move || policy.get().evaluation_periods.to_string()
                        on:change=uint("evaluationPeriods", |s, n| s.evaluation_periods = n) /></label>
            </div>
            <div class="form-row">
                <label class="field" title="adjustmentType: how a step's scalingAdjustment changes the desired count"><span>"Adjustment type"</span>
                    <select data-testid="step-adjustment-type" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|s| {
                            if v != "PercentChangeInCapacity" { s.min_adjustment_magnitude = None; }
                            s.adjustment_type = v.clone();
                        })
                    }>
                        {move || { let cur = policy.get().adjustment_type; ADJUSTMENT_TYPES.iter().map(|m| view! {
                            <option value=*m prop:selected=cur == *m>{*m}</option>
                        }).collect_view() }}
                    </select></label>
                <label class="field small" title="cooldown, seconds: a further scale-out in it adds only the difference"><span>"Cooldown s"</span>
                    <input type="number" min="0" data-testid="step-cooldown" prop:value=move || policy.get().cooldown.to_string()
                        on:change=uint("cooldown", |s, n| s.cooldown = n) /></label>
                <Show when=percent>
                    <label class="field small" title="minAdjustmentMagnitude: the smallest change a percent step makes (empty: none)"><span>"Min change"</span>
                        <input type="number" min="1" data-testid="step-min-magnitude"
                            prop:value=move || policy.get().min_adjustment_magnitude.map(|n| n.to_string()).unwrap_or_default()
                            on:change=move |ev| {
                                let typed = event_target_value(&ev);
                                if typed.trim().is_empty() {
                                    change(&|s| s.min_adjustment_magnitude = None);
                                } else {
                                    match whole(&ev) {
                                        Some(n) => change(&|s| s.min_adjustment_magnitude = Some(n)),
                                        None => error.set(Some("minAdjustmentMagnitude must be a whole number.".into())),
                                    }
                                }
                            } /></label>
                </Show>
            </div>
            <StepRows steps=steps threshold=threshold set_steps=set_steps error=error />
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
        </div>
    }
}
