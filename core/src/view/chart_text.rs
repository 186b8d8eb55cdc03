//! A chart's text alternative for screen readers: per line its latest, lowest and highest
//! value over the time shown, the target line, and the event markers as a list with their full
//! text. The page renders it as a visually hidden description of the chart's figure.

use super::charts::{time_label, ChartView};

/// What a screen reader hears for one chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    /// One sentence: the chart, the time shown and its values (or why there are none).
    pub summary: String,
    /// The markers, oldest first: "0:05 scale out to 4".
    pub markers: Vec<String>,
}

/// A value with at most two decimals, no trailing zeros, and its unit ("42%", "0.12 s",
/// "3 tasks").
pub fn value_with_unit(x: f64, unit: &str) -> String {
    let s = format!("{x:.2}");
    let n = s.trim_end_matches('0').trim_end_matches('.');
    // "-0" reads oddly.
    let n = if n == "-0" { "0" } else { n };
    match unit {
        "%" => format!("{n}%"),
        "" => n.to_string(),
        u => format!("{n} {u}"),
    }
}

/// The text alternative of `view`.
pub fn chart_text(view: &ChartView) -> ChartText {
    let span = format!(
        "{} to {}",
        time_label(view.x_range.0),
        time_label(view.x_range.1)
    );
    let summary = if view.is_empty() {
        format!("{}, {span}: {}.", view.title, view.no_data)
    } else {
        let lines: Vec<String> = view
            .series
            .iter()
            .map(|s| match (s.latest, s.range) {
                (Some(latest), Some((lo, hi))) => format!(
                    "{} latest {}, lowest {}, highest {}",
                    s.label,
                    value_with_unit(latest, view.unit),
                    value_with_unit(lo, view.unit),
                    value_with_unit(hi, view.unit)
                ),
                _ => format!("{} no data in this time range", s.label),
            })
            .collect();
        let target = view
            .target
            .as_ref()
            .map(|t| format!("; {} line", t.label))
            .unwrap_or_default();
        format!("{}, {span}: {}{target}.", view.title, lines.join("; "))
    };
    ChartText {
        summary,
        markers: view
            .markers
            .iter()
            .map(|m| format!("{} {}", time_label(m.at), m.full))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Datapoint, PERIOD_MS};
    use crate::view::charts::{project, ChartInputs};

    fn points(values: &[(u64, f64)]) -> Vec<Datapoint> {
        values
            .iter()
            .map(|(m, v)| Datapoint {
                at: m * PERIOD_MS,
                value: *v,
            })
            .collect()
    }

    #[test]
    fn summary_reads_latest_lowest_and_highest_with_units() {
        let data = points(&[(1, 20.0), (2, 80.5), (3, 42.25)]);
        let mut inputs = ChartInputs {
            now: 3 * PERIOD_MS,
            ..ChartInputs::default()
        };
        inputs.markers = vec![(2 * PERIOD_MS, "UpdateService web to web:2".to_string())];
        let view = project(
            "CPUUtilization",
            "%",
            &[("CPUUtilization", &data)],
            Some(50.0),
            &inputs,
        );
        let text = chart_text(&view);
        assert_eq!(
            text.summary,
            "CPUUtilization, 0:00 to 0:10: CPUUtilization latest 42.25%, lowest 20%, \
             highest 80.5%; target 50% line."
        );
        assert_eq!(text.markers, ["0:02 UpdateService web to web:2"]);
    }

    #[test]
    fn markers_keep_their_full_text_even_when_the_drawn_label_is_cut() {
        let inputs = ChartInputs {
            now: 10 * PERIOD_MS,
            markers: (0..10)
                .map(|i| (PERIOD_MS * 3 + i, format!("a long marker label number {i}")))
                .collect(),
            ..ChartInputs::default()
        };
        let view = project("CPU", "%", &[("CPU", &[])], None, &inputs);
        assert!(view.markers.iter().any(|m| m.label != m.full));
        let text = chart_text(&view);
        assert_eq!(text.markers.len(), 10);
        assert_eq!(text.markers[9], "0:03 a long marker label number 9");
    }

    #[test]
    fn an_empty_chart_says_why() {
        let inputs = ChartInputs::default();
        let view = project("TargetResponseTime", "s", &[("TRT", &[])], None, &inputs);
        let text = chart_text(&view);
        assert_eq!(
            text.summary,
            "TargetResponseTime, 0:00 to 0:10: no data yet."
        );
        assert!(text.markers.is_empty());
    }

    #[test]
    fn two_series_are_both_described() {
        let running = points(&[(1, 2.0), (2, 3.0)]);
        let desired = points(&[(1, 6.0), (2, 6.0)]);
        let inputs = ChartInputs {
            now: 2 * PERIOD_MS,
            ..ChartInputs::default()
        };
        let view = project(
            "Running vs desired tasks",
            "tasks",
            &[
                ("RunningTaskCount", &running),
                ("DesiredTaskCount", &desired),
            ],
            None,
            &inputs,
        );
        let text = chart_text(&view);
        assert!(
            text.summary
                .contains("RunningTaskCount latest 3 tasks, lowest 2 tasks, highest 3 tasks"),
            "{}",
            text.summary
        );
        assert!(
            text.summary
                .contains("DesiredTaskCount latest 6 tasks, lowest 6 tasks, highest 6 tasks"),
            "{}",
            text.summary
        );
    }

    #[test]
    fn values_are_short() {
        assert_eq!(value_with_unit(0.126, "s"), "0.13 s");
        assert_eq!(value_with_unit(100.0, "%"), "100%");
        assert_eq!(value_with_unit(-0.001, "calls"), "0 calls");
    }
}
