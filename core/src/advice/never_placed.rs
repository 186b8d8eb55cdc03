//! A service whose task fits no instance type its capacity can launch: ECS places a task only
//! on a container instance with the CPU, memory and GPUs it reserves free and the attributes
//! its `runtimePlatform` requires (DG service-event-messages: "no container instance met all of
//! its requirements"), and managed scaling does not launch an instance for a task that no
//! instance of the group could hold. A Windows task on the Linux catalogue's instances or a
//! 2-GPU task on 1-GPU instances validated and then waited without a word before the run
//! (engineers' probe, 27th session; fidelity probe, 28th).
//!
//! Each candidate group is judged by the placement filters themselves, on an empty instance of
//! its type with the attributes the agent would register, so the rule and placement agree.

use super::{quoted, Advice, Inputs};
use crate::cluster::instance::ec2_attributes;
use crate::cluster::{AsgModel, Instance, LaunchTarget};
use crate::placement::filters::{attributes, resources};
use crate::service::ServiceModel;
use std::collections::BTreeMap;

/// One finding per service on EC2 capacity whose task fits none of its groups' instance types.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = Vec::new();
    for (i, svc) in inputs.services.iter().enumerate() {
        let groups = candidate_groups(svc, inputs.asgs);
        let Some(td) = inputs.task_definitions.get(svc.task_definition) else {
            continue;
        };
        let mut first_reason = None;
        let fits_one = groups.iter().any(|(a, g)| {
            let empty = empty_instance(*a, g);
            let verdict = resources::check(&empty, &td.needs)
                .and_then(|()| attributes::check(&empty, &td.needs));
            if let Err(r) = &verdict {
                first_reason.get_or_insert_with(|| format!("{}: {r}", g.instance_type.name));
            }
            verdict.is_ok()
        });
        let Some(reason) = first_reason.filter(|_| !fits_one) else {
            continue;
        };
        let waits = match svc.launch {
            LaunchTarget::Strategy(_) => {
                "they wait in PROVISIONING and managed scaling launches nothing for them"
            }
            _ => "the service reports it was unable to place a task",
        };
        out.push(Advice::new(
            "task-fits-no-instance-type",
            format!("services[{i}].taskDefinition"),
            format!(
                "service {}: one task of {} fits no instance type its capacity launches ({reason}); its tasks are never placed: {waits}",
                quoted(&svc.name),
                quoted(&td.name())
            ),
        ));
    }
    out
}

/// The Auto Scaling groups (index, model) whose instances the service's tasks may use: every
/// group of its cluster on the EC2 launch type, the groups of its strategy's providers
/// otherwise; none on Fargate or EXTERNAL.
fn candidate_groups<'a>(svc: &ServiceModel, asgs: &'a [AsgModel]) -> Vec<(usize, &'a AsgModel)> {
    asgs.iter()
        .enumerate()
        .filter(|(_, g)| g.cluster == svc.cluster)
        .filter(|(_, g)| match &svc.launch {
            LaunchTarget::Ec2 => true,
            LaunchTarget::Strategy(items) => items.iter().any(|it| it.name == g.provider),
            LaunchTarget::Fargate | LaunchTarget::External => false,
        })
        .collect()
}

/// A registered, empty instance of group `g`'s type, with the attributes the agent registers.
fn empty_instance(a: usize, g: &AsgModel) -> Instance {
    let ty = g.instance_type;
    let (subnet, zone) = g.subnets.first().cloned().unwrap_or_default();
    let attributes: BTreeMap<String, String> =
        ec2_attributes(g.attributes.clone(), ty, (&zone, &subnet));
    Instance::launching(
        String::new(),
        String::new(),
        g.cluster,
        Some(a),
        Some(ty),
        (zone, subnet),
        (
            ty.cpu_units,
            ty.registered_memory_mib,
            ty.gpus,
            ty.awsvpc_task_limit(g.trunking),
        ),
        0,
        attributes,
    )
}
