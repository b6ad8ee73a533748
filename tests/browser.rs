//! The candidate experience in a real browser: headless Chromium driven by
//! Playwright (tests/browser/run.mjs), on the example site built with five
//! stories a page so that pagination and cross-page filtering are exercised.
//!
//! Needs Node, Chromium and `npm ci`; skipped loudly without them, failed
//! under `LAUNCHPAD_REQUIRE_ALL=1`.

mod common;

use common::{TestSite, chromium, repo, require, runs};

fn browser_tools() -> bool {
    require("node", runs("node", &["--version"]), "install Node.js")
        && require(
            "Chromium",
            chromium().exists(),
            "run `apt-get install -y chromium` (or set CHROMIUM)",
        )
        && require(
            "playwright-core and axe-core",
            repo().join("node_modules/playwright-core").is_dir()
                && repo().join("node_modules/axe-core").is_dir(),
            "run `npm ci` in the repository",
        )
}

fn built_for_browser() -> TestSite {
    let site = TestSite::example();
    site.edit("content/site.yaml", "page_size: 48", "page_size: 5");
    let run = site.run(&["build", "--base-url", "http://127.0.0.1/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// Runs one group of tests/browser/run.mjs against the built site.
fn run_group(group: &str) {
    if !browser_tools() {
        return;
    }
    let site = built_for_browser();
    let out = std::process::Command::new("node")
        .arg(repo().join("tests/browser/run.mjs"))
        .arg(site.path("public"))
        .arg(group)
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser tests `{group}` failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    assert!(!stdout.contains("\n0 passed"), "no check ran: {stdout}");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn facets_filter_in_place_combine_and_are_keyboard_usable() {
    run_group("filters");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn filtered_views_live_in_the_url_with_back_and_forward() {
    run_group("history");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn without_javascript_every_story_and_the_career_map_are_there() {
    run_group("no-js");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn the_copy_button_copies_the_share_link() {
    run_group("copy");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn axe_finds_no_accessibility_violations_in_light_and_dark_mode() {
    run_group("axe");
}
