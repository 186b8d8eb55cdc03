//! Problems placed at their lines: what the code area's gutter and problem list show. Errors
//! (what ECS would reject) and advice warnings (what ECS accepts but AWS recommends against) are
//! both marks; a warning is drawn apart, and an error wins a line it shares with one.

use ecs_sim::advice::Advice;
use ecs_sim::scenario::locate_many::locate_many;
use ecs_sim::taskdef::{parse_task_definition, validate, TaskDefinitionError};
use ecs_sim::Problem;
use serde_json::Value;

/// One problem at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The JSON path (empty for syntax errors and whole-document problems).
    pub path: String,
    /// ECS's message (for a warning: the rule ID and the advice).
    pub message: String,
    /// An advice warning rather than an error.
    pub warning: bool,
    /// Found by a check that runs first (JSON syntax, the document's shape, the limits), so the
    /// later checks have not run yet: "1 problem" read as the only one (editor walkthrough).
    pub first_stage: bool,
}

/// Places validation problems (paths from the root of `text`) at their lines.
pub fn place(text: &str, problems: &[Problem]) -> Vec<Mark> {
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    problems
        .iter()
        .zip(locate_many(text, &paths))
        .map(|(p, at)| {
            let (line, column) = at.unwrap_or((1, 1));
            Mark {
                line,
                column,
                path: p.path.clone(),
                message: p.message.clone(),
                warning: false,
                first_stage: false,
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
        warning: false,
        first_stage: true,
    }
}

/// Advice findings (paths from the root of `text`) as warnings at their lines; a path the
/// text does not contain (a default left out) goes to the deepest enclosing key that it does.
pub fn advice(text: &str, found: &[Advice]) -> Vec<Mark> {
    let paths: Vec<&str> = found.iter().map(|a| a.path.as_str()).collect();
    found
        .iter()
        .zip(locate_many(text, &paths))
        .map(|(a, at)| {
            // `locate` stops at the deepest key the text has (a default left out).
            let (line, column) = at.unwrap_or((1, 1));
            Mark {
                line,
                column,
                path: a.path.clone(),
                message: format!("{}: {}", a.rule, a.message),
                warning: true,
                first_stage: false,
            }
        })
        .collect()
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
        Err(TaskDefinitionError::Invalid(problems)) => first_stage(place(text, &problems)),
    }
}

/// Marks found by the first checks (see [`Mark::first_stage`]).
pub fn first_stage(mut marks: Vec<Mark>) -> Vec<Mark> {
    for m in &mut marks {
        m.first_stage = true;
    }
    marks
}

/// [`task_definition`] for a family's tab: also a definition that names another family, which
/// Register refuses (marked at its `family`, so the tab never says "No problems" beside it).
/// `parsed` is the tab's own parse of `text` (none when it is not JSON).
pub fn task_definition_of_family(text: &str, parsed: Option<&Value>, family: &str) -> Vec<Mark> {
    let mut marks = task_definition(text);
    if let Some(p) = parsed.and_then(|v| ecs_sim::taskdef::form::family_problem(v, family)) {
        marks.extend(place(text, &[p]));
    }
    marks
}
