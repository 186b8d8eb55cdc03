//! Parts of the page that are not needed to draw the cluster (the editor, the Metrics charts and
//! the selection's details, fetched once the first frame is painted; the course, the lesson
//! pane, the challenge builder, presenter mode, the Deployments, Cost and Advice tabs and Service
//! settings, fetched when first shown) come from their own WebAssembly chunks in the release
//! build, so the first download is what the opening page needs (issue #14, *the first second*).
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

/// The page's one *Try again*: every part that could not be loaded asks again when any of their
/// buttons is pressed (a failed pack fails the editor, the charts and the details at once); a
/// part that did load is not touched.
#[derive(Debug, Clone, Copy)]
pub struct Retry(pub RwSignal<u32>);

/// The page's [`Retry`], or one of its own for a part mounted without it (browser tests).
pub fn retry() -> RwSignal<u32> {
    use_context::<Retry>().map_or_else(|| RwSignal::new(0), |r| r.0)
}

/// What a part shows when its chunk could not be loaded: the reason in words and a button that
/// tries again (a loader that failed starts afresh on the next call). Any part's button (the
/// page's `retry`) asks this part again (its own `attempt`), for as long as this is shown.
pub fn not_loaded(retry: RwSignal<u32>, attempt: RwSignal<u32>) -> AnyView {
    Effect::new(move |seen: Option<u32>| {
        let now = retry.get();
        if seen.is_some_and(|seen| seen != now) {
            attempt.update(|n| *n += 1);
        }
        now
    });
    view! {
        <p class="part-not-loaded" role="alert" data-testid="part-not-loaded">
            "This part of the page could not be downloaded. Your scenario is kept. "
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>"Try again"</button>
            " If the playground has been updated since this page was opened, reload the page."
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

/// Set once the page's first frame has been painted.
#[cfg(feature = "split")]
static PAINTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Resolves after the page's first frame has been painted (a `requestAnimationFrame`, then a
/// task), at once after that: a part mounted with the page starts fetching its chunk only once
/// the cluster is on screen, so the chunks' downloads and compiles never hold up the first
/// instance drawn, and a part shown again later is not held back a frame.
#[cfg(feature = "split")]
pub fn after_a_frame() -> impl std::future::Future<Output = ()> + Send {
    // Suspense wants a Send future; the page has one thread, so the wrapper never moves it.
    // (Leptos's own `#[lazy]` wraps its futures with this re-export too.)
    leptos::__reexports::send_wrapper::SendWrapper::new(async {
        if !PAINTED.load(std::sync::atomic::Ordering::Relaxed) {
            a_frame().await;
            PAINTED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    })
}

/// A frame, then a task: the page's own pattern (`app.rs`'s `fast` switch) with Leptos's
/// helpers, awaited through a promise.
#[cfg(feature = "split")]
async fn a_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                },
                std::time::Duration::ZERO,
            );
        });
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
        let retry = $crate::later::retry();
        let attempt = RwSignal::new(0u32);
        view! {
            <Suspense fallback=|| ()>
                {move || {
                    attempt.track();
                    Suspend::new(async move {
                        $crate::later::after_a_frame().await;
                        match $part($($arg),*).await {
                            Ok(view) => view,
                            Err($crate::later::NotLoaded) => $crate::later::not_loaded(retry, attempt),
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
            Err($crate::later::NotLoaded) => {
                $crate::later::not_loaded($crate::later::retry(), leptos::prelude::RwSignal::new(0))
            }
        }
    }};
}

/// Declares parts: `part! { /// doc  fn name(args) { view } … }` expands each to a function
/// that returns its view, split into its own chunk (`split_name-<hash>.wasm`) in the release
/// build.
#[macro_export]
macro_rules! part {
    ($($(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),*) $body:block)+) => {$(
        $(#[$meta])*
        #[cfg_attr(feature = "split", leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible))]
        fn $name($($arg: $ty),*) -> Result<leptos::prelude::AnyView, $crate::later::NotLoaded> {
            // Untracked: the Suspense around it must not rebuild the part (and lose its state)
            // when a signal its body reads changes.
            Ok(leptos::prelude::untrack(move || $body))
        }
    )+};
}
