//! The browser's `localStorage`, guarded: a private window, a disabled or full storage, or a
//! page without a window all read as "nothing stored" and drop writes, so the page never fails
//! because the layout could not be remembered.

/// The saved text under `key`, if storage exists and holds one of at most `max_len` bytes.
pub fn read(key: &str, max_len: usize) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?.filter(|v| v.len() <= max_len)
}

/// Saves `value` under `key`; does nothing where storage is absent or refuses.
pub fn write(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, value);
    }
}
