//! The Examples menu: loads a built-in scenario (`ecs_sim::scenario::examples`); its description
//! appears under the top bar.

use crate::state::Playground;
use ecs_sim::scenario::examples::{example, EXAMPLES};
use leptos::prelude::*;

/// A select listing the example scenarios.
#[component]
pub fn ExamplesMenu() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let menu = NodeRef::<leptos::html::Select>::new();
    let load = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        // Back to "Examples…", so choosing the same example again reloads it.
        if let Some(select) = menu.get() {
            select.set_value("");
        }
        let Some(example) = example(&id) else {
            return;
        };
        pg.playing.set(false);
        pg.edit(example.json.to_string());
        // What the example shows is in the description strip under the top bar (`about.rs`);
        // a notice about the previous scenario no longer applies.
        pg.notice.set(None);
    };
    view! {
        <select class="examples" data-testid="examples" aria-label="Load an example scenario" node_ref=menu on:change=load>
            <option value="" selected>"Examples…"</option>
            {EXAMPLES.iter().map(|e| view! { <option value=e.id>{e.title()}</option> }).collect_view()}
        </select>
    }
}
