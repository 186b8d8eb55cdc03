//! Checks and resolves the auto scaling keys of a scenario (`fargateSpot`, and Application
//! Auto Scaling's scalable targets, policies and scheduled actions), with JSON paths.

use super::document::ScenarioDocument;
use super::model::Model;
use crate::autoscaling::AutoScalingModel;
use crate::cluster::spot::{per_minute_ppm, MAX_INTERRUPTIONS_PER_HOUR};
use crate::Problem;

/// Resolves the auto scaling keys against the already resolved `model`.
pub fn resolve_auto_scaling(
    doc: &ScenarioDocument,
    model: &Model,
) -> (AutoScalingModel, Vec<Problem>) {
    let _ = model;
    let mut problems = Vec::new();
    let mut out = AutoScalingModel::default();
    if let Some(spot) = &doc.fargate_spot {
        let r = spot.interruptions_per_hour;
        if !r.is_finite() || !(0.0..=MAX_INTERRUPTIONS_PER_HOUR).contains(&r) {
            problems.push(Problem::new(
                "fargateSpot.interruptionsPerHour",
                format!("interruptionsPerHour must be between 0 and {MAX_INTERRUPTIONS_PER_HOUR}"),
            ));
        } else {
            out.spot_ppm = per_minute_ppm(r);
        }
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use crate::sim::LoadError;
    use crate::Sim;

    const SPOT: &str = include_str!("../../../tests/golden/spot_interruption.json");

    fn with_spot(rate: &str) -> String {
        SPOT.replacen(
            "\"version\": 1,",
            &format!("\"version\": 1, \"fargateSpot\": {{ \"interruptionsPerHour\": {rate} }},"),
            1,
        )
    }

    #[test]
    fn interruptions_per_hour_outside_0_to_60_is_a_problem_at_its_path() {
        match Sim::from_json(&with_spot("61")) {
            Err(LoadError::Invalid(ps)) => {
                assert_eq!(ps.len(), 1);
                assert_eq!(ps[0].path, "fargateSpot.interruptionsPerHour");
            }
            other => panic!("expected a problem, got {:?}", other.map(|_| ())),
        }
        assert!(Sim::from_json(&with_spot("-1")).is_err());
    }

    #[test]
    fn fargate_spot_rate_60_per_hour_interrupts_every_running_spot_task_each_minute() {
        let mut sim = Sim::from_json(&with_spot("60")).expect("loads");
        sim.run_until(59_999);
        let running_spot = sim
            .tasks
            .iter()
            .filter(|t| {
                t.launch == crate::service::LaunchKind::FargateSpot
                    && t.last_status == crate::service::TaskStatus::Running
            })
            .count();
        // 4 tasks: FARGATE base 1, the other 3 on FARGATE_SPOT, all RUNNING within a minute.
        assert_eq!(running_spot, 3);
        sim.run_until(60_000);
        let interrupted = sim
            .tasks
            .iter()
            .filter(|t| t.stop_code == Some(crate::service::StopCode::SpotInterruption))
            .count();
        assert_eq!(interrupted, running_spot);
    }

    #[test]
    fn fargate_spot_rate_0_schedules_nothing_and_keeps_the_trace() {
        let mut a = Sim::from_json(SPOT).expect("loads");
        let mut b = Sim::from_json(&with_spot("0")).expect("loads");
        a.run_until(600_000);
        b.run_until(600_000);
        assert_eq!(a.trace_hash(), b.trace_hash());
    }
}
