//! The deployment view of one service: its deployments as cards side by side (the new revision
//! beside the old), the blue/green traffic split, the circuit breaker's count, and the "update
//! service" form. Everything drawn comes from `ecs_sim::view::deployments`, projected once
//! per snapshot.

mod card;
mod traffic;
mod update_form;

use crate::state::Playground;
use ecs_sim::view::deployments::{deployments_view, DeploymentsView};
use leptos::prelude::*;

/// The panel, collapsible, above the cluster.
#[component]
pub fn DeploymentView() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let names = pg.service_names();
    // The page's selected service: a chip, a log line or another panel's picker changes it.
    let service = pg.service;
    // Projected only while the Deployments tab can be seen (the panel stays mounted for the
    // form's typed text): hidden, it cost every redraw at max speed for nothing.
    let layout = use_context::<crate::layout::Layout>();
    let seen =
        Memo::new(move |_| layout.is_none_or(|l| l.shows(crate::layout::DockTab::Deployments)));
    let view_data: Memo<Option<DeploymentsView>> = Memo::new(move |previous| {
        if !seen.get() {
            return previous.cloned().flatten();
        }
        pg.snapshot.track();
        let s = service.get();
        pg.sim
            .with_value(|sim| sim.as_ref().and_then(|sim| deployments_view(sim, s)))
    });
    let service_name =
        Memo::new(move |_| names.with(|n| n.get(service.get()).cloned().unwrap_or_default()));
    view! {
        <details class="deployments" data-testid="deployments" open>
            <summary>
                <h2>"Deployments"</h2>
                <select data-testid="deployments-service" aria-label="Service"
                    on:click=|ev| ev.stop_propagation()
                    on:change=move |ev| pg.select_service(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || names.get().into_iter().enumerate().map(|(i, n)| view! {
                        <option value=i.to_string() prop:selected=move || service.get() == i>{n}</option>
                    }).collect_view()}
                </select>
                <span class="muted settings" data-testid="deployment-settings">
                    {move || view_data.with(|v| v.as_ref().map(|v| v.settings.clone()))}
                </span>
            </summary>
            {move || view_data.with(|v| v.as_ref().and_then(|v| v.traffic.clone())).map(|t| view! {
                <traffic::TrafficBar split=t />
            })}
            <div class="deployment-cards">
                {move || view_data.with(|v| v.as_ref().map(|v| v.cards.clone()).unwrap_or_default())
                    .into_iter()
                    .map(|c| view! { <card::Card card=c /> })
                    .collect_view()}
            </div>
            {move || {
                let older = view_data.with(|v| v.as_ref().map_or(0, |v| v.older));
                (older > 0).then(|| view! {
                    <p class="muted older">{format!("+{older} older deployments (ecs-sim run … --json lists them all)")}</p>
                })
            }}
            <update_form::UpdateServiceForm service=service service_name=service_name />
        </details>
    }
}
