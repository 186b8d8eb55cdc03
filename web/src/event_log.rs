//! The event log pane (placeholder).

use crate::state::Playground;
use ecs_sim::sim::log::clock;
use leptos::prelude::*;

/// The event log.
#[component]
pub fn EventLog() -> impl IntoView {
    let pg = expect_context::<Playground>();
    view! {
        <ol class="log">
            {move || pg.log.get().into_iter().rev().take(200).map(|e| view! {
                <li><time>{clock(e.at)}</time>" "{e.text}</li>
            }).collect_view()}
        </ol>
    }
}
