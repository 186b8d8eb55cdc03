//! Issue #4's benchmark natively: one hour of virtual time of 50 services and 2,000 tasks with
//! load balancers, traffic, auto scaling and deployments. Prints numbers; asserts nothing.
//! `cargo bench -p ecs-sim --bench deployment`.

use ecs_sim::bench::deployment_scenario;
use ecs_sim::Sim;
use std::time::Instant;

/// One hour of virtual time, in milliseconds.
const HOUR_MS: u64 = 3_600_000;

fn main() {
    let model = deployment_scenario();
    let start = Instant::now();
    let mut sim = Sim::new(model);
    sim.run_until(HOUR_MS);
    let secs = start.elapsed().as_secs_f64();
    let live = sim
        .tasks
        .values()
        .filter(|t| t.last_status != ecs_sim::task::TaskStatus::Stopped)
        .count();
    println!(
        "native deployment: 3600 s simulated in {secs:.3} s wall = {:.0}x real time; {} events = {:.0} events/s; {live} tasks at the end",
        3600.0 / secs,
        sim.steps(),
        sim.steps() as f64 / secs
    );
}
