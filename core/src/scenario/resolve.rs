//! Checks a [`ScenarioDocument`] the way ECS's APIs would (register-task-definition,
//! create-capacity-provider, create-service, run-task) and resolves it into a [`Model`]: each
//! concept resolves its own keys, in the order ECS would create them, and every problem is
//! reported with its path from the document root.

use super::document::{ScenarioDocument, TimelineAction, TimelineEvent};
use super::model::Model;
use crate::placement::Constraint;
use crate::problem::Problem;
use crate::problem::Problems;
use crate::{autoscaling, cluster, elb, service, taskdef, traffic};
use std::collections::BTreeMap;

/// Simulator limit on timeline events.
pub const MAX_TIMELINE_EVENTS: usize = 1000;

/// Validates and resolves a scenario; `Err` lists every problem found.
pub fn resolve(doc: &ScenarioDocument) -> Result<Model, Vec<Problem>> {
    // Scenario-wide limits first: a document over them is refused before anything is built.
    super::limits::check(doc)?;
    let mut p = Problems::default();
    let subnets = cluster::resolve::subnets(&doc.subnets, &mut p);
    let mut clusters = cluster::resolve::clusters(&doc.clusters, &mut p);
    let asgs = cluster::resolve::asgs(&doc.capacity_providers, &clusters, &subnets, &mut p);
    let taskdef::resolve::Registration {
        registered: task_definitions,
        refused_families,
        indexes,
    } = taskdef::resolve::register(&doc.task_definitions, &mut p);
    let definition_constraints: Vec<Vec<Constraint>> = task_definitions
        .iter()
        .zip(&indexes)
        .map(|(td, i)| {
            crate::placement::resolve::task_definition_constraints(
                &format!("taskDefinitions[{i}].placementConstraints"),
                td.definition.placement_constraints.as_ref(),
                &mut p,
            )
        })
        .collect();
    taskdef::resolve::check_images(&doc.images, &mut p);
    let (mut target_groups, problems) =
        elb::resolve::target_groups(&doc.target_groups, &elb::resolve::region_of(&subnets.zones));
    p.extend(problems);
    elb::resolve::adopt_written_arns(
        &mut target_groups,
        doc.services
            .iter()
            .flat_map(|s| &s.load_balancers)
            .flat_map(|lb| {
                let alternate = lb
                    .advanced_configuration
                    .as_ref()
                    .map(|a| a.alternate_target_group_arn.as_str());
                lb.target_group_arn.as_deref().into_iter().chain(alternate)
            }),
    );
    cluster::resolve::default_strategies(&doc.clusters, &mut clusters, &asgs, &mut p);
    let cx = service::resolve::Context {
        subnets: &subnets,
        clusters: &clusters,
        asgs: &asgs,
        task_definitions: &task_definitions,
        definition_constraints: &definition_constraints,
        refused_families: &refused_families,
        target_groups: &target_groups,
    };
    let services = service::resolve::services(&doc.services, cx, &mut p);
    // Services declared but refused: their own problems explain them, so nothing that names
    // them reports "no service named …" again.
    let declared: Vec<&str> = doc
        .services
        .iter()
        .map(|s| s.service_name.as_str())
        .collect();
    let mut run_tasks = service::resolve::run_tasks(&doc.tasks, cx, &mut p);
    let initial_run_tasks = run_tasks.len();
    let (timeline, timeline_run_tasks) = timeline(
        doc,
        Known {
            zones: &subnets.zones,
            declared: &declared,
            services: &services,
        },
        cx,
        &mut run_tasks,
        &mut p,
    );
    let (traffic, problems) = traffic::resolve::resolve(
        &doc.traffic,
        &doc.services,
        &services,
        &spikes(&doc.timeline),
    );
    p.extend(problems);
    let (auto_scaling, problems) = autoscaling::resolve::resolve(
        autoscaling::resolve::Specs {
            fargate_spot: doc.fargate_spot.as_ref(),
            scalable_targets: &doc.scalable_targets,
            scaling_policies: &doc.scaling_policies,
            scheduled_actions: &doc.scheduled_actions,
        },
        &services,
        &target_groups,
        &declared,
        &clusters,
    );
    p.extend(problems);
    let (alarms, services) = deployment_alarms(doc, services, &declared, &mut p);
    p.extend(mixed_target_types(
        &services,
        &task_definitions,
        &target_groups,
    ));
    let (pricing, problems) = crate::cost::resolve::resolve(doc.pricing.as_ref());
    p.extend(problems);
    if !p.is_empty() {
        return Err(p.into_vec());
    }
    Ok(Model {
        seed: doc.seed,
        zones: subnets.zones,
        subnets: subnets.zone_of,
        clusters,
        asgs,
        task_definitions,
        definition_constraints,
        images: doc.images.clone(),
        services,
        run_tasks,
        initial_run_tasks,
        timeline,
        timeline_run_tasks,
        target_groups,
        traffic,
        auto_scaling,
        alarms,
        start_steady: doc.start_steady,
        pricing,
    })
}

/// Target groups without `targetType` used by awsvpc and other services alike (see
/// [`elb::resolve::mixed_target_types`]).
fn mixed_target_types(
    services: &[service::ServiceModel],
    task_definitions: &[taskdef::RegisteredTaskDefinition],
    target_groups: &[elb::TargetGroupModel],
) -> Vec<Problem> {
    let uses: Vec<(usize, bool, &str)> = services
        .iter()
        .filter_map(|s| {
            let lb = s.load_balancer.as_ref()?;
            let awsvpc = task_definitions.get(s.task_definition)?.needs.network_mode
                == taskdef::NetworkMode::Awsvpc;
            Some(
                std::iter::once(lb.target_group)
                    .chain(lb.alternate_target_group)
                    .map(move |g| (g, awsvpc, s.name.as_str())),
            )
        })
        .flatten()
        .collect();
    elb::resolve::mixed_target_types(target_groups, &uses)
}

/// The scenario's `cloudWatchAlarms`, and each service's `deploymentConfiguration.alarms` tied
/// to them.
fn deployment_alarms(
    doc: &ScenarioDocument,
    mut services: Vec<service::ServiceModel>,
    declared: &[&str],
    p: &mut Problems,
) -> (
    Vec<crate::metrics::alarm::ServiceAlarm>,
    Vec<service::ServiceModel>,
) {
    let names: Vec<&str> = services.iter().map(|s| s.name.as_str()).collect();
    let (alarms, problems) =
        crate::deployment::alarms::resolve_alarms(&doc.cloud_watch_alarms, &names, declared);
    // Over the limit nothing resolved: "no alarm named …" for every name would say more.
    let over_limit = doc.cloud_watch_alarms.len() > crate::deployment::alarms::MAX_ALARMS;
    p.extend(problems);
    for s in services.iter_mut().filter(|_| !over_limit) {
        let Some(i) = doc.services.iter().position(|d| d.service_name == s.name) else {
            continue;
        };
        if let Some(watch) = &mut s.deployment_alarms {
            crate::deployment::alarms::link(&format!("services[{i}]"), watch, &alarms, p);
        }
    }
    (alarms, services)
}

/// What the timeline's entries are checked against: the subnets' zones, the services declared
/// (resolved or not) and those resolved.
#[derive(Clone, Copy)]
struct Known<'a> {
    zones: &'a [String],
    declared: &'a [&'a str],
    services: &'a [service::ServiceModel],
}

/// Checks what each timeline event names (services, zones, task definitions, clusters,
/// instance types, Auto Scaling groups) and sorts the events by time (stable: same-time events
/// keep their document order). Each `runTask` is resolved like a top-level `tasks[]` entry and
/// appended to `run_tasks`; the map gives, per sorted timeline index, its RunTask.
fn timeline(
    doc: &ScenarioDocument,
    known: Known<'_>,
    cx: service::resolve::Context<'_>,
    run_tasks: &mut Vec<service::RunTaskModel>,
    p: &mut Problems,
) -> (Vec<TimelineEvent>, BTreeMap<usize, usize>) {
    if doc.timeline.len() > MAX_TIMELINE_EVENTS {
        p.push(
            "timeline",
            format!("at most {MAX_TIMELINE_EVENTS} timeline events"),
        );
    }
    let events = &doc.timeline[..doc.timeline.len().min(MAX_TIMELINE_EVENTS)];
    let mut resolved_run_task: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        let path = format!("timeline[{i}]");
        match &e.action {
            TimelineAction::StopTask { service, .. }
            | TimelineAction::HangTask { service, .. }
            | TimelineAction::UpdateService { service, .. }
            | TimelineAction::SpotInterruption { service, .. }
            | TimelineAction::TrafficSpike { service, .. } => {
                if !known.declared.contains(&service.as_str()) {
                    p.push(
                        format!("{path}.service"),
                        format!("no service named '{service}'"),
                    );
                }
            }
            TimelineAction::AzOutage { availability_zone }
            | TimelineAction::AzRecovery { availability_zone } => {
                check_zone(&path, availability_zone, known.zones, p);
            }
            TimelineAction::TerminateInstance { .. } | TimelineAction::DrainInstance { .. } => {}
            TimelineAction::RunTask(spec) => {
                if let Some(m) = service::resolve::run_task(&path, spec, cx, p) {
                    resolved_run_task.insert(i, run_tasks.len());
                    run_tasks.push(m);
                }
            }
            TimelineAction::RegisterContainerInstance {
                cluster,
                instance_type,
                availability_zone,
                ..
            } => {
                cluster::resolve::find(&format!("{path}.cluster"), cluster, cx.clusters, p);
                cluster::resolve::instance_type(&path, instance_type, p);
                check_zone(&path, availability_zone, known.zones, p);
            }
            TimelineAction::SetDesiredCapacity {
                auto_scaling_group_name,
                desired_capacity,
            } => check_desired_capacity(
                &path,
                auto_scaling_group_name,
                *desired_capacity,
                cx.asgs,
                p,
            ),
        }
        if let TimelineAction::UpdateService {
            service,
            task_definition: Some(t),
            ..
        } = &e.action
        {
            let found = taskdef::resolve::find(
                &format!("{path}.taskDefinition"),
                t,
                cx.task_definitions,
                cx.refused_families,
                p,
            );
            // The new revision must suit where the service runs, as its first one did.
            if let Some(tdi) = found {
                if let Some(model) = known.services.iter().find(|s| s.name == *service) {
                    service::resolve::check_new_revision(
                        &path,
                        model,
                        &cx.task_definitions[tdi],
                        cx.target_groups,
                        p,
                    );
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| events[i].at);
    let mut by_position = BTreeMap::new();
    for (position, &i) in order.iter().enumerate() {
        if let Some(&r) = resolved_run_task.get(&i) {
            by_position.insert(position, r);
        }
    }
    let sorted = order.iter().map(|&i| events[i].clone()).collect();
    (sorted, by_position)
}

/// A timeline zone must be one of the subnets' zones.
fn check_zone(path: &str, zone: &str, zones: &[String], p: &mut Problems) {
    if !zones.iter().any(|z| z == zone) {
        p.push(
            format!("{path}.availabilityZone"),
            format!(
                "unknown zone '{zone}': zones come from the subnets ({})",
                zones.join(", ")
            ),
        );
    }
}

/// `set-desired-capacity` names a group (by its capacity provider) and keeps it within its
/// minSize–maxSize (EC2 Auto Scaling refuses a value outside them with a ValidationError).
fn check_desired_capacity(
    path: &str,
    name: &str,
    desired: u32,
    asgs: &[cluster::AsgModel],
    p: &mut Problems,
) {
    let Some(g) = asgs.iter().find(|a| a.provider == name) else {
        p.push(
            format!("{path}.autoScalingGroupName"),
            format!(
                "no Auto Scaling group '{name}': name a capacity provider's group ({})",
                asgs.iter()
                    .map(|a| a.provider.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return;
    };
    if desired < g.min_size {
        p.push(
            format!("{path}.desiredCapacity"),
            format!(
                "New SetDesiredCapacity value {desired} is below min value {} for the AutoScalingGroup.",
                g.min_size
            ),
        );
    } else if desired > g.max_size {
        p.push(
            format!("{path}.desiredCapacity"),
            format!(
                "New SetDesiredCapacity value {desired} is above max value {} for the AutoScalingGroup.",
                g.max_size
            ),
        );
    }
}

/// The timeline's traffic spikes, for the traffic keys' checks.
fn spikes(timeline: &[TimelineEvent]) -> Vec<traffic::resolve::Spike<'_>> {
    timeline
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.action {
            TimelineAction::TrafficSpike {
                service,
                multiplier,
                duration_seconds,
            } => Some(traffic::resolve::Spike {
                timeline_index: i,
                service,
                multiplier: *multiplier,
                duration_seconds: *duration_seconds,
            }),
            _ => None,
        })
        .collect()
}
