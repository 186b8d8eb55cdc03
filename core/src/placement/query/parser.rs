//! Recursive-descent parser for cluster query expressions (DG cluster-query-language).
//!
//! Grammar (`not` binds tightest, then `and`, then `or`; parentheses group):
//! ```text
//! expression := and_expr (("or" | "||") and_expr)*
//! and_expr   := unary (("and" | "&&") unary)*
//! unary      := ("not" | "!") unary | "(" expression ")" | subject operator [argument]
//! argument   := value | "[" value ("," value)* "]"
//! value      := bare-word | 'quoted' | "quoted"
//! ```
//! A bare value ends at white space or a parenthesis ("a single expression can't contain
//! parentheses"), and inside a list also at `,` or `]`; quote a value to include those.

use super::ast::{Argument, Comparison, Expression, InstanceField, Operator, Subject};
use super::cursor::Cursor;
use super::error::QueryError;
use super::pattern::Pattern;
use super::values::{parse_timestamp, parse_version};

/// Deepest nesting of parentheses and `not` accepted, so no input can exhaust the stack.
pub const MAX_NESTING: usize = 64;

/// Symbol spellings, longest first so `>=` wins over `>`.
const SYMBOLS: [(&str, Operator); 10] = [
    ("!exists", Operator::NotExists),
    ("!in", Operator::NotIn),
    ("==", Operator::Equals),
    ("!=", Operator::NotEquals),
    (">=", Operator::GreaterThanEqual),
    ("<=", Operator::LessThanEqual),
    ("=~", Operator::Matches),
    ("!~", Operator::NotMatches),
    (">", Operator::GreaterThan),
    ("<", Operator::LessThan),
];

/// Characters of subjects and of word operators/connectives.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/' | '\\' | '@')
}

pub(super) struct Parser<'a> {
    cur: Cursor<'a>,
    depth: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Self {
            cur: Cursor::new(src),
            depth: 0,
        }
    }

    fn skip_ws(&mut self) {
        while self.cur.peek().is_some_and(char::is_whitespace) {
            self.cur.bump();
        }
    }

    fn error<T>(&self, position: usize, message: impl Into<String>) -> Result<T, QueryError> {
        Err(QueryError::new(position, message))
    }

    /// Whether `word` starts here and is not the start of a longer word.
    fn at_word(&self, word: &str) -> bool {
        self.cur.rest().starts_with(word)
            && !self.cur.rest()[word.len()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
    }

    /// Consumes one of the connective spellings if present.
    fn eat_connective(&mut self, symbol: &str, word: &str) -> bool {
        if self.cur.rest().starts_with(symbol) {
            self.cur.pos += symbol.len();
            true
        } else if self.at_word(word) {
            self.cur.pos += word.len();
            true
        } else {
            false
        }
    }

    pub(super) fn parse(mut self) -> Result<Expression, QueryError> {
        self.skip_ws();
        if self.cur.peek().is_none() {
            return self.error(0, "the expression is empty");
        }
        let expression = self.or_expression()?;
        self.skip_ws();
        match self.cur.peek() {
            None => Ok(expression),
            Some(')') => self.error(self.cur.pos, "')' has no matching '('"),
            Some(_) => self.error(
                self.cur.pos,
                "expected 'and', 'or' or the end of the expression",
            ),
        }
    }

    fn or_expression(&mut self) -> Result<Expression, QueryError> {
        let mut parts = vec![self.and_expression()?];
        loop {
            self.skip_ws();
            if !self.eat_connective("||", "or") {
                break;
            }
            parts.push(self.and_expression()?);
        }
        Ok(Expression::any(parts))
    }

    fn and_expression(&mut self) -> Result<Expression, QueryError> {
        let mut parts = vec![self.unary()?];
        loop {
            self.skip_ws();
            if !self.eat_connective("&&", "and") {
                break;
            }
            parts.push(self.unary()?);
        }
        Ok(Expression::all(parts))
    }

    fn unary(&mut self) -> Result<Expression, QueryError> {
        self.skip_ws();
        if self.depth >= MAX_NESTING {
            return self.error(self.cur.pos, "the expression is nested too deeply");
        }
        let start = self.cur.pos;
        if self.cur.peek() == Some('(') {
            self.cur.bump();
            self.depth += 1;
            let inner = self.or_expression()?;
            self.depth -= 1;
            self.skip_ws();
            if self.cur.bump() != Some(')') {
                return self.error(start, "'(' is never closed");
            }
            return Ok(inner);
        }
        let negation = if self.at_word("not") {
            Some(3)
        } else if self.cur.peek() == Some('!') && !self.cur.rest()[1..].starts_with(['=', '~']) {
            Some(1)
        } else {
            None
        };
        if let Some(len) = negation {
            self.cur.pos += len;
            self.depth += 1;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expression::Not(Box::new(inner)));
        }
        self.comparison().map(Expression::Compare)
    }

    fn comparison(&mut self) -> Result<Comparison, QueryError> {
        let start = self.cur.pos;
        while self.cur.peek().is_some_and(is_word_char) {
            self.cur.bump();
        }
        let text = &self.cur.src[start..self.cur.pos];
        if text.is_empty() {
            return match self.cur.peek() {
                None => self.error(start, "the expression ends where a subject was expected"),
                Some(c) => self.error(
                    start,
                    format!("expected a subject such as attribute:ecs.instance-type, found '{c}'"),
                ),
            };
        }
        let Some(subject) = Subject::from_text(text) else {
            return self.error(
                start,
                format!(
                    "unknown subject '{text}'; use attribute:<name>, task:group, agentConnected, \
                     agentVersion, ec2InstanceId, registeredAt or runningTasksCount"
                ),
            );
        };
        self.skip_ws();
        let op_start = self.cur.pos;
        let operator = self.operator()?;
        if !subject.allows(operator) {
            return self.error(
                op_start,
                format!(
                    "operator '{}' is not valid for {subject}",
                    operator.symbol()
                ),
            );
        }
        let argument = match operator {
            Operator::Exists | Operator::NotExists => Argument::None,
            Operator::In | Operator::NotIn => Argument::List(self.list(&subject)?),
            Operator::Matches | Operator::NotMatches => {
                let (at, text, quoted) = self.value(false)?;
                let value_start = at + usize::from(quoted);
                match Pattern::compile(&text) {
                    Ok(p) => Argument::Pattern(p),
                    Err(e) => {
                        // Offsets inside a quoted value shift if escapes were used; clamp.
                        let position = (value_start + e.offset).min(self.cur.pos);
                        return self.error(position, format!("pattern: {}", e.message));
                    }
                }
            }
            _ => {
                let (at, text, _) = self.value(false)?;
                check_value(&subject, at, &text)?;
                Argument::Value(text)
            }
        };
        Ok(Comparison {
            subject,
            operator,
            argument,
        })
    }

    fn operator(&mut self) -> Result<Operator, QueryError> {
        for (symbol, op) in SYMBOLS {
            let word_like = symbol.starts_with('!') && symbol.len() > 2;
            let found = if word_like {
                self.at_word(symbol)
            } else {
                self.cur.rest().starts_with(symbol)
            };
            if found {
                self.cur.pos += symbol.len();
                return Ok(op);
            }
        }
        // Longest word first: `greater_than_equal` before `greater_than`.
        let mut words: Vec<Operator> = Operator::ALL.to_vec();
        crate::order::sort_by_key(&mut words, |op| std::cmp::Reverse(op.word().len()));
        for op in words {
            if self.at_word(op.word()) {
                self.cur.pos += op.word().len();
                return Ok(op);
            }
        }
        match self.cur.peek() {
            None => self.error(
                self.cur.pos,
                "the expression ends where an operator was expected",
            ),
            Some(_) => self.error(
                self.cur.pos,
                "expected an operator: ==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ \
                 (or equals, not_equals, greater_than, ...)",
            ),
        }
    }

    /// Reads one value; returns where it starts, its text, and whether it was quoted.
    fn value(&mut self, in_list: bool) -> Result<(usize, String, bool), QueryError> {
        self.skip_ws();
        let start = self.cur.pos;
        match self.cur.peek() {
            None => self.error(start, "the expression ends where a value was expected"),
            Some(q @ ('\'' | '"')) => {
                self.cur.bump();
                let mut text = String::new();
                loop {
                    match self.cur.bump() {
                        None => return self.error(start, "quoted value is never closed"),
                        Some('\\') if matches!(self.cur.peek(), Some(c) if c == q || c == '\\') => {
                            if let Some(c) = self.cur.bump() {
                                text.push(c);
                            }
                        }
                        Some(c) if c == q => break,
                        Some(c) => text.push(c),
                    }
                }
                Ok((start, text, true))
            }
            Some(_) => {
                while let Some(c) = self.cur.peek() {
                    let ends = c.is_whitespace()
                        || c == '('
                        || c == ')'
                        || (in_list && (c == ',' || c == ']'))
                        || self.cur.rest().starts_with("&&")
                        || self.cur.rest().starts_with("||");
                    if ends {
                        break;
                    }
                    self.cur.bump();
                }
                if self.cur.pos == start {
                    let found = self.cur.peek().unwrap_or(' ');
                    return self.error(start, format!("expected a value, found '{found}'"));
                }
                Ok((start, self.cur.src[start..self.cur.pos].to_string(), false))
            }
        }
    }

    fn list(&mut self, subject: &Subject) -> Result<Vec<String>, QueryError> {
        self.skip_ws();
        let open = self.cur.pos;
        if self.cur.peek() != Some('[') {
            return self.error(open, "in and not_in expect an argument list like [a, b]");
        }
        self.cur.bump();
        self.skip_ws();
        if self.cur.peek() == Some(']') {
            return self.error(open, "the argument list is empty");
        }
        let mut items = Vec::new();
        loop {
            let (at, text, _) = self.value(true)?;
            check_value(subject, at, &text)?;
            items.push(text);
            self.skip_ws();
            match self.cur.bump() {
                Some(',') => continue,
                Some(']') => break,
                None => return self.error(open, "'[' is never closed"),
                Some(c) => {
                    let at = self.cur.pos - c.len_utf8();
                    return self.error(at, format!("expected ',' or ']', found '{c}'"));
                }
            }
        }
        Ok(items)
    }
}

/// Rejects arguments a typed field can never equal or be ordered against.
fn check_value(subject: &Subject, at: usize, text: &str) -> Result<(), QueryError> {
    let ok = match subject {
        Subject::Field(InstanceField::RegisteredAt) => parse_timestamp(text).is_some(),
        Subject::Field(InstanceField::AgentVersion) => parse_version(text).is_some(),
        Subject::Field(InstanceField::RunningTasksCount) => text.parse::<u64>().is_ok(),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    let expected = match subject {
        Subject::Field(InstanceField::RegisteredAt) => {
            "a date such as 2018-06-18, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00"
        }
        Subject::Field(InstanceField::AgentVersion) => "a version such as 1.14.5",
        _ => "a whole number",
    };
    Err(QueryError::new(at, format!("{subject} expects {expected}")))
}
