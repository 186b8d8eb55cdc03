//! Deciding goals while a run goes: [`Evaluation::observe`] after the run reaches each instant,
//! [`Evaluation::finish`] at the horizon. A check ([`run_to_horizon`]) stops the run at every
//! event time and at every goal's window edges, so a state that holds between two events is
//! seen exactly — the verdict is a fact of the run, natively and in wasm alike. The playground
//! may observe less often while it plays (its live goal list); its Check runs exactly.

use super::goal::{Bound, Goal, MeasureName, Observed, When};
use super::measure;
use crate::sim::log::LogKind;
use crate::sim::Sim;
use crate::time::{clock, Millis};
use serde::Serialize;

/// Where a goal stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "state"
)]
pub enum GoalState {
    /// Not decided yet.
    Pending,
    /// Met (at an instant, for `eventually` and `at`).
    Met {
        /// When it was decided, ms.
        at_ms: Millis,
    },
    /// Failed, with what was seen.
    Failed {
        /// When, ms.
        at_ms: Millis,
        /// What went wrong, in a sentence ("at 0:07:12: 3 healthy tasks of web; the goal is ≥ 4").
        detail: String,
    },
}

/// A goal and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalVerdict {
    /// The goal's ID.
    pub id: String,
    /// Its sentence.
    pub sentence: String,
    /// Its state.
    #[serde(flatten)]
    pub state: GoalState,
}

impl GoalVerdict {
    /// Whether the goal was met.
    pub fn met(&self) -> bool {
        matches!(self.state, GoalState::Met { .. })
    }
}

/// The closest miss of an `eventually` goal so far.
#[derive(Debug, Clone)]
struct Closest {
    at: Millis,
    value: Observed,
    distance: f64,
}

/// Goals being decided over one run.
#[derive(Debug, Clone)]
pub struct Evaluation {
    goals: Vec<Goal>,
    states: Vec<GoalState>,
    closest: Vec<Option<Closest>>,
    /// "unable to place" lines counted per goal.
    events: Vec<u32>,
    /// The number of the next log line to read.
    log_next: usize,
    /// The instant of the previous observation (None before the first).
    last_now: Option<Millis>,
    /// The instant of the first observation: a goal whose window opened before it was not
    /// watched from its start, so it is never shown as holding (review: a page that started
    /// reading at 0:16:40 marked every goal "holding so far; decided at 0:15:00").
    first_now: Option<Millis>,
    /// Goals failed before their window ended ([`broken_for_good`]): failed for good, and
    /// decided again at the window's end for the whole window's figure, as Check reports it.
    early: Vec<bool>,
    /// How many run facts there were at the previous observation: proven findings are counted
    /// again only when it changes (Check observes at every event).
    facts_seen: usize,
}

impl Evaluation {
    /// Starts deciding `goals` (resolved against the run's scenario).
    pub fn new(goals: Vec<Goal>) -> Evaluation {
        let n = goals.len();
        Evaluation {
            goals,
            states: vec![GoalState::Pending; n],
            closest: vec![None; n],
            events: vec![0; n],
            log_next: 0,
            last_now: None,
            first_now: None,
            early: vec![false; n],
            facts_seen: 0,
        }
    }

    /// The instants a run must stop at for exact verdicts, ascending and without repeats.
    pub fn checkpoints(&self) -> Vec<Millis> {
        let mut out: Vec<Millis> = self
            .goals
            .iter()
            .flat_map(|g| g.when.checkpoints())
            .collect();
        crate::order::sort(&mut out);
        out.dedup();
        out
    }

    /// Reads the run at its current instant (after every event up to it).
    pub fn observe(&mut self, sim: &Sim) {
        let now = sim.now();
        self.count_events(sim);
        let facts_added = sim.facts.len() != self.facts_seen;
        self.facts_seen = sim.facts.len();
        for k in 0..self.goals.len() {
            if self.states[k] != GoalState::Pending && !self.early[k] {
                continue;
            }
            let goal = &self.goals[k];
            let when = goal.when;
            if let When::Window(from, to) = when {
                if now >= to {
                    self.early[k] = false;
                    let value = measure::window(goal, sim, from, to, self.events[k]);
                    let mut state = decide_window(goal, &value, to);
                    if let (GoalState::Failed { at_ms, detail }, MeasureName::Advice) =
                        (&mut state, goal.measure)
                    {
                        // In the finding's own words (see `broken_for_good`).
                        if let Some((at, message)) = measure::first_proven_finding(goal, sim) {
                            *at_ms = at;
                            *detail = advice_detail(goal, &value, message);
                        }
                    }
                    if let GoalState::Failed { at_ms, detail } = &mut state {
                        if let Some((at, words)) = measure::first_out_of_bound(goal, sim, from, to)
                        {
                            *at_ms = at;
                            detail.push_str(&format!(" ({words} {})", crate::time::clock(at)));
                        }
                    }
                    self.states[k] = state;
                } else if goal.measure == MeasureName::Rollbacks {
                    // A count that only grows, with no most, is met for good once it reaches
                    // its least: the page left "at least one rollback" undecided until 0:15:00
                    // though the rollback came at 2:29 (student walkthrough). The verdict is
                    // the one Check gives at the window's end.
                    let seen = measure::window(goal, sim, from, now, self.events[k]);
                    if reached_for_good(&goal.bound, &seen) {
                        self.states[k] = GoalState::Met { at_ms: to };
                    }
                } else if self.early[k] {
                    // Failed already; the figure waits for the window's end.
                } else if let Some(state) = broken_for_good(goal, sim, from, now, facts_added) {
                    self.states[k] = state;
                    self.early[k] = true;
                }
                continue;
            }
            // The page's live goals observe once a frame, so a run can pass a goal's instant or
            // window between two observations: the state now is not the state then, and was
            // judged as if it were (lesson 4 showed a goal that ends at 0:07:29 failed at
            // 0:10:00 with the tasks left after the scale-in, an instructor's walkthrough).
            // Such a goal is left for Check, which stops at every instant a goal names, unless
            // observations inside its window already decide it.
            let seen_in = |a: Millis, b: Millis| self.last_now.is_some_and(|l| a <= l && l <= b);
            match when {
                When::At(t) if now > t && !seen_in(t, Millis::MAX) => continue,
                When::Always(a, b) if now > b => {
                    if seen_in(a, b) {
                        self.states[k] = GoalState::Met { at_ms: b };
                    }
                    continue;
                }
                When::Eventually(a, b) if now > b => {
                    if seen_in(a, b) {
                        self.states[k] = never(goal, self.closest[k].as_ref(), b);
                    }
                    continue;
                }
                _ => {}
            }
            let Some(value) = measure::state(goal, sim) else {
                continue;
            };
            self.states[k] = match when {
                When::At(t) if now >= t => decide_at(goal, &value, now),
                When::Always(a, b) if now >= a => {
                    if !goal.bound.holds(&value) {
                        failed(goal, &value, now)
                    } else if now >= b {
                        GoalState::Met { at_ms: b }
                    } else {
                        GoalState::Pending
                    }
                }
                When::Eventually(a, b) if now >= a => {
                    if goal.bound.holds(&value) {
                        GoalState::Met { at_ms: now }
                    } else {
                        let d = goal.bound.distance(&value);
                        if self.closest[k].as_ref().is_none_or(|c| d < c.distance) {
                            self.closest[k] = Some(Closest {
                                at: now,
                                value,
                                distance: d,
                            });
                        }
                        if now >= b {
                            never(goal, self.closest[k].as_ref(), b)
                        } else {
                            GoalState::Pending
                        }
                    }
                }
                _ => GoalState::Pending,
            };
            // A release still IN_PROGRESS because its bounds leave no room says so, with the
            // arithmetic: lesson 9 at maximumPercent 110 read only "IN_PROGRESS; the goal is
            // COMPLETED", and 110 % of 5 tasks is 5.5, rounded down to 5 (student walkthrough).
            if let (GoalState::Failed { detail, .. }, MeasureName::RolloutState) =
                (&mut self.states[k], goal.measure)
            {
                if let Some(why) = measure::why_in_progress(goal, sim) {
                    detail.push_str(&format!(" ({why})"));
                }
            }
        }
        self.last_now = Some(now);
        self.first_now.get_or_insert(now);
    }

    /// Counts the window's "unable to place a task" lines written since the last read.
    fn count_events(&mut self, sim: &Sim) {
        let dropped = usize::try_from(sim.log_dropped()).unwrap_or(usize::MAX);
        let start = self.log_next.max(dropped);
        let log = sim.log();
        for entry in log.iter().skip(start - dropped) {
            if entry.kind != LogKind::Service || !measure::is_unable_to_place(&entry.text) {
                continue;
            }
            for (k, g) in self.goals.iter().enumerate() {
                let When::Window(from, to) = g.when else {
                    continue;
                };
                let ours = g.service.is_none()
                    || entry.service.as_deref() == Some(g.service_name.as_str());
                if g.measure == MeasureName::UnableToPlaceEvents
                    && ours
                    && entry.at >= from
                    && entry.at <= to
                {
                    self.events[k] += 1;
                    // The count only grows: once it is over the bound the goal has failed,
                    // at this line's time (it stayed "pending" until the window's end while
                    // the log showed the event, and Show went to the end; student walkthrough).
                    let seen = Observed::Number(f64::from(self.events[k]));
                    if self.states[k] == GoalState::Pending && over_for_good(&g.bound, &seen) {
                        self.states[k] = failed(g, &seen, entry.at);
                    }
                }
            }
        }
        self.log_next = sim.next_log_number();
    }

    /// Decides what is left at the end of the run (the horizon): a goal still pending there
    /// is failed.
    pub fn finish(&mut self, sim: &Sim) -> Vec<GoalVerdict> {
        self.observe(sim);
        let now = sim.now();
        for k in 0..self.goals.len() {
            if self.states[k] == GoalState::Pending {
                self.states[k] = GoalState::Failed {
                    at_ms: now,
                    detail: format!("not decided by the end of the run ({})", clock(now)),
                };
            }
        }
        self.verdicts()
    }

    /// Per goal, the end of its window when it is an "at all times" goal whose window has
    /// opened, was read from its start, and has held at every instant read so far (still
    /// undecided, not failed, not past its end): the
    /// page marks it as holding. A student who had fixed a lesson watched every goal stay ○
    /// while a failing one turned ✗ at once (walkthrough, 29th session). None otherwise.
    pub fn holding(&self) -> Vec<Option<Millis>> {
        let states = self.counted_states();
        self.goals
            .iter()
            .zip(&states)
            .map(|(g, s)| match (g.when, s, self.first_now, self.last_now) {
                (When::Always(from, to), GoalState::Pending, Some(first), Some(now))
                    if first <= from && from <= now && now <= to =>
                {
                    Some(to)
                }
                _ => None,
            })
            .collect()
    }

    /// Every goal and where it stands now.
    pub fn verdicts(&self) -> Vec<GoalVerdict> {
        self.goals
            .iter()
            .zip(self.counted_states())
            .map(|(g, state)| GoalVerdict {
                id: g.id.clone(),
                sentence: g.sentence.clone(),
                state,
            })
            .collect()
    }

    /// Each goal's state as it counts: [`counted_state`] for a goal that needs another.
    fn counted_states(&self) -> Vec<GoalState> {
        self.goals
            .iter()
            .zip(&self.states)
            .map(|(g, own)| {
                let needed = g.needs.as_deref().and_then(|id| {
                    let j = self.goals.iter().position(|o| o.id == id)?;
                    Some((j, self.states.get(j)?))
                });
                match needed {
                    Some((j, state)) => counted_state(own, j, state),
                    None => own.clone(),
                }
            })
            .collect()
    }
}

/// A goal's state when it counts only once goal `j` (0-based) is met: met only when that one is
/// met too, undecided while it is, failed (at its time) once it has failed, saying why.
pub(super) fn counted_state(own: &GoalState, j: usize, needed: &GoalState) -> GoalState {
    match (own, needed) {
        (GoalState::Failed { .. }, _) | (_, GoalState::Met { .. }) => own.clone(),
        (GoalState::Met { .. }, GoalState::Pending) => GoalState::Pending,
        (GoalState::Pending, GoalState::Pending) => GoalState::Pending,
        (GoalState::Met { .. }, GoalState::Failed { at_ms, .. }) => GoalState::Failed {
            at_ms: *at_ms,
            detail: format!("met on its own, but counts only once goal {} is met", j + 1),
        },
        (GoalState::Pending, GoalState::Failed { at_ms, .. }) => GoalState::Failed {
            at_ms: *at_ms,
            detail: format!("counts only once goal {} is met, which failed", j + 1),
        },
    }
}

/// A failed advice goal's detail: the first proven finding's own sentence, which says what the
/// run did and when; for a goal that allows some findings (or counts more than that one), the
/// count and the bound follow it, as the sentence alone does not say them (review).
fn advice_detail(goal: &Goal, seen: &Observed, message: String) -> String {
    let none_allowed = matches!(
        goal.bound,
        Bound::Range {
            at_least: None,
            at_most: Some(m)
        } if m == 0.0
    ) || goal.bound == Bound::Number(0.0);
    if none_allowed && *seen == Observed::Number(1.0) {
        message
    } else {
        format!(
            "{message} ({}; the goal is {})",
            goal.seen(seen),
            goal.bound.symbol(goal.unit())
        )
    }
}

fn decide_at(goal: &Goal, value: &Observed, now: Millis) -> GoalState {
    if goal.bound.holds(value) {
        GoalState::Met { at_ms: now }
    } else {
        failed(goal, value, now)
    }
}

/// A window as a failed goal's detail opens: "until 0:15:00", "from 0:01:00 to 0:15:00".
fn window_words(when: When) -> String {
    match when {
        When::Window(0, b) => format!("until {}", clock(b)),
        When::Window(a, b) => format!("from {} to {}", clock(a), clock(b)),
        _ => String::new(),
    }
}

fn decide_window(goal: &Goal, value: &Observed, to: Millis) -> GoalState {
    if goal.bound.holds(value) {
        GoalState::Met { at_ms: to }
    } else {
        let when = window_words(goal.when);
        GoalState::Failed {
            at_ms: to,
            detail: format!(
                "{when}: {}; the goal is {}",
                goal.seen(value),
                goal.bound.symbol(goal.unit())
            ),
        }
    }
}

/// Whether a count that can only grow (`seen`) already breaks `bound` whatever comes later: it
/// is above its most (or above the exact number asked for).
fn over_for_good(bound: &Bound, seen: &Observed) -> bool {
    match (bound, seen) {
        (
            Bound::Range {
                at_most: Some(m), ..
            },
            Observed::Number(x),
        ) => x > m,
        (Bound::Number(n), Observed::Number(x)) => x > n,
        _ => false,
    }
}

/// A goal over a window whose figure only moves one way as the run goes on has failed for good
/// once what happened so far breaks its bound: failed at the moment it broke, as Check says at
/// the window's end (where the figure is decided again over the whole window: Check's verdicts
/// are unchanged). Such figures: a metric's sum (CloudWatch's values here are never negative)
/// or maximum against a most, its minimum against a least, and an advice rule's proven findings
/// against a most (a run's facts are only added to; counted again only when one was added). Lesson 8's "the sum of
/// HTTPCode_Target_5XX_Count … is 0" stayed undecided beside a chart of 2,402 errors until
/// 0:15:00, and lesson 7's "no task stopped while coming up" beside the stops (student
/// walkthrough).
fn broken_for_good(
    goal: &Goal,
    sim: &Sim,
    from: Millis,
    now: Millis,
    facts_added: bool,
) -> Option<GoalState> {
    use super::goal::Statistic;
    if now <= from {
        return None;
    }
    let (at, seen, why) = match goal.measure {
        MeasureName::Metric => {
            let Bound::Range { at_least, at_most } = goal.bound else {
                return None;
            };
            let one_way = match goal.statistic {
                Statistic::Sum | Statistic::Maximum => at_most.is_some(),
                Statistic::Minimum => at_least.is_some(),
                Statistic::Average => false,
            };
            if !one_way {
                return None;
            }
            let (at, words) = measure::first_out_of_bound(goal, sim, from, now)?;
            let seen = measure::window(goal, sim, from, now, 0);
            (at, seen, format!("{words} {}", clock(at)))
        }
        // Only proven findings grow; the scenario's own ones are counted at the window's end.
        MeasureName::Advice if facts_added => {
            let proven = crate::view::report::advice::proven_advice(sim)
                .into_iter()
                .filter(|f| f.rule == goal.rule)
                .count();
            let seen = Observed::Number(proven as f64);
            if !over_for_good(&goal.bound, &seen) {
                return None;
            }
            // The finding's own sentence says what the run did and when; the rule's ID, the
            // window's end and the bound read as jargon on a projector ("until 0:15:00: 1
            // finding of advice rule stopped-during-start-up by 0:02:22 …": student walkthrough).
            let (at, message) = measure::first_proven_finding(goal, sim)?;
            return Some(GoalState::Failed {
                at_ms: at,
                detail: advice_detail(goal, &seen, message),
            });
        }
        _ => return None,
    };
    let span = window_words(goal.when);
    Some(GoalState::Failed {
        at_ms: at,
        detail: format!(
            "{span}: {} by {}; the goal is {} ({why})",
            goal.seen(&seen),
            clock(now),
            goal.bound.symbol(goal.unit()),
        ),
    })
}

/// Whether a count that can only grow (`seen`) already meets `bound` whatever comes later: it
/// has reached its least and there is no most.
fn reached_for_good(bound: &Bound, seen: &Observed) -> bool {
    matches!(
        (bound, seen),
        (Bound::Range { at_least: Some(l), at_most: None }, Observed::Number(x)) if x >= l
    )
}

fn failed(goal: &Goal, value: &Observed, now: Millis) -> GoalState {
    GoalState::Failed {
        at_ms: now,
        detail: format!(
            "at {}: {}; the goal is {}",
            clock(now),
            goal.seen(value),
            goal.bound.symbol(goal.unit())
        ),
    }
}

fn never(goal: &Goal, closest: Option<&Closest>, by: Millis) -> GoalState {
    let seen = closest.map_or(String::new(), |c| {
        format!(
            "; closest: {} at {}",
            goal.seen(&c.value).trim_start_matches("only "),
            clock(c.at)
        )
    });
    GoalState::Failed {
        at_ms: by,
        detail: format!(
            "not reached by {}{seen}; the goal is {}",
            clock(by),
            goal.bound.symbol(goal.unit())
        ),
    }
}
