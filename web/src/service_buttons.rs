//! The "Spot interruption" and "Traffic spike" buttons beside the failure buttons. Which
//! action they send, or why they are disabled, is decided in `ecs-sim`
//! (`sim::view::buttons`); they go through `Sim::apply` like the timeline does.

use crate::state::{Playground, Selection};
use ecs_sim::scenario::document::TimelineAction;
use ecs_sim::view::buttons::{acting_service, spot_interruption_action, traffic_spike_action};
use leptos::prelude::*;

/// Both buttons; each is disabled, with the reason as its tooltip, when it cannot act.
#[component]
pub fn ServiceButtons() -> impl IntoView {
    let pg = expect_context::<Playground>();
    // What each button would do now; recomputed when the engine's picture changes.
    let plan =
        move |which: fn(&ecs_sim::Sim, Option<usize>, usize) -> Result<TimelineAction, String>| {
            pg.snapshot.track();
            let task = match pg.selection.get() {
                Selection::Task(t) => Some(t),
                _ => None,
            };
            let fallback = pg.service.get();
            pg.sim.with_value(|s| match s {
                Some(sim) => which(sim, task, acting_service(sim, task, fallback)),
                None => Err("No scenario is running.".to_string()),
            })
        };
    let spot = Memo::new(move |_| plan(spot_interruption_action));
    let spike = Memo::new(move |_| plan(|sim, _, s| traffic_spike_action(sim, s)));
    let fire = move |action: Memo<Result<TimelineAction, String>>| {
        if let Ok(a) = action.get_untracked() {
            pg.live(|_| Ok(a));
        }
    };
    let title = |action: Memo<Result<TimelineAction, String>>, ok: &'static str| {
        move || match action.get() {
            Ok(_) => ok.to_string(),
            Err(why) => why,
        }
    };
    view! {
        <button data-testid="spot-interruption" disabled=move || spot.with(Result::is_err)
            title=title(spot, "Fargate Spot interruption of the selected FARGATE_SPOT task (or the service's first): SIGTERM now, SIGKILL after stopTimeout")
            on:click=move |_| fire(spot)>"Spot interruption"</button>
        <button data-testid="traffic-spike" disabled=move || spike.with(Result::is_err)
            title=title(spike, "The service's request rate ×3 for 5 minutes")
            on:click=move |_| fire(spike)>"Traffic spike"</button>
    }
}
