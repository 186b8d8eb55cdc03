//! Capacity provider strategies (DG cluster-capacity-providers): the base is filled first,
//! then the remaining tasks are split by weight.

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
    fn weight_zero_gets_nothing_beyond_its_base() {
        let items = [
            item("A", ProviderKind::Fargate, 0, 1),
            item("B", ProviderKind::FargateSpot, 2, 0),
        ];
        assert_eq!(distribute(&items, 6), vec![4, 2]);
    }
}
