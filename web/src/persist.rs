//! Nothing lost: the running scenario and any unsaved (even invalid) editor text are written to
//! `localStorage` on every change and before the page unloads, and offered back after a reload
//! or crash by the restore banner. The record and every decision about it live in
//! `ecs_sim::scenario::saved`; this module only talks to the browser. Storage that is absent
//! (some private windows) or full is reported once, never a panic.

use crate::state::{Notice, Playground};
use ecs_sim::scenario::saved::{Saved, STORAGE_KEY};
use leptos::prelude::*;

/// The page's `localStorage`, if the browser gives it one.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The record saved by an earlier visit, if storage has one the page can read.
pub fn load() -> Option<Saved> {
    let text = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    Saved::from_json(&text)
}

/// Wall clock, ms since the Unix epoch.
fn epoch_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Writes the page's state now; `false` when storage is absent or refuses it (quota).
pub fn save(pg: Playground) -> bool {
    let record = pg.running_text.with_untracked(|running| {
        pg.text
            .with_untracked(|text| Saved::new(running, text, epoch_ms()))
    });
    let Some(storage) = storage() else {
        return false;
    };
    if storage.set_item(STORAGE_KEY, &record.to_json()).is_ok() {
        return true;
    }
    // Full: the old record may be what fills it; drop it and try once more.
    let _ = storage.remove_item(STORAGE_KEY);
    storage.set_item(STORAGE_KEY, &record.to_json()).is_ok()
}

/// Forgets the unsaved edit: the record then holds the running scenario only.
pub fn discard(pg: Playground) {
    pg.offer.set(None);
    save(pg);
}

/// Local time of day of `epoch_ms` (`14:02`), with the date when it is not today.
pub fn when(epoch_ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms as f64));
    let today = js_sys::Date::new_0();
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    if date.to_date_string() == today.to_date_string() {
        time
    } else {
        format!("{} {time}", String::from(date.to_date_string()))
    }
}

/// Saves on every change of the editor text or the running scenario and before the page goes
/// away. While the restore banner is up and nothing was edited yet, the saved record is left
/// alone, so a second reload still offers the edit.
#[component]
pub fn Persist() -> impl IntoView {
    let pg = expect_context::<Playground>();
    // What opened, to tell "nothing edited since" while an offer waits.
    let opened = StoredValue::new((pg.text.get_untracked(), pg.running_text.get_untracked()));
    let warned = StoredValue::new(false);
    let write = move || {
        let untouched = opened.with_value(|(text, running)| {
            pg.text.with_untracked(|t| t == text)
                && pg.running_text.with_untracked(|r| r == running)
        });
        if untouched && pg.offer.with_untracked(Option::is_some) {
            return;
        }
        if !save(pg) && !warned.get_value() {
            warned.set_value(true);
            pg.notice.set(Some(Notice {
                is_error: true,
                text: "This browser does not let the page keep your work (storage is full or \
                       turned off, as in some private windows): unsaved edits, and a scenario \
                       too large for a link, will not survive a reload. Download the JSON to \
                       keep them."
                    .into(),
            }));
        }
    };
    Effect::new(move |_| {
        pg.text.track();
        pg.running_text.track();
        pg.offer.track();
        write();
    });
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| write());
    let hide = window_event_listener(leptos::ev::pagehide, move |_| write());
    on_cleanup(move || {
        unload.remove();
        hide.remove();
    });
}

/// "Restore your unsaved edit from <time>?" (or "Go back to <scenario>…?" for a scenario that was
/// open, not edited) with Restore and Discard, while work is offered.
#[component]
pub fn RestoreBanner() -> impl IntoView {
    let pg = expect_context::<Playground>();
    move || {
        pg.offer.get().map(|offer| {
            let question = offer.question(&when(offer.saved_at_ms));
            let text = StoredValue::new(offer.text);
            view! {
                <div class="restore-banner" role="status" data-testid="restore-banner">
                    <span>{question}</span>
                    <button class="primary" data-testid="restore" on:click=move |_| {
                        pg.offer.set(None);
                        pg.edit(text.get_value());
                    }>"Restore"</button>
                    <button data-testid="discard" on:click=move |_| discard(pg)>"Discard"</button>
                </div>
            }
        })
    }
}
