//! Where a service's tasks run: launch type or capacity provider strategy (base and weight per
//! provider of its cluster), and for EC2 capacity the Auto Scaling group's instance type and
//! sizes.

use super::apply::{applied, apply_to};
use super::locks::{group_locked, service_locked};
use super::managed_scaling::ManagedScaling;
use crate::state::Playground;
use ecs_sim::catalog;
use ecs_sim::cluster::form::group::{
    group_size, resize, set_group_size, set_instance_type, set_trunking, SizeField,
};
use ecs_sim::cluster::form::providers::{cluster_providers, default_strategy, ec2_providers};
use ecs_sim::cluster::CapacityProviderStrategyItem;
use ecs_sim::service::form::{
    clamp_count, services, set_capacity_provider_strategy, set_launch_type, Launch,
};
use ecs_sim::service::network_form::{fill_for_ec2, fill_for_fargate};
use leptos::prelude::*;
use serde_json::Value;

/// ECS limits a strategy item's base to 100,000 and its weight to 1,000.
const MAX_BASE: u32 = 100_000;
/// See [`MAX_BASE`].
const MAX_WEIGHT: u32 = 1000;
/// A generous cap on Auto Scaling group sizes typed into the form.
const MAX_GROUP: u32 = 1000;

/// The launch choices of the mode picker: (value, label).
const MODES: [(&str, &str); 4] = [
    ("default", "Cluster default strategy"),
    ("EC2", "Launch type EC2"),
    ("FARGATE", "Launch type FARGATE"),
    ("strategy", "Capacity provider strategy"),
];

/// Memory in GiB as people say it ("8 GiB", "0.5 GiB").
fn gib(mib: u32) -> String {
    let g = f64::from(mib) / 1024.0;
    if mib % 1024 == 0 {
        format!("{g:.0} GiB")
    } else {
        format!("{g:.1} GiB")
    }
}

/// The capacity section of a service form.
#[component]
pub fn Capacity(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let launch = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| {
                    services(d)
                        .into_iter()
                        .find(|s| s.name == service.get_value())
                })
                .map_or(Launch::ClusterDefault, |s| s.launch)
        })
    });
    let providers = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| cluster_providers(d, &service.get_value()))
                .unwrap_or_default()
        })
    });
    let mode = move || match launch.get() {
        Launch::ClusterDefault => "default".to_string(),
        Launch::LaunchType(t) => t,
        Launch::Strategy(_) => "strategy".to_string(),
    };
    // What a Fargate choice filled in, said under the picker until the next choice.
    let filled = RwSignal::new(Vec::<String>::new());
    let on_mode = move |ev: leptos::ev::Event| {
        let m = event_target_value(&ev);
        let name = service.get_value();
        filled.set(Vec::new());
        // FARGATE switches the revision to awsvpc: the page's kept settings come back.
        let mut memory = pg.network_memory.get_untracked();
        let made = applied(pg, error, |d| match m.as_str() {
            "default" => set_capacity_provider_strategy(d, &name, &[]),
            "strategy" => {
                let mut items = default_strategy(d, &name);
                if items.is_empty() {
                    if let Some(first) = cluster_providers(d, &name).into_iter().next() {
                        items.push(CapacityProviderStrategyItem {
                            capacity_provider: first,
                            weight: 1,
                            base: 0,
                        });
                    }
                }
                set_capacity_provider_strategy(d, &name, &items)
            }
            "FARGATE" => {
                set_launch_type(d, &name, "FARGATE")?;
                filled.set(fill_for_fargate(d, &name, &mut memory)?);
                Ok(())
            }
            "EC2" => {
                set_launch_type(d, &name, "EC2")?;
                filled.set(fill_for_ec2(d, &name)?);
                Ok(())
            }
            other => set_launch_type(d, &name, other),
        });
        // Kept only when the change is made (a refused one left the memory changed, review).
        if made {
            pg.network_memory.set(memory);
        }
    };
    // Base or weight of one provider changed: rebuild the strategy in the cluster's order,
    // leaving out providers with neither base nor weight.
    let set_share = move |provider: String, base: Option<u32>, weight: Option<u32>| {
        let current = match launch.get_untracked() {
            Launch::Strategy(items) => items,
            _ => Vec::new(),
        };
        let items: Vec<CapacityProviderStrategyItem> = providers
            .get_untracked()
            .into_iter()
            .map(|p| {
                let old = current.iter().find(|i| i.capacity_provider == p);
                let (mut b, mut w) = old.map_or((0, 0), |i| (i.base, i.weight));
                if p == provider {
                    b = base.unwrap_or(b);
                    w = weight.unwrap_or(w);
                }
                CapacityProviderStrategyItem {
                    capacity_provider: p,
                    weight: w,
                    base: b,
                }
            })
            .filter(|i| i.base > 0 || i.weight > 0)
            .collect();
        let name = service.get_value();
        apply_to(pg, error, |d| {
            set_capacity_provider_strategy(d, &name, &items)
        });
    };
    let share_of = move |p: &str| match launch.get() {
        Launch::Strategy(items) => items
            .iter()
            .find(|i| i.capacity_provider == p)
            .map_or((0, 0), |i| (i.base, i.weight)),
        _ => (0, 0),
    };
    let launch_locked = service_locked(
        pg,
        doc,
        service,
        &["capacityProviderStrategy", "launchType"],
    );
    let strategy_items_locked = service_locked(pg, doc, service, &["capacityProviderStrategy"]);
    view! {
        <fieldset class="group" data-form-section="capacity">
            <legend>"Capacity"</legend>
            <label class="field">
                <span>"Tasks run on"</span>
                <select data-testid="launch-mode" on:change=on_mode
                    disabled=launch_locked data-locked=launch_locked>
                    {move || {
                        let cur = mode();
                        MODES.iter().map(|(v, label)| view! {
                            <option value=*v prop:selected=cur == *v>{*label}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
            {move || (!filled.with(Vec::is_empty)).then(|| view! {
                <ul class="filled" data-testid="form-filled" aria-live="polite">
                    {filled.get().into_iter().map(|n| view! { <li>"Filled in: "{n}</li> }).collect_view()}
                </ul>
            })}
            {move || matches!(launch.get(), Launch::Strategy(_)).then(|| view! {
                <fieldset class="strategy-items" disabled=strategy_items_locked data-locked=strategy_items_locked>
                <table class="strategy" data-testid="strategy">
                    <thead><tr><th scope="col">"Provider"</th><th scope="col">"Base"</th><th scope="col">"Weight"</th></tr></thead>
                    <tbody>
                        {move || providers.get().into_iter().map(|p| {
                            let (base, weight) = share_of(&p);
                            let (pb, pw) = (p.clone(), p.clone());
                            view! {
                                <tr>
                                    <th scope="row">{p.clone()}</th>
                                    <td><input type="number" min="0" max=MAX_BASE.to_string() aria-label=format!("Base for {p}")
                                        data-testid=format!("cp-base-{p}") prop:value=base.to_string()
                                        on:change=move |ev| set_share(pb.clone(), clamp_count(&event_target_value(&ev), MAX_BASE), None) /></td>
                                    <td><input type="number" min="0" max=MAX_WEIGHT.to_string() aria-label=format!("Weight for {p}")
                                        data-testid=format!("cp-weight-{p}") prop:value=weight.to_string()
                                        on:change=move |ev| set_share(pw.clone(), None, clamp_count(&event_target_value(&ev), MAX_WEIGHT)) /></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </fieldset>
                <p class="hint">"Base: tasks placed on that provider first. Weight: share of the rest. Base and weight 0 leave a provider out."</p>
            })}
            <Groups doc=doc service=service error=error />
        </fieldset>
    }
}

/// Instance type and sizes of the Auto Scaling groups the service's tasks can use.
#[component]
fn Groups(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let groups = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    ec2_providers(d, &service.get_value())
                        .into_iter()
                        .filter_map(|p| group_size(d, &p).map(|g| (p, g)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // What moved with the last size set, and in which group (see `resize`).
    let resized = RwSignal::new((String::new(), Vec::<String>::new()));
    move || {
        groups.get().into_iter().map(|(provider, g)| {
            let (p1, p2) = (provider.clone(), provider.clone());
            let current = g.clone();
            let on_type = move |ev: leptos::ev::Event| {
                let t = event_target_value(&ev);
                apply_to(pg, error, |d| set_instance_type(d, &p1, &t));
            };
            let on_size = move |which: usize, ev: leptos::ev::Event| {
                let Some(n) = clamp_count(&event_target_value(&ev), MAX_GROUP) else {
                    error.set(Some("Sizes must be whole numbers.".into()));
                    return;
                };
                let field = match which {
                    0 => SizeField::Min,
                    1 => SizeField::Desired,
                    _ => SizeField::Max,
                };
                // The other sizes follow as far as needed, and say so.
                let ((min, desired, max), notes) = resize(&current, field, n);
                let made = applied(pg, error, |d| set_group_size(d, &p2, min, desired, max));
                resized.set((p2.clone(), if made { notes } else { Vec::new() }));
            };
            let on_size = StoredValue::new(on_size);
            let p3 = provider.clone();
            let on_trunking = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                apply_to(pg, error, |d| set_trunking(d, &p3, on));
            };
            let named = StoredValue::new(provider.clone());
            let known = catalog::instance_type(&g.instance_type).is_some();
            // Each type's On-Demand price beside it, as the EC2 console's type picker shows it
            // (the scenario's own prices when it sets them): lesson 14 left students to find the
            // cheap type by trial, watching the Cost tab (student walkthrough).
            let price = move |name: &str| {
                pg.sim.with_value(|s| {
                    s.as_ref()
                        .map(|s| s.model.pricing.ec2_hour(name))
                        .filter(|&p| p > 0)
                        .map(|p| format!(", {}", ecs_sim::cost::money::rate_text(p)))
                        .unwrap_or_default()
                })
            };
            let instance_type_locked = group_locked(pg, doc, named, &["autoScalingGroup.instanceType"]);
            let min_size_locked = group_locked(pg, doc, named, &["autoScalingGroup.minSize"]);
            let desired_capacity_locked = group_locked(pg, doc, named, &["autoScalingGroup.desiredCapacity"]);
            let max_size_locked = group_locked(pg, doc, named, &["autoScalingGroup.maxSize"]);
            let awsvpc_trunking_locked = group_locked(pg, doc, named, &["autoScalingGroup.awsvpcTrunking"]);
            view! {
                <div class="asg" data-testid="asg">
                    <p class="asg-title">{format!("Auto Scaling group of {provider}")}</p>
                    <label class="field">
                        <span>"Instance type"</span>
                        <select data-testid="instance-type" on:change=on_type
                            disabled=instance_type_locked data-locked=instance_type_locked>
                            {(!known).then(|| view! { <option value="" prop:selected=true>{format!("{} (not in catalogue)", g.instance_type)}</option> })}
                            {catalog::all().iter().map(|t| view! {
                                <option value=t.name prop:selected=t.name == g.instance_type>
                                    {format!("{} ({} vCPU, {}{}{})", t.name, t.vcpus, gib(t.memory_mib),
                                        if t.architecture == catalog::Architecture::Arm64 { ", Arm" } else { "" },
                                        price(t.name))}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <div class="form-row">
                        <label class="field small"><span>"Min"</span>
                            <input type="number" min="0" data-testid="asg-min" disabled=min_size_locked data-locked=min_size_locked prop:value=g.min.to_string()
                                on:change=move |ev| on_size.with_value(|f| f(0, ev)) /></label>
                        <label class="field small"><span>"Desired"</span>
                            <input type="number" min="0" data-testid="asg-desired" disabled=desired_capacity_locked data-locked=desired_capacity_locked prop:value=g.desired.to_string()
                                on:change=move |ev| on_size.with_value(|f| f(1, ev)) /></label>
                        <label class="field small"><span>"Max"</span>
                            <input type="number" min="0" data-testid="asg-max" disabled=max_size_locked data-locked=max_size_locked prop:value=g.max.to_string()
                                on:change=move |ev| on_size.with_value(|f| f(2, ev)) /></label>
                    </div>
                    {let mine = provider.clone(); move || resized.with(|(p, n)| (*p == mine && !n.is_empty()).then(|| n.clone())).map(|notes| view! {
                        <ul class="filled" data-testid="asg-resized" aria-live="polite">
                            {notes.into_iter().map(|n| view! { <li>"Also: "{n}</li> }).collect_view()}
                        </ul>
                    })}
                    // In AWS an account setting, not a group's: a student looked for it on the
                    // Auto Scaling group in the console (walkthrough, 29th session).
                    <label class="check" title="ENI trunking: awsvpc tasks get branch interfaces on a trunk, so a supported type (c5, m5, …; not t3) holds many more of them. In AWS this is the account setting awsvpcTrunking (aws ecs put-account-setting-default), which applies to container instances registered after it is turned on; the simulator sets it per group.">
                        <input type="checkbox" data-testid="asg-trunking" disabled=awsvpc_trunking_locked data-locked=awsvpc_trunking_locked prop:checked=g.trunking on:change=on_trunking />
                        " ENI trunking (awsvpcTrunking)"
                    </label>
                    <p class="field-note muted" data-testid="asg-trunking-note">"In AWS an account setting, for instances registered after it is on."</p>
                    <ManagedScaling doc=doc provider=provider.clone() error=error />
                </div>
            }
        }).collect_view()
    }
}
