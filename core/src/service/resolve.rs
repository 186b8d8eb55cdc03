//! Checks services (create-service) and standalone tasks (run-task) the way ECS would and
//! resolves them against the clusters, capacity providers, task definitions and target groups
//! resolved before them.

use super::spec::{NetworkConfiguration, RunTaskSpec, ServiceSpec};
use super::{RunTaskModel, ServiceModel};
use crate::cluster::resolve::{self as clusters, Subnets};
use crate::cluster::{AsgModel, CapacityProviderStrategyItem, ClusterModel, LaunchTarget};
use crate::elb::TargetGroupModel;
use crate::placement::resolve::placement;
use crate::placement::{SpreadField, Strategy};
use crate::problem::{is_ecs_name, Problems};
use crate::taskdef::{self, Compatibility, NetworkMode, RegisteredTaskDefinition};
use std::collections::BTreeSet;

/// ECS quota: tasks per service.
pub const MAX_TASKS_PER_SERVICE: u32 = 5000;
/// Simulator limit on services, to keep a shared link's run bounded.
pub const MAX_SERVICES: usize = 200;
/// RunTask's `count`: 1 to 10 copies.
pub const MAX_RUN_TASK_COUNT: u32 = 10;

/// What services and RunTasks are resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The Region's zones and each subnet's zone.
    pub subnets: &'a Subnets,
    /// Clusters, with their default strategies.
    pub clusters: &'a [ClusterModel],
    /// Auto Scaling group capacity providers.
    pub asgs: &'a [AsgModel],
    /// Registered task definition revisions.
    pub task_definitions: &'a [RegisteredTaskDefinition],
    /// Each registered definition's own `memberOf` constraints (by the same index).
    pub definition_constraints: &'a [Vec<crate::placement::Constraint>],
    /// Families of task definitions registration refused (already reported there).
    pub refused_families: &'a BTreeSet<String>,
    /// Load balancer target groups.
    pub target_groups: &'a [TargetGroupModel],
}

/// Resolves the services in document order (at most [`MAX_SERVICES`]).
pub fn services(specs: &[ServiceSpec], cx: Context<'_>, p: &mut Problems) -> Vec<ServiceModel> {
    if specs.len() > MAX_SERVICES {
        p.push(
            "services",
            format!("the playground runs at most {MAX_SERVICES} services"),
        );
    }
    let mut out = Vec::new();
    for (i, s) in specs.iter().enumerate().take(MAX_SERVICES) {
        if let Some(model) = service(i, s, &specs[..i], cx, p) {
            out.push(model);
        }
    }
    out
}

/// One service; None when its cluster or task definition is not found.
fn service(
    i: usize,
    s: &ServiceSpec,
    earlier: &[ServiceSpec],
    cx: Context<'_>,
    p: &mut Problems,
) -> Option<ServiceModel> {
    let path = format!("services[{i}]");
    check_service_name(&path, s, earlier, p);
    let cluster = clusters::find(&format!("{path}.cluster"), &s.cluster, cx.clusters, p)?;
    let tdi = taskdef::resolve::find(
        &format!("{path}.taskDefinition"),
        &s.task_definition,
        cx.task_definitions,
        cx.refused_families,
        p,
    )?;
    let td = &cx.task_definitions[tdi];
    let daemon = scheduling_strategy(&path, s, p);
    let (launch, zones) = launch_target(
        &path,
        &s.launch_type,
        &s.capacity_provider_strategy,
        cluster,
        Some(td),
        &s.network_configuration,
        cx,
        p,
    );
    let fargate = launch.uses_fargate();
    let desired = desired_count(&path, daemon, s.desired_count, p);
    if s.desired_count.is_some_and(|n| n <= MAX_TASKS_PER_SERVICE) {
        p.extend(crate::discovery::resolve::check_task_limit(
            &path,
            &s.service_registries,
            desired,
        ));
    }
    if daemon {
        check_daemon(&path, s, &launch, p);
    }
    let dc = s.deployment_configuration.clone().unwrap_or_default();
    let (maximum_percent, minimum_healthy_percent) =
        crate::deployment::resolve::bounds(&path, &dc, daemon, p);
    let (strategies, constraints) = placement(
        &path,
        &s.placement_strategy,
        &s.placement_constraints,
        fargate,
        default_placement_strategies(daemon),
        p,
    );
    crate::placement::resolve::check_total_constraints(
        &path,
        s.placement_constraints.len(),
        cx.definition_constraints.get(tdi).map_or(0, Vec::len),
        p,
    );
    let load_balancer = load_balancer(&path, s, td, cx, p);
    p.extend(crate::discovery::resolve::check_registry_container(
        &format!("{path}.serviceRegistries"),
        &s.service_registries,
        &td.definition,
        td.needs.network_mode,
    ));
    p.extend(crate::discovery::resolve::check_port_names(
        &format!("{path}.serviceConnectConfiguration"),
        s.service_connect_configuration.as_ref(),
        &port_names(td),
    ));
    let keys = crate::deployment::resolve::resolve(
        &path,
        s.deployment_controller.as_ref(),
        s.code_deploy.as_ref(),
        &dc,
        daemon,
        p,
    );
    super::connect::check(&path, s, earlier, &td.definition, keys.code_deploy, p);
    check_grace_period(&path, s, p);
    let assign_public_ip =
        crate::service::platform::assign_public_ip(&path, &s.network_configuration, fargate, p);
    // On a service written for EC2 or EXTERNAL any platformVersion is refused (below), so its
    // value is not judged too: one cause, one message (reviewer).
    let on_instances = s.capacity_provider_strategy.is_empty()
        && matches!(s.launch_type.as_deref(), Some("EC2" | "EXTERNAL"));
    let platform_version = if on_instances {
        None
    } else {
        crate::service::platform::platform_version(
            &path,
            s.platform_version.as_deref(),
            crate::taskdef::runtime_platform::is_windows(&td.definition),
            p,
        )
    };
    let service_connect =
        crate::discovery::service_connect::enabled(s.service_connect_configuration.as_ref());
    if fargate {
        for why in crate::service::platform_features::refusals(
            platform_version.as_deref(),
            &td.definition,
            service_connect,
        ) {
            p.push(format!("{path}.platformVersion"), why);
        }
    }
    if s.capacity_provider_strategy.is_empty() {
        crate::service::platform::platform_version_on_instances(
            &path,
            s.platform_version.as_deref(),
            s.launch_type.as_deref(),
            p,
        );
    }
    let az_rebalancing = crate::service::platform::availability_zone_rebalancing(
        &path,
        s.availability_zone_rebalancing.as_deref(),
        crate::service::rebalancing::Shape {
            daemon,
            external: matches!(launch, LaunchTarget::External),
            maximum_percent,
            strategies: &strategies,
            // The task definition's memberOf counts too (review: one on the zone there let
            // availabilityZoneRebalancing ENABLED through).
            constraints: &crate::placement::with_definition_constraints(
                &constraints,
                cx.definition_constraints
                    .get(tdi)
                    .map_or(&[], Vec::as_slice),
            ),
        },
        p,
    );
    Some(ServiceModel {
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
        extra_target_groups: crate::elb::resolve::extra_target_groups(
            &s.load_balancers,
            cx.target_groups,
        ),
        circuit_breaker: keys.circuit_breaker,
        deployment_alarms: keys.alarms,
        traffic_shift: keys.traffic_shift,
        code_deploy: keys.code_deploy,
        assign_public_ip,
        platform_version,
        az_rebalancing,
        service_connect,
        connect_port_names: s
            .service_connect_configuration
            .iter()
            .flat_map(|c| c.services.iter().map(|e| e.port_name.clone()))
            .collect(),
    })
}

/// CreateService `serviceName`: a valid ECS name, and not already used in the same cluster
/// (ECS answers a second create with the same name "not idempotent").
fn check_service_name(path: &str, s: &ServiceSpec, earlier: &[ServiceSpec], p: &mut Problems) {
    if !is_ecs_name(&s.service_name) {
        p.push(
            format!("{path}.serviceName"),
            "Service name must be 1-255 characters: letters, numbers, hyphens and underscores.",
        );
    }
    if earlier
        .iter()
        .any(|o| o.service_name == s.service_name && o.cluster == s.cluster)
    {
        p.push(format!("{path}.serviceName"), format!("Creation of service was not idempotent: a service named '{}' already exists in this cluster.", s.service_name));
    }
}

/// The placement strategies a service gets when it names none. DG task-placement-strategies:
/// services default to spread on attribute:ecs.availability-zone; the service scheduler then
/// favours the instance with the fewest tasks of the service (DG ecs_services). A DAEMON
/// service places one task per instance and has no default strategy.
fn default_placement_strategies(daemon: bool) -> Vec<Strategy> {
    if daemon {
        Vec::new()
    } else {
        vec![
            Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Strategy::Spread(SpreadField::Instance),
        ]
    }
}

/// CreateService `healthCheckGracePeriodSeconds`: at most 2,147,483,647 (a Java int).
fn check_grace_period(path: &str, s: &ServiceSpec, p: &mut Problems) {
    if let Some(g) = s.health_check_grace_period_seconds {
        if g > 2_147_483_647 {
            p.push(
                format!("{path}.healthCheckGracePeriodSeconds"),
                "healthCheckGracePeriodSeconds is at most 2147483647 seconds (about 69 years; API CreateService)",
            );
        }
    }
}

/// Whether the service is a DAEMON (`REPLICA` is the default).
fn scheduling_strategy(path: &str, s: &ServiceSpec, p: &mut Problems) -> bool {
    match s.scheduling_strategy.as_deref() {
        None | Some("REPLICA") => false,
        Some("DAEMON") => true,
        Some(other) => {
            p.push(
                format!("{path}.schedulingStrategy"),
                format!("invalid scheduling strategy '{other}': expected REPLICA or DAEMON"),
            );
            false
        }
    }
}

/// desiredCount: required for REPLICA (at most the tasks-per-service quota), refused for DAEMON.
fn desired_count(path: &str, daemon: bool, given: Option<u32>, p: &mut Problems) -> u32 {
    match (daemon, given) {
        (true, Some(_)) => {
            p.push(
                format!("{path}.desiredCount"),
                "The daemon scheduling strategy does not support a desired count for services.",
            );
            0
        }
        (true, None) => 0,
        (false, Some(n)) if n > MAX_TASKS_PER_SERVICE => {
            p.push(
                format!("{path}.desiredCount"),
                format!("at most {MAX_TASKS_PER_SERVICE} tasks per service (ECS quota)"),
            );
            MAX_TASKS_PER_SERVICE
        }
        (false, Some(n)) => n,
        (false, None) => {
            p.push(
                format!("{path}.desiredCount"),
                "desiredCount is required for the REPLICA scheduling strategy",
            );
            0
        }
    }
}

/// What the DAEMON scheduling strategy does not support: Fargate, capacity provider strategies
/// and placement strategies.
fn check_daemon(path: &str, s: &ServiceSpec, launch: &LaunchTarget, p: &mut Problems) {
    if launch.uses_fargate() {
        p.push(
            format!("{path}.schedulingStrategy"),
            "The daemon scheduling strategy is not supported with the Fargate launch type.",
        );
    }
    if matches!(launch, LaunchTarget::Strategy(_)) {
        p.push(
            format!("{path}.capacityProviderStrategy"),
            "The daemon scheduling strategy does not support capacity provider strategies.",
        );
    }
    if !s.placement_strategy.is_empty() {
        p.push(
            format!("{path}.placementStrategy"),
            "Placement strategies are not supported with the daemon scheduling strategy.",
        );
    }
}

/// The target group the service's tasks register in, and for CodeDeploy blue/green the
/// deployment group's second target group (simulator key `codeDeploy.greenTargetGroup`).
fn load_balancer(
    path: &str,
    s: &ServiceSpec,
    td: &RegisteredTaskDefinition,
    cx: Context<'_>,
    p: &mut Problems,
) -> Option<crate::elb::ServiceLoadBalancer> {
    let (mut load_balancer, problems) = crate::elb::resolve::service_load_balancers(
        path,
        &s.load_balancers,
        cx.target_groups,
        &td.definition,
    );
    p.extend(problems);
    if let Some(green) = s
        .code_deploy
        .as_ref()
        .and_then(|c| c.green_target_group.as_deref())
    {
        match crate::elb::resolve::find_group(cx.target_groups, green) {
            Some(g) => {
                if let Some(lb) = load_balancer.as_mut() {
                    lb.alternate_target_group = Some(g);
                }
            }
            None => p.push(
                format!("{path}.codeDeploy.greenTargetGroup"),
                format!("Target group '{green}' not found: declare it in targetGroups"),
            ),
        }
    }
    load_balancer
}

/// API RunTask startedBy: "Up to 128 letters (uppercase and lowercase), numbers, hyphens (-),
/// forward slash (/), and underscores (_) are allowed." Why `value` is refused, if it is.
fn started_by_refusal(value: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '_');
    (value.len() > 128 || !value.chars().all(allowed)).then(|| {
        "startedBy takes up to 128 letters, numbers, hyphens (-), forward slashes (/) and underscores (_)".to_string()
    })
}

/// Resolves the standalone tasks started at time 0 (RunTask).
pub fn run_tasks(specs: &[RunTaskSpec], cx: Context<'_>, p: &mut Problems) -> Vec<RunTaskModel> {
    specs
        .iter()
        .enumerate()
        .filter_map(|(i, t)| run_task(&format!("tasks[{i}]"), t, cx, p))
        .collect()
}

/// Resolves one `run-task` input whose keys sit at `path` (a top-level `tasks[]` entry, or a
/// timeline `runTask` action); `None` when its cluster or task definition cannot be found.
pub fn run_task(
    path: &str,
    t: &RunTaskSpec,
    cx: Context<'_>,
    p: &mut Problems,
) -> Option<RunTaskModel> {
    if !(1..=MAX_RUN_TASK_COUNT).contains(&t.count) {
        p.push(format!("{path}.count"), "count must be between 1 and 10");
    }
    let cluster = clusters::find(&format!("{path}.cluster"), &t.cluster, cx.clusters, p)?;
    let tdi = taskdef::resolve::find(
        &format!("{path}.taskDefinition"),
        &t.task_definition,
        cx.task_definitions,
        cx.refused_families,
        p,
    )?;
    let td = &cx.task_definitions[tdi];
    let (launch, zones) = launch_target(
        path,
        &t.launch_type,
        &t.capacity_provider_strategy,
        cluster,
        Some(td),
        &t.network_configuration,
        cx,
        p,
    );
    let fargate = launch.uses_fargate();
    // Standalone tasks have no default strategy: any instance that fits, at random.
    let (strategies, constraints) = placement(
        path,
        &t.placement_strategy,
        &t.placement_constraints,
        fargate,
        vec![Strategy::Random],
        p,
    );
    crate::placement::resolve::check_total_constraints(
        path,
        t.placement_constraints.len(),
        cx.definition_constraints.get(tdi).map_or(0, Vec::len),
        p,
    );
    // Checked like a service's; standalone tasks get no advice, so the value is not kept.
    crate::service::platform::assign_public_ip(path, &t.network_configuration, fargate, p);
    if let Some(why) = t.started_by.as_deref().and_then(started_by_refusal) {
        p.push(format!("{path}.startedBy"), why);
    }
    Some(RunTaskModel {
        cluster,
        task_definition: tdi,
        count: t.count.clamp(1, MAX_RUN_TASK_COUNT),
        launch,
        group: t
            .group
            .clone()
            .unwrap_or_else(|| format!("family:{}", td.family)),
        strategies,
        constraints,
        subnet_zones: zones,
        started_by: t.started_by.clone(),
    })
}

/// Where the tasks go (launch type, strategy, or the cluster's default strategy, else EC2) and
/// the zones of their awsvpc subnets; checks the task definition's compatibility and the
/// network configuration awsvpc needs.
#[allow(clippy::too_many_arguments)]
pub fn launch_target(
    path: &str,
    launch_type: &Option<String>,
    strategy: &[CapacityProviderStrategyItem],
    cluster: usize,
    td: Option<&RegisteredTaskDefinition>,
    network: &Option<NetworkConfiguration>,
    cx: Context<'_>,
    p: &mut Problems,
) -> (LaunchTarget, Vec<String>) {
    let c = &cx.clusters[cluster];
    // A refused launch type or combination stands in as EC2 so resolving goes on; the task
    // definition is not checked against that stand-in (a walkthrough's FARGATE service with a
    // strategy also read "does not support launch_type EC2", a type it never named).
    let mut stand_in = false;
    let target = match (launch_type.as_deref(), strategy.is_empty()) {
        (Some(_), false) => {
            p.push(format!("{path}.launchType"), "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
            stand_in = true;
            LaunchTarget::Ec2
        }
        (Some("EC2"), true) => LaunchTarget::Ec2,
        (Some("FARGATE"), true) => LaunchTarget::Fargate,
        (Some("EXTERNAL"), true) => LaunchTarget::External,
        (Some(other), true) => {
            p.push(
                format!("{path}.launchType"),
                format!("invalid launch type '{other}': expected EC2, FARGATE or EXTERNAL"),
            );
            stand_in = true;
            LaunchTarget::Ec2
        }
        (None, false) => LaunchTarget::Strategy(clusters::strategy_items(
            &format!("{path}.capacityProviderStrategy"),
            strategy,
            c,
            cx.asgs,
            p,
        )),
        // No launch type and no strategy: the cluster's default strategy, else launch type EC2.
        (None, true) if !c.default_strategy.is_empty() => {
            LaunchTarget::Strategy(c.default_strategy.clone())
        }
        (None, true) => LaunchTarget::Ec2,
    };
    let mut zones = Vec::new();
    if let Some(td) = td {
        if !stand_in {
            check_compatibility(path, td, &target, p);
            check_fargate_spot(path, td, &target, p);
        }
        zones = awsvpc_zones(path, td, network, cx.subnets, p);
    }
    (target, zones)
}

/// The task definition's requiresCompatibilities must include where the tasks go; one with
/// none is EC2-compatible (and EXTERNAL-compatible), never Fargate-compatible.
fn check_compatibility(
    path: &str,
    td: &RegisteredTaskDefinition,
    target: &LaunchTarget,
    p: &mut Problems,
) {
    let def = &td.definition;
    let (needed, label) = match target {
        _ if target.uses_fargate() => (Compatibility::Fargate, "FARGATE"),
        LaunchTarget::External => (Compatibility::External, "EXTERNAL"),
        _ => (Compatibility::Ec2, "EC2"),
    };
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
        p.push(
            format!("{path}.taskDefinition"),
            format!("Task definition does not support launch_type {label}."),
        );
    }
}

/// The `name`s of a definition's port mappings (what Service Connect's `portName` refers to).
fn port_names(td: &RegisteredTaskDefinition) -> Vec<&str> {
    td.definition
        .containers()
        .iter()
        .flat_map(|c| c.port_mappings.iter().flatten())
        .filter_map(|pm| pm.name.as_deref())
        .collect()
}

/// A later revision a service is moved to (a timeline `updateService` at `path`) must suit
/// where the service runs, as the one it was created with; see [`new_revision_refusals`].
/// Each refusal is reported at `{path}.taskDefinition`.
pub fn check_new_revision(
    path: &str,
    model: &ServiceModel,
    td: &RegisteredTaskDefinition,
    groups: &[crate::elb::TargetGroupModel],
    p: &mut Problems,
) {
    for why in new_revision_refusals(model, td, groups) {
        p.push(format!("{path}.taskDefinition"), why);
    }
}

/// Why UpdateService refuses to move service `model` to revision `td`, in ECS's words where
/// ECS has them: Fargate Spot takes no Windows task (DG fargate-capacity-providers);
/// a load balancer's container and port must be in the revision (API LoadBalancer: "This port
/// must correspond to a containerPort in the task definition the tasks in the service are
/// using"); Service Connect `portName`s must name its port mappings (API
/// ServiceConnectService) and a Service Connect service's revision needs the task memory limit
/// (DG service-connect); on Fargate platform version 1.3.0, a revision may not need 1.4.0
/// (`platform_features`). The same rules as at CreateService, so the timeline's
/// `updateService` (checked at load) and the deployment panel's live update refuse alike.
pub fn new_revision_refusals(
    model: &ServiceModel,
    td: &RegisteredTaskDefinition,
    groups: &[crate::elb::TargetGroupModel],
) -> Vec<String> {
    let mut out: Vec<String> = fargate_spot_refusal(td, &model.launch)
        .into_iter()
        .collect();
    if let Some(lb) = &model.load_balancer {
        if let Err((_, why)) = td
            .definition
            .container_with_port(&lb.container_name, i64::from(lb.container_port))
        {
            out.push(why);
        }
        // A target group's type must fit the revision's network mode, as at CreateService.
        for g in std::iter::once(lb.target_group).chain(lb.alternate_target_group) {
            if let Some(why) = groups
                .get(g)
                .and_then(|g| crate::elb::resolve::target_type_mismatch(g, &td.definition))
            {
                out.push(why);
            }
        }
    }
    if model.launch.uses_fargate() {
        out.extend(crate::service::platform::revision_platform_refusal(
            model.platform_version.as_deref(),
            crate::taskdef::runtime_platform::is_windows(&td.definition),
        ));
        out.extend(crate::service::platform_features::refusals(
            model.platform_version.as_deref(),
            &td.definition,
            model.service_connect,
        ));
    }
    // DG service-connect: every revision of a Service Connect service needs the task memory.
    if model.service_connect {
        out.extend(crate::discovery::service_connect::task_memory_refusal(
            &td.definition,
        ));
    }
    let offered = port_names(td);
    out.extend(
        model
            .connect_port_names
            .iter()
            .filter(|n| !offered.contains(&n.as_str()))
            .map(|n| crate::discovery::resolve::port_name_refusal(n, &offered)),
    );
    out
}

/// A strategy that may put tasks on Fargate Spot needs a Linux task (DG
/// fargate-capacity-providers; ARM64 runs there, API CapacityProviderStrategyItem). The docs do not say at which call ECS refuses; the playground
/// refuses the service (or RunTask) as it is created rather than leaving its tasks to wait for
/// a capacity that never takes them. The problem is at `taskDefinition`, so the definition's
/// tab shows it (`taskdef::caused`), and it names both ways out.
fn check_fargate_spot(
    path: &str,
    td: &RegisteredTaskDefinition,
    target: &LaunchTarget,
    p: &mut Problems,
) {
    if let Some(why) = fargate_spot_refusal(td, target) {
        p.push(format!("{path}.taskDefinition"), why);
    }
}

/// [`check_fargate_spot`]'s message, when `target` may use Fargate Spot and `td` cannot run
/// there.
fn fargate_spot_refusal(td: &RegisteredTaskDefinition, target: &LaunchTarget) -> Option<String> {
    let LaunchTarget::Strategy(items) = target else {
        return None;
    };
    let spot = items
        .iter()
        .any(|i| i.kind == crate::cluster::model::ProviderKind::FargateSpot);
    if !spot {
        return None;
    }
    let why = crate::taskdef::runtime_platform::fargate_spot_refusal(&td.definition)?;
    Some(format!("{why} Use a capacity provider strategy without FARGATE_SPOT for this service, or a Linux task definition."))
}

/// awsvpc tasks need a network configuration with 1–16 declared subnets; their zones, in order.
/// Other network modes must not have one.
fn awsvpc_zones(
    path: &str,
    td: &RegisteredTaskDefinition,
    network: &Option<NetworkConfiguration>,
    subnets: &Subnets,
    p: &mut Problems,
) -> Vec<String> {
    let mut zones = Vec::new();
    if td.needs.network_mode == NetworkMode::Awsvpc {
        match network {
            None => p.push(
                path,
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
            ),
            Some(n) => {
                let npath = format!("{path}.networkConfiguration.awsvpcConfiguration.subnets");
                if n.awsvpc_configuration.subnets.is_empty()
                    || n.awsvpc_configuration.subnets.len() > 16
                {
                    p.push(&npath, "between 1 and 16 subnets are required");
                }
                for (k, s) in n.awsvpc_configuration.subnets.iter().enumerate() {
                    match subnets.zone_of.get(s) {
                        Some(z) if !zones.contains(z) => zones.push(z.clone()),
                        Some(_) => {}
                        None => p.push(
                            format!("{npath}[{k}]"),
                            format!("unknown subnet '{s}': declare it in the top-level subnets"),
                        ),
                    }
                }
                let groups = &n.awsvpc_configuration.security_groups;
                let gpath =
                    format!("{path}.networkConfiguration.awsvpcConfiguration.securityGroups");
                if let Err(m) = super::security_groups::check_group_count(groups.len()) {
                    p.push(&gpath, m);
                }
                for (k, g) in groups.iter().enumerate() {
                    if let Err(m) = super::security_groups::check_group_id(g) {
                        p.push(format!("{gpath}[{k}]"), m);
                    }
                }
            }
        }
    } else if network.is_some() {
        p.push(
            format!("{path}.networkConfiguration"),
            "Network Configuration is not valid for the given networkMode of this task definition.",
        );
    }
    zones
}

#[cfg(test)]
mod started_by_tests {
    use super::started_by_refusal;

    /// API RunTask startedBy (lifecycle walkthrough 2026-12-06: "job 1!" passed validate).
    #[test]
    fn started_by_takes_letters_numbers_hyphens_slashes_and_underscores_up_to_128() {
        assert_eq!(started_by_refusal("nightly/batch_job-1"), None);
        assert_eq!(started_by_refusal(&"a".repeat(128)), None);
        assert!(started_by_refusal(&"a".repeat(129)).is_some());
        assert!(started_by_refusal("job 1!").is_some());
        assert!(started_by_refusal("café").is_some());
    }
}
