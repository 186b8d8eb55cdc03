//! A Windows task on Fargate in a whole run: Windows rates, the OS license fee and the
//! 15-minute minimum charge (found by the cost walkthrough of 2026-12-06: it was billed as a
//! Linux task, about 3.2 times too little).

use crate::cost::money::Money;
use crate::cost::AccountKey;
use crate::sim::Sim;
use serde_json::json;

/// One Fargate task of 1 vCPU and 2 GB on `os`, stopped by scaling the service to 0 at 4:00.
fn scenario(os: &str) -> String {
    json!({
        "version": 1, "seed": 1,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [{
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "1024", "memory": "2048",
            "runtimePlatform": { "operatingSystemFamily": os, "cpuArchitecture": "X86_64" },
            "containerDefinitions": [{ "name": "app", "image": "example/web:1", "essential": true }]
        }],
        "services": [{
            "serviceName": "web", "taskDefinition": "web", "desiredCount": 1, "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } }
        }],
        "timeline": [{ "at": 240, "action": "updateService", "service": "web", "desiredCount": 0 }]
    })
    .to_string()
}

/// What the run has cost by 30:00, and the task's billed milliseconds at its hourly rate.
fn total_at_half_an_hour(os: &str) -> Money {
    let mut sim = Sim::from_json(&scenario(os)).unwrap_or_else(|e| panic!("{os}: {e:?}"));
    sim.run_until(1_800_000);
    sim.metering.ledger.account(&AccountKey::Total).at(sim.now)
}

#[test]
fn a_windows_fargate_task_pays_windows_rates_and_at_least_fifteen_minutes() {
    // Linux: $0.04937/h for about four minutes (the task stops a few seconds after 4:00).
    let linux = total_at_half_an_hour("LINUX");
    assert!(
        linux > Money::of_rate(49_370_000, 200_000) && linux < Money::of_rate(49_370_000, 300_000),
        "{linux:?}"
    );
    // Windows: $0.15758/h (Windows vCPU + license + memory) for the 15-minute minimum.
    let windows = total_at_half_an_hour("WINDOWS_SERVER_2022_CORE");
    assert_eq!(windows, Money::of_rate(157_580_000, 900_000));
}
