//! The dock's Cost tab: what the run costs now and so far (total, per service, per capacity
//! provider, per cluster, idle EC2 capacity, cost per 1,000 requests), the cost-per-hour chart
//! with the usual markers, and the "Same workload elsewhere" card ([`compare`]). Every figure
//! is projected in `ecs-sim` (`view::cost`, `compare::card`); this file lays them out.

mod compare;

use crate::layout::{DockTab, Layout};
use crate::metrics::chart::Chart;
use crate::state::Playground;
use ecs_sim::view::charts::ChartView;
use ecs_sim::view::cost::{cost_chart, cost_panel, CostPanel, CostRow};
use leptos::prelude::*;

/// The panel.
#[component]
pub fn CostPanelView() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let layout = expect_context::<Layout>();
    // The panel stays mounted (a comparison keeps its result) but projects nothing unseen.
    let seen = Memo::new(move |_| layout.shows(DockTab::Cost));
    // Projected a few times a second (on the slow redraw), like the charts.
    let panel: Memo<Option<CostPanel>> = Memo::new(move |_| {
        if !seen.get() {
            return None;
        }
        pg.slow_redraw.track();
        pg.sim.with_value(|s| s.as_ref().map(cost_panel))
    });
    let chart: Memo<Option<ChartView>> = Memo::new(move |_| {
        if !seen.get() {
            return None;
        }
        pg.slow_redraw.track();
        let inputs = crate::metrics::chart_inputs(&pg);
        pg.sim
            .with_value(|s| s.as_ref().map(|sim| cost_chart(sim, &inputs)))
    });
    let now = Memo::new(move |_| {
        pg.slow_redraw.track();
        pg.clock_ms()
    });
    view! {
        <section class="cost" data-testid="cost" aria-label="Cost">
            {move || panel.get().map(|p| view! {
                <div class="cost-top">
                    <div class="cost-headline" data-testid="cost-total"
                        data-total-nano=p.total.total_nano_usd.to_string()
                        data-per-hour-nano=p.total.per_hour_nano_usd.to_string()>
                        <span class="cost-big" data-testid="cost-per-hour">{p.total.per_hour.clone()}</span>
                        <span class="cost-label">"now"</span>
                        <span class="cost-big" data-testid="cost-so-far">{p.total.total.clone()}</span>
                        <span class="cost-label">"so far"</span>
                    </div>
                    <p class="cost-prices" data-testid="cost-prices">{p.prices.clone()}</p>
                </div>
            })}
            <div class="cost-lower">
                <div class="cost-chart" data-testid="cost-chart">
                    <Chart view=chart now=now />
                </div>
                <compare::CompareCard />
            </div>
            {move || panel.get().map(|p| view! {
                <div class="cost-grid">
                    {table("Parts", "cost-parts", p.parts.clone())}
                    {table("Per service", "cost-services", p.services.clone())}
                    {table("Per capacity provider", "cost-providers", p.providers.clone())}
                    {table("Per cluster", "cost-clusters", p.clusters.clone())}
                    {p.idle.clone().map(|mut idle| {
                        idle.name = "CPU + memory".to_string();
                        let mut rows = vec![idle];
                        rows.extend(p.idle_parts.clone());
                        table("Idle EC2 capacity", "cost-idle", rows)
                    })}
                </div>
                <p class="cost-note">"Fargate Spot: "{p.spot_note}". Not priced: "{p.not_modelled.join("; ")}"."</p>
            })}
        </section>
    }
}

/// One titled table of rows: name, so far, per hour, and a note (cost per 1,000 requests).
fn table(title: &'static str, testid: &'static str, rows: Vec<CostRow>) -> impl IntoView {
    view! {
        <table class="cost-table" data-testid=testid>
            <caption>{title}</caption>
            <thead><tr><th scope="col">"Name"</th><th scope="col">"So far"</th><th scope="col">"Now"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| { let name = r.name.clone(); view! {
                    <tr data-testid="cost-row" data-name=name
                        data-total-nano=r.total_nano_usd.to_string()>
                        <th scope="row">{r.name}
                            {r.note.map(|n| view! { <span class="cost-row-note" data-testid="cost-per-1000">{n}</span> })}
                        </th>
                        <td>{r.total}</td>
                        <td>{r.per_hour}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}
