#![cfg(not(target_arch = "wasm32"))]
//! Golden cost runs: totals worked out by hand from the price catalogue (us-east-1) and the
//! billing rules (EC2 per second with a 60 s minimum; Fargate per second from image pull to
//! STOPPED, one-minute minimum, size rounded up; Fargate Spot 70 % off), never copied from the
//! engine's output. Amounts are compared in nano-dollars, or exactly as [`Money`] (rate ×
//! milliseconds) where a figure has a fraction of a nano-dollar.

use ecs_sim::cost::figures::idle;
use ecs_sim::cost::{AccountKey, Money};
use ecs_sim::view::report::cost::cost_report;
use ecs_sim::Sim;

fn run(json: &str, seconds: u64) -> Sim {
    let mut sim = Sim::from_json(json).expect("valid golden scenario");
    sim.run_until(seconds * 1000);
    sim
}

fn total(sim: &Sim) -> Money {
    sim.metering
        .ledger
        .account(&AccountKey::Total)
        .at(sim.now())
}

#[test]
fn ec2_two_m5_large_for_an_hour_one_terminated_at_30_s_and_replaced_at_40_s() {
    // m5.large $0.096/h = 96,000,000 nano-dollars per hour.
    // Instance 0: 0–30 s, billed the 60 s minimum: 96,000,000 × 60 / 3,600 = 1,600,000.
    // Instance 1: 0–3,600 s: 96,000,000.
    // Replacement: the group notices 10 s later and launches at 40 s; 40–3,600 s = 3,560 s:
    // 96,000,000 × 3,560 / 3,600 = 94,933,333.3.
    // Total 192,533,333.3 nano-dollars ($0.1925).
    let sim = run(include_str!("golden/cost_ec2.json"), 3600);
    assert_eq!(total(&sim).nano_usd(), 192_533_333);
    let report = cost_report(&sim);
    assert_eq!(report.total.total_nano_usd, 192_533_333);
    assert_eq!(report.ec2_instances.total_nano_usd, 192_533_333);
    assert_eq!(report.total.per_hour_nano_usd, 192_000_000);
    // web's share: the instance price split in Fargate's CPU:memory proportion over what the
    // m5.large registers (2,048 units, 7,984 MiB):
    //   CPU part = ⌊96,000,000 × 2,048·40,480,000 / (2,048·40,480,000 + 7,984·4,445,000)⌋
    //            = 67,223,268; memory part = 28,776,732.
    //   1 vCPU / 2 GiB reserves ⌊67,223,268 × 1,024/2,048⌋ + ⌊28,776,732 × 2,048/7,984⌋
    //            = 33,611,634 + 7,381,606 = 40,993,240 per hour,
    // for 0–30 s on instance 0 and 31–3,600 s on instance 1 (3,599 s in all):
    //   40,993,240 × 3,599 / 3,600 = 40,981,853.0 − a fraction → 40,981,852.
    let web = &report.services[0];
    assert_eq!(web.name, "web");
    assert_eq!(web.amount.total_nano_usd, 40_981_852);
    assert_eq!(web.amount.per_hour_nano_usd, 40_993_240);
    // Idle: everything paid for minus what tasks reserve.
    let i = idle(&sim.metering.ledger, sim.now());
    let reserved = sim
        .metering
        .ledger
        .account(&AccountKey::ReservedCpu)
        .at(sim.now())
        .plus(
            sim.metering
                .ledger
                .account(&AccountKey::ReservedMemory)
                .at(sim.now()),
        );
    assert_eq!(
        i.cpu.total.plus(i.memory.total),
        total(&sim).minus(reserved)
    );
    assert_eq!(
        report.idle.total.per_hour_nano_usd,
        192_000_000 - 40_993_240
    );
    assert_eq!(report.capacity_providers[0].name, "asg");
    assert_eq!(report.clusters[0].amount.total_nano_usd, 192_533_333);
}

#[test]
fn fargate_four_quarter_vcpu_tasks_cost_four_times_their_rate_per_hour() {
    // 0.25 vCPU × $0.04048 + 0.5 GB × $0.004445 = $0.0123425/h per task; four tasks
    // $0.04937/h. Every task is RUNNING by 600 s (provisioning ≤ 35 s, pull 8 s), so from
    // 600 s to 3,600 s the bill grows by exactly 49,370,000 × 3,000,000 ms (Money units).
    let json = include_str!("golden/cost_fargate.json");
    let at_600 = total(&run(json, 600));
    let sim = run(json, 3600);
    assert_eq!(total(&sim).minus(at_600), Money(49_370_000 * 3_000_000));
    let report = cost_report(&sim);
    assert_eq!(report.total.per_hour_nano_usd, 49_370_000);
    assert_eq!(report.fargate_tasks.per_hour_nano_usd, 49_370_000);
    assert_eq!(report.capacity_providers[0].name, "FARGATE");
    assert_eq!(report.idle.total.total_nano_usd, 0);
    // Billing starts at PENDING (image pull), between 15 and 35 s after creation, so the hour
    // costs less than a full hour of four tasks and more than 3,565 s of them.
    let t = total(&sim).nano_usd();
    assert!(t < 49_370_000 && t > 49_370_000 * 3_565 / 3_600, "{t}");
}

#[test]
fn fargate_spot_tasks_bill_at_thirty_percent_of_the_fargate_rate() {
    // 1 vCPU / 2 GB: $0.04048 + 2 × $0.004445 = $0.04937/h; Spot 70 % off: $0.014811/h;
    // two tasks $0.029622/h.
    let json = include_str!("golden/cost_fargate_spot.json");
    let at_600 = total(&run(json, 600));
    let sim = run(json, 3600);
    assert_eq!(total(&sim).minus(at_600), Money(29_622_000 * 3_000_000));
    let report = cost_report(&sim);
    assert_eq!(report.capacity_providers[0].name, "FARGATE_SPOT");
    assert_eq!(
        report.capacity_providers[0].amount.per_hour_nano_usd,
        29_622_000
    );
}

#[test]
fn a_stopped_fargate_task_is_billed_at_least_one_minute() {
    // Fargate pricing: "A minimum charge of 1 minute applies". A task whose image pull fails
    // stops within seconds of PENDING, yet is billed 60 s: 12,342,500 × 60 / 3,600 = 205,708.3.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("golden/cost_fargate.json")).expect("json");
    v["services"][0]["desiredCount"] = 1.into();
    v["images"] = serde_json::json!({ "example/app:1": { "pullFails": true } });
    let sim = run(&v.to_string(), 55);
    let stopped: Vec<_> = sim
        .tasks
        .values()
        .filter(|t| t.stopped_at.is_some())
        .collect();
    assert_eq!(stopped.len(), 1, "one pull failure by 55 s");
    assert_eq!(total(&sim).nano_usd(), 205_708);
}

#[test]
fn managed_scaling_bills_the_instances_it_launches_and_terminates() {
    // tests/golden/managed_scaling.json (m5.large, $0.096/h): one instance from 0 s; managed
    // scaling launches two at 60 s and, once the reservation stays low for 15 datapoints,
    // terminates them at 20:00 and 21:00 (cluster/managed_scaling.rs; the run's log says the
    // same). Instance-seconds to 30:00: 1,800 + (1,200 − 60) + (1,260 − 60) = 4,140.
    // 96,000,000 × 4,140 / 3,600 = 110,400,000 nano-dollars ($0.1104).
    let sim = run(include_str!("golden/managed_scaling.json"), 1800);
    let launched = sim.instances.len();
    assert_eq!(launched, 3);
    assert_eq!(total(&sim).nano_usd(), 110_400_000);
    let report = cost_report(&sim);
    assert_eq!(report.ec2_instances.total_nano_usd, 110_400_000);
    // One instance left running: $0.096/h now.
    assert_eq!(report.total.per_hour_nano_usd, 96_000_000);
}

#[test]
fn metering_changes_no_trace_hash() {
    // The meter observes only: the same scenario's trace hash is pinned in
    // tests/trace-hashes.json for the golden set; here, a run with and without a price override
    // (which changes every amount) must give the same trace.
    let json = include_str!("golden/cost_ec2.json");
    let mut v: serde_json::Value = serde_json::from_str(json).expect("json");
    v["pricing"] = serde_json::json!({ "ec2OnDemandHour": { "m5.large": 0.2 } });
    let a = run(json, 600);
    let b = run(&v.to_string(), 600);
    assert_eq!(a.trace_hash(), b.trace_hash());
    assert_ne!(total(&a), total(&b));
    assert!(cost_report(&b).scenario_prices);
}
