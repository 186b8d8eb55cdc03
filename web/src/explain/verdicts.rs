//! A list of placement verdicts: per instance (or per task), the stage that rejected it and
//! the reason with the numbers.

use ecs_sim::sim::snapshot::Waiting;
use ecs_sim::view::{labels, VerdictRow};
use leptos::prelude::*;

/// Which name leads each row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// The instance (explaining a task).
    Instance,
    /// The task (explaining an instance).
    Task,
}

/// The verdict list.
#[component]
pub fn Verdicts(rows: Vec<VerdictRow>, lead: Lead) -> impl IntoView {
    view! {
        <ul class="verdicts" data-testid="verdicts">
            {rows.into_iter().map(|r| {
                let name = match lead {
                    Lead::Instance => format!("{} {} {}", labels::short_id(&r.ec2_instance_id), r.instance_type, r.zone),
                    Lead::Task => match r.waiting {
                        Waiting::Task(_) => format!("task {} {}", labels::short_id(&r.task_id), r.task_definition),
                        Waiting::Unplaced(_) => format!("{} (not placed) {}", r.task_id, r.task_definition),
                    },
                };
                let passed = r.stage.is_none();
                view! {
                    <li class:passed=passed data-testid="verdict" data-stage=r.stage.unwrap_or("passed")>
                        <span class="who">{name}</span>
                        <span class="stage">{r.stage.unwrap_or("fits")}</span>
                        <span class="why">{r.reason.unwrap_or_else(|| "passes every filter".into())}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
