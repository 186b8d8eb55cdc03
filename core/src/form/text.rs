//! The scenario document written back as text after a form edit, the way scenario files are
//! written by hand.

use serde_json::Value;

/// Widest inline array or object the editor writes on one line (characters after the indent).
const INLINE_WIDTH: usize = 76;

/// JSON text the way scenario files are written by hand: two-space indent, with short arrays
/// and objects (`["EC2"]`, `{ "containerPort": 80, "protocol": "tcp" }`) kept on one line, so
/// a form edit does not blow a readable file up into one value per line.
pub fn to_text(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_value(value: &Value, indent: usize, out: &mut String) {
    if indent > 0 || is_empty_container(value) {
        let compact = inline(value);
        if depth(value) <= 2 && compact.chars().count() + 2 * indent <= INLINE_WIDTH {
            out.push_str(&compact);
            return;
        }
    }
    let pad = "  ".repeat(indent + 1);
    match value {
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                write_value(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, v)) in map.iter().enumerate() {
                out.push_str(&pad);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_value(v, indent + 1, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn is_empty_container(value: &Value) -> bool {
    match value {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => true,
    }
}

/// Nesting depth: 0 for scalars, 1 for a flat array or object.
fn depth(value: &Value) -> usize {
    match value {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// One-line form with a space after `:` and `,`, and inside braces.
fn inline(value: &Value) -> String {
    match value {
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) if o.is_empty() => "{}".to_string(),
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), inline(v)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
        scalar => scalar.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::{doc, DEFAULT_SCENARIO};
    use serde_json::json;

    #[test]
    fn text_keeps_short_values_inline_and_round_trips() {
        let d = doc(DEFAULT_SCENARIO);
        let text = to_text(&d);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), d);
        assert!(
            text.starts_with("{\n  \"version\": 1,\n  \"seed\": 42,\n"),
            "{text}"
        );
        assert!(
            text.contains("\"requiresCompatibilities\": [\"EC2\"],"),
            "{text}"
        );
        assert!(
            text.contains(
                "\"portMappings\": [{ \"containerPort\": 80, \"hostPort\": 0, \"protocol\": \"tcp\" }]"
            ),
            "{text}"
        );
        assert!(
            text.contains("\"containerDefinitions\": [\n"),
            "long arrays are split: {text}"
        );
        for v in [
            json!({}),
            json!([]),
            json!(1),
            json!("a\"b"),
            json!({ "a": { "b": { "c": [1] } } }),
        ] {
            assert_eq!(serde_json::from_str::<Value>(&to_text(&v)).unwrap(), v);
        }
        assert_eq!(to_text(&json!({})), "{}\n");
    }
}
