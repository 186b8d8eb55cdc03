//! Which instance an Auto Scaling group terminates when it scales in: EC2 Auto Scaling's
//! default termination policy (EC2 Auto Scaling User Guide, "Configure termination policies
//! for Amazon EC2 Auto Scaling",
//! <https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html>).
//!
//! "When Amazon EC2 Auto Scaling needs to terminate an instance, it first identifies which
//! Availability Zone (or Zones) has the most instances and at least one instance that is not
//! protected from scale in. Then, it proceeds to evaluate unprotected instances within the
//! identified Availability Zone as follows":
//!
//! 1. Zone balance: the zone (or zones) with the most instances of the group, protected ones
//!    counted, among zones with at least one unprotected instance.
//! 2. "Instances that use outdated configurations": every instance of a simulated group is
//!    launched from the group's one launch template, so none is outdated and the step keeps
//!    every candidate.
//! 3. "Instances approaching next billing hour": the instance with the most whole seconds
//!    since launch modulo 3600. The guide notes that "most EC2 usage is now billed per second,
//!    so this optimization provides less benefit", but the default policy still applies it.
//! 4. "If multiple instances are equally close, terminate one at random": a draw among the
//!    instances still tied, made only when there is a tie.
//!
//! Cluster auto scaling uses this policy whenever the group picks: without managed termination
//! protection among all its instances; with it, among the instances ECS left unprotected (DG
//! managed-termination-protection: ECS "turns off scale-in protection" for instances without
//! non-daemon tasks, and "the Auto Scaling group can then terminate the instance"). Instances
//! that Auto Scaling health checks mark unhealthy "bypass termination policy evaluation"; the
//! simulator has none (a lost instance is replaced, not kept).

use crate::time::Millis;
use std::collections::BTreeMap;

/// EC2 bills by the hour for the "closest to the next billing hour" step: seconds per hour.
pub const BILLING_HOUR_SECONDS: u64 = 3600;

/// One instance of the group as the termination policy sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupInstance<'a> {
    /// Its Availability Zone.
    pub zone: &'a str,
    /// When it was launched, ms of virtual time.
    pub launched_at: Millis,
    /// Protected from scale-in (here: by ECS managed termination protection).
    pub protected: bool,
}

/// Whole seconds an instance launched at `launched_at` has run into its current billing hour
/// at `now`; the largest is the closest to the next billing hour.
pub fn seconds_into_billing_hour(launched_at: Millis, now: Millis) -> u64 {
    (now.saturating_sub(launched_at) / 1000) % BILLING_HOUR_SECONDS
}

/// The instance the default termination policy terminates next, as an index into `group`, or
/// `None` when every instance is protected. `draw(n)` returns a uniform index in `0..n`; it is
/// called only when `n` ≥ 2 instances are equally close to the next billing hour, and picks
/// among them in `group` order.
pub fn instance_to_terminate(
    group: &[GroupInstance<'_>],
    now: Millis,
    draw: impl FnOnce(usize) -> usize,
) -> Option<usize> {
    // 1. Zone balance: zones with at least one unprotected instance, by instances in the zone.
    let mut per_zone: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for inst in group {
        let entry = per_zone.entry(inst.zone).or_default();
        entry.0 += 1;
        entry.1 |= !inst.protected;
    }
    let most = per_zone
        .values()
        .filter(|(_, unprotected)| *unprotected)
        .map(|(n, _)| *n)
        .max()?;
    let in_zone = |z: &str| per_zone.get(z).is_some_and(|&(n, u)| u && n == most);
    // 2. Outdated configurations: none (one launch template), every candidate stays.
    let candidates: Vec<usize> = (0..group.len())
        .filter(|&i| !group[i].protected && in_zone(group[i].zone))
        .collect();
    // 3. Closest to the next billing hour.
    let closest = candidates
        .iter()
        .map(|&i| seconds_into_billing_hour(group[i].launched_at, now))
        .max()?;
    let tied: Vec<usize> = candidates
        .into_iter()
        .filter(|&i| seconds_into_billing_hour(group[i].launched_at, now) == closest)
        .collect();
    // 4. "If multiple instances are equally close, terminate one at random."
    match tied.len() {
        1 => Some(tied[0]),
        n => tied.get(draw(n).min(n - 1)).copied(),
    }
}

/// Up to `count` instances of `group` in the order the policy terminates them, each chosen
/// with [`instance_to_terminate`] from the instances the earlier ones leave (so zone balance
/// is recounted after every termination). `draw` as there.
pub fn instances_to_terminate(
    group: &[GroupInstance<'_>],
    count: usize,
    now: Millis,
    mut draw: impl FnMut(usize) -> usize,
) -> Vec<usize> {
    let mut left: Vec<usize> = (0..group.len()).collect();
    let mut chosen = Vec::new();
    while chosen.len() < count {
        let view: Vec<GroupInstance<'_>> = left.iter().map(|&i| group[i]).collect();
        let Some(k) = instance_to_terminate(&view, now, &mut draw) else {
            break;
        };
        chosen.push(left.remove(k));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(zone: &str, launched_s: u64) -> GroupInstance<'_> {
        GroupInstance {
            zone,
            launched_at: launched_s * 1000,
            protected: false,
        }
    }

    fn no_draw(n: usize) -> usize {
        panic!("no tie expected, asked to draw among {n}")
    }

    #[test]
    fn ec2as_default_termination_policy_zone_balance_beats_billing_hour() {
        // "Maintaining Zonal balance takes precedence over the termination policy." Zone a has
        // two instances, zone b one; the b instance is the closest to its next billing hour
        // (3000 s into it), but one of zone a's goes: the one 600 s into its hour (not the one
        // 200 s into it).
        let group = [inst("a", 3000), inst("a", 3400), inst("b", 600)];
        assert_eq!(instance_to_terminate(&group, 3_600_000, no_draw), Some(0));
    }

    #[test]
    fn ec2as_default_termination_policy_zone_balance_counts_protected_instances() {
        // "the Availability Zone (or Zones) [that] has the most instances and at least one
        // instance that is not protected": zone a has 3 instances, 2 protected; zone b 2.
        let mut group = [
            inst("a", 0),
            inst("a", 0),
            inst("a", 100),
            inst("b", 10),
            inst("b", 20),
        ];
        group[0].protected = true;
        group[1].protected = true;
        assert_eq!(instance_to_terminate(&group, 1_000_000, no_draw), Some(2));
        // With all of zone a protected, the zone with the most instances that has an
        // unprotected one is b: the older of its two (990 s into its hour, against 980 s).
        group[2].protected = true;
        assert_eq!(instance_to_terminate(&group, 1_000_000, no_draw), Some(3));
        // Everything protected: nothing to terminate.
        for g in &mut group {
            g.protected = true;
        }
        assert_eq!(instance_to_terminate(&group, 1_000_000, no_draw), None);
    }

    #[test]
    fn ec2as_default_termination_policy_billing_hour_beats_order_and_age() {
        // Balanced zones (one instance each): the one closest to its next billing hour goes,
        // whatever its place in the group. At 4000 s: launched at 0 s → 400 s into its second
        // hour; at 500 s → 3500 s; at 3900 s → 100 s. The middle one goes, not the oldest.
        let group = [inst("a", 0), inst("b", 500), inst("c", 3900)];
        assert_eq!(instance_to_terminate(&group, 4_000_000, no_draw), Some(1));
        // Whole seconds: 1.999 s and 1.001 s into the hour are equally close.
        assert_eq!(seconds_into_billing_hour(1, 2_000), 1);
        assert_eq!(seconds_into_billing_hour(999, 2_000), 1);
    }

    #[test]
    fn ec2as_default_termination_policy_ties_go_to_the_random_draw() {
        // "If multiple instances are equally close, terminate one at random": three instances
        // launched in the same second, one per zone. The draw picks among them in group order.
        let group = [inst("a", 60), inst("b", 60), inst("c", 60)];
        for k in 0..3 {
            let got = instance_to_terminate(&group, 1_200_000, |n| {
                assert_eq!(n, 3);
                k
            });
            assert_eq!(got, Some(k));
        }
        // Only the tied instances are drawn among: the one launched at 0 s is closer.
        let group = [inst("a", 60), inst("b", 0), inst("c", 60)];
        assert_eq!(instance_to_terminate(&group, 1_200_000, no_draw), Some(1));
    }

    #[test]
    fn ec2as_default_termination_policy_recounts_zones_after_each_termination() {
        // Zone a 2, zone b 2, zone c 1. First: a or b, the closest to the billing hour (b's
        // 50 s instance, 950 s in). Then a has the most: its 100 s instance (900 s in). Then a,
        // b and c have one each: c's 200 s instance (800 s in) is closer than a's 300 s one.
        let group = [
            inst("a", 100),
            inst("a", 300),
            inst("b", 50),
            inst("b", 400),
            inst("c", 200),
        ];
        let order = instances_to_terminate(&group, 3, 1_000_000, no_draw);
        assert_eq!(order, vec![2, 0, 4]);
        // Never more than the group holds.
        assert_eq!(
            instances_to_terminate(&group, 9, 1_000_000, no_draw).len(),
            5
        );
    }
}
