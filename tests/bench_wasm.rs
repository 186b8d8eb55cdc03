//! The placement benchmark in Chromium (not a test: it is ignored unless scripts/bench.sh asks
//! for it, and it prints numbers instead of asserting). Sizes come from BENCH_INSTANCES and
//! BENCH_TASKS at build time.
#![cfg(target_arch = "wasm32")]

use ecs_sim::bench::{placement_scenario, BenchStrategy};
use ecs_sim::Sim;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn size(name: Option<&str>, default: u32) -> u32 {
    name.and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[wasm_bindgen_test]
#[ignore]
fn bench_placement_in_the_browser() {
    let instances = size(option_env!("BENCH_INSTANCES"), 5000);
    let tasks = size(option_env!("BENCH_TASKS"), 100_000);
    for strategy in [BenchStrategy::BinpackMemory, BenchStrategy::AzSpread] {
        let model = placement_scenario(instances, tasks, strategy);
        let start = now_ms();
        let mut sim = Sim::new(model);
        sim.run_until(0);
        let secs = (now_ms() - start) / 1000.0;
        let placed = sim.tasks.values().filter(|t| t.instance.is_some()).count();
        console_log!(
            "wasm placement {strategy:?}: {placed} tasks on {instances} instances in {secs:.3} s = {:.0} placements/s",
            placed as f64 / secs
        );
    }
}

/// Issue #4's benchmark in Chromium: one hour of the 50-service, 2,000-task scenario. The target
/// is at least 3,600× real time (an hour of virtual time per wall second).
#[wasm_bindgen_test]
#[ignore]
fn bench_deployment_hour_in_the_browser() {
    let model = ecs_sim::bench::deployment_scenario();
    let start = now_ms();
    let mut sim = Sim::new(model);
    sim.run_until(3_600_000);
    let secs = (now_ms() - start) / 1000.0;
    let live = sim
        .tasks
        .values()
        .filter(|t| t.last_status != ecs_sim::task::TaskStatus::Stopped)
        .count();
    console_log!(
        "wasm deployment: 3600 s simulated in {secs:.3} s wall = {:.0}x real time; {} events = {:.0} events/s; {live} tasks at the end",
        3600.0 / secs,
        sim.steps(),
        sim.steps() as f64 / secs
    );
}

/// Issue #13: a check of a lesson takes under a second in the browser. Checks each lesson's
/// reference solution (a run to its horizon, deciding every goal) and prints the slowest.
#[wasm_bindgen_test]
#[ignore]
fn bench_lesson_checks_in_the_browser() {
    use ecs_sim::challenge::{check, course, Challenge};
    let mut slowest = (0.0_f64, "");
    let mut total = 0.0;
    for l in course::LESSONS {
        let Ok(c) = Challenge::parse(l.json) else {
            continue;
        };
        let Some(solution) = c.solution() else {
            continue;
        };
        let text = ecs_sim::form::to_text(&solution);
        let start = now_ms();
        let report = check(&c, &text);
        let ms = now_ms() - start;
        total += ms;
        if ms > slowest.0 {
            slowest = (ms, l.id);
        }
        console_log!(
            "wasm lesson check {}: {ms:.0} ms for {} s of virtual time (passed: {})",
            l.id,
            c.doc.horizon_seconds,
            report.passed
        );
    }
    console_log!(
        "wasm lesson checks: {} lessons in {total:.0} ms; slowest {} at {:.0} ms",
        course::LESSONS.len(),
        slowest.1,
        slowest.0
    );
}
