//! One test per row of DG fargate-tasks-services ("Amazon ECS task definition differences for
//! Fargate") and API LogConfiguration's Fargate log drivers.

use crate::problem::Problem;
use crate::taskdef::{parse_task_definition, validate};
use serde_json::{json, Value};

fn problems(v: Value) -> Vec<Problem> {
    let td = parse_task_definition(&v.to_string()).unwrap();
    validate(&td)
}

/// A valid Fargate task definition whose one container `app` has the extra keys `extra`.
fn fargate_with(extra: Value) -> Value {
    let mut container = json!({"name": "app", "image": "nginx"});
    if let (Some(c), Some(e)) = (container.as_object_mut(), extra.as_object()) {
        c.extend(e.clone());
    }
    json!({
        "family": "web",
        "requiresCompatibilities": ["FARGATE"],
        "networkMode": "awsvpc",
        "cpu": "256",
        "memory": "512",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "containerDefinitions": [container]
    })
}

/// The same definition for EC2 only (bridge, no task size), where every key is allowed.
fn ec2_with(extra: Value) -> Value {
    let mut td = fargate_with(extra);
    td["requiresCompatibilities"] = json!(["EC2"]);
    td["networkMode"] = json!("bridge");
    td
}

/// `(path, message)` of every problem, for exact comparisons.
fn pairs(ps: &[Problem]) -> Vec<(&str, &str)> {
    ps.iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect()
}

#[test]
fn fargate_container_parameters_not_valid_in_fargate_tasks() {
    let extra = json!({
        "links": ["db"],
        "disableNetworking": true,
        "privileged": true,
        "dnsServers": ["10.0.0.2"],
        "dnsSearchDomains": ["example.internal"],
        "extraHosts": [{"hostname": "db", "ipAddress": "10.0.0.5"}],
        "dockerSecurityOptions": ["no-new-privileges"]
    });
    let ps = problems(fargate_with(extra.clone()));
    let here = "containerDefinitions[0]";
    let expected: Vec<(String, String)> = [
        "links",
        "disableNetworking",
        "privileged",
        "dnsServers",
        "dnsSearchDomains",
        "extraHosts",
        "dockerSecurityOptions",
    ]
    .iter()
    .map(|k| {
        (
            format!("{here}.{k}"),
            format!("Tasks using the Fargate launch type do not support {k}."),
        )
    })
    .collect();
    let expected: Vec<(&str, &str)> = expected
        .iter()
        .map(|(p, m)| (p.as_str(), m.as_str()))
        .collect();
    assert_eq!(pairs(&ps), expected);
    let mut ec2 = ec2_with(extra);
    ec2["containerDefinitions"][0]["memory"] = json!(64);
    assert_eq!(problems(ec2), vec![]);
}

#[test]
fn fargate_parameters_set_off_or_empty_are_accepted() {
    let ps = problems(fargate_with(json!({
        "links": [],
        "disableNetworking": false,
        "privileged": false,
        "dnsServers": [],
        "dnsSearchDomains": [],
        "extraHosts": [],
        "dockerSecurityOptions": [],
        "linuxParameters": {"devices": [], "tmpfs": [], "capabilities": {"add": [], "drop": ["ALL"]}}
    })));
    assert_eq!(ps, vec![]);
}

#[test]
fn fargate_linux_parameters_devices_shared_memory_size_tmpfs_not_supported() {
    let ps = problems(fargate_with(json!({"linuxParameters": {
        "devices": [{"hostPath": "/dev/fuse"}],
        "sharedMemorySize": 256,
        "tmpfs": [{"containerPath": "/scratch", "size": 64}],
        "initProcessEnabled": true
    }})));
    let p = "containerDefinitions[0].linuxParameters";
    assert_eq!(
        pairs(&ps),
        vec![
            (
                &*format!("{p}.devices"),
                "Tasks using the Fargate launch type do not support linuxParameters.devices."
            ),
            (
                &*format!("{p}.sharedMemorySize"),
                "Tasks using the Fargate launch type do not support linuxParameters.sharedMemorySize."
            ),
            (
                &*format!("{p}.tmpfs"),
                "Tasks using the Fargate launch type do not support linuxParameters.tmpfs."
            ),
        ]
    );
}

#[test]
fn fargate_max_swap_and_swappiness_not_valid() {
    let ps = problems(fargate_with(
        json!({"linuxParameters": {"maxSwap": 1024, "swappiness": 60}}),
    ));
    let p = "containerDefinitions[0].linuxParameters";
    assert_eq!(
        pairs(&ps),
        vec![
            (
                &*format!("{p}.maxSwap"),
                "Tasks using the Fargate launch type do not support linuxParameters.maxSwap."
            ),
            (
                &*format!("{p}.swappiness"),
                "Tasks using the Fargate launch type do not support linuxParameters.swappiness."
            ),
        ]
    );
}

#[test]
fn fargate_only_sys_ptrace_capability_may_be_added() {
    let ps = problems(fargate_with(json!({"linuxParameters": {"capabilities": {
        "add": ["SYS_PTRACE", "CAP_SYS_PTRACE", "NET_ADMIN"],
        "drop": ["NET_RAW"]
    }}})));
    assert_eq!(
        pairs(&ps),
        vec![(
            "containerDefinitions[0].linuxParameters.capabilities.add[2]",
            "Tasks using the Fargate launch type do not support adding the NET_ADMIN capability. The only capability you can add is SYS_PTRACE."
        )]
    );
}

#[test]
fn fargate_pid_mode_must_be_task() {
    let mut td = fargate_with(json!({}));
    td["pidMode"] = json!("task");
    assert_eq!(problems(td.clone()), vec![]);
    td["pidMode"] = json!("host");
    assert_eq!(
        pairs(&problems(td)),
        vec![(
            "pidMode",
            "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'."
        )]
    );
}

#[test]
fn fargate_does_not_support_ipc_mode() {
    let mut td = fargate_with(json!({}));
    td["ipcMode"] = json!("task");
    assert_eq!(
        pairs(&problems(td)),
        vec![(
            "ipcMode",
            "Tasks using the Fargate launch type do not support ipcMode."
        )]
    );
}

#[test]
fn fargate_placement_constraints_not_valid() {
    let mut td = fargate_with(json!({}));
    td["placementConstraints"] = json!([]);
    assert_eq!(problems(td.clone()), vec![]);
    td["placementConstraints"] =
        json!([{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]);
    assert_eq!(
        pairs(&problems(td)),
        vec![(
            "placementConstraints",
            "Tasks using the Fargate launch type do not support placementConstraints."
        )]
    );
}

#[test]
fn fargate_log_drivers_are_awslogs_splunk_awsfirelens() {
    for driver in ["awslogs", "splunk", "awsfirelens"] {
        let mut td = fargate_with(json!({"logConfiguration": {"logDriver": driver}}));
        if driver == "awslogs" {
            // Its required options (API LogConfiguration; awslogs.rs).
            td["containerDefinitions"][0]["logConfiguration"]["options"] = json!({
                "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1",
                "awslogs-stream-prefix": "ecs"
            });
        }
        if driver == "awsfirelens" {
            // awsfirelens sends the logs to the task's log router (DG using_firelens).
            td["containerDefinitions"]
                .as_array_mut()
                .unwrap()
                .push(json!({
                    "name": "log_router", "image": "amazon/aws-for-fluent-bit",
                    "firelensConfiguration": {"type": "fluentbit"}
                }));
        }
        assert_eq!(problems(td), vec![], "{driver}");
    }
    for driver in ["json-file", "fluentd", "gelf", "journald", "syslog"] {
        let td = fargate_with(json!({"logConfiguration": {"logDriver": driver}}));
        assert_eq!(
            pairs(&problems(td.clone())),
            vec![(
                "containerDefinitions[0].logConfiguration.logDriver",
                &*format!("Tasks using the Fargate launch type do not support log driver '{driver}'. The supported log drivers are awslogs, splunk and awsfirelens.")
            )],
            "{driver}"
        );
        let mut ec2 = ec2_with(json!({"logConfiguration": {"logDriver": driver}}));
        ec2["containerDefinitions"][0]["memory"] = json!(64);
        assert_eq!(problems(ec2), vec![], "{driver} on EC2");
    }
    // A driver the API does not know is named once, as an invalid value, not also as one
    // Fargate does not support.
    let td = fargate_with(json!({"logConfiguration": {"logDriver": "jsonfile"}}));
    let ps = problems(td);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert!(
        ps[0].message.starts_with("Invalid value \"jsonfile\""),
        "{ps:?}"
    );
}

#[test]
fn fargate_gpu_resource_requirements_not_valid() {
    let ps = problems(fargate_with(
        json!({"resourceRequirements": [{"type": "GPU", "value": "1"}]}),
    ));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(
        ps[0].path,
        "containerDefinitions[0].resourceRequirements[0]"
    );
}
