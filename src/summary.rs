//! The pull-request summary of `check --format markdown`: what an alumna
//! sees on her pull request's checks page (GitHub's job summary). It names
//! the stories the pull request adds or changes, says whether each will be
//! published and where, and lists every problem in plain words, those in
//! her files first.

use std::fmt::Write as _;

use crate::content::types::Story;
use crate::diagnostics::{Diagnostic, Severity, error_count, plain_text, plural, title};
use crate::routes::{Route, Routes};

/// What `check` knows of one story that validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryStatus {
    /// Relative to the site root, with `/` separators.
    pub file: String,
    pub slug: String,
    pub name: String,
    pub headline: String,
    pub published: Publication,
    /// The folder of the language its page is in: `""` for the default,
    /// `pt-pt/` for a story written or translated in Portuguese.
    pub folder: String,
}

impl StoryStatus {
    /// `default`: the site's default language, whose pages are at the root.
    pub fn of(s: &Story, default: &str) -> StoryStatus {
        let folder = s.lang.as_deref().map_or_else(String::new, |tag| {
            crate::routes::language_folder(tag, tag == default)
        });
        StoryStatus {
            folder,
            file: s.file.clone(),
            slug: s.slug.clone(),
            name: s.name.clone(),
            headline: s.headline.clone(),
            published: if !s.consent {
                Publication::NoConsent
            } else if s.draft {
                Publication::Draft
            } else {
                Publication::Published
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Published,
    Draft,
    NoConsent,
}

/// Everything the summary is made from.
pub struct SummaryInput<'a> {
    pub stories: &'a [StoryStatus],
    pub diagnostics: &'a [Diagnostic],
    /// Files the pull request adds or changes, relative to the site root;
    /// `None` lists every story.
    pub changed: Option<&'a [String]>,
    /// Files of the site as they are now, to tell a removed story from one
    /// that does not validate.
    pub exists: &'a dyn Fn(&str) -> bool,
    pub base_url: &'a str,
}

/// Paths as `git diff --name-only` prints them (from the repository root)
/// -> paths from the site root; files outside the site are dropped.
pub fn site_paths(changed: &str, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = changed
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix(prefix))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

pub fn markdown(input: &SummaryInput<'_>) -> String {
    let errors = error_count(input.diagnostics);
    let warnings = input.diagnostics.len() - errors;
    let mut out = String::new();
    let verdict = match (errors, warnings) {
        (0, 0) => "no problems found".to_string(),
        (0, w) => format!("no errors, {w} warning{}", plural(w)),
        (e, 0) => format!("{e} error{} to fix", plural(e)),
        (e, w) => format!("{e} error{} to fix, {w} warning{}", plural(e), plural(w)),
    };
    let _ = writeln!(out, "## launchpad check: {verdict}\n");
    if errors > 0 {
        out.push_str(
            "The site cannot be published until the errors below are fixed. Each one names the file and line; the same notes appear on the changed lines under *Files changed*.\n\n",
        );
    } else {
        out.push_str("The site builds.");
        if warnings > 0 {
            out.push_str(" Warnings do not stop it, but are worth a look.");
        }
        out.push_str("\n\n");
    }

    let story_files: Vec<&str> = match input.changed {
        Some(changed) => changed
            .iter()
            .map(String::as_str)
            .filter(|f| f.starts_with("content/stories/") && f.ends_with(".md"))
            .collect(),
        None => input.stories.iter().map(|s| s.file.as_str()).collect(),
    };
    let heading = if input.changed.is_some() {
        "Stories this pull request adds or changes"
    } else {
        "Stories"
    };
    let _ = writeln!(out, "### {heading}\n");
    if story_files.is_empty() {
        out.push_str("None.\n\n");
    } else {
        out.push_str("| Story | File | What happens on merge |\n|---|---|---|\n");
        for file in &story_files {
            let _ = writeln!(out, "{}", story_row(input, file));
        }
        out.push('\n');
    }

    let (listed, untranslated) = crate::diagnostics::fold_untranslated(input.diagnostics);
    let (mine, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) = listed
        .into_iter()
        .partition(|d| input.changed.is_none_or(|c| c.contains(&d.file)));
    if !mine.is_empty() {
        let heading = if input.changed.is_some() {
            "Problems in the changed files"
        } else {
            "Problems"
        };
        let _ = writeln!(out, "### {heading}\n");
        problems(&mut out, &mine);
    }
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "### Problems in files this pull request does not change\n"
        );
        problems(&mut out, &others);
    }
    if !untranslated.is_empty() {
        let _ = writeln!(out, "### Translations\n");
        for line in untranslated {
            let _ = writeln!(out, "- {}", escape(&plain_text(&line)));
        }
        out.push('\n');
    }
    out
}

fn story_row(input: &SummaryInput<'_>, file: &str) -> String {
    let code = code_span(file);
    if let Some(s) = input.stories.iter().find(|s| s.file == file) {
        let what = match s.published {
            Publication::Published => {
                let url = Routes::new(input.base_url)
                    .in_language(&s.folder)
                    .absolute(Route::Story(&s.slug));
                // base_url and slugs are validated: no `<`, `>` or spaces.
                format!("published at <{url}>")
            }
            Publication::Draft => "not published: it is a draft (`draft: true`)".to_string(),
            Publication::NoConsent => {
                "not published: no consent for today (false, ended or withdrawn)".to_string()
            }
        };
        let who = format!("**{}**<br>{}", escape(&s.name), escape(&s.headline));
        return format!("| {who} | {code} | {what} |");
    }
    if !(input.exists)(file) {
        return format!("| (removed) | {code} | the story's page leaves the site |");
    }
    let n = input
        .diagnostics
        .iter()
        .filter(|d| d.file == file && d.is_error())
        .count();
    format!(
        "| (cannot be read yet) | {code} | not published: {n} error{} to fix, listed below |",
        plural(n)
    )
}

/// Problems grouped by file, in reading order.
fn problems(out: &mut String, diagnostics: &[&Diagnostic]) {
    let mut last_file = None;
    for d in diagnostics {
        if last_file != Some(&d.file) {
            if last_file.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "**{}**\n", code_span(&d.file));
            last_file = Some(&d.file);
        }
        let kind = match d.severity {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
        };
        let _ = write!(
            out,
            "- **{kind}** on line {}, column {}: {} ({})",
            d.line,
            d.column,
            escape(&plain_text(&d.message)),
            escape(&title(d.code).to_lowercase()),
        );
        if let Some(help) = &d.help {
            let _ = write!(out, "<br>How to fix it: {}", escape(&plain_text(help)));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Content comes from pull requests: nothing in it may become Markdown or
/// HTML in the summary.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A file name in backticks; a name with a backtick gets a longer fence.
fn code_span(s: &str) -> String {
    let s = s.replace(['\n', '\r', '|'], " ");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(file: &str, name: &str, published: Publication) -> StoryStatus {
        StoryStatus {
            folder: String::new(),
            file: file.into(),
            slug: file
                .trim_start_matches("content/stories/")
                .trim_end_matches(".md")
                .into(),
            name: name.into(),
            headline: "From the phones to product".into(),
            published,
        }
    }

    fn error(file: &str) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: 10,
            column: 11,
            severity: Severity::Error,
            code: "unknown-role",
            message: "unknown role `team-laed`".into(),
            help: Some("did you mean `team-lead`?".into()),
            language: None,
        }
    }

    #[test]
    fn paths_from_the_repository_root_become_site_paths() {
        let changed = "README.md\nsite/content/stories/a.md\nsite/content/stories/a.md\n";
        assert_eq!(site_paths(changed, "site/"), vec!["content/stories/a.md"]);
        assert_eq!(
            site_paths(changed, ""),
            vec!["README.md", "site/content/stories/a.md"]
        );
    }

    #[test]
    fn a_pull_request_that_adds_one_story_and_breaks_another() {
        let stories = [
            story(
                "content/stories/new-one.md",
                "Ana <b>Lima</b>",
                Publication::Published,
            ),
            story("content/stories/old.md", "Old One", Publication::Published),
        ];
        let diagnostics = [error("content/stories/broken.md")];
        let changed = vec![
            "content/stories/broken.md".to_string(),
            "content/stories/gone.md".to_string(),
            "content/stories/new-one.md".to_string(),
        ];
        let exists = |f: &str| f != "content/stories/gone.md";
        let out = markdown(&SummaryInput {
            stories: &stories,
            diagnostics: &diagnostics,
            changed: Some(&changed),
            exists: &exists,
            base_url: "https://careers.example.com/",
        });
        assert!(
            out.starts_with("## launchpad check: 1 error to fix\n"),
            "{out}"
        );
        assert!(
            out.contains("| **Ana &lt;b&gt;Lima&lt;/b&gt;**<br>From the phones to product | `content/stories/new-one.md` | published at <https://careers.example.com/stories/new-one/> |"),
            "{out}"
        );
        assert!(
            out.contains("| (cannot be read yet) | `content/stories/broken.md` | not published: 1 error to fix, listed below |"),
            "{out}"
        );
        assert!(
            out.contains("| (removed) | `content/stories/gone.md` |"),
            "{out}"
        );
        assert!(
            !out.contains("Old One"),
            "unchanged stories are not listed:\n{out}"
        );
        assert!(out.contains("### Problems in the changed files"), "{out}");
        assert!(
            out.contains("- **Error** on line 10, column 11: unknown role \u{201c}team-laed\u{201d} (unknown role)<br>How to fix it: did you mean \u{201c}team-lead\u{201d}?"),
            "{out}"
        );
        assert!(!out.contains("does not change"), "{out}");
    }
}
