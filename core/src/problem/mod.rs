//! The one error shape for untrusted input: where in the document, and what is wrong.

use std::fmt;

pub mod not_simulated;
pub mod shape;
pub mod words;

/// One problem found in user input, with the JSON path from the document root.
///
/// Paths use dots for object keys and 0-based brackets for array items, e.g.
/// `containerDefinitions[1].healthCheck.timeout`, so a problem can be shown at its field in the
/// editor and printed by `ecs-sim validate` as `error: <path>: <message>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Problem {
    /// JSON path from the document root; empty for the root itself.
    pub path: String,
    /// What is wrong, in ECS's words where ECS has them.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The same problem seen from a containing document, e.g. prefix `taskDefinitions[0]`.
    pub fn prefixed(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
        self
    }
}

/// Writes problems one per line (the `Display` of the errors that carry a list of them).
pub fn write_lines(f: &mut fmt::Formatter<'_>, problems: &[Problem]) -> fmt::Result {
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{p}")?;
    }
    Ok(())
}

/// The problems a resolver finds, in the order it finds them: every concept's `resolve` adds to
/// one list, so `ecs-sim validate` prints them in document order and the editor marks them all.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem::new(path, message));
    }

    /// Records problems found elsewhere (already carrying their paths).
    pub fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        self.0.extend(problems);
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many were found.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The list, for the caller that reports it.
    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }
}

/// ECS's rule for cluster, service and capacity provider names: 1–255 letters, digits,
/// hyphens and underscores.
pub fn is_ecs_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Joins a parent path and a child path the way JSON paths read (`a.b`, `a[0]`, `a`).
pub fn join_path(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else if child.is_empty() {
        parent.to_string()
    } else if child.starts_with('[') {
        format!("{parent}{child}")
    } else {
        format!("{parent}.{child}")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixing_joins_keys_with_dots_and_indices_directly() {
        let p = Problem::new("containerDefinitions[1].memory", "bad").prefixed("taskDefinition");
        assert_eq!(p.path, "taskDefinition.containerDefinitions[1].memory");
        let q = Problem::new("[2].name", "bad").prefixed("services");
        assert_eq!(q.path, "services[2].name");
        assert_eq!(Problem::new("", "x").prefixed("a").path, "a");
        assert_eq!(Problem::new("", "x").to_string(), "x");
    }
}
