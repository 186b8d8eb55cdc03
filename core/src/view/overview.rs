//! The overview of a very large cluster: each zone lane draws at most [`INSTANCES_SHOWN`]
//! container instances and [`FARGATE_SHOWN`] Fargate task chips (the oldest, so the drawn ones
//! stay put while tasks come and go) and says how many more there are. The scenario limits
//! allow 5,000 instances or 20,000 tasks; tens of thousands of elements cannot be laid out in a
//! frame (at 20,000 Fargate chips every redraw was a 150–350 ms task), nor read on a screen.
//! The tallies above the lanes still count every task.

use super::ClusterLayout;
use std::collections::{BTreeMap, BTreeSet};

/// Container instances drawn per zone lane.
pub const INSTANCES_SHOWN: usize = 100;
/// Fargate and Fargate Spot task chips drawn per zone lane.
pub const FARGATE_SHOWN: usize = 300;

/// Task chips added to the page per redraw (or per animation frame while chips are held
/// back): when 1,000 tasks start in one event, creating all their chips at once made a
/// 200–400 ms task; the rest follow over the next frames.
pub const NEW_CHIPS_PER_FRAME: usize = 80;

/// What a lane leaves out: (instances, Fargate tasks).
pub type Hidden = BTreeMap<String, (usize, usize)>;

/// Every task chip `layout` draws (on instances and in the Fargate groups; the waiting queue
/// draws its own few).
fn chips(layout: &ClusterLayout) -> impl Iterator<Item = usize> + '_ {
    layout
        .tasks_on
        .values()
        .flatten()
        .chain(layout.lanes.iter().flat_map(|l| l.fargate.iter()))
        .copied()
}

/// [`drawn`], adding at most [`NEW_CHIPS_PER_FRAME`] chips that `previous` (what the page
/// drew last) did not draw; chips of tasks that left go at once. The rest are held back for
/// the next call ([`held_back`] says when to make one).
pub fn drawn_gradually(layout: &ClusterLayout, previous: Option<&ClusterLayout>) -> ClusterLayout {
    let mut out = drawn(layout);
    let Some(previous) = previous else {
        return out;
    };
    let before: BTreeSet<usize> = chips(previous).collect();
    let mut budget = NEW_CHIPS_PER_FRAME;
    let mut admit = |t: &usize| {
        if before.contains(t) {
            true
        } else if budget > 0 {
            budget -= 1;
            true
        } else {
            false
        }
    };
    for tasks in out.tasks_on.values_mut() {
        tasks.retain(&mut admit);
    }
    for lane in &mut out.lanes {
        lane.fargate.retain(&mut admit);
    }
    out
}

/// Whether `shown` (from [`drawn_gradually`]) holds back chips that [`drawn`] of `layout` has.
pub fn held_back(layout: &ClusterLayout, shown: &ClusterLayout) -> bool {
    chips(&drawn(layout)).count() > chips(shown).count()
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Lane;

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
    fn new_chips_join_a_frame_at_a_time_and_leaving_ones_go_at_once() {
        let empty = layout(0, 0);
        let full = layout(0, 2 * NEW_CHIPS_PER_FRAME + 10);
        let first = drawn_gradually(&full, Some(&empty));
        assert_eq!(first.lanes[0].fargate.len(), NEW_CHIPS_PER_FRAME);
        assert!(held_back(&full, &first));
        let second = drawn_gradually(&full, Some(&first));
        assert_eq!(second.lanes[0].fargate.len(), 2 * NEW_CHIPS_PER_FRAME);
        let third = drawn_gradually(&full, Some(&second));
        assert_eq!(third, drawn(&full));
        assert!(!held_back(&full, &third));
        // With no previous picture (a scenario just opened) everything is drawn.
        assert_eq!(drawn_gradually(&full, None), drawn(&full));
        // A task that left goes at once.
        let mut fewer = full.clone();
        fewer.lanes[0].fargate.remove(0);
        assert_eq!(drawn_gradually(&fewer, Some(&third)), drawn(&fewer));
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
