//! What a Cloud Map DNS or Service Connect client reaches (DG service-discovery): ECS sets a
//! task's Cloud Map health from its state and container health checks ("service discovery
//! traffic is always routed to the task and not the load balancer"), and "when all records are
//! unhealthy, Route 53 responds to DNS queries with up to eight unhealthy records". Until
//! 2026-12-06 both read the load balancer's target health and answered nothing when every task
//! was unhealthy (ELB walkthrough).

use crate::metrics::{Dimension, MetricName};
use crate::sim::Sim;
use serde_json::{json, Value};

/// `front` calls `web` (2 Fargate tasks) at 10 requests a second by `discovery` (Cloud Map DNS
/// with a 10 s TTL, or Service Connect); `web_extra` is merged into web's service and `image`
/// into its image's behaviour.
fn scenario(discovery: &str, web_extra: Value, image: Value) -> Value {
    let td = |family: &str, ports: Value| {
        json!({ "family": family, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": format!("example/{family}:1"),
                "essential": true, "portMappings": ports,
                "healthCheck": { "command": ["CMD-SHELL", "curl -f localhost:8080/ || exit 1"] } }] })
    };
    let network = json!({ "awsvpcConfiguration": { "subnets": ["subnet-a"] } });
    let mut web = json!({ "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
        "launchType": "FARGATE", "networkConfiguration": network });
    let mut front = json!({ "serviceName": "front", "taskDefinition": "front", "desiredCount": 1,
        "launchType": "FARGATE", "networkConfiguration": network });
    if discovery == "dns" {
        web["serviceRegistries"] = json!([{ "registryArn":
            "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-web", "dnsTtlSeconds": 10 }]);
    } else {
        web["serviceConnectConfiguration"] = json!({ "enabled": true, "namespace": "internal",
            "services": [{ "portName": "http", "clientAliases": [{ "port": 80 }] }] });
        front["serviceConnectConfiguration"] = json!({ "enabled": true, "namespace": "internal" });
    }
    if let (Some(w), Some(extra)) = (web.as_object_mut(), web_extra.as_object()) {
        w.extend(extra.clone());
    }
    let mut behaviour = json!({ "pullSeconds": 10, "startSeconds": 2 });
    if let (Some(b), Some(extra)) = (behaviour.as_object_mut(), image.as_object()) {
        b.extend(extra.clone());
    }
    json!({
        "version": 1, "seed": 7, "name": "discovery health",
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE"] }],
        "taskDefinitions": [
            td("web", json!([{ "name": "http", "containerPort": 8080 }])),
            td("front", json!([]))
        ],
        "images": { "example/web:1": behaviour },
        "targetGroups": [{ "targetGroupName": "web-tg", "port": 8080, "targetType": "ip" }],
        "services": [web, front],
        "traffic": [{ "serviceName": "web", "fromService": "front",
            "profile": { "shape": "constant", "requestsPerSecond": 10 }, "cpuMillisPerRequest": 5 }]
    })
}

/// Client errors of either service, summed over the minutes from `from_s` on.
fn client_errors_from(sim: &Sim, from_s: u64) -> f64 {
    [0, 1]
        .iter()
        .flat_map(|&s| {
            sim.metrics
                .series(MetricName::ClientErrorCount, &Dimension::Service(s))
                .iter()
        })
        .filter(|d| d.at >= from_s * 1000)
        .map(|d| d.value)
        .sum()
}

fn run(doc: &Value, until_s: u64) -> Sim {
    super::run_doc(doc, until_s * 1000)
}

#[test]
fn with_every_task_unhealthy_dns_still_answers_them() {
    // Container health checks fail; a long grace period keeps the tasks running UNHEALTHY.
    let doc = scenario(
        "dns",
        json!({ "healthCheckGracePeriodSeconds": 1000 }),
        json!({ "healthCheckFails": true }),
    );
    let sim = run(&doc, 420);
    let unhealthy = sim
        .tasks
        .values()
        .filter(|t| t.service == Some(0) && t.health == crate::task::HealthStatus::Unhealthy)
        .count();
    assert_eq!(unhealthy, 2, "the scenario must leave both tasks unhealthy");
    assert_eq!(client_errors_from(&sim, 240), 0.0);
}

#[test]
fn a_load_balancers_target_health_does_not_filter_dns_or_service_connect() {
    // Behind an ALB the targets are `initial` for their first health checks; Cloud Map and
    // Service Connect answer the RUNNING, container-healthy tasks all the same.
    let alb = json!({ "loadBalancers": [{ "targetGroupArn": "web-tg", "containerName": "app",
        "containerPort": 8080 }] });
    for discovery in ["dns", "connect"] {
        let with = run(&scenario(discovery, alb.clone(), json!({})), 240);
        let without = run(&scenario(discovery, json!({}), json!({})), 240);
        assert_eq!(
            client_errors_from(&with, 0),
            client_errors_from(&without, 0),
            "{discovery}: the load balancer changed what the client reached"
        );
    }
}

/// Review 2026-12-06: during a canary, Service Connect gave each task its deployment's percent,
/// so with more green tasks than blue ones green took more than the step's share. Each
/// deployment's percent is split among its own tasks, as a target group's is.
#[test]
fn a_canary_step_holds_for_service_connect_whatever_each_sides_task_count() {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../../tests/golden/canary_10_percent.json"))
            .expect("JSON");
    // One blue task stopped during the canary: the sides' counts differ.
    doc["timeline"]
        .as_array_mut()
        .expect("timeline")
        .push(json!({ "at": 200, "action": "stopTask", "service": "web", "index": 0 }));
    let sim = super::run_doc(&doc, 240_000);
    let shares = |sim: &Sim| {
        let ds = &sim.services[0].deployments;
        let primary = ds.primary().expect("primary");
        let (mut green, mut all) = (0u64, 0u64);
        for (t, w) in sim.service_connect_endpoints(0) {
            all += u64::from(w);
            if ds.deployment_of(t) == Some(primary) {
                green += u64::from(w);
            }
        }
        (green, all)
    };
    let (green, all) = shares(&sim);
    let counts = {
        let ds = &sim.services[0].deployments;
        let primary = ds.primary().expect("primary");
        let healthy = sim.registry_endpoints(0).0;
        let g = healthy
            .iter()
            .filter(|&&t| ds.deployment_of(t) == Some(primary))
            .count();
        (g, healthy.len() - g)
    };
    assert_ne!(
        counts.0, counts.1,
        "the sides must differ for this test: {counts:?}"
    );
    assert!(all > 0);
    // 10 % of the weight to green, to within rounding.
    assert!(
        (green * 100).abs_diff(all * 10) <= all,
        "green {green} of {all} with {counts:?}"
    );
}
