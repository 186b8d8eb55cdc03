//! Where a key press comes from, for the page's own shortcuts (presenter mode's `p`, Escape
//! closing a selection): a key typed into a field or the code editor is the user's text, not a
//! shortcut.

/// Whether a key press comes from somewhere the user types (a text field, a list, the code
/// editor). A checkbox, radio button or button takes no letters: `p` after ticking a box in the
/// forms did nothing, and the presenter had to click elsewhere first (instructor walkthrough,
/// 2026-12-07).
pub fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
        .is_some_and(|el| match el.tag_name().as_str() {
            "INPUT" => !takes_no_text(&el.get_attribute("type").unwrap_or_default()),
            "TEXTAREA" | "SELECT" => true,
            _ => el.is_content_editable(),
        })
}

/// Whether an `<input>` of this `type` takes no typed text.
pub fn takes_no_text(kind: &str) -> bool {
    matches!(
        kind.to_ascii_lowercase().as_str(),
        "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_checkbox_takes_no_text_and_a_number_field_does() {
        assert!(super::takes_no_text("checkbox"));
        assert!(super::takes_no_text("RADIO"));
        assert!(!super::takes_no_text("number"));
        assert!(!super::takes_no_text(""));
    }
}
