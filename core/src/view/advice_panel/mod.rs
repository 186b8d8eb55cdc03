//! The playground's Advice panel as data: the run's proven ("did") findings and the scenario's
//! static ("may") ones, each with its catalogue text, its source link, its dismissal key and,
//! for a proven one, where its log line is. The web panel only draws this.

pub mod dismissals;

use crate::advice::catalogue;
use crate::advice::{Advice, Evidence};
pub use dismissals::Dismissals;

/// Whether a finding is read from the scenario or proven by the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Static: what *may* go wrong.
    May,
    /// Proven: what the run *did*, with evidence.
    Did,
}

/// One row of the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelItem {
    /// May or did.
    pub kind: Kind,
    /// Rule ID.
    pub rule: &'static str,
    /// The rule's one-line title.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// The page the rule cites (the first `https://` address of the catalogue's source).
    pub source_url: String,
    /// The Security Hub control, when one checks the same.
    pub security_hub: Option<&'static str>,
    /// The JSON path the finding is about.
    pub path: String,
    /// The finding, in a sentence.
    pub message: String,
    /// For a proven finding: when, and which log line.
    pub evidence: Option<Evidence>,
    /// The key a dismissal is remembered under.
    pub key: String,
}

/// What the panel shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdvicePanel {
    /// Proven findings not dismissed, earliest evidence first.
    pub did: Vec<PanelItem>,
    /// Static findings not dismissed, in document order (task definitions, then services).
    pub may: Vec<PanelItem>,
    /// Dismissed findings of either kind, proven first.
    pub dismissed: Vec<PanelItem>,
}

impl AdvicePanel {
    /// The tab's badge: findings not dismissed.
    pub fn count(&self) -> usize {
        self.did.len() + self.may.len()
    }
}

/// Longest path kept in a dismissal key (paths are short; a huge one must not bloat storage).
const KEY_PATH_CHARS: usize = 160;

/// A 64-bit FNV-1a hash of the scenario text: dismissals belong to one scenario, and a
/// different text (even one space) is a different scenario. Stable across builds and targets.
pub fn scenario_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The key a dismissal of `rule` at `path` in the scenario hashed `scenario` is stored under.
pub fn dismissal_key(scenario: u64, rule: &str, path: &str) -> String {
    let path: String = path.chars().take(KEY_PATH_CHARS).collect();
    format!("{scenario:016x}|{rule}|{path}")
}

/// The first `https://` address in a catalogue source text.
pub fn source_url(source: &str) -> String {
    source
        .split_whitespace()
        .find(|w| w.starts_with("https://"))
        .map(|w| w.trim_end_matches([',', ';', ')']).to_string())
        .unwrap_or_default()
}

fn item(a: Advice, kind: Kind, scenario: u64) -> Option<PanelItem> {
    let rule = catalogue::rule(a.rule)?;
    Some(PanelItem {
        kind,
        rule: rule.id,
        title: rule.title,
        why: rule.why,
        fix: rule.fix,
        source_url: source_url(rule.source),
        security_hub: rule.security_hub,
        key: dismissal_key(scenario, rule.id, &a.path),
        path: a.path,
        message: a.message,
        evidence: a.evidence,
    })
}

/// The panel for a scenario (hashed by [`scenario_hash`]) from its static findings and the
/// run's proven ones so far; findings whose key is in `dismissed` go to the dismissed list.
/// A finding whose rule is not in the catalogue is left out (it cannot be explained).
pub fn project(
    statics: Vec<Advice>,
    proven: Vec<Advice>,
    scenario: u64,
    dismissed: &Dismissals,
) -> AdvicePanel {
    let mut panel = AdvicePanel::default();
    let mut did: Vec<PanelItem> = proven
        .into_iter()
        .filter_map(|a| item(a, Kind::Did, scenario))
        .collect();
    crate::order::sort_by_key(&mut did, |i| i.evidence.map(|e| (e.at, e.log_index)));
    let may = statics
        .into_iter()
        .filter_map(|a| item(a, Kind::May, scenario));
    for i in did {
        if dismissed.contains(&i.key) {
            panel.dismissed.push(i);
        } else {
            panel.did.push(i);
        }
    }
    for i in may {
        if dismissed.contains(&i.key) {
            panel.dismissed.push(i);
        } else {
            panel.may.push(i);
        }
    }
    panel
}

/// Where proven evidence's log line is in the page's copy of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLine {
    /// At this index of the copy.
    Kept(usize),
    /// Older than the oldest line kept: the bounded log dropped it.
    Dropped,
    /// Not copied yet (the page copies the log a few times a second).
    NotYet,
}

/// Finds line `number` (counted from the first line ever written) in a copy of `kept` lines
/// whose first line has number `first`.
pub fn find_log_line(number: usize, first: usize, kept: usize) -> LogLine {
    if number < first {
        LogLine::Dropped
    } else if number - first < kept {
        LogLine::Kept(number - first)
    } else {
        LogLine::NotYet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(rule: &'static str, path: &str, at: Option<u64>) -> Advice {
        let mut a = Advice::new(rule, path, format!("{rule} at {path}"));
        a.evidence = at.map(|at| Evidence {
            at,
            log_index: at as usize / 1000,
            count: 1,
        });
        a
    }

    #[test]
    fn proven_first_by_time_static_in_document_order_dismissed_apart() {
        let h = scenario_hash("{}");
        let statics = vec![
            found(
                "runs-as-root",
                "taskDefinitions[0].containerDefinitions[0]",
                None,
            ),
            found(
                "no-circuit-breaker",
                "services[0].deploymentConfiguration.deploymentCircuitBreaker",
                None,
            ),
            found("not-a-rule", "services[0]", None),
        ];
        let proven = vec![
            found("deployment-blocked", "services[1]", Some(90_000)),
            found("stopped-during-start-up", "services[0]", Some(30_000)),
        ];
        let mut d = Dismissals::default();
        d.dismiss(dismissal_key(
            h,
            "no-circuit-breaker",
            "services[0].deploymentConfiguration.deploymentCircuitBreaker",
        ));
        let p = project(statics, proven, h, &d);
        let rules = |v: &[PanelItem]| v.iter().map(|i| i.rule).collect::<Vec<_>>();
        assert_eq!(
            rules(&p.did),
            ["stopped-during-start-up", "deployment-blocked"]
        );
        assert_eq!(rules(&p.may), ["runs-as-root"]);
        assert_eq!(rules(&p.dismissed), ["no-circuit-breaker"]);
        assert_eq!(p.count(), 3);
        assert_eq!(p.did[0].kind, Kind::Did);
        assert_eq!(p.may[0].kind, Kind::May);
        assert_eq!(
            p.may[0].source_url,
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html"
        );
        assert_eq!(p.may[0].security_hub, Some("ECS.20"));
    }

    #[test]
    fn a_dismissal_belongs_to_one_scenario_text_rule_and_path() {
        let a = scenario_hash("{\"version\":1}");
        let b = scenario_hash("{\"version\": 1}");
        assert_ne!(a, b);
        // FNV-1a 64 of the empty string is its offset basis.
        assert_eq!(scenario_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(
            dismissal_key(a, "privileged", "x"),
            format!("{a:016x}|privileged|x")
        );
        assert_ne!(
            dismissal_key(a, "privileged", "x"),
            dismissal_key(a, "privileged", "y")
        );
        assert_ne!(
            dismissal_key(a, "privileged", "x"),
            dismissal_key(b, "privileged", "x")
        );
        let long = "p".repeat(1000);
        assert!(dismissal_key(a, "privileged", &long).len() < 200);
    }

    #[test]
    fn source_url_is_the_first_address() {
        assert_eq!(
            source_url("https://docs.aws.amazon.com/a.html (healthCheckGracePeriodSeconds), API_HealthCheck.html"),
            "https://docs.aws.amazon.com/a.html"
        );
        assert_eq!(source_url("no address"), "");
        for r in &catalogue::RULES {
            assert!(
                source_url(r.source).starts_with("https://docs.aws.amazon.com/"),
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn log_lines_are_found_dropped_or_not_yet_copied() {
        // Lines 100..150 are kept.
        assert_eq!(find_log_line(99, 100, 50), LogLine::Dropped);
        assert_eq!(find_log_line(100, 100, 50), LogLine::Kept(0));
        assert_eq!(find_log_line(149, 100, 50), LogLine::Kept(49));
        assert_eq!(find_log_line(150, 100, 50), LogLine::NotYet);
    }
}
