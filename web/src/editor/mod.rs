//! The editor pane (placeholder: a plain text area over the whole scenario).

use crate::state::Playground;
use leptos::prelude::*;

/// The scenario editor.
#[component]
pub fn Editor() -> impl IntoView {
    let pg = expect_context::<Playground>();
    view! {
        <textarea class="json" spellcheck="false" prop:value=move || pg.text.get()
            on:input=move |ev| pg.edit(event_target_value(&ev))></textarea>
        <ul class="problems">
            {move || pg.problems.get().into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
        </ul>
    }
}
