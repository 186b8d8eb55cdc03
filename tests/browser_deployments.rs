//! Browser tests for the deployment view, run in headless Chromium: a bad image rolls back and
//! the FAILED deployment, the rollback and the breaker's count are drawn; the update-service
//! form registers a revision and deploys it into the running engine; a canary shows its split.
#![cfg(target_arch = "wasm32")]

use ecs_playground_web::deployment_view::DeploymentView;
use ecs_playground_web::state::Playground;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

use ecs_playground_tests::{settle, test_host};

const ROLLBACK: &str = include_str!("golden/circuit_breaker_rollback.json");
const CANARY: &str = include_str!("golden/canary_10_percent.json");

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

fn one(host: &Element, selector: &str) -> Element {
    host.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

fn click(host: &Element, selector: &str) {
    one(host, selector)
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// Mounts the view over a playground on `scenario`, run to `until_ms`.
fn mount(scenario: &str, until_ms: u64) -> (HtmlElement, Playground) {
    let host = test_host();
    let (tx, rx) = std::sync::mpsc::channel();
    let text = scenario.to_string();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let pg = Playground::new(&text);
        pg.sim.update_value(|s| {
            if let Some(sim) = s {
                sim.run_until(until_ms);
            }
        });
        pg.refresh();
        provide_context(pg);
        let _ = tx.send(pg);
        view! { <DeploymentView /> }
    });
    handle.forget();
    let pg = rx.try_recv().expect("the playground");
    (host, pg)
}

#[wasm_bindgen_test]
async fn a_failed_deployment_and_its_rollback_to_web_1_are_drawn() {
    // DG deployment-circuit-breaker: threshold max(3, ⌈4 ÷ 2⌉) = 3, then rollback to web:1.
    let (host, _pg) = mount(ROLLBACK, 20 * 60_000);
    settle().await;
    let cards = all(&host, "[data-testid=deployment-card]");
    assert_eq!(cards.len(), 3);
    let rollback = &cards[0];
    assert_eq!(
        rollback.get_attribute("data-status").as_deref(),
        Some("PRIMARY")
    );
    assert_eq!(
        text(&one(rollback, "[data-testid=rollback-label]")),
        "rollback to web:1"
    );
    let failed = one(&host, "[data-testid=deployment-card][data-rollout=FAILED]");
    assert!(failed.class_list().contains("failed"));
    assert_eq!(text(&one(&failed, "[data-testid=deployment-td]")), "web:2");
    assert_eq!(
        text(&one(&failed, "[data-testid=breaker]")),
        "failed tasks 3 / 3"
    );
    assert!(text(&failed).contains("ECS deployment circuit breaker: tasks failed to start."));
    assert!(text(&one(&host, "[data-testid=deployment-settings]")).contains("rollback"));
}

#[wasm_bindgen_test]
async fn the_form_registers_a_revision_and_update_service_deploys_it_without_a_restart() {
    let mut doc: serde_json::Value = serde_json::from_str(ROLLBACK).expect("JSON");
    doc["timeline"] = serde_json::json!([]);
    let (host, pg) = mount(&doc.to_string(), 60_000);
    settle().await;
    let input: HtmlInputElement = one(&host, "[data-testid=deploy-image]")
        .dyn_into()
        .expect("an input");
    input.set_value("example/web:3");
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = Event::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&ev).expect("dispatched");
    settle().await;
    click(&host, "[data-testid=deploy-register]");
    settle().await;
    let revision = one(&host, "[data-testid=deploy-revision]");
    assert_eq!(
        revision
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .as_deref(),
        Some("web:3")
    );
    click(&host, "[data-testid=update-service]");
    settle().await;
    let cards = all(&host, "[data-testid=deployment-card]");
    assert_eq!(
        text(&one(&cards[0], "[data-testid=deployment-td]")),
        "web:3"
    );
    assert_eq!(
        cards[0].get_attribute("data-rollout").as_deref(),
        Some("IN_PROGRESS")
    );
    assert_eq!(
        cards[1].get_attribute("data-status").as_deref(),
        Some("ACTIVE")
    );
    // The run went on from 1:00: the engine was not rebuilt (that would start at 0:00). A live
    // action runs at the start of the next whole second, as a timeline entry would (the events
    // of 1:00 already ran; `ecs_sim::sim::live`), so the clock reads 1:01.
    assert_eq!(
        pg.snapshot.with_untracked(|s| s.as_ref().map(|s| s.now_ms)),
        Some(61_000)
    );
    let help = text(&one(&host, "[data-testid=deploy-help]"));
    assert!(help.contains("Keep in link"), "{help}");
}

#[wasm_bindgen_test]
async fn mid_canary_the_split_bar_gives_green_ten_percent() {
    let (host, _pg) = mount(CANARY, 4 * 60_000);
    settle().await;
    let split = one(&host, "[data-testid=traffic-split]");
    assert_eq!(split.get_attribute("data-green").as_deref(), Some("10"));
    let green = one(&split, "[data-testid=traffic-green]");
    assert_eq!(
        green
            .get_attribute("style")
            .unwrap_or_default()
            .replace(' ', ""),
        "width:10%;"
    );
    assert!(text(&split).contains("green web:2 10%"));
}
