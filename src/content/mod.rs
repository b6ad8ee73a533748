//! Load: the only stage that reads `content/` and `themes/`. It turns the
//! folder into text files with their site-relative paths, and an inventory of
//! every other file (photos), so that later stages never touch the disk.
//!
//! Symlinks are never followed out of the site: one that points outside the
//! site folder is an error; one that stays inside reads like the file it
//! points to.

pub mod frontmatter;
pub mod types;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Pos, Reporter};

/// Larger text files are refused: no alumni story is 4 MiB of text, and an
/// untrusted pull request must not make the build allocate without bound.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// A text file of the site, read and checked to be UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: what diagnostics print.
    pub path: String,
    pub text: String,
}

/// One story: a Markdown file, or a bundle folder with `index.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct RawStory {
    pub source: SourceFile,
    /// The file stem or bundle folder name: the default slug.
    pub name: String,
    /// The folder that relative photo paths start from (site-relative).
    pub dir: String,
    /// For a translation (`NAME.pt-pt.md`, `index.pt-pt.md`): the language
    /// its file name gives, as written there.
    pub translation: Option<String>,
}

/// Where a story is read from, given a path under `content/` split at
/// `/`: `stories/NAME.md` or `stories/NAME/index.md`, and their
/// translations `NAME.TAG.md` and `NAME/index.TAG.md`.
pub fn story_file(parts: &[&str]) -> Option<StoryName> {
    let (dir, file, bundle) = match parts {
        ["content", "stories", file] => ("content/stories".to_string(), *file, None),
        ["content", "stories", bundle, file] => {
            (format!("content/stories/{bundle}"), *file, Some(*bundle))
        }
        _ => return None,
    };
    let stem = file.strip_suffix(".md")?;
    let (stem, translation) = match stem.rsplit_once('.') {
        Some((stem, tag)) if looks_like_language(tag) => (stem, Some(tag.to_string())),
        _ => (stem, None),
    };
    let name = match bundle {
        None => stem,
        Some(bundle) if stem == "index" => bundle,
        Some(_) => return None,
    };
    Some(StoryName {
        name: name.to_string(),
        dir,
        translation,
    })
}

/// A story file's name, folder and language, from its path.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryName {
    pub name: String,
    pub dir: String,
    pub translation: Option<String>,
}

/// Whether a file name's last part before `.md` reads as a BCP 47 tag
/// (`pt`, `pt-pt`, `zh-hant-tw`): `maria.santos.md` stays a story.
fn looks_like_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A file copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaticFile {
    /// Path inside the output folder, `/`-separated.
    pub out_path: String,
    pub source: PathBuf,
}

/// Everything read from `content/`.
#[derive(Debug, Default, Clone)]
pub struct RawSite {
    pub root: PathBuf,
    pub site_yaml: Option<SourceFile>,
    pub career_yaml: Option<SourceFile>,
    /// `content/openings.yaml` (or `.json`), if the site lists open positions.
    pub openings: Option<SourceFile>,
    pub stories: Vec<RawStory>,
    pub collections: Vec<SourceFile>,
    pub static_files: Vec<StaticFile>,
    /// Every regular file under `content/` (site-relative), for photo checks.
    pub files: BTreeSet<String>,
    /// Problems found while reading: not UTF-8, empty, escaping symlinks.
    pub diagnostics: Vec<Diagnostic>,
    /// After a [`refresh`]: the texts it read again; every other file is as
    /// the previous read found it. `None` after a whole read.
    pub reread: Option<BTreeSet<String>>,
}

impl ThemeFiles {
    /// The text of each template, for printing source lines in diagnostics.
    pub fn sources(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.templates
            .values()
            .map(|f| (f.path.clone(), f.text.clone()))
    }
}

impl RawSite {
    /// Whether `rel` is one of the text files read (settings, career,
    /// a collection or a story).
    fn has_text(&self, rel: &str) -> bool {
        self.texts().any(|f| f.path == rel)
    }

    fn texts(&self) -> impl Iterator<Item = &SourceFile> {
        self.site_yaml
            .iter()
            .chain(&self.career_yaml)
            .chain(&self.openings)
            .chain(&self.collections)
            .chain(self.stories.iter().map(|s| &s.source))
    }

    /// Puts `file` in place of the text read from the same path.
    fn replace_text(&mut self, file: SourceFile) {
        let slots = self
            .site_yaml
            .iter_mut()
            .chain(self.career_yaml.iter_mut())
            .chain(self.openings.iter_mut())
            .chain(self.collections.iter_mut())
            .chain(self.stories.iter_mut().map(|s| &mut s.source));
        for slot in slots {
            if slot.path == file.path {
                *slot = file;
                return;
            }
        }
    }

    /// Keeps of each story file only its front matter, unless `diagnostics`
    /// (validation's) name it: after validation, a story's body lives on as
    /// its HTML, and what the later stages report on a story (its photo, its
    /// card) is in its front matter. The bodies of 10,000 stories are 65 MB
    /// a language, held until the end of a build for nothing.
    pub fn keep_front_matter(&mut self, diagnostics: &[Diagnostic]) {
        let named: BTreeSet<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
        for story in &mut self.stories {
            if named.contains(story.source.path.as_str()) {
                continue;
            }
            if let Ok(body_start) = frontmatter::split(&story.source.text).map(|s| s.body_start) {
                story.source.text.truncate(body_start);
                story.source.text.shrink_to_fit();
            }
        }
    }

    /// The text of each file read that `diagnostics` name, to quote lines
    /// from. Only those: a clean build of 10,000 stories would otherwise
    /// copy every text once more.
    pub fn sources(&self, diagnostics: &[Diagnostic]) -> BTreeMap<String, String> {
        let named: BTreeSet<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
        let singles = [&self.site_yaml, &self.career_yaml, &self.openings];
        singles
            .into_iter()
            .flatten()
            .chain(self.stories.iter().map(|s| &s.source))
            .chain(&self.collections)
            .filter(|file| named.contains(file.path.as_str()))
            .map(|file| (file.path.clone(), file.text.clone()))
            .collect()
    }
}

/// Where a walked path leads, after the symlink policy is applied.
enum Entry {
    File(PathBuf),
    Dir,
    Skip,
}

struct Walker {
    root: PathBuf,
    canonical_root: PathBuf,
    diagnostics: Vec<Diagnostic>,
}

impl Walker {
    fn rel(&self, path: &Path) -> String {
        relative_slash_path(&self.root, path)
    }

    /// Everything under `dir`, sorted by name; a folder or file that cannot
    /// be read is reported on its path, never skipped in silence.
    fn entries(&mut self, dir: &Path) -> Vec<walkdir::DirEntry> {
        let mut out = Vec::new();
        for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
            match entry {
                Ok(entry) => out.push(entry),
                Err(e) => {
                    let rel = self.rel(e.path().unwrap_or(dir));
                    Reporter::new(&rel, &mut self.diagnostics)
                        .error(Pos::START, "unreadable-file", format!("cannot read: {e}"))
                        .help("check the permissions of this file or folder");
                }
            }
        }
        out
    }

    /// The first hidden name (`.git`, `.env`) on the way from the site
    /// folder to `target`, which must be inside it.
    fn hidden_part(&self, target: &Path) -> Option<String> {
        let rel = target.strip_prefix(&self.canonical_root).ok()?;
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .find(|name| name.starts_with('.'))
            .map(|name| name.into_owned())
    }

    fn classify(&mut self, entry: &walkdir::DirEntry) -> Entry {
        let file_type = entry.file_type();
        if file_type.is_dir() {
            return Entry::Dir;
        }
        if file_type.is_file() {
            return Entry::File(entry.path().to_path_buf());
        }
        if !file_type.is_symlink() {
            return Entry::Skip;
        }
        let rel = self.rel(entry.path());
        let target = fs::canonicalize(entry.path());
        if let Ok(Some(hidden)) = target.as_ref().map(|t| self.hidden_part(t)) {
            Reporter::new(&rel, &mut self.diagnostics)
                .error(
                    Pos::START,
                    "symlink-hidden",
                    format!("this symlink points into `{hidden}`, a hidden folder or file, which is never published"),
                )
                .help("hidden files (.git, .env...) can hold secrets; copy the file you mean into the site instead");
            return Entry::Skip;
        }
        match target {
            Ok(target) if target.starts_with(&self.canonical_root) && target.is_file() => {
                Entry::File(target)
            }
            Ok(target) if target.starts_with(&self.canonical_root) => {
                Reporter::new(&rel, &mut self.diagnostics)
                    .warning(
                        Pos::START,
                        "symlink-ignored",
                        "this symlink to a folder is not followed",
                    )
                    .help("move the folder here instead of linking to it");
                Entry::Skip
            }
            _ => {
                Reporter::new(&rel, &mut self.diagnostics)
                    .error(
                        Pos::START,
                        "symlink-escape",
                        "this symlink points outside the site folder (or nowhere)",
                    )
                    .help("copy the file into the site instead of linking to it");
                Entry::Skip
            }
        }
    }
}

fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// A Markdown file under content/stories/ that is not where a story is read
/// from (`NAME.md` or `NAME/index.md`): its author meant it as a story, so
/// say why it is not one rather than leave it out in silence.
fn warn_unread_story(rel: &str, parts: &[&str], diagnostics: &mut Vec<Diagnostic>) {
    let file = parts[parts.len() - 1];
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let (message, help) = match parts {
        [_] => (
            format!(
                "`{file}` is not read as a story: a story file's name must end in `.md`, in lower case"
            ),
            format!("rename it to `{stem}.md`"),
        ),
        [folder, _] => {
            let story = format!("content/stories/{folder}/index.md");
            (
                format!(
                    "`{file}` is not read as a story: in a story folder, the story must be `index.md`"
                ),
                format!(
                    "rename it to `{story}`, or move it out of the stories folder if it is not a story"
                ),
            )
        }
        _ => {
            let story = format!("content/stories/{}/index.md", parts[parts.len() - 2]);
            (
                "stories in folders inside story folders are not read".to_string(),
                format!("move the folder up, so that the story is at `{story}`"),
            )
        }
    };
    Reporter::new(rel, diagnostics)
        .warning(Pos::START, "not-a-story", message)
        .help(help);
}

/// Reads a text file, reporting non-UTF-8, empty and oversized files.
fn read_text(path: &Path, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceFile> {
    let mut report = Reporter::new(rel, diagnostics);
    let bytes = match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_TEXT_BYTES => {
            report
                .error(
                    Pos::START,
                    "file-too-large",
                    format!("file is {} bytes", meta.len()),
                )
                .help(format!("text files must be under {MAX_TEXT_BYTES} bytes"));
            return None;
        }
        Ok(_) => fs::read(path),
        Err(e) => Err(e),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => {
            report.error(
                Pos::START,
                "unreadable-file",
                format!("cannot read this file: {e}"),
            );
            return None;
        }
    };
    text_from_bytes(bytes, &mut report).map(|text| SourceFile {
        path: rel.to_string(),
        text,
    })
}

/// Decodes UTF-8 (dropping a byte-order mark, and reading a lone carriage
/// return as a newline), or reports where it is not.
pub fn text_from_bytes(mut bytes: Vec<u8>, report: &mut Reporter<'_>) -> Option<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => {
            report
                .error(Pos::START, "empty-file", "this file is empty")
                .help("fill it in, or delete it");
            None
        }
        Ok(text) => Some(lone_carriage_returns_as_newlines(text)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let valid = lone_carriage_returns_as_newlines(valid.to_string());
            report
                .error(
                    Pos::after(&valid),
                    "not-utf8",
                    "this file is not UTF-8 text",
                )
                .help("save the file as UTF-8 in your editor (\"Save with encoding\")");
            None
        }
    }
}

/// A carriage return not followed by a newline (old Mac line endings, or
/// one stray) ends a line for YAML, Markdown and editors alike, but not for
/// the rest of the pipeline, which would then place diagnostics on lines
/// the file does not have. Made a newline once, here.
fn lone_carriage_returns_as_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// `root/a/b` -> `a/b`, with `/` on every platform.
pub fn relative_slash_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads `content/` under `root`.
pub fn load(root: &Path) -> anyhow::Result<RawSite> {
    let content = root.join("content");
    if !content.is_dir() {
        anyhow::bail!(
            "no content/ folder in {} (run `launchpad init DIR` to start a site, or pass --root)",
            root.display()
        );
    }
    let canonical_root = fs::canonicalize(root)?;
    let mut walker = Walker {
        root: root.to_path_buf(),
        canonical_root,
        diagnostics: Vec::new(),
    };
    let mut site = RawSite {
        root: root.to_path_buf(),
        ..RawSite::default()
    };

    let mut story_files = Vec::new();
    let mut collection_files = Vec::new();
    let mut single_files = Vec::new();
    let mut openings_files = Vec::new();
    for entry in walker.entries(&content) {
        let rel = walker.rel(entry.path());
        let path = match walker.classify(&entry) {
            Entry::File(path) => path,
            Entry::Dir | Entry::Skip => continue,
        };
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["content", "site.yaml" | "career.yaml"] => single_files.push((path, rel.clone())),
            [
                "content",
                "openings.yaml" | "openings.yml" | "openings.json",
            ] => openings_files.push((path, rel.clone())),
            ["content", "stories", ..] if story_file(&parts).is_some() => {
                if let Some(story) = story_file(&parts) {
                    story_files.push(StoryFile {
                        path,
                        rel: rel.clone(),
                        story,
                    });
                }
            }
            ["content", "stories", rest @ ..] if is_markdown(rest[rest.len() - 1]) => {
                warn_unread_story(&rel, rest, &mut walker.diagnostics);
            }
            ["content", "collections", file]
                if file.ends_with(".yaml") || file.ends_with(".yml") =>
            {
                collection_files.push((path, rel.clone()));
            }
            ["content", "static", rest @ ..] if !rest.is_empty() => {
                site.static_files.push(StaticFile {
                    out_path: rest.join("/"),
                    source: path,
                })
            }
            _ => {}
        }
        site.files.insert(rel);
    }

    for (path, rel) in single_files {
        let file = read_text(&path, &rel, &mut walker.diagnostics);
        if rel.ends_with("site.yaml") {
            site.site_yaml = file;
        } else {
            site.career_yaml = file;
        }
    }
    if let [_, second, ..] = openings_files.as_slice() {
        Reporter::new(&second.1, &mut walker.diagnostics)
            .error(
                Pos::START,
                "duplicate-file",
                format!(
                    "{} and {} both list openings",
                    openings_files[0].1, second.1
                ),
            )
            .help("keep one openings file: remove or rename the other");
    } else if let Some((path, rel)) = openings_files.first() {
        site.openings = read_text(path, rel, &mut walker.diagnostics);
    }
    for (path, rel) in collection_files {
        site.collections
            .extend(read_text(&path, &rel, &mut walker.diagnostics));
    }
    site.stories = read_stories(story_files, &mut walker.diagnostics);
    for required in ["site.yaml", "career.yaml"] {
        let rel = format!("content/{required}");
        if !site.files.contains(&rel) {
            Reporter::new(&rel, &mut walker.diagnostics)
                .error(
                    Pos::START,
                    "missing-file",
                    format!("content/{required} is missing"),
                )
                .help("every site needs content/site.yaml and content/career.yaml; see the README");
        }
    }
    site.diagnostics = walker.diagnostics;
    Ok(site)
}

/// Brings `raw` up to date after the files `changed` (site-relative) were
/// saved, reading only those, as `serve` does after each save. Returns
/// false, changing nothing, when a change needs the whole walk: a file
/// added, removed or turned into a link, or one that no longer reads.
/// Changes under `themes/` are not content (the theme is loaded on every
/// build), and a file that came and went (an editor's temporary file) is
/// no change at all.
pub fn refresh(raw: &mut RawSite, changed: &[String]) -> bool {
    let mut reread: Vec<(String, SourceFile, Vec<Diagnostic>)> = Vec::new();
    for rel in changed {
        if rel.starts_with("themes/") || reread.iter().any(|(r, _, _)| r == rel) {
            continue;
        }
        let path = raw.root.join(rel);
        let meta = fs::symlink_metadata(&path);
        let known = raw.files.contains(rel);
        match meta {
            Err(_) if !known => continue,
            Ok(meta) if known && meta.file_type().is_file() => {}
            _ => return false,
        }
        if !raw.has_text(rel) {
            // A photo or a static file: later stages read it from disk.
            continue;
        }
        let mut found = Vec::new();
        match read_text(&path, rel, &mut found) {
            Some(file) => reread.push((rel.clone(), file, found)),
            None => return false,
        }
    }
    let mut paths = BTreeSet::new();
    for (rel, file, found) in reread {
        raw.diagnostics.retain(|d| d.file != rel);
        raw.diagnostics.extend(found);
        raw.replace_text(file);
        paths.insert(rel);
    }
    raw.reread = Some(paths);
    true
}

/// Stories are read in parallel: a large site has thousands.
fn read_stories(files: Vec<StoryFile>, diagnostics: &mut Vec<Diagnostic>) -> Vec<RawStory> {
    crate::diagnostics::par_map(&files, diagnostics, |f, diags| {
        read_text(&f.path, &f.rel, diags).map(|source| RawStory {
            source,
            name: f.story.name.clone(),
            dir: f.story.dir.clone(),
            translation: f.story.translation.clone(),
        })
    })
}

/// A story file found by the walk, not read yet.
struct StoryFile {
    path: PathBuf,
    rel: String,
    story: StoryName,
}

/// A site's own theme folder: template overrides and static files.
#[derive(Debug, Default)]
pub struct ThemeFiles {
    /// Template name (`story.html`) -> its source.
    pub templates: BTreeMap<String, SourceFile>,
    /// `i18n/LANG.ftl`: language tag -> the file.
    pub strings: BTreeMap<String, SourceFile>,
    pub static_files: Vec<StaticFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `themes/NAME/` if the site has one; the built-in theme fills the gaps.
pub fn load_theme(root: &Path, name: &str) -> anyhow::Result<Option<ThemeFiles>> {
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut walker = Walker {
        root: root.to_path_buf(),
        canonical_root: fs::canonicalize(root)?,
        diagnostics: Vec::new(),
    };
    let mut theme = ThemeFiles::default();
    for sub in ["templates", "static", "i18n"] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        for entry in walker.entries(&base) {
            let Entry::File(path) = walker.classify(&entry) else {
                continue;
            };
            let rel = walker.rel(entry.path());
            let inner = relative_slash_path(&base, entry.path());
            if sub == "templates" {
                if let Some(file) = read_text(&path, &rel, &mut walker.diagnostics) {
                    theme.templates.insert(inner, file);
                }
            } else if sub == "i18n" {
                // Other files there (a README) are not string files.
                let Some(language) = inner.strip_suffix(".ftl").filter(|l| !l.contains('/')) else {
                    continue;
                };
                if let Some(file) = read_text(&path, &rel, &mut walker.diagnostics) {
                    theme.strings.insert(language.to_string(), file);
                }
            } else {
                theme.static_files.push(StaticFile {
                    out_path: inner,
                    source: path,
                });
            }
        }
    }
    theme.diagnostics = walker.diagnostics;
    Ok(Some(theme))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(path: &str, text: &str) -> RawStory {
        RawStory {
            source: SourceFile {
                path: path.into(),
                text: text.into(),
            },
            name: "a".into(),
            dir: "content/stories".into(),
            translation: None,
        }
    }

    #[test]
    fn after_validation_a_story_keeps_its_front_matter_unless_it_was_reported_on() {
        let text = "---\nname: A\n---\n\nA long body.\n";
        let mut raw = RawSite {
            stories: vec![
                story("content/stories/a.md", text),
                story("content/stories/b.md", text),
            ],
            ..RawSite::default()
        };
        let mut reported = Vec::new();
        Reporter::new("content/stories/b.md", &mut reported).warning(
            Pos::new(5, 1),
            "raw-html",
            "x",
        );
        raw.keep_front_matter(&reported);
        assert_eq!(&*raw.stories[0].source.text, "---\nname: A\n---\n");
        assert_eq!(&*raw.stories[1].source.text, text);
    }
}
