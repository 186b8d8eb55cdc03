//! Which timeline action the playground's "Spot interruption" and "Traffic spike" buttons
//! send, or why they are disabled: decided here so the rules are tested natively and the
//! buttons go through [`Sim::apply`] like the timeline.

use crate::scenario::document::TimelineAction;
use crate::sim::Sim;
use crate::task::lifecycle::LaunchKind;

/// The Traffic spike button multiplies the rate by this, percent (×3).
pub const SPIKE_PERCENT: u32 = 300;
/// The Traffic spike button lasts this long, seconds (5 minutes).
pub const SPIKE_SECONDS: u32 = 300;

/// The service the buttons act on: the selected task's, else `fallback` (the metrics panel's).
pub fn acting_service(sim: &Sim, task: Option<usize>, fallback: usize) -> usize {
    task.and_then(|t| sim.tasks.get(t))
        .and_then(|t| t.service)
        .unwrap_or(fallback)
}

/// A Spot interruption of the selected task when it is a running FARGATE_SPOT task of a
/// service, else of the oldest running FARGATE_SPOT task of `service`; `Err` says why not.
pub fn spot_interruption_action(
    sim: &Sim,
    task: Option<usize>,
    service: usize,
) -> Result<TimelineAction, String> {
    let selected = task.and_then(|t| {
        let s = sim.tasks.get(t)?.service?;
        let index = sim.spot_tasks_of(s).iter().position(|&x| x == t)?;
        Some((s, index))
    });
    let (s, index) = match selected {
        Some(found) => found,
        None => {
            if sim.spot_tasks_of(service).is_empty() {
                let name = sim.model.services.get(service).map_or("", |v| &v.name);
                let spot_task_selected = task
                    .and_then(|t| sim.tasks.get(t))
                    .is_some_and(|t| t.launch == LaunchKind::FargateSpot);
                return Err(if spot_task_selected {
                    "The selected Fargate Spot task is not RUNNING.".to_string()
                } else {
                    format!("Service {name} has no RUNNING FARGATE_SPOT task.")
                });
            }
            (service, 0)
        }
    };
    Ok(TimelineAction::SpotInterruption {
        service: sim.model.services[s].name.clone(),
        index: index as u32,
    })
}

/// A ×3, five-minute traffic spike on `service`, or why not (it has no `traffic` entry).
pub fn traffic_spike_action(sim: &Sim, service: usize) -> Result<TimelineAction, String> {
    let Some(svc) = sim.model.services.get(service) else {
        return Err("No service selected.".to_string());
    };
    if !sim
        .model
        .traffic
        .entries
        .iter()
        .any(|e| e.service == service)
    {
        return Err(format!(
            "Service {} has no traffic entry (add one under Traffic).",
            svc.name
        ));
    }
    Ok(TimelineAction::TrafficSpike {
        service: svc.name.clone(),
        multiplier: SPIKE_PERCENT,
        duration_seconds: SPIKE_SECONDS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{parse_scenario, resolve};

    const SCALING: &str = include_str!("../../../tests/e2e/fixtures/traffic-scaling.json");
    const SPOT: &str = include_str!("../../../tests/golden/spot_interruption.json");

    fn sim(text: &str) -> Sim {
        Sim::new(resolve(&parse_scenario(text).expect("parses")).expect("resolves"))
    }

    #[test]
    fn traffic_spike_is_three_times_for_five_minutes_on_a_service_with_traffic() {
        let s = sim(SCALING);
        assert_eq!(
            traffic_spike_action(&s, 0),
            Ok(TimelineAction::TrafficSpike {
                service: "web".into(),
                multiplier: 300,
                duration_seconds: 300
            })
        );
    }

    #[test]
    fn traffic_spike_is_refused_without_traffic() {
        let s = sim(SPOT);
        assert!(traffic_spike_action(&s, 0)
            .unwrap_err()
            .contains("no traffic entry"));
        assert!(traffic_spike_action(&s, 9).is_err());
    }

    #[test]
    fn spot_interruption_takes_the_selected_spot_task() {
        let mut s = sim(SPOT);
        s.run_until(60_000);
        let spot = s.spot_tasks_of(0);
        assert!(spot.len() >= 2);
        let act = spot_interruption_action(&s, Some(spot[1]), 0).expect("spot task");
        assert_eq!(
            act,
            TimelineAction::SpotInterruption {
                service: "web".into(),
                index: 1
            }
        );
        s.apply(&act).expect("applies");
        assert!(s.tasks[spot[1]].stop_requested);
    }

    #[test]
    fn spot_interruption_falls_back_to_the_services_first_spot_task() {
        let mut s = sim(SPOT);
        s.run_until(60_000);
        // The FARGATE base task is not a Spot task: the service's first Spot task is used.
        let fargate = s
            .tasks
            .ids()
            .find(|&t| s.tasks[t].launch == LaunchKind::Fargate)
            .expect("a FARGATE task");
        assert_eq!(
            spot_interruption_action(&s, Some(fargate), 0),
            Ok(TimelineAction::SpotInterruption {
                service: "web".into(),
                index: 0
            })
        );
        assert_eq!(acting_service(&s, Some(fargate), 5), 0);
        assert_eq!(acting_service(&s, None, 5), 5);
    }

    #[test]
    fn spot_interruption_is_refused_without_spot_tasks() {
        let mut s = sim(SCALING);
        s.run_until(60_000);
        assert!(spot_interruption_action(&s, None, 0)
            .unwrap_err()
            .contains("no RUNNING FARGATE_SPOT task"));
    }
}
