//! Checks the scenario's subnets, clusters and Auto Scaling group capacity providers the way
//! create-cluster and create-capacity-provider would, and resolves capacity provider
//! strategies (DG cluster-capacity-providers).

use super::managed_scaling::{
    ManagedScaling, DEFAULT_MAXIMUM_SCALING_STEP_SIZE, DEFAULT_MINIMUM_SCALING_STEP_SIZE,
};
use super::spec::{
    AutoScalingGroupSpec, CapacityProviderSpec, CapacityProviderStrategyItem, ClusterSpec,
    ManagedScalingSpec, SubnetSpec,
};
use super::{AsgModel, ClusterModel, ProviderKind, StrategyItem};
use crate::catalog::{self, InstanceType};
use crate::problem::{is_ecs_name, Problems};
use std::collections::BTreeMap;

/// ECS quota: container instances per cluster.
pub const MAX_INSTANCES_PER_CLUSTER: u32 = 5000;
/// ECS quota: capacity providers per cluster.
pub const MAX_CAPACITY_PROVIDERS_PER_CLUSTER: usize = 20;
/// Default seconds from an Auto Scaling launch to the instance registering with ECS.
pub const DEFAULT_BOOT_SECONDS: u32 = 60;

/// The Region's Availability Zones (in the order they first appear) and each subnet's zone.
#[derive(Debug, Clone, Default)]
pub struct Subnets {
    /// Availability Zones in the order they first appear among the subnets.
    pub zones: Vec<String>,
    /// Subnet ID → its zone.
    pub zone_of: BTreeMap<String, String>,
}

/// Reads the subnets: IDs are unique and every subnet names its zone.
pub fn subnets(specs: &[SubnetSpec], p: &mut Problems) -> Subnets {
    let mut out = Subnets::default();
    for (i, s) in specs.iter().enumerate() {
        let path = format!("subnets[{i}]");
        if out
            .zone_of
            .insert(s.subnet_id.clone(), s.availability_zone.clone())
            .is_some()
        {
            p.push(
                format!("{path}.subnetId"),
                format!("duplicate subnet '{}'", s.subnet_id),
            );
        }
        if s.availability_zone.is_empty() {
            p.push(format!("{path}.availabilityZone"), "must not be empty");
        }
        if !out.zones.contains(&s.availability_zone) {
            out.zones.push(s.availability_zone.clone());
        }
    }
    out
}

/// Reads the clusters (their default strategies are resolved later, by
/// [`default_strategies`], once the capacity providers are known).
pub fn clusters(specs: &[ClusterSpec], p: &mut Problems) -> Vec<ClusterModel> {
    if specs.is_empty() {
        p.push("clusters", "a scenario needs at least one cluster");
    }
    let mut out: Vec<ClusterModel> = Vec::new();
    for (i, c) in specs.iter().enumerate() {
        let path = format!("clusters[{i}]");
        if !is_ecs_name(&c.cluster_name) {
            p.push(
                format!("{path}.clusterName"),
                "Cluster name must be 1-255 characters: letters, numbers, hyphens and underscores.",
            );
        }
        if out.iter().any(|o| o.name == c.cluster_name) {
            p.push(
                format!("{path}.clusterName"),
                format!("duplicate cluster '{}'", c.cluster_name),
            );
        }
        if c.capacity_providers.len() > MAX_CAPACITY_PROVIDERS_PER_CLUSTER {
            p.push(
                format!("{path}.capacityProviders"),
                format!("a cluster can have at most {MAX_CAPACITY_PROVIDERS_PER_CLUSTER} capacity providers"),
            );
        }
        for (j, e) in c.external_instances.iter().enumerate() {
            if e.cpu == 0 || e.memory == 0 {
                p.push(
                    format!("{path}.externalInstances[{j}]"),
                    "cpu and memory must be greater than 0",
                );
            }
        }
        out.push(ClusterModel {
            name: c.cluster_name.clone(),
            capacity_providers: c.capacity_providers.clone(),
            default_strategy: Vec::new(),
            external_instances: c
                .external_instances
                .iter()
                .map(|e| (e.name.clone(), e.cpu, e.memory, e.attributes.clone()))
                .collect(),
        });
    }
    out
}

/// Reads the Auto Scaling group capacity providers: each is associated with exactly one
/// cluster, launches a catalogued instance type into declared subnets, and keeps ECS's limits.
pub fn asgs(
    specs: &[CapacityProviderSpec],
    clusters: &[ClusterModel],
    subnets: &Subnets,
    p: &mut Problems,
) -> Vec<AsgModel> {
    let mut out = Vec::new();
    let mut per_cluster: BTreeMap<usize, u32> = BTreeMap::new();
    for (i, cp) in specs.iter().enumerate() {
        let path = format!("capacityProviders[{i}]");
        let name = &cp.name;
        check_provider_name(&path, name, &specs[..i], p);
        let cluster = owning_cluster(&path, name, clusters, p);
        let g = &cp.auto_scaling_group_provider.auto_scaling_group;
        let gpath = format!("{path}.autoScalingGroupProvider.autoScalingGroup");
        let instance_type = instance_type(&gpath, &g.instance_type, p);
        check_group_sizes(&gpath, g, p);
        let total = per_cluster.entry(cluster).or_default();
        *total = total.saturating_add(g.max_size);
        if *total > MAX_INSTANCES_PER_CLUSTER {
            p.push(format!("{gpath}.maxSize"), format!("a cluster can have at most {MAX_INSTANCES_PER_CLUSTER} container instances (ECS quota)"));
        }
        let pairs = group_subnets(&gpath, &g.subnets, subnets, p);
        let provider = &cp.auto_scaling_group_provider;
        if let Some(ms) = &provider.managed_scaling {
            check_managed_scaling(
                &format!("{path}.autoScalingGroupProvider.managedScaling"),
                ms,
                p,
            );
        }
        for (key, v) in [
            (
                "managedTerminationProtection",
                &provider.managed_termination_protection,
            ),
            ("managedDraining", &provider.managed_draining),
        ] {
            if let Some(v) = v {
                if v != "ENABLED" && v != "DISABLED" {
                    p.push(
                        format!("{path}.autoScalingGroupProvider.{key}"),
                        "must be ENABLED or DISABLED",
                    );
                }
            }
        }
        out.push(AsgModel {
            provider: name.clone(),
            cluster,
            instance_type,
            min_size: g.min_size,
            max_size: g.max_size,
            desired: g.desired_capacity,
            subnets: pairs,
            boot_ms: u64::from(g.boot_seconds.unwrap_or(DEFAULT_BOOT_SECONDS)) * 1000,
            attributes: g.attributes.clone(),
            trunking: g.awsvpc_trunking,
            managed_scaling: provider
                .managed_scaling
                .as_ref()
                .and_then(ManagedScaling::from_spec),
            managed_termination_protection: provider.managed_termination_protection.as_deref()
                == Some("ENABLED"),
            managed_draining: provider.managed_draining.as_deref() != Some("DISABLED"),
        });
    }
    out
}

/// create-capacity-provider's naming rules, and unique names.
fn check_provider_name(path: &str, name: &str, earlier: &[CapacityProviderSpec], p: &mut Problems) {
    if !is_ecs_name(name) {
        p.push(format!("{path}.name"), "The capacity provider name must be 1-255 characters: letters, numbers, hyphens and underscores.");
    } else if name == "FARGATE" || name == "FARGATE_SPOT" {
        p.push(
            format!("{path}.name"),
            format!(
                "'{name}' is a reserved capacity provider name: it is built in and needs no entry"
            ),
        );
    } else if ["aws", "ecs", "fargate"]
        .iter()
        .any(|prefix| name.to_ascii_lowercase().starts_with(prefix))
    {
        p.push(
            format!("{path}.name"),
            "The capacity provider name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".",
        );
    }
    if earlier.iter().any(|o| o.name == name) {
        p.push(
            format!("{path}.name"),
            format!("duplicate capacity provider '{name}'"),
        );
    }
}

/// The one cluster an Auto Scaling group provider is associated with.
fn owning_cluster(path: &str, name: &str, clusters: &[ClusterModel], p: &mut Problems) -> usize {
    let owners: Vec<usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.capacity_providers.iter().any(|n| n == name))
        .map(|(k, _)| k)
        .collect();
    match owners.as_slice() {
        [one] => *one,
        [] => {
            p.push(format!("{path}.name"), format!("capacity provider '{name}' is not associated with any cluster: add it to a cluster's capacityProviders"));
            0
        }
        [first, ..] => {
            p.push(format!("{path}.name"), format!("an Auto Scaling group capacity provider can be associated with only one cluster; '{name}' is listed by several"));
            *first
        }
    }
}

/// The catalogued instance type at `{gpath}.instanceType` (the first one stands in for an unknown name, which is
/// reported).
pub fn instance_type(gpath: &str, name: &str, p: &mut Problems) -> &'static InstanceType {
    match catalog::instance_type(name) {
        Some(t) => t,
        None => {
            p.push(
                format!("{gpath}.instanceType"),
                format!(
                    "unknown instance type '{}'; the playground knows: {}",
                    name,
                    catalog::all()
                        .iter()
                        .map(|t| t.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            &catalog::all()[0]
        }
    }
}

/// minSize ≤ desiredCapacity ≤ maxSize.
fn check_group_sizes(gpath: &str, g: &AutoScalingGroupSpec, p: &mut Problems) {
    if g.min_size > g.max_size {
        p.push(
            format!("{gpath}.minSize"),
            format!(
                "minSize ({}) must not exceed maxSize ({})",
                g.min_size, g.max_size
            ),
        );
    }
    if g.desired_capacity < g.min_size || g.desired_capacity > g.max_size {
        p.push(
            format!("{gpath}.desiredCapacity"),
            format!(
                "desiredCapacity ({}) must be between minSize ({}) and maxSize ({})",
                g.desired_capacity, g.min_size, g.max_size
            ),
        );
    }
}

/// The group's (subnet, zone) pairs; every subnet must be declared.
fn group_subnets(
    gpath: &str,
    names: &[String],
    subnets: &Subnets,
    p: &mut Problems,
) -> Vec<(String, String)> {
    if names.is_empty() {
        p.push(
            format!("{gpath}.subnets"),
            "an Auto Scaling group needs at least one subnet",
        );
    }
    let mut pairs = Vec::new();
    for (j, s) in names.iter().enumerate() {
        match subnets.zone_of.get(s) {
            Some(z) => pairs.push((s.clone(), z.clone())),
            None => p.push(
                format!("{gpath}.subnets[{j}]"),
                format!("unknown subnet '{s}': declare it in the top-level subnets"),
            ),
        }
    }
    pairs
}

/// API ManagedScaling's ranges: targetCapacity 1–100, step sizes 1–10,000, warm-up 0–10,000 s.
fn check_managed_scaling(mpath: &str, ms: &ManagedScalingSpec, p: &mut Problems) {
    if ms.status != "ENABLED" && ms.status != "DISABLED" {
        p.push(format!("{mpath}.status"), "must be ENABLED or DISABLED");
    }
    if let Some(t) = ms.target_capacity {
        if !(1..=100).contains(&t) {
            p.push(
                format!("{mpath}.targetCapacity"),
                "targetCapacity must be between 1 and 100",
            );
        }
    }
    let step_in_range = |v: u32| (1..=DEFAULT_MAXIMUM_SCALING_STEP_SIZE).contains(&v);
    for (key, v) in [
        ("minimumScalingStepSize", ms.minimum_scaling_step_size),
        ("maximumScalingStepSize", ms.maximum_scaling_step_size),
    ] {
        if v.is_some_and(|v| !step_in_range(v)) {
            p.push(
                format!("{mpath}.{key}"),
                format!("{key} must be between 1 and 10000"),
            );
        }
    }
    // The engine keeps each scale-out between the two step sizes (their defaults when not
    // written); a minimum above the maximum is refused (it aborted the page at the first
    // scale-out: fidelity walkthrough), only when both are in range (one out of range already
    // has its problem at its path).
    let min_step = ms
        .minimum_scaling_step_size
        .unwrap_or(DEFAULT_MINIMUM_SCALING_STEP_SIZE);
    let max_step = ms
        .maximum_scaling_step_size
        .unwrap_or(DEFAULT_MAXIMUM_SCALING_STEP_SIZE);
    if step_in_range(min_step) && step_in_range(max_step) && min_step > max_step {
        p.push(
            format!("{mpath}.minimumScalingStepSize"),
            format!("minimumScalingStepSize {min_step} is above maximumScalingStepSize {max_step}"),
        );
    }
    if let Some(w) = ms.instance_warmup_period {
        if w > 10000 {
            p.push(
                format!("{mpath}.instanceWarmupPeriod"),
                "instanceWarmupPeriod must be between 0 and 10000 seconds",
            );
        }
    }
}

/// Resolves a capacity provider strategy of `cluster` (DG cluster-capacity-providers): every
/// provider is associated with the cluster and known; at most one base; weights 0–1000 and not
/// all 0 when several; Auto Scaling group and Fargate providers never mixed.
pub fn strategy_items(
    path: &str,
    items: &[CapacityProviderStrategyItem],
    cluster: &ClusterModel,
    asgs: &[AsgModel],
    p: &mut Problems,
) -> Vec<StrategyItem> {
    let mut out = Vec::new();
    if items.len() > MAX_CAPACITY_PROVIDERS_PER_CLUSTER {
        p.push(path, format!("a capacity provider strategy can have at most {MAX_CAPACITY_PROVIDERS_PER_CLUSTER} items"));
    }
    for j in 0..items.len() {
        if let Some(item) = strategy_item(path, items, j, cluster, asgs, p) {
            out.push(item);
        }
    }
    check_whole_strategy(path, items, &out, p);
    out
}

/// Item `j` of a capacity provider strategy: a provider associated with the cluster and known,
/// weight 0–1000, base 0–100000, not named twice (API CapacityProviderStrategyItem). None when
/// the provider is not defined; one not associated with the cluster is refused but still
/// returned, so the service is checked for the launch it asked for.
fn strategy_item(
    path: &str,
    items: &[CapacityProviderStrategyItem],
    j: usize,
    cluster: &ClusterModel,
    asgs: &[AsgModel],
    p: &mut Problems,
) -> Option<StrategyItem> {
    let it = &items[j];
    let ipath = format!("{path}[{j}]");
    if !cluster.capacity_providers.contains(&it.capacity_provider) {
        p.push(
            format!("{ipath}.capacityProvider"),
            format!(
                "The specified capacity provider '{}' is not associated with cluster '{}'.",
                it.capacity_provider, cluster.name
            ),
        );
        // The provider's kind still says what the service means to run on, so the rest of it
        // is checked for that: one wrong name gave three messages, the task definition's
        // compatibility and assignPublicIp then being checked for EC2 (engineer walkthrough,
        // 2026-12-05). The scenario is refused either way.
        let kind = provider_kind(
            &ipath,
            &it.capacity_provider,
            asgs,
            &mut Problems::default(),
        )?;
        return Some(StrategyItem {
            name: it.capacity_provider.clone(),
            kind,
            base: it.base,
            weight: it.weight,
        });
    }
    let kind = provider_kind(&ipath, &it.capacity_provider, asgs, p)?;
    if it.weight > 1000 {
        p.push(
            format!("{ipath}.weight"),
            "weight must be between 0 and 1000",
        );
    }
    if it.base > 100_000 {
        p.push(format!("{ipath}.base"), "base must be between 0 and 100000");
    }
    if items[..j]
        .iter()
        .any(|o| o.capacity_provider == it.capacity_provider)
    {
        p.push(
            format!("{ipath}.capacityProvider"),
            format!(
                "capacity provider '{}' appears twice in the strategy",
                it.capacity_provider
            ),
        );
    }
    Some(StrategyItem {
        name: it.capacity_provider.clone(),
        kind,
        base: it.base,
        weight: it.weight,
    })
}

/// What a strategy item's provider is: one of the Fargate providers, or an Auto Scaling group
/// capacity provider defined in `capacityProviders`.
fn provider_kind(
    ipath: &str,
    name: &str,
    asgs: &[AsgModel],
    p: &mut Problems,
) -> Option<ProviderKind> {
    match name {
        "FARGATE" => Some(ProviderKind::Fargate),
        "FARGATE_SPOT" => Some(ProviderKind::FargateSpot),
        name => match asgs.iter().position(|a| a.provider == name) {
            Some(k) => Some(ProviderKind::Asg(k)),
            None => {
                p.push(
                    format!("{ipath}.capacityProvider"),
                    format!("capacity provider '{name}' is not defined in capacityProviders"),
                );
                None
            }
        },
    }
}

/// The rules on the strategy as a whole, DG cluster-capacity-providers: only one provider may
/// have a base; weights cannot all be 0; Auto Scaling group providers and Fargate providers
/// cannot be mixed (among the items that resolved).
fn check_whole_strategy(
    path: &str,
    items: &[CapacityProviderStrategyItem],
    resolved: &[StrategyItem],
    p: &mut Problems,
) {
    if items.iter().filter(|i| i.base > 0).count() > 1 {
        p.push(
            path,
            "Only one capacity provider in a strategy can have a base defined.",
        );
    }
    // API CapacityProviderStrategyItem.weight: the rule applies "when multiple capacity
    // providers are specified"; a single provider with the default weight 0 is fine.
    if items.len() > 1 && items.iter().all(|i| i.weight == 0) {
        p.push(
            path,
            "At least one capacity provider in the strategy must have a weight greater than 0.",
        );
    }
    let has_asg = resolved
        .iter()
        .any(|i| matches!(i.kind, ProviderKind::Asg(_)));
    let has_fargate = resolved
        .iter()
        .any(|i| !matches!(i.kind, ProviderKind::Asg(_)));
    if has_asg && has_fargate {
        p.push(path, "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
    }
}

/// Checks each cluster's capacity providers exist and resolves its default strategy.
pub fn default_strategies(
    specs: &[ClusterSpec],
    clusters: &mut [ClusterModel],
    asgs: &[AsgModel],
    p: &mut Problems,
) {
    for (i, c) in specs.iter().enumerate() {
        for (j, name) in c.capacity_providers.iter().enumerate() {
            let known = name == "FARGATE"
                || name == "FARGATE_SPOT"
                || asgs.iter().any(|a| &a.provider == name);
            if !known {
                p.push(
                    format!("clusters[{i}].capacityProviders[{j}]"),
                    format!("unknown capacity provider '{name}'"),
                );
            }
        }
        let path = format!("clusters[{i}].defaultCapacityProviderStrategy");
        let items = strategy_items(
            &path,
            &c.default_capacity_provider_strategy,
            &clusters[i],
            asgs,
            p,
        );
        clusters[i].default_strategy = items;
    }
}

/// The cluster ECS uses when a call names none.
pub const DEFAULT_CLUSTER: &str = "default";

/// The index of the cluster named `name` (`default` when None), if the scenario has it.
pub fn named(name: Option<&str>, clusters: &[ClusterModel]) -> Option<usize> {
    let name = name.unwrap_or(DEFAULT_CLUSTER);
    clusters.iter().position(|c| c.name == name)
}

/// The cluster a service or RunTask names (`default` when it names none), by its name. ECS
/// also takes the cluster's ARN (API CreateService `cluster`: "The short name or full Amazon
/// Resource Name (ARN)"); the playground does not, since the forms, limits and scaling IDs all
/// read the name, and says what to write instead.
pub fn find(
    path: &str,
    name: &Option<String>,
    clusters: &[ClusterModel],
    p: &mut Problems,
) -> Option<usize> {
    let name = name.as_deref().unwrap_or(DEFAULT_CLUSTER);
    let found = named(Some(name), clusters);
    if found.is_none() {
        let arn_of = name
            .strip_prefix("arn:")
            .and_then(|arn| arn.rsplit_once(":cluster/"))
            .map(|(_, short)| short);
        let message = match arn_of {
            Some(short) => format!(
                "Cluster not found: '{name}'. The playground names clusters by clusterName, not ARN: write \"cluster\": \"{short}\""
            ),
            None => format!("Cluster not found: '{name}'"),
        };
        p.push(path, message);
    }
    found
}
