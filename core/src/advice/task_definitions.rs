//! Static rules on task definitions and their containers (Security Hub ECS.4, ECS.5, ECS.8,
//! ECS.9, ECS.17, ECS.20 and the Developer Guide's security and image best practices). Each
//! says what *may* go wrong.

use super::{quoted, Advice, Inputs};
use crate::taskdef::{Compatibility, ContainerDefinition, NetworkMode, RegisteredTaskDefinition};
use serde_json::Value;

/// Words in a variable name that suggest a secret (ECS.8 checks only AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA; the simulator is stricter, and says so).
pub const SECRET_WORDS: [&str; 9] = [
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "ECS_ENGINE_AUTH_DATA",
];

/// Every task definition finding, in document order.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = Vec::new();
    for (i, td) in inputs.task_definitions.iter().enumerate() {
        let path = format!("taskDefinitions[{i}]");
        definition_rules(td, &path, &mut out);
        for (j, c) in td.definition.containers().iter().enumerate() {
            container_rules(c, &format!("{path}.containerDefinitions[{j}]"), &mut out);
        }
    }
    out
}

fn definition_rules(td: &RegisteredTaskDefinition, path: &str, out: &mut Vec<Advice>) {
    let def = &td.definition;
    let name = quoted(&td.name());
    match def.effective_network_mode() {
        NetworkMode::Bridge | NetworkMode::Host => {
            let mode = if def.effective_network_mode() == NetworkMode::Host {
                "host"
            } else {
                "bridge"
            };
            out.push(Advice::new(
                "not-awsvpc",
                format!("{path}.networkMode"),
                format!("{name} uses {mode} network mode; awsvpc may do (AWS recommends it unless you need another mode)"),
            ));
        }
        NetworkMode::Awsvpc | NetworkMode::None => {}
    }
    if let (Some(exec), Some(task)) = (&def.execution_role_arn, &def.task_role_arn) {
        if exec == task {
            out.push(Advice::new(
                "shared-task-and-execution-role",
                format!("{path}.executionRoleArn"),
                format!("{name} uses one role as task role and execution role; the application may get the agent's permissions"),
            ));
        }
    }
    let on_ec2 = def.requires(Compatibility::Ec2) || !def.requires(Compatibility::Fargate);
    let containers = def.containers();
    let no_cpu = def.cpu.is_none() && containers.iter().any(|c| c.cpu.is_none());
    let no_memory = def.memory.is_none() && containers.iter().any(|c| c.memory.is_none());
    if on_ec2 && (no_cpu || no_memory) {
        let what = match (no_cpu, no_memory) {
            (true, true) => "CPU or memory",
            (true, false) => "CPU",
            _ => "memory",
        };
        out.push(Advice::new(
            "no-resource-limits",
            path.to_string(),
            format!("{name} sets no {what} limit (task-level or on every container); on EC2 it may starve other tasks on the host"),
        ));
    }
    let essential_checked = containers
        .iter()
        .any(|c| c.is_essential() && c.health_check.is_some());
    if !essential_checked && !containers.is_empty() {
        out.push(Advice::new(
            "no-health-check",
            format!("{path}.containerDefinitions"),
            format!("{name} has no health check on an essential container; a hung container may count as healthy"),
        ));
    }
}

fn container_rules(c: &ContainerDefinition, path: &str, out: &mut Vec<Advice>) {
    let name = quoted(c.name.as_deref().unwrap_or(""));
    if c.log_configuration.is_none() {
        out.push(Advice::new(
            "no-log-configuration",
            format!("{path}.logConfiguration"),
            format!("container {name} has no logConfiguration; its output may be lost"),
        ));
    }
    if let Some(Value::Array(env)) = &c.environment {
        for (k, e) in env.iter().enumerate() {
            let Some(var) = e.get("name").and_then(Value::as_str) else {
                continue;
            };
            if looks_secret(var) {
                out.push(Advice::new(
                    "secret-in-environment",
                    format!("{path}.environment[{k}].name"),
                    format!("container {name} passes {} in environment; a secret there may be read by anyone allowed DescribeTaskDefinition (use secrets)", quoted(var)),
                ));
            }
        }
    }
    if runs_as_root(c.user.as_ref()) {
        out.push(Advice::new(
            "runs-as-root",
            format!("{path}.user"),
            format!("container {name} sets no non-root user; it may run as root"),
        ));
    }
    if c.readonly_root_filesystem != Some(Value::Bool(true)) {
        out.push(Advice::new(
            "writable-root-filesystem",
            format!("{path}.readonlyRootFilesystem"),
            format!("container {name} has a writable root file system, which may be tampered with"),
        ));
    }
    if c.privileged == Some(Value::Bool(true)) {
        out.push(Advice::new(
            "privileged",
            format!("{path}.privileged"),
            format!("container {name} is privileged: it may act as root on the host"),
        ));
    }
    if let Some(image) = &c.image {
        if mutable_tag(image) {
            out.push(Advice::new(
                "mutable-image-tag",
                format!("{path}.image"),
                format!(
                    "image {} has the tag latest or none; a new deployment may run different code",
                    quoted(image)
                ),
            ));
        }
    }
}

/// Whether a variable name looks like it holds a secret.
pub fn looks_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    SECRET_WORDS.iter().any(|w| upper.contains(w))
}

/// Whether `user` is absent or root (`root`, `0`, `root:…`, `0:…`), as ECS.20 fails it.
pub fn runs_as_root(user: Option<&Value>) -> bool {
    match user {
        None | Some(Value::Null) => true,
        Some(Value::String(u)) => {
            let who = u.split(':').next().unwrap_or("");
            who.is_empty() || who == "root" || who == "0"
        }
        Some(_) => false,
    }
}

/// Whether an image reference has no tag or `latest` (a digest `@sha256:…` is immutable).
pub fn mutable_tag(image: &str) -> bool {
    if image.contains('@') {
        return false;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    match last.rsplit_once(':') {
        None => true,
        Some((_, tag)) => tag == "latest",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taskdef::{parse_task_definition, task_needs};
    use std::collections::BTreeMap;

    /// A task definition that passes every rule; tests break one thing at a time.
    fn fixed() -> Value {
        serde_json::json!({
            "family": "web",
            "networkMode": "awsvpc",
            "requiresCompatibilities": ["EC2"],
            "cpu": "256", "memory": "512",
            "taskRoleArn": "arn:aws:iam::123456789012:role/app",
            "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            "containerDefinitions": [{
                "name": "app", "image": "nginx:1.27", "essential": true,
                "user": "1000", "readonlyRootFilesystem": true,
                "logConfiguration": {"logDriver": "awslogs"},
                "environment": [{"name": "MODE", "value": "prod"}],
                "healthCheck": {"command": ["CMD-SHELL", "true"]}
            }]
        })
    }

    fn rules(v: Value) -> Vec<&'static str> {
        let td = parse_task_definition(&v.to_string()).expect("parses");
        let reg = RegisteredTaskDefinition {
            family: "web".into(),
            revision: 1,
            needs: task_needs(&td),
            definition: td,
        };
        let images = BTreeMap::new();
        let tds = [reg];
        let inputs = Inputs {
            task_definitions: &tds,
            images: &images,
            services: &[],
            target_groups: &[],
        };
        check(inputs).into_iter().map(|a| a.rule).collect()
    }

    fn with(f: impl FnOnce(&mut Value)) -> Vec<&'static str> {
        let mut v = fixed();
        f(&mut v);
        rules(v)
    }

    #[test]
    fn the_fixed_task_definition_has_no_advice() {
        assert_eq!(rules(fixed()), Vec::<&str>::new());
    }

    #[test]
    fn ecs_9_no_log_configuration() {
        let r = with(|v| {
            v["containerDefinitions"][0]
                .as_object_mut()
                .map(|o| o.remove("logConfiguration"));
        });
        assert_eq!(r, ["no-log-configuration"]);
    }

    #[test]
    fn ecs_8_secret_looking_names_in_environment() {
        let r = with(|v| {
            v["containerDefinitions"][0]["environment"] = serde_json::json!([
                {"name": "DB_PASSWORD", "value": "x"},
                {"name": "AWS_SECRET_ACCESS_KEY", "value": "y"},
                {"name": "api_key", "value": "z"}
            ])
        });
        assert_eq!(r, ["secret-in-environment"; 3]);
    }

    #[test]
    fn ecs_20_no_user_or_root() {
        for user in [Value::Null, "root".into(), "0:0".into()] {
            let r = with(|v| v["containerDefinitions"][0]["user"] = user.clone());
            assert_eq!(r, ["runs-as-root"], "{user}");
        }
        assert!(!runs_as_root(Some(&"app:app".into())));
    }

    #[test]
    fn ecs_5_writable_root_filesystem() {
        let r = with(|v| v["containerDefinitions"][0]["readonlyRootFilesystem"] = false.into());
        assert_eq!(r, ["writable-root-filesystem"]);
    }

    #[test]
    fn ecs_4_privileged() {
        let r = with(|v| {
            v["networkMode"] = "bridge".into();
            v["containerDefinitions"][0]["privileged"] = true.into();
        });
        assert_eq!(r, ["not-awsvpc", "privileged"]);
    }

    #[test]
    fn ec2_without_cpu_and_memory_limits() {
        let r = with(|v| {
            let o = v.as_object_mut().expect("object");
            o.remove("cpu");
            o.remove("memory");
            v["containerDefinitions"][0]["memoryReservation"] = 256.into();
        });
        assert_eq!(r, ["no-resource-limits"]);
    }

    #[test]
    fn latest_or_no_tag() {
        assert_eq!(
            with(|v| v["containerDefinitions"][0]["image"] = "nginx".into()),
            ["mutable-image-tag"]
        );
        assert_eq!(
            with(|v| v["containerDefinitions"][0]["image"] = "localhost:5000/app:latest".into()),
            ["mutable-image-tag"]
        );
        assert!(!mutable_tag("localhost:5000/app:1.2"));
        assert!(!mutable_tag("app@sha256:abc"));
    }

    #[test]
    fn execution_role_equal_to_task_role() {
        let r = with(|v| v["executionRoleArn"] = v["taskRoleArn"].clone());
        assert_eq!(r, ["shared-task-and-execution-role"]);
    }

    #[test]
    fn no_container_health_check() {
        let r = with(|v| {
            v["containerDefinitions"][0]
                .as_object_mut()
                .map(|o| o.remove("healthCheck"));
        });
        assert_eq!(r, ["no-health-check"]);
    }
}
