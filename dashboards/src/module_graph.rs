//! The crate's modules lean on each other without circles, so it can be read from the
//! bottom up (`session_store`, `account`, `access`, `page`, `auth`, then the pages) and
//! none of them needs another that needs it back. This test reads the crate's own source
//! and fails on a circle, naming it.
//!
//! What counts as one module using another: a path through `crate::` or `super::` in its
//! code (not its comments, strings or `#[cfg(test)]` part). A parent naming its children by
//! relative paths — `lib.rs`'s route table, `admin/mod.rs`'s re-exports — is how the crate
//! is assembled and is not counted; the one thing the children take from the crate root is
//! the shared state, [`crate::Dashboards`].
//!
//! When it fails: move what both sides need to the lower of the two (or to a small module
//! of its own), as the session key went to `session_store` and the home page to `home`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of the crate by its path ("admin::users"; "" is the crate root), with its
/// code before its tests, without comments or the contents of strings.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts == ["lib"] || parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let before_tests = text
                .find("\n#[cfg(test)]")
                .map_or(text.as_str(), |at| &text[..at]);
            found.insert(parts.join("::"), code_only(before_tests));
        }
    }
    found
}

/// `text` without comments, and with strings and character literals emptied, so that
/// only code is left to look for paths in.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = String::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        let word_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == Some('/') {
            while at(i).is_some_and(|c| c != '\n') {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == Some('*') {
            i += 2;
            while at(i).is_some() && !(at(i) == Some('*') && at(i + 1) == Some('/')) {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && !word_before && matches!(at(i + 1), Some('"' | '#')) {
            // A raw string, r"…" or r#"…"#: it ends at a quote followed by as many #.
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if at(i + 1 + hashes) != Some('"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += hashes + 2;
            while at(i).is_some()
                && !(at(i) == Some('"') && (1..=hashes).all(|k| at(i + k) == Some('#')))
            {
                i += 1;
            }
            i += hashes + 1;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while let Some(c) = at(i) {
                i += if c == '\\' { 2 } else { 1 };
                if c == '"' {
                    break;
                }
            }
            out.push_str("\"\"");
        } else if c == '\'' && at(i + 1) == Some('\\') {
            // An escaped character literal: '\'', '\n', '\u{…}'.
            i += 3;
            while at(i).is_some_and(|c| c != '\'') {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && at(i + 2) == Some('\'') {
            i += 3;
        } else {
            // Any other quote is a lifetime's.
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a `use` tree or a path expression names, from just after its `crate::` or
/// `super::`: `{a::B, b}` names `a::B` and `b`.
fn paths(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut items = vec![];
        let (mut depth, mut start) = (0, 0);
        for (at, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    items.push(&group[start..at]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&group[start..at]);
                    start = at + 1;
                }
                _ => {}
            }
        }
        return items.into_iter().flat_map(paths).collect();
    }
    let name: String = text.chars().take_while(|&c| is_ident(c)).collect();
    if name.is_empty() {
        return vec![vec![]];
    }
    match text[name.len()..].strip_prefix("::") {
        Some(rest) => paths(rest)
            .into_iter()
            .map(|mut path| {
                path.insert(0, name.clone());
                path
            })
            .collect(),
        None => vec![vec![name]],
    }
}

/// The modules `module`'s code uses, among `known`: for each path through `crate::` or
/// `super::`, the longest part of it that is a module, else the module it starts from.
fn uses(module: &str, code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let parent: Vec<String> = match module.rsplit_once("::") {
        Some((parent, _)) => parent.split("::").map(str::to_owned).collect(),
        None => vec![],
    };
    let mut found = BTreeSet::new();
    for (start, from) in [("crate::", vec![]), ("super::", parent)] {
        for (at, _) in code.match_indices(start) {
            if code[..at].chars().next_back().is_some_and(is_ident) {
                continue;
            }
            for path in paths(&code[at + start.len()..]) {
                let full: Vec<String> = from.iter().cloned().chain(path).collect();
                let target = (from.len()..=full.len())
                    .rev()
                    .map(|n| full[..n].join("::"))
                    .find(|m| known.contains(m))
                    .unwrap_or_else(|| from.join("::"));
                if target != module {
                    found.insert(target);
                }
            }
        }
    }
    found
}

/// A circle of `graph`, as the modules on it with the first again at the end.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_owned());
            return Some(circle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, done, path) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut done, &mut vec![]))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(module, code)| (module.clone(), uses(module, code, &known)))
        .collect()
}

#[test]
fn no_module_leans_on_one_that_leans_back_on_it() {
    let graph = graph();
    // The source was found and read: a test that saw nothing would pass.
    assert!(graph.len() > 20, "{:?}", graph.keys());
    assert!(
        graph["auth"].contains("session_store"),
        "{:?}",
        graph["auth"]
    );
    assert!(graph["admin::users"].contains("account"));
    if let Some(circle) = circle(&graph) {
        let circle: Vec<&str> = circle
            .iter()
            .map(|m| if m.is_empty() { "lib" } else { m.as_str() })
            .collect();
        panic!(
            "the modules use each other in a circle: {}",
            circle.join(" -> ")
        );
    }
}

#[test]
fn paths_are_read_from_code_only() {
    let known: BTreeSet<String> = ["a", "b", "c", "d", "e", "x", "x::y", "x::z"]
        .map(str::to_owned)
        .into();
    let code = code_only(
        "use crate::{a::Thing, b::{self, More}};\n\
         // crate::c in a comment\n\
         /* crate::c */ let s = \"crate::d\"; let r = r#\"crate::d\"#; let q = '\"';\n\
         fn f<'t>(x: &'t str) { crate::e::go(); super::z::Z; super::Up; }",
    );
    assert_eq!(
        uses("x::y", &code, &known),
        ["a", "b", "e", "x", "x::z"].map(str::to_owned).into()
    );
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".into()].into());
    graph.insert("b".into(), ["c".into()].into());
    assert_eq!(circle(&graph), None);
    graph.insert("c".into(), ["a".into()].into());
    assert_eq!(
        circle(&graph),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
}
