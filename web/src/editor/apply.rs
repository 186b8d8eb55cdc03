//! Applying a form edit: the scenario text is parsed, changed by an `edit` function, and
//! handed to [`Playground::edit`], which validates it and restarts the run when it is valid.

use crate::state::Playground;
use leptos::prelude::*;
use serde_json::Value;

/// What became of a form's change.
enum Outcome {
    /// Loaded.
    Done,
    /// The change itself refused (its message belongs beside the form's fields).
    Refused(String),
    /// A lesson's lock refused it: shown in the lock line ([`Playground::form_lock`]).
    Locked(String),
}

/// Runs `change` on the scenario in the editor and loads the result, or says why not.
fn attempt(pg: Playground, change: impl FnOnce(&mut Value) -> Result<(), String>) -> Outcome {
    let parsed: Result<Value, _> = pg.text.with_untracked(|t| serde_json::from_str(t));
    let mut doc = match parsed {
        Ok(doc) => doc,
        Err(e) => {
            return Outcome::Refused(format!(
                "The scenario JSON has a syntax error at line {}, column {}; fix it in the Scenario JSON tab first.",
                e.line(),
                e.column()
            ))
        }
    };
    if let Err(e) = change(&mut doc) {
        return Outcome::Refused(e);
    }
    if let Some(refused) = pg
        .lock
        .with_value(|l| l.as_ref().and_then(|l| l.refusal(&doc)))
    {
        // The value can never be taken: the forms are drawn again from the scenario. (A value
        // the change itself refused stays in its input, for the user to correct.) Drawing them
        // again also dropped a section's own message, so a locked field went back with no
        // reason given (student walkthrough, lesson 11): the lock's message lives in the page
        // state and shows in a line that stays in view (set by [`apply_to`], the forms' way in;
        // the task definition tab shows its refusals in its own status line).
        pg.form_refused.update(|n| *n += 1);
        return Outcome::Locked(refused);
    }
    pg.typed(ecs_sim::form::to_text(&doc));
    Outcome::Done
}

/// Runs `change` on the scenario in the editor and loads the result. An error (the edit was
/// refused, or the scenario text is not JSON) comes back as a message and changes nothing.
pub fn apply(
    pg: Playground,
    change: impl FnOnce(&mut Value) -> Result<(), String>,
) -> Result<(), String> {
    match attempt(pg, change) {
        Outcome::Done => Ok(()),
        Outcome::Refused(e) | Outcome::Locked(e) => Err(e),
    }
}

/// [`apply`], showing the change's own refusal in `error` (and clearing it otherwise; a
/// lesson's lock shows in its own line).
pub fn apply_to(
    pg: Playground,
    error: RwSignal<Option<String>>,
    change: impl FnOnce(&mut Value) -> Result<(), String>,
) {
    applied(pg, error, change);
}

/// [`apply_to`], saying whether the change was made (a form that keeps something beside the
/// scenario, such as the network memory, keeps it only then).
pub fn applied(
    pg: Playground,
    error: RwSignal<Option<String>>,
    change: impl FnOnce(&mut Value) -> Result<(), String>,
) -> bool {
    let outcome = attempt(pg, change);
    let done = matches!(outcome, Outcome::Done);
    match &outcome {
        Outcome::Done => pg.form_lock.set(None),
        Outcome::Locked(why) => pg.form_lock.set(Some(why.clone())),
        Outcome::Refused(_) => {}
    }
    // A lock's refusal has drawn the forms again, which disposes a section's own `error`.
    let _ = error.try_set(match outcome {
        Outcome::Refused(e) => Some(e),
        Outcome::Done | Outcome::Locked(_) => None,
    });
    done
}
