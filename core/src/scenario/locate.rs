//! Finding a problem's field in the text the user typed, so the editor can mark its line.
//!
//! Problems carry JSON paths (`taskDefinitions[0].containerDefinitions[1].memory`); the editor
//! needs a line and column. [`locate`] scans the original text (which may be half-typed) and
//! never panics; when the exact path is not in the text (a missing required key, say) it
//! answers with the deepest ancestor that is.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Segment {
    /// An object key.
    Key(String),
    /// An array index (0-based).
    Index(usize),
}

/// The 1-based line and column of the field at `path` in `text`: the key of an object member,
/// the value of an array item, or the whole document for an empty path. Falls back to the
/// deepest ancestor present; `None` only when the text holds no JSON value at all.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let segments = parse_path(path);
    let mut scanner = Scanner::new(text);
    scanner.skip_ws();
    scanner.peek()?;
    let mut best = scanner.here();
    scanner.find(&segments, &mut best);
    Some(best)
}

/// The offset in UTF-16 code units (what a browser text area's selection counts) of the
/// 1-based `line` and `column` (in characters) of `text`, clamped to the text.
pub fn utf16_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    let mut current = 1;
    let mut chars = text.chars().peekable();
    while current < line {
        match chars.next() {
            Some('\n') => {
                current += 1;
                offset += 1;
            }
            Some(c) => offset += c.len_utf16(),
            None => return offset,
        }
    }
    for _ in 1..column.max(1) {
        match chars.next() {
            Some('\n') | None => break,
            Some(c) => offset += c.len_utf16(),
        }
    }
    offset
}

/// Splits `a.b[0]["x.y"].c` into segments; malformed pieces are kept as keys.
pub(super) fn parse_path(path: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut chars = path.chars().peekable();
    let mut key = String::new();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !key.is_empty() {
                    out.push(Segment::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                if !key.is_empty() {
                    out.push(Segment::Key(std::mem::take(&mut key)));
                }
                if chars.peek() == Some(&'"') {
                    chars.next();
                    let mut quoted = String::new();
                    while let Some(q) = chars.next() {
                        match q {
                            '\\' => {
                                if let Some(e) = chars.next() {
                                    quoted.push(e);
                                }
                            }
                            '"' => break,
                            _ => quoted.push(q),
                        }
                    }
                    // Skip to the closing bracket.
                    for q in chars.by_ref() {
                        if q == ']' {
                            break;
                        }
                    }
                    out.push(Segment::Key(quoted));
                } else {
                    let mut digits = String::new();
                    for q in chars.by_ref() {
                        if q == ']' {
                            break;
                        }
                        digits.push(q);
                    }
                    match digits.trim().parse::<usize>() {
                        Ok(n) => out.push(Segment::Index(n)),
                        Err(_) => out.push(Segment::Key(digits)),
                    }
                }
            }
            _ => key.push(c),
        }
    }
    if !key.is_empty() {
        out.push(Segment::Key(key));
    }
    out
}

/// A cursor over JSON text that knows its line and column. Tolerant: on anything unexpected it
/// stops, and the caller keeps the best position found so far.
pub(super) struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    /// A scanner over `text` at a place another one saved with [`Scanner::place`].
    pub(super) fn resume(text: &'a str, (pos, line, column): (usize, usize, usize)) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            pos,
            line,
            column,
        }
    }

    /// Where the scanner is: byte offset, line, column.
    pub(super) fn place(&self) -> (usize, usize, usize) {
        (self.pos, self.line, self.column)
    }

    pub(super) fn here(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if b & 0xC0 != 0x80 {
            // Count characters, not bytes: continuation bytes of UTF-8 do not move the column.
            self.column += 1;
        }
        Some(b)
    }

    pub(super) fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }

    /// Reads a string starting at its opening quote, decoding escapes.
    pub(super) fn string(&mut self) -> String {
        let mut raw = Vec::new();
        self.bump();
        while let Some(b) = self.bump() {
            match b {
                b'"' => break,
                b'\\' => match self.bump() {
                    Some(b'n') => raw.push(b'\n'),
                    Some(b't') => raw.push(b'\t'),
                    Some(b'r') => raw.push(b'\r'),
                    Some(b'b') => raw.push(8),
                    Some(b'f') => raw.push(12),
                    Some(b'u') => {
                        let mut code = 0u32;
                        for _ in 0..4 {
                            let digit = self
                                .peek()
                                .and_then(|d| char::from(d).to_digit(16))
                                .unwrap_or(0);
                            self.bump();
                            code = code * 16 + digit;
                        }
                        let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                        let mut buf = [0u8; 4];
                        raw.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    Some(other) => raw.push(other),
                    None => break,
                },
                b'\n' => break,
                other => raw.push(other),
            }
        }
        String::from_utf8_lossy(&raw).into_owned()
    }

    /// Skips one value of any kind (iteratively, so deep nesting cannot overflow the stack).
    pub(super) fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.bump();
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.bump();
                }
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.bump();
                }
            }
        }
    }

    /// At the start of a value: follows `path` into it, updating `best` at every step found.
    fn find(&mut self, path: &[Segment], best: &mut (usize, usize)) {
        let mut path = path;
        while let Some((first, rest)) = path.split_first() {
            let found = match first {
                Segment::Key(key) => self.member(key),
                Segment::Index(n) => self.item(*n),
            };
            match found {
                Some(at) => *best = at,
                None => return,
            }
            path = rest;
        }
    }

    /// In an object: moves to the value of `key` and returns where its key starts.
    fn member(&mut self, key: &str) -> Option<(usize, usize)> {
        if self.peek() != Some(b'{') {
            return None;
        }
        self.bump();
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return None;
            }
            let at = self.here();
            let name = self.string();
            self.skip_ws();
            if self.peek() != Some(b':') {
                return None;
            }
            self.bump();
            self.skip_ws();
            if name == key {
                return Some(at);
            }
            self.skip_value();
            self.skip_ws();
            if self.peek() != Some(b',') {
                return None;
            }
            self.bump();
        }
    }

    /// In an array: moves to item `n` and returns where it starts.
    fn item(&mut self, n: usize) -> Option<(usize, usize)> {
        if self.peek() != Some(b'[') {
            return None;
        }
        self.bump();
        let mut i = 0;
        loop {
            self.skip_ws();
            if matches!(self.peek(), None | Some(b']')) {
                return None;
            }
            if i == n {
                return Some(self.here());
            }
            self.skip_value();
            self.skip_ws();
            if self.peek() != Some(b',') {
                return None;
            }
            self.bump();
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TD: &str = r#"{
  "family": "web",
  "containerDefinitions": [
    { "name": "a", "image": "x", "memory": 512 },
    {
      "name": "b \"quoted\" ]}",
      "image": "y",
      "memory": 4
    }
  ]
}"#;

    #[test]
    fn finds_a_key_inside_nested_arrays() {
        assert_eq!(locate(TD, "containerDefinitions[1].memory"), Some((8, 7)));
        assert_eq!(locate(TD, "containerDefinitions[0].memory"), Some((4, 34)));
        assert_eq!(locate(TD, "family"), Some((2, 3)));
        assert_eq!(locate(TD, "containerDefinitions[1]"), Some((5, 5)));
    }

    #[test]
    fn skips_escaped_quotes_and_brackets_inside_strings() {
        assert_eq!(locate(TD, "containerDefinitions[1].image"), Some((7, 7)));
    }

    #[test]
    fn missing_key_falls_back_to_deepest_existing_ancestor() {
        assert_eq!(locate(TD, "containerDefinitions[1].cpu"), Some((5, 5)));
        assert_eq!(locate(TD, "containerDefinitions[7].memory"), Some((3, 3)));
        assert_eq!(locate(TD, "volumes[0]"), Some((1, 1)));
        assert_eq!(locate(TD, ""), Some((1, 1)));
    }

    #[test]
    fn scenario_paths_with_quoted_keys_and_deep_arrays() {
        let text = "{\"images\": {\"a.b/c:1\": {\"pullSeconds\": 9}},\n \"m\": [[1, [2, 3]]]}";
        assert_eq!(
            locate(text, "images[\"a.b/c:1\"].pullSeconds"),
            Some((1, 25))
        );
        assert_eq!(locate(text, "m[0][1][1]"), Some((2, 16)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"name\": \"é\", \"cpu\": 1}";
        assert_eq!(locate(text, "cpu"), Some((1, 15)));
    }

    #[test]
    fn broken_or_empty_text_never_panics() {
        assert_eq!(locate("", "a"), None);
        assert_eq!(locate("   ", "a"), None);
        for text in [
            "{",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "{\"a\": [1, 2",
            "\"\\u12",
            "{\"a\" 1}",
        ] {
            assert!(locate(text, "a[3].b").is_some(), "{text}");
        }
        assert_eq!(locate("{\"x\": 1, \"a\": {", "a.b"), Some((1, 10)));
        let deep = "[".repeat(100_000);
        assert_eq!(locate(&deep, "[0][0][0]"), Some((1, 4)));
        assert_eq!(locate("{\"a\": 1}", "a]]..[[\"b"), Some((1, 1)));
    }

    #[test]
    fn utf16_offsets_for_the_text_area_caret() {
        let text = "ab\nc€𝄞d\nlast";
        assert_eq!(utf16_offset(text, 1, 1), 0);
        assert_eq!(utf16_offset(text, 2, 1), 3);
        // '€' is one UTF-16 unit, '𝄞' two.
        assert_eq!(utf16_offset(text, 2, 4), 3 + 1 + 1 + 2);
        assert_eq!(utf16_offset(text, 3, 1), 3 + 5 + 1);
        assert_eq!(utf16_offset(text, 9, 1), text.encode_utf16().count());
        assert_eq!(utf16_offset(text, 1, 99), 2);
    }
}
