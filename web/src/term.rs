//! A word from ECS's vocabulary (`RUNNING`, `DRAINING`, `FARGATE_SPOT`, `binpack` …) that
//! explains itself: hover it or focus it with the keyboard and a tooltip gives its one-line
//! meaning and a link to the Developer Guide page it comes from. The entries are data in
//! `ecs_sim::view::glossary`; a word the glossary lacks is drawn as plain text.

use ecs_sim::view::glossary;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;

/// Tooltip ids, unique on the page (aria-describedby needs one).
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A glossary word with its tooltip. `text` is what is shown when it differs from the word
/// (e.g. `strategy` for `capacityProviderStrategy`).
#[component]
pub fn Term(
    #[prop(into)] word: Signal<String>,
    #[prop(optional, into)] text: Option<Signal<String>>,
) -> impl IntoView {
    let id = format!("term-tip-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let entry = Memo::new(move |_| word.with(|w| glossary::lookup(w).copied()));
    let has = move || entry.with(Option::is_some);
    let shown = move || match text {
        Some(t) => t.get(),
        None => word.get(),
    };
    let described = id.clone();
    // Escape hides the tooltip without moving the pointer (WCAG 1.4.13): blur the word.
    let dismiss = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.blur();
            }
        }
    };
    view! {
        <span class="term" class:has-tip=has data-testid="term" data-term=move || word.get()
            tabindex=move || has().then_some("0")
            aria-describedby=move || has().then(|| described.clone())
            on:keydown=dismiss>
            {shown}
            <Show when=has>
                <span class="term-tip" role="tooltip" id=id.clone()>
                    {move || entry.with(|e| e.map(|e| e.line).unwrap_or_default())}" "
                    <a href=move || entry.with(|e| e.map(|e| e.url).unwrap_or_default())
                        target="_blank" rel="noopener noreferrer" data-testid="term-link">"Developer Guide"</a>
                </span>
            </Show>
        </span>
    }
}
