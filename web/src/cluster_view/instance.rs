//! A container instance: type, short ID, status, capacity provider, CPU / memory / ENI bars,
//! and its tasks. Click it to explain it.

use super::TaskChip;
use crate::state::{Playground, Selection};
use crate::term::Term;
use ecs_sim::sim::snapshot::InstanceView;
use ecs_sim::view::{labels, ClusterLayout};
use leptos::prelude::*;

/// An instance box.
#[component]
pub fn InstanceBox(index: usize, layout: Memo<Option<ClusterLayout>>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let inst: Memo<Option<InstanceView>> = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            s.as_ref()
                .and_then(|s| s.instances.get(index))
                .map(|i| InstanceView {
                    tasks: Vec::new(),
                    ..i.clone()
                })
        })
    });
    let tasks = Memo::new(move |_| {
        layout.with(|l| l.as_ref().map(|l| l.tasks_on(index)).unwrap_or_default())
    });
    let selected = Memo::new(move |_| pg.selection.get() == Selection::Instance(index));
    let status =
        move || inst.with(|i| i.as_ref().map_or("", |i| labels::instance_status(i.status)));
    let text = move |f: fn(&InstanceView) -> String| {
        move || inst.with(|i| i.as_ref().map(f).unwrap_or_default())
    };
    let select = move |_| pg.selection.set(Selection::Instance(index));
    view! {
        <div class=move || format!("instance status-{}", status().to_ascii_lowercase())
            class:selected=move || selected.get()
            data-testid="instance" data-instance=index data-id=text(|i| i.ec2_instance_id.clone()) data-status=status on:click=select>
            <div class="instance-top">
                <button type="button" class="instance-head" aria-pressed=move || selected.get().to_string()
                    title=text(|i| format!("{} {} ({}): click to explain", i.instance_type, i.ec2_instance_id, labels::instance_status(i.status)))>
                    <span class="itype">{text(|i| i.instance_type.clone())}</span>
                    <span class="iid">{text(|i| labels::short_id(&i.ec2_instance_id).to_string())}</span>
                    // On the head line, to keep the instance short enough for a 720-px screen.
                    <span class="cp">{text(|i| i.capacity_provider.clone().unwrap_or_else(|| "no capacity provider".into()))}</span>
                </button>
                // Beside the button, not in it: the status explains itself on hover and focus
                // (ACTIVE, DRAINING), and a focusable word cannot sit inside a button.
                <span class="istatus" data-testid="instance-status"><Term word=Signal::derive(move || status().to_string()) /></span>
            </div>
            <div class="bars">
                <Bar name="CPU" unit="units" used=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.cpu_used)))
                    total=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.cpu)))/>
                <Bar name="Mem" unit="MiB" used=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.memory_used)))
                    total=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.memory)))/>
                // Only where an ENI can be used (see `Snapshot::enis_matter`).
                <Show when=move || pg.snapshot.with(|s| s.as_ref().is_some_and(|s| s.enis_matter))>
                    <Bar name="ENI" unit="awsvpc tasks" used=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.enis_used)))
                        total=Signal::derive(move || inst.with(|i| i.as_ref().map_or(0, |i| i.eni_limit)))/>
                </Show>
            </div>
            <div class="chips">
                <For each=move || tasks.get() key=|t| *t children=move |t| view! { <TaskChip index=t /> } />
            </div>
        </div>
    }
}

/// A utilisation bar with `used/total` as text, so the numbers are readable without hovering.
#[component]
fn Bar(
    name: &'static str,
    unit: &'static str,
    used: Signal<u32>,
    total: Signal<u32>,
) -> impl IntoView {
    let pct = move || {
        let t = total.get();
        if t == 0 {
            0.0
        } else {
            (f64::from(used.get()) * 100.0 / f64::from(t)).min(100.0)
        }
    };
    let full = move || total.get() > 0 && used.get() >= total.get();
    view! {
        <div class="bar" class:full=full title=move || format!("{name}: {} of {} {unit} reserved", used.get(), total.get())>
            <span class="bar-name">{name}</span>
            <span class="track" aria-hidden="true"><span class="fill" style:width=move || format!("{:.0}%", pct())></span></span>
            <span class="bar-num">{move || format!("{}/{}", used.get(), total.get())}</span>
        </div>
    }
}
