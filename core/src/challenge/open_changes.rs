//! What a student changed in a lesson's open places, for the room: "service web:
//! healthCheckGracePeriodSeconds: not set → 300". After a pass on the projector nothing showed what
//! the fix was (lessons 7, 11 and 12: instructor walkthrough, 2026-12-06); the forms and the JSON
//! editor are not on screen in presenter mode.

use super::editable::{opens, show_path, Segment};
use serde_json::Value;

/// Most changes listed: a lesson opens a few places, and the strip has a line for them.
pub const MOST: usize = 4;
/// Characters of a value shown ("[{\"type\":\"spread\",…"): a list or an object is cut.
const VALUE_CHARS: usize = 40;

/// One changed open place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenChange {
    /// The place as a student reads it ("service web: healthCheckGracePeriodSeconds").
    pub place: String,
    /// Its value in the start ("not set" when absent), compact JSON, cut.
    pub was: String,
    /// Its value now, the same way.
    pub now: String,
    /// The place's last key ("healthCheckGracePeriodSeconds"), for [`in_brief`].
    pub leaf: String,
    /// Its value now for [`in_brief`]: "{…}" for an object, a list by its items' names
    /// ("[spread zone, instance]", "[…]" when they have none), else `now` cut shorter.
    pub brief_now: String,
}

/// The places under the `editable` patterns where `doc` differs from `start`, at most [`MOST`],
/// in document order: a leaf where both sides are objects, the whole value otherwise (a list of
/// placement strategies is one change), but a list where one value of one item changed is read
/// down to that value (lesson 15's `dnsTtlSeconds`).
pub fn open_changes(start: &Value, doc: &Value, editable: &[Vec<Segment>]) -> Vec<OpenChange> {
    let mut found = Vec::new();
    let mut path = Vec::new();
    walk(
        start,
        Some(start),
        Some(doc),
        editable,
        &mut path,
        &mut found,
    );
    found
}

fn walk(
    scenario: &Value,
    a: Option<&Value>,
    b: Option<&Value>,
    editable: &[Vec<Segment>],
    path: &mut Vec<Segment>,
    found: &mut Vec<OpenChange>,
) {
    if found.len() >= MOST || a == b {
        return;
    }
    let open = editable.iter().any(|p| opens(p, path));
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            for k in keys_of_both(x, y) {
                path.push(Segment::Key(k.clone()));
                walk(scenario, x.get(k), y.get(k), editable, path, found);
                path.pop();
            }
        }
        // An open list is one change (a placement strategy's type and field together; two
        // strategies swapped), unless one value in one of its items changed: a TTL changed
        // inside `serviceRegistries` showed the whole list on both sides, cut to the same 40
        // characters (instructor walkthrough of lesson 15, 2026-12-07).
        (Some(Value::Array(x)), Some(Value::Array(y)))
            if x.len() == y.len() && (!open || one_value_changed(x, y)) =>
        {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                path.push(Segment::Index(i));
                walk(scenario, Some(va), Some(vb), editable, path, found);
                path.pop();
            }
        }
        _ if open => found.push(OpenChange {
            place: super::path_words::readable(scenario, &show_path(path)),
            was: shown(a),
            now: shown(b),
            brief_now: brief(b),
            leaf: path
                .iter()
                .rev()
                .find_map(|s| match s {
                    Segment::Key(k) => Some(k.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
        }),
        // A locked place that changed: the lock names it, not this list.
        _ => {}
    }
}

/// Characters of a value in [`in_brief`]'s line.
const BRIEF_VALUE_CHARS: usize = 18;
/// Characters of a list in [`in_brief`]'s line: its items' names need more than one value.
const BRIEF_LIST_CHARS: usize = 32;

/// A value as [`in_brief`] shows it. A list reads as its items' names: "[…]" had stood for
/// lesson 16's new placement strategies, lesson 12's scaling policy and lesson 4's capacity
/// providers alike, so the room saw that a list changed but not to what (presenter
/// walkthrough, 2026-12-07).
fn brief(v: Option<&Value>) -> String {
    match v {
        Some(Value::Object(_)) => "{…}".to_string(),
        Some(Value::Array(items)) => match named_list(items, Detail::Brief) {
            Some(names) => cut(names, BRIEF_LIST_CHARS),
            None => "[…]".to_string(),
        },
        _ => cut(shown(v), BRIEF_VALUE_CHARS),
    }
}

/// Placement strategies of one type, by their fields in order: "[spread zone, instance]"
/// (spread across zones, then across instances); with "spread" written once, lesson 16's
/// second change still fits the strip's line at 1280 × 720. `None` unless there are two or
/// more items, each with the same `type` and a `field`.
fn one_type_by_fields(items: &[Value]) -> Option<String> {
    let pairs: Option<Vec<(&str, &str)>> = items
        .iter()
        .map(|i| Some((i.get("type")?.as_str()?, i.get("field")?.as_str()?)))
        .collect();
    let pairs = pairs?;
    let (kind, _) = *pairs.first()?;
    if pairs.len() < 2 || pairs.iter().any(|(k, _)| *k != kind) {
        return None;
    }
    let fields: Vec<&str> = pairs.iter().map(|(_, f)| field_word(f)).collect();
    Some(format!("[{kind} {}]", fields.join(", ")))
}

/// How much of an item [`item_name`] says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// The folded line: a name ("FARGATE", "memberOf").
    Brief,
    /// A change's own line: what the lesson is about too ("FARGATE base 2 weight 1",
    /// "memberOf attribute:ecs.instance-type == r5.large").
    Whole,
}

/// A list by its items' names, "[spread zone, instance]", or `None` when an item has none.
fn named_list(items: &[Value], detail: Detail) -> Option<String> {
    if let Some(same) = one_type_by_fields(items) {
        return Some(same);
    }
    let names: Option<Vec<String>> = items.iter().map(|i| item_name(i, detail)).collect();
    Some(format!("[{}]", names?.join(", ")))
}

/// What names one item of a list in ECS's documents: a scaling policy's name, a placement
/// strategy's type and field ("spread zone", "binpack memory"), a constraint's type (and its
/// expression, [`Detail::Whole`]), a capacity provider (and its base and weight), a scalable
/// target's range ("min 2, max 8"); a string or number as it is. `None` for an item with none
/// of these.
fn item_name(item: &Value, detail: Detail) -> Option<String> {
    let o = match item {
        Value::String(s) => return Some(s.clone()),
        Value::Number(n) => return Some(n.to_string()),
        Value::Object(o) => o,
        _ => return None,
    };
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    let whole = detail == Detail::Whole;
    if let Some(provider) = text("capacityProvider") {
        let mut name = provider.to_string();
        for key in ["base", "weight"].into_iter().filter(|_| whole) {
            if let Some(n) = o.get(key) {
                name.push_str(&format!(" {key} {n}"));
            }
        }
        return Some(name);
    }
    if let Some(name) = text("policyName").or_else(|| text("name")) {
        return Some(name.to_string());
    }
    if let Some(kind) = text("type") {
        return Some(match (text("field"), text("expression")) {
            (Some(field), _) => format!("{kind} {}", field_word(field)),
            (None, Some(expression)) if whole => format!("{kind} {expression}"),
            _ => kind.to_string(),
        });
    }
    match (o.get("minCapacity"), o.get("maxCapacity")) {
        (Some(min), Some(max)) => Some(format!("min {min}, max {max}")),
        _ => None,
    }
}

/// A placement strategy's field in a word: "zone" for the Availability Zone attribute,
/// "instance" for `instanceId` (or `host`, the same), an attribute without its prefix.
fn field_word(field: &str) -> &str {
    match field {
        "attribute:ecs.availability-zone" => "zone",
        "instanceId" | "host" => "instance",
        _ => field
            .strip_prefix("attribute:ecs.")
            .or_else(|| field.strip_prefix("attribute:"))
            .unwrap_or(field),
    }
}

impl OpenChange {
    /// The change whole: "service checkout: deploymentConfiguration.deploymentCircuitBreaker →
    /// {…} (was not set)".
    pub fn line(&self) -> String {
        format!("{} → {} (was {})", self.place, self.now, self.was)
    }

    /// The change on a line the strip can hold: its owner and last key, the keys between them
    /// left out ("service checkout: deploymentCircuitBreaker → {\"enable\":true,…}"). Lesson
    /// 10's one change read "service checkout: deploymentConfiguration.deploymentCircuitBreaker
    /// → {\"enable\":tru…" on the projector, the fix cut at its first key (presenter
    /// walkthrough, 2026-12-07); [`Self::line`] is shown on a click. A place with no owner (a
    /// top-level key) or no keys between stays whole. Past [`SHORT_LINE_CHARS`] it says less,
    /// in turn, until it fits: the old value left out, then the owner too (the key and its new
    /// value are the fix the room should read). Lesson 4's line hid its Spot weight ("…
    /// FARGATE_SPOT …", helper walkthrough, 37th session).
    pub fn short_line(&self) -> String {
        let place = match self.place.rsplit_once(": ") {
            Some((owner, path)) if !self.leaf.is_empty() && path != self.leaf => {
                format!("{owner}: {}", self.leaf)
            }
            _ => self.place.clone(),
        };
        let fits = |line: &String| line.chars().count() <= SHORT_LINE_CHARS;
        let with_was = format!("{place} → {} (was {})", self.now, self.was);
        let with_owner = format!("{place} → {}", self.now);
        if fits(&with_was) {
            with_was
        } else if fits(&with_owner) || self.leaf.is_empty() {
            with_owner
        } else {
            format!("{} → {}", self.leaf, self.now)
        }
    }
}

/// Most characters of [`OpenChange::short_line`]: the presenter strip's line holds about 87 at
/// 1280×720 (lesson 10's was cut after "(was not").
const SHORT_LINE_CHARS: usize = 80;

/// Several changes on one line, each its last key and its new value ("strategy → CANARY ·
/// canaryConfiguration → {…} · bakeTimeInMinutes → 5"), for the strip's
/// folded "Changed:": lesson 11's three whole lines pushed its last goal below the strip after
/// a pass (instructor walkthrough, 2026-12-07). A key two changes share keeps its place
/// ("service web: desiredCount"), so the line never names two places alike.
pub fn in_brief(changes: &[OpenChange]) -> String {
    changes
        .iter()
        .map(|c| {
            let shared =
                c.leaf.is_empty() || changes.iter().filter(|o| o.leaf == c.leaf).count() > 1;
            let name = if shared { &c.place } else { &c.leaf };
            let now = &c.brief_now;
            format!("{name} → {now}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Whether lists `x` and `y` (of the same length) differ in one item, and there in one key's
/// value.
fn one_value_changed(x: &[Value], y: &[Value]) -> bool {
    let mut changed = x.iter().zip(y).filter(|(a, b)| a != b);
    let (Some((Value::Object(a), Value::Object(b))), None) = (changed.next(), changed.next())
    else {
        return false;
    };
    keys_of_both(a, b)
        .filter(|k| a.get(*k) != b.get(*k))
        .count()
        == 1
}

/// The keys of `a`, then those only `b` has.
fn keys_of_both<'a>(
    a: &'a serde_json::Map<String, Value>,
    b: &'a serde_json::Map<String, Value>,
) -> impl Iterator<Item = &'a String> {
    a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)))
}

/// A value as the list shows it: "not set" when absent ("none" read as a value of its own), a
/// string without quotes, a list by its items' names ("[spread zone]", up to
/// [`NAMED_LIST_CHARS`]), else compact JSON; cut after [`VALUE_CHARS`] characters. Lesson 5's
/// change read `[{"type":"spread","field":"attribute:ec… (was [{"typ…`, which said neither
/// strategy (presenter walkthrough, 2026-12-07).
fn shown(v: Option<&Value>) -> String {
    if let Some(Value::Array(items)) = v {
        if let Some(names) = named_list(items, Detail::Whole) {
            return cut(names, NAMED_LIST_CHARS);
        }
    }
    let text = match v {
        None => "not set".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    };
    cut(text, VALUE_CHARS)
}

/// Characters of a list shown by its items' names: more than a value, as the names are the
/// whole of what changed ("[FARGATE base 2 weight 1, FARGATE_SPOT weight 3]").
const NAMED_LIST_CHARS: usize = 80;

/// `text` in at most `most` characters, the last an ellipsis when it is cut
/// ([`super::caps::cut`] adds its ellipsis after the characters it keeps).
fn cut(text: String, most: usize) -> String {
    if text.chars().count() > most {
        super::caps::cut(&text, most - 1)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::course;
    use crate::challenge::editable::parse_path;
    use crate::challenge::Challenge;

    /// A lesson's start, its reference solution and its open paths.
    fn lesson(id: &str) -> (Value, Value, Vec<Vec<Segment>>) {
        let c = Challenge::parse(course::lesson(id).expect("a lesson").json).expect("parses");
        let open = c
            .doc
            .editable
            .iter()
            .map(|p| parse_path(p).expect("a path"))
            .collect();
        let solution = c.solution().expect("a solution");
        (c.doc.scenario.clone(), solution, open)
    }

    /// What lesson `id`'s reference solution changes in its open places.
    fn solved_changes(id: &str) -> Vec<OpenChange> {
        let (start, solution, open) = lesson(id);
        open_changes(&start, &solution, &open)
    }

    #[test]
    fn lesson_7s_fix_reads_as_the_grace_period_it_sets() {
        let (start, solution, open) = lesson("health-check-grace-period");
        let changes = open_changes(&start, &solution, &open);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            changes[0].place,
            "service reports: healthCheckGracePeriodSeconds"
        );
        assert_eq!(changes[0].was, "not set");
        assert_eq!(changes[0].now, "300");
    }

    #[test]
    fn lesson_10s_one_change_reads_short_as_its_service_and_last_key() {
        let changes = solved_changes("circuit-breaker-rollback");
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            changes[0].short_line(),
            "service checkout: deploymentCircuitBreaker → {\"enable\":true,\"rollback\":true}"
        );
        assert_eq!(
            changes[0].line(),
            "service checkout: deploymentConfiguration.deploymentCircuitBreaker → {\"enable\":true,\"rollback\":true} (was not set)"
        );
        // Lesson 4's strategy with its owner would pass the line: the key and the list alone.
        let four = &solved_changes("fargate-spot-base-weight")[0];
        assert_eq!(
            four.short_line(),
            "capacityProviderStrategy → [FARGATE base 2 weight 1, FARGATE_SPOT weight 3]"
        );
        // A key right under its owner is the same both ways (lesson 7).
        let seven = &solved_changes("health-check-grace-period")[0];
        assert_eq!(seven.short_line(), seven.line());
        assert_eq!(
            seven.short_line(),
            "service reports: healthCheckGracePeriodSeconds → 300 (was not set)"
        );
    }

    #[test]
    fn lesson_11s_three_changes_read_as_one_line_of_keys_and_new_values() {
        let (start, solution, open) = lesson("canary-blast-radius");
        let changes = open_changes(&start, &solution, &open);
        assert_eq!(changes.len(), 3, "{changes:?}");
        let line = in_brief(&changes);
        assert_eq!(
            line,
            "strategy → CANARY · canaryConfiguration → {…} · bakeTimeInMinutes → 5"
        );
    }

    #[test]
    fn a_list_in_brief_reads_as_its_items_names() {
        let brief_of = |id: &str| {
            let (start, solution, open) = lesson(id);
            let changes = open_changes(&start, &solution, &open);
            changes
                .iter()
                .map(|c| c.brief_now.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            brief_of("zone-rebalancing"),
            ["[spread zone, instance]", "ENABLED"]
        );
        assert_eq!(
            brief_of("service-auto-scaling"),
            ["[min 2, max 8]", "[cpu50]"]
        );
        assert_eq!(
            brief_of("placement-constraints"),
            ["[distinctInstance, memberOf]"]
        );
        assert_eq!(
            brief_of("fargate-spot-base-weight"),
            ["[FARGATE, FARGATE_SPOT]"]
        );
        // Items without a name, and names too long for the line.
        let unnamed = brief(Some(&serde_json::json!([{ "base": 2 }])));
        assert_eq!(unnamed, "[…]");
        let long = brief(Some(&serde_json::json!([
            "a-very-long-provider-name",
            "another-one"
        ])));
        assert_eq!(long.chars().count(), BRIEF_LIST_CHARS);
        assert!(long.starts_with("[a-very-long-provider-name, ") && long.ends_with('…'));
        assert_eq!(brief(Some(&serde_json::json!([]))), "[]");
        assert_eq!(
            brief(Some(
                &serde_json::json!([{ "type": "binpack", "field": "memory" }, { "type": "spread", "field": "attribute:ecs.instance-type" }])
            )),
            "[binpack memory, spread instanc…"
        );
    }

    #[test]
    fn a_key_two_changes_share_keeps_its_place() {
        let change = |place: &str, leaf: &str| OpenChange {
            place: place.into(),
            was: "1".into(),
            now: "2".into(),
            leaf: leaf.into(),
            brief_now: "2".into(),
        };
        let line = in_brief(&[
            change("service web: desiredCount", "desiredCount"),
            change("service api: desiredCount", "desiredCount"),
            change(
                "service api: healthCheckGracePeriodSeconds",
                "healthCheckGracePeriodSeconds",
            ),
        ]);
        assert_eq!(
            line,
            "service web: desiredCount → 2 · service api: desiredCount → 2 · healthCheckGracePeriodSeconds → 2"
        );
    }

    #[test]
    fn the_start_has_no_changes_and_a_list_is_one_change() {
        let (start, _, open) = lesson("zone-rebalancing");
        assert!(open_changes(&start, &start, &open).is_empty());
        let mut doc = start.clone();
        doc["services"][0]["placementStrategy"] = serde_json::json!([
            { "type": "spread", "field": "attribute:ecs.availability-zone" },
            { "type": "spread", "field": "instanceId" }]);
        let changes = open_changes(&start, &doc, &open);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].place, "service web: placementStrategy");
        assert_eq!(changes[0].now, "[spread zone, instance]");
    }

    #[test]
    fn a_list_on_its_own_line_reads_as_its_items_with_what_the_lesson_is_about() {
        let line = |id: &str| {
            let (start, solution, open) = lesson(id);
            let c = open_changes(&start, &solution, &open);
            assert_eq!(c.len(), 1, "{c:?}");
            (c[0].now.clone(), c[0].was.clone())
        };
        assert_eq!(
            line("spread-across-zones"),
            ("[spread zone]".to_string(), "[binpack memory]".to_string())
        );
        let (now, _) = line("fargate-spot-base-weight");
        assert_eq!(now, "[FARGATE base 2 weight 1, FARGATE_SPOT weight 3]");
        assert_eq!(
            line("placement-constraints"),
            (
                "[distinctInstance, memberOf attribute:ecs.instance-type == r5.large]".to_string(),
                "not set".to_string()
            )
        );
        // A list whose items have no name stays compact JSON, cut.
        let unnamed = shown(Some(
            &serde_json::json!([{ "base": 2, "x": "a long value to cut here" }]),
        ));
        assert!(
            unnamed.starts_with("[{\"base\":2") && unnamed.ends_with('…'),
            "{unnamed}"
        );
    }

    #[test]
    fn a_locked_change_is_not_listed() {
        let (start, _, open) = lesson("health-check-grace-period");
        let mut doc = start.clone();
        doc["seed"] = serde_json::json!(99);
        assert!(open_changes(&start, &doc, &open).is_empty());
    }

    #[test]
    fn a_ttl_changed_inside_a_list_reads_as_that_ttl() {
        // Lesson 15: both sides of "serviceRegistries" read the same 40 characters.
        let (start, _, open) = lesson("service-discovery-ttl");
        let mut doc = start.clone();
        let entry = doc["services"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["serviceName"] == "orders"))
            .expect("orders");
        entry["serviceRegistries"][0]["dnsTtlSeconds"] = serde_json::json!(5);
        let changes = open_changes(&start, &doc, &open);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].place.ends_with("dnsTtlSeconds"), "{changes:?}");
        assert_eq!(
            (changes[0].was.as_str(), changes[0].now.as_str()),
            ("300", "5")
        );
    }

    #[test]
    fn a_strategy_changed_in_type_and_field_is_one_change() {
        // Review: read item by item, lesson 5's binpack→spread fix took two lines and a swap of
        // two strategies four, pushing other changes off the strip.
        let (start, _, open) = lesson("zone-rebalancing");
        let mut doc = start.clone();
        let before = doc["services"][0]["placementStrategy"].clone();
        let n = before.as_array().map_or(0, Vec::len);
        assert!(n >= 1, "{before}");
        doc["services"][0]["placementStrategy"][0] =
            serde_json::json!({ "type": "binpack", "field": "memory" });
        let changes = open_changes(&start, &doc, &open);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].place, "service web: placementStrategy");
    }
}
