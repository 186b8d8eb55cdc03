//! Which chart a lesson opens on in presenter mode: the room should see the figure the goals
//! grade. A metric goal opens its metric's chart (lesson 11 opened on CPUUtilization beside a
//! goal on 5xx responses); a lesson graded on task counts opens "Running vs desired tasks"
//! (lessons 1 and 6 opened on a flat CPU line beside goals on running tasks: 28th session).

use super::goal::{GoalSpec, MeasureName, Statistic};
use crate::metrics::MetricName;
use crate::view::charts::{service_chart_of, GoalWindow, CAPACITY_PROVIDER_CHARTS};

/// The chart of the service's task counts.
const TASK_COUNTS: &str = "Running vs desired tasks";

/// The chart title a lesson with `goals` opens on in presenter mode, if any: the chart of the
/// goal `chosen` names (the challenge's `presenterChart`), else the first metric goal's chart,
/// else the first goal's with a chart of its own (task counts, a provider's instance count, or
/// the cost per hour). The author chooses where no rule can: lesson 13's subject is its
/// instances and lesson 14's its cost, while lesson 1, graded on running tasks and cost too,
/// is about its crash loop (instructor walkthrough).
pub fn presenter_chart(goals: &[GoalSpec], chosen: Option<&str>) -> Option<String> {
    chosen
        .and_then(|id| goals.iter().find(|g| g.id == id))
        .and_then(chart_of_goal)
        .or_else(|| {
            goals
                .iter()
                .find_map(|g| g.metric.as_deref().and_then(service_chart_of))
                .map(str::to_string)
        })
        .or_else(|| goals.iter().find_map(chart_of_measure))
}

/// The chart that draws goal `g`: its metric's, or its measure's; `None` for a goal no chart
/// draws (a challenge's `presenterChart` must name a goal with one).
pub fn chart_of_goal(g: &GoalSpec) -> Option<String> {
    match g.measure {
        MeasureName::Metric => g
            .metric
            .as_deref()
            .and_then(service_chart_of)
            .map(str::to_string),
        _ => chart_of_measure(g),
    }
}

/// The service whose charts a lesson with `goals` is about: the first metric goal's service,
/// else the first goal's that names one. Presenter mode shows it when it comes on: lesson 15's
/// fix is made by picking `orders` in Service settings, and back in presenter mode the chart
/// showed orders' CPU while the goal counts web's failed calls (instructor walkthrough,
/// 2026-12-07).
pub fn presenter_service(goals: &[GoalSpec]) -> Option<String> {
    goals
        .iter()
        .find(|g| g.measure == MeasureName::Metric && g.service.is_some())
        .or_else(|| goals.iter().find(|g| g.service.is_some()))
        .and_then(|g| g.service.clone())
}

/// The bound of each metric goal on service `service` whose statistic is read off a chart's
/// one-minute points (maximum, minimum, average), as a line to draw on that metric's chart:
/// `(metric, value, name, window)` with the name "goal ≤" or "goal ≥" and the goal's window
/// ([`window_of`]: lesson 12's line ran over the whole axis while only 0:15–0:30 is graded).
/// Lesson 12's chart of TargetResponseTime drew no 0.1 s line beside a goal on it (instructor
/// walkthrough). A sum is over the whole window, not a minute, so a line at its bound would
/// mislead: none.
pub fn goal_lines(goals: &[GoalSpec], service: &str) -> Vec<(MetricName, f64, String, GoalWindow)> {
    goals
        .iter()
        .filter(|g| g.measure == MeasureName::Metric && g.service.as_deref() == Some(service))
        .filter(|g| {
            matches!(
                g.statistic,
                Some(Statistic::Maximum | Statistic::Minimum | Statistic::Average)
            )
        })
        .filter_map(|g| {
            let metric = MetricName::named(g.metric.as_deref()?)?;
            bound_line(g).map(|(v, name)| (metric, v, name, window_of(g)))
        })
        .collect()
}

/// Goal `g`'s window in ms: from `from` (or `at`) to `to` (or `by`, or `at`); `None` for the
/// end of the run.
fn window_of(g: &GoalSpec) -> GoalWindow {
    let ms = |s: u64| s.saturating_mul(1000);
    let from = g.at.or(g.from).map_or(0, ms);
    let to = g.at.or(g.to).or(g.by).map(ms);
    (from, to)
}

/// The bound of the first cost-per-hour goal, as a line on the cost per hour chart with its
/// name ("goal ≤") and its goal's window: lesson 4's $0.15 goal failed beside a cost chart
/// without it (instructor walkthrough, 2026-12-06). A total cost is not a rate, so it draws
/// none.
pub fn cost_goal_line(goals: &[GoalSpec]) -> Option<(f64, String, GoalWindow)> {
    goals
        .iter()
        .filter(|g| g.measure == MeasureName::CostPerHour)
        .find_map(|g| bound_line(g).map(|(v, name)| (v, name, window_of(g))))
}

/// Goal `g`'s bound as a chart line: its value and name ("goal ≤", or "goal ≥" for a goal with
/// only a lower bound). One place for the metric and the cost charts' lines.
fn bound_line(g: &GoalSpec) -> Option<(f64, String)> {
    match (g.at_most, g.at_least) {
        (Some(v), _) => Some((v, "goal ≤".to_string())),
        (None, Some(v)) => Some((v, "goal ≥".to_string())),
        (None, None) => None,
    }
}

/// The chart that draws what goal `g` counts, for the measures that have one.
fn chart_of_measure(g: &GoalSpec) -> Option<String> {
    match g.measure {
        MeasureName::Running
        | MeasureName::Healthy
        | MeasureName::Pending
        | MeasureName::Desired
        | MeasureName::Unplaced
        | MeasureName::RolloutState => Some(TASK_COUNTS.to_string()),
        // The provider charts are titled "InstanceCount · <provider>" (view::charts).
        MeasureName::Instances => g
            .capacity_provider
            .as_ref()
            .map(|p| format!("{} · {p}", CAPACITY_PROVIDER_CHARTS[1].title)),
        // The Cost tab's chart, which presenter mode offers too.
        MeasureName::CostPerHour | MeasureName::CostTotal => {
            Some(crate::view::cost::COST_CHART_TITLE.to_string())
        }
        MeasureName::TasksPerInstance
        | MeasureName::ZonesWithTasks
        | MeasureName::Metric
        | MeasureName::UnableToPlaceEvents
        | MeasureName::Rollbacks
        | MeasureName::Advice => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::course;

    fn chart_of(id: &str) -> Option<String> {
        let lesson = course::lesson(id).unwrap_or_else(|| panic!("lesson {id}"));
        let doc = crate::challenge::document::parse_document(lesson.json)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        presenter_chart(&doc.goals, doc.presenter_chart.as_deref())
    }

    #[test]
    fn a_maximum_goal_draws_its_bound_on_its_chart_and_a_sum_goal_draws_none() {
        let goals = |id: &str| {
            let lesson = course::lesson(id).unwrap_or_else(|| panic!("lesson {id}"));
            crate::challenge::document::parse_document(lesson.json)
                .unwrap_or_else(|e| panic!("{id}: {e:?}"))
                .goals
        };
        // Lesson 12: the maximum TargetResponseTime of shop at most 0.1 s.
        assert_eq!(
            goal_lines(&goals("service-auto-scaling"), "shop"),
            [(
                MetricName::TargetResponseTime,
                0.1,
                "goal ≤".to_string(),
                (900_000, Some(1_800_000))
            )]
        );
        assert!(goal_lines(&goals("service-auto-scaling"), "other").is_empty());
        // Lesson 11's goals are sums over the window: no per-minute line.
        assert!(goal_lines(&goals("canary-blast-radius"), "web").is_empty());
    }

    #[test]
    fn a_lesson_opens_on_the_chart_of_what_it_grades() {
        let some = |t: &str| Some(t.to_string());
        // Metric goals first, whatever else the lesson counts.
        assert_eq!(
            chart_of("canary-blast-radius"),
            some("HTTPCode_Target_5XX_Count")
        );
        assert_eq!(chart_of("service-auto-scaling"), some("TargetResponseTime"));
        // Task counts: lesson 1 (running and cost: its subject is the crash loop), lesson 6
        // (running and tasks per instance).
        assert_eq!(chart_of("fargate-task-size"), some(TASK_COUNTS));
        assert_eq!(chart_of("placement-constraints"), some(TASK_COUNTS));
        // Chosen by the lesson (`presenterChart`), where the first goal counts tasks but the
        // subject is elsewhere: lesson 13 its provider's instances, lesson 14 its cost.
        assert_eq!(
            chart_of("cluster-auto-scaling"),
            some("InstanceCount · asg")
        );
        assert_eq!(chart_of("right-size-instances"), some("Cost per hour"));
        // Lesson 4 fails on its cost while its tasks stay at 10: its cost chart (instructor
        // walkthrough, 33rd session).
        assert_eq!(chart_of("fargate-spot-base-weight"), some("Cost per hour"));
    }

    #[test]
    fn presenter_chart_names_a_goal_with_a_chart_or_the_challenge_is_refused() {
        let lesson = course::lesson("right-size-instances").expect("lesson 14");
        let mut doc: serde_json::Value = serde_json::from_str(lesson.json).expect("json");
        let refused =
            |doc: &serde_json::Value| match crate::challenge::Challenge::parse(&doc.to_string()) {
                Err(crate::challenge::document::ChallengeError::Invalid(ps)) => ps
                    .iter()
                    .filter(|p| p.path == "presenterChart")
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>(),
                other => panic!("expected a refusal, got {other:?}"),
            };
        doc["presenterChart"] = "nope".into();
        assert_eq!(
            refused(&doc),
            ["names no goal of this challenge (give a goal's id)"]
        );
        // Lesson 14's zones goal: no chart draws zones with tasks.
        doc["presenterChart"] = "two-zones".into();
        assert_eq!(refused(&doc).len(), 1);
        assert!(refused(&doc)[0].starts_with("goal two-zones has no chart of its own"));
        // Any goal with a chart is taken, and opens that chart.
        doc["presenterChart"] = "four-healthy".into();
        let c = crate::challenge::Challenge::parse(&doc.to_string()).expect("valid");
        assert_eq!(
            presenter_chart(&c.doc.goals, c.doc.presenter_chart.as_deref()),
            Some(TASK_COUNTS.to_string())
        );
    }

    #[test]
    fn a_cost_goal_draws_its_bound_on_the_cost_chart() {
        let lesson = course::lesson("fargate-spot-base-weight").expect("lesson 4");
        let goals = crate::challenge::Challenge::parse(lesson.json)
            .expect("parses")
            .doc
            .goals;
        assert_eq!(
            cost_goal_line(&goals),
            Some((0.15, "goal ≤".to_string(), (120_000, None)))
        );
        let (value, name, _) = cost_goal_line(&goals).expect("a line");
        // Drawn on the cost chart, named as a goal.
        let sim = crate::sim::Sim::from_json(include_str!("../scenario/examples/default.json"))
            .expect("valid");
        let inputs = crate::view::charts::ChartInputs {
            cost_target: Some((value, name)),
            ..Default::default()
        };
        let chart = crate::view::cost::cost_chart(&sim, &inputs);
        assert_eq!(
            chart.target.map(|t| t.label),
            Some("goal ≤ $0.15".to_string())
        );
        // Money in whole cents: lesson 14's $0.30 goal read "$0.3" (walkthrough).
        let lesson = course::lesson("right-size-instances").expect("lesson 14");
        let goals = crate::challenge::Challenge::parse(lesson.json)
            .expect("parses")
            .doc
            .goals;
        let inputs = crate::view::charts::ChartInputs {
            cost_target: cost_goal_line(&goals).map(|(v, name, _)| (v, name)),
            ..Default::default()
        };
        let chart = crate::view::cost::cost_chart(&sim, &inputs);
        assert_eq!(
            chart.target.map(|t| t.label),
            Some("goal ≤ $0.30".to_string())
        );
    }

    #[test]
    fn a_cost_goal_first_opens_the_cost_chart() {
        let goal: GoalSpec = serde_json::from_value(serde_json::json!({
            "id": "cheap", "measure": "costPerHour",
            "when": "always", "from": 0, "to": 600, "atMost": 0.3
        }))
        .expect("a goal");
        assert_eq!(
            presenter_chart(&[goal], None),
            Some("Cost per hour".to_string())
        );
    }

    #[test]
    fn a_goal_on_a_providers_instances_opens_its_instance_count_chart() {
        let goal: GoalSpec = serde_json::from_value(serde_json::json!({
            "id": "few", "measure": "instances", "capacityProvider": "asg",
            "when": "always", "from": 0, "to": 600, "atMost": 4
        }))
        .expect("a goal");
        assert_eq!(
            presenter_chart(&[goal], None),
            Some("InstanceCount · asg".to_string())
        );
    }

    #[test]
    fn the_task_counts_chart_is_a_service_chart() {
        assert!(crate::view::charts::SERVICE_CHARTS
            .iter()
            .any(|c| c.title == TASK_COUNTS));
    }

    #[test]
    fn lesson_15_is_about_the_service_that_calls_not_the_one_whose_ttl_changes() {
        let c = crate::challenge::Challenge::parse(
            crate::challenge::course::lesson("service-discovery-ttl")
                .expect("lesson")
                .json,
        )
        .expect("parses");
        assert_eq!(presenter_service(&c.doc.goals).as_deref(), Some("web"));
        assert_eq!(presenter_service(&[]), None);
    }

    #[test]
    fn a_goal_line_holds_over_its_window_only() {
        // Lesson 12 grades TargetResponseTime from 0:15:00 to 0:30:00; its line ran over the
        // whole axis and its passing run looked failed (instructor walkthrough, 2026-12-07).
        let lesson = course::lesson("service-auto-scaling").expect("lesson 12");
        let goals = crate::challenge::Challenge::parse(lesson.json)
            .expect("parses")
            .doc
            .goals;
        let lines = goal_lines(&goals, "shop");
        assert_eq!(lines.len(), 1);
        let window = lines[0].3;
        assert_eq!(window, (900_000, Some(1_800_000)));
        // Drawn from 0:15 to 0:30 on a 0:00–0:40 axis, its label ending with it.
        let sim = crate::sim::Sim::from_json(include_str!("../scenario/examples/default.json"))
            .expect("valid");
        let chart = |window| {
            let mut inputs = crate::view::charts::ChartInputs {
                now: 40 * crate::metrics::PERIOD_MS,
                ..Default::default()
            };
            inputs.targets.insert(MetricName::TargetResponseTime, 0.1);
            inputs
                .target_windows
                .insert(MetricName::TargetResponseTime, window);
            let spec = crate::view::charts::ChartSpec {
                title: "TargetResponseTime",
                unit: "s",
                metrics: &[MetricName::TargetResponseTime],
            };
            crate::view::charts::metric_chart(
                &sim,
                &spec,
                &crate::metrics::Dimension::Service(0),
                &inputs,
            )
        };
        let mut view = chart(window);
        let line = view.target.clone().expect("a line");
        let frame = crate::view::charts::FRAME;
        let at = |min: f64| frame.left + (frame.right - frame.left) * min / 40.0;
        assert!((line.x1 - at(15.0)).abs() < 1e-6, "{line:?}");
        assert!((line.x2 - at(30.0)).abs() < 1e-6, "{line:?}");
        // A window past the axis draws no line; no window keeps the whole width.
        crate::view::charts::limit_target_line(&mut view, Some((3_000_000, None)));
        assert!(view.target.is_none());
        let whole = chart((0, None));
        let line = whole.target.expect("a line");
        assert_eq!((line.x1, line.x2), (frame.left, frame.right));
        // A cost goal's window: lesson 1's from 0:02:00 to the end.
        let lesson = course::lesson("fargate-task-size").expect("lesson 1");
        let goals = crate::challenge::Challenge::parse(lesson.json)
            .expect("parses")
            .doc
            .goals;
        assert_eq!(cost_goal_line(&goals).map(|l| l.2), Some((120_000, None)));
    }
}
