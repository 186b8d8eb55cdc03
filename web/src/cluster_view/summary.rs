//! One card per service: its colour, task definition and the desired / running / pending /
//! waiting counts ECS reports.

use crate::state::Playground;
use ecs_sim::sim::view::service_colour;
use leptos::prelude::*;

/// The strip of service cards at the top of the cluster pane.
#[component]
pub fn ServiceSummaries() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let names = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.services
                        .iter()
                        .map(|v| v.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="services" role="list" aria-label="Services">
            <For each=move || names.get() key=|n| n.clone()
                children=move |name| view! { <ServiceCard name=name /> } />
        </div>
    }
}

#[component]
fn ServiceCard(name: String) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let key = name.clone();
    let svc = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            let s = s.as_ref()?;
            let v = s.services.iter().find(|v| v.name == key)?;
            let colour = service_colour(s, Some(&v.name)).unwrap_or(0) % 8;
            Some((
                colour,
                v.task_definition.clone(),
                v.desired_count,
                v.running_count,
                v.pending_count,
                v.waiting_count,
                v.launch.clone(),
            ))
        })
    });
    let get = move |f: fn(&(usize, String, u32, u32, u32, u32, String)) -> String| {
        move || svc.with(|v| v.as_ref().map(f).unwrap_or_default())
    };
    let waiting = move || svc.with(|v| v.as_ref().is_some_and(|v| v.5 > 0));
    let data_service = name.clone();
    view! {
        <div class="service-card" role="listitem" data-testid="service-summary" data-service=data_service
            title=get(|v| v.6.clone())>
            <span class=move || format!("swatch c{}", svc.with(|v| v.as_ref().map_or(0, |v| v.0)))
                aria-hidden="true"></span>
            <span class="svc-name">{name}</span>
            <span class="svc-td">{get(|v| v.1.clone())}</span>
            <span class="counts">
                <span title="desiredCount">"desired "<b>{get(|v| v.2.to_string())}</b></span>
                <span title="runningCount">"running "<b>{get(|v| v.3.to_string())}</b></span>
                <span title="pendingCount: placed, not yet RUNNING">"pending "<b>{get(|v| v.4.to_string())}</b></span>
                <span class:warn=waiting title="Tasks waiting for capacity">"waiting "<b>{get(|v| v.5.to_string())}</b></span>
            </span>
        </div>
    }
}
