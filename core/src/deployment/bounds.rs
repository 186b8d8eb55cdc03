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

/// The two bounds in words, with the arithmetic where it rounds: "maximumPercent 110 allows 5
/// tasks (5.5 rounded down) and minimumHealthyPercent 100 keeps 5 healthy". Students could not
/// see why 110 % of 5 tasks leaves no room (walkthrough); the verdicts and the Deployments tab
/// say it the same way. The upper bound is never below the desired count (the scheduler keeps
/// the desired count whatever `maximumPercent` says).
pub fn bounds_words(desired: u32, minimum_healthy_percent: u32, maximum_percent: u32) -> String {
    let product = |percent: u32, rounded: u32, noun: &str, how: &str| {
        let hundredths = u64::from(desired) * u64::from(percent);
        if hundredths % 100 == 0 {
            format!("{rounded} {noun}")
        } else {
            let exact = format!("{}.{:02}", hundredths / 100, hundredths % 100);
            format!("{rounded} {noun} ({} {how})", exact.trim_end_matches('0'))
        }
    };
    format!(
        "maximumPercent {maximum_percent} allows {} and minimumHealthyPercent {minimum_healthy_percent} keeps {}",
        product(
            maximum_percent,
            upper_bound(desired, maximum_percent).max(desired),
            "tasks",
            "rounded down"
        ),
        product(
            minimum_healthy_percent,
            lower_bound(desired, minimum_healthy_percent),
            "healthy",
            "rounded up"
        ),
    )
}

/// What a rolling update of `desired` tasks may do first, in a sentence for the Update service
/// form: how many new tasks may start before an old one stops, and how many old ones may stop
/// before their replacements, from [`upper_bound`] and [`lower_bound`] (DG
/// deployment-type-ecs). Healthy running tasks are assumed: unhealthy ones are replaced first.
pub fn rolling_plan(desired: u32, minimum_healthy_percent: u32, maximum_percent: u32) -> String {
    if desired == 0 {
        return "With desiredCount 0, a deployment has no task to replace.".into();
    }
    let up = upper_bound(desired, maximum_percent)
        .max(desired)
        .saturating_sub(desired);
    let down = desired.saturating_sub(lower_bound(desired, minimum_healthy_percent));
    let tasks = |n: u32| if n == 1 { "task" } else { "tasks" };
    let verb = |n: u32, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    let first = match (up, down) {
        (0, 0) => "no room: no task can start before an old one stops, nor stop before a new one starts, so the deployment stays IN_PROGRESS (raise maximumPercent or lower minimumHealthyPercent)".to_string(),
        (u, 0) => format!(
            "up to {u} new {} {} before any old one stops",
            tasks(u),
            verb(u, "starts", "start")
        ),
        (0, d) => format!(
            "up to {d} old {} {} before any replacement starts",
            tasks(d),
            verb(d, "stops", "stop")
        ),
        (u, d) => format!(
            "up to {u} new {} {} beside the old ones, and up to {d} old {} may stop first",
            tasks(u),
            verb(u, "starts", "start"),
            tasks(d)
        ),
    };
    format!(
        "With desiredCount {desired}, {}: {first}.",
        bounds_words(desired, minimum_healthy_percent, maximum_percent)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_says_what_the_bounds_allow_first_with_their_rounding() {
        const NO_ROOM: &str = "no room: no task can start before an old one stops, nor stop before a new one starts, so the deployment stays IN_PROGRESS (raise maximumPercent or lower minimumHealthyPercent).";
        let cases = [
            // The defaults: 100 / 200 on 6 tasks.
            ((6, 100, 200), "With desiredCount 6, maximumPercent 200 allows 12 tasks and minimumHealthyPercent 100 keeps 6 healthy: up to 6 new tasks start before any old one stops.".to_string()),
            // Lesson 9's near miss: 110 % of 5 is 5.5, rounded down to 5.
            ((5, 100, 110), format!("With desiredCount 5, maximumPercent 110 allows 5 tasks (5.5 rounded down) and minimumHealthyPercent 100 keeps 5 healthy: {NO_ROOM}")),
            // DG deployment-type-ecs's own example: 2 tasks at 75 % keep 2 (1.5 rounded up).
            ((2, 75, 100), format!("With desiredCount 2, maximumPercent 100 allows 2 tasks and minimumHealthyPercent 75 keeps 2 healthy (1.5 rounded up): {NO_ROOM}")),
            ((0, 100, 200), "With desiredCount 0, a deployment has no task to replace.".to_string()),
            ((4, 50, 100), "With desiredCount 4, maximumPercent 100 allows 4 tasks and minimumHealthyPercent 50 keeps 2 healthy: up to 2 old tasks stop before any replacement starts.".to_string()),
            ((4, 75, 125), "With desiredCount 4, maximumPercent 125 allows 5 tasks and minimumHealthyPercent 75 keeps 3 healthy: up to 1 new task starts beside the old ones, and up to 1 old task may stop first.".to_string()),
        ];
        for ((desired, min, max), said) in cases {
            assert_eq!(
                rolling_plan(desired, min, max),
                said,
                "{desired} {min} {max}"
            );
        }
    }

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
