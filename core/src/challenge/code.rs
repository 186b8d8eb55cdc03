//! The completion code a student hands in: a short hash of the challenge ID and the passing
//! scenario, so a teacher can check with `ecs-sim check --code` that the code belongs to that
//! solution of that challenge. It proves the pair, not who made it (there are no accounts).

use crate::sim::trace::TraceHash;
use serde_json::Value;

/// Characters of a code: Crockford's base 32 (no I, L, O, U), read aloud without confusion.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `ECS-XXXXX-XXXXX` for `scenario` passing challenge `id`. The scenario's keys are hashed in
/// sorted order, so reformatting or reordering the JSON keeps the code.
pub fn completion_code(id: &str, scenario: &Value) -> String {
    let mut h = TraceHash::default();
    h.update(b"ecs-playground challenge v1\0");
    h.update(id.as_bytes());
    h.update(b"\0");
    canonical(scenario, &mut h);
    let bits = u64::from_str_radix(&h.hex(), 16).unwrap_or(0);
    let chars: String = (0..10)
        .map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize]))
        .collect();
    format!("ECS-{}-{}", &chars[..5], &chars[5..])
}

/// Eight hex digits that change with anything in a challenge document (its start, goals,
/// locks, texts) and not with its formatting or key order: what keeps a corrected challenge's
/// progress apart from the old version's ([`super::progress::progress_key`]).
pub fn fingerprint(doc: &Value) -> String {
    let mut h = TraceHash::default();
    h.update(b"ecs-playground challenge document v1\0");
    canonical(doc, &mut h);
    h.hex()[..8].to_string()
}

/// Whether `code` is written like a completion code (case and spaces forgiven).
pub fn normalise(code: &str) -> Option<String> {
    let c: String = code
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let ok = c.len() == 15
        && c.starts_with("ECS-")
        && c.as_bytes()[9] == b'-'
        && c[4..9]
            .bytes()
            .chain(c[10..].bytes())
            .all(|b| ALPHABET.contains(&b));
    ok.then_some(c)
}

fn canonical(v: &Value, h: &mut TraceHash) {
    match v {
        Value::Object(m) => {
            h.update(b"{");
            let mut keys: Vec<&String> = m.keys().collect();
            crate::order::sort(&mut keys);
            for k in keys {
                h.update(serde_json::to_string(k).unwrap_or_default().as_bytes());
                h.update(b":");
                canonical(&m[k], h);
                h.update(b",");
            }
            h.update(b"}");
        }
        Value::Array(a) => {
            h.update(b"[");
            for x in a {
                canonical(x, h);
                h.update(b",");
            }
            h.update(b"]");
        }
        other => h.update(other.to_string().as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_fingerprint_ignores_key_order_and_changes_with_any_part_of_the_document() {
        let a = json!({ "id": "x", "goals": [{ "min": 4 }], "scenario": { "seed": 1 } });
        let reordered = json!({ "scenario": { "seed": 1 }, "goals": [{ "min": 4 }], "id": "x" });
        let goal = json!({ "id": "x", "goals": [{ "min": 6 }], "scenario": { "seed": 1 } });
        let start = json!({ "id": "x", "goals": [{ "min": 4 }], "scenario": { "seed": 2 } });
        assert_eq!(fingerprint(&a), fingerprint(&reordered));
        assert_eq!(fingerprint(&a).len(), 8);
        assert_ne!(fingerprint(&a), fingerprint(&goal));
        assert_ne!(fingerprint(&a), fingerprint(&start));
    }

    #[test]
    fn the_code_ignores_key_order_and_changes_with_the_solution_or_challenge() {
        let a = completion_code("x", &json!({"a": 1, "b": [1, 2]}));
        assert_eq!(a, completion_code("x", &json!({"b": [1, 2], "a": 1})));
        assert_ne!(a, completion_code("x", &json!({"a": 2, "b": [1, 2]})));
        assert_ne!(a, completion_code("y", &json!({"a": 1, "b": [1, 2]})));
        assert_eq!(normalise(&a.to_lowercase()), Some(a.clone()));
        assert_eq!(normalise("ECS-IIIII-00000"), None);
        assert_eq!(normalise("ECS-0000-00000"), None);
    }
}
