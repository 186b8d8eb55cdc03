//! The notice: one line saying what just happened (*Link copied*, a pause, an error), with an
//! optional button and `×`. Its own module because the page and presenter mode's column both
//! place it.

use crate::state::{NoticeAction, Playground};
use leptos::prelude::*;

/// The current notice, if any, with its button and `×`. It floats at the window's foot over the
/// dock (CSS); presenter mode places it in flow at the foot of the column beside the cluster, so
/// it shortens the latest events instead of covering them.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let pg = expect_context::<Playground>();
    move || {
        pg.notice.get().map(|n| {
            let action = pg.notice_action.with(|a| {
                a.as_ref()
                    .filter(|(shown, _)| *shown == n)
                    .map(|(_, action)| action.clone())
            });
            view! {
                <div class=if n.is_error { "notice error" } else { "notice" } role="status" data-testid="notice">
                    <span>{n.text}</span>
                    {action.map(|a| notice_button(pg, a))}
                    <button class="dismiss" on:click=move |_| pg.notice.set(None) aria-label="Dismiss">"×"</button>
                </div>
            }
        })
    }
}

/// The button a notice carries.
fn notice_button(pg: Playground, action: NoticeAction) -> impl IntoView {
    match action {
        NoticeAction::DownloadJson => view! {
            <button class="notice-action" data-testid="notice-download"
                on:click=move |_| crate::share::download_scenario(pg)>"Download JSON"</button>
        }
        .into_any(),
        NoticeAction::CopyLink(link) => {
            let link = StoredValue::new(link);
            // What the last click did: `None` before one, then whether the browser copied. The
            // button says so, as Copy link's notice does (the browser may refuse the clipboard).
            let copied = RwSignal::new(None::<bool>);
            // "Copied" goes back to the button's label after two seconds, so a second click
            // is seen to do something; a refusal stays until the next click.
            let copy = move |_| {
                crate::clipboard::copy(&link.get_value(), move |ok| {
                    copied.set(Some(ok));
                    if ok {
                        leptos::prelude::set_timeout(
                            move || {
                                copied.try_update(|c| {
                                    if *c == Some(true) {
                                        *c = None;
                                    }
                                });
                            },
                            std::time::Duration::from_secs(2),
                        );
                    }
                });
            };
            let label = move || match copied.get() {
                None => "Copy the damaged link",
                Some(true) => "Copied",
                Some(false) => "Not copied: the browser refused the clipboard",
            };
            view! {
                <button class="notice-action" data-testid="notice-copy-link" on:click=copy>{label}</button>
            }
            .into_any()
        }
    }
}
