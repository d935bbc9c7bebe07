//! Hearth's analytics: the pipeline that turns stored responses into releases — immutable
//! tables of protected cells, one per closed period — with exact integer noise spent by a
//! declared measurement plan, counts that add up across every level, suppression, and a
//! ledger of every privacy spend; and the read side that views and exports use.
//!
//! What it must never do: let a raw response, or a count without noise, leave the crate
//! (only `pipeline` reads responses, it is private, and its true counts are a type whose
//! only way out adds noise); compute anything per request (releases run in batch); import
//! axum.

pub mod alerts;
pub mod budget;
pub mod consistency;
pub mod figures;
pub(crate) mod integer;
pub mod ledger;
pub mod measure;
pub mod period;
pub mod person;
pub(crate) mod pipeline;
pub mod plan;
pub mod progress;
pub mod release;
pub mod release_error;
pub mod retention;
pub mod sampler;
pub mod schedule;
pub mod spreadsheet;
pub mod suppression;
pub mod view;
pub mod zcdp;

pub use pipeline::CellKey;

/// The version of Hearth that made a release, stored with it and with each of its ledger
/// entries.
pub const CODE_VERSION: &str = concat!("hearth ", env!("CARGO_PKG_VERSION"));

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// Each module of the crate and the modules its code names (`crate::m`, in `use`
    /// lines and in paths, tests included; comments and doc links not).
    fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let sources: BTreeMap<String, String> = std::fs::read_dir(dir)
            .expect("the crate's sources")
            .map(|entry| entry.expect("a source file").path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .map(|path| {
                let name = path.file_stem().expect("a file name");
                let text = std::fs::read_to_string(&path).expect("a readable source");
                (name.to_string_lossy().into_owned(), text)
            })
            .filter(|(name, _)| name != "lib")
            .collect();
        let named_in = |line: &str| -> BTreeSet<String> {
            let code = line.split("//").next().unwrap_or_default();
            let mut found = BTreeSet::new();
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                // `crate::{a, b::c}` names several modules at once.
                let names = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or_default(),
                    None => rest,
                };
                for part in names.split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    found.insert(name);
                }
            }
            found
        };
        sources
            .iter()
            .map(|(module, text)| {
                let uses = text
                    .lines()
                    .flat_map(named_in)
                    .filter(|m| m != module && sources.contains_key(m))
                    .collect();
                (module.clone(), uses)
            })
            .collect()
    }

    /// The module graph is a DAG: no two modules use each other, directly or through
    /// others, so each can be read knowing only the ones below it.
    #[test]
    fn no_module_depends_on_itself_through_others() {
        let graph = module_graph();
        assert!(graph.len() > 10, "the sources were found: {graph:?}");
        for start in graph.keys() {
            // Walk every path of imports from `start`; one that comes back is a circle.
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            let mut next = vec![vec![start.as_str()]];
            while let Some(path) = next.pop() {
                let last = *path.last().expect("a path is never empty");
                for used in &graph[last] {
                    let mut longer = path.clone();
                    longer.push(used);
                    assert_ne!(used, start, "a circle of imports: {}", longer.join(" → "));
                    if seen.insert(used) {
                        next.push(longer);
                    }
                }
            }
        }
    }
}
