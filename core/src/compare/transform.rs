//! "The same workload elsewhere": a scenario rewritten so that every service and standalone task
//! runs on Fargate, on Fargate Spot, or on EC2 instances, with the same task sizes, counts,
//! traffic, scaling policies and seed, so the three runs' costs can be set side by side.
//!
//! What changes (README "Cost", "Same workload elsewhere"):
//! - Every task definition uses `awsvpc` (the one network mode Fargate has; on EC2 the group has
//!   `awsvpcTrunking` on, so ENIs do not limit density), is compatible with both EC2 and
//!   Fargate, and is sized at task level to the Fargate size its tasks are billed for (the
//!   smallest valid size that holds them, DG fargate-task-size-best-practice), on all three
//!   targets. Host ports, links, hostnames and task placement constraints go (awsvpc and
//!   Fargate have none).
//! - Every service and standalone task gets the capacity provider strategy of the target
//!   (weight 1) and no placement strategy or constraint (Fargate supports none); services without
//!   a network configuration get every subnet. `DAEMON` services stay on EC2 only: on Fargate,
//!   which has no daemons, they are left out.
//! - Fargate targets have no Auto Scaling group. The EC2 target has one, `compare-ec2`, of the
//!   scenario's first group's instance type, else the cheapest catalogue type (x86) that holds
//!   the largest task; it starts with as many instances as the tasks' CPU and memory need when
//!   perfectly packed (at least one) and has managed scaling (target capacity 100 %), so it
//!   grows and shrinks with the tasks. It serves the first cluster; services of other clusters
//!   go to Fargate in the EC2 column.
//! - Timeline events about instances or groups (terminate, drain, register, set desired
//!   capacity) go: the rewritten scenario has other instances. The rest stays.

use crate::cluster::spec::{
    AutoScalingGroupProviderSpec, AutoScalingGroupSpec, CapacityProviderSpec, ManagedScalingSpec,
    SubnetSpec,
};
use crate::cluster::CapacityProviderStrategyItem;
use crate::cost::rates::fargate_billed_size;
use crate::scenario::document::{ScenarioDocument, TimelineAction};
use crate::scenario::model::Model;
use crate::service::spec::{AwsVpcConfiguration, NetworkConfiguration};
use serde_json::Value;

/// Where the workload is moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// Fargate, On-Demand.
    Fargate,
    /// Fargate Spot.
    FargateSpot,
    /// EC2 instances of one type in a managed-scaling Auto Scaling group.
    Ec2,
}

impl Target {
    /// All three, in the card's order.
    pub const ALL: [Target; 3] = [Target::Fargate, Target::FargateSpot, Target::Ec2];

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Target::Fargate => "Fargate",
            Target::FargateSpot => "Fargate Spot",
            Target::Ec2 => "EC2",
        }
    }

    fn provider(self) -> &'static str {
        match self {
            Target::Fargate => "FARGATE",
            Target::FargateSpot => "FARGATE_SPOT",
            Target::Ec2 => EC2_PROVIDER,
        }
    }
}

/// The EC2 target's capacity provider (and Auto Scaling group) name.
pub const EC2_PROVIDER: &str = "compare-ec2";

/// Instance type when the scenario has no group and no catalogue type holds the largest task.
pub const FALLBACK_INSTANCE_TYPE: &str = "m5.large";

/// Subnets added when the scenario has none (awsvpc tasks and groups need subnets).
const DEFAULT_ZONES: [(&str, &str); 3] = [
    ("compare-subnet-a", "us-east-1a"),
    ("compare-subnet-b", "us-east-1b"),
    ("compare-subnet-c", "us-east-1c"),
];

/// The EC2 group's largest size: room for scale-out without nearing the scenario limits.
const EC2_MAX_SIZE: u32 = 200;

/// `doc` with its workload moved to `target`. `model` is `doc` resolved (its task sizes and
/// instance types).
pub fn moved(doc: &ScenarioDocument, model: &Model, target: Target) -> ScenarioDocument {
    let mut out = doc.clone();
    if out.subnets.is_empty() {
        out.subnets = DEFAULT_ZONES
            .iter()
            .map(|(id, az)| SubnetSpec {
                subnet_id: (*id).to_string(),
                availability_zone: (*az).to_string(),
            })
            .collect();
    }
    let subnets: Vec<String> = out.subnets.iter().map(|s| s.subnet_id.clone()).collect();
    let network = || NetworkConfiguration {
        awsvpc_configuration: AwsVpcConfiguration {
            subnets: subnets.iter().take(16).cloned().collect(),
            security_groups: Vec::new(),
            assign_public_ip: None,
        },
    };
    // Task sizes: the billed Fargate size of each registered revision (same order as written).
    let mut largest = (0u32, 0u32);
    for (value, registered) in out.task_definitions.iter_mut().zip(&model.task_definitions) {
        let size = fargate_billed_size(registered.needs.cpu, registered.needs.memory);
        largest = (largest.0.max(size.0), largest.1.max(size.1));
        rewrite_task_definition(value, size);
    }
    let strategy = vec![CapacityProviderStrategyItem {
        capacity_provider: target.provider().to_string(),
        weight: 1,
        base: 0,
    }];
    let on_fargate = target != Target::Ec2;
    out.services.retain(|s| {
        !(on_fargate && s.scheduling_strategy.as_deref() == Some("DAEMON"))
            && s.launch_type.as_deref() != Some("EXTERNAL")
    });
    for s in &mut out.services {
        s.placement_strategy.clear();
        s.placement_constraints.clear();
        if s.scheduling_strategy.as_deref() == Some("DAEMON") {
            s.launch_type = Some("EC2".to_string());
            s.capacity_provider_strategy.clear();
        } else {
            s.launch_type = None;
            s.capacity_provider_strategy = strategy.clone();
        }
        if s.network_configuration.is_none() {
            s.network_configuration = Some(network());
        }
    }
    for t in &mut out.tasks {
        t.launch_type = None;
        t.capacity_provider_strategy = strategy.clone();
        t.placement_strategy.clear();
        t.placement_constraints.clear();
        if t.network_configuration.is_none() {
            t.network_configuration = Some(network());
        }
    }
    out.timeline.retain(|e| {
        !matches!(
            e.action,
            TimelineAction::TerminateInstance { .. }
                | TimelineAction::DrainInstance { .. }
                | TimelineAction::RegisterContainerInstance { .. }
                | TimelineAction::SetDesiredCapacity { .. }
        )
    });
    for e in &mut out.timeline {
        if let TimelineAction::RunTask(t) = &mut e.action {
            t.launch_type = None;
            t.capacity_provider_strategy = strategy.clone();
            t.placement_strategy.clear();
            t.placement_constraints.clear();
            if t.network_configuration.is_none() {
                t.network_configuration = Some(network());
            }
        }
    }
    out.capacity_providers = if on_fargate {
        Vec::new()
    } else {
        vec![ec2_provider(doc, model, largest, &subnets)]
    };
    for c in &mut out.clusters {
        c.capacity_providers = vec!["FARGATE".to_string(), "FARGATE_SPOT".to_string()];
        if !on_fargate {
            c.capacity_providers.push(EC2_PROVIDER.to_string());
        }
        c.default_capacity_provider_strategy = strategy.clone();
    }
    let first_cluster = out.clusters.first().map(|c| c.cluster_name.clone());
    if !on_fargate && out.clusters.len() > 1 {
        let fargate = vec![CapacityProviderStrategyItem {
            capacity_provider: "FARGATE".to_string(),
            weight: 1,
            base: 0,
        }];
        for s in &mut out.services {
            let cluster = s.cluster.clone().unwrap_or_else(|| "default".to_string());
            if Some(&cluster) != first_cluster.as_ref() && !s.capacity_provider_strategy.is_empty()
            {
                s.capacity_provider_strategy = fargate.clone();
            }
        }
        for t in &mut out.tasks {
            let cluster = t.cluster.clone().unwrap_or_else(|| "default".to_string());
            if Some(&cluster) != first_cluster.as_ref() {
                t.capacity_provider_strategy = fargate.clone();
            }
        }
        // One group serves one cluster: the rest keep Fargate only (their tasks go to FARGATE).
        for c in out.clusters.iter_mut().skip(1) {
            c.capacity_providers.retain(|p| p != EC2_PROVIDER);
            c.default_capacity_provider_strategy = vec![CapacityProviderStrategyItem {
                capacity_provider: "FARGATE".to_string(),
                weight: 1,
                base: 0,
            }];
        }
    }
    out
}

/// The instance type of the EC2 target: the scenario's first group's, else the cheapest x86
/// catalogue type that holds `largest` (cpu units, MiB), else [`FALLBACK_INSTANCE_TYPE`].
pub fn ec2_instance_type(doc: &ScenarioDocument, largest: (u32, u32)) -> String {
    if let Some(cp) = doc.capacity_providers.first() {
        return cp
            .auto_scaling_group_provider
            .auto_scaling_group
            .instance_type
            .clone();
    }
    crate::catalog::ec2_types::all()
        .iter()
        .filter(|t| {
            t.architecture == crate::catalog::instance_type::Architecture::X86_64
                && t.gpus == 0
                && t.cpu_units >= largest.0
                && t.registered_memory_mib >= largest.1
                && t.awsvpc_tasks_with_trunking.is_some()
        })
        .filter_map(|t| crate::catalog::prices::ec2_on_demand(t.name).map(|p| (p, t.name)))
        .min()
        .map_or_else(
            || FALLBACK_INSTANCE_TYPE.to_string(),
            |(_, n)| n.to_string(),
        )
}

/// The EC2 target's group: sized for the services' first desired counts, perfectly packed.
fn ec2_provider(
    doc: &ScenarioDocument,
    model: &Model,
    largest: (u32, u32),
    subnets: &[String],
) -> CapacityProviderSpec {
    let ty_name = ec2_instance_type(doc, largest);
    let ty = crate::catalog::ec2_types::instance_type(&ty_name);
    let (mut cpu, mut mem) = (0u64, 0u64);
    for s in &model.services {
        let needs = &model.task_definitions[s.task_definition].needs;
        let (c, m) = fargate_billed_size(needs.cpu, needs.memory);
        let n = u64::from(s.desired);
        cpu += u64::from(c) * n;
        mem += u64::from(m) * n;
    }
    let desired = ty.map_or(1, |t| {
        let by_cpu = cpu.div_ceil(u64::from(t.cpu_units.max(1)));
        let by_mem = mem.div_ceil(u64::from(t.registered_memory_mib.max(1)));
        u32::try_from(by_cpu.max(by_mem).max(1)).unwrap_or(EC2_MAX_SIZE)
    });
    let desired = desired.min(EC2_MAX_SIZE);
    CapacityProviderSpec {
        name: EC2_PROVIDER.to_string(),
        auto_scaling_group_provider: AutoScalingGroupProviderSpec {
            auto_scaling_group: AutoScalingGroupSpec {
                instance_type: ty_name,
                min_size: 0,
                max_size: EC2_MAX_SIZE,
                desired_capacity: desired,
                subnets: subnets.to_vec(),
                boot_seconds: None,
                attributes: Default::default(),
                awsvpc_trunking: true,
            },
            managed_scaling: Some(ManagedScalingSpec {
                status: "ENABLED".to_string(),
                target_capacity: Some(100),
                minimum_scaling_step_size: None,
                maximum_scaling_step_size: None,
                instance_warmup_period: None,
            }),
            managed_termination_protection: Some("DISABLED".to_string()),
            managed_draining: None,
        },
    }
}

/// One task definition made awsvpc, EC2-and-Fargate compatible, of task size `size`.
fn rewrite_task_definition(value: &mut Value, size: (u32, u32)) {
    let Some(td) = value.as_object_mut() else {
        return;
    };
    td.insert("networkMode".into(), Value::from("awsvpc"));
    td.insert(
        "requiresCompatibilities".into(),
        Value::from(vec!["EC2", "FARGATE"]),
    );
    td.insert("cpu".into(), Value::from(size.0.to_string()));
    td.insert("memory".into(), Value::from(size.1.to_string()));
    td.remove("placementConstraints");
    if let Some(Value::Array(containers)) = td.get_mut("containerDefinitions") {
        for c in containers.iter_mut().filter_map(Value::as_object_mut) {
            // awsvpc takes neither (API ContainerDefinition).
            c.remove("links");
            c.remove("hostname");
            if let Some(Value::Array(ports)) = c.get_mut("portMappings") {
                for p in ports.iter_mut().filter_map(Value::as_object_mut) {
                    p.remove("hostPort");
                }
            }
            // Fargate's awslogs needs a stream prefix, optional on EC2 (API LogConfiguration):
            // without one an EC2 scenario's valid logging made every moved column not comparable
            // (review, 28th session).
            let awslogs = c
                .get("logConfiguration")
                .and_then(|l| l.get("logDriver"))
                .and_then(Value::as_str)
                == Some("awslogs");
            if let Some(Value::Object(options)) = c
                .get_mut("logConfiguration")
                .and_then(|l| l.get_mut("options"))
                .filter(|_| awslogs)
            {
                options
                    .entry("awslogs-stream-prefix")
                    .or_insert_with(|| Value::from("ecs"));
            }
        }
    }
}
