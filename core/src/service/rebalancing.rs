//! Availability Zone rebalancing's rules (DG service-rebalancing.html, "Balancing an Amazon ECS
//! service across Availability Zones"), as pure functions over counts: which services can use
//! it, what the setting resolves to, when a service is balanced, and how many tasks one move
//! starts in which zones and then stops in which. `sim/scheduler/rebalance.rs` applies them.
//!
//! What the guide says, and what the playground chose where it is silent:
//! - "Amazon ECS starts monitoring a service after it reaches the steady state".
//! - A service is balanced when each zone holds the desired count divided by the number of
//!   zones, "If the desired task count doesn't divide evenly, Amazon ECS distributes the
//!   remainder of tasks evenly": so the zones' counts differ by at most one. (The guide's
//!   examples: 2 over 2 zones is 1/1, 3 over 2 is 1/2, 5 over 3 is 1/2/2.) Which zones get the
//!   remainder is not said: here the zones that already hold the most keep it, so a move
//!   changes as few tasks as it can.
//! - It "Starts tasks in Availability Zones with the fewest number of running tasks", then
//!   "Stops the tasks in Availability Zones with the largest number of running tasks", and
//!   "waits for the newly started tasks to be HEALTHY and RUNNING before stopping". How many
//!   at once is not said: here one move starts every task the zones lack, as many as
//!   maximumPercent leaves room for above the desired count.

use crate::placement::model::{Constraint, SpreadField, Strategy};

/// Why a service cannot use Availability Zone rebalancing (the guide's list of what it "can't
/// be used with", and its rule on the first placement strategy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ineligible {
    /// `schedulingStrategy` DAEMON.
    Daemon,
    /// The EXTERNAL launch type (ECS Anywhere).
    External,
    /// `maximumPercent` 100: no room to start a task before stopping one.
    MaximumPercent100,
    /// A placement constraint on `attribute:ecs.availability-zone`.
    ZoneConstraint,
    /// The first placement strategy is not a spread across Availability Zones.
    FirstStrategy,
}

impl Ineligible {
    /// The reason in words, for problems and the README.
    pub fn reason(self) -> &'static str {
        match self {
            Ineligible::Daemon => "the DAEMON scheduling strategy",
            Ineligible::External => "the EXTERNAL launch type",
            Ineligible::MaximumPercent100 => "a maximumPercent of 100",
            Ineligible::ZoneConstraint => {
                "a placement constraint on attribute:ecs.availability-zone"
            }
            Ineligible::FirstStrategy => {
                "a first placement strategy other than spread across attribute:ecs.availability-zone"
            }
        }
    }

    /// What makes the service eligible, where something can: a refusal that offered only
    /// "set DISABLED" left lesson 16's student with an unbalanced service either way (student
    /// walkthrough, 2026-12-06).
    pub fn fix(self) -> Option<&'static str> {
        match self {
            Ineligible::Daemon | Ineligible::External => None,
            Ineligible::MaximumPercent100 => Some("raise maximumPercent above 100"),
            Ineligible::ZoneConstraint => Some("remove that constraint"),
            Ineligible::FirstStrategy => Some(
                "put a spread across attribute:ecs.availability-zone first in placementStrategy",
            ),
        }
    }
}

/// What of a service decides whether it can be rebalanced.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a> {
    /// DAEMON scheduling.
    pub daemon: bool,
    /// EXTERNAL launch type.
    pub external: bool,
    /// `maximumPercent`.
    pub maximum_percent: u32,
    /// Placement strategies as given or defaulted.
    pub strategies: &'a [Strategy],
    /// Placement constraints; each kept with its expression's text.
    pub constraints: &'a [Constraint],
}

/// Whether a service can use Availability Zone rebalancing; the first reason it cannot.
/// "Availability Zone rebalancing won't work if the first strategy in the placement strategy
/// array is not an Availability Zone spread component"; no strategy at all is fine.
pub fn ineligible(shape: Shape<'_>) -> Option<Ineligible> {
    if shape.daemon {
        return Some(Ineligible::Daemon);
    }
    if shape.external {
        return Some(Ineligible::External);
    }
    if shape.maximum_percent <= 100 {
        return Some(Ineligible::MaximumPercent100);
    }
    let on_zone = |c: &Constraint| match c {
        Constraint::MemberOf(_, text) => text.contains("ecs.availability-zone"),
        Constraint::DistinctInstance => false,
    };
    if shape.constraints.iter().any(on_zone) {
        return Some(Ineligible::ZoneConstraint);
    }
    match shape.strategies.first() {
        None => None,
        Some(Strategy::Spread(SpreadField::Attribute(a))) if a == "ecs.availability-zone" => None,
        Some(_) => Some(Ineligible::FirstStrategy),
    }
}

/// What `availabilityZoneRebalancing` comes to for a new service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Rebalanced: ENABLED, or left out on a service that can use it (CreateService: "when no
    /// value is specified for AvailabilityZoneRebalancing, Amazon ECS defaults the value to
    /// ENABLED").
    Enabled,
    /// Not rebalanced: DISABLED, or left out on a service that cannot use it.
    Disabled,
    /// ENABLED on a service that cannot use it: refused.
    Refused(Ineligible),
    /// Neither ENABLED nor DISABLED.
    Invalid,
}

/// Resolves the setting given (`None`: left out) for a service of this shape.
pub fn setting(given: Option<&str>, shape: Shape<'_>) -> Setting {
    let why_not = ineligible(shape);
    match (given, why_not) {
        (Some("DISABLED"), _) | (None, Some(_)) => Setting::Disabled,
        (Some("ENABLED") | None, None) => Setting::Enabled,
        (Some("ENABLED"), Some(why)) => Setting::Refused(why),
        (Some(_), _) => Setting::Invalid,
    }
}

/// Whether the zones' counts of the service's tasks are balanced: no two differ by more than
/// one (what spreading the desired count with its remainder gives, once the service is at its
/// desired count).
pub fn is_balanced(counts: &[u32]) -> bool {
    match (counts.iter().max(), counts.iter().min()) {
        (Some(max), Some(min)) => max - min <= 1,
        _ => true,
    }
}

/// Each zone's share of `desired` tasks: the quotient, and one more for as many zones as the
/// remainder, given to the zones that hold the most now (ties: the earlier zone).
pub fn targets(counts: &[u32], desired: u32) -> Vec<u32> {
    let n = counts.len() as u32;
    if n == 0 {
        return Vec::new();
    }
    let (base, extra) = (desired / n, desired % n);
    let mut order: Vec<usize> = (0..counts.len()).collect();
    // Stable: equal counts keep zone order.
    crate::order::sort_by(&mut order, |&a, &b| counts[b].cmp(&counts[a]));
    let mut out = vec![base; counts.len()];
    for &z in order.iter().take(extra as usize) {
        out[z] += 1;
    }
    out
}

/// The tasks one move starts: `(zone, how many)` for the zones below their share, the emptiest
/// first, at most `room` in all (what maximumPercent allows above the desired count).
pub fn starts(counts: &[u32], desired: u32, room: u32) -> Vec<(usize, u32)> {
    gaps(
        counts,
        desired,
        room,
        |count, share| share.saturating_sub(count),
        false,
    )
}

/// The tasks a move then stops, `stop` in all: `(zone, how many)` for the zones above their
/// share of `desired`, the fullest first. `counts` include the tasks the move started (the
/// shares are those of the `desired` tasks that stay, spread as [`targets`] spreads them).
pub fn stops(counts: &[u32], desired: u32, stop: u32) -> Vec<(usize, u32)> {
    gaps(
        counts,
        desired,
        stop,
        |count, share| count.saturating_sub(share),
        true,
    )
}

/// `(zone, gap)` for each zone with a gap between its count and its share of `desired`
/// (`gap(count, share)` above 0), the emptiest first (the fullest with `fullest_first`), taken
/// until `budget` tasks are used.
fn gaps(
    counts: &[u32],
    desired: u32,
    budget: u32,
    gap: impl Fn(u32, u32) -> u32,
    fullest_first: bool,
) -> Vec<(usize, u32)> {
    let targets = targets(counts, desired);
    let mut open: Vec<(usize, u32)> = counts
        .iter()
        .zip(&targets)
        .enumerate()
        .map(|(z, (&c, &t))| (z, gap(c, t)))
        .filter(|&(_, k)| k > 0)
        .collect();
    crate::order::sort_by(&mut open, |a, b| {
        let by_count = counts[a.0].cmp(&counts[b.0]);
        if fullest_first {
            by_count.reverse()
        } else {
            by_count
        }
    });
    let mut left = budget;
    let mut out = Vec::new();
    for (z, k) in open {
        let k = k.min(left);
        if k > 0 {
            out.push((z, k));
            left -= k;
        }
    }
    out
}

/// `2 tasks in us-east-1a, 0 tasks in us-east-1b` for the balance events (zones in order).
fn zone_list(zones: &[(&str, u32)]) -> String {
    zones
        .iter()
        .map(|(z, n)| format!("{n} tasks in {z}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// SERVICE_REBALANCING_STARTED (DG track-service-rebalancing, with the "(service x)" prefix of
/// the service's other events).
pub fn not_balanced(service: &str, zones: &[(&str, u32)]) -> String {
    format!(
        "(service {service}) is not AZ balanced with {}. AZ Rebalancing in progress.",
        zone_list(zones)
    )
}

/// SERVICE_REBALANCING_COMPLETED.
pub fn balanced(service: &str, zones: &[(&str, u32)]) -> String {
    format!(
        "(service {service}) is AZ balanced with {}.",
        zone_list(zones)
    )
}

/// TASKS_STARTED: `(service x) has started 1 tasks in us-east-1a to AZ Rebalance: (task a).`
pub fn started(service: &str, zone: &str, task_ids: &[&str]) -> String {
    let head = format!(
        "(service {service}) has started {} tasks in {zone} to AZ Rebalance: ",
        task_ids.len()
    );
    crate::service::messages::with_task_list(head, task_ids)
}

/// TASKS_STOPPED: `(service x) has stopped 1 running tasks in us-east-1b due to AZ
/// rebalancing: (task a).`
pub fn stopped(service: &str, zone: &str, task_ids: &[&str]) -> String {
    let head = format!(
        "(service {service}) has stopped {} running tasks in {zone} due to AZ rebalancing: ",
        task_ids.len()
    );
    crate::service::messages::with_task_list(head, task_ids)
}

/// SERVICE_TASK_PLACEMENT_FAILURE (an ERROR event): the EC2 wording, or Fargate's.
pub fn unable_to_place(service: &str, zone: &str, fargate: bool) -> String {
    if fargate {
        format!("(service {service}) is unable to place a task in {zone}.")
    } else {
        format!("(service {service}) is unable to place a task in {zone} because no container instance met all of its requirements.")
    }
}

/// SERVICE_REBALANCING_STOPPED: a move given up (the desired count or the deployment changed,
/// or every task it started stopped) or one that could start no task.
pub fn stopped_rebalancing(service: &str) -> String {
    format!("(service {service}) stopped AZ Rebalancing.")
}

/// The `stoppedReason` of a task stopped by rebalancing (DG track-service-rebalancing).
pub fn stopped_reason(deployment: &str) -> String {
    format!("Availability-zone rebalancing initiated by (deployment {deployment})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone_spread() -> Vec<Strategy> {
        vec![
            Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Strategy::Spread(SpreadField::Instance),
        ]
    }

    fn shape(strategies: &[Strategy]) -> Shape<'_> {
        Shape {
            daemon: false,
            external: false,
            maximum_percent: 200,
            strategies,
            constraints: &[],
        }
    }

    // DG service-rebalancing: "Services that specify Availability Zone spread as the first
    // task placement strategy, or do not specify a placement strategy."
    #[test]
    fn service_rebalancing_eligible_with_zone_spread_first_or_no_strategy() {
        assert_eq!(ineligible(shape(&zone_spread())), None);
        assert_eq!(ineligible(shape(&[])), None);
        let binpack_first = [Strategy::BinpackMemory];
        assert_eq!(
            ineligible(shape(&binpack_first)),
            Some(Ineligible::FirstStrategy)
        );
        let spread_then_binpack = [
            Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Strategy::BinpackMemory,
        ];
        assert_eq!(ineligible(shape(&spread_then_binpack)), None);
        let instance_first = [Strategy::Spread(SpreadField::Instance)];
        assert_eq!(
            ineligible(shape(&instance_first)),
            Some(Ineligible::FirstStrategy)
        );
    }

    // DG service-rebalancing: it "can't be used with" DAEMON, EXTERNAL, maximumPercent 100, a
    // zone placement constraint.
    #[test]
    fn service_rebalancing_ineligible_services() {
        let s = zone_spread();
        let daemon = Shape {
            daemon: true,
            ..shape(&s)
        };
        assert_eq!(ineligible(daemon), Some(Ineligible::Daemon));
        let external = Shape {
            external: true,
            ..shape(&s)
        };
        assert_eq!(ineligible(external), Some(Ineligible::External));
        let max100 = Shape {
            maximum_percent: 100,
            ..shape(&s)
        };
        assert_eq!(ineligible(max100), Some(Ineligible::MaximumPercent100));
        let expr = crate::placement::query::parse("attribute:ecs.availability-zone == us-east-1a")
            .expect("a valid expression");
        let constraints = [Constraint::MemberOf(
            expr,
            "attribute:ecs.availability-zone == us-east-1a".into(),
        )];
        let zoned = Shape {
            constraints: &constraints,
            ..shape(&s)
        };
        assert_eq!(ineligible(zoned), Some(Ineligible::ZoneConstraint));
    }

    // API CreateService: "when no value is specified for AvailabilityZoneRebalancing, Amazon
    // ECS defaults the value to ENABLED"; a service that cannot use it runs DISABLED.
    #[test]
    fn create_service_defaults_availability_zone_rebalancing_to_enabled() {
        let s = zone_spread();
        assert_eq!(setting(None, shape(&s)), Setting::Enabled);
        assert_eq!(setting(Some("ENABLED"), shape(&s)), Setting::Enabled);
        assert_eq!(setting(Some("DISABLED"), shape(&s)), Setting::Disabled);
        assert_eq!(setting(Some("enabled"), shape(&s)), Setting::Invalid);
        let b = [Strategy::BinpackCpu];
        assert_eq!(setting(None, shape(&b)), Setting::Disabled);
        assert_eq!(
            setting(Some("ENABLED"), shape(&b)),
            Setting::Refused(Ineligible::FirstStrategy)
        );
    }

    // DG service-rebalancing's examples: 2 over 2 zones is 1/1, 3 over 2 is 1/2, 5 over 3 is
    // 1/2/2; 2 and 0 is not balanced.
    #[test]
    fn service_rebalancing_balance_follows_the_guides_examples() {
        assert!(is_balanced(&[1, 1]));
        assert!(!is_balanced(&[2, 0]));
        assert!(is_balanced(&[1, 2]));
        assert!(is_balanced(&[1, 2, 2]));
        assert!(!is_balanced(&[3, 2, 0]));
        assert_eq!(targets(&[2, 0], 2), vec![1, 1]);
        assert_eq!(targets(&[3, 0], 3), vec![2, 1]);
        assert_eq!(targets(&[3, 2, 0], 5), vec![2, 2, 1]);
        assert_eq!(targets(&[0, 3, 2], 5), vec![1, 2, 2]);
    }

    // "Starting a task in Availability Zone 2 before stopping a task in Availability Zone 1".
    #[test]
    fn service_rebalancing_starts_in_the_emptiest_zones_then_stops_in_the_fullest() {
        assert_eq!(starts(&[2, 0], 2, 2), vec![(1, 1)]);
        // 6 tasks, 3/3/0: the empty zone lacks two; maximumPercent 150 leaves room for 3.
        assert_eq!(starts(&[3, 3, 0], 6, 3), vec![(2, 2)]);
        // Room for one only: one per move.
        assert_eq!(starts(&[3, 3, 0], 6, 1), vec![(2, 1)]);
        // Two zones short: the emptiest first.
        assert_eq!(starts(&[4, 1, 0], 6, 1), vec![(2, 1)]);
        assert_eq!(starts(&[4, 1, 0], 5, 9), vec![(2, 1), (1, 1)]);
        // After starting 2 in the third zone (3/3/2), two stop from the full zones.
        assert_eq!(stops(&[3, 3, 2], 6, 2), vec![(0, 1), (1, 1)]);
        assert_eq!(stops(&[2, 1], 2, 1), vec![(0, 1)]);
        // Balanced counts need nothing.
        assert_eq!(starts(&[2, 2, 2], 6, 3), vec![]);
    }

    #[test]
    fn rebalancing_events_use_ecs_wording() {
        assert_eq!(
            not_balanced("web", &[("us-east-1a", 0), ("us-east-1b", 2)]),
            "(service web) is not AZ balanced with 0 tasks in us-east-1a, 2 tasks in us-east-1b. AZ Rebalancing in progress."
        );
        assert_eq!(
            balanced("web", &[("us-east-1a", 1), ("us-east-1b", 1)]),
            "(service web) is AZ balanced with 1 tasks in us-east-1a, 1 tasks in us-east-1b."
        );
        assert_eq!(
            started("web", "us-east-1a", &["a"]),
            "(service web) has started 1 tasks in us-east-1a to AZ Rebalance: (task a)."
        );
        assert_eq!(
            stopped("web", "us-east-1b", &["b"]),
            "(service web) has stopped 1 running tasks in us-east-1b due to AZ rebalancing: (task b)."
        );
        assert_eq!(
            stopped_reason("ecs-svc/123"),
            "Availability-zone rebalancing initiated by (deployment ecs-svc/123)"
        );
    }
}
