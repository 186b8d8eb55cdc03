//! A character cursor over the text being parsed, shared by the expression parser and the
//! `=~` pattern parser so both read input (and report byte offsets) the same way.

/// A position in a source text that moves forward one character at a time.
pub(super) struct Cursor<'a> {
    /// The whole text.
    pub(super) src: &'a str,
    /// Byte offset of the next character.
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `src`.
    pub(super) fn new(src: &'a str) -> Self {
        Self { src, pos: 0 }
    }

    /// The text not read yet.
    pub(super) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// The next character, without reading it.
    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Reads the next character.
    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn bump_moves_by_whole_characters_and_stops_at_the_end() {
        let mut c = Cursor::new("aé");
        assert_eq!(c.bump(), Some('a'));
        assert_eq!(c.peek(), Some('é'));
        assert_eq!(c.bump(), Some('é'));
        assert_eq!(c.pos, 3);
        assert_eq!(c.rest(), "");
        assert_eq!(c.bump(), None);
    }
}
