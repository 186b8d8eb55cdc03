//! Dismissed advice, remembered per browser: a bounded list of dismissal keys
//! ([`super::dismissal_key`]) stored as a JSON array of strings. Anything unreadable, too long
//! or of the wrong shape is skipped, so a damaged entry never breaks the page.

use serde_json::Value;

/// The `localStorage` key (versioned: an incompatible format uses a new key).
pub const KEY: &str = "ecs-playground.advice-dismissed.v1";
/// Most dismissals kept; dismissing one more forgets the oldest.
pub const MAX_DISMISSALS: usize = 200;
/// Longest key kept (ours are under 200 characters).
pub const MAX_KEY_CHARS: usize = 256;
/// Longest stored entry read back (200 keys of 256 bytes, with quotes and commas, fit).
pub const MAX_STORED_BYTES: usize = 60_000;

/// The remembered dismissals, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dismissals {
    keys: Vec<String>,
}

impl Dismissals {
    /// Reads a stored entry: a JSON array of strings; other items, over-long keys, duplicates
    /// and all but the newest [`MAX_DISMISSALS`] are dropped; a damaged entry reads as empty.
    pub fn parse(text: &str) -> Dismissals {
        let mut d = Dismissals::default();
        if text.len() > MAX_STORED_BYTES {
            return d;
        }
        let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
            return d;
        };
        for k in items.iter().filter_map(Value::as_str) {
            d.dismiss(k.to_string());
        }
        d
    }

    /// The entry to store.
    pub fn to_json(&self) -> String {
        Value::from(self.keys.clone()).to_string()
    }

    /// Whether `key` is dismissed.
    pub fn contains(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// How many are remembered.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Remembers `key` as the newest dismissal (forgetting the oldest beyond the bound); an
    /// over-long key is ignored.
    pub fn dismiss(&mut self, key: String) {
        if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
            return;
        }
        self.keys.retain(|k| *k != key);
        self.keys.push(key);
        if self.keys.len() > MAX_DISMISSALS {
            let extra = self.keys.len() - MAX_DISMISSALS;
            self.keys.drain(..extra);
        }
    }

    /// Forgets the dismissal of `key` ("show again").
    pub fn restore(&mut self, key: &str) {
        self.keys.retain(|k| k != key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dismissals_read_back_as_written() {
        let mut d = Dismissals::default();
        d.dismiss("a|privileged|x".into());
        d.dismiss("a|runs-as-root|y".into());
        let back = Dismissals::parse(&d.to_json());
        assert_eq!(back, d);
        assert!(back.contains("a|privileged|x"));
        let mut back = back;
        back.restore("a|privileged|x");
        assert!(!back.contains("a|privileged|x"));
        assert_eq!(back.len(), 1);
    }

    #[test]
    fn the_list_is_bounded_and_forgets_the_oldest() {
        let mut d = Dismissals::default();
        for i in 0..MAX_DISMISSALS + 5 {
            d.dismiss(format!("k{i}"));
        }
        assert_eq!(d.len(), MAX_DISMISSALS);
        assert!(!d.contains("k4"));
        assert!(d.contains("k5"));
        // Dismissing one again makes it the newest, not a duplicate.
        d.dismiss("k5".into());
        assert_eq!(d.len(), MAX_DISMISSALS);
        d.dismiss("new".into());
        assert!(d.contains("k5"), "k5 was refreshed, k6 is now the oldest");
        assert!(!d.contains("k6"));
        assert!(d.to_json().len() < MAX_STORED_BYTES);
    }

    #[test]
    fn damaged_or_foreign_entries_are_skipped() {
        assert!(Dismissals::parse("").is_empty());
        assert!(Dismissals::parse("{\"a\":1}").is_empty());
        assert!(Dismissals::parse(&format!("[\"{}\"]", "x".repeat(MAX_STORED_BYTES))).is_empty());
        let d = Dismissals::parse(&format!(
            "[1, null, \"ok\", \"ok\", \"{}\", \"\"]",
            "y".repeat(MAX_KEY_CHARS + 1)
        ));
        assert_eq!(d.len(), 1);
        assert!(d.contains("ok"));
    }
}
