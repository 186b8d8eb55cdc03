//! The counts a workshop reads aloud: for each service, its running and pending tasks split by
//! capacity provider (or launch type), by Availability Zone and by task definition revision
//! (the last one matters during a deployment, when two revisions run side by side).
//!
//! The rows use the same rule as the service's `runningCount` and `pendingCount`
//! ([`crate::task::TaskCounts`]): a task counts as running while its lastStatus is RUNNING, and
//! as pending while it is PROVISIONING, PENDING or ACTIVATING with desiredStatus RUNNING. So
//! every breakdown of a service sums to the counts on its card. One pass over the snapshot's
//! tasks (which hold every task not yet STOPPED), O(tasks · log services).

use crate::cluster::{ProviderKind, StrategyItem};
use crate::sim::snapshot::{ServiceView, Snapshot, TaskView};
use crate::task::{LaunchKind, TaskStatus};
use std::collections::BTreeMap;

/// One row of a breakdown: `FARGATE_SPOT 5 +1`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TallyRow {
    /// What the row counts: a capacity provider or launch type, a zone, or `family:revision`.
    pub label: String,
    /// Tasks RUNNING.
    pub running: u32,
    /// Tasks PROVISIONING, PENDING or ACTIVATING with desiredStatus RUNNING.
    pub pending: u32,
    /// For capacity providers only: the share of desiredCount the service's capacity provider
    /// strategy gives this provider (base first, then by weight). The simulator's own figure:
    /// ECS reports no per-provider desired count.
    pub target: Option<u32>,
}

impl TallyRow {
    /// The row as the service card prints it: `FARGATE_SPOT 5`, `+1` pending when any, and
    /// `/6` when the strategy's share differs from what runs.
    pub fn text(&self) -> String {
        let mut s = format!("{} {}", self.label, self.running);
        if let Some(t) = self.target.filter(|&t| t != self.running) {
            s.push_str(&format!("/{t}"));
        }
        if self.pending > 0 {
            s.push_str(&format!(" +{}", self.pending));
        }
        s
    }

    /// The row in words, for its tooltip.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "{}: {} running, {} pending",
            self.label, self.running, self.pending
        );
        if let Some(t) = self.target {
            s.push_str(&format!(
                "; the capacity provider strategy gives it {t} of desiredCount (base first, then \
                 by weight; the simulator's own figure, ECS reports no per-provider desired count)"
            ));
        }
        s
    }
}

/// A service's breakdowns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServiceTallies {
    /// By capacity provider, or by launch type (`EC2`, `FARGATE`, `EXTERNAL`) when the service
    /// uses one; in the strategy's order, then any other provider by name.
    pub by_capacity_provider: Vec<TallyRow>,
    /// By Availability Zone, by name; tasks not placed yet (no zone) count under `no zone yet`.
    pub by_zone: Vec<TallyRow>,
    /// By task definition (`family:revision`), oldest revision first.
    pub by_revision: Vec<TallyRow>,
}

impl ServiceTallies {
    /// Whether more than one revision has tasks: a deployment (or a rollback) is under way.
    pub fn mixed_revisions(&self) -> bool {
        self.by_revision.len() > 1
    }
}

/// The label of tasks without a zone (waiting for capacity).
pub const NO_ZONE: &str = "no zone yet";

/// `us-east-1a` → `1a`: the zone's own part after its Region, as the service cards' zone tally
/// and the charts' zone markers write it; a name without a Region part is kept whole.
pub fn short_zone(zone: &str) -> &str {
    zone.rsplit('-')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(zone)
}

/// Every service's breakdowns, by service name, from one pass over the snapshot's tasks.
pub fn service_tallies(snap: &Snapshot) -> BTreeMap<String, ServiceTallies> {
    // service → (provider → row, zone → row, (revision, td) → row)
    // Keys borrowed from the snapshot: at the scenario limits it holds 20,000 tasks, and a
    // copied key per row per task was three allocations each.
    type Acc<'a> = (
        BTreeMap<&'a str, TallyRow>,
        BTreeMap<&'a str, TallyRow>,
        BTreeMap<(u32, &'a str), TallyRow>,
    );
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    for t in &snap.tasks {
        let Some(service) = t.service.as_deref() else {
            continue;
        };
        let (running, pending) = counted(t);
        if running + pending == 0 {
            continue;
        }
        let (providers, zones, revisions) = acc.entry(service).or_default();
        for row in [
            providers.entry(provider_of(t)).or_default(),
            zones
                .entry(t.zone.as_deref().unwrap_or(NO_ZONE))
                .or_default(),
            revisions
                .entry((t.revision, &*t.task_definition))
                .or_default(),
        ] {
            row.running += running;
            row.pending += pending;
        }
    }
    snap.services
        .iter()
        .map(|v| {
            let (providers, zones, revisions) = acc.remove(v.name.as_str()).unwrap_or_default();
            (v.name.clone(), tallies_of(v, providers, zones, revisions))
        })
        .collect()
}

fn tallies_of(
    v: &ServiceView,
    mut providers: BTreeMap<&str, TallyRow>,
    zones: BTreeMap<&str, TallyRow>,
    revisions: BTreeMap<(u32, &str), TallyRow>,
) -> ServiceTallies {
    let mut by_capacity_provider = Vec::new();
    let targets = strategy_targets(v);
    // The strategy's providers (or the launch type) first, even at zero, so a student sees
    // FARGATE_SPOT 0 when Spot has nothing yet.
    let named: Vec<String> = match v.launch_type {
        Some(t) => vec![t.to_string()],
        None => v
            .capacity_provider_strategy
            .iter()
            .map(|i| i.capacity_provider.clone())
            .collect(),
    };
    for (k, name) in named.iter().enumerate() {
        let mut row = providers.remove(name.as_str()).unwrap_or_default();
        row.label = name.clone();
        row.target = targets.get(k).copied();
        by_capacity_provider.push(row);
    }
    by_capacity_provider.extend(providers.into_iter().map(|(label, row)| TallyRow {
        label: label.to_string(),
        ..row
    }));
    ServiceTallies {
        by_capacity_provider,
        by_zone: zones
            .into_iter()
            .map(|(label, row)| TallyRow {
                label: label.to_string(),
                ..row
            })
            .collect(),
        by_revision: revisions
            .into_iter()
            .map(|((_, label), row)| TallyRow {
                label: label.to_string(),
                ..row
            })
            .collect(),
    }
}

/// (running, pending) contribution of one task, by the rule of
/// [`crate::task::TaskCounts::add`].
fn counted(t: &TaskView) -> (u32, u32) {
    match t.last_status {
        TaskStatus::Running => (1, 0),
        TaskStatus::Provisioning | TaskStatus::Pending | TaskStatus::Activating
            if t.desired_status == "RUNNING" =>
        {
            (0, 1)
        }
        _ => (0, 0),
    }
}

/// The capacity provider a task runs on, or its launch type when it has none.
fn provider_of(t: &TaskView) -> &str {
    if let Some(p) = &t.capacity_provider {
        return p;
    }
    match t.launch {
        LaunchKind::Ec2 => "EC2",
        LaunchKind::Fargate => "FARGATE",
        LaunchKind::FargateSpot => "FARGATE_SPOT",
        LaunchKind::External => "EXTERNAL",
    }
}

/// How the service's capacity provider strategy splits desiredCount, by the rule the scheduler
/// uses ([`crate::cluster::capacity_provider::choose`], DG "Capacity provider strategies"), in
/// the strategy's order; a launch type gets all of it. O(desiredCount · providers), with
/// desiredCount capped by the scenario limits.
fn strategy_targets(v: &ServiceView) -> Vec<u32> {
    if v.launch_type.is_some() {
        return vec![v.desired_count];
    }
    let items: Vec<StrategyItem> = v
        .capacity_provider_strategy
        .iter()
        .map(|i| StrategyItem {
            name: i.capacity_provider.clone(),
            // `choose` reads only base and weight.
            kind: ProviderKind::Fargate,
            base: i.base,
            weight: i.weight,
        })
        .collect();
    let mut counts = vec![0u32; items.len()];
    for _ in 0..v.desired_count {
        match crate::cluster::capacity_provider::choose(&items, &counts) {
            Some(k) => counts[k] += 1,
            None => break,
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::examples::EXAMPLES;
    use crate::sim::Sim;

    fn example(id: &str) -> Sim {
        let e = crate::scenario::examples::example(id).expect("example");
        Sim::from_json(e.json).expect("valid")
    }

    fn sums(rows: &[TallyRow]) -> (u32, u32) {
        rows.iter()
            .fold((0, 0), |(r, p), row| (r + row.running, p + row.pending))
    }

    /// Every breakdown of every service adds up to its runningCount and pendingCount.
    fn assert_sums(snap: &Snapshot) {
        let tallies = service_tallies(snap);
        assert_eq!(tallies.len(), snap.services.len());
        for v in &snap.services {
            let t = &tallies[&v.name];
            let want = (v.running_count, v.pending_count);
            assert_eq!(sums(&t.by_capacity_provider), want, "{} providers", v.name);
            assert_eq!(sums(&t.by_zone), want, "{} zones", v.name);
            assert_eq!(sums(&t.by_revision), want, "{} revisions", v.name);
        }
    }

    #[test]
    fn every_breakdown_sums_to_the_service_counts_in_every_example_over_time() {
        for e in EXAMPLES {
            let mut sim = Sim::from_json(e.json).expect("valid");
            for at in [0, 15_000, 45_000, 120_000, 300_000, 900_000] {
                sim.run_until(at);
                assert_sums(&sim.snapshot());
            }
        }
    }

    #[test]
    fn fargate_spot_strategy_splits_by_provider_as_its_base_and_weight_say() {
        let mut sim = example("fargate-spot-strategy");
        sim.run_until(300_000);
        let snap = sim.snapshot();
        let tallies = service_tallies(&snap);
        let mut checked = 0;
        for v in snap
            .services
            .iter()
            .filter(|v| !v.capacity_provider_strategy.is_empty())
        {
            let rows = &tallies[&v.name].by_capacity_provider;
            let names: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
            let strategy: Vec<&str> = v
                .capacity_provider_strategy
                .iter()
                .map(|i| i.capacity_provider.as_str())
                .collect();
            assert_eq!(&names[..strategy.len()], &strategy[..]);
            let targets: u32 = rows.iter().filter_map(|r| r.target).sum();
            assert_eq!(targets, v.desired_count, "{}", v.name);
            // Settled: what runs is what the strategy asks for.
            for r in rows {
                assert_eq!(Some(r.running), r.target, "{}: {r:?}", v.name);
            }
            checked += 1;
        }
        assert!(checked > 0, "the example has a service with a strategy");
    }

    #[test]
    fn strategy_targets_follow_the_developer_guide_example() {
        // DG "Capacity provider strategies": FARGATE base 2 weight 1, FARGATE_SPOT weight 3,
        // 10 tasks → 4 FARGATE and 6 FARGATE_SPOT.
        let mut sim = Sim::from_json(crate::scenario::DEFAULT_SCENARIO_JSON).expect("valid");
        sim.run_until(0);
        let mut v = sim.snapshot().services[0].clone();
        v.launch_type = None;
        v.desired_count = 10;
        v.capacity_provider_strategy = vec![
            crate::sim::snapshot::StrategyItemView {
                capacity_provider: "FARGATE".into(),
                base: 2,
                weight: 1,
            },
            crate::sim::snapshot::StrategyItemView {
                capacity_provider: "FARGATE_SPOT".into(),
                base: 0,
                weight: 3,
            },
        ];
        assert_eq!(strategy_targets(&v), vec![4, 6]);
    }

    #[test]
    fn a_rolling_deployment_shows_two_revisions_side_by_side() {
        let mut sim = example("default");
        sim.run_until(60_000);
        assert!(service_tallies(&sim.snapshot())
            .values()
            .all(|t| !t.mixed_revisions()));
        // rolling-circuit-breaker: at 2:00 web moves from web:1 to web:2, whose new tasks sit
        // next to the old ones until the circuit breaker trips.
        let mut sim = example("rolling-circuit-breaker");
        let mut seen_two = false;
        for at in (0..=600_000).step_by(5_000) {
            sim.run_until(at);
            let snap = sim.snapshot();
            assert_sums(&snap);
            let web = &service_tallies(&snap)["web"];
            if web.mixed_revisions() {
                seen_two = true;
                let labels: Vec<&str> = web.by_revision.iter().map(|r| r.label.as_str()).collect();
                assert_eq!(labels, ["web:1", "web:2"], "oldest revision first");
            }
        }
        assert!(
            seen_two,
            "the rolling update runs two revisions side by side"
        );
    }

    #[test]
    fn zones_split_the_default_web_service_across_three_zones() {
        // Before the 2:00 instance termination.
        let mut sim = example("default");
        sim.run_until(100_000);
        let snap = sim.snapshot();
        let web = &service_tallies(&snap)["web"];
        let zones: Vec<&str> = web.by_zone.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(zones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        assert!(web.by_zone.iter().all(|r| r.target.is_none()));
    }

    #[test]
    fn row_text_shows_the_share_only_when_it_differs_and_pending_only_when_any() {
        let row = |running, pending, target| TallyRow {
            label: "FARGATE_SPOT".into(),
            running,
            pending,
            target,
        };
        assert_eq!(row(6, 0, Some(6)).text(), "FARGATE_SPOT 6");
        assert_eq!(row(5, 1, Some(6)).text(), "FARGATE_SPOT 5/6 +1");
        assert_eq!(row(3, 0, None).text(), "FARGATE_SPOT 3");
        assert!(row(5, 1, Some(6))
            .describe()
            .contains("5 running, 1 pending"));
    }
}
