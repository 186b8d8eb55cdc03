//! The production traffic split of a blue/green, canary or linear deployment
//! (productionTrafficPercent), as one bar: blue (old) on the left, green (new) on the right.

use ecs_sim::view::deployments::TrafficSplit;
use leptos::prelude::*;

/// The split bar with both shares written out, so it reads without colour too.
#[component]
pub fn TrafficBar(split: TrafficSplit) -> impl IntoView {
    let green = split.green_percent.clamp(0.0, 100.0);
    let blue = 100.0 - green;
    let label = format!(
        "{}: blue {} {blue}%, green {} {green}%",
        split.strategy, split.blue, split.green
    );
    view! {
        <div class="traffic" data-testid="traffic-split" data-green=green.to_string()>
            <div class="traffic-head">
                <span>{format!("{} · {}", split.strategy, split.stage)}</span>
            </div>
            <div class="traffic-bar" role="img" aria-label=label>
                <div class="blue" style:width=format!("{blue}%")></div>
                <div class="green" data-testid="traffic-green" style:width=format!("{green}%")></div>
            </div>
            <div class="traffic-legend">
                <span class="blue-text">{format!("blue {} {blue}%", split.blue)}</span>
                <span class="green-text">{format!("green {} {green}%", split.green)}</span>
            </div>
        </div>
    }
}
