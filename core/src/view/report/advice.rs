//! Advice for the command line and the playground: the static findings of a resolved scenario
//! (or of one task definition), and the proven ones of a run.

use crate::advice::{self, Advice, Inputs};
use crate::scenario::Model;
use crate::scenario::TimelineAction;
use crate::sim::Sim;
use crate::taskdef::{task_needs, RegisteredTaskDefinition, TaskDefinition};
use std::collections::{BTreeMap, BTreeSet};

/// The static findings of a resolved scenario.
pub fn static_advice(model: &Model) -> Vec<Advice> {
    let clusters_registering = clusters_registering(model);
    advice::check(Inputs {
        task_definitions: &model.task_definitions,
        definition_constraints: &model.definition_constraints,
        images: &model.images,
        services: &model.services,
        target_groups: &model.target_groups,
        asgs: &model.asgs,
        run_tasks: &model.run_tasks,
        traffic: &model.traffic.entries,
        clusters_registering: &clusters_registering,
    })
}

/// The clusters the timeline registers container instances in (a cluster not in the scenario
/// was refused when it resolved).
fn clusters_registering(model: &Model) -> BTreeSet<usize> {
    model
        .timeline
        .iter()
        .filter_map(|e| match &e.action {
            TimelineAction::RegisterContainerInstance { cluster, .. } => {
                crate::cluster::resolve::named(cluster.as_deref(), &model.clusters)
            }
            _ => None,
        })
        .collect()
}

/// The static findings of a task definition on its own, with paths from its root.
pub fn task_definition_advice(td: &TaskDefinition) -> Vec<Advice> {
    let reg = RegisteredTaskDefinition {
        family: td.family.clone().unwrap_or_default(),
        revision: 1,
        needs: task_needs(td),
        definition: td.clone(),
    };
    let images = BTreeMap::new();
    let found = advice::check(Inputs {
        task_definitions: std::slice::from_ref(&reg),
        definition_constraints: &[],
        images: &images,
        services: &[],
        target_groups: &[],
        asgs: &[],
        run_tasks: &[],
        traffic: &[],
        clusters_registering: &BTreeSet::new(),
    });
    found
        .into_iter()
        .map(|mut a| {
            a.path = a
                .path
                .strip_prefix("taskDefinitions[0]")
                .map(|p| p.trim_start_matches('.').to_string())
                .unwrap_or(a.path);
            a
        })
        .collect()
}

/// The run's proven findings so far.
pub fn proven_advice(sim: &Sim) -> Vec<Advice> {
    let names: Vec<String> = sim.model.services.iter().map(|s| s.name.clone()).collect();
    advice::proven::check(&sim.facts, &names)
}
