//! Every generated page of the example site passes the Nu HTML Checker
//! (vnu.jar from the `vnu-jar` npm package, run with Java).

mod common;

use std::path::Path;

use common::{TestSite, repo, require, runs};

/// The checker's error messages for the HTML files under `dir`.
fn vnu_errors(jar: &Path, dir: &Path) -> Vec<String> {
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    // vnu writes its JSON report to standard error.
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu did not report JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["type"] == "non-document-error")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect()
}

#[test]
#[ignore = "needs Java and vnu.jar: apt-get install default-jre-headless; npm ci; then cargo test -- --include-ignored"]
fn every_generated_page_is_valid_html() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if !(require(
        "java",
        runs("java", &["-version"]),
        "run `apt-get install -y default-jre-headless`",
    ) && require("vnu.jar", jar.is_file(), "run `npm ci` in the repository"))
    {
        return;
    }
    // The checker must catch a real error, or a pass below would mean nothing.
    let control = tempfile::tempdir().unwrap();
    std::fs::write(
        control.path().join("bad.html"),
        "<!DOCTYPE html><html lang=en><title>x</title><p><div></p>",
    )
    .unwrap();
    assert!(
        !vnu_errors(&jar, control.path()).is_empty(),
        "vnu found no error in an invalid page"
    );

    // In three languages, Arabic written right to left, with a story in
    // each of the others: every page of each, with their alternates and
    // switchers (a one-language site's pages are the same without them).
    let site = TestSite::example();
    site.in_english_and_portuguese(Some("pt-PT")).with_arabic();
    assert_eq!(site.run(&["build", "--drafts"]).code, 0);
    for page in ["pt-pt/stories/zoe-martin", "ar/stories/fatima-benali"] {
        assert!(site.path(&format!("public/{page}/index.html")).is_file());
    }
    let pages = site
        .output_tree()
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .count();
    assert!(pages > 50, "{pages} pages");
    let errors = vnu_errors(&jar, &site.path("public"));
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found errors:\n{}",
        errors.join("\n")
    );
}
