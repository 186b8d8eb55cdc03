//! The page's wall clock (`performance.now()`), for frame budgets and a run's rate. A leaf
//! module: the state and the controls both read it, and neither may import the other's way
//! round (the architecture test refuses file cycles).

/// Wall time, ms (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
