//! A selected container instance: its resources, tasks and attributes, and for each waiting
//! task why it cannot go here.

use super::verdicts::{Lead, Verdicts};
use super::Row;
use crate::cluster_view::TaskChip;
use crate::state::Playground;
use ecs_sim::sim::snapshot::InstanceView;
use ecs_sim::view::{explain_instance, labels};
use leptos::prelude::*;

/// Details of instance `index`.
#[component]
pub fn InstanceDetails(index: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let inst: Memo<Option<InstanceView>> = Memo::new(move |_| {
        pg.snapshot
            .with(|s| s.as_ref().and_then(|s| s.instances.get(index).cloned()))
    });
    let why = Memo::new(move |_| {
        pg.snapshot.track();
        pg.sim
            .with_value(|s| s.as_ref().and_then(|s| explain_instance(s, index)))
    });
    let f = move |g: fn(&InstanceView) -> String| {
        Signal::derive(move || inst.with(|i| i.as_ref().map(g).unwrap_or_default()))
    };
    let tasks = move || inst.with(|i| i.as_ref().map(|i| i.tasks.clone()).unwrap_or_default());
    view! {
        <Show when=move || inst.with(Option::is_some) fallback=|| view! { <p class="hint">"No such instance."</p> }>
            <h2>"Container instance"</h2>
            <dl class="facts">
                <Row term="EC2 instance" value=f(|i| i.ec2_instance_id.clone()) />
                <Row term="Container instance" value=f(|i| i.container_instance_id.clone()) />
                <Row term="Type" value=f(|i| i.instance_type.clone()) />
                <Row term="Zone" value=f(|i| i.zone.clone()) />
                <Row term="Status" value=f(|i| labels::instance_status(i.status).to_string()) />
                <Row term="Capacity provider" value=f(|i| i.capacity_provider.clone().unwrap_or_else(|| "none".into())) />
                <Row term="CPU" value=f(|i| format!("{} of {} units reserved, {} free", i.cpu_used, i.cpu, i.cpu.saturating_sub(i.cpu_used))) />
                <Row term="Memory" value=f(|i| format!("{} of {} MiB reserved, {} free", i.memory_used, i.memory, i.memory.saturating_sub(i.memory_used))) />
                <Row term="ENIs" value=f(|i| format!("{} of {} awsvpc tasks", i.enis_used, i.eni_limit)) />
                <Row term="GPUs" value=f(|i| format!("{} of {}", i.gpus_used, i.gpus)) />
            </dl>
            <h3>"Tasks ("{move || tasks().len()}")"</h3>
            <div class="chips">
                <For each=tasks key=|t| *t children=move |t| view! { <TaskChip index=t /> } />
            </div>
            {move || why.get().map(|w| {
                let n = w.rows.len();
                view! {
                    <h3>"Waiting tasks: why not here?"</h3>
                    {if n == 0 {
                        view! { <p class="hint">"No task is waiting for this instance's capacity."</p> }.into_any()
                    } else {
                        view! { <Verdicts rows=w.rows lead=Lead::Task /> }.into_any()
                    }}
                    <details class="attributes">
                        <summary>{format!("Attributes ({})", w.attributes.len())}</summary>
                        <dl class="facts">
                            {w.attributes.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                    </details>
                }
            })}
        </Show>
    }
}
