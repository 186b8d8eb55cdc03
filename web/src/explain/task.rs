//! A selected task: why it waits (every instance's verdict and ECS's closing sentence), or its
//! describe-tasks fields once placed or stopped.

use super::verdicts::{Lead, Verdicts};
use super::Row;
use crate::state::{Playground, Selection};
use crate::term::Term;
use ecs_sim::sim::lifecycle::launch_label;
use ecs_sim::sim::snapshot::TaskView;
use ecs_sim::task::LaunchKind;
use ecs_sim::time::clock;
use ecs_sim::view::placement::{service_placement, PlacementItem, PlacementView};
use ecs_sim::view::{explain_waiting, find_task, labels};
use leptos::prelude::*;

/// Details of task `index`.
#[component]
pub fn TaskDetails(index: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let task: Memo<Option<TaskView>> = Memo::new(move |_| {
        pg.snapshot
            .with(|s| s.as_ref().and_then(|s| find_task(s, index).cloned()))
    });
    let why = Memo::new(move |_| {
        pg.snapshot.track();
        pg.sim
            .with_value(|s| s.as_ref().and_then(|s| explain_waiting(s, index)))
    });
    let instance_name = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            let s = s.as_ref()?;
            let i = find_task(s, index)?.instance?;
            s.instances
                .get(i)
                .map(|i| format!("{} ({})", i.ec2_instance_id, i.instance_type))
        })
    });
    let f = move |g: fn(&TaskView) -> String| {
        Signal::derive(move || task.with(|t| t.as_ref().map(g).unwrap_or_default()))
    };
    // Its service's placement strategies and constraints (the "why is this waiting?" answer
    // depends on them), each word a glossary term.
    let placement: Memo<Option<PlacementView>> = Memo::new(move |_| {
        let service = task.with(|t| t.as_ref().and_then(|t| t.service.clone()))?;
        pg.sim.with_value(|s| {
            let sim = s.as_ref()?;
            let i = sim
                .model
                .services
                .iter()
                .position(|v| *v.name == *service)?;
            service_placement(&sim.model, i)
        })
    });
    let waiting = move || task.with(|t| t.as_ref().is_some_and(|t| t.waiting_reason.is_some()));
    // The engine's own rule (Sim::task_to_hang), read again with each snapshot.
    let answering = move || {
        pg.snapshot.track();
        pg.sim
            .with_value(|s| s.as_ref().is_some_and(|s| s.task_to_hang(index).is_ok()))
    };
    // A PENDING task's containers waiting in dependsOn order (the engine's words).
    let start_order = move || {
        pg.snapshot.track();
        pg.sim
            .with_value(|s| s.as_ref().and_then(|s| s.start_order_wait(index)))
    };
    let stopped = move || {
        task.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.stop_code.is_some() || t.stopped_reason.is_some())
        })
    };
    view! {
        <Show when=move || task.with(Option::is_some)
            fallback=|| view! { <p class="hint">"This task is no longer shown: it stopped more than a minute ago, or the scenario restarted."</p> }>
            <h2>{move || if waiting() { "Why is this task waiting?" } else { "Task" }}</h2>
            <Show when=waiting>
                <p class="waiting-reason">{move || task.with(|t| t.as_ref().and_then(|t| t.waiting_reason.clone()).unwrap_or_default())}</p>
                {move || why.get().map(|w| view! {
                    <p class="lead">"Every container instance of the cluster, and the filter that rejected it:"</p>
                    <Verdicts rows=w.rows lead=Lead::Instance />
                    <blockquote class="ecs-says" data-testid="ecs-closing">{w.closing}</blockquote>
                })}
            </Show>
            {move || start_order().map(|why| view! {
                <p class="waiting-reason" data-testid="task-start-order">{why}</p>
            })}
            <Show when=move || task.with(|t| t.as_ref().is_some_and(|t| t.hung && t.desired_status == "RUNNING"))>
                <p class="waiting-reason" data-testid="task-hung">"Its application has hung (simulator): it answers nothing and fails every health check, though its process runs. ECS replaces it only when a load balancer or container health check fails, once its grace period is over."
                    // The default example's tasks have neither: nothing ever happens, and the
                    // panel should say why (walkthrough).
                    {move || task.with(|t| t.as_ref().is_some_and(|t| t.target_health.is_none() && t.health == ecs_sim::task::HealthStatus::Unknown)).then_some(" This task has neither a load balancer target nor a container health check, so ECS will never replace it.")}
                </p>
            </Show>
            // The simulator's failure for one task, beside the task (the failure toolbar had no
            // room left at 1280x720: one more button wrapped it and the canary example's
            // cluster no longer fitted its stage).
            <Show when=answering>
                <p class="task-actions">
                    <button type="button" data-testid="hang-task"
                        title="Simulator: this task's application stops answering; its process keeps running and only a health check notices"
                        on:click=move |_| {
                            if task.with_untracked(|t| t.as_ref().is_some_and(|t| t.service.is_none())) {
                                pg.command(|sim| sim.hang_task(index));
                            } else {
                                pg.live(|sim| sim.hang_task_action(index));
                            }
                        }>"Hang its application"</button>
                </p>
            </Show>
            <dl class="facts">
                <Row term="Task ID" value=f(|t| t.id.to_string()) />
                <Row term="Task definition" value=f(|t| t.task_definition.to_string()) />
                // The chip's state, explained: hover or focus it for its line of the lifecycle.
                <dt>"lastStatus"</dt><dd data-testid="task-last-status"><Term word=f(|t| t.last_status.as_str().to_string()) /></dd>
                <dt>"desiredStatus"</dt><dd data-testid="task-desired-status"><Term word=f(|t| t.desired_status.to_string()) /></dd>
                <Row term="healthStatus" value=f(|t| labels::health(t.health).to_string()) />
                // The load balancer's view, which "healthy" goals and counts read (healthStatus
                // above is the containers' own health check: UNKNOWN without one).
                // While it drains, how long is left of the deregistration delay (the chip counts
                // it down too).
                <Row term="Target health" value=Signal::derive(move || {
                    let now = pg.snapshot.with(|s| s.as_ref().map_or(0, |s| s.now_ms));
                    task.with(|t| t.as_ref().map(|t| match (t.target_health, labels::drain_left(t.draining_until, now)) {
                        (Some(s), Some(left)) => format!("{}: {left} of the target group's deregistration delay left, then its containers get SIGTERM", s.as_str()),
                        (Some(s), None) => s.as_str().to_string(),
                        (None, _) => "not registered in a target group".to_string(),
                    }).unwrap_or_default())
                }) />
                <Row term="Launch" value=f(|t| launch_label(t.launch).to_string()) />
                <dt>"Capacity provider"</dt><dd><Term word=f(|t| t.capacity_provider.as_deref().unwrap_or("none").to_string()) /></dd>
                <Row term="Instance" value=Signal::derive(move || {
                    let fargate = task.with(|t| t.as_ref().is_some_and(|t| matches!(t.launch, LaunchKind::Fargate | LaunchKind::FargateSpot)));
                    instance_name.get().unwrap_or_else(|| if fargate { "Fargate (no instance to manage)".into() } else { "not placed".into() })
                }) />
                <Row term="Zone" value=f(|t| t.zone.as_deref().unwrap_or("not placed").to_string()) />
                <Row term="Size" value=f(|t| format!("{} CPU units, {} MiB", t.cpu, t.memory)) />
                <Row term="Network mode" value=f(|t| t.network_mode.to_string()) />
                <Row term="Host ports" value=f(|t| if !t.host_ports.is_empty() {
                    t.host_ports.join(", ")
                } else if t.network_mode == "awsvpc" {
                    "none: the task has its own ENI, its container ports are on it".into()
                } else {
                    "none".into()
                }) />
                <Row term="startedAt" value=f(|t| t.started_at.map_or("not started".into(), clock)) />
                <Row term="Group" value=f(|t| t.group.to_string()) />
                <Show when=move || placement.with(Option::is_some)>
                    <dt>"Placement"</dt>
                    <dd data-testid="task-placement">{move || placement.get().map(placement_view)}</dd>
                </Show>
                <Show when=stopped>
                    <Row term="stopCode" value=f(|t| t.stop_code.map_or(String::new(), |c| labels::stop_code(c).to_string())) />
                    <Row term="stoppedReason" value=f(|t| t.stopped_reason.as_deref().unwrap_or_default().to_string()) />
                </Show>
                // Which container exited, and how: describe-tasks gives it on the container.
                <Show when=move || task.with(|t| t.as_ref().is_some_and(|t| t.exited_container.is_some()))>
                    <dt>"Exited container"</dt>
                    <dd data-testid="task-exited-container">{move || task.with(|t| t.as_ref().and_then(|t| t.exited_container.clone()).unwrap_or_default())}</dd>
                </Show>
            </dl>
            <Show when=move || instance_name.with(Option::is_some)>
                <button type="button" class="link" on:click=move |_| {
                    if let Some(i) = task.with_untracked(|t| t.as_ref().and_then(|t| t.instance)) {
                        pg.selection.set(Selection::Instance(i));
                    }
                }>"Show its instance"</button>
            </Show>
        </Show>
    }
}

/// A service's placement: `spread(attribute:ecs.availability-zone) › binpack(memory)` and its
/// constraints, each type a [`Term`]; Fargate says it places tasks itself.
pub(crate) fn placement_view(v: PlacementView) -> AnyView {
    if v.fargate {
        return view! {
            <span class="placement" title="Task placement strategies and constraints are not supported with Fargate">
                "Fargate spreads the tasks over the subnets' zones itself"
            </span>
        }
        .into_any();
    }
    let item = |i: PlacementItem| {
        view! {
            <span class="placement-item" data-testid="placement-item" data-word=i.word>
                <Term word=i.word.to_string() />
                {i.detail.map(|d| format!("({d})"))}
            </span>
        }
    };
    let strategies = v.strategies.into_iter().map(item).collect_view();
    let has_constraints = !v.constraints.is_empty();
    let constraints = v.constraints.into_iter().map(item).collect_view();
    view! {
        <span class="placement">
            <span class="placement-strategies" title="Placement strategies, applied in order">{strategies}</span>
            {has_constraints.then(|| view! {
                <span class="placement-constraints" title="Placement constraints: all must hold">" · "{constraints}</span>
            })}
        </span>
    }
    .into_any()
}
