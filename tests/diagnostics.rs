//! The bad-input corpus: every kind of mistake an alumna or a recruiter can
//! make, each reported at the file, line and column of the offending value,
//! with a stable code, and never a panic. Most cases run the validate stage
//! on a site in memory and look at its `Diagnostic` values; what only the
//! loader or the binary does (encodings, symlinks, templates, exit codes,
//! the output formats) runs the binary on a site on disk.

mod common;

use common::{MemorySite, TestSite};

/// A site whose diagnostics a case looks at.
trait Reports {
    /// Its diagnostics as `check --format json` prints them; there must be
    /// an error among them.
    fn reported(&self) -> Vec<serde_json::Value>;
}

impl Reports for TestSite {
    fn reported(&self) -> Vec<serde_json::Value> {
        let run = self.check_json();
        assert_eq!(
            run.code, 1,
            "check must exit 1 on content errors\n{}\n{}",
            run.stdout, run.stderr
        );
        run.json()
    }
}

impl Reports for MemorySite {
    fn reported(&self) -> Vec<serde_json::Value> {
        let validated = self.validate();
        assert!(
            validated.content.is_none(),
            "content with errors is not built: {:#?}",
            validated.diagnostics
        );
        validated
            .diagnostics
            .iter()
            .map(|d| serde_json::to_value(d).unwrap())
            .collect()
    }
}

/// A valid story's front matter; cases below change one thing in it.
/// Line 2 is `name:`, line 7 the first step, line 10 the second.
const VALID: &str = "name: A
headline: H
consent: true
date: 2026-01-01
journey:
  - role: agent
    from: 2020-01
    to: 2021-06
  - role: team-lead
    from: 2021-06
";

fn story(front: &str) -> String {
    format!("---\n{front}---\n\nBody.\n")
}

fn replaced(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from:?} is not in the valid story");
    story(&VALID.replacen(from, to, 1))
}

fn appended(extra: &str) -> String {
    story(&format!("{VALID}{extra}"))
}

/// Asserts that the expected diagnostic is among those reported.
fn expect(
    site: &impl Reports,
    file: &str,
    line: u64,
    column: u64,
    code: &str,
) -> serde_json::Value {
    let diags = site.reported();
    let found = diags.iter().find(|d| {
        d["file"] == file && d["line"] == line && d["column"] == column && d["code"] == code
    });
    match found {
        Some(d) => d.clone(),
        None => panic!(
            "expected {code} at {file}:{line}:{column}, got:\n{}",
            serde_json::to_string_pretty(&diags).unwrap()
        ),
    }
}

const BAD: &str = "content/stories/bad.md";

/// The minimal site with `bad.md` holding `text`, on disk.
fn with_story(text: impl AsRef<[u8]>) -> TestSite {
    let site = TestSite::fixture("minimal");
    site.write(BAD, text);
    site
}

/// The same, in memory.
fn story_site(text: impl Into<String>) -> MemorySite {
    MemorySite::fixture("minimal").with(BAD, text)
}

/// A story with one mistake, validated in memory.
macro_rules! bad_story {
    ($name:ident, $text:expr, $line:expr, $col:expr, $code:expr) => {
        #[test]
        fn $name() {
            expect(&story_site($text), BAD, $line, $col, $code);
        }
    };
}

/// A story file the loader refuses, checked by the binary.
macro_rules! bad_file {
    ($name:ident, $text:expr, $line:expr, $col:expr, $code:expr) => {
        #[test]
        fn $name() {
            expect(&with_story($text), BAD, $line, $col, $code);
        }
    };
}

bad_story!(
    an_unclosed_list_is_reported_where_its_bracket_opens,
    replaced("headline: H", "headline: [H"),
    3,
    11,
    "yaml-syntax"
);
bad_story!(
    an_unclosed_mapping_is_reported_where_its_brace_opens,
    replaced("  - role: team-lead", "  - {role: team-lead"),
    10,
    5,
    "yaml-syntax"
);
bad_story!(
    an_unclosed_quote_is_reported_where_it_opens,
    replaced("name: A", "name: \"Ana"),
    2,
    7,
    "yaml-syntax"
);
bad_story!(
    an_apostrophe_in_plain_text_is_not_taken_for_a_quote,
    replaced("headline: H", "headline: Ana's move\nconsent: [true"),
    4,
    10,
    "yaml-syntax"
);

#[test]
fn an_unclosed_bracket_says_what_is_unclosed_and_where_parsing_stopped() {
    let site = with_story(replaced("headline: H", "headline: [H"));
    let run = site.check_json();
    let d = run
        .json()
        .into_iter()
        .find(|d| d["code"] == "yaml-syntax")
        .expect("a yaml-syntax diagnostic");
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("`[` is never closed"), "{message}");
    assert!(message.contains("stopped at line"), "{message}");
    assert!(d["help"].as_str().unwrap().contains("`]`"), "{d}");
}
bad_story!(
    a_key_given_twice_is_a_syntax_error_on_the_second,
    appended("name: B\n"),
    12,
    1,
    "yaml-syntax"
);
bad_story!(
    a_wrong_type_is_reported_on_the_value,
    replaced("consent: true", "consent: yes"),
    4,
    10,
    "wrong-type"
);
bad_story!(
    a_missing_name_is_reported_at_the_front_matter,
    replaced("name: A\n", ""),
    2,
    1,
    "missing-field"
);
bad_story!(
    an_empty_required_value_is_missing,
    replaced("headline: H", "headline: \"\""),
    3,
    11,
    "missing-field"
);
bad_story!(
    a_month_without_a_leading_zero_is_rejected,
    replaced("from: 2020-01", "from: 2020-1"),
    8,
    11,
    "bad-month"
);
bad_story!(
    a_month_thirteen_is_rejected,
    replaced("to: 2021-06", "to: 2021-13"),
    9,
    9,
    "bad-month"
);
bad_story!(
    a_step_that_ends_before_it_starts_is_rejected,
    replaced("to: 2021-06", "to: 2019-06"),
    9,
    9,
    "to-before-from"
);
bad_story!(
    overlapping_steps_are_rejected,
    replaced("to: 2021-06", "to: 2022-06"),
    10,
    5,
    "journey-overlap"
);
bad_story!(
    steps_out_of_order_are_rejected,
    replaced("    from: 2021-06\n", "    from: 2019-06\n"),
    10,
    5,
    "journey-order"
);
bad_story!(
    only_the_last_step_may_be_current,
    replaced("    to: 2021-06\n", ""),
    9,
    5,
    "open-step"
);
bad_story!(
    an_empty_journey_is_rejected,
    replaced(
        "journey:\n  - role: agent\n    from: 2020-01\n    to: 2021-06\n  - role: team-lead\n    from: 2021-06\n",
        "journey: []\n"
    ),
    6,
    10,
    "empty-journey"
);
bad_story!(
    a_journey_that_is_not_a_list_is_a_type_error,
    replaced(
        "journey:\n  - role: agent\n    from: 2020-01\n    to: 2021-06\n  - role: team-lead\n    from: 2021-06\n",
        "journey: agent\n"
    ),
    6,
    10,
    "wrong-type"
);
bad_story!(
    an_impossible_date_is_rejected,
    replaced("date: 2026-01-01", "date: 2026-02-30"),
    5,
    7,
    "bad-date"
);
bad_story!(
    a_date_in_another_format_is_rejected,
    replaced("date: 2026-01-01", "date: 01/02/2026"),
    5,
    7,
    "bad-date"
);
bad_story!(
    a_javascript_link_in_front_matter_is_an_error,
    appended("links:\n  - label: X\n    url: javascript:alert(1)\n"),
    14,
    10,
    "bad-url"
);
bad_story!(
    a_slug_with_a_path_in_it_is_rejected,
    appended("slug: ../evil\n"),
    12,
    7,
    "bad-slug"
);
bad_story!(
    a_missing_photo_is_reported_on_its_line,
    appended("photo: nope.jpg\n"),
    12,
    8,
    "missing-photo"
);
bad_story!(
    a_photo_path_that_climbs_out_is_refused,
    appended("photo: ../../site.yaml\n"),
    12,
    8,
    "photo-outside-site"
);
bad_story!(
    an_absolute_photo_path_is_refused,
    appended("photo: /etc/passwd\n"),
    12,
    8,
    "photo-outside-site"
);
bad_story!(
    a_gif_photo_is_not_supported,
    appended("photo: dance.gif\n"),
    12,
    8,
    "unsupported-image"
);
bad_story!(
    an_unknown_key_in_a_step_is_reported,
    replaced("    from: 2020-01\n", "    from: 2020-01\n    noet: x\n"),
    9,
    5,
    "unknown-key"
);
bad_story!(
    a_front_matter_block_that_never_closes_is_reported,
    "---\nname: A\n\nBody\n",
    1,
    1,
    "unclosed-front-matter"
);
bad_story!(
    a_story_without_front_matter_is_reported,
    "Just some text.\n",
    1,
    1,
    "missing-front-matter"
);
bad_file!(an_empty_story_file_is_reported, "  \n", 1, 1, "empty-file");
// Found by the `story` fuzz target: YAML ends a line at a lone carriage
// return, and errors landed on lines past the end of the file.
bad_file!(
    old_mac_line_endings_place_errors_on_the_line_an_editor_shows,
    replaced("headline: H", "headline: [H").replace('\n', "\r"),
    3,
    11,
    "yaml-syntax"
);
bad_file!(
    a_stray_carriage_return_ends_a_line_for_the_error_after_it,
    replaced("name: A", "name: A\rlocation: x").replace("headline: H", "headline: [H"),
    4,
    11,
    "yaml-syntax"
);
#[test]
fn a_settings_file_with_old_mac_line_endings_has_its_error_on_the_line_an_editor_shows() {
    // Found by the `yaml` fuzz target, as the story one found it in stories.
    let site = TestSite::fixture("minimal");
    site.write(
        "content/site.yaml",
        "title: T\rcompany: C\rbase_url: https://example.org/\rdescription: [D\r",
    );
    expect(&site, "content/site.yaml", 4, 14, "yaml-syntax");
}

bad_file!(
    bytes_that_are_not_utf8_after_old_mac_line_endings_are_on_the_line_an_editor_shows,
    b"---\rname: Jo\xe3o\r---\r",
    2,
    9,
    "not-utf8"
);
bad_file!(
    a_file_that_is_not_utf8_is_reported_where_it_stops_being_text,
    b"---\nname: Jo\xe3o\n---\n",
    2,
    9,
    "not-utf8"
);

#[test]
fn unknown_key_suggests_the_closest_key() {
    let d = expect(
        &story_site(replaced("headline:", "headlin:")),
        BAD,
        3,
        1,
        "unknown-key",
    );
    assert_eq!(d["help"], "did you mean `headline`?");
}

#[test]
fn unknown_role_suggests_the_closest_id() {
    let d = expect(
        &story_site(replaced("role: team-lead", "role: team-laed")),
        BAD,
        10,
        11,
        "unknown-role",
    );
    assert_eq!(d["help"], "did you mean `team-lead`?");
}

#[test]
fn two_stories_with_one_slug_are_reported_on_the_second() {
    let site = MemorySite::fixture("minimal").with(
        "content/stories/zz-other.md",
        story(&format!("slug: ana-example\n{VALID}")),
    );
    expect(&site, "content/stories/zz-other.md", 2, 7, "duplicate-slug");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_refused() {
    let site = TestSite::fixture("minimal");
    std::os::unix::fs::symlink("/etc/passwd", site.path("content/stories/evil.md")).unwrap();
    expect(&site, "content/stories/evil.md", 1, 1, "symlink-escape");
}

#[cfg(unix)]
#[test]
fn a_photo_symlinked_out_of_the_site_is_refused_and_reported_missing() {
    let site = TestSite::fixture("minimal");
    std::os::unix::fs::symlink("/etc/hostname", site.path("content/stories/leak.jpg")).unwrap();
    site.write(BAD, appended("photo: leak.jpg\n"));
    expect(&site, "content/stories/leak.jpg", 1, 1, "symlink-escape");
    expect(&site, BAD, 12, 8, "missing-photo");
}

fn with_file(path: &str, from: &str, to: &str) -> MemorySite {
    MemorySite::fixture("minimal").edited(path, from, to)
}

const SITE: &str = "content/site.yaml";
const CAREER: &str = "content/career.yaml";

#[test]
fn a_relative_base_url_is_rejected() {
    let site = with_file(
        SITE,
        "base_url: https://example.org/alumni/",
        "base_url: /alumni/",
    );
    expect(&site, SITE, 3, 11, "bad-base-url");
}

#[test]
fn a_base_url_with_another_scheme_is_rejected() {
    let site = with_file(
        SITE,
        "base_url: https://example.org/alumni/",
        "base_url: \"javascript:alert(1)\"",
    );
    expect(&site, SITE, 3, 11, "bad-base-url");
}

#[test]
fn a_misspelt_site_setting_is_an_unknown_key() {
    let site = with_file(SITE, "title:", "titel:");
    let d = expect(&site, SITE, 1, 1, "unknown-key");
    assert_eq!(d["help"], "did you mean `title`?");
}

#[test]
fn a_page_size_of_zero_is_rejected() {
    let site = with_file(SITE, "description:", "page_size: 0\ndescription:");
    expect(&site, SITE, 4, 12, "bad-value");
}

#[test]
fn an_unknown_entry_role_in_site_settings_is_reported() {
    let site = with_file(SITE, "description:", "entry_roles: [agnet]\ndescription:");
    expect(&site, SITE, 4, 15, "unknown-role");
}

#[test]
fn a_syntax_error_in_site_settings_is_placed() {
    let site = with_file(SITE, "company: Test Telecom", "company: \"Test Telecom");
    let d = &site.reported()[0];
    assert_eq!(
        (d["file"].as_str(), d["code"].as_str()),
        (Some(SITE), Some("yaml-syntax"))
    );
    assert!(d["line"].as_u64().unwrap() >= 2, "{d}");
}

#[test]
fn a_missing_career_file_is_reported() {
    // The loader reports the missing file: on disk.
    let site = TestSite::fixture("minimal");
    site.remove(CAREER);
    expect(&site, CAREER, 1, 1, "missing-file");
}

#[test]
fn a_role_in_an_unknown_department_is_reported() {
    let site = with_file(
        CAREER,
        "    department: customer-care\n  - id: product-manager",
        "    department: custmer-care\n  - id: product-manager",
    );
    expect(&site, CAREER, 13, 17, "unknown-department");
}

#[test]
fn a_transition_to_an_unknown_program_is_reported() {
    let site = with_file(CAREER, "program: loan", "program: lone");
    expect(&site, CAREER, 22, 14, "unknown-program");
}

#[test]
fn a_transition_from_an_unknown_role_is_reported() {
    let site = with_file(CAREER, "  - from: agent", "  - from: agnt");
    expect(&site, CAREER, 18, 11, "unknown-role");
}

#[test]
fn a_role_id_used_twice_is_reported_on_the_second() {
    let site = with_file(CAREER, "id: product-manager", "id: team-lead");
    expect(&site, CAREER, 14, 9, "duplicate-id");
}

#[test]
fn an_id_with_capitals_and_spaces_is_rejected() {
    let site = with_file(CAREER, "id: product\n", "id: Product Team\n");
    let d = expect(&site, CAREER, 4, 9, "bad-id");
    assert_eq!(
        d["help"],
        "ids use lowercase a-z, 0-9 and `-`: write `product-team`"
    );
}

#[test]
fn a_program_duration_with_min_above_max_is_rejected() {
    let site = with_file(CAREER, "duration_months: [3, 6]", "duration_months: [6, 3]");
    expect(&site, CAREER, 26, 22, "bad-value");
}

#[test]
fn a_collection_naming_an_unknown_story_suggests_the_closest() {
    let site = MemorySite::fixture("minimal").with(
        "content/collections/picks.yaml",
        "title: Picks\nstories: [ana-exampel]\n",
    );
    let d = expect(
        &site,
        "content/collections/picks.yaml",
        2,
        11,
        "unknown-story",
    );
    assert_eq!(d["help"], "did you mean `ana-example`?");
}

#[test]
fn a_collection_without_a_title_is_reported() {
    let site = MemorySite::fixture("minimal")
        .with("content/collections/picks.yaml", "stories: [ana-example]\n");
    expect(
        &site,
        "content/collections/picks.yaml",
        1,
        1,
        "missing-field",
    );
}

#[test]
fn a_broken_theme_template_is_reported_on_its_line() {
    let site = TestSite::fixture("minimal");
    site.write("themes/default/templates/story.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ story.name | nope }}\n{% endblock content %}\n");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(d["file"], "themes/default/templates/story.html");
    assert_eq!(d["code"], "template-error");
    assert_eq!(d["line"], 3);
}

#[test]
fn faults_in_several_files_are_all_reported_in_one_run() {
    let site = MemorySite::fixture("minimal")
        .with(BAD, replaced("role: team-lead", "role: team-laed"))
        .with(
            "content/stories/worse.md",
            replaced("date: 2026-01-01", "date: yesterday"),
        )
        .with(
            "content/collections/picks.yaml",
            "title: Picks\nstories: [nobody]\n",
        )
        .edited(SITE, "title:", "titel:");
    let mut found: Vec<(String, String)> = site
        .reported()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found.dedup();
    let expected = [
        ("content/collections/picks.yaml", "unknown-story"),
        ("content/site.yaml", "missing-field"),
        ("content/site.yaml", "unknown-key"),
        ("content/stories/bad.md", "unknown-role"),
        ("content/stories/worse.md", "bad-date"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_failing_build_exits_1_and_reports_like_check() {
    let site = with_story(replaced("role: team-lead", "role: team-laed"));
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[unknown-role]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("content/stories/bad.md:10:11"),
        "{}",
        run.stderr
    );
}

#[test]
fn human_output_puts_a_caret_under_the_offending_value() {
    let site = with_story(replaced("role: team-lead", "role: team-laed"));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(
        out.contains("error[unknown-role]: unknown role `team-laed`"),
        "{out}"
    );
    assert!(out.contains("--> content/stories/bad.md:10:11"), "{out}");
    let source_line = out
        .lines()
        .find(|l| l.contains("- role: team-laed"))
        .expect("source line shown");
    let caret_line = out
        .lines()
        .find(|l| l.contains('^'))
        .expect("caret line shown");
    let value_at = source_line.find("team-laed").unwrap();
    assert_eq!(
        caret_line.find('^'),
        Some(value_at),
        "caret must sit under the value:\n{out}"
    );
    assert_eq!(caret_line.matches('^').count(), "team-laed".len(), "{out}");
    assert!(out.contains("help: did you mean `team-lead`?"), "{out}");
}

#[test]
fn github_format_annotates_the_pull_request_lines() {
    let site = with_story(replaced("role: team-lead", "role: team-laed"));
    let run = site.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("::error file=content/stories/bad.md,line=10,col=11,title=Unknown role::unknown role \u{201c}team-laed\u{201d}"),
        "{}",
        run.stdout
    );
}

#[test]
fn raw_html_in_a_body_is_a_warning_on_its_line_and_check_passes() {
    let site = with_story(format!(
        "---\n{VALID}---\n\nHello\n\n<script>alert(1)</script>\n"
    ));
    let run = site.check_json();
    assert_eq!(run.code, 0, "warnings do not fail check: {}", run.stdout);
    let d = &run.json()[0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["code"].as_str()),
        (Some(16), Some(1), Some("raw-html"))
    );
    assert_eq!(d["severity"], "warning");
}

#[test]
fn a_story_without_consent_is_a_warning_not_an_error() {
    let site = with_story(replaced("consent: true", "consent: false"));
    let run = site.check_json();
    assert_eq!(run.code, 0);
    assert_eq!(run.json()[0]["code"], "no-consent");
}

#[test]
fn usage_errors_exit_2() {
    let site = TestSite::fixture("minimal");
    assert_eq!(site.run(&["check", "--format", "xml"]).code, 2);
    assert_eq!(site.run(&["frobnicate"]).code, 2);
}

#[test]
fn a_folder_without_content_exits_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("launchpad")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", common::TEST_EPOCH)
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no content/ folder"));
}

#[test]
fn a_broken_story_named_in_a_collection_is_reported_once_not_twice() {
    let site = MemorySite::fixture("minimal")
        .with(
            "content/stories/ana-example.md",
            replaced("role: team-lead", "role: team-laed"),
        )
        .with(
            "content/collections/picks.yaml",
            "title: Picks\nstories: [ana-example]\n",
        );
    let codes: Vec<String> = site
        .reported()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, vec!["unknown-role"], "no knock-on unknown-story");
}

// Open positions: `content/openings.yaml`, and the `apply`, `tracking` and
// `openings` settings.

const OPENINGS: &str = "content/openings.yaml";

/// One valid opening; cases change one thing in it. Line 2 is `role:`,
/// line 4 `url:`, line 5 `posted:`.
const OPENING: &str = "- title: Agent
  role: agent
  location: Lisbon
  url: https://x.com/jobs/1
  posted: 2026-11-01
";

/// The line of `file` that holds `needle`, counted from 1.
fn line_of(site: &MemorySite, file: &str, needle: &str) -> u64 {
    let index = site.text(file).lines().position(|l| l.contains(needle));
    index.expect("the needle is in the file") as u64 + 1
}

fn openings_site(text: &str) -> MemorySite {
    MemorySite::fixture("alumni").with(OPENINGS, text)
}

fn opening_with(from: &str, to: &str) -> MemorySite {
    assert!(OPENING.contains(from), "{from:?} is not in the opening");
    openings_site(&OPENING.replacen(from, to, 1))
}

#[test]
fn an_opening_for_an_unknown_role_suggests_the_closest_one() {
    let d = expect(
        &opening_with("role: agent", "role: agnet"),
        OPENINGS,
        2,
        9,
        "unknown-role",
    );
    assert!(d["help"].as_str().unwrap().contains("`agent`"), "{d}");
}

#[test]
fn an_opening_with_an_impossible_date_is_reported_on_it() {
    expect(
        &opening_with("2026-11-01", "2026-13-01"),
        OPENINGS,
        5,
        11,
        "bad-date",
    );
}

#[test]
fn an_opening_that_closes_before_it_was_posted_is_reported_on_its_closing_date() {
    expect(
        &openings_site(&format!("{OPENING}  closes: 2026-10-01\n")),
        OPENINGS,
        6,
        11,
        "bad-date",
    );
}

#[test]
fn the_same_posting_listed_twice_is_reported_on_the_second() {
    let twice = format!(
        "{OPENING}{}",
        OPENING.replace("title: Agent", "title: Other")
    );
    let d = expect(&openings_site(&twice), OPENINGS, 9, 8, "duplicate-url");
    assert!(d["message"].as_str().unwrap().contains("line 4"), "{d}");
}

#[test]
fn an_opening_url_that_is_not_http_is_refused() {
    expect(
        &opening_with("https://x.com/jobs/1", "javascript:alert(1)"),
        OPENINGS,
        4,
        8,
        "bad-url",
    );
}

#[test]
fn an_opening_with_an_unknown_key_suggests_the_right_one() {
    let d = expect(
        &opening_with("  posted:", "  postd:"),
        OPENINGS,
        5,
        3,
        "unknown-key",
    );
    assert!(d["help"].as_str().unwrap().contains("`posted`"), "{d}");
}

#[test]
fn an_opening_without_a_location_says_what_to_add() {
    expect(
        &opening_with("  location: Lisbon\n", ""),
        OPENINGS,
        1,
        3,
        "missing-field",
    );
}

#[test]
fn an_openings_json_file_is_reported_on_its_own_lines() {
    let json = "[\n  {\n    \"title\": \"Agent\",\n    \"role\": \"agnet\",\n    \"location\": \"Lisbon\",\n    \"url\": \"https://x.com/1\"\n  }\n]\n";
    let site = MemorySite::fixture("alumni")
        .without(OPENINGS)
        .with("content/openings.json", json);
    expect(&site, "content/openings.json", 4, 13, "unknown-role");
}

#[test]
fn a_closed_opening_is_left_out_with_a_warning_and_the_site_still_builds() {
    let site = TestSite::fixture("alumni");
    site.write(
        OPENINGS,
        format!(
            "{OPENING}{}  closes: 2026-11-30\n",
            OPENING.replace("jobs/1", "jobs/2")
        ),
    );
    let run = site.check_json();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = run
        .json()
        .into_iter()
        .find(|d| d["code"] == "opening-closed")
        .expect("a warning says the opening closed");
    assert_eq!(
        (&warning["file"], &warning["line"]),
        (&OPENINGS.into(), &11.into())
    );
    assert_eq!(site.build().code, 0);
    let page = site.read("openings/index.html");
    assert_eq!(page.matches("x.com/jobs/").count(), 1, "only the open one");
    assert!(page.contains("x.com/jobs/1"));
}

#[test]
fn an_apply_url_in_site_yaml_must_be_http() {
    let site = MemorySite::fixture("alumni").edited(
        "content/site.yaml",
        "url: \"https://boards.greenhouse.io/exampletelecom\"",
        "url: \"ftp://boards.example.com\"",
    );
    let line = line_of(&site, "content/site.yaml", "ftp://");
    expect(&site, "content/site.yaml", line, 8, "bad-url");
}

#[test]
fn a_roles_apply_url_must_be_http() {
    let site = MemorySite::fixture("alumni").edited(
        "content/career.yaml",
        "apply_url: \"https://boards.greenhouse.io/exampletelecom?departments=customer-care\"",
        "apply_url: \"javascript:alert(1)\"",
    );
    let line = line_of(&site, "content/career.yaml", "javascript:");
    expect(&site, "content/career.yaml", line, 16, "bad-url");
}

#[test]
fn a_title_rule_for_an_unknown_role_is_reported_in_site_yaml() {
    let site = MemorySite::fixture("alumni").edited(
        "content/site.yaml",
        "role: team-lead",
        "role: team-leed",
    );
    let line = line_of(&site, "content/site.yaml", "team-leed");
    let d = expect(&site, "content/site.yaml", line, 13, "unknown-role");
    assert!(d["help"].as_str().unwrap().contains("`team-lead`"), "{d}");
}

#[test]
fn a_tracked_parameter_must_be_a_query_parameter_name() {
    let site = MemorySite::fixture("alumni").with(
        "content/site.yaml",
        format!(
            "{}tracking:\n  params: [utm_source, \"a b\"]\n",
            MemorySite::fixture("alumni").text("content/site.yaml")
        ),
    );
    let line = site.text("content/site.yaml").lines().count() as u64;
    expect(&site, "content/site.yaml", line, 24, "bad-value");
}

#[test]
fn two_openings_files_are_one_too_many() {
    let site = TestSite::fixture("alumni");
    site.write("content/openings.json", "[]\n");
    expect(&site, "content/openings.yaml", 1, 1, "duplicate-file");
}
