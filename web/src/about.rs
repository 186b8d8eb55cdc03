//! The running scenario's description — what it demonstrates and what happens when — in a strip
//! under the top bar, so a first-time visitor (or a room) knows what to watch for. It can be
//! hidden; it comes back when another scenario with another description runs. Once the
//! scenario has run (Play or "Run to"), it folds to one line, leaving the cluster the room; "More"
//! still shows it whole.

use crate::state::Playground;
use leptos::prelude::*;

/// The scenario's `name` and `description` ("" for one it lacks).
fn name_and_description(text: &str) -> (String, String) {
    let doc = serde_json::from_str::<serde_json::Value>(text).ok();
    let field = |key: &str| {
        doc.as_ref()
            .and_then(|v| v.get(key).and_then(|d| d.as_str()).map(str::to_string))
            .unwrap_or_default()
    };
    (field("name"), field("description"))
}

/// The strip; absent when the scenario has no description or the user hid this one.
#[component]
pub fn ScenarioAbout() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let about = Memo::new(move |_| pg.running_text.with(|t| name_and_description(t)));
    let text = Memo::new(move |_| about.with(|(_, d)| d.clone()));
    // The strip starts with the scenario's name: at 1280 px the top bar cuts it to a few
    // letters, and the room should see which scenario runs (projector walkthrough, 2026-12-04).
    let name = move || about.with(|(n, _)| n.clone());
    let hidden = RwSignal::new(String::new());
    // Long descriptions show two lines until "More" (CSS line clamp), to leave the cluster room.
    let full = RwSignal::new(false);
    let shown = move || text.with(|t| !t.is_empty() && *t != hidden.get());
    // The description that has been run: one line from then on (a new description shows whole).
    let ran = RwSignal::new(String::new());
    Effect::new(move |_| {
        if pg.playing.get() || pg.run.with(Option::is_some) {
            let t = text.get_untracked();
            if ran.get_untracked() != t {
                ran.set(t);
            }
        }
    });
    let folded = move || text.with(|t| *t == ran.get());
    view! {
        <Show when=shown>
            <div class="about" data-testid="scenario-about" role="note" aria-label="What this scenario shows"
                data-folded=move || folded().to_string()>
                <p id="scenario-about-text" class:clamped=move || !full.get() class:one-line=move || !full.get() && folded()>
                    {move || (!name().is_empty()).then(|| view! { <strong class="about-name" data-testid="scenario-about-name">{name()}</strong>": " })}
                    {move || text.get()}
                </p>
                <button type="button" class="more" data-testid="scenario-about-more"
                    aria-expanded=move || full.get().to_string() aria-controls="scenario-about-text"
                    on:click=move |_| full.update(|f| *f = !*f)>
                    {move || if full.get() { "Less" } else { "More" }}
                </button>
                <button type="button" class="dismiss" data-testid="scenario-about-hide"
                    aria-label="Hide the scenario description"
                    on:click=move |_| hidden.set(text.get_untracked())>"×"</button>
            </div>
        </Show>
    }
}
