//! The step adjustment rows of a step scaling policy: lower bound, upper bound (relative to the
//! alarm threshold; empty = infinite) and scalingAdjustment per row, with Add step and Remove.
//! Row edits go through `ecs_sim::autoscaling::form::step_rows`, which moves a neighbour's shared
//! bound along so the ranges stay contiguous as API StepAdjustment requires.

use super::fields::{integer, optional_number, show};
use ecs_sim::autoscaling::form::step_rows::{
    add_step_row, metric_range, move_step_bound, remove_step_row, Bound,
};
use ecs_sim::autoscaling::form::step_scaling::StepAdjustment;
use leptos::prelude::*;

/// A bound as its input shows it: empty for an open (infinite) bound.
fn bound_text(v: Option<f64>) -> String {
    v.map(show).unwrap_or_default()
}

/// The rows of `steps`; a change hands the whole new list to `set_steps`.
#[component]
pub fn StepRows(
    steps: Memo<Vec<StepAdjustment>>,
    /// The alarm threshold, to show each row's metric range.
    threshold: Memo<f64>,
    set_steps: Callback<Vec<StepAdjustment>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let row = move |i: usize| steps.with(|s| s.get(i).copied());
    let on_bound = move |i: usize, bound: Bound| {
        move |ev: leptos::ev::Event| match optional_number(&ev) {
            Ok(v) => set_steps.run(move_step_bound(&steps.get_untracked(), i, bound, v)),
            Err(()) => error.set(Some(
                "A step bound must be a number, or empty for no bound (infinite).".into(),
            )),
        }
    };
    let on_adjustment = move |i: usize| {
        move |ev: leptos::ev::Event| match integer(&ev) {
            Some(n) => {
                let mut list = steps.get_untracked();
                if let Some(s) = list.get_mut(i) {
                    s.adjustment = n;
                }
                set_steps.run(list);
            }
            None => error.set(Some("scalingAdjustment must be a whole number.".into())),
        }
    };
    let on_remove = move |i: usize| {
        move |_| match remove_step_row(&steps.get_untracked(), i) {
            Ok(list) => set_steps.run(list),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <table class="steps" data-testid="step-rows">
            <caption>"Step adjustments: bounds are metric − threshold (empty = infinite); a step at or above the threshold includes its lower bound, one below it its upper bound"</caption>
            <thead>
                <tr><th scope="col">"Lower"</th><th scope="col">"Upper"</th><th scope="col">"Adjust"</th><th scope="col">"Metric"</th><th></th></tr>
            </thead>
            <tbody>
                <For each=move || 0..steps.with(Vec::len) key=|i| *i children=move |i| {
                    let n = i + 1;
                    view! {
                        <tr data-testid="step-row">
                            <td><input type="number" step="any" placeholder="−∞" aria-label=format!("Step {n} metricIntervalLowerBound")
                                data-testid="step-lower" prop:value=move || bound_text(row(i).and_then(|s| s.lower))
                                on:change=on_bound(i, Bound::Lower) /></td>
                            <td><input type="number" step="any" placeholder="+∞" aria-label=format!("Step {n} metricIntervalUpperBound")
                                data-testid="step-upper" prop:value=move || bound_text(row(i).and_then(|s| s.upper))
                                on:change=on_bound(i, Bound::Upper) /></td>
                            <td><input type="number" step="1" aria-label=format!("Step {n} scalingAdjustment")
                                data-testid="step-adjustment" prop:value=move || row(i).map(|s| s.adjustment.to_string()).unwrap_or_default()
                                on:change=on_adjustment(i) /></td>
                            <td class="muted">{move || row(i).map(|s| metric_range(&s, threshold.get())).unwrap_or_default()}</td>
                            <td><button class="remove" title="Remove this step" aria-label=format!("Remove step {n}")
                                data-testid="step-row-remove" on:click=on_remove(i)>"×"</button></td>
                        </tr>
                    }
                } />
            </tbody>
        </table>
        <button data-testid="step-row-add" title="Split the open-ended step in two"
            on:click=move |_| set_steps.run(add_step_row(&steps.get_untracked()))>
            "Add step"
        </button>
    }
}
