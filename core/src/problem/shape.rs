//! Deserializing untrusted JSON into a typed document, naming the field of the first shape
//! error (`services[0].desiredCount`: invalid type: string "six", expected u32).
//!
//! serde_json reports where in the text it was when a value did not fit (just after the value,
//! after the key of an unknown field, after the `}` of an object that lacks a field), so the
//! field is found by reading the text up to that point ([`path_at`]). This replaced
//! `serde_path_to_error`, which wrapped every parsed type to track the path as it went: about
//! 80 KB of the release wasm (issue #14) for what one scan does when there is an error.

use super::Problem;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Deserializes `value` as `T`; a shape error comes back as a [`Problem`] at its JSON path.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Problem> {
    // Always through the text: reading a value straight from the tree (`T::deserialize`)
    // saved a third of validating a 1 MiB scenario, but instantiated serde_json's `Value`
    // deserializer for every document type: 170 KB of release wasm, 66 KB after gzip
    // (issue #14), for 10 ms of a 220 ms validation in the page.
    // Compact text: one line, so serde_json's column is the byte offset plus one.
    let text = value.to_string();
    serde_json::from_str::<T>(&text).map_err(|e| {
        let end = e.column().min(text.len());
        match e.classify() {
            // Only an enum meeting a value that is neither a string nor an object says this of
            // valid JSON, just after that value's first byte; say what the value is, as
            // serde_json does for a `Value`.
            serde_json::error::Category::Syntax => {
                let message = enum_invalid_type(&text, end).unwrap_or_else(|| bare_message(&e));
                Problem::new(path_at(&text, end.saturating_sub(1)), message)
            }
            _ => {
                let message = bare_message(&e);
                // The key of an enum's one-key object names a variant, not a field.
                let variant_key = message.starts_with("unknown variant");
                Problem::new(read_to(&text, end, variant_key), message)
            }
        }
    })
}

/// "invalid type: floating point `1.5`, expected string or map": the message serde_json gives
/// for a `Value` where an enum was expected, for the value whose first byte ends at `end`
/// (where serde_json's parser stopped): not a string or an object, or an empty object.
fn enum_invalid_type(text: &str, end: usize) -> Option<String> {
    use serde::de::{Error, Unexpected};
    let start = end.checked_sub(1)?;
    let rest = text.get(start..)?;
    if rest.starts_with('}') && text.get(..start)?.trim_end().ends_with('{') {
        let message = serde_json::Error::invalid_value(Unexpected::Map, &"map with a single key");
        return Some(message.to_string());
    }
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
    let value = values.next()?.ok()?;
    let unexpected = match &value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, f) => Unexpected::Float(f.unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    Some(serde_json::Error::invalid_type(unexpected, &"string or map").to_string())
}

/// serde_json's message without its " at line L column C" suffix.
pub fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(bare) => bare.to_string(),
        None => full,
    }
}

/// One step of the path being read.
enum Step {
    /// Inside an object: the key read last, if any.
    Object(Option<String>),
    /// Inside an array: the index of the item being read (`None` before the first).
    Array(Option<usize>),
}

/// The JSON path (`a.b[0].c`) of what a parser of the valid JSON `text` was reading when it had
/// read `end` bytes: the value that ends there or starts there (the parser looked at its first
/// byte), the object whose `{` was read last, or the member whose key ends there. Keys are written as they are, as the playground
/// prints paths everywhere.
pub fn path_at(text: &str, end: usize) -> String {
    read_to(text, end, false)
}

/// [`path_at`]; with `variant_key`, a key ending at `end` names its object (an externally
/// tagged enum's variant), not a member.
fn read_to(text: &str, end: usize, variant_key: bool) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Step> = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= end || i >= bytes.len() {
            return write(&stack, false);
        }
        match bytes[i] {
            b'{' => {
                stack.push(Step::Object(None));
                i += 1;
                if i >= end {
                    return write(&stack, true);
                }
            }
            b'[' => {
                stack.push(Step::Array(None));
                i += 1;
                // The first item (if any) starts after the whitespace.
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b']') {
                    if i >= end {
                        return write(&stack, true);
                    }
                } else if let Some(Step::Array(index)) = stack.last_mut() {
                    // Stopped here, the parser was looking at the first item.
                    *index = Some(0);
                }
            }
            b'}' | b']' => {
                i += 1;
                if i >= end {
                    // The container just closed: its own path.
                    return write(&stack, true);
                }
                stack.pop();
            }
            b',' => {
                i += 1;
                match stack.last_mut() {
                    Some(Step::Array(index)) => *index = Some(index.map_or(0, |n| n + 1)),
                    Some(Step::Object(key)) => *key = None,
                    None => {}
                }
            }
            b':' => i += 1,
            b'"' => {
                let start = i;
                i = string_end(bytes, i);
                let is_key = matches!(stack.last(), Some(Step::Object(None)));
                if is_key {
                    let key: String = serde_json::from_str(&text[start..i]).unwrap_or_default();
                    if let Some(Step::Object(k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                }
                if i >= end {
                    return write(&stack, is_key && variant_key);
                }
            }
            _ => {
                // A number, true, false or null.
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b'}' | b']' | b':')
                    && !bytes[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                if i >= end {
                    return write(&stack, false);
                }
            }
        }
    }
}

/// The index just past the string starting at the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The path the stack spells. `container` drops the innermost step (it is the container whose
/// own path is wanted, not a member of it).
fn write(stack: &[Step], container: bool) -> String {
    let steps = if container {
        &stack[..stack.len().saturating_sub(1)]
    } else {
        stack
    };
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Object(Some(key)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Array(Some(n)) => out.push_str(&format!("[{n}]")),
            Step::Object(None) | Step::Array(None) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
