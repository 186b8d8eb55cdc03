//! The overview of a very large cluster: each zone lane draws at most [`INSTANCES_SHOWN`]
//! container instances and [`FARGATE_SHOWN`] Fargate task chips (the oldest, so the drawn ones
//! stay put while tasks come and go) and says how many more there are. The scenario limits
//! allow 5,000 instances or 20,000 tasks; tens of thousands of elements cannot be laid out in a
//! frame (at 20,000 Fargate chips every redraw was a 150–350 ms task), nor read on a screen.
//! The tallies above the lanes still count every task.

use ecs_sim::view::ClusterLayout;
use std::collections::BTreeMap;

/// Container instances drawn per zone lane.
pub const INSTANCES_SHOWN: usize = 100;
/// Fargate and Fargate Spot task chips drawn per zone lane.
pub const FARGATE_SHOWN: usize = 300;

/// What a lane leaves out: (instances, Fargate tasks).
pub type Hidden = BTreeMap<String, (usize, usize)>;

/// `layout` with every lane cut to what is drawn; the tasks of instances not drawn leave
/// `tasks_on` too, so keyboard navigation (`chip_rows`) only visits drawn chips.
pub fn drawn(layout: &ClusterLayout) -> ClusterLayout {
    if !layout
        .lanes
        .iter()
        .any(|l| l.instances.len() > INSTANCES_SHOWN || l.fargate.len() > FARGATE_SHOWN)
    {
        return layout.clone();
    }
    let mut out = layout.clone();
    for lane in &mut out.lanes {
        for i in lane
            .instances
            .drain(INSTANCES_SHOWN.min(lane.instances.len())..)
        {
            out.tasks_on.remove(&i);
        }
        lane.fargate.truncate(FARGATE_SHOWN);
    }
    out
}

/// How many instances and Fargate tasks each lane leaves out (lanes that draw everything are
/// absent).
pub fn hidden(layout: &ClusterLayout) -> Hidden {
    layout
        .lanes
        .iter()
        .filter_map(|l| {
            let more = (
                l.instances.len().saturating_sub(INSTANCES_SHOWN),
                l.fargate.len().saturating_sub(FARGATE_SHOWN),
            );
            (more != (0, 0)).then(|| (l.zone.clone(), more))
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use ecs_sim::view::Lane;

    fn layout(instances: usize, fargate: usize) -> ClusterLayout {
        let mut l = ClusterLayout {
            lanes: vec![Lane {
                zone: "us-east-1a".into(),
                down: false,
                instances: (0..instances).collect(),
                fargate: (10_000..10_000 + fargate).collect(),
            }],
            ..ClusterLayout::default()
        };
        for i in 0..instances {
            l.tasks_on.insert(i, vec![20_000 + i]);
        }
        l
    }

    #[test]
    fn a_lane_within_the_caps_is_drawn_whole() {
        let l = layout(INSTANCES_SHOWN, FARGATE_SHOWN);
        assert_eq!(drawn(&l), l);
        assert!(hidden(&l).is_empty());
    }

    #[test]
    fn a_lane_over_the_caps_draws_the_oldest_and_counts_the_rest() {
        let l = layout(INSTANCES_SHOWN + 7, FARGATE_SHOWN + 30);
        let d = drawn(&l);
        assert_eq!(
            d.lanes[0].instances,
            (0..INSTANCES_SHOWN).collect::<Vec<_>>()
        );
        assert_eq!(d.lanes[0].fargate.len(), FARGATE_SHOWN);
        assert_eq!(d.lanes[0].fargate[0], 10_000);
        assert_eq!(
            d.tasks_on.len(),
            INSTANCES_SHOWN,
            "tasks of undrawn instances leave"
        );
        assert_eq!(hidden(&l).get("us-east-1a"), Some(&(7, 30)));
    }
}
