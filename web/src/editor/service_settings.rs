//! The Service settings tab: form controls for one service — desired count, its task
//! definition's network mode, capacity, placement, deployment configuration, Service Auto
//! Scaling and traffic. Each control applies a form edit of the concept it sets
//! (`ecs_sim::service::form`, `ecs_sim::taskdef::form` …) to the scenario.

use super::apply::{applied, apply_to};
use super::capacity::Capacity;
use super::deployment::Deployment;
use super::load_balancer::LoadBalancer;
use super::locks::{locked, service_locked};
use super::network::Network;
use super::placement::Placement;
use super::scaling::Scaling;
use super::service_discovery::ServiceDiscovery;
use super::service_revision::ServiceRevision;
use super::traffic::Traffic;
use crate::state::Playground;
use ecs_sim::service::form::{
    clamp_count, services, set_desired_count, set_health_check_grace_period, MAX_DESIRED_COUNT,
    MAX_GRACE_SECONDS,
};
use ecs_sim::service::network_form::awsvpc_form;
use ecs_sim::taskdef::form::{network_mode, network_mode_path, set_network_mode, NETWORK_MODES};
use ecs_sim::taskdef::network_memory::Holder;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

/// The service picker and the selected service's form. The picker is the page's selected
/// service ([`Playground::service`]): selecting a service anywhere opens its settings here,
/// and picking one here selects it everywhere. A service only the edited text has (the run
/// keeps the last valid version) is picked here alone.
#[component]
pub fn ServiceSettings(
    /// The scenario document.
    doc: Memo<Option<Value>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let running = pg.service_names();
    let selected = Memo::new(move |_| running.with(|r| r.get(pg.service.get()).cloned()));
    let names = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| services(d).into_iter().map(|s| s.name).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // A service of the edited text the running scenario does not have yet, picked here.
    let chosen = RwSignal::new(String::new());
    let service = Memo::new(move |_| {
        let c = chosen.get();
        let sel = selected.get();
        names.with(|ns| {
            if ns.contains(&c) {
                Some(c)
            } else if let Some(s) = sel.filter(|s| ns.contains(s)) {
                Some(s)
            } else {
                ns.first().cloned()
            }
        })
    });
    let pick = move |name: String| {
        if pg.select_service_named(&name) {
            chosen.set(String::new());
        } else {
            chosen.set(name);
        }
    };
    let error = pg.form_error;
    // A refusal is about the form as it was: another scenario, or leaving the tab, forgets it.
    on_cleanup(move || error.set(None));
    view! {
        <div class="services-tab">
            {move || if names.with(Vec::is_empty) {
                view! { <p class="hint">"This scenario has no services. Add one in the Scenario JSON tab."</p> }.into_any()
            } else {
                view! {
                    <label class="field">
                        <span>"Service"</span>
                        <select data-testid="service-select" on:change=move |ev| { pick(event_target_value(&ev)); error.set(None); pg.form_lock.set(None); }>
                            {move || names.get().into_iter().map(|n| {
                                let selected = service.get().as_deref() == Some(n.as_str());
                                view! { <option value=n.clone() prop:selected=selected>{n.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    // Every change here edits the scenario and restarts the run: an engineer
                    // attached a load balancer at 0:05:00 and the clock went back to 0:00:00
                    // without a word (walkthrough, 33rd session). The task definition tab says
                    // the same beside its button.
                    <p class="muted help" data-testid="services-restart-help">
                        "Each change edits the scenario: the run restarts from 0:00. To change a running service, use the Deployments panel."
                    </p>
                }.into_any()
            }}
            // Both refusals stay at the top of the scrolling tab, in view beside the field that
            // was changed (a memberOf typo's message was scrolled far out of view).
            <div class="form-status">
                {move || pg.form_lock.get().map(|e| view! { <p class="form-error form-lock" role="alert" data-testid="form-lock">{e}</p> })}
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="form-error">{e}</p> })}
            </div>
            <ScenarioProblems />
            // Drawn again after a refused change, so every input shows the scenario's value.
            {move || {
                pg.form_refused.track();
                service.get().map(|s| view! { <ServiceForm doc=doc service=s error=error /> })
            }}
        </div>
    }
}

/// Problems of the scenario after a form change (the run keeps the last valid version).
#[component]
fn ScenarioProblems() -> impl IntoView {
    let pg = expect_context::<Playground>();
    move || {
        let problems = pg.problems.get();
        (!problems.is_empty()).then(|| view! {
            <div class="form-problems" role="alert">
                <p>"This change makes the scenario invalid; the simulation keeps running the last valid version:"</p>
                <ul>
                    {problems.into_iter().map(|p| view! {
                        <li data-testid="problem">
                            {(!p.path.is_empty()).then(|| view! { <code class="path">{p.path.clone()}</code> })}
                            " " {p.message}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// The controls of one service.
#[component]
fn ServiceForm(
    doc: Memo<Option<Value>>,
    service: String,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let name = StoredValue::new(service);
    let summary = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| services(d).into_iter().find(|s| s.name == name.get_value()))
        })
    });
    let desired = move || summary.with(|s| s.as_ref().map_or(0, |s| s.desired_count));
    let mode = Memo::new(move |_| {
        doc.with(|d| d.as_ref().and_then(|d| network_mode(d, &name.get_value())))
    });
    let awsvpc = Memo::new(move |_| {
        mode.with(|m| m.as_deref() == Some("awsvpc"))
            || doc.with(|d| {
                d.as_ref()
                    .is_some_and(|d| awsvpc_form(d, &name.get_value()).present)
            })
    });
    let on_desired = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        match clamp_count(&typed, MAX_DESIRED_COUNT) {
            Some(n) => {
                if let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_value(&n.to_string());
                }
                apply_to(pg, error, |d| set_desired_count(d, &name.get_value(), n));
            }
            None => error.set(Some(format!(
                "Desired count must be a whole number from 0 to {MAX_DESIRED_COUNT}."
            ))),
        }
    };
    let grace = move || {
        summary.with(|s| {
            s.as_ref()
                .and_then(|s| s.grace_seconds)
                .map(|g| g.to_string())
                .unwrap_or_default()
        })
    };
    // Empty removes the key (ECS's default, 0 s); anything else must be a whole number.
    let on_grace = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        let seconds = if typed.is_empty() {
            Some(None)
        } else {
            clamp_count(typed, MAX_GRACE_SECONDS).map(Some)
        };
        match seconds {
            Some(g) => apply_to(pg, error, |d| {
                set_health_check_grace_period(d, &name.get_value(), g)
            }),
            None => error.set(Some(
                "Health check grace period must be a whole number of seconds, or empty for 0."
                    .to_string(),
            )),
        }
    };
    // Leaving awsvpc takes the service's networkConfiguration out of the scenario (ECS accepts
    // it only for awsvpc); the page keeps it, and coming back gives it back.
    let on_mode = move |ev: leptos::ev::Event| {
        let m = event_target_value(&ev);
        let mut memory = pg.network_memory.get_untracked();
        // Kept only when the change is made: a refused one (a lesson's lock) left the memory
        // changed (review).
        if applied(pg, error, |d| {
            set_network_mode(d, &name.get_value(), &m, &mut memory).map(drop)
        }) {
            pg.network_memory.set(memory);
        }
    };
    // The revision's networkMode (and the networkConfiguration that goes with it).
    let mode_locked = move || {
        let paths = doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                let service = name.get_value();
                [
                    network_mode_path(d, &service),
                    ecs_sim::form::service_path(d, &service)
                        .map(|s| format!("{s}.networkConfiguration")),
                ]
                .into_iter()
                .flatten()
                .collect()
            })
        });
        locked(pg, &paths)
    };
    let kept = Memo::new(move |_| {
        pg.network_memory
            .with(|m| m.holds(&Holder::Service(name.get_value())))
    });
    let desired_count_locked = service_locked(pg, doc, name, &["desiredCount"]);
    let health_check_grace_period_seconds_locked =
        service_locked(pg, doc, name, &["healthCheckGracePeriodSeconds"]);
    view! {
        <ServiceRevision doc=doc service=name error=error
            current=Signal::derive(move || summary.with(|s| s.as_ref().map(|s| (s.task_definition.clone(), s.cluster.clone())))) />
        <div class="form-row">
            <label class="field">
                <span>"Desired count"</span>
                <input type="number" min="0" max=MAX_DESIRED_COUNT.to_string() step="1" inputmode="numeric"
                    disabled=desired_count_locked data-locked=desired_count_locked
                    data-testid="desired-count" prop:value=move || desired().to_string() on:change=on_desired />
            </label>
            <label class="field" title="healthCheckGracePeriodSeconds: how long after a task starts the scheduler ignores failing load balancer and container health checks (empty: 0)">
                <span>"Health check grace period (s)"</span>
                <input type="number" min="0" step="1" inputmode="numeric" placeholder="0"
                    disabled=health_check_grace_period_seconds_locked data-locked=health_check_grace_period_seconds_locked
                    data-testid="grace-period" prop:value=grace on:change=on_grace />
            </label>
            <label class="field">
                <span>"Network mode (task definition)"</span>
                <select data-testid="network-mode" on:change=on_mode disabled=mode_locked data-locked=mode_locked>
                    {move || {
                        let cur = mode.get().unwrap_or_default();
                        NETWORK_MODES.iter().map(|m| view! {
                            <option value=*m prop:selected=cur == *m>{*m}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
        </div>
        <Show when=move || kept.get() && !awsvpc.get()>
            <p class="hint" data-testid="awsvpc-kept">"Its awsvpc settings (subnets, security groups, public IP) are left out of the scenario, since ECS accepts networkConfiguration only for awsvpc; switching back to awsvpc gives them back."</p>
        </Show>
        <Capacity doc=doc service=name error=error />
        // For awsvpc services (every Fargate one), and any service that already has one.
        <Show when=move || awsvpc.get()>
            <Network doc=doc service=name error=error />
        </Show>
        <Placement doc=doc service=name error=error />
        <LoadBalancer doc=doc service=name error=error />
        <ServiceDiscovery doc=doc service=name error=error />
        <Deployment doc=doc service=name />
        <Scaling doc=doc service=name />
        <Traffic doc=doc service=name />
    }
}
