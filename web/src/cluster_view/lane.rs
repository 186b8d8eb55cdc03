//! One Availability Zone: its name (marked when in an outage), its container instances, and
//! its Fargate / Fargate Spot tasks.

use super::instance::InstanceBox;
use super::TaskChip;
use ecs_sim::view::{ClusterLayout, Lane};
use leptos::prelude::*;

/// A zone lane.
#[component]
pub fn ZoneLane(
    zone: String,
    layout: Memo<Option<ClusterLayout>>,
    hidden: Memo<ecs_sim::view::overview::Hidden>,
) -> impl IntoView {
    let key = zone.clone();
    let more_key = zone.clone();
    let more = Memo::new(move |_| hidden.with(|h| h.get(&more_key).copied().unwrap_or_default()));
    let lane: Memo<Option<Lane>> =
        Memo::new(move |_| layout.with(|l| l.as_ref().and_then(|l| l.lane(&key).cloned())));
    let down = move || lane.with(|l| l.as_ref().is_some_and(|l| l.down));
    let instances =
        move || lane.with(|l| l.as_ref().map(|l| l.instances.clone()).unwrap_or_default());
    let fargate = move || lane.with(|l| l.as_ref().map(|l| l.fargate.clone()).unwrap_or_default());
    view! {
        <section class="zone-lane" class:down=down data-testid="zone-lane" data-zone=zone.clone()
            aria-label=format!("Availability Zone {zone}")>
            <h2 class="zone-name">{zone.clone()}
                {move || down().then(|| view! { <span class="outage">"OUTAGE"</span> })}
            </h2>
            <For each=instances key=|i| *i
                children=move |i| view! { <InstanceBox index=i layout=layout /> } />
            {move || (more.get().0 > 0).then(|| view! {
                <p class="lane-more" data-testid="lane-more-instances">
                    {format!("and {} more instances (the lane draws the first {})", more.get().0, ecs_sim::view::overview::INSTANCES_SHOWN)}
                </p>
            })}
            <Show when=move || !fargate().is_empty()>
                <div class="fargate" data-testid="fargate-group">
                    <h3>"Fargate"</h3>
                    <div class="chips">
                        <For each=fargate key=|t| *t children=move |t| view! { <TaskChip index=t /> } />
                    </div>
                    {move || (more.get().1 > 0).then(|| view! {
                        <p class="lane-more" data-testid="lane-more-tasks">
                            {format!("and {} more tasks (the lane draws the first {}; the tallies count them all)", more.get().1, ecs_sim::view::overview::FARGATE_SHOWN)}
                        </p>
                    })}
                </div>
            </Show>
        </section>
    }
}
