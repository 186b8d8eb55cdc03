//! One small SVG line chart drawn from a [`ChartView`]: axes with ticks and units, lines,
//! a labelled target line, event markers and the time cursor, plus a visually hidden text
//! alternative (latest / lowest / highest values and the markers) for screen readers. Nothing
//! is computed here beyond formatting numbers into attributes.
//!
//! Each part (axes, target, markers, lines) reads its own memo, so a new datapoint redraws the
//! lines but leaves axes and markers alone while they are unchanged.

use crate::state::Playground;
use ecs_sim::time::Millis;
use ecs_sim::view::chart_text::{chart_text, ChartText};
use ecs_sim::view::charts::{
    cursor_x, ChartSelects, ChartView, MarkerView, SeriesView, TargetLine, Ticks, FRAME,
};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Numbers the charts' text alternatives, for `aria-describedby`.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A chart; redrawn when `view` changes, while `now` only moves the cursor.
#[component]
pub fn Chart(view: Memo<Option<ChartView>>, now: Memo<Millis>) -> impl IntoView {
    let title = move || view.with(|v| v.as_ref().map(|v| v.title.clone()).unwrap_or_default());
    let empty = move || view.with(|v| v.as_ref().is_none_or(ChartView::is_empty));
    let cursor = move || {
        let t = now.get();
        view.with(|v| v.as_ref().and_then(|v| cursor_x(v, t)))
    };
    let text: Memo<Option<ChartText>> =
        Memo::new(move |_| view.with(|v| v.as_ref().map(chart_text)));
    let text_id = format!("chart-text-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let described_by = text_id.clone();
    // A chart is one more place to pick a service: a per-service chart selects its service,
    // the every-service chart's lines and legend entries select theirs.
    let pg = use_context::<Playground>();
    let owner = move || {
        view.with(|v| match v.as_ref().map(|v| &v.selects) {
            Some(ChartSelects::Service(name)) => Some(name.clone()),
            _ => None,
        })
    };
    let per_series = move || {
        view.with(|v| {
            v.as_ref()
                .is_some_and(|v| matches!(v.selects, ChartSelects::PerSeries(_)))
        })
    };
    let select_owner = move |_| {
        if let (Some(pg), Some(name)) = (pg, owner()) {
            pg.select_service_named(&name);
        }
    };
    view! {
        <figure class="chart" data-testid="chart" data-title=title data-empty=move || empty().to_string()
            data-service=owner class:selects-service=move || owner().is_some()
            aria-describedby=described_by on:click=select_owner>
            <figcaption>
                <span class="chart-title">{title}</span>
                <Show when=per_series fallback=move || view! {
                    <span class="legend">{move || view.with(|v| {
                        let Some(v) = v.as_ref() else { return Vec::new() };
                        let several = v.series.len() > 1;
                        legend(v).into_iter().map(|(i, t)| legend_entry(i, t, several)).collect::<Vec<_>>()
                    })}</span>
                }>
                    <span class="legend services-legend" role="group" aria-label="Select a service">
                        <LegendEntries view=view />
                    </span>
                </Show>
            </figcaption>
            <Show when=move || !empty() fallback=move || view! {
                <p class="no-data" data-testid="no-data">{move || view.with(|v| v.as_ref().map_or("", |v| v.no_data))}</p>
            }>
                <svg viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height) aria-hidden="true" class="chart-svg">
                    <Body view=view />
                    {move || cursor().map(|x| view! {
                        <line class="cursor" data-testid="chart-cursor" x1=x y1=FRAME.top x2=x y2=FRAME.bottom />
                    })}
                </svg>
            </Show>
            <div class="visually-hidden" id=text_id data-testid="chart-text">
                <p>{move || text.with(|t| t.as_ref().map(|t| t.summary.clone()).unwrap_or_default())}</p>
                <Show when=move || text.with(|t| t.as_ref().is_some_and(|t| !t.markers.is_empty()))>
                    <ul aria-label="Events marked on the chart">
                        {move || text.with(|t| t.as_ref().map(|t| t.markers.clone()).unwrap_or_default())
                            .into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
        </figure>
    }
}

/// The newest value per series, for the caption: `(series index, text)` per series with a
/// datapoint (none before the first). With several series each entry is drawn beside a swatch
/// of its line, and the entries wrap: on one cut line a projector read "DesiredTaskCoun…".
fn legend(v: &ChartView) -> Vec<(usize, String)> {
    // The value as it reads with its unit: `42%`, `0.08 s`, `$1.04/h` (was `1.04 $/h`).
    // Counts are whole: the simulator splits traffic as a flow, so a minute's sum of 5xx
    // responses can be 4998.33, which the legend showed (instructor walkthrough, 2026-12-07);
    // the goals' verdicts read "13,995" already.
    let with_unit = |x: f64| match v.unit {
        "%" => format!("{}%", short(x)),
        "s" => format!("{} s", short(x)),
        "$/h" => format!("${}/h", short(x)),
        unit if ecs_sim::view::charts::is_count(unit) => format!("{x:.0}"),
        _ => short(x),
    };
    v.series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let x = s.latest?;
            Some((
                i,
                if v.series.len() > 1 {
                    format!("{} {}", s.label, with_unit(x))
                } else {
                    format!("latest {}", with_unit(x))
                },
            ))
        })
        .collect()
}

/// One legend entry: a swatch drawn as its line is (colour and dashes) when the chart has
/// several series, then the text.
fn legend_entry(i: usize, text: String, several: bool) -> impl IntoView {
    view! {
        <span class="legend-item" data-testid="chart-legend-item">
            {several.then(|| view! {
                <svg class="legend-swatch" viewBox="0 0 18 6" aria-hidden="true">
                    <line class=format!("series s{i}") x1="1" y1="3" x2="17" y2="3" />
                </svg>
            })}
            {text}
        </span>
    }
}

/// The every-service chart's legend: one button per service (its colour, name and latest
/// value); clicking it, or pressing Enter or Space on it, selects the service. Keyed by
/// service, so a redraw changes only the latest values (rebuilding 50 buttons on every
/// redraw was a good part of a 16–18 ms chart frame at max speed, 2026-12-03).
#[component]
fn LegendEntries(view: Memo<Option<ChartView>>) -> impl IntoView {
    let pg = use_context::<Playground>();
    // (service, latest value) per series, in series order.
    let entries: Memo<Vec<(String, String)>> = Memo::new(move |_| {
        view.with(|v| {
            each_series(v, |_, s, service| {
                Some((service?, s.latest.map(short).unwrap_or_else(|| "–".into())))
            })
        })
    });
    let names = pg.map(|pg| pg.service_names());
    let selected_name = Memo::new(move |_| {
        pg.zip(names)
            .and_then(|(pg, names)| names.with(|l| l.get(pg.service.get()).cloned()))
    });
    view! {
        // Keyed by service and colour: a service keeps its entry across redraws, and one whose
        // colour changed with a new scenario gets a new one (keyed by name alone, "api" kept the
        // previous scenario's orange beside its blue line: engineer walkthrough, 2026-12-06).
        <For each=move || entries.with(|e| e.iter().map(|(n, _)| (n.clone(), colour_class(pg, n))).collect::<Vec<_>>())
            key=|k| k.clone()
            children=move |(name, colour)| {
                let own = name.clone();
                let latest = move || {
                    entries.with(|e| e.iter().find(|(n, _)| *n == own).map(|(_, l)| l.clone()))
                        .unwrap_or_default()
                };
                let is = name.clone();
                let selected = move || selected_name.with(|s| s.as_ref() == Some(&is));
                let pick = name.clone();
                view! {
                    <button type="button" class=format!("legend-entry {colour}") data-testid="chart-legend-entry"
                        data-service=name.clone()
                        aria-pressed=move || selected().to_string()
                        title=format!("Select {name} in every panel")
                        on:click=move |_| if let Some(pg) = pg { pg.select_service_named(&pick); }>
                        <span class="swatch" aria-hidden="true"></span>{name.clone()}" "{latest}
                    </button>
                }
            } />
    }
}

/// `f` of each series of the chart (its index, the series, and on the every-service chart the
/// service a click on it selects), keeping what `f` returns.
fn each_series<T>(
    v: &Option<ChartView>,
    f: impl Fn(usize, &SeriesView, Option<String>) -> Option<T>,
) -> Vec<T> {
    let Some(v) = v else { return Vec::new() };
    v.series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let service = match v.selects {
                ChartSelects::PerSeries(_) => v.series_service(i).map(str::to_string),
                _ => None,
            };
            f(i, s, service)
        })
        .collect()
}

/// The service's colour class (`c0`…`c7`), as its chips are drawn.
fn colour_class(pg: Option<Playground>, name: &str) -> String {
    pg.map_or_else(
        || crate::chip_table::colour_class(None),
        |pg| pg.service_colour_class(Some(name)),
    )
}

/// A value with at most two decimals and no trailing zeros.
fn short(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A series as drawn: class index, legend label, number of points, path data, and the service
/// a click on it selects (every-service chart only).
type Line = (usize, String, usize, String, Option<String>);

/// Everything but the cursor, each part redrawn only when its own data changes.
#[component]
fn Body(view: Memo<Option<ChartView>>) -> impl IntoView {
    let pg = use_context::<Playground>();
    let axes: Memo<Option<(Ticks, &'static str)>> =
        Memo::new(move |_| view.with(|v| v.as_ref().map(|v| (v.ticks.clone(), v.unit))));
    let target: Memo<Option<TargetLine>> =
        Memo::new(move |_| view.with(|v| v.as_ref().and_then(|v| v.target.clone())));
    let markers: Memo<Vec<MarkerView>> = Memo::new(move |_| {
        view.with(|v| v.as_ref().map(|v| v.markers.clone()).unwrap_or_default())
    });
    let lines: Memo<Vec<Line>> = Memo::new(move |_| {
        view.with(|v| {
            each_series(v, |i, s, service| {
                Some((i, s.label.clone(), s.points.len(), s.path(), service))
            })
        })
    });
    view! {
        <Show when=move || axes.with(Option::is_some)><Axes axes=axes /></Show>
        {move || target.get().map(|t| view! {
            <g class="target" data-testid="chart-target" data-value=t.value.to_string()>
                <line x1=t.x1 y1=t.y x2=t.x2 y2=t.y />
                <text x=t.x2 - 2.0 y=t.label_y text-anchor="end">{t.label}</text>
            </g>
        })}
        {move || markers.get().into_iter().map(marker_view).collect_view()}
        // Keyed by series (index and service): a redraw updates each line's path in place
        // instead of rebuilding every line (50 on the every-service chart).
        // A service's line is keyed by its colour too, as the legend's entries are.
        <For each=move || lines.with(|l| l.iter().map(|(i, _, _, _, s)| {
                let colour = s.as_ref().map(|name| colour_class(pg, name));
                (*i, s.clone(), colour)
            }).collect::<Vec<_>>())
            key=|k| k.clone()
            children=move |(i, service, colour)| {
                let line = Memo::new(move |_| lines.with(|l| l.get(i).map(|(_, label, n, d, _)| (label.clone(), *n, d.clone()))));
                let label = move || line.with(|l| l.as_ref().map(|l| l.0.clone()));
                let points = move || line.with(|l| l.as_ref().map(|l| l.1.to_string()));
                let d = move || line.with(|l| l.as_ref().map(|l| l.2.clone()));
                match service {
                    None => view! {
                        <path class=format!("series s{i}") data-testid="chart-series" data-label=label
                            data-points=points d=d />
                    }.into_any(),
                    // A service's line, in its colour, with a wide invisible stroke to click it by.
                    Some(name) => {
                        let colour = colour.unwrap_or_default();
                        let pick = name.clone();
                        view! {
                            <g class=format!("service-line {colour}")>
                                <path class="series svc" data-testid="chart-series" data-label=label
                                    data-service=name.clone() data-points=points d=d />
                                <path class="series-hit" data-testid="chart-series-hit" data-service=name d=d
                                    on:click=move |_| if let Some(pg) = pg { pg.select_service_named(&pick); } />
                            </g>
                        }.into_any()
                    }
                }
            } />
        // The markers' labels over the lines: drawn under them, a line crossing a label hid
        // letters of it ("te minate-instances", presenter walkthrough at 1280×720).
        <g class="marker-labels">
            {move || markers.get().into_iter().map(marker_label).collect_view()}
        </g>
    }
}

/// Axes, grid lines and tick labels. Ticks are keyed by label: as the time window moves, a
/// tick keeps its element and only its position changes (rebuilding every axis of every chart
/// on each redraw was a good part of the charts' frame at max speed).
#[component]
fn Axes(axes: Memo<Option<(Ticks, &'static str)>>) -> impl IntoView {
    let unit_label = move || axes.with(|a| a.as_ref().map(|(_, u)| format!("({u})")));
    let ticks = move |y: bool| {
        move || {
            axes.with(|a| {
                a.as_ref()
                    .map(|(t, _)| if y { t.y.clone() } else { t.x.clone() })
                    .unwrap_or_default()
            })
        }
    };
    // A tick's position, found again by its label (a handful of ticks per axis).
    let pos = move |y: bool, label: String| {
        move || {
            axes.with(|a| {
                a.as_ref()
                    .and_then(|(t, _)| {
                        let list = if y { &t.y } else { &t.x };
                        list.iter().find(|t| t.label == label).map(|t| t.pos)
                    })
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <g class="axes">
            <line x1=FRAME.left y1=FRAME.bottom x2=FRAME.right y2=FRAME.bottom />
            // The value axis ends at its top tick: above it is the marker labels' band.
            <line x1=FRAME.left y1=move || axes.with(|a| a.as_ref().and_then(|(t, _)| t.y.iter().map(|t| t.pos).reduce(f64::min)).unwrap_or(FRAME.top))
                x2=FRAME.left y2=FRAME.bottom />
            <For each=ticks(true) key=|t| t.label.clone() children=move |t| {
                let at = pos(true, t.label.clone());
                let y = Memo::new(move |_| at());
                let label_y = move || y.get() + 4.0;
                view! {
                    <line class="grid" x1=FRAME.left y1=y x2=FRAME.right y2=y />
                    <text class="tick" x=FRAME.left - 3.0 y=label_y text-anchor="end">{t.label}</text>
                }
            } />
            <For each=ticks(false) key=|t| t.label.clone() children=move |t| {
                let x = pos(false, t.label.clone());
                view! {
                    <text class="tick" x=x y=FRAME.bottom + 14.0 text-anchor="middle">{t.label}</text>
                }
            } />
            <text class="axis-label" x=FRAME.right y=FRAME.height - 3.0 text-anchor="end">"time (h:mm)"</text>
            <text class="axis-label" x=2.0 y=FRAME.height - 3.0>{unit_label}</text>
        </g>
    }
}

/// A marker line and its flag (laid out in `ecs-sim` so labels never overlap, each line rising
/// only to its own label); the full text is the hover title. Its label is drawn apart, over
/// the series ([`marker_label`]).
fn marker_view(m: MarkerView) -> impl IntoView {
    let abbreviated = (m.label != m.full).to_string();
    view! {
        <g class="marker" data-testid="chart-marker" data-at=m.at.to_string()
            data-abbreviated=abbreviated>
            <title>{m.full}</title>
            <line x1=m.x y1=m.line_top x2=m.x y2=FRAME.bottom />
            <line class="flag" x1=m.x y1=m.line_top x2=m.flag_to y2=m.line_top />
        </g>
    }
}

/// A marker's label, with its full text as the hover title.
fn marker_label(m: MarkerView) -> impl IntoView {
    view! {
        <g class="marker" data-testid="chart-marker-label" data-at=m.at.to_string()>
            <title>{m.full}</title>
            <text x=m.label_x text-anchor=if m.label_left { "end" } else { "start" } y=m.label_y>{m.label}</text>
        </g>
    }
}
