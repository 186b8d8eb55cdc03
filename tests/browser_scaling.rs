//! Browser tests for the Service Auto Scaling form, run in headless Chromium: the step-scaling
//! example's step policy, step rows and scheduled action are edited through their cards, and
//! target tracking policies are added and removed; each test reads back the scenario text the
//! playground holds (the Scenario JSON tab).
#![cfg(target_arch = "wasm32")]

use ecs_playground_tests::{mount_app, settle};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "export function clear_hash() { history.replaceState(null, '', location.pathname + location.search); }"
)]
extern "C" {
    /// Forgets the scenario an earlier test left in the URL (the app shares it there).
    fn clear_hash();
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

async fn click(host: &Element, selector: &str) {
    find(host, selector)
        .dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
    settle().await;
}

/// Types `value` into the input and commits it as leaving the field would.
async fn change(host: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(host, selector).dyn_into().expect("an input");
    input.set_value(value);
    fire(&input, "change");
    settle().await;
}

fn value(host: &Element, selector: &str) -> String {
    find(host, selector)
        .dyn_into::<HtmlInputElement>()
        .expect("an input")
        .value()
}

/// A fresh playground with the example `id` loaded from the Examples menu, on the Service
/// settings tab.
async fn app_with_example(id: &str) -> HtmlElement {
    clear_hash();
    let host = mount_app();
    settle().await;
    let menu: HtmlSelectElement = find(&host, "[data-testid=examples]")
        .dyn_into()
        .expect("a select");
    menu.set_value(id);
    fire(&menu, "change");
    settle().await;
    click(&host, "[data-testid=tab-services]").await;
    host
}

/// The scenario text the playground holds, as the Scenario JSON tab shows it; back to the
/// Service settings tab afterwards.
async fn scenario_text(host: &Element) -> String {
    click(host, "[data-testid=tab-scenario]").await;
    let text = find(host, "[data-testid=scenario-editor]")
        .dyn_into::<HtmlTextAreaElement>()
        .expect("a text area")
        .value();
    click(host, "[data-testid=tab-services]").await;
    text
}

fn errors(host: &Element) -> Vec<String> {
    all(host, "[data-testid=scaling-error]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect()
}

/// The scenario text as JSON.
fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the scenario is JSON")
}

#[wasm_bindgen_test]
async fn step_policy_threshold_steps_and_scheduled_min_are_written_to_the_scenario() {
    let host = app_with_example("step-scaling-schedule").await;
    let card = "[data-testid=policy-card][data-policy=cpu-steps]";
    assert_eq!(
        value(&host, &format!("{card} [data-testid=step-threshold]")),
        "60"
    );
    change(&host, &format!("{card} [data-testid=step-threshold]"), "75").await;
    // Moving the first row's upper bound moves the second row's lower bound with it.
    change(&host, &format!("{card} [data-testid=step-upper]"), "30").await;
    let lowers: Vec<String> = all(&host, &format!("{card} [data-testid=step-lower]"))
        .into_iter()
        .filter_map(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .collect();
    assert_eq!(lowers, ["0", "30"]);
    change(
        &host,
        "[data-testid=scheduled-action][data-action=evening-rush] [data-testid=sa-min]",
        "12",
    )
    .await;
    assert!(errors(&host).is_empty(), "{:?}", errors(&host));
    let text = scenario_text(&host).await;
    let doc = json(&text);
    let policy = &doc["scalingPolicies"][0];
    assert_eq!(policy["policyName"], "cpu-steps");
    assert_eq!(policy["alarm"]["threshold"], json!(75));
    assert_eq!(
        policy["stepScalingPolicyConfiguration"]["stepAdjustments"],
        json!([
            { "metricIntervalLowerBound": 0, "metricIntervalUpperBound": 30, "scalingAdjustment": 2 },
            { "metricIntervalLowerBound": 30, "scalingAdjustment": 4 }
        ])
    );
    assert_eq!(
        doc["scheduledActions"][0]["scalableTargetAction"],
        json!({ "minCapacity": 12, "maxCapacity": 20 })
    );
    assert!(
        all(&host, "[data-testid=problem]").is_empty(),
        "the edited scenario is valid"
    );
    // A step whose lower bound passes its upper bound, and a cron schedule with both day
    // fields set (one must be `?`), are refused with the field named, and nothing changes.
    change(&host, &format!("{card} [data-testid=step-lower]"), "40").await;
    change(
        &host,
        "[data-testid=scheduled-action] [data-testid=sa-schedule]",
        "cron(0 18 * * MON-FRI *)",
    )
    .await;
    let shown = errors(&host);
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("stepAdjustments[0]: metricIntervalLowerBound must be below")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("evening-rush: schedule: cron: exactly one of")),
        "{shown:?}"
    );
    assert_eq!(scenario_text(&host).await, text);
}

#[wasm_bindgen_test]
async fn target_tracking_policies_are_added_on_free_metrics_and_removed_by_name() {
    let host = app_with_example("step-scaling-schedule").await;
    assert!(
        all(&host, "[data-testid=tt-target]").is_empty(),
        "the example has a step policy only"
    );
    click(&host, "[data-testid=add-target-tracking]").await;
    let card = "[data-testid=policy-card][data-policy=api-target-tracking]";
    assert_eq!(
        find(&host, &format!("{card} [data-testid=tt-metric]"))
            .dyn_into::<HtmlSelectElement>()
            .expect("a select")
            .value(),
        "ECSServiceAverageCPUUtilization"
    );
    // The first target tracking card answers to the single-policy form's test ids.
    change(&host, "[data-testid=tt-target]", "65").await;
    click(&host, "[data-testid=add-target-tracking]").await;
    let second = "[data-testid=policy-card][data-policy=api-target-tracking-2]";
    assert_eq!(
        find(&host, &format!("{second} [data-testid=tt-metric]"))
            .dyn_into::<HtmlSelectElement>()
            .expect("a select")
            .value(),
        "ECSServiceAverageMemoryUtilization"
    );
    // Tracking CPU twice is refused, naming the policy that already does.
    let metric: HtmlSelectElement = find(&host, &format!("{second} [data-testid=tt-metric]"))
        .dyn_into()
        .expect("a select");
    metric.set_value("ECSServiceAverageCPUUtilization");
    fire(&metric, "change");
    settle().await;
    let shown = errors(&host);
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("predefinedMetricType") && e.contains("'api-target-tracking'")),
        "{shown:?}"
    );
    let names: Vec<String> = all(&host, "[data-testid=policy-name]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(
        names,
        ["cpu-steps", "api-target-tracking", "api-target-tracking-2"]
    );
    click(&host, &format!("{card} [data-testid=policy-remove]")).await;
    let names: Vec<String> = all(&host, "[data-testid=policy-name]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(names, ["cpu-steps", "api-target-tracking-2"]);
    let doc = json(&scenario_text(&host).await);
    let policies: Vec<(&str, &str)> = doc["scalingPolicies"]
        .as_array()
        .expect("policies")
        .iter()
        .map(|p| {
            (
                p["policyName"].as_str().unwrap_or_default(),
                p.pointer("/targetTrackingScalingPolicyConfiguration/predefinedMetricSpecification/predefinedMetricType")
                    .and_then(Value::as_str)
                    .unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        policies,
        [
            ("cpu-steps", "-"),
            (
                "api-target-tracking-2",
                "ECSServiceAverageMemoryUtilization"
            )
        ]
    );
    assert!(
        all(&host, "[data-testid=problem]").is_empty(),
        "still valid"
    );
    // The remaining policy is now the first target tracking policy.
    assert_eq!(value(&host, "[data-testid=tt-target]"), "50");
    // The card says what its target counts, and after a change of metric that the kept number
    // now counts something else (engineer walkthrough, 2026-12-07).
    let unit = |host: &Element| {
        find(host, "[data-testid=tt-unit]")
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(unit(&host), "Target counts % memory.");
    let metric: HtmlSelectElement = find(&host, "[data-testid=tt-metric]")
        .dyn_into()
        .expect("a select");
    metric.set_value("ECSServiceAverageCPUUtilization");
    fire(&metric, "change");
    settle().await;
    assert_eq!(
        unit(&host),
        "The target is now 50 % CPU (it was 50 % memory): check the number."
    );
    change(&host, "[data-testid=tt-target]", "60").await;
    assert_eq!(unit(&host), "Target counts % CPU.");
}
