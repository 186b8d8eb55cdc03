//! The built-in course: lessons in the order an ECS course teaches, each a challenge document
//! (`NN-name.json` beside this file). Their tests prove each one teaches something: the
//! starting scenario fails a goal, the reference solution passes every goal, and where the
//! goals allow another answer, a different solution passes too.

/// One lesson of the course.
#[derive(Debug, Clone, Copy)]
pub struct Lesson {
    /// The challenge's `id` (also the lesson's link name, `#lesson=<id>`).
    pub id: &'static str,
    /// The challenge document.
    pub json: &'static str,
    /// A second solution different from the reference (edits to the start, as a JSON list),
    /// which the tests check passes too; `None` where the goals allow only one answer.
    pub other_solution: Option<&'static str>,
}

/// A lesson from its files: `NN-id.json` and, when there is one, `NN-id.other.json`.
macro_rules! lesson {
    ($id:literal, $file:literal) => {
        Lesson {
            id: $id,
            json: include_str!(concat!($file, ".json")),
            other_solution: None,
        }
    };
    ($id:literal, $file:literal, other) => {
        Lesson {
            id: $id,
            json: include_str!(concat!($file, ".json")),
            other_solution: Some(include_str!(concat!($file, ".other.json"))),
        }
    };
}

/// The lessons, in course order.
pub const LESSONS: &[Lesson] = &[
    lesson!("fargate-task-size", "01-fargate-task-size", other),
    lesson!("host-ports", "02-host-ports", other),
    lesson!("awsvpc-eni-trunking", "03-awsvpc-eni-trunking", other),
    lesson!(
        "fargate-spot-base-weight",
        "04-fargate-spot-base-weight",
        other
    ),
    lesson!("spread-across-zones", "05-spread-across-zones", other),
    lesson!("placement-constraints", "06-placement-constraints", other),
    lesson!(
        "health-check-grace-period",
        "07-health-check-grace-period",
        other
    ),
    lesson!("deregistration-delay", "08-deregistration-delay", other),
    lesson!("rolling-update-bounds", "09-rolling-update-bounds", other),
    lesson!(
        "circuit-breaker-rollback",
        "10-circuit-breaker-rollback",
        other
    ),
    lesson!("canary-blast-radius", "11-canary-blast-radius", other),
    lesson!("service-auto-scaling", "12-service-auto-scaling", other),
    lesson!("cluster-auto-scaling", "13-cluster-auto-scaling", other),
    lesson!("right-size-instances", "14-right-size-instances", other),
    lesson!("service-discovery-ttl", "15-service-discovery-ttl", other),
    lesson!("zone-rebalancing", "16-zone-rebalancing", other),
];

/// The lesson with this `id`.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// Lesson `id`'s scenario with its reference solution applied, as JSON: tests across the
/// engine run what a student who solved it would see.
#[cfg(test)]
pub(crate) fn solved(id: &str) -> String {
    let text = lesson(id).expect("a lesson").json;
    let c = super::Challenge::parse(text).expect("the lesson parses");
    c.solution().expect("a solution").to_string()
}

#[cfg(test)]
mod tests;
