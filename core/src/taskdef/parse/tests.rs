//! Both input shapes, exact error paths, and parsing that never panics.

use super::*;
use crate::taskdef::{validate, Compatibility, NetworkMode};
use proptest::prelude::*;

const REGISTER: &str = r#"{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3",
      "essential": true,
      "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http", "appProtocol": "http"}],
      "environment": [{"name": "MODE", "value": "prod"}],
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}},
      "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "interval": 10}
    },
    {
      "name": "sidecar",
      "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest",
      "essential": false,
      "mountPoints": [],
      "dependsOn": [{"containerName": "app", "condition": "HEALTHY"}]
    }
  ],
  "runtimePlatform": {"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"},
  "tags": [{"key": "team", "value": "platform"}]
}"#;

const DESCRIBE: &str = r#"{
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
        "containerDefinitions": [
            {
                "name": "app",
                "image": "nginx:1.27",
                "cpu": 0,
                "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
                "essential": true,
                "environment": [],
                "mountPoints": [],
                "volumesFrom": [],
                "systemControls": []
            }
        ],
        "family": "web",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "networkMode": "awsvpc",
        "revision": 7,
        "volumes": [],
        "status": "ACTIVE",
        "requiresAttributes": [
            {"name": "com.amazonaws.ecs.capability.docker-remote-api.1.18"},
            {"name": "ecs.capability.task-eni"}
        ],
        "placementConstraints": [],
        "compatibilities": ["EC2", "FARGATE"],
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "1024",
        "memory": "3072",
        "runtimePlatform": {"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"},
        "registeredAt": "2024-05-02T10:15:30.123000+00:00",
        "registeredBy": "arn:aws:sts::123456789012:assumed-role/Admin/alice",
        "deleteRequestedAt": "2024-06-02T10:15:30.123000+00:00"
    },
    "tags": [{"key": "env", "value": "dev"}]
}"#;

fn invalid(text: &str) -> Vec<Problem> {
    match parse_task_definition(text) {
        Err(TaskDefinitionError::Invalid(ps)) => ps,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn register_input_shape_parses_and_validates() {
    let td = parse_task_definition(REGISTER).unwrap();
    assert_eq!(td.family.as_deref(), Some("web"));
    assert_eq!(td.containers().len(), 2);
    assert!(td.requires(Compatibility::Fargate));
    assert_eq!(td.containers()[0].log_driver(), Some("awslogs"));
    assert_eq!(validate(&td), vec![]);
    let (_, shape) = task_definition_from_value(serde_json::from_str(REGISTER).unwrap()).unwrap();
    assert_eq!(shape, Shape::Register);
}

#[test]
fn describe_task_definition_output_strips_read_only_fields_and_keeps_tags() {
    let (td, shape) = task_definition_from_value(serde_json::from_str(DESCRIBE).unwrap()).unwrap();
    assert_eq!(shape, Shape::Describe);
    assert_eq!(td.network_mode, Some(NetworkMode::Awsvpc));
    assert_eq!(td.task_cpu_units(), Some(Ok(1024)));
    assert_eq!(td.task_memory_mib(), Some(Ok(3072)));
    assert_eq!(
        td.tags,
        Some(serde_json::json!([{"key": "env", "value": "dev"}]))
    );
    assert_eq!(validate(&td), vec![]);
    let out = serde_json::to_value(&td).unwrap();
    for key in READ_ONLY_KEYS {
        assert!(out.get(key).is_none(), "{key} must be stripped");
    }
}

#[test]
fn describe_shape_problem_paths_start_with_task_definition() {
    let text = DESCRIBE.replace("\"cpu\": 0,", "\"cpu\": \"zero\",");
    let ps = invalid(&text);
    assert_eq!(ps[0].path, "taskDefinition.containerDefinitions[0].cpu");
}

#[test]
fn wrong_type_reports_the_exact_json_path() {
    let text = REGISTER.replace(
        "\"essential\": false,",
        "\"essential\": false, \"memory\": \"lots\",",
    );
    let ps = invalid(&text);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].path, "containerDefinitions[1].memory");
    assert!(
        ps[0].message.contains("expected a whole number"),
        "{}",
        ps[0].message
    );
}

#[test]
fn unknown_parameter_is_rejected_as_ecs_does_with_the_cli_wording() {
    let text = REGISTER.replace("\"essential\": true,", "\"essental\": true,");
    let ps = invalid(&text);
    assert_eq!(ps[0].path, "containerDefinitions[0].essental");
    assert!(ps[0].message.starts_with(
        "Unknown parameter in containerDefinitions[0]: \"essental\", must be one of: name, image,"
    ));
    let ps = invalid(r#"{"family": "f", "revision": 3, "containerDefinitions": []}"#);
    assert_eq!(ps[0].path, "revision");
    assert!(ps[0]
        .message
        .contains("Unknown parameter in input: \"revision\""));
    assert!(ps[0].message.contains("read-only"));
}

#[test]
fn unknown_enum_value_names_the_field() {
    let ps = invalid(r#"{"family": "f", "networkMode": "nat", "containerDefinitions": []}"#);
    assert_eq!(ps[0].path, "networkMode");
    assert!(ps[0].message.contains("\"nat\""));
    assert!(ps[0].message.contains("awsvpc, bridge, host, none"));
    let ps = invalid(r#"{"family": "f", "requiresCompatibilities": ["EC2", "LAMBDA"]}"#);
    assert_eq!(ps[0].path, "requiresCompatibilities[1]");
}

#[test]
fn missing_required_parameter_uses_cli_wording() {
    let ps = invalid(
        r#"{"family": "f", "containerDefinitions": [{"name": "a", "dependsOn": [{"containerName": "b"}]}]}"#,
    );
    assert_eq!(ps[0].path, "containerDefinitions[0].dependsOn[0]");
    assert!(ps[0].message.contains("Missing required parameter"));
    assert!(ps[0].message.contains("\"condition\""));
}

#[test]
fn json_syntax_errors_carry_line_and_column() {
    match parse_task_definition("{\n  \"family\": \"f\",\n  oops\n}") {
        Err(TaskDefinitionError::Syntax {
            line,
            column,
            message,
        }) => {
            assert_eq!(line, 3);
            assert_eq!(column, 3);
            assert!(!message.contains(" at line "));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn input_over_1_mib_is_rejected_before_parsing() {
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    let ps = invalid(&text);
    assert!(ps[0].message.contains("1 MiB"));
}

#[test]
fn non_object_input_is_a_problem() {
    assert_eq!(invalid("[1, 2]")[0].path, "");
    assert_eq!(
        invalid(r#"{"taskDefinition": 3}"#)[0].path,
        "taskDefinition"
    );
}

/// API TaskDefinition.cpu and .memory are strings. The AWS CLI checks the type before it sends
/// anything (botocore's parameter validation), so a JSON number never reaches ECS.
#[test]
fn task_cpu_and_memory_must_be_json_strings_as_the_cli_checks() {
    let ps = invalid(r#"{"family": "f", "cpu": 512, "memory": 1024}"#);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert_eq!(ps[0].path, "cpu");
    assert_eq!(
        ps[0].message,
        "Parameter validation failed: Invalid type for parameter cpu, value: 512, type: <class 'int'>, valid types: <class 'str'>. Write it as a string: \"cpu\": \"512\""
    );
    assert_eq!(ps[1].path, "memory");
    assert!(ps[1].message.contains("value: 1024, type: <class 'int'>"));
    assert!(ps[1].message.ends_with("\"memory\": \"1024\""));
    // Every number is reported, with the other shape errors, as the CLI lists them all.
    let ps = invalid(r#"{"taskDefinition": {"family": "f", "cpu": 0.5, "bogus": 1}}"#);
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec!["taskDefinition.cpu", "taskDefinition.bogus"],
        "{ps:?}"
    );
    assert!(ps[0].message.contains("value: 0.5, type: <class 'float'>"));
    // The strings the API accepts still parse.
    let td =
        parse_task_definition(r#"{"family": "f", "cpu": "1 vCPU", "memory": "2 GB"}"#).unwrap();
    assert_eq!(td.task_cpu_units(), Some(Ok(1024)));
    assert_eq!(td.task_memory_mib(), Some(Ok(2048)));
    let td = parse_task_definition(r#"{"family": "f", "cpu": "1024", "memory": "2048"}"#).unwrap();
    assert_eq!(td.task_cpu_units(), Some(Ok(1024)));
    assert_eq!(td.task_memory_mib(), Some(Ok(2048)));
}

#[test]
fn round_trip_parse_serialize_parse_is_equal_and_keeps_keys() {
    for text in [REGISTER, DESCRIBE] {
        let td = parse_task_definition(text).unwrap();
        let again = serde_json::to_string(&td).unwrap();
        assert_eq!(parse_task_definition(&again).unwrap(), td);
    }
    let original: serde_json::Value = serde_json::from_str(REGISTER).unwrap();
    let td = parse_task_definition(REGISTER).unwrap();
    assert_eq!(serde_json::to_value(&td).unwrap(), original);
}

/// Small edits of a valid document: each keeps most of it but breaks something.
fn mutate(text: &str, at: usize, kind: u8, byte: u8) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let at = at % (bytes.len() + 1);
    match kind % 3 {
        0 if at < bytes.len() => {
            bytes.remove(at);
        }
        1 => bytes.insert(at, byte),
        _ if at < bytes.len() => bytes[at] = byte,
        _ => {}
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #[test]
    fn parse_never_panics_on_arbitrary_strings(s in ".{0,400}") {
        if let Ok(td) = parse_task_definition(&s) {
            let _ = validate(&td);
        }
    }

    #[test]
    fn parse_and_validate_never_panic_on_mutated_documents(
        edits in proptest::collection::vec((0usize..4000, 0u8..3, 0x20u8..0x7f), 1..6),
        describe in any::<bool>(),
    ) {
        let mut text = if describe { DESCRIBE.to_string() } else { REGISTER.to_string() };
        for (at, kind, byte) in edits {
            text = mutate(&text, at, kind, byte);
        }
        if let Ok(td) = parse_task_definition(&text) {
            let _ = validate(&td);
            let _ = (td.cpu_units_reserved(), td.memory_reserved_mib(), td.static_host_ports());
        }
    }

    #[test]
    fn parse_never_panics_on_json_values_in_any_field(n in any::<i64>(), key in 0usize..18) {
        let k = crate::taskdef::TASK_DEFINITION_KEYS[key];
        let text = format!(r#"{{"family": "f", "{k}": {n}, "containerDefinitions": [{{"name": "a", "memory": {n}, "cpu": {n}, "portMappings": [{{"containerPort": {n}, "hostPort": {n}}}], "healthCheck": {{"command": ["CMD"], "interval": {n}}}}}]}}"#);
        if let Ok(td) = parse_task_definition(&text) {
            let _ = validate(&td);
            let _ = (td.cpu_units_reserved(), td.memory_reserved_mib(), td.static_host_ports(), td.dynamic_port_count());
        }
    }
}

/// API KeyValuePair (a container's `environment`): `name` and `value` are strings; the AWS CLI
/// refuses `"value": 1` or `true` before sending anything, as it does a numeric task `cpu`.
#[test]
fn environment_names_and_values_must_be_json_strings_as_the_cli_checks() {
    let ps = invalid(
        r#"{"family": "f", "containerDefinitions": [{"name": "app", "image": "x", "memory": 64,
            "environment": [{"name": "PORT", "value": 8080}, {"name": "DEBUG", "value": true},
                            {"name": "OK", "value": "1"}]}]}"#,
    );
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "containerDefinitions[0].environment[0].value",
            "containerDefinitions[0].environment[1].value"
        ],
        "{ps:?}"
    );
    assert_eq!(
        ps[0].message,
        "Parameter validation failed: Invalid type for parameter containerDefinitions[0].environment[0].value, value: 8080, type: <class 'int'>, valid types: <class 'str'>. Write it as a string: \"value\": \"8080\""
    );
    assert!(ps[1].message.contains("value: True, type: <class 'bool'>"));
}
