//! The queue of tasks waiting for placement, each with its short reason; click one to see the
//! verdict of every instance in the explain panel.

use super::TaskChip;
use crate::state::Playground;
use ecs_sim::view::{find_task, ClusterLayout};
use leptos::prelude::*;

/// At most this many waiting tasks are listed (the count says how many there are).
const SHOWN: usize = 40;

/// "Waiting for placement (n)", above the zone lanes; absent when nothing waits.
#[component]
pub fn WaitingQueue(layout: Memo<Option<ClusterLayout>>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let waiting = Memo::new(move |_| {
        layout.with(|l| l.as_ref().map(|l| l.waiting.clone()).unwrap_or_default())
    });
    let shown = move || waiting.with(|w| w.iter().take(SHOWN).copied().collect::<Vec<_>>());
    let more = move || waiting.with(|w| w.len().saturating_sub(SHOWN));
    view! {
        <Show when=move || waiting.with(|w| !w.is_empty())>
            <section class="waiting" data-testid="waiting-queue" aria-label="Waiting for placement">
                <h2>"Waiting for placement "<span class="count">"("{move || waiting.with(Vec::len)}")"</span></h2>
                <ul>
                    <For each=shown key=|t| *t children=move |t| {
                        let reason = Memo::new(move |_| pg.snapshot.with(|s| {
                            s.as_ref().and_then(|s| find_task(s, t)).and_then(|t| t.waiting_reason.clone()).unwrap_or_default()
                        }));
                        view! {
                            <li><TaskChip index=t /><span class="reason">{move || reason.get()}</span></li>
                        }
                    } />
                </ul>
                {move || (more() > 0).then(|| view! { <p class="more">{format!("and {} more", more())}</p> })}
            </section>
        </Show>
    }
}
