//! The command line's logic, kept free of I/O so it is tested like the rest of the library.
//!
//! - `ecs-sim validate FILE` — exit 0 valid; exit 1 invalid with one line per problem on
//!   stdout, exactly `error: <json path>: <message>`; exit 2 unreadable input or JSON syntax.
//!   A valid file's best-practice warnings follow, `warning: <json path>: <rule id>: <message>`
//!   (`--no-advice` silences them); they never change the exit code.
//! - `ecs-sim run SCENARIO --until SECONDS [--json] [--advice]` — runs and prints the log and a
//!   summary with the cost; `--advice` adds the static and proven warnings.
//!
//! - `ecs-sim check CHALLENGE [SOLUTION…]` — grades scenarios against a challenge (see
//!   [`check`]).
//!
//! FILE may be `-` for standard input. Input is read through [`Input`], at most
//! [`MAX_INPUT_BYTES`] + 1 bytes; every piece of user-derived text printed goes through
//! [`echo`], so one problem is always one line.

mod check;
pub mod echo;
mod read;
mod run;
mod run_advice;
mod validate;

pub use read::{Input, MAX_INPUT_BYTES, STDIN_ARG, STDIN_NAME};

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
            stderr: format!("error: {}\n\n{USAGE}", echo::message(message)),
            code: 2,
        }
    }

    /// A JSON syntax error, printed the same by every command:
    /// `error: <file>:<line>:<column>: JSON syntax error: <message>` (exit 2).
    fn syntax_error(file: &str, line: usize, column: usize, message: &str) -> Output {
        Output {
            stdout: String::new(),
            stderr: format!(
                "error: {}:{line}:{column}: JSON syntax error: {}\n",
                read::display_name(file),
                echo::message(message)
            ),
            code: 2,
        }
    }
}

/// The help text.
pub const USAGE: &str = "usage:
  ecs-sim validate FILE [--no-advice]
      FILE (`-` for standard input) is a task definition (register-task-definition input or describe-task-definition
      output) or a scenario. Exit 0 when valid; 1 when invalid, printing
      `error: <json path>: <message>` per problem; 2 when unreadable, not JSON or over 1 MiB.
      A valid file's best-practice warnings follow, one per line:
      `warning: <json path>: <rule id>: <message>` (--no-advice: none). They never change
      the exit code.
  ecs-sim run SCENARIO --until SECONDS [--json [--metrics]] [--advice | --no-advice]
      Runs the scenario for SECONDS of virtual time; prints the event log, a summary with the
      cost so far and the trace hash (--json: one JSON document with `cost`). --advice adds
      the warnings: the scenario's and those the run proved (--json: an `advice` array).
  ecs-sim check CHALLENGE [SOLUTION...] [--json] [--code CODE | --self-test]
      Grades scenarios against a challenge. CHALLENGE is a challenge file, a file holding a
      challenge link (#c1.…) or lesson:<id> (the built-in course). Each SOLUTION is a scenario
      file or a file holding a share link (#v1.…); none: the starting scenario. Prints one line
      per goal, a summary table and each passing solution's completion code (--json: one
      document for a gradebook). --code CODE: does CODE belong to the one SOLUTION, passing?
      --self-test: the start fails a goal and the challenge's solution passes. Exit 0 only when
      every solution passes (and the code matches); 1 otherwise; 2 unreadable input (an
      unreadable SOLUTION is reported and the others are still graded).
";

/// Runs the command line with `args` (without the program name), reading through `input`.
pub fn main(args: &[String], input: &impl Input) -> Output {
    match args.first().map(String::as_str) {
        Some("validate") => match args.get(1..) {
            Some([file]) if !file.starts_with("--") => validate::validate(file, true, input),
            Some([file, flag]) | Some([flag, file])
                if flag == "--no-advice" && !file.starts_with("--") =>
            {
                validate::validate(file, false, input)
            }
            _ => Output::usage("validate takes exactly one FILE (and optionally --no-advice)"),
        },
        Some("run") => run::run(&args[1..], input),
        Some("check") => check::check(&args[1..], input),
        Some("-h") | Some("--help") | Some("help") => Output {
            stdout: USAGE.into(),
            stderr: String::new(),
            code: 0,
        },
        Some(other) => Output::usage(&format!("unknown command '{other}'")),
        None => Output::usage("missing command"),
    }
}

/// What a scenario that could not be read prints, the same for every command: a syntax error
/// as [`Output::syntax_error`], problems as [`problem_lines`] (exit 1), anything else on
/// stderr (exit 2).
fn scenario_error(file: &str, e: &crate::scenario::ScenarioError) -> Output {
    use crate::scenario::ScenarioError;
    match e {
        ScenarioError::Syntax {
            line,
            column,
            message,
        } => Output::syntax_error(file, *line, *column, message),
        ScenarioError::Invalid(problems) => Output {
            stdout: problem_lines(problems),
            stderr: String::new(),
            code: 1,
        },
        ScenarioError::TooLarge { .. } => Output {
            stdout: String::new(),
            stderr: format!(
                "error: {}: {}\n",
                read::display_name(file),
                echo::message(&e.to_string())
            ),
            code: 2,
        },
    }
}

/// `error: <path>: <message>` lines for problems (the root is printed as `(root)`): path and
/// message escaped and cut by [`echo`], so each problem is exactly one line.
fn problem_lines(problems: &[crate::problem::Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "error: {}: {}\n",
                if p.path.is_empty() {
                    "(root)".to_string()
                } else {
                    echo::value(&p.path)
                },
                echo::message(&p.message)
            )
        })
        .collect()
}

/// `warning: <path>: <rule id>: <message>` per best-practice finding, after any `error:` or
/// `valid:` line: path and message escaped and cut by [`echo`] like problems, so each finding is
/// exactly one line.
fn warning_lines(found: &[crate::advice::Advice]) -> String {
    found
        .iter()
        .map(|a| {
            format!(
                "warning: {}: {}: {}\n",
                if a.path.is_empty() {
                    "(root)".to_string()
                } else {
                    echo::value(&a.path)
                },
                a.rule,
                echo::message(&a.message)
            )
        })
        .collect()
}
