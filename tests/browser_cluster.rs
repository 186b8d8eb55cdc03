//! Browser tests for the cluster pane, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use ecs_playground_tests::mount_app;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

use ecs_playground_tests::{after_step, settle};

/// Lets the reactive system flush its pending DOM updates.
fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn click(el: &Element) {
    el.clone()
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

#[wasm_bindgen_test]
async fn default_scenario_draws_three_zone_lanes_with_one_instance_each() {
    let host = mount_app();
    settle().await;
    let lanes = all(&host, "[data-testid=zone-lane]");
    assert_eq!(lanes.len(), 3, "three Availability Zones");
    for lane in &lanes {
        let zone = lane.get_attribute("data-zone").unwrap_or_default();
        assert!(zone.starts_with("us-east-1"), "{zone}");
        assert_eq!(
            all(lane, "[data-testid=instance]").len(),
            1,
            "one m5.large in {zone}"
        );
        let text = lane.text_content().unwrap_or_default();
        assert!(text.contains("m5.large"), "{text}");
    }
    let summaries = all(&host, "[data-testid=service-summary]");
    let names: Vec<String> = summaries
        .iter()
        .filter_map(|s| s.get_attribute("data-service"))
        .collect();
    assert_eq!(names, ["web", "api"]);
}

#[wasm_bindgen_test]
async fn stepping_adds_task_chips_and_clicking_one_explains_it() {
    let host = mount_app();
    settle().await;
    let step = host
        .query_selector("[data-testid=step]")
        .ok()
        .flatten()
        .expect("the step button");
    let mut chips = Vec::new();
    for _ in 0..40 {
        click(&step);
        after_step().await;
        chips = all(&host, "[data-testid=task]");
        if !chips.is_empty() {
            break;
        }
    }
    let chip = chips.first().expect("task chips after stepping");
    assert!(chip
        .get_attribute("data-status")
        .is_some_and(|s| !s.is_empty()));
    let service = chip.get_attribute("data-service").unwrap_or_default();
    assert!(service == "web" || service == "api", "{service}");
    let task = chip.get_attribute("data-task").expect("task index");
    click(chip);
    settle().await;
    let explain = host
        .query_selector("[data-testid=explain]")
        .ok()
        .flatten()
        .expect("the explain panel");
    let text = explain.text_content().unwrap_or_default();
    assert!(text.contains("Task ID"), "{text}");
    assert!(text.contains("lastStatus"), "{text}");
    assert!(
        text.contains(&format!("{service}:1")),
        "task definition shown: {text}"
    );
    let selected = host
        .query_selector(&format!("[data-testid=task][data-task='{task}']"))
        .ok()
        .flatten()
        .expect("the chip");
    assert_eq!(
        selected.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert!(selected.class_list().contains("selected"));
    // The close button clears the selection.
    let close = explain
        .query_selector("[data-testid=explain-close]")
        .ok()
        .flatten()
        .expect("a close button");
    click(&close);
    settle().await;
    let text = explain.text_content().unwrap_or_default();
    assert!(text.contains("Click a task or an instance"), "{text}");
}

#[wasm_bindgen_test]
async fn clicking_an_instance_explains_its_resources_and_attributes() {
    let host = mount_app();
    settle().await;
    let instance = all(&host, "[data-testid=instance]")
        .into_iter()
        .next()
        .expect("an instance");
    click(&instance);
    settle().await;
    assert!(instance.class_list().contains("selected"));
    let explain = host
        .query_selector("[data-testid=explain]")
        .ok()
        .flatten()
        .expect("the explain panel");
    let text = explain.text_content().unwrap_or_default();
    assert!(text.contains("Container instance"), "{text}");
    assert!(text.contains("of 2048 units reserved"), "{text}");
    assert!(text.contains("ecs.availability-zone"), "{text}");
    // The failure buttons act on the selection.
    let terminate = host
        .query_selector("[data-testid=terminate-instance]")
        .ok()
        .flatten()
        .expect("terminate button");
    assert!(!terminate.has_attribute("disabled"));
}
