//! "Keep in link": the scenario a student ran, plus the live actions they clicked, as one
//! scenario whose timeline replays those actions (see `crate::sim::live` for how a click is
//! lined up on a whole second so the replay is exact).

use super::document::TimelineEvent;
use super::parse::{parse_scenario, ScenarioError};
use crate::problem::Problem;
use crate::taskdef::ImageBehaviour;

/// Live actions the page keeps for a link: a student's clicks, not a script; beyond this the
/// oldest are still kept and newer ones are not (the page says so).
pub const MAX_KEPT_ACTIONS: usize = 200;

/// What a student did live that a link can replay: timeline actions (clicks lined up on whole
/// seconds) and the deployment panel's registrations (a new revision, an image declared to
/// misbehave). Registrations need no time: a revision or an image only matters once an
/// `updateService` entry deploys it, so the kept scenario registers them at load, after its
/// own task definitions, which gives every revision the same number it had live.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeptActions {
    /// Timeline entries, in click order.
    pub timeline: Vec<TimelineEvent>,
    /// Task definitions registered live, in registration order (the JSON registered).
    pub task_definitions: Vec<serde_json::Value>,
    /// Images declared live with a behaviour, in declaration order.
    pub images: Vec<(String, ImageBehaviour)>,
}

impl KeptActions {
    /// How many actions are kept (the checkbox's count).
    pub fn len(&self) -> usize {
        self.timeline.len() + self.task_definitions.len() + self.images.len()
    }

    /// Nothing kept yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// At the cap: later actions are not kept.
    pub fn is_full(&self) -> bool {
        self.len() >= MAX_KEPT_ACTIONS
    }

    /// Keeps a timeline entry unless full; whether it was kept.
    pub fn push_event(&mut self, e: TimelineEvent) -> bool {
        let room = !self.is_full();
        if room {
            self.timeline.push(e);
        }
        room
    }

    /// Keeps a registered task definition unless full; whether it was kept.
    pub fn push_task_definition(&mut self, json: serde_json::Value) -> bool {
        let room = !self.is_full();
        if room {
            self.task_definitions.push(json);
        }
        room
    }

    /// Keeps an image declared live unless full; whether it was kept.
    pub fn push_image(&mut self, image: String, behaviour: ImageBehaviour) -> bool {
        let room = !self.is_full();
        if room {
            self.images.push((image, behaviour));
        }
        room
    }
}

/// `text` (a valid scenario) with `live` added: its timeline entries merged into `timeline`,
/// its registrations appended to `taskDefinitions` and `images`, as pretty JSON; an error when
/// the result would not open (e.g. over the timeline's 1,000 events).
///
/// The timeline is ordered by `at`; at the same second the live actions come first, in the
/// order they were clicked, then the scenario's own entries: a live action ran before every
/// event of its second, including the scenario's own timeline events there.
pub fn with_live_actions(text: &str, live: &KeptActions) -> Result<String, ScenarioError> {
    let mut doc = parse_scenario(text)?;
    let own = std::mem::take(&mut doc.timeline);
    // (at, live first, original position): a stable, total order.
    let mut all: Vec<(u32, bool, usize, TimelineEvent)> = live
        .timeline
        .iter()
        .take(MAX_KEPT_ACTIONS)
        .enumerate()
        .map(|(i, e)| (e.at, false, i, e.clone()))
        .chain(own.into_iter().enumerate().map(|(i, e)| (e.at, true, i, e)))
        .collect();
    crate::order::sort_by_key(&mut all, |(at, own, i, _)| (*at, *own, *i));
    doc.timeline = all.into_iter().map(|(_, _, _, e)| e).collect();
    pin_families(&mut doc, live);
    doc.task_definitions
        .extend(live.task_definitions.iter().cloned());
    for (image, behaviour) in &live.images {
        // The engine refuses to declare an image twice, so a clash means the text changed.
        if doc.images.insert(image.clone(), *behaviour).is_some() {
            return Err(ScenarioError::Invalid(vec![Problem::new(
                format!("images[{image:?}]"),
                "the image is declared in the scenario and was declared again live",
            )]));
        }
    }
    // The link must open: the timeline's limits (count, names) hold for the kept entries too.
    super::resolve(&doc).map_err(ScenarioError::Invalid)?;
    serde_json::to_string_pretty(&doc).map_err(|e| super::parse::syntax_error(&e))
}

/// A service or standalone task that names only a family (`"web"`) runs that family's newest
/// revision at load. The kept scenario registers the live revisions at load too, after its own,
/// so without a pin such a service would start on the revision the student registered later: a
/// walkthrough's student saw `web:2` COMPLETED from 0:00 where the instructor's run was still
/// rolling out to it. Each such reference is pinned to the revision it ran (`"web:1"`).
/// References in the timeline are not pinned: they name the newest revision when they run, as
/// they did live (a scenario entry that ran before the student's registration is the exception,
/// documented in the README).
fn pin_families(doc: &mut super::document::ScenarioDocument, live: &KeptActions) {
    let families: std::collections::BTreeSet<String> = live
        .task_definitions
        .iter()
        .map(crate::taskdef::form::family_of)
        .filter(|f| !f.is_empty())
        .collect();
    for family in families {
        let revisions = doc
            .task_definitions
            .iter()
            .filter(|t| crate::taskdef::form::family_of(t) == family)
            .count();
        if revisions == 0 {
            continue;
        }
        let pinned = format!("{family}:{revisions}");
        for s in &mut doc.services {
            if s.task_definition == family {
                s.task_definition = pinned.clone();
            }
        }
        for t in &mut doc.tasks {
            if t.task_definition == family {
                t.task_definition = pinned.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{TimelineAction, DEFAULT_SCENARIO_JSON};

    fn timeline_only(timeline: Vec<TimelineEvent>) -> KeptActions {
        KeptActions {
            timeline,
            ..KeptActions::default()
        }
    }

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
        let text = with_live_actions(
            DEFAULT_SCENARIO_JSON,
            &timeline_only(vec![a.clone(), b.clone()]),
        )
        .expect("ok");
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
        assert!(with_live_actions(&text, &timeline_only(vec![own.clone(); 50])).is_ok());
        let err =
            with_live_actions(&text, &timeline_only(vec![own; 150])).expect_err("1,050 events");
        assert!(err.to_string().contains("timeline"), "{err}");
    }

    #[test]
    fn no_live_actions_keeps_the_scenario() {
        let text = with_live_actions(DEFAULT_SCENARIO_JSON, &KeptActions::default()).expect("ok");
        assert_eq!(
            parse_scenario(&text).expect("parses"),
            parse_scenario(DEFAULT_SCENARIO_JSON).expect("parses")
        );
    }
}
