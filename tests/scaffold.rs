//! `launchpad new story` and `launchpad init`: what they write passes
//! `check`, and they never overwrite anything.

mod common;

use assert_cmd::Command;
use common::TestSite;

#[test]
fn a_new_story_in_the_example_site_passes_check() {
    let site = TestSite::example();
    let run = site.run(&["new", "story", "Zoë Tester"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("zoe-tester.md"), "{}", run.stdout);
    let text = std::fs::read_to_string(site.path("content/stories/zoe-tester.md")).unwrap();
    assert!(
        text.contains("consent: false") && text.contains("role: agent"),
        "{text}"
    );
    let check = site.check_json();
    assert_eq!(check.code, 0, "{}", check.stdout);
    let codes: Vec<String> = check
        .json()
        .iter()
        .filter(|d| d["file"] == "content/stories/zoe-tester.md")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        codes,
        vec!["no-consent"],
        "the only remark is that consent is still missing"
    );
    // A draft without consent stays out of the site.
    assert_eq!(site.build().code, 0);
    assert!(!site.path("public/stories/zoe-tester").exists());
}

#[test]
fn new_story_never_overwrites_and_suggests_a_free_slug() {
    let site = TestSite::fixture("alumni");
    let before = std::fs::read(site.path("content/stories/maria-santos.md")).unwrap();
    let run = site.run(&["new", "story", "Maria Santos"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--slug maria-santos-2"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(site.path("content/stories/maria-santos.md")).unwrap(),
        before
    );
    let again = site.run(&["new", "story", "Maria Santos", "--slug", "maria-santos-2"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(site.path("content/stories/maria-santos-2.md").is_file());
    assert_eq!(site.check_json().code, 0);
}

fn launchpad(args: &[&str], dir: &std::path::Path) -> (i32, String) {
    let out = Command::cargo_bin("launchpad")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", common::TEST_EPOCH)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn init_creates_a_site_that_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = launchpad(&["init", "careers"], dir.path());
    assert_eq!(code, 0, "{out}");
    let site = dir.path().join("careers");
    for file in [
        ".gitignore",
        ".github/workflows/launchpad.yml",
        "content/site.yaml",
        "content/career.yaml",
    ] {
        assert!(site.join(file).is_file(), "{file} is missing");
    }
    let stories = std::fs::read_dir(site.join("content/stories"))
        .unwrap()
        .count();
    assert_eq!(stories, 2);
    let (code, out) = launchpad(&["check", "--format", "json"], &site);
    assert_eq!(code, 0, "{out}");
    let warnings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = warnings
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["unpublished-story", "unpublished-story"],
        "the only warnings say the example collection's stories are drafts: {out}"
    );
    // The example stories are drafts: nothing fictional is published.
    let (code, out) = launchpad(&["build"], &site);
    assert_eq!(code, 0, "{out}");
    assert!(!site.join("public/stories/alex-example").exists());
    for entry in walkdir(&site.join("public")) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Alex Example") && !text.contains("Sam Sample"),
            "{} names an example person",
            entry.display()
        );
    }
    // `--drafts` shows them, for a preview.
    let (code, out) = launchpad(&["build", "--drafts"], &site);
    assert_eq!(code, 0, "{out}");
    assert!(
        site.join("public/stories/alex-example/index.html")
            .is_file()
    );
    assert!(
        site.join("public/collections/first-picks/index.html")
            .is_file()
    );
    // Comments point at documentation a new repository can reach.
    let site_yaml = std::fs::read_to_string(site.join("content/site.yaml")).unwrap();
    assert!(
        site_yaml.contains(concat!(
            env!("CARGO_PKG_REPOSITORY"),
            "/blob/main/docs/content.md"
        )),
        "{site_yaml}"
    );
    let gitignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(gitignore.contains("/public/") && gitignore.contains("/.launchpad-cache/"));
}

#[test]
fn the_new_site_workflow_checks_pull_requests_and_deploys_main_to_pages() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(launchpad(&["init", "s"], dir.path()).0, 0);
    let workflow =
        std::fs::read_to_string(dir.path().join("s/.github/workflows/launchpad.yml")).unwrap();
    assert!(workflow.contains("pull_request:"));
    assert!(workflow.contains("--format github"));
    assert!(workflow.contains("--format markdown"));
    assert!(workflow.contains("branches: [main]"));
    assert!(workflow.contains("actions/deploy-pages"));
    assert!(workflow.contains("actions/cache@v4"));
    // A release binary of the version that wrote it, checksum verified;
    // no compiler and nothing from crates.io.
    assert!(
        workflow.contains(concat!(
            "LAUNCHPAD_VERSION: \"",
            env!("CARGO_PKG_VERSION"),
            "\""
        )),
        "{workflow}"
    );
    assert!(workflow.contains("sha256sum --check"));
    assert!(!workflow.contains("cargo install"));
    assert!(
        !workflow.contains("{{version}}") && !workflow.contains("{{repository}}"),
        "every placeholder is filled in"
    );
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let (code, out) = launchpad(&["init", "."], dir.path());
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("is not empty"), "{out}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("notes.txt")]);
}

#[test]
fn a_new_story_starts_in_an_entry_role_the_real_loader_finds_in_any_yaml_style() {
    let site = TestSite::fixture("minimal");
    site.remove("content/stories/ana-example.md");
    // Flow style, comments, a quoted id and no `agent` role: a line scan
    // for `entry: true` finds nothing here.
    site.write(
        "content/career.yaml",
        r#"# Our catalogue
departments: [{id: support, name: Support}, {id: product, name: Product}]
roles:
  - {id: "product-owner", title: Product Owner, department: product}
  - {id: "care-rep", title: Care Representative, department: support, entry: true}  # where people start
transitions: []
"#,
    );
    let run = site.run(&["new", "story", "Ana Nova"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(site.path("content/stories/ana-nova.md")).unwrap();
    assert!(text.contains("role: care-rep"), "{text}");
    let check = site.check_json();
    assert_eq!(check.code, 0, "{}", check.stdout);
    let codes: Vec<String> = check
        .json()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, vec!["no-consent"], "{}", check.stdout);
}

#[test]
fn entry_roles_in_site_settings_come_before_roles_marked_entry() {
    let site = TestSite::fixture("minimal");
    site.edit(
        "content/site.yaml",
        "title:",
        "entry_roles: [team-lead] # for this test\ntitle:",
    );
    assert_eq!(site.run(&["new", "story", "Bo Lead"]).code, 0);
    let text = std::fs::read_to_string(site.path("content/stories/bo-lead.md")).unwrap();
    assert!(text.contains("role: team-lead"), "{text}");
}
