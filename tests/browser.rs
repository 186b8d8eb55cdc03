//! Browser tests: the app mounts, the URL codec and hostile links, and determinism — the
//! engine in wasm gives the trace hashes recorded natively.
#![cfg(target_arch = "wasm32")]

use ecs_playground_tests::{mount_app, run_hash, trace_hash_cases, TRACE_HASHES_JSON};
use ecs_playground_web::share::scenario_from_fragment;
use ecs_sim::scenario::{share, DEFAULT_SCENARIO_JSON};
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn app_renders_heading_and_the_default_scenarios_instances() {
    let host = mount_app();
    let heading = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "ECS Playground");
    let instances = host.query_selector_all("[data-testid=instance]").unwrap();
    assert_eq!(
        instances.length(),
        3,
        "the default scenario's group keeps 3 instances"
    );
}

#[wasm_bindgen_test]
fn trace_hashes_in_wasm_equal_the_native_ones() {
    let recorded: BTreeMap<String, String> = serde_json::from_str(TRACE_HASHES_JSON).unwrap();
    assert!(!recorded.is_empty());
    for (name, text, until) in trace_hash_cases() {
        assert_eq!(Some(&run_hash(&text, until)), recorded.get(&name), "{name}");
    }
}

#[wasm_bindgen_test]
fn every_lesson_grades_in_wasm_exactly_as_natively() {
    let recorded: BTreeMap<String, String> =
        serde_json::from_str(ecs_playground_tests::LESSON_VERDICTS_JSON).unwrap();
    let computed = ecs_playground_tests::lesson_verdicts();
    assert_eq!(computed.len(), ecs_sim::challenge::course::LESSONS.len());
    for (id, verdict) in computed {
        assert_eq!(Some(&verdict), recorded.get(&id), "{id}");
    }
}

#[wasm_bindgen_test]
fn a_shared_link_round_trips_the_exact_scenario() {
    let edited = DEFAULT_SCENARIO_JSON.replace("\"desiredCount\": 6", "\"desiredCount\": 5");
    let (text, notice) = scenario_from_fragment(&share::fragment_for(&edited));
    assert_eq!(text, edited);
    assert_eq!(notice, None);
}

#[wasm_bindgen_test]
fn an_empty_fragment_opens_the_default_scenario_quietly() {
    assert_eq!(
        scenario_from_fragment(""),
        (DEFAULT_SCENARIO_JSON.to_string(), None)
    );
    assert_eq!(
        scenario_from_fragment("#"),
        (DEFAULT_SCENARIO_JSON.to_string(), None)
    );
}

/// Every hostile or broken link opens the default scenario with an error notice, and never panics.
#[wasm_bindgen_test]
fn broken_and_hostile_links_fall_back_to_the_default_with_a_notice() {
    let bomb = {
        // 40 MB of zeros: deflates to a short link that would inflate far past the cap.
        let zeros = "0".repeat(40_000_000);
        share::encode(&zeros)
    };
    let not_a_scenario = share::encode("{\"version\": 1, \"seed\": 1, \"clusters\": []}");
    let cases = [
        ("#v1.!!!!", "could not be opened"),
        ("#v9.abcd", "newer"),
        ("#hello", "could not be opened"),
        (
            &format!("#v1.{}", "A".repeat(200_000)),
            "could not be opened",
        ),
        (&format!("#{bomb}"), "could not be opened"),
        (&format!("#{not_a_scenario}"), "not valid"),
    ];
    for (fragment, expected) in cases {
        let (text, notice) = scenario_from_fragment(fragment);
        assert_eq!(
            text,
            DEFAULT_SCENARIO_JSON,
            "{}",
            &fragment[..fragment.len().min(40)]
        );
        let notice = notice.expect("a notice");
        assert!(notice.is_error);
        assert!(
            notice.text.contains(expected),
            "{:?} does not mention {expected:?}",
            notice.text
        );
    }
}

#[wasm_bindgen_test]
fn uploading_a_task_definition_says_it_is_not_a_scenario() {
    use ecs_playground_web::share::not_a_scenario;
    assert!(not_a_scenario(r#"{"family": "web", "containerDefinitions": []}"#).is_some());
    assert!(not_a_scenario(r#"{"taskDefinition": {"family": "web"}}"#).is_some());
    assert!(not_a_scenario(DEFAULT_SCENARIO_JSON).is_none());
    assert!(
        not_a_scenario("not json").is_none(),
        "the editor reports syntax errors itself"
    );
}

/// Max speed: an animation frame whose engine budget runs out hands the virtual time it could
/// not reach to the next frame (so a page whose engine keeps up on average still runs at the
/// speed asked for), but never more than a quarter second of wall time's worth.
#[wasm_bindgen_test]
fn a_frame_out_of_budget_hands_its_virtual_time_to_the_next() {
    use ecs_playground_web::state::{Playground, Speed};
    use leptos::prelude::*;
    use std::cell::Cell;
    Owner::new().with(|| {
        let pg = Playground::new(DEFAULT_SCENARIO_JSON);
        pg.speed.set(Speed::Max);
        let now = || pg.sim.with_value(|s| s.as_ref().map_or(0, |s| s.now()));
        // A clock that moves 1 ms per reading: the budget check after the first event finds it
        // spent.
        let t = Cell::new(0.0);
        let ticking = || {
            t.set(t.get() + 1.0);
            t.get()
        };
        // A quarter second at max asks for 15 minutes: far more than one event.
        let owed = pg.advance(250.0, 0, 0.5, ticking);
        let asked = 250 * Speed::Max.factor();
        assert!(owed > 0, "one event does not reach {asked} ms");
        assert_eq!(
            now() + owed,
            asked,
            "what is owed is what the frame asked for"
        );
        // The next frame, with time to spare, catches up.
        assert_eq!(pg.advance(0.0, owed, 10_000.0, ticking), 0);
        assert_eq!(now(), asked);
        // A debt larger than a quarter second of wall time is not carried.
        let before = now();
        assert_eq!(pg.advance(16.0, u64::MAX / 2, 10_000.0, ticking), 0);
        assert_eq!(now() - before, 250 * Speed::Max.factor());
    });
}

/// Pause on a failed deployment (issue #11): at max speed, with frames that each ask for a
/// quarter hour, the clock stops right after the event that failed the ALB health demo's
/// web:2 — at that event's time, not at the end of the frame — and the next frame resumes
/// from there without stopping again at the rollback line the same event wrote.
#[wasm_bindgen_test]
fn max_speed_play_stops_at_the_failed_deployment_event() {
    use ecs_playground_web::state::{Playground, Speed};
    use ecs_sim::scenario::examples::example;
    use leptos::prelude::*;
    Owner::new().with(|| {
        let json = example("alb-health-rollback")
            .expect("the ALB health demo")
            .json;
        let pg = Playground::new(json);
        pg.pause_on
            .set(vec![ecs_sim::view::pause::PauseKind::DeploymentFailed]);
        pg.speed.set(Speed::Max);
        pg.playing.set(true);
        let now = || pg.sim.with_value(|s| s.as_ref().map_or(0, |s| s.now()));
        let mut frames = 0;
        while pg.paused_at.get_untracked().is_none() && frames < 100 {
            pg.advance(250.0, 0, 10_000.0, || 0.0);
            frames += 1;
        }
        let hit = pg.paused_at.get_untracked().expect("paused at the failure");
        assert!(hit.entry.text.contains("deployment failed"), "{hit:?}");
        assert_eq!(now(), hit.entry.at, "the clock is at the event");
        assert!(!pg.playing.get_untracked(), "play stopped");
        let notice = pg.notice.get_untracked().expect("a notice").text;
        assert!(
            notice.starts_with("Paused: deployment ecs-svc/"),
            "{notice}"
        );
        // Resume: the next frame runs on, and the rollback line does not stop it again.
        let before = now();
        pg.playing.set(true);
        pg.advance(250.0, 0, 10_000.0, || 0.0);
        assert!(now() > before + 60_000, "{} after {before}", now());
        assert_eq!(pg.paused_at.get_untracked(), Some(hit));
    });
}
