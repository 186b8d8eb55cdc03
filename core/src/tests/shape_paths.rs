//! `problem::shape::from_value` names the same field with the same message as
//! `serde_path_to_error` (which it replaced to save ~90 KB of wasm, issue #14) for every broken
//! variant of the built-in scenarios, the course's lessons and their task definitions: each
//! value replaced by values of other types, an unknown key added to each object, each key
//! removed.

use crate::challenge::document::ChallengeDocument;
use crate::problem::shape::from_value;
use crate::scenario::document::ScenarioDocument;
use crate::taskdef::TaskDefinition;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// serde_path_to_error's path, written as the playground wrote it before.
fn reference_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Both ways agree on `value`: both accept it, or both refuse it at the same path with the
/// same message.
fn agree<T: DeserializeOwned>(value: &Value) -> bool {
    let ours = from_value::<T>(value);
    let theirs = serde_path_to_error::deserialize::<_, T>(value.clone());
    match (ours, theirs) {
        (Ok(_), Ok(_)) => true,
        (Err(p), Err(e)) => {
            let message = e.inner().to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            let same = p.path == reference_path(e.path()) && p.message == message;
            if !same {
                eprintln!(
                    "differ: ours {:?} {:?}; serde_path_to_error {:?} {:?}",
                    p.path,
                    p.message,
                    reference_path(e.path()),
                    message
                );
            }
            same
        }
        (ours, theirs) => {
            eprintln!(
                "differ: ours {:?}, theirs ok: {}",
                ours.err(),
                theirs.is_ok()
            );
            false
        }
    }
}

/// JSON pointers of every value in `v`.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Every broken variant of `doc` (every `step`-th node, to bound the run), checked with `T`.
/// Returns how many variants were checked.
fn check_variants<T: DeserializeOwned>(doc: &Value, step: usize) -> usize {
    let replacements = [
        json!("x"),
        json!(1.5),
        json!(-1),
        json!(true),
        json!(null),
        json!({}),
        json!([]),
        json!(99_999_999_999u64),
        json!([{"k": 1}]),
    ];
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let mut checked = 0;
    assert!(agree::<T>(doc), "the document itself");
    for at in all.iter().step_by(step) {
        for r in &replacements {
            let mut v = doc.clone();
            if let Some(x) = v.pointer_mut(at) {
                *x = r.clone();
            }
            assert!(agree::<T>(&v), "replacing {at:?} with {r}");
            checked += 1;
        }
        let mut v = doc.clone();
        if let Some(Value::Object(m)) = v.pointer_mut(at) {
            m.insert("unknownKey".into(), json!(1));
            let keys: Vec<String> = m.keys().cloned().collect();
            assert!(agree::<T>(&v), "an unknown key in {at:?}");
            checked += 1;
            for k in keys.iter().filter(|k| *k != "unknownKey") {
                let mut w = doc.clone();
                if let Some(Value::Object(m)) = w.pointer_mut(at) {
                    m.remove(k);
                }
                assert!(agree::<T>(&w), "removing {k:?} from {at:?}");
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn scenario_shape_errors_match_serde_path_to_error() {
    let mut checked = 0;
    for (i, example) in crate::scenario::examples::EXAMPLES.iter().enumerate() {
        let doc: Value = serde_json::from_str(example.json).unwrap();
        // The default scenario node by node; the others every few nodes.
        checked += check_variants::<ScenarioDocument>(&doc, if i == 0 { 1 } else { 3 });
    }
    eprintln!("scenario variants checked: {checked}");
    assert!(checked > 4_500, "{checked}");
}

#[test]
fn task_definition_shape_errors_match_serde_path_to_error() {
    let mut checked = 0;
    for example in crate::scenario::examples::EXAMPLES {
        let doc: Value = serde_json::from_str(example.json).unwrap();
        for td in doc["taskDefinitions"].as_array().into_iter().flatten() {
            checked += check_variants::<TaskDefinition>(td, 1);
        }
    }
    eprintln!("task definition variants checked: {checked}");
    assert!(checked > 3_000, "{checked}");
}

#[test]
fn challenge_shape_errors_match_serde_path_to_error() {
    let mut checked = 0;
    for lesson in crate::challenge::course::LESSONS {
        let doc: Value = serde_json::from_str(lesson.json).unwrap();
        checked += check_variants::<ChallengeDocument>(&doc, 4);
    }
    eprintln!("challenge variants checked: {checked}");
    assert!(checked > 4_500, "{checked}");
}
