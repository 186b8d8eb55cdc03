//! Which chart a lesson opens on in presenter mode: the room should see the figure the goals
//! grade. A metric goal opens its metric's chart (lesson 11 opened on CPUUtilization beside a
//! goal on 5xx responses); a lesson graded on task counts opens "Running vs desired tasks"
//! (lessons 1 and 6 opened on a flat CPU line beside goals on running tasks: 28th session).

use super::goal::{GoalSpec, MeasureName};
use crate::view::charts::service_chart_of;

/// The chart of the service's task counts.
const TASK_COUNTS: &str = "Running vs desired tasks";

/// The chart title a lesson with `goals` opens on in presenter mode, if any: the first metric
/// goal's chart, else the task counts' chart when a goal counts a service's tasks.
pub fn presenter_chart(goals: &[GoalSpec]) -> Option<&'static str> {
    goals
        .iter()
        .find_map(|g| g.metric.as_deref().and_then(service_chart_of))
        .or_else(|| {
            goals
                .iter()
                .any(|g| {
                    matches!(
                        g.measure,
                        MeasureName::Running
                            | MeasureName::Healthy
                            | MeasureName::Pending
                            | MeasureName::Desired
                            | MeasureName::Unplaced
                            | MeasureName::RolloutState
                    )
                })
                .then_some(TASK_COUNTS)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::course;

    fn chart_of(id: &str) -> Option<&'static str> {
        let lesson = course::lesson(id).unwrap_or_else(|| panic!("lesson {id}"));
        let doc = crate::challenge::document::parse_document(lesson.json)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        presenter_chart(&doc.goals)
    }

    #[test]
    fn a_lesson_opens_on_the_chart_of_what_it_grades() {
        // Metric goals first, whatever else the lesson counts.
        assert_eq!(
            chart_of("canary-blast-radius"),
            Some("HTTPCode_Target_5XX_Count")
        );
        assert_eq!(chart_of("service-auto-scaling"), Some("TargetResponseTime"));
        // Task counts: lesson 1 (running and cost), lesson 6 (running and tasks per instance).
        assert_eq!(chart_of("fargate-task-size"), Some(TASK_COUNTS));
        assert_eq!(chart_of("placement-constraints"), Some(TASK_COUNTS));
    }

    #[test]
    fn the_task_counts_chart_is_a_service_chart() {
        assert!(crate::view::charts::SERVICE_CHARTS
            .iter()
            .any(|c| c.title == TASK_COUNTS));
    }
}
