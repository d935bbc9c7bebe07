//! The house rules a newcomer relies on (issue 22), checked on the source itself so they
//! hold from now on: no import circles between the modules of any crate, and no non-test
//! function over 100 lines (a route table aside). `cargo clippy -D warnings` and
//! `cargo fmt --check` in `.ci/run` keep the rest.
//!
//! When the circle check fails: move what both sides need to the lower of the two (or to
//! a small module of its own), as `SESSION_KEY` went to `dashboards::session_store` and
//! `chunked` to `domain::store`. When the length check fails: split the function into
//! named steps, and group parameters that travel together into a struct.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const CRATES: [&str; 5] = ["domain", "collector", "analytics", "dashboards", "src"];
const MAX_LINES: usize = 100;
/// Functions allowed to be long because they are a table, not logic.
const TABLES: [&str; 2] = ["routes", "router"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The source with comments, strings and character literals blanked out (newlines kept),
/// so braces and words are only code's.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#, ….
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            let closing: String = std::iter::once('"')
                .chain((0..hashes).map(|_| '#'))
                .collect();
            while j < chars.len() && !chars[j..].iter().collect::<String>().starts_with(&closing) {
                j += 1;
            }
            j += closing.len();
            for &c in &chars[i..j.min(chars.len())] {
                out.push(blank(c));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars, i) {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `'x'`, `'\n'`, `'{'` are characters; `'a` in `&'a str` is a lifetime.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// Blanks `#[cfg(test)]` items (test modules and helpers) out of code-only source.
fn without_tests(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let bytes = out.as_bytes();
        // The item ends at its body's closing brace, at a `;` or `,` before any body (a
        // statement, a field), or where its enclosing block does.
        let mut depth = 0usize;
        let mut end = out.len();
        for (k, b) in bytes.iter().enumerate().skip(at + "#[cfg(test)]".len()) {
            match b {
                b'{' => depth += 1,
                b'}' if depth == 0 => {
                    end = k;
                    break;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                b';' | b',' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
    }
    out
}

/// (name, first line, lines) of every function with a body.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut search = 0;
    while let Some(rel) = code[search..].find("fn ") {
        let at = search + rel;
        search = at + 3;
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue; // `fn(` as a type
        }
        // Its body: the first `{` at the signature's own depth, unless a `;` comes first.
        let mut k = at;
        let mut parens = 0i32;
        let body = loop {
            match bytes.get(k) {
                None => break None,
                Some(b'(' | b'[' | b'<') => parens += 1,
                Some(b')' | b']') => parens -= 1,
                Some(b'>') if bytes.get(k.wrapping_sub(1)) != Some(&b'-') => parens -= 1,
                Some(b';') if parens <= 0 => break None,
                Some(b'{') if parens <= 0 => break Some(k),
                _ => {}
            }
            k += 1;
        };
        let Some(open) = body else { continue };
        let mut depth = 0usize;
        let mut close = open;
        for (j, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = j;
                        break;
                    }
                }
                _ => {}
            }
        }
        let first = code[..at].matches('\n').count() + 1;
        let last = code[..close].matches('\n').count() + 1;
        found.push((name, first, last - first + 1));
    }
    found
}

#[test]
fn no_function_outside_tests_is_over_a_hundred_lines() {
    let mut long = Vec::new();
    let mut seen = 0;
    for krate in CRATES {
        let dir = if krate == "src" {
            root().join("src")
        } else {
            root().join(krate).join("src")
        };
        for file in sources(&dir) {
            let code = without_tests(&code_only(&std::fs::read_to_string(&file).unwrap()));
            for (name, line, lines) in functions(&code) {
                seen += 1;
                if lines > MAX_LINES && !TABLES.contains(&name.as_str()) {
                    let shown = file.strip_prefix(root()).unwrap().display().to_string();
                    long.push(format!("{shown}:{line} {name} ({lines} lines)"));
                }
            }
        }
    }
    assert!(seen > 500, "the scan found only {seen} functions");
    assert!(
        long.is_empty(),
        "functions over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// The modules of a crate each file is, and the crate modules it names (`crate::x`).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for file in sources(src) {
        let relative = file.strip_prefix(src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        // A top-level module and its children are one node: `admin::users` is `admin`.
        let Some(node) = parts.first().cloned() else {
            continue;
        };
        if node == "lib" || node == "main" {
            continue;
        }
        let code = without_tests(&code_only(&std::fs::read_to_string(&file).unwrap()));
        let uses = graph.entry(node.clone()).or_insert_with(BTreeSet::new);
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != node {
                uses.insert(name);
            }
        }
        // `use crate::{a, b::c}`
        for (at, _) in code.match_indices("crate::{") {
            let group = &code[at + 8..];
            let group = &group[..group.find('}').unwrap_or(0)];
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != node {
                    uses.insert(name);
                }
            }
        }
    }
    let nodes: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|u| nodes.contains(u));
    }
    graph
}

/// A cycle in the graph, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == node) {
            let mut found = path[start..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_an_import_circle_between_its_modules() {
    let mut circles = Vec::new();
    for krate in ["domain", "collector", "analytics", "dashboards"] {
        let graph = module_graph(&root().join(krate).join("src"));
        assert!(
            graph.len() > 5,
            "{krate}: the scan found {} modules",
            graph.len()
        );
        if let Some(found) = cycle(&graph) {
            circles.push(format!("{krate}: {}", found.join(" → ")));
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_checks_see_a_long_function_and_a_circle() {
    let long_fn = format!(
        "fn table() {{\n{}}}\n#[cfg(test)]\nmod tests {{ fn t() {{\n{}}} }}\n",
        "let x = \"{\";\n".repeat(120),
        "a();\n".repeat(200)
    );
    let code = without_tests(&code_only(&long_fn));
    let found = functions(&code);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "table");
    assert_eq!(found[0].2, 122);

    let graph = BTreeMap::from([
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["c".to_owned()])),
        ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]);
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut dag = graph.clone();
    dag.get_mut("c").unwrap().clear();
    assert_eq!(cycle(&dag), None);
}

/// Cargo.toml sets `autotests = false` so that the end-to-end tests link once, as
/// tests/all.rs; a file under tests/ that all.rs does not declare would never be compiled
/// or run, and nothing else would say so. A file that must run alone (scale_restart stops
/// PostgreSQL) is its own `[[test]]` in Cargo.toml instead.
#[test]
fn every_test_file_is_a_module_of_the_suite() {
    let tests = root().join("tests");
    let suite = std::fs::read_to_string(tests.join("all.rs")).unwrap();
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let declared: BTreeSet<String> = suite
        .lines()
        .filter_map(|l| l.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(str::to_owned)
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let module = if path.is_dir() {
            path.join("mod.rs").exists()
        } else {
            path.extension().is_some_and(|e| e == "rs")
        };
        let own_binary = manifest.contains(&format!("path = \"tests/{stem}.rs\""));
        if module && !own_binary && !declared.contains(stem) {
            missing.push(stem.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "tests/all.rs does not declare `mod {};`: these tests would never run",
        missing.join(";`, `mod ")
    );
}

/// Every crate sets `doctest = false` (rustdoc's pass found nothing and cost CI minutes), so
/// a Rust code block in a doc comment would never be compiled: examples live in tests, and
/// a doc block that is not Rust says so (```text).
#[test]
fn no_doc_comment_holds_a_rust_example_that_would_never_run() {
    let mut untested = Vec::new();
    for krate in CRATES {
        for file in sources(&root().join(krate)) {
            let source = std::fs::read_to_string(&file).unwrap();
            let mut open = false;
            for (n, line) in source.lines().enumerate() {
                let line = line.trim_start();
                let Some(doc) = line
                    .strip_prefix("///")
                    .or_else(|| line.strip_prefix("//!"))
                else {
                    continue;
                };
                let Some(info) = doc.trim().strip_prefix("```") else {
                    continue;
                };
                if !open && matches!(info.trim(), "" | "rust" | "no_run" | "should_panic") {
                    untested.push(format!("{}:{}", file.display(), n + 1));
                }
                open = !open;
            }
        }
    }
    assert!(
        untested.is_empty(),
        "doc examples that would never run (doctest = false): {untested:?}"
    );
}
