//! The explain panel at the top of the log pane: details of the selected task or instance,
//! and the placement pipeline's verdicts that answer "why is this task waiting?".
//! Escape or the close button clears the selection.

mod instance;
mod task;
mod unplaced;
mod verdicts;

use crate::state::{Playground, Selection};
use leptos::prelude::*;

/// The explain panel.
#[component]
pub fn ExplainPanel() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // A text field (the editor) keeps its own Escape.
        if ev.key() != "Escape" || crate::keys::typing_in(&ev) {
            return;
        }
        if pg.selection.get_untracked() != Selection::None {
            // Marked as taken: presenter mode's Escape leaves the mode only when nothing was
            // selected (presenter::closes_selection).
            ev.prevent_default();
            pg.selection.set(Selection::None);
        }
    });
    on_cleanup(move || keys.remove());
    let presenting = use_context::<crate::layout::Layout>();
    view! {
        <section class="explain" data-testid="explain" aria-label="Explain" aria-live="polite">
            <Show when=move || pg.selection.get() == Selection::None>
                <p class="hint">"Click a task or an instance to see its details, or a service under \"Waiting for placement\" to see why its tasks cannot be placed."</p>
            </Show>
            // In presenter mode the details show beside the cluster (presenter::PresenterAside)
            // and this pane is hidden: drawn twice, each frame did the work twice and the page
            // had two of each test id (review).
            <Show when=move || !presenting.is_some_and(|l| l.presenter.get())>
                {crate::later!(selection_part)}
            </Show>
        </section>
    }
}

/// The selected task's, instance's or waiting service's details with their close button, or
/// nothing: the explain panel's content, also shown beside the cluster in presenter mode, where
/// the log pane is hidden (a chip clicked on the projector showed nothing: walkthrough).
#[component]
pub fn SelectionDetails() -> impl IntoView {
    let pg = expect_context::<Playground>();
    move || match pg.selection.get() {
        Selection::None => ().into_any(),
        Selection::Task(t) => view! { <Close /><task::TaskDetails index=t /> }.into_any(),
        Selection::Instance(i) => {
            view! { <Close /><instance::InstanceDetails index=i /> }.into_any()
        }
        Selection::Unplaced(s) => {
            view! { <Close /><unplaced::UnplacedDetails service=s /> }.into_any()
        }
    }
}

#[component]
fn Close() -> impl IntoView {
    let pg = expect_context::<Playground>();
    view! {
        <button type="button" class="close" data-testid="explain-close" title="Clear the selection (Escape)"
            aria-label="Clear the selection" on:click=move |_| pg.selection.set(Selection::None)>"×"</button>
    }
}

/// A `term: value` row of a details list.
#[component]
fn Row(term: &'static str, #[prop(into)] value: Signal<String>) -> impl IntoView {
    view! { <dt>{term}</dt><dd>{move || value.get()}</dd> }
}

crate::part! {
    /// The selection's details, loaded after the opening page ([`crate::later`]).
    fn selection_part() {
        view! { <SelectionDetails /> }.into_any()
    }
}
