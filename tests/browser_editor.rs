//! Browser tests for the editor pane, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use ecs_playground_tests::mount_app;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

use ecs_playground_tests::{next_task, settle};

#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "export function clear_hash() { history.replaceState(null, '', location.pathname + location.search); }"
)]
extern "C" {
    /// Forgets the scenario an earlier test left in the URL (the app shares it there).
    fn clear_hash();
}

/// A fresh playground on the default scenario.
async fn fresh_app() -> HtmlElement {
    clear_hash();
    let host = mount_app();
    settle().await;
    host
}

/// Lets Leptos run its effects and re-render.
fn find(host: &HtmlElement, selector: &str) -> Element {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all(host: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Replaces the text of a text area as typing would, and lets the page react.
async fn type_into(area: &HtmlTextAreaElement, text: &str) {
    area.set_value(text);
    fire(area, "input");
    settle().await;
}

fn td_editor(host: &HtmlElement) -> HtmlTextAreaElement {
    find(host, "[data-testid=td-editor]").dyn_into().unwrap()
}

/// 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn problems(host: &HtmlElement) -> Vec<Element> {
    all(host, "[data-testid=problem]")
}

#[wasm_bindgen_test]
async fn invalid_container_memory_is_shown_at_its_line_and_clears_when_fixed() {
    let host = fresh_app().await;
    let area = td_editor(&host);
    let original = area.value();
    assert!(original.contains("\"memory\": 512"), "{original}");
    assert!(problems(&host).is_empty());
    assert!(host
        .query_selector("[data-testid=no-problems]")
        .unwrap()
        .is_some());

    let broken = original.replace("\"memory\": 512", "\"memory\": 4");
    type_into(&area, &broken).await;
    let found = problems(&host);
    assert_eq!(found.len(), 1, "one problem: the container memory");
    let text = found[0].text_content().unwrap();
    assert!(text.contains("containerDefinitions[0].memory"), "{text}");
    let line = line_of(&broken, "\"memory\": 4");
    assert_eq!(found[0].get_attribute("data-line"), Some(line.to_string()));
    assert!(text.contains(&format!("Line {line}")), "{text}");
    // The gutter marks that line and no other.
    let marks = all(&host, "[data-testid=gutter-mark]");
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text_content().unwrap(), line.to_string());
    let register = find(&host, "[data-testid=register-revision]");
    assert!(
        register.has_attribute("disabled"),
        "invalid: cannot register"
    );

    // Clicking the problem puts the caret on that line.
    found[0].dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let caret = area.selection_start().unwrap().unwrap() as usize;
    let before: String = broken
        .encode_utf16()
        .take(caret)
        .map(|u| u as u8 as char)
        .collect();
    assert_eq!(
        before.matches('\n').count() + 1,
        line,
        "caret on the problem's line"
    );

    let fixed = broken.replace("\"memory\": 4", "\"memory\": 256");
    type_into(&area, &fixed).await;
    assert!(
        problems(&host).is_empty(),
        "fixing the value clears the problem"
    );
    assert!(all(&host, "[data-testid=gutter-mark]").is_empty());
    assert!(
        !register.has_attribute("disabled"),
        "valid and changed: can register"
    );
}

#[wasm_bindgen_test]
async fn fargate_memory_not_allowed_for_its_cpu_is_reported_on_the_memory_line() {
    let host = fresh_app().await;
    find(&host, "[data-testid=tab-td-api]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let area = td_editor(&host);
    let original = area.value();
    let broken = original.replace("\"memory\": \"1024\"", "\"memory\": \"8192\"");
    assert_ne!(broken, original, "{original}");
    type_into(&area, &broken).await;
    let found = problems(&host);
    assert!(!found.is_empty());
    let line = line_of(&broken, "\"memory\": \"8192\"");
    assert!(
        found
            .iter()
            .any(|p| p.get_attribute("data-line") == Some(line.to_string())),
        "a problem on line {line}: {:?}",
        found.iter().map(|p| p.text_content()).collect::<Vec<_>>()
    );
}

#[wasm_bindgen_test]
async fn json_syntax_error_shows_line_and_column() {
    let host = fresh_app().await;
    let area = td_editor(&host);
    let original = area.value();
    // Drop the comma after the family: the error is at the start of the next key.
    let broken = original.replacen("\"family\": \"web\",", "\"family\": \"web\"", 1);
    type_into(&area, &broken).await;
    let found = problems(&host);
    assert_eq!(found.len(), 1);
    let text = found[0].text_content().unwrap();
    let line = line_of(&broken, "\"family\"") + 1;
    assert!(text.contains(&format!("line {line}, column 3")), "{text}");
    type_into(&area, &original).await;
    assert!(problems(&host).is_empty());
}

#[wasm_bindgen_test]
async fn registering_a_revision_makes_the_next_revision_and_the_service_uses_it() {
    let host = fresh_app().await;
    let revision = find(&host, "[data-testid=td-revision]");
    assert!(revision.text_content().unwrap().starts_with("web:1"));
    let register = find(&host, "[data-testid=register-revision]");
    assert!(
        register.has_attribute("disabled"),
        "unchanged: nothing to register"
    );
    assert_eq!(register.text_content().unwrap(), "Register revision 2");
    let area = td_editor(&host);
    let edited = area.value().replace("\"memory\": 512", "\"memory\": 384");
    type_into(&area, &edited).await;
    register.dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    let revision = find(&host, "[data-testid=td-revision]");
    assert!(revision.text_content().unwrap().starts_with("web:2"));
    assert!(td_editor(&host).value().contains("\"memory\": 384"));
    find(&host, "[data-testid=tab-scenario]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let scenario: HtmlTextAreaElement = find(&host, "[data-testid=scenario-editor]")
        .dyn_into()
        .unwrap();
    let text = scenario.value();
    assert!(text.contains("\"taskDefinition\": \"web:2\""), "{text}");
    assert_eq!(
        text.matches("\"family\": \"web\"").count(),
        2,
        "revision 1 kept"
    );
}

#[wasm_bindgen_test]
async fn desired_count_is_clamped_and_written_to_the_scenario() {
    let host = fresh_app().await;
    find(&host, "[data-testid=tab-services]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let input: HtmlInputElement = find(&host, "[data-testid=desired-count]")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "6");
    input.set_value("99999");
    fire(&input, "change");
    settle().await;
    assert_eq!(input.value(), "5000");
    input.set_value("2");
    fire(&input, "change");
    settle().await;
    find(&host, "[data-testid=tab-scenario]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let scenario: HtmlTextAreaElement = find(&host, "[data-testid=scenario-editor]")
        .dyn_into()
        .unwrap();
    assert!(scenario.value().contains("\"desiredCount\": 2"));
}

#[wasm_bindgen_test]
async fn scenario_problems_are_placed_at_their_fields_in_the_scenario_tab() {
    let host = fresh_app().await;
    find(&host, "[data-testid=tab-scenario]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let area: HtmlTextAreaElement = find(&host, "[data-testid=scenario-editor]")
        .dyn_into()
        .unwrap();
    let broken = area.value().replace("\"memory\": 512", "\"memory\": 4");
    type_into(&area, &broken).await;
    // The tab places its marks in a task after the validation.
    next_task().await;
    let line = line_of(&broken, "\"memory\": 4");
    let found = problems(&host);
    let texts: Vec<String> = found.iter().filter_map(|p| p.text_content()).collect();
    let at_memory: Vec<_> = found
        .iter()
        .filter(|p| {
            p.text_content()
                .unwrap_or_default()
                .contains("taskDefinitions[0].containerDefinitions[0].memory")
        })
        .collect();
    assert_eq!(at_memory.len(), 1, "{texts:?}");
    assert_eq!(
        at_memory[0].get_attribute("data-line"),
        Some(line.to_string())
    );
    // Elsewhere the pane says the run keeps the last valid scenario.
    assert!(host
        .query_selector("[data-testid=scenario-status]")
        .unwrap()
        .is_none());
    find(&host, "[data-testid=tab-services]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert!(find(&host, "[data-testid=scenario-status]")
        .text_content()
        .unwrap()
        .contains("last valid version"));
    // And names the first problem, with its path, so a refused form choice says why.
    assert!(find(&host, "[data-testid=scenario-first-problem]")
        .text_content()
        .unwrap()
        .starts_with("taskDefinitions[0].containerDefinitions[0].memory"));
}

#[wasm_bindgen_test]
async fn managed_scaling_fields_are_written_to_the_capacity_provider() {
    let host = fresh_app().await;
    find(&host, "[data-testid=tab-services]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let status: HtmlInputElement = find(&host, "[data-testid=ms-status]").dyn_into().unwrap();
    status.set_checked(true);
    fire(&status, "change");
    settle().await;
    let target: HtmlInputElement = find(&host, "[data-testid=ms-target]").dyn_into().unwrap();
    assert!(
        !target.disabled(),
        "enabled managed scaling unlocks its fields"
    );
    // ManagedScaling targetCapacity is 1–100: 250 is clamped.
    target.set_value("250");
    fire(&target, "change");
    settle().await;
    let target: HtmlInputElement = find(&host, "[data-testid=ms-target]").dyn_into().unwrap();
    target.set_value("75");
    fire(&target, "change");
    settle().await;
    let warmup: HtmlInputElement = find(&host, "[data-testid=ms-warmup]").dyn_into().unwrap();
    warmup.set_value("120");
    fire(&warmup, "change");
    settle().await;
    let protection: HtmlInputElement = find(&host, "[data-testid=ms-termination-protection]")
        .dyn_into()
        .unwrap();
    protection.set_checked(true);
    fire(&protection, "change");
    settle().await;
    find(&host, "[data-testid=tab-scenario]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    let scenario: HtmlTextAreaElement = find(&host, "[data-testid=scenario-editor]")
        .dyn_into()
        .unwrap();
    let text = scenario.value();
    assert!(text.contains("\"status\": \"ENABLED\""), "{text}");
    assert!(text.contains("\"targetCapacity\": 75"), "{text}");
    assert!(text.contains("\"instanceWarmupPeriod\": 120"), "{text}");
    assert!(
        text.contains("\"managedTerminationProtection\": \"ENABLED\""),
        "{text}"
    );
    assert!(
        all(&host, "[data-testid=problem]").is_empty(),
        "the edited scenario is valid"
    );
}
