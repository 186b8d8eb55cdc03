//! Shared fixtures for the cross-crate tests: the golden scenarios in `golden/` (also compiled
//! into the wasm tests, so the browser checks the same runs), the determinism cases, reading the
//! parts of a snapshot the tests assert on, and mounting the app in browser tests.

use ecs_sim::Sim;

/// Every golden scenario: (file stem in `golden/`, its text, the virtual second its test runs to).
pub const GOLDEN_SCENARIOS: &[(&str, &str, u64)] = &[
    (
        "init_containers",
        include_str!("golden/init_containers.json"),
        600,
    ),
    (
        "run_task_timeline",
        include_str!("golden/run_task_timeline.json"),
        120,
    ),
    (
        "register_container_instance",
        include_str!("golden/register_container_instance.json"),
        120,
    ),
    (
        "set_desired_capacity",
        include_str!("golden/set_desired_capacity.json"),
        240,
    ),
    (
        "fargate_base_weight",
        include_str!("golden/fargate_base_weight.json"),
        120,
    ),
    (
        "spread_seven_over_three_zones",
        include_str!("golden/spread_seven_over_three_zones.json"),
        60,
    ),
    (
        "memory_exhaustion",
        include_str!("golden/memory_exhaustion.json"),
        60,
    ),
    (
        "binpack_memory",
        include_str!("golden/binpack_memory.json"),
        60,
    ),
    (
        "distinct_instance",
        include_str!("golden/distinct_instance.json"),
        60,
    ),
    (
        "member_of_instance_type",
        include_str!("golden/member_of_instance_type.json"),
        60,
    ),
    (
        "terminate_instance",
        include_str!("golden/terminate_instance.json"),
        300,
    ),
    (
        "drain_instance",
        include_str!("golden/drain_instance.json"),
        200,
    ),
    ("crash_loop", include_str!("golden/crash_loop.json"), 300),
    ("pull_fails", include_str!("golden/pull_fails.json"), 300),
    (
        "health_check_fails",
        include_str!("golden/health_check_fails.json"),
        120,
    ),
    (
        "rolling_update",
        include_str!("golden/rolling_update.json"),
        300,
    ),
    ("daemon", include_str!("golden/daemon.json"), 300),
    (
        "rolling_update_50_200",
        include_str!("golden/rolling_update_50_200.json"),
        300,
    ),
    (
        "rolling_update_edge_cases",
        include_str!("golden/rolling_update_edge_cases.json"),
        300,
    ),
    (
        "circuit_breaker_threshold",
        include_str!("golden/circuit_breaker_threshold.json"),
        300,
    ),
    (
        "circuit_breaker_rollback",
        include_str!("golden/circuit_breaker_rollback.json"),
        300,
    ),
    (
        "canary_10_percent",
        include_str!("golden/canary_10_percent.json"),
        1200,
    ),
    (
        "scale_in_while_draining",
        include_str!("golden/scale_in_while_draining.json"),
        120,
    ),
    (
        "alb_target_lifecycle",
        include_str!("golden/alb_target_lifecycle.json"),
        520,
    ),
    (
        "traffic_step_doubles_cpu",
        include_str!("golden/traffic_step_doubles_cpu.json"),
        540,
    ),
    (
        "discovery_cloud_map_dns",
        include_str!("golden/discovery_cloud_map_dns.json"),
        240,
    ),
    (
        "discovery_service_connect",
        include_str!("golden/discovery_service_connect.json"),
        240,
    ),
    (
        "managed_scaling",
        include_str!("golden/managed_scaling.json"),
        1260,
    ),
    (
        "spot_interruption",
        include_str!("golden/spot_interruption.json"),
        240,
    ),
    (
        "target_tracking_cpu",
        include_str!("golden/target_tracking_cpu.json"),
        900,
    ),
    (
        "target_tracking_alb_requests",
        include_str!("golden/target_tracking_alb_requests.json"),
        900,
    ),
    (
        "traffic_spike_scaling",
        include_str!("golden/traffic_spike_scaling.json"),
        3120,
    ),
    (
        "canary_alb_traffic",
        include_str!("golden/canary_alb_traffic.json"),
        1200,
    ),
    (
        "elb_health_rollback",
        include_str!("golden/elb_health_rollback.json"),
        480,
    ),
    (
        "managed_scaling_binpack_host_port_80",
        include_str!("golden/managed_scaling_binpack_host_port_80.json"),
        720,
    ),
    (
        "managed_scaling_binpack_gpus",
        include_str!("golden/managed_scaling_binpack_gpus.json"),
        720,
    ),
    (
        "asg_default_termination_policy",
        include_str!("golden/asg_default_termination_policy.json"),
        3720,
    ),
];

/// Trace hashes recorded natively, checked again in wasm.
pub const TRACE_HASHES_JSON: &str = include_str!("trace-hashes.json");

/// (name, scenario text, seconds to run) for the determinism checks: the default scenario
/// (EC2 + Fargate + Fargate Spot, a terminated instance) over two horizons, a crash loop, and
/// every golden scenario.
pub fn trace_hash_cases() -> Vec<(String, String, u64)> {
    let default = ecs_sim::scenario::DEFAULT_SCENARIO_JSON.to_string();
    // The web image crashes 20 s after it starts: replacements all the way out.
    let crashing = default.replacen(
        "{ \"pullSeconds\": 6, \"startSeconds\": 1 }",
        "{ \"pullSeconds\": 6, \"startSeconds\": 1, \"crashAfterSeconds\": 20 }",
        1,
    );
    let mut cases = vec![
        ("default-600s".to_string(), default.clone(), 600),
        ("default-3600s".to_string(), default, 3600),
        ("crash-loop-3600s".to_string(), crashing, 3600),
    ];
    for (name, text, seconds) in GOLDEN_SCENARIOS {
        cases.push((format!("golden/{name}"), text.to_string(), *seconds));
    }
    cases
}

/// Runs a scenario for `seconds` and returns its trace hash.
pub fn run_hash(text: &str, seconds: u64) -> String {
    match Sim::from_json(text) {
        Ok(mut sim) => {
            sim.run_until(seconds * 1000);
            sim.trace_hash()
        }
        Err(e) => format!("invalid scenario: {e}"),
    }
}

/// Every lesson's verdicts recorded natively (`lesson-verdicts.json`), checked again in wasm:
/// the course must grade the same in the browser as `ecs-sim check` does.
pub const LESSON_VERDICTS_JSON: &str = include_str!("lesson-verdicts.json");

/// Per lesson, the reports of checking its start, its solution and its second solution, as
/// JSON text.
pub fn lesson_verdicts() -> std::collections::BTreeMap<String, String> {
    use ecs_sim::challenge::{check, course, editable, Challenge};
    course::LESSONS
        .iter()
        .map(|l| {
            let report = |c: &Challenge, v: &serde_json::Value| {
                serde_json::to_value(check(c, &ecs_sim::form::to_text(v))).unwrap_or_default()
            };
            let verdict = match Challenge::parse(l.json) {
                Ok(c) => {
                    let other = l.other_solution.and_then(|o| {
                        let edits: Vec<serde_json::Value> = serde_json::from_str(o).ok()?;
                        editable::apply_edits(&c.doc.scenario, &edits).ok()
                    });
                    serde_json::json!({
                        "start": report(&c, &c.doc.scenario),
                        "solution": c.solution().map(|s| report(&c, &s)),
                        "other": other.map(|s| report(&c, &s)),
                    })
                    .to_string()
                }
                Err(e) => format!("invalid lesson: {e}"),
            };
            (l.id.to_string(), verdict)
        })
        .collect()
}

/// A fresh element appended to the page's body, for a browser test to mount into.
#[cfg(target_arch = "wasm32")]
pub fn test_host() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an element");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    host
}

/// Mounts the whole playground into a fresh element (browser tests).
#[cfg(target_arch = "wasm32")]
pub fn mount_app() -> web_sys::HtmlElement {
    let host = test_host();
    leptos::mount::mount_to(host.clone(), ecs_playground_web::app::App).forget();
    host
}

/// Lets Leptos run the effects and renders a change schedules (browser tests).
#[cfg(target_arch = "wasm32")]
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Waits for the page's next task (a zero-delay timeout), then settles: what the app defers to
/// a task of its own (the Scenario JSON tab places its marks after the validation) is done.
#[cfg(target_arch = "wasm32")]
pub async fn next_task() {
    let promise = wasm_bindgen_futures::js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    settle().await;
}

/// Waits until a Step's redraw is on the page: Step runs the engine in the click's task and
/// redraws in the next ones (read the snapshot, show it, the service cards, the log).
#[cfg(target_arch = "wasm32")]
pub async fn after_step() {
    for _ in 0..5 {
        next_task().await;
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
