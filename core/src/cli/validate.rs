//! `ecs-sim validate FILE`.

use super::read::{read_input, Input};
use super::{echo, problem_lines, scenario_error, Output};
use crate::scenario::{parse::syntax_parts, parse_scenario, resolve};
use crate::taskdef::{self, Shape};

/// Validates a task definition (either shape) or a scenario.
pub fn validate(file: &str, input: &impl Input) -> Output {
    let text = match read_input(file, input) {
        Ok(t) => t,
        Err(out) => return out,
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            let (line, column, message) = syntax_parts(&e);
            return Output::syntax_error(file, line, column, &message);
        }
    };
    let is_scenario = value.get("clusters").is_some()
        || value.get("version").is_some() && value.get("family").is_none();
    if is_scenario {
        let doc = match parse_scenario(&text) {
            Ok(d) => d,
            Err(e) => return scenario_error(file, &e),
        };
        return match resolve(&doc) {
            Ok(model) => Output {
                stdout: format!(
                    "valid: scenario with {} services and {} task definitions\n",
                    model.services.len(),
                    model.task_definitions.len()
                ),
                ..Output::default()
            },
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
                Output {
                    stdout: format!(
                        "valid: task definition {}\n",
                        echo::value(td.family.as_deref().unwrap_or(""))
                    ),
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
