//! Attributes the task requires (its `runtimePlatform`): an ARM64 task needs an instance
//! reporting `ecs.cpu-architecture` `arm64`, a Windows task `ecs.os-type` `windows` (ECS's
//! `requiresAttributes`; DG service-event-messages: "… is missing an attribute required by
//! your task").

use crate::cluster::Instance;
use crate::placement::Rejection;
use crate::taskdef::TaskNeeds;

/// Rejects the instance if it does not report every attribute the task requires.
pub fn check(instance: &Instance, needs: &TaskNeeds) -> Result<(), Rejection> {
    for (name, value) in &needs.required_attributes {
        let reported = instance.attributes.get(*name);
        if reported.is_none_or(|v| v != value) {
            return Err(Rejection::MissingAttribute {
                name: (*name).to_string(),
                requested: (*value).to_string(),
                reported: reported.cloned(),
            });
        }
    }
    Ok(())
}
