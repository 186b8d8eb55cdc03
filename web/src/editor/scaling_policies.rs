//! The service's scaling policies as cards, in document order (one per `scalingPolicies` entry:
//! target tracking [`super::scaling_target_tracking`], step scaling [`super::scaling_step`]),
//! with "Add target tracking policy" and "Add step scaling policy". Adding is
//! `ecs_sim::autoscaling::form::target_tracking::add_target_tracking` (on the first metric no
//! policy tracks yet) and `step_scaling::add_step_scaling_policy`.

use super::apply::apply_to;
use super::scaling_policy_header::PolicyHeader;
use super::scaling_step::StepScalingCard;
use super::scaling_target_tracking::TargetTrackingCard;
use crate::state::Playground;
use ecs_sim::autoscaling::form::policies::{scaling_policies, PolicySettings, PolicySummary};
use ecs_sim::autoscaling::form::step_scaling::add_step_scaling_policy;
use ecs_sim::autoscaling::form::target_tracking::{
    add_target_tracking, untracked_metric, TargetTrackingSettings,
};
use leptos::prelude::*;
use serde_json::Value;

/// A short tag of a policy's type, part of its card's key (a type change makes a new card).
fn tag(p: &PolicySummary) -> &'static str {
    match p.settings {
        PolicySettings::TargetTracking(_) => "tt",
        PolicySettings::Step(_) => "step",
        PolicySettings::Other(_) => "other",
    }
}

/// The policy cards and the add buttons.
#[component]
pub fn ScalingPolicies(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let policies = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| scaling_policies(d, &service.get_value()))
                .unwrap_or_default()
        })
    });
    let free_metric = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| untracked_metric(d, &service.get_value()))
        })
    });
    let add_tt = move |_| {
        let Some(metric) = free_metric.get_untracked() else {
            return;
        };
        let p = TargetTrackingSettings {
            metric: metric.to_string(),
            ..TargetTrackingSettings::default()
        };
        apply_to(pg, error, |d| {
            add_target_tracking(d, &service.get_value(), &p).map(|_| ())
        });
    };
    let add_step = move |_| {
        apply_to(pg, error, |d| {
            add_step_scaling_policy(d, &service.get_value()).map(|_| ())
        });
    };
    let cards = move || {
        policies
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, p)| (i, p.name.clone(), tag(&p), p))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="policies" data-testid="scaling-policies">
            <h4 class="subhead">"Scaling policies"</h4>
            {move || policies.with(Vec::is_empty).then(|| view! {
                <p class="hint">"No scaling policies: the desired count only follows min/max and scheduled actions."</p>
            })}
            <For each=cards key=|(i, name, tag, _)| (*i, name.clone(), *tag) children=move |(_, name, _, p)| {
                match p.settings {
                    PolicySettings::TargetTracking(_) => view! {
                        <TargetTrackingCard policies=policies service=service name=name />
                    }.into_any(),
                    PolicySettings::Step(_) => view! {
                        <StepScalingCard policies=policies service=service name=name />
                    }.into_any(),
                    PolicySettings::Other(kind) => {
                        let data_policy = name.clone();
                        view! {
                        <div class="policy-card" data-testid="policy-card" data-policy=data_policy>
                            <PolicyHeader service=service name=name kind=kind.clone() error=error />
                            <p class="hint">"Only TargetTrackingScaling and StepScaling are simulated; edit this one in the Scenario JSON tab."</p>
                        </div>
                        }.into_any()
                    }
                }
            } />
            <div class="form-row add-policy">
                <button data-testid="add-target-tracking" on:click=add_tt
                    disabled=move || free_metric.with(Option::is_none)
                    title=move || if free_metric.with(Option::is_none) {
                        "Every metric already has a target tracking policy; each policy must track its own metric".to_string()
                    } else {
                        format!("A new policy tracking {} at 50", free_metric.get().unwrap_or_default())
                    }>
                    "Add target tracking policy"
                </button>
                <button data-testid="add-step-scaling" on:click=add_step
                    title="A new policy: CPUUtilization > 70 for 3 of 3 minutes adds 1 task">
                    "Add step scaling policy"
                </button>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
        </div>
    }
}
