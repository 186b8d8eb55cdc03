//! Load balancers in the cost report: one ALB per target group in use, its hourly charge split
//! among the services it serves (a target group belongs to one load balancer). Cost
//! walkthrough, 2026-12-06: two services sharing a target group were billed two ALBs.

use crate::sim::Sim;
use crate::view::report::cost::cost_report;
use serde_json::{json, Value};

/// Services `web` and `api` on Fargate behind the target groups named.
fn scenario(web_tg: &str, api_tg: &str) -> Value {
    let service = |name: &str, tg: &str| {
        json!({
            "serviceName": name, "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } },
            "loadBalancers": [{ "targetGroupArn": tg, "containerName": "app", "containerPort": 80 }]
        })
    };
    json!({
        "version": 1, "seed": 11,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [{
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": "example/app:1", "essential": true,
                "portMappings": [{ "containerPort": 80 }] }]
        }],
        "services": [service("web", web_tg), service("api", api_tg)],
        "targetGroups": [
            { "targetGroupName": "web-tg", "targetType": "ip" },
            { "targetGroupName": "api-tg", "targetType": "ip" }
        ]
    })
}

#[test]
fn a_target_group_shared_by_two_services_is_one_alb_split_between_them() {
    let mut sim = Sim::from_json(&scenario("web-tg", "web-tg").to_string())
        .unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(600_000);
    let r = cost_report(&sim);
    // $0.0225 per ALB-hour, one ALB.
    assert_eq!(r.load_balancers.per_hour_nano_usd, 22_500_000);
    let lb_part = |name: &str| {
        r.services
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.amount.per_hour_nano_usd)
            .unwrap_or_default()
    };
    // Each service pays its Fargate task ($0.0123425/h) and half the ALB.
    assert_eq!(lb_part("web"), 12_342_500 + 11_250_000);
    assert_eq!(lb_part("api"), 12_342_500 + 11_250_000);
    assert_eq!(r.total.per_hour_nano_usd, 2 * 12_342_500 + 22_500_000);

    // Two target groups: two ALBs.
    let mut two = Sim::from_json(&scenario("web-tg", "api-tg").to_string())
        .unwrap_or_else(|e| panic!("{e:?}"));
    two.run_until(600_000);
    assert_eq!(
        cost_report(&two).load_balancers.per_hour_nano_usd,
        45_000_000
    );
}
