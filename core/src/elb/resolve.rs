//! Validates `targetGroups` and a service's `loadBalancers` into what the engine runs, with
//! every problem at its JSON path. Ranges and defaults: ELB API CreateTargetGroup and
//! ModifyTargetGroupAttributes; the container checks: ECS CreateService.

use super::spec::{LoadBalancerSpec, TargetGroupSpec};
use crate::problem::Problem;
use crate::taskdef::TaskDefinition;

/// ELB API CreateTargetGroup HealthCheckIntervalSeconds default (HTTP/HTTPS): 30 s, range 5–300.
pub const DEFAULT_INTERVAL_SECONDS: u32 = 30;
/// HealthCheckTimeoutSeconds default of an Application Load Balancer's target group, HTTP or
/// HTTPS: 5 s, range 2–120 (ALB User Guide, target-group-health-checks: "The default is 5
/// seconds if the target type is `instance` or `ip`"). A review of 2026-12-05 took 6 s (HTTP) and
/// 10 s (HTTPS) from CreateTargetGroup, whose text covers every load balancer type (a Network
/// Load Balancer's HTTP and HTTPS health checks); with 6 s an interval of 6 s, valid on an ALB,
/// was refused (fidelity probe, 28th session).
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 5;
/// HealthyThresholdCount default for HTTP/HTTPS: 5, range 2–10.
pub const DEFAULT_HEALTHY_THRESHOLD: u32 = 5;
/// UnhealthyThresholdCount default for HTTP/HTTPS: 2, range 2–10.
pub const DEFAULT_UNHEALTHY_THRESHOLD: u32 = 2;
/// `deregistration_delay.timeout_seconds` default: 300 s, range 0–3600 (ALB User Guide,
/// target group attributes).
pub const DEFAULT_DEREGISTRATION_DELAY_SECONDS: u32 = 300;
/// The account the simulator puts in target group ARNs it makes up (simulator's choice).
pub const SIM_ACCOUNT: &str = "123456789012";
/// Load balancers per service (DG service-load-balancing: up to five target groups).
pub const MAX_LOAD_BALANCERS_PER_SERVICE: usize = 5;

/// A target group, resolved with its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetGroupModel {
    /// `targetGroupName`.
    pub name: String,
    /// Its ARN, as ECS service events print it.
    pub arn: String,
    /// `HTTP` or `HTTPS`.
    pub protocol: String,
    /// The group's port.
    pub port: u16,
    /// Health check path.
    pub health_check_path: String,
    /// Seconds between checks of one target.
    pub interval_seconds: u32,
    /// Seconds without an answer that make a check fail.
    pub timeout_seconds: u32,
    /// Consecutive successes to become healthy.
    pub healthy_threshold: u32,
    /// Consecutive failures to become unhealthy.
    pub unhealthy_threshold: u32,
    /// Seconds a deregistered target drains before it is removed.
    pub deregistration_delay_seconds: u32,
    /// `targetType` when written: `instance` (false) or `ip` (true); None: the type the
    /// service's network mode needs.
    pub ip_targets: Option<bool>,
}

/// A service's load balancer, resolved (the first `loadBalancers` entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLoadBalancer {
    /// The production target group (index into the model's target groups).
    pub target_group: usize,
    /// The blue/green alternate target group, when `advancedConfiguration` names one.
    pub alternate_target_group: Option<usize>,
    /// The name of the container that receives traffic. Looked up in each task's own
    /// revision ([`ServiceLoadBalancer::container_in`]): a later revision may order its
    /// containers differently.
    pub container_name: String,
    /// Its container port.
    pub container_port: u16,
}

/// The ARN the simulator gives a target group: a fixed account, the scenario's Region and a
/// 16-hex-digit ID derived from the name, so it is the same in every run.
pub fn target_group_arn(region: &str, name: &str) -> String {
    // FNV-1a: stable across platforms, no randomness needed for an ID.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("arn:aws:elasticloadbalancing:{region}:{SIM_ACCOUNT}:targetgroup/{name}/{h:016x}")
}

/// The Region of the scenario's first zone (`us-east-1a` → `us-east-1`), or `us-east-1`.
pub fn region_of(zones: &[String]) -> String {
    zones
        .first()
        .map(|z| {
            z.trim_end_matches(|c: char| c.is_ascii_lowercase())
                .to_string()
        })
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "us-east-1".to_string())
}

/// ELB API CreateTargetGroup Name: at most 32 alphanumeric characters or hyphens, not
/// beginning or ending with a hyphen.
fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn ranged(
    problems: &mut Vec<Problem>,
    path: String,
    value: Option<u32>,
    default: u32,
    (lo, hi): (u32, u32),
) -> u32 {
    let v = value.unwrap_or(default);
    if !(lo..=hi).contains(&v) {
        problems.push(Problem::new(
            path,
            format!("must be between {lo} and {hi}; got {v}"),
        ));
        return default;
    }
    v
}

/// Validates the top-level `targetGroups` list.
pub fn target_groups(
    specs: &[TargetGroupSpec],
    region: &str,
) -> (Vec<TargetGroupModel>, Vec<Problem>) {
    let mut problems = Vec::new();
    let out = (0..specs.len())
        .map(|i| target_group(specs, i, region, &mut problems))
        .collect();
    (out, problems)
}

/// One `targetGroups[i]` entry as ELB API CreateTargetGroup takes it: a unique valid name, an
/// ALB protocol, ranged settings with their defaults. A setting out of range is reported and
/// the default used, so the rest of the scenario still resolves.
fn target_group(
    specs: &[TargetGroupSpec],
    i: usize,
    region: &str,
    problems: &mut Vec<Problem>,
) -> TargetGroupModel {
    let g = &specs[i];
    let path = format!("targetGroups[{i}]");
    let name = &g.target_group_name;
    check_target_group_name(specs, i, &path, problems);
    let protocol = target_group_protocol(g, &path, problems);
    let port = ranged(problems, format!("{path}.port"), g.port, 80, (1, 65535));
    let (interval, timeout) = health_check_timing(g, &path, problems);
    let (healthy, unhealthy) = health_check_thresholds(g, &path, problems);
    let delay = ranged(
        problems,
        format!("{path}.deregistrationDelaySeconds"),
        g.deregistration_delay_seconds,
        DEFAULT_DEREGISTRATION_DELAY_SECONDS,
        (0, 3600),
    );
    let hc_path = health_check_path(g, &path, problems);
    let ip_targets = match g.target_type.as_deref() {
        None => None,
        Some("instance") => Some(false),
        Some("ip") => Some(true),
        Some(other) => {
            problems.push(Problem::new(
                format!("{path}.targetType"),
                format!("targetType must be instance or ip (the playground's targets are tasks; {other} targets are not simulated)"),
            ));
            None
        }
    };
    TargetGroupModel {
        name: name.clone(),
        arn: target_group_arn(region, name),
        protocol,
        port: port as u16,
        health_check_path: hc_path,
        interval_seconds: interval,
        timeout_seconds: timeout,
        healthy_threshold: healthy,
        unhealthy_threshold: unhealthy,
        deregistration_delay_seconds: delay,
        ip_targets,
    }
}

/// CreateTargetGroup Name: valid (see [`valid_name`]) and not taken by an earlier entry (ELB's
/// DuplicateTargetGroupName).
fn check_target_group_name(
    specs: &[TargetGroupSpec],
    i: usize,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let name = &specs[i].target_group_name;
    if !valid_name(name) {
        problems.push(Problem::new(format!("{path}.targetGroupName"), "Target group name must be 1-32 characters: letters, numbers and hyphens, and must not begin or end with a hyphen."));
    }
    if specs[..i].iter().any(|o| &o.target_group_name == name) {
        problems.push(Problem::new(
            format!("{path}.targetGroupName"),
            format!("A target group with the same name '{name}' exists"),
        ));
    }
}

/// CreateTargetGroup Protocol, default `HTTP`: an Application Load Balancer's target groups use
/// HTTP or HTTPS.
fn target_group_protocol(g: &TargetGroupSpec, path: &str, problems: &mut Vec<Problem>) -> String {
    let protocol = g.protocol.clone().unwrap_or_else(|| "HTTP".into());
    if protocol != "HTTP" && protocol != "HTTPS" {
        problems.push(Problem::new(
            format!("{path}.protocol"),
            format!("Application Load Balancer target groups use HTTP or HTTPS; got '{protocol}'"),
        ));
    }
    protocol
}

/// HealthCheckIntervalSeconds (5–300) and HealthCheckTimeoutSeconds (2–120), with their
/// Application Load Balancer defaults; CreateTargetGroup requires the timeout to be smaller than the interval.
fn health_check_timing(g: &TargetGroupSpec, path: &str, problems: &mut Vec<Problem>) -> (u32, u32) {
    let interval = ranged(
        problems,
        format!("{path}.healthCheckIntervalSeconds"),
        g.health_check_interval_seconds,
        DEFAULT_INTERVAL_SECONDS,
        (5, 300),
    );
    let timeout = ranged(
        problems,
        format!("{path}.healthCheckTimeoutSeconds"),
        g.health_check_timeout_seconds,
        DEFAULT_TIMEOUT_SECONDS,
        (2, 120),
    );
    if timeout >= interval {
        problems.push(Problem::new(
            format!("{path}.healthCheckTimeoutSeconds"),
            "Health check timeout must be smaller than the interval",
        ));
    }
    (interval, timeout)
}

/// HealthyThresholdCount and UnhealthyThresholdCount (2–10 each), with their HTTP/HTTPS
/// defaults.
fn health_check_thresholds(
    g: &TargetGroupSpec,
    path: &str,
    problems: &mut Vec<Problem>,
) -> (u32, u32) {
    let healthy = ranged(
        problems,
        format!("{path}.healthyThresholdCount"),
        g.healthy_threshold_count,
        DEFAULT_HEALTHY_THRESHOLD,
        (2, 10),
    );
    let unhealthy = ranged(
        problems,
        format!("{path}.unhealthyThresholdCount"),
        g.unhealthy_threshold_count,
        DEFAULT_UNHEALTHY_THRESHOLD,
        (2, 10),
    );
    (healthy, unhealthy)
}

/// HealthCheckPath, default `/`: starts with `/`, at most 1024 characters.
fn health_check_path(g: &TargetGroupSpec, path: &str, problems: &mut Vec<Problem>) -> String {
    let hc_path = g.health_check_path.clone().unwrap_or_else(|| "/".into());
    if !hc_path.starts_with('/') || hc_path.len() > 1024 {
        problems.push(Problem::new(
            format!("{path}.healthCheckPath"),
            "must start with '/' and be at most 1024 characters",
        ));
    }
    hc_path
}

/// Gives each group the ARN the scenario wrote for it: the first full ARN among `references`
/// (the services' `targetGroupArn`s and alternate target groups, in document order) that names
/// it. A group only ever named by its name keeps the ARN [`target_group_arn`] made up. An
/// engineer's own `…:targetgroup/checkout-web-tg/6d0ecf831eec9f09` was echoed in errors and
/// service events with an invented ID, one that appears nowhere in their JSON or their AWS
/// account (engineer walkthrough, 2026-12-07); ECS quotes the ARN it was given.
pub fn adopt_written_arns<'a>(
    groups: &mut [TargetGroupModel],
    references: impl IntoIterator<Item = &'a str>,
) {
    let mut adopted = vec![false; groups.len()];
    for reference in references {
        if !reference.starts_with("arn:") {
            continue;
        }
        let Some(g) = find_group(groups, reference) else {
            continue;
        };
        if !adopted[g] {
            adopted[g] = true;
            groups[g].arn = reference.to_string();
        }
    }
}

/// Finds a target group by full ARN (`…:targetgroup/<name>/<id>`) or by name.
pub fn find_group(groups: &[TargetGroupModel], reference: &str) -> Option<usize> {
    let name = group_name(reference)?;
    groups.iter().position(|g| g.name == name)
}

/// The target group name a `targetGroupArn` refers to: the name itself, or the name part of
/// an ARN (`…:targetgroup/<name>/<id>`).
pub fn group_name(reference: &str) -> Option<&str> {
    match reference.strip_prefix("arn:") {
        Some(rest) => rest.split(":targetgroup/").nth(1)?.split('/').next(),
        None => Some(reference),
    }
}

/// Validates a service's `loadBalancers` against the target groups and the task definition.
/// Returns the first entry resolved (the one the simulator registers targets for).
pub fn service_load_balancers(
    path: &str,
    specs: &[LoadBalancerSpec],
    groups: &[TargetGroupModel],
    td: &TaskDefinition,
) -> (Option<ServiceLoadBalancer>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut first = None;
    if specs.len() > MAX_LOAD_BALANCERS_PER_SERVICE {
        problems.push(Problem::new(
            format!("{path}.loadBalancers"),
            "A service can have at most 5 target groups.",
        ));
    }
    for (i, lb) in specs.iter().enumerate() {
        let p = format!("{path}.loadBalancers[{i}]");
        let resolved = service_load_balancer(&p, lb, groups, td, &mut problems);
        if first.is_none() {
            first = resolved;
        }
    }
    (first, problems)
}

/// The target groups of `loadBalancers[1..]` that resolve, with their entry's index: ECS
/// registers a service's tasks in every one (DG register-multiple-targetgroups), the playground
/// only in the first, so advice names the others (rule `extra-target-groups-not-simulated`).
pub fn extra_target_groups(
    specs: &[LoadBalancerSpec],
    groups: &[TargetGroupModel],
) -> Vec<(usize, usize)> {
    specs
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, lb)| Some((i, find_group(groups, lb.target_group_arn.as_deref()?)?)))
        .collect()
}

/// One `loadBalancers[i]` entry (ECS CreateService): a declared target group, an optional
/// blue/green alternate, and a container of the task definition with that container port.
/// Every entry is checked; `None` when it cannot be resolved.
fn service_load_balancer(
    p: &str,
    lb: &LoadBalancerSpec,
    groups: &[TargetGroupModel],
    td: &TaskDefinition,
    problems: &mut Vec<Problem>,
) -> Option<ServiceLoadBalancer> {
    if lb.load_balancer_name.is_some() {
        problems.push(Problem::new(format!("{p}.loadBalancerName"), "The playground simulates Application Load Balancers: give targetGroupArn instead of a Classic Load Balancer name."));
    }
    let group = production_target_group(p, lb, groups, problems);
    let alternate = alternate_target_group(p, lb, groups, problems);
    for (g, field) in [
        (group, "targetGroupArn"),
        (alternate, "advancedConfiguration.alternateTargetGroupArn"),
    ] {
        if let Some(message) = g.and_then(|g| target_type_mismatch(&groups[g], td)) {
            problems.push(Problem::new(format!("{p}.{field}"), message));
        }
    }
    if let Err((field, message)) = td.container_with_port(&lb.container_name, lb.container_port) {
        problems.push(Problem::new(format!("{p}.{field}"), message));
        return None;
    }
    Some(ServiceLoadBalancer {
        target_group: group?,
        alternate_target_group: alternate,
        container_name: lb.container_name.clone(),
        container_port: lb.container_port.clamp(0, 65535) as u16,
    })
}

/// ECS CreateService's refusal of a target group whose `targetType` does not fit the task
/// definition's network mode: awsvpc tasks register by IP (`ip`), bridge and host tasks by
/// instance and port (`instance`). None when it fits or the type was left out.
pub fn target_type_mismatch(group: &TargetGroupModel, td: &TaskDefinition) -> Option<String> {
    let awsvpc = td.effective_network_mode() == crate::taskdef::NetworkMode::Awsvpc;
    let ip = group.ip_targets?;
    if ip == awsvpc {
        return None;
    }
    let (kind, mode) = if ip {
        ("ip", td.effective_network_mode().as_str())
    } else {
        ("instance", "awsvpc")
    };
    Some(format!(
        "The provided target group {} has target type {kind}, which is incompatible with the {mode} network mode specified in the task definition.",
        group.arn
    ))
}

/// A target group without `targetType` takes the type its service needs; one that services of
/// both kinds use (`uses`: group index, whether the service's tasks are awsvpc, its name) would
/// need both, and a target group has one type (ELB CreateTargetGroup): refused at
/// `targetGroups[g].targetType`, naming one service of each kind.
pub fn mixed_target_types(
    groups: &[TargetGroupModel],
    uses: &[(usize, bool, &str)],
) -> Vec<Problem> {
    // Per group, the first service of each kind: one pass over the uses.
    let mut first: Vec<(Option<&str>, Option<&str>)> = vec![(None, None); groups.len()];
    for &(g, awsvpc, service) in uses {
        if let Some((ip, instance)) = first.get_mut(g) {
            let slot = if awsvpc { ip } else { instance };
            slot.get_or_insert(service);
        }
    }
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.ip_targets.is_some() {
            continue;
        }
        if let (Some(a), Some(b)) = first[g] {
            out.push(Problem::new(
                format!("targetGroups[{g}].targetType"),
                format!(
                    "target group {} takes the tasks of {a} (awsvpc: ip targets) and of {b} (instance targets), but a target group has one target type: give it targetType and the other service a group of the other type",
                    group.name
                ),
            ));
        }
    }
    out
}

/// `targetGroupArn`: required for an Application Load Balancer, and declared in `targetGroups`
/// (by ARN or name).
fn production_target_group(
    p: &str,
    lb: &LoadBalancerSpec,
    groups: &[TargetGroupModel],
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let Some(r) = &lb.target_group_arn else {
        problems.push(Problem::new(
            format!("{p}.targetGroupArn"),
            "targetGroupArn is required for an Application Load Balancer",
        ));
        return None;
    };
    let g = find_group(groups, r);
    if g.is_none() {
        problems.push(Problem::new(
            format!("{p}.targetGroupArn"),
            format!("Target group '{r}' not found: declare it in targetGroups"),
        ));
    }
    g
}

/// `advancedConfiguration.alternateTargetGroupArn`: the blue/green deployment's second target
/// group, declared in `targetGroups`.
fn alternate_target_group(
    p: &str,
    lb: &LoadBalancerSpec,
    groups: &[TargetGroupModel],
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let a = lb.advanced_configuration.as_ref()?;
    let g = find_group(groups, &a.alternate_target_group_arn);
    if g.is_none() {
        problems.push(Problem::new(
            format!("{p}.advancedConfiguration.alternateTargetGroupArn"),
            format!(
                "Target group '{}' not found: declare it in targetGroups",
                a.alternate_target_group_arn
            ),
        ));
    }
    g
}

impl ServiceLoadBalancer {
    /// The index of the load-balanced container in `td`, the revision a task runs; `None`
    /// when `td` has no such container (UpdateService refuses such a revision, so a running
    /// task always finds it).
    pub fn container_in(&self, td: &TaskDefinition) -> Option<usize> {
        td.container_index(&self.container_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elb::spec::AdvancedConfiguration;

    fn group(name: &str) -> TargetGroupSpec {
        TargetGroupSpec {
            target_group_name: name.into(),
            protocol: None,
            port: None,
            health_check_path: None,
            health_check_interval_seconds: None,
            health_check_timeout_seconds: None,
            healthy_threshold_count: None,
            unhealthy_threshold_count: None,
            deregistration_delay_seconds: None,
            target_type: None,
        }
    }

    fn td() -> TaskDefinition {
        let text = r#"{"family":"web","containerDefinitions":[{"name":"app","image":"x","memory":512,
            "portMappings":[{"containerPort":80}]}]}"#;
        crate::taskdef::parse_task_definition(text).expect("valid task definition")
    }

    fn lb(target: &str, container: &str, port: i64) -> LoadBalancerSpec {
        LoadBalancerSpec {
            target_group_arn: Some(target.into()),
            load_balancer_name: None,
            container_name: container.into(),
            container_port: port,
            advanced_configuration: None,
        }
    }

    #[test]
    fn alb_target_group_defaults_are_30_5_5_2_and_300_alb_user_guide_health_checks() {
        let (groups, problems) = target_groups(&[group("web")], "us-east-1");
        assert!(problems.is_empty(), "{problems:?}");
        let g = &groups[0];
        assert_eq!(
            (
                g.interval_seconds,
                g.timeout_seconds,
                g.healthy_threshold,
                g.unhealthy_threshold,
                g.deregistration_delay_seconds
            ),
            (30, 5, 5, 2, 300)
        );
        let mut https = group("secure");
        https.protocol = Some("HTTPS".into());
        let (groups, problems) = target_groups(&[https], "us-east-1");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(groups[0].timeout_seconds, 5);
        // An interval of 6 s takes the default timeout: it was refused with 6 s (fidelity probe).
        let mut fast = group("fast");
        fast.health_check_interval_seconds = Some(6);
        let (groups, problems) = target_groups(&[fast], "us-east-1");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            (groups[0].interval_seconds, groups[0].timeout_seconds),
            (6, 5)
        );
        assert_eq!(
            (g.protocol.as_str(), g.port, g.health_check_path.as_str()),
            ("HTTP", 80, "/")
        );
        assert_eq!(
            g.arn,
            target_group_arn("us-east-1", "web"),
            "the ARN is derived from the name"
        );
        assert!(g
            .arn
            .starts_with("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/"));
    }

    #[test]
    fn target_group_ranges_are_the_elb_api_ranges() {
        let mut g = group("web");
        g.health_check_interval_seconds = Some(301);
        g.healthy_threshold_count = Some(1);
        g.unhealthy_threshold_count = Some(11);
        g.deregistration_delay_seconds = Some(3601);
        g.health_check_timeout_seconds = Some(1);
        let (_, problems) = target_groups(&[g], "us-east-1");
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "targetGroups[0].healthCheckIntervalSeconds",
                "targetGroups[0].healthCheckTimeoutSeconds",
                "targetGroups[0].healthyThresholdCount",
                "targetGroups[0].unhealthyThresholdCount",
                "targetGroups[0].deregistrationDelaySeconds",
            ]
        );
        assert_eq!(problems[4].message, "must be between 0 and 3600; got 3601");
    }

    #[test]
    fn deregistration_delay_0_and_3600_are_allowed() {
        for d in [0, 3600] {
            let mut g = group("web");
            g.deregistration_delay_seconds = Some(d);
            let (groups, problems) = target_groups(&[g], "us-east-1");
            assert!(problems.is_empty());
            assert_eq!(groups[0].deregistration_delay_seconds, d);
        }
    }

    #[test]
    fn health_check_timeout_must_be_smaller_than_the_interval() {
        let mut g = group("web");
        g.health_check_interval_seconds = Some(10);
        g.health_check_timeout_seconds = Some(10);
        let (_, problems) = target_groups(&[g], "us-east-1");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].path,
            "targetGroups[0].healthCheckTimeoutSeconds"
        );
    }

    #[test]
    fn target_group_names_follow_create_target_group() {
        let (_, problems) = target_groups(
            &[
                group("-web"),
                group(&"a".repeat(33)),
                group("ok"),
                group("ok"),
            ],
            "us-east-1",
        );
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "targetGroups[0].targetGroupName",
                "targetGroups[1].targetGroupName",
                "targetGroups[3].targetGroupName"
            ]
        );
    }

    #[test]
    fn target_group_arn_or_name_resolves_to_the_group() {
        let (groups, _) = target_groups(&[group("a"), group("b")], "eu-west-1");
        assert_eq!(find_group(&groups, "b"), Some(1));
        assert_eq!(
            find_group(
                &groups,
                "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/b/73e2d6bc24d8a067"
            ),
            Some(1)
        );
        assert_eq!(find_group(&groups, "c"), None);
        assert_eq!(find_group(&groups, "arn:aws:s3:::bucket"), None);
    }

    #[test]
    fn a_group_takes_the_first_arn_the_scenario_wrote_for_it() {
        let (mut groups, _) = target_groups(&[group("a"), group("b"), group("c")], "us-east-1");
        let made_up_c = groups[2].arn.clone();
        let written =
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/b/6d0ecf831eec9f09";
        adopt_written_arns(
            &mut groups,
            [
                "a",
                written,
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/b/0000000000000001",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/nope/1",
            ],
        );
        // Named by its name only: the made-up ARN.
        assert_eq!(groups[0].arn, target_group_arn("us-east-1", "a"));
        // The first ARN written wins; a later one for the same name does not replace it.
        assert_eq!(groups[1].arn, written);
        assert_eq!(groups[2].arn, made_up_c);
        assert_eq!(find_group(&groups, written), Some(1));
    }

    #[test]
    fn region_comes_from_the_first_zone() {
        assert_eq!(region_of(&["eu-west-1b".to_string()]), "eu-west-1");
        assert_eq!(region_of(&[]), "us-east-1");
    }

    #[test]
    fn container_port_must_be_in_the_port_mappings_create_service_wording() {
        let (groups, _) = target_groups(&[group("web")], "us-east-1");
        let (lb_ok, problems) =
            service_load_balancers("services[0]", &[lb("web", "app", 80)], &groups, &td());
        assert!(problems.is_empty());
        let lb_ok = lb_ok.expect("resolved");
        assert_eq!(
            (
                lb_ok.target_group,
                lb_ok.container_in(&td()),
                lb_ok.container_port
            ),
            (0, Some(0), 80)
        );

        let (none, problems) =
            service_load_balancers("services[0]", &[lb("web", "app", 8080)], &groups, &td());
        assert!(none.is_none());
        assert_eq!(
            problems[0].path,
            "services[0].loadBalancers[0].containerPort"
        );
        assert_eq!(
            problems[0].message,
            "The container app did not have a container port 8080 defined."
        );

        let (_, problems) =
            service_load_balancers("services[0]", &[lb("web", "db", 80)], &groups, &td());
        assert_eq!(
            problems[0].path,
            "services[0].loadBalancers[0].containerName"
        );
    }

    #[test]
    fn unknown_target_group_and_alternate_are_reported() {
        let (groups, _) = target_groups(&[group("web")], "us-east-1");
        let mut spec = lb("nope", "app", 80);
        spec.advanced_configuration = Some(AdvancedConfiguration {
            alternate_target_group_arn: "green".into(),
            production_listener_rule: "rule".into(),
            test_listener_rule: None,
            role_arn: "role".into(),
        });
        let (_, problems) = service_load_balancers("services[1]", &[spec], &groups, &td());
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "services[1].loadBalancers[0].targetGroupArn",
                "services[1].loadBalancers[0].advancedConfiguration.alternateTargetGroupArn"
            ]
        );
    }

    #[test]
    fn a_target_type_that_does_not_fit_the_network_mode_is_refused_as_ecs_does() {
        // ECS CreateService: awsvpc tasks register by IP; bridge and host by instance and port.
        let mut instance = group("web-tg");
        instance.target_type = Some("instance".into());
        let mut ip = group("web-ip");
        ip.target_type = Some("ip".into());
        let (groups, problems) = target_groups(&[instance, ip, group("web-any")], "us-east-1");
        assert!(problems.is_empty(), "{problems:?}");
        let lb = |name: &str| LoadBalancerSpec {
            target_group_arn: Some(name.into()),
            container_name: "app".into(),
            container_port: 80,
            load_balancer_name: None,
            advanced_configuration: None,
        };
        let bridge = td();
        let awsvpc: TaskDefinition = serde_json::from_str(
            r#"{"family":"web","networkMode":"awsvpc","containerDefinitions":[{"name":"app","image":"x",
            "memory":512,"portMappings":[{"containerPort":80}]}]}"#,
        )
        .expect("a task definition");
        let refused = |def: &TaskDefinition, name: &str| {
            service_load_balancers("services[0]", &[lb(name)], &groups, def).1
        };
        let p = refused(&awsvpc, "web-tg");
        assert_eq!(p[0].path, "services[0].loadBalancers[0].targetGroupArn");
        assert!(
            p[0].message.contains(
                "has target type instance, which is incompatible with the awsvpc network mode"
            ),
            "{}",
            p[0].message
        );
        let p = refused(&bridge, "web-ip");
        assert!(
            p[0].message
                .contains("has target type ip, which is incompatible with the bridge network mode"),
            "{}",
            p[0].message
        );
        for (def, name) in [
            (&awsvpc, "web-ip"),
            (&bridge, "web-tg"),
            (&awsvpc, "web-any"),
            (&bridge, "web-any"),
        ] {
            assert!(refused(def, name).is_empty(), "{name}");
        }
        let mut lambda = group("fn");
        lambda.target_type = Some("lambda".into());
        let (_, problems) = target_groups(&[lambda], "us-east-1");
        assert_eq!(problems[0].path, "targetGroups[0].targetType");
    }

    #[test]
    fn one_untyped_group_for_awsvpc_and_bridge_services_is_refused() {
        let (groups, _) = target_groups(&[group("shared"), group("web-only")], "us-east-1");
        let p = mixed_target_types(
            &groups,
            &[(0, true, "api"), (0, false, "web"), (1, false, "web")],
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "targetGroups[0].targetType");
        assert!(p[0].message.contains("api (awsvpc"), "{}", p[0].message);
        assert!(mixed_target_types(&groups, &[(0, true, "a"), (0, true, "b")]).is_empty());
    }
}
