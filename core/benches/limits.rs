//! Issue #10's benchmarks natively: the cost of one Fargate service as its task count grows,
//! many services at the scenario limits, clusters at the instance limit, a crash-looping
//! service for an hour, and ten minutes of a crash loop at the task limit. Prints wall time,
//! events and peak heap (a counting global allocator); asserts nothing.
//! `cargo bench -p ecs-sim --bench limits` (`-- quick` for a short run, `-- crash` for only the
//! one-service crash loop, `-- crash-limit` for only the one at the task limit, e.g. under
//! `perf record`; `-- series-size N` for one size of the series, e.g. under
//! `valgrind --tool=cachegrind` to count its instructions, without the teardown the timed runs
//! leave out; `-- series-repeat N` for one size
//! run 200 times in one process, e.g. under `perf record` to see where that size's time goes).

use ecs_sim::bench::{clusters_document, fargate_document};
use ecs_sim::Sim;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their peak, so the benchmark reports memory without an OS probe.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Allocations made (calls to `alloc` and `realloc`): what the crash loop's cost follows.
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

/// Runs `doc` for `seconds` of virtual time; prints one line and returns the wall seconds.
fn run(label: &str, doc: serde_json::Value, seconds: u64) -> f64 {
    let text = doc.to_string();
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let base = LIVE.load(Ordering::Relaxed);
    let start = Instant::now();
    let mut sim = match Sim::from_json(&text) {
        Ok(s) => s,
        Err(e) => {
            println!("limits {label}: refused at load: {e}");
            return 0.0;
        }
    };
    sim.run_until(seconds * 1000);
    let secs = start.elapsed().as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base) as f64 / MIB;
    println!(
        "limits {label}: {seconds} s simulated in {secs:.3} s wall; {} events; peak heap {peak:.1} MiB; {} tasks kept ({} stopped ones dropped), {} log lines kept ({} dropped)",
        sim.steps(),
        sim.tasks_kept(),
        sim.tasks_dropped(),
        sim.log().len(),
        sim.log_dropped(),
    );
    secs
}

/// One run of the quadratic series' scenario `text` for 600 simulated seconds, timed from
/// parse to the end and printed by the caller; `None` if it is refused.
fn time_series_run(text: &str) -> Option<f64> {
    let start = Instant::now();
    let mut sim = Sim::from_json(text).ok()?;
    sim.run_until(600_000);
    let secs = start.elapsed().as_secs_f64();
    drop(std::hint::black_box(sim));
    Some(secs)
}

/// What the page pays per redraw at the task limit (`services` Fargate services × 5,000
/// tasks, two simulated minutes in, every task RUNNING): reading the engine's snapshot, the
/// service cards' tallies and the cluster layout, each the best of nine, with the allocations
/// the read makes.
fn snapshot_at_limit(services: u32) {
    let text = fargate_document(services, 5000, None).to_string();
    let Ok(mut sim) = Sim::from_json(&text) else {
        println!("limits snapshot: refused at load");
        return;
    };
    sim.run_until(120_000);
    let best = |f: &dyn Fn()| {
        (0..9)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let allocs = ALLOCS.load(Ordering::Relaxed);
    let snap = sim.snapshot();
    let read_allocs = ALLOCS.load(Ordering::Relaxed) - allocs;
    let read = best(&|| drop(std::hint::black_box(sim.snapshot())));
    let tallies = best(&|| {
        drop(std::hint::black_box(
            ecs_sim::view::tallies::service_tallies(&snap),
        ))
    });
    let layout = best(&|| drop(std::hint::black_box(ecs_sim::view::cluster_layout(&snap))));
    println!(
        "limits snapshot at the task limit ({} tasks): read {read:.2} ms ({read_allocs} allocations), service tallies {tallies:.2} ms, cluster layout {layout:.2} ms (best of 9, native)",
        snap.tasks.len()
    );
}

/// The crash loop of `services` services × `tasks` tasks, reported per simulated ten minutes so
/// growth over time shows.
fn crash_loop(services: u32, tasks: u32, minutes: u64) {
    let text = fargate_document(services, tasks, Some(20)).to_string();
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let base = LIVE.load(Ordering::Relaxed);
    let Ok(mut sim) = Sim::from_json(&text) else {
        println!("limits crash loop: refused at load");
        return;
    };
    let mut laps = Vec::new();
    let allocs = ALLOCS.load(Ordering::Relaxed);
    let total = Instant::now();
    for m in (10..=minutes).step_by(10) {
        let start = Instant::now();
        sim.run_until(m * 60_000);
        laps.push(format!("{:.2}", start.elapsed().as_secs_f64()));
    }
    let wall = total.elapsed().as_secs_f64();
    let allocs = ALLOCS.load(Ordering::Relaxed) - allocs;
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base) as f64 / MIB;
    let started = sim.tasks_kept() as u64 + sim.tasks_dropped();
    println!(
        "limits crash loop, {services} Fargate service(s) × {tasks} tasks crashing 20 s after start: {} min simulated in {:.3} s wall (per 10 simulated minutes: {} s); {} events; {} allocations ({:.1} per task started); peak heap {peak:.1} MiB; {} tasks kept ({} stopped ones dropped), {} log lines kept ({} dropped)",
        minutes,
        wall,
        laps.join(", "),
        sim.steps(),
        allocs,
        allocs as f64 / started.max(1) as f64,
        sim.tasks_kept(),
        sim.tasks_dropped(),
        sim.log().len(),
        sim.log_dropped(),
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    // `-- crash` runs only the 5,000-task crash loop (for profiling it).
    if std::env::args().any(|a| a == "crash") {
        crash_loop(1, 5000, if quick { 10 } else { 60 });
        return;
    }
    let services = ecs_sim::scenario::limits::MAX_TOTAL_DESIRED_TASKS
        / ecs_sim::service::resolve::MAX_TASKS_PER_SERVICE;
    // `-- crash-limit` runs only the crash loop at the task limit (10 simulated minutes; an
    // hour without `quick`).
    if std::env::args().any(|a| a == "crash-limit") {
        crash_loop(services, 5000, if quick { 10 } else { 60 });
        return;
    }
    // `-- crash-services N` runs the crash loop of N services × 5,000 tasks (how the cost grows
    // with the task total, behind the limit's choice).
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = args
        .iter()
        .position(|a| a == "crash-services")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse::<u32>().ok())
    {
        crash_loop(n, 5000, if quick { 10 } else { 60 });
        return;
    }
    // `-- snapshot` times what the page does with the picture at the task limit.
    if std::env::args().any(|a| a == "snapshot") {
        snapshot_at_limit(services);
        return;
    }
    // `-- series-repeat N` runs one size of the series 200 times in one process (to profile
    // where a size's time goes, as the timed series sees it: warm allocator, no start-up).
    if let Some(n) = args
        .iter()
        .position(|a| a == "series-repeat")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse::<u32>().ok())
    {
        let text = fargate_document(1, n, None).to_string();
        let total: f64 = (0..200).filter_map(|_| time_series_run(&text)).sum();
        println!(
            "limits quadratic series, 1 Fargate service × {n} tasks, 200 runs: {:.2} ms each on average",
            total * 1000.0 / 200.0
        );
        return;
    }
    // `-- series-size N` runs one size of the series once (to count its instructions).
    if let Some(n) = args
        .iter()
        .position(|a| a == "series-size")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse::<u32>().ok())
    {
        // As the timed series: parse and run, not the teardown (the simulation is leaked; the
        // process ends here), so cachegrind counts what the timed runs time.
        let text = fargate_document(1, n, None).to_string();
        if let Ok(mut sim) = Sim::from_json(&text) {
            sim.run_until(600_000);
            println!(
                "limits quadratic series, 1 Fargate service × {n} tasks: {} events (teardown not run)",
                sim.steps()
            );
            std::mem::forget(sim);
        }
        return;
    }
    // `-- series` runs only the quadratic series (for profiling it).
    let series_only = std::env::args().any(|a| a == "series");
    // Best of fifteen per size, the sizes taking turns (500, 1,000, 2,000, 5,000, then again):
    // each run is a few milliseconds on a shared machine, so a slow stretch of a few seconds
    // (another build, a page-fault burst) used to land on one size's block of runs and move the
    // ratio by ±1 between identical builds (2.1–4.3 on 2026-12-04); taking turns spreads it
    // over all sizes. The instruction counts (`series-size N` under cachegrind) are the
    // noise-free check of the same ratio.
    const SIZES: [u32; 4] = [500, 1000, 2000, 5000];
    let docs: Vec<String> = SIZES
        .iter()
        .map(|&n| fargate_document(1, n, None).to_string())
        .collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); SIZES.len()];
    for _ in 0..15 {
        for (k, text) in docs.iter().enumerate() {
            if let Some(t) = time_series_run(text) {
                times[k].push(t);
            }
        }
    }
    let mut by_size = Vec::new();
    for (k, n) in SIZES.iter().enumerate() {
        let mut t = times[k].clone();
        t.sort_by(f64::total_cmp);
        let (Some(&best), Some(&median)) = (t.first(), t.get(t.len() / 2)) else {
            continue;
        };
        println!(
            "limits quadratic series, 1 Fargate service × {n} tasks, 600 s simulated: best {:.2} ms, median {:.2} ms wall (15 runs)",
            best * 1000.0,
            median * 1000.0
        );
        by_size.push((*n, best));
    }
    if let (Some(&(_, two)), Some(&(_, five))) = (by_size.get(2), by_size.get(3)) {
        println!(
            "limits quadratic series (best of 15, sizes taking turns): 5,000 tasks / 2,000 tasks = {:.2} (target ≤ 2.5)",
            five / two
        );
    }
    if series_only {
        return;
    }
    let hour = if quick { 600 } else { 3600 };
    run(
        &format!("{services} Fargate services × 5,000 tasks (the scenario limit)"),
        fargate_document(services, 5000, None),
        hour,
    );
    let clusters = ecs_sim::scenario::limits::MAX_CLUSTERS as u32;
    let per = ecs_sim::scenario::limits::MAX_TOTAL_INSTANCES / clusters;
    run(
        &format!(
            "{clusters} clusters × {per} t3.micro instances (the instance limit), 40 tasks each"
        ),
        clusters_document(clusters, per, 40),
        hour,
    );
    crash_loop(1, 5000, if quick { 10 } else { 60 });
    // The crash loop at the task limit (every task of the scenario crashing), ten simulated
    // minutes: four times the events of the one above.
    crash_loop(services, 5000, 10);
}
