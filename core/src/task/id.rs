//! A task's ID kept inside the task: ECS task IDs are 32 hexadecimal digits, and every state
//! change mixes the ID into the trace and every log line about the task prints it. On the heap
//! it was a cache miss of its own on each of those (a crash loop at the task limit spent a
//! tenth of its time waiting for task IDs).

use serde::Serialize;
use std::fmt;

/// The longest ID kept: an ECS task ID's 32 digits. Longer text (only tests build IDs by hand;
/// the engine draws 32 digits) is cut at a character boundary.
pub const TASK_ID_LEN: usize = 32;

/// A task ID, stored inline; reads as a `&str`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaskId {
    bytes: [u8; TASK_ID_LEN],
    len: u8,
}

impl TaskId {
    /// The ID as text.
    pub fn as_str(&self) -> &str {
        // Built only from a `&str` cut at a character boundary, so always UTF-8.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The ID's bytes, without checking them as text again: the trace mixes them in at every
    /// state change, and the check (through `Deref`) was 7 % of a crash loop's instructions.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The ID's length in bytes (32 for every ID the engine draws), without the text check.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether the ID is empty (only a hand-built one can be).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl TaskId {
    /// An ID of 32 ASCII digits (as [`crate::rng::SimRng::hex_array`] draws them); anything
    /// not ASCII is replaced by `0` so the ID is always text.
    pub fn from_digits(digits: [u8; TASK_ID_LEN]) -> Self {
        TaskId {
            bytes: digits.map(|b| if b.is_ascii() { b } else { b'0' }),
            len: TASK_ID_LEN as u8,
        }
    }
}

impl From<&str> for TaskId {
    fn from(s: &str) -> Self {
        let mut end = s.len().min(TASK_ID_LEN);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; TASK_ID_LEN];
        bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
        TaskId {
            bytes,
            // `end` ≤ 32.
            len: end as u8,
        }
    }
}

impl From<String> for TaskId {
    fn from(s: String) -> Self {
        TaskId::from(s.as_str())
    }
}

impl std::ops::Deref for TaskId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TaskId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for TaskId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for TaskId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TaskId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for TaskId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ecs_task_id_reads_back_whole() {
        let id = "0123456789abcdef0123456789abcdef";
        let t = TaskId::from(id);
        assert_eq!(t.as_str(), id);
        assert_eq!(t.to_string(), id);
        assert_eq!(format!("{t:?}"), format!("{id:?}"));
        assert_eq!(
            serde_json::to_string(&t).ok().as_deref(),
            Some(format!("\"{id}\"").as_str())
        );
        assert!(t == id);
    }

    #[test]
    fn longer_text_is_cut_at_a_character_boundary() {
        let t = TaskId::from(format!("{}é", "a".repeat(31)).as_str());
        assert_eq!(t.as_str(), "a".repeat(31));
        assert_eq!(TaskId::from("t").as_str(), "t");
        assert_eq!(TaskId::from("").as_str(), "");
    }

    #[test]
    fn ids_order_as_their_text() {
        let mut ids: Vec<TaskId> = ["b", "ab", "a", "abc"].map(TaskId::from).to_vec();
        ids.sort();
        let texts: Vec<&str> = ids.iter().map(TaskId::as_str).collect();
        assert_eq!(texts, ["a", "ab", "abc", "b"]);
    }
}
