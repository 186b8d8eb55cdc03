//! The cluster pane: a strip of service summaries, the queue of tasks waiting for placement,
//! then one lane per Availability Zone with its container instances and Fargate tasks.
//! Every part reads one memoised [`ClusterLayout`] (computed in `ecs-sim`) and keyed lists,
//! so a tick with 2,000 tasks only touches the chips that changed.

mod fit;
mod instance;
mod keyboard;
mod lane;
mod stale;
mod summary;
mod task_chip;
mod waiting;
mod zoom;

use crate::state::Playground;
use ecs_sim::view::{cluster_layout, overview, ClusterLayout};
use leptos::prelude::*;

pub use keyboard::ChipNav;
pub use stale::StaleNotice;
pub use task_chip::TaskChip;

/// The cluster.
#[component]
pub fn ClusterView() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let full: Memo<Option<ClusterLayout>> =
        Memo::new(move |_| pg.snapshot.with(|s| s.as_ref().map(cluster_layout)));
    // What is drawn: a very large cluster as an overview, and new chips at most 80 per
    // frame (see `overview.rs`); `more` asks for the next frame's share.
    let more = RwSignal::new(0u64);
    let layout: Memo<Option<ClusterLayout>> = Memo::new(move |previous| {
        more.track();
        let previous = previous.and_then(Option::as_ref);
        full.with(|l| l.as_ref().map(|l| overview::drawn_gradually(l, previous)))
    });
    Effect::new(move |_| {
        let behind = layout.with(|d| {
            full.with(|f| matches!((f, d), (Some(f), Some(d)) if overview::held_back(f, d)))
        });
        pg.chips_drawing_in.set_value(behind);
        if behind {
            request_animation_frame(move || {
                more.try_update(|n| *n += 1);
            });
        }
    });
    let hidden =
        Memo::new(move |_| full.with(|l| l.as_ref().map(overview::hidden).unwrap_or_default()));
    let zones = Memo::new(move |_| {
        layout.with(|l| {
            l.as_ref()
                .map(|l| l.lanes.iter().map(|z| z.zone.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // Each lane's share of the width follows its instances, so a zone of three instances beside
    // zones of one lays them out side by side instead of in a column that sets the cluster's
    // height (lesson 6 drew 11 px type with half the stage empty: student walkthrough,
    // 2026-12-06). A share per two instances, as a lane rarely has room for more than two
    // cards a row: with a share each, lesson 14's two stacked cards in us-east-1a left the lone
    // card in us-east-1b a third of the width, its Mem bar a few pixels (28th session).
    let weights = Memo::new(move |_| {
        layout.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.lanes
                        .iter()
                        .map(|z| z.instances.len().div_ceil(2).max(1))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let columns = move || {
        weights.with(|w| {
            if w.is_empty() {
                "minmax(11em, 1fr)".to_string()
            } else {
                w.iter()
                    .map(|n| format!("minmax(11em, {n}fr)"))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        })
    };
    provide_context(ChipNav::new(layout, pg));
    // A small cluster taller than the stage is scaled down to fit (see `fit.rs`), after each
    // change of its shape, of the zoom or of the stage's size.
    let stage = NodeRef::<leptos::html::Div>::new();
    let fitted = RwSignal::new(1.0f64);
    let shape = Memo::new(move |_| layout.with(|l| l.as_ref().and_then(fit::shape)));
    let rounds = fit::Rounds::new();
    let refit = move || {
        if let Some(el) = stage.get_untracked() {
            let el: web_sys::HtmlElement = el.into();
            let mine = rounds.begin();
            request_animation_frame(move || {
                fit::adjust(el, fitted, fit::Phase::Start, rounds, mine)
            });
        }
    };
    let zoom = expect_context::<crate::layout::Layout>().pick(|p| p.zoom);
    Effect::new(move |_| {
        zoom.track();
        if shape.with(Option::is_none) {
            // Ends a round in flight, which would go on shrinking an overview (reviewer).
            rounds.cancel();
            fitted.set(1.0);
            return;
        }
        refit();
    });
    // Whenever the stage changes size: the window, presenter mode, a lesson's goals under it.
    // And whenever its content does while no round is measuring it: a summary line wrapping
    // or a badge moving under an instance's name is no change of shape.
    let head = NodeRef::<leptos::html::Div>::new();
    let lanes = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = stage.get() {
            let el: web_sys::HtmlElement = el.into();
            fit::on_resize(&[el], move || {
                if shape.with_untracked(Option::is_some) {
                    refit();
                }
            });
        }
    });
    Effect::new(move |_| {
        if let (Some(head), Some(lanes)) = (head.get(), lanes.get()) {
            fit::on_resize(&[head.into(), lanes.into()], move || {
                if shape.with_untracked(Option::is_some) && !rounds.running() {
                    refit();
                }
            });
        }
    });
    view! {
        <div class="cluster" data-testid="cluster" node_ref=stage
            style:--fit=move || format!("{:.2}", fitted.get()) data-fit=move || format!("{:.2}", fitted.get())>
            <div class="cluster-head" node_ref=head>
                <summary::ServiceSummaries />
                <zoom::Zoom fitted=fitted />
            </div>
            <waiting::WaitingQueue layout=layout />
            <div class="lanes" node_ref=lanes style:grid-template-columns=columns>
                <For each=move || zones.get() key=|z| z.clone()
                    children=move |zone| view! { <lane::ZoneLane zone=zone layout=layout hidden=hidden /> } />
            </div>
        </div>
    }
}
