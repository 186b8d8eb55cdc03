use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Doc {
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Item {
    #[allow(dead_code)]
    count: u32,
    #[allow(dead_code)]
    #[serde(default)]
    tags: Vec<String>,
}

fn problem(json: &str) -> Problem {
    let value: Value = serde_json::from_str(json).unwrap();
    from_value::<Doc>(&value).unwrap_err()
}

#[test]
fn a_wrong_type_is_named_at_its_field() {
    let p = problem(r#"{"name": "a", "items": [{"count": 1}, {"count": "six"}]}"#);
    assert_eq!(p.path, "items[1].count");
    assert_eq!(p.message, r#"invalid type: string "six", expected u32"#);
    let p = problem(r#"{"name": "a", "items": [{"count": 1, "tags": ["x", 7]}]}"#);
    assert_eq!(p.path, "items[0].tags[1]");
    let p = problem(r#"{"name": {"nested": [1, 2]}}"#);
    assert_eq!(p.path, "name");
    assert_eq!(p.message, "invalid type: map, expected a string");
}

#[test]
fn an_unknown_key_is_named_with_its_key() {
    let p = problem(r#"{"name": "a", "items": [{"count": 1, "colour": "red"}]}"#);
    assert_eq!(p.path, "items[0].colour");
    assert!(p.message.starts_with("unknown field `colour`"), "{p:?}");
}

#[test]
fn a_missing_key_is_named_at_its_object() {
    let p = problem(r#"{"name": "a", "items": [{"count": 1}, {"tags": []}]}"#);
    assert_eq!(p.path, "items[1]");
    assert_eq!(p.message, "missing field `count`");
    let p = problem(r#"{"items": []}"#);
    assert_eq!(p.path, "");
    assert_eq!(p.message, "missing field `name`");
}

#[test]
fn keys_with_escapes_and_brackets_inside_strings_do_not_confuse_the_scan() {
    let p = problem(
        r#"{"name": "a \"]}, [{", "items": [{"count": 1, "tags": ["{[", "]}\\"]}, {"count": -1}]}"#,
    );
    assert_eq!(p.path, "items[1].count");
}

#[test]
fn path_at_reads_the_position_serde_json_reports() {
    let text = r#"{"a":[1,{"b":"x"}],"c":{}}"#;
    // After the `1`, after the "x", after the key "b", after the `}` of a[1], after the `]`.
    assert_eq!(path_at(text, text.find('1').unwrap() + 1), "a[0]");
    assert_eq!(path_at(text, text.find("\"x\"").unwrap() + 3), "a[1].b");
    assert_eq!(path_at(text, text.find("\"b\"").unwrap() + 3), "a[1].b");
    assert_eq!(path_at(text, text.find('}').unwrap() + 1), "a[1]");
    assert_eq!(path_at(text, text.find(']').unwrap() + 1), "a");
    assert_eq!(path_at(text, text.len()), "");
    assert_eq!(path_at(text, 0), "");
    assert_eq!(path_at("", 5), "");
}
