//! `serviceRegistries`' container and port (API ServiceRegistry): with the bridge or host
//! network mode "you must specify a containerName and containerPort combination from the task
//! definition"; with awsvpc a combination or a `port`, "however, you can't specify both". A
//! fidelity review of 2026-12-05 found the Cloud Map example, a bridge service, accepted
//! without them.

use super::forms_support::{default_doc, problems};
use serde_json::json;

const ARN: &str = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-web";

#[test]
fn a_bridge_service_registry_needs_a_container_name_and_port_from_the_task_definition() {
    // The default scenario's `web` service runs bridge-mode nginx on port 80.
    let mut d = default_doc();
    d["services"][0]["serviceRegistries"] = json!([{"registryArn": ARN}]);
    assert_eq!(
        problems(&d),
        vec!["services[0].serviceRegistries[0]: The task definition uses the bridge network mode: specify a containerName and containerPort combination from the task definition.".to_string()]
    );
    d["services"][0]["serviceRegistries"] =
        json!([{"registryArn": ARN, "containerName": "nginx", "containerPort": 8080}]);
    assert_eq!(
        problems(&d),
        vec!["services[0].serviceRegistries[0].containerPort: The container nginx did not have a container port 8080 defined.".to_string()]
    );
    d["services"][0]["serviceRegistries"] = json!([{"registryArn": ARN, "containerName": "nginx"}]);
    assert_eq!(
        problems(&d),
        vec!["services[0].serviceRegistries[0].containerPort: containerName needs a containerPort from the task definition.".to_string()]
    );
    d["services"][0]["serviceRegistries"] =
        json!([{"registryArn": ARN, "containerName": "nginx", "containerPort": 80}]);
    assert_eq!(problems(&d), Vec::<String>::new());
}

#[test]
fn an_awsvpc_service_registry_takes_a_container_and_port_or_a_port_but_not_both() {
    // The default scenario's `api` service is awsvpc, container `api` on port 8080.
    let mut d = default_doc();
    d["services"][1]["serviceRegistries"] = json!([{"registryArn": ARN}]);
    assert_eq!(problems(&d), Vec::<String>::new());
    d["services"][1]["serviceRegistries"] = json!([{"registryArn": ARN, "port": 8080}]);
    assert_eq!(problems(&d), Vec::<String>::new());
    d["services"][1]["serviceRegistries"] =
        json!([{"registryArn": ARN, "port": 8080, "containerName": "api", "containerPort": 8080}]);
    assert_eq!(
        problems(&d),
        vec!["services[1].serviceRegistries[0].port: Specify either a containerName and containerPort combination or a port value, but not both.".to_string()]
    );
    d["services"][1]["serviceRegistries"] =
        json!([{"registryArn": ARN, "containerName": "web", "containerPort": 8080}]);
    assert_eq!(
        problems(&d),
        vec!["services[1].serviceRegistries[0].containerName: The container web does not exist in the task definition.".to_string()]
    );
}
