//! `check` runs the build's stages without writing: whatever `build` would
//! reject, `check` rejects first, and it leaves the site folder as it was.

mod common;

use common::TestSite;

/// Every file under the site, with its bytes.
fn tree(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir(site.root())
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(site.root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Both commands fail, and on the same diagnostic.
fn both_reject(site: &TestSite, file: &str, code: &str) {
    let check = site.check_json();
    assert_eq!(check.code, 1, "check passed:\n{}", check.stdout);
    let found = check.json();
    assert!(
        found.iter().any(|d| d["file"] == file && d["code"] == code),
        "no {code} on {file}: {found:#?}"
    );
    let build = site.build();
    assert_eq!(build.code, 1, "build passed:\n{}", build.stderr);
    assert!(
        build.stderr.contains(&format!("error[{code}]")),
        "{}",
        build.stderr
    );
}

#[test]
fn a_template_variable_that_is_undefined_only_while_rendering_fails_check() {
    let site = TestSite::fixture("minimal");
    // Compiles; fails only when a story page renders.
    site.write(
        "themes/default/templates/story.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ story.no_such_field.deeper }}</p>\n{% endblock content %}\n",
    );
    both_reject(
        &site,
        "themes/default/templates/story.html",
        "template-error",
    );
}

#[test]
fn a_card_template_that_is_not_svg_fails_check() {
    let site = TestSite::fixture("minimal");
    site.write(
        "themes/default/templates/card.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\"><rect width=\"10\"</svg>\n",
    );
    both_reject(&site, "themes/default/templates/card.svg", "template-error");
}

#[test]
fn a_card_template_with_an_error_while_rendering_fails_check() {
    let site = TestSite::fixture("minimal");
    site.write(
        "themes/default/templates/card.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\">{{ card.missing.deeper }}</svg>\n",
    );
    both_reject(&site, "themes/default/templates/card.svg", "template-error");
}

#[test]
fn check_writes_nothing_not_even_the_image_cache() {
    let site = TestSite::fixture("alumni");
    let before = tree(&site);
    let run = site.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!site.path(".launchpad-cache").exists());
    assert!(!site.path("public").exists());
    assert_eq!(tree(&site), before);
}

#[test]
fn check_reuses_the_cache_a_build_made_and_still_writes_nothing() {
    let site = TestSite::fixture("alumni");
    assert_eq!(site.build().code, 0);
    let before = tree(&site);
    let run = site.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(tree(&site), before, "check changed the site folder");
}
