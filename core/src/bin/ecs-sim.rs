//! The `ecs-sim` command line: a thin shell over the library (see `ecs_sim::cli`).

use std::io::{self, Read, Write};

/// The real file system and standard input; the library bounds how much it reads from them.
struct Process;

impl ecs_sim::cli::Input for Process {
    fn open(&self, path: &str) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(std::fs::File::open(path)?))
    }

    fn stdin(&self) -> Box<dyn Read + '_> {
        Box::new(io::stdin().lock())
    }
}

fn main() {
    // args_os: a file name that is not UTF-8 is shown lossily instead of panicking.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let out = ecs_sim::cli::main(&args, &Process);
    // A closed pipe (`ecs-sim run … | head`) is not an error worth a panic.
    let _ = io::stdout().write_all(out.stdout.as_bytes());
    let _ = io::stdout().flush();
    let _ = io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.code);
}
