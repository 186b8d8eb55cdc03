//! Parts of the page that are not needed to draw the opening page (the course, the challenge
//! builder, presenter mode, the Metrics, Deployments, Cost and Advice tabs, Service settings and
//! the selection's details) come from their own WebAssembly chunks in the release build, fetched
//! when they are first shown, so the first download is what the opening page needs (issue #14,
//! *the first second*).
//!
//! A part is a function returning `Result<AnyView, NotLoaded>` marked with [`part!`]'s split
//! attribute; [`later!`] mounts it. With the `split` feature (the release build: `index.html`
//! turns it on and `scripts/wasm-split/` cuts the module at these functions) the part shows once
//! its chunk has arrived, and a chunk that cannot be fetched says so with a *Try again* button
//! instead of stopping the page. Without it (native checks and the browser tests) the part is
//! mounted at once: the same view from the same function.

use leptos::prelude::*;

/// A part's chunk could not be fetched or started (offline, or a page older than the files on
/// the server); the wasm-split loader has logged the cause to the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a part shows when its chunk could not be loaded: the reason in words and a button that
/// tries again (a loader that failed starts afresh on the next call).
pub fn not_loaded(retry: RwSignal<u32>) -> AnyView {
    view! {
        <p class="part-not-loaded" role="alert" data-testid="part-not-loaded">
            "This part of the page could not be downloaded. Your scenario is kept. "
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>"Try again"</button>
        </p>
    }
    .into_any()
}

/// True from the first time `shown` is: a part mounted then stays mounted while hidden (typed
/// text and results are kept), and its chunk is not fetched before it is first wanted.
pub fn once_shown(
    shown: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let latched = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || shown());
    move || latched.get()
}

/// Resolves after the next frame has been painted (a `requestAnimationFrame`, then a task): a
/// part mounted with the page starts fetching its chunk only once the cluster is on screen, so
/// the chunks' downloads and compiles never hold up the first instance drawn.
#[cfg(feature = "split")]
pub fn after_a_frame() -> impl std::future::Future<Output = ()> + Send {
    // Suspense wants a Send future; the page has one thread, so the wrapper never moves it.
    leptos::__reexports::send_wrapper::SendWrapper::new(a_frame())
}

#[cfg(feature = "split")]
async fn a_frame() {
    use wasm_bindgen::{JsCast, JsValue};
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let next_task = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        let _ = window.request_animation_frame(next_task.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts a part of the page from its chunk (`split`) or at once (otherwise). The arguments
/// must be `Copy` (signals, memos): the part is asked for again on *Try again*.
#[cfg(feature = "split")]
#[macro_export]
macro_rules! later {
    ($part:path $(, $arg:expr)*) => {{
        use leptos::prelude::*;
        let retry = RwSignal::new(0u32);
        view! {
            <Suspense fallback=|| ()>
                {move || {
                    retry.track();
                    Suspend::new(async move {
                        $crate::later::after_a_frame().await;
                        match $part($($arg),*).await {
                            Ok(view) => view,
                            Err($crate::later::NotLoaded) => $crate::later::not_loaded(retry),
                        }
                    })
                }}
            </Suspense>
        }
        .into_any()
    }};
}

/// Mounts a part of the page from its chunk (`split`) or at once (otherwise).
#[cfg(not(feature = "split"))]
#[macro_export]
macro_rules! later {
    ($part:path $(, $arg:expr)*) => {{
        match $part($($arg),*) {
            Ok(view) => view,
            Err($crate::later::NotLoaded) => $crate::later::not_loaded(leptos::prelude::RwSignal::new(0)),
        }
    }};
}

/// Declares a part: `part! { /// doc  fn name(args) { view } }` expands to a function that
/// returns the view, split into its own chunk (`split_name-<hash>.wasm`) in the release build.
#[macro_export]
macro_rules! part {
    ($(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        $(#[$meta])*
        #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible))]
        fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::later::NotLoaded> {
            Ok($body)
        }
    };
}
