//! What the playground remembers of the course in the browser's storage: which lessons were
//! passed (with their completion codes) and the work on the lesson open last, so a reload goes
//! on where the student was. Read strictly and capped: a damaged record reads as empty.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `localStorage` key of the record.
pub const PROGRESS_KEY: &str = "ecs-playground.lessons.v1";

/// Largest record read or written: the draft is a scenario (up to 1 MiB) and the codes are small.
pub const MAX_PROGRESS_BYTES: usize = 1024 * 1024 + 64 * 1024;

/// Most lessons remembered as passed (the course has 15; shared challenges add their own).
const MAX_PASSED: usize = 200;

/// The course progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Progress {
    /// Passed lessons and challenges: id → completion code.
    #[serde(default)]
    pub passed: BTreeMap<String, String>,
    /// The lesson open last and the student's scenario text in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Passed lessons' passing scenarios: id → the editor's text when Check passed. The draft
    /// follows the open lesson only, so a passed lesson left with *Next lesson* came back at
    /// its start, and the scenario a completion code belongs to was gone (instructor
    /// walkthrough: `ecs-sim check --code` needs it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub solved: BTreeMap<String, String>,
    /// Lessons whose solution was shown since they were last started over: a pass there earns
    /// no completion code. *Show solution* then *Check* earned the code of a solved lesson, so
    /// a code handed in proved nothing (instructor walkthrough, 2026-12-05). Kept in the
    /// record, so a reload does not clear it.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub shown: BTreeSet<String>,
    /// How many hints each lesson has shown since it was last started over: a reload hid the
    /// hints a student had opened ("Hint (2 of 3)" came back as "Hint (0 of 3)": instructor
    /// walkthrough, 2026-12-06).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hints: BTreeMap<String, u32>,
}

/// Most hints a lesson has (`caps::HINTS`); a stored count above it is dropped on reading.
const MAX_HINTS: u32 = super::caps::HINTS as u32;

/// Work in progress on one lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Draft {
    /// The lesson's id.
    pub id: String,
    /// The editor's text.
    pub text: String,
}

impl Progress {
    /// Reads a stored record; anything unreadable is an empty one.
    pub fn from_json(text: &str) -> Progress {
        if text.len() > MAX_PROGRESS_BYTES {
            return Progress::default();
        }
        let mut p: Progress = serde_json::from_str(text).unwrap_or_default();
        p.passed
            .retain(|id, code| super::goal::valid_id(id) && code.len() <= 32);
        while p.passed.len() > MAX_PASSED {
            p.passed.pop_last();
        }
        if p.draft
            .as_ref()
            .is_some_and(|d| !super::goal::valid_id(&d.id))
        {
            p.draft = None;
        }
        let passed = p.passed.clone();
        p.solved.retain(|id, _| passed.contains_key(id));
        p.shown.retain(|id| super::goal::valid_id(id));
        while p.shown.len() > MAX_PASSED {
            p.shown.pop_last();
        }
        p.hints
            .retain(|id, n| super::goal::valid_id(id) && *n > 0 && *n <= MAX_HINTS);
        while p.hints.len() > MAX_PASSED {
            p.hints.pop_last();
        }
        p
    }

    /// How many hints lesson `key` has shown.
    pub fn hints_shown(&self, key: &str) -> usize {
        self.hints.get(key).map_or(0, |n| *n as usize)
    }

    /// Records that lesson `key` shows `n` hints (0 forgets it: *Start over*).
    pub fn show_hints(&mut self, key: &str, n: usize) {
        let n = u32::try_from(n).unwrap_or(MAX_HINTS).min(MAX_HINTS);
        if n == 0 {
            self.hints.remove(key);
            return;
        }
        if !self.hints.contains_key(key) && self.hints.len() >= MAX_PASSED {
            self.hints.pop_first();
        }
        self.hints.insert(key.to_string(), n);
    }

    /// The record to store; without the draft when it would be too large.
    pub fn to_json(&self) -> String {
        let text = serde_json::to_string(self).unwrap_or_default();
        if text.len() <= MAX_PROGRESS_BYTES {
            return text;
        }
        let mut smaller = self.clone();
        smaller.draft = None;
        let text = serde_json::to_string(&smaller).unwrap_or_default();
        if text.len() <= MAX_PROGRESS_BYTES {
            return text;
        }
        // The codes are what matters most: they stay, the passing scenarios go.
        smaller.solved.clear();
        serde_json::to_string(&smaller).unwrap_or_default()
    }

    /// Keeps `text` as lesson `id`'s passing scenario (after [`Progress::pass`]).
    pub fn keep_solved(&mut self, id: &str, text: &str) {
        if self.passed.contains_key(id) {
            self.solved.insert(id.to_string(), text.to_string());
        }
    }

    /// The work to open lesson `id` with: the last draft when it is this lesson's, else its
    /// passing scenario when it has passed.
    pub fn work_on(&self, id: &str) -> Option<&str> {
        self.draft_of(id)
            .or_else(|| self.solved.get(id).map(String::as_str))
    }

    /// Notes that lesson `id`'s solution was shown (*Show solution*).
    pub fn show_solution(&mut self, id: &str) {
        // Always recorded: at the cap another lesson's mark makes room (a full set let a code
        // through, review).
        if !self.shown.contains(id) && self.shown.len() >= MAX_PASSED {
            self.shown.pop_first();
        }
        self.shown.insert(id.to_string());
    }

    /// Forgets that lesson `id`'s solution was shown (*Start over*): a pass earns a code again.
    /// Its hints are hidden again too, and its kept passing scenario goes (Start over says the
    /// changes are discarded, yet lesson 8 reopened on the passing scenario with "Your work …
    /// is back": student walkthrough, 27th session); its pass and completion code stay.
    pub fn start_over(&mut self, id: &str) {
        self.shown.remove(id);
        self.hints.remove(id);
        self.solved.remove(id);
    }

    /// Whether a pass of lesson `id` earns no completion code: its solution was shown since it
    /// was last started over.
    pub fn code_withheld(&self, id: &str) -> bool {
        self.shown.contains(id)
    }

    /// Records a pass.
    pub fn pass(&mut self, id: &str, code: &str) {
        if self.passed.len() < MAX_PASSED || self.passed.contains_key(id) {
            self.passed.insert(id.to_string(), code.to_string());
        }
    }

    /// The saved work on lesson `id`, if the last draft is of it.
    pub fn draft_of(&self, id: &str) -> Option<&str> {
        self.draft
            .as_ref()
            .filter(|d| d.id == id)
            .map(|d| d.text.as_str())
    }

    /// How many of the course's lessons are passed.
    pub fn course_passed(&self) -> usize {
        super::course::LESSONS
            .iter()
            .filter(|l| self.passed.contains_key(l.id))
            .count()
    }
}

/// The key a challenge's passes and work are kept under. A course lesson keeps its id; a shared
/// challenge adds a fingerprint of its whole document (start, goals, locks), because the
/// builder names a challenge after its title: an instructor who corrected a challenge and
/// shared it again under the same title gave a student's browser the old version's pass and
/// code, and its old work, which the new locks then refused as "You changed a locked part"
/// (instructor walkthrough, 2026-12-06).
pub fn progress_key(id: &str, fingerprint: Option<&str>) -> String {
    match fingerprint {
        None => id.to_string(),
        Some(f) => {
            // Ids are ASCII (`goal::valid_id`), so any byte is a char boundary.
            let room = super::caps::ID.saturating_sub(f.len() + 1);
            format!("{}-{f}", &id[..id.len().min(room)])
        }
    }
}

impl Progress {
    /// Moves what a shared challenge kept under its bare `id` (records written before
    /// 2026-12-06, when progress was kept by id alone) to its versioned `key`, unless the key
    /// has records of its own or `id` is a course lesson's: a student's unfinished work and
    /// passes on an unchanged challenge were dropped and called "changed" (review). Whether the
    /// old records were of this version cannot be known; they are taken to be, as they were
    /// before. Returns whether anything moved.
    pub fn adopt_bare(&mut self, id: &str, key: &str) -> bool {
        let course = super::course::LESSONS.iter().any(|l| l.id == id);
        let keyed = self.passed.contains_key(key)
            || self.hints.contains_key(key)
            || self.shown.contains(key)
            || self.draft.as_ref().is_some_and(|d| d.id == key);
        if id == key || course || keyed {
            return false;
        }
        let mut moved = false;
        if let Some(code) = self.passed.remove(id) {
            self.passed.insert(key.to_string(), code);
            moved = true;
        }
        if let Some(text) = self.solved.remove(id) {
            self.solved.insert(key.to_string(), text);
            moved = true;
        }
        if let Some(n) = self.hints.remove(id) {
            self.hints.insert(key.to_string(), n);
            moved = true;
        }
        if self.shown.remove(id) {
            self.shown.insert(key.to_string());
            moved = true;
        }
        if let Some(d) = self.draft.as_mut().filter(|d| d.id == id) {
            d.id = key.to_string();
            moved = true;
        }
        moved
    }
}

/// Whether the last draft is of another version of challenge `id` (same id, another
/// fingerprint): the page opens the new version at its start and says why. (A draft under the
/// bare id is from before versions were kept: [`Progress::adopt_bare`] takes it as this one.)
pub fn draft_of_other_version(p: &Progress, id: &str, key: &str) -> bool {
    p.draft.as_ref().is_some_and(|d| {
        // The draft's own fingerprint, if its key ends with one: the key `id` would have with it.
        let same_id = || {
            let (_, f) = d.id.rsplit_once('-')?;
            (f.len() == 8 && f.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| progress_key(id, Some(f)) == d.id)
        };
        d.id != key && same_id() == Some(true)
    })
}

/// What the pane says after the course's last lesson passes: "Well done" only when every
/// lesson has passed in this browser (a student who went straight to the last lesson read
/// "Well done!" beside a 1/16 counter).
pub fn course_end_words(passed: usize, total: usize) -> String {
    if passed >= total {
        format!("That was the last lesson of the course, and all {total} have passed. Well done!")
    } else {
        format!("That was the last lesson of the course. You have passed {passed} of {total}: Lessons shows which are left.")
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_passed_lesson_keeps_its_passing_scenario_after_another_lesson_opens() {
        let mut p = Progress::default();
        p.pass("fargate-spot-base-weight", "ECS-AAAAA-BBBBB");
        p.keep_solved("fargate-spot-base-weight", "{\"solved\": 4}");
        p.draft = Some(Draft {
            id: "spread-across-zones".into(),
            text: "{}".into(),
        });
        let back = Progress::from_json(&p.to_json());
        assert_eq!(
            back.work_on("fargate-spot-base-weight"),
            Some("{\"solved\": 4}")
        );
        assert_eq!(back.work_on("spread-across-zones"), Some("{}"));
        // Start over discards it: the lesson reopens at its start, its pass and code kept.
        let mut over = back.clone();
        over.start_over("fargate-spot-base-weight");
        assert_eq!(over.work_on("fargate-spot-base-weight"), None);
        assert_eq!(
            over.passed
                .get("fargate-spot-base-weight")
                .map(String::as_str),
            Some("ECS-AAAAA-BBBBB")
        );
        // A passing scenario without its pass is not kept.
        let mut q = Progress::default();
        q.keep_solved("host-ports", "{}");
        assert!(q.solved.is_empty());
    }

    #[test]
    fn a_shown_solution_withholds_the_code_until_start_over_and_survives_a_reload() {
        let mut p = Progress::default();
        assert!(!p.code_withheld("fargate-task-size"));
        p.show_solution("fargate-task-size");
        let back = Progress::from_json(&p.to_json());
        assert!(back.code_withheld("fargate-task-size"));
        assert!(!back.code_withheld("host-ports"));
        let mut again = back;
        again.start_over("fargate-task-size");
        assert!(!again.code_withheld("fargate-task-size"));
        // At the cap the newest mark is still recorded.
        let mut full = Progress::default();
        for i in 0..MAX_PASSED {
            full.show_solution(&format!("c{i:03}"));
        }
        full.show_solution("fargate-task-size");
        assert!(full.code_withheld("fargate-task-size"));
        assert_eq!(full.shown.len(), MAX_PASSED);
        // An id that is not one is dropped on reading.
        let bad = Progress::from_json(r#"{"shown":["<b>", "host-ports"]}"#);
        assert_eq!(bad.shown.len(), 1);
        assert!(bad.code_withheld("host-ports"));
    }

    #[test]
    fn the_hints_shown_survive_a_reload_until_start_over() {
        let mut p = Progress::default();
        assert_eq!(p.hints_shown("host-ports"), 0);
        p.show_hints("host-ports", 2);
        let mut back = Progress::from_json(&p.to_json());
        assert_eq!(back.hints_shown("host-ports"), 2);
        assert_eq!(back.hints_shown("fargate-task-size"), 0);
        back.show_hints("host-ports", 0);
        assert!(back.hints.is_empty());
        back.show_hints("host-ports", 1);
        back.start_over("host-ports");
        assert_eq!(back.hints_shown("host-ports"), 0);
        // Damaged counts and ids are dropped on reading.
        let bad = Progress::from_json(r#"{"hints":{"<b>":1,"host-ports":99999,"spread":3}}"#);
        assert_eq!(bad.hints.len(), 1);
        assert_eq!(bad.hints_shown("spread"), 3);
    }

    #[test]
    fn the_course_end_says_well_done_only_when_every_lesson_passed() {
        assert_eq!(
            course_end_words(1, 16),
            "That was the last lesson of the course. You have passed 1 of 16: Lessons shows which are left."
        );
        assert!(course_end_words(16, 16).ends_with("Well done!"));
    }

    use super::*;

    #[test]
    fn a_changed_shared_challenge_keeps_its_passes_and_work_apart_from_the_old_version() {
        let v1 = progress_key("fix-pending", Some("0a1b2c3d"));
        let v2 = progress_key("fix-pending", Some("99aa88bb"));
        assert_ne!(v1, v2);
        assert!(super::super::goal::valid_id(&v1), "{v1}");
        // Course lessons keep their ids (and the passes stored under them).
        assert_eq!(progress_key("host-ports", None), "host-ports");
        // A long id is cut so the key stays a valid id.
        let long = progress_key(&"a".repeat(64), Some("0a1b2c3d"));
        assert!(
            super::super::goal::valid_id(&long) && long.ends_with("-0a1b2c3d"),
            "{long}"
        );
        let mut p = Progress::default();
        p.pass(&v1, "ECS-AAAAA-BBBBB");
        p.draft = Some(Draft {
            id: v1.clone(),
            text: "{}".into(),
        });
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back.passed.get(&v2), None);
        assert_eq!(back.work_on(&v2), None);
        assert_eq!(back.work_on(&v1), Some("{}"));
        assert!(draft_of_other_version(&back, "fix-pending", &v2));
        assert!(!draft_of_other_version(&back, "fix-pending", &v1));
        // A long id cut to fit is still recognised.
        let long_id = "b".repeat(64);
        let q = Progress {
            draft: Some(Draft {
                id: progress_key(&long_id, Some("0a1b2c3d")),
                text: "{}".into(),
            }),
            ..Progress::default()
        };
        assert!(draft_of_other_version(
            &q,
            &long_id,
            &progress_key(&long_id, Some("99aa88bb"))
        ));
        // Another challenge whose id merely starts the same is not a version of it.
        assert!(!draft_of_other_version(
            &back,
            "fix",
            &progress_key("fix", Some("12345678"))
        ));
    }

    #[test]
    fn records_under_a_shared_challenges_bare_id_move_to_its_versioned_key() {
        let key = progress_key("workshop", Some("0a1b2c3d"));
        let mut p = Progress::default();
        p.pass("workshop", "ECS-AAAAA-BBBBB");
        p.keep_solved("workshop", "{}");
        p.show_hints("workshop", 2);
        p.draft = Some(Draft {
            id: "workshop".into(),
            text: "{\"mine\": 1}".into(),
        });
        assert!(!draft_of_other_version(&p, "workshop", &key));
        assert!(p.adopt_bare("workshop", &key));
        assert_eq!(
            p.passed.get(&key).map(String::as_str),
            Some("ECS-AAAAA-BBBBB")
        );
        assert_eq!(p.work_on(&key), Some("{\"mine\": 1}"));
        assert_eq!(p.hints_shown(&key), 2);
        assert!(!p.passed.contains_key("workshop"));
        // Once moved, nothing more; a course lesson's records are never taken.
        assert!(!p.adopt_bare("workshop", &key));
        let mut q = Progress::default();
        q.pass("host-ports", "ECS-AAAAA-BBBBB");
        assert!(!q.adopt_bare("host-ports", &progress_key("host-ports", Some("0a1b2c3d"))));
        assert!(q.passed.contains_key("host-ports"));
    }

    #[test]
    fn progress_round_trips_and_a_damaged_record_reads_as_empty() {
        let mut p = Progress::default();
        p.pass("fargate-task-size", "ECS-S0WFP-0VHTC");
        p.draft = Some(Draft {
            id: "fargate-task-size".into(),
            text: "{}".into(),
        });
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back, p);
        assert_eq!(back.draft_of("fargate-task-size"), Some("{}"));
        assert_eq!(back.draft_of("other"), None);
        assert_eq!(back.course_passed(), 1);
        assert_eq!(Progress::from_json("{\"passed\":5}"), Progress::default());
        assert_eq!(Progress::from_json("not json"), Progress::default());
        let bad = Progress::from_json(r#"{"passed":{"<b>":"x"},"draft":{"id":"A B","text":""}}"#);
        assert_eq!(bad, Progress::default());
    }

    #[test]
    fn a_draft_too_large_to_store_is_dropped_and_the_passes_kept() {
        let mut p = Progress::default();
        p.pass("a", "ECS-00000-00000");
        p.draft = Some(Draft {
            id: "a".into(),
            text: "x".repeat(MAX_PROGRESS_BYTES),
        });
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back.draft, None);
        assert_eq!(back.passed.len(), 1);
    }
}
