//! The service's scheduled actions (PutScheduledAction): one row each with its name, its
//! schedule (`at(1970-01-01T00:40:00)` counts from the run's start, `rate(5 minutes)`, or
//! `cron(0 8 ? * MON-FRI *)` in UTC), the new min and max tasks (empty = unchanged) and Remove,
//! plus Add. A refusal names the action and shows right under the table. The document part is
//! `ecs_sim::autoscaling::form::scheduled_actions`; rows carry `data-action` = the action's name.

use super::apply::apply_to;
use super::fields::optional_whole;
use crate::state::Playground;
use ecs_sim::autoscaling::form::scheduled_actions::{
    add_scheduled_action, remove_scheduled_action, scheduled_actions, set_scheduled_action,
    ScheduledActionSettings as A,
};
use leptos::prelude::*;
use serde_json::Value;

/// The scheduled actions list.
#[component]
pub fn ScheduledActions(doc: Memo<Option<Value>>, service: StoredValue<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let error = RwSignal::new(None::<String>);
    let actions = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| scheduled_actions(d, &service.get_value()))
                .unwrap_or_default()
        })
    });
    let action = move |i: usize| actions.with(|l| l.get(i).cloned());
    let change = move |i: usize, f: &dyn Fn(&mut A)| {
        let Some(mut a) = actions.with_untracked(|l| l.get(i).cloned()) else {
            return;
        };
        f(&mut a);
        apply_to(pg, error, |d| {
            set_scheduled_action(d, &service.get_value(), &a)
                .map_err(|e| format!("{}: {e}", a.name))
        });
    };
    let capacity = move |i: usize, field: &'static str, set: fn(&mut A, Option<u32>)| {
        move |ev: leptos::ev::Event| match optional_whole(&ev) {
            Ok(n) => change(i, &|a| set(a, n)),
            Err(()) => error.set(Some(format!(
                "{field} must be a whole number, or empty to leave it unchanged."
            ))),
        }
    };
    let remove = move |i: usize| {
        move |_| {
            let Some(a) = action(i) else { return };
            apply_to(pg, error, |d| {
                remove_scheduled_action(d, &service.get_value(), &a.name)
            });
        }
    };
    view! {
        <div class="scheduled" data-testid="scheduled-actions">
            <h4 class="subhead">"Scheduled actions"</h4>
            {move || actions.with(Vec::is_empty).then(|| view! { <p class="hint">"None."</p> })}
            <Show when=move || !actions.with(Vec::is_empty)>
                <table class="steps schedule-table">
                    <thead>
                        <tr><th scope="col">"Name"</th><th scope="col">"Schedule"</th><th scope="col">"Min tasks"</th><th scope="col">"Max tasks"</th><th></th></tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..actions.with(Vec::len) key=|i| *i children=move |i| {
                            let name = move || action(i).map(|a| a.name).unwrap_or_default();
                            view! {
                                <tr data-testid="scheduled-action" data-action=name title=name>
                                    <td class="action-name">{name}</td>
                                    <td><input type="text" class="schedule" spellcheck="false" aria-label=move || format!("Schedule of {}", name())
                                        data-testid="sa-schedule" prop:value=move || action(i).map(|a| a.schedule).unwrap_or_default()
                                        on:change=move |ev| { let v = event_target_value(&ev); change(i, &|a| a.schedule = v.clone()) } /></td>
                                    <td><input type="number" min="0" placeholder="—" aria-label=move || format!("MinCapacity of {}", name())
                                        data-testid="sa-min" prop:value=move || action(i).and_then(|a| a.min_capacity).map(|n| n.to_string()).unwrap_or_default()
                                        on:change=capacity(i, "minCapacity", |a, n| a.min_capacity = n) /></td>
                                    <td><input type="number" min="0" placeholder="—" aria-label=move || format!("MaxCapacity of {}", name())
                                        data-testid="sa-max" prop:value=move || action(i).and_then(|a| a.max_capacity).map(|n| n.to_string()).unwrap_or_default()
                                        on:change=capacity(i, "maxCapacity", |a, n| a.max_capacity = n) /></td>
                                    <td><button class="remove" title="Remove this scheduled action" aria-label=move || format!("Remove scheduled action {}", name())
                                        data-testid="sa-remove" on:click=remove(i)>"×"</button></td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="scaling-error">{e}</p> })}
            <button data-testid="sa-add" title="A new action half an hour into the run, at the current min and max"
                on:click=move |_| apply_to(pg, error, |d| add_scheduled_action(d, &service.get_value()).map(|_| ()))>
                "Add scheduled action"
            </button>
            <p class="hint">"at(1970-01-01T00:40:00) is 40 minutes into the run; rate(15 minutes) repeats; cron(0 8 ? * MON-FRI *) runs at 8:00 UTC on weekdays (the run starts on Thursday 1970-01-01). Empty min or max leaves it unchanged."</p>
        </div>
    }
}
