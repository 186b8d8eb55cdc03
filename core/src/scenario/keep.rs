//! "Keep in link": the scenario a student ran, plus the live actions they clicked, as one
//! scenario whose timeline replays those actions (see `crate::sim::live` for how a click is
//! lined up on a whole second so the replay is exact).

use super::document::TimelineEvent;
use super::parse::{parse_scenario, ScenarioError};

/// Live actions the page keeps for a link: a student's clicks, not a script; beyond this the
/// oldest are still kept and newer ones are not (the page says so).
pub const MAX_KEPT_ACTIONS: usize = 200;

/// `text` (a valid scenario) with `live` appended to its `timeline`, as pretty JSON; an error
/// when the result would not open (e.g. over the timeline's 1,000 events).
///
/// The timeline is ordered by `at`; at the same second the live actions come first, in the
/// order they were clicked, then the scenario's own entries: a live action ran before every
/// event of its second, including the scenario's own timeline events there.
pub fn with_live_actions(text: &str, live: &[TimelineEvent]) -> Result<String, ScenarioError> {
    let mut doc = parse_scenario(text)?;
    let own = std::mem::take(&mut doc.timeline);
    // (at, live first, original position): a stable, total order.
    let mut all: Vec<(u32, bool, usize, TimelineEvent)> = live
        .iter()
        .take(MAX_KEPT_ACTIONS)
        .enumerate()
        .map(|(i, e)| (e.at, false, i, e.clone()))
        .chain(own.into_iter().enumerate().map(|(i, e)| (e.at, true, i, e)))
        .collect();
    all.sort_by_key(|(at, own, i, _)| (*at, *own, *i));
    doc.timeline = all.into_iter().map(|(_, _, _, e)| e).collect();
    // The link must open: the timeline's limits (count, names) hold for the kept entries too.
    super::resolve(&doc).map_err(ScenarioError::Invalid)?;
    serde_json::to_string_pretty(&doc).map_err(|e| super::parse::syntax_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{TimelineAction, DEFAULT_SCENARIO_JSON};

    #[test]
    fn live_actions_go_first_in_their_second_and_keep_click_order() {
        let own = parse_scenario(DEFAULT_SCENARIO_JSON)
            .expect("parses")
            .timeline;
        assert!(!own.is_empty(), "the default scenario has a timeline");
        let at = own[0].at;
        let a = TimelineEvent {
            at,
            action: TimelineAction::AzOutage {
                availability_zone: "us-east-1a".into(),
            },
        };
        let b = TimelineEvent {
            at,
            action: TimelineAction::AzRecovery {
                availability_zone: "us-east-1a".into(),
            },
        };
        let text = with_live_actions(DEFAULT_SCENARIO_JSON, &[a.clone(), b.clone()]).expect("ok");
        let timeline = parse_scenario(&text).expect("parses").timeline;
        let i = timeline.iter().position(|e| *e == a).expect("kept");
        assert_eq!(timeline[i + 1], b);
        assert_eq!(timeline[i + 2], own[0]);
        assert!(timeline.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn a_kept_scenario_over_the_timeline_limit_is_refused() {
        let mut doc = parse_scenario(DEFAULT_SCENARIO_JSON).expect("parses");
        let own = doc.timeline[0].clone();
        doc.timeline = vec![own.clone(); 900];
        let text = serde_json::to_string(&doc).expect("serializes");
        assert!(with_live_actions(&text, &vec![own.clone(); 50]).is_ok());
        let err = with_live_actions(&text, &vec![own; 150]).expect_err("1,050 events");
        assert!(err.to_string().contains("timeline"), "{err}");
    }

    #[test]
    fn no_live_actions_keeps_the_scenario() {
        let text = with_live_actions(DEFAULT_SCENARIO_JSON, &[]).expect("ok");
        assert_eq!(
            parse_scenario(&text).expect("parses"),
            parse_scenario(DEFAULT_SCENARIO_JSON).expect("parses")
        );
    }
}
