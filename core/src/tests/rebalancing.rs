//! Availability Zone rebalancing in whole runs (DG service-rebalancing.html).

use super::log_lines as lines;
use crate::sim::Sim;
use crate::task::TaskStatus;
use std::collections::BTreeMap;

/// Six EC2 tasks over three zones, one instance per zone; instance 0 (us-east-1a) is
/// terminated at 60 s and the Auto Scaling group launches its replacement there. `service`
/// adds keys to the service (`, "key": value`); `timeline` adds steps.
fn ec2(service: &str, timeline: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 7,
  "subnets": [
    {{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }},
    {{ "subnetId": "subnet-b", "availabilityZone": "us-east-1b" }},
    {{ "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }}
  ],
  "clusters": [{{ "clusterName": "default", "capacityProviders": ["asg"] }}],
  "capacityProviders": [{{ "name": "asg", "autoScalingGroupProvider": {{ "autoScalingGroup": {{
    "instanceType": "m5.large", "minSize": 3, "maxSize": 6, "desiredCapacity": 3,
    "subnets": ["subnet-a", "subnet-b", "subnet-c"] }} }} }}],
  "taskDefinitions": [{{ "family": "web", "networkMode": "bridge", "requiresCompatibilities": ["EC2"],
    "containerDefinitions": [{{ "name": "app", "image": "example/app:1", "cpu": 256, "memory": 512,
      "essential": true, "portMappings": [{{ "containerPort": 80, "hostPort": 0 }}] }}] }}],
  "services": [{{ "serviceName": "web", "taskDefinition": "web", "desiredCount": 6,
    "launchType": "EC2"{service} }}],
  "timeline": [{{ "at": 60, "action": "terminateInstance", "instance": 0 }}{timeline}]
}}"#
    )
}

/// [`ec2`] with us-east-1b down from 120 s to 600 s as well.
fn ec2_outage_of_b() -> String {
    ec2(
        "",
        r#", { "at": 120, "action": "azOutage", "availabilityZone": "us-east-1b" },
            { "at": 600, "action": "azRecovery", "availabilityZone": "us-east-1b" }"#,
    )
}

/// Six Fargate tasks over three zones; us-east-1a is down from 60 s to 300 s.
fn fargate() -> String {
    r#"{
  "version": 1, "seed": 3,
  "subnets": [
    { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
    { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" },
    { "subnetId": "subnet-c", "availabilityZone": "us-east-1c" }
  ],
  "clusters": [{ "clusterName": "default", "capacityProviders": ["FARGATE"] }],
  "taskDefinitions": [{ "family": "api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "containerDefinitions": [{ "name": "api", "image": "example/api:1", "essential": true }] }],
  "services": [{ "serviceName": "api", "taskDefinition": "api", "desiredCount": 6, "launchType": "FARGATE",
    "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a", "subnet-b", "subnet-c"] } } }],
  "timeline": [
    { "at": 60, "action": "azOutage", "availabilityZone": "us-east-1a" },
    { "at": 300, "action": "azRecovery", "availabilityZone": "us-east-1a" }
  ]
}"#
    .to_string()
}

fn run(text: &str, seconds: u64) -> Sim {
    let mut sim = Sim::from_json(text).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(seconds * 1000);
    sim
}

/// The service's RUNNING tasks per zone.
fn zones(sim: &Sim) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for t in sim.tasks.values() {
        if t.last_status == TaskStatus::Running && !t.stop_requested {
            *out.entry(t.zone.as_deref().unwrap_or("").to_string())
                .or_default() += 1;
        }
    }
    out
}

fn first(sim: &Sim, needle: &str) -> u64 {
    lines(sim, needle)
        .first()
        .map(|(at, _)| *at)
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

// DG service-rebalancing: "Starts tasks in Availability Zones with the fewest number of
// running tasks", "waits for the newly started tasks to be HEALTHY and RUNNING before
// stopping the tasks in the over-scaled Availability Zone".
#[test]
fn service_rebalancing_moves_tasks_into_the_zone_of_a_new_instance() {
    let sim = run(&ec2("", ""), 600);
    let counts: Vec<usize> = zones(&sim).into_values().collect();
    assert_eq!(counts, vec![2, 2, 2], "{:?}", zones(&sim));
    let registered = first(&sim, "registered with cluster");
    let announced = first(&sim, "is not AZ balanced");
    assert_eq!(
        lines(&sim, "is not AZ balanced")[0].1,
        "(service web) is not AZ balanced with 0 tasks in us-east-1a, 3 tasks in us-east-1b, 3 tasks in us-east-1c. AZ Rebalancing in progress."
    );
    assert!(announced >= registered && announced <= registered + 1);
    let started = lines(&sim, "to AZ Rebalance");
    assert_eq!(started.len(), 1, "{started:?}");
    assert!(started[0]
        .1
        .starts_with("(service web) has started 2 tasks in us-east-1a to AZ Rebalance: (task "));
    // Without a health check a task counts as healthy 40 s after RUNNING; only then the stops.
    let stopped = lines(&sim, "due to AZ rebalancing");
    assert_eq!(stopped.len(), 2, "{stopped:?}");
    assert!(stopped[0].1.contains("in us-east-1b") && stopped[1].1.contains("in us-east-1c"));
    assert!(stopped[0].0 >= started[0].0 + 40, "{started:?} {stopped:?}");
    let balanced = lines(&sim, "is AZ balanced");
    assert_eq!(
        balanced.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
        vec!["(service web) is AZ balanced with 2 tasks in us-east-1a, 2 tasks in us-east-1b, 2 tasks in us-east-1c."]
    );
    let reasons: Vec<String> = sim
        .tasks
        .values()
        .filter_map(|t| t.stopped_reason.as_deref().map(str::to_string))
        .filter(|r| {
            r.starts_with("Availability-zone rebalancing initiated by (deployment ecs-svc/")
        })
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
}

#[test]
fn availability_zone_rebalancing_disabled_leaves_the_new_instance_empty() {
    let sim = run(
        &ec2(r#", "availabilityZoneRebalancing": "DISABLED""#, ""),
        600,
    );
    assert_eq!(zones(&sim).get("us-east-1a"), None, "{:?}", zones(&sim));
    assert!(lines(&sim, "AZ").is_empty(), "{:?}", lines(&sim, "AZ"));
}

// DG service-rebalancing: not with a first strategy other than zone spread; left out, the
// setting is then DISABLED (the service cannot use it).
#[test]
fn a_binpack_first_service_is_not_rebalanced() {
    let binpack = r#", "placementStrategy": [{ "type": "binpack", "field": "memory" }]"#;
    let sim = run(&ec2(binpack, ""), 600);
    assert!(lines(&sim, "AZ Rebalanc").is_empty());
    let refused = Sim::from_json(&ec2(
        &format!(r#"{binpack}, "availabilityZoneRebalancing": "ENABLED""#),
        "",
    ));
    let Err(problems) = refused else {
        panic!("ENABLED with binpack first was accepted");
    };
    assert!(
        format!("{problems:?}").contains("services[0].availabilityZoneRebalancing"),
        "{problems:?}"
    );
}

// maximumPercent bounds a move: 6 tasks at 150% leave room for 3 above the desired count, at
// 110% for none (floor(6 × 1.1) = 6), so nothing can start first and nothing moves.
#[test]
fn service_rebalancing_starts_no_more_than_maximum_percent_allows() {
    let at = |max: u32| {
        ec2(
            &format!(
                r#", "deploymentConfiguration": {{ "maximumPercent": {max}, "minimumHealthyPercent": 50 }}"#
            ),
            "",
        )
    };
    let sim = run(&at(110), 600);
    assert!(lines(&sim, "AZ Rebalanc").is_empty());
    assert_eq!(zones(&sim).get("us-east-1a"), None);
    let sim = run(&at(150), 600);
    assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![2, 2, 2]);
}

// A new desired count during a move gives it up at once ("stopped AZ Rebalancing"); the
// service then settles at the new count, and rebalancing looks again once it is steady.
#[test]
fn changing_the_desired_count_during_a_move_stops_rebalancing() {
    let registered = first(&run(&ec2("", ""), 300), "registered with cluster");
    let update = format!(
        r#", {{ "at": {}, "action": "updateService", "service": "web", "desiredCount": 9 }}"#,
        registered + 20
    );
    let sim = run(&ec2("", &update), 900);
    let given_up = first(&sim, "(service web) stopped AZ Rebalancing.");
    assert_eq!(given_up, registered + 20, "{:?}", lines(&sim, "AZ"));
    assert_eq!(zones(&sim).values().sum::<usize>(), 9);
    assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![3, 3, 3]);
}

// API DeploymentConfiguration: maximumPercent caps the service's tasks. A move's started tasks
// are kept, but they never raise the cap: an instance drained during the move (its tasks kept
// by minimumHealthyPercent 100 until replaced) gets only the replacements that fit under 150 %
// of 6, not of 6 + 2 (found by the placement property test, where 4 tasks ran for a cap of 3).
#[test]
fn draining_an_instance_during_a_move_keeps_maximum_percent() {
    let service =
        r#", "deploymentConfiguration": { "maximumPercent": 150, "minimumHealthyPercent": 100 }"#;
    let registered = first(&run(&ec2(service, ""), 300), "registered with cluster");
    let drain = format!(
        r#", {{ "at": {}, "action": "drainInstance", "instance": 1 }}"#,
        registered + 20
    );
    // Test builds check every invariant after each step, maximumPercent's among them.
    let sim = run(&ec2(service, &drain), 900);
    assert!(!lines(&sim, "to AZ Rebalance").is_empty());
    assert_eq!(zones(&sim).values().sum::<usize>(), 6, "{:?}", zones(&sim));
    assert_eq!(
        zones(&sim).get("us-east-1b"),
        None,
        "the DRAINING instance is left empty"
    );
}

// Fargate: the service's subnets' zones count, a zone that is down does not. Once
// us-east-1a recovers, tasks move back into it.
#[test]
fn a_fargate_service_moves_tasks_back_after_a_zone_recovers() {
    let sim = run(&fargate(), 290);
    assert_eq!(zones(&sim).get("us-east-1a"), None, "{:?}", zones(&sim));
    assert!(lines(&sim, "not AZ balanced").is_empty());
    let sim = run(&fargate(), 900);
    assert_eq!(
        zones(&sim).into_values().collect::<Vec<_>>(),
        vec![2, 2, 2],
        "{:?}",
        lines(&sim, "AZ")
    );
    assert!(first(&sim, "is not AZ balanced") >= 300);
}

// EC2 Auto Scaling User Guide, as-instance-termination: when a zone "returns to a healthy state
// later on, Amazon EC2 Auto Scaling automatically launches a new instance in this zone, which
// in turn terminates an instance in the unaffected zone"; "launches new instances before
// terminating the old ones". The service's own rebalancing then evens out its tasks.
#[test]
fn ec2as_az_rebalance_after_a_zone_recovers_then_the_service_rebalances() {
    let text = ec2_outage_of_b();
    let sim = run(&text, 590);
    // During the outage the group tops up outside us-east-1b, and nothing rebalances into it.
    assert!(lines(&sim, "AZRebalance").is_empty());
    let sim = run(&text, 1800);
    let uneven = first(&sim, "is uneven across its Availability Zones");
    assert_eq!(uneven, 600);
    let launched = lines(&sim, "launched")
        .into_iter()
        .filter(|(at, _)| *at >= 600)
        .collect::<Vec<_>>();
    assert_eq!(launched.len(), 1, "{launched:?}");
    assert!(launched[0].1.ends_with("in us-east-1b."), "{launched:?}");
    // Managed draining (on by default): the instance goes DRAINING, its tasks are replaced
    // elsewhere, and only then is it terminated; no task is lost with the instance.
    let terminated = first(&sim, "is terminating");
    let registered = lines(&sim, "registered with cluster")
        .into_iter()
        .map(|(at, _)| at)
        .filter(|&at| at > 600)
        .min()
        .unwrap_or(0);
    assert_eq!(
        terminated, registered,
        "terminated once the new instance is up"
    );
    let mut per_zone: BTreeMap<String, usize> = BTreeMap::new();
    for i in sim.instances.iter().filter(|i| i.is_alive()) {
        *per_zone.entry(i.zone.clone()).or_default() += 1;
    }
    assert_eq!(per_zone.into_values().collect::<Vec<_>>(), vec![1, 1, 1]);
    assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![2, 2, 2]);
    assert!(first(&sim, "drained, its tasks run elsewhere") > terminated);
    let lost_after = lines(&sim, "(TerminationNotice)")
        .into_iter()
        .filter(|(at, _)| *at >= 600)
        .count();
    assert_eq!(lost_after, 0, "managed draining moved every task first");
}

// managedDraining DISABLED: the group terminates the instance at once and its tasks stop with
// it (TerminationNotice), to be replaced.
#[test]
fn ec2as_az_rebalance_without_managed_draining_terminates_at_once() {
    let text = ec2_outage_of_b().replace(
        r#""autoScalingGroupProvider": {"#,
        r#""autoScalingGroupProvider": { "managedDraining": "DISABLED","#,
    );
    let sim = run(&text, 1800);
    let terminated = first(&sim, "terminated i-");
    assert!(lines(&sim, "is terminating").is_empty());
    let lost = lines(&sim, "(TerminationNotice)")
        .into_iter()
        .filter(|(at, _)| *at == terminated)
        .count();
    assert!(lost > 0, "{:?}", lines(&sim, "AZRebalance"));
    assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![2, 2, 2]);
}

// The zones a service is balanced over are those its tasks could use: an instance of another
// capacity provider's group in a third zone does not make a 2/2 service "not AZ balanced".
#[test]
fn service_rebalancing_ignores_zones_only_other_groups_serve() {
    let text = ec2("", "")
        .replace(
            r#""timeline": [{ "at": 60, "action": "terminateInstance", "instance": 0 }]"#,
            r#""timeline": []"#,
        )
        .replace(r#""desiredCount": 6,"#, r#""desiredCount": 4,"#)
        .replace(
            r#""capacityProviders": ["asg"] }"#,
            r#""capacityProviders": ["asg", "other"] }"#,
        )
        .replace(
            r#""subnets": ["subnet-a", "subnet-b", "subnet-c"] } } }],"#,
            r#""subnets": ["subnet-a", "subnet-b"] } } },
    { "name": "other", "autoScalingGroupProvider": { "autoScalingGroup": {
      "instanceType": "m5.large", "minSize": 1, "maxSize": 1, "desiredCapacity": 1,
      "subnets": ["subnet-c"] } } }],"#,
        )
        .replace(
            r#""launchType": "EC2""#,
            r#""capacityProviderStrategy": [{ "capacityProvider": "asg", "weight": 1 }]"#,
        );
    let sim = run(&text, 600);
    assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![2, 2]);
    assert!(lines(&sim, "AZ").is_empty(), "{:?}", lines(&sim, "AZ"));
}

// A Fargate + Fargate Spot strategy keeps its base through a move: a stop is on the capacity
// provider of a task the move started where the zone has one (before, a move could retire
// on-demand tasks for Spot ones and leave FARGATE at 2 of its base 3).
#[test]
fn service_rebalancing_keeps_a_capacity_provider_strategys_base() {
    let text = fargate()
        .replace(
            r#""launchType": "FARGATE","#,
            r#""capacityProviderStrategy": [
      { "capacityProvider": "FARGATE", "base": 3, "weight": 0 },
      { "capacityProvider": "FARGATE_SPOT", "weight": 1 }],"#,
        )
        .replace(
            r#""capacityProviders": ["FARGATE"]"#,
            r#""capacityProviders": ["FARGATE", "FARGATE_SPOT"]"#,
        );
    let on_demand = |sim: &Sim| {
        sim.tasks
            .values()
            .filter(|t| t.last_status == TaskStatus::Running && !t.stop_requested)
            .filter(|t| t.capacity_provider.as_deref() == Some("FARGATE"))
            .count()
    };
    for seed in 1..=12 {
        let text = text.replace(r#""seed": 3"#, &format!(r#""seed": {seed}"#));
        let sim = run(&text, 900);
        assert_eq!(on_demand(&sim), 3, "seed {seed}: {:?}", lines(&sim, "AZ"));
        assert_eq!(zones(&sim).into_values().collect::<Vec<_>>(), vec![2, 2, 2]);
    }
}
