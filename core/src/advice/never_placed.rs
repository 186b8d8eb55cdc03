//! A service whose task fits no instance type its capacity can launch: ECS places a task only
//! on a container instance with the CPU, memory and GPUs it reserves free and the attributes
//! its `runtimePlatform` requires (DG service-event-messages: "no container instance met all of
//! its requirements"). A Windows task on the Linux catalogue's instances or a 2-GPU task on
//! 1-GPU instances validated and then waited without a word before the run (engineers' probe,
//! 27th session; fidelity probe, 28th).
//!
//! Each group is judged by the placement filters themselves, on an empty instance built as the
//! engine launches one ([`Instance::of_group`]), so the rule and placement agree. With a
//! capacity provider strategy each provider is judged on its own: ECS picks a provider for each
//! task and does not fall back to another (DG managed-scaling-behavior: "Amazon ECS follows the
//! rest of these steps for a single capacity provider"), so a provider that can hold nothing
//! strands the tasks the strategy gives it even when another could hold them.

use super::{quoted, Advice, Inputs};
use crate::cluster::{AsgModel, Instance, LaunchTarget};
use crate::placement::filters::{attributes, resources};
use crate::placement::Rejection;
use crate::service::ServiceModel;
use crate::taskdef::RegisteredTaskDefinition;

/// The finding for service `i`, if its task fits no instance type of a group it depends on
/// (called per service, so findings keep the document's order).
pub fn check_service(inputs: Inputs<'_>, i: usize, svc: &ServiceModel, out: &mut Vec<Advice>) {
    // Nothing to place (a desired count of 0), or instances the timeline registers later that
    // the groups do not describe.
    if svc.desired == 0 || inputs.clusters_registering.contains(&svc.cluster) {
        return;
    }
    let Some(td) = inputs.task_definitions.get(svc.task_definition) else {
        return;
    };
    let finding = match &svc.launch {
        LaunchTarget::Ec2 => {
            misfit(inputs.asgs, svc.cluster, None, td).map(|(g, why)| (None, g, why))
        }
        LaunchTarget::Strategy(items) => items
            .iter()
            .filter(|it| it.base > 0 || it.weight > 0)
            .find_map(|it| {
                misfit(inputs.asgs, svc.cluster, Some(&it.name), td)
                    .map(|(g, why)| (Some(it.name.as_str()), g, why))
            }),
        LaunchTarget::Fargate | LaunchTarget::External => None,
    };
    let Some((provider, group, why)) = finding else {
        return;
    };
    let capacity = match provider {
        Some(p) => format!("capacity provider {}", quoted(p)),
        None => "its capacity".to_string(),
    };
    // Tasks wait in PROVISIONING only for a provider with managed scaling; otherwise the
    // scheduler reports it could not place them (sim/scheduler/placing.rs).
    let waits = if provider.is_some() && group.managed_scaling.is_some() {
        "they wait in PROVISIONING"
    } else {
        "the service reports it was unable to place a task"
    };
    out.push(Advice::new(
        "task-fits-no-instance-type",
        format!("services[{i}].taskDefinition"),
        format!(
            "service {}: one task of {} fits no instance type {capacity} launches ({}: {why}); the tasks it gets are never placed: {waits}",
            quoted(&svc.name),
            quoted(&td.name()),
            group.instance_type.name
        ),
    ));
}

/// The first of `cluster`'s groups (only `provider`'s when given) and why its empty instance
/// does not hold one task, when none of them does; None when one does, or there is none (a
/// Fargate provider). Each group is judged once.
fn misfit<'a>(
    asgs: &'a [AsgModel],
    cluster: usize,
    provider: Option<&str>,
    td: &RegisteredTaskDefinition,
) -> Option<(&'a AsgModel, String)> {
    let mut first = None;
    for (a, g) in asgs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.cluster == cluster && provider.is_none_or(|p| g.provider == p))
    {
        match verdict(a, g, td) {
            Ok(()) => return None,
            Err(r) => {
                first.get_or_insert_with(|| (g, words(&r)));
            }
        }
    }
    first
}

/// The placement filters' verdict on an empty, registered instance of group `a`.
fn verdict(a: usize, g: &AsgModel, td: &RegisteredTaskDefinition) -> Result<(), Rejection> {
    let (subnet, zone) = g.subnets.first().cloned().unwrap_or_default();
    let empty = Instance::of_group((String::new(), String::new()), (a, g), (zone, subnet), 0);
    resources::check(&empty, &td.needs).and_then(|()| attributes::check(&empty, &td.needs))
}

/// Why, in words: the rejection's own, but for a Windows task, which no instance type can fix
/// here (`ecs.os-type` comes from the AMI, and the playground's instances run the Linux
/// ECS-optimized AMI).
fn words(r: &Rejection) -> String {
    match r {
        Rejection::MissingAttribute { name, requested, .. }
            if name == "ecs.os-type" && requested == "windows" =>
        {
            "a Windows task, and the playground's instances run the Linux ECS-optimized AMI (Windows container instances are not simulated; run it on Fargate)".to_string()
        }
        other => other.to_string(),
    }
}
