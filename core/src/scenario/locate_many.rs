//! [`locate`](super::locate::locate) for many paths at once. Placing each of 10,000 advice
//! findings on a 1 MiB scenario by scanning from the top took about a minute in the browser;
//! here every member and item passed on the way is remembered, so the text is scanned about
//! once whatever the number of paths.

use super::locate::{parse_path, Scanner, Segment};
use std::collections::{HashMap, HashSet};

/// A scanner's place at the start of a value, and where its key (or item) starts.
type Seen = ((usize, usize, usize), (usize, usize));

/// For each of `paths`, what `locate(text, path)` answers, in order.
pub fn locate_many(text: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut start = Scanner::new(text);
    start.skip_ws();
    if start.peek().is_none() {
        return vec![None; paths.len()];
    }
    let root: Seen = (start.place(), start.here());
    let mut seen: HashMap<Vec<Segment>, Seen> = HashMap::new();
    let mut scanned: HashSet<Vec<Segment>> = HashSet::new();
    paths
        .iter()
        .map(|path| {
            let segments = parse_path(path);
            let (mut place, mut best) = root;
            for k in 0..segments.len() {
                let prefix = &segments[..=k];
                if !seen.contains_key(prefix) {
                    let parent = &segments[..k];
                    if scanned.insert(parent.to_vec()) {
                        children(text, place, parent, &mut seen);
                    }
                }
                match seen.get(prefix) {
                    Some(&(p, at)) => (place, best) = (p, at),
                    None => break,
                }
            }
            Some(best)
        })
        .collect()
}

/// Records every member or item of the container whose value starts at `place` (at path
/// `parent`), as `member` and `item` in `locate` would reach them; stops where they would.
fn children(
    text: &str,
    place: (usize, usize, usize),
    parent: &[Segment],
    seen: &mut HashMap<Vec<Segment>, Seen>,
) {
    let mut s = Scanner::resume(text, place);
    let mut record = |segment: Segment, s: &Scanner, at: (usize, usize)| {
        let mut path = parent.to_vec();
        path.push(segment);
        // A repeated key: `member` stops at the first.
        seen.entry(path).or_insert((s.place(), at));
    };
    match s.peek() {
        Some(b'{') => {
            s.bump();
            loop {
                s.skip_ws();
                if s.peek() != Some(b'"') {
                    return;
                }
                let at = s.here();
                let name = s.string();
                s.skip_ws();
                if s.peek() != Some(b':') {
                    return;
                }
                s.bump();
                s.skip_ws();
                record(Segment::Key(name), &s, at);
                s.skip_value();
                s.skip_ws();
                if s.peek() != Some(b',') {
                    return;
                }
                s.bump();
            }
        }
        Some(b'[') => {
            s.bump();
            let mut i = 0;
            loop {
                s.skip_ws();
                if matches!(s.peek(), None | Some(b']')) {
                    return;
                }
                let at = s.here();
                record(Segment::Index(i), &s, at);
                s.skip_value();
                s.skip_ws();
                if s.peek() != Some(b',') {
                    return;
                }
                s.bump();
                i += 1;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::locate::locate;
    use super::*;

    #[test]
    fn answers_as_locate_does_for_every_path() {
        let texts = [
            r#"{ "family": "web", "containerDefinitions": [ { "name": "a", "memory": 4 }, { "name": "b \"q\" ]}", "image": "y" } ], "family": "again" }"#,
            "{\n  \"a\": [1, [2, {\"b\": 3}]],\n  \"c\": {\"d\": {\"e\": true}}\n}",
            r#"{ "half": [ { "typed": "#,
            "",
            "[ 1, 2, { \"x\": \"é\", \"y\": 1 } ]",
        ];
        let paths = [
            "",
            "family",
            "containerDefinitions",
            "containerDefinitions[0].memory",
            "containerDefinitions[1].image",
            "containerDefinitions[1].missing",
            "containerDefinitions[7]",
            "a[1][1].b",
            "a[0]",
            "c.d.e",
            "c.x.y",
            "half[0].typed",
            "half[0].typed.more",
            "[2].y",
            "[2]",
            "family.deeper",
            "nothing",
        ];
        for text in texts {
            let many = locate_many(text, &paths);
            for (path, got) in paths.iter().zip(many) {
                assert_eq!(got, locate(text, path), "{path} in {text:?}");
            }
        }
    }
}
