//! The challenge builder's logic: which parts of a scenario a teacher is likely to open, a goal
//! from the builder's form fields, and the challenge document from the builder — checked with
//! the same rules as any challenge, so what the builder shares always opens.

use super::document::{ChallengeDocument, CHALLENGE_KIND, CHALLENGE_VERSION};
use super::goal::{GoalSpec, MeasureName, Statistic, WhenName};
use crate::time::{clock, parse_clock, Millis};
use serde_json::Value;

/// A path the builder offers to open, with what it is called on the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The editable path.
    pub path: String,
    /// `web: desiredCount`.
    pub label: String,
}

/// The settings lessons are about, for each service, task definition and capacity provider of
/// `scenario`, plus the scenario-wide scaling keys.
pub fn suggested_paths(scenario: &Value) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let list = |key: &str| {
        scenario
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let name = |v: &Value, key: &str, k: usize| {
        v.get(key)
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{k}"), str::to_string)
    };
    for (k, s) in list("services").iter().enumerate() {
        let n = name(s, "serviceName", k);
        for key in [
            "desiredCount",
            "deploymentConfiguration",
            "placementStrategy",
            "placementConstraints",
            "capacityProviderStrategy",
            "networkConfiguration",
            "healthCheckGracePeriodSeconds",
            "loadBalancers",
        ] {
            out.push(Suggestion {
                path: format!("services[{k}].{key}"),
                label: format!("service {n}: {key}"),
            });
        }
    }
    // Each entry registers the next revision of its family, so two entries of one family are
    // told apart by revision (both read "task definition web" before).
    let mut revisions: std::collections::BTreeMap<String, u32> = Default::default();
    for (k, t) in list("taskDefinitions").iter().enumerate() {
        let n = name(t, "family", k);
        let revision = revisions.entry(n.clone()).or_default();
        *revision += 1;
        for key in ["cpu", "memory", "networkMode", "containerDefinitions"] {
            out.push(Suggestion {
                path: format!("taskDefinitions[{k}].{key}"),
                label: format!("task definition {n}:{revision}: {key}"),
            });
        }
    }
    for (k, c) in list("capacityProviders").iter().enumerate() {
        let n = name(c, "name", k);
        out.push(Suggestion {
            path: format!("capacityProviders[{k}].autoScalingGroupProvider"),
            label: format!("capacity provider {n}: Auto Scaling group and managed scaling"),
        });
    }
    for key in ["scalableTargets", "scalingPolicies", "targetGroups"] {
        out.push(Suggestion {
            path: key.to_string(),
            label: format!("{key} (all)"),
        });
    }
    out
}

/// The builder's goal form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoalForm {
    /// `running`, `healthy`, … (the document's names).
    pub measure: String,
    /// The service name.
    pub service: String,
    /// `at`, `always` or `eventually` (state measures).
    pub when: String,
    /// First time (`at` for "at", `from` otherwise), as a clock (`0:05:00`) or minutes.
    pub first: String,
    /// Second time (`to` or `by`), as a clock or minutes; empty: the horizon.
    pub second: String,
    /// `atLeast`, `atMost` or `equals`.
    pub bound: String,
    /// The bound's value (a number, or a rollout state).
    pub value: String,
    /// The metric name (`metric`).
    pub metric: String,
    /// The statistic (`metric`): `maximum`, `minimum`, `sum`, `average`.
    pub statistic: String,
    /// The advice rule (`advice`).
    pub rule: String,
}

/// Every measure the builder offers, with its document name.
pub const MEASURES: [(&str, MeasureName); 15] = [
    ("running", MeasureName::Running),
    ("healthy", MeasureName::Healthy),
    ("pending", MeasureName::Pending),
    ("desired", MeasureName::Desired),
    ("unplaced", MeasureName::Unplaced),
    ("rolloutState", MeasureName::RolloutState),
    ("tasksPerInstance", MeasureName::TasksPerInstance),
    ("zonesWithTasks", MeasureName::ZonesWithTasks),
    ("instances", MeasureName::Instances),
    ("costPerHour", MeasureName::CostPerHour),
    ("metric", MeasureName::Metric),
    ("unableToPlaceEvents", MeasureName::UnableToPlaceEvents),
    ("rollbacks", MeasureName::Rollbacks),
    ("costTotal", MeasureName::CostTotal),
    ("advice", MeasureName::Advice),
];

/// The two times a two-part entry such as `7:30` can mean, as words, or `None` for any other
/// entry. The lessons' briefs write `7:30` for seven and a half minutes (m:ss) and "Run to" reads
/// it as h:mm, so the builder takes neither: an instructor's `7:30` was read as 7 hours 30
/// (instructor walkthrough, 2026-12-05).
fn two_readings(text: &str) -> Option<String> {
    let (a, b) = text.trim().split_once(':')?;
    if b.contains(':') {
        return None;
    }
    let a: u64 = a.trim().parse().ok()?;
    let b: u64 = b.trim().parse().ok()?;
    let m_ss = a.checked_mul(60)?.checked_add(b)?.checked_mul(1000)?;
    let h_mm = a.checked_mul(60)?.checked_add(b)?.checked_mul(60_000)?;
    Some(format!("{} (m:ss) or {} (h:mm)", clock(m_ss), clock(h_mm)))
}

/// A goal from the form, numbered `n` for its id; a sentence saying which field is wrong
/// otherwise. Times are h:mm:ss or a number of minutes, at most `horizon` (a one-colon time
/// is refused, with both its readings).
pub fn goal_from_form(form: &GoalForm, n: usize, horizon: Millis) -> Result<GoalSpec, String> {
    let measure = MEASURES
        .iter()
        .find(|(name, _)| *name == form.measure)
        .map(|(_, m)| *m)
        .ok_or("choose what the goal measures")?;
    let time = |text: &str, what: &str| -> Result<Option<u64>, String> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        if let Some(both) = two_readings(text) {
            return Err(format!(
                "{what}: {} could be {both}: write h:mm:ss or a number of minutes",
                text.trim()
            ));
        }
        parse_clock(text, horizon)
            .map(|ms| Some(ms / 1000))
            .ok_or_else(|| {
                format!("{what}: a time like 0:05:00 or a number of minutes, within the horizon")
            })
    };
    let mut spec = GoalSpec {
        id: format!("goal-{n}"),
        text: String::new(),
        measure,
        service: (!form.service.is_empty()
            && (measure.needs_service() || measure == MeasureName::UnableToPlaceEvents))
            .then(|| form.service.clone()),
        capacity_provider: None,
        zone: None,
        instance_type: None,
        metric: None,
        statistic: None,
        rule: None,
        when: None,
        at: None,
        from: None,
        to: None,
        by: None,
        at_least: None,
        at_most: None,
        equals: None,
        needs: None,
    };
    if measure.is_state() {
        match form.when.as_str() {
            "at" => {
                spec.when = Some(WhenName::At);
                spec.at =
                    Some(time(&form.first, "at")?.ok_or("give the time the goal is read at")?);
            }
            "always" => {
                spec.when = Some(WhenName::Always);
                spec.from = time(&form.first, "from")?;
                spec.to = time(&form.second, "to")?;
            }
            "eventually" => {
                spec.when = Some(WhenName::Eventually);
                spec.from = time(&form.first, "from")?;
                spec.by = time(&form.second, "by")?;
            }
            _ => return Err("choose when the goal must hold".into()),
        }
    } else {
        spec.from = time(&form.first, "from")?;
        spec.to = time(&form.second, "to")?;
    }
    // A window that ends where it starts counts nothing ("from 0:15:00 to 0:15:00" with "to"
    // left at the horizon: engineer walkthrough); `at` is the form for an instant.
    if spec.when != Some(WhenName::At) && spec.when != Some(WhenName::Eventually) {
        let end = spec.to.unwrap_or(horizon / 1000);
        if let Some(start) = spec.from.filter(|&f| f >= end) {
            return Err(format!(
                "from {} is not before to {}: the window is empty (leave from empty to start at 0:00:00)",
                crate::time::clock(start * 1000),
                crate::time::clock(end * 1000)
            ));
        }
    }
    if measure == MeasureName::Metric {
        spec.metric = Some(form.metric.clone());
        spec.statistic = Some(match form.statistic.as_str() {
            "minimum" => Statistic::Minimum,
            "sum" => Statistic::Sum,
            "average" => Statistic::Average,
            _ => Statistic::Maximum,
        });
    }
    if measure == MeasureName::Advice {
        spec.rule = Some(form.rule.clone());
    }
    let value = form.value.trim();
    if measure == MeasureName::RolloutState {
        spec.equals = Some(Value::String(value.to_ascii_uppercase()));
        return Ok(spec);
    }
    let x: f64 = value
        .parse()
        .ok()
        .filter(|x: &f64| x.is_finite())
        .ok_or("the value: a number")?;
    match form.bound.as_str() {
        "atLeast" => spec.at_least = Some(x),
        "atMost" => spec.at_most = Some(x),
        "equals" => spec.equals = serde_json::Number::from_f64(x).map(Value::Number),
        _ => return Err("choose at least, at most or exactly".into()),
    }
    Ok(spec)
}

/// The `serviceName`s of a scenario document, in order (the goal form's service choices).
pub fn service_names(scenario: &Value) -> Vec<String> {
    scenario
        .get("services")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| {
                    s.get("serviceName")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The sentence a goal gets against `scenario` (its services) and `horizon`, or what is wrong
/// with it — the builder's list shows goals as students will read them.
pub fn sentence(spec: &GoalSpec, scenario: &Value, horizon: Millis) -> String {
    let services = service_names(scenario);
    let mut problems = Vec::new();
    match super::goal::resolve_goal(spec, 0, &services, horizon, &mut problems) {
        Some(g) => g.sentence,
        None => problems
            .iter()
            .map(|p| format!("{}: {}", p.path.trim_start_matches("goals[0]."), p.message))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The builder's fields, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuilderFields {
    /// The title.
    pub title: String,
    /// 1–3.
    pub level: u8,
    /// The brief (markup).
    pub brief: String,
    /// Hints, separated by blank lines.
    pub hints: String,
    /// Shown on success (markup).
    pub explain: String,
    /// The horizon in minutes.
    pub horizon_minutes: u64,
    /// The ticked editable paths and any typed ones.
    pub editable: Vec<String>,
    /// The goals added.
    pub goals: Vec<GoalSpec>,
    /// A solution: the whole scenario the teacher solved it with, if given.
    pub solution: Option<Value>,
}

/// An id from a title: lowercase letters and digits joined by `-`, at most 48 characters.
pub fn id_from_title(title: &str) -> String {
    let id = crate::scenario::heading::slug(title, 48);
    if id.is_empty() {
        "challenge".into()
    } else {
        id
    }
}

/// The challenge document the builder describes, starting from `scenario` (named after the
/// challenge, without the scenario's own description, which the brief replaces). A hidden
/// solution given as a whole scenario (the editor's) is named the same way: its own name and
/// description would otherwise count as edits to locked places, and the challenge would
/// refuse its own solution (engineer walkthrough, 2026-12-05).
pub fn document(fields: &BuilderFields, mut scenario: Value) -> ChallengeDocument {
    let rename = |v: &mut Value| {
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "name".into(),
                Value::String(fields.title.trim().to_string()),
            );
            o.remove("description");
        }
    };
    rename(&mut scenario);
    let mut solution = fields.solution.clone();
    if let Some(s @ Value::Object(_)) = solution.as_mut() {
        rename(s);
    }
    ChallengeDocument {
        kind: CHALLENGE_KIND.into(),
        version: CHALLENGE_VERSION,
        id: id_from_title(&fields.title),
        title: fields.title.trim().to_string(),
        level: fields.level.clamp(1, 3),
        brief: fields.brief.trim().to_string(),
        scenario,
        editable: fields.editable.clone(),
        horizon_seconds: fields.horizon_minutes.saturating_mul(60),
        goals: fields.goals.clone(),
        hints: fields
            .hints
            .split("\n\n")
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(str::to_string)
            .collect(),
        solution,
        explain: fields.explain.trim().to_string(),
        // The builder offers no choice of chart: presenter mode's rule picks
        // (`chart::presenter_chart`).
        presenter_chart: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{check, Challenge};

    fn scenario() -> Value {
        serde_json::from_str(crate::scenario::DEFAULT_SCENARIO_JSON).unwrap()
    }

    #[test]
    fn suggestions_name_each_service_and_task_definition() {
        let s = suggested_paths(&scenario());
        assert!(s.iter().any(
            |x| x.path == "services[0].desiredCount" && x.label == "service web: desiredCount"
        ));
        assert!(s
            .iter()
            .any(|x| x.path == "taskDefinitions[1].memory"
                && x.label == "task definition api:1: memory"));
        assert!(s
            .iter()
            .any(|x| x.path == "capacityProviders[0].autoScalingGroupProvider"));
    }

    #[test]
    fn a_bound_of_one_takes_a_singular_noun() {
        // The walkthrough's goal read "At least 1 running tasks of web".
        let form = |value: &str, bound: &str| GoalForm {
            measure: "running".into(),
            service: "web".into(),
            when: "always".into(),
            first: "5".into(),
            bound: bound.into(),
            value: value.into(),
            ..GoalForm::default()
        };
        let words = |value: &str, bound: &str| {
            let goal = goal_from_form(&form(value, bound), 1, 900_000).unwrap();
            sentence(&goal, &scenario(), 900_000)
        };
        assert!(words("1", "atLeast").starts_with("At least 1 running task of web "));
        assert!(words("1", "equals").starts_with("Exactly 1 running task of web "));
        assert!(words("2", "atLeast").starts_with("At least 2 running tasks of web "));
        assert!(words("0", "atMost").starts_with("At most 0 running tasks of web "));
    }

    #[test]
    fn a_challenge_built_from_the_forms_opens_grades_and_refuses_what_is_locked() {
        let form = GoalForm {
            measure: "running".into(),
            service: "web".into(),
            when: "always".into(),
            first: "3".into(),
            second: "".into(),
            bound: "atLeast".into(),
            value: "8".into(),
            ..GoalForm::default()
        };
        let goal = goal_from_form(&form, 1, 600_000).unwrap();
        assert_eq!(
            (goal.from, goal.to, goal.at_least),
            (Some(180), None, Some(8.0))
        );
        let fields = BuilderFields {
            title: "Workshop 1: Eight web tasks!".into(),
            level: 1,
            brief: "Run `web` with 8 tasks.".into(),
            hints: "Look at desiredCount.\n\n  \n\nSet it to 8.".into(),
            explain: "Done.".into(),
            horizon_minutes: 10,
            editable: vec!["services[0].desiredCount".into()],
            goals: vec![goal],
            solution: None,
        };
        let doc = document(&fields, scenario());
        assert_eq!(doc.id, "workshop-1-eight-web-tasks");
        assert_eq!(doc.hints, ["Look at desiredCount.", "Set it to 8."]);
        let c = Challenge::from_document(doc).expect("the builder's challenge is valid");
        assert!(!check(&c, &c.start_text()).passed);
        let mut solved = scenario();
        solved["name"] = "Workshop 1: Eight web tasks!".into();
        solved.as_object_mut().unwrap().remove("description");
        solved["services"][0]["desiredCount"] = 8.into();
        assert!(check(&c, &solved.to_string()).passed);
        solved["seed"] = 1.into();
        assert_eq!(check(&c, &solved.to_string()).problems[0].path, "seed");
    }

    #[test]
    fn the_editor_scenario_as_hidden_solution_passes_despite_its_own_name_and_description() {
        // The builder names the start after the challenge and drops its description; the
        // editor's solved scenario still had the example's: "name: changed, but this part is
        // locked", and the self-test refused the challenge's own solution.
        let form = GoalForm {
            measure: "running".into(),
            service: "web".into(),
            when: "always".into(),
            first: "3".into(),
            bound: "atLeast".into(),
            value: "8".into(),
            ..GoalForm::default()
        };
        let goal = goal_from_form(&form, 1, 600_000).expect("a goal");
        let mut solved = scenario();
        solved["name"] = "The example's own name".into();
        solved["description"] = "The example's own description".into();
        solved["services"][0]["desiredCount"] = 8.into();
        let fields = BuilderFields {
            title: "Eight web tasks".into(),
            level: 1,
            brief: "Run eight.".into(),
            hints: String::new(),
            explain: "Done.".into(),
            horizon_minutes: 10,
            editable: vec!["services[0].desiredCount".into()],
            goals: vec![goal],
            solution: Some(solved),
        };
        let c = Challenge::from_document(document(&fields, scenario())).expect("valid");
        let solution = c.solution().expect("a solution");
        let report = check(&c, &solution.to_string());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.passed, "{:?}", report.goals);
    }

    #[test]
    fn an_empty_window_is_refused() {
        // "from 15" with "to" left at a 15-minute horizon gave "from 0:15:00 to 0:15:00", a
        // window that counts nothing (engineer walkthrough, 2026-12-05).
        let form = GoalForm {
            measure: "rollbacks".into(),
            service: "web".into(),
            first: "15".into(),
            bound: "atMost".into(),
            value: "0".into(),
            ..GoalForm::default()
        };
        let err = goal_from_form(&form, 1, 900_000).expect_err("empty window");
        assert!(err.contains("the window is empty"), "{err}");
        let ok = GoalForm {
            first: "5".into(),
            ..form
        };
        assert!(goal_from_form(&ok, 1, 900_000).is_ok());
    }

    #[test]
    fn a_two_part_time_is_refused_with_both_readings() {
        // Briefs write 7:30 for m:ss and Run to reads h:mm: the builder asks which.
        let form = GoalForm {
            measure: "running".into(),
            service: "web".into(),
            when: "at".into(),
            first: "7:30".into(),
            bound: "atLeast".into(),
            value: "2".into(),
            ..GoalForm::default()
        };
        let err = goal_from_form(&form, 1, 3_600_000).expect_err("ambiguous");
        assert!(
            err.contains("0:07:30 (m:ss) or 7:30:00 (h:mm)") && err.contains("h:mm:ss"),
            "{err}"
        );
        for fine in ["0:07:30", "7"] {
            let ok = GoalForm {
                first: fine.into(),
                ..form.clone()
            };
            assert!(goal_from_form(&ok, 1, 3_600_000).is_ok(), "{fine}");
        }
    }

    #[test]
    fn a_wrong_form_field_is_named() {
        let base = GoalForm {
            measure: "healthy".into(),
            service: "web".into(),
            when: "at".into(),
            first: "".into(),
            bound: "atLeast".into(),
            value: "2".into(),
            ..GoalForm::default()
        };
        assert!(goal_from_form(&base, 1, 600_000)
            .unwrap_err()
            .contains("time"));
        let late = GoalForm {
            first: "0:20:00".into(),
            ..base.clone()
        };
        assert!(goal_from_form(&late, 1, 600_000)
            .unwrap_err()
            .contains("within the horizon"));
        let nan = GoalForm {
            first: "1".into(),
            value: "many".into(),
            ..base.clone()
        };
        assert!(goal_from_form(&nan, 1, 600_000)
            .unwrap_err()
            .contains("number"));
        let none = GoalForm {
            measure: "".into(),
            ..base
        };
        assert!(goal_from_form(&none, 1, 600_000).is_err());
        assert_eq!(id_from_title("!!"), "challenge");
    }
}
