//! Content problems as values: every stage pushes `Diagnostic`s and keeps
//! going, so one run reports every mistake in every file. This module also
//! prints them in the three formats `check` offers (human, json, github).
//!
//! It is not for I/O failures or bugs; those are `anyhow` errors at the edges.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a diagnostic is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the content, pinned to the value that causes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// Relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub severity: Severity,
    /// Stable kebab-case id, for scripts and for searching the docs.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// For a text not translated: the language it lacks (see
    /// [`fold_untranslated`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Diagnostic {
    /// Whether the position names a place in `text`, the file it is about
    /// (see [`Pos::lies_in`]).
    pub fn points_into(&self, text: &str) -> bool {
        Pos {
            line: self.line,
            column: self.column,
        }
        .lies_in(text)
    }
}

/// Adds the diagnostics of `more` that `into` does not have yet: a broken
/// template fails every page or card made with it, and is reported once.
pub fn extend_unique(into: &mut Vec<Diagnostic>, more: Vec<Diagnostic>) {
    let mut seen: std::collections::HashSet<Diagnostic> = into.iter().cloned().collect();
    for d in more {
        if seen.insert(d.clone()) {
            into.push(d);
        }
    }
}

/// A position in a file, the anchor of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position just after `prefix`, the part of a text before it.
    pub fn after(prefix: &str) -> Pos {
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Pos::new(line as u32, column as u32)
    }

    /// Whether this names a place in `text`: a line of it (the empty line
    /// after a final newline counts) and a column on that line or just past
    /// its end, where a missing value is.
    pub fn lies_in(&self, text: &str) -> bool {
        let Some(index) = (self.line as usize).checked_sub(1) else {
            return false;
        };
        let Some(line) = text.split('\n').nth(index) else {
            return false;
        };
        self.column >= 1 && self.column as usize <= line.chars().count() + 1
    }

    pub fn new(line: u32, column: u32) -> Pos {
        Pos {
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// Collects the diagnostics of one file, so call sites name only what differs.
#[derive(Debug)]
pub struct Reporter<'a> {
    file: &'a str,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(file: &'a str, out: &'a mut Vec<Diagnostic>) -> Self {
        Reporter { file, out }
    }

    pub fn file(&self) -> &str {
        self.file
    }

    pub fn error(
        &mut self,
        pos: Pos,
        code: &'static str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Error, pos, code, message.into())
    }

    pub fn warning(
        &mut self,
        pos: Pos,
        code: &'static str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, pos, code, message.into())
    }

    fn push(
        &mut self,
        severity: Severity,
        pos: Pos,
        code: &'static str,
        message: String,
    ) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            file: self.file.to_string(),
            line: pos.line,
            column: pos.column,
            severity,
            code,
            message,
            help: None,
            language: None,
        });
        self.out.last_mut().expect("just pushed")
    }
}

impl Diagnostic {
    /// Adds the line that tells the user how to fix it.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Marks a text as lacking its translation into `language`.
    pub fn language(&mut self, language: &str) -> &mut Self {
        self.language = Some(language.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Puts diagnostics in reading order: by file, then position, errors first.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, b.code, &b.message))
    });
}

/// Maps `items` in parallel, each with its own diagnostics, which are then
/// appended to `diagnostics` in the order of the items (so output stays
/// deterministic).
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    diagnostics: &mut Vec<Diagnostic>,
    f: impl Fn(&T, &mut Vec<Diagnostic>) -> Option<R> + Sync,
) -> Vec<R> {
    use rayon::prelude::*;
    let results: Vec<(Option<R>, Vec<Diagnostic>)> = items
        .par_iter()
        .map(|item| {
            let mut local = Vec::new();
            let r = f(item, &mut local);
            (r, local)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (r, mut local) in results {
        out.extend(r);
        diagnostics.append(&mut local);
    }
    out
}

/// "s" unless there is exactly one, for messages that count things.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Output formats of `launchpad check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Renders diagnostics; `sources` maps a file to its text, for the caret lines.
pub fn render(
    diagnostics: &[Diagnostic],
    format: Format,
    sources: &BTreeMap<String, String>,
) -> String {
    match format {
        Format::Human => render_human(diagnostics, sources),
        Format::Json => render_json(diagnostics),
        Format::Github => render_github(diagnostics, ""),
    }
}

/// How many diagnostics of one kind in one file the human format shows;
/// the rest are counted in one line (`--format json` has them all).
pub const HUMAN_REPEATS: usize = 20;

/// How many characters of a long line the human format shows around the
/// column, so that a one-line file of a megabyte prints a window, not the
/// whole line for every diagnostic on it.
const SNIPPET_CHARS: usize = 120;

/// Texts not translated, a line per language: a site whose stories are
/// translated a few at a time would otherwise print one for each of
/// thousands. Returns the other diagnostics, and the lines.
pub fn fold_untranslated(diagnostics: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<String>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut others = Vec::new();
    for d in diagnostics {
        match &d.language {
            Some(language) => *counts.entry(language).or_default() += 1,
            None => others.push(d),
        }
    }
    let lines = counts
        .into_iter()
        .map(|(language, n)| {
            format!(
                "{n} text{} {} no {language} translation, so {language} pages show {} in another language (`launchpad check --format json` lists {})",
                plural(n),
                if n == 1 { "has" } else { "have" },
                if n == 1 { "it" } else { "them" },
                if n == 1 { "it" } else { "each" },
            )
        })
        .collect();
    (others, lines)
}

fn render_human(diagnostics: &[Diagnostic], sources: &BTreeMap<String, String>) -> String {
    let renderer = Renderer::plain();
    let mut out = String::new();
    let (diagnostics, untranslated) = fold_untranslated(diagnostics);
    let mut line_starts: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut shown: HashMap<(&str, &str), usize> = HashMap::new();
    for d in diagnostics {
        let count = shown.entry((d.file.as_str(), d.code)).or_default();
        *count += 1;
        if *count > HUMAN_REPEATS {
            continue;
        }
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(d.message.as_str()).id(d.code);
        let mut report = Vec::new();
        let snippet = sources.get(&d.file).and_then(|text| {
            let starts = line_starts
                .entry(d.file.as_str())
                .or_insert_with(|| line_starts_of(text));
            line_snippet(text, starts, d.line, d.column)
        });
        match &snippet {
            Some((line_text, span)) => report.push(
                title.element(
                    Snippet::source(line_text.as_str())
                        .line_start(d.line as usize)
                        .path(d.file.as_str())
                        .annotation(AnnotationKind::Primary.span(span.clone())),
                ),
            ),
            None => report.push(
                Group::with_title(title).element(
                    annotate_snippets::Origin::path(d.file.as_str())
                        .line(d.line as usize)
                        .char_column(d.column as usize),
                ),
            ),
        }
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let _ = writeln!(out, "{}\n", renderer.render(&report));
    }
    let mut folded: Vec<((&str, &str), usize)> = shown
        .into_iter()
        .filter(|&(_, n)| n > HUMAN_REPEATS)
        .collect();
    folded.sort();
    for ((file, code), n) in folded {
        let _ = writeln!(
            out,
            "note: {} more [{code}] in {file} not shown (`launchpad check --format json` lists them all)\n",
            n - HUMAN_REPEATS
        );
    }
    for line in untranslated {
        let _ = writeln!(out, "warning[untranslated]: {line}\n");
    }
    out
}

fn line_starts_of(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A window of one line around `column` (the whole line when it is short),
/// and the byte range in it of the value at `column`.
fn line_snippet(
    text: &str,
    starts: &[usize],
    line: u32,
    column: u32,
) -> Option<(String, std::ops::Range<usize>)> {
    let idx = line.checked_sub(1)? as usize;
    let start = *starts.get(idx)?;
    let end = starts.get(idx + 1).map_or(text.len(), |&next| next - 1);
    let line_text = text.get(start..end)?.trim_end_matches('\r');
    let column = column.saturating_sub(1) as usize;
    // Counting stops at the window's end, so a long line costs no more
    // than the characters up to the column and a window's worth after it.
    let first = column.saturating_sub(SNIPPET_CHARS / 3);
    let mut window_start = line_text.len();
    let mut value_start = line_text.len();
    let mut window_end = line_text.len();
    for (n, (i, _)) in line_text.char_indices().enumerate().skip(first) {
        if n == first {
            window_start = i;
        }
        if n == column {
            value_start = i;
        }
        if n == first + SNIPPET_CHARS {
            window_end = i;
            break;
        }
    }
    let value_start = value_start.min(window_end);
    let rest = &line_text[value_start..window_end];
    let len = token_len(rest).max(rest.chars().next().map_or(0, char::len_utf8));
    let before = if window_start > 0 { "…" } else { "" };
    let after = if window_end < line_text.len() {
        "…"
    } else {
        ""
    };
    let at = value_start - window_start + before.len();
    let window = format!("{before}{}{after}", &line_text[window_start..window_end]);
    Some((window, at..at + len))
}

/// Byte length of the YAML-ish value at the start of `rest`: a quoted string
/// up to its closing quote, else up to the end of the line or a comment.
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, q @ ('"' | '\''))) => chars
            .find(|&(_, c)| c == q)
            .map_or(rest.len(), |(i, c)| i + c.len_utf8()),
        Some(_) => {
            let end = rest.find(" #").unwrap_or(rest.len());
            let end = rest[..end].find([',', ']', '}']).unwrap_or(end);
            rest[..end].trim_end().len()
        }
        None => 0,
    }
}

fn render_json(diagnostics: &[Diagnostic]) -> String {
    let mut out = serde_json::to_string_pretty(diagnostics).expect("diagnostics serialize");
    out.push('\n');
    out
}

/// GitHub Actions workflow commands, so errors land on the pull request's
/// lines. `prefix` is the site's folder inside the repository (`""` or
/// `"site/"`): GitHub places an annotation by its path from the repository
/// root, not from the site's. Annotations show plain text, so a message's
/// `code spans` are written in quotes there.
pub fn render_github(diagnostics: &[Diagnostic], prefix: &str) -> String {
    let mut out = String::new();
    let (diagnostics, untranslated) = fold_untranslated(diagnostics);
    for line in untranslated {
        let _ = writeln!(
            out,
            "::warning title=Untranslated::{}",
            github_data(&plain_text(&line))
        );
    }
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = plain_text(&d.message);
        if let Some(help) = &d.help {
            message.push_str("\nHow to fix it: ");
            message.push_str(&plain_text(help));
        }
        let _ = writeln!(
            out,
            "::{kind} file={},line={},col={},title={}::{}",
            github_property(&format!("{prefix}{}", d.file)),
            d.line,
            d.column,
            github_property(&title(d.code)),
            github_data(&message)
        );
    }
    out
}

/// A diagnostic's code as a phrase for people: `unknown-role` -> "Unknown role".
pub fn title(code: &str) -> String {
    let words = code.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// `a `b` c` -> `a “b” c`: for places that show text without Markdown.
pub fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut open = true;
    for c in s.chars() {
        if c == '`' {
            out.push(if open { '\u{201c}' } else { '\u{201d}' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out
}

// The escapes are those of the Actions toolkit's `issueCommand`.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic {
            file: "content/stories/a.md".into(),
            line: 3,
            column: 7,
            severity: Severity::Error,
            code: "unknown-role",
            message: "unknown role `agnet`".into(),
            help: Some("did you mean `agent`?".into()),
            language: None,
        }
    }

    #[test]
    fn human_output_shows_the_line_with_a_caret_under_the_value() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "content/stories/a.md".to_string(),
            "---\njourney:\n  - role: agnet\n".to_string(),
        );
        let out = render(&[sample()], Format::Human, &sources);
        assert!(
            out.contains("error[unknown-role]: unknown role `agnet`"),
            "{out}"
        );
        assert!(out.contains("--> content/stories/a.md:3:7"), "{out}");
        assert!(out.contains("  - role: agnet"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("help: did you mean `agent`?"), "{out}");
    }

    #[test]
    fn github_output_escapes_commas_colons_and_newlines() {
        let mut d = sample();
        d.file = "content/a,b:c.md".into();
        let out = render(&[d], Format::Github, &BTreeMap::new());
        assert_eq!(
            out,
            "::error file=content/a%2Cb%3Ac.md,line=3,col=7,title=Unknown role::unknown role \u{201c}agnet\u{201d}%0AHow to fix it: did you mean \u{201c}agent\u{201d}?\n"
        );
    }

    #[test]
    fn github_paths_are_from_the_repository_root() {
        let out = render_github(&[sample()], "careers/site/");
        assert!(
            out.starts_with("::error file=careers/site/content/stories/a.md,line=3,col=7,"),
            "{out}"
        );
        assert!(!out.contains('`'), "{out}");
    }

    #[test]
    fn json_output_has_the_documented_fields() {
        let out = render(&[sample()], Format::Json, &BTreeMap::new());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["file"], "content/stories/a.md");
        assert_eq!(v[0]["line"], 3);
        assert_eq!(v[0]["column"], 7);
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["code"], "unknown-role");
        assert_eq!(v[0]["help"], "did you mean `agent`?");
    }
}
