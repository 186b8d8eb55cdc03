//! The rolling update bounds (DG deployment-type-ecs): how many healthy tasks a deployment
//! keeps and how many tasks it may run at once, from desiredCount and the two percentages.

/// The lower bound of a rolling replacement: ⌈desired × minimumHealthyPercent / 100⌉ healthy
/// tasks (DG deployment-type-ecs; 2 tasks at 75% → 2).
pub fn lower_bound(desired: u32, minimum_healthy_percent: u32) -> u32 {
    (u64::from(desired) * u64::from(minimum_healthy_percent)).div_ceil(100) as u32
}

/// The upper bound: ⌊desired × maximumPercent / 100⌋ tasks RUNNING or PENDING (3 tasks at
/// 125% → 3).
pub fn upper_bound(desired: u32, maximum_percent: u32) -> u32 {
    (u64::from(desired) * u64::from(maximum_percent) / 100) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_bounds_follow_the_documented_edge_cases() {
        // DG deployment-type-ecs: 2 tasks at minimumHealthyPercent 75% → lower bound 2
        // (no task can be stopped first); 3 tasks at maximumPercent 125% → upper bound 3.
        assert_eq!(lower_bound(2, 75), 2);
        assert_eq!(upper_bound(3, 125), 3);
        assert_eq!(lower_bound(4, 50), 2);
        assert_eq!(upper_bound(4, 200), 8);
        assert_eq!(lower_bound(0, 100), 0);
    }
}
