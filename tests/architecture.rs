#![cfg(not(target_arch = "wasm32"))]
//! The code's dependency direction, checked from the source text (CONTRIBUTING.md, "Layers").
//!
//! Every `crate::…`, `super::…` and `self::…` path in `core/src` (in `use` statements and in
//! code) is resolved to the file that defines the item, following `pub use` re-exports, and
//! every such reference must point to the same layer or one below:
//!
//! foundation (`time`, `rng`, `order`, `problem`, `catalog`, `form`) → `taskdef` → the concept folders
//! (`metrics`, `elb`, `task`, `cluster`, `placement`, `discovery`, `deployment`, `service`,
//! `traffic`, `autoscaling`, `cost`, `advice`) →
//! `scenario` → `sim` → `view`, `compare`, `challenge` → `cli`, `bench` → `tests` (test builds only).
//!
//! The concept folders may use each other, but their folder graph has no cycle, and no two
//! files anywhere in `core/src` or `web/src` import each other round a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers, lowest first: a module may use its own layer and those before it.
const LAYERS: &[&[&str]] = &[
    &["time", "rng", "order", "problem", "catalog", "form"],
    &["taskdef"],
    &[
        "metrics",
        "elb",
        "task",
        "cluster",
        "placement",
        "discovery",
        "deployment",
        "service",
        "traffic",
        "autoscaling",
        "cost",
        "advice",
    ],
    &["scenario"],
    &["sim"],
    &["view", "compare", "challenge"],
    &["cli", "bench"],
    &["tests"],
];

/// The concept layer's index in [`LAYERS`].
const CONCEPTS: usize = 2;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// A crate's source tree: each file's module path (`["cluster", "model"]`) and text with comments
/// and string literals blanked out.
struct Tree {
    root: PathBuf,
    files: BTreeMap<Vec<String>, (PathBuf, String)>,
}

impl Tree {
    fn read(root: &Path) -> Tree {
        let mut files = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")) {
                let path = entry.expect("directory entry").path();
                if path.is_dir() {
                    if path.file_name().is_some_and(|n| n != "bin") {
                        stack.push(path);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let rel = path.strip_prefix(root).expect("under root");
                    let mut module: Vec<String> = rel
                        .with_extension("")
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    if module
                        .last()
                        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
                    {
                        module.pop();
                    }
                    let text = std::fs::read_to_string(&path).expect("readable source");
                    files.insert(module, (path.clone(), strip(&text)));
                }
            }
        }
        Tree {
            root: root.to_path_buf(),
            files,
        }
    }

    fn name(&self, module: &[String]) -> String {
        let (path, _) = &self.files[module];
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// Whether `module` has child `name` (a file or folder module).
    fn has_child(&self, module: &[String], name: &str) -> bool {
        let mut m = module.to_vec();
        m.push(name.to_string());
        self.files.contains_key(&m)
    }

    /// The file that defines what `path` (absolute, without `crate`) names, following re-exports.
    fn resolve(&self, path: &[String], depth: usize) -> Option<Vec<String>> {
        if depth > 16 {
            return None;
        }
        // The longest prefix that is a module.
        let mut module: Vec<String> = Vec::new();
        let mut rest = path;
        while let Some((first, tail)) = rest.split_first() {
            if self.has_child(&module, first) {
                module.push(first.clone());
                rest = tail;
            } else {
                break;
            }
        }
        let Some(item) = rest.first() else {
            return Some(module);
        };
        let (_, text) = self.files.get(&module)?;
        for (name, target) in reexports(text) {
            if name != *item && name != "*" {
                continue;
            }
            let mut full = absolute(&module, &target, self)?;
            if full.last().is_some_and(|t| t == "self" || t == "*") {
                full.pop();
            }
            if name == "*" {
                full.push(item.clone());
            }
            full.extend(rest[1..].iter().cloned());
            let Some(found) = self.resolve(&full, depth + 1) else {
                continue;
            };
            if name != "*" || (found != module && defines(&self.files[&found].1, item)) {
                return Some(found);
            }
        }
        Some(module)
    }
}

/// Blanks comments and string/char literals so paths inside them are not read as code.
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                if b[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_start(&b, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if b[j] == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                if b.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&b, i) {
            i += 1;
            while i < b.len() && b[i] != '\'' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_raw_start(b: &[char], i: usize) -> bool {
    let before_ok = i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_');
    let mut j = i + 1;
    while b.get(j) == Some(&'#') {
        j += 1;
    }
    before_ok && b.get(j) == Some(&'"')
}

/// A char literal ('a', '\n', '\'') rather than a lifetime ('a).
fn is_char_literal(b: &[char], i: usize) -> bool {
    matches!(
        (b.get(i + 1), b.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// Splits `a, b::{c, d}, e` at top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for ch in s.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if ch == ',' && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Expands a use tree into (leaf name or alias, full path) pairs; a glob's name is `*`.
fn expand(tree: &str, base: &[String], out: &mut Vec<(String, Vec<String>)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let mut b = base.to_vec();
        b.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top(inner) {
            expand(&part, &b, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim().to_string())),
        None => (tree, None),
    };
    let mut full = base.to_vec();
    full.extend(path.split("::").map(|s| s.trim().to_string()));
    let leaf = full.last().cloned().unwrap_or_default();
    let name = alias.unwrap_or_else(|| {
        if leaf == "self" {
            full.get(full.len().wrapping_sub(2))
                .cloned()
                .unwrap_or_default()
        } else {
            leaf
        }
    });
    out.push((name, full));
}

/// Every `use` statement's items: (name, path as written, whether `pub use`, byte offset).
fn uses(text: &str) -> Vec<(String, Vec<String>, bool, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    while let Some((is_pub, start)) = find_use(&text[offset..]) {
        let at = offset + start;
        let after = &text[at..];
        let Some(end) = after.find(';') else { break };
        let tree: String = after[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut items = Vec::new();
        expand(&tree, &[], &mut items);
        out.extend(items.into_iter().map(|(n, p)| (n, p, is_pub, at)));
        offset = at + end;
    }
    out
}

/// The byte ranges of inline modules (`mod tests { … }`), so `super` inside one means the file's
/// own module.
fn inline_modules(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices("mod ") {
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
            continue;
        }
        let rest = &text[i + 4..];
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let after = rest[name_len..].trim_start();
        if name_len == 0 || !after.starts_with('{') {
            continue;
        }
        let open = i + 4 + name_len + (rest[name_len..].len() - after.len());
        let mut depth = 0;
        for (k, c) in text[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push((open, open + k));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// How many inline modules enclose `offset`.
fn inline_depth(ranges: &[(usize, usize)], offset: usize) -> usize {
    ranges
        .iter()
        .filter(|(a, b)| *a < offset && offset < *b)
        .count()
}

/// Drops the leading `super`s that only leave inline modules.
fn leave_inline(path: &[String], depth: usize) -> Vec<String> {
    let supers = path.iter().take_while(|s| *s == "super").count();
    let skip = supers.min(depth);
    if skip == 0 {
        return path.to_vec();
    }
    let rest = &path[skip..];
    if rest.first().is_some_and(|s| s == "super") {
        rest.to_vec()
    } else {
        let mut p = vec!["self".to_string()];
        p.extend(rest.iter().cloned());
        p
    }
}

/// The next `use` keyword at a statement start: (whether it is `pub use`, offset after `use `).
fn find_use(text: &str) -> Option<(bool, usize)> {
    let mut from = 0;
    while let Some(i) = text[from..].find("use ") {
        let at = from + i;
        let before = text[..at].trim_end_matches([' ', '\t']);
        let line_start = before.is_empty() || before.ends_with(['\n', ';', '{', '}']);
        let is_pub = before.ends_with("pub") || before.ends_with(')');
        let pub_start = before
            .trim_end_matches(|c: char| c != '\n' && c != '{' && c != ';' && c != '}')
            .len();
        let prefix = before[pub_start..].trim();
        if line_start || (is_pub && prefix.starts_with("pub")) {
            return Some((is_pub && prefix.starts_with("pub"), at + 4));
        }
        from = at + 4;
    }
    None
}

/// `pub use` items of a module: (name, path as written).
fn reexports(text: &str) -> Vec<(String, Vec<String>)> {
    uses(text)
        .into_iter()
        .filter(|(_, _, p, _)| *p)
        .map(|(n, p, _, _)| (n, p))
        .collect()
}

/// Whether a file defines item `name` itself.
fn defines(text: &str, name: &str) -> bool {
    [
        "struct", "enum", "fn", "const", "type", "trait", "static", "mod", "union",
    ]
    .iter()
    .any(|kw| {
        text.match_indices(&format!("{kw} {name}")).any(|(i, _)| {
            let after = text[i + kw.len() + 1 + name.len()..].chars().next();
            !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

/// A path as written, made absolute (without `crate`) from `module`; None for other crates.
fn absolute(module: &[String], path: &[String], tree: &Tree) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut out: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut m = module.to_vec();
            let mut k = 0;
            while path.get(k).is_some_and(|s| s == "super") {
                m.pop();
                k += 1;
            }
            m.extend(path[k..].iter().cloned());
            return Some(m);
        }
        name if tree.has_child(module, name) => module.to_vec(),
        _ => return None,
    };
    let skip = usize::from(first == "crate" || first == "self");
    out.extend(path[skip..].iter().cloned());
    Some(out)
}

/// Paths written inline in code (`crate::a::B`, `super::c::D`), with their offsets.
fn inline_paths(text: &str) -> Vec<(Vec<String>, usize)> {
    let mut out = Vec::new();
    for root in ["crate::", "super::", "self::"] {
        for (i, _) in text.match_indices(root) {
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let tail: String = text[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segs: Vec<String> = tail
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if segs.len() > 1 {
                out.push((segs, i));
            }
        }
    }
    out
}

/// Every file → the files it takes names from (no self edges; `mod` declarations and a module's
/// own re-exports of its children are not uses).
fn file_graph(tree: &Tree) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, (_, text)) in &tree.files {
        let mut targets = BTreeSet::new();
        let inline = inline_modules(text);
        let mut paths: Vec<(Vec<String>, usize)> = uses(text)
            .into_iter()
            .filter(|(_, _, is_pub, _)| !is_pub)
            .map(|(_, p, _, at)| (p, at))
            .collect();
        paths.extend(inline_paths(text));
        for (p, at) in paths {
            let p = leave_inline(&p, inline_depth(&inline, at));
            let Some(abs) = absolute(module, &p, tree) else {
                continue;
            };
            let mut abs = abs;
            if abs.last().is_some_and(|s| s == "self" || s == "*") {
                abs.pop();
            }
            if let Some(target) = tree.resolve(&abs, 0) {
                if target != *module && !target.is_empty() {
                    targets.insert(target);
                }
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

/// Strongly connected components with more than one member (Tarjan).
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct State<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        next: usize,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Vec<String>) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        if let Some(ws) = s.graph.get(v) {
            for w in ws {
                let Some((w, _)) = s.graph.get_key_value(w) else {
                    continue;
                };
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn describe(tree: &Tree, comps: &[Vec<Vec<String>>]) -> String {
    comps
        .iter()
        .map(|c| {
            c.iter()
                .map(|m| tree.name(m))
                .collect::<Vec<_>>()
                .join(" ↔ ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_core_module_uses_only_its_own_layer_and_those_below() {
    let tree = Tree::read(&repo().join("core/src"));
    let graph = file_graph(&tree);
    let mut upward = Vec::new();
    let mut unknown = BTreeSet::new();
    for (from, targets) in &graph {
        let Some(top) = from.first() else { continue };
        let Some(lf) = layer_of(top) else {
            unknown.insert(top.clone());
            continue;
        };
        for to in targets {
            let Some(tt) = to.first() else { continue };
            match layer_of(tt) {
                Some(lt) if lt > lf => upward.push(format!(
                    "{} uses {} (layer {lt} is above layer {lf})",
                    tree.name(from),
                    tree.name(to)
                )),
                Some(_) => {}
                None => {
                    unknown.insert(tt.clone());
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS (add each to its layer and to CONTRIBUTING.md): {unknown:?}"
    );
    assert!(
        upward.is_empty(),
        "imports that run up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_concept_folders_use_each_other_without_a_cycle() {
    let tree = Tree::read(&repo().join("core/src"));
    let mut folders: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (from, targets) in file_graph(&tree) {
        let Some(top) = from.first() else { continue };
        if layer_of(top) != Some(CONCEPTS) {
            continue;
        }
        let entry = folders.entry(vec![top.clone()]).or_default();
        for to in targets {
            if let Some(tt) = to.first() {
                if tt != top && layer_of(tt) == Some(CONCEPTS) {
                    entry.insert(vec![tt.clone()]);
                }
            }
        }
    }
    let found = cycles(&folders);
    assert!(
        found.is_empty(),
        "concept folders that use each other round a circle:\n{found:?}"
    );
}

#[test]
fn no_two_core_files_import_each_other_round_a_circle() {
    let tree = Tree::read(&repo().join("core/src"));
    let found = cycles(&file_graph(&tree));
    assert!(
        found.is_empty(),
        "file cycles:\n{}",
        describe(&tree, &found)
    );
}

#[test]
fn no_two_web_files_import_each_other_round_a_circle() {
    let tree = Tree::read(&repo().join("web/src"));
    let found = cycles(&file_graph(&tree));
    assert!(
        found.is_empty(),
        "file cycles:\n{}",
        describe(&tree, &found)
    );
}

#[test]
fn the_reader_resolves_re_exports_and_finds_a_planted_cycle() {
    // The checks above are only as good as the reader: a re-export is followed to the file that
    // defines the item, and a two-file circle is reported.
    let dir = std::env::temp_dir().join(format!("arch-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("temp dir");
    std::fs::write(dir.join("lib.rs"), "pub mod a;\n").expect("write");
    std::fs::write(
        dir.join("a/mod.rs"),
        "pub mod x;\npub mod y;\npub use x::X;\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("a/x.rs"),
        "use super::y::Y; // crate::nothing\npub struct X;\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("a/y.rs"),
        "use crate::a::X;\nconst S: &str = \"crate::a::z\";\npub struct Y;\n",
    )
    .expect("write");
    let tree = Tree::read(&dir);
    let graph = file_graph(&tree);
    let x = vec!["a".to_string(), "x".to_string()];
    let y = vec!["a".to_string(), "y".to_string()];
    assert_eq!(graph[&y], BTreeSet::from([x.clone()]), "re-export followed");
    assert_eq!(graph[&x], BTreeSet::from([y.clone()]));
    assert_eq!(cycles(&graph), vec![vec![x, y]]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Slice sorts outside `ecs_sim::order` (and the placement hot path, and tests), as
/// `file: .sort_by_key(`. Each compiles its own copy of the standard sort into the wasm bundle
/// (issue #14); `order` compiles one for all.
fn own_sorts(tree: &Tree) -> Vec<String> {
    const SORTS: &[&str] = &[
        ".sort(",
        ".sort_unstable(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
    ];
    let mut out = Vec::new();
    for (module, (_, text)) in &tree.files {
        let first = module.first().map(String::as_str);
        let last = module.last().map(String::as_str);
        if matches!(first, Some("order" | "placement" | "tests"))
            || matches!(last, Some("tests" | "test_support"))
        {
            continue;
        }
        let tests: Vec<(usize, usize)> = inline_modules(text)
            .into_iter()
            .filter(|&(open, _)| text[..open].trim_end().ends_with("mod tests"))
            .collect();
        for sort in SORTS {
            for (at, _) in text.match_indices(sort) {
                if !tests.iter().any(|&(a, b)| a < at && at < b) {
                    out.push(format!("{}: {sort}", tree.name(module)));
                }
            }
        }
    }
    out
}

#[test]
fn sorting_outside_placement_goes_through_one_compiled_sort() {
    for crate_dir in ["core/src", "web/src"] {
        let found = own_sorts(&Tree::read(&repo().join(crate_dir)));
        assert!(
            found.is_empty(),
            "sort with ecs_sim::order (one compiled sort for the bundle) instead:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_sort_check_sees_a_planted_sort_and_skips_test_modules() {
    let dir = std::env::temp_dir().join(format!("ecs-sort-check-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("view")).expect("temp dir");
    std::fs::write(
        dir.join("view/list.rs"),
        "fn f(v: &mut Vec<u8>) { v.sort_by_key(|x| *x); }\n#[cfg(test)]\nmod tests {\n    fn g(v: &mut Vec<u8>) { v.sort(); }\n}\n",
    )
    .expect("write");
    let found = own_sorts(&Tree::read(&dir));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found, vec!["view/list.rs: .sort_by_key(".to_string()]);
}

/// Subjects a descendant `:has()` may have: a form's row, a handful of elements.
const SMALL_HAS_SUBJECTS: [&str; 1] = [".row"];

/// `:has()` selectors in `css` whose argument looks at descendants (anything but `> child`),
/// but on a small subject ([`SMALL_HAS_SUBJECTS`]): such a selector is checked again on every
/// change under its subject, and one over the panes made a Step at the scenario limits take
/// 60–100 ms of style work (2026-12-05). A state the page knows goes in a class instead.
/// Returns `file: selector` for each.
fn descendant_has(name: &str, css: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find(":has(") {
        let argument = rest[at + 5..].trim_start();
        let before = &rest[..at];
        let small = SMALL_HAS_SUBJECTS.iter().any(|s| before.ends_with(s));
        if !argument.starts_with('>') && !small {
            let line_start = css.len() - rest.len() + at;
            let start = css[..line_start].rfind(['}', '\n']).map_or(0, |i| i + 1);
            let end = css[line_start..]
                .find('{')
                .map_or(css.len(), |i| line_start + i);
            found.push(format!("{name}: {}", css[start..end].trim()));
        }
        rest = &rest[at + 5..];
    }
    found
}

#[test]
fn styles_use_no_descendant_has_selector() {
    let dir = repo().join("web/styles");
    let mut found = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("web/styles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    for path in files {
        let css = std::fs::read_to_string(&path).expect("read css");
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        found.extend(descendant_has(&name.unwrap_or_default(), &css));
    }
    assert!(
        found.is_empty(),
        "a :has() that looks at descendants is re-checked on every change under it; use a class:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_has_check_sees_a_descendant_has_and_passes_a_child_has() {
    let css = ".a:has(> .b) .c { x: 1; }\n.panes:has(.log-pane .lesson) { y: 2; }\n.rows .row:has(.e) { z: 3; }\n";
    assert_eq!(
        descendant_has("t.css", css),
        vec!["t.css: .panes:has(.log-pane .lesson)".to_string()]
    );
}
