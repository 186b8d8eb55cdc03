//! Every lesson teaches something: it parses, its start fails, its solution passes, and a
//! different solution passes where the goals allow one.

use super::LESSONS;
use crate::challenge::{check, editable, Challenge};
use serde_json::Value;

fn load(id: &str, json: &str) -> Challenge {
    match Challenge::parse(json) {
        Ok(c) => c,
        Err(e) => panic!("lesson {id} does not load: {e}"),
    }
}

#[test]
fn every_lesson_loads_with_its_id_and_has_hints_a_solution_and_an_explanation() {
    let mut ids = std::collections::BTreeSet::new();
    for l in LESSONS {
        let c = load(l.id, l.json);
        assert_eq!(c.doc.id, l.id);
        assert!(ids.insert(l.id), "{} twice", l.id);
        assert!(!c.doc.hints.is_empty(), "{}: no hints", l.id);
        assert!(c.doc.solution.is_some(), "{}: no solution", l.id);
        assert!(!c.doc.explain.trim().is_empty(), "{}: no explanation", l.id);
        assert!(!c.doc.editable.is_empty(), "{}: nothing editable", l.id);
    }
}

#[test]
fn every_lesson_starts_failing_at_least_one_goal() {
    for l in LESSONS {
        let c = load(l.id, l.json);
        let r = check(&c, &c.start_text());
        assert!(
            r.problems.is_empty(),
            "{}: start refused: {:?}",
            l.id,
            r.problems
        );
        assert!(!r.passed, "{}: the start already passes", l.id);
    }
}

#[test]
fn every_lesson_solution_passes_every_goal() {
    for l in LESSONS {
        let c = load(l.id, l.json);
        let Some(solution) = c.solution() else {
            panic!("{}: no solution", l.id)
        };
        let r = check(&c, &crate::form::to_text(&solution));
        assert!(
            r.passed,
            "{}: the solution fails: {:?} {:?}",
            l.id, r.problems, r.goals
        );
        assert!(r.completion_code.is_some());
    }
}

#[test]
fn a_second_different_solution_passes_where_listed() {
    for l in LESSONS {
        let Some(edits) = l.other_solution else {
            continue;
        };
        let id = l.id;
        let c = load(id, l.json);
        let edits: Vec<Value> = serde_json::from_str(edits).expect("edits are JSON");
        let other = editable::apply_edits(&c.doc.scenario, &edits).expect("edits apply");
        assert_ne!(
            Some(&other),
            c.solution().as_ref(),
            "{id}: same as the reference"
        );
        let r = check(&c, &crate::form::to_text(&other));
        assert!(
            r.passed,
            "{id}: the second solution fails: {:?} {:?}",
            r.problems, r.goals
        );
    }
}

/// The course's lesson `id`, loaded.
fn lesson(id: &str) -> Challenge {
    let l = LESSONS
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no lesson {id}"));
    load(id, l.json)
}

/// The lesson `id`'s reference solution with `change` made to it, checked.
fn check_solution_with(id: &str, change: impl FnOnce(&mut Value)) -> crate::challenge::Report {
    let c = lesson(id);
    let mut s = c.solution().expect("a solution");
    change(&mut s);
    check(&c, &crate::form::to_text(&s))
}

/// Goal `id`'s verdict in `r`.
fn goal<'a>(r: &'a crate::challenge::Report, id: &str) -> &'a crate::challenge::GoalVerdict {
    r.goals
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("no goal {id}"))
}

#[test]
fn service_auto_scaling_fails_a_policy_without_the_budget_ceiling() {
    // A walkthrough passed lesson 12 with maxCapacity 20: the rush needed only 6 tasks, so the
    // ceiling was never tested. The rush is now large enough that a 50% CPU target asks for 10.
    let r = check_solution_with("service-auto-scaling", |s| {
        s["scalableTargets"][0]["maxCapacity"] = 20.into();
    });
    assert!(!r.passed, "maxCapacity 20 passed: {:?}", r.goals);
    let budget = goal(&r, "budget");
    assert!(!budget.met(), "{budget:?}");
}

#[test]
fn service_auto_scaling_fails_a_ceiling_less_policy_that_stops_at_8_during_the_sale() {
    // A student walkthrough passed lesson 12 with a 65% target and maxCapacity 1000: the sale
    // never asked for more than 8. The bot storm at 30:00 does (targetValue 63: fails only at
    // 33:01, on the storm, per the review of 2026-12-05).
    for target in [63, 65] {
        let r = check_solution_with("service-auto-scaling", |s| {
            s["scalableTargets"][0]["maxCapacity"] = 1000.into();
            s["scalingPolicies"][0]["targetTrackingScalingPolicyConfiguration"]["targetValue"] =
                target.into();
        });
        let budget = goal(&r, "budget");
        assert!(!budget.met(), "target {target}: {budget:?}");
        assert!(
            matches!(budget.state, crate::challenge::evaluate::GoalState::Failed { at_ms, .. } if at_ms >= 1_800_000),
            "target {target}: {budget:?}"
        );
    }
}

#[test]
fn service_auto_scaling_passes_the_textbook_70_to_80_percent_targets_and_fails_90() {
    // Student walkthrough (2026-12-05): a 75% CPU target failed the response time, because the
    // engine waited out the whole scale-out cooldown although CPU cannot show more than 100%. A
    // larger scale-out now goes ahead during the cooldown (API
    // TargetTrackingScalingPolicyConfiguration, ScaleOutCooldown).
    for target in [70, 75, 80] {
        let r = check_solution_with("service-auto-scaling", |s| {
            s["scalingPolicies"][0]["targetTrackingScalingPolicyConfiguration"]["targetValue"] =
                target.into();
        });
        assert!(r.passed, "target {target}: {:?}", r.goals);
    }
    // 90%: it stops at 6 tasks at 83% CPU, whose requests queue past 100 ms.
    let r = check_solution_with("service-auto-scaling", |s| {
        s["scalingPolicies"][0]["targetTrackingScalingPolicyConfiguration"]["targetValue"] =
            90.into();
    });
    assert!(!goal(&r, "response-time").met(), "{:?}", r.goals);
}

#[test]
fn cluster_auto_scaling_fails_a_group_left_open_to_50_instances() {
    // A student walkthrough passed lesson 13 with maxSize 50: 3 instances were all it needed.
    // The raise to 12 tasks at 14:00 needs 6, and only maxSize 4 holds the budget.
    let r = check_solution_with("cluster-auto-scaling", |s| {
        s["capacityProviders"][0]["autoScalingGroupProvider"]["autoScalingGroup"]["maxSize"] =
            50.into();
    });
    assert!(!r.passed, "maxSize 50 passed: {:?}", r.goals);
    let budget = goal(&r, "budget");
    assert!(!budget.met(), "{budget:?}");
}

#[test]
fn fargate_spot_base_weight_fails_weights_alone_once_the_service_scales_in() {
    // Weights alone passed lesson 4 at 10 tasks (1 to 4 gives 2 to FARGATE). The timeline now
    // scales in to 3 at 7:30, where a weights-only split keeps 1 task on FARGATE and a base
    // keeps 2 (API CapacityProviderStrategyItem: base is the minimum to run on the provider). A
    // scale-in to 5 still let 1 to 2 and ten other pairs pass (student walkthrough, 2026-12-05);
    // at 3 none of FARGATE 1–7 against FARGATE_SPOT 1–10 does.
    for spot_weight in [2, 3, 4] {
        let r = check_solution_with("fargate-spot-base-weight", |s| {
            s["services"][0]["capacityProviderStrategy"] = serde_json::json!([
                {"capacityProvider": "FARGATE", "weight": 1},
                {"capacityProvider": "FARGATE_SPOT", "weight": spot_weight}
            ]);
        });
        assert!(!r.passed, "1 to {spot_weight} passed: {:?}", r.goals);
        let floor = goal(&r, "on-demand-floor");
        assert!(!floor.met(), "{floor:?}");
    }
}

#[test]
fn deregistration_delay_fails_a_zero_delay_that_cuts_requests_in_flight() {
    // A review passed lesson 8 with deregistrationDelaySeconds 0, which its explanation warns
    // against: the requests each replaced task had in flight are now cut and counted as load
    // balancer 5xx (ALB User Guide, deregistration delay).
    let r = check_solution_with("deregistration-delay", |s| {
        s["targetGroups"][0]["deregistrationDelaySeconds"] = 0.into();
    });
    assert!(!r.passed, "a zero delay passed: {:?}", r.goals);
    assert!(!goal(&r, "no-elb-5xx").met());
    assert!(goal(&r, "no-target-5xx").met());
    // A delay longer than a request (one second) cuts nothing.
    let r = check_solution_with("deregistration-delay", |s| {
        s["targetGroups"][0]["deregistrationDelaySeconds"] = 1.into();
    });
    assert!(r.passed, "{:?}", r.goals);
}

#[test]
fn cluster_auto_scaling_counts_tasks_waiting_in_provisioning_as_unplaced() {
    // Managed scaling on but the group capped at 2 instances: the two new tasks wait in
    // PROVISIONING (created, no instance). The walkthrough saw "no task left unplaced" met here.
    let r = check_solution_with("cluster-auto-scaling", |s| {
        s["capacityProviders"][0]["autoScalingGroupProvider"]["autoScalingGroup"]["maxSize"] =
            2.into();
    });
    let unplaced = goal(&r, "none-unplaced");
    assert!(!unplaced.met(), "{unplaced:?}");
}

#[test]
fn spread_across_zones_fails_a_random_strategy_on_its_seed() {
    // `random` may or may not keep two thirds of the tasks out of the failed zone; the lesson
    // runs a seed where it does not (a walkthrough passed with random on the old seed), so a
    // pass means a strategy that spreads on purpose.
    let r = check_solution_with("spread-across-zones", |s| {
        s["services"][0]["placementStrategy"] = serde_json::json!([{ "type": "random" }]);
    });
    assert!(!r.passed, "random passed: {:?}", r.goals);
}

#[test]
fn zone_rebalancing_fails_rebalancing_turned_off_and_refuses_it_on_an_ineligible_service() {
    // Zone spread first but DISABLED: the new instance in us-east-1a stays empty.
    let r = check_solution_with("zone-rebalancing", |s| {
        s["services"][0]["availabilityZoneRebalancing"] = "DISABLED".into();
    });
    assert!(!r.passed, "DISABLED passed: {:?}", r.goals);
    assert!(!goal(&r, "three-zones").met(), "{:?}", r.goals);
    // ENABLED on the start's instanceId-first service: refused, naming why (DG
    // service-rebalancing: the first strategy must spread across zones).
    let r = check_solution_with("zone-rebalancing", |s| {
        s["services"][0]["placementStrategy"] =
            serde_json::json!([{ "type": "spread", "field": "instanceId" }]);
        s["services"][0]["availabilityZoneRebalancing"] = "ENABLED".into();
    });
    assert!(!r.passed);
    assert!(
        r.problems
            .iter()
            .any(|p| p.path == "services[0].availabilityZoneRebalancing"
                && p.message.contains("first placement strategy")),
        "{:?}",
        r.problems
    );
}

#[test]
fn every_goal_text_writes_its_times_as_h_mm_ss() {
    // The generated sentences say "until 0:15:00" and the builder and Run to take h:mm:ss; a
    // lesson's own "COMPLETED by 10:00" beside them read as ten hours (walkthrough, 2026-12-04).
    for l in LESSONS {
        let c = load(l.id, l.json);
        for g in &c.doc.goals {
            let words: Vec<&str> = g
                .text
                .split(|ch: char| !(ch.is_ascii_digit() || ch == ':'))
                .filter(|w| w.contains(':') && w.chars().any(|ch| ch.is_ascii_digit()))
                .collect();
            for w in words {
                let parts: Vec<&str> = w.split(':').collect();
                let h_mm_ss = parts.len() == 3
                    && parts[1].len() == 2
                    && parts[2].len() == 2
                    && parts
                        .iter()
                        .all(|p| p.chars().all(|ch| ch.is_ascii_digit()));
                assert!(
                    h_mm_ss || parts.first().is_some_and(|p| p.is_empty()),
                    "{}: goal {} writes the time {w:?} in {:?}",
                    l.id,
                    g.id,
                    g.text
                );
            }
        }
    }
}

#[test]
fn a_failed_advice_goal_shows_the_first_finding_not_the_end_of_the_run() {
    // The goal's Show used to run to 0:15:00 and its detail named only a count of findings
    // (student walkthrough). Lesson 7's start, its application taking 300 s to start: its
    // unhealthy tasks are stopped (from 2:22, once their replacements are unhealthy too) well
    // inside their start-up. (With the lesson's own 100 s they are stopped after it, since
    // 2026-12-06, when an unhealthy task started waiting for its replacement.)
    let mut doc: serde_json::Value = serde_json::from_str(
        crate::challenge::course::lesson("health-check-grace-period")
            .expect("lesson 7")
            .json,
    )
    .expect("lesson 7 is JSON");
    doc["scenario"]["images"]["example/reports:3.1"]["startSeconds"] = serde_json::json!(300);
    let c = Challenge::parse(&doc.to_string()).expect("the changed lesson parses");
    let r = check(&c, &c.start_text());
    match &goal(&r, "no-early-kills").state {
        crate::challenge::GoalState::Failed { at_ms, detail } => {
            assert!(*at_ms < 900_000, "at {at_ms}");
            // In the finding's own words, without the rule's ID (student walkthrough).
            assert!(
                detail.starts_with("service reports did stop ")
                    && detail.contains("before their start-up finished, first at "),
                "{detail}"
            );
            assert!(!detail.contains("advice rule"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lesson_7_passes_from_about_250_s_of_grace_and_not_at_a_first_try_of_120_s() {
    // Student walkthrough, 2026-12-06: once scale-in stopped unhealthy tasks first, 120–170 s
    // passed (the first tasks, replaced at 2:11, were kept when they turned healthy at 4:11),
    // though their needless replacements are what the lesson is about; the PENDING goal catches
    // them. Hint 3 says "anything from about 250 to 510 s works".
    let c = lesson("health-check-grace-period");
    let with_grace = |g: u32| {
        let mut doc: serde_json::Value = serde_json::from_str(&c.start_text()).expect("JSON");
        doc["services"][0]["healthCheckGracePeriodSeconds"] = serde_json::json!(g);
        check(&c, &doc.to_string())
    };
    for g in [120, 170, 240] {
        let r = with_grace(g);
        assert!(!r.passed, "{g} s passed");
        assert!(
            matches!(
                goal(&r, "no-needless-replacements").state,
                crate::challenge::GoalState::Failed { .. }
            ),
            "{g} s"
        );
    }
    for g in [250, 300, 510] {
        assert!(with_grace(g).passed, "{g} s failed");
    }
    assert!(!with_grace(600).passed);
    // Just short of enough, a grace period fails only the replacements it caused: at 200 s the
    // old tasks turn healthy at 4:11 beside three replacements still to pass a check, and the
    // scale-in stops the replacements. It stopped two of the healthy tasks instead and failed 3
    // of 4 goals, worse than 150 s (student walkthrough 2026-12-06).
    for g in [150, 200] {
        let r = with_grace(g);
        let failed: Vec<&str> = r
            .goals
            .iter()
            .filter(|v| !matches!(v.state, crate::challenge::GoalState::Met { .. }))
            .map(|v| v.id.as_str())
            .collect();
        assert_eq!(failed, ["no-needless-replacements"], "{g} s");
    }
    assert!(c.doc.hints.iter().any(|h| h.contains("250 to 510 s")));
}

#[test]
fn a_failed_sum_goal_shows_the_minute_it_went_over_not_the_end_of_the_window() {
    // Lesson 11's start fails requests from 3:12 on (its first batch drains 30 s before web:2
    // starts): "the sum … was 6,802" offered Show 0:15:00, long after the errors (instructor
    // walkthrough).
    let c = lesson("canary-blast-radius");
    let r = check(&c, &c.start_text());
    match &goal(&r, "few-target-5xx").state {
        crate::challenge::GoalState::Failed { at_ms, detail } => {
            assert_eq!(*at_ms, 240_000);
            assert!(
                detail.contains("from the minute ending 0:04:00"),
                "{detail}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_small_canary_limits_the_blast_radius_that_blue_green_and_a_half_canary_do_not() {
    // With the deployment alarm, lesson 11 separates the strategies: blue/green moves every
    // request to web:2 at once (about 2,400 fail), a 50 % canary half of them, a 10 % canary
    // about 240.
    let bg = check_solution_with("canary-blast-radius", |s| {
        let dc = &mut s["services"][0]["deploymentConfiguration"];
        dc["strategy"] = "BLUE_GREEN".into();
        dc.as_object_mut().map(|o| o.remove("canaryConfiguration"));
    });
    assert!(bg.problems.is_empty(), "{:?}", bg.problems);
    assert!(!goal(&bg, "few-target-5xx").met(), "{:?}", bg.goals);
    assert!(goal(&bg, "rolled-back").met());
    let half = check_solution_with("canary-blast-radius", |s| {
        s["services"][0]["deploymentConfiguration"]["canaryConfiguration"]["canaryPercent"] =
            50.into();
    });
    assert!(half.problems.is_empty(), "{:?}", half.problems);
    assert!(!goal(&half, "few-target-5xx").met(), "{:?}", half.goals);
}

#[test]
fn lesson_11_explanation_figures_for_the_reference_and_the_forms_canary_hold() {
    // The explanation: "about 240 requests failed with 10 % (about 120 with the form's 5 %)"
    // (review, 28th session: the 5 % figure was untested).
    let failed = |percent: u32, bake: u32| {
        let c = lesson("canary-blast-radius");
        let mut s = c.solution().expect("a solution");
        let canary = &mut s["services"][0]["deploymentConfiguration"]["canaryConfiguration"];
        canary["canaryPercent"] = percent.into();
        canary["canaryBakeTimeInMinutes"] = bake.into();
        let mut sim = crate::sim::Sim::from_json(&crate::form::to_text(&s)).expect("it loads");
        sim.run_until(900_000);
        sim.metrics
            .series(
                crate::metrics::MetricName::HTTPCode_Target_5XX_Count,
                &crate::metrics::Dimension::Service(0),
            )
            .iter()
            .map(|d| d.value)
            .sum::<f64>()
    };
    let reference = failed(10, 5);
    assert!((200.0..=280.0).contains(&reference), "10 %: {reference}");
    let form = failed(5, 10);
    assert!((100.0..=140.0).contains(&form), "5 %: {form}");
}

#[test]
fn lesson_texts_use_no_emphasis_the_page_cannot_draw() {
    // The page draws text, `code`, [links](…) and times; `*word*` showed its asterisks (lesson 3
    // hint 3, student walkthrough).
    for l in LESSONS {
        let c = load(l.id, l.json);
        let texts = std::iter::once(c.doc.brief.as_str())
            .chain(std::iter::once(c.doc.explain.as_str()))
            .chain(c.doc.hints.iter().map(String::as_str));
        for t in texts {
            let stars = t.split('`').step_by(2).any(|outside| {
                outside
                    .split('*')
                    .skip(1)
                    .any(|after| after.chars().next().is_some_and(char::is_alphabetic))
            });
            assert!(!stars, "{}: {t}", l.id);
        }
    }
}

#[test]
fn live_goals_are_not_judged_on_a_moment_outside_their_window() {
    // The page observes its live goals once a frame. After "+10 min" from 0:00, lesson 4's
    // "at least 9 running until the scale-in at 0:07:30" was failed with the 3 tasks left at
    // 0:10:00, though Check (which stops at 0:07:29) met it (instructor walkthrough).
    let c = lesson("fargate-spot-base-weight");
    let state = |e: &crate::challenge::evaluate::Evaluation, id: &str| {
        e.verdicts()
            .into_iter()
            .find(|g| g.id == id)
            .map(|g| g.state)
            .expect("goal")
    };
    use crate::challenge::GoalState;
    // Jumped over the whole window: left for Check.
    let mut sim = crate::sim::Sim::from_json(&c.start_text()).expect("start");
    let mut live = c.evaluation(&sim).expect("goals");
    live.observe(&sim);
    sim.run_until(600_000);
    live.observe(&sim);
    assert_eq!(state(&live, "nine-running"), GoalState::Pending);
    // Observed inside the window, then past its end: what was seen decides it.
    let mut sim = crate::sim::Sim::from_json(&c.start_text()).expect("start");
    let mut live = c.evaluation(&sim).expect("goals");
    for t in [0, 200_000, 400_000, 600_000] {
        sim.run_until(t);
        live.observe(&sim);
    }
    assert_eq!(
        state(&live, "nine-running"),
        GoalState::Met { at_ms: 449_000 }
    );
    // Check agrees.
    let r = check(&c, &c.start_text());
    assert!(goal(&r, "nine-running").met(), "{:?}", r.goals);
}

#[test]
fn zone_rebalancing_fails_a_strategy_change_that_leaves_rebalancing_disabled() {
    // Student walkthrough (2026-12-05): lesson 16 passed with the strategy changed alone, but an
    // UpdateService that leaves availabilityZoneRebalancing out keeps the existing service's
    // value (API UpdateService), and `web` was created DISABLED: the start now says so.
    let r = check_solution_with("zone-rebalancing", |s| {
        s["services"][0]["availabilityZoneRebalancing"] = "DISABLED".into();
    });
    assert!(!r.passed, "{:?}", r.goals);
    assert!(!goal(&r, "three-zones").met(), "{:?}", r.goals);
}

#[test]
fn zone_rebalancing_refuses_an_answer_that_deletes_the_rebalancing_key() {
    // The CLI loophole the twenty-first session left: deleting availabilityZoneRebalancing read
    // as CreateService's default, ENABLED, and passed; on update ECS keeps the running service's
    // DISABLED (API UpdateService). Check now refuses it, naming the key.
    let r = check_solution_with("zone-rebalancing", |s| {
        s["services"][0]
            .as_object_mut()
            .expect("a service")
            .remove("availabilityZoneRebalancing");
    });
    assert!(!r.passed);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(
        r.problems[0].path,
        "services[0].availabilityZoneRebalancing"
    );
    assert!(
        r.problems[0].message.contains("keeps it"),
        "{}",
        r.problems[0].message
    );
}

#[test]
fn eni_trunking_fails_a_graviton_instance_type_for_an_x86_image() {
    // Student walkthrough (2026-12-05): lesson 3 passed on m6g instances, though its image is
    // x86 only. Its task definition now says X86_64 (runtimePlatform), so ECS places its tasks
    // only on x86 instances (DG ecs-arm64): on m6g.large none runs.
    let r = check_solution_with("awsvpc-eni-trunking", |s| {
        s["capacityProviders"][0]["autoScalingGroupProvider"]["autoScalingGroup"]["instanceType"] =
            "m6g.large".into();
    });
    assert!(!r.passed, "{:?}", r.goals);
    assert!(!goal(&r, "six-running").met(), "{:?}", r.goals);
}

#[test]
fn a_failed_maximum_goal_shows_the_first_minute_over_its_bound() {
    // Student walkthrough (2026-12-05): lesson 12's response-time goal failed with no time for
    // the breach, and its Show ran to 0:30:00, the window's end. The start's tasks answer in a
    // minute from the rush on, so the first minute of the window (ending 0:16:00) is over.
    let c = lesson("service-auto-scaling");
    let r = check(&c, &c.start_text());
    match &goal(&r, "response-time").state {
        crate::challenge::GoalState::Failed { at_ms, detail } => {
            assert_eq!(*at_ms, 960_000);
            assert!(
                detail.ends_with("(first over the bound in the minute ending 0:16:00)"),
                "{detail}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rolling_update_bounds_explains_a_release_held_by_its_bounds_with_the_arithmetic() {
    // Lesson 9 at maximumPercent 110: 110 % of 5 tasks is 5.5, rounded down to 5, so with
    // minimumHealthyPercent 100 nothing can start or stop. The verdict said only "IN_PROGRESS;
    // the goal is COMPLETED" (student walkthrough); it now says why, from the service event.
    let r = check_solution_with("rolling-update-bounds", |s| {
        s["services"][0]["deploymentConfiguration"]["maximumPercent"] = 110.into();
    });
    assert!(!r.passed, "{:?}", r.goals);
    let released = goal(&r, "released");
    let crate::challenge::GoalState::Failed { detail, .. } = &released.state else {
        panic!("{released:?}");
    };
    assert!(
        detail.contains("IN_PROGRESS; the goal is COMPLETED (blocked by its deployment configuration from 0:02:00, log event #"),
        "{detail}"
    );
    assert!(
        detail.contains("with desiredCount 5, maximumPercent 110 allows 5 tasks (5.5 rounded down) and minimumHealthyPercent 100 keeps 5 healthy"),
        "{detail}"
    );
    // Whole products need no rounding note; a release that completes needs no reason.
    let r = check_solution_with("rolling-update-bounds", |s| {
        s["services"][0]["deploymentConfiguration"]["maximumPercent"] = 100.into();
    });
    let crate::challenge::GoalState::Failed { detail, .. } = &goal(&r, "released").state else {
        panic!("{:?}", r.goals);
    };
    assert!(
        detail.contains(
            "maximumPercent 100 allows 5 tasks and minimumHealthyPercent 100 keeps 5 healthy"
        ),
        "{detail}"
    );
    let solved = check_solution_with("rolling-update-bounds", |_| {});
    assert!(solved.passed, "{:?}", solved.goals);
}
