//! Attributes the task requires (its `runtimePlatform`): an ARM64 task needs an instance
//! reporting `ecs.cpu-architecture` `arm64`, a Windows task `ecs.os-type` `windows` (ECS's
//! `requiresAttributes`; DG service-event-messages: "… is missing an attribute required by
//! your task").

use crate::cluster::Instance;
use crate::placement::Rejection;
use crate::taskdef::TaskNeeds;

/// Rejects the instance if it does not report every attribute the task requires.
pub fn check(instance: &Instance, needs: &TaskNeeds) -> Result<(), Rejection> {
    match needs.missing_attribute(&instance.attributes) {
        None => Ok(()),
        Some((name, value)) => Err(Rejection::MissingAttribute {
            name: name.to_string(),
            requested: value.to_string(),
            reported: instance.attributes.get(name).cloned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::placement::Rejection;

    #[test]
    fn a_missing_architecture_names_both_sides_and_the_types_that_have_it() {
        let r = Rejection::MissingAttribute {
            name: "ecs.cpu-architecture".into(),
            requested: "arm64".into(),
            reported: Some("x86_64".into()),
        };
        assert_eq!(r.stage(), crate::placement::rejection::Stage::Constraints);
        assert_eq!(r.failure_reason(), "ATTRIBUTE");
        assert_eq!(
            r.ecs_phrase(),
            "is missing an attribute required by your task"
        );
        let text = r.to_string();
        assert!(
            text.contains("needs arm64") && text.contains("reports x86_64"),
            "{text}"
        );
        assert!(text.contains("m6g"), "{text}");
        let none = Rejection::MissingAttribute {
            name: "ecs.os-type".into(),
            requested: "windows".into(),
            reported: None,
        };
        assert!(none.to_string().contains("reports none"));
    }
}
