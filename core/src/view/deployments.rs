//! The playground's deployment view of one service, as plain data: deployment cards (the
//! newest first, as DescribeServices lists them), the circuit breaker's failure count against
//! its threshold, the blue/green traffic split, and the choices the "update service" form
//! offers. Projected here so the web crate only draws it and the rules are tested natively.

use crate::deployment::circuit_breaker::threshold;
use crate::deployment::{DeploymentStatus, RolloutState};
use crate::sim::Sim;
use crate::view::report::deployments::counts;

/// Cards shown at most: the new revision, the old one, and one more (a rollback shows the
/// rollback, the FAILED deployment and the one it returns to). Older ones are only counted.
pub const MAX_CARDS: usize = 3;

/// One deployment as a card.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentCard {
    /// `ecs-svc/…`.
    pub id: String,
    /// PRIMARY, ACTIVE or INACTIVE.
    pub status: &'static str,
    /// `family:revision`.
    pub task_definition: String,
    /// IN_PROGRESS, COMPLETED or FAILED.
    pub rollout_state: &'static str,
    /// ECS's rolloutStateReason.
    pub reason: String,
    /// desiredCount.
    pub desired: usize,
    /// pendingCount.
    pub pending: usize,
    /// runningCount.
    pub running: usize,
    /// `failed tasks N / threshold` when the service has a circuit breaker.
    pub breaker: Option<String>,
    /// `lifecycleStage` of a traffic-shifting deployment.
    pub lifecycle_stage: Option<String>,
    /// Green's production traffic, percent, for a traffic-shifting deployment.
    pub traffic_percent: Option<f64>,
    /// `rollback to web:1` when the circuit breaker started this deployment.
    pub rollback_label: Option<String>,
    /// The rollout FAILED (drawn marked).
    pub failed: bool,
}

/// Production traffic between blue (the old deployment) and green (the PRIMARY one).
#[derive(Debug, Clone, PartialEq)]
pub struct TrafficSplit {
    /// BLUE_GREEN, CANARY, LINEAR or the CodeDeploy configuration name.
    pub strategy: String,
    /// Blue's task definition.
    pub blue: String,
    /// Green's task definition.
    pub green: String,
    /// Green's share, 0–100.
    pub green_percent: f64,
    /// The PRIMARY deployment's lifecycleStage.
    pub stage: String,
}

/// Everything the deployment view draws for one service.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentsView {
    /// Newest first, at most [`MAX_CARDS`].
    pub cards: Vec<DeploymentCard>,
    /// Older deployments not drawn.
    pub older: usize,
    /// The split while the PRIMARY deployment shifts traffic.
    pub traffic: Option<TrafficSplit>,
    /// One line on the service's deployment settings, e.g. `circuit breaker: on, rollback`.
    pub settings: String,
}

/// The deployment view of service `s` (None when it does not exist).
pub fn deployments_view(sim: &Sim, s: usize) -> Option<DeploymentsView> {
    let model = sim.model.services.get(s)?;
    let ds = &sim.services.get(s)?.deployments;
    let td_name = |k: usize| {
        sim.model
            .task_definitions
            .get(k)
            .map(|t| t.name())
            .unwrap_or_default()
    };
    let limit = model
        .circuit_breaker
        .map_or(0, |cb| threshold(cb.threshold, sim.services[s].desired));
    let mut cards = Vec::new();
    for (k, d) in ds.list.iter().enumerate().rev().take(MAX_CARDS) {
        let c = counts(sim, s, k);
        cards.push(DeploymentCard {
            id: d.id.clone(),
            status: status_name(d.status),
            task_definition: td_name(d.task_definition),
            rollout_state: rollout_name(d.rollout_state),
            reason: d.rollout_state_reason.clone(),
            desired: c.desired,
            pending: c.pending,
            running: c.running,
            breaker: model
                .circuit_breaker
                .map(|_| format!("failed tasks {} / {limit}", d.failed_tasks)),
            lifecycle_stage: d.shift.as_ref().map(|sh| upper_name(&sh.stage)),
            traffic_percent: d.production_traffic_tenths().map(|t| f64::from(t) / 10.0),
            rollback_label: d
                .rollback
                .then(|| format!("rollback to {}", td_name(d.task_definition))),
            failed: d.rollout_state == RolloutState::Failed,
        });
    }
    let traffic = ds.primary().and_then(|p| {
        let d = &ds.list[p];
        let sh = d.shift.as_ref()?;
        let blue = sh.blue.and_then(|b| ds.list.get(b))?;
        Some(TrafficSplit {
            strategy: sh.plan.name.clone(),
            blue: td_name(blue.task_definition),
            green: td_name(d.task_definition),
            green_percent: f64::from(d.production_traffic_tenths().unwrap_or(0)) / 10.0,
            stage: upper_name(&sh.stage),
        })
    });
    let breaker = match model.circuit_breaker {
        Some(cb) if cb.rollback => format!("circuit breaker on (threshold {limit}), rollback"),
        Some(_) => format!("circuit breaker on (threshold {limit}), no rollback"),
        None => "no circuit breaker".to_string(),
    };
    let strategy = model
        .traffic_shift
        .as_ref()
        .map_or("ROLLING", |p| p.name.as_str());
    Some(DeploymentsView {
        older: ds.list.len().saturating_sub(MAX_CARDS),
        cards,
        traffic,
        settings: format!("{strategy} · {breaker}"),
    })
}

/// What the "update service" form offers for service `s`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateChoices {
    /// The service's task definition now (`family:revision`).
    pub current: String,
    /// Its containers and their images, to pick the one whose image changes.
    pub containers: Vec<(String, String)>,
    /// The scenario's `images` keys (e.g. a bad image), offered beside free text.
    pub images: Vec<String>,
    /// Every registered revision for update-service: the service's family first, then the
    /// others, newest first in each.
    pub revisions: Vec<String>,
    /// Index of the current task definition in the engine, for registering a revision of it.
    pub current_index: usize,
    /// The service uses the CODE_DEPLOY deployment controller: a new revision is deployed by a
    /// CodeDeploy deployment (API UpdateService), and forceNewDeployment is refused.
    pub code_deploy: bool,
    /// For a rolling update (a REPLICA service without CodeDeploy or a traffic shift): what its
    /// bounds let the next deployment do first, with the arithmetic
    /// ([`crate::deployment::bounds::rolling_plan`]), said beside Update service before it is
    /// pressed (walkthrough: the tab showed "ROLLING" but not what the percentages would do).
    pub plan: Option<String>,
}

/// The choices for service `s` (None when it does not exist).
pub fn update_choices(sim: &Sim, s: usize) -> Option<UpdateChoices> {
    let k = sim.services.get(s)?.task_definition;
    let td = sim.model.task_definitions.get(k)?;
    Some(UpdateChoices {
        current: td.name(),
        containers: td
            .needs
            .containers
            .iter()
            .map(|c| (c.name.clone(), c.image.clone()))
            .collect(),
        images: sim.model.images.keys().cloned().collect(),
        // The service's family first, then every other family's (newest first in each):
        // UpdateService takes any registered revision, and a definition registered as a new
        // family had no live way to run (engineer walkthrough and review, 2026-12-06). A
        // revision that does not suit the service is refused with ECS's reasons.
        revisions: {
            let all = || sim.model.task_definitions.iter().rev();
            all()
                .filter(|t| t.family == td.family)
                .chain(all().filter(|t| t.family != td.family))
                .map(|t| t.name())
                .collect()
        },
        current_index: k,
        code_deploy: sim.model.services.get(s).is_some_and(|m| m.code_deploy),
        plan: sim
            .model
            .services
            .get(s)
            .filter(|m| !m.daemon && !m.code_deploy && m.traffic_shift.is_none())
            .map(|m| {
                crate::deployment::bounds::rolling_plan(
                    sim.services[s].desired,
                    m.minimum_healthy_percent,
                    m.maximum_percent,
                )
            }),
    })
}

fn status_name(s: DeploymentStatus) -> &'static str {
    match s {
        DeploymentStatus::Primary => "PRIMARY",
        DeploymentStatus::Active => "ACTIVE",
        DeploymentStatus::Inactive => "INACTIVE",
    }
}

fn rollout_name(r: RolloutState) -> &'static str {
    match r {
        RolloutState::InProgress => "IN_PROGRESS",
        RolloutState::Completed => "COMPLETED",
        RolloutState::Failed => "FAILED",
    }
}

/// The API name of a serialisable enum value (`SCALE_UP`).
fn upper_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::TimelineAction;

    fn golden(name: &str) -> String {
        let path = format!("{}/../tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_service_without_updates_shows_one_completed_primary_card() {
        let mut sim = Sim::from_json(&golden("circuit_breaker_rollback.json")).unwrap();
        sim.run_until(50_000);
        let v = deployments_view(&sim, 0).unwrap();
        assert_eq!(v.cards.len(), 1);
        let c = &v.cards[0];
        assert_eq!((c.status, c.rollout_state), ("PRIMARY", "COMPLETED"));
        assert_eq!(c.task_definition, "web:1");
        assert_eq!((c.desired, c.running), (4, 4));
        assert_eq!(c.breaker.as_deref(), Some("failed tasks 0 / 3"));
        assert!(v.traffic.is_none());
        assert_eq!(
            v.settings,
            "ROLLING · circuit breaker on (threshold 3), rollback"
        );
        assert!(deployments_view(&sim, 9).is_none());
    }

    #[test]
    fn a_bad_image_shows_the_failed_deployment_and_the_rollback_to_web_1() {
        // DG deployment-circuit-breaker: threshold max(3, ⌈4 ÷ 2⌉) = 3, then rollback.
        let mut sim = Sim::from_json(&golden("circuit_breaker_rollback.json")).unwrap();
        sim.run_until(20 * 60_000);
        let v = deployments_view(&sim, 0).unwrap();
        assert_eq!(v.cards.len(), 3);
        let (rollback, failed, first) = (&v.cards[0], &v.cards[1], &v.cards[2]);
        assert_eq!(
            rollback.rollback_label.as_deref(),
            Some("rollback to web:1")
        );
        assert_eq!(rollback.status, "PRIMARY");
        // Once web:1 is steady again the rollback COMPLETED, with ECS's completed reason.
        assert_eq!(rollback.rollout_state, "COMPLETED");
        assert!(failed.failed);
        assert_eq!(failed.rollout_state, "FAILED");
        assert_eq!(failed.task_definition, "web:2");
        assert_eq!(failed.breaker.as_deref(), Some("failed tasks 3 / 3"));
        assert_eq!(
            failed.reason,
            "ECS deployment circuit breaker: tasks failed to start."
        );
        assert_eq!(first.status, "INACTIVE");
        assert_eq!(v.older, 0);
    }

    #[test]
    fn mid_canary_the_split_shows_green_at_the_canary_percent() {
        let mut sim = Sim::from_json(&golden("canary_10_percent.json")).unwrap();
        let mut seen = None;
        for minute in 1..=40 {
            sim.run_until(minute * 60_000);
            let v = deployments_view(&sim, 0).unwrap();
            if let Some(t) = v
                .traffic
                .filter(|t| t.green_percent > 0.0 && t.green_percent < 100.0)
            {
                seen = Some((t, v.cards[0].clone()));
                break;
            }
        }
        let (t, card) = seen.expect("a moment mid-canary");
        assert_eq!(t.green_percent, 10.0);
        assert_eq!(t.stage, "PRODUCTION_TRAFFIC_SHIFT");
        assert_eq!(card.traffic_percent, Some(10.0));
        assert_eq!(
            card.lifecycle_stage.as_deref(),
            Some("PRODUCTION_TRAFFIC_SHIFT")
        );
        assert_ne!(t.blue, t.green);
    }

    #[test]
    fn the_form_offers_containers_scenario_images_and_revisions_newest_first() {
        let mut sim = Sim::from_json(&golden("circuit_breaker_rollback.json")).unwrap();
        let c = update_choices(&sim, 0).unwrap();
        assert_eq!(c.current, "web:1");
        assert_eq!(c.containers, vec![("app".into(), "example/web:1".into())]);
        assert_eq!(c.images, vec!["example/web:2-missing".to_string()]);
        assert_eq!(c.revisions, vec!["web:2".to_string(), "web:1".to_string()]);
        let json = sim
            .revision_with_image(c.current_index, "app", "x/y:1")
            .unwrap();
        sim.register_task_definition(&json).unwrap();
        sim.apply(&TimelineAction::UpdateService {
            service: "web".into(),
            desired_count: None,
            task_definition: Some("web:3".into()),
            force_new_deployment: true,
        })
        .unwrap();
        let c = update_choices(&sim, 0).unwrap();
        assert_eq!(c.current, "web:3");
        assert_eq!(c.revisions[0], "web:3");
        assert!(update_choices(&sim, 5).is_none());
    }

    #[test]
    fn the_form_offers_other_families_after_the_services_own() {
        // API UpdateService taskDefinition: "The family and revision (family:revision) or full
        // ARN of the task definition to run in your service" — any family.
        let sim = Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid");
        let web = update_choices(&sim, 0).expect("web");
        assert_eq!(web.revisions, ["web:1", "api:1"]);
        let api = update_choices(&sim, 1).expect("api");
        assert_eq!(api.revisions, ["api:1", "web:1"]);
    }

    #[test]
    fn the_form_says_what_a_rolling_update_may_do_first_and_nothing_for_codedeploy() {
        // The default web service: desiredCount 6, the default bounds 100 / 200.
        let sim = Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid");
        assert_eq!(
            update_choices(&sim, 0).and_then(|c| c.plan).as_deref(),
            Some("With desiredCount 6, maximumPercent 200 allows 12 tasks and minimumHealthyPercent 100 keeps 6 healthy: up to 6 new tasks start before any old one stops.")
        );
        // A CodeDeploy service's percentages bound only tasks on draining instances.
        let blue_green = Sim::from_json(include_str!(
            "../scenario/examples/blue-green-codedeploy.json"
        ))
        .expect("valid");
        let c = update_choices(&blue_green, 0).expect("a service");
        assert!(c.code_deploy);
        assert_eq!(c.plan, None);
    }
}
