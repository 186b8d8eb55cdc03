//! The `ecs-sim` command line: a thin shell over the library (see `ecs_sim::cli`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = ecs_sim::cli::main(&args, |path| std::fs::read_to_string(path));
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    std::process::exit(out.code);
}
