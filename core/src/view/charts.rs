//! The metrics panel's charts as data: scales, axis ticks with units, line points, a target
//! line, event markers and the time cursor, projected from [`Sim::metrics`] into a fixed SVG
//! frame. The playground only draws what this returns, so every number on a chart is tested
//! natively here.
//!
//! A chart's view changes only when its data does: the x range ends at the current time rounded
//! up to a whole [`X_RANGE_STEP_MS`], so between new one-minute datapoints the view is equal to
//! the previous one and the page leaves the chart alone. The moving part, the time cursor, is
//! projected separately by [`cursor_x`].

use crate::metrics::{Datapoint, Dimension, MetricName, PERIOD_MS};
use crate::sim::log::{LogEntry, LogKind};
use crate::sim::Sim;
use crate::time::Millis;
use std::collections::BTreeMap;

/// The SVG frame every chart is drawn in (user units of its `viewBox`), so the web page and
/// the tests agree on where things land.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Left edge of the plot area (room for y tick labels).
    pub left: f64,
    /// Right edge of the plot area.
    pub right: f64,
    /// Top edge of the plot area.
    pub top: f64,
    /// Bottom edge of the plot area (room for x tick labels below).
    pub bottom: f64,
}

/// The frame the playground uses.
pub const FRAME: Frame = Frame {
    width: 320.0,
    height: 150.0,
    left: 48.0,
    right: 302.0,
    top: 12.0,
    bottom: 118.0,
};

/// The x range ends at "now" rounded up to this, so the view is stable between datapoints.
pub const X_RANGE_STEP_MS: Millis = 10 * PERIOD_MS;

/// How much history a chart shows by default: one hour, enough for a scaling story.
pub const DEFAULT_WINDOW_MS: Millis = 60 * PERIOD_MS;

/// One labelled tick on an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Position in the frame (x for the time axis, y for the value axis).
    pub pos: f64,
    /// Its label, with the unit where it reads naturally ("50%", "0.2 s", "1:30").
    pub label: String,
}

/// Both axes' ticks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ticks {
    /// Time axis, at whole minutes.
    pub x: Vec<Tick>,
    /// Value axis, at 1/2/5 × 10ⁿ steps.
    pub y: Vec<Tick>,
}

/// One line on a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesView {
    /// Its legend text (the CloudWatch metric name).
    pub label: String,
    /// Frame coordinates of its datapoints inside the x range, in time order.
    pub points: Vec<(f64, f64)>,
    /// The newest value, for the legend (even when it is outside the window).
    pub latest: Option<f64>,
    /// The lowest and highest value drawn (inside the x range), for the text alternative.
    pub range: Option<(f64, f64)>,
}

/// Half the length of the short segment that stands for a series' only datapoint.
pub const LONE_POINT_HALF_WIDTH: f64 = 2.5;

impl SeriesView {
    /// The SVG path data (`M x y L x y …`) through the points; empty when there are none. A
    /// single datapoint becomes a short horizontal segment around it, so it is drawn (a path
    /// of one point draws nothing).
    pub fn path(&self) -> String {
        if let [(x, y)] = self.points.as_slice() {
            let (a, b) = (
                (x - LONE_POINT_HALF_WIDTH).max(FRAME.left),
                (x + LONE_POINT_HALF_WIDTH).min(FRAME.width),
            );
            return format!("M{a:.1} {y:.1} L{b:.1} {y:.1}");
        }
        let mut d = String::with_capacity(self.points.len() * 16);
        for (i, (x, y)) in self.points.iter().enumerate() {
            let cmd = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{cmd}{x:.1} {y:.1} "));
        }
        d.truncate(d.trim_end().len());
        d
    }
}

/// A horizontal target line (e.g. a target tracking policy's target value).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// The value.
    pub value: f64,
    /// Its y in the frame.
    pub y: f64,
    /// What to write next to it ("target 50%").
    pub label: String,
    /// The baseline of that label: just above the line, or just below it when the line is
    /// too near the plot's top for the label to fit above without entering the marker labels'
    /// band (there it pushed a marker label down onto the data; review).
    pub label_y: f64,
    /// Where the line starts and ends: the plot's width, or a lesson goal's window
    /// ([`ChartInputs::target_windows`]). The label ends at `x2`.
    pub x1: f64,
    /// See `x1`.
    pub x2: f64,
}

/// A vertical marker for an event (a scaling action, a deployment starting or rolling back).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerView {
    /// When, virtual ms.
    pub at: Millis,
    /// Its x in the frame.
    pub x: f64,
    /// The label drawn: the full text, an abbreviation ending in "…", or empty when there is
    /// no room (see [`super::chart_labels`]); never overlapping another marker's label.
    pub label: String,
    /// What happened, in full (plain text), for the hover title and the text alternative.
    pub full: String,
    /// Which line its label sits on (0 at the top), so neighbouring labels do not overlap.
    pub row: usize,
    /// The label would run past the right edge: it is drawn to the left of the line instead.
    pub label_left: bool,
    /// The x the label's text is anchored at (its start, or its end when `label_left`).
    pub label_x: f64,
    /// The y of the label's baseline.
    pub label_y: f64,
    /// The y its line rises to from the plot's bottom: the top of its label's row (a flag
    /// pole, so the label is read as this line's), below every row when the label is hidden.
    pub line_top: f64,
    /// The x the pole's top turns to, toward its label: a short stub along the top of the label
    /// ([`MARKER_FLAG_STUB`]), so pole and label read as one flag on a projector; `x` when the
    /// label is hidden (no flag). A stub rather than the label's whole width: the width is an
    /// upper-bound estimate, and an edge that long ran well past the drawn text.
    pub flag_to: f64,
}

/// Label lines markers may use; a label with no room on any of them is abbreviated.
pub const MARKER_ROWS: usize = 4;
/// Font size of every text on a chart, in frame units. The page keeps a chart's drawing at
/// least 296 CSS px wide (its grid columns are at least 310 px), so this is at least 12 px on
/// screen (13 × 296 / 320).
pub const CHART_FONT: f64 = 13.0;
/// Estimated width of one marker-label character in frame units (an upper bound for
/// [`CHART_FONT`] sans-serif text), for laying labels out without measuring them.
pub const MARKER_CHAR_WIDTH: f64 = 8.0;
/// Height of one marker-label row in frame units.
pub const MARKER_ROW_HEIGHT: f64 = 15.0;
/// Length of the stub a marker's pole turns into at its top, toward its label, frame units.
pub const MARKER_FLAG_STUB: f64 = 10.0;

/// Everything one chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// The chart's title.
    pub title: String,
    /// The value axis' unit, as written on the axis ("%", "s", "tasks").
    pub unit: &'static str,
    /// The lines.
    pub series: Vec<SeriesView>,
    /// The target line, when one was given and it is inside the y range.
    pub target: Option<TargetLine>,
    /// Event markers inside the x range.
    pub markers: Vec<MarkerView>,
    /// Virtual time shown, ms: `[start, end]`.
    pub x_range: (Millis, Millis),
    /// Values shown: `[min, max]`.
    pub y_range: (f64, f64),
    /// Axis ticks.
    pub ticks: Ticks,
    /// What the page says instead of an empty chart: "no data yet", or why this service has
    /// no such series (see [`super::no_data`]).
    pub no_data: &'static str,
    /// Which service a click on the chart (or one of its series) selects.
    pub selects: ChartSelects,
}

/// Which service clicking a chart selects, so a chart is one more place to pick a service
/// (like a task chip or a log line): a per-service chart selects its service, and in the
/// every-service chart each series (and its legend entry) selects the service it plots.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ChartSelects {
    /// Nothing (a capacity provider's or the cost chart).
    #[default]
    Nothing,
    /// The whole chart belongs to the service of this name.
    Service(String),
    /// Series `i` plots the service named `services[i]`.
    PerSeries(Vec<String>),
}

impl ChartView {
    /// The service the chart's series `i` plots, if clicking it selects one.
    pub fn series_service(&self, i: usize) -> Option<&str> {
        match &self.selects {
            ChartSelects::Nothing => None,
            ChartSelects::Service(name) => Some(name),
            ChartSelects::PerSeries(names) => names.get(i).map(String::as_str),
        }
    }
}

/// The title of the chart comparing every service's running tasks.
pub const SERVICES_CHART_TITLE: &str = "RunningTaskCount · every service";

/// One line per service: its RunningTaskCount, labelled with the service's name, so the
/// services can be compared and one picked by clicking its line or legend entry.
pub fn services_chart(sim: &Sim, inputs: &ChartInputs) -> ChartView {
    let names: Vec<String> = sim.model.services.iter().map(|s| s.name.clone()).collect();
    let series: Vec<(&str, &[Datapoint])> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                n.as_str(),
                sim.metrics
                    .series(MetricName::RunningTaskCount, &Dimension::Service(i)),
            )
        })
        .collect();
    let markers = ChartInputs {
        markers: Vec::new(),
        ..inputs.clone()
    };
    ChartView {
        selects: ChartSelects::PerSeries(names.clone()),
        ..project(SERVICES_CHART_TITLE, "tasks", &series, None, &markers)
    }
}

impl ChartView {
    /// No series has a datapoint in the window: the page says "no data yet" instead.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }
}

/// What a chart plots besides its data; a plain struct so the auto scaling and deployment
/// owners can supply targets and markers without touching the charts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartInputs {
    /// The current virtual time, ms.
    pub now: Millis,
    /// How much history to show, ms (0 means [`DEFAULT_WINDOW_MS`]).
    pub window_ms: Millis,
    /// The time axis reaches at least this far (0: no such end): an open lesson's horizon, so
    /// its goal windows show whole from the start. The axis stopped at 0:10 while lesson 5's
    /// goals ran to 0:15, then jumped to 0:20 (presenter walkthrough, 2026-12-07).
    pub until: Millis,
    /// A target value per metric (drawn on the chart whose first series is that metric).
    pub targets: BTreeMap<MetricName, f64>,
    /// What a metric's line is, when it is not a target: "alarm >" for a step policy's alarm
    /// threshold. The line's label then starts with this instead of "target".
    pub target_names: BTreeMap<MetricName, String>,
    /// Events to mark on every chart: `(at_ms, label)`.
    pub markers: Vec<(Millis, String)>,
    /// A line on the cost per hour chart and its name ("goal ≤"): an open lesson's cost goal
    /// (lesson 4's $0.15 goal failed beside a cost chart without it: instructor walkthrough).
    pub cost_target: Option<(f64, String)>,
    /// The window a metric's line holds for, `(from, to)` with `None` for the end of the run:
    /// a lesson goal's. Lesson 12's goal line ran over the whole axis while only 0:15–0:30 is
    /// graded, and its passing run looked failed (instructor walkthrough, 2026-12-07).
    pub target_windows: BTreeMap<MetricName, GoalWindow>,
    /// The same for [`ChartInputs::cost_target`].
    pub cost_window: Option<GoalWindow>,
}

/// When a lesson goal's bound holds: from, and to (`None`: the end of the run), ms.
pub type GoalWindow = (Millis, Option<Millis>);

/// What to plot on one chart: a title, a unit and the series (metric, legend label).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartSpec {
    /// Title.
    pub title: &'static str,
    /// Unit of the value axis.
    pub unit: &'static str,
    /// The metrics drawn, first one decides the target line.
    pub metrics: &'static [MetricName],
}

/// The title of the per-service chart that draws `metric` (its CloudWatch name, e.g. a metric
/// goal's `HTTPCode_Target_5XX_Count`): presenter mode opens a lesson on the chart of the
/// metric it grades (a walkthrough found lesson 11 opening on CPUUtilization).
pub fn service_chart_of(metric: &str) -> Option<&'static str> {
    SERVICE_CHARTS
        .iter()
        .find(|c| c.metrics.iter().any(|m| m.as_str() == metric))
        .map(|c| c.title)
}

/// The per-service charts, in the order the panel shows them.
pub const SERVICE_CHARTS: [ChartSpec; 8] = [
    ChartSpec {
        title: "CPUUtilization",
        unit: "%",
        metrics: &[MetricName::CPUUtilization],
    },
    ChartSpec {
        title: "MemoryUtilization",
        unit: "%",
        metrics: &[MetricName::MemoryUtilization],
    },
    ChartSpec {
        title: "RequestCountPerTarget",
        unit: "requests",
        metrics: &[MetricName::RequestCountPerTarget],
    },
    ChartSpec {
        title: "HTTPCode_Target_5XX_Count",
        unit: "responses",
        metrics: &[MetricName::HTTPCode_Target_5XX_Count],
    },
    ChartSpec {
        title: "HTTPCode_ELB_5XX_Count",
        unit: "responses",
        metrics: &[MetricName::HTTPCode_ELB_5XX_Count],
    },
    ChartSpec {
        title: "TargetResponseTime",
        unit: "s",
        metrics: &[MetricName::TargetResponseTime],
    },
    // Behind a load balancer, the healthy targets too: "running" alone read as fine beside a
    // goal's "0 healthy tasks" (lesson 7 on a projector). Without one that line has no data
    // and neither a line nor a legend entry is drawn.
    ChartSpec {
        title: "Running vs desired tasks",
        unit: "tasks",
        metrics: &[
            MetricName::RunningTaskCount,
            MetricName::DesiredTaskCount,
            MetricName::HealthyHostCount,
        ],
    },
    // Calls from this service to another that failed (Cloud Map DNS vs Service Connect).
    ChartSpec {
        // Not a CloudWatch metric: the playground's count of a client's failed calls.
        title: "ClientErrorCount (playground's own)",
        unit: "calls",
        metrics: &[MetricName::ClientErrorCount],
    },
];

/// The per-capacity-provider charts.
pub const CAPACITY_PROVIDER_CHARTS: [ChartSpec; 2] = [
    ChartSpec {
        title: "CapacityProviderReservation",
        unit: "%",
        metrics: &[MetricName::CapacityProviderReservation],
    },
    ChartSpec {
        title: "InstanceCount",
        unit: "instances",
        metrics: &[MetricName::InstanceCount],
    },
];

/// Whether a chart's `unit` counts things (tasks, instances, requests, responses, calls), so its
/// values read whole: the simulator splits traffic as a flow, and a minute's sum of 5xx
/// responses read *4998.33* in a legend (instructor walkthrough, 2026-12-07). Percentages,
/// seconds and dollars per hour keep their decimals.
pub fn is_count(unit: &str) -> bool {
    matches!(
        unit,
        "calls" | "instances" | "requests" | "responses" | "tasks"
    )
}

/// The charts of service `service` (index into the model's services).
pub fn service_charts(sim: &Sim, service: usize, inputs: &ChartInputs) -> Vec<ChartView> {
    let dim = Dimension::Service(service);
    SERVICE_CHARTS
        .iter()
        .map(|spec| ChartView {
            no_data: super::no_data::service_reason(&sim.model, service, spec.metrics[0]),
            selects: sim
                .model
                .services
                .get(service)
                .map_or(ChartSelects::Nothing, |s| {
                    ChartSelects::Service(s.name.clone())
                }),
            ..metric_chart(sim, spec, &dim, inputs)
        })
        .collect()
}

/// The charts of the capacity provider named `provider`.
pub fn capacity_provider_charts(sim: &Sim, provider: &str, inputs: &ChartInputs) -> Vec<ChartView> {
    let dim = Dimension::CapacityProvider(provider.to_string());
    CAPACITY_PROVIDER_CHARTS
        .iter()
        .map(|spec| ChartView {
            title: format!("{} · {provider}", spec.title),
            no_data: super::no_data::provider_reason(&sim.model, provider, spec.metrics[0]),
            ..metric_chart(sim, spec, &dim, inputs)
        })
        .collect()
}

/// One chart of `spec`'s metrics for `dimension`, read from the engine's metric store.
pub fn metric_chart(
    sim: &Sim,
    spec: &ChartSpec,
    dimension: &Dimension,
    inputs: &ChartInputs,
) -> ChartView {
    let series: Vec<(&str, &[Datapoint])> = spec
        .metrics
        .iter()
        .map(|m| (m.as_str(), sim.metrics.series(*m, dimension)))
        .collect();
    let target = spec
        .metrics
        .first()
        .and_then(|m| inputs.targets.get(m))
        .copied();
    let mut view = project(spec.title, spec.unit, &series, target, inputs);
    let name = spec
        .metrics
        .first()
        .and_then(|m| inputs.target_names.get(m));
    name_target_line(&mut view, name.map(String::as_str));
    let window = spec
        .metrics
        .first()
        .and_then(|m| inputs.target_windows.get(m))
        .copied();
    limit_target_line(&mut view, window);
    view
}

/// Draws the chart's target line over `window` only (a lesson goal's), or not at all when the
/// window is outside the time axis; `None` keeps it across the plot.
pub(crate) fn limit_target_line(view: &mut ChartView, window: Option<GoalWindow>) {
    let Some((from, to)) = window else { return };
    let (start, end) = view.x_range;
    let to = to.unwrap_or(end).min(end);
    if from > end || to < start || to < from {
        view.target = None;
        return;
    }
    if let Some(line) = view.target.as_mut() {
        line.x1 = scale_x(from.max(start), view.x_range);
        line.x2 = scale_x(to, view.x_range);
    }
}

/// Calls the chart's target line `name` ("goal ≤ 0.1" for a lesson's goal instead of
/// "target 0.1"); no name keeps "target". The metric and cost charts both name their line.
pub(crate) fn name_target_line(view: &mut ChartView, name: Option<&str>) {
    if let (Some(line), Some(name)) = (view.target.as_mut(), name) {
        line.label = line.label.replacen("target", name, 1);
    }
}

/// The pure projection: series of datapoints → a chart in [`FRAME`].
pub fn project(
    title: &str,
    unit: &'static str,
    series: &[(&str, &[Datapoint])],
    target: Option<f64>,
    inputs: &ChartInputs,
) -> ChartView {
    let x_range = x_range(inputs.now, inputs.window_ms, inputs.until);
    let (lo, hi) = value_bounds(series, target, x_range);
    let (y_range, step) = y_scale(lo, hi, unit);
    let top = FRAME.top + label_band(&inputs.markers, x_range);
    let target = target_line(target, y_range, step, unit, top);
    // Marker labels keep clear of the target line's label (drawn right-aligned above the line).
    let obstacles: Vec<super::chart_labels::LabelBox> = target
        .iter()
        .map(|t| {
            let w = t.label.chars().count() as f64 * MARKER_CHAR_WIDTH;
            let baseline = t.label_y;
            (
                FRAME.right - 2.0 - w,
                baseline - CHART_FONT,
                FRAME.right - 2.0,
                baseline + 3.0,
            )
        })
        .collect();
    ChartView {
        title: title.to_string(),
        unit,
        series: project_series(series, x_range, y_range, top),
        target,
        markers: place_markers(&inputs.markers, x_range, &obstacles),
        x_range,
        y_range,
        ticks: Ticks {
            x: x_ticks(x_range),
            y: y_ticks(y_range, step, unit, top),
        },
        no_data: super::no_data::NO_DATA_YET,
        selects: ChartSelects::Nothing,
    }
}

/// Whether datapoint `d` is drawn: inside the time range and a finite value.
fn in_window(d: &Datapoint, x_range: (Millis, Millis)) -> bool {
    d.at >= x_range.0 && d.at <= x_range.1 && d.value.is_finite()
}

/// The lowest and highest value the y axis must show: every drawn datapoint, the target and 0
/// (so a chart's baseline is zero).
fn value_bounds(
    series: &[(&str, &[Datapoint])],
    target: Option<f64>,
    x_range: (Millis, Millis),
) -> (f64, f64) {
    let mut hi = target.filter(|t| t.is_finite()).unwrap_or(0.0);
    let mut lo = 0.0f64;
    for (_, points) in series {
        for d in points.iter().filter(|d| in_window(d, x_range)) {
            hi = hi.max(d.value);
            lo = lo.min(d.value);
        }
    }
    (lo, hi)
}

/// Each series' drawn datapoints as frame points, with its latest value (drawn or not) for the
/// legend.
fn project_series(
    series: &[(&str, &[Datapoint])],
    x_range: (Millis, Millis),
    y_range: (f64, f64),
    top: f64,
) -> Vec<SeriesView> {
    series
        .iter()
        .map(|(label, points)| SeriesView {
            label: label.to_string(),
            points: points
                .iter()
                .filter(|d| in_window(d, x_range))
                .map(|d| (scale_x(d.at, x_range), scale_y(d.value, y_range, top)))
                .collect(),
            latest: points.last().map(|d| d.value),
            range: points.iter().filter(|d| in_window(d, x_range)).fold(
                None,
                |r: Option<(f64, f64)>, d| {
                    Some(r.map_or((d.value, d.value), |(lo, hi)| {
                        (lo.min(d.value), hi.max(d.value))
                    }))
                },
            ),
        })
        .collect()
}

/// The chart's target value (a target tracking policy's target, or an alarm threshold) as a
/// labelled horizontal line, when it is within the y range.
fn target_line(
    target: Option<f64>,
    y_range: (f64, f64),
    step: f64,
    unit: &str,
    top: f64,
) -> Option<TargetLine> {
    target
        .filter(|t| t.is_finite() && *t >= y_range.0 && *t <= y_range.1)
        .map(|t| {
            let y = scale_y(t, y_range, top);
            TargetLine {
                value: t,
                y,
                label_y: if y - 3.0 - CHART_FONT < top {
                    y + CHART_FONT
                } else {
                    y - 3.0
                },
                label: format!("target {}", value_label(t, step.min(own_step(t)), unit)),
                x1: FRAME.left,
                x2: FRAME.right,
            }
        })
}

/// The event markers inside the time range, left to right, their labels laid out on at most
/// [`MARKER_ROWS`] rows by [`super::chart_labels::place_labels`] so that no two overlap.
fn place_markers(
    markers: &[(Millis, String)],
    x_range: (Millis, Millis),
    obstacles: &[super::chart_labels::LabelBox],
) -> Vec<MarkerView> {
    let mut in_range: Vec<&(Millis, String)> = markers
        .iter()
        .filter(|(at, _)| *at >= x_range.0 && *at <= x_range.1)
        .collect();
    crate::order::sort_by_key(&mut in_range, |(at, _)| *at);
    // A deployment's start at the instant of the UpdateService call that made it says again what
    // that call's marker says ("checkout → checkout:2"): it took a label row of its own.
    let said: Vec<Millis> = in_range
        .iter()
        .filter(|(_, full)| {
            full.starts_with("update-service ") || full.starts_with("codedeploy create-deployment ")
        })
        .map(|(at, _)| *at)
        .collect();
    in_range.retain(|(at, full)| !(full == "deployment" && said.contains(at)));
    // The chart draws a few words per marker and keeps the whole text for the hover title.
    let words: Vec<String> = in_range
        .iter()
        .map(|(_, full)| super::marker_words::marker_words(full))
        .collect();
    let at_x: Vec<(f64, &str)> = in_range
        .iter()
        .zip(&words)
        .map(|((at, _), label)| (scale_x(*at, x_range), label.as_str()))
        .collect();
    // A label with no room says less before it is cut: "desired 12", not "worker: desir…".
    let shorts: Vec<Option<String>> = words
        .iter()
        .map(|w| super::marker_words::marker_short(w))
        .collect();
    let shorts: Vec<Option<&str>> = shorts.iter().map(Option::as_deref).collect();
    let placed =
        super::chart_labels::place_labels_with_short(&at_x, &shorts, &MARKER_SPACE, obstacles);
    in_range
        .into_iter()
        .zip(at_x)
        .zip(placed)
        .map(|(((at, full), (x, _)), p)| {
            let stub = MARKER_FLAG_STUB.min(p.bounds.2 - p.bounds.0);
            let flag_to = if p.text.is_empty() {
                x
            } else if p.left {
                x - stub
            } else {
                x + stub
            };
            MarkerView {
                at: *at,
                x,
                label: p.text,
                full: full.clone(),
                row: p.row,
                label_left: p.left,
                label_x: p.anchor_x,
                // The baseline sits a little above the row's bottom.
                label_y: p.bounds.1 + MARKER_ROW_HEIGHT - 3.0,
                line_top: p.line_top,
                flag_to,
            }
        })
        .collect()
}

/// Where marker labels may go: the plot's top rows, from the value axis to the frame's edge.
const MARKER_SPACE: super::chart_labels::LabelSpace = super::chart_labels::LabelSpace {
    min_x: FRAME.left,
    max_x: FRAME.width - 1.0,
    top: FRAME.top,
    row_height: MARKER_ROW_HEIGHT,
    rows: MARKER_ROWS,
    char_width: MARKER_CHAR_WIDTH,
    gap: 2.0,
    far_gap: MARKER_CHAR_WIDTH,
};

/// Where the time cursor for `now` goes on `view`, or `None` when `now` is outside its range.
pub fn cursor_x(view: &ChartView, now: Millis) -> Option<f64> {
    (now >= view.x_range.0 && now <= view.x_range.1).then(|| scale_x(now, view.x_range))
}

/// Characters of an action's log line a marker keeps for its hover title and text alternative
/// (the chart draws a few words of it, [`super::marker_words`]); a longer line is cut with "…".
pub const ACTION_TEXT_CHARS: usize = 300;

/// Markers for the actions in `log` (a user's or the timeline's stop-task, terminate, drain,
/// AZ outage, update-service …), newest `max` of them, each with its whole line (up to
/// [`ACTION_TEXT_CHARS`]): the chart draws its few words from the whole line. Cut here to 22
/// characters for the Cost chart, lesson 14's "update-service worker: desiredCount 3." never
/// reached its words (review, 2026-12-06).
pub fn action_markers(log: &[LogEntry], max: usize) -> Vec<(Millis, String)> {
    let mut out: Vec<(Millis, String)> = log
        .iter()
        .rev()
        // A skipped timeline action changed nothing: no marker (lesson 4's chart carried two
        // "Timeline event skipped:…" labels for interruptions that found no Spot task).
        .filter(|e| {
            e.kind == LogKind::Action && !e.text.starts_with(crate::sim::commands::TIMELINE_SKIPPED)
        })
        .take(max)
        .map(|e| {
            let text = e
                .text
                .strip_prefix("Timeline (scripted): ")
                .unwrap_or(&e.text);
            let label = if text.chars().count() > ACTION_TEXT_CHARS {
                let cut: String = text.chars().take(ACTION_TEXT_CHARS - 1).collect();
                format!("{cut}…")
            } else {
                text.to_string()
            };
            (e.at, label)
        })
        .collect();
    out.reverse();
    out
}

/// `[end - window, end]` with `end` = `now` rounded up to [`X_RANGE_STEP_MS`] (at least one step),
/// or `until` (a lesson's horizon) while `now` has not passed it and it is within one window.
fn x_range(now: Millis, window_ms: Millis, until: Millis) -> (Millis, Millis) {
    let window = if window_ms == 0 {
        DEFAULT_WINDOW_MS
    } else {
        window_ms
    };
    let end = if until > 0 && now <= until && until <= window {
        until
    } else {
        now.div_ceil(X_RANGE_STEP_MS).max(1) * X_RANGE_STEP_MS
    };
    (end.saturating_sub(window), end)
}

fn scale_x(at: Millis, (start, end): (Millis, Millis)) -> f64 {
    let span = end.saturating_sub(start).max(1) as f64;
    FRAME.left + (at.saturating_sub(start) as f64 / span) * (FRAME.right - FRAME.left)
}

/// Where value `v` is drawn: `lo` at the plot's bottom, `hi` at `top` (the frame's top, or
/// lower to leave the marker labels their band: [`label_band`]).
fn scale_y(v: f64, (lo, hi): (f64, f64), top: f64) -> f64 {
    let span = if hi > lo { hi - lo } else { 1.0 };
    FRAME.bottom - ((v - lo) / span) * (FRAME.bottom - top)
}

/// The height of the band the event markers' labels take above the data: the rows they use
/// (none without a marker in range). The data is drawn below it, so no label covers a line or
/// a spike: a service at its desired count drew its line through "terminate-instances i-0b6b…",
/// and lesson 11's labels covered the 5XX spike its hint points to (walkthroughs, 2026-12-06).
fn label_band(markers: &[(Millis, String)], x_range: (Millis, Millis)) -> f64 {
    let rows = place_markers(markers, x_range, &[])
        .iter()
        .filter(|m| !m.label.is_empty())
        .map(|m| m.row + 1)
        .max()
        .unwrap_or(0);
    // A gap under the last row: a line at the top of its range was drawn against the labels
    // (lesson 13's two instances under "worker: desired…", instructor walkthrough).
    if rows == 0 {
        0.0
    } else {
        rows as f64 * MARKER_ROW_HEIGHT + MARKER_BAND_GAP
    }
}

/// Space between the marker labels' last row and the top of the plot, in frame units.
pub const MARKER_BAND_GAP: f64 = 6.0;

/// A "nice" step (1, 2 or 5 × 10ⁿ) that splits `span` into at most `max_ticks` parts.
/// Display only: nothing in the engine reads it.
fn nice_step(span: f64, max_ticks: f64) -> f64 {
    let raw = (span / max_ticks).max(f64::MIN_POSITIVE);
    let mut magnitude = 1.0;
    while magnitude > raw {
        magnitude /= 10.0;
    }
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(magnitude * 10.0)
}

/// The value range (from 0, or below it for negative data, up to a whole step above the largest
/// value) and its tick step. Counts get whole-number steps; percentages show at least 0–100.
fn y_scale(lo: f64, hi: f64, unit: &str) -> ((f64, f64), f64) {
    let hi = if unit == "%" { hi.max(100.0) } else { hi };
    let hi = if hi > lo { hi } else { lo + 1.0 };
    let mut step = nice_step(hi - lo, 4.0);
    if unit != "s" && unit != "%" && unit != USD_PER_HOUR {
        step = step.max(1.0);
    }
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    ((lo, hi), step)
}

fn y_ticks((lo, hi): (f64, f64), step: f64, unit: &str, top: f64) -> Vec<Tick> {
    let n = ((hi - lo) / step).round() as usize;
    (0..=n.min(20))
        .map(|i| {
            let v = lo + step * i as f64;
            Tick {
                pos: scale_y(v, (lo, hi), top),
                label: value_label(v, step, unit),
            }
        })
        .collect()
}

/// The cost chart's unit: dollars per hour, with fractional steps and `$` before each tick.
pub const USD_PER_HOUR: &str = "$/h";

/// A value with as many decimals as the step needs, and the unit where it reads naturally.
/// The finest of 1, 0.1, 0.01 and 0.001 that writes `v` whole: a line's own value keeps its
/// digits whatever the axis's step (a goal at 0.1 s on a 0–60 s axis read "0 s": review of
/// lesson 12's goal line).
fn own_step(v: f64) -> f64 {
    [1.0, 0.1, 0.01]
        .into_iter()
        .find(|s| ((v / s).round() * s - v).abs() < 1e-9)
        .unwrap_or(0.001)
}

fn value_label(v: f64, step: f64, unit: &str) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else if step >= 0.01 {
        2
    } else {
        3
    };
    // Money in whole cents at least: lesson 14's goal line read "$0.3" beside "$0.30".
    let decimals = if unit == USD_PER_HOUR {
        decimals.max(2)
    } else {
        decimals
    };
    let n = format!("{v:.decimals$}");
    match unit {
        "%" => format!("{n}%"),
        "s" => format!("{n} s"),
        USD_PER_HOUR => format!("${n}"),
        _ => n,
    }
}

/// Ticks at whole minutes (1, 2, 5, 10, 15, 30 or 60), at most six, labelled `h:mm`.
fn x_ticks((start, end): (Millis, Millis)) -> Vec<Tick> {
    let span_min = end.saturating_sub(start) / PERIOD_MS;
    let step_min = [1, 2, 5, 10, 15, 30, 60, 120, 240]
        .into_iter()
        .find(|s| span_min / s <= 6)
        .unwrap_or(480);
    let step = step_min * PERIOD_MS;
    let first = start.div_ceil(step) * step;
    (0..)
        .map(|i| first + i * step)
        .take_while(|at| *at <= end)
        .map(|at| Tick {
            pos: scale_x(at, (start, end)),
            label: time_label(at),
        })
        .collect()
}

/// `h:mm` of virtual time, for the time axis.
pub fn time_label(at: Millis) -> String {
    let min = at / PERIOD_MS;
    format!("{}:{:02}", min / 60, min % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_chart_unit_is_a_count_or_a_measure_with_decimals() {
        use super::*;
        let units: Vec<&str> = SERVICE_CHARTS
            .iter()
            .chain(&CAPACITY_PROVIDER_CHARTS)
            .map(|c| c.unit)
            .chain([USD_PER_HOUR])
            .collect();
        for unit in units {
            let measure = matches!(unit, "%" | "s" | "$/h");
            assert_eq!(is_count(unit), !measure, "{unit}");
        }
    }

    #[test]
    fn a_metric_goal_finds_the_chart_that_draws_its_metric() {
        assert_eq!(
            service_chart_of("HTTPCode_Target_5XX_Count"),
            Some("HTTPCode_Target_5XX_Count")
        );
        assert_eq!(
            service_chart_of("DesiredTaskCount"),
            Some("Running vs desired tasks")
        );
        assert_eq!(service_chart_of("NoSuchMetric"), None);
    }

    use super::*;

    fn points(values: &[(u64, f64)]) -> Vec<Datapoint> {
        values
            .iter()
            .map(|(m, v)| Datapoint {
                at: m * PERIOD_MS,
                value: *v,
            })
            .collect()
    }

    fn inputs(now_min: u64) -> ChartInputs {
        ChartInputs {
            now: now_min * PERIOD_MS,
            ..ChartInputs::default()
        }
    }

    #[test]
    fn empty_series_make_an_empty_chart_with_axes() {
        let view = project("CPUUtilization", "%", &[("CPU", &[])], None, &inputs(0));
        assert!(view.is_empty());
        assert_eq!(view.x_range, (0, X_RANGE_STEP_MS));
        assert_eq!(view.y_range, (0.0, 100.0));
        assert_eq!(view.series[0].path(), "");
        assert!(!view.ticks.y.is_empty() && !view.ticks.x.is_empty());
    }

    #[test]
    fn a_lesson_horizon_sets_the_time_axis_end_from_the_start() {
        // Lesson 5's goals run to 0:15: the axis showed 0:00–0:10, then jumped to 0:20.
        let data = points(&[(1, 6.0), (2, 6.0)]);
        let lesson = |now_min: u64| ChartInputs {
            until: 15 * PERIOD_MS,
            ..inputs(now_min)
        };
        for now in [0, 2, 10, 15] {
            let view = project(
                "Running",
                "tasks",
                &[("Running", &data)],
                None,
                &lesson(now),
            );
            assert_eq!(view.x_range, (0, 15 * PERIOD_MS), "at minute {now}");
            let last = view.ticks.x.last().map(|t| t.label.clone());
            assert_eq!(last.as_deref(), Some("0:15"), "at minute {now}");
        }
        // Past the horizon the axis follows the clock again.
        let later = project("Running", "tasks", &[("Running", &data)], None, &lesson(16));
        assert_eq!(later.x_range, (0, 20 * PERIOD_MS));
        // A horizon longer than the window is not squeezed into it.
        let long = ChartInputs {
            until: 90 * PERIOD_MS,
            ..inputs(2)
        };
        let view = project("Running", "tasks", &[("Running", &data)], None, &long);
        assert_eq!(view.x_range, (0, X_RANGE_STEP_MS));
    }

    #[test]
    fn percent_axis_runs_0_to_100_with_unit_labels() {
        let data = points(&[(1, 20.0), (2, 80.0)]);
        let view = project("CPU", "%", &[("CPU", &data)], None, &inputs(2));
        let labels: Vec<&str> = view.ticks.y.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0%", "50%", "100%"]);
        assert_eq!(view.ticks.y[0].pos, FRAME.bottom);
        assert_eq!(view.ticks.y[2].pos, FRAME.top);
    }

    #[test]
    fn marker_labels_take_a_band_above_the_data_and_never_cover_it() {
        let data = points(&[(0, 6.0), (2, 4.0), (5, 6.0)]);
        let plain = project("Running", "tasks", &[("Running", &data)], None, &inputs(10));
        let top = |v: &ChartView| {
            v.series[0]
                .points
                .iter()
                .map(|p| p.1)
                .fold(f64::MAX, f64::min)
        };
        assert_eq!(
            top(&plain),
            FRAME.top,
            "without markers the data reaches the top"
        );
        // Four markers at two instants: a staircase of labels on four rows.
        let mut marked = inputs(10);
        marked.markers = vec![
            (
                2 * PERIOD_MS,
                "update-service checkout: taskDefinition checkout:2".into(),
            ),
            (2 * PERIOD_MS, "deployment".into()),
            (2 * PERIOD_MS + 29_000, "deployment failed".into()),
            (2 * PERIOD_MS + 29_000, "rollback".into()),
        ];
        let view = project("Running", "tasks", &[("Running", &data)], None, &marked);
        assert_eq!(
            view.y_range, plain.y_range,
            "the value axis keeps its range and ticks"
        );
        let lowest_label = view
            .markers
            .iter()
            .filter(|m| !m.label.is_empty())
            .map(|m| m.label_y + 3.0)
            .fold(f64::MIN, f64::max);
        assert!(
            lowest_label > FRAME.top + MARKER_ROW_HEIGHT,
            "several rows: {lowest_label}"
        );
        // With a gap: a line at the top of its range is not drawn against the last row.
        assert!(
            top(&view) >= lowest_label + MARKER_BAND_GAP,
            "data at {} under labels down to {lowest_label}",
            top(&view)
        );
        assert_eq!(view.ticks.y.last().map(|t| t.pos), Some(top(&view)));
        // A marker outside the window leaves the plot whole.
        marked.markers = vec![(20 * PERIOD_MS, "later".into())];
        let outside = project("Running", "tasks", &[("Running", &data)], None, &marked);
        assert_eq!(top(&outside), FRAME.top);
    }

    #[test]
    fn a_target_at_the_top_draws_its_label_below_and_leaves_the_band_to_the_markers() {
        // The target (6) is the range's top; a marker label on the right would have moved down
        // a row to keep clear of the target's label, onto the data (review).
        let data = points(&[(0, 4.0), (9, 4.0)]);
        let mut marked = inputs(10);
        marked.markers = vec![(9 * PERIOD_MS, "scale out 4→6".into())];
        let view = project(
            "Running",
            "tasks",
            &[("Running", &data)],
            Some(6.0),
            &marked,
        );
        let target = view.target.clone().expect("a target line");
        let top = view.ticks.y.iter().map(|t| t.pos).fold(f64::MAX, f64::min);
        assert_eq!(target.y, top);
        assert!(target.label_y > target.y, "below its line: {target:?}");
        for m in view.markers.iter().filter(|m| !m.label.is_empty()) {
            assert!(m.label_y + 3.0 <= top, "{m:?} under the plot's top {top}");
        }
        // Lower down, the label stays above its line.
        let view = project(
            "Running",
            "tasks",
            &[("Running", &points(&[(0, 8.0)]))],
            Some(4.0),
            &marked,
        );
        let target = view.target.expect("a target line");
        assert!(target.label_y < target.y);
    }

    #[test]
    fn points_scale_into_the_frame_in_time_order() {
        let data = points(&[(0, 0.0), (5, 50.0), (10, 100.0)]);
        let view = project("CPU", "%", &[("CPU", &data)], None, &inputs(10));
        let p = &view.series[0].points;
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], (FRAME.left, FRAME.bottom));
        assert_eq!(p[2], (FRAME.right, FRAME.top));
        let mid = (FRAME.left + FRAME.right) / 2.0;
        assert!((p[1].0 - mid).abs() < 1e-9);
        assert_eq!(view.series[0].path().matches('L').count(), 2);
        assert!(view.series[0].path().starts_with('M'));
    }

    #[test]
    fn counts_get_whole_ticks_and_room_above_the_largest_value() {
        let data = points(&[(1, 3.0), (2, 7.0)]);
        let view = project("tasks", "tasks", &[("Running", &data)], None, &inputs(2));
        assert_eq!(view.y_range, (0.0, 8.0));
        assert!(view.ticks.y.iter().all(|t| !t.label.contains('.')));
        // A flat zero series still has a usable axis.
        let zeros = points(&[(1, 0.0)]);
        let view = project("5xx", "responses", &[("5xx", &zeros)], None, &inputs(1));
        assert_eq!(view.y_range, (0.0, 1.0));
    }

    #[test]
    fn seconds_axis_keeps_decimals() {
        let data = points(&[(1, 0.12), (2, 0.31)]);
        let view = project("TRT", "s", &[("TRT", &data)], None, &inputs(2));
        assert_eq!(view.y_range.1, 0.4);
        assert_eq!(view.ticks.y[1].label, "0.1 s");
    }

    #[test]
    fn a_target_line_keeps_its_own_digits_on_a_coarse_axis() {
        // 0.1 s beside response times up to 60 s: the axis steps by 20 s.
        let pts = points(&[(1, 60.0)]);
        let view = project(
            "TargetResponseTime",
            "s",
            &[("TRT", &pts)],
            Some(0.1),
            &inputs(1),
        );
        assert_eq!(
            view.target.map(|t| t.label),
            Some("target 0.1 s".to_string())
        );
        assert_eq!(own_step(50.0), 1.0);
        assert_eq!(own_step(0.25), 0.01);
    }

    #[test]
    fn target_line_is_labelled_and_raises_the_axis_when_above_the_data() {
        let data = points(&[(1, 2.0)]);
        let view = project(
            "RCPT",
            "requests",
            &[("RCPT", &data)],
            Some(1000.0),
            &inputs(1),
        );
        let t = view.target.expect("a target line");
        assert_eq!(t.label, "target 1000");
        assert!(view.y_range.1 >= 1000.0);
        assert!(t.y >= FRAME.top && t.y <= FRAME.bottom);
        let view = project("CPU", "%", &[("CPU", &data)], Some(50.0), &inputs(1));
        assert_eq!(view.target.map(|t| t.label), Some("target 50%".to_string()));
    }

    #[test]
    fn a_deployment_started_by_an_update_service_marker_at_its_instant_is_not_marked_twice() {
        let mut i = inputs(30);
        i.markers = vec![
            (
                5 * PERIOD_MS,
                "update-service checkout: taskDefinition checkout:2.".to_string(),
            ),
            (5 * PERIOD_MS, "deployment".to_string()),
            // Another instant (a deployment the page's log has no action line for): kept.
            (20 * PERIOD_MS, "deployment".to_string()),
        ];
        let view = project("Running", "tasks", &[("Running", &[])], None, &i);
        let drawn: Vec<(Millis, &str)> = view
            .markers
            .iter()
            .map(|m| (m.at, m.full.as_str()))
            .collect();
        assert_eq!(
            drawn,
            [
                (
                    5 * PERIOD_MS,
                    "update-service checkout: taskDefinition checkout:2."
                ),
                (20 * PERIOD_MS, "deployment")
            ]
        );
    }

    #[test]
    fn markers_inside_the_window_are_placed_and_others_dropped() {
        let mut i = inputs(90);
        i.markers = vec![
            (5 * PERIOD_MS, "too old".to_string()),
            (60 * PERIOD_MS, "scale out to 4".to_string()),
        ];
        let view = project("CPU", "%", &[("CPU", &[])], None, &i);
        assert_eq!(view.x_range, (30 * PERIOD_MS, 90 * PERIOD_MS));
        assert_eq!(view.markers.len(), 1);
        assert_eq!(view.markers[0].label, "scale out to 4");
        assert!((view.markers[0].x - (FRAME.left + FRAME.right) / 2.0).abs() < 1e-9);
        assert_eq!(view.markers[0].row, 0);
    }

    #[test]
    fn an_action_marker_draws_its_few_words_and_keeps_the_whole_line_for_hover() {
        let mut i = inputs(90);
        let line = "update-service worker: desiredCount 3.";
        i.markers = vec![(60 * PERIOD_MS, line.to_string())];
        let view = project("CPU", "%", &[("CPU", &[])], None, &i);
        assert_eq!(view.markers[0].label, "worker: desired 3");
        assert_eq!(view.markers[0].full, line);
    }

    #[test]
    fn close_markers_put_their_labels_on_separate_rows() {
        let mut i = inputs(20);
        i.markers = vec![
            (2 * PERIOD_MS, "instance i-0 terminated".to_string()),
            (6 * PERIOD_MS, "scale out 6 → 9".to_string()),
            (19 * PERIOD_MS, "drain i-0abc".to_string()),
        ];
        let view = project("CPU", "%", &[("CPU", &[])], None, &i);
        let rows: Vec<usize> = view.markers.iter().map(|m| m.row).collect();
        // The last label fits left of its line only below the first two (13-unit text).
        assert_eq!(rows, [0, 1, 2]);
        let left: Vec<bool> = view.markers.iter().map(|m| m.label_left).collect();
        assert_eq!(
            left,
            [false, false, true],
            "the last label would leave the frame"
        );
        // Each flag: the pole rises to its label's row and turns toward its label (right for a
        // right label, left for a left one).
        for m in &view.markers {
            assert_eq!(m.line_top, m.label_y + 3.0 - MARKER_ROW_HEIGHT);
            let toward = if m.label_left { -1.0 } else { 1.0 };
            assert_eq!(m.flag_to, m.x + toward * MARKER_FLAG_STUB, "{m:?}");
        }
    }

    #[test]
    fn labels_are_laid_out_in_time_order_whatever_order_the_overlays_came_in() {
        let mut i = inputs(20);
        i.markers = vec![
            (19 * PERIOD_MS, "drain i-0abc".to_string()),
            (6 * PERIOD_MS, "scale out 6 → 9".to_string()),
            (2 * PERIOD_MS, "instance i-0 terminated".to_string()),
        ];
        let view = project("CPU", "%", &[("CPU", &[])], None, &i);
        let laid: Vec<(Millis, usize)> = view.markers.iter().map(|m| (m.at, m.row)).collect();
        assert_eq!(
            laid,
            [(2 * PERIOD_MS, 0), (6 * PERIOD_MS, 1), (19 * PERIOD_MS, 2)]
        );
    }

    #[test]
    fn window_drops_old_points_and_time_ticks_read_h_mm() {
        let data: Vec<Datapoint> = points(&(1..=95).map(|m| (m, 10.0)).collect::<Vec<_>>());
        let view = project("CPU", "%", &[("CPU", &data)], None, &inputs(95));
        assert_eq!(view.x_range, (40 * PERIOD_MS, 100 * PERIOD_MS));
        assert_eq!(view.series[0].points.len(), 56);
        assert_eq!(view.series[0].latest, Some(10.0));
        let labels: Vec<&str> = view.ticks.x.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["0:40", "0:50", "1:00", "1:10", "1:20", "1:30", "1:40"]
        );
    }

    #[test]
    fn view_is_stable_between_datapoints_and_the_cursor_moves() {
        let data = points(&[(1, 10.0), (2, 20.0)]);
        let a = project("CPU", "%", &[("CPU", &data)], None, &inputs(2));
        let mut later = inputs(2);
        later.now += 30_000;
        let b = project("CPU", "%", &[("CPU", &data)], None, &later);
        assert_eq!(a, b, "no new datapoint: the chart need not redraw");
        let ca = cursor_x(&a, 2 * PERIOD_MS).expect("inside");
        let cb = cursor_x(&b, later.now).expect("inside");
        assert!(cb > ca);
        assert_eq!(cursor_x(&a, 11 * PERIOD_MS), None);
    }

    #[test]
    fn actions_in_the_log_become_short_markers() {
        let entry = |at, kind, text: &str| LogEntry {
            at,
            kind,
            service: None,
            text: text.to_string(),
        };
        let log = vec![
            entry(1, LogKind::Task, "Task abc is RUNNING"),
            entry(
                2,
                LogKind::Action,
                "Timeline (scripted): terminate-instances i-0123456789",
            ),
            entry(3, LogKind::Action, "stop-task 1"),
            entry(
                4,
                LogKind::Action,
                "Timeline event skipped: service worker has no running FARGATE_SPOT task number 1",
            ),
            entry(5, LogKind::Action, "drain"),
        ];
        let markers = action_markers(&log, 2);
        assert_eq!(
            markers,
            vec![(3, "stop-task 1".to_string()), (5, "drain".to_string())]
        );
        let markers = action_markers(&log, 5);
        assert_eq!(
            markers[0],
            (2, "terminate-instances i-0123456789".to_string())
        );
        // A line past the cap keeps its start, cut with "…".
        let long = vec![entry(
            6,
            LogKind::Action,
            &"x".repeat(ACTION_TEXT_CHARS + 5),
        )];
        let cut = &action_markers(&long, 1)[0].1;
        assert_eq!(cut.chars().count(), ACTION_TEXT_CHARS);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn an_action_marker_from_the_log_is_drawn_in_its_few_words_on_every_chart() {
        // The whole line reaches the chart, which draws its words (the Cost chart cut it to 22
        // characters first, and drew "update-service worker…": review, 2026-12-06).
        let log = vec![LogEntry {
            at: 60 * PERIOD_MS,
            kind: LogKind::Action,
            service: None,
            text: "Timeline (scripted): update-service worker: desiredCount 3.".to_string(),
        }];
        let mut i = inputs(90);
        i.markers = action_markers(&log, 8);
        let view = project("CPU", "%", &[("CPU", &[])], None, &i);
        assert_eq!(view.markers[0].label, "worker: desired 3");
        assert_eq!(
            view.markers[0].full,
            "update-service worker: desiredCount 3."
        );
    }

    #[test]
    fn the_every_service_chart_has_one_line_per_service_and_each_selects_its_service() {
        let mut sim =
            Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid");
        sim.run_until(5 * PERIOD_MS);
        let v = services_chart(&sim, &inputs(5));
        let labels: Vec<&str> = v.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["web", "api"]);
        assert!(!v.is_empty(), "RunningTaskCount is recorded every minute");
        assert_eq!(v.series_service(0), Some("web"));
        assert_eq!(v.series_service(1), Some("api"));
        assert_eq!(v.series_service(2), None);
        assert!(
            v.markers.is_empty(),
            "the selected service's markers are not every service's"
        );
        // A per-service chart selects its own service; a provider's selects none.
        let charts = service_charts(&sim, 1, &inputs(5));
        assert!(charts.iter().all(|c| c.series_service(0) == Some("api")));
        let cp = capacity_provider_charts(&sim, "FARGATE", &inputs(5));
        assert!(cp.iter().all(|c| c.series_service(0).is_none()));
    }

    #[test]
    fn service_and_provider_charts_read_the_metric_store() {
        let mut sim =
            Sim::from_json(include_str!("../scenario/examples/default.json")).expect("valid");
        sim.metrics.record(
            MetricName::RunningTaskCount,
            Dimension::Service(0),
            60_000,
            2.0,
        );
        sim.metrics.record(
            MetricName::DesiredTaskCount,
            Dimension::Service(0),
            60_000,
            6.0,
        );
        sim.metrics.record(
            MetricName::InstanceCount,
            Dimension::CapacityProvider("cp".into()),
            60_000,
            3.0,
        );
        let mut i = inputs(1);
        i.targets.insert(MetricName::CPUUtilization, 50.0);
        let charts = service_charts(&sim, 0, &i);
        assert_eq!(charts.len(), 8);
        assert!(charts[0].is_empty() && charts[0].target.is_some());
        assert_eq!(charts[4].title, "HTTPCode_ELB_5XX_Count");
        assert_eq!(charts[7].title, "ClientErrorCount (playground's own)");
        let tasks = &charts[6];
        assert_eq!(tasks.series.len(), 3);
        assert_eq!(tasks.series[1].label, "DesiredTaskCount");
        assert_eq!(tasks.series[1].latest, Some(6.0));
        // No load balancer recorded healthy targets: that line has nothing to draw or label.
        assert_eq!(tasks.series[2].label, "HealthyHostCount");
        assert!(tasks.series[2].points.is_empty() && tasks.series[2].latest.is_none());
        let cp = capacity_provider_charts(&sim, "cp", &i);
        assert_eq!(cp[1].title, "InstanceCount · cp");
        assert_eq!(cp[1].series[0].points.len(), 1);
        assert!(cp[0].is_empty());
    }
}
