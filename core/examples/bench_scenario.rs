//! Prints the deployment benchmark's scenario document (for the frame-time benchmark, which
//! uploads it into the playground): `cargo run -p ecs-sim --example bench_scenario`.

fn main() {
    println!("{:#}", ecs_sim::bench::deployment_scenario_document());
}
