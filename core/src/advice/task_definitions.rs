//! Static rules on task definitions and their containers (Security Hub ECS.4, ECS.5, ECS.8,
//! ECS.9, ECS.17, ECS.20 and the Developer Guide's security and image best practices). Each
//! says what *may* go wrong.

use super::{quoted, Advice, Inputs};
use crate::taskdef::{Compatibility, ContainerDefinition, NetworkMode, RegisteredTaskDefinition};
use serde_json::Value;

/// Words of a variable name (split at anything but letters and digits) that suggest a secret,
/// alone or at the end of a word (`DBPASSWORD`, `GITHUBTOKEN`). ECS.8 checks only
/// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA; the simulator is
/// stricter, and says so.
pub const SECRET_WORDS: [&str; 5] = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY"];

/// Pairs of words that name a key (`API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`).
pub const SECRET_PAIRS: [(&str, &str); 3] = [("API", "KEY"), ("PRIVATE", "KEY"), ("ACCESS", "KEY")];

/// A last word that says the variable holds where or how long, not the secret itself
/// (`DB_PASSWORD_SECRET_ARN`, `PRIVATE_KEY_PATH`, `TOKEN_TTL_SECONDS`): fetching a secret by
/// its ARN or path is the recommended pattern.
pub const NOT_A_SECRET_LAST_WORDS: [&str; 12] = [
    "ARN", "PATH", "FILE", "URL", "URI", "ENDPOINT", "NAME", "ID", "TTL", "SECONDS", "REGION",
    "LENGTH",
];

/// Every task definition finding, in document order.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = Vec::new();
    // ECS Anywhere runs bridge, host or none, never awsvpc (DG ecs-anywhere): the task
    // definitions its services run are not told to use awsvpc.
    let on_external: std::collections::BTreeSet<usize> = inputs
        .services
        .iter()
        .filter(|s| matches!(s.launch, crate::cluster::LaunchTarget::External))
        .map(|s| s.task_definition)
        .collect();
    // A service behind a target group written as `instance`: its tasks cannot be awsvpc without
    // a new target group (ECS refuses the pair), so the advice says what awsvpc also needs
    // (lesson 2's student read "awsvpc may do" beside ECS refusing awsvpc: walkthrough
    // 2026-12-06). By revision: the target group's name.
    let instance_targets: std::collections::BTreeMap<usize, &str> = inputs
        .services
        .iter()
        .filter_map(|s| {
            let g = inputs
                .target_groups
                .get(s.load_balancer.as_ref()?.target_group)?;
            (g.ip_targets == Some(false)).then_some((s.task_definition, g.name.as_str()))
        })
        .collect();
    let judged = judged_revisions(&inputs);
    for (i, td) in inputs.task_definitions.iter().enumerate() {
        if !judged.contains(&i) {
            continue;
        }
        let path = format!("taskDefinitions[{i}]");
        let external = on_external.contains(&i) || td.definition.requires(Compatibility::External);
        definition_rules(
            td,
            &path,
            external,
            instance_targets.get(&i).copied(),
            &mut out,
        );
        let windows = crate::taskdef::runtime_platform::is_windows(&td.definition);
        for (j, c) in td.definition.containers().iter().enumerate() {
            container_rules(
                c,
                &format!("{path}.containerDefinitions[{j}]"),
                windows,
                &mut out,
            );
        }
    }
    out
}

/// The revisions the static rules judge: each family's latest revision, as AWS Config's ECS
/// rules behind Security Hub do ("This rule only evaluates the latest active revision of an
/// Amazon ECS task definition", e.g. Config *ecs-containers-nonprivileged*), and any other a
/// service or a RunTask (a standalone task) runs. Every revision was judged, so a family
/// registered three times said the same thing three times about revisions nothing ran (editor
/// walkthrough, 2026-12-05).
fn judged_revisions(inputs: &Inputs<'_>) -> std::collections::BTreeSet<usize> {
    let mut latest: std::collections::BTreeMap<&str, (u32, usize)> = Default::default();
    for (i, td) in inputs.task_definitions.iter().enumerate() {
        let e = latest.entry(td.family.as_str()).or_insert((td.revision, i));
        if td.revision >= e.0 {
            *e = (td.revision, i);
        }
    }
    latest
        .into_values()
        .map(|(_, i)| i)
        .chain(inputs.services.iter().map(|s| s.task_definition))
        .chain(inputs.run_tasks.iter().map(|t| t.task_definition))
        .collect()
}

fn definition_rules(
    td: &RegisteredTaskDefinition,
    path: &str,
    external: bool,
    instance_target_group: Option<&str>,
    out: &mut Vec<Advice>,
) {
    let def = &td.definition;
    let name = quoted(&td.name());
    // `links` work only in bridge mode (API ContainerDefinition links: "only supported if the
    // network mode of a task definition is bridge"): that is the specific need, and advice to
    // switch led to a refused definition (engineer walkthrough, 2026-12-06).
    let links = def.containers().iter().any(|c| {
        c.links
            .as_ref()
            .and_then(serde_json::Value::as_array)
            .is_some_and(|l| !l.is_empty())
    });
    match def.effective_network_mode() {
        NetworkMode::Bridge if links => {}
        NetworkMode::Bridge | NetworkMode::Host if !external => {
            let mode = if def.effective_network_mode() == NetworkMode::Host {
                "host"
            } else {
                "bridge"
            };
            let also = instance_target_group.map_or(String::new(), |g| {
                format!(
                    "; its service's target group {} is of type instance, and awsvpc tasks need one of type ip",
                    quoted(g)
                )
            });
            out.push(Advice::new(
                "not-awsvpc",
                format!("{path}.networkMode"),
                format!("{name} uses {mode} network mode; awsvpc may do (AWS recommends it unless you need another mode){also}"),
            ));
        }
        NetworkMode::Bridge | NetworkMode::Host | NetworkMode::Awsvpc | NetworkMode::None => {}
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
    // Bridge and host take host ports on the instance, where the agent reserves some for good.
    if !external {
        reserved_host_ports(def, path, &name, out);
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

/// A host port every container instance reserves (SSH 22, Docker 2375 and 2376, the agent's
/// 51678–51680: DG *container-instance*, `ECS_RESERVED_PORTS`): no instance can ever place the
/// task, and the service waits with "already using a port required by your task" though
/// nothing runs there (an engineer's `hostPort` 22 validated and never ran: engineers' probe,
/// 27th session). In host mode the container port is the host port.
fn reserved_host_ports(
    def: &crate::taskdef::TaskDefinition,
    path: &str,
    name: &str,
    out: &mut Vec<Advice>,
) {
    for (j, c) in def.containers().iter().enumerate() {
        for (k, m) in c.port_mappings.iter().flatten().enumerate() {
            // The port placement takes (`TaskDefinition::static_host_port`): none in awsvpc.
            let Some(port) = def.static_host_port(m) else {
                continue;
            };
            if crate::catalog::ports::is_reserved(port) {
                out.push(Advice::new(
                    "reserved-host-port",
                    format!("{path}.containerDefinitions[{j}].portMappings[{k}]"),
                    format!("{name} maps host port {port}, which every container instance reserves (22, 2375, 2376, 51678–51680): no instance can place its tasks"),
                ));
            }
        }
    }
}

/// `windows`: the task definition's `runtimePlatform` is a Windows family, where
/// `readonlyRootFilesystem` is not supported (API ContainerDefinition) and ECS.20 (a Linux
/// user) does not apply.
fn container_rules(c: &ContainerDefinition, path: &str, windows: bool, out: &mut Vec<Advice>) {
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
    if !windows && runs_as_root(c.user.as_ref()) {
        out.push(Advice::new(
            "runs-as-root",
            format!("{path}.user"),
            format!("container {name} sets no non-root user; it may run as root"),
        ));
    }
    if !windows && c.readonly_root_filesystem != Some(Value::Bool(true)) {
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

/// Whether a variable name looks like it holds a secret: a secret word alone or ending a word,
/// or a key pair, unless the last word says it holds a reference or a setting.
pub fn looks_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .last()
        .is_some_and(|last| NOT_A_SECRET_LAST_WORDS.contains(last))
    {
        return false;
    }
    let word = words
        .iter()
        .any(|w| SECRET_WORDS.iter().any(|s| w.ends_with(s)));
    let pair = words
        .windows(2)
        .any(|p| SECRET_PAIRS.contains(&(p[0], p[1])));
    word || pair || upper == "ECS_ENGINE_AUTH_DATA"
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
        Some((_, tag)) => tag.eq_ignore_ascii_case("latest"),
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
            definition_constraints: &[],
            images: &images,
            services: &[],
            target_groups: &[],
            asgs: &[],
            run_tasks: &[],
            traffic: &[],
            clusters_registering: &std::collections::BTreeSet::new(),
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
    fn ecs_8_references_and_settings_are_not_secrets() {
        // A secret's ARN or path in environment is how an application fetches it itself; a
        // token count or lifetime is a setting (review, 2026-12-05).
        for name in [
            "DB_PASSWORD_SECRET_ARN",
            "TOKEN_TTL_SECONDS",
            "MAX_TOKENS",
            "SECRETS_MANAGER_ENDPOINT",
            "PRIVATE_KEY_PATH",
        ] {
            assert!(!looks_secret(name), "{name}");
        }
        for name in [
            "GITHUB_TOKEN",
            "dbPassword",
            "apiKey",
            "ECS_ENGINE_AUTH_DATA",
            "AWS_SECRET_ACCESS_KEY",
        ] {
            assert!(looks_secret(name), "{name}");
        }
    }

    #[test]
    fn windows_containers_are_not_told_of_a_linux_user_or_a_read_only_root() {
        // API ContainerDefinition: readonlyRootFilesystem "is not supported for Windows
        // containers"; ECS.20 checks Linux containers' user.
        let r = with(|v| {
            v["runtimePlatform"] = serde_json::json!({"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"});
            let c = &mut v["containerDefinitions"][0];
            c.as_object_mut().map(|o| o.remove("user"));
            c["readonlyRootFilesystem"] = false.into();
        });
        assert_eq!(r, Vec::<&str>::new());
    }

    #[test]
    fn bridge_definitions_with_links_are_not_told_to_use_awsvpc_api_container_definition_links() {
        // links are "only supported if the network mode of a task definition is bridge": the
        // advice to switch led to a refused definition (the DG's WordPress example).
        let r = with(|v| {
            v["networkMode"] = "bridge".into();
            v["containerDefinitions"][0]["links"] = serde_json::json!(["mysql"]);
        });
        assert_eq!(r, Vec::<&str>::new());
        // No links (or an empty list): the advice stands.
        let r = with(|v| {
            v["networkMode"] = "bridge".into();
            v["containerDefinitions"][0]["links"] = serde_json::json!([]);
        });
        assert_eq!(r, ["not-awsvpc"]);
    }

    #[test]
    fn ecs_anywhere_task_definitions_are_not_told_to_use_awsvpc() {
        // DG ecs-anywhere: EXTERNAL supports bridge, host and none.
        let r = with(|v| {
            v["networkMode"] = "bridge".into();
            v["requiresCompatibilities"] = serde_json::json!(["EXTERNAL"]);
        });
        assert_eq!(r, Vec::<&str>::new());
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
        assert!(mutable_tag("app:LATEST"));
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
