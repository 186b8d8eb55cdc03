//! Capacity provider strategies (DG cluster-capacity-providers): the base is filled first,
//! then the remaining tasks are split by weight. Scaling in gives tasks back in the reverse
//! order, so the base and the split stay (the playground's reading, see [`release`]).

use crate::cluster::StrategyItem;

/// Picks the strategy item for the next task, given how many active tasks each item already
/// has (same order as `items`).
///
/// The item with a base gets tasks until it has `base`; after that each task goes to the item
/// whose share beyond its base is furthest below its weight, i.e. the smallest
/// `(beyond_base + 1) / weight`, compared exactly by cross-multiplying. Ties go to the earlier
/// item. Items with weight 0 are used only when no item has a weight (which validation forbids)
/// or for their base. Example (DG): FARGATE base 2 weight 1 + FARGATE_SPOT weight 3, 10 tasks →
/// 4 FARGATE and 6 FARGATE_SPOT.
pub fn choose(items: &[StrategyItem], counts: &[u32]) -> Option<usize> {
    if let Some(k) = items.iter().zip(counts).position(|(it, &n)| n < it.base) {
        return Some(k);
    }
    let mut best: Option<(usize, u64, u64)> = None; // (index, numerator, weight)
    for (k, (it, &n)) in items.iter().zip(counts).enumerate() {
        if it.weight == 0 {
            continue;
        }
        let beyond = u64::from(n.saturating_sub(it.base)) + 1;
        let w = u64::from(it.weight);
        let better = match best {
            None => true,
            Some((_, bn, bw)) => beyond * bw < bn * w,
        };
        if better {
            best = Some((k, beyond, w));
        }
    }
    best.map(|(k, _, _)| k)
        .or(if items.is_empty() { None } else { Some(0) })
}

/// Picks the strategy item a service scaling in stops its next task from, given how many
/// tasks each item has (same order as `items`): the inverse of [`choose`], so stopping one
/// task from the counts of `n` tasks leaves the counts of `n - 1`.
///
/// Why: the API's `base` "designates how many tasks, at a minimum, to run on the specified
/// capacity provider" (API *CapacityProviderStrategyItem*), and the guide says nothing of which
/// provider loses a task on scale-in. The playground keeps the base and the weights' split:
/// first an item beyond its base with weight 0, then the item whose share beyond its base is
/// furthest above its weight (the largest `beyond_base / weight`, compared exactly; ties go to
/// the later item, as `choose`'s go to the earlier). Only when every item is at or below its
/// base does the base give a task back. `None` when no item has a task.
pub fn release(items: &[StrategyItem], counts: &[u32]) -> Option<usize> {
    let mut best: Option<(usize, u64, u64)> = None; // (index, beyond base, weight)
    for (k, (it, &n)) in items.iter().zip(counts).enumerate() {
        let beyond = u64::from(n.saturating_sub(it.base));
        if beyond == 0 {
            continue;
        }
        let w = u64::from(it.weight);
        let better = match best {
            None => true,
            // Weight 0 beyond its base is furthest above its share of all.
            Some((_, bb, bw)) => w == 0 || (bw != 0 && beyond * bw >= bb * w),
        };
        if better {
            best = Some((k, beyond, w));
        }
    }
    best.map(|(k, _, _)| k)
        .or_else(|| counts.iter().rposition(|&n| n > 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::ProviderKind;

    fn item(name: &str, kind: ProviderKind, base: u32, weight: u32) -> StrategyItem {
        StrategyItem {
            name: name.into(),
            kind,
            base,
            weight,
        }
    }

    fn distribute(items: &[StrategyItem], n: u32) -> Vec<u32> {
        let mut counts = vec![0; items.len()];
        for _ in 0..n {
            let k = choose(items, &counts).unwrap();
            counts[k] += 1;
        }
        counts
    }

    #[test]
    fn fargate_base_2_weight_1_and_spot_weight_3_with_10_tasks_gives_4_and_6() {
        let items = [
            item("FARGATE", ProviderKind::Fargate, 2, 1),
            item("FARGATE_SPOT", ProviderKind::FargateSpot, 0, 3),
        ];
        assert_eq!(distribute(&items, 10), vec![4, 6]);
    }

    #[test]
    fn base_is_filled_before_weights_apply() {
        let items = [
            item("FARGATE", ProviderKind::Fargate, 3, 1),
            item("FARGATE_SPOT", ProviderKind::FargateSpot, 0, 1),
        ];
        assert_eq!(distribute(&items, 3), vec![3, 0]);
        assert_eq!(distribute(&items, 5), vec![4, 1]);
    }

    #[test]
    fn scaling_in_from_10_to_5_keeps_the_base_of_2_and_the_counts_placing_5_gives() {
        let items = [
            item("FARGATE", ProviderKind::Fargate, 2, 1),
            item("FARGATE_SPOT", ProviderKind::FargateSpot, 0, 3),
        ];
        let mut counts = distribute(&items, 10);
        for _ in 0..5 {
            let k = release(&items, &counts).unwrap();
            counts[k] -= 1;
        }
        // Placing 5: the base 2, then SPOT, SPOT, and FARGATE on the 1:1 tie at 3 beyond.
        assert_eq!(counts, vec![3, 2]);
        assert_eq!(counts, distribute(&items, 5));
    }

    #[test]
    fn the_base_gives_tasks_back_only_when_nothing_is_beyond_a_base() {
        let items = [
            item("FARGATE", ProviderKind::Fargate, 3, 1),
            item("FARGATE_SPOT", ProviderKind::FargateSpot, 0, 1),
        ];
        assert_eq!(release(&items, &[3, 1]), Some(1));
        assert_eq!(release(&items, &[3, 0]), Some(0));
        assert_eq!(release(&items, &[0, 0]), None);
    }

    #[test]
    fn counts_off_the_split_lose_from_the_provider_furthest_above_its_share() {
        // After Spot interruptions were replaced on FARGATE, say: 2 beyond the base of 2 on
        // FARGATE weigh 2/1 against 1/3 on FARGATE_SPOT.
        let items = [
            item("FARGATE", ProviderKind::Fargate, 2, 1),
            item("FARGATE_SPOT", ProviderKind::FargateSpot, 0, 3),
        ];
        assert_eq!(release(&items, &[4, 1]), Some(0));
        // A weight-0 item beyond its base goes first.
        let items = [
            item("A", ProviderKind::Fargate, 0, 1),
            item("B", ProviderKind::FargateSpot, 0, 0),
        ];
        assert_eq!(release(&items, &[5, 1]), Some(1));
    }

    proptest::proptest! {
        /// Stopping the task `release` names from the counts of `n` tasks gives exactly the
        /// counts `choose` reaches for `n - 1`, for any valid strategy.
        #[test]
        fn release_undoes_choose(
            base in 0u32..6,
            base_at in 0usize..3,
            weights in proptest::collection::vec(0u32..5, 1..4),
            n in 1u32..40,
        ) {
            proptest::prop_assume!(weights.iter().any(|&w| w > 0));
            let items: Vec<StrategyItem> = weights
                .iter()
                .enumerate()
                .map(|(k, &w)| {
                    let b = if k == base_at % weights.len() { base } else { 0 };
                    item(&format!("P{k}"), ProviderKind::Fargate, b, w)
                })
                .collect();
            let mut counts = distribute(&items, n);
            let k = release(&items, &counts).unwrap();
            counts[k] -= 1;
            proptest::prop_assert_eq!(counts, distribute(&items, n - 1));
        }
    }

    #[test]
    fn weight_zero_gets_nothing_beyond_its_base() {
        let items = [
            item("A", ProviderKind::Fargate, 0, 1),
            item("B", ProviderKind::FargateSpot, 2, 0),
        ];
        assert_eq!(distribute(&items, 6), vec![4, 2]);
    }
}
