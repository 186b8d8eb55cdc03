//! Static rules on services: deployment safety (circuit breaker, bounds), start-up versus
//! grace periods, availability behind a load balancer, and connection draining. Each says what
//! *may* go wrong.

use super::{declared_start_up, quoted, Advice, Inputs};
use crate::service::ServiceModel;
use std::collections::BTreeSet;

/// The target group default deregistration delay, seconds (ELB TargetGroupAttribute).
pub const DEFAULT_DEREGISTRATION_DELAY_SECONDS: u32 = 300;

/// Every service finding, in document order.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = Vec::new();
    for (i, svc) in inputs.services.iter().enumerate() {
        let path = format!("services[{i}]");
        let name = quoted(&svc.name);
        circuit_breaker(svc, &path, &name, &mut out);
        // Blue/green of any kind (CodeDeploy, or ECS's BLUE_GREEN, CANARY, LINEAR) starts the
        // whole green set beside blue: the percentages do not pace it (API
        // DeploymentConfiguration).
        if !svc.daemon
            && svc.traffic_shift.is_none()
            && bounds_block(
                svc.desired,
                svc.minimum_healthy_percent,
                svc.maximum_percent,
            )
        {
            out.push(Advice::new(
                "deployment-cannot-proceed",
                format!("{path}.deploymentConfiguration"),
                format!(
                    "service {name}: minimumHealthyPercent {} and maximumPercent {} with {} task(s) leave no room to replace a task; a deployment may never progress",
                    svc.minimum_healthy_percent, svc.maximum_percent, svc.desired
                ),
            ));
        }
        start_up(inputs, svc, &path, &name, &mut out);
        for &(k, g) in &svc.extra_target_groups {
            let Some(group) = inputs.target_groups.get(g) else {
                continue;
            };
            out.push(Advice::new(
                "extra-target-groups-not-simulated",
                format!("{path}.loadBalancers[{k}]"),
                format!(
                    "service {name}: ECS registers its tasks in target group {} too, but the playground registers them only in its first loadBalancers entry's group, so {}'s requests, health checks and metrics are not simulated",
                    quoted(&group.name),
                    quoted(&group.name)
                ),
            ));
        }
        network_and_platform(svc, &path, &name, &mut out);
        super::never_placed::check_service(inputs, i, svc, &mut out);
        let zones = service_zones(svc, inputs.asgs);
        let definition = inputs.definition_constraints.get(svc.task_definition);
        let constraints = crate::placement::with_definition_constraints(
            &svc.constraints,
            definition.map_or(&[], Vec::as_slice),
        );
        az_rebalancing(svc, &constraints, &zones, (&path, &name), &mut out);
        if let Some(lb) = &svc.load_balancer {
            let why = match (svc.desired, zones.iter().next()) {
                (0, _) => None,
                (1, _) => Some("one task".to_string()),
                (n, Some(z)) if zones.len() == 1 => Some(format!("its {n} tasks all in {z}")),
                _ => None,
            };
            if let Some(why) = why {
                out.push(Advice::new(
                    "single-az-behind-load-balancer",
                    path.clone(),
                    format!("service {name} is behind a load balancer with {why}; one failure may take it offline"),
                ));
            }
            if let Some(g) = inputs.target_groups.get(lb.target_group) {
                if g.deregistration_delay_seconds == DEFAULT_DEREGISTRATION_DELAY_SECONDS {
                    out.push(Advice::new(
                        "long-deregistration-delay",
                        format!("targetGroups[{}].deregistrationDelaySeconds", lb.target_group),
                        format!("target group {} keeps the default 300 s deregistration delay; with short requests every replaced task may wait five minutes", quoted(&g.name)),
                    ));
                }
                // What the engine models since 2026-12-05: requests in flight at deregistration
                // are cut (`elb::target::requests_cut_by_deregistration`).
                if g.deregistration_delay_seconds == 0 {
                    out.push(Advice::new(
                        "zero-deregistration-delay",
                        format!("targetGroups[{}].deregistrationDelaySeconds", lb.target_group),
                        format!("target group {} has a 0 s deregistration delay; requests a replaced task is still answering may be cut, and their clients get a 5xx", quoted(&g.name)),
                    ));
                }
            }
        }
    }
    out
}

/// The zones service `svc`'s tasks can run in: its awsvpc subnets' zones, else the zones of the
/// Auto Scaling groups of its cluster it launches on (all of them for launch type EC2, those its
/// capacity provider strategy names otherwise). Empty when the scenario does not say (instances
/// registered on the timeline only).
fn service_zones<'a>(
    svc: &'a ServiceModel,
    asgs: &'a [crate::cluster::AsgModel],
) -> BTreeSet<&'a str> {
    use crate::cluster::LaunchTarget;
    if !svc.subnet_zones.is_empty() {
        return svc.subnet_zones.iter().map(String::as_str).collect();
    }
    let uses = |provider: &str| match &svc.launch {
        LaunchTarget::Ec2 => true,
        LaunchTarget::Strategy(items) => items.iter().any(|it| it.name == provider),
        LaunchTarget::Fargate | LaunchTarget::External => false,
    };
    asgs.iter()
        .filter(|g| g.cluster == svc.cluster && uses(&g.provider))
        .flat_map(|g| g.subnets.iter().map(|(_, zone)| zone.as_str()))
        .collect()
}

fn circuit_breaker(svc: &ServiceModel, path: &str, name: &str, out: &mut Vec<Advice>) {
    // The circuit breaker is for the ECS deployment controller, rolling and blue/green alike
    // (DG deployment-failure-detection: "Both methods only support rolling update deployment
    // and blue/green deployment types"); CodeDeploy refuses it (API DeploymentCircuitBreaker).
    if svc.code_deploy {
        return;
    }
    let at = format!("{path}.deploymentConfiguration.deploymentCircuitBreaker");
    match &svc.circuit_breaker {
        None => out.push(Advice::new(
            "no-circuit-breaker",
            at,
            format!("service {name} has no deployment circuit breaker; a failing deployment may launch tasks indefinitely"),
        )),
        Some(cb) if !cb.rollback => out.push(Advice::new(
            "no-rollback",
            format!("{at}.rollback"),
            format!("service {name}'s circuit breaker does not roll back; a failed deployment may leave it on the failed revision"),
        )),
        Some(_) => {}
    }
}

/// A public IP on every task (Security Hub ECS.2; DG fargate-task-networking) and a pinned,
/// deprecated Fargate platform version (DG platform-versions-retired).
fn network_and_platform(svc: &ServiceModel, path: &str, name: &str, out: &mut Vec<Advice>) {
    if svc.assign_public_ip {
        let why = if svc.load_balancer.is_some() {
            "its tasks are behind a load balancer, which reaches them by private IP; a public IP may expose them directly"
        } else {
            "each task may be reachable from the internet; private subnets with a NAT gateway reach out without one"
        };
        out.push(Advice::new(
            "public-ip-assigned",
            format!("{path}.networkConfiguration.awsvpcConfiguration.assignPublicIp"),
            format!("service {name} assigns public IP addresses: {why}"),
        ));
    }
    if svc.platform_version.as_deref() == Some(OLD_PLATFORM_VERSION) {
        out.push(Advice::new(
            "old-platform-version",
            format!("{path}.platformVersion"),
            format!("service {name} pins Fargate platform version {OLD_PLATFORM_VERSION}, which is deprecated; its tasks may be stopped when AWS retires it"),
        ));
    }
}

/// A REPLICA service of two or more tasks that may span zones (`zones`: its awsvpc subnets',
/// or its Auto Scaling groups'; unknown when empty) and is not rebalanced: why not, at the key
/// that decides it (DG service-rebalancing).
fn az_rebalancing(
    svc: &ServiceModel,
    constraints: &[crate::placement::Constraint],
    zones: &BTreeSet<&str>,
    (path, name): (&str, &str),
    out: &mut Vec<Advice>,
) {
    use crate::service::rebalancing::{ineligible, Ineligible, Shape};
    let external = matches!(svc.launch, crate::cluster::LaunchTarget::External);
    if svc.az_rebalancing || svc.daemon || external || svc.desired < 2 || zones.len() == 1 {
        return;
    }
    let shape = Shape {
        daemon: svc.daemon,
        external,
        maximum_percent: svc.maximum_percent,
        strategies: &svc.strategies,
        constraints,
    };
    let (at, why) = match ineligible(shape) {
        Some(Ineligible::FirstStrategy) => (
            "placementStrategy",
            "its first placement strategy is not a spread across attribute:ecs.availability-zone",
        ),
        Some(Ineligible::ZoneConstraint) => (
            "placementConstraints",
            "a placement constraint names attribute:ecs.availability-zone",
        ),
        Some(Ineligible::MaximumPercent100) => (
            "deploymentConfiguration.maximumPercent",
            "maximumPercent 100 leaves no room to start a task before stopping one",
        ),
        Some(Ineligible::Daemon | Ineligible::External) => return,
        None => (
            "availabilityZoneRebalancing",
            "availabilityZoneRebalancing is DISABLED",
        ),
    };
    out.push(Advice::new(
        "no-az-rebalancing",
        format!("{path}.{at}"),
        format!("service {name} is not rebalanced across Availability Zones ({why}); after a lost instance or zone its tasks may stay uneven"),
    ));
}

/// The deprecated Fargate Linux platform version a service may still name.
pub const OLD_PLATFORM_VERSION: &str = "1.3.0";

/// Whether the rolling update bounds leave no room: the lower bound (rounded up) is the whole
/// desired count and the upper bound (rounded down) no more than it (DG deployment-type-ecs).
pub fn bounds_block(desired: u32, minimum_healthy_percent: u32, maximum_percent: u32) -> bool {
    let d = u64::from(desired);
    desired > 0
        && (d * u64::from(minimum_healthy_percent)).div_ceil(100) >= d
        && d * u64::from(maximum_percent) / 100 <= d
}

/// Grace period or startPeriod shorter than the declared start-up of an essential container's
/// image. With a load balancer the scheduler ignores target health for the grace period, and
/// the target group needs `unhealthyThreshold × interval` to call a target unhealthy; with a
/// container health check, `startPeriod + interval × retries` (or the grace period) passes
/// before the task is unhealthy.
fn start_up(inputs: Inputs<'_>, svc: &ServiceModel, path: &str, name: &str, out: &mut Vec<Advice>) {
    let Some(td) = inputs.task_definitions.get(svc.task_definition) else {
        return;
    };
    let grace = svc.grace_ms / 1000;
    for (j, c) in td
        .needs
        .containers
        .iter()
        .enumerate()
        .filter(|(_, c)| c.essential)
    {
        let Some(start) = declared_start_up(inputs, &c.image).map(u64::from) else {
            continue;
        };
        let lb_tolerance = svc.load_balancer.as_ref().and_then(|lb| {
            inputs.target_groups.get(lb.target_group).map(|g| {
                grace.max(u64::from(g.interval_seconds) * u64::from(g.unhealthy_threshold))
            })
        });
        let hc_tolerance = c.health_check.map(|(interval, _, retries, start_period)| {
            grace.max(u64::from(start_period) + u64::from(interval) * u64::from(retries))
        });
        let short = |tolerance: Option<u64>| tolerance.is_some_and(|t| t < start);
        // Without a load balancer the key to raise is the container health check's startPeriod
        // (API CreateService: "If your service has defined health checks for the task's
        // containers, the startPeriod" is the recommended way); with one, the grace period.
        let at = if short(lb_tolerance) {
            format!("{path}.healthCheckGracePeriodSeconds")
        } else if short(hc_tolerance) && svc.load_balancer.is_none() {
            format!(
                "taskDefinitions[{}].containerDefinitions[{j}].healthCheck.startPeriod",
                svc.task_definition
            )
        } else if short(hc_tolerance) {
            format!("{path}.healthCheckGracePeriodSeconds")
        } else {
            continue;
        };
        out.push(Advice::new(
            "grace-period-too-short",
            at,
            format!("service {name}: image {} takes {start} s to start, longer than its grace period ({grace} s) and health check allow; tasks may be stopped as unhealthy before they are up", quoted(&c.image)),
        ));
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_block_when_neither_side_has_room() {
        assert!(bounds_block(2, 100, 100));
        // desired 3, max 120: floor(3.6) = 3.
        assert!(bounds_block(3, 100, 120));
        assert!(!bounds_block(3, 100, 200));
        assert!(!bounds_block(2, 50, 100));
        assert!(!bounds_block(0, 100, 100));
    }
}
