//! The network and platform rules on a Fargate service: `public-ip-assigned` (Security Hub
//! ECS.2, DG fargate-task-networking) and `old-platform-version` (DG platform-versions-retired)
//! fire on a minimal scenario and stay silent on the fixed one; bad values are errors at the field.

use crate::sim::Sim;
use crate::view::report::advice::static_advice;
use serde_json::{json, Value};

/// One Fargate service in two zones with a circuit breaker, `assignPublicIp` DISABLED and
/// platform LATEST: no service advice.
fn fixed() -> Value {
    json!({
        "version": 1, "seed": 3,
        "subnets": [
            {"subnetId": "subnet-a", "availabilityZone": "us-east-1a"},
            {"subnetId": "subnet-b", "availabilityZone": "us-east-1b"}
        ],
        "clusters": [{"clusterName": "default", "capacityProviders": ["FARGATE"]}],
        "taskDefinitions": [{"family": "api", "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
            "containerDefinitions": [{"name": "app", "image": "example/api:1", "essential": true}]}],
        "services": [{"serviceName": "api", "taskDefinition": "api", "desiredCount": 2,
            "launchType": "FARGATE", "platformVersion": "LATEST",
            "networkConfiguration": {"awsvpcConfiguration": {
                "subnets": ["subnet-a", "subnet-b"], "assignPublicIp": "DISABLED"}},
            "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}}]
    })
}

fn rules(v: &Value) -> Vec<(&'static str, String)> {
    let sim = Sim::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    static_advice(&sim.model)
        .into_iter()
        .filter(|a| a.path.starts_with("services"))
        .map(|a| (a.rule, a.path))
        .collect()
}

fn errors(v: &Value) -> String {
    match Sim::from_json(&v.to_string()) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_fixed_fargate_service_has_no_service_advice() {
    assert_eq!(rules(&fixed()), []);
    let mut v = fixed();
    v["services"][0]["platformVersion"] = "1.4.0".into();
    assert_eq!(rules(&v), []);
}

#[test]
fn public_ip_on_service_tasks() {
    let mut v = fixed();
    v["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] =
        "ENABLED".into();
    assert_eq!(
        rules(&v),
        [(
            "public-ip-assigned",
            "services[0].networkConfiguration.awsvpcConfiguration.assignPublicIp".to_string()
        )]
    );
}

#[test]
fn pinned_platform_version_1_3_0() {
    let mut v = fixed();
    v["services"][0]["platformVersion"] = "1.3.0".into();
    assert_eq!(
        rules(&v),
        [(
            "old-platform-version",
            "services[0].platformVersion".to_string()
        )]
    );
}

#[test]
fn unknown_values_are_errors_naming_the_field() {
    let mut v = fixed();
    v["services"][0]["platformVersion"] = "2.0".into();
    assert!(
        errors(&v).contains("services[0].platformVersion"),
        "{}",
        errors(&v)
    );
    let mut v = fixed();
    v["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] = "on".into();
    assert!(
        errors(&v).contains("services[0].networkConfiguration.awsvpcConfiguration.assignPublicIp"),
        "{}",
        errors(&v)
    );
}

#[test]
fn platform_1_3_0_refuses_task_storage_and_arm64_that_need_1_4_0() {
    // API EphemeralStorage and DG ecs-arm64: Fargate Linux platform version 1.4.0 or later.
    let mut v = fixed();
    v["taskDefinitions"][0]["ephemeralStorage"] = json!({"sizeInGiB": 50});
    v["taskDefinitions"][0]["runtimePlatform"] =
        json!({"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"});
    assert_eq!(errors(&v), "", "LATEST is 1.4.0");
    v["services"][0]["platformVersion"] = "1.3.0".into();
    let e = errors(&v);
    assert!(
        e.contains("services[0].platformVersion")
            && e.contains("ephemeralStorage")
            && e.contains("ARM64"),
        "{e}"
    );
}

#[test]
fn a_platform_version_with_launch_type_ec2_is_an_error() {
    // "The platform version must be null when specifying an EC2 launch type."
    let mut v = fixed();
    v["clusters"][0] = json!({"clusterName": "default"});
    v["services"][0]["launchType"] = "EC2".into();
    let e = errors(&v);
    assert!(
        e.contains("services[0].platformVersion")
            && e.contains("must be null when specifying an EC2 launch type"),
        "{e}"
    );
}

#[test]
fn an_invalid_platform_version_with_launch_type_ec2_is_one_error_not_two() {
    // Reviewer: 'banana' on EC2 gave the invalid-value message and the must-be-null one; any
    // value is refused there, so only the second is said.
    let mut v = fixed();
    v["clusters"][0] = json!({"clusterName": "default"});
    v["services"][0]["launchType"] = "EC2".into();
    v["services"][0]["platformVersion"] = "banana".into();
    let e = errors(&v);
    assert_eq!(e.matches("services[0].platformVersion").count(), 1, "{e}");
    assert!(e.contains("must be null"), "{e}");
}
