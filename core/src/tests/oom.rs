//! Out-of-memory kills in whole runs.

use crate::sim::Sim;
use crate::task::TaskStatus;

/// One Fargate task of 512 MiB behind no load balancer, 10 req/s at 10 ms of CPU, with
/// the given base footprint.
fn scenario(base_memory_mib: u32, container_memory: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 5,
  "subnets": [{{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }}],
  "clusters": [{{ "clusterName": "default", "capacityProviders": ["FARGATE"] }}],
  "taskDefinitions": [{{
"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
"cpu": "256", "memory": "512",
"containerDefinitions": [{{ "name": "web", "image": "example/web:1", "essential": true{container_memory} }}]
  }}],
  "services": [{{
"serviceName": "web", "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE",
"networkConfiguration": {{ "awsvpcConfiguration": {{ "subnets": ["subnet-a"] }} }}
  }}],
  "traffic": [{{ "serviceName": "web", "profile": {{ "shape": "constant", "requestsPerSecond": 10 }},
"cpuMillisPerRequest": 10, "baseMemoryMiB": {base_memory_mib} }}]
}}"#
    )
}

fn oom_lines(sim: &Sim) -> usize {
    sim.log()
        .iter()
        .filter(|e| {
            e.text
                .contains("OutOfMemoryError: Container killed due to memory usage")
        })
        .count()
}

#[test]
fn a_task_above_its_hard_memory_limit_is_killed_with_137_and_replaced() {
    let mut sim = Sim::from_json(&scenario(600, "")).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(5 * 60_000);
    assert!(oom_lines(&sim) >= 2, "killed again after each replacement");
    let line = sim
        .log()
        .iter()
        .find(|e| e.text.contains("OutOfMemoryError"))
        .map(|e| e.text.clone())
        .unwrap_or_default();
    assert!(
        line.contains("exited with code 137") && line.contains("hard limit 512 MiB"),
        "{line}"
    );
    let stopped = sim
        .tasks
        .values()
        .find(|t| t.last_status == TaskStatus::Stopped)
        .map(|t| t.stopped_reason.as_deref().map(str::to_string));
    assert_eq!(
        stopped,
        Some(Some("Essential container in task exited".to_string()))
    );
    // describe-tasks names the container, its exit code and its reason (API Container).
    let (t, _) = sim
        .tasks
        .iter()
        .find(|(_, t)| t.last_status == TaskStatus::Stopped)
        .expect("a stopped task");
    let task = crate::view::report::tasks::describe_task(&sim, t);
    let container = &task["containers"][0];
    assert_eq!(container["lastStatus"], "STOPPED");
    assert_eq!(container["exitCode"], 137);
    assert_eq!(
        container["reason"],
        "OutOfMemoryError: Container killed due to memory usage"
    );
}

#[test]
fn within_the_limit_nothing_is_killed() {
    let mut sim = Sim::from_json(&scenario(400, "")).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(5 * 60_000);
    assert_eq!(oom_lines(&sim), 0);
}

#[test]
fn the_task_size_is_the_limit_even_when_the_container_reserves_less() {
    // Task-level memory 512 is the cgroup limit; the container's soft reservation of 128
    // MiB does not kill it at 400 MiB.
    let json = scenario(400, r#", "memoryReservation": 128"#);
    let mut sim = Sim::from_json(&json).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(5 * 60_000);
    assert_eq!(oom_lines(&sim), 0);
}

#[test]
fn the_hard_limit_is_the_task_size_else_the_sum_of_container_limits_else_none() {
    let limit = |json: &str| {
        serde_json::from_str::<crate::taskdef::TaskDefinition>(json)
            .unwrap_or_else(|e| panic!("{e}"))
            .hard_memory_limit_mib()
    };
    let c = |extra: &str| format!(r#"{{ "name": "c", "image": "i"{extra} }}"#);
    assert_eq!(
        limit(&format!(
            r#"{{ "family": "f", "containerDefinitions": [{}, {}] }}"#,
            c(r#", "memory": 256"#),
            c(r#", "memory": 128"#)
        )),
        Some(384)
    );
    assert_eq!(
        limit(&format!(
            r#"{{ "family": "f", "containerDefinitions": [{}, {}] }}"#,
            c(r#", "memory": 256"#),
            c(r#", "memoryReservation": 128"#)
        )),
        None,
        "a soft-only container may use what the instance has free"
    );
    assert_eq!(
        limit(&format!(
            r#"{{ "family": "f", "memory": "1 GB", "containerDefinitions": [{}] }}"#,
            c("")
        )),
        Some(1024)
    );
}
