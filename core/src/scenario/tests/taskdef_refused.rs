//! A task definition that registration refuses is reported once, at the definition: the
//! services, standalone tasks and timeline entries that name its family say nothing more.

use super::forms_support::{default_doc, problems};
use serde_json::json;

/// One cause, one message: `web` fails RegisterTaskDefinition, so DescribeTaskDefinition's
/// "not registered" for `services[0]`, `tasks[0]` and the timeline's updateService would only
/// repeat it.
#[test]
fn a_refused_task_definition_is_not_also_reported_as_not_registered() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["tasks"] = json!([{"cluster": "default", "taskDefinition": "web:1", "count": 1}]);
    d["timeline"] = json!([{"at": 60, "action": "updateService", "service": "api",
        "taskDefinition": "web"}]);
    let ps = problems(&d);
    assert_eq!(
        ps,
        vec!["taskDefinitions[0].containerDefinitions[0].memory: Invalid 'memory' setting for container 'nginx': 2 MiB is below the minimum of 6 MiB that Docker reserves for a container."],
        "{ps:#?}"
    );
}

/// A reference to a family nobody wrote is still reported, in DescribeTaskDefinition's words.
#[test]
fn a_family_never_written_is_still_not_registered() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["services"][1]["taskDefinition"] = json!("nope");
    let ps = problems(&d);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(ps[1].starts_with("services[1].taskDefinition: Unable to describe task definition."));
}

/// The service a refused task definition leaves unresolved is not reported again by what names
/// it: the timeline, its traffic, another service's traffic from it, and its scaling keys.
#[test]
fn a_service_left_unresolved_by_its_task_definition_is_not_reported_again() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["timeline"] = json!([{"at": 60, "action": "stopTask", "service": "web"},
        {"at": 90, "action": "trafficSpike", "service": "web", "multiplier": 200,
         "durationSeconds": 60}]);
    d["traffic"] = json!([{"serviceName": "web", "profile": {"shape": "constant",
        "requestsPerSecond": 10}, "cpuMillisPerRequest": 5}]);
    d["scalableTargets"] = json!([{"serviceNamespace": "ecs", "resourceId":
        "service/default/web", "scalableDimension": "ecs:service:DesiredCount",
        "minCapacity": 1, "maxCapacity": 4}]);
    let ps = problems(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].starts_with("taskDefinitions[0]"), "{ps:#?}");
    // A name nobody declared is still reported.
    d["timeline"] = json!([{"at": 60, "action": "stopTask", "service": "nope"}]);
    let ps = problems(&d);
    assert!(
        ps.iter()
            .any(|p| p.starts_with("timeline[0].service: no service named 'nope'")),
        "{ps:#?}"
    );
}

/// A capacity provider the cluster does not have is one message: the service is still checked
/// for the Fargate launch it asked for, not for EC2 (it also got "Task definition does not
/// support launch_type EC2." and "Assign public IP is not supported for this launch type.":
/// engineer walkthrough, 2026-12-05).
#[test]
fn a_strategy_naming_a_provider_the_cluster_lacks_is_one_message() {
    let d = json!({
        "version": 1, "seed": 7,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE_SPOT"] }],
        "taskDefinitions": [{ "family": "web", "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": "httpd:2.4", "essential": true,
                "portMappings": [{ "containerPort": 80 }] }] }],
        "services": [{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
            "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }],
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"],
                "assignPublicIp": "ENABLED" } } }]
    });
    let ps = problems(&d);
    assert_eq!(
        ps,
        vec!["services[0].capacityProviderStrategy[0].capacityProvider: The specified capacity provider 'FARGATE' is not associated with cluster 'default'."],
        "{ps:#?}"
    );
}
