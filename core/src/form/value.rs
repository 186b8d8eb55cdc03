//! Plain JSON reads and writes by key that every form uses: arrays, strings, whole numbers,
//! lists of typed items, and keys removed when their list is empty.

use serde_json::{json, Map, Value};

/// The array at `key` of `v`, or nothing (absent, or not an array).
pub(crate) fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The array at top-level `key` of the document, created when absent.
pub(crate) fn array_mut<'a>(doc: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>, String> {
    let Some(obj) = doc.as_object_mut() else {
        return Err("the scenario is not a JSON object".into());
    };
    obj.entry(key)
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| format!("{key} is not an array"))
}

/// The string at `key` of `v`, or `""`.
pub(crate) fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A whole-number key of `v` (saturated to u32), or `default`.
pub(crate) fn uint(v: &Value, key: &str, default: u32) -> u32 {
    v.get(key)
        .and_then(Value::as_u64)
        .map_or(default, |n| n.min(u64::from(u32::MAX)) as u32)
}

/// The items of the array at `key` of `v` that read as `T` (the others are skipped, so a
/// half-written list still shows in a form).
pub(crate) fn list_of<T: serde::de::DeserializeOwned>(v: &Value, key: &str) -> Vec<T> {
    array(v, key)
        .iter()
        .filter_map(|item| serde_json::from_value(item.clone()).ok())
        .collect()
}

/// Sets `key` to `value`, or removes the key when `value` is an empty array (ECS's default).
pub(crate) fn set_or_remove(obj: &mut Map<String, Value>, key: &str, value: Value) {
    if value.as_array().is_some_and(Vec::is_empty) {
        obj.shift_remove(key);
    } else {
        obj.insert(key.into(), value);
    }
}
