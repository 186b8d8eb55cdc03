//! Applying a form edit: the scenario text is parsed, changed by an `edit` function, and
//! handed to [`Playground::edit`], which validates it and restarts the run when it is valid.

use crate::state::Playground;
use leptos::prelude::*;
use serde_json::Value;

/// Runs `change` on the scenario in the editor and loads the result. An error (the edit was
/// refused, or the scenario text is not JSON) comes back as a message and changes nothing.
pub fn apply(
    pg: Playground,
    change: impl FnOnce(&mut Value) -> Result<(), String>,
) -> Result<(), String> {
    let mut doc: Value = pg
        .text
        .with_untracked(|t| serde_json::from_str(t))
        .map_err(|e| {
            format!(
                "The scenario JSON has a syntax error at line {}, column {}; fix it in the Scenario JSON tab first.",
                e.line(),
                e.column()
            )
        })?;
    change(&mut doc)?;
    if let Some(refused) = pg
        .lock
        .with_value(|l| l.as_ref().and_then(|l| l.refusal(&doc)))
    {
        // The value can never be taken: the forms are drawn again from the scenario. (A value
        // the change itself refused stays in its input, for the user to correct.)
        pg.form_refused.update(|n| *n += 1);
        return Err(refused);
    }
    pg.typed(ecs_sim::form::to_text(&doc));
    Ok(())
}

/// [`apply`], showing a refusal in `error` (and clearing it on success).
pub fn apply_to(
    pg: Playground,
    error: RwSignal<Option<String>>,
    change: impl FnOnce(&mut Value) -> Result<(), String>,
) {
    error.set(apply(pg, change).err());
}
