//! Bringing what a click produced into view in the narrow lesson pane.

use leptos::prelude::*;

/// Scrolls the element with `id` into view after the next frame (a verdict or a hint that
/// appeared below the fold of a narrow pane).
pub fn reveal(id: &'static str) {
    request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        into_view(&el);
    });
}

/// Scrolls `el` into view by the least distance (its scrolling ancestors move only if it is
/// out of view): what the lesson pane, the builder's messages and presenter mode's paused line
/// all need.
pub fn into_view(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the lesson pane back to its top after the next frame, where the goals and Check's
/// verdict under them are: after a Check, and when another lesson opens (the pane's element is
/// kept and its content rebuilt in place, and so was its scroll, which opened "Next lesson"
/// partway down the new brief, student walkthrough).
pub fn pane_to_top() {
    request_animation_frame(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=lesson-pane]").ok().flatten())
        {
            el.set_scroll_top(0);
        }
    });
}

/// After a Check: the pane back at its top (the goals), then Check's verdict under them
/// scrolled into view when it is below the fold. Its scroll margin (lesson.css) keeps it clear
/// of the sticky Check bar: a refusal under three long goals sat hidden under the bar, so Check
/// looked as if it had done nothing (student walkthrough of lesson 16).
pub fn verdict() {
    pane_to_top();
    request_animation_frame(|| reveal("lesson-result"));
}
