//! Browser tests for keyboard access to the cluster's task chips (a roving tab index), run in
//! headless Chromium: one chip is the cluster's Tab stop, ArrowRight moves the focus and the
//! Tab stop to the next chip, Enter selects it and the explain panel shows that task.
#![cfg(target_arch = "wasm32")]

use ecs_playground_tests::{after_step, mount_app, settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn html(el: &Element) -> HtmlElement {
    el.clone()
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
}

/// Presses `key` on `el` as the browser would deliver it (a bubbling, cancelable keydown).
fn press(el: &Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
    el.dispatch_event(&ev).expect("dispatched");
    ev.default_prevented()
}

/// The chips in the cluster pane (the explain panel draws chips of its own).
fn cluster_chips(host: &Element) -> Vec<Element> {
    all(host, "[data-testid=cluster] [data-testid=task]")
}

fn active_task() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.get_attribute("data-task"))
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_one_tab_stop_and_enter_explains_the_task() {
    let host = mount_app();
    settle().await;
    let step = host
        .query_selector("[data-testid=step]")
        .ok()
        .flatten()
        .expect("the step button");
    let mut chips = Vec::new();
    for _ in 0..200 {
        html(&step).click();
        after_step().await;
        chips = cluster_chips(&host);
        if chips.len() >= 3 {
            break;
        }
    }
    assert!(chips.len() >= 3, "three task chips after stepping");
    let stops: Vec<&Element> = chips
        .iter()
        .filter(|c| c.get_attribute("tabindex").as_deref() == Some("0"))
        .collect();
    assert_eq!(stops.len(), 1, "one Tab stop for the cluster's chips");
    assert!(chips
        .iter()
        .filter(|c| c.get_attribute("tabindex").as_deref() != Some("0"))
        .all(|c| c.get_attribute("tabindex").as_deref() == Some("-1")));
    // The Tab stop is the first chip (nothing was focused yet); the next in page order is the
    // next in keyboard order.
    let first = stops[0].clone();
    assert_eq!(first, chips[0]);
    let first_task = first.get_attribute("data-task").expect("task index");
    let second_task = chips[1].get_attribute("data-task").expect("task index");
    html(&first).focus().expect("focusable");
    assert_eq!(active_task().as_deref(), Some(first_task.as_str()));

    assert!(press(&first, "ArrowRight"), "the chip handles ArrowRight");
    settle().await;
    assert_eq!(active_task().as_deref(), Some(second_task.as_str()));
    let chips = cluster_chips(&host);
    let stops: Vec<String> = chips
        .iter()
        .filter(|c| c.get_attribute("tabindex").as_deref() == Some("0"))
        .filter_map(|c| c.get_attribute("data-task"))
        .collect();
    assert_eq!(
        stops,
        std::slice::from_ref(&second_task),
        "the Tab stop moved with the focus"
    );

    // ArrowLeft comes back; Home stays in the first chip's row.
    let second = host
        .query_selector(&format!(
            "[data-testid=cluster] [data-testid=task][data-task='{second_task}']"
        ))
        .ok()
        .flatten()
        .expect("the second chip");
    press(&second, "ArrowLeft");
    settle().await;
    assert_eq!(active_task().as_deref(), Some(first_task.as_str()));
    press(&first, "ArrowRight");
    settle().await;

    // Enter selects the focused chip: the explain panel shows that task.
    assert!(press(&second, "Enter"));
    settle().await;
    assert_eq!(
        second.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let title = second.get_attribute("title").unwrap_or_default();
    let short_id = title
        .split_whitespace()
        .nth(1)
        .expect("task <id> in the title");
    let explain = host
        .query_selector("[data-testid=explain]")
        .ok()
        .flatten()
        .expect("the explain panel");
    let text = explain.text_content().unwrap_or_default();
    assert!(text.contains("Task ID"), "{text}");
    assert!(text.contains(short_id), "explains task {short_id}: {text}");
}

#[wasm_bindgen_test]
async fn keys_the_chips_do_not_use_are_left_to_the_page() {
    let host = mount_app();
    settle().await;
    let step = host
        .query_selector("[data-testid=step]")
        .ok()
        .flatten()
        .expect("the step button");
    for _ in 0..200 {
        html(&step).click();
        after_step().await;
        if !cluster_chips(&host).is_empty() {
            break;
        }
    }
    let chip = cluster_chips(&host).into_iter().next().expect("a chip");
    assert!(!press(&chip, "a"), "a letter is not taken");
    assert!(!press(&chip, "Tab"), "Tab leaves the cluster");
}
