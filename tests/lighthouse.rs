//! Lighthouse on the example site, as a candidate's phone sees it: the
//! index, a story, a role, the career map and a collection score 100 for
//! performance, accessibility, best practices and SEO, with no layout shift
//! (tests/browser/lighthouse.mjs, Lighthouse 12.2.3 from `npm ci`).
//!
//! Needs Node, Chromium and `npm ci`; skipped loudly without them, failed
//! under `LAUNCHPAD_REQUIRE_ALL=1`.

mod common;

use common::{TestSite, chromium, repo, require, runs};

#[test]
#[ignore = "needs Chromium and Node: apt-get install chromium; npm ci; then cargo test -- --include-ignored"]
fn every_page_kind_scores_100_in_lighthouse_on_a_phone_with_no_layout_shift() {
    if !(require("node", runs("node", &["--version"]), "install Node.js")
        && require(
            "Chromium",
            chromium().exists(),
            "run `apt-get install -y chromium` (or set CHROMIUM)",
        )
        && require(
            "lighthouse",
            repo().join("node_modules/lighthouse").is_dir(),
            "run `npm ci` in the repository",
        ))
    {
        return;
    }
    // The port is chosen first, so the site is built for the address it is
    // served at (canonical links are checked).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let site = TestSite::example();
    let base_url = format!("http://127.0.0.1:{port}/");
    let run = site.run(&["build", "--base-url", &base_url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = std::process::Command::new("node")
        .arg(repo().join("tests/browser/lighthouse.mjs"))
        .arg(site.path("public"))
        .arg(port.to_string())
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(out.status.success(), "Lighthouse:\n{stdout}\n{stderr}");
    assert!(stdout.contains("5 passed, 0 failed"), "{stdout}");
}
