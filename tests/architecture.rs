//! The shape of the code, checked on its source: no module imports a module that imports it
//! (directly or around a loop), and no source file is over 700 lines.
//!
//! Why: the result types once lived in `annotate.rs`, which calls the stages that build them, so
//! `annotate`, `entity` and `quote` imported each other and none could be read or changed alone.
//! The layers now run one way (DESIGN.md, "Modules"); this test keeps them so. An import is a
//! `use` of `crate::…`, `super::…` or a child module, or a `crate::…` path in code; a module's
//! `#[cfg(test)]` children (tests and oracles) may import anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a source file may be.
const MAX_LINES: usize = 700;

/// Every `.rs` file under `src/`, with its module path ("entity::catalogue"; "" for the root).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                parts.pop();
            }
            (parts.join("::"), path)
        })
        .collect()
}

/// The source of a module without its comments and its inline `#[cfg(test)] mod tests`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file is readable");
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => text[..at].to_string(),
        None => text,
    };
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The modules that `module` imports.
fn imports(module: &str, code: &str, all: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    let parent: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
    let mut paths = Vec::new();
    for statement in code.split("use ").skip(1) {
        let Some(end) = statement.find(';') else { continue };
        let path: String = statement[..end].split_whitespace().collect();
        paths.push(path);
    }
    for (at, _) in code.match_indices("crate::") {
        let path: String = code[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        paths.push(path);
    }
    let mut found = BTreeSet::new();
    for path in paths {
        let mut segments: Vec<String> = Vec::new();
        let mut rest = path.as_str();
        if let Some(r) = rest.strip_prefix("crate::") {
            rest = r;
        } else if rest.starts_with("super::") {
            let mut up = parent.len();
            while let Some(r) = rest.strip_prefix("super::") {
                up = up.saturating_sub(1);
                rest = r;
            }
            segments.extend(parent[..up].iter().map(|s| s.to_string()));
        } else {
            // A child module: `use catalogue::scan;` in entity/mod.rs.
            segments.extend(parent.iter().map(|s| s.to_string()));
        }
        segments.extend(rest.split("::").take_while(|s| !s.starts_with('{')).map(str::to_string));
        // The longest prefix that is a module.
        let target = (1..=segments.len()).rev().map(|k| segments[..k].join("::")).find(|m| all.contains_key(m));
        if let Some(target) = target
            && target != module
            && !module.starts_with(&format!("{target}::"))
        {
            found.insert(target);
        }
    }
    found
}

/// The modules compiled for tests only (a file declared under `#[cfg(test)]`).
fn test_only(all: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (module, path) in all {
        let text = std::fs::read_to_string(path).unwrap();
        for (at, _) in text.match_indices("#[cfg(test)]\nmod ") {
            let name: String = text[at + "#[cfg(test)]\nmod ".len()..].chars().take_while(|c| *c != ';').collect();
            if !name.contains('{') {
                out.insert(if module.is_empty() { name } else { format!("{module}::{name}") });
            }
        }
    }
    out
}

#[test]
fn no_module_imports_a_module_that_imports_it() {
    let all = modules();
    let tests = test_only(&all);
    let graph: BTreeMap<String, BTreeSet<String>> = all
        .iter()
        .filter(|(m, _)| !tests.contains(*m))
        .map(|(m, path)| (m.clone(), imports(m, &code(path), &all)))
        .collect();
    // A module is in a loop when it can reach itself.
    let mut loops = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&String> = graph[start].iter().collect();
        while let Some(m) = stack.pop() {
            if m == start {
                loops.push(start.clone());
                break;
            }
            if seen.insert(m) {
                stack.extend(graph.get(m).into_iter().flatten());
            }
        }
    }
    assert!(loops.is_empty(), "modules in an import loop: {loops:?}\n{graph:#?}");
    // The check sees imports at all: the facade imports the stages.
    assert!(graph["annotate"].contains("entity") && graph["annotate"].contains("quote"), "{graph:#?}");
    assert!(graph["entity::catalogue"].contains("entity::people"), "{graph:#?}");
}

#[test]
fn no_source_file_is_over_700_lines() {
    for (module, path) in modules() {
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(lines <= MAX_LINES, "{} ({module}) has {lines} lines", path.display());
    }
}
