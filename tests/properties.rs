//! Properties over mutated stories: whatever an alumna's pull request
//! holds, `check` does not panic, every diagnostic points at a line and
//! column that exist in its file, and `check` reports an error exactly
//! when `build` refuses the content.
//!
//! The stories are valid ones with random edits made where YAML and
//! Markdown are fragile: quotes, colons, indentation, fences, dates,
//! combining marks, links. `PROPTEST_CASES` runs more of them.

mod common;

use common::{TestSite, test_day};
use launchpad::content::{self, RawSite};
use launchpad::diagnostics::{self, Format};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

const STORY: &str = "content/stories/ana-example.md";

/// A story that uses every field, on the roles of the minimal fixture.
const FULL_STORY: &str = "---
name: Zoë Ñúñez-Kowalczyk
headline: \"From agent: to team lead, in two years\"
consent: true
date: 2026-01-15
location: Lisbon, Portugal
quote: 'The calls taught me what customers need.'
journey:
  - role: agent
    from: 2020-01
    to: 2021-06
    note: Night shift, Portuguese and Spanish lines
  - role: team-lead
    title: Senior Team Lead
    from: 2021-06
    to: 2023-02
  - role: product-manager
    from: 2023-02
tags: [leadership, night-shift, loan-program]
skills: [empathy, SQL]
links:
  - label: LinkedIn
    url: https://www.linkedin.com/in/example
---

I joined on the night shift.

## What helped

- a spreadsheet of *why* people called
- [the loan program](https://example.org/loan)

```text
fenced
```

> A quote, with `code` and **bold**.
";

/// Text whose edits break YAML or Markdown in the ways people do.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "\n", "---\n", "...\n", ":", ": ", "- ", "  ", "\t", "\"", "'", "[", "]", "{", "}", "#", "*",
    "`", "```", "|", ">", "&a ", "*a", "!!str ", "~", "null", "2020-13", "1999-01", "2021-06",
    "role: agent", "from: ", "to: ", "draft: true\n", "consent: false\n", "e\u{301}\u{301}\u{301}",
    "👩🏽‍💼", "日本語", "\u{202e}", "\r\n", "\r", "\u{feff}", "<script>alert(1)</script>",
    "[x](javascript:alert(1))", "![p](../../../etc/passwd)", "<img src=x onerror=alert(1)>",
    "## Heading\n", "journey:\n", "tags: [", "photo: x.jpg\n",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    InsertChars(usize, String),
    Delete(usize, usize),
    DuplicateLine(usize),
    DropLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), proptest::sample::select(PIECES)).prop_map(|(at, p)| Edit::Insert(at, p)),
        2 => (any::<usize>(), "\\PC{1,8}").prop_map(|(at, s)| Edit::InsertChars(at, s)),
        2 => (any::<usize>(), 1usize..12).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => any::<usize>().prop_map(Edit::DropLine),
    ]
}

/// The char boundary nearest below `at` (taken modulo the length).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `base` with `edits` made, each at or after byte `from`.
fn apply(base: &str, from: usize, edits: &[Edit]) -> String {
    let mut text = base.to_string();
    // Line edits may have shortened the text below `from`.
    let within = |text: &str, at: usize| {
        let from = boundary(text, from.min(text.len()));
        from + at % (text.len() - from + 1)
    };
    for e in edits {
        let e = &match e.clone() {
            Edit::Insert(at, p) => Edit::Insert(within(&text, at), p),
            Edit::InsertChars(at, s) => Edit::InsertChars(within(&text, at), s),
            Edit::Delete(at, n) => Edit::Delete(within(&text, at), n),
            lines => lines,
        };
        match e {
            Edit::Insert(at, piece) => text.insert_str(boundary(&text, *at), piece),
            Edit::InsertChars(at, s) => text.insert_str(boundary(&text, *at), s),
            Edit::Delete(at, n) => {
                let start = boundary(&text, *at);
                let mut end = (start + n).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(start..end, "");
            }
            Edit::DuplicateLine(i) | Edit::DropLine(i) => {
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                if lines.is_empty() {
                    continue;
                }
                let i = i % lines.len();
                let line = lines[i];
                if matches!(e, Edit::DuplicateLine(_)) {
                    lines.insert(i, line);
                } else {
                    lines.remove(i);
                }
                text = lines.concat();
            }
        }
    }
    text
}

/// A valid story with a few edits: anywhere, or (so that about half the
/// stories stay valid) in the Markdown body only.
fn story() -> impl Strategy<Value = String> {
    let base = prop_oneof![Just(FULL_STORY.to_string()), Just(minimal_story())];
    let edits = proptest::collection::vec(edit(), 1..4);
    (base, edits, any::<bool>()).prop_map(|(base, edits, body_only)| {
        let from = if body_only {
            base.match_indices("\n---\n")
                .next()
                .map_or(0, |(i, m)| i + m.len())
        } else {
            0
        };
        apply(&base, from, &edits)
    })
}

fn minimal_story() -> String {
    std::fs::read_to_string(common::repo().join("tests/fixtures/minimal").join(STORY))
        .expect("the fixture story reads")
}

/// The minimal fixture as read, once per test binary.
fn fixture() -> &'static RawSite {
    static SITE: std::sync::OnceLock<RawSite> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        content::load(&common::repo().join("tests/fixtures/minimal")).expect("fixture reads")
    })
}

/// The fixture with `text` as its story, read as `load` reads a file.
/// `None` when the text is not read at all (an empty file).
fn with_story(text: &str) -> Option<(RawSite, String)> {
    let mut raw = fixture().clone();
    let mut diagnostics = Vec::new();
    let mut report = diagnostics::Reporter::new(STORY, &mut diagnostics);
    let read = content::text_from_bytes(text.as_bytes().to_vec(), &mut report)?;
    raw.stories[0].source.text = read.clone();
    Some((raw, read))
}

/// Every diagnostic about the story names a place in it.
fn assert_points_into(report: &launchpad::CheckReport, text: &str) -> Result<(), TestCaseError> {
    for d in report.diagnostics.iter().filter(|d| d.file == STORY) {
        prop_assert!(
            d.points_into(text),
            "{}:{}:{} [{}] {} is outside the story",
            d.file,
            d.line,
            d.column,
            d.code,
            d.message
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_never_panics_and_every_diagnostic_points_into_its_file(text in story()) {
        let Some((raw, read)) = with_story(&text) else {
            return Ok(());
        };
        let report = launchpad::check_loaded(&raw, test_day()).expect("no I/O fails");
        assert_points_into(&report, &read)?;
        // Printing them must not panic either, in any format.
        for format in [Format::Human, Format::Json, Format::Github] {
            diagnostics::render(&report.diagnostics, format, &report.sources);
        }
    }
}

proptest! {
    // Each case writes and builds a site.
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_reports_an_error_exactly_when_build_refuses_the_content(text in story()) {
        let site = TestSite::fixture("minimal");
        site.write(STORY, &text);
        let report = launchpad::check(site.root(), test_day()).expect("no I/O fails");
        let built = launchpad::build(&launchpad::BuildOptions {
            root: site.root().to_path_buf(),
            out: None,
            base_url: None,
            drafts: false,
            today: Some(test_day()),
        })
        .expect("no I/O fails");
        prop_assert_eq!(
            report.has_errors(),
            built.is_err(),
            "check and build disagree on:\n{}\ncheck said: {:?}",
            text,
            report.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_mutations_reach_both_clean_and_broken_stories() {
    // Without both, the properties above would test one side only.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut clean, mut broken) = (0, 0);
    for _ in 0..200 {
        let text = story().new_tree(&mut runner).expect("a value").current();
        let Some((raw, _)) = with_story(&text) else {
            broken += 1;
            continue;
        };
        let report = launchpad::check_loaded(&raw, test_day()).expect("no I/O fails");
        if report.has_errors() {
            broken += 1;
        } else {
            clean += 1;
        }
    }
    assert!(
        clean >= 40 && broken >= 40,
        "{clean} clean, {broken} broken of 200"
    );
}
