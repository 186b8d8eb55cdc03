//! Target 4: the playground's form edits (each concept's `form` module) on mutated documents.
//! Property: no edit panics on any document; a refused edit leaves the document as it was
//! (the forms' contract: an edit applies fully or says why not); the document written back as
//! text (`form::to_text`) reads back the same.

use crate::gen::{examples, mutate, mutation, same, short_string, Mutation};
use ecs_sim::autoscaling::form::{
    policies,
    scheduled_actions::{self, ScheduledActionSettings},
    step_rows, step_scaling, target,
    target_tracking::{self, TargetTrackingSettings},
};
use ecs_sim::cluster::form::{group, managed_scaling};
use ecs_sim::cluster::CapacityProviderStrategyItem;
use ecs_sim::deployment::form as deployment;
use ecs_sim::placement::{form as placement, PlacementConstraintSpec, PlacementStrategySpec};
use ecs_sim::service::form as service;
use ecs_sim::taskdef::form as taskdef;
use ecs_sim::taskdef::network_memory::NetworkMemory;
use ecs_sim::traffic::form as traffic;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// A name: usually one the document has (picked at edit time), sometimes any string.
#[derive(Debug, Clone)]
enum Name {
    Existing(Index),
    Other(String),
}

fn name() -> impl Strategy<Value = Name> {
    prop_oneof![4 => any::<Index>().prop_map(Name::Existing), 1 => short_string().prop_map(Name::Other)]
}

fn count() -> impl Strategy<Value = u32> {
    prop_oneof![
        0u32..12,
        Just(100),
        Just(1000),
        Just(100_000),
        Just(u32::MAX)
    ]
}

fn real() -> impl Strategy<Value = f64> {
    prop_oneof![
        -100.0..200.0f64,
        prop::sample::select(vec![
            0.0,
            -0.0,
            1e308,
            -1e308,
            f64::NAN,
            f64::INFINITY,
            1e-9,
            50.0
        ])
    ]
}

fn word(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(options).prop_map(String::from), 1 => short_string()]
}

#[derive(Debug, Clone)]
enum Edit {
    DesiredCount(Name, u32),
    LaunchType(Name, String),
    Strategy(Name, Vec<(Name, u32, u32)>),
    NetworkMode(Name, String),
    RegisterRevision(Name, Vec<Mutation>),
    PlacementStrategy(Name, Vec<(String, Option<String>)>),
    PlacementConstraints(Name, Vec<(String, Option<String>)>),
    EnableScaling(Name),
    DisableScaling(Name),
    ScalableTarget(Name, u32, u32),
    TargetTracking(Name, String, f64, u32, u32, bool, bool),
    AddStep(Name),
    Step(
        Name,
        f64,
        u32,
        u32,
        String,
        u32,
        Option<u32>,
        usize,
        Option<f64>,
        bool,
    ),
    RemovePolicy(Name, Name),
    AddScheduled(Name),
    Scheduled(Name, String, Option<u32>, Option<u32>),
    RemoveScheduled(Name, Name),
    Deployment(Name, String, u32, u32, bool, u32, f64),
    ManagedScaling(Name, bool, u32, u32, u32, u32, bool),
    InstanceType(Name, String),
    GroupSize(Name, u32, u32, u32),
    Traffic(Name, String, f64),
    RemoveTraffic(Name),
}

fn edit() -> impl Strategy<Value = Edit> {
    let placements = || {
        prop::collection::vec(
            (
                word(&[
                    "binpack",
                    "spread",
                    "random",
                    "distinctInstance",
                    "memberOf",
                ]),
                prop::option::of(word(&[
                    "cpu",
                    "memory",
                    "instanceId",
                    "attribute:ecs.availability-zone",
                    "attribute:ecs.instance-type =~ t3.*",
                ])),
            ),
            0..4,
        )
    };
    prop_oneof![
        (name(), count()).prop_map(|(s, n)| Edit::DesiredCount(s, n)),
        (name(), word(&["EC2", "FARGATE", "EXTERNAL"])).prop_map(|(s, l)| Edit::LaunchType(s, l)),
        (
            name(),
            prop::collection::vec((name(), count(), count()), 0..4)
        )
            .prop_map(|(s, v)| Edit::Strategy(s, v)),
        (name(), word(&["awsvpc", "bridge", "host", "none"]))
            .prop_map(|(s, m)| Edit::NetworkMode(s, m)),
        (name(), prop::collection::vec(mutation(), 0..3))
            .prop_map(|(f, m)| Edit::RegisterRevision(f, m)),
        (name(), placements()).prop_map(|(s, p)| Edit::PlacementStrategy(s, p)),
        (name(), placements()).prop_map(|(s, p)| Edit::PlacementConstraints(s, p)),
        name().prop_map(Edit::EnableScaling),
        name().prop_map(Edit::DisableScaling),
        (name(), count(), count()).prop_map(|(s, a, b)| Edit::ScalableTarget(s, a, b)),
        (
            name(),
            word(&[
                "ECSServiceAverageCPUUtilization",
                "ECSServiceAverageMemoryUtilization",
                "ALBRequestCountPerTarget"
            ]),
            real(),
            count(),
            count(),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(s, m, t, o, i, d, add)| Edit::TargetTracking(s, m, t, o, i, d, add)),
        name().prop_map(Edit::AddStep),
        (
            name(),
            real(),
            count(),
            count(),
            word(&[
                "ChangeInCapacity",
                "PercentChangeInCapacity",
                "ExactCapacity"
            ]),
            count(),
            prop::option::of(count()),
            0usize..4,
            prop::option::of(real()),
            any::<bool>()
        )
            .prop_map(|(s, t, e, d, a, c, m, row, v, add)| Edit::Step(
                s, t, e, d, a, c, m, row, v, add
            )),
        (name(), name()).prop_map(|(s, p)| Edit::RemovePolicy(s, p)),
        name().prop_map(Edit::AddScheduled),
        (
            name(),
            word(&[
                "at(2026-01-01T00:10:00)",
                "rate(5 minutes)",
                "cron(0 18 * * ? *)",
                "rate(0 minutes)"
            ]),
            prop::option::of(count()),
            prop::option::of(count())
        )
            .prop_map(|(s, w, a, b)| Edit::Scheduled(s, w, a, b)),
        (name(), name()).prop_map(|(s, a)| Edit::RemoveScheduled(s, a)),
        (
            name(),
            word(&["ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"]),
            count(),
            count(),
            any::<bool>(),
            count(),
            real()
        )
            .prop_map(|(s, k, x, n, c, b, p)| Edit::Deployment(s, k, x, n, c, b, p)),
        (
            name(),
            any::<bool>(),
            count(),
            count(),
            count(),
            count(),
            any::<bool>()
        )
            .prop_map(|(p, e, t, a, b, w, m)| Edit::ManagedScaling(p, e, t, a, b, w, m)),
        (
            name(),
            word(&["m5.large", "c5.large", "t3.micro", "p3.2xlarge"])
        )
            .prop_map(|(p, t)| Edit::InstanceType(p, t)),
        (name(), count(), count(), count()).prop_map(|(p, a, b, c)| Edit::GroupSize(p, a, b, c)),
        (name(), short_string(), real()).prop_map(|(s, k, v)| Edit::Traffic(s, k, v)),
        name().prop_map(Edit::RemoveTraffic),
    ]
}

fn pick(name: &Name, options: Vec<String>) -> String {
    match name {
        Name::Existing(i) if !options.is_empty() => options[i.index(options.len())].clone(),
        Name::Existing(_) => "web".to_string(),
        Name::Other(s) => s.clone(),
    }
}

fn placement_items<T>(
    items: &[(String, Option<String>)],
    make: impl Fn(String, Option<String>) -> T,
) -> Vec<T> {
    items
        .iter()
        .map(|(k, f)| make(k.clone(), f.clone()))
        .collect()
}

/// Applies one edit; `Err` when the form refused it. `memory` is the page's, across the edits of
/// one run (a network mode switch back to awsvpc gives back what one away from it kept).
fn apply(doc: &mut Value, edit: &Edit, memory: &mut NetworkMemory) -> Result<(), String> {
    let services: Vec<String> = service::services(doc).into_iter().map(|s| s.name).collect();
    let svc = |n: &Name| pick(n, services.clone());
    let providers = || cluster_providers(doc);
    match edit {
        Edit::DesiredCount(s, n) => service::set_desired_count(doc, &svc(s), *n),
        Edit::LaunchType(s, l) => service::set_launch_type(doc, &svc(s), l),
        Edit::Strategy(s, items) => {
            let p = providers();
            let items: Vec<CapacityProviderStrategyItem> = items
                .iter()
                .map(|(n, w, b)| {
                    serde_json::from_value(serde_json::json!({
                        "capacityProvider": pick(n, p.clone()), "weight": w, "base": b
                    }))
                    .expect("a strategy item")
                })
                .collect();
            service::set_capacity_provider_strategy(doc, &svc(s), &items)
        }
        Edit::NetworkMode(s, m) => taskdef::set_network_mode(doc, &svc(s), m, memory).map(drop),
        Edit::RegisterRevision(f, m) => {
            let families: Vec<String> = taskdef::families(doc)
                .into_iter()
                .map(|f| f.family)
                .collect();
            let family = pick(f, families);
            let base = taskdef::latest_revision(doc, &family)
                .map(|(_, v)| v)
                .unwrap_or(Value::Null);
            let definition = serde_json::from_str(&mutate(&base, m)).unwrap_or(Value::Null);
            taskdef::register_revision(doc, &family, definition).map(|_| ())
        }
        Edit::PlacementStrategy(s, items) => placement::set_placement_strategy(
            doc,
            &svc(s),
            &placement_items(items, |kind, field| PlacementStrategySpec { kind, field }),
        ),
        Edit::PlacementConstraints(s, items) => placement::set_placement_constraints(
            doc,
            &svc(s),
            &placement_items(items, |kind, expression| PlacementConstraintSpec {
                kind,
                expression,
            }),
        ),
        Edit::EnableScaling(s) => target::enable_service_scaling(doc, &svc(s)),
        Edit::DisableScaling(s) => target::disable_service_scaling(doc, &svc(s)),
        Edit::ScalableTarget(s, a, b) => target::set_scalable_target(doc, &svc(s), *a, *b),
        Edit::TargetTracking(s, metric, value, out, inn, disable, add) => {
            let p = TargetTrackingSettings {
                metric: metric.clone(),
                target_value: *value,
                scale_out_cooldown: *out,
                scale_in_cooldown: *inn,
                disable_scale_in: *disable,
            };
            let s = svc(s);
            if *add {
                target_tracking::add_target_tracking(doc, &s, &p).map(|_| ())
            } else {
                match target_tracking::first_target_tracking(doc, &s) {
                    Some((name, _)) => {
                        target_tracking::set_target_tracking_policy(doc, &s, &name, &p)
                    }
                    None => target_tracking::set_target_tracking(doc, &s, &p),
                }
            }
        }
        Edit::AddStep(s) => step_scaling::add_step_scaling_policy(doc, &svc(s)).map(|_| ()),
        Edit::Step(
            s,
            threshold,
            periods,
            datapoints,
            adjustment,
            cooldown,
            magnitude,
            row,
            bound,
            add_row,
        ) => {
            let s = svc(s);
            let Some((name, mut settings)) = policies::scaling_policies(doc, &s)
                .into_iter()
                .find_map(|p| match p.settings {
                    policies::PolicySettings::Step(st) => Some((p.name, st)),
                    _ => None,
                })
            else {
                return step_scaling::add_step_scaling_policy(doc, &s).map(|_| ());
            };
            settings.threshold = *threshold;
            settings.evaluation_periods = *periods;
            settings.datapoints_to_alarm = *datapoints;
            settings.adjustment_type = adjustment.clone();
            settings.cooldown = *cooldown;
            settings.min_adjustment_magnitude = *magnitude;
            settings.steps = if *add_row {
                step_rows::add_step_row(&settings.steps)
            } else if bound.is_some() {
                step_rows::move_step_bound(&settings.steps, *row, step_rows::Bound::Upper, *bound)
            } else {
                step_rows::remove_step_row(&settings.steps, *row).unwrap_or(settings.steps.clone())
            };
            for st in &settings.steps {
                let _ = step_rows::metric_range(st, *threshold);
            }
            step_scaling::set_step_scaling_policy(doc, &s, &name, &settings)
        }
        Edit::RemovePolicy(s, p) => {
            let s = svc(s);
            let names = policies::scaling_policies(doc, &s)
                .into_iter()
                .map(|p| p.name)
                .collect();
            policies::remove_scaling_policy(doc, &s, &pick(p, names))
        }
        Edit::AddScheduled(s) => scheduled_actions::add_scheduled_action(doc, &svc(s)).map(|_| ()),
        Edit::Scheduled(s, schedule, min, max) => {
            let s = svc(s);
            let name = scheduled_actions::scheduled_actions(doc, &s)
                .into_iter()
                .next()
                .map_or_else(|| "none".to_string(), |a| a.name);
            let a = ScheduledActionSettings {
                name,
                schedule: schedule.clone(),
                min_capacity: *min,
                max_capacity: *max,
            };
            scheduled_actions::set_scheduled_action(doc, &s, &a)
        }
        Edit::RemoveScheduled(s, a) => {
            let s = svc(s);
            let names = scheduled_actions::scheduled_actions(doc, &s)
                .into_iter()
                .map(|a| a.name)
                .collect();
            scheduled_actions::remove_scheduled_action(doc, &s, &pick(a, names))
        }
        Edit::Deployment(s, strategy, max, min, breaker, bake, percent) => {
            let s = svc(s);
            let Some(mut d) = deployment::deployment_settings(doc, &s) else {
                return Err("no service".into());
            };
            d.strategy = strategy.clone();
            d.maximum_percent = *max;
            d.minimum_healthy_percent = *min;
            d.circuit_breaker = *breaker;
            d.rollback = !*breaker;
            d.bake_time_in_minutes = *bake;
            d.canary_percent = *percent;
            d.step_percent = *percent;
            deployment::set_deployment_settings(doc, &s, &d)
        }
        Edit::ManagedScaling(p, enabled, target, min, max, warmup, protection) => {
            let p = pick(p, providers());
            let s = managed_scaling::ManagedScalingSettings {
                enabled: *enabled,
                target_capacity: *target,
                minimum_scaling_step_size: *min,
                maximum_scaling_step_size: *max,
                instance_warmup_period: *warmup,
                managed_termination_protection: *protection,
            };
            let _ = managed_scaling::managed_scaling(doc, &p);
            managed_scaling::set_managed_scaling(doc, &p, &s)
        }
        Edit::InstanceType(p, t) => group::set_instance_type(doc, &pick(p, providers()), t),
        Edit::GroupSize(p, a, b, c) => {
            let p = pick(p, providers());
            let _ = group::group_size(doc, &p);
            group::set_group_size(doc, &p, *a, *b, *c)
        }
        Edit::Traffic(s, key, value) => {
            let s = svc(s);
            let mut t = traffic::traffic(doc, &s).unwrap_or_else(|| traffic::default_traffic(&s));
            let fields = traffic::profile_fields(&t.profile);
            let key = fields
                .get(key.len() % fields.len().max(1))
                .map_or(key.clone(), |f| f.key.to_string());
            traffic::set_profile_field(&mut t.profile, &key, *value)?;
            t.profile = traffic::with_shape(&t.profile, traffic::shape(&t.profile));
            traffic::set_traffic(doc, &t)
        }
        Edit::RemoveTraffic(s) => {
            traffic::remove_traffic(doc, &svc(s));
            Ok(())
        }
    }
}

/// `doc` without the top-level empty lists `before` did not have. Known deviation (reported
/// in issue #10): a few autoscaling form edits create an empty `scalableTargets` /
/// `scalingPolicies` list before refusing; an empty list means the same as none.
fn without_new_empty_lists(doc: &Value, before: &Value) -> Value {
    let mut doc = doc.clone();
    if let (Some(o), Some(b)) = (doc.as_object_mut(), before.as_object()) {
        o.retain(|k, v| b.contains_key(k) || v.as_array().is_none_or(|a| !a.is_empty()));
    }
    doc
}

fn cluster_providers(doc: &Value) -> Vec<String> {
    let mut names = ecs_sim::cluster::form::providers::group_providers(doc);
    names.extend(["FARGATE".to_string(), "FARGATE_SPOT".to_string()]);
    names
}

proptest! {
    #![proptest_config(crate::gen::config(300))]

    #[test]
    fn form_edits_never_panic_and_refusals_change_nothing(
        example in 0..examples().len(),
        mutations in prop::collection::vec(mutation(), 0..3),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let Ok(mut doc) = serde_json::from_str::<Value>(&mutate(&examples()[example], &mutations)) else {
            return Ok(());
        };
        let mut memory = NetworkMemory::default();
        for e in &edits {
            let before = doc.clone();
            if let Err(why) = apply(&mut doc, e, &mut memory) {
                prop_assert!(!why.trim().is_empty(), "a refusal without a reason: {:?}", e);
                prop_assert_eq!(
                    &without_new_empty_lists(&doc, &before),
                    &before,
                    "a refused edit changed the document: {:?}",
                    e
                );
            }
            let text = ecs_sim::form::to_text(&doc);
            let back = serde_json::from_str::<Value>(&text);
            prop_assert!(back.as_ref().is_ok_and(|b| same(b, &doc)), "{:?}", back);
        }
    }
}
