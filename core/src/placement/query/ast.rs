//! The parsed form of a cluster query expression, and its normalized text.

use std::fmt;

use super::pattern::Pattern;

/// A container-instance field the query language can test (DG cluster-query-language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstanceField {
    /// `agentConnected`: whether the container agent is connected (`true` / `false`).
    AgentConnected,
    /// `agentVersion`: the container agent version, e.g. `1.14.5`.
    AgentVersion,
    /// `ec2InstanceId`: the EC2 instance ID, e.g. `i-abcd1234`.
    Ec2InstanceId,
    /// `registeredAt`: when the instance registered, e.g. `2018-06-18T22:28:28Z`.
    RegisteredAt,
    /// `runningTasksCount`: how many tasks run on the instance.
    RunningTasksCount,
}

impl InstanceField {
    /// The subject as written in an expression.
    pub const fn name(self) -> &'static str {
        match self {
            InstanceField::AgentConnected => "agentConnected",
            InstanceField::AgentVersion => "agentVersion",
            InstanceField::Ec2InstanceId => "ec2InstanceId",
            InstanceField::RegisteredAt => "registeredAt",
            InstanceField::RunningTasksCount => "runningTasksCount",
        }
    }
}

/// What an expression tests: an attribute, a field, or the task groups on the instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// `attribute:<name>`, built-in (`ecs.instance-type`, ...) or custom.
    Attribute(String),
    /// One of the container-instance fields.
    Field(InstanceField),
    /// `task:group`: the groups of the tasks running on the instance (DG task groups).
    TaskGroup,
}

impl Subject {
    /// Reads a subject as written, or `None` if the language has no such subject.
    pub fn from_text(text: &str) -> Option<Self> {
        if let Some(name) = text.strip_prefix("attribute:") {
            return (!name.is_empty()).then(|| Subject::Attribute(name.to_string()));
        }
        Some(match text {
            "task:group" => Subject::TaskGroup,
            "agentConnected" => Subject::Field(InstanceField::AgentConnected),
            "agentVersion" => Subject::Field(InstanceField::AgentVersion),
            "ec2InstanceId" => Subject::Field(InstanceField::Ec2InstanceId),
            "registeredAt" => Subject::Field(InstanceField::RegisteredAt),
            "runningTasksCount" => Subject::Field(InstanceField::RunningTasksCount),
            _ => return None,
        })
    }

    /// The operators the guide lists as valid for this subject; attributes and `task:group`
    /// have no list in the guide, so every operator is allowed for them.
    pub fn allows(&self, op: Operator) -> bool {
        use Operator::*;
        match self {
            Subject::Field(InstanceField::AgentConnected | InstanceField::Ec2InstanceId) => {
                matches!(op, Equals | NotEquals | In | NotIn | Matches | NotMatches)
            }
            Subject::Field(_) => matches!(
                op,
                Equals | NotEquals | GreaterThan | GreaterThanEqual | LessThan | LessThanEqual
            ),
            Subject::Attribute(_) | Subject::TaskGroup => true,
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Attribute(name) => write!(f, "attribute:{name}"),
            Subject::Field(field) => f.write_str(field.name()),
            Subject::TaskGroup => f.write_str("task:group"),
        }
    }
}

/// A comparison operator; each has a symbol and a word form in the guide's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Operator {
    /// `==`, `equals`: string equality.
    Equals,
    /// `!=`, `not_equals`.
    NotEquals,
    /// `>`, `greater_than`.
    GreaterThan,
    /// `>=`, `greater_than_equal`.
    GreaterThanEqual,
    /// `<`, `less_than`.
    LessThan,
    /// `<=`, `less_than_equal`.
    LessThanEqual,
    /// `exists`: the subject has a value.
    Exists,
    /// `!exists`, `not_exists`.
    NotExists,
    /// `in`: the value is in an argument list.
    In,
    /// `!in`, `not_in`.
    NotIn,
    /// `=~`, `matches`: Java-style pattern match.
    Matches,
    /// `!~`, `not_matches`.
    NotMatches,
}

impl Operator {
    /// The normalized (symbol) spelling.
    pub const fn symbol(self) -> &'static str {
        match self {
            Operator::Equals => "==",
            Operator::NotEquals => "!=",
            Operator::GreaterThan => ">",
            Operator::GreaterThanEqual => ">=",
            Operator::LessThan => "<",
            Operator::LessThanEqual => "<=",
            Operator::Exists => "exists",
            Operator::NotExists => "!exists",
            Operator::In => "in",
            Operator::NotIn => "!in",
            Operator::Matches => "=~",
            Operator::NotMatches => "!~",
        }
    }

    /// The word form from the guide's operator table.
    pub const fn word(self) -> &'static str {
        match self {
            Operator::Equals => "equals",
            Operator::NotEquals => "not_equals",
            Operator::GreaterThan => "greater_than",
            Operator::GreaterThanEqual => "greater_than_equal",
            Operator::LessThan => "less_than",
            Operator::LessThanEqual => "less_than_equal",
            Operator::Exists => "exists",
            Operator::NotExists => "not_exists",
            Operator::In => "in",
            Operator::NotIn => "not_in",
            Operator::Matches => "matches",
            Operator::NotMatches => "not_matches",
        }
    }

    /// Every operator, for parsers and tests.
    pub const ALL: [Operator; 12] = [
        Operator::Equals,
        Operator::NotEquals,
        Operator::GreaterThan,
        Operator::GreaterThanEqual,
        Operator::LessThan,
        Operator::LessThanEqual,
        Operator::Exists,
        Operator::NotExists,
        Operator::In,
        Operator::NotIn,
        Operator::Matches,
        Operator::NotMatches,
    ];
}

/// The right-hand side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Argument {
    /// `exists` and `not_exists` take none.
    None,
    /// One literal value.
    Value(String),
    /// `[a, b, ...]` for `in` and `not_in`.
    List(Vec<String>),
    /// The compiled pattern of `=~` and `!~`.
    Pattern(Pattern),
}

/// One `subject operator [argument]` test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// What is tested.
    pub subject: Subject,
    /// How.
    pub operator: Operator,
    /// Against what.
    pub argument: Argument,
}

/// A whole expression: comparisons combined with `and`, `or` and `not`.
///
/// `and` and `or` chains are kept flat (`a and b and c` is one `All` of three), so that printing
/// and parsing again gives back the same value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expression {
    /// A single comparison.
    Compare(Comparison),
    /// `not`, `!`.
    Not(Box<Expression>),
    /// `and`, `&&`: every part holds (two or more parts).
    All(Vec<Expression>),
    /// `or`, `||`: some part holds (two or more parts).
    Any(Vec<Expression>),
}

impl Expression {
    /// Joins parts with `and`, flattening nested `and`s; one part is returned as is.
    pub fn all(parts: Vec<Expression>) -> Self {
        Self::join(parts, true)
    }

    /// Joins parts with `or`, flattening nested `or`s; one part is returned as is.
    pub fn any(parts: Vec<Expression>) -> Self {
        Self::join(parts, false)
    }

    fn join(parts: Vec<Expression>, and: bool) -> Self {
        let mut flat = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Expression::All(inner) if and => flat.extend(inner),
                Expression::Any(inner) if !and => flat.extend(inner),
                other => flat.push(other),
            }
        }
        if flat.len() == 1 {
            if let Some(only) = flat.pop() {
                return only;
            }
        }
        if and {
            Expression::All(flat)
        } else {
            Expression::Any(flat)
        }
    }
}

/// Whether a value can be printed without quotes and read back unchanged.
fn is_bare(value: &str, in_list: bool) -> bool {
    !value.is_empty()
        && !value.starts_with(['\'', '"', '['])
        && !value.contains("&&")
        && !value.contains("||")
        && !value.chars().any(|c| {
            c.is_whitespace() || c == '(' || c == ')' || (in_list && (c == ',' || c == ']'))
        })
}

fn write_value(f: &mut fmt::Formatter<'_>, value: &str, in_list: bool) -> fmt::Result {
    if is_bare(value, in_list) {
        return f.write_str(value);
    }
    f.write_str("'")?;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => f.write_str("\\'")?,
            // A backslash before a quote or another backslash would be read as an escape.
            '\\' if matches!(chars.peek(), Some('\'' | '\\') | None) => f.write_str("\\\\")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("'")
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.subject, self.operator.symbol())?;
        match &self.argument {
            Argument::None => Ok(()),
            Argument::Value(v) => {
                f.write_str(" ")?;
                write_value(f, v, false)
            }
            Argument::Pattern(p) => {
                f.write_str(" ")?;
                write_value(f, p.as_str(), false)
            }
            Argument::List(items) => {
                f.write_str(" [")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_value(f, item, true)?;
                }
                f.write_str("]")
            }
        }
    }
}

impl fmt::Display for Expression {
    /// Normalized text: symbol operators, lower-case `and`/`or`/`not`, single spaces, and only
    /// the parentheses precedence needs (`and` binds tighter than `or`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expression::Compare(c) => write!(f, "{c}"),
            Expression::Not(inner) => write!(f, "not({inner})"),
            Expression::All(parts) => {
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" and ")?;
                    }
                    match part {
                        Expression::Any(_) | Expression::All(_) => write!(f, "({part})")?,
                        _ => write!(f, "{part}")?,
                    }
                }
                Ok(())
            }
            Expression::Any(parts) => {
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    match part {
                        Expression::Any(_) => write!(f, "({part})")?,
                        _ => write!(f, "{part}")?,
                    }
                }
                Ok(())
            }
        }
    }
}
