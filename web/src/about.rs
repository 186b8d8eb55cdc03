//! The running scenario's description — what it demonstrates and what happens when — in a strip
//! under the top bar, so a first-time visitor (or a room) knows what to watch for. It can be
//! hidden; it comes back when another scenario with another description runs. Once the
//! scenario has run (Play or "Run to"), it folds to one line, leaving the cluster the room; "More"
//! still shows it whole, until the next Play or "Run to".

use crate::state::Playground;
use ecs_sim::scenario::heading::Heading;
use leptos::prelude::*;

/// The strip for the running scenario's `heading` (read once by the app, which shows its name in
/// the top bar too); absent when the scenario has no description or the user hid this one.
#[component]
pub fn ScenarioAbout(heading: Memo<Heading>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let text = Memo::new(move |_| heading.with(|h| h.description.clone().unwrap_or_default()));
    // The strip starts with the scenario's name: at 1280 px the top bar cuts it to a few
    // letters, and the room should see which scenario runs (projector walkthrough, 2026-12-04).
    let name = move || heading.with(|h| h.name.clone().unwrap_or_default());
    let hidden = RwSignal::new(String::new());
    // Long descriptions show two lines until "More" (CSS line clamp), to leave the cluster room.
    let full = RwSignal::new(false);
    let shown = move || text.with(|t| !t.is_empty() && *t != hidden.get());
    // The description that has been run: one line from then on (a new description shows whole).
    // Play and "Run to" fold a description opened with "More" too: read before the run, it
    // gives the cluster its room back (at 1280×720 the whole *Zone outage* text pushed the new
    // instance's chips out of view, walkthrough 2026-12-04).
    let ran = RwSignal::new(String::new());
    // Only the moment a run starts folds it: "Run to" updates `run` after every chunk of work,
    // so "More" opened during a long Run to stays open.
    Effect::new(move |was_running: Option<bool>| {
        let running = pg.playing.get() || pg.run.with(Option::is_some);
        if running {
            let t = text.get_untracked();
            if ran.get_untracked() != t {
                ran.set(t);
            }
            if was_running != Some(true) && full.get_untracked() {
                full.set(false);
            }
        }
        running
    });
    let folded = move || text.with(|t| *t == ran.get());
    // The scenario the description was first shown with: after a form or editor change the
    // description may no longer hold (the default's "rebalances at 0:03:57" stayed after
    // maximumPercent 100 turned rebalancing off, engineer walkthrough, 2026-12-05). A new
    // description (another example, or the user's own) starts afresh.
    let shown_with = StoredValue::new((String::new(), String::new()));
    let edited = Memo::new(move |_| {
        let description = text.get();
        let running = pg.running_text.get();
        let (d, t) = shown_with.get_value();
        if d != description {
            shown_with.set_value((description, running));
            false
        } else {
            t != running
        }
    });
    view! {
        <Show when=shown>
            <div class="about" data-testid="scenario-about" role="note" aria-label="What this scenario shows"
                data-folded=move || folded().to_string()>
                <p id="scenario-about-text" class:clamped=move || !full.get() class:one-line=move || !full.get() && folded()>
                    {move || (!name().is_empty()).then(|| view! { <strong class="about-name" data-testid="scenario-about-name">{name()}</strong>": " })}
                    // First, where the clamped strip still shows it.
                    {move || edited.get().then(|| view! {
                        <em class="about-edited" data-testid="scenario-about-edited">"Changed since it was loaded, so some of this may no longer happen: "</em>
                    })}
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
