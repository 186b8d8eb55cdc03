//! Filling many charts a few per animation frame. At the scenario limits the first minute's
//! datapoints fill a dozen charts at once, and drawing them all in one frame made a main-thread
//! task of 42–61 ms (issue #10, traced 2026-12-04); the task chips have their own version of this
//! in [`super::overview`].

use super::charts::ChartView;
use super::no_data::NO_DATA_YET;
use std::collections::BTreeMap;

/// The charts to show now: `all`, except that at most `budget` of them go from empty (or not
/// shown) to drawn. Each one held back keeps what `before` showed of it, or, when it is new, is
/// shown as not having data yet. The flag says whether any were held back.
pub fn charts_filled_gradually(
    all: &[ChartView],
    before: &[ChartView],
    budget: usize,
) -> (Vec<ChartView>, bool) {
    let mut shown: BTreeMap<&str, &ChartView> = BTreeMap::new();
    for chart in before {
        shown.insert(chart.title.as_str(), chart);
    }
    let mut budget = budget;
    let mut held_back = false;
    let mut out = Vec::with_capacity(all.len());
    for chart in all {
        let was = shown.get(chart.title.as_str()).copied();
        if chart.is_empty() || was.is_some_and(|w| !w.is_empty()) {
            out.push(chart.clone());
        } else if budget > 0 {
            budget -= 1;
            out.push(chart.clone());
        } else {
            held_back = true;
            out.push(match was {
                Some(w) => w.clone(),
                None => ChartView {
                    series: Vec::new(),
                    target: None,
                    markers: Vec::new(),
                    no_data: NO_DATA_YET,
                    ..chart.clone()
                },
            });
        }
    }
    (out, held_back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::charts::{ChartSelects, SeriesView, Ticks};
    use crate::view::not_recorded::stays_empty;

    /// A chart titled `title` with `points` datapoints in one line.
    fn chart(title: &str, points: usize) -> ChartView {
        ChartView {
            title: title.to_string(),
            unit: "tasks",
            series: vec![SeriesView {
                label: "RunningTaskCount".to_string(),
                points: (0..points).map(|i| (i as f64, 1.0)).collect(),
                latest: None,
                range: None,
            }],
            target: None,
            markers: Vec::new(),
            x_range: (0, 60_000),
            y_range: (0.0, 1.0),
            ticks: Ticks::default(),
            no_data: NO_DATA_YET,
            selects: ChartSelects::Nothing,
        }
    }

    #[test]
    fn charts_fill_a_budget_at_a_time_and_the_held_back_ones_wait_empty() {
        let before = [chart("a", 0), chart("b", 0), chart("c", 0)];
        let all = [chart("a", 1), chart("b", 1), chart("c", 1), chart("d", 1)];
        let (now, more) = charts_filled_gradually(&all, &before, 2);
        assert!(more);
        let empty: Vec<bool> = now.iter().map(ChartView::is_empty).collect();
        assert_eq!(empty, [false, false, true, true]);
        // Waiting, a chart says it has no data yet: it is not one that stays empty.
        assert!(now.iter().all(|c| !stays_empty(c)));
        assert_eq!(now[3].title, "d");
        let (then, more) = charts_filled_gradually(&all, &now, 2);
        assert!(!more);
        assert_eq!(then, all);
    }

    #[test]
    fn drawn_charts_take_their_new_data_whatever_the_budget() {
        let before = [chart("a", 1), chart("b", 0)];
        let all = [chart("a", 2), chart("b", 0)];
        assert_eq!(
            charts_filled_gradually(&all, &before, 0),
            (all.to_vec(), false)
        );
    }
}
