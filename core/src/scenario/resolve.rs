//! Checks a [`ScenarioDocument`] the way ECS's APIs would (register-task-definition,
//! create-capacity-provider, create-service, run-task) and resolves it into a [`Model`]: each
//! concept resolves its own keys, in the order ECS would create them, and every problem is
//! reported with its path from the document root.

use super::document::{ScenarioDocument, TimelineAction, TimelineEvent};
use super::model::Model;
use crate::problem::Problem;
use crate::problem::Problems;
use crate::{autoscaling, cluster, elb, service, taskdef, traffic};

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
    } = taskdef::resolve::register(&doc.task_definitions, &mut p);
    taskdef::resolve::check_images(&doc.images, &mut p);
    let (target_groups, problems) =
        elb::resolve::target_groups(&doc.target_groups, &elb::resolve::region_of(&subnets.zones));
    p.extend(problems);
    cluster::resolve::default_strategies(&doc.clusters, &mut clusters, &asgs, &mut p);
    let cx = service::resolve::Context {
        subnets: &subnets,
        clusters: &clusters,
        asgs: &asgs,
        task_definitions: &task_definitions,
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
    let run_tasks = service::resolve::run_tasks(&doc.tasks, cx, &mut p);
    let timeline = timeline(doc, &subnets.zones, &declared, cx, &mut p);
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
        &declared,
        &clusters,
    );
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
        images: doc.images.clone(),
        services,
        run_tasks,
        timeline,
        target_groups,
        traffic,
        auto_scaling,
    })
}

/// Checks what each timeline event names (services, zones, task definitions) and sorts the
/// events by time (stable: same-time events keep their document order).
fn timeline(
    doc: &ScenarioDocument,
    zones: &[String],
    declared: &[&str],
    cx: service::resolve::Context<'_>,
    p: &mut Problems,
) -> Vec<TimelineEvent> {
    if doc.timeline.len() > MAX_TIMELINE_EVENTS {
        p.push(
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
                if !declared.contains(&service.as_str()) {
                    p.push(
                        format!("{path}.service"),
                        format!("no service named '{service}'"),
                    );
                }
            }
            TimelineAction::AzOutage { availability_zone }
            | TimelineAction::AzRecovery { availability_zone } => {
                if !zones.contains(availability_zone) {
                    p.push(
                        format!("{path}.availabilityZone"),
                        format!(
                            "unknown zone '{availability_zone}': zones come from the subnets ({})",
                            zones.join(", ")
                        ),
                    );
                }
            }
            TimelineAction::TerminateInstance { .. } | TimelineAction::DrainInstance { .. } => {}
        }
        if let TimelineAction::UpdateService {
            task_definition: Some(t),
            ..
        } = &e.action
        {
            taskdef::resolve::find(
                &format!("{path}.taskDefinition"),
                t,
                cx.task_definitions,
                cx.refused_families,
                p,
            );
        }
    }
    let mut t = doc.timeline.clone();
    t.truncate(MAX_TIMELINE_EVENTS);
    t.sort_by_key(|e| e.at);
    t
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
