//! Writing text to the clipboard and learning whether the browser allowed it (it may refuse:
//! no permission, the page not focused), so the page never claims a copy that did not happen.

/// Writes `text` to the clipboard, then calls `done` with whether the browser took it.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
