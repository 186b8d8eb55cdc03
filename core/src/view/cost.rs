//! The playground's Cost tab as data: the figures of [`cost_report`] as display rows with their
//! money already formatted, the prices' provenance, and the cost-per-hour chart projected like
//! the metric charts (same frame, ticks and markers). The page only lays these out.

use super::charts::{project, ChartInputs, ChartView, USD_PER_HOUR};
use super::overlays::{chart_overlays, MAX_ENGINE_MARKERS};
use super::report::cost::{cost_report, Amount, CostReport, NamedAmount};
use crate::cost::money::group_thousands;
use crate::cost::money::{money_text, rate_text, MS_PER_HOUR};
use crate::cost::Money;
use crate::metrics::Datapoint;
use crate::sim::Sim;
use crate::time::Millis;
use std::collections::BTreeSet;

/// The chart's title (and its series' legend label).
pub const COST_CHART_TITLE: &str = "Cost per hour";

/// The parts' load balancer line.
pub const LOAD_BALANCERS: &str = "Load balancers (hourly part; each started hour billed whole)";

/// One line of the panel: a name, what it cost so far and what it costs per hour now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRow {
    /// What is paid for ("web", "FARGATE_SPOT", "default").
    pub name: String,
    /// So far, formatted ("$0.0480").
    pub total: String,
    /// Now, formatted ("$0.0960/h").
    pub per_hour: String,
    /// So far, nano-dollars (for sorting and tests; the page shows `total`).
    pub total_nano_usd: u64,
    /// Now, nano-dollars per hour.
    pub per_hour_nano_usd: u64,
    /// An extra figure: "$0.000123 per 1,000 requests (12,345 requests)" for a service with
    /// traffic.
    pub note: Option<String>,
}

impl CostRow {
    fn of(name: &str, a: &Amount) -> CostRow {
        CostRow {
            name: name.to_string(),
            total: money_text(Money(
                u128::from(a.total_nano_usd) * u128::from(MS_PER_HOUR),
            )),
            per_hour: rate_text(a.per_hour_nano_usd),
            total_nano_usd: a.total_nano_usd,
            per_hour_nano_usd: a.per_hour_nano_usd,
            note: None,
        }
    }

    fn named(n: &NamedAmount) -> CostRow {
        let mut row = CostRow::of(&n.name, &n.amount);
        row.note = match (n.per_1000_requests_usd, n.requests) {
            (Some(p), Some(r)) => Some(format!(
                "${p:.6} per 1,000 requests ({} requests)",
                group_thousands(u128::from(r))
            )),
            (None, Some(_)) => Some("no requests served yet".to_string()),
            _ => None,
        };
        row
    }
}

/// Everything the Cost tab shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostPanel {
    /// The whole run.
    pub total: CostRow,
    /// EC2 instances, Fargate tasks, load balancers when there are any (the parts of the
    /// total).
    pub parts: Vec<CostRow>,
    /// Per service (plus "standalone tasks" when RunTask tasks cost something); their totals
    /// add up to the total minus idle EC2 capacity.
    pub services: Vec<CostRow>,
    /// Per capacity provider (`FARGATE`, `FARGATE_SPOT`, each Auto Scaling group provider).
    pub providers: Vec<CostRow>,
    /// Per cluster (load balancers included).
    pub clusters: Vec<CostRow>,
    /// Idle EC2 capacity (CPU and memory paid for that no task reserves), when there are
    /// instances.
    pub idle: Option<CostRow>,
    /// Idle CPU and idle memory, the two parts of `idle`.
    pub idle_parts: Vec<CostRow>,
    /// Where the prices come from: region and date, or the scenario's `pricing`.
    pub prices: String,
    /// What the Fargate Spot discount stands for.
    pub spot_note: &'static str,
    /// What is not priced.
    pub not_modelled: Vec<&'static str>,
}

/// The Cost tab for the engine's current moment.
pub fn cost_panel(sim: &Sim) -> CostPanel {
    panel_of(&cost_report(sim))
}

/// The Cost tab for a report (pure: tested without a run).
pub fn panel_of(r: &CostReport) -> CostPanel {
    let mut services: Vec<CostRow> = r.services.iter().map(CostRow::named).collect();
    if r.standalone_tasks.total_nano_usd > 0 || r.standalone_tasks.per_hour_nano_usd > 0 {
        services.push(CostRow::of(
            "standalone tasks (RunTask)",
            &r.standalone_tasks,
        ));
    }
    let has_instances = r.ec2_instances.total_nano_usd > 0 || r.ec2_instances.per_hour_nano_usd > 0;
    let prices = if r.scenario_prices {
        format!(
            "Prices: the scenario's own (its `pricing` key, region {}); anything it does not set is the built-in {} list price (sources dated {}).",
            printable(&r.region),
            crate::catalog::prices::REGION,
            r.prices_as_of
        )
    } else {
        format!(
            "Prices: AWS list prices for {} (sources dated {}). A scenario's `pricing` key overrides them.",
            printable(&r.region),
            r.prices_as_of
        )
    };
    CostPanel {
        total: CostRow::of("Total", &r.total),
        parts: [
            CostRow::of("EC2 instances", &r.ec2_instances),
            CostRow::of("Fargate tasks", &r.fargate_tasks),
            CostRow::of(LOAD_BALANCERS, &r.load_balancers),
        ]
        .into_iter()
        // A scenario without load balancers has no such line.
        .filter(|row| row.name != LOAD_BALANCERS || row.per_hour_nano_usd > 0)
        .collect(),
        services,
        providers: r.capacity_providers.iter().map(CostRow::named).collect(),
        clusters: r.clusters.iter().map(CostRow::named).collect(),
        idle: has_instances.then(|| CostRow::of("Idle EC2 capacity", &r.idle.total)),
        idle_parts: if has_instances {
            vec![
                CostRow::of("idle CPU", &r.idle.cpu),
                CostRow::of("idle memory", &r.idle.memory),
            ]
        } else {
            Vec::new()
        },
        prices,
        spot_note: r.fargate_spot,
        not_modelled: r.not_modelled.clone(),
    }
}

/// The cost-per-hour chart: the metered rate's steps (instances and Fargate tasks) plus the
/// load balancers' constant hourly part, up to now, with the engine's scaling, deployment and
/// Spot markers of every service and `inputs.markers` (the page's action markers).
pub fn cost_chart(sim: &Sim, inputs: &ChartInputs) -> ChartView {
    let now = sim.now();
    let lb_micro = crate::view::report::cost::load_balancer_sharers(sim).len() as u64
        * (sim.model.pricing.alb_hour / 1_000);
    let dollars = |micro: u64| (micro + lb_micro) as f64 / 1e6;
    let series = &sim.metering.per_hour;
    let mut points: Vec<Datapoint> = series
        .points()
        .filter(|p| p.at <= now)
        .map(|p| Datapoint {
            at: p.at,
            value: dollars(p.micro_usd_per_hour),
        })
        .collect();
    // The line runs on to now at the current rate.
    let current = sim
        .metering
        .ledger
        .account(&crate::cost::AccountKey::Total)
        .rate();
    let current = u64::try_from(current / 1_000).unwrap_or(u64::MAX);
    if points.last().is_none_or(|p| p.at < now) && (!points.is_empty() || now > 0) {
        points.push(Datapoint {
            at: now,
            value: dollars(current),
        });
    }
    let mut inputs = inputs.clone();
    inputs.now = now;
    inputs.markers.extend(engine_markers(sim));
    crate::order::sort_by_key(&mut inputs.markers, |(at, _)| *at);
    inputs.markers.dedup();
    let mut view = project(
        COST_CHART_TITLE,
        USD_PER_HOUR,
        &[(COST_CHART_TITLE, &points)],
        inputs.cost_target.as_ref().map(|(v, _)| *v),
        &inputs,
    );
    crate::view::charts::name_target_line(
        &mut view,
        inputs.cost_target.as_ref().map(|(_, name)| name.as_str()),
    );
    crate::view::charts::limit_target_line(&mut view, inputs.cost_window);
    view
}

/// Every service's scaling, deployment and Spot markers and the cluster's managed scaling ones,
/// once each, newest [`MAX_ENGINE_MARKERS`].
fn engine_markers(sim: &Sim) -> Vec<(Millis, String)> {
    let mut all: BTreeSet<(Millis, String)> = BTreeSet::new();
    for s in 0..sim.model.services.len().max(1) {
        all.extend(chart_overlays(sim, s).markers);
    }
    let mut out: Vec<(Millis, String)> = all.into_iter().collect();
    let skip = out.len().saturating_sub(MAX_ENGINE_MARKERS);
    out.split_off(skip)
}

/// A scenario's text with control characters escaped (the region is user text).
fn printable(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
