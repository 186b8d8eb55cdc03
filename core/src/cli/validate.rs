//! `ecs-sim validate FILE`.

use super::read::{read_input, Input};
use super::warning_lines;
use super::{echo, problem_lines, scenario_error, Output};
use crate::scenario::{parse::syntax_parts, parse_scenario, resolve};
use crate::taskdef::{self, Shape};
use crate::view::report::advice as report;

/// Validates a task definition (either shape) or a scenario; a valid one's best-practice
/// warnings follow when `advice` is on.
pub fn validate(file: &str, advice: bool, input: &impl Input) -> Output {
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
    // A describe output's own revision is named, as the page's tab does (the CLI said nothing
    // of `hello_world:8` while its warnings named `hello_world:1`, engineer walkthrough).
    let family = value
        .get("taskDefinition")
        .and_then(|t| t.get("family"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("")
        .chars()
        .take(echo::MAX_ECHO_CHARS)
        .collect::<String>();
    let revision_note = taskdef::pasted_revision::revision_note(
        &value,
        &family,
        1,
        taskdef::pasted_revision::Outcome::Alone,
    );
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
                let note = revision_note
                    .map(|n| format!(" — {}", echo::line(&n)))
                    .unwrap_or_default();
                let mut stdout = format!(
                    "valid: task definition {}{note}\n",
                    echo::value(td.family.as_deref().unwrap_or(""))
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
