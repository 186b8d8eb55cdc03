//! Overlays read from real runs: the e2e fixture (target tracking + managed scaling), the
//! golden Spot interruption and circuit breaker rollback scenarios.

use super::*;
use crate::metrics::PERIOD_MS;
use crate::scenario::document::TimelineAction;
use crate::scenario::{parse_scenario, resolve};

const SCALING: &str = include_str!("../../../../tests/e2e/fixtures/traffic-scaling.json");
const SPOT: &str = include_str!("../../../../tests/golden/spot_interruption.json");
const ROLLBACK: &str = include_str!("../../../../tests/golden/circuit_breaker_rollback.json");

fn sim(text: &str) -> Sim {
    let doc = parse_scenario(text).expect("valid scenario");
    Sim::new(resolve(&doc).expect("resolves"))
}

fn labels(inputs: &ChartInputs) -> Vec<&str> {
    inputs.markers.iter().map(|(_, l)| l.as_str()).collect()
}

#[test]
fn target_tracking_target_value_is_the_target_line_of_its_metric() {
    let s = sim(SCALING);
    let o = chart_overlays(&s, 0);
    assert_eq!(o.targets.get(&MetricName::CPUUtilization), Some(&50.0));
    assert_eq!(o.targets.get(&MetricName::MemoryUtilization), None);
}

#[test]
fn managed_scaling_target_capacity_is_the_capacity_provider_reservation_target() {
    let s = sim(SCALING);
    let o = chart_overlays(&s, 0);
    assert_eq!(
        o.targets.get(&MetricName::CapacityProviderReservation),
        Some(&100.0)
    );
    assert_eq!(provider_target(&s, "asg-m5"), Some(100.0));
    assert_eq!(provider_target(&s, "FARGATE"), None);
}

#[test]
fn a_traffic_spike_marks_scale_out_then_the_group_growing_then_scale_in() {
    let mut s = sim(SCALING);
    s.run_until(PERIOD_MS);
    s.apply(&TimelineAction::TrafficSpike {
        service: "web".into(),
        multiplier: 300,
        duration_seconds: 300,
    })
    .expect("web has traffic");
    s.run_until(30 * PERIOD_MS);
    let o = chart_overlays(&s, 0);
    let l = labels(&o);
    // 2→4→8→10 a minute apart read as one marker through every size. The group's second scale-out waits for the
    // first instance's 300 s warm-up (DG cluster-auto-scaling), so 1→2 and 2→5 are two steps.
    assert_eq!(
        l,
        [
            "scale out 2→4→8→10",
            "instances 1→2",
            "instances 2→5",
            // The ten tasks landed unevenly over the new instances' zones; scaling in gave the
            // move up, as the service's events say.
            "AZ rebalancing",
            "rebalancing stopped",
            "scale in 10→2"
        ],
        "{l:?}"
    );
    assert!(o.markers.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn nothing_happened_means_no_markers() {
    let mut s = sim(SCALING);
    s.run_until(5 * PERIOD_MS);
    assert!(chart_overlays(&s, 0).markers.is_empty());
}

#[test]
fn a_spot_interruption_is_marked_on_its_service() {
    let mut s = sim(SPOT);
    s.run_until(300_000);
    let o = chart_overlays(&s, 0);
    assert_eq!(o.markers, vec![(120_000, "Spot interruption".to_string())]);
}

#[test]
fn spot_interruptions_close_together_are_one_marker_with_their_count() {
    let mut s = sim(SPOT);
    s.run_until(130_000);
    for at in [150_000, 200_000] {
        s.run_until(at);
        s.apply(&TimelineAction::SpotInterruption {
            service: s.model.services[0].name.clone(),
            index: 0,
        })
        .expect("a running Spot task");
    }
    s.run_until(300_000);
    let o = chart_overlays(&s, 0);
    assert_eq!(o.markers, vec![(120_000, "Spot ×3".to_string())]);
}

#[test]
fn a_spot_marker_stays_when_the_interrupted_task_is_no_longer_kept() {
    // Issue #10: markers were read from the kept tasks, so one whose task the bounded task
    // store had dropped disappeared. With no stopped task kept at all, the marker is the same.
    let mut kept = sim(SPOT);
    let mut none = sim(SPOT);
    none.keep_stopped_tasks(0);
    kept.run_until(600_000);
    none.run_until(600_000);
    assert!(none.tasks_dropped() > 0, "the interrupted task was dropped");
    assert_eq!(
        chart_overlays(&none, 0).markers,
        chart_overlays(&kept, 0).markers
    );
    assert_eq!(
        chart_overlays(&none, 0).markers,
        vec![(120_000, "Spot interruption".to_string())]
    );
}

#[test]
fn a_failed_deployment_and_its_rollback_are_marked() {
    let mut s = sim(ROLLBACK);
    s.run_until(60 * PERIOD_MS);
    let o = chart_overlays(&s, 0);
    let l = labels(&o);
    // The failure, the rollback it starts and the rollback's completion at the same instant
    // are one marker.
    assert_eq!(l, ["deployment", "failed → rolled back"], "{o:?}");
}

#[test]
fn steps_the_same_way_close_together_merge_and_others_do_not() {
    let m = |at: u64, g: &str, f: u32, t: u32| (at * 60_000, g.to_string(), f, t);
    let p = |at: u64, g: &str, path: &[u32]| (at * 60_000, g.to_string(), path.to_vec());
    let merged = merge_steps(
        vec![
            m(1, "a", 2, 4),
            m(2, "a", 4, 8),
            m(2, "b", 1, 2),
            m(3, "a", 8, 6),  // the other way: a new step
            m(20, "a", 6, 4), // too late to join
            m(21, "a", 4, 3),
        ]
        .into_iter(),
    );
    assert_eq!(
        merged,
        vec![
            p(1, "a", &[2, 4, 8]),
            p(2, "b", &[1, 2]),
            p(3, "a", &[8, 6]),
            p(20, "a", &[6, 4, 3])
        ]
    );
}

#[test]
fn a_merged_run_names_every_size_it_passed_up_to_five_then_its_ends_and_steps() {
    // Lesson 12 at a 75 % target: 2→3→4→6→7 two minutes apart read "scale out 2→7", which hid
    // the step-by-step climb the lesson teaches.
    assert_eq!(path_words(&[2, 3, 4, 6, 7]), "2→3→4→6→7");
    assert_eq!(path_words(&[4, 2]), "4→2");
    assert_eq!(path_words(&[2, 3, 4, 5, 6, 8, 12]), "2→3→…→12, 6 steps");
}

#[test]
fn managed_scaling_log_lines_are_read_and_others_are_not() {
    assert_eq!(
        parse_managed_scaling(
            "Auto Scaling group of asg scaled out to 4 instances (CapacityProviderReservation 200 > target 100)."
        ),
        Some(("asg", 4))
    );
    assert_eq!(
        parse_managed_scaling("Auto Scaling group of asg scaled in to 1 instances (…)"),
        Some(("asg", 1))
    );
    assert_eq!(
        parse_managed_scaling("Auto Scaling group of asg launched i-1 (m5.large)"),
        None
    );
}

#[test]
fn markers_are_capped_to_the_newest() {
    let mut s = sim(SPOT);
    for k in 0..30u64 {
        s.run_until((k + 2) * PERIOD_MS);
        let _ = s.apply(&TimelineAction::SpotInterruption {
            service: "web".into(),
            index: 0,
        });
    }
    let o = chart_overlays(&s, 0);
    assert!(o.markers.len() <= MAX_ENGINE_MARKERS);
}

#[test]
fn a_scheduled_action_is_marked_as_scheduled_and_named_in_the_log() {
    // The step scaling example's evening-rush action raises MinCapacity to 14 at 40:00.
    let json = crate::scenario::examples::example("step-scaling-schedule")
        .map(|e| e.json)
        .unwrap_or_default();
    let mut sim = sim(json);
    sim.run_until(45 * PERIOD_MS);
    let api = (0..sim.model.services.len())
        .find(|&s| sim.model.services[s].name == "api")
        .unwrap_or_default();
    let inputs = chart_overlays(&sim, api);
    let marks = labels(&inputs);
    assert!(
        marks
            .iter()
            .any(|l| l.starts_with("scheduled ") && l.ends_with("→14")),
        "{marks:?}"
    );
    assert!(
        marks
            .iter()
            .all(|l| !(l.starts_with("scale out") && l.ends_with("→14"))),
        "{marks:?}"
    );
    // The step policy's alarm threshold is the CPU chart's line.
    assert_eq!(inputs.targets.get(&MetricName::CPUUtilization), Some(&60.0));
    let cpu = super::super::charts::metric_chart(
        &sim,
        &super::super::charts::SERVICE_CHARTS[0],
        &crate::metrics::Dimension::Service(api),
        &ChartInputs {
            now: sim.now(),
            ..inputs.clone()
        },
    );
    assert_eq!(cpu.target.map(|t| t.label), Some("alarm > 60%".to_string()));
    let log: Vec<&str> = sim.log().iter().map(|e| e.text.as_str()).collect();
    // Application Auto Scaling's words (API DescribeScalingActivities): the action's range
    // activity names it; the count following it names the new minimum.
    assert!(
        log.iter().any(
            |l| l.starts_with("Message: Successfully set min capacity to 14")
                && l.ends_with("Cause: scheduled action name evening-rush was triggered")
        ),
        "{log:?}"
    );
    assert!(
        log.iter().any(|l| l.ends_with(
            "set desired count to 14. Change successfully fulfilled by ecs. Cause: minimum capacity was set to 14"
        )),
        "{log:?}"
    );
}

#[test]
fn lesson_16s_az_rebalancing_is_one_marker_where_its_events_say_it_began() {
    use crate::challenge::{course, Challenge};
    let c = Challenge::parse(course::lesson("zone-rebalancing").expect("lesson 16").json)
        .expect("parses");
    let solution = c.solution().expect("a solution").to_string();
    let mut s = sim(&solution);
    s.run_until(15 * 60_000);
    let said = |needle: &str| {
        s.log()
            .iter()
            .find(|e| e.text.contains(needle))
            .map(|e| e.at)
            .expect(needle)
    };
    let began = said("AZ Rebalancing in progress");
    let balanced = said("is AZ balanced");
    let o = chart_overlays(&s, 0);
    // Balanced within two minutes of its start: one marker at the start (REBALANCED_WITHIN_MS).
    assert!(balanced > began && balanced - began <= super::REBALANCED_WITHIN_MS);
    let rebalance: Vec<_> = o
        .markers
        .iter()
        .filter(|(_, l)| l.contains("balanc"))
        .collect();
    assert_eq!(
        rebalance,
        [&(began, "AZ rebalanced".to_string())],
        "{:?}",
        o.markers
    );
    // Without rebalancing (the lesson's start) there is nothing to mark.
    let mut start = sim(&c.doc.scenario.to_string());
    start.run_until(15 * 60_000);
    assert!(!labels(&chart_overlays(&start, 0))
        .iter()
        .any(|l| l.contains("balanc")));
}

#[test]
fn lesson_5s_quick_rebalancing_after_the_outage_is_one_marker() {
    // Lesson 5's presenter chart cut "AZ rebalancing" and "AZ balanced", 41 s apart at its right
    // edge, to "rebal…" and "bala…" (presenter walkthrough, 2026-12-07): one marker now.
    let mut s = sim(&crate::challenge::course::solved("spread-across-zones"));
    s.run_until(20 * 60_000);
    let o = chart_overlays(&s, 0);
    let l = labels(&o);
    // (The outage and recovery are the timeline's action markers, drawn beside these.)
    assert_eq!(l, ["AZ rebalanced"], "{l:?}");
}

#[test]
fn lesson_5s_running_tasks_chart_reads_every_marker_whole_after_the_watched_run() {
    // Presenter walkthrough 2026-12-07 (37th session): at 0:20:00 the chart drew
    // "us-east-1c outage", "1c recovered", then "rebal…" and "bala…" at its right edge.
    let solution = crate::challenge::course::solved("spread-across-zones");
    let mut sim = crate::sim::Sim::from_json(&solution).expect("valid");
    sim.run_until(20 * PERIOD_MS);
    let mut i = crate::view::charts::ChartInputs {
        now: 20 * PERIOD_MS,
        ..Default::default()
    };
    // As the page gathers them: the log's actions (at most 8), then the engine's markers.
    i.markers = crate::view::charts::action_markers(sim.log(), 8);
    i.markers.extend(chart_overlays(&sim, 0).markers);
    crate::order::sort_by_key(&mut i.markers, |(at, _)| *at);
    let charts = crate::view::charts::service_charts(&sim, 0, &i);
    let tasks = charts
        .iter()
        .find(|c| c.title.starts_with("Running"))
        .expect("the running tasks chart");
    let drawn: Vec<&str> = tasks.markers.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        drawn,
        ["1c outage", "1c recovered", "balanced"],
        "{drawn:?}"
    );
    let full: Vec<&str> = tasks.markers.iter().map(|m| m.full.as_str()).collect();
    assert!(full[2] == "AZ rebalanced", "{full:?}");
}
