//! A service's tasks that could not be placed: every instance's verdict for one more task of
//! it, and ECS's closing sentence. No task exists for them (ECS creates none with a launch
//! type); the count is the simulator's own.

use super::verdicts::{Lead, Verdicts};
use crate::state::Playground;
use ecs_sim::view::explain_unplaced;
use leptos::prelude::*;

/// Why service `service` (index) could not place its tasks.
#[component]
pub fn UnplacedDetails(service: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let summary = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            let v = s.as_ref()?.services.get(service)?;
            Some((v.name.clone(), v.unplaced_count, v.unplaced_reason.clone()))
        })
    });
    let why = Memo::new(move |_| {
        pg.snapshot.track();
        pg.sim
            .with_value(|s| s.as_ref().and_then(|s| explain_unplaced(s, service)))
    });
    view! {
        {move || match summary.get() {
            Some((name, n, reason)) if n > 0 => view! {
                <h2>{format!("Why can't {name} place {n} more task{}?", if n == 1 { "" } else { "s" })}</h2>
                <p class="waiting-reason">{reason.unwrap_or_default()}</p>
                <p class="note">"ECS creates no task for them (this count is the simulator's own): the service scheduler reports the event below and tries again when capacity changes."</p>
                {why.get().map(|w| view! {
                    <p class="lead">"Every container instance of the cluster, and the filter that rejected one more task:"</p>
                    <Verdicts rows=w.rows lead=Lead::Instance />
                    <blockquote class="ecs-says" data-testid="ecs-closing">{w.closing}</blockquote>
                })}
            }.into_any(),
            _ => view! { <p class="hint">"Every task of this service is placed now."</p> }.into_any(),
        }}
    }
}
