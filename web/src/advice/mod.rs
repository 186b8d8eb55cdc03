//! The Advice tab of the dock: the run's proven findings ("did") and the scenario's static ones
//! ("may"), each with its rule, why and how to fix it, the AWS page it cites and, for a proven
//! one, a link to its line in the event log. Findings are dismissible per scenario. What is
//! shown, in which order, and the dismissal keys come from [`ecs_sim::view::advice_panel`];
//! this module only draws them.

mod item;
mod state;

pub use state::AdviceState;

use item::AdviceItem;
use leptos::prelude::*;

/// The tab's count badge: findings not dismissed.
#[component]
pub fn AdviceBadge() -> impl IntoView {
    let advice = expect_context::<AdviceState>();
    let count = move || advice.panel.with(|p| p.count());
    view! {
        <span class="advice-badge" class:zero=move || count() == 0 data-testid="advice-count"
            aria-label=move || format!("{} findings", count())>{count}</span>
    }
}

/// The panel.
#[component]
pub fn AdvicePanel() -> impl IntoView {
    let advice = expect_context::<AdviceState>();
    let show_dismissed = RwSignal::new(false);
    let did = move || advice.panel.with(|p| p.did.clone());
    let may = move || advice.panel.with(|p| p.may.clone());
    let dismissed = move || advice.panel.with(|p| p.dismissed.clone());
    let n_dismissed = move || advice.panel.with(|p| p.dismissed.len());
    let any_dismissed = move || n_dismissed() != 0;
    let list_dismissed = move || show_dismissed.get() && any_dismissed();
    view! {
        <div class="advice-panel" data-testid="advice-panel">
            <p class="advice-intro">
                "Best practice, not errors: ECS accepts all of this. "
                <span class="advice-kind did">"did"</span>" = this run shows it happened; "
                <span class="advice-kind may">"may"</span>" = the scenario allows it."
            </p>
            <Show when=move || advice.panel.with(|p| p.count() == 0)>
                <p class="advice-none" data-testid="advice-none">"No advice for this scenario."</p>
            </Show>
            <ul class="advice-list" aria-label="Proven advice">
                <For each=did key=|i| i.key.clone() children=|i| view! { <AdviceItem item=i dismissed=false /> } />
            </ul>
            // In a lesson the scenario's general findings are not what the lesson grades: say
            // so, so a student does not chase them (the walkthrough found lesson 1's tab full of
            // them).
            {use_context::<crate::lesson::Lessons>().map(|lessons| view! {
                <Show when=move || lessons.open.with(Option::is_some) && advice.panel.with(|p| !p.may.is_empty())>
                    <h3 class="advice-aside" data-testid="advice-beyond-lesson">
                        "General best practice for this scenario, beyond this lesson's goals:"
                    </h3>
                </Show>
            })}
            <ul class="advice-list" aria-label="Advice from the scenario">
                <For each=may key=|i| i.key.clone() children=|i| view! { <AdviceItem item=i dismissed=false /> } />
            </ul>
            <Show when=any_dismissed>
                <button type="button" class="advice-show-dismissed" data-testid="advice-show-dismissed"
                    aria-pressed=move || show_dismissed.get().to_string()
                    on:click=move |_| show_dismissed.update(|v| *v = !*v)>
                    {move || format!("{} dismissed ({})", if show_dismissed.get() { "Hide" } else { "Show" }, n_dismissed())}
                </button>
            </Show>
            <Show when=list_dismissed>
                <ul class="advice-list dismissed" aria-label="Dismissed advice">
                    <For each=dismissed key=|i| i.key.clone() children=|i| view! { <AdviceItem item=i dismissed=true /> } />
                </ul>
            </Show>
        </div>
    }
}
