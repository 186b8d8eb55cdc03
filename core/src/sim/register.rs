//! `aws ecs register-task-definition` on a running simulation: the playground registers a new
//! revision (typically the running one with another image) and then calls update-service on
//! it, so a deployment can be watched without restarting the run.

use super::log::LogKind;
use super::Sim;
use crate::problem::Problem;
use crate::taskdef::task_needs;
use crate::taskdef::RegisteredTaskDefinition;
use crate::taskdef::{parse_task_definition, validate, TaskDefinitionError};

/// Revisions a running simulation accepts in all. AWS allows 1,000,000 revisions per family
/// (DG service-quotas); the simulator's own cap keeps a long session's memory bounded.
pub const MAX_REGISTERED_TASK_DEFINITIONS: usize = 200;

impl Sim {
    /// Registers `json` (RegisterTaskDefinition input, or describe-task-definition output) as
    /// the next revision of its family, validated exactly as a scenario's task definitions
    /// are, and returns its `family:revision`. Nothing changes when it is refused; the problems
    /// carry paths from the task definition root.
    pub fn register_task_definition(&mut self, json: &str) -> Result<String, Vec<Problem>> {
        if self.model.task_definitions.len() >= MAX_REGISTERED_TASK_DEFINITIONS {
            return Err(vec![Problem::new(
                "",
                format!(
                    "the playground holds at most {MAX_REGISTERED_TASK_DEFINITIONS} task definition revisions in a run"
                ),
            )]);
        }
        let td = parse_task_definition(json).map_err(|e| match e {
            TaskDefinitionError::Invalid(problems) => problems,
            other => vec![Problem::new("", other.to_string())],
        })?;
        let problems = validate(&td);
        if !problems.is_empty() {
            return Err(problems);
        }
        // Its placement constraints, checked and kept as a scenario's are (review: a revision
        // registered here lost them, so its tasks were placed anywhere).
        let mut refused = crate::problem::Problems::default();
        let constraints = crate::placement::resolve::task_definition_constraints(
            "placementConstraints",
            td.placement_constraints.as_ref(),
            &mut refused,
        );
        if !refused.is_empty() {
            return Err(refused.into_vec());
        }
        let family = td.family.clone().unwrap_or_default();
        let revision = 1 + self
            .model
            .task_definitions
            .iter()
            .filter(|t| t.family == family)
            .count() as u32;
        let needs = task_needs(&td);
        let images: Vec<String> = needs
            .containers
            .iter()
            .map(|c| format!("{}={}", c.name, c.image))
            .collect();
        let registered = RegisteredTaskDefinition {
            family,
            revision,
            definition: td,
            needs,
        };
        let name = registered.name();
        self.model.task_definitions.push(registered);
        self.model.definition_constraints.push(constraints);
        // The AWS CLI prints the new revision's ARN; the log says the same in one line.
        let text = format!(
            "register-task-definition: taskDefinitionArn task-definition/{name} (containers {}).",
            images.join(", ")
        );
        self.emit(LogKind::Action, None, text);
        Ok(name)
    }

    /// Declares how `image` behaves from now on, as if the scenario's `images` map had listed
    /// it: the deployment panel's one-click misbehaviours. Refused (nothing changes) when the
    /// image is already declared or already used by a registered revision, so tasks that are
    /// running never change behaviour under the user; deterministic and logged as an action.
    pub fn declare_image(
        &mut self,
        image: &str,
        behaviour: crate::taskdef::ImageBehaviour,
    ) -> Result<(), String> {
        if image.trim().is_empty() || image.len() > 255 || image.chars().any(char::is_control) {
            return Err("image must be 1 to 255 printable characters".to_string());
        }
        if self.model.images.contains_key(image) {
            return Err(format!(
                "image {image} is already declared in the scenario's images; type a new tag"
            ));
        }
        let in_use = self
            .model
            .task_definitions
            .iter()
            .any(|t| t.needs.containers.iter().any(|c| c.image == image));
        if in_use {
            return Err(format!(
                "image {image} is already used by a registered revision; type a new tag"
            ));
        }
        let text = format!(
            "images[{image:?}]: {} (declared live from the deployment panel).",
            serde_json::to_string(&behaviour).unwrap_or_default()
        );
        self.model.images.insert(image.to_string(), behaviour);
        self.emit(LogKind::Action, None, text);
        Ok(())
    }

    /// The JSON of registered task definition `td` with container `container`'s image replaced
    /// by `image`: what the playground registers as the next revision when the user picks a
    /// new image. None when `td` or the container does not exist.
    pub fn revision_with_image(&self, td: usize, container: &str, image: &str) -> Option<String> {
        let mut def = self.model.task_definitions.get(td)?.definition.clone();
        let c = def
            .container_definitions
            .as_mut()?
            .iter_mut()
            .find(|c| c.name.as_deref() == Some(container))?;
        c.image = Some(image.to_string());
        serde_json::to_string(&def).ok()
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::TimelineAction;
    use crate::sim::Sim;

    fn rollback_sim() -> Sim {
        let text = include_str!("../../../tests/golden/circuit_breaker_rollback.json");
        let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
        doc["timeline"] = serde_json::json!([]);
        Sim::from_json(&doc.to_string()).unwrap()
    }

    #[test]
    fn register_task_definition_adds_the_next_revision_of_the_family() {
        let mut sim = rollback_sim();
        sim.run_until(30_000);
        let json = sim.revision_with_image(0, "app", "example/web:3").unwrap();
        assert_eq!(sim.register_task_definition(&json).unwrap(), "web:3");
        let td = sim.model.task_definitions.last().unwrap();
        assert_eq!(td.needs.containers[0].image, "example/web:3");
        assert!(sim
            .log()
            .last()
            .unwrap()
            .text
            .starts_with("register-task-definition: taskDefinitionArn task-definition/web:3"));
    }

    #[test]
    fn an_image_declared_live_to_fail_its_pull_rolls_the_deployment_back() {
        // The panel's "fails to pull" on a new tag: the new tasks never start, the circuit
        // breaker fails the deployment and rolls back (DG deployment-circuit-breaker).
        let mut sim = rollback_sim();
        sim.run_until(60_000);
        let image = "example/web:1-pull-fails";
        let b = crate::taskdef::ImageBehaviour {
            pull_fails: true,
            ..Default::default()
        };
        sim.declare_image(image, b).unwrap();
        assert!(sim.log().last().unwrap().text.contains("pullFails"));
        // Twice, or an image already running, is refused.
        assert!(sim.declare_image(image, b).is_err());
        assert!(sim.declare_image("example/web:1", b).is_err());
        assert!(sim.declare_image(" ", b).is_err());
        deploy_image_and_expect_rollback(&mut sim, image);
    }

    /// Registers web's next revision with `image`, deploys it by UpdateService, and checks the
    /// deployment failed and rolled back within 20 minutes.
    fn deploy_image_and_expect_rollback(sim: &mut Sim, image: &str) {
        let json = sim.revision_with_image(0, "app", image).unwrap();
        let name = sim.register_task_definition(&json).unwrap();
        sim.apply(&TimelineAction::UpdateService {
            service: "web".into(),
            desired_count: None,
            task_definition: Some(name),
            force_new_deployment: false,
        })
        .unwrap();
        sim.run_until(20 * 60_000);
        let ds = &sim.services[0].deployments.list;
        assert!(ds
            .iter()
            .any(|d| d.rollout_state == crate::deployment::RolloutState::Failed));
        assert!(ds.last().unwrap().rollback);
    }

    #[test]
    fn an_invalid_task_definition_is_refused_with_paths_and_changes_nothing() {
        let mut sim = rollback_sim();
        let before = sim.model.task_definitions.len();
        let json = sim.revision_with_image(0, "app", " ").unwrap();
        let problems = sim.register_task_definition(&json).unwrap_err();
        assert_eq!(problems[0].path, "containerDefinitions[0].image");
        assert!(sim.register_task_definition("{not json").is_err());
        assert_eq!(sim.model.task_definitions.len(), before);
        assert!(sim.revision_with_image(0, "nope", "x").is_none());
        assert!(sim.revision_with_image(99, "app", "x").is_none());
    }

    #[test]
    fn a_registered_bad_image_deployed_by_update_service_rolls_back() {
        // DG deployment-circuit-breaker: the new revision's tasks cannot pull, the deployment
        // fails at the threshold and rolls back to web:1.
        let mut sim = rollback_sim();
        sim.run_until(60_000);
        deploy_image_and_expect_rollback(&mut sim, "example/web:2-missing");
    }
}
