//! The cluster pane (placeholder: instances as boxes).

use crate::state::Playground;
use leptos::prelude::*;

/// The cluster.
#[component]
pub fn ClusterView() -> impl IntoView {
    let pg = expect_context::<Playground>();
    view! {
        <div class="instances">
            {move || pg.snapshot.get().map(|s| s.instances.into_iter().map(|i| view! {
                <div class="instance" data-testid="instance">{i.ec2_instance_id}" "{i.instance_type}</div>
            }).collect_view())}
        </div>
    }
}
