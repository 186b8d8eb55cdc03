//! Reading a task definition from JSON text: the `register-task-definition --cli-input-json`
//! input, or the `describe-task-definition` output exactly as the AWS CLI prints it.

use super::task_definition::TaskDefinition;
use crate::problem::{join_path, Problem};
use serde_json::{Map, Value};
use std::fmt;

/// Largest input text accepted, so a pasted file cannot exhaust the browser tab.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// Fields `describe-task-definition` adds that RegisterTaskDefinition does not accept.
pub const READ_ONLY_KEYS: &[&str] = &[
    "taskDefinitionArn",
    "revision",
    "status",
    "requiresAttributes",
    "compatibilities",
    "registeredAt",
    "registeredBy",
    "deregisteredAt",
    // A revision being deleted (DeleteTaskDefinitions) carries it: its describe output was
    // refused as an unknown parameter (engineers' probe, 27th session).
    "deleteRequestedAt",
];

/// Which of the two accepted documents the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The RegisterTaskDefinition input (`--cli-input-json`); paths are from its root.
    Register,
    /// `{"taskDefinition": {...}, "tags": [...]}` from describe-task-definition; problem paths
    /// start with `taskDefinition.`.
    Describe,
}

/// Why a task definition text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskDefinitionError {
    /// The text is not JSON; line and column are 1-based, as serde_json reports them.
    Syntax {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// The JSON does not have the shape of a task definition.
    Invalid(Vec<Problem>),
}

impl fmt::Display for TaskDefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskDefinitionError::Syntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            TaskDefinitionError::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                write!(f, "{}", lines.join("\n"))
            }
        }
    }
}

/// Reads a task definition from text in either accepted shape.
///
/// Shape errors (wrong type, unknown parameter, bad enum value) come back as problems with
/// the JSON path from the document root. Rules such as the Fargate table are checked by
/// [`super::validate`], not here.
pub fn parse_task_definition(text: &str) -> Result<TaskDefinition, TaskDefinitionError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(TaskDefinitionError::Invalid(vec![Problem::new(
            "",
            format!(
                "Input is {} bytes; the playground reads at most 1 MiB (ECS itself allows a task definition of at most 64 KiB)",
                text.len()
            ),
        )]));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| TaskDefinitionError::Syntax {
        line: e.line(),
        column: e.column(),
        message: crate::problem::shape::bare_message(&e),
    })?;
    task_definition_from_value(value)
        .map(|(td, _)| td)
        .map_err(TaskDefinitionError::Invalid)
}

/// Reads a task definition from an already-parsed JSON value (e.g. inside a scenario document,
/// which prefixes the problem paths with its own location).
pub fn task_definition_from_value(v: Value) -> Result<(TaskDefinition, Shape), Vec<Problem>> {
    let Value::Object(mut outer) = v else {
        return Err(vec![Problem::new(
            "",
            "Expected a JSON object: a task definition or describe-task-definition output",
        )]);
    };
    if !outer.contains_key("taskDefinition") {
        return from_object(outer, "").map(|td| (td, Shape::Register));
    }
    let mut problems = Vec::new();
    let inner = outer.remove("taskDefinition");
    let tags = outer.remove("tags");
    for key in outer.keys() {
        problems.push(Problem::new(
            key.clone(),
            format!("Unknown parameter in input: \"{key}\", must be one of: taskDefinition, tags"),
        ));
    }
    let Some(Value::Object(inner)) = inner else {
        problems.push(Problem::new(
            "taskDefinition",
            "Expected an object (the task definition)",
        ));
        return Err(problems);
    };
    match from_object(described_as_registered(inner, tags), "taskDefinition") {
        Ok(td) if problems.is_empty() => Ok((td, Shape::Describe)),
        Ok(_) => Err(problems),
        Err(mut more) => {
            problems.append(&mut more);
            Err(problems)
        }
    }
}

/// The definition inside `describe-task-definition` output as RegisterTaskDefinition takes it:
/// its read-only keys dropped, and the output's `tags` moved in when it has none of its own.
pub fn described_as_registered(
    mut inner: Map<String, Value>,
    tags: Option<Value>,
) -> Map<String, Value> {
    for key in READ_ONLY_KEYS {
        inner.shift_remove(*key);
    }
    if let Some(tags) = tags {
        if !inner.contains_key("tags") && !tags.as_array().is_some_and(Vec::is_empty) {
            inner.insert("tags".to_string(), tags);
        }
    }
    inner
}

/// The read-only keys of describe output left in a RegisterTaskDefinition input (the inner
/// object pasted alone, `jq .taskDefinition`), every one at once as the AWS CLI lists every
/// unknown parameter (one at a time, a walkthrough needed seven rounds), and taken out so the
/// rest of the definition is still checked.
fn read_only_problems(obj: &mut Map<String, Value>, prefix: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for key in READ_ONLY_KEYS {
        if obj.shift_remove(*key).is_some() {
            problems.push(
                Problem::new(
                    *key,
                    format!(
                        "Unknown parameter in input: \"{key}\": it is a read-only field of describe-task-definition output; remove it (or paste the whole output, {{\"taskDefinition\": …}}, which the playground reads)"
                    ),
                )
                .prefixed(prefix),
            );
        }
    }
    problems
}

/// Deserializes the task definition object after the AWS CLI's type check of task-level
/// cpu and memory; every such problem is reported, then the first shape error.
fn from_object(mut obj: Map<String, Value>, prefix: &str) -> Result<TaskDefinition, Vec<Problem>> {
    let mut problems = read_only_problems(&mut obj, prefix);
    problems.append(&mut cli_types::check_string_types(&mut obj, prefix));
    match crate::problem::shape::from_value::<TaskDefinition>(&Value::Object(obj)) {
        Ok(td) if problems.is_empty() => Ok(td),
        Ok(_) => Err(problems),
        Err(shape) => {
            problems.push(describe_shape_error(&shape.path, &shape.message).prefixed(prefix));
            Err(problems)
        }
    }
}

/// Text between the first pair of backticks after `start`.
fn backticked(msg: &str) -> Option<&str> {
    let rest = msg.split_once('`')?.1;
    Some(rest.split_once('`')?.0)
}

/// The allowed names serde lists after "expected", without backticks.
fn expected_list(msg: &str) -> String {
    let list = msg
        .split_once("expected one of ")
        .or_else(|| msg.split_once("expected "))
        .map(|(_, l)| l)
        .unwrap_or("");
    list.replace('`', "")
}

/// Turns serde's wording into the AWS CLI's where it has one ("Unknown parameter in ...").
fn describe_shape_error(path: &str, msg: &str) -> Problem {
    let where_ = if path.is_empty() { "input" } else { path };
    if msg.starts_with("unknown field") {
        let name = backticked(msg).unwrap_or("?");
        // The path of an unknown key already ends with the key: report the key's path
        // and name its parent object, as the CLI does.
        let parent = if path == name {
            ""
        } else {
            path.strip_suffix(name)
                .and_then(|p| p.strip_suffix('.'))
                .unwrap_or(path)
        };
        let in_ = if parent.is_empty() { "input" } else { parent };
        let text = format!(
            "Unknown parameter in {in_}: \"{name}\", must be one of: {}",
            expected_list(msg)
        );
        return Problem::new(join_path(parent, name), text);
    }
    if msg.starts_with("missing field") {
        let name = backticked(msg).unwrap_or("?");
        return Problem::new(
            path,
            format!("Missing required parameter in {where_}: \"{name}\""),
        );
    }
    if msg.starts_with("unknown variant") {
        let value = backticked(msg).unwrap_or("?");
        return Problem::new(
            path,
            format!(
                "Invalid value \"{value}\" for {where_}, valid values are: {}",
                expected_list(msg)
            ),
        );
    }
    let friendly = crate::problem::words::in_plain_words(msg);
    Problem::new(
        path,
        format!("Invalid type for parameter {where_}: {friendly}"),
    )
}

mod cli_types;

#[cfg(test)]
mod tests;
