//! The CodeMirror 6 editor (web/editor-js, bundled by esbuild into `editor.js`) as seen from
//! Rust. The first code area on the page loads the bundle (a module script at the address
//! index.html names in `<meta name="ecs-editor-src">`), which sets `window.EcsEditor`; until
//! then, and wherever there is no such meta (the wasm browser tests), the code area stays a
//! plain text area. Every call goes through `Reflect`, so a missing or broken bundle is a
//! no-op, never a panic.

use super::marks::Mark;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The event `editor.js` dispatches on `window` once `window.EcsEditor` is set.
const READY_EVENT: &str = "ecs-editor-ready";

/// `window.EcsEditor`, when the bundle has run.
fn api() -> Option<JsValue> {
    let window = web_sys::window()?;
    let api = Reflect::get(&window, &JsValue::from_str("EcsEditor")).ok()?;
    (!api.is_undefined() && !api.is_null()).then_some(api)
}

/// Adds the bundle's module script to the page, once; not where index.html names none.
fn request_bundle(document: &web_sys::Document) {
    if document.get_element_by_id("ecs-editor-js").is_some() {
        return;
    }
    let Ok(Some(meta)) = document.query_selector("meta[name=ecs-editor-src]") else {
        return;
    };
    let Some(src) = meta.get_attribute("content") else {
        return;
    };
    let (Ok(script), Ok(Some(head))) = (
        document.create_element("script"),
        document.query_selector("head"),
    ) else {
        return;
    };
    let _ = script.set_attribute("id", "ecs-editor-js");
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    let _ = head.append_child(&script);
}

/// Runs `f` once the editor bundle is loaded: now if it already is, else (asking for the
/// bundle if nobody has yet) on its ready event.
pub fn when_loaded(f: impl FnOnce() + 'static) {
    if api().is_some() {
        f();
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        request_bundle(&document);
    }
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    let callback = Closure::once_into_js(f);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        READY_EVENT,
        callback.unchecked_ref(),
        &once,
    );
}

/// One live CodeMirror editor.
pub struct Editor {
    /// The object `EcsEditor.create` returned.
    handle: JsValue,
    /// Keeps the change callback alive as long as the editor.
    _on_change: Closure<dyn FnMut(String)>,
}

impl Editor {
    /// Creates an editor in `parent` showing `text`; `on_change` hears the whole text after a
    /// quiet moment of typing; `mirror` (the hidden text area it replaces) reads the editor's
    /// text from then on, so the app never copies each edit into it. `None` when the bundle is
    /// not loaded or refuses.
    pub fn create(
        parent: &web_sys::HtmlElement,
        mirror: &web_sys::HtmlTextAreaElement,
        text: &str,
        label: &str,
        on_change: impl FnMut(String) + 'static,
    ) -> Option<Editor> {
        let api = api()?;
        let create: Function = Reflect::get(&api, &"create".into()).ok()?.dyn_into().ok()?;
        let on_change = Closure::<dyn FnMut(String)>::new(on_change);
        let options = Object::new();
        Reflect::set(&options, &"text".into(), &text.into()).ok()?;
        Reflect::set(&options, &"label".into(), &label.into()).ok()?;
        Reflect::set(&options, &"onChange".into(), on_change.as_ref()).ok()?;
        Reflect::set(&options, &"mirror".into(), mirror).ok()?;
        let handle = create.call2(&api, parent, &options).ok()?;
        Some(Editor {
            handle,
            _on_change: on_change,
        })
    }

    /// Calls `method` of the editor with `args`; `None` when it is missing or throws.
    fn call(&self, method: &str, args: &[JsValue]) -> Option<JsValue> {
        let f: Function = Reflect::get(&self.handle, &method.into())
            .ok()?
            .dyn_into()
            .ok()?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(&self.handle, &args).ok()
    }

    /// Replaces the text (the app changed it: a form, another family).
    pub fn set_text(&self, text: &str) {
        self.call("setText", &[text.into()]);
    }

    /// The text the editor holds now, including edits not yet reported.
    pub fn text(&self) -> Option<String> {
        self.call("getText", &[])?.as_string()
    }

    /// Shows `marks` as squiggles at their fields and in the line-number gutter.
    pub fn set_marks(&self, marks: &[Mark]) {
        let list: Vec<serde_json::Value> = marks
            .iter()
            .map(|m| {
                serde_json::json!({
                    "line": m.line, "column": m.column, "message": m.message, "warning": m.warning,
                })
            })
            .collect();
        let json = serde_json::Value::Array(list).to_string();
        self.call("setMarks", &[json.into()]);
    }

    /// Gives the editor the engine's field schema (completion, documentation) and the context
    /// of the whole text (`scenario` or `taskDefinition`).
    pub fn set_schema(&self, schema_json: &str, root: &str) {
        self.call("setSchema", &[schema_json.into(), root.into()]);
    }

    /// Makes everything but `paths` (a lesson's editable JSON paths) read-only; empty unlocks.
    pub fn set_open(&self, paths: &[String]) {
        let json = serde_json::to_string(paths).unwrap_or_else(|_| "[]".into());
        self.call("setOpen", &[json.into()]);
    }

    /// Puts the caret at a 1-based line and column and scrolls there.
    pub fn goto(&self, line: usize, column: usize) {
        self.call("goto", &[(line as f64).into(), (column as f64).into()]);
    }

    /// Removes the editor from the page.
    pub fn destroy(&self) {
        self.call("destroy", &[]);
    }
}
