//! One test per registration rule, named after the rule.

use super::validate;
use crate::problem::Problem;
use crate::taskdef::parse_task_definition;
use serde_json::{json, Value};

fn problems(v: Value) -> Vec<Problem> {
    let td = parse_task_definition(&v.to_string()).unwrap();
    validate(&td)
}

fn has(ps: &[Problem], path: &str, needle: &str) -> bool {
    ps.iter()
        .any(|p| p.path == path && p.message.contains(needle))
}

fn fargate(containers: Value) -> Value {
    json!({
        "family": "web",
        "requiresCompatibilities": ["FARGATE"],
        "networkMode": "awsvpc",
        "cpu": "256",
        "memory": "512",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "containerDefinitions": containers
    })
}

fn ec2(containers: Value) -> Value {
    json!({ "family": "web", "containerDefinitions": containers })
}

#[test]
fn valid_fargate_and_ec2_definitions_have_no_problems() {
    assert_eq!(
        problems(fargate(json!([{"name": "app", "image": "nginx"}]))),
        vec![]
    );
    assert_eq!(
        problems(ec2(json!([{"name": "app", "image": "nginx", "memory": 256,
            "portMappings": [{"containerPort": 80, "hostPort": 0}]}]))),
        vec![]
    );
}

#[test]
fn family_is_required_and_limited_to_letters_digits_hyphens_underscores() {
    let ps = problems(json!({"containerDefinitions": [{"name": "a", "image": "i", "memory": 64}]}));
    assert!(has(&ps, "family", "null or empty"));
    let ps = problems(
        json!({"family": "bad name!", "containerDefinitions": [{"name": "a", "image": "i", "memory": 64}]}),
    );
    assert!(has(&ps, "family", "255 letters"));
    let long = "a".repeat(256);
    let ps = problems(
        json!({"family": long, "containerDefinitions": [{"name": "a", "image": "i", "memory": 64}]}),
    );
    assert!(has(&ps, "family", "255 letters"));
}

#[test]
fn container_list_cannot_be_empty() {
    let ps = problems(json!({"family": "f", "containerDefinitions": []}));
    assert!(has(
        &ps,
        "containerDefinitions",
        "Container list cannot be empty."
    ));
}

#[test]
fn at_most_ten_containers_per_task_definition() {
    let cs: Vec<Value> = (0..11)
        .map(|i| json!({"name": format!("c{i}"), "image": "i", "memory": 64}))
        .collect();
    let ps = problems(ec2(Value::Array(cs)));
    assert!(has(&ps, "containerDefinitions", "at most 10"));
}

#[test]
fn container_names_are_required_valid_and_unique() {
    let ps = problems(ec2(json!([
        {"image": "i", "memory": 64},
        {"name": "a.b", "image": "i", "memory": 64},
        {"name": "x", "image": "i", "memory": 64},
        {"name": "x", "image": "i", "memory": 64}
    ])));
    assert!(has(
        &ps,
        "containerDefinitions[0].name",
        "Container.name should not be null or empty."
    ));
    assert!(has(&ps, "containerDefinitions[1].name", "255 letters"));
    assert!(has(
        &ps,
        "containerDefinitions[3].name",
        "Duplicate container name 'x'"
    ));
}

#[test]
fn container_image_is_required() {
    let ps = problems(ec2(json!([{"name": "a", "memory": 64}])));
    assert!(has(
        &ps,
        "containerDefinitions[0].image",
        "Container.image should not be null or empty."
    ));
}

#[test]
fn fargate_only_supports_awsvpc_network_mode() {
    let mut td = fargate(json!([{"name": "a", "image": "i"}]));
    td["networkMode"] = json!("bridge");
    assert!(has(
        &problems(td.clone()),
        "networkMode",
        "Fargate only supports network mode"
    ));
    td.as_object_mut().unwrap().remove("networkMode");
    assert!(has(
        &problems(td),
        "networkMode",
        "Fargate only supports network mode"
    ));
}

#[test]
fn fargate_requires_task_level_cpu_and_memory() {
    let mut td = fargate(json!([{"name": "a", "image": "i"}]));
    td.as_object_mut().unwrap().remove("cpu");
    td.as_object_mut().unwrap().remove("memory");
    let ps = problems(td);
    assert!(has(
        &ps,
        "cpu",
        "Fargate requires that 'cpu' be defined at the task level."
    ));
    assert!(has(
        &ps,
        "memory",
        "Fargate requires that 'memory' be defined at the task level."
    ));
}

#[test]
fn fargate_cpu_memory_pair_must_be_in_the_table() {
    let mut td = fargate(json!([{"name": "a", "image": "i"}]));
    td["cpu"] = json!("1 vCPU");
    td["memory"] = json!("1 GB");
    let ps = problems(td.clone());
    assert!(has(
        &ps,
        "memory",
        "Invalid 'cpu' setting for task. No Fargate configuration exists for given values: 1024 CPU, 1024 memory. With 1024 CPU units the memory is 2048, 3072, 4096, 5120, 6144, 7168 or 8192 MiB."
    ));
    td["memory"] = json!("2GB");
    assert_eq!(problems(td.clone()), vec![]);
    // DG task-cpu-memory-error's table: 2 vCPU takes 4 to 16 GB in 1 GB steps.
    td["cpu"] = json!("2 vCPU");
    td["memory"] = json!("20 GB");
    assert!(has(
        &problems(td.clone()),
        "memory",
        "With 2048 CPU units the memory is 4096 to 16384 MiB in steps of 1024."
    ));
    // A cpu that is no Fargate size is the value to change (the walkthrough's "3 vCPU").
    td["cpu"] = json!("3 vCPU");
    td["memory"] = json!("6 GB");
    assert!(has(
        &problems(td),
        "cpu",
        "Invalid 'cpu' setting for task. No Fargate configuration exists for 3072 CPU units: Fargate takes 256, 512, 1024, 2048, 4096, 8192 or 16384 (.25 to 16 vCPU)."
    ));
}

#[test]
fn task_cpu_and_memory_strings_must_parse() {
    let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
    td["cpu"] = json!("lots");
    td["memory"] = json!("2 TB");
    let ps = problems(td);
    assert!(has(&ps, "cpu", "Invalid 'cpu' setting for task."));
    assert!(has(&ps, "memory", "Invalid 'memory' setting for task."));
}

#[test]
fn external_supports_bridge_host_none_not_awsvpc() {
    let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
    td["requiresCompatibilities"] = json!(["EXTERNAL"]);
    assert_eq!(problems(td.clone()), vec![]);
    td["networkMode"] = json!("awsvpc");
    assert!(has(&problems(td), "networkMode", "EXTERNAL"));
}

#[test]
fn without_task_memory_each_container_needs_memory_or_memory_reservation() {
    let ps = problems(ec2(json!([{"name": "a", "image": "i"}])));
    assert!(has(
        &ps,
        "containerDefinitions[0]",
        "At least one of 'memory' or 'memoryReservation' must be specified."
    ));
    let mut td = ec2(json!([{"name": "a", "image": "i"}]));
    td["memory"] = json!("512");
    assert_eq!(problems(td), vec![]);
}

#[test]
fn memory_reservation_must_not_exceed_memory_but_may_equal_it() {
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 128, "memoryReservation": 256}]),
    ));
    assert!(has(
        &ps,
        "containerDefinitions[0].memoryReservation",
        "must not be greater than 'memory'"
    ));
    assert_eq!(
        problems(ec2(
            json!([{"name": "a", "image": "i", "memory": 128, "memoryReservation": 128}])
        )),
        vec![]
    );
}

#[test]
fn container_memory_at_least_6_mib() {
    let ps = problems(ec2(json!([{"name": "a", "image": "i", "memory": 4}])));
    assert!(has(&ps, "containerDefinitions[0].memory", "6 MiB"));
}

#[test]
fn container_memory_not_above_task_memory_and_reservations_fit() {
    let mut td = ec2(json!([
        {"name": "a", "image": "i", "memory": 1024},
        {"name": "b", "image": "i", "memoryReservation": 300}
    ]));
    td["memory"] = json!("512");
    let ps = problems(td);
    assert!(has(
        &ps,
        "containerDefinitions[0].memory",
        "The 'memory' setting for container 'a' is greater than for the task (1024 MiB for the container, 512 MiB for the task)."
    ));
    let mut td = ec2(json!([
        {"name": "a", "image": "i", "memoryReservation": 300},
        {"name": "b", "image": "i", "memoryReservation": 300}
    ]));
    td["memory"] = json!("512");
    assert!(has(
        &problems(td),
        "memory",
        "The sum of all container 'memoryReservation' values"
    ));
}

/// One cause, one message: a container `memory` above the task's memory is reported at the
/// container, and does not also count towards a `memoryReservation` sum the user never wrote.
#[test]
fn container_memory_above_task_memory_is_not_also_a_reservation_sum() {
    let mut td = ec2(json!([
        {"name": "a", "image": "i", "memory": 1024},
        {"name": "b", "image": "i", "memoryReservation": 300}
    ]));
    td["memory"] = json!("512");
    let ps = problems(td);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].path, "containerDefinitions[0].memory");
}

#[test]
fn container_cpu_sum_not_above_task_cpu() {
    let mut td = fargate(json!([
        {"name": "a", "image": "i", "cpu": 200},
        {"name": "b", "image": "i", "cpu": 100}
    ]));
    let ps = problems(td.clone());
    assert!(has(&ps, "cpu", "The sum of all container 'cpu' values"));
    td["containerDefinitions"][1]["cpu"] = json!(56);
    assert_eq!(problems(td), vec![]);
}

#[test]
fn task_needs_at_least_one_essential_container_and_essential_defaults_true() {
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "essential": false}]),
    ));
    assert!(has(
        &ps,
        "containerDefinitions",
        "doesn't have any essential container"
    ));
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "essential": false},
                                  {"name": "b", "image": "i", "memory": 64}]),
    ));
    assert_eq!(ps, vec![]);
}

#[test]
fn depends_on_target_must_exist_and_not_be_itself() {
    let ps = problems(ec2(json!([{"name": "a", "image": "i", "memory": 64,
        "dependsOn": [{"containerName": "ghost", "condition": "START"},
                      {"containerName": "a", "condition": "START"}]}])));
    assert!(has(
        &ps,
        "containerDefinitions[0].dependsOn[0].containerName",
        "does not exist"
    ));
    assert!(has(
        &ps,
        "containerDefinitions[0].dependsOn[1].containerName",
        "cannot depend on itself"
    ));
}

#[test]
fn depends_on_healthy_requires_target_health_check() {
    let ps = problems(ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "dependsOn": [{"containerName": "b", "condition": "HEALTHY"}]},
        {"name": "b", "image": "i", "memory": 64}
    ])));
    assert!(has(
        &ps,
        "containerDefinitions[0].dependsOn[0].condition",
        "healthCheck"
    ));
}

#[test]
fn depends_on_complete_or_success_target_must_not_be_essential() {
    let td = ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "dependsOn": [{"containerName": "b", "condition": "SUCCESS"}]},
        {"name": "b", "image": "i", "memory": 64}
    ]));
    let ps = problems(td.clone());
    assert!(has(
        &ps,
        "containerDefinitions[0].dependsOn[0].condition",
        "cannot be an essential container"
    ));
    let mut ok = td;
    ok["containerDefinitions"][1]["essential"] = json!(false);
    assert_eq!(problems(ok), vec![]);
}

#[test]
fn depends_on_unknown_condition_is_a_problem_at_its_path() {
    let text = ec2(json!([{"name": "a", "image": "i", "memory": 64,
        "dependsOn": [{"containerName": "a", "condition": "READY"}]}]))
    .to_string();
    match parse_task_definition(&text) {
        Err(crate::taskdef::TaskDefinitionError::Invalid(ps)) => {
            assert_eq!(ps[0].path, "containerDefinitions[0].dependsOn[0].condition");
            assert!(
                ps[0].message.contains("START, COMPLETE, SUCCESS, HEALTHY"),
                "{}",
                ps[0].message
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn depends_on_cycles_are_reported_once_with_the_cycle() {
    let ps = problems(ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "dependsOn": [{"containerName": "b", "condition": "START"}]},
        {"name": "b", "image": "i", "memory": 64, "dependsOn": [{"containerName": "c", "condition": "START"}]},
        {"name": "c", "image": "i", "memory": 64, "dependsOn": [{"containerName": "a", "condition": "START"}]}
    ])));
    let cycles: Vec<_> = ps
        .iter()
        .filter(|p| p.message.contains("Circular"))
        .collect();
    assert_eq!(cycles.len(), 1, "{ps:?}");
    assert_eq!(cycles[0].path, "containerDefinitions[2].dependsOn[0]");
    assert!(cycles[0].message.contains("a -> b -> c -> a"));
}

#[test]
fn health_check_bounds_interval_timeout_retries_start_period() {
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "healthCheck": {
        "command": ["CMD-SHELL", "true"], "interval": 4, "timeout": 61, "retries": 0, "startPeriod": 301}}]),
    ));
    for key in ["interval", "timeout", "retries", "startPeriod"] {
        assert!(
            has(
                &ps,
                &format!("containerDefinitions[0].healthCheck.{key}"),
                "must be between"
            ),
            "{key}"
        );
    }
    let ok = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "healthCheck": {
        "command": ["CMD", "true"], "interval": 5, "timeout": 60, "retries": 10, "startPeriod": 0}}]),
    ));
    assert_eq!(ok, vec![]);
}

#[test]
fn health_check_command_must_start_with_cmd_or_cmd_shell() {
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "healthCheck": {"command": ["curl", "x"]}},
                                  {"name": "b", "image": "i", "memory": 64, "healthCheck": {"command": []}}]),
    ));
    assert!(has(
        &ps,
        "containerDefinitions[0].healthCheck.command[0]",
        "CMD"
    ));
    assert!(has(
        &ps,
        "containerDefinitions[1].healthCheck.command",
        "must not be empty"
    ));
}

#[test]
fn port_mappings_not_allowed_with_network_mode_none() {
    let mut td = ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "portMappings": [{"containerPort": 80}]}]),
    );
    td["networkMode"] = json!("none");
    assert!(has(
        &problems(td),
        "containerDefinitions[0].portMappings",
        "networkMode=none"
    ));
}

#[test]
fn awsvpc_and_host_host_port_must_equal_container_port() {
    for mode in ["awsvpc", "host"] {
        let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64,
            "portMappings": [{"containerPort": 80, "hostPort": 8080}, {"containerPort": 81, "hostPort": 81}, {"containerPort": 82}]}]));
        td["networkMode"] = json!(mode);
        let ps = problems(td);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(has(
            &ps,
            "containerDefinitions[0].portMappings[0].hostPort",
            "must match"
        ));
    }
}

#[test]
fn ports_must_be_in_range() {
    let ps = problems(ec2(json!([{"name": "a", "image": "i", "memory": 64,
        "portMappings": [{"containerPort": 0}, {"containerPort": 80, "hostPort": 70000}]}])));
    assert!(has(
        &ps,
        "containerDefinitions[0].portMappings[0].containerPort",
        "between 1 and 65535"
    ));
    assert!(has(
        &ps,
        "containerDefinitions[0].portMappings[1].hostPort",
        "between 0 and 65535"
    ));
}

#[test]
fn duplicate_container_port_and_protocol_in_shared_namespace() {
    let mut td = ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "portMappings": [{"containerPort": 80}, {"containerPort": 80, "protocol": "udp"}]},
        {"name": "b", "image": "i", "memory": 64, "portMappings": [{"containerPort": 80, "protocol": "tcp"}]}
    ]));
    td["networkMode"] = json!("awsvpc");
    let ps = problems(td.clone());
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[1].portMappings[0].containerPort",
        "Duplicate port mapping: 80/tcp"
    ));
    // In bridge mode each container has its own network namespace.
    td["networkMode"] = json!("bridge");
    assert_eq!(problems(td), vec![]);
}

#[test]
fn bridge_duplicate_static_host_port_across_containers() {
    let ps = problems(ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "portMappings": [{"containerPort": 80, "hostPort": 8080}]},
        {"name": "b", "image": "i", "memory": 64, "portMappings": [{"containerPort": 81, "hostPort": 8080},
                                                                   {"containerPort": 82, "hostPort": 0},
                                                                   {"containerPort": 83, "hostPort": 0}]}
    ])));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[1].portMappings[0].hostPort",
        "Duplicate host port: 8080/tcp"
    ));
}

#[test]
fn fargate_awslogs_needs_execution_role() {
    let mut td = fargate(
        json!([{"name": "a", "image": "nginx", "logConfiguration": {"logDriver": "awslogs",
        "options": {"awslogs-group": "/ecs/web"}}}]),
    );
    td.as_object_mut().unwrap().remove("executionRoleArn");
    let ps = problems(td);
    assert!(has(&ps, "containerDefinitions[0].logConfiguration.logDriver",
        "Fargate requires task definition to have execution role ARN to support log driver awslogs."));
}

#[test]
fn fargate_private_ecr_image_needs_execution_role() {
    let mut td = fargate(
        json!([{"name": "a", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1"},
                                {"name": "b", "image": "public.ecr.aws/nginx/nginx:latest", "essential": false}]),
    );
    td.as_object_mut().unwrap().remove("executionRoleArn");
    let ps = problems(td);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[0].image",
        "to support ECR images."
    ));
}

#[test]
fn gpu_resource_requirements_not_on_fargate() {
    let ps = problems(fargate(json!([{"name": "a", "image": "i",
        "resourceRequirements": [{"type": "GPU", "value": "1"}]}])));
    assert!(has(
        &ps,
        "containerDefinitions[0].resourceRequirements[0]",
        "GPU"
    ));
}

#[test]
fn fargate_stop_timeout_at_most_120_seconds() {
    let ps = problems(fargate(
        json!([{"name": "a", "image": "i", "stopTimeout": 121}]),
    ));
    assert!(has(&ps, "containerDefinitions[0].stopTimeout", "120"));
}

#[test]
fn task_definition_size_at_most_64_kib() {
    let big = "x".repeat(70 * 1024);
    let ps = problems(ec2(
        json!([{"name": "a", "image": "i", "memory": 64, "command": [big]}]),
    ));
    assert!(has(&ps, "", "64 KiB"));
}

#[test]
fn all_problems_are_returned_in_document_order() {
    let ps = problems(json!({
        "requiresCompatibilities": ["FARGATE"],
        "containerDefinitions": [
            {"name": "a", "healthCheck": {"command": ["CMD", "x"], "interval": 1}},
            {"name": "a", "memory": 2}
        ]
    }));
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "family",
            "networkMode",
            "containerDefinitions[0]",
            "containerDefinitions[0].image",
            "containerDefinitions[0].healthCheck.interval",
            "containerDefinitions[1].name",
            "containerDefinitions[1].image",
            "containerDefinitions[1].memory",
            "cpu",
            "memory",
        ]
    );
}

/// DG task_execution_IAM_role: a task definition that references Secrets Manager secrets or
/// Systems Manager parameters needs the task execution role (the text is ECS's observed one).
#[test]
fn secrets_need_execution_role_arn() {
    let secrets = json!([{"name": "DB_PASSWORD",
        "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db-password"}]);
    let ps = problems(ec2(json!([
        {"name": "a", "image": "i", "memory": 64},
        {"name": "b", "image": "i", "memory": 64, "secrets": secrets}
    ])));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[1].secrets",
        "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."
    ));
    let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64, "secrets": secrets}]));
    td["executionRoleArn"] = json!("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
    assert_eq!(problems(td), vec![]);
    // An empty list asks for no secret.
    assert_eq!(
        problems(ec2(
            json!([{"name": "a", "image": "i", "memory": 64, "secrets": []}])
        )),
        vec![]
    );
}

/// DG secrets-logconfig: the log driver's secretOptions are Secrets Manager or Parameter Store
/// references, which the task execution role fetches (DG task_execution_IAM_role).
#[test]
fn log_secret_options_need_execution_role_arn() {
    let log = json!({"logDriver": "splunk", "options": {"splunk-url": "https://splunk:8088"},
        "secretOptions": [{"name": "splunk-token",
            "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:splunk-AbCdEf"}]});
    let ps = problems(ec2(json!([
        {"name": "a", "image": "i", "memory": 64, "logConfiguration": log}
    ])));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[0].logConfiguration.secretOptions",
        "When you are specifying log configuration secret options, you must also specify a value for 'executionRoleArn'."
    ));
    // With the role, or with no secret option, it registers.
    let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64, "logConfiguration": log}]));
    td["executionRoleArn"] = json!("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
    assert_eq!(problems(td), vec![]);
    let empty = json!({"logDriver": "splunk", "secretOptions": []});
    assert_eq!(
        problems(ec2(
            json!([{"name": "a", "image": "i", "memory": 64, "logConfiguration": empty}])
        )),
        vec![]
    );
}

/// DG task_execution_IAM_role ("uses private registry authentication"): repositoryCredentials
/// need the task execution role too.
#[test]
fn repository_credentials_need_execution_role_arn() {
    let creds = json!({"credentialsParameter":
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds"});
    let mut td = fargate(
        json!([{"name": "a", "image": "registry.example.com/app:1", "repositoryCredentials": creds}]),
    );
    assert_eq!(problems(td.clone()), vec![]);
    td.as_object_mut().unwrap().remove("executionRoleArn");
    let ps = problems(td);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(has(
        &ps,
        "containerDefinitions[0].repositoryCredentials",
        "When you are specifying container repository credentials, you must also specify a value for 'executionRoleArn'."
    ));
}

/// API EphemeralStorage.sizeInGiB: "The minimum supported value is 21 GiB and the maximum
/// supported value is 200 GiB." (CloudFormation's page says 20; the API wins.)
#[test]
fn ephemeral_storage_size_in_gib_is_21_to_200() {
    for (size, ok) in [(20, false), (21, true), (200, true), (201, false)] {
        let mut td = fargate(json!([{"name": "a", "image": "i"}]));
        td["ephemeralStorage"] = json!({"sizeInGiB": size});
        let ps = problems(td);
        if ok {
            assert_eq!(ps, vec![], "{size}");
        } else {
            assert!(
                has(&ps, "ephemeralStorage.sizeInGiB", "21 GiB") && ps.len() == 1,
                "{size}: {ps:?}"
            );
        }
    }
}

#[test]
fn windows_on_fargate_takes_one_two_or_four_vcpu() {
    // API RegisterTaskDefinition `memory`: "The CPU units cannot be less than 1 vCPU when you
    // use Windows containers on Fargate"; DG task-cpu-memory-error lists Windows for 1–4 vCPU.
    let mut td = fargate(json!([{"name": "a", "image": "i"}]));
    td["runtimePlatform"] = json!({ "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" });
    td["cpu"] = json!("256");
    td["memory"] = json!("512");
    assert!(has(
        &problems(td.clone()),
        "cpu",
        "Windows containers on Fargate take 1024, 2048 or 4096 CPU units, not 256."
    ));
    td["cpu"] = json!("1024");
    td["memory"] = json!("2048");
    assert_eq!(problems(td.clone()), vec![]);
    td["runtimePlatform"] = json!({ "operatingSystemFamily": "LINUX" });
    td["cpu"] = json!("256");
    td["memory"] = json!("512");
    assert_eq!(problems(td), vec![], "Linux takes .25 vCPU");
}

#[test]
fn runtime_platform_takes_its_valid_values_and_arm64_only_for_linux() {
    // API RuntimePlatform: cpuArchitecture X86_64 | ARM64; operatingSystemFamily the
    // WINDOWS_SERVER_… values or LINUX; ARM64 "is available for tasks that run on Linux".
    let with = |platform: Value| {
        let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
        td["runtimePlatform"] = platform;
        problems(td)
    };
    assert_eq!(
        with(json!({"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"})),
        vec![]
    );
    let ps = with(json!({"cpuArchitecture": "arm64"}));
    assert!(
        has(
            &ps,
            "runtimePlatform.cpuArchitecture",
            "Invalid value \"arm64\""
        ) && has(&ps, "runtimePlatform.cpuArchitecture", "X86_64, ARM64"),
        "{ps:?}"
    );
    let ps = with(json!({"operatingSystemFamily": "WINDOWS_SERVER_2019"}));
    assert!(
        has(
            &ps,
            "runtimePlatform.operatingSystemFamily",
            "WINDOWS_SERVER_2019_CORE"
        ),
        "{ps:?}"
    );
    let ps = with(
        json!({"cpuArchitecture": "ARM64", "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}),
    );
    assert!(
        has(&ps, "runtimePlatform.cpuArchitecture", "Linux tasks only"),
        "{ps:?}"
    );
    let ps = with(json!({"os": "LINUX"}));
    assert!(
        has(&ps, "runtimePlatform.os", "Unknown parameter"),
        "{ps:?}"
    );
    let ps = with(json!({"cpuArchitecture": 64}));
    assert!(
        has(&ps, "runtimePlatform.cpuArchitecture", "expected a string"),
        "{ps:?}"
    );
}

#[test]
fn a_misspelt_windows_family_is_named_instead_of_the_fargate_windows_sizes() {
    // One cause, one message: WINDOWS_SERVER_2019 is no family, so the task is not a Windows one.
    let mut td = fargate(json!([{"name": "app", "image": "nginx"}]));
    td["runtimePlatform"] = json!({"operatingSystemFamily": "WINDOWS_SERVER_2019"});
    let ps = problems(td);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].path, "runtimePlatform.operatingSystemFamily");
}

#[test]
fn ec2_task_cpu_is_from_128_to_196608_units() {
    // API RegisterTaskDefinition `cpu`: "between 128 CPU units (0.125 vCPUs) and 196608 CPU
    // units (192 vCPUs)" for EC2 and EXTERNAL.
    let with = |cpu: &str| {
        let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
        td["cpu"] = json!(cpu);
        problems(td)
    };
    assert_eq!(with("128"), vec![]);
    assert_eq!(with("196608"), vec![]);
    assert!(has(&with("64"), "cpu", "from 128 CPU units"));
    assert!(has(&with("200000"), "cpu", "not 200000"));
}

#[test]
fn port_mapping_names_are_lowercase_letters_digits_underscores_and_hyphens() {
    // API PortMapping `name`: up to 64 characters, lowercase letters, numbers, '_' and '-', not
    // starting with '-'.
    let with = |name: &str| {
        problems(ec2(json!([{"name": "a", "image": "i", "memory": 64,
            "portMappings": [{"containerPort": 80, "name": name}]}])))
    };
    assert_eq!(with("http_1-api"), vec![]);
    assert_eq!(with(&"a".repeat(64)), vec![]);
    for bad in ["HTTP", "-web", "web.api", ""] {
        assert!(
            has(
                &with(bad),
                "containerDefinitions[0].portMappings[0].name",
                "lowercase letters"
            ),
            "{bad}"
        );
    }
    assert!(has(
        &with(&"a".repeat(65)),
        "containerDefinitions[0].portMappings[0].name",
        "1 to 64"
    ));
}

#[test]
fn the_reservation_sum_names_what_each_container_reserves() {
    // Containers with only `memory` reserve their memory: the message says so, with the sum.
    let mut td = fargate(json!([
        {"name": "a", "image": "i", "memory": 400},
        {"name": "b", "image": "i", "memoryReservation": 200}
    ]));
    td["memory"] = json!("512");
    let ps = problems(td);
    assert!(
        has(
            &ps,
            "memory",
            "Reserved (a container without memoryReservation reserves its memory): 'a' 400 (its memory) + 'b' 200 = 600 MiB, task memory 512 MiB."
        ),
        "{ps:?}"
    );
}

#[test]
fn the_cpu_sum_names_what_each_container_reserves() {
    let mut td = fargate(json!([
        {"name": "a", "image": "i", "cpu": 200},
        {"name": "b", "image": "i", "cpu": 100}
    ]));
    td["cpu"] = json!("256");
    let ps = problems(td);
    assert!(
        has(
            &ps,
            "cpu",
            "Reserved: 'a' 200 + 'b' 100 = 300 CPU units, task cpu 256."
        ),
        "{ps:?}"
    );
}

#[test]
fn container_port_ranges_follow_the_api_port_mapping_rules() {
    let ranges = |mode: &str, mappings: Value| {
        problems(json!({
            "family": "web", "networkMode": mode,
            "containerDefinitions": [{ "name": "app", "image": "x", "memory": 512, "portMappings": mappings }]
        }))
    };
    let r = "containerDefinitions[0].portMappings";
    // Valid in bridge and awsvpc, beside a single port outside the range.
    let ok = json!([{ "containerPortRange": "8000-8010" }, { "containerPort": 80 }, { "containerPortRange": "9000-9001", "protocol": "udp" }]);
    assert_eq!(ranges("bridge", ok.clone()), vec![]);
    assert_eq!(ranges("awsvpc", ok), vec![]);
    // Not in host mode.
    let ps = ranges("host", json!([{ "containerPortRange": "8000-8010" }]));
    assert!(
        has(
            &ps,
            &format!("{r}[0].containerPortRange"),
            "networkMode bridge or awsvpc"
        ),
        "{ps:?}"
    );
    // Garbage, reversed, equal ends, out of range.
    for bad in [
        "abc",
        "9000-8000",
        "8000-8000",
        "65530-65536",
        "0-10",
        "-8000",
        "8000-",
        "1e3-2e3",
    ] {
        let ps = ranges("bridge", json!([{ "containerPortRange": bad }]));
        assert!(
            has(
                &ps,
                &format!("{r}[0].containerPortRange"),
                "Invalid containerPortRange"
            ),
            "{bad}: {ps:?}"
        );
    }
    // No hostPort beside a range.
    let ps = ranges(
        "bridge",
        json!([{ "containerPortRange": "8000-8010", "hostPort": 8000 }]),
    );
    assert!(
        has(&ps, &format!("{r}[0].hostPort"), "Leave hostPort out"),
        "{ps:?}"
    );
    // Overlapping ranges, and a single port inside a range, of one protocol.
    let ps = ranges(
        "bridge",
        json!([{ "containerPortRange": "8000-8010" }, { "containerPortRange": "8005-8020" }]),
    );
    assert!(
        has(
            &ps,
            &format!("{r}[1].containerPortRange"),
            "overlaps the ports of containerDefinitions[0].portMappings[0].containerPortRange"
        ),
        "{ps:?}"
    );
    let ps = ranges(
        "bridge",
        json!([{ "containerPortRange": "8000-8010" }, { "containerPort": 8010 }]),
    );
    assert!(
        has(
            &ps,
            &format!("{r}[1].containerPort"),
            "Port 8010/tcp overlaps"
        ),
        "{ps:?}"
    );
    // At most 100 ranges per container.
    let many: Vec<Value> = (0..101)
        .map(|k| json!({ "containerPortRange": format!("{}-{}", 10000 + 2 * k, 10001 + 2 * k) }))
        .collect();
    let ps = ranges("bridge", Value::Array(many));
    assert!(
        has(&ps, r, "101 port ranges in one container; at most 100"),
        "{ps:?}"
    );
}

#[test]
fn a_windows_task_takes_awsvpc_or_the_default_network_not_bridge_host_or_none() {
    // DG task-networking, the network modes table: bridge and host "Windows containers on EC2:
    // No"; awsvpc "Yes". Until 2026-12-06 the playground accepted both; `none` until the 27th
    // session (API TaskDefinition networkMode: Windows uses its own NAT mode).
    let with = |mode: Option<&str>| {
        let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
        td["runtimePlatform"] = json!({ "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" });
        match mode {
            Some(m) => td["networkMode"] = json!(m),
            None => {
                if let Some(o) = td.as_object_mut() {
                    o.remove("networkMode");
                }
            }
        }
        problems(td)
    };
    for mode in ["bridge", "host", "none"] {
        let ps = with(Some(mode));
        assert!(
            has(
                &ps,
                "networkMode",
                &format!("The {mode} network mode is for Linux containers")
            ),
            "{mode}: {ps:?}"
        );
    }
    assert_eq!(with(Some("awsvpc")), vec![]);
    assert_eq!(with(None), vec![]);
    // Linux keeps every mode.
    let mut td = ec2(json!([{"name": "a", "image": "i", "memory": 64}]));
    td["networkMode"] = json!("host");
    td["runtimePlatform"] = json!({ "operatingSystemFamily": "LINUX" });
    assert_eq!(problems(td), vec![]);
}
