//! Target 2: scenario parse → resolve → a few simulated minutes with the playground's button
//! actions (`view::buttons`, `Sim::apply` and the `sim::commands` the buttons call).

use crate::gen::{assert_problems_have_paths, document_bytes, examples, same, short_string};
use ecs_sim::scenario::{parse_scenario, resolve, ScenarioError, TimelineAction};
use ecs_sim::view::buttons;
use ecs_sim::Sim;
use proptest::prelude::*;
use proptest::sample::Index;

/// How long each case runs, ms of virtual time (five minutes).
const RUN_MS: u64 = 5 * 60_000;

/// Most engine steps one case runs, so a grown scenario (hundreds of services) costs bounded
/// time; its parse and resolve are still fuzzed in full.
const STEP_BUDGET: u64 = 5_000;

/// Most tasks a case's services may desire before the run is skipped (invariants are checked
/// after every step in test builds, which is linear in the tasks).
const MAX_DESIRED: u64 = 400;

/// `Sim::run_until`, stopping early after [`STEP_BUDGET`] steps.
fn run_to(sim: &mut Sim, until: u64) {
    while sim.steps() < STEP_BUDGET && sim.next_event_at().is_some_and(|t| t <= until) {
        sim.step();
    }
}

/// A click of one of the playground's buttons (or a command they send).
#[derive(Debug, Clone)]
enum Click {
    SpotInterruption(Option<Index>, Index),
    TrafficSpike(Index),
    StopTask(Index),
    HangTask(Index),
    TerminateInstance(Index),
    DrainInstance(Index),
    ZoneOutage(Index),
    ZoneRecovery(Index),
    UpdateService(Index, Option<u32>, Option<String>, bool),
    UnknownService(String),
}

fn click() -> impl Strategy<Value = Click> {
    prop_oneof![
        (prop::option::of(any::<Index>()), any::<Index>())
            .prop_map(|(t, s)| Click::SpotInterruption(t, s)),
        any::<Index>().prop_map(Click::TrafficSpike),
        any::<Index>().prop_map(Click::StopTask),
        any::<Index>().prop_map(Click::HangTask),
        any::<Index>().prop_map(Click::TerminateInstance),
        any::<Index>().prop_map(Click::DrainInstance),
        any::<Index>().prop_map(Click::ZoneOutage),
        any::<Index>().prop_map(Click::ZoneRecovery),
        (
            any::<Index>(),
            prop::option::of(prop_oneof![0u32..20, Just(u32::MAX)]),
            prop::option::of(prop_oneof![
                Just("web".to_string()),
                "[a-z]{1,4}:[0-9]",
                short_string()
            ]),
            any::<bool>()
        )
            .prop_map(|(s, d, t, f)| Click::UpdateService(s, d, t, f)),
        short_string().prop_map(Click::UnknownService),
    ]
}

fn press(sim: &mut Sim, click: &Click) {
    let services = sim.model.services.len();
    let pick = |i: &Index, n: usize| (n > 0).then(|| i.index(n));
    let result = match click {
        Click::SpotInterruption(task, s) => {
            let Some(fallback) = pick(s, services) else {
                return;
            };
            let task = task.as_ref().and_then(|t| pick(t, sim.tasks.next_id()));
            let service = buttons::acting_service(sim, task, fallback);
            match buttons::spot_interruption_action(sim, task, service) {
                Ok(action) => sim.apply(&action).map_err(|e| e.to_string()),
                Err(why) => Err(why),
            }
        }
        Click::TrafficSpike(s) => {
            let Some(service) = pick(s, services) else {
                return;
            };
            match buttons::traffic_spike_action(sim, service) {
                Ok(action) => sim.apply(&action).map_err(|e| e.to_string()),
                Err(why) => Err(why),
            }
        }
        Click::StopTask(t) => match pick(t, sim.tasks.next_id()) {
            Some(t) => sim.stop_task_by_user(t).map_err(|e| e.to_string()),
            None => return,
        },
        // The page's Hang task: named on the timeline as the button names it, then applied.
        Click::HangTask(t) => match pick(t, sim.tasks.next_id()) {
            Some(t) => match sim.hang_task_action(t) {
                Ok(action) => sim.apply(&action).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            },
            None => return,
        },
        Click::TerminateInstance(i) => match pick(i, sim.instances.len() + 1) {
            Some(i) => sim.terminate_instance(i).map_err(|e| e.to_string()),
            None => return,
        },
        Click::DrainInstance(i) => match pick(i, sim.instances.len() + 1) {
            Some(i) => sim.drain_instance(i).map_err(|e| e.to_string()),
            None => return,
        },
        Click::ZoneOutage(z) | Click::ZoneRecovery(z) => {
            let mut zones = sim.model.zones.clone();
            zones.push("us-east-1z".into());
            let zone = zones[z.index(zones.len())].clone();
            if matches!(click, Click::ZoneOutage(_)) {
                sim.zone_outage(&zone).map_err(|e| e.to_string())
            } else {
                sim.zone_recovery(&zone).map_err(|e| e.to_string())
            }
        }
        Click::UpdateService(s, desired, td, force) => {
            let Some(s) = pick(s, services) else { return };
            let action = TimelineAction::UpdateService {
                service: sim.model.services[s].name.clone(),
                desired_count: *desired,
                task_definition: td.clone(),
                force_new_deployment: *force,
            };
            sim.apply(&action).map_err(|e| e.to_string())
        }
        Click::UnknownService(name) => sim
            .apply(&TimelineAction::StopTask {
                service: name.clone(),
                index: 0,
            })
            .map_err(|e| e.to_string()),
    };
    if let Err(why) = result {
        assert!(
            !why.trim().is_empty(),
            "a refusal without a reason: {click:?}"
        );
    }
}

/// The JSON pointer of the first place two values differ, with both values there.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.iter().find_map(|(k, v)| match y.get(k) {
            Some(w) => first_difference(v, w, format!("{at}/{k}")),
            None => Some(format!("{at}/{k}: missing")),
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, format!("{at}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} vs {b}")),
    }
}

proptest! {
    #![proptest_config(crate::gen::config(40))]

    #[test]
    fn scenarios_parse_resolve_and_run_with_buttons_without_panicking(
        bytes in document_bytes(examples()),
        clicks in prop::collection::vec((0..RUN_MS, click()), 0..6),
    ) {
        let text = String::from_utf8_lossy(&bytes);
        let doc = match parse_scenario(&text) {
            Err(ScenarioError::Invalid(problems)) => {
                assert_problems_have_paths(&problems, "parse_scenario");
                return Ok(());
            }
            Err(ScenarioError::Syntax { line, column, .. }) => {
                prop_assert!(line >= 1 && column <= text.len() + 1);
                return Ok(());
            }
            Err(ScenarioError::TooLarge { .. }) => return Ok(()),
            Ok(doc) => doc,
        };
        // The document's own serialization parses back to the same document.
        let again = serde_json::to_string(&doc).expect("serializes");
        let reparsed = parse_scenario(&again);
        // Equal up to serde_json's last-place float reading (see `gen::same`).
        let equal = reparsed.as_ref().is_ok_and(|d| {
            same(&serde_json::to_value(d).expect("value"), &serde_json::to_value(&doc).expect("value"))
        });
        if !equal {
            let a = serde_json::to_value(&doc).expect("value");
            let b = reparsed.as_ref().ok().map(|d| serde_json::to_value(d).expect("value"));
            prop_assert!(false, "round trip differs at {:?}", b.map(|b| first_difference(&a, &b, String::new())));
        }
        let model = match resolve(&doc) {
            Err(problems) => {
                assert_problems_have_paths(&problems, "resolve");
                return Ok(());
            }
            Ok(model) => model,
        };
        if model.services.iter().map(|s| u64::from(s.desired)).sum::<u64>() > MAX_DESIRED {
            return Ok(());
        }
        let mut sim = Sim::new(model);
        let mut clicks = clicks;
        clicks.sort_by_key(|(at, _)| *at);
        for (at, c) in &clicks {
            run_to(&mut sim, *at);
            press(&mut sim, c);
        }
        run_to(&mut sim, RUN_MS);
        let _ = sim.snapshot();
        prop_assert_eq!(sim.check_invariants(), Ok(()));
    }
}
