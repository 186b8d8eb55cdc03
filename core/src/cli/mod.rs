//! The command line's logic, kept free of I/O so it is tested like the rest of the library.
//!
//! - `ecs-sim validate FILE` — exit 0 valid; exit 1 invalid with one line per problem on
//!   stdout, exactly `error: <json path>: <message>`; exit 2 unreadable input or JSON syntax.
//!   A valid file's best-practice warnings follow, `warning: <json path>: <rule id>: <message>`
//!   (`--no-advice` silences them); they never change the exit code.
//! - `ecs-sim run SCENARIO --until SECONDS [--json] [--advice]` — runs and prints the log and a
//!   summary with the cost; `--advice` adds the static and proven warnings.

mod run;
mod run_advice;
mod validate;

/// What a command printed and its exit code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code.
    pub code: i32,
}

impl Output {
    fn usage(message: &str) -> Output {
        Output {
            stdout: String::new(),
            stderr: format!("error: {message}\n\n{USAGE}"),
            code: 2,
        }
    }
}

/// The help text.
pub const USAGE: &str = "usage:
  ecs-sim validate FILE [--no-advice]
      FILE is a task definition (register-task-definition input or describe-task-definition
      output) or a scenario. Exit 0 when valid; 1 when invalid, printing
      `error: <json path>: <message>` per problem; 2 when unreadable or not JSON.
      A valid file's best-practice warnings follow, one per line:
      `warning: <json path>: <rule id>: <message>` (--no-advice: none). They never change
      the exit code.
  ecs-sim run SCENARIO --until SECONDS [--json [--metrics]] [--advice | --no-advice]
      Runs the scenario for SECONDS of virtual time; prints the event log, a summary with the
      cost so far and the trace hash (--json: one JSON document with `cost`). --advice adds
      the warnings: the scenario's and those the run proved (--json: an `advice` array).
";

/// Runs the command line with `args` (without the program name); `read` reads a file.
pub fn main(args: &[String], read: impl Fn(&str) -> std::io::Result<String>) -> Output {
    match args.first().map(String::as_str) {
        Some("validate") => match args.get(1..) {
            Some([file]) if !file.starts_with("--") => validate::validate(file, true, &read),
            Some([file, flag]) | Some([flag, file])
                if flag == "--no-advice" && !file.starts_with("--") =>
            {
                validate::validate(file, false, &read)
            }
            _ => Output::usage("validate takes exactly one FILE (and optionally --no-advice)"),
        },
        Some("run") => run::run(&args[1..], &read),
        Some("-h") | Some("--help") | Some("help") => Output {
            stdout: USAGE.into(),
            stderr: String::new(),
            code: 0,
        },
        Some(other) => Output::usage(&format!("unknown command '{other}'")),
        None => Output::usage("missing command"),
    }
}

/// Reads a file, refusing anything over the scenario size cap.
fn read_input(
    file: &str,
    read: &impl Fn(&str) -> std::io::Result<String>,
) -> Result<String, Output> {
    let text = read(file).map_err(|e| Output {
        stdout: String::new(),
        stderr: format!("error: cannot read {file}: {e}\n"),
        code: 2,
    })?;
    if text.len() > crate::scenario::MAX_SCENARIO_BYTES {
        return Err(Output {
            stdout: String::new(),
            stderr: format!(
                "error: {file} is {} bytes; at most {} are read\n",
                text.len(),
                crate::scenario::MAX_SCENARIO_BYTES
            ),
            code: 2,
        });
    }
    Ok(text)
}

/// `error: <path>: <message>` lines for problems (the root is printed as `(root)`).
fn problem_lines(problems: &[crate::problem::Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "error: {}: {}\n",
                if p.path.is_empty() { "(root)" } else { &p.path },
                p.message
            )
        })
        .collect()
}
