//! The "Same workload elsewhere" card as data: one cell per run with its total formatted, what
//! it is made of, and the difference to the scenario as written; or the run's progress.

use super::{Column, Comparison, State};
use crate::cost::money::{money_text, rate_text, MS_PER_HOUR};
use crate::cost::Money;
use crate::view::charts::time_label;

/// One column of the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareCell {
    /// "Fargate", "Fargate Spot", "EC2", "As written".
    pub label: &'static str,
    /// The total, formatted; `None` while running or when not comparable.
    pub total: Option<String>,
    /// The total, nano-dollars.
    pub total_nano_usd: Option<u64>,
    /// One line on what it is: "$0.1234/h at the end · idle EC2 $0.0100".
    pub detail: String,
    /// "−42% vs as written", for the moved columns.
    pub versus: Option<String>,
}

/// The card: a heading naming the horizon, then the cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareCard {
    /// "Over 0:30 of simulated time, each run headless from time 0".
    pub heading: String,
    /// Progress in per mille while running.
    pub progress_per_mille: Option<u32>,
    /// The columns.
    pub cells: Vec<CompareCell>,
}

fn money(nano: u64) -> String {
    money_text(Money(u128::from(nano) * u128::from(MS_PER_HOUR)))
}

/// The card for a comparison (running or done).
pub fn card(c: &Comparison) -> CompareCard {
    let base = c.outcome(Column::AsWritten).map(|o| o.total_nano_usd);
    let cells = c
        .columns()
        .iter()
        .map(|(col, state)| match state {
            State::Running(sim) => CompareCell {
                label: col.label(),
                total: None,
                total_nano_usd: None,
                detail: format!("running… {}", time_label(sim.now().min(c.horizon()))),
                versus: None,
            },
            State::Ready(_) => CompareCell {
                label: col.label(),
                total: None,
                total_nano_usd: None,
                detail: "waiting…".to_string(),
                versus: None,
            },
            State::NotComparable(why) => CompareCell {
                label: col.label(),
                total: None,
                total_nano_usd: None,
                detail: format!("not comparable: {why}"),
                versus: None,
            },
            State::Done(o) => {
                let mut detail = format!("{} at the end", rate_text(o.per_hour_nano_usd));
                if o.ec2_nano_usd > 0 {
                    detail.push_str(&format!(" · idle EC2 {}", money(o.idle_nano_usd)));
                }
                let versus = match (col, base) {
                    (Column::Moved(_), Some(b)) if b > 0 => {
                        let pct =
                            (i128::from(o.total_nano_usd) - i128::from(b)) * 100 / i128::from(b);
                        Some(format!(
                            "{}{}% vs as written",
                            if pct > 0 { "+" } else { "" },
                            pct
                        ))
                    }
                    _ => None,
                };
                CompareCell {
                    label: col.label(),
                    total: Some(money(o.total_nano_usd)),
                    total_nano_usd: Some(o.total_nano_usd),
                    detail,
                    versus,
                }
            }
        })
        .collect();
    CompareCard {
        heading: format!(
            "Over {} of simulated time, each run headless from time 0 with the same seed",
            time_label(c.horizon())
        ),
        progress_per_mille: (!c.is_done()).then(|| c.progress_per_mille()),
        cells,
    }
}
