//! Problems placed at their lines: what the code area's gutter and problem list show.

use ecs_sim::scenario::locate::locate;
use ecs_sim::taskdef::{parse_task_definition, validate, TaskDefinitionError};
use ecs_sim::Problem;

/// One problem at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The JSON path (empty for syntax errors and whole-document problems).
    pub path: String,
    /// ECS's message.
    pub message: String,
}

/// Places validation problems (paths from the root of `text`) at their lines.
pub fn place(text: &str, problems: &[Problem]) -> Vec<Mark> {
    problems
        .iter()
        .map(|p| {
            let (line, column) = locate(text, &p.path).unwrap_or((1, 1));
            Mark {
                line,
                column,
                path: p.path.clone(),
                message: p.message.clone(),
            }
        })
        .collect()
}

/// A JSON syntax error as a mark.
pub fn syntax(line: usize, column: usize, message: &str) -> Mark {
    Mark {
        line: line.max(1),
        column: column.max(1),
        path: String::new(),
        message: format!("JSON syntax error at line {line}, column {column}: {message}"),
    }
}

/// Everything ECS would reject in a task definition text, placed at its fields.
pub fn task_definition(text: &str) -> Vec<Mark> {
    match parse_task_definition(text) {
        Ok(td) => place(text, &validate(&td)),
        Err(TaskDefinitionError::Syntax {
            line,
            column,
            message,
        }) => vec![syntax(line, column, &message)],
        Err(TaskDefinitionError::Invalid(problems)) => place(text, &problems),
    }
}
