//! Scenario-wide limits the playground can keep: ECS's quotas are per object (5,000 instances per
//! cluster, 5,000 tasks per service), so a short link can ask for ten clusters of 5,000
//! instances or twenty services of 5,000 tasks, which no browser tab can simulate. These limits
//! add up every object of the document and refuse it at load, before anything is built, with a
//! problem naming the limit. README "Limits" records the measurements behind the numbers.

use super::document::{ScenarioDocument, TimelineAction};
use crate::problem::{Problem, Problems};

/// Clusters in one scenario. ECS allows 10,000 per account; the playground draws them all at once.
pub const MAX_CLUSTERS: usize = 10;

/// Container instances in one scenario, all clusters together: every Auto Scaling group's
/// `maxSize` (the most it can launch) plus every external instance. The page keeps about 24 KB
/// per instance; 5,000 is ECS's own per-cluster quota, kept here for the whole scenario.
pub const MAX_TOTAL_INSTANCES: u32 = 5000;

/// Tasks one scenario may ask for, all services together, each counted at the most it can
/// reach: the largest of its `desiredCount`, any timeline `updateService` desired count, its
/// scalable target's `maxCapacity` and any scheduled action's `minCapacity`/`maxCapacity`; a DAEMON service counts one task per instance its cluster
/// can have; standalone tasks count their `count`.
pub const MAX_TOTAL_DESIRED_TASKS: u32 = 20_000;

/// Checks the scenario-wide limits on the parsed document; every limit broken is one problem
/// at the key that crossed it.
pub fn check(doc: &ScenarioDocument) -> Result<(), Vec<Problem>> {
    let mut p = Problems::default();
    if doc.clusters.len() > MAX_CLUSTERS {
        p.push(
            format!("clusters[{MAX_CLUSTERS}]"),
            format!(
                "the playground runs at most {MAX_CLUSTERS} clusters in a scenario ({} given)",
                doc.clusters.len()
            ),
        );
    }
    let instances = check_instances(doc, &mut p);
    check_tasks(doc, &instances, &mut p);
    if p.is_empty() {
        Ok(())
    } else {
        Err(p.into_vec())
    }
}

/// The most container instances each cluster (by name) can have, after checking their sum.
fn check_instances(doc: &ScenarioDocument, p: &mut Problems) -> Vec<(String, u32)> {
    let mut total: u32 = 0;
    let mut reported = false;
    let mut over = |total: u32, path: String, p: &mut Problems| {
        if total > MAX_TOTAL_INSTANCES && !reported {
            reported = true;
            p.push(path, format!("the playground runs at most {MAX_TOTAL_INSTANCES} container instances in a scenario, all clusters together (Auto Scaling group maxSize and external instances add up to {total} here)"));
        }
    };
    for (i, cp) in doc.capacity_providers.iter().enumerate() {
        total = total.saturating_add(cp.auto_scaling_group_provider.auto_scaling_group.max_size);
        let path =
            format!("capacityProviders[{i}].autoScalingGroupProvider.autoScalingGroup.maxSize");
        over(total, path, p);
    }
    for (c, cluster) in doc.clusters.iter().enumerate() {
        total = total.saturating_add(cluster.external_instances.len() as u32);
        over(total, format!("clusters[{c}].externalInstances"), p);
    }
    doc.clusters
        .iter()
        .map(|c| {
            let groups: u32 = doc
                .capacity_providers
                .iter()
                .filter(|cp| c.capacity_providers.contains(&cp.name))
                .fold(0u32, |n, cp| {
                    n.saturating_add(cp.auto_scaling_group_provider.auto_scaling_group.max_size)
                });
            let n = groups.saturating_add(c.external_instances.len() as u32);
            (c.cluster_name.clone(), n)
        })
        .collect()
}

/// Adds up the tasks every service and standalone task can reach.
fn check_tasks(doc: &ScenarioDocument, instances: &[(String, u32)], p: &mut Problems) {
    let mut total: u32 = 0;
    let mut reported = false;
    let mut add = |n: u32, path: String, p: &mut Problems| {
        total = total.saturating_add(n);
        if total > MAX_TOTAL_DESIRED_TASKS && !reported {
            reported = true;
            p.push(path, format!("the playground runs at most {MAX_TOTAL_DESIRED_TASKS} tasks in a scenario, all services together ({total} here; a service counts the largest of its desiredCount, timeline desired counts, scaling maxCapacity and scheduled action capacities, a DAEMON service one task per instance)"));
        }
    };
    for (i, s) in doc.services.iter().enumerate() {
        let cluster = s.cluster.as_deref().unwrap_or("default");
        let (n, key) = if s.scheduling_strategy.as_deref() == Some("DAEMON") {
            let n = instances
                .iter()
                .find(|(name, _)| name == cluster)
                .map_or(0, |(_, n)| *n);
            (n, "schedulingStrategy")
        } else {
            let timeline = doc.timeline.iter().filter_map(|e| match &e.action {
                TimelineAction::UpdateService {
                    service,
                    desired_count,
                    ..
                } if *service == s.service_name => *desired_count,
                _ => None,
            });
            let scaling = doc.scalable_targets.iter().filter_map(|t| {
                let mut parts = t.resource_id.split('/');
                let named = parts.next() == Some("service")
                    && parts.next() == Some(cluster)
                    && parts.next() == Some(s.service_name.as_str());
                named.then_some(t.max_capacity)
            });
            // A scheduled action may raise the range later (its minCapacity raises the
            // desired count straight away).
            let scheduled = doc.scheduled_actions.iter().filter_map(|a| {
                let mut parts = a.resource_id.split('/');
                let named = parts.next() == Some("service")
                    && parts.next() == Some(cluster)
                    && parts.next() == Some(s.service_name.as_str());
                let act = &a.scalable_target_action;
                named
                    .then(|| act.max_capacity.into_iter().chain(act.min_capacity).max())
                    .flatten()
            });
            let n = timeline
                .chain(scaling)
                .chain(scheduled)
                .chain(s.desired_count)
                .max()
                .unwrap_or(0);
            (n, "desiredCount")
        };
        add(n, format!("services[{i}].{key}"), p);
    }
    for (i, t) in doc.tasks.iter().enumerate() {
        add(t.count, format!("tasks[{i}].count"), p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(v: serde_json::Value) -> ScenarioDocument {
        match serde_json::from_value(v) {
            Ok(d) => d,
            Err(e) => panic!("test document does not parse: {e}"),
        }
    }

    #[test]
    fn a_task_definition_tab_keeps_as_much_as_a_scenario_holds() {
        // The kept-edits cap is written out below this module; it must follow the scenario's.
        assert_eq!(
            crate::taskdef::kept_edits::MAX_TD_EDITS_BYTES,
            crate::scenario::MAX_SCENARIO_BYTES
        );
    }

    /// `services` services of `tasks` tasks (only the keys the limits read matter).
    fn services(services: u32, tasks: u32) -> serde_json::Value {
        let svc: Vec<_> = (0..services)
            .map(|i| {
                json!({ "serviceName": format!("svc{i}"), "taskDefinition": "web",
                "desiredCount": tasks })
            })
            .collect();
        json!({ "version": 1, "seed": 1, "clusters": [], "services": svc })
    }

    /// `clusters` clusters, each with a group of at most `instances` and one one-task service.
    fn clusters(clusters: u32, instances: u32) -> serde_json::Value {
        let names: Vec<String> = (0..clusters).map(|c| format!("c{c}")).collect();
        json!({ "version": 1, "seed": 1,
            "clusters": names.iter().map(|n| json!({ "clusterName": n,
                "capacityProviders": [format!("cp-{n}")] })).collect::<Vec<_>>(),
            "capacityProviders": names.iter().map(|n| json!({ "name": format!("cp-{n}"),
                "autoScalingGroupProvider": { "autoScalingGroup": { "instanceType": "t3.micro",
                    "minSize": 0, "maxSize": instances, "desiredCapacity": instances,
                    "subnets": ["a"] } } })).collect::<Vec<_>>(),
            "services": names.iter().map(|n| json!({ "serviceName": format!("svc-{n}"),
                "cluster": n, "taskDefinition": "small", "desiredCount": 1 }))
                .collect::<Vec<_>>() })
    }

    #[test]
    fn tasks_at_the_limit_pass_and_one_more_is_refused_at_the_service_that_crosses_it() {
        let per = MAX_TOTAL_DESIRED_TASKS / 4;
        assert_eq!(check(&doc(services(4, per))), Ok(()));
        let mut over = services(4, per);
        over["services"][3]["desiredCount"] = json!(per + 1);
        let Err(p) = check(&doc(over)) else {
            panic!("one task over the limit was accepted")
        };
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "services[3].desiredCount");
        assert!(p[0]
            .message
            .contains(&format!("at most {MAX_TOTAL_DESIRED_TASKS} tasks")));
    }

    #[test]
    fn a_timeline_desired_count_and_a_scaling_max_capacity_count_as_what_the_service_can_reach() {
        let mut v = services(1, 10);
        v["timeline"] = json!([{ "at": 60, "action": "updateService", "service": "svc0",
            "desiredCount": MAX_TOTAL_DESIRED_TASKS + 1 }]);
        assert!(check(&doc(v)).is_err());
        let mut v = services(1, 10);
        v["scalableTargets"] = json!([{ "serviceNamespace": "ecs",
            "resourceId": "service/default/svc0", "scalableDimension": "ecs:service:DesiredCount",
            "minCapacity": 1, "maxCapacity": MAX_TOTAL_DESIRED_TASKS + 1 }]);
        assert!(check(&doc(v)).is_err());
        let mut v = services(1, 10);
        v["scheduledActions"] = json!([{ "scheduledActionName": "peak",
            "serviceNamespace": "ecs", "resourceId": "service/default/svc0",
            "scalableDimension": "ecs:service:DesiredCount", "schedule": "at(2026-01-01T00:10:00)",
            "scalableTargetAction": { "maxCapacity": MAX_TOTAL_DESIRED_TASKS + 1 } }]);
        let Err(p) = check(&doc(v)) else {
            panic!("a scheduled action's maxCapacity over the limit was accepted")
        };
        assert_eq!(p[0].path, "services[0].desiredCount");
        let mut v = services(1, 10);
        v["tasks"] = json!([{ "taskDefinition": "web", "count": MAX_TOTAL_DESIRED_TASKS }]);
        assert!(check(&doc(v)).is_err());
    }

    #[test]
    fn instances_add_up_across_clusters_and_too_many_clusters_are_refused() {
        let per = MAX_TOTAL_INSTANCES / MAX_CLUSTERS as u32;
        assert_eq!(check(&doc(clusters(MAX_CLUSTERS as u32, per))), Ok(()));
        let Err(p) = check(&doc(clusters(2, MAX_TOTAL_INSTANCES))) else {
            panic!("two clusters of the per-cluster quota were accepted")
        };
        assert_eq!(
            p[0].path,
            "capacityProviders[1].autoScalingGroupProvider.autoScalingGroup.maxSize"
        );
        assert!(p[0].message.contains(&format!(
            "at most {MAX_TOTAL_INSTANCES} container instances"
        )));
        let Err(p) = check(&doc(clusters(MAX_CLUSTERS as u32 + 1, 1))) else {
            panic!("too many clusters were accepted")
        };
        assert_eq!(p[0].path, format!("clusters[{MAX_CLUSTERS}]"));
    }

    #[test]
    fn a_daemon_service_counts_one_task_per_instance_its_cluster_can_have() {
        let mut v = clusters(1, MAX_TOTAL_INSTANCES);
        let daemon = json!({ "serviceName": "d", "cluster": "c0", "taskDefinition": "small",
            "schedulingStrategy": "DAEMON" });
        if let Some(a) = v["services"].as_array_mut() {
            for _ in 0..=(MAX_TOTAL_DESIRED_TASKS / MAX_TOTAL_INSTANCES) {
                a.push(daemon.clone());
            }
        }
        let Err(p) = check(&doc(v)) else {
            panic!("daemon services on 5,000 instances were not counted")
        };
        assert!(p[0].path.ends_with(".schedulingStrategy"), "{p:?}");
    }
}
