//! Every output path and address is formed in the route table
//! (`src/routes.rs`) and nowhere else: a `format!` that spells out a part of
//! an output path anywhere else in `src/` fails this test.

use std::path::Path;

/// Pieces of output paths as the route table forms them.
const ROUTE_PIECES: &[&str] = &[
    "stories/",
    "roles/",
    "departments/",
    "tags/",
    "destinations/",
    "starting-roles/",
    "first-move/",
    "locations/",
    "collections/",
    "paths/",
    "openings/",
    "share/",
    "page/",
    "cards/",
    "img/",
    "index.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "stories.json",
];

/// The format strings of every `format!(` in `text`.
fn format_strings(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("format!(") {
        let rest = text[at + "format!(".len()..].trim_start();
        let Some(body) = rest.strip_prefix('"') else {
            continue;
        };
        let end = body.find('"').unwrap_or(body.len());
        let line = text[..at].lines().count().max(1);
        out.push((line, body[..end].to_string()));
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_output_path_is_formatted_outside_the_route_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut found = Vec::new();
    let mut formats = 0;
    for file in &files {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "routes.rs" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (line, fmt) in format_strings(&text) {
            formats += 1;
            // Paths of the site's own source files, not of its output.
            if fmt.starts_with("content/") || fmt.starts_with("themes/") {
                continue;
            }
            if ROUTE_PIECES.iter().any(|p| fmt.contains(p)) {
                found.push(format!("src/{rel}:{line}: format!(\"{fmt}\""));
            }
        }
    }
    assert!(
        formats > 100,
        "only {formats} format! calls seen: is the scan broken?"
    );
    assert!(
        found.is_empty(),
        "output paths are formed in src/routes.rs only; use a Route instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_path_formatted_by_hand() {
    let text =
        "let a = 1;\nlet rel = format!(\"roles/{}/\", id);\nlet b = format!( \"{x} people\");";
    assert_eq!(
        format_strings(text),
        vec![(2, "roles/{}/".to_string()), (3, "{x} people".to_string())]
    );
}
