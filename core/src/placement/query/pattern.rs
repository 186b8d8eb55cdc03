//! The `=~` / `!~` argument: a safe subset of Java regular expressions.
//!
//! DG cluster-query-language: "The matches and not_matches operators expect an argument that
//! conforms to the Java regular expression syntax". The simulator supports the part of that
//! syntax the guide's examples and ordinary attribute values need — literals, `.`, `*`, `+`, `?`,
//! `{n}`, `{n,}`, `{n,m}`, character classes (`[a-c]`, `[^0-9]`), `\d \w \s` and their negations,
//! escaped punctuation, groups `( )` / `(?: )`, alternation `|`, and `^` / `$` at the ends — and
//! rejects the rest (back-references, look-around, possessive quantifiers, `\b`, `\p{..}`) with
//! an error rather than guessing. Like Java's `String.matches`, the whole value must match.
//! Matching runs a Thompson NFA (time linear in value length × pattern size), so no input can
//! cause exponential backtracking.

use super::cursor::Cursor;

/// Largest compiled program accepted; bounds memory and time for patterns like `(a{100}){100}`.
const MAX_PROGRAM_LEN: usize = 4096;

/// A compiled pattern, kept with its source text for display.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    program: Vec<Inst>,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Pattern {}

/// A pattern the subset does not support or that is malformed: byte offset in the pattern and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Byte offset inside the pattern text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Class {
    negated: bool,
    ranges: Vec<(char, char)>,
}

impl Class {
    fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != self.negated
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    Class(Class),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

impl Pattern {
    /// Compiles `source`, or says where the unsupported or malformed part is.
    pub fn compile(source: &str) -> Result<Self, PatternError> {
        let mut p = RegexParser {
            cur: Cursor::new(source),
            depth: 0,
        };
        if p.cur.rest().starts_with('^') {
            p.cur.pos += 1;
        }
        let node = p.alternation()?;
        if p.cur.rest() == "$" {
            p.cur.pos += 1;
        }
        if let Some(c) = p.cur.peek() {
            let message = match c {
                ')' => "unmatched ')'".to_string(),
                '$' => "'$' is only supported at the end of the pattern".to_string(),
                _ => format!("unexpected '{c}'"),
            };
            return Err(p.error(message));
        }
        let mut program = Vec::new();
        emit(&node, &mut program).map_err(|message| PatternError { offset: 0, message })?;
        program.push(Inst::Match);
        Ok(Self {
            source: source.to_string(),
            program,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `value` matches (Java `String.matches` semantics).
    pub fn is_match(&self, value: &str) -> bool {
        let n = self.program.len();
        let mut current = Vec::with_capacity(n);
        let mut on = vec![false; n];
        self.add_thread(&mut current, &mut on, 0);
        for c in value.chars() {
            let mut next = Vec::with_capacity(n);
            let mut next_on = vec![false; n];
            for &pc in &current {
                let advances = match &self.program[pc] {
                    Inst::Char(x) => *x == c,
                    Inst::Any => c != '\n' && c != '\r',
                    Inst::Class(class) => class.contains(c),
                    _ => false,
                };
                if advances {
                    self.add_thread(&mut next, &mut next_on, pc + 1);
                }
            }
            if next.is_empty() {
                return false;
            }
            current = next;
        }
        current
            .iter()
            .any(|&pc| matches!(self.program[pc], Inst::Match))
    }

    /// Adds `start` and everything reachable from it without consuming input.
    fn add_thread(&self, list: &mut Vec<usize>, on: &mut [bool], start: usize) {
        let mut stack = vec![start];
        while let Some(pc) = stack.pop() {
            if pc >= self.program.len() || on[pc] {
                continue;
            }
            on[pc] = true;
            match self.program[pc] {
                Inst::Jmp(t) => stack.push(t),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                _ => list.push(pc),
            }
        }
    }
}

fn emit(node: &Node, out: &mut Vec<Inst>) -> Result<(), String> {
    if out.len() > MAX_PROGRAM_LEN {
        return Err(format!(
            "pattern is too complex (over {MAX_PROGRAM_LEN} steps once repetitions are expanded)"
        ));
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => out.push(Inst::Char(*c)),
        Node::Any => out.push(Inst::Any),
        Node::Class(class) => out.push(Inst::Class(class.clone())),
        Node::Concat(items) => {
            for item in items {
                emit(item, out)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(branch, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jmp(0));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    emit(branch, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat(inner, min, max) => {
            for _ in 0..*min {
                emit(inner, out)?;
            }
            match max {
                None => {
                    // L: split(body, end); body; jmp L
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(inner, out)?;
                    out.push(Inst::Jmp(split));
                    let end = out.len();
                    out[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(out.len() + 1, 0));
                        emit(inner, out)?;
                    }
                    let end = out.len();
                    for s in splits {
                        out[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    if out.len() > MAX_PROGRAM_LEN {
        return Err(format!(
            "pattern is too complex (over {MAX_PROGRAM_LEN} steps once repetitions are expanded)"
        ));
    }
    Ok(())
}

/// Nesting limit for groups, so a pattern of many `(` cannot exhaust the stack.
const MAX_GROUP_DEPTH: usize = 32;

struct RegexParser<'a> {
    cur: Cursor<'a>,
    depth: usize,
}

impl RegexParser<'_> {
    fn error(&self, message: impl Into<String>) -> PatternError {
        PatternError {
            offset: self.cur.pos,
            message: message.into(),
        }
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.concatenation()?];
        while self.cur.peek() == Some('|') {
            self.cur.bump();
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        loop {
            match self.cur.peek() {
                None | Some('|') | Some(')') => break,
                Some('$') if self.cur.rest() == "$" && self.depth == 0 => break,
                _ => {}
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let start = self.cur.pos;
        let Some(c) = self.cur.bump() else {
            return Err(self.error("pattern ends unexpectedly"));
        };
        match c {
            '.' => Ok(Node::Any),
            '[' => self.class(),
            '(' => {
                if self.cur.rest().starts_with("?:") {
                    self.cur.pos += 2;
                } else if self.cur.rest().starts_with('?') {
                    return Err(PatternError {
                        offset: start,
                        message: "look-around and other '(?' groups are not supported; use '(' \
                                  or '(?:'"
                            .to_string(),
                    });
                }
                self.depth += 1;
                if self.depth > MAX_GROUP_DEPTH {
                    return Err(self.error("groups are nested too deeply"));
                }
                let inner = self.alternation()?;
                self.depth -= 1;
                if self.cur.bump() != Some(')') {
                    return Err(PatternError {
                        offset: start,
                        message: "'(' is never closed".to_string(),
                    });
                }
                Ok(inner)
            }
            '\\' => self.escape(false).map(|e| match e {
                Escaped::Char(c) => Node::Char(c),
                Escaped::Class(class) => Node::Class(class),
            }),
            '*' | '+' | '?' => Err(PatternError {
                offset: start,
                message: format!("'{c}' has nothing to repeat"),
            }),
            '{' => Err(PatternError {
                offset: start,
                message: "'{' has nothing to repeat; write \\{ for a literal brace".to_string(),
            }),
            '^' => Err(PatternError {
                offset: start,
                message: "'^' is only supported at the start of the pattern".to_string(),
            }),
            '$' => Err(PatternError {
                offset: start,
                message: "'$' is only supported at the end of the pattern".to_string(),
            }),
            other => Ok(Node::Char(other)),
        }
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.cur.peek() {
            Some('*') => {
                self.cur.bump();
                (0, None)
            }
            Some('+') => {
                self.cur.bump();
                (1, None)
            }
            Some('?') => {
                self.cur.bump();
                (0, Some(1))
            }
            Some('{') => self.bounds()?,
            _ => return Ok(atom),
        };
        // A lazy quantifier finds the same whole-value matches; a possessive one may not.
        match self.cur.peek() {
            Some('?') => {
                self.cur.bump();
            }
            Some('+') => {
                return Err(
                    self.error("possessive quantifiers ('*+', '++', '?+') are not supported")
                )
            }
            _ => {}
        }
        if matches!(self.cur.peek(), Some('*' | '+' | '?' | '{')) {
            // `a**` is an error in Java too.
            return Err(self.error("a repetition cannot be repeated directly; use a group"));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` starting at the `{`.
    fn bounds(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let start = self.cur.pos;
        self.cur.bump();
        let min = self.number()?;
        let max = if self.cur.peek() == Some(',') {
            self.cur.bump();
            if self.cur.peek() == Some('}') {
                None
            } else {
                Some(self.number()?)
            }
        } else {
            Some(min)
        };
        if self.cur.bump() != Some('}') {
            return Err(PatternError {
                offset: start,
                message: "repetition count is not closed with '}'".to_string(),
            });
        }
        if max.is_some_and(|m| m < min) {
            return Err(PatternError {
                offset: start,
                message: "repetition {n,m} needs n <= m".to_string(),
            });
        }
        Ok((min, max))
    }

    fn number(&mut self) -> Result<u32, PatternError> {
        let start = self.cur.pos;
        while self.cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.cur.bump();
        }
        self.cur.src[start..self.cur.pos]
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= 1000)
            .ok_or(PatternError {
                offset: start,
                message: "expected a repetition count from 0 to 1000".to_string(),
            })
    }

    fn class(&mut self) -> Result<Node, PatternError> {
        let open = self.cur.pos.saturating_sub(1);
        let negated = if self.cur.peek() == Some('^') {
            self.cur.bump();
            true
        } else {
            false
        };
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.cur.bump() else {
                return Err(PatternError {
                    offset: open,
                    message: "'[' is never closed".to_string(),
                });
            };
            let lo = match c {
                ']' if !first => break,
                '[' => return Err(self.error("nested character classes are not supported")),
                '&' if self.cur.peek() == Some('&') => {
                    return Err(self.error("class intersection '&&' is not supported"))
                }
                '\\' => match self.escape(true)? {
                    Escaped::Char(c) => c,
                    Escaped::Class(class) => {
                        ranges.extend(class.ranges);
                        first = false;
                        continue;
                    }
                },
                other => other,
            };
            first = false;
            let mut hi = lo;
            if self.cur.peek() == Some('-') && !self.cur.rest().starts_with("-]") {
                self.cur.bump();
                hi = match self.cur.bump() {
                    Some('\\') => match self.escape(true)? {
                        Escaped::Char(c) => c,
                        Escaped::Class(_) => {
                            return Err(self.error("a range cannot end in a class escape"))
                        }
                    },
                    Some(c) => c,
                    None => {
                        return Err(PatternError {
                            offset: open,
                            message: "'[' is never closed".to_string(),
                        })
                    }
                };
                if hi < lo {
                    return Err(self.error(format!("range {lo}-{hi} is out of order")));
                }
            }
            ranges.push((lo, hi));
        }
        Ok(Node::Class(Class { negated, ranges }))
    }

    /// Reads what follows a backslash. Inside a class only the positive class escapes work.
    fn escape(&mut self, in_class: bool) -> Result<Escaped, PatternError> {
        let at = self.cur.pos.saturating_sub(1);
        let Some(c) = self.cur.bump() else {
            return Err(PatternError {
                offset: at,
                message: "pattern ends with a lone '\\'".to_string(),
            });
        };
        let class = |negated: bool, ranges: &[(char, char)]| {
            Escaped::Class(Class {
                negated,
                ranges: ranges.to_vec(),
            })
        };
        const DIGIT: &[(char, char)] = &[('0', '9')];
        const WORD: &[(char, char)] = &[('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')];
        const SPACE: &[(char, char)] = &[(' ', ' '), ('\t', '\r')];
        Ok(match c {
            'd' => class(false, DIGIT),
            'w' => class(false, WORD),
            's' => class(false, SPACE),
            'D' | 'W' | 'S' if !in_class => class(
                true,
                match c {
                    'D' => DIGIT,
                    'W' => WORD,
                    _ => SPACE,
                },
            ),
            't' => Escaped::Char('\t'),
            'n' => Escaped::Char('\n'),
            'r' => Escaped::Char('\r'),
            c if c.is_ascii_alphanumeric() => {
                return Err(PatternError {
                    offset: at,
                    message: format!("the escape '\\{c}' is not supported"),
                })
            }
            c => Escaped::Char(c),
        })
    }
}

enum Escaped {
    Char(char),
    Class(Class),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(p: &str, v: &str) -> bool {
        match Pattern::compile(p) {
            Ok(p) => p.is_match(v),
            Err(e) => panic!("{p}: {e:?}"),
        }
    }

    #[test]
    fn cluster_query_language_g2_star_matches_the_whole_instance_type() {
        assert!(matches("g2.*", "g2.2xlarge"));
        assert!(matches("t2.*", "t2.micro"));
        assert!(!matches("t2.*", "m5.large"));
        assert!(
            !matches("t2.*", "xt2.micro"),
            "Java matches() needs the whole value"
        );
    }

    #[test]
    fn classes_escapes_groups_alternation_and_counts() {
        assert!(matches("^t[23]\\.(micro|small)$", "t3.small"));
        assert!(!matches("^t[23]\\.(micro|small)$", "t3.large"));
        assert!(matches("[^0-9]+", "abc"));
        assert!(!matches("[^0-9]+", "ab1"));
        assert!(matches("i-[0-9a-f]{8}", "i-abcd1234"));
        assert!(!matches("i-[0-9a-f]{8}", "i-abcd123"));
        assert!(matches("a{2,}", "aaaa"));
        assert!(matches("a{1,2}b?", "aa"));
        assert!(matches("\\d+\\.\\d+", "1.14"));
        assert!(matches("\\w+-\\w+", "us-east"));
        assert!(matches("(?:ab)*", ""));
        assert!(matches("a.*?b", "axxb"));
        assert!(matches("[-a]", "-"));
        assert!(matches("[a-]", "-"));
    }

    #[test]
    fn unsupported_java_syntax_is_rejected_with_its_offset() {
        for (p, offset) in [
            ("a(?=b)", 1),
            ("\\bword", 0),
            ("a*+", 2),
            ("(ab", 0),
            ("ab)", 2),
            ("[abc", 0),
            ("*a", 0),
            ("a$b", 1),
            ("a^", 1),
            ("a{3,1}", 1),
            ("\\1", 0),
            ("\\", 0),
            ("a**", 2),
        ] {
            match Pattern::compile(p) {
                Ok(_) => panic!("{p} should be rejected"),
                Err(e) => assert_eq!(e.offset, offset, "{p}: {}", e.message),
            }
        }
    }

    #[test]
    fn pathological_patterns_stay_linear() {
        let p = match Pattern::compile("(a*)*(a|aa)*b") {
            Ok(p) => p,
            Err(e) => panic!("{e:?}"),
        };
        let value = "a".repeat(5000);
        assert!(!p.is_match(&value));
        assert!(Pattern::compile("((a{1000}){1000}){1000}").is_err());
        assert!(Pattern::compile(&"(".repeat(100)).is_err());
    }
}
