//! A brief, hint or explanation on the page: paragraphs of text, code and links built as
//! elements from `ecs_sim::challenge::brief`'s spans (text nodes only — a challenge's text is
//! never HTML). Links open AWS documentation in a new tab.

use ecs_sim::challenge::brief::{parse, Span};
use leptos::prelude::*;

/// The markup of `text` as paragraphs.
pub fn markup(text: &str) -> impl IntoView {
    parse(text)
        .into_iter()
        .map(|p| {
            view! {
                <p>{p.into_iter().map(|s| match s {
                    Span::Text(t) => view! { <span>{t}</span> }.into_any(),
                    Span::Code(c) => view! { <code>{c}</code> }.into_any(),
                    Span::Link(t, href) => view! {
                        <a href=href target="_blank" rel="noopener noreferrer">{t}</a>
                    }.into_any(),
                }).collect_view()}</p>
            }
        })
        .collect_view()
}
