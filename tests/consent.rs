//! Consent with a lifecycle: a story whose consent has expired or been
//! withdrawn leaves every output file, one that ends soon is flagged by
//! `check`, a scope without the photo or the card keeps them out, and the
//! day it is all judged on comes from `--today` or `SOURCE_DATE_EPOCH`.

mod common;

use common::TestSite;

const TODAY: &str = "2026-12-02";

fn with_consent(story: &str, consent: &str) -> TestSite {
    let site = TestSite::fixture("alumni");
    let file = if story == "joao-pereira" {
        "content/stories/joao-pereira/index.md".to_string()
    } else {
        format!("content/stories/{story}.md")
    };
    site.edit(&file, "consent: true", &format!("consent: {consent}"));
    site
}

/// Output files whose path or text mentions any of `needles`.
fn mentions(site: &TestSite, needles: &[&str]) -> Vec<String> {
    site.output_tree()
        .into_iter()
        .filter(|(path, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            needles.iter().any(|n| path.contains(n) || text.contains(n))
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn an_expired_consent_keeps_the_story_out_of_every_file_with_a_warning() {
    let site = with_consent("maria-santos", "{given: 2020-01-01, until: 2026-11-30}");
    let run = site.run(&["build", "--today", TODAY]);
    assert_eq!(
        run.code, 0,
        "an expiry never fails the build: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning[consent-expired]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2 stories left out because their consent ended or was withdrawn"),
        "{}",
        run.stderr
    );
    assert_eq!(
        mentions(&site, &["Maria Santos", "maria-santos"]),
        Vec::<String>::new()
    );
    // The day before it ended, the same story is there.
    let run = site.run(&["build", "--today", "2026-11-30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.path("public/stories/maria-santos/index.html")
            .is_file()
    );
}

#[test]
fn a_withdrawn_consent_removes_the_story_its_photo_and_its_card() {
    let consent = "{given: 2024-01-01, withdrawn: 2026-11-20}";
    let before = TestSite::fixture("alumni");
    assert_eq!(before.run(&["build", "--today", TODAY]).code, 0);
    let hashes: Vec<String> = before
        .output_tree()
        .into_iter()
        .filter(|(p, _)| p.starts_with("img/joao-pereira-") || p.starts_with("cards/joao-pereira-"))
        .map(|(p, _)| p)
        .collect();
    assert!(
        hashes.len() > 2,
        "the story had photos and a card: {hashes:?}"
    );

    let site = with_consent("joao-pereira", consent);
    let run = site.run(&["build", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[consent-withdrawn]"),
        "{}",
        run.stderr
    );
    let mut needles = vec!["João Pereira", "joao-pereira"];
    // Each photo variant's and card's file name (with its content hash).
    let names: Vec<&str> = hashes
        .iter()
        .map(|p| p.rsplit('/').next().unwrap())
        .collect();
    needles.extend(names.iter().copied());
    assert_eq!(mentions(&site, &needles), Vec::<String>::new());
}

#[test]
fn consent_to_the_text_only_publishes_no_photo_and_no_card() {
    let site = with_consent("joao-pereira", "{given: 2024-01-01, scope: [text]}");
    let run = site.run(&["build", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("stories/joao-pereira/index.html");
    assert!(
        page.contains("João Pereira"),
        "the story itself is published"
    );
    assert!(!page.contains("og:image"), "no share card is linked");
    let leaked: Vec<String> = site
        .output_tree()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.starts_with("img/joao-pereira") || p.starts_with("cards/joao-pereira"))
        .collect();
    assert_eq!(leaked, Vec::<String>::new());

    // Text and card, not the face: a card without the photo.
    let site = with_consent("joao-pereira", "{given: 2024-01-01, scope: [text, card]}");
    assert_eq!(site.run(&["build", "--today", TODAY]).code, 0);
    let files: Vec<String> = site.output_tree().into_iter().map(|(p, _)| p).collect();
    assert!(files.iter().any(|p| p.starts_with("cards/joao-pereira-")));
    assert!(!files.iter().any(|p| p.starts_with("img/joao-pereira")));
    let page = site.read("stories/joao-pereira/index.html");
    assert!(page.contains("og:image"));
}

#[test]
fn check_warns_of_consent_ending_within_the_configured_days() {
    let site = with_consent("maria-santos", "{given: 2020-01-01, until: 2026-12-20}");
    let run = site.run(&["check", "--format", "json", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let diagnostics = run.json();
    let ending: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "consent-ending" && d["file"] == "content/stories/maria-santos.md")
        .collect();
    assert_eq!(ending.len(), 1, "{}", run.stdout);
    assert_eq!(ending[0]["file"], "content/stories/maria-santos.md");
    assert_eq!(ending[0]["line"], 4);
    assert!(
        ending[0]["message"]
            .as_str()
            .unwrap()
            .contains("2026-12-20, in 18 days"),
        "{}",
        run.stdout
    );
    // Still published until then.
    assert_eq!(site.run(&["build", "--today", TODAY]).code, 0);
    assert!(
        site.path("public/stories/maria-santos/index.html")
            .is_file()
    );

    // Warn only 7 days ahead: 18 days is not yet worth a warning.
    site.edit(
        "content/site.yaml",
        "base_url:",
        "consent_warning_days: 7\nbase_url:",
    );
    let run = site.run(&["check", "--format", "json", "--today", TODAY]);
    assert!(!run.stdout.contains("consent-ending"), "{}", run.stdout);
}

#[test]
fn a_consent_record_with_mistakes_is_reported_on_its_line() {
    let site = with_consent("maria-santos", "{given: 2020-13-01, scope: [text, face]}");
    let run = site.check_json();
    assert_eq!(run.code, 1);
    let codes: Vec<String> = run
        .json()
        .iter()
        .map(|d| format!("{}:{}", d["line"], d["code"].as_str().unwrap()))
        .collect();
    assert!(codes.contains(&"4:bad-date".to_string()), "{codes:?}");
    let site = with_consent("maria-santos", "{given: 2020-01-01, scope: [photo]}");
    let run = site.check_json();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("`scope` leaves out `text`"),
        "{}",
        run.stdout
    );
    let site = with_consent("maria-santos", "{given: 2020-01-01, untill: 2027-01-01}");
    let run = site.check_json();
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("unknown-key"), "{}", run.stdout);
}

#[test]
fn consent_given_in_the_future_publishes_from_that_day() {
    let site = with_consent("maria-santos", "{given: 2026-12-10}");
    let run = site.run(&["build", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[consent-not-yet]"),
        "{}",
        run.stderr
    );
    assert!(!site.path("public/stories/maria-santos").exists());
    assert_eq!(site.run(&["build", "--today", "2026-12-10"]).code, 0);
    assert!(
        site.path("public/stories/maria-santos/index.html")
            .is_file()
    );
    // Without `given`, as `takedown` writes for a story that had `true`.
    let site = with_consent("maria-santos", "{until: 2027-01-01}");
    assert_eq!(site.run(&["build", "--today", TODAY]).code, 0);
    assert!(
        site.path("public/stories/maria-santos/index.html")
            .is_file()
    );
}

#[test]
fn the_day_comes_from_source_date_epoch_and_builds_are_reproducible() {
    let site = with_consent("maria-santos", "{given: 2020-01-01, until: 2026-11-30}");
    let build_at = |epoch: &str| {
        let out = assert_cmd::Command::cargo_bin("launchpad")
            .unwrap()
            .args(["build", "--root"])
            .arg(site.root())
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        site.output_tree()
    };
    // 2026-11-29T12:00:00Z: consent still holds.
    let first = build_at("1795953600");
    assert!(
        first
            .iter()
            .any(|(p, _)| p == "stories/maria-santos/index.html")
    );
    let again = build_at("1795953600");
    assert!(first == again, "the same day gives byte-identical output");
    // 2026-12-02T00:00:00Z: it has ended.
    let later = build_at("1796169600");
    assert!(!later.iter().any(|(p, _)| p.contains("maria-santos")));
    // --today gives the same result as the same SOURCE_DATE_EPOCH.
    assert_eq!(site.run(&["build", "--today", "2026-12-02"]).code, 0);
    assert!(site.output_tree() == later);
}
