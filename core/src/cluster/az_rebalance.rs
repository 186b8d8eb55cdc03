//! EC2 Auto Scaling's `AZRebalance` process (EC2 Auto Scaling User Guide, "Instance
//! termination", as-instance-termination.html): when an Auto Scaling group's instances are
//! uneven across its Availability Zones, for example "when the unhealthy Availability Zone
//! returns to a healthy state", the group "launches new instances before terminating the old
//! ones", and it "tries to gradually rebalance the group".
//!
//! The playground's reading, where the guide gives no numbers: a group is uneven when two of
//! its usable zones (its subnets' zones that are not down) differ by two instances or more;
//! one rebalancing launches one instance (in the emptiest zone, as every launch goes) and, once
//! it has registered with the cluster, terminates one instance by the default termination
//! policy (which starts from the zone with the most instances). It runs only while the group is
//! at its desired capacity, so it is at most one instance above it ("a 10 percent margin (or
//! by a margin of one instance, whichever is greater)" above the maximum is allowed).

/// One usable zone of the group as `AZRebalance` sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneInstances {
    /// The group's live instances in the zone.
    pub instances: u32,
    /// Of them, instances the group may terminate (not protected from scale-in).
    pub unprotected: u32,
}

/// Whether the group should rebalance: some zone holds at least two instances more than the
/// emptiest, and one of them may be terminated (a zone of protected instances only is left as
/// it is: the termination would have to come from elsewhere and would unbalance the group
/// again).
pub fn needs_rebalance(zones: &[ZoneInstances]) -> bool {
    let Some(min) = zones.iter().map(|z| z.instances).min() else {
        return false;
    };
    zones
        .iter()
        .any(|z| z.instances >= min + 2 && z.unprotected > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(instances: u32) -> ZoneInstances {
        ZoneInstances {
            instances,
            unprotected: instances,
        }
    }

    // as-instance-termination: two zones, one fails and recovers: the group "launches a new
    // instance in this zone, which in turn terminates an instance in the unaffected zone".
    #[test]
    fn ec2as_az_rebalance_when_a_recovered_zone_is_empty() {
        assert!(needs_rebalance(&[zone(0), zone(2)]));
        assert!(needs_rebalance(&[zone(0), zone(2), zone(1)]));
        assert!(!needs_rebalance(&[zone(1), zone(2)]));
        assert!(!needs_rebalance(&[zone(1), zone(1), zone(1)]));
        assert!(!needs_rebalance(&[]));
        // One instance in three zones is as even as it gets.
        assert!(!needs_rebalance(&[zone(0), zone(1), zone(0)]));
    }

    #[test]
    fn ec2as_az_rebalance_leaves_a_zone_of_protected_instances() {
        let protected = ZoneInstances {
            instances: 3,
            unprotected: 0,
        };
        assert!(!needs_rebalance(&[zone(0), protected]));
        let one_free = ZoneInstances {
            instances: 3,
            unprotected: 1,
        };
        assert!(needs_rebalance(&[zone(1), one_free]));
    }
}
