//! The metrics panel: small line charts of the selected service's one-minute metrics and of
//! each capacity provider's, projected in `ecs-sim` (`sim::view::charts`) on each slow redraw
//! (a few times a second while playing). Every chart reads its own memo, so a chart whose data
//! did not change is not redrawn; only the time cursor moves with the clock.

pub(crate) mod chart;

use crate::state::Playground;
use ecs_sim::metrics::Dimension;
use ecs_sim::metrics::MetricName;
use ecs_sim::view::charts::{
    action_markers, capacity_provider_charts, service_charts, services_chart, ChartInputs,
    ChartView,
};
use ecs_sim::view::gradual::charts_filled_gradually;
use ecs_sim::view::not_recorded::{absent, stays_empty};
use ecs_sim::view::overlays::{chart_overlays, provider_target};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Charts filled per animation frame while the page redraws fast (see `MetricsPanel`): each
/// costs about 2 ms of script at the limits.
const NEW_CHARTS_PER_FRAME: usize = 3;

/// Action markers per chart: more would cover the lines.
const MAX_ACTION_MARKERS: usize = 8;

/// The page's chart overlays plus what was done when (stop task, terminate, AZ outage …) as
/// markers, from the log lines the page keeps (each chart draws a few words of a line). The log is
/// read untracked: every copy of it is followed by a slow redraw, which the charts track, and
/// tracking the log too projected every chart twice per copy — once in the play loop's log
/// frame, which then took 16–18 ms at 2,000 tasks (frame benchmark, 2026-12-03).
pub(crate) fn chart_inputs(pg: &Playground) -> ChartInputs {
    let mut inputs = pg.chart_overlays.get();
    let actions = pg
        .log
        .with_untracked(|l| action_markers(l, MAX_ACTION_MARKERS));
    inputs.markers.extend(actions);
    // An open lesson's cost goal draws its bound on the cost chart (lesson 4's failed $0.15
    // goal had no line there: instructor walkthrough).
    // Over the goal's window only (lesson 12's line ran over the whole axis).
    let lessons = use_context::<crate::lesson::Lessons>();
    let cost_line = lessons.and_then(|l| {
        l.open.with(|o| {
            o.as_ref()
                .and_then(|o| ecs_sim::challenge::chart::cost_goal_line(&o.challenge.doc.goals))
        })
    });
    inputs.cost_window = cost_line.as_ref().map(|(_, _, window)| *window);
    inputs.cost_target = cost_line.map(|(value, name, _)| (value, name));
    // The time axis runs to an open lesson's horizon, where its goals end.
    inputs.until = lessons.map_or(0, |l| {
        l.open
            .with(|o| o.as_ref().map_or(0, |o| o.challenge.horizon_ms))
    });
    inputs
}

/// Every chart the panel shows for one snapshot, in order (presenter mode shows one of them),
/// and with `with_cost` the Cost tab's cost per hour last (presenter mode offers it too), from
/// the same read of the log's markers.
pub(crate) fn project_all(pg: &Playground, service: usize, with_cost: bool) -> Vec<ChartView> {
    pg.slow_redraw.track();
    let Some(now) = pg.snapshot.with_untracked(|s| s.as_ref().map(|s| s.now_ms)) else {
        return Vec::new();
    };
    let mut inputs = chart_inputs(pg);
    inputs.now = now;
    pg.sim.with_value(|s| {
        let Some(sim) = s else { return Vec::new() };
        // The cost chart adds every service's engine markers itself.
        let cost_inputs = with_cost.then(|| inputs.clone());
        // The engine's own story: target lines, scaling, deployments, Spot interruptions.
        let engine = chart_overlays(sim, service);
        for (metric, value) in engine.targets {
            inputs.targets.entry(metric).or_insert(value);
        }
        inputs.target_names.extend(engine.target_names);
        // An open lesson's metric goal on this service draws its bound where no policy line
        // is (lesson 12's response time goal had none: instructor walkthrough).
        let lines = match (
            use_context::<crate::lesson::Lessons>(),
            sim.model.services.get(service),
        ) {
            (Some(l), Some(svc)) => l.open.with(|o| {
                o.as_ref().map_or_else(Vec::new, |o| {
                    ecs_sim::challenge::chart::goal_lines(&o.challenge.doc.goals, &svc.name)
                })
            }),
            _ => Vec::new(),
        };
        // Each goal's line over its window only: lesson 12's ran over the whole axis while
        // only 0:15–0:30 is graded (instructor walkthrough, 2026-12-07).
        for (metric, value, label, window) in lines {
            if let std::collections::btree_map::Entry::Vacant(line) = inputs.targets.entry(metric) {
                line.insert(value);
                inputs.target_names.insert(metric, label);
                inputs.target_windows.insert(metric, window);
            }
        }
        inputs.markers.extend(engine.markers);
        ecs_sim::order::sort_by_key(&mut inputs.markers, |(at, _)| *at);
        let mut charts = service_charts(sim, service, &inputs);
        // With two services or more, one chart compares them; a click on a line selects one.
        if sim.model.services.len() > 1 {
            charts.push(services_chart(sim, &inputs));
        }
        // Providers of the scenario's Auto Scaling groups, and any other one with a series.
        let mut providers: BTreeSet<String> =
            sim.model.asgs.iter().map(|a| a.provider.clone()).collect();
        for (key, _) in sim.metrics.iter() {
            if let Dimension::CapacityProvider(name) = &key.dimension {
                providers.insert(name.clone());
            }
        }
        for p in &providers {
            // Each provider's reservation chart gets its own targetCapacity.
            let mut own = inputs.clone();
            match provider_target(sim, p) {
                Some(t) => own
                    .targets
                    .insert(MetricName::CapacityProviderReservation, t),
                None => own.targets.remove(&MetricName::CapacityProviderReservation),
            };
            charts.extend(capacity_provider_charts(sim, p, &own));
        }
        if let Some(cost_inputs) = cost_inputs {
            charts.push(ecs_sim::view::cost::cost_chart(sim, &cost_inputs));
        }
        charts
    })
}

/// The panel: a service picker, then one chart per metric.
#[component]
pub fn MetricsPanel() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let names = pg.service_names();
    let service = pg.service;
    let projected: Memo<Vec<ChartView>> =
        Memo::new(move |_| project_all(&pg, service.get(), false));
    // Playing at max speed (or running to a time), charts that get their first datapoints
    // together are filled NEW_CHARTS_PER_FRAME per frame, the others showing "no data yet" a
    // frame or two longer: at the limits the first minute fills a dozen at once, one frame of
    // 42-61 ms (issue #10). Otherwise all at once.
    let more = RwSignal::new(0u64);
    let filled: Memo<(Vec<ChartView>, bool)> =
        Memo::new(move |before: Option<&(Vec<ChartView>, bool)>| {
            more.track();
            let budget = if untrack(|| pg.redrawing_fast()) {
                NEW_CHARTS_PER_FRAME
            } else {
                usize::MAX
            };
            let before = before.map_or(&[][..], |(shown, _)| shown.as_slice());
            projected.with(|all| charts_filled_gradually(all, before, budget))
        });
    // Some held back: the next share in the next frame (as the cluster view draws its chips).
    Effect::new(move |_| {
        if filled.with(|(_, held_back)| *held_back) {
            request_animation_frame(move || {
                more.try_update(|n| *n += 1);
            });
        }
    });
    // Charts that will stay empty (no traffic, no load balancer, no calls) are named in one
    // line under the others instead of drawn.
    // An open lesson's graded chart comes first (`challenge::chart`, as presenter mode opens
    // on it): at 1280×720 the dock shows two charts, and lesson 11's 5xx chart was fourth and
    // lesson 12's response time sixth, below the fold (student walkthrough, 28th session).
    let lessons = use_context::<crate::lesson::Lessons>();
    let graded = Memo::new(move |_| {
        lessons.and_then(|l| {
            l.open.with(|o| {
                o.as_ref().and_then(|o| {
                    ecs_sim::challenge::chart::presenter_chart(
                        &o.challenge.doc.goals,
                        o.challenge.doc.presenter_chart.as_deref(),
                    )
                })
            })
        })
    });
    let titles = Memo::new(move |_| {
        let lead = graded.get();
        filled.with(|(c, _)| {
            let mut titles = c
                .iter()
                .filter(|v| !stays_empty(v))
                .map(|v| v.title.clone())
                .collect::<Vec<_>>();
            if let Some(k) = lead.and_then(|t| titles.iter().position(|x| *x == t)) {
                let first = titles.remove(k);
                titles.insert(0, first);
            }
            titles
        })
    });
    let absent_groups = Memo::new(move |_| filled.with(|(c, _)| absent(c)));
    let now = Memo::new(move |_| {
        pg.slow_redraw.track();
        pg.clock_ms()
    });
    let all_empty = move || filled.with(|(c, _)| c.iter().all(ChartView::is_empty));
    view! {
        <section class="metrics" data-testid="metrics" aria-label="Metrics">
            <header class="metrics-head">
                <h2>"Metrics"</h2>
                <select data-testid="metrics-service" aria-label="Service"
                    on:change=move |ev| pg.select_service(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || names.get().into_iter().enumerate().map(|(i, n)| view! {
                        <option value=i.to_string() prop:selected=move || service.get() == i>{n}</option>
                    }).collect_view()}
                </select>
                <Show when=all_empty>
                    <span class="muted" data-testid="metrics-empty">
                        "No data yet: metrics arrive once per simulated minute."
                    </span>
                </Show>
            </header>
            <div class="charts" class:hidden=all_empty>
                <For each=move || titles.get() key=|t| t.clone() children=move |title| {
                    let key = title.clone();
                    let view = Memo::new(move |_| filled.with(|(c, _)| c.iter().find(|v| v.title == key).cloned()));
                    view! { <chart::Chart view=view now=now /> }
                } />
            </div>
            {move || absent_groups.get().into_iter().map(|(reason, titles)| view! {
                <p class="muted absent" data-testid="metrics-absent">
                    <strong>"Not recorded: "</strong>{titles.join(", ")}" — "{reason}"."
                </p>
            }).collect_view()}
        </section>
    }
}
