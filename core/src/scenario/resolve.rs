//! Checks a [`ScenarioDocument`] the way ECS's APIs would (register-task-definition,
//! create-capacity-provider, create-service, run-task) and resolves it into a [`Model`].
//! Every problem is reported with its path from the document root.

use super::document::*;
use super::model::*;
use super::placement_rules;
use crate::catalog;
use crate::cluster::{
    AsgModel, CapacityProviderStrategyItem, ClusterModel, LaunchTarget, ProviderKind, StrategyItem,
};
use crate::deployment::spec::DeploymentConfiguration;
use crate::placement::{Constraint, SpreadField, Strategy};
use crate::placement::{PlacementConstraintSpec, PlacementStrategySpec};
use crate::service::NetworkConfiguration;
use crate::service::{RunTaskModel, ServiceModel};
use crate::taskdef::{self, Compatibility, NetworkMode};
use crate::taskdef::{task_needs, RegisteredTaskDefinition};
use crate::Problem;
use std::collections::BTreeMap;

/// ECS quota: tasks per service.
pub const MAX_TASKS_PER_SERVICE: u32 = 5000;
/// ECS quota: container instances per cluster.
pub const MAX_INSTANCES_PER_CLUSTER: u32 = 5000;
pub use super::placement_rules::{MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES};
/// ECS quota: capacity providers per cluster.
pub const MAX_CAPACITY_PROVIDERS_PER_CLUSTER: usize = 20;
/// Simulator limit on services, to keep a shared link's run bounded.
pub const MAX_SERVICES: usize = 200;
/// Simulator limit on timeline events.
pub const MAX_TIMELINE_EVENTS: usize = 1000;
/// Default seconds from an Auto Scaling launch to the instance registering with ECS.
pub const DEFAULT_BOOT_SECONDS: u32 = 60;

/// Validates and resolves a scenario; `Err` lists every problem found.
pub fn resolve(doc: &ScenarioDocument) -> Result<Model, Vec<Problem>> {
    let mut r = Resolver::default();
    let model = r.run(doc);
    if r.problems.is_empty() {
        Ok(model)
    } else {
        Err(r.problems)
    }
}

#[derive(Default)]
struct Resolver {
    problems: Vec<Problem>,
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Resolver {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn run(&mut self, doc: &ScenarioDocument) -> Model {
        let (zones, subnets) = self.subnets(doc);
        let clusters = self.clusters(doc);
        let asgs = self.asgs(doc, &clusters, &subnets);
        let task_definitions = self.task_definitions(doc);
        self.images(doc);
        let mut model = Model {
            seed: doc.seed,
            zones,
            subnets,
            clusters,
            asgs,
            task_definitions,
            images: doc.images.clone(),
            services: Vec::new(),
            run_tasks: Vec::new(),
            timeline: Vec::new(),
            target_groups: Vec::new(),
            traffic: Default::default(),
            auto_scaling: Default::default(),
        };
        let (groups, problems) = crate::elb::resolve::target_groups(
            &doc.target_groups,
            &crate::elb::resolve::region_of(&model.zones),
        );
        model.target_groups = groups;
        self.problems.extend(problems);
        self.cluster_strategies(doc, &mut model);
        model.services = self.services(doc, &model);
        model.run_tasks = self.run_tasks(doc, &model);
        model.timeline = self.timeline(doc, &model);
        let (traffic, problems) = super::resolve_traffic::resolve_traffic(doc, &model);
        model.traffic = traffic;
        self.problems.extend(problems);
        let (auto_scaling, problems) =
            super::resolve_autoscaling::resolve_auto_scaling(doc, &model);
        self.problems.extend(problems);
        model.auto_scaling = auto_scaling;
        model
    }

    fn subnets(&mut self, doc: &ScenarioDocument) -> (Vec<String>, BTreeMap<String, String>) {
        let mut zones = Vec::new();
        let mut map = BTreeMap::new();
        for (i, s) in doc.subnets.iter().enumerate() {
            let path = format!("subnets[{i}]");
            if map
                .insert(s.subnet_id.clone(), s.availability_zone.clone())
                .is_some()
            {
                self.problem(
                    format!("{path}.subnetId"),
                    format!("duplicate subnet '{}'", s.subnet_id),
                );
            }
            if s.availability_zone.is_empty() {
                self.problem(format!("{path}.availabilityZone"), "must not be empty");
            }
            if !zones.contains(&s.availability_zone) {
                zones.push(s.availability_zone.clone());
            }
        }
        (zones, map)
    }

    fn clusters(&mut self, doc: &ScenarioDocument) -> Vec<ClusterModel> {
        if doc.clusters.is_empty() {
            self.problem("clusters", "a scenario needs at least one cluster");
        }
        let mut out: Vec<ClusterModel> = Vec::new();
        for (i, c) in doc.clusters.iter().enumerate() {
            let path = format!("clusters[{i}]");
            if !is_name(&c.cluster_name) {
                self.problem(format!("{path}.clusterName"), "Cluster name must be 1-255 characters: letters, numbers, hyphens and underscores.");
            }
            if out.iter().any(|o| o.name == c.cluster_name) {
                self.problem(
                    format!("{path}.clusterName"),
                    format!("duplicate cluster '{}'", c.cluster_name),
                );
            }
            if c.capacity_providers.len() > MAX_CAPACITY_PROVIDERS_PER_CLUSTER {
                self.problem(
                    format!("{path}.capacityProviders"),
                    format!("a cluster can have at most {MAX_CAPACITY_PROVIDERS_PER_CLUSTER} capacity providers"),
                );
            }
            for (j, e) in c.external_instances.iter().enumerate() {
                if e.cpu == 0 || e.memory == 0 {
                    self.problem(
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

    fn asgs(
        &mut self,
        doc: &ScenarioDocument,
        clusters: &[ClusterModel],
        subnets: &BTreeMap<String, String>,
    ) -> Vec<AsgModel> {
        let mut out = Vec::new();
        let mut per_cluster: BTreeMap<usize, u32> = BTreeMap::new();
        for (i, cp) in doc.capacity_providers.iter().enumerate() {
            let path = format!("capacityProviders[{i}]");
            let name = &cp.name;
            if !is_name(name) {
                self.problem(format!("{path}.name"), "The capacity provider name must be 1-255 characters: letters, numbers, hyphens and underscores.");
            } else if name == "FARGATE" || name == "FARGATE_SPOT" {
                self.problem(format!("{path}.name"), format!("'{name}' is a reserved capacity provider name: it is built in and needs no entry"));
            } else if ["aws", "ecs", "fargate"]
                .iter()
                .any(|p| name.to_ascii_lowercase().starts_with(p))
            {
                self.problem(
                    format!("{path}.name"),
                    "The capacity provider name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".",
                );
            }
            if doc.capacity_providers[..i].iter().any(|o| &o.name == name) {
                self.problem(
                    format!("{path}.name"),
                    format!("duplicate capacity provider '{name}'"),
                );
            }
            let owners: Vec<usize> = clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.capacity_providers.contains(name))
                .map(|(k, _)| k)
                .collect();
            let cluster = match owners.as_slice() {
                [one] => *one,
                [] => {
                    self.problem(format!("{path}.name"), format!("capacity provider '{name}' is not associated with any cluster: add it to a cluster's capacityProviders"));
                    0
                }
                [first, ..] => {
                    self.problem(format!("{path}.name"), format!("an Auto Scaling group capacity provider can be associated with only one cluster; '{name}' is listed by several"));
                    *first
                }
            };
            let g = &cp.auto_scaling_group_provider.auto_scaling_group;
            let gpath = format!("{path}.autoScalingGroupProvider.autoScalingGroup");
            let instance_type = match catalog::instance_type(&g.instance_type) {
                Some(t) => t,
                None => {
                    self.problem(
                        format!("{gpath}.instanceType"),
                        format!(
                            "unknown instance type '{}'; the playground knows: {}",
                            g.instance_type,
                            catalog::all()
                                .iter()
                                .map(|t| t.name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                    &catalog::all()[0]
                }
            };
            if g.min_size > g.max_size {
                self.problem(
                    format!("{gpath}.minSize"),
                    format!(
                        "minSize ({}) must not exceed maxSize ({})",
                        g.min_size, g.max_size
                    ),
                );
            }
            if g.desired_capacity < g.min_size || g.desired_capacity > g.max_size {
                self.problem(
                    format!("{gpath}.desiredCapacity"),
                    format!(
                        "desiredCapacity ({}) must be between minSize ({}) and maxSize ({})",
                        g.desired_capacity, g.min_size, g.max_size
                    ),
                );
            }
            let total = per_cluster.entry(cluster).or_default();
            *total = total.saturating_add(g.max_size);
            if *total > MAX_INSTANCES_PER_CLUSTER {
                self.problem(format!("{gpath}.maxSize"), format!("a cluster can have at most {MAX_INSTANCES_PER_CLUSTER} container instances (ECS quota)"));
            }
            if g.subnets.is_empty() {
                self.problem(
                    format!("{gpath}.subnets"),
                    "an Auto Scaling group needs at least one subnet",
                );
            }
            let mut pairs = Vec::new();
            for (j, s) in g.subnets.iter().enumerate() {
                match subnets.get(s) {
                    Some(z) => pairs.push((s.clone(), z.clone())),
                    None => self.problem(
                        format!("{gpath}.subnets[{j}]"),
                        format!("unknown subnet '{s}': declare it in the top-level subnets"),
                    ),
                }
            }
            if let Some(ms) = &cp.auto_scaling_group_provider.managed_scaling {
                let mpath = format!("{path}.autoScalingGroupProvider.managedScaling");
                if ms.status != "ENABLED" && ms.status != "DISABLED" {
                    self.problem(format!("{mpath}.status"), "must be ENABLED or DISABLED");
                }
                if let Some(t) = ms.target_capacity {
                    if !(1..=100).contains(&t) {
                        self.problem(
                            format!("{mpath}.targetCapacity"),
                            "targetCapacity must be between 1 and 100",
                        );
                    }
                }
                for (key, v) in [
                    ("minimumScalingStepSize", ms.minimum_scaling_step_size),
                    ("maximumScalingStepSize", ms.maximum_scaling_step_size),
                ] {
                    if let Some(v) = v {
                        if !(1..=10000).contains(&v) {
                            self.problem(
                                format!("{mpath}.{key}"),
                                format!("{key} must be between 1 and 10000"),
                            );
                        }
                    }
                }
                if let Some(w) = ms.instance_warmup_period {
                    if w > 10000 {
                        self.problem(
                            format!("{mpath}.instanceWarmupPeriod"),
                            "instanceWarmupPeriod must be between 0 and 10000 seconds",
                        );
                    }
                }
            }
            for (key, v) in [
                (
                    "managedTerminationProtection",
                    &cp.auto_scaling_group_provider
                        .managed_termination_protection,
                ),
                (
                    "managedDraining",
                    &cp.auto_scaling_group_provider.managed_draining,
                ),
            ] {
                if let Some(v) = v {
                    if v != "ENABLED" && v != "DISABLED" {
                        self.problem(
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
                managed_scaling: cp
                    .auto_scaling_group_provider
                    .managed_scaling
                    .as_ref()
                    .and_then(crate::cluster::managed_scaling::ManagedScaling::from_spec),
                managed_termination_protection: cp
                    .auto_scaling_group_provider
                    .managed_termination_protection
                    .as_deref()
                    == Some("ENABLED"),
            });
        }
        out
    }

    fn task_definitions(&mut self, doc: &ScenarioDocument) -> Vec<RegisteredTaskDefinition> {
        let mut out: Vec<RegisteredTaskDefinition> = Vec::new();
        for (i, value) in doc.task_definitions.iter().enumerate() {
            let path = format!("taskDefinitions[{i}]");
            let td = match taskdef::task_definition_from_value(value.clone()) {
                Ok((td, _shape)) => td,
                Err(problems) => {
                    self.problems
                        .extend(problems.into_iter().map(|p| p.prefixed(&path)));
                    continue;
                }
            };
            let problems = taskdef::validate(&td);
            if !problems.is_empty() {
                self.problems
                    .extend(problems.into_iter().map(|p| p.prefixed(&path)));
                continue;
            }
            let family = td.family.clone().unwrap_or_default();
            let revision = 1 + out.iter().filter(|o| o.family == family).count() as u32;
            let needs = task_needs(&td);
            out.push(RegisteredTaskDefinition {
                family,
                revision,
                definition: td,
                needs,
            });
        }
        out
    }

    fn images(&mut self, doc: &ScenarioDocument) {
        for (image, b) in &doc.images {
            let path = format!("images[\"{image}\"]");
            if b.pull_seconds.is_some_and(|s| s > 3600) {
                self.problem(format!("{path}.pullSeconds"), "must be at most 3600");
            }
            if b.start_seconds.is_some_and(|s| s > 3600) {
                self.problem(format!("{path}.startSeconds"), "must be at most 3600");
            }
        }
    }

    fn strategy_items(
        &mut self,
        path: &str,
        items: &[CapacityProviderStrategyItem],
        cluster: &ClusterModel,
        asgs: &[AsgModel],
    ) -> Vec<StrategyItem> {
        let mut out = Vec::new();
        if items.len() > MAX_CAPACITY_PROVIDERS_PER_CLUSTER {
            self.problem(path, format!("a capacity provider strategy can have at most {MAX_CAPACITY_PROVIDERS_PER_CLUSTER} items"));
        }
        for (j, it) in items.iter().enumerate() {
            let ipath = format!("{path}[{j}]");
            if !cluster.capacity_providers.contains(&it.capacity_provider) {
                self.problem(
                    format!("{ipath}.capacityProvider"),
                    format!(
                        "The specified capacity provider '{}' is not associated with cluster '{}'.",
                        it.capacity_provider, cluster.name
                    ),
                );
                continue;
            }
            let kind = match it.capacity_provider.as_str() {
                "FARGATE" => ProviderKind::Fargate,
                "FARGATE_SPOT" => ProviderKind::FargateSpot,
                name => {
                    match asgs.iter().position(|a| a.provider == name) {
                        Some(k) => ProviderKind::Asg(k),
                        None => {
                            self.problem(format!("{ipath}.capacityProvider"), format!("capacity provider '{name}' is not defined in capacityProviders"));
                            continue;
                        }
                    }
                }
            };
            if it.weight > 1000 {
                self.problem(
                    format!("{ipath}.weight"),
                    "weight must be between 0 and 1000",
                );
            }
            if it.base > 100_000 {
                self.problem(format!("{ipath}.base"), "base must be between 0 and 100000");
            }
            if items[..j]
                .iter()
                .any(|o| o.capacity_provider == it.capacity_provider)
            {
                self.problem(
                    format!("{ipath}.capacityProvider"),
                    format!(
                        "capacity provider '{}' appears twice in the strategy",
                        it.capacity_provider
                    ),
                );
            }
            out.push(StrategyItem {
                name: it.capacity_provider.clone(),
                kind,
                base: it.base,
                weight: it.weight,
            });
        }
        // DG cluster-capacity-providers: only one provider may have a base; weights cannot all be 0;
        // Auto Scaling group providers and Fargate providers cannot be mixed.
        if items.iter().filter(|i| i.base > 0).count() > 1 {
            self.problem(
                path,
                "Only one capacity provider in a strategy can have a base defined.",
            );
        }
        // API CapacityProviderStrategyItem.weight: the rule applies "when multiple capacity
        // providers are specified"; a single provider with the default weight 0 is fine.
        if items.len() > 1 && items.iter().all(|i| i.weight == 0) {
            self.problem(
                path,
                "At least one capacity provider in the strategy must have a weight greater than 0.",
            );
        }
        let has_asg = out.iter().any(|i| matches!(i.kind, ProviderKind::Asg(_)));
        let has_fargate = out.iter().any(|i| !matches!(i.kind, ProviderKind::Asg(_)));
        if has_asg && has_fargate {
            self.problem(path, "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
        }
        out
    }

    fn cluster_strategies(&mut self, doc: &ScenarioDocument, model: &mut Model) {
        for (i, c) in doc.clusters.iter().enumerate() {
            for (j, name) in c.capacity_providers.iter().enumerate() {
                let known = name == "FARGATE"
                    || name == "FARGATE_SPOT"
                    || model.asgs.iter().any(|a| &a.provider == name);
                if !known {
                    self.problem(
                        format!("clusters[{i}].capacityProviders[{j}]"),
                        format!("unknown capacity provider '{name}'"),
                    );
                }
            }
            let path = format!("clusters[{i}].defaultCapacityProviderStrategy");
            let items = self.strategy_items(
                &path,
                &c.default_capacity_provider_strategy,
                &model.clusters[i],
                &model.asgs,
            );
            model.clusters[i].default_strategy = items;
        }
    }

    fn cluster_index(&mut self, path: &str, name: &Option<String>, model: &Model) -> Option<usize> {
        let name = name.as_deref().unwrap_or("default");
        let found = model.clusters.iter().position(|c| c.name == name);
        if found.is_none() {
            self.problem(path, format!("Cluster not found: '{name}'"));
        }
        found
    }

    fn task_definition_index(
        &mut self,
        path: &str,
        reference: &str,
        model: &Model,
    ) -> Option<usize> {
        // Accept `family`, `family:revision` and `arn:aws:ecs:<region>:<account>:task-definition/family:revision`.
        let short = reference
            .rsplit_once("task-definition/")
            .map_or(reference, |(_, s)| s);
        let (family, revision) = match short.split_once(':') {
            Some((f, r)) => match r.parse::<u32>() {
                Ok(r) => (f, Some(r)),
                Err(_) => {
                    self.problem(path, format!("Invalid revision number. Number: {r}"));
                    return None;
                }
            },
            None => (short, None),
        };
        let found = model
            .task_definitions
            .iter()
            .enumerate()
            .filter(|(_, t)| t.family == family && revision.is_none_or(|r| t.revision == r))
            .map(|(k, _)| k)
            .next_back();
        if found.is_none() {
            self.problem(
                path,
                "Unable to describe task definition.".to_string()
                    + &format!(" No task definition '{reference}' is registered in this scenario."),
            );
        }
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn launch_target(
        &mut self,
        path: &str,
        launch_type: &Option<String>,
        strategy: &[CapacityProviderStrategyItem],
        cluster: usize,
        td: Option<&RegisteredTaskDefinition>,
        network: &Option<NetworkConfiguration>,
        model: &Model,
    ) -> (LaunchTarget, Vec<String>) {
        let c = &model.clusters[cluster];
        let target = match (launch_type.as_deref(), strategy.is_empty()) {
            (Some(_), false) => {
                self.problem(format!("{path}.launchType"), "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
                LaunchTarget::Ec2
            }
            (Some("EC2"), true) => LaunchTarget::Ec2,
            (Some("FARGATE"), true) => LaunchTarget::Fargate,
            (Some("EXTERNAL"), true) => LaunchTarget::External,
            (Some(other), true) => {
                self.problem(
                    format!("{path}.launchType"),
                    format!("invalid launch type '{other}': expected EC2, FARGATE or EXTERNAL"),
                );
                LaunchTarget::Ec2
            }
            (None, false) => LaunchTarget::Strategy(self.strategy_items(
                &format!("{path}.capacityProviderStrategy"),
                strategy,
                c,
                &model.asgs,
            )),
            // No launch type and no strategy: the cluster's default strategy, else launch type EC2.
            (None, true) if !c.default_strategy.is_empty() => {
                LaunchTarget::Strategy(c.default_strategy.clone())
            }
            (None, true) => LaunchTarget::Ec2,
        };
        let fargate = target.uses_fargate();
        let mut zones = Vec::new();
        if let Some(td) = td {
            let def = &td.definition;
            let (needed, label) = match &target {
                _ if fargate => (Compatibility::Fargate, "FARGATE"),
                LaunchTarget::External => (Compatibility::External, "EXTERNAL"),
                _ => (Compatibility::Ec2, "EC2"),
            };
            // A definition with no requiresCompatibilities is EC2-compatible (and EXTERNAL-compatible
            // when its network mode allows), never Fargate-compatible.
            let compatible = if def
                .requires_compatibilities
                .as_ref()
                .is_some_and(|v| !v.is_empty())
            {
                def.requires(needed)
            } else {
                needed != Compatibility::Fargate
            };
            if !compatible {
                self.problem(
                    format!("{path}.taskDefinition"),
                    format!("Task definition does not support launch_type {label}."),
                );
            }
            if td.needs.network_mode == NetworkMode::Awsvpc {
                match network {
                    None => self.problem(path, "Network Configuration must be provided when networkMode 'awsvpc' is specified."),
                    Some(n) => {
                        let npath = format!("{path}.networkConfiguration.awsvpcConfiguration.subnets");
                        if n.awsvpc_configuration.subnets.is_empty() || n.awsvpc_configuration.subnets.len() > 16 {
                            self.problem(&npath, "between 1 and 16 subnets are required");
                        }
                        for (k, s) in n.awsvpc_configuration.subnets.iter().enumerate() {
                            match model.subnets.get(s) {
                                Some(z) if !zones.contains(z) => zones.push(z.clone()),
                                Some(_) => {}
                                None => self.problem(format!("{npath}[{k}]"), format!("unknown subnet '{s}': declare it in the top-level subnets")),
                            }
                        }
                    }
                }
            } else if network.is_some() {
                self.problem(format!("{path}.networkConfiguration"), "Network Configuration is not valid for the given networkMode of this task definition.");
            }
        }
        (target, zones)
    }

    fn placement(
        &mut self,
        path: &str,
        strategies: &[PlacementStrategySpec],
        constraints: &[PlacementConstraintSpec],
        fargate: bool,
        defaults: Vec<Strategy>,
    ) -> (Vec<Strategy>, Vec<Constraint>) {
        if fargate && (!strategies.is_empty() || !constraints.is_empty()) {
            self.problem(path, "Task placement strategies and constraints are not supported with the Fargate launch type.");
        }
        if strategies.len() > MAX_PLACEMENT_STRATEGIES {
            self.problem(
                format!("{path}.placementStrategy"),
                format!("at most {MAX_PLACEMENT_STRATEGIES} placement strategies"),
            );
        }
        if constraints.len() > MAX_PLACEMENT_CONSTRAINTS {
            self.problem(
                format!("{path}.placementConstraints"),
                format!("at most {MAX_PLACEMENT_CONSTRAINTS} placement constraints"),
            );
        }
        let mut out_s = Vec::new();
        for (i, s) in strategies.iter().enumerate() {
            match placement_rules::strategy(s) {
                Ok(resolved) => out_s.push(resolved),
                Err(e) => self.problem(
                    format!("{path}.placementStrategy[{i}].{}", e.key),
                    e.message,
                ),
            }
        }
        let mut out_c = Vec::new();
        for (i, c) in constraints.iter().enumerate() {
            match placement_rules::constraint(c) {
                Ok(resolved) => out_c.push(resolved),
                Err(e) => self.problem(
                    format!("{path}.placementConstraints[{i}].{}", e.key),
                    e.message,
                ),
            }
        }
        if strategies.is_empty() {
            out_s = defaults;
        }
        (out_s, out_c)
    }

    fn services(&mut self, doc: &ScenarioDocument, model: &Model) -> Vec<ServiceModel> {
        if doc.services.len() > MAX_SERVICES {
            self.problem(
                "services",
                format!("the playground runs at most {MAX_SERVICES} services"),
            );
        }
        let mut out = Vec::new();
        for (i, s) in doc.services.iter().enumerate().take(MAX_SERVICES) {
            let path = format!("services[{i}]");
            if !is_name(&s.service_name) {
                self.problem(format!("{path}.serviceName"), "Service name must be 1-255 characters: letters, numbers, hyphens and underscores.");
            }
            if doc.services[..i]
                .iter()
                .any(|o| o.service_name == s.service_name && o.cluster == s.cluster)
            {
                self.problem(format!("{path}.serviceName"), format!("Creation of service was not idempotent: a service named '{}' already exists in this cluster.", s.service_name));
            }
            let Some(cluster) = self.cluster_index(&format!("{path}.cluster"), &s.cluster, model)
            else {
                continue;
            };
            let Some(tdi) = self.task_definition_index(
                &format!("{path}.taskDefinition"),
                &s.task_definition,
                model,
            ) else {
                continue;
            };
            let td = &model.task_definitions[tdi];
            let daemon = match s.scheduling_strategy.as_deref() {
                None | Some("REPLICA") => false,
                Some("DAEMON") => true,
                Some(other) => {
                    self.problem(
                        format!("{path}.schedulingStrategy"),
                        format!(
                            "invalid scheduling strategy '{other}': expected REPLICA or DAEMON"
                        ),
                    );
                    false
                }
            };
            let (launch, zones) = self.launch_target(
                &path,
                &s.launch_type,
                &s.capacity_provider_strategy,
                cluster,
                Some(td),
                &s.network_configuration,
                model,
            );
            let fargate = launch.uses_fargate();
            let desired = match (daemon, s.desired_count) {
                (true, Some(_)) => {
                    self.problem(format!("{path}.desiredCount"), "The daemon scheduling strategy does not support a desired count for services.");
                    0
                }
                (true, None) => 0,
                (false, Some(n)) if n > MAX_TASKS_PER_SERVICE => {
                    self.problem(
                        format!("{path}.desiredCount"),
                        format!("at most {MAX_TASKS_PER_SERVICE} tasks per service (ECS quota)"),
                    );
                    MAX_TASKS_PER_SERVICE
                }
                (false, Some(n)) => n,
                (false, None) => {
                    self.problem(
                        format!("{path}.desiredCount"),
                        "desiredCount is required for the REPLICA scheduling strategy",
                    );
                    0
                }
            };
            if daemon {
                if fargate {
                    self.problem(format!("{path}.schedulingStrategy"), "The daemon scheduling strategy is not supported with the Fargate launch type.");
                }
                if matches!(launch, LaunchTarget::Strategy(_)) {
                    self.problem(format!("{path}.capacityProviderStrategy"), "The daemon scheduling strategy does not support capacity provider strategies.");
                }
                if !s.placement_strategy.is_empty() {
                    self.problem(format!("{path}.placementStrategy"), "Placement strategies are not supported with the daemon scheduling strategy.");
                }
            }
            let dc = s
                .deployment_configuration
                .clone()
                .unwrap_or(DeploymentConfiguration {
                    maximum_percent: None,
                    minimum_healthy_percent: None,
                    deployment_circuit_breaker: None,
                    alarms: None,
                    strategy: None,
                    bake_time_in_minutes: None,
                    canary_configuration: None,
                    linear_configuration: None,
                });
            // DG deployment-type-ecs: defaults 200/100 for REPLICA; DAEMON uses 100/0 and
            // maximumPercent must stay 100.
            let maximum_percent = dc.maximum_percent.unwrap_or(if daemon { 100 } else { 200 });
            let minimum_healthy_percent =
                dc.minimum_healthy_percent
                    .unwrap_or(if daemon { 0 } else { 100 });
            if daemon && maximum_percent != 100 {
                self.problem(
                    format!("{path}.deploymentConfiguration.maximumPercent"),
                    "The daemon scheduling strategy requires a maximumPercent of 100.",
                );
            }
            if maximum_percent < 100 && !daemon {
                self.problem(
                    format!("{path}.deploymentConfiguration.maximumPercent"),
                    "maximumPercent must be at least 100",
                );
            }
            if minimum_healthy_percent > 100 {
                self.problem(
                    format!("{path}.deploymentConfiguration.minimumHealthyPercent"),
                    "minimumHealthyPercent must be between 0 and 100",
                );
            }
            let (strategies, constraints) = self.placement(
                &path,
                &s.placement_strategy,
                &s.placement_constraints,
                fargate,
                if daemon {
                    Vec::new()
                } else {
                    // DG task-placement-strategies: services default to spread on
                    // attribute:ecs.availability-zone; the service scheduler then favours the instance
                    // with the fewest tasks of the service (DG ecs_services).
                    vec![
                        Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
                        Strategy::Spread(SpreadField::Instance),
                    ]
                },
            );
            let (mut load_balancer, problems) = crate::elb::resolve::service_load_balancers(
                &path,
                &s.load_balancers,
                &model.target_groups,
                &td.definition,
            );
            self.problems.extend(problems);
            // CodeDeploy blue/green: green registers in the deployment group's second target
            // group, named under the simulator key codeDeploy.
            if let Some(green) = s
                .code_deploy
                .as_ref()
                .and_then(|c| c.green_target_group.as_deref())
            {
                match crate::elb::resolve::find_group(&model.target_groups, green) {
                    Some(g) => {
                        if let Some(lb) = load_balancer.as_mut() {
                            lb.alternate_target_group = Some(g);
                        }
                    }
                    None => self.problem(
                        format!("{path}.codeDeploy.greenTargetGroup"),
                        format!("Target group '{green}' not found: declare it in targetGroups"),
                    ),
                }
            }
            let keys = super::resolve_deployment::resolve(&path, s, &dc, daemon);
            self.problems.extend(keys.problems);
            if let Some(g) = s.health_check_grace_period_seconds {
                if g > 2_147_483_647 {
                    self.problem(format!("{path}.healthCheckGracePeriodSeconds"), "too large");
                }
            }
            out.push(ServiceModel {
                name: s.service_name.clone(),
                cluster,
                task_definition: tdi,
                desired,
                daemon,
                launch,
                strategies,
                constraints,
                subnet_zones: zones,
                maximum_percent,
                minimum_healthy_percent,
                grace_ms: u64::from(s.health_check_grace_period_seconds.unwrap_or(0)) * 1000,
                load_balancer,
                circuit_breaker: keys.circuit_breaker,
                traffic_shift: keys.traffic_shift,
            });
        }
        out
    }

    fn run_tasks(&mut self, doc: &ScenarioDocument, model: &Model) -> Vec<RunTaskModel> {
        let mut out = Vec::new();
        for (i, t) in doc.tasks.iter().enumerate() {
            let path = format!("tasks[{i}]");
            if !(1..=10).contains(&t.count) {
                self.problem(format!("{path}.count"), "count must be between 1 and 10");
            }
            let Some(cluster) = self.cluster_index(&format!("{path}.cluster"), &t.cluster, model)
            else {
                continue;
            };
            let Some(tdi) = self.task_definition_index(
                &format!("{path}.taskDefinition"),
                &t.task_definition,
                model,
            ) else {
                continue;
            };
            let td = &model.task_definitions[tdi];
            let (launch, zones) = self.launch_target(
                &path,
                &t.launch_type,
                &t.capacity_provider_strategy,
                cluster,
                Some(td),
                &t.network_configuration,
                model,
            );
            let fargate = launch.uses_fargate();
            // Standalone tasks have no default strategy: any instance that fits, at random.
            let (strategies, constraints) = self.placement(
                &path,
                &t.placement_strategy,
                &t.placement_constraints,
                fargate,
                vec![Strategy::Random],
            );
            out.push(RunTaskModel {
                cluster,
                task_definition: tdi,
                count: t.count.clamp(1, 10),
                launch,
                group: t
                    .group
                    .clone()
                    .unwrap_or_else(|| format!("family:{}", td.family)),
                strategies,
                constraints,
                subnet_zones: zones,
                started_by: t.started_by.clone(),
            });
        }
        out
    }

    fn timeline(&mut self, doc: &ScenarioDocument, model: &Model) -> Vec<TimelineEvent> {
        if doc.timeline.len() > MAX_TIMELINE_EVENTS {
            self.problem(
                "timeline",
                format!("at most {MAX_TIMELINE_EVENTS} timeline events"),
            );
        }
        for (i, e) in doc.timeline.iter().enumerate() {
            let path = format!("timeline[{i}]");
            match &e.action {
                TimelineAction::StopTask { service, .. }
                | TimelineAction::UpdateService { service, .. }
                | TimelineAction::SpotInterruption { service, .. }
                | TimelineAction::TrafficSpike { service, .. } => {
                    if !model.services.iter().any(|s| &s.name == service) {
                        self.problem(
                            format!("{path}.service"),
                            format!("no service named '{service}'"),
                        );
                    }
                }
                TimelineAction::AzOutage { availability_zone }
                | TimelineAction::AzRecovery { availability_zone } => {
                    if !model.zones.contains(availability_zone) {
                        self.problem(format!("{path}.availabilityZone"), format!("unknown zone '{availability_zone}': zones come from the subnets ({})", model.zones.join(", ")));
                    }
                }
                TimelineAction::TerminateInstance { .. } | TimelineAction::DrainInstance { .. } => {
                }
            }
            if let TimelineAction::UpdateService {
                task_definition: Some(t),
                ..
            } = &e.action
            {
                self.task_definition_index(&format!("{path}.taskDefinition"), t, model);
            }
        }
        let mut t = doc.timeline.clone();
        t.truncate(MAX_TIMELINE_EVENTS);
        t.sort_by_key(|e| e.at);
        t
    }
}
