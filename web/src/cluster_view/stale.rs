//! A line over the cluster while the editor's scenario is invalid: the cluster keeps running
//! the last valid version, and nothing on the stage said so. An engineer pasted a scenario with
//! three mistakes and read the default example's cluster, title and description as theirs; the
//! only sign was a line in the editor pane (walkthrough, 2026-12-07).

use crate::state::Playground;
use leptos::prelude::*;

/// The notice, or nothing while the scenario is valid.
#[component]
pub fn StaleNotice() -> impl IntoView {
    let pg = expect_context::<Playground>();
    move || {
        let n = pg.problem_count();
        (n > 0).then(|| {
            view! {
                <p class="stale-notice" role="status" data-testid="stale-notice">
                    {format!(
                        "The editor's scenario has {n} problem{}: the cluster still runs the last valid version, not your edit.",
                        if n == 1 { "" } else { "s" }
                    )}
                </p>
            }
        })
    }
}
