//! The one error shape for untrusted input: where in the document, and what is wrong.

use std::fmt;

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
