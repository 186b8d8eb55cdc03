//! Property tests: random small clusters and services, with random failures on the timeline
//! (terminate, drain, stop-task, update-service, zone outage and recovery),
//! run for five minutes of virtual time and checked after every step:
//! - `check_invariants()` holds (no over-committed instance, no port clash, no ENI over the
//!   limit, counters consistent);
//! - a distinctInstance service never has two live tasks on one instance (DG
//!   task-placement-constraints);
//! - a DAEMON service never has two live tasks on one instance;
//! - a memberOf(instance-type) service only runs on instances of that type.

use ecs_sim::cluster::InstanceStatus;
use ecs_sim::Sim;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const ZONES: [&str; 3] = ["us-east-1a", "us-east-1b", "us-east-1c"];
/// x86 types with different CPU, memory and ENI limits (t3 has no trunking).
const TYPES: [&str; 4] = ["t3.medium", "c5.large", "m5.large", "m5.xlarge"];
const RUN_MS: u64 = 300_000;

#[derive(Debug, Clone)]
struct Group {
    ty: usize,
    count: u32,
    trunking: bool,
}

#[derive(Debug, Clone)]
struct Svc {
    daemon: bool,
    cpu: u32,
    memory: u32,
    /// 0 bridge, 1 host, 2 awsvpc.
    mode: u8,
    /// 0 none, 1 static 80, 2 static 8080, 3 dynamic (bridge) / 80.
    port: u8,
    strategies: Vec<u8>,
    distinct: bool,
    member_of: Option<usize>,
    desired: u32,
    min_healthy: u32,
    max_percent: u32,
    /// 0 fine, 1 crashes, 2 pull fails, 3 health check fails, 4 ignores SIGTERM.
    image: u8,
}

#[derive(Debug, Clone)]
struct Event {
    at: u32,
    kind: u8,
    target: u32,
    count: u32,
}

fn group() -> impl Strategy<Value = Group> {
    (0..TYPES.len(), 1u32..=3, any::<bool>()).prop_map(|(ty, count, trunking)| Group {
        ty,
        count,
        trunking,
    })
}

fn service() -> impl Strategy<Value = Svc> {
    (
        (
            prop::bool::weighted(0.2),
            prop::sample::select(vec![128u32, 256, 512, 1024, 2048]),
            prop::sample::select(vec![128u32, 512, 1024, 2048, 3000, 6000]),
            0u8..3,
            0u8..4,
        ),
        (
            prop::collection::vec(0u8..6, 0..3),
            prop::bool::weighted(0.3),
            prop::option::weighted(0.3, 0..TYPES.len()),
            0u32..8,
            prop::sample::select(vec![0u32, 50, 100]),
            prop::sample::select(vec![100u32, 150, 200]),
            prop::sample::select(vec![0u8, 0, 0, 1, 2, 3, 4]),
        ),
    )
        .prop_map(
            |(
                (daemon, cpu, memory, mode, port),
                (strategies, distinct, member_of, desired, min_healthy, max_percent, image),
            )| Svc {
                daemon,
                cpu,
                memory,
                mode,
                port,
                strategies,
                distinct,
                member_of,
                desired,
                min_healthy,
                max_percent,
                image,
            },
        )
}

fn event() -> impl Strategy<Value = Event> {
    (5u32..240, 0u8..6, 0u32..8, 0u32..8).prop_map(|(at, kind, target, count)| Event {
        at,
        kind,
        target,
        count,
    })
}

fn scenario(
    seed: u64,
    zones: usize,
    groups: &[Group],
    services: &[Svc],
    events: &[Event],
) -> Value {
    let subnets: Vec<Value> = (0..zones)
        .map(|z| json!({ "subnetId": format!("subnet-{z}"), "availabilityZone": ZONES[z] }))
        .collect();
    let subnet_ids: Vec<String> = (0..zones).map(|z| format!("subnet-{z}")).collect();
    let providers: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            json!({
                "name": format!("asg-{k}"),
                "autoScalingGroupProvider": { "autoScalingGroup": {
                    "instanceType": TYPES[g.ty],
                    "minSize": g.count, "maxSize": g.count + 2, "desiredCapacity": g.count,
                    "subnets": subnet_ids, "awsvpcTrunking": g.trunking,
                    "bootSeconds": 30
                }}
            })
        })
        .collect();
    let provider_names: Vec<String> = (0..groups.len()).map(|k| format!("asg-{k}")).collect();
    let mut task_definitions = Vec::new();
    let mut images = serde_json::Map::new();
    let mut svcs = Vec::new();
    for (k, s) in services.iter().enumerate() {
        let mode = ["bridge", "host", "awsvpc"][s.mode as usize];
        let ports = match (s.mode, s.port) {
            (_, 0) => json!([]),
            (_, 1) => json!([{ "containerPort": 80, "hostPort": 80 }]),
            (_, 2) => json!([{ "containerPort": 8080, "hostPort": 8080 }]),
            (0, _) => json!([{ "containerPort": 80, "hostPort": 0 }]),
            (_, _) => json!([{ "containerPort": 80 }]),
        };
        let image = format!("example/app{k}:1");
        let mut container = json!({
            "name": "app", "image": image, "cpu": s.cpu, "memory": s.memory,
            "essential": true, "portMappings": ports
        });
        let behaviour = match s.image {
            1 => json!({ "pullSeconds": 3, "crashAfterSeconds": 20 }),
            2 => json!({ "pullSeconds": 3, "pullFails": true }),
            3 => {
                container["healthCheck"] = json!({
                    "command": ["CMD-SHELL", "true"], "interval": 5, "timeout": 2, "retries": 1
                });
                json!({ "pullSeconds": 3, "healthCheckFails": true })
            }
            4 => json!({ "pullSeconds": 3, "ignoresSigterm": true }),
            _ => json!({ "pullSeconds": 3 }),
        };
        images.insert(image, behaviour);
        task_definitions.push(json!({
            "family": format!("td{k}"), "networkMode": mode,
            "requiresCompatibilities": ["EC2"], "containerDefinitions": [container]
        }));
        let mut svc = json!({
            "serviceName": format!("svc{k}"), "taskDefinition": format!("td{k}"),
            "launchType": "EC2"
        });
        let mut constraints = Vec::new();
        if s.distinct {
            constraints.push(json!({ "type": "distinctInstance" }));
        }
        if let Some(t) = s.member_of {
            constraints.push(json!({
                "type": "memberOf",
                "expression": format!("attribute:ecs.instance-type == {}", TYPES[t])
            }));
        }
        svc["placementConstraints"] = Value::Array(constraints);
        if s.daemon {
            svc["schedulingStrategy"] = json!("DAEMON");
        } else {
            svc["desiredCount"] = json!(s.desired);
            svc["deploymentConfiguration"] = json!({
                "minimumHealthyPercent": s.min_healthy, "maximumPercent": s.max_percent
            });
            let strategies: Vec<Value> = s
                .strategies
                .iter()
                .map(|&x| match x {
                    0 => json!({ "type": "spread", "field": "attribute:ecs.availability-zone" }),
                    1 => json!({ "type": "spread", "field": "instanceId" }),
                    2 => json!({ "type": "binpack", "field": "cpu" }),
                    3 => json!({ "type": "binpack", "field": "memory" }),
                    _ => json!({ "type": "random" }),
                })
                .collect();
            svc["placementStrategy"] = Value::Array(strategies);
        }
        if s.mode == 2 {
            svc["networkConfiguration"] =
                json!({ "awsvpcConfiguration": { "subnets": subnet_ids } });
        }
        svcs.push(svc);
    }
    let instances: u32 = groups.iter().map(|g| g.count).sum();
    let replicas: Vec<usize> = (0..services.len())
        .filter(|&k| !services[k].daemon)
        .collect();
    let timeline: Vec<Value> = events
        .iter()
        .filter_map(|e| match e.kind {
            0 => Some(json!({ "at": e.at, "action": "terminateInstance", "instance": e.target % instances })),
            1 => Some(json!({ "at": e.at, "action": "drainInstance", "instance": e.target % instances })),
            2 => Some(json!({
                "at": e.at, "action": "stopTask",
                "service": format!("svc{}", e.target as usize % services.len()), "index": e.count % 3
            })),
            4 => Some(json!({
                "at": e.at, "action": "azOutage", "availabilityZone": ZONES[e.target as usize % zones]
            })),
            5 => Some(json!({
                "at": e.at, "action": "azRecovery", "availabilityZone": ZONES[e.target as usize % zones]
            })),
            _ if !replicas.is_empty() => Some(json!({
                "at": e.at, "action": "updateService",
                "service": format!("svc{}", replicas[e.target as usize % replicas.len()]),
                "desiredCount": e.count
            })),
            _ => None,
        })
        .collect();
    json!({
        "version": 1,
        "seed": seed,
        "subnets": subnets,
        "clusters": [{ "clusterName": "default", "capacityProviders": provider_names }],
        "capacityProviders": providers,
        "taskDefinitions": task_definitions,
        "images": images,
        "services": svcs,
        "timeline": timeline
    })
}

/// Checks the properties on the current state; `Err` names the first violation.
fn check(sim: &Sim, services: &[Svc]) -> Result<(), String> {
    sim.check_invariants()?;
    for (k, s) in services.iter().enumerate() {
        let mut per_instance: BTreeMap<usize, u32> = BTreeMap::new();
        for t in sim
            .tasks
            .values()
            .filter(|t| t.service == Some(k) && t.is_active())
        {
            if let Some(i) = t.instance {
                *per_instance.entry(i).or_default() += 1;
                if let Some(ty) = s.member_of {
                    let actual = sim.instances[i].instance_type.map(|t| t.name);
                    if actual != Some(TYPES[ty]) {
                        return Err(format!(
                            "svc{k} (memberOf {}) has a task on a {actual:?}",
                            TYPES[ty]
                        ));
                    }
                }
                if sim.instances[i].status == InstanceStatus::Terminated {
                    return Err(format!("svc{k} has a live task on a terminated instance"));
                }
            }
        }
        if s.distinct || s.daemon {
            if let Some((i, n)) = per_instance.iter().find(|(_, &n)| n > 1) {
                return Err(format!(
                    "svc{k} (distinctInstance {}, daemon {}) has {n} live tasks on instance {i}",
                    s.distinct, s.daemon
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPS_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64), ..ProptestConfig::default() })]

    #[test]
    fn random_clusters_keep_placement_invariants_after_every_step(
        seed in any::<u64>(),
        zones in 1usize..=3,
        groups in prop::collection::vec(group(), 1..=2),
        services in prop::collection::vec(service(), 1..=3),
        events in prop::collection::vec(event(), 0..5),
    ) {
        // At most 6 instances in all.
        let mut groups = groups;
        while groups.iter().map(|g| g.count).sum::<u32>() > 6 {
            groups.pop();
        }
        let doc = scenario(seed, zones, &groups, &services, &events);
        let mut sim = match Sim::from_json(&doc.to_string()) {
            Ok(sim) => sim,
            Err(e) => return Err(TestCaseError::fail(format!("generated scenario is invalid: {e}\n{doc:#}"))),
        };
        prop_assert!(check(&sim, &services).is_ok(), "at start: {:?}", check(&sim, &services));
        while sim.next_event_at().is_some_and(|t| t <= RUN_MS) {
            sim.step();
            if let Err(e) = check(&sim, &services) {
                return Err(TestCaseError::fail(format!("at {} ms: {e}\n{doc:#}", sim.now())));
            }
        }
    }
}
