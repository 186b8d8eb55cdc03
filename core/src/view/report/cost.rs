//! The run's cost at the current moment, for `ecs-sim run --json` (`cost`), the text summary
//! and the playground's cost panel: totals, per service, per capacity provider, per cluster,
//! idle EC2 capacity, and cost per 1,000 requests. Integers in nano-dollars (`…NanoUsd`) are
//! exact; the `…Usd` figures beside them are the same amounts as floats, for reading.

use crate::catalog::prices::{self, FARGATE_SPOT_LABEL};
use crate::cost::figures::{self, Figure};
use crate::cost::money::money_text;
use crate::cost::AccountKey;
use crate::sim::Sim;
use serde::Serialize;

/// What the simulator does not price (README "Cost").
pub const NOT_MODELLED: [&str; 9] = [
    "Application Load Balancer LCUs (only the hourly part is priced)",
    "public IPv4 addresses (assignPublicIp ENABLED, internet-facing load balancers)",
    "Cloud Map and Route 53 (service discovery)",
    "data transfer and NAT gateways",
    "EBS volumes of EC2 instances, CloudWatch, ECR",
    "T3/T3a unlimited-mode CPU credits",
    "ECS Anywhere per-instance fee",
    "Savings Plans, Reserved Instances, EC2 Spot instances and real Fargate Spot price movements",
    "Windows on EC2 (instances are priced as Linux)",
];

/// One amount so far and the rate now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// So far, nano-dollars (exact).
    pub total_nano_usd: u64,
    /// So far, dollars.
    pub total_usd: f64,
    /// Now, nano-dollars per hour.
    pub per_hour_nano_usd: u64,
    /// Now, dollars per hour.
    pub per_hour_usd: f64,
}

impl Amount {
    fn of(f: Figure) -> Amount {
        let nano = u64::try_from(f.total.nano_usd()).unwrap_or(u64::MAX);
        let rate = u64::try_from(f.per_hour).unwrap_or(u64::MAX);
        Amount {
            total_nano_usd: nano,
            total_usd: f.total.usd(),
            per_hour_nano_usd: rate,
            per_hour_usd: rate as f64 / 1e9,
        }
    }
}

/// A named amount (a service, a capacity provider, a cluster).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedAmount {
    /// Its name.
    pub name: String,
    /// Its amount.
    #[serde(flatten)]
    pub amount: Amount,
    /// Requests its tasks served (services with `traffic` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requests: Option<u64>,
    /// Dollars per 1,000 requests (services with traffic only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_1000_requests_usd: Option<f64>,
}

/// Idle EC2 capacity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdleReport {
    /// CPU paid for and reserved by no task.
    pub cpu: Amount,
    /// Memory paid for and reserved by no task.
    pub memory: Amount,
    /// Both.
    pub total: Amount,
}

/// The `cost` object of `ecs-sim run --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostReport {
    /// What the prices are for (`us-east-1`, or the scenario's `pricing.region`).
    pub region: String,
    /// When the built-in prices were read.
    pub prices_as_of: &'static str,
    /// Whether the scenario overrides any price.
    pub scenario_prices: bool,
    /// What the Spot discount stands for.
    pub fargate_spot: &'static str,
    /// Everything: instances, Fargate tasks, load balancers.
    pub total: Amount,
    /// EC2 instances.
    pub ec2_instances: Amount,
    /// Fargate and Fargate Spot tasks.
    pub fargate_tasks: Amount,
    /// Application Load Balancers (hourly part; one per service with a load balancer).
    pub load_balancers: Amount,
    /// Idle EC2 capacity.
    pub idle: IdleReport,
    /// Per service: its Fargate tasks, its EC2 tasks' share of their instances, its ALB.
    pub services: Vec<NamedAmount>,
    /// Standalone (RunTask) tasks, same rule.
    pub standalone_tasks: Amount,
    /// Per capacity provider (`FARGATE`, `FARGATE_SPOT`, Auto Scaling group providers).
    pub capacity_providers: Vec<NamedAmount>,
    /// Per cluster (load balancers included).
    pub clusters: Vec<NamedAmount>,
    /// What is not priced.
    pub not_modelled: Vec<&'static str>,
}

/// The services behind each target group in use, by target group, in model order: the
/// simulator has target groups, not load balancers, and counts one ALB per target group.
pub fn load_balancer_sharers(sim: &Sim) -> std::collections::BTreeMap<usize, Vec<usize>> {
    let mut by_group: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (s, svc) in sim.model.services.iter().enumerate() {
        if let Some(lb) = &svc.load_balancer {
            by_group.entry(lb.target_group).or_default().push(s);
        }
    }
    by_group
}

/// The cost of the run so far.
pub fn cost_report(sim: &Sim) -> CostReport {
    let now = sim.now();
    let ledger = &sim.metering.ledger;
    let pricing = &sim.model.pricing;
    // One ALB per target group in use, its charge split among the services it serves (a
    // target group belongs to one load balancer; until 2026-12-06 two services sharing one were
    // billed two ALBs: cost walkthrough).
    let sharers = load_balancer_sharers(sim);
    let lb = |s: usize| {
        let Some(tg) = sim.model.services[s]
            .load_balancer
            .as_ref()
            .map(|l| l.target_group)
        else {
            return Figure::default();
        };
        let group = sharers.get(&tg).map_or(&[][..], |v| v.as_slice());
        let index = group.iter().position(|&x| x == s).unwrap_or(0);
        figures::share(
            figures::load_balancer(pricing.alb_hour, now),
            group.len(),
            index,
        )
    };
    let mut load_balancers = Figure::default();
    let mut cluster_lbs = vec![Figure::default(); sim.model.clusters.len()];
    let services = (0..sim.model.services.len())
        .map(|s| {
            let l = lb(s);
            load_balancers = load_balancers.plus(l);
            let c = sim.model.services[s].cluster;
            cluster_lbs[c] = cluster_lbs[c].plus(l);
            let f = Figure::of(ledger, &AccountKey::Service(s), now).plus(l);
            let requests = sim
                .model
                .traffic
                .entries
                .iter()
                .any(|e| e.service == s)
                .then(|| {
                    let open = sim.traffic.period.get(&s).map_or(0.0, |p| p.requests);
                    sim.metering.requests.get(&s).copied().unwrap_or(0.0) + open
                });
            NamedAmount {
                name: sim.model.services[s].name.clone(),
                amount: Amount::of(f),
                requests: requests.map(|r| r.max(0.0).round() as u64),
                per_1000_requests_usd: requests
                    .and_then(|r| figures::per_thousand_requests(f.total, r)),
            }
        })
        .collect();
    let named = |name: String, f: Figure| NamedAmount {
        name,
        amount: Amount::of(f),
        requests: None,
        per_1000_requests_usd: None,
    };
    let capacity_providers = ledger
        .accounts()
        .filter_map(|(k, _)| match k {
            AccountKey::Provider(p) => Some(named(p.to_string(), Figure::of(ledger, k, now))),
            _ => None,
        })
        .collect();
    let clusters = sim
        .model
        .clusters
        .iter()
        .enumerate()
        .map(|(c, m)| {
            named(
                m.name.clone(),
                Figure::of(ledger, &AccountKey::Cluster(c), now).plus(cluster_lbs[c]),
            )
        })
        .collect();
    let instances = Figure::of(ledger, &AccountKey::InstanceCpu, now).plus(Figure::of(
        ledger,
        &AccountKey::InstanceMemory,
        now,
    ));
    let metered = Figure::of(ledger, &AccountKey::Total, now);
    let fargate = Figure {
        total: metered.total.minus(instances.total),
        per_hour: metered.per_hour.saturating_sub(instances.per_hour),
    };
    let idle = figures::idle(ledger, now);
    CostReport {
        region: pricing.region.clone(),
        prices_as_of: prices::PRICES_AS_OF,
        scenario_prices: pricing.overridden,
        fargate_spot: FARGATE_SPOT_LABEL,
        total: Amount::of(metered.plus(load_balancers)),
        ec2_instances: Amount::of(instances),
        fargate_tasks: Amount::of(fargate),
        load_balancers: Amount::of(load_balancers),
        idle: IdleReport {
            cpu: Amount::of(idle.cpu),
            memory: Amount::of(idle.memory),
            total: Amount::of(idle.cpu.plus(idle.memory)),
        },
        services,
        standalone_tasks: Amount::of(Figure::of(ledger, &AccountKey::Standalone, now)),
        capacity_providers,
        clusters,
        not_modelled: NOT_MODELLED.to_vec(),
    }
}

/// The text summary's cost lines.
pub fn cost_text(report: &CostReport) -> String {
    let money =
        |a: &Amount| money_text(crate::cost::Money(u128::from(a.total_nano_usd) * 3_600_000));
    let rate = |a: &Amount| crate::cost::money::rate_text(a.per_hour_nano_usd);
    let region: String = report
        .region
        .chars()
        .flat_map(char::escape_default)
        .collect();
    let mut out = format!(
        "cost ({region}{}): total {} now {} (EC2 instances {}, Fargate {}, load balancers {}); idle EC2 capacity {} (CPU {}, memory {})\n",
        if report.scenario_prices { ", scenario prices" } else { "" },
        money(&report.total),
        rate(&report.total),
        money(&report.ec2_instances),
        money(&report.fargate_tasks),
        money(&report.load_balancers),
        money(&report.idle.total),
        money(&report.idle.cpu),
        money(&report.idle.memory),
    );
    for s in &report.services {
        out.push_str(&format!(
            "  service {}: {} now {}",
            s.name,
            money(&s.amount),
            rate(&s.amount)
        ));
        if let Some(p) = s.per_1000_requests_usd {
            out.push_str(&format!(", ${p:.6} per 1,000 requests"));
        }
        out.push('\n');
    }
    out
}
