//! Structure-aware generators: the built-in examples with keys dropped, duplicated, renamed or
//! added, values replaced by huge numbers, long strings, control characters or wrong types,
//! arrays grown; plus byte-level edits of the example text and raw bytes.

use ecs_sim::scenario::examples::EXAMPLES;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::sync::OnceLock;

/// Cases per fuzz target: `FUZZ_CASES` when set (as `make fuzz` does), else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The proptest configuration of a fuzz target.
pub fn config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default_cases),
        max_shrink_iters: 4096,
        ..ProptestConfig::default()
    }
}

/// The built-in examples, parsed once.
pub fn examples() -> &'static [Value] {
    static DOCS: OnceLock<Vec<Value>> = OnceLock::new();
    DOCS.get_or_init(|| {
        EXAMPLES
            .iter()
            .filter_map(|e| serde_json::from_str(e.json).ok())
            .collect()
    })
}

/// Every task definition of every example (register-task-definition shape).
pub fn task_definitions() -> &'static [Value] {
    static TDS: OnceLock<Vec<Value>> = OnceLock::new();
    TDS.get_or_init(|| {
        examples()
            .iter()
            .filter_map(|d| d["taskDefinitions"].as_array())
            .flatten()
            .cloned()
            .collect()
    })
}

/// Every key and every short string value in the examples: the vocabulary mutations reuse, so
/// a mutation often produces a document that is almost right.
fn vocabulary() -> &'static (Vec<String>, Vec<String>) {
    static WORDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (mut keys, mut strings) = (Vec::new(), Vec::new());
        fn walk(v: &Value, keys: &mut Vec<String>, strings: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        keys.push(k.clone());
                        walk(x, keys, strings);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| walk(x, keys, strings)),
                Value::String(s) if s.len() < 64 => strings.push(s.clone()),
                _ => {}
            }
        }
        for d in examples() {
            walk(d, &mut keys, &mut strings);
        }
        keys.sort();
        keys.dedup();
        strings.sort();
        strings.dedup();
        (keys, strings)
    })
}

/// Characters that break lines, drive terminals or trip parsers.
const NASTY: &[char] = &[
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{7}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{2028}',
    '\u{202e}',
    '\u{feff}',
    '"',
    '\\',
    '/',
    '~',
    ':',
    '.',
    '[',
    ']',
    '`',
    '\'',
    '\u{1F600}',
    'é',
];

/// A short string: from the examples, plain, or full of nasty characters.
pub fn short_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vocabulary().1.clone()),
        2 => "[a-zA-Z0-9:_-]{0,12}",
        2 => prop::collection::vec(
            prop_oneof![prop::sample::select(NASTY), any::<char>(), Just('a')],
            0..16
        )
        .prop_map(|c| c.into_iter().collect()),
    ]
}

/// A key: from the examples, or any short string.
pub fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(vocabulary().0.clone()), 1 => short_string()]
}

/// What a node is replaced with.
#[derive(Debug, Clone)]
pub enum Leaf {
    /// Any JSON value serde_json can hold.
    Json(Value),
    /// Number text no `Value` holds (1e400, 40 digits).
    RawNumber(&'static str),
    /// A long string of one character.
    Long(char, usize),
    /// A copy of another node of the same document.
    CopyOf(Index),
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            Value::from(0),
            Value::from(-1),
            Value::from(1),
            Value::from(u32::MAX),
            Value::from(u64::from(u32::MAX) + 1),
            Value::from(i64::MIN),
            Value::from(u64::MAX),
            Value::from(9_007_199_254_740_993_u64),
            Value::from(1e308),
            Value::from(-0.0),
            Value::from(0.5),
            Value::from(1e-300),
        ]),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (0u32..100_000).prop_map(Value::from),
    ]
}

/// A replacement value.
pub fn leaf() -> impl Strategy<Value = Leaf> {
    prop_oneof![
        4 => number().prop_map(Leaf::Json),
        4 => short_string().prop_map(|s| Leaf::Json(Value::String(s))),
        1 => Just(Leaf::Json(Value::Null)),
        1 => any::<bool>().prop_map(|b| Leaf::Json(Value::Bool(b))),
        1 => Just(Leaf::Json(serde_json::json!([]))),
        1 => Just(Leaf::Json(serde_json::json!({}))),
        1 => prop::sample::select(vec!["1e400", "-1e400", "1234567890123456789012345678901234567890", "-0", "1E+2"])
            .prop_map(Leaf::RawNumber),
        1 => (prop::sample::select(vec!['x', '\n', '\u{1b}', '9', 'é']), prop::sample::select(vec![256usize, 5_000, 70_000]))
            .prop_map(|(c, n)| Leaf::Long(c, n)),
        2 => any::<Index>().prop_map(Leaf::CopyOf),
    ]
}

/// One structural edit of a document.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Replace a node.
    Replace(Index, Leaf),
    /// Remove a node from its object or array.
    Drop(Index),
    /// Write an object member twice (the copy is another value), or append a copy of an array
    /// item.
    Duplicate(Index, Leaf),
    /// Rename an object member.
    Rename(Index, String),
    /// Add a member to an object (or an item to an array).
    Insert(Index, String, Leaf),
    /// Repeat an array's first item (many services, containers, timeline events…).
    Grow(Index, usize),
}

/// A structural edit.
pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), leaf()).prop_map(|(i, l)| Mutation::Replace(i, l)),
        3 => any::<Index>().prop_map(Mutation::Drop),
        1 => (any::<Index>(), leaf()).prop_map(|(i, l)| Mutation::Duplicate(i, l)),
        2 => (any::<Index>(), key()).prop_map(|(i, k)| Mutation::Rename(i, k)),
        2 => (any::<Index>(), key(), leaf()).prop_map(|(i, k, l)| Mutation::Insert(i, k, l)),
        1 => (any::<Index>(), prop::sample::select(vec![2usize, 30, 300])).prop_map(|(i, n)| Mutation::Grow(i, n)),
    ]
}

/// Prefix of a string that stands for raw number text in the output.
const RAW: &str = "\u{0}raw:";
/// Prefix of a key that is written as a second member with the key after it.
const DUP: &str = "\u{0}dup:";

/// JSON pointers of every node (root first), at most `limit`.
fn pointers(v: &Value, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), v)];
    while let Some((p, v)) = stack.pop() {
        if out.len() >= limit {
            break;
        }
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter().rev() {
                    stack.push((
                        format!("{p}/{}", k.replace('~', "~0").replace('/', "~1")),
                        x,
                    ));
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate().rev() {
                    stack.push((format!("{p}/{i}"), x));
                }
            }
            _ => {}
        }
        out.push(p);
    }
    out
}

/// The parent pointer and last segment (unescaped) of a non-root pointer.
fn split(p: &str) -> Option<(&str, String)> {
    let i = p.rfind('/')?;
    Some((&p[..i], p[i + 1..].replace("~1", "/").replace("~0", "~")))
}

fn make(leaf: &Leaf, doc: &Value, nodes: &[String]) -> Value {
    match leaf {
        Leaf::Json(v) => v.clone(),
        Leaf::RawNumber(t) => Value::String(format!("{RAW}{t}")),
        Leaf::Long(c, n) => Value::String(std::iter::repeat_n(*c, *n).collect()),
        Leaf::CopyOf(i) => doc
            .pointer(&nodes[i.index(nodes.len())])
            .cloned()
            .unwrap_or(Value::Null),
    }
}

/// Applies the mutations to a copy of `doc` and writes it as JSON text.
pub fn mutate(doc: &Value, mutations: &[Mutation]) -> String {
    let mut doc = doc.clone();
    for m in mutations {
        let nodes = pointers(&doc, 20_000);
        let pick = |i: &Index| nodes[i.index(nodes.len())].clone();
        match m {
            Mutation::Replace(i, l) => {
                let value = make(l, &doc, &nodes);
                if let Some(slot) = doc.pointer_mut(&pick(i)) {
                    *slot = value;
                }
            }
            Mutation::Drop(i) => {
                let p = pick(i);
                if let Some((parent, last)) = split(&p) {
                    match doc.pointer_mut(parent) {
                        Some(Value::Object(o)) => {
                            o.remove(&last);
                        }
                        Some(Value::Array(a)) => {
                            if let Ok(k) = last.parse::<usize>() {
                                if k < a.len() {
                                    a.remove(k);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Mutation::Duplicate(i, l) => {
                let p = pick(i);
                let value = make(l, &doc, &nodes);
                let copy = doc.pointer(&p).cloned().unwrap_or(Value::Null);
                if let Some((parent, last)) = split(&p) {
                    match doc.pointer_mut(parent) {
                        Some(Value::Object(o)) => {
                            o.insert(format!("{DUP}{last}"), value);
                        }
                        Some(Value::Array(a)) => a.push(copy),
                        _ => {}
                    }
                }
            }
            Mutation::Rename(i, k) => {
                let p = pick(i);
                if let Some((parent, last)) = split(&p) {
                    if let Some(Value::Object(o)) = doc.pointer_mut(parent) {
                        if let Some(v) = o.remove(&last) {
                            o.insert(k.clone(), v);
                        }
                    }
                }
            }
            Mutation::Insert(i, k, l) => {
                let value = make(l, &doc, &nodes);
                match doc.pointer_mut(&pick(i)) {
                    Some(Value::Object(o)) => {
                        o.insert(k.clone(), value);
                    }
                    Some(Value::Array(a)) => a.push(value),
                    _ => {}
                }
            }
            Mutation::Grow(i, n) => {
                if let Some(Value::Array(a)) = doc.pointer_mut(&pick(i)) {
                    if let Some(first) = a.first().cloned() {
                        a.extend(std::iter::repeat_n(first, *n));
                    }
                }
            }
        }
    }
    write(&doc)
}

/// JSON text of a mutated document: raw numbers unquoted, duplicate keys written twice.
pub fn write(doc: &Value) -> String {
    let text = doc.to_string();
    let text = text.replace("\"\\u0000dup:", "\"");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    let marker = "\"\\u0000raw:";
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i]);
        let after = &rest[i + marker.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// One byte-level edit of a text.
#[derive(Debug, Clone)]
pub enum ByteEdit {
    /// Set a byte.
    Set(Index, u8),
    /// Insert bytes.
    Insert(Index, Vec<u8>),
    /// Delete up to n bytes.
    Delete(Index, usize),
    /// Cut the text here.
    Truncate(Index),
}

/// A byte-level edit.
pub fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        (any::<Index>(), 1usize..64).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        any::<Index>().prop_map(ByteEdit::Truncate),
    ]
}

/// Applies byte edits.
pub fn edit_bytes(text: &[u8], edits: &[ByteEdit]) -> Vec<u8> {
    let mut b = text.to_vec();
    for e in edits {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
        match e {
            ByteEdit::Set(i, v) if !b.is_empty() => {
                let k = i.index(b.len());
                b[k] = *v;
            }
            ByteEdit::Set(..) => {}
            ByteEdit::Insert(i, v) => {
                let k = at(i, b.len());
                b.splice(k..k, v.iter().copied());
            }
            ByteEdit::Delete(i, n) if !b.is_empty() => {
                let k = i.index(b.len());
                let end = (k + n).min(b.len());
                b.drain(k..end);
            }
            ByteEdit::Delete(..) => {}
            ByteEdit::Truncate(i) => {
                let k = at(i, b.len());
                b.truncate(k);
            }
        }
    }
    b
}

/// Document bytes: a mutated example (mostly), a byte-edited example, or raw bytes.
pub fn document_bytes(docs: &'static [Value]) -> impl Strategy<Value = Vec<u8>> {
    let n = docs.len();
    prop_oneof![
        8 => (0..n, prop::collection::vec(mutation(), 0..4))
            .prop_map(move |(i, m)| mutate(&docs[i], &m).into_bytes()),
        3 => (0..n, prop::collection::vec(byte_edit(), 1..4))
            .prop_map(move |(i, e)| edit_bytes(docs[i].to_string().as_bytes(), &e)),
        1 => prop::collection::vec(any::<u8>(), 0..256),
    ]
}

/// Every problem has a message and a printable path: an empty path is the document root
/// (`ecs-sim validate` prints it as `(root)`, e.g. for a missing top-level key).
pub fn assert_problems_have_paths(problems: &[ecs_sim::problem::Problem], what: &str) {
    assert!(!problems.is_empty(), "{what}: an error without problems");
    for p in problems {
        assert!(
            !p.message.trim().is_empty(),
            "{what}: problem without a message: {p:?}"
        );
        let line = ecs_sim::cli::echo::value(&p.path);
        assert!(!line.chars().any(char::is_control), "{what}: {p:?}");
    }
}

/// Equal, with numbers equal to a relative 1e-15: serde_json (without its `float_roundtrip`
/// feature) may read a float back one unit in the last place off (reported in issue #10).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(fx), Some(fy)) if x.is_f64() || y.is_f64() => {
                let (x, y) = (fx, fy);
                (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
            }
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
