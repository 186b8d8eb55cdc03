//! Where a key press comes from, for the page's own shortcuts (presenter mode's `p`, Escape
//! closing a selection): a key typed into a field or the code editor is the user's text, not a
//! shortcut.

/// Whether a key press comes from somewhere the user types (a field, the code editor).
pub fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}
