//! Issue #10's at-limit benchmarks in Chromium: the scenarios of `core/benches/limits.rs`
//! (built by the same `ecs_sim::bench` functions), each run for one simulated hour. Not tests:
//! they are ignored unless scripts/bench.sh asks for them, and they print numbers instead of
//! asserting. scripts/bench.sh runs each one in its own browser (a name filter), because wasm
//! linear memory never shrinks: the size read after a run is that run's peak only when nothing
//! bigger ran before it in the same module.
#![cfg(target_arch = "wasm32")]

use ecs_sim::bench::{clusters_document, fargate_document};
use ecs_sim::scenario::limits::{MAX_CLUSTERS, MAX_TOTAL_DESIRED_TASKS, MAX_TOTAL_INSTANCES};
use ecs_sim::service::resolve::MAX_TASKS_PER_SERVICE;
use ecs_sim::Sim;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MIB: f64 = 1024.0 * 1024.0;
/// One simulated hour, the unit (target ≤ 20 s of wall time in Chromium).
const HOUR_MS: u64 = 3_600_000;
/// The run goes in chunks of ten simulated minutes, so growth over time shows.
const CHUNK_MS: u64 = 600_000;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The module's linear memory in MiB. It only grows, so read after a run it is the peak so far
/// (target ≤ 512 MiB at the limits).
fn linear_memory_mib() -> f64 {
    core::arch::wasm32::memory_size(0) as f64 * 65536.0 / MIB
}

/// What one run measured.
struct Run {
    /// Wall seconds from the scenario text to the end of the hour (parse, build, run).
    total: f64,
    /// Wall seconds to the first ten simulated minutes (the native quadratic series' length).
    first_chunk: f64,
}

/// Loads `doc` from its text as the page does and runs it for one simulated hour, sampling the
/// linear memory after each ten-minute chunk; prints one line.
fn run_hour(label: &str, doc: serde_json::Value) -> Run {
    let text = doc.to_string();
    let before = linear_memory_mib();
    let start = now_ms();
    let mut sim = match Sim::from_json(&text) {
        Ok(s) => s,
        Err(e) => {
            console_log!("wasm limits {label}: refused at load: {e}");
            return Run {
                total: 0.0,
                first_chunk: 0.0,
            };
        }
    };
    let mut laps = Vec::new();
    let mut peak = linear_memory_mib();
    let mut first_chunk = 0.0;
    let mut lap_start = start;
    for end in (CHUNK_MS..=HOUR_MS).step_by(CHUNK_MS as usize) {
        sim.run_until(end);
        let now = now_ms();
        if end == CHUNK_MS {
            first_chunk = (now - start) / 1000.0;
        }
        laps.push(format!("{:.2}", (now - lap_start) / 1000.0));
        lap_start = now;
        peak = peak.max(linear_memory_mib());
    }
    let total = (now_ms() - start) / 1000.0;
    console_log!(
        "wasm limits {label}: 3600 s simulated in {total:.3} s wall (target ≤ 20 s; per 10 simulated minutes, the first with the load: {} s); {} events; peak linear memory {peak:.1} MiB (target ≤ 512 MiB; {before:.1} MiB before loading); {} tasks kept ({} stopped ones dropped), {} log lines kept ({} dropped)",
        laps.join(", "),
        sim.steps(),
        sim.tasks_kept(),
        sim.tasks_dropped(),
        sim.log().len(),
        sim.log_dropped(),
    );
    Run { total, first_chunk }
}

/// The quadratic series: one Fargate service of 500 to 5,000 tasks. The ratio is over
/// the first 600 simulated seconds (as natively); the hour is printed too. Sizes grow, so the
/// memory read after each size is that size's peak.
#[wasm_bindgen_test]
#[ignore]
fn bench_limits_quadratic_series_in_the_browser() {
    let mut by_size = Vec::new();
    // Best of three per size, as natively: the first run also pays for the engine's code
    // being compiled by the browser, and the machine is shared.
    for n in [500, 1000, 2000, 5000] {
        let best = (0..3)
            .map(|_| {
                run_hour(
                    &format!("quadratic series, 1 Fargate service × {n} tasks"),
                    fargate_document(1, n, None),
                )
            })
            .fold(
                Run {
                    total: f64::INFINITY,
                    first_chunk: f64::INFINITY,
                },
                |a, b| Run {
                    total: a.total.min(b.total),
                    first_chunk: a.first_chunk.min(b.first_chunk),
                },
            );
        by_size.push(best);
    }
    if let (Some(two), Some(five)) = (by_size.get(2), by_size.get(3)) {
        console_log!(
            "wasm limits quadratic series (best of 3): 5,000 tasks / 2,000 tasks = {:.2} over the first 600 s, {:.2} over the hour (target ≤ 2.5)",
            five.first_chunk / two.first_chunk,
            five.total / two.total
        );
    }
}

/// Fargate services of 5,000 tasks up to the scenario's task limit.
#[wasm_bindgen_test]
#[ignore]
fn bench_limits_task_limit_in_the_browser() {
    let services = MAX_TOTAL_DESIRED_TASKS / MAX_TASKS_PER_SERVICE;
    run_hour(
        &format!("{services} Fargate services × 5,000 tasks (the scenario limit)"),
        fargate_document(services, MAX_TASKS_PER_SERVICE, None),
    );
}

/// The most clusters, sharing the scenario's instance limit, 40 tasks each.
#[wasm_bindgen_test]
#[ignore]
fn bench_limits_instance_limit_in_the_browser() {
    let clusters = MAX_CLUSTERS as u32;
    let per = MAX_TOTAL_INSTANCES / clusters;
    run_hour(
        &format!(
            "{clusters} clusters × {per} t3.micro instances (the instance limit), 40 tasks each"
        ),
        clusters_document(clusters, per, 40),
    );
}

/// One Fargate service of 5,000 tasks whose containers exit 20 s after they start.
#[wasm_bindgen_test]
#[ignore]
fn bench_limits_crash_loop_in_the_browser() {
    run_hour(
        "crash loop, 1 Fargate service × 5000 tasks crashing 20 s after start",
        fargate_document(1, MAX_TASKS_PER_SERVICE, Some(20)),
    );
}

/// Every task of the scenario crashing: Fargate services of 5,000 tasks up to the task limit,
/// each container exiting 20 s after it starts (the worst hour the limits allow).
#[wasm_bindgen_test]
#[ignore]
fn bench_limits_all_tasks_crashing_in_the_browser() {
    let services = MAX_TOTAL_DESIRED_TASKS / MAX_TASKS_PER_SERVICE;
    run_hour(
        &format!(
            "crash loop at the task limit, {services} Fargate services × 5000 tasks crashing 20 s after start"
        ),
        fargate_document(services, MAX_TASKS_PER_SERVICE, Some(20)),
    );
}
