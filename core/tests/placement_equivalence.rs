//! The fast placement path decides exactly what the reference pipeline decides — the same
//! instance and the same random draws — on random cluster states and requests: instances with
//! random pools, zones, attributes, status, used resources, ports and ENIs; random task groups
//! already placed (some with a stop requested); random strategies, constraints and pools.
//! When nothing fits, the verdicts (which name ECS's "closest matching" instance) are equal too.

use ecs_sim::cluster::{Instance, InstanceStatus};
use ecs_sim::placement::query::parse;
use ecs_sim::placement::{place, place_reference, PlacementIndex, PlacementRequest, Pool};
use ecs_sim::placement::{Constraint, SpreadField, Strategy};
use ecs_sim::rng::{SimRng, Stream};
use ecs_sim::task::{HealthStatus, LaunchKind, Task, TaskStatus};
use ecs_sim::taskdef::TaskNeeds;
use ecs_sim::taskdef::{NetworkMode, Protocol};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const ZONES: [&str; 3] = ["us-east-1a", "us-east-1b", "us-east-1c"];
const GROUPS: [&str; 3] = ["service:a", "service:b", "family:x"];

/// Draws from a seeded stream, so a failing case is reproducible from proptest's seed.
struct Gen(SimRng);

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

fn task(group: &str, instance: usize, active: bool) -> Task {
    Task {
        id: format!("{instance:08x}{group}").into(),
        cluster: 0,
        task_definition: 0,
        service: None,
        group: group.into(),
        started_by: None,
        last_status: TaskStatus::Running,
        stop_requested: !active,
        launch: LaunchKind::Ec2,
        capacity_provider: None,
        instance: Some(instance),
        zone: None,
        host_ports: Vec::new(),
        holds_eni: false,
        health: HealthStatus::Unknown,
        container_health: Vec::new(),
        created_at: 0,
        pull_started_at: None,
        started_at: None,
        stopping_at: None,
        stopped_at: None,
        stop_code: None,
        stopped_reason: None,
        containers_exited: false,
        restarts: None,
        exit: None,
        hung: false,
        start_order: ecs_sim::task::StartOrder::Unplanned,
        waiting_reason: None,
        epoch: 0,
        target_group: None,
        target: None,
    }
}

fn instance(g: &mut Gen, i: usize, ids: &[String], port_heavy_per_mille: u64) -> Instance {
    let external = g.chance(15);
    let zone = if external {
        "on-premises".to_string()
    } else {
        g.pick(&ZONES).to_string()
    };
    let mut attributes = BTreeMap::new();
    match g.below(10) {
        0 => {}
        1 => {
            attributes.insert(
                "ecs.availability-zone".to_string(),
                g.pick(&ZONES).to_string(),
            );
        }
        _ if !external => {
            attributes.insert("ecs.availability-zone".to_string(), zone.clone());
        }
        _ => {}
    }
    if g.chance(50) {
        attributes.insert("rack".to_string(), g.pick(&["r1", "r2"]).to_string());
    }
    // What the agent reports (most instances; the requests may require either architecture).
    if g.below(4) != 0 {
        let arch = *g.pick(&["x86_64", "arm64"]);
        attributes.insert("ecs.cpu-architecture".to_string(), arch.to_string());
        attributes.insert("ecs.os-type".to_string(), "linux".to_string());
    }
    let ec2_instance_id = if !ids.is_empty() && g.chance(3) {
        g.pick(ids).clone()
    } else {
        format!("i-{i:04}")
    };
    let status = match g.below(20) {
        0 => InstanceStatus::Launching,
        1 | 2 => InstanceStatus::Draining,
        3 => InstanceStatus::Terminated,
        _ => InstanceStatus::Active,
    };
    let cpu = *g.pick(&[1024, 2048, 4096]);
    let memory = *g.pick(&[2048, 4096]);
    let gpus = g.below(2) as u32;
    let eni_limit = g.below(4) as u32;
    // Few distinct used values, so binpack and spread see ties.
    let cpu_used = (256 * g.below(u64::from(cpu) / 256 + 1)) as u32;
    let memory_used = (512 * g.below(u64::from(memory) / 512 + 1)) as u32;
    let mut ports = BTreeMap::new();
    if g.chance(30) {
        ports.insert((Protocol::Tcp, 80), 0);
    }
    if g.chance(20) {
        ports.insert((Protocol::Tcp, 49153), 0);
    }
    if g.below(1000) < port_heavy_per_mille {
        // Nearly every dynamic port taken: NoDynamicPort, and the port-heavy suspects.
        let free = g.below(3) as u16;
        for p in 49153 + free..=65535 {
            ports.insert((Protocol::Tcp, p), 0);
        }
    }
    Instance {
        ec2_instance_id,
        container_instance_id: format!("ci-{i}"),
        cluster: if g.chance(85) { 0 } else { 1 },
        asg: if external {
            None
        } else {
            *g.pick(&[None, Some(0), Some(1), Some(1)])
        },
        external,
        instance_type: None,
        zone,
        subnet: String::new(),
        status,
        launched_at: 0,
        registered_at: Some(0),
        cpu,
        memory,
        gpus,
        eni_limit,
        cpu_used,
        memory_used,
        gpus_used: g.below(u64::from(gpus) + 1) as u32,
        enis_used: g.below(u64::from(eni_limit) + 1) as u32,
        ports,
        tasks: BTreeSet::new(),
        group_counts: BTreeMap::new(),
        attributes,
    }
}

fn strategies(g: &mut Gen) -> Vec<Strategy> {
    let az = || Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into()));
    let id = || Strategy::Spread(SpreadField::Instance);
    match g.below(9) {
        0 => vec![],
        1 | 2 => vec![az(), id()],
        3 => vec![az()],
        4 => vec![id()],
        5 => vec![Strategy::BinpackMemory],
        6 => vec![Strategy::BinpackCpu, az(), id()],
        _ => (0..g.below(4))
            .map(|_| match g.below(6) {
                0 => Strategy::BinpackCpu,
                1 => Strategy::BinpackMemory,
                2 => az(),
                3 => id(),
                4 => Strategy::Spread(SpreadField::Attribute("rack".into())),
                _ => Strategy::Random,
            })
            .collect(),
    }
}

fn member_of(text: &str) -> Constraint {
    match parse(text) {
        Ok(e) => Constraint::MemberOf(e, text.to_string()),
        Err(e) => panic!("{text}: {e}"),
    }
}

fn constraints(g: &mut Gen) -> Vec<Constraint> {
    match g.below(6) {
        0 | 1 => vec![],
        2 => vec![Constraint::DistinctInstance],
        3 => vec![member_of("attribute:ecs.availability-zone != us-east-1b")],
        4 => vec![member_of("task:group == service:a")],
        _ => vec![
            Constraint::DistinctInstance,
            member_of("not(task:group == family:x)"),
        ],
    }
}

fn needs(g: &mut Gen) -> TaskNeeds {
    TaskNeeds {
        cpu: *g.pick(&[0, 128, 512, 1024]),
        memory: *g.pick(&[0, 256, 1024]),
        gpus: u32::from(g.chance(10)),
        static_ports: if g.chance(20) {
            vec![(Protocol::Tcp, 80)]
        } else {
            Vec::new()
        },
        dynamic_ports: g.below(3) as u32,
        network_mode: match g.below(10) {
            0..=5 => NetworkMode::Bridge,
            6..=8 => NetworkMode::Awsvpc,
            _ => NetworkMode::Host,
        },
        containers: Vec::new(),
        hard_memory_mib: None,
        // Every catalogue instance is Linux; the architectures differ by type.
        required_attributes: match g.below(10) {
            0 => vec![("ecs.cpu-architecture", "arm64")],
            1 => vec![("ecs.cpu-architecture", "x86_64"), ("ecs.os-type", "linux")],
            2 => vec![("ecs.os-type", "windows")],
            _ => Vec::new(),
        },
    }
}

/// Builds a random state and compares the two pipelines on several requests against it,
/// placing each chosen task (as the simulation would) before the next request.
fn check(seed: u64, n: usize, requests: usize) -> Result<(), TestCaseError> {
    let mut g = Gen(SimRng::fork(seed, Stream::Placement));
    let mut instances: Vec<Instance> = Vec::new();
    let mut ids = Vec::new();
    for i in 0..n {
        let inst = instance(&mut g, i, &ids, 300 / (n as u64 + 10));
        ids.push(inst.ec2_instance_id.clone());
        instances.push(inst);
    }
    let mut tasks = ecs_sim::task::store::TaskStore::default();
    for (i, inst) in instances.iter_mut().enumerate() {
        if !inst.is_alive() {
            continue;
        }
        for _ in 0..g.below(4) {
            let group = *g.pick(&GROUPS);
            let active = g.chance(80);
            inst.tasks.insert(tasks.next_id());
            if active {
                *inst.group_counts.entry(group.to_string()).or_default() += 1;
            }
            tasks.push(task(group, i, active));
        }
    }
    for _ in 0..requests {
        let needs = needs(&mut g);
        let strategies = strategies(&mut g);
        let constraints = constraints(&mut g);
        let allowed_zones: Vec<String> = if g.chance(50) {
            Vec::new()
        } else {
            ZONES
                .iter()
                .filter(|_| g.chance(60))
                .map(|z| z.to_string())
                .collect()
        };
        let group = *g.pick(&GROUPS);
        let pool = match g.below(20) {
            0..=9 => Pool::Ec2,
            10..=12 => Pool::Asg(g.below(2) as usize),
            13 | 14 => Pool::External,
            _ => Pool::Only(g.below(n as u64 + 1) as usize),
        };
        let req = PlacementRequest {
            cluster: if g.chance(90) { 0 } else { 1 },
            needs: &needs,
            group,
            constraints: &constraints,
            strategies: &strategies,
            allowed_zones: &allowed_zones,
            pool,
        };
        let index = PlacementIndex::rebuild(&instances);
        let rng = SimRng::fork(g.0.next_u64(), Stream::Placement);
        let (mut fast_rng, mut ref_rng) = (rng.clone(), rng);
        let fast = place(&req, &instances, &tasks, &index, &mut fast_rng);
        let reference = place_reference(&req, &instances, &tasks, &mut ref_rng);
        prop_assert_eq!(fast.chosen, reference.chosen, "request {:?}", req);
        prop_assert_eq!(
            fast_rng.next_u64(),
            ref_rng.next_u64(),
            "draws for {:?}",
            req
        );
        match fast.chosen {
            None => prop_assert_eq!(&fast.verdicts, &reference.verdicts),
            Some(i) => {
                // Place it, so later requests see the group and the resources it took.
                let inst = &mut instances[i];
                inst.cpu_used += needs.cpu;
                inst.memory_used += needs.memory;
                inst.gpus_used += needs.gpus;
                if needs.network_mode == NetworkMode::Awsvpc {
                    inst.enis_used += 1;
                }
                inst.tasks.insert(tasks.next_id());
                *inst.group_counts.entry(group.to_string()).or_default() += 1;
                tasks.push(task(group, i, true));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_placement_equals_the_reference(seed in any::<u64>(), n in 0usize..40) {
        check(seed, n, 8)?;
    }

    #[test]
    fn fast_placement_equals_the_reference_on_larger_clusters(seed in any::<u64>(), n in 40usize..300) {
        check(seed, n, 30)?;
    }
}
