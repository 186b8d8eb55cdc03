//! Saving text as a file the browser downloads (the scenario, a challenge).

use wasm_bindgen::JsCast;

/// Offers `text` as a JSON file named `name`; `None` where the browser refuses.
pub fn download_text(name: &str, text: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).ok()
}
