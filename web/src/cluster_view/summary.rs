//! One card per service: its colour, task definition and the desired / running / pending
//! counts DescribeServices reports (the sums of its deployments'), and, labelled as the
//! simulator's own, how many tasks it could not place.

use crate::state::Playground;
use ecs_sim::view::service_colour;
use leptos::prelude::*;

/// The strip of service cards at the top of the cluster pane.
#[component]
pub fn ServiceSummaries() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let names = pg.service_names();
    view! {
        <div class="services" role="list" aria-label="Services">
            <For each=move || names.get() key=|n| n.clone()
                children=move |name| view! { <ServiceCard name=name /> } />
        </div>
    }
}

/// What a service card shows; compared each tick so unchanged cards are left alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Card {
    colour: usize,
    task_definition: String,
    desired: u32,
    running: u32,
    pending: u32,
    unplaced: u32,
    launch: String,
}

#[component]
fn ServiceCard(name: String) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let key = name.clone();
    let card = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            let s = s.as_ref()?;
            let v = s.services.iter().find(|v| v.name == key)?;
            Some(Card {
                colour: service_colour(s, Some(&v.name)).unwrap_or(0) % 8,
                task_definition: v.task_definition.clone(),
                desired: v.desired_count,
                running: v.running_count,
                pending: v.pending_count,
                unplaced: v.unplaced_count,
                launch: ecs_sim::view::labels::launch_tooltip(v),
            })
        })
    });
    let get =
        move |f: fn(&Card) -> String| move || card.with(|c| c.as_ref().map(f).unwrap_or_default());
    let unplaced = move || card.with(|c| c.as_ref().is_some_and(|c| c.unplaced > 0));
    let data_service = name.clone();
    // Clicking a card selects its service in every panel (deployments, metrics, log, editor).
    let (pick, mine) = (name.clone(), name.clone());
    let names = pg.service_names();
    let selected = move || names.with(|n| n.get(pg.service.get()) == Some(&mine));
    view! {
        <div class="service-card" role="listitem" data-testid="service-summary" data-service=data_service
            class:selected=selected on:click=move |_| { pg.select_service_named(&pick); }
            title=get(|c| c.launch.clone())>
            <span class=move || format!("swatch c{}", card.with(|c| c.as_ref().map_or(0, |c| c.colour)))
                aria-hidden="true"></span>
            <span class="svc-name">{name}</span>
            <span class="svc-td" title="Task definition the service runs">{get(|c| c.task_definition.clone())}</span>
            <span class="counts">
                <span title="desiredCount">"desired "<b>{get(|c| c.desired.to_string())}</b></span>
                <span title="runningCount">"running "<b>{get(|c| c.running.to_string())}</b></span>
                <span title="pendingCount: tasks in PROVISIONING, PENDING or ACTIVATING (the simulator counts all three)">"pending "<b>{get(|c| c.pending.to_string())}</b></span>
                <Show when=unplaced>
                    <span class="warn" data-testid="unplaced-count"
                        title="The simulator's own count: tasks the scheduler could not place anywhere. ECS creates no task for them and reports only the event \"unable to place a task\".">
                        "not placed "<b>{get(|c| c.unplaced.to_string())}</b>"*"</span>
                </Show>
            </span>
        </div>
    }
}
