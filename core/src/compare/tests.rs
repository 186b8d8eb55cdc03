use super::card::card;
use super::transform::ec2_instance_type;
use super::*;
use crate::scenario::examples::EXAMPLES;
use std::cell::Cell;

fn example(id: &str) -> &'static str {
    crate::scenario::examples::example(id)
        .map(|e| e.json)
        .unwrap_or_else(|| panic!("no example {id}"))
}

fn compared(id: &str, horizon: Millis) -> Comparison {
    let mut c = Comparison::new(example(id), horizon).unwrap_or_else(|e| panic!("{e}"));
    c.run_all();
    c
}

fn done(c: &Comparison, col: Column) -> Outcome {
    c.outcome(col).unwrap_or_else(|| {
        panic!(
            "{col:?}: {:?}",
            c.columns()
                .iter()
                .find(|(k, _)| *k == col)
                .map(|(_, s)| match s {
                    State::NotComparable(w) => w.clone(),
                    _ => String::new(),
                })
        )
    })
}

#[test]
fn every_example_can_be_moved_to_fargate_fargate_spot_and_ec2() {
    for e in EXAMPLES {
        let doc = parse_scenario(e.json).unwrap_or_else(|err| panic!("{}: {err}", e.id));
        let model = resolve(&doc).unwrap_or_else(|_| panic!("{}", e.id));
        for t in Target::ALL {
            let moved = moved(&doc, &model, t);
            if let Err(p) = resolve(&moved) {
                panic!(
                    "{} on {t:?}: {:?}",
                    e.id,
                    p.iter().map(ToString::to_string).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn an_ec2_awslogs_configuration_without_a_stream_prefix_moves_to_fargate() {
    // Optional on EC2, required on Fargate (API LogConfiguration): the moved columns gain one.
    let mut v: serde_json::Value = serde_json::from_str(example("default")).expect("json");
    let mut ec2_only = 0;
    for td in v["taskDefinitions"].as_array_mut().expect("definitions") {
        let fargate = td["requiresCompatibilities"]
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x == "FARGATE"));
        if fargate {
            continue;
        }
        ec2_only += 1;
        td["executionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole".into();
        td["containerDefinitions"][0]["logConfiguration"] = serde_json::json!({
            "logDriver": "awslogs",
            "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" }
        });
    }
    assert!(ec2_only > 0, "the default example has an EC2 definition");
    let text = v.to_string();
    let doc = parse_scenario(&text).unwrap_or_else(|err| panic!("{err}"));
    let model = resolve(&doc).unwrap_or_else(|p| panic!("{p:?}"));
    for t in Target::ALL {
        let moved = moved(&doc, &model, t);
        if let Err(p) = resolve(&moved) {
            panic!(
                "{t:?}: {:?}",
                p.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn fargate_spot_costs_less_than_fargate_for_the_same_tasks() {
    let c = compared("default", 60 * 60_000);
    let fargate = done(&c, Column::Moved(Target::Fargate));
    let spot = done(&c, Column::Moved(Target::FargateSpot));
    assert!(
        spot.total_nano_usd < fargate.total_nano_usd,
        "{spot:?} vs {fargate:?}"
    );
    assert!(spot.fargate_nano_usd > 0);
    // No instances on Fargate.
    assert_eq!(fargate.ec2_nano_usd, 0);
    assert_eq!(spot.idle_nano_usd, 0);
}

#[test]
fn on_ec2_the_services_and_the_idle_capacity_make_up_the_total() {
    let c = compared("fargate-spot-strategy", 30 * 60_000);
    let ec2 = done(&c, Column::Moved(Target::Ec2));
    assert!(ec2.ec2_nano_usd > 0);
    assert_eq!(
        ec2.fargate_nano_usd, 0,
        "every task on the group's instances"
    );
    assert!(ec2.idle_nano_usd <= ec2.ec2_nano_usd);
    let added = ec2.services_nano_usd + ec2.idle_nano_usd;
    assert!(
        ec2.total_nano_usd >= added && ec2.total_nano_usd - added <= 16,
        "{ec2:?}"
    );
}

#[test]
fn the_as_written_column_is_the_scenario_run_headless_to_the_horizon() {
    let c = compared("default", 20 * 60_000);
    let mut sim = Sim::from_json(example("default")).unwrap_or_else(|e| panic!("{e}"));
    sim.run_until(20 * 60_000);
    let direct = cost_report(&sim).total.total_nano_usd;
    assert_eq!(done(&c, Column::AsWritten).total_nano_usd, direct);
    assert!(direct > 0);
}

#[test]
fn running_in_small_chunks_gives_the_same_totals_and_shows_progress() {
    let whole = compared("target-tracking-spike", 15 * 60_000);
    let mut c = Comparison::new(example("target-tracking-spike"), 15 * 60_000)
        .unwrap_or_else(|e| panic!("{e}"));
    // A fake clock that moves 1 ms per reading: each chunk is a handful of events.
    let t = Cell::new(0.0);
    let clock = || {
        t.set(t.get() + 1.0);
        t.get()
    };
    let mut chunks = 0;
    let mut last = 0;
    while !c.run_chunk(50.0, clock) {
        let p = c.progress_per_mille();
        assert!(p >= last && p <= 1000);
        last = p;
        chunks += 1;
        assert!(card(&c).progress_per_mille.is_some());
    }
    assert!(chunks > 1, "a small budget splits the work");
    for (col, _) in whole.columns() {
        assert_eq!(c.outcome(*col), whole.outcome(*col), "{col:?}");
    }
    let shown = card(&c);
    assert_eq!(shown.progress_per_mille, None);
    assert_eq!(shown.cells.len(), 4);
    assert!(shown.cells.iter().all(|cell| cell.total.is_some()));
    assert!(shown.heading.contains("0:15"));
}

#[test]
fn without_a_group_the_ec2_column_uses_the_cheapest_type_that_holds_the_largest_task() {
    let doc = parse_scenario(example("fargate-spot-strategy")).unwrap_or_else(|e| panic!("{e}"));
    let small = ec2_instance_type(&doc, (256, 512));
    let big = ec2_instance_type(&doc, (4096, 16384));
    let ty = |n: &str| crate::catalog::ec2_types::instance_type(n).unwrap_or_else(|| panic!("{n}"));
    assert!(ty(&big).cpu_units >= 4096 && ty(&big).registered_memory_mib >= 16384);
    let price = |n: &str| crate::catalog::prices::ec2_on_demand(n).unwrap_or(0);
    assert!(price(&small) <= price(&big));
    // With a group, its type.
    let doc = parse_scenario(example("default")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ec2_instance_type(&doc, (256, 512)), "m5.large");
}

#[test]
fn the_horizon_is_the_run_time_in_whole_minutes_within_bounds() {
    assert_eq!(horizon_for(0), MIN_HORIZON_MS);
    assert_eq!(horizon_for(30 * 60_000 + 1), 31 * 60_000);
    assert_eq!(horizon_for(u64::MAX / 2), MAX_HORIZON_MS);
}

#[test]
fn a_scenario_that_does_not_load_is_an_error_not_a_panic() {
    assert!(matches!(
        Comparison::new("{", 60_000),
        Err(CompareError::Scenario(_))
    ));
}

#[test]
fn hostnames_and_links_go_when_the_workload_moves_to_awsvpc() {
    // API ContainerDefinition: neither is taken with awsvpc, so the moved scenario would be
    // refused if they stayed.
    let mut v: serde_json::Value =
        serde_json::from_str(example("default")).unwrap_or_else(|e| panic!("{e}"));
    let app = &mut v["taskDefinitions"][0]["containerDefinitions"][0];
    app["hostname"] = "web-1".into();
    app["links"] = serde_json::json!(["cache"]);
    let doc = parse_scenario(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let model = resolve(&doc).unwrap_or_else(|p| panic!("{p:?}"));
    for t in Target::ALL {
        let moved = moved(&doc, &model, t);
        let c = &moved.task_definitions[0]["containerDefinitions"][0];
        assert!(
            c.get("hostname").is_none() && c.get("links").is_none(),
            "{t:?}"
        );
        assert!(resolve(&moved).is_ok(), "{t:?}");
    }
}
