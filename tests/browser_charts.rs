//! Browser tests for the metrics panel, run in headless Chromium: a synthetic series recorded
//! into the engine's metric store is drawn as SVG with its points, target line and markers.
#![cfg(target_arch = "wasm32")]

use ecs_playground_web::metrics::MetricsPanel;
use ecs_playground_web::state::Playground;
use ecs_sim::metrics::{Dimension, MetricName, PERIOD_MS};
use ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

use ecs_playground_tests::{settle, test_host};

fn one(host: &Element, selector: &str) -> Element {
    host.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Mounts the panel over a playground whose engine ran 12 minutes (recording InstanceCount of
/// asg-m5 itself) with synthetic CPU and TargetResponseTime series (service 0), a target of
/// 50% and one marker; with
/// `record` false the engine has not run yet, so not even the task counts have a datapoint.
fn mount_with_metrics(record: bool) -> (HtmlElement, Playground) {
    let host = test_host();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let pg = Playground::new(DEFAULT_SCENARIO_JSON);
        pg.sim.update_value(|s| {
            if let Some(sim) = s {
                if record {
                    sim.run_until(12 * PERIOD_MS);
                    for m in 1..=12u64 {
                        let cpu = if m < 6 { 20.0 } else { 80.0 };
                        sim.metrics.record(
                            MetricName::CPUUtilization,
                            Dimension::Service(0),
                            m * PERIOD_MS,
                            cpu,
                        );
                        // The engine records the group's InstanceCount itself; a response
                        // time series stands for a chart that gets no new datapoint.
                        sim.metrics.record(
                            MetricName::TargetResponseTime,
                            Dimension::Service(0),
                            m * PERIOD_MS,
                            0.2,
                        );
                    }
                }
            }
        });
        pg.chart_overlays.update(|o| {
            o.targets.insert(MetricName::CPUUtilization, 50.0);
            o.markers
                .push((6 * PERIOD_MS, "scale out 6 → 9".to_string()));
        });
        pg.refresh();
        provide_context(pg);
        let _ = tx.send(pg);
        view! { <MetricsPanel /> }
    });
    handle.forget();
    let pg = rx.try_recv().expect("the playground");
    (host, pg)
}

#[wasm_bindgen_test]
async fn a_recorded_series_is_drawn_with_its_points_target_and_marker() {
    let (host, _pg) = mount_with_metrics(true);
    settle().await;
    let cpu = one(&host, "[data-testid=chart][data-title=CPUUtilization]");
    assert_eq!(cpu.get_attribute("data-empty").as_deref(), Some("false"));
    let path = one(&cpu, "[data-testid=chart-series]");
    assert_eq!(path.get_attribute("data-points").as_deref(), Some("12"));
    let d = path.get_attribute("d").unwrap_or_default();
    assert_eq!(d.matches('L').count(), 11, "{d}");
    let target = one(&cpu, "[data-testid=chart-target]");
    assert_eq!(target.get_attribute("data-value").as_deref(), Some("50"));
    assert!(target
        .text_content()
        .unwrap_or_default()
        .contains("target 50%"));
    let marker = one(&cpu, "[data-testid=chart-marker][data-at='360000']");
    assert!(marker
        .text_content()
        .unwrap_or_default()
        .contains("scale out 6 → 9"));
    // The scenario's scripted terminate-instances at 2:00 is marked from the event log.
    let action = one(&cpu, "[data-testid=chart-marker][data-at='120000']");
    assert!(
        action
            .text_content()
            .unwrap_or_default()
            .contains("terminate-instances"),
        "{:?}",
        action.text_content()
    );
    // Its label is drawn over the line (after it in the document): a line crossing a label
    // hid letters of it.
    let label = one(&cpu, "[data-testid=chart-marker-label][data-at='360000']");
    assert!(label
        .text_content()
        .unwrap_or_default()
        .contains("scale out 6 → 9"));
    assert!(
        path.compare_document_position(&label) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0,
        "the marker label is drawn before the series line"
    );
    assert!(cpu
        .query_selector("[data-testid=chart-cursor]")
        .ok()
        .flatten()
        .is_some());
    let text = cpu.text_content().unwrap_or_default();
    assert!(
        text.contains("100%") && text.contains("0:10"),
        "ticks with units: {text}"
    );
    let instances = one(
        &host,
        "[data-testid=chart][data-title='InstanceCount · asg-m5']",
    );
    assert_eq!(
        one(&instances, "[data-testid=chart-series]")
            .get_attribute("data-points")
            .as_deref(),
        Some("12")
    );
    // A metric that will never be recorded is not drawn; one line says why: the default
    // scenario sends no traffic, and utilisation comes from the traffic model.
    assert!(host
        .query_selector("[data-testid=chart][data-title=MemoryUtilization]")
        .ok()
        .flatten()
        .is_none());
    let absent = one(&host, "[data-testid=metrics-absent]")
        .text_content()
        .unwrap_or_default();
    assert!(
        absent.contains("MemoryUtilization") && absent.contains(ecs_sim::view::no_data::NO_TRAFFIC),
        "{absent}"
    );
    // Task counts are recorded for every service, traffic or not.
    let counts = one(
        &host,
        "[data-testid=chart][data-title='Running vs desired tasks']",
    );
    assert_eq!(counts.get_attribute("data-empty").as_deref(), Some("false"));
    assert!(host
        .query_selector("[data-testid=metrics-empty]")
        .ok()
        .flatten()
        .is_none());
    // For the screenshot in the report: the panel's markup, printed by the test runner.
    if let Some(panel) = host.query_selector("[data-testid=metrics]").ok().flatten() {
        web_sys::console::log_1(&format!("METRICS-PANEL-HTML {}", panel.outer_html()).into());
    }
}

/// The nodes changed under an element since [`watch`] started (each mutation record's target).
type Changed = std::rc::Rc<std::cell::RefCell<Vec<web_sys::Node>>>;

/// Watches every change under `el` (attributes, children, text), collecting the targets.
fn watch(el: &Element) -> Changed {
    let seen: Changed = Default::default();
    let sink = seen.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
        move |records: web_sys::js_sys::Array| {
            for r in records.iter() {
                if let Some(t) = r
                    .dyn_into::<web_sys::MutationRecord>()
                    .ok()
                    .and_then(|r| r.target())
                {
                    sink.borrow_mut().push(t);
                }
            }
        },
    );
    let observer =
        web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).expect("an observer");
    callback.forget();
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_subtree(true);
    observer
        .observe_with_options(el, &options)
        .expect("observing");
    seen
}

/// Lets pending mutation records reach their observers.
async fn flush() {
    settle().await;
    let _ = wasm_bindgen_futures::JsFuture::from(web_sys::js_sys::Promise::resolve(
        &wasm_bindgen::JsValue::NULL,
    ))
    .await;
}

fn changed(seen: &Changed) -> Vec<web_sys::Node> {
    seen.borrow().clone()
}

#[wasm_bindgen_test]
async fn a_new_datapoint_redraws_only_its_chart() {
    let (host, pg) = mount_with_metrics(true);
    settle().await;
    let cpu_svg = one(&host, "[data-testid=chart][data-title=CPUUtilization] svg");
    let response_svg = one(
        &host,
        "[data-testid=chart][data-title=TargetResponseTime] svg",
    );
    let cpu_watch = watch(&cpu_svg);
    let response_watch = watch(&response_svg);
    pg.sim.update_value(|s| {
        if let Some(sim) = s {
            sim.metrics.record(
                MetricName::CPUUtilization,
                Dimension::Service(0),
                13 * PERIOD_MS,
                60.0,
            );
            sim.run_until(13 * PERIOD_MS);
        }
    });
    pg.refresh();
    flush().await;
    let path = one(&cpu_svg, "[data-testid=chart-series]");
    assert_eq!(path.get_attribute("data-points").as_deref(), Some("13"));
    let cpu_cursor = one(&cpu_svg, "[data-testid=chart-cursor]");
    assert!(
        changed(&cpu_watch)
            .iter()
            .any(|n| !n.is_same_node(Some(&cpu_cursor))),
        "the chart with a new datapoint is redrawn"
    );
    // The other chart got no new datapoint: only its time cursor moved.
    let cursor = one(&response_svg, "[data-testid=chart-cursor]");
    let touched = changed(&response_watch);
    assert!(!touched.is_empty(), "the cursor moves with the clock");
    assert!(
        touched.iter().all(|n| n.is_same_node(Some(&cursor))),
        "only the cursor changed in an unchanged chart"
    );
}

#[wasm_bindgen_test]
async fn with_nothing_recorded_the_panel_says_no_data_yet() {
    let (host, _pg) = mount_with_metrics(false);
    settle().await;
    let note = one(&host, "[data-testid=metrics-empty]");
    assert!(note
        .text_content()
        .unwrap_or_default()
        .contains("No data yet"));
    assert!(host.query_selector("svg").ok().flatten().is_none());
}
