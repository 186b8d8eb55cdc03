//! What the page remembers about its layout, per browser: which panels are open, how wide or
//! tall they are, the dock's tab, the cluster's zoom and the chart presenter mode shows. Read
//! from and written to `localStorage` as a small JSON object; anything missing, unknown,
//! out of range or unreadable falls back to the default, so a damaged entry never breaks the page.

use serde_json::{json, Map, Value};

/// The `localStorage` key (versioned: a later incompatible layout uses a new key).
pub const KEY: &str = "ecs-playground.layout.v1";
/// Longest stored entry read back; anything longer is ignored (ours is ~250 bytes).
pub const MAX_LEN: usize = 4_096;

/// Editor width, % of the window width: (min, default, max).
pub const EDITOR_WIDTH: (f64, f64, f64) = (16.0, 26.0, 45.0);
/// Explain-and-log column width, % of the window width.
pub const SIDE_WIDTH: (f64, f64, f64) = (14.0, 21.0, 36.0);
/// Dock (deployments, metrics) height, % of the window height.
pub const DOCK_HEIGHT: (f64, f64, f64) = (15.0, 30.0, 65.0);
/// Cluster zoom factor (1 = normal size).
pub const ZOOM: (f64, f64, f64) = (0.7, 1.0, 1.6);
/// Longest chart title kept.
const TITLE_CHARS: usize = 120;

/// Which panel the dock under the cluster shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DockTab {
    /// The metrics charts.
    Metrics,
    /// The deployment view of a service.
    Deployments,
    /// What the run costs (README "Cost").
    Cost,
    /// Best-practice advice (may / did).
    Advice,
}

impl DockTab {
    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            DockTab::Metrics => "metrics",
            DockTab::Deployments => "deployments",
            DockTab::Cost => "cost",
            DockTab::Advice => "advice",
        }
    }
}

/// The remembered layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefs {
    /// The editor column is open (else a narrow rail).
    pub editor_open: bool,
    /// Its width, % of the window.
    pub editor_width: f64,
    /// The explain-and-log column is open.
    pub side_open: bool,
    /// Its width, % of the window.
    pub side_width: f64,
    /// The dock under the cluster is open (else only its tab strip).
    pub dock_open: bool,
    /// Its height, % of the window.
    pub dock_height: f64,
    /// The dock's tab.
    pub dock_tab: DockTab,
    /// Cluster zoom.
    pub zoom: f64,
    /// Title of the chart presenter mode shows ("" = the first one with data).
    pub presenter_chart: String,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            editor_open: true,
            editor_width: EDITOR_WIDTH.1,
            side_open: true,
            side_width: SIDE_WIDTH.1,
            dock_open: true,
            dock_height: DOCK_HEIGHT.1,
            dock_tab: DockTab::Metrics,
            zoom: ZOOM.1,
            presenter_chart: String::new(),
        }
    }
}

/// `v` within `(min, _, max)`; the default when it is not a finite number.
pub fn clamp(v: f64, range: (f64, f64, f64)) -> f64 {
    if v.is_finite() {
        v.clamp(range.0, range.2)
    } else {
        range.1
    }
}

impl Prefs {
    /// Reads a stored entry; every field that is missing or of the wrong type keeps its default,
    /// numbers are clamped to their ranges.
    pub fn parse(text: &str) -> Prefs {
        let mut p = Prefs::default();
        let Ok(Value::Object(o)) = serde_json::from_str::<Value>(text) else {
            return p;
        };
        let flag = |o: &Map<String, Value>, k: &str, d: bool| {
            o.get(k).and_then(Value::as_bool).unwrap_or(d)
        };
        let num = |o: &Map<String, Value>, k: &str, r: (f64, f64, f64)| {
            o.get(k)
                .and_then(Value::as_f64)
                .map_or(r.1, |v| clamp(v, r))
        };
        p.editor_open = flag(&o, "editorOpen", p.editor_open);
        p.editor_width = num(&o, "editorWidth", EDITOR_WIDTH);
        p.side_open = flag(&o, "sideOpen", p.side_open);
        p.side_width = num(&o, "sideWidth", SIDE_WIDTH);
        p.dock_open = flag(&o, "dockOpen", p.dock_open);
        p.dock_height = num(&o, "dockHeight", DOCK_HEIGHT);
        p.dock_tab = match o.get("dockTab").and_then(Value::as_str) {
            Some("deployments") => DockTab::Deployments,
            Some("cost") => DockTab::Cost,
            Some("advice") => DockTab::Advice,
            _ => DockTab::Metrics,
        };
        p.zoom = num(&o, "zoom", ZOOM);
        p.presenter_chart = o
            .get("presenterChart")
            .and_then(Value::as_str)
            .map(|s| s.chars().take(TITLE_CHARS).collect())
            .unwrap_or_default();
        p
    }

    /// The entry to store.
    pub fn to_json(&self) -> String {
        json!({
            "editorOpen": self.editor_open,
            "editorWidth": self.editor_width,
            "sideOpen": self.side_open,
            "sideWidth": self.side_width,
            "dockOpen": self.dock_open,
            "dockHeight": self.dock_height,
            "dockTab": self.dock_tab.name(),
            "zoom": self.zoom,
            "presenterChart": self.presenter_chart,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_layout_reads_back_as_written() {
        let p = Prefs {
            editor_open: false,
            editor_width: 30.0,
            side_open: false,
            side_width: 18.0,
            dock_open: false,
            dock_height: 40.0,
            dock_tab: DockTab::Deployments,
            zoom: 1.3,
            presenter_chart: "CPUUtilization".into(),
        };
        assert_eq!(Prefs::parse(&p.to_json()), p);
        let advice = Prefs {
            dock_tab: DockTab::Advice,
            ..Prefs::default()
        };
        assert_eq!(Prefs::parse(&advice.to_json()).dock_tab, DockTab::Advice);
    }

    #[test]
    fn damaged_or_foreign_entries_fall_back_to_defaults() {
        assert_eq!(Prefs::parse(""), Prefs::default());
        assert_eq!(Prefs::parse("[1,2]"), Prefs::default());
        assert_eq!(Prefs::parse("{\"editorOpen\":\"yes\"}"), Prefs::default());
        let p = Prefs::parse(
            "{\"editorWidth\":900,\"dockHeight\":-5,\"zoom\":\"big\",\"dockTab\":\"x\"}",
        );
        assert_eq!(p.editor_width, EDITOR_WIDTH.2);
        assert_eq!(p.dock_height, DOCK_HEIGHT.0);
        assert_eq!(p.zoom, ZOOM.1, "a string is not a zoom");
        assert_eq!(p.dock_tab, DockTab::Metrics);
    }

    #[test]
    fn the_cost_tab_is_remembered() {
        let p = Prefs {
            dock_tab: DockTab::Cost,
            ..Prefs::default()
        };
        assert_eq!(Prefs::parse(&p.to_json()).dock_tab, DockTab::Cost);
    }
}
