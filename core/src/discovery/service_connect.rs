//! What CreateService refuses in one service's Service Connect configuration, beyond its
//! `portName`s (`resolve::check_port_names`): ports out of range, the CodeDeploy deployment
//! controller, and a task definition without the task memory limit the proxy needs.
//!
//! Sources: API ServiceConnectClientAlias `port` ("Valid Range: Minimum value of 0. Maximum
//! value of 65535",
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html);
//! API ServiceConnectService `ingressPortOverride` ("The port number for the Service Connect
//! proxy to listen on", the same port range);
//! DG "Service Connect" considerations
//! (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html): "Task
//! definitions must set the task memory limit to use Service Connect", "Task definitions that
//! set container memory limits for all containers instead of setting the task memory limit
//! aren't supported … you must set the task memory limit to a number greater than the sum of
//! the container memory limits", and "Services that use the blue/green [CODE_DEPLOY] and
//! external deployment types aren't supported" (EXTERNAL is refused for every service,
//! `deployment::resolve`). ECS's own blue/green strategy takes Service Connect (DG
//! blue-green-deployment-implementation: "your service must use one of the following features:
//! Elastic Load Balancing, Service Connect"), so only CODE_DEPLOY is refused here. The docs quote
//! no ECS message for these; the texts below use the guide's words.

use super::ServiceConnectConfiguration;
use crate::problem::Problem;
use crate::taskdef::TaskDefinition;

/// The highest port a client alias or the proxy's ingress port may name.
pub const MAX_PORT: u32 = 65_535;

/// The refusal of Service Connect on a task definition without task-level memory.
pub const NEEDS_TASK_MEMORY: &str = "Task definitions must set the task memory limit to use Service Connect: add a task-level memory above the sum of the containers' memory limits (the proxy uses the rest).";

/// The refusal of Service Connect with the CODE_DEPLOY deployment controller.
pub const NOT_WITH_CODE_DEPLOY: &str = "Service Connect is not supported with the CODE_DEPLOY deployment controller: use the ECS deployment controller (rolling, or its blue/green, linear and canary strategies).";

/// Whether `sc` turns Service Connect on.
pub fn enabled(sc: Option<&ServiceConnectConfiguration>) -> bool {
    sc.is_some_and(|c| c.enabled)
}

/// The problems of one service's `serviceConnectConfiguration` (at `path`) that need nothing
/// but the configuration: client alias ports and ingress port overrides above [`MAX_PORT`].
pub fn check_ports(path: &str, sc: Option<&ServiceConnectConfiguration>) -> Vec<Problem> {
    let mut out = Vec::new();
    for (k, e) in sc.iter().flat_map(|c| c.services.iter()).enumerate() {
        let at = format!("{path}.services[{k}]");
        for (a, alias) in e.client_aliases.iter().enumerate() {
            if alias.port > MAX_PORT {
                out.push(Problem::new(
                    format!("{at}.clientAliases[{a}].port"),
                    format!("port must be from 0 to {MAX_PORT}; got {}", alias.port),
                ));
            }
        }
        if let Some(port) = e.ingress_port_override.filter(|p| *p > MAX_PORT) {
            out.push(Problem::new(
                format!("{at}.ingressPortOverride"),
                format!("ingressPortOverride must be from 0 to {MAX_PORT}; got {port}"),
            ));
        }
    }
    out
}

/// The refusal of an enabled Service Connect configuration (at `path`) on a CODE_DEPLOY
/// service.
pub fn check_deployment_controller(
    path: &str,
    sc: Option<&ServiceConnectConfiguration>,
    code_deploy: bool,
) -> Option<Problem> {
    (enabled(sc) && code_deploy).then(|| Problem::new(path, NOT_WITH_CODE_DEPLOY))
}

/// Why revision `td` cannot run with Service Connect, if it cannot: no task-level memory, or one
/// no larger than the sum of the containers' hard memory limits when every container sets one.
pub fn task_memory_refusal(td: &TaskDefinition) -> Option<String> {
    let Some(Ok(task)) = td.task_memory_mib() else {
        return Some(NEEDS_TASK_MEMORY.to_string());
    };
    let limits: Option<i64> = td
        .containers()
        .iter()
        .map(|c| c.memory)
        .try_fold(0i64, |sum, m| Some(sum.saturating_add(m?)));
    match limits {
        Some(sum) if sum >= i64::from(task) => Some(format!(
            "The task memory limit ({task} MiB) must be greater than the sum of the container memory limits ({sum} MiB) to use Service Connect: the proxy uses the rest."
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::{ServiceConnectClientAlias, ServiceConnectService};
    use crate::taskdef::parse_task_definition;
    use serde_json::json;

    fn offering(port: u32, ingress: Option<u32>) -> ServiceConnectConfiguration {
        ServiceConnectConfiguration {
            enabled: true,
            namespace: Some("internal".into()),
            services: vec![ServiceConnectService {
                port_name: "http".into(),
                discovery_name: None,
                client_aliases: vec![ServiceConnectClientAlias {
                    port,
                    dns_name: Some("orders".into()),
                }],
                ingress_port_override: ingress,
            }],
            log_configuration: None,
        }
    }

    #[test]
    fn alias_ports_and_the_ingress_port_are_0_to_65535_api_service_connect_client_alias() {
        assert!(check_ports("s", Some(&offering(65_535, Some(8080)))).is_empty());
        let v = check_ports("s", Some(&offering(70_000, Some(65_536))));
        let paths: Vec<&str> = v.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "s.services[0].clientAliases[0].port",
                "s.services[0].ingressPortOverride"
            ]
        );
    }

    #[test]
    fn service_connect_is_refused_with_code_deploy_dg_service_connect() {
        let sc = offering(80, None);
        assert!(check_deployment_controller("s", Some(&sc), false).is_none());
        let p = check_deployment_controller("s", Some(&sc), true);
        assert_eq!(p.map(|p| p.message), Some(NOT_WITH_CODE_DEPLOY.to_string()));
        let mut off = sc;
        off.enabled = false;
        assert!(check_deployment_controller("s", Some(&off), true).is_none());
    }

    fn td(v: serde_json::Value) -> TaskDefinition {
        parse_task_definition(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn service_connect_needs_a_task_memory_above_the_container_limits_dg_service_connect() {
        let containers = json!([{ "name": "app", "image": "i", "memory": 512 }]);
        let without = td(json!({ "family": "f", "containerDefinitions": containers }));
        assert_eq!(
            task_memory_refusal(&without),
            Some(NEEDS_TASK_MEMORY.to_string())
        );
        let equal =
            td(json!({ "family": "f", "memory": "512", "containerDefinitions": containers }));
        assert!(task_memory_refusal(&equal).is_some_and(|m| m.contains("greater than")));
        let room =
            td(json!({ "family": "f", "memory": "576", "containerDefinitions": containers }));
        assert_eq!(task_memory_refusal(&room), None);
        // A container without a hard limit shares the task's memory with the proxy.
        let soft = td(
            json!({ "family": "f", "memory": "512", "containerDefinitions": [
                { "name": "app", "image": "i", "memoryReservation": 512 }
            ]}),
        );
        assert_eq!(task_memory_refusal(&soft), None);
    }
}
