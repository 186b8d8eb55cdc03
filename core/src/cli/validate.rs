//! `ecs-sim validate FILE`.

use super::{problem_lines, read_input, Output};
use crate::scenario::{parse::syntax_parts, parse_scenario, resolve, ScenarioError};
use crate::taskdef::{self, Shape};
use crate::view::report::advice::{self as report, warning_lines};

/// Validates a task definition (either shape) or a scenario; a valid one's best-practice
/// warnings follow when `advice` is on.
pub fn validate(
    file: &str,
    advice: bool,
    read: &impl Fn(&str) -> std::io::Result<String>,
) -> Output {
    let text = match read_input(file, read) {
        Ok(t) => t,
        Err(out) => return out,
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let (line, column, message) = syntax_parts(&e);
            return Output {
                stdout: String::new(),
                stderr: format!("error: {file}:{line}:{column}: JSON syntax error: {message}\n"),
                code: 2,
            };
        }
    };
    let is_scenario = value.get("clusters").is_some()
        || value.get("version").is_some() && value.get("family").is_none();
    if is_scenario {
        let doc = match parse_scenario(&text) {
            Ok(d) => d,
            Err(ScenarioError::Invalid(problems)) => return invalid(&problems),
            Err(e) => {
                return Output {
                    stdout: String::new(),
                    stderr: format!("error: {file}: {e}\n"),
                    code: 2,
                }
            }
        };
        return match resolve(&doc) {
            Ok(model) => {
                let mut stdout = format!(
                    "valid: scenario with {} services and {} task definitions\n",
                    model.services.len(),
                    model.task_definitions.len()
                );
                if advice {
                    stdout.push_str(&warning_lines(&report::static_advice(&model)));
                }
                Output {
                    stdout,
                    ..Output::default()
                }
            }
            Err(problems) => invalid(&problems),
        };
    }
    match taskdef::task_definition_from_value(value) {
        Err(problems) => invalid(&problems),
        Ok((td, shape)) => {
            let mut problems = taskdef::validate(&td);
            if shape == Shape::Describe {
                problems = problems
                    .into_iter()
                    .map(|p| p.prefixed("taskDefinition"))
                    .collect();
            }
            if problems.is_empty() {
                let mut stdout = format!(
                    "valid: task definition {}\n",
                    td.family.as_deref().unwrap_or("")
                );
                if advice {
                    let mut found = report::task_definition_advice(&td);
                    if shape == Shape::Describe {
                        for a in &mut found {
                            a.path = crate::problem::join_path("taskDefinition", &a.path);
                        }
                    }
                    stdout.push_str(&warning_lines(&found));
                }
                Output {
                    stdout,
                    ..Output::default()
                }
            } else {
                invalid(&problems)
            }
        }
    }
}

fn invalid(problems: &[crate::problem::Problem]) -> Output {
    Output {
        stdout: problem_lines(problems),
        stderr: String::new(),
        code: 1,
    }
}
