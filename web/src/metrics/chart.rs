//! One small SVG line chart drawn from a [`ChartView`]: axes with ticks and units, lines,
//! a labelled target line, event markers and the time cursor. Nothing is computed here
//! beyond formatting numbers into attributes.

use ecs_sim::time::Millis;
use ecs_sim::view::charts::{cursor_x, ChartView, FRAME};
use leptos::prelude::*;

/// A chart; redrawn when `view` changes, while `now` only moves the cursor.
#[component]
pub fn Chart(view: Memo<Option<ChartView>>, now: Memo<Millis>) -> impl IntoView {
    let title = move || view.with(|v| v.as_ref().map(|v| v.title.clone()).unwrap_or_default());
    let empty = move || view.with(|v| v.as_ref().is_none_or(ChartView::is_empty));
    let cursor = move || {
        let t = now.get();
        view.with(|v| v.as_ref().and_then(|v| cursor_x(v, t)))
    };
    view! {
        <figure class="chart" data-testid="chart" data-title=title data-empty=move || empty().to_string()>
            <figcaption>
                <span class="chart-title">{title}</span>
                <span class="legend">{move || view.with(|v| v.as_ref().map(legend).unwrap_or_default())}</span>
            </figcaption>
            <Show when=move || !empty() fallback=move || view! {
                <p class="no-data" data-testid="no-data">{move || view.with(|v| v.as_ref().map_or("", |v| v.no_data))}</p>
            }>
                <svg viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height) role="img"
                    aria-label=title class="chart-svg">
                    {move || view.get().map(body)}
                    {move || cursor().map(|x| view! {
                        <line class="cursor" data-testid="chart-cursor" x1=x y1=FRAME.top x2=x y2=FRAME.bottom />
                    })}
                </svg>
            </Show>
        </figure>
    }
}

/// The newest value per series, for the caption (plain text; empty before any datapoint).
fn legend(v: &ChartView) -> String {
    let unit = match v.unit {
        "%" => "%",
        "s" => " s",
        "$/h" => " $/h",
        _ => "",
    };
    let latest: Vec<String> = v
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let x = s.latest?;
            let mark = if i == 0 { "—" } else { "- -" };
            Some(if v.series.len() > 1 {
                format!("{mark} {} {}{unit}", s.label, short(x))
            } else {
                format!("latest {}{unit}", short(x))
            })
        })
        .collect();
    latest.join("   ")
}

/// A value with at most two decimals and no trailing zeros.
fn short(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Everything but the cursor.
fn body(v: ChartView) -> impl IntoView {
    let unit_label = format!("({})", v.unit);
    view! {
        <g class="axes">
            <line x1=FRAME.left y1=FRAME.bottom x2=FRAME.right y2=FRAME.bottom />
            <line x1=FRAME.left y1=FRAME.top x2=FRAME.left y2=FRAME.bottom />
            {v.ticks.y.into_iter().map(|t| view! {
                <line class="grid" x1=FRAME.left y1=t.pos x2=FRAME.right y2=t.pos />
                <text class="tick" x=FRAME.left - 3.0 y=t.pos + 3.0 text-anchor="end">{t.label}</text>
            }).collect_view()}
            {v.ticks.x.into_iter().map(|t| view! {
                <text class="tick" x=t.pos y=FRAME.bottom + 13.0 text-anchor="middle">{t.label}</text>
            }).collect_view()}
            <text class="axis-label" x=FRAME.right y=FRAME.height - 3.0 text-anchor="end">"time (h:mm)"</text>
            <text class="axis-label" x=2.0 y=FRAME.height - 3.0>{unit_label}</text>
        </g>
        {v.target.map(|t| view! {
            <g class="target" data-testid="chart-target" data-value=t.value.to_string()>
                <line x1=FRAME.left y1=t.y x2=FRAME.right y2=t.y />
                <text x=FRAME.right - 2.0 y=t.y - 3.0 text-anchor="end">{t.label}</text>
            </g>
        })}
        {v.markers.into_iter().map(|m| view! {
            <g class="marker" data-testid="chart-marker" data-at=m.at.to_string()>
                <line x1=m.x y1=FRAME.top x2=m.x y2=FRAME.bottom />
                <text x=if m.label_left { m.x - 2.0 } else { m.x + 2.0 }
                    text-anchor=if m.label_left { "end" } else { "start" }
                    y=FRAME.top + 10.0 + 11.0 * m.row as f64>{m.label}</text>
            </g>
        }).collect_view()}
        {v.series.into_iter().enumerate().map(|(i, s)| {
            let d = s.path();
            view! {
                <path class=format!("series s{i}") data-testid="chart-series" data-label=s.label
                    data-points=s.points.len().to_string() d=d />
            }
        }).collect_view()}
    }
}
