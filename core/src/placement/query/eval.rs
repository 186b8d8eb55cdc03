//! Deciding whether a container instance satisfies an expression.
//!
//! Semantics the guide leaves open, chosen here and stated once:
//! - A subject may have several values (`task:group` has one per running task's group); a
//!   positive operator (`==`, `in`, `=~`, ordering) holds if any value satisfies it, and each
//!   negative operator is exactly the negation of its positive twin, so `task:group != database`
//!   means "hosts no task of group database", like the guide's `not(task:group == database)`.
//! - A missing subject satisfies no positive operator (hence every negative one).
//! - `==` / `in` are string equality (the guide's table), except that `agentVersion` and
//!   `registeredAt` compare by meaning (`1.14` equals `1.14.0`; a date equals its midnight).
//! - Ordering uses [`super::values`]: versions, timestamps, numbers, then text.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::ast::{Argument, Comparison, Expression, InstanceField, Operator, Subject};
use super::values::{compare_decimals, compare_versions, parse_timestamp, parse_version};

/// What the query language can ask about a container instance; the engine implements it for
/// its container instance type.
pub trait InstanceFacts {
    /// The value of attribute `name` (`ecs.instance-type`, a custom attribute, ...), if set.
    fn attribute(&self, name: &str) -> Option<&str>;

    /// The value of a field as text: `agentConnected` as `true`/`false`, `registeredAt` in one
    /// of the documented date formats, numbers in decimal.
    fn field(&self, field: InstanceField) -> Option<String>;

    /// The task groups of the tasks running on the instance (`service:web`, `family:x`, ...).
    fn task_groups(&self) -> Vec<&str> {
        Vec::new()
    }
}

impl Expression {
    /// Whether `instance` satisfies the expression (a `memberOf` constraint, or a
    /// `list-container-instances --filter`).
    pub fn matches(&self, instance: &dyn InstanceFacts) -> bool {
        match self {
            Expression::Compare(c) => c.matches(instance),
            Expression::Not(inner) => !inner.matches(instance),
            Expression::All(parts) => parts.iter().all(|p| p.matches(instance)),
            Expression::Any(parts) => parts.iter().any(|p| p.matches(instance)),
        }
    }
}

impl Comparison {
    /// Whether `instance` satisfies this one comparison.
    pub fn matches(&self, instance: &dyn InstanceFacts) -> bool {
        let values: Vec<Cow<'_, str>> = match &self.subject {
            Subject::Attribute(name) => instance
                .attribute(name)
                .map(Cow::Borrowed)
                .into_iter()
                .collect(),
            Subject::Field(field) => instance.field(*field).map(Cow::Owned).into_iter().collect(),
            Subject::TaskGroup => instance
                .task_groups()
                .into_iter()
                .map(Cow::Borrowed)
                .collect(),
        };
        let (positive, negate) = match self.operator {
            Operator::NotEquals => (Operator::Equals, true),
            Operator::NotExists => (Operator::Exists, true),
            Operator::NotIn => (Operator::In, true),
            Operator::NotMatches => (Operator::Matches, true),
            op => (op, false),
        };
        let holds = match positive {
            Operator::Exists => !values.is_empty(),
            _ => values.iter().any(|v| self.value_satisfies(positive, v)),
        };
        holds != negate
    }

    fn value_satisfies(&self, op: Operator, value: &str) -> bool {
        match (&self.argument, op) {
            (Argument::Value(arg), Operator::Equals) => equal(&self.subject, value, arg),
            (Argument::List(items), Operator::In) => {
                items.iter().any(|arg| equal(&self.subject, value, arg))
            }
            (Argument::Pattern(p), Operator::Matches) => p.is_match(value),
            (Argument::Value(arg), _) => {
                let Some(order) = compare(&self.subject, value, arg) else {
                    return false;
                };
                match op {
                    Operator::GreaterThan => order == Ordering::Greater,
                    Operator::GreaterThanEqual => order != Ordering::Less,
                    Operator::LessThan => order == Ordering::Less,
                    Operator::LessThanEqual => order != Ordering::Greater,
                    _ => false,
                }
            }
            _ => false,
        }
    }
}

fn equal(subject: &Subject, value: &str, arg: &str) -> bool {
    match subject {
        Subject::Field(InstanceField::AgentVersion | InstanceField::RegisteredAt) => {
            compare(subject, value, arg) == Some(Ordering::Equal)
        }
        _ => value == arg,
    }
}

fn compare(subject: &Subject, value: &str, arg: &str) -> Option<Ordering> {
    match subject {
        Subject::Field(InstanceField::AgentVersion) => Some(compare_versions(
            &parse_version(value)?,
            &parse_version(arg)?,
        )),
        Subject::Field(InstanceField::RegisteredAt) => {
            Some(parse_timestamp(value)?.cmp(&parse_timestamp(arg)?))
        }
        _ => Some(compare_decimals(value, arg).unwrap_or_else(|| value.cmp(arg))),
    }
}
