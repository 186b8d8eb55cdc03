//! What a student may change: editable JSON paths (`services[0].desiredCount`,
//! `taskDefinitions[*].cpu`), the check that a submitted scenario differs from the start only
//! under them, and applying a solution given as edits.

use crate::problem::Problem;
use serde_json::Value;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
    /// `[*]`: any index (editable paths only).
    Any,
}

/// Reads `a.b[0].c` / `a[*].b` into segments; `None` when it is not such a path.
pub fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        out.push(Segment::Key(key.to_string()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let inner = rest.get(1..close)?;
            if !rest.starts_with('[') {
                return None;
            }
            out.push(if inner == "*" {
                Segment::Any
            } else {
                Segment::Index(inner.parse().ok()?)
            });
            rest = &rest[close + 1..];
        }
    }
    Some(out)
}

/// Writes segments back as a path (`a.b[0]`).
pub fn show_path(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
            Segment::Any => out.push_str("[*]"),
        }
    }
    out
}

/// Whether `pattern` opens `path`: it is a prefix of it, `[*]` matching any index.
pub fn opens(pattern: &[Segment], path: &[Segment]) -> bool {
    pattern.len() <= path.len()
        && pattern.iter().zip(path).all(|(p, s)| match (p, s) {
            (Segment::Any, Segment::Index(_)) => true,
            _ => p == s,
        })
}

/// Whether one of two paths lies within the other (is a prefix of it), `[*]` matching any index.
fn overlap(a: &[Segment], b: &[Segment]) -> bool {
    a.iter().zip(b).all(|(x, y)| match (x, y) {
        (Segment::Any, Segment::Index(_) | Segment::Any) | (Segment::Index(_), Segment::Any) => {
            true
        }
        _ => x == y,
    })
}

/// Most locked changes reported for one scenario.
const REPORTED: usize = 10;

/// Where `submitted` differs from `start` outside the `editable` patterns: one problem per
/// changed locked place (at most ten), each at its path.
pub fn locked_changes(start: &Value, submitted: &Value, editable: &[Vec<Segment>]) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut path = Vec::new();
    diff(start, submitted, editable, &mut path, &mut found);
    found
}

fn diff(
    a: &Value,
    b: &Value,
    editable: &[Vec<Segment>],
    path: &mut Vec<Segment>,
    found: &mut Vec<Problem>,
) {
    if found.len() >= REPORTED || editable.iter().any(|p| opens(p, path)) {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                path.push(Segment::Key(k.clone()));
                match y.get(k) {
                    Some(vb) => diff(va, vb, editable, path, found),
                    None if !editable.iter().any(|p| opens(p, path)) => {
                        found.push(locked(path, "removed"));
                    }
                    None => {}
                }
                path.pop();
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                path.push(Segment::Key(k.clone()));
                if !editable.iter().any(|p| opens(p, path)) && found.len() < REPORTED {
                    found.push(locked(path, "added"));
                }
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                path.push(Segment::Index(i));
                diff(va, vb, editable, path, found);
                path.pop();
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            // A challenge's author who solved the start with "Register revision" had the
            // hidden solution refused here with no word on why (instructor walkthrough).
            let registered = y.len() > x.len()
                && matches!(path.as_slice(), [Segment::Key(k)] if k == "taskDefinitions");
            let hint = if registered {
                " (a registered revision adds one: change the revision the start runs, in its \
                 Scenario JSON, instead)"
            } else {
                ""
            };
            found.push(locked(
                path,
                &format!("has {} items; it had {}{hint}", y.len(), x.len()),
            ))
        }
        _ if a == b => {}
        _ => found.push(locked(path, "changed")),
    }
}

fn locked(path: &[Segment], what: &str) -> Problem {
    Problem::new(
        show_path(path),
        format!("{what}, but this part is locked in the challenge"),
    )
}

/// What a lesson locks: the starting scenario and the paths open under it. The playground's
/// forms refuse an edit that changes a locked part, and the lesson pane names a locked part
/// changed in the JSON editor, before Check does.
#[derive(Debug, Clone, PartialEq)]
pub struct Lock {
    /// The starting scenario.
    pub start: Value,
    /// The editable paths, read.
    pub editable: Vec<Vec<Segment>>,
}

impl Lock {
    /// The locked places `doc` changes (at most ten), each with its path.
    pub fn changes(&self, doc: &Value) -> Vec<Problem> {
        locked_changes(&self.start, doc, &self.editable)
    }

    /// Whether nothing at or under `path` is open to change: no editable place lies within it
    /// or holds it. A form draws such a control disabled, so a student sees what the lesson opens
    /// before trying (lesson 11's locked Min healthy % looked editable until a change was
    /// refused: student walkthrough). A path that does not read is not locked.
    pub fn locks(&self, path: &str) -> bool {
        parse_path(path).is_some_and(|path| !self.editable.iter().any(|open| overlap(open, &path)))
    }

    /// The keys `doc` leaves out that ECS would keep from the running service (see
    /// [`super::kept_on_update`]): Check refuses them, and the lesson pane says so as they go.
    pub fn left_out(&self, doc: &Value) -> Vec<Problem> {
        super::kept_on_update::left_out(&self.start, doc)
    }

    /// Why a form may not make `doc` (the first locked place it changes), if it may not. The
    /// places one may change are named under their common parent when they share one
    /// ("strategy, bakeTimeInMinutes of services[0].deploymentConfiguration"): written out in
    /// full, lesson 11's list filled a projector's narrow pane (student walkthrough).
    pub fn refusal(&self, doc: &Value) -> Option<String> {
        self.changes(doc).first().map(|p| {
            // Named as the lesson pane names them ("capacity provider asg: …"): the JSON path
            // alone read as noise above lesson 13's form (student walkthrough).
            format!(
                "{} is locked in this lesson; you may change {}.",
                super::path_words::readable(&self.start, &p.path),
                self.open_places()
            )
        })
    }

    /// The editable places, under their common parent when they share one and there are two
    /// or more.
    fn open_places(&self) -> String {
        let all = |from: usize| {
            self.editable
                .iter()
                .map(|e| {
                    let path = show_path(&e[from..]);
                    if from == 0 {
                        super::path_words::readable(&self.start, &path)
                    } else {
                        path
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(first) = self.editable.first() else {
            return String::new();
        };
        let mut common = first.len().saturating_sub(1);
        for e in &self.editable[1..] {
            common = common.min(e.len().saturating_sub(1));
            common = (0..common).find(|&k| e[k] != first[k]).unwrap_or(common);
        }
        // What is left of each place must start with a key, so that it reads as a key of the
        // parent ("desiredCount of services[0]", not "[0].desiredCount of services").
        while common > 0
            && !self
                .editable
                .iter()
                .all(|e| matches!(e.get(common), Some(Segment::Key(_))))
        {
            common -= 1;
        }
        if self.editable.len() < 2 || common == 0 {
            return all(0);
        }
        format!(
            "{} of {}",
            all(common),
            super::path_words::readable(&self.start, &show_path(&first[..common]))
        )
    }
}

/// Applies edits `[{ "path": …, "value": … }]` to `start` (a solution written as a patch):
/// each path must already exist, or be a new key of an existing object.
pub fn apply_edits(start: &Value, edits: &[Value]) -> Result<Value, Problem> {
    let mut doc = start.clone();
    for (k, e) in edits.iter().enumerate() {
        let at = format!("solution[{k}]");
        let (Some(path), Some(value)) = (e.get("path").and_then(Value::as_str), e.get("value"))
        else {
            return Err(Problem::new(at, "an edit is { \"path\": …, \"value\": … }"));
        };
        let Some(segments) = parse_path(path).filter(|s| !s.contains(&Segment::Any)) else {
            return Err(Problem::new(
                format!("{at}.path"),
                "not a path like a.b[0].c",
            ));
        };
        let Some(slot) = slot_mut(&mut doc, &segments) else {
            return Err(Problem::new(
                format!("{at}.path"),
                "no such place in the starting scenario",
            ));
        };
        *slot = value.clone();
    }
    Ok(doc)
}

fn slot_mut<'a>(doc: &'a mut Value, segments: &[Segment]) -> Option<&'a mut Value> {
    let (last, parents) = segments.split_last()?;
    let mut node = doc;
    for s in parents {
        node = match s {
            Segment::Key(k) => node.get_mut(k.as_str())?,
            Segment::Index(i) => node.get_mut(*i)?,
            Segment::Any => return None,
        };
    }
    match last {
        Segment::Key(k) => {
            let obj = node.as_object_mut()?;
            Some(obj.entry(k.clone()).or_insert(Value::Null))
        }
        Segment::Index(i) => node.get_mut(*i),
        Segment::Any => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_read_and_print_back() {
        for p in [
            "a",
            "services[0].desiredCount",
            "taskDefinitions[*].containerDefinitions[1].cpu",
        ] {
            assert_eq!(show_path(&parse_path(p).unwrap()), p);
        }
        for bad in ["", "a..b", "a[x]", "a[0", "[0]", "a b", "a[0]x"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn changes_under_an_editable_path_pass_and_locked_ones_are_named() {
        let start = json!({"seed": 1, "services": [{"desiredCount": 2, "name": "a"}]});
        let editable = vec![parse_path("services[*].desiredCount").unwrap()];
        let ok = json!({"seed": 1, "services": [{"desiredCount": 5, "name": "a"}]});
        assert!(locked_changes(&start, &ok, &editable).is_empty());
        let bad = json!({"seed": 2, "services": [{"desiredCount": 5, "name": "b", "x": 1}]});
        let found = locked_changes(&start, &bad, &editable);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["seed", "services[0].name", "services[0].x"]);
        assert!(found[2].message.starts_with("added"));
    }

    #[test]
    fn a_registered_revision_is_named_as_such() {
        let start =
            json!({"taskDefinitions": [{"family": "web"}], "services": [{"desiredCount": 2}]});
        let solved = json!({"taskDefinitions": [{"family": "web"}, {"family": "web", "cpu": "512"}],
            "services": [{"desiredCount": 2}]});
        let editable = vec![parse_path("services[0].desiredCount").expect("path")];
        let found = locked_changes(&start, &solved, &editable);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "taskDefinitions");
        assert!(
            found[0].message.contains("a registered revision adds one"),
            "{}",
            found[0].message
        );
        // Fewer items is not a registration.
        let fewer = json!({"taskDefinitions": [], "services": [{"desiredCount": 2}]});
        let found = locked_changes(&start, &fewer, &editable);
        assert!(
            !found[0].message.contains("registered"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_place_is_locked_when_nothing_within_it_or_holding_it_is_open() {
        let lock = Lock {
            start: json!({}),
            editable: [
                "services[0].deploymentConfiguration.strategy",
                "taskDefinitions[*].cpu",
            ]
            .iter()
            .map(|p| parse_path(p).unwrap())
            .collect(),
        };
        // Lesson 11's shape: the strategy is open, its neighbours are not.
        assert!(!lock.locks("services[0].deploymentConfiguration.strategy"));
        assert!(!lock.locks("services[0].deploymentConfiguration.strategy.x"));
        assert!(!lock.locks("services[0].deploymentConfiguration"));
        assert!(lock.locks("services[0].deploymentConfiguration.maximumPercent"));
        assert!(lock.locks("services[1].deploymentConfiguration.strategy"));
        assert!(lock.locks("services[0].desiredCount"));
        // `[*]` opens every index.
        assert!(!lock.locks("taskDefinitions[3].cpu"));
        assert!(lock.locks("taskDefinitions[3].memory"));
        assert!(!lock.locks("taskDefinitions"));
        // A path that does not read is not locked.
        assert!(!lock.locks("a b"));
    }

    #[test]
    fn a_lock_names_the_first_locked_place_and_the_open_ones() {
        let lock = Lock {
            start: json!({"seed": 1, "services": [{"desiredCount": 2}]}),
            editable: vec![parse_path("services[0].desiredCount").unwrap()],
        };
        assert_eq!(
            lock.refusal(&json!({"seed": 1, "services": [{"desiredCount": 3}]})),
            None
        );
        assert_eq!(
            lock.refusal(&json!({"seed": 2, "services": [{"desiredCount": 3}]}))
                .unwrap(),
            "seed is locked in this lesson; you may change services[0].desiredCount."
        );
    }

    #[test]
    fn a_lock_names_the_open_places_under_their_common_parent() {
        let lock = |paths: &[&str]| Lock {
            start: json!({"seed": 1}),
            editable: paths.iter().map(|p| parse_path(p).unwrap()).collect(),
        };
        let changed = json!({"seed": 2});
        assert_eq!(
            lock(&[
                "services[0].deploymentConfiguration.strategy",
                "services[0].deploymentConfiguration.bakeTimeInMinutes"
            ])
            .refusal(&changed)
            .unwrap(),
            "seed is locked in this lesson; you may change strategy, bakeTimeInMinutes of services[0].deploymentConfiguration."
        );
        // A parent may end on an index; nothing shared: in full.
        assert_eq!(
            lock(&["services[0].desiredCount", "services[0].cpu"])
                .refusal(&changed)
                .unwrap(),
            "seed is locked in this lesson; you may change desiredCount, cpu of services[0]."
        );
        assert_eq!(
            lock(&["services[0].desiredCount", "services[1].desiredCount"])
                .refusal(&changed)
                .unwrap(),
            "seed is locked in this lesson; you may change services[0].desiredCount, services[1].desiredCount."
        );
        assert_eq!(
            lock(&["services[0].desiredCount", "targetGroups[0].port"]).refusal(&changed).unwrap(),
            "seed is locked in this lesson; you may change services[0].desiredCount, targetGroups[0].port."
        );
    }

    #[test]
    fn a_lock_names_places_as_the_lesson_pane_does() {
        let lock = Lock {
            start: json!({"capacityProviders": [{"name": "asg",
                "autoScalingGroupProvider": {"autoScalingGroup": {"desiredCapacity": 2, "maxSize": 4}}}]}),
            editable: vec![parse_path(
                "capacityProviders[0].autoScalingGroupProvider.autoScalingGroup.maxSize",
            )
            .unwrap()],
        };
        let changed = json!({"capacityProviders": [{"name": "asg",
            "autoScalingGroupProvider": {"autoScalingGroup": {"desiredCapacity": 3, "maxSize": 4}}}]});
        assert_eq!(
            lock.refusal(&changed).unwrap(),
            "capacity provider asg: autoScalingGroupProvider.autoScalingGroup.desiredCapacity is locked in this lesson; you may change capacity provider asg: autoScalingGroupProvider.autoScalingGroup.maxSize."
        );
    }

    #[test]
    fn edits_apply_at_existing_places_only() {
        let start = json!({"services": [{"desiredCount": 2}]});
        let done = apply_edits(
            &start,
            &[
                json!({"path": "services[0].desiredCount", "value": 4}),
                json!({"path": "services[0].new", "value": true}),
            ],
        )
        .unwrap();
        assert_eq!(
            done,
            json!({"services": [{"desiredCount": 4, "new": true}]})
        );
        assert!(apply_edits(&start, &[json!({"path": "services[3].x", "value": 1})]).is_err());
        assert!(apply_edits(&start, &[json!({"path": "services[*].x", "value": 1})]).is_err());
    }
}
