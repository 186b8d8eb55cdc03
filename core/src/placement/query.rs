//! The cluster query language (DG cluster-query-language): `memberOf` placement constraints
//! and `list-container-instances --filter` select container instances with expressions such
//! as `attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d`.
//!
//! [`parse`] turns the text into an [`Expression`] (or a [`QueryError`] with the byte position
//! of the problem); [`Expression::matches`] tests it against anything that implements
//! [`InstanceFacts`]; `Display` prints the normalized form.

mod ast;
mod cursor;
mod error;
mod eval;
mod parser;
mod pattern;
mod values;

pub use ast::{Argument, Comparison, Expression, InstanceField, Operator, Subject};
pub use error::QueryError;
pub use eval::InstanceFacts;
pub use parser::MAX_NESTING;
pub use pattern::Pattern;

/// Longest `memberOf` expression the API accepts (API PlacementConstraint: "The expression can
/// have a maximum length of 2000 characters"); checked by the constraint validator, not here,
/// because list filters share the language.
pub const MAX_CONSTRAINT_EXPRESSION_LEN: usize = 2000;

/// Parses a cluster query expression.
pub fn parse(expression: &str) -> Result<Expression, QueryError> {
    parser::Parser::new(expression).parse()
}

#[cfg(test)]
mod tests;
