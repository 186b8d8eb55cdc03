//! A service's placement strategies (binpack, spread, random; up to 5, applied in order) and
//! placement constraints (distinctInstance, memberOf; up to 10, all must hold).

use super::apply::apply_to;
use super::locks::service_locked;
use crate::state::Playground;
use crate::term::Term;
use ecs_sim::placement::form::{
    member_of_start, placement, set_placement_constraints, set_placement_strategy,
    MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES,
};
use ecs_sim::placement::{PlacementConstraintSpec, PlacementStrategySpec};
use leptos::prelude::*;
use serde_json::Value;

/// A change to a list of rows (one placement strategy or constraint per row).
type RowChange<T> = Box<dyn FnOnce(&mut Vec<T>)>;

/// Spread fields offered in the picker; anything else is edited as a custom attribute.
const SPREAD_FIELDS: [&str; 2] = ["attribute:ecs.availability-zone", "instanceId"];
/// The field a new custom spread starts with.
const CUSTOM_SPREAD: &str = "attribute:ecs.instance-type";

/// A strategy of `kind` with the field it usually takes.
fn strategy(kind: &str) -> PlacementStrategySpec {
    let field = match kind {
        "binpack" => Some("memory".to_string()),
        "spread" => Some(SPREAD_FIELDS[0].to_string()),
        _ => None,
    };
    PlacementStrategySpec {
        kind: kind.to_string(),
        field,
    }
}

/// A constraint of `kind`; a memberOf starts with every instance type of the scenario `doc`
/// ([`member_of_start`]), so it changes nothing until it is narrowed.
fn constraint(kind: &str, doc: &Option<Value>) -> PlacementConstraintSpec {
    PlacementConstraintSpec {
        kind: kind.to_string(),
        expression: (kind == "memberOf")
            .then(|| doc.as_ref().map(member_of_start).unwrap_or_default()),
    }
}

/// The placement section of a service form.
#[component]
pub fn Placement(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let current = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| placement(d, &service.get_value()))
                .unwrap_or_default()
        })
    });
    // ECS supports no placement strategy or constraint with Fargate: the form offers none to
    // add (they wrote an invalid scenario, engineer walkthrough).
    let fargate = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref().is_some_and(|d| {
                ecs_sim::cluster::form::launch::service_on_fargate(d, &service.get_value())
            })
        })
    });
    let fargate_title =
        "ECS does not support placement strategies or constraints with the Fargate launch type";
    let set_strategies = move |f: RowChange<PlacementStrategySpec>| {
        let mut list = current.get_untracked().0;
        f(&mut list);
        apply_to(pg, error, |d| {
            set_placement_strategy(d, &service.get_value(), &list)
        });
    };
    let set_constraints = move |f: RowChange<PlacementConstraintSpec>| {
        let mut list = current.get_untracked().1;
        f(&mut list);
        apply_to(pg, error, |d| {
            set_placement_constraints(d, &service.get_value(), &list)
        });
    };
    let strategy_rows = move || {
        current.get().0.into_iter().enumerate().map(|(i, s)| {
            let n = i + 1;
            let field = s.field.clone().unwrap_or_default();
            let custom = s.kind == "spread" && !SPREAD_FIELDS.contains(&field.as_str());
            let field_picker = match s.kind.as_str() {
                "binpack" => view! {
                    <select aria-label=format!("Strategy {n} field") data-testid="strategy-field"
                        on:change=move |ev| { let v = event_target_value(&ev); set_strategies(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.field = Some(v) })) }>
                        {["cpu", "memory"].map(|f| view! { <option value=f prop:selected=field == f>{f}</option> })}
                    </select>
                }.into_any(),
                "spread" => view! {
                    <select aria-label=format!("Strategy {n} field") data-testid="strategy-field"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = if v == "custom" { CUSTOM_SPREAD.to_string() } else { v };
                            set_strategies(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.field = Some(v) }))
                        }>
                        {SPREAD_FIELDS.map(|f| view! { <option value=f prop:selected=field == f>{f}</option> })}
                        <option value="custom" prop:selected=custom>"custom attribute…"</option>
                    </select>
                    {custom.then(|| view! {
                        <input type="text" aria-label=format!("Strategy {n} custom field") data-testid="strategy-custom"
                            prop:value=field.clone()
                            on:change=move |ev| { let v = event_target_value(&ev); set_strategies(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.field = Some(v) })) } />
                    })}
                }.into_any(),
                _ => view! { <span class="muted">"no field"</span> }.into_any(),
            };
            view! {
                <li class="row" data-testid="strategy-row">
                    <span class="ordinal">{format!("{n}.")}</span>
                    <select aria-label=format!("Strategy {n} type") data-testid="strategy-type"
                        on:change=move |ev| { let v = event_target_value(&ev); set_strategies(Box::new(move |l| if let Some(x) = l.get_mut(i) { *x = strategy(&v) })) }>
                        {["binpack", "spread", "random"].map(|k| view! { <option value=k prop:selected=s.kind == k>{k}</option> })}
                    </select>
                    <span class="row-help" data-testid="strategy-help"><Term word=s.kind.clone() text="?".to_string() /></span>
                    {field_picker}
                    // Strategies apply in order: "Add strategy" appends, and lesson 16's zone
                    // spread, which ECS needs first, took three edits to move up (student
                    // walkthrough, 2026-12-06).
                    {(i > 0).then(|| view! {
                        <button class="move-up" data-testid="strategy-up" aria-label=format!("Move strategy {n} up") title="Move up (strategies apply in order)"
                            on:click=move |_| set_strategies(Box::new(move |l| { if i < l.len() { l.swap(i - 1, i); } }))>"↑"</button>
                    })}
                    <button class="remove" aria-label=format!("Remove strategy {n}") title="Remove"
                        on:click=move |_| set_strategies(Box::new(move |l| { if i < l.len() { l.remove(i); } }))>"×"</button>
                </li>
            }
        }).collect_view()
    };
    let constraint_rows = move || {
        current.get().1.into_iter().enumerate().map(|(i, c)| {
            let n = i + 1;
            view! {
                <li class="row" data-testid="constraint-row">
                    <span class="ordinal">{format!("{n}.")}</span>
                    <select aria-label=format!("Constraint {n} type") data-testid="constraint-type"
                        on:change=move |ev| { let v = event_target_value(&ev); let c = doc.with_untracked(|d| constraint(&v, d)); set_constraints(Box::new(move |l| if let Some(x) = l.get_mut(i) { *x = c })) }>
                        {["distinctInstance", "memberOf"].map(|k| view! { <option value=k prop:selected=c.kind == k>{k}</option> })}
                    </select>
                    <span class="row-help" data-testid="constraint-help"><Term word=c.kind.clone() text="?".to_string() /></span>
                    {(c.kind == "memberOf").then(|| {
                        // A line break typed in the box is read as a space.
                        let set_expression = move |v: String| {
                            let v = v.replace(['\n', '\r'], " ");
                            set_constraints(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.expression = Some(v) }))
                        };
                        view! {
                        // Two wrapping lines: a one-line input showed "attribute:ecs" in the
                        // 330 px pane (a line break typed in it is read as a space).
                        <textarea class="expression" rows="2" spellcheck="false" aria-label=format!("Constraint {n} expression") data-testid="constraint-expression"
                            prop:value=c.expression.clone().unwrap_or_default()
                            on:change=move |ev| set_expression(event_target_value(&ev))
                            // Enter applies, as in every other field of the form (it typed a
                            // line break and applied nothing: student walkthrough, 2026-12-06).
                            on:keydown=move |ev| if ev.key() == "Enter" && !ev.shift_key() {
                                ev.prevent_default();
                                set_expression(event_target_value(&ev));
                            } />
                        }
                    })}
                    <button class="remove" aria-label=format!("Remove constraint {n}") title="Remove"
                        on:click=move |_| set_constraints(Box::new(move |l| { if i < l.len() { l.remove(i); } }))>"×"</button>
                </li>
            }
        }).collect_view()
    };
    let availability_zone_rebalancing_locked =
        service_locked(pg, doc, service, &["availabilityZoneRebalancing"]);
    view! {
        <fieldset class="group" data-form-section="placement"
            disabled=service_locked(pg, doc, service, &["placementStrategy", "availabilityZoneRebalancing"])>
            <legend>"Placement strategies"</legend>
            <ol class="rows">{strategy_rows}</ol>
            <button data-testid="add-strategy"
                title=move || fargate.get().then_some(fargate_title)
                disabled=move || fargate.get() || current.with(|c| c.0.len() >= MAX_PLACEMENT_STRATEGIES)
                on:click=move |_| set_strategies(Box::new(|l| l.push(strategy("spread"))))>
                "Add strategy"
            </button>
            <span class="hint">{format!(" Applied in order; at most {MAX_PLACEMENT_STRATEGIES}.")}</span>
            // Beside the strategies it depends on: ECS rebalances only a service whose first
            // strategy spreads by zone (or that has none).
            <label class="field" title="availabilityZoneRebalancing: ECS moves tasks to even out the zones once the service is steady. Left out, CreateService turns it on where it can; an update keeps the service's value">
                <span>"AZ rebalancing"</span>
                <select data-testid="az-rebalancing" disabled=availability_zone_rebalancing_locked data-locked=availability_zone_rebalancing_locked on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let value = (!v.is_empty()).then_some(v);
                    apply_to(pg, error, |d| ecs_sim::service::form::set_availability_zone_rebalancing(d, &service.get_value(), value.as_deref()));
                }>
                    {move || {
                        let cur = doc.with(|d| d.as_ref().and_then(|d| ecs_sim::service::form::availability_zone_rebalancing(d, &service.get_value()))).unwrap_or_default();
                        [("", "not set (a new service: ENABLED)"), ("ENABLED", "ENABLED"), ("DISABLED", "DISABLED")].map(|(v, label)| view! {
                            <option value=v prop:selected=cur == v>{label}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
        </fieldset>
        <fieldset class="group" data-form-section="constraints"
            disabled=service_locked(pg, doc, service, &["placementConstraints"])>
            <legend>"Placement constraints"</legend>
            <ol class="rows">{constraint_rows}</ol>
            <button data-testid="add-constraint"
                title=move || fargate.get().then_some(fargate_title)
                disabled=move || fargate.get() || current.with(|c| c.1.len() >= MAX_PLACEMENT_CONSTRAINTS)
                on:click=move |_| { let c = doc.with_untracked(|d| constraint("distinctInstance", d)); set_constraints(Box::new(move |l| l.push(c))) }>
                "Add constraint"
            </button>
            <span class="hint">{format!(" All must hold; at most {MAX_PLACEMENT_CONSTRAINTS}.")}</span>
        </fieldset>
    }
}
