//! The builder's self-test (`ecs_sim::challenge::self_test`): the draft's start, then its
//! hidden solution if it has one, each checked as Check checks a lesson — in chunks on timer
//! ticks ([`super::check_run::in_chunks`]), so typing in the builder stays responsive — and the
//! verdict set on `out`. A newer run (the draft changed, or the builder closed) stops an older
//! one at its next chunk. The run owns its `Checking` and passes it from tick to tick, so an
//! abandoned run leaves nothing behind.

use ecs_sim::challenge::builder::{document, BuilderFields};
use ecs_sim::challenge::self_test::{self_test, SelfTest};
use ecs_sim::challenge::{Challenge, Checking, Report};
use leptos::prelude::*;
use std::time::Duration;

/// What the builder shows of the self-test.
#[derive(Debug, Clone, PartialEq)]
pub enum SelfTestState {
    /// The challenge is not complete enough to check (no title or goal yet).
    NotYet,
    /// Running.
    Checking,
    /// Decided.
    Done(SelfTest),
}

/// Which run is current: `generation` (kept for the page's life) still says `mine`.
fn current(generation: StoredValue<u64>, mine: u64) -> bool {
    generation.try_get_value() == Some(mine)
}

/// After `delay`, unless `generation` has moved on from `mine` by then: builds the challenge
/// from the builder's `fields` on `scenario` (in the timer, not on every keystroke: validating
/// the start scenario grows with it) and checks its start and solution; the verdict goes to
/// `out` ([`SelfTestState::NotYet`] while the challenge is invalid or has no goal).
pub fn start(
    fields: BuilderFields,
    scenario: serde_json::Value,
    generation: StoredValue<u64>,
    mine: u64,
    out: RwSignal<SelfTestState>,
    delay: Duration,
) {
    set_timeout(
        move || {
            if !current(generation, mine) {
                return;
            }
            let challenge = match Challenge::from_document(document(&fields, scenario)) {
                Ok(c) if !c.doc.goals.is_empty() => c,
                _ => {
                    out.try_set(SelfTestState::NotYet);
                    return;
                }
            };
            let solution = challenge.solution().map(|s| ecs_sim::form::to_text(&s));
            out.try_set(SelfTestState::Checking);
            let start = challenge.start_text();
            run(
                challenge,
                start,
                generation,
                mine,
                move |c, start_report| match solution {
                    Some(text) => run(c, text, generation, mine, move |_, sol| {
                        out.try_set(SelfTestState::Done(self_test(&start_report, Some(&sol))));
                    }),
                    None => {
                        out.try_set(SelfTestState::Done(self_test(&start_report, None)));
                    }
                },
            );
        },
        delay,
    );
}

/// Checks `text` against `challenge` in chunks, then calls `done` with the challenge and the
/// report (not at all if the generation moves on first).
fn run(
    challenge: Challenge,
    text: String,
    generation: StoredValue<u64>,
    mine: u64,
    done: impl FnOnce(Challenge, Report) + 'static,
) {
    match Checking::start(&challenge, &text) {
        Err(refused) => done(challenge, refused),
        Ok(work) => super::check_run::in_chunks(
            work,
            move || current(generation, mine),
            |_| {},
            move |report| done(challenge, report),
        ),
    }
}
