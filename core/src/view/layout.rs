//! Where the cluster view draws everything: one lane per Availability Zone holding its
//! container instances and its Fargate tasks, a queue of tasks waiting for placement, and a
//! colour per service with a shade per task definition revision.

use crate::cluster::InstanceStatus;
use crate::sim::snapshot::{Snapshot, TaskView};
use crate::task::{LaunchKind, TaskStatus};
use std::collections::BTreeMap;

/// One Availability Zone's column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// Zone name.
    pub zone: String,
    /// The zone is in an outage.
    pub down: bool,
    /// Container instances shown in it (instance indices, launch order).
    pub instances: Vec<usize>,
    /// Fargate and Fargate Spot tasks placed in it (task indices).
    pub fargate: Vec<usize>,
}

/// The cluster view's arrangement of one snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClusterLayout {
    /// Zone lanes in the scenario's zone order, then any other zone an instance reports.
    pub lanes: Vec<Lane>,
    /// Tasks waiting in PROVISIONING for capacity (task indices, oldest first).
    pub waiting: Vec<usize>,
    /// Services with tasks they could not place (service indices): no task exists for those,
    /// so the queue shows the service and its count (the simulator's own).
    pub unplaced: Vec<usize>,
    /// The tasks drawn on each instance (task indices), stopped ones included while the
    /// snapshot still shows them, so they can fade out where they ran.
    pub tasks_on: BTreeMap<usize, Vec<usize>>,
}

impl ClusterLayout {
    /// The tasks drawn on an instance.
    pub fn tasks_on(&self, instance: usize) -> Vec<usize> {
        self.tasks_on.get(&instance).cloned().unwrap_or_default()
    }

    /// A lane by zone name.
    pub fn lane(&self, zone: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.zone == zone)
    }
}

/// Arranges a snapshot into lanes. A terminated instance stays (faded) only while tasks that
/// ran on it are still fading out; then it leaves the picture.
pub fn cluster_layout(snap: &Snapshot) -> ClusterLayout {
    let mut layout = ClusterLayout {
        lanes: snap
            .zones
            .iter()
            .map(|z| Lane {
                zone: z.name.clone(),
                down: z.down,
                instances: Vec::new(),
                fargate: Vec::new(),
            })
            .collect(),
        ..ClusterLayout::default()
    };
    let over_cap = fading_over_cap(snap);
    for task in &snap.tasks {
        if over_cap.contains(&task.index) {
            continue;
        }
        match (task.instance, &task.zone) {
            (Some(i), _) => layout.tasks_on.entry(i).or_default().push(task.index),
            _ if task.waiting_reason.is_some() => layout.waiting.push(task.index),
            (None, Some(zone))
                if matches!(task.launch, LaunchKind::Fargate | LaunchKind::FargateSpot) =>
            {
                lane_mut(&mut layout.lanes, zone).fargate.push(task.index);
            }
            (None, None) if task.last_status != TaskStatus::Stopped => {
                layout.waiting.push(task.index);
            }
            _ => {}
        }
    }
    layout.unplaced = snap
        .services
        .iter()
        .enumerate()
        .filter(|(_, s)| s.unplaced_count > 0)
        .map(|(i, _)| i)
        .collect();
    for inst in &snap.instances {
        let shown =
            inst.status != InstanceStatus::Terminated || layout.tasks_on.contains_key(&inst.index);
        if shown {
            lane_mut(&mut layout.lanes, &inst.zone)
                .instances
                .push(inst.index);
        }
    }
    layout
}

/// At most this many STOPPED tasks fade out in one zone lane (on its instances and in its
/// Fargate group together); older ones leave at once. The snapshot keeps a stopped task for a
/// minute, and a crash loop stops many tasks a minute: without a cap the lane would fill with
/// ghosts.
pub const FADING_PER_LANE: usize = 6;

/// The STOPPED tasks beyond [`FADING_PER_LANE`] in their lane, newest kept (task indices grow
/// with creation, so the newest tasks are kept). One pass over the tasks.
fn fading_over_cap(snap: &Snapshot) -> std::collections::BTreeSet<usize> {
    let mut per_lane: BTreeMap<&str, usize> = BTreeMap::new();
    let mut over = std::collections::BTreeSet::new();
    for task in snap.tasks.iter().rev() {
        if task.last_status != TaskStatus::Stopped {
            continue;
        }
        let lane = task
            .instance
            .and_then(|i| snap.instances.get(i))
            .map(|i| i.zone.as_str())
            .or(task.zone.as_deref())
            .unwrap_or("");
        let n = per_lane.entry(lane).or_default();
        if *n >= FADING_PER_LANE {
            over.insert(task.index);
        } else {
            *n += 1;
        }
    }
    over
}

fn lane_mut<'a>(lanes: &'a mut Vec<Lane>, zone: &str) -> &'a mut Lane {
    let at = match lanes.iter().position(|l| l.zone == zone) {
        Some(at) => at,
        None => {
            lanes.push(Lane {
                zone: zone.to_string(),
                down: false,
                instances: Vec::new(),
                fargate: Vec::new(),
            });
            lanes.len() - 1
        }
    };
    &mut lanes[at]
}

/// A task of the snapshot by its index (tasks are in index order).
pub fn find_task(snap: &Snapshot, index: usize) -> Option<&TaskView> {
    snap.tasks
        .binary_search_by_key(&index, |t| t.index)
        .ok()
        .and_then(|p| snap.tasks.get(p))
}

/// The colour of a service: its position among the scenario's services (`None` for
/// standalone tasks), so every chip, swatch and log line of a service matches.
pub fn service_colour(snap: &Snapshot, service: Option<&str>) -> Option<usize> {
    let name = service?;
    snap.services.iter().position(|s| s.name == name)
}

/// How far a task's revision is from its service's current one: 0 for the current revision,
/// 1 for the one before (or a newer one, after a rollback), 2 for anything older. The view
/// draws older revisions in lighter shades, so a rolling deployment is visible at a glance.
pub fn revision_shade(snap: &Snapshot, task: &TaskView) -> u8 {
    let current = task
        .service
        .as_deref()
        .and_then(|name| snap.services.iter().find(|s| s.name == name))
        .and_then(|s| current_revision(&s.task_definition));
    shade(current, task.revision)
}

/// The revision number at the end of a `family:revision` task definition.
fn current_revision(task_definition: &str) -> Option<u32> {
    task_definition.rsplit(':').next()?.parse::<u32>().ok()
}

/// [`service_colour`] and [`revision_shade`] for every task of one snapshot in one pass: the
/// cluster view draws 2,000 chips, and a scan of the services by name per chip per redraw
/// adds up.
#[derive(Debug, Clone, Default)]
pub struct ServiceLookup<'a> {
    /// Service name → (colour, current revision).
    by_name: std::collections::HashMap<&'a str, (usize, Option<u32>)>,
}

impl<'a> ServiceLookup<'a> {
    /// The lookup for `snap`'s services.
    pub fn new(snap: &'a Snapshot) -> Self {
        let mut by_name = std::collections::HashMap::with_capacity(snap.services.len());
        for (i, s) in snap.services.iter().enumerate() {
            // The first service of a name wins, as in `service_colour`'s scan.
            by_name
                .entry(s.name.as_str())
                .or_insert((i, current_revision(&s.task_definition)));
        }
        ServiceLookup { by_name }
    }

    /// Same as [`service_colour`].
    pub fn colour(&self, service: Option<&str>) -> Option<usize> {
        self.by_name.get(service?).map(|(c, _)| *c)
    }

    /// Same as [`revision_shade`].
    pub fn shade(&self, task: &TaskView) -> u8 {
        let current = task
            .service
            .as_deref()
            .and_then(|name| self.by_name.get(name))
            .and_then(|(_, r)| *r);
        shade(current, task.revision)
    }
}

fn shade(current: Option<u32>, revision: u32) -> u8 {
    match current {
        Some(c) if c == revision => 0,
        Some(c) if revision + 1 == c || revision > c => 1,
        Some(_) => 2,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Sim;

    fn default_sim() -> Sim {
        Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid")
    }

    #[test]
    fn service_lookup_agrees_with_the_per_task_functions() {
        let mut sim =
            Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid");
        sim.run_until(120_000);
        let snap = sim.snapshot();
        let lookup = ServiceLookup::new(&snap);
        assert!(!snap.tasks.is_empty());
        for t in &snap.tasks {
            let service = t.service.as_deref();
            assert_eq!(lookup.colour(service), service_colour(&snap, service));
            assert_eq!(lookup.shade(t), revision_shade(&snap, t));
        }
        assert_eq!(lookup.colour(Some("no such service")), None);
        assert_eq!(lookup.colour(None), None);
    }

    #[test]
    fn default_scenario_has_one_instance_per_zone_lane() {
        let snap = default_sim().snapshot();
        let layout = cluster_layout(&snap);
        let zones: Vec<&str> = layout.lanes.iter().map(|l| l.zone.as_str()).collect();
        assert_eq!(zones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        for lane in &layout.lanes {
            assert_eq!(lane.instances.len(), 1, "lane {}", lane.zone);
            let i = lane.instances[0];
            assert_eq!(snap.instances[i].zone, lane.zone);
        }
    }

    #[test]
    fn tasks_land_on_their_instance_or_fargate_lane() {
        let mut sim = default_sim();
        sim.run_until(60_000);
        let snap = sim.snapshot();
        let layout = cluster_layout(&snap);
        let on_instances: usize = layout.tasks_on.values().map(Vec::len).sum();
        let fargate: usize = layout.lanes.iter().map(|l| l.fargate.len()).sum();
        assert_eq!(on_instances, 6, "web runs 6 tasks on EC2");
        assert_eq!(fargate, 4, "api runs 4 tasks on Fargate");
        for (i, tasks) in &layout.tasks_on {
            for t in tasks {
                assert_eq!(find_task(&snap, *t).and_then(|t| t.instance), Some(*i));
            }
        }
        for lane in &layout.lanes {
            for t in &lane.fargate {
                let task = find_task(&snap, *t).expect("shown");
                assert_eq!(task.zone.as_deref(), Some(lane.zone.as_str()));
            }
        }
        assert!(layout.waiting.is_empty());
    }

    #[test]
    fn a_terminated_instance_stays_while_its_tasks_fade_then_leaves() {
        let mut sim = default_sim();
        sim.run_until(60_000);
        sim.terminate_instance(1).expect("alive");
        let layout = cluster_layout(&sim.snapshot());
        assert!(layout.lanes.iter().any(|l| l.instances.contains(&1)));
        sim.run_until(200_000);
        let layout = cluster_layout(&sim.snapshot());
        assert!(!layout.lanes.iter().any(|l| l.instances.contains(&1)));
    }

    #[test]
    fn stopped_tasks_fade_where_they_ran_at_most_a_few_per_lane() {
        // bad-release's crash loop stops tasks again and again; with ten times the tasks it
        // stops more a minute than a lane keeps.
        let e = crate::scenario::examples::example("bad-release").expect("example");
        let text = e
            .json
            .replace("\"desiredCount\": 3", "\"desiredCount\": 30")
            .replace("\"desiredCount\": 2", "\"desiredCount\": 20");
        assert_ne!(text, e.json);
        let mut sim = Sim::from_json(&text).expect("valid");
        let mut most = 0;
        let mut capped = false;
        for at in (0..=900_000).step_by(10_000) {
            sim.run_until(at);
            let snap = sim.snapshot();
            let layout = cluster_layout(&snap);
            capped |= !fading_over_cap(&snap).is_empty();
            let drawn: Vec<usize> = layout
                .tasks_on
                .values()
                .flatten()
                .chain(layout.lanes.iter().flat_map(|l| l.fargate.iter()))
                .copied()
                .collect();
            for lane in &layout.lanes {
                let stopped = drawn
                    .iter()
                    .filter_map(|&t| find_task(&snap, t))
                    .filter(|t| t.last_status == TaskStatus::Stopped)
                    .filter(|t| {
                        let zone = t
                            .instance
                            .map(|i| snap.instances[i].zone.as_str())
                            .or(t.zone.as_deref());
                        zone == Some(lane.zone.as_str())
                    })
                    .count();
                assert!(
                    stopped <= FADING_PER_LANE,
                    "{stopped} ghosts in {}",
                    lane.zone
                );
                most = most.max(stopped);
            }
            // The newest stopped task is always drawn (it just stopped: it fades, not vanishes).
            if let Some(newest) = snap
                .tasks
                .iter()
                .rev()
                .find(|t| t.last_status == TaskStatus::Stopped && t.instance.is_some())
            {
                assert!(
                    drawn.contains(&newest.index),
                    "task {} vanished",
                    newest.index
                );
            }
        }
        assert!(most > 0, "the crash loop leaves fading chips");
        assert!(
            capped,
            "the crash loop stops more tasks a minute than a lane keeps"
        );
    }

    #[test]
    fn services_that_could_not_place_tasks_are_queued_without_task_objects() {
        // The default scenario's web service (launch type EC2) with more tasks than its three
        // instances hold: the rest are not tasks (ECS creates none), so the queue lists the
        // service, and nothing waits as a task.
        let text = include_str!("../scenario/examples/default.json")
            .replace("\"desiredCount\": 6", "\"desiredCount\": 40");
        let mut sim = Sim::from_json(&text).expect("valid");
        sim.run_until(30_000);
        let snap = sim.snapshot();
        let layout = cluster_layout(&snap);
        assert!(layout.waiting.is_empty());
        assert_eq!(layout.unplaced.len(), 1);
        let web = &snap.services[layout.unplaced[0]];
        assert_eq!(web.name, "web");
        assert_eq!(
            web.running_count + web.pending_count + web.unplaced_count,
            40
        );
    }

    #[test]
    fn colours_follow_service_order_and_shades_follow_revisions() {
        let mut sim = default_sim();
        sim.run_until(60_000);
        let mut snap = sim.snapshot();
        assert_eq!(service_colour(&snap, Some("web")), Some(0));
        assert_eq!(service_colour(&snap, Some("api")), Some(1));
        assert_eq!(service_colour(&snap, None), None);
        let mut task = snap.tasks[0].clone();
        let svc = task.service.clone().expect("a service task");
        assert_eq!(revision_shade(&snap, &task), 0);
        for s in snap.services.iter_mut().filter(|s| *s.name == *svc) {
            s.task_definition = format!("{svc}:3");
        }
        task.revision = 2;
        assert_eq!(revision_shade(&snap, &task), 1);
        task.revision = 1;
        assert_eq!(revision_shade(&snap, &task), 2);
    }
}
