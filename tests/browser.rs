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
    // One posting on Lever, whose links read `source` as `lever-source`.
    let openings = std::fs::read_to_string(site.path("content/openings.yaml")).unwrap();
    site.write(
        "content/openings.yaml",
        format!(
            "{openings}- title: Customer Service Agent (French)\n  role: agent\n  location: Porto, Portugal\n  url: https://jobs.lever.co/exampletelecom/0c1d\n"
        ),
    );
    let run = site.run(&["build", "--base-url", "http://127.0.0.1/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// Runs one group of tests/browser/run.mjs against the built site.
fn run_group(group: &str) {
    run_group_with(group, &[]);
}

/// `run_group` with environment variables for the script; false when the
/// tools are missing and it was skipped.
fn run_group_with(group: &str, env: &[(&str, &std::path::Path)]) -> bool {
    if !browser_tools() {
        return false;
    }
    // Built once for every group of this binary: the groups only read it.
    static SITE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    run_group_on(SITE.get_or_init(built_for_browser), group, env);
    true
}

/// Runs one group of tests/browser/run.mjs against a built site.
fn run_group_on(site: &TestSite, group: &str, env: &[(&str, &std::path::Path)]) {
    let out = std::process::Command::new("node")
        .arg(repo().join("tests/browser/run.mjs"))
        .arg(site.path("public"))
        .arg(group)
        .env("CHROMIUM", chromium())
        .envs(env.iter().copied())
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
fn the_content_security_policy_blocks_an_injected_script_and_nothing_of_the_site() {
    run_group("csp");
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

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn the_recruiters_source_survives_from_landing_to_the_apply_link() {
    run_group("tracking");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn openings_filter_in_place_and_a_story_reaches_an_opening_in_one_click() {
    run_group("openings");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn a_share_kit_follows_the_recruiters_utm_source_and_prints_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("qr.svg");
    if !run_group_with("kit", &[("KIT_QR_OUT", &svg)]) {
        return;
    }
    // The code the browser redrew reads as the kit's URL for that recruiter.
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(
        common::decode_qr_svg(&drawn),
        "http://127.0.0.1/stories/maria-santos/?utm_source=lisbon-fair&utm_medium=qr"
    );
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn every_page_kind_fits_phones_to_desktops_with_readable_text_and_tappable_controls() {
    run_group("layout");
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn axe_finds_no_contrast_problem_with_a_yellow_or_a_dark_brand_in_light_and_dark_mode() {
    if !browser_tools() {
        return;
    }
    // The example's own brand is a purple with a yellow accent; these are a
    // light colour that must be darkened for text and a dark one that must
    // be lightened in dark mode.
    for (primary, accent) in [("#ffd400", "#0a1a3f"), ("#0a1a3f", "#ffd400")] {
        let site = built_for_browser();
        site.edit(
            "content/site.yaml",
            "primary: \"#5b2d90\"\n  accent: \"#ffc629\"",
            &format!("primary: \"{primary}\"\n  accent: \"{accent}\""),
        );
        let run = site.run(&["build", "--base-url", "http://127.0.0.1/"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            site.read("index.html")
                .contains(&format!("--brand:{primary}"))
        );
        run_group_on(
            &site,
            "axe",
            &[("AXE_PAGES", std::path::Path::new("brand"))],
        );
    }
}

/// The example in English and Portuguese, with Zoë's story in Portuguese.
fn built_in_two_languages() -> TestSite {
    let site = TestSite::example();
    site.in_english_and_portuguese(Some("pt-PT"));
    let run = site.run(&["build", "--base-url", "http://127.0.0.1/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// Built once for the tests of both groups below.
fn two_languages() -> &'static TestSite {
    static SITE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    SITE.get_or_init(built_in_two_languages)
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn filters_speak_the_pages_language_and_the_switcher_keeps_the_page() {
    if browser_tools() {
        run_group_on(two_languages(), "languages", &[]);
    }
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn axe_finds_no_violations_on_portuguese_pages_in_light_and_dark_mode() {
    if browser_tools() {
        let pages = std::path::Path::new("languages");
        run_group_on(two_languages(), "axe", &[("AXE_PAGES", pages)]);
    }
}

/// The example in English, Portuguese and Arabic, with a story in Arabic.
fn in_arabic() -> &'static TestSite {
    static SITE: std::sync::OnceLock<TestSite> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let site = TestSite::example();
        site.with_arabic();
        let run = site.run(&["build", "--base-url", "http://127.0.0.1/"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        site
    })
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn an_arabic_site_reads_right_to_left_with_its_timeline_map_and_filters_mirrored() {
    if browser_tools() {
        run_group_on(in_arabic(), "rtl", &[]);
    }
}

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn axe_finds_no_violations_on_arabic_pages_in_light_and_dark_mode() {
    if browser_tools() {
        let pages = std::path::Path::new("arabic");
        run_group_on(in_arabic(), "axe", &[("AXE_PAGES", pages)]);
    }
}
