//! Container start-up ordering (API `ContainerDependency`).

use serde::{Deserialize, Serialize};

/// "Start this container only after `container_name` reaches `condition`" (API dependsOn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContainerDependency {
    /// The container this one waits for.
    pub container_name: String,
    /// What the other container must reach first.
    pub condition: DependencyCondition,
}

/// The state a dependency must reach (API ContainerDependency.condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DependencyCondition {
    /// The dependency has started.
    Start,
    /// The dependency ran to completion (any exit code); it must not be essential.
    Complete,
    /// The dependency exited with code 0; it must not be essential.
    Success,
    /// The dependency passed its health check; it must have a healthCheck.
    Healthy,
}

impl DependencyCondition {
    /// The value as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DependencyCondition::Start => "START",
            DependencyCondition::Complete => "COMPLETE",
            DependencyCondition::Success => "SUCCESS",
            DependencyCondition::Healthy => "HEALTHY",
        }
    }
}
