//! What the fast placement path looks up instead of scanning: per cluster, the live instances
//! ordered by free memory and CPU, the instances that may fail a filter for reasons other than
//! resources, the instances grouped by pool and zone, and per task group how many of its tasks
//! each instance, zone and partition holds.
//!
//! The simulation updates it where it reserves or releases resources, where a task stops
//! counting for its group, and where an instance registers or changes status. The invariant
//! checker compares it with [`PlacementIndex::rebuild`] after every step in debug builds.

pub mod sorted;

use crate::cluster::Instance;
use std::collections::{BTreeMap, BTreeSet};

/// Host ports in use from which an instance might not have the dynamic ports a task needs;
/// such instances are checked one by one.
pub const PORT_HEAVY: usize = 8192;

/// Which pool and zone an instance belongs to; fixed for its life.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartKey {
    /// ECS Anywhere.
    pub external: bool,
    /// Its Auto Scaling group.
    pub asg: Option<usize>,
    /// Its zone (the ENI filter's subnets test this).
    pub zone: String,
    /// Its `ecs.availability-zone` attribute (the default spread balances this).
    pub zone_attr: Option<String>,
}

/// The live instances of one [`PartKey`], in instance order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// What its instances share.
    pub key: PartKey,
    /// Live (not terminated) instances, sorted.
    pub members: Vec<usize>,
}

/// A task group's tasks in one partition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupPart {
    /// Active tasks of the group on the partition's instances.
    pub total: u64,
    /// Instances with at least one, sorted.
    pub nonzero: Vec<usize>,
    /// Instances by how many they have (≥ 1), each list sorted.
    pub levels: BTreeMap<u32, Vec<usize>>,
}

/// A task group (`service:web`) in one cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupIndex {
    /// Active tasks of the group per instance (instances with none are absent) — the
    /// pipeline's `group_on`.
    pub on: BTreeMap<usize, u32>,
    /// Per partition (by index into [`ClusterIndex::parts`]).
    pub parts: BTreeMap<usize, GroupPart>,
}

/// Resource keys an instance is filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys {
    memory_free: u32,
    cpu_free: u32,
    active: bool,
    eni_full: bool,
    port_heavy: bool,
}

impl Keys {
    fn of(inst: &Instance) -> Keys {
        Keys {
            memory_free: inst.memory_free(),
            cpu_free: inst.cpu_free(),
            active: inst.accepts_tasks(),
            eni_full: inst.enis_used >= inst.eni_limit,
            port_heavy: inst.ports.len() >= PORT_HEAVY,
        }
    }
}

/// One cluster's index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterIndex {
    /// Live instances, sorted (the order the reference pipeline visits them).
    pub alive: Vec<usize>,
    /// Live instances by (free memory, index).
    pub by_memory: BTreeSet<(u32, usize)>,
    /// Live instances by (free CPU, index).
    pub by_cpu: BTreeSet<(u32, usize)>,
    /// Live instances that do not accept tasks (launching, draining).
    pub not_active: BTreeSet<usize>,
    /// Live instances with every ENI in use.
    pub eni_full: BTreeSet<usize>,
    /// Live instances with at least [`PORT_HEAVY`] host ports in use.
    pub port_heavy: BTreeSet<usize>,
    /// Partitions, in order of their first instance.
    pub parts: Vec<Partition>,
    /// Every instance ever added → its partition.
    pub part_of: BTreeMap<usize, usize>,
    /// Some two instances share an EC2 instance ID (spread on instanceId then sums them, which
    /// the fast path does not model).
    pub duplicate_ids: bool,
    ids: BTreeSet<String>,
    keys: BTreeMap<usize, Keys>,
    /// Task groups with active tasks on the cluster's instances.
    pub groups: BTreeMap<String, GroupIndex>,
}

/// The placement index of every cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementIndex {
    /// By cluster index.
    pub clusters: Vec<ClusterIndex>,
}

impl PlacementIndex {
    /// The index as it should be for these instances, built from scratch.
    pub fn rebuild(instances: &[Instance]) -> PlacementIndex {
        let mut index = PlacementIndex::default();
        for (i, inst) in instances.iter().enumerate() {
            index.add_instance(i, inst);
            for (group, &n) in &inst.group_counts {
                index.group_changed(i, inst, group, 0, n);
            }
        }
        index
    }

    /// A cluster's index (empty if it has no instances yet).
    pub fn cluster(&self, c: usize) -> Option<&ClusterIndex> {
        self.clusters.get(c)
    }

    /// Live instances of Auto Scaling group `a` (in cluster `cluster`) per zone.
    pub fn asg_instances_per_zone(&self, cluster: usize, a: usize) -> BTreeMap<&str, u32> {
        let mut out: BTreeMap<&str, u32> = BTreeMap::new();
        for part in self.cluster(cluster).into_iter().flat_map(|c| &c.parts) {
            if part.key.asg == Some(a) && !part.members.is_empty() {
                *out.entry(part.key.zone.as_str()).or_default() += part.members.len() as u32;
            }
        }
        out
    }

    /// Files a new instance (called once, right after it is added to the simulation).
    pub fn add_instance(&mut self, i: usize, inst: &Instance) {
        if self.clusters.len() <= inst.cluster {
            self.clusters
                .resize_with(inst.cluster + 1, ClusterIndex::default);
        }
        let c = &mut self.clusters[inst.cluster];
        let key = PartKey {
            external: inst.external,
            asg: inst.asg,
            zone: inst.zone.clone(),
            zone_attr: inst.attributes.get(ZONE_ATTRIBUTE).cloned(),
        };
        let p = match c.parts.iter().position(|p| p.key == key) {
            Some(p) => p,
            None => {
                c.parts.push(Partition {
                    key,
                    members: Vec::new(),
                });
                c.parts.len() - 1
            }
        };
        c.part_of.insert(i, p);
        if !c.ids.insert(inst.ec2_instance_id.clone()) {
            c.duplicate_ids = true;
        }
        self.refresh(i, inst);
    }

    /// Refiles an instance after its status, reserved resources, ENIs or ports changed.
    pub fn refresh(&mut self, i: usize, inst: &Instance) {
        let Some(c) = self.clusters.get_mut(inst.cluster) else {
            return;
        };
        let old = c.keys.get(&i).copied();
        let new = inst.is_alive().then(|| Keys::of(inst));
        if old == new {
            return;
        }
        let p = c.part_of[&i];
        if let Some(k) = old {
            c.by_memory.remove(&(k.memory_free, i));
            c.by_cpu.remove(&(k.cpu_free, i));
            c.not_active.remove(&i);
            c.eni_full.remove(&i);
            c.port_heavy.remove(&i);
        }
        match new {
            Some(k) => {
                c.keys.insert(i, k);
                c.by_memory.insert((k.memory_free, i));
                c.by_cpu.insert((k.cpu_free, i));
                if !k.active {
                    c.not_active.insert(i);
                }
                if k.eni_full {
                    c.eni_full.insert(i);
                }
                if k.port_heavy {
                    c.port_heavy.insert(i);
                }
                sorted::insert(&mut c.alive, i);
                sorted::insert(&mut c.parts[p].members, i);
            }
            None => {
                c.keys.remove(&i);
                sorted::remove(&mut c.alive, i);
                sorted::remove(&mut c.parts[p].members, i);
            }
        }
    }

    /// Counts one more active task of `group` on instance `i` (and on `inst.group_counts`).
    pub fn add_group_task(&mut self, i: usize, inst: &mut Instance, group: &str) {
        let n = match inst.group_counts.get_mut(group) {
            Some(n) => {
                *n += 1;
                *n - 1
            }
            None => {
                inst.group_counts.insert(group.to_string(), 1);
                0
            }
        };
        self.group_changed(i, inst, group, n, n + 1);
    }

    /// Counts one active task of `group` fewer on instance `i` (its stop was requested).
    pub fn remove_group_task(&mut self, i: usize, inst: &mut Instance, group: &str) {
        let n = inst.group_counts.get(group).copied().unwrap_or(0);
        if n == 0 {
            return;
        }
        match inst.group_counts.get_mut(group) {
            Some(m) if *m > 1 => *m -= 1,
            _ => {
                inst.group_counts.remove(group);
            }
        }
        self.group_changed(i, inst, group, n, n - 1);
    }

    fn group_changed(&mut self, i: usize, inst: &Instance, group: &str, old: u32, new: u32) {
        let Some(c) = self.clusters.get_mut(inst.cluster) else {
            return;
        };
        let p = c.part_of[&i];
        if !c.groups.contains_key(group) {
            c.groups.insert(group.to_string(), GroupIndex::default());
        }
        let Some(g) = c.groups.get_mut(group) else {
            return;
        };
        if new == 0 {
            g.on.remove(&i);
        } else {
            g.on.insert(i, new);
        }
        let gp = g.parts.entry(p).or_default();
        gp.total = gp.total + u64::from(new) - u64::from(old);
        if old > 0 {
            if let Some(level) = gp.levels.get_mut(&old) {
                sorted::remove(level, i);
                if level.is_empty() {
                    gp.levels.remove(&old);
                }
            }
        }
        if new > 0 {
            sorted::insert(gp.levels.entry(new).or_default(), i);
        }
        match (old > 0, new > 0) {
            (false, true) => sorted::insert(&mut gp.nonzero, i),
            (true, false) => sorted::remove(&mut gp.nonzero, i),
            _ => {}
        }
        if gp.total == 0 {
            g.parts.remove(&p);
        }
        if g.on.is_empty() {
            c.groups.remove(group);
        }
    }
}

/// The attribute the service-default spread balances on.
pub const ZONE_ATTRIBUTE: &str = "ecs.availability-zone";
