//! Placement throughput: tasks placed per second of wall time, natively. Prints numbers;
//! asserts nothing. `cargo bench -p ecs-sim --bench placement [-- INSTANCES TASKS]`.

use ecs_sim::bench::{placement_scenario, BenchStrategy};
use ecs_sim::Sim;
use std::time::Instant;

fn main() {
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let instances = args.first().copied().unwrap_or(5000);
    let tasks = args.get(1).copied().unwrap_or(100_000);
    for strategy in [BenchStrategy::BinpackMemory, BenchStrategy::AzSpread] {
        let model = placement_scenario(instances, tasks, strategy);
        let start = Instant::now();
        let mut sim = Sim::new(model);
        // Every service's first scheduler pass places all its tasks at time 0.
        sim.run_until(0);
        let secs = start.elapsed().as_secs_f64();
        let placed = sim.tasks.values().filter(|t| t.instance.is_some()).count();
        println!(
            "native placement {strategy:?}: {placed} tasks on {instances} instances in {secs:.3} s = {:.0} placements/s",
            placed as f64 / secs
        );
    }
}
