//! The error a malformed cluster query reports.

use std::fmt;

/// Why an expression could not be parsed, and the byte offset in the expression where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Byte offset into the expression text (0 = first character).
    pub position: usize,
    /// What is wrong there.
    pub message: String,
}

impl QueryError {
    /// An error at `position`.
    pub fn new(position: usize, message: impl Into<String>) -> Self {
        Self {
            position,
            message: message.into(),
        }
    }

    /// The error as a [`crate::problem::Problem`] at `path` (e.g. `placementConstraints[0].expression`).
    pub fn to_problem(&self, path: &str) -> crate::problem::Problem {
        crate::problem::Problem::new(path, self.to_string())
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at position {}: {}", self.position, self.message)
    }
}

impl std::error::Error for QueryError {}
