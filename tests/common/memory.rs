//! A site held in memory, for stage tests: start from a fixture, change a
//! file, and run a stage (`validate`, `model`) on it directly, asserting on
//! its values. No folder, no process: what only the loader or the binary
//! does (encodings, symlinks, photos, exit codes) is tested end to end.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use launchpad::content::{RawSite, RawStory, SourceFile};
use launchpad::diagnostics::Diagnostic;

#[derive(Clone, Default)]
pub struct MemorySite {
    /// Site-relative path -> text.
    files: BTreeMap<String, String>,
}

impl MemorySite {
    /// The text files of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> MemorySite {
        let base = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let mut site = MemorySite::default();
        let mut todo = vec![base.clone()];
        while let Some(dir) = todo.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    todo.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    let rel = path.strip_prefix(&base).unwrap().to_string_lossy();
                    site.files.insert(rel.replace('\\', "/"), text);
                }
            }
        }
        assert!(!site.files.is_empty(), "no fixture {name}");
        site
    }

    /// The site with `rel` holding `text`.
    pub fn with(mut self, rel: &str, text: impl Into<String>) -> MemorySite {
        self.files.insert(rel.to_string(), text.into());
        self
    }

    /// The site with the first `from` in `rel` replaced by `to`.
    pub fn edited(self, rel: &str, from: &str, to: &str) -> MemorySite {
        let text = self.text(rel).to_string();
        assert!(text.contains(from), "{from:?} is not in {rel}");
        self.with(rel, text.replacen(from, to, 1))
    }

    pub fn without(mut self, rel: &str) -> MemorySite {
        assert!(self.files.remove(rel).is_some(), "no {rel}");
        self
    }

    pub fn text(&self, rel: &str) -> &str {
        self.files.get(rel).unwrap_or_else(|| panic!("no {rel}"))
    }

    /// What the loader would read from these files.
    pub fn raw(&self) -> RawSite {
        let source = |rel: &str| {
            self.files.get(rel).map(|text| SourceFile {
                path: rel.to_string(),
                text: text.as_str().into(),
            })
        };
        let mut stories = Vec::new();
        let mut collections = Vec::new();
        for rel in self.files.keys() {
            let parts: Vec<&str> = rel.split('/').collect();
            match parts.as_slice() {
                ["content", "stories", ..] if launchpad::content::story_file(&parts).is_some() => {
                    let story = launchpad::content::story_file(&parts).unwrap();
                    stories.push(RawStory {
                        source: source(rel).unwrap(),
                        name: story.name,
                        dir: story.dir,
                        translation: story.translation,
                    })
                }
                ["content", "collections", file]
                    if file.ends_with(".yaml") || file.ends_with(".yml") =>
                {
                    collections.push(source(rel).unwrap())
                }
                _ => {}
            }
        }
        RawSite {
            root: "/in-memory".into(),
            site_yaml: source("content/site.yaml"),
            career_yaml: source("content/career.yaml"),
            openings: source("content/openings.yaml").or_else(|| source("content/openings.json")),
            stories,
            collections,
            static_files: Vec::new(),
            files: self.files.keys().cloned().collect::<BTreeSet<String>>(),
            diagnostics: Vec::new(),
            reread: None,
        }
    }

    /// Validation of the site, judged on the tests' day.
    pub fn validate(&self) -> launchpad::validate::Validated {
        launchpad::validate::validate(&self.raw(), false, super::test_day())
    }

    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.validate().diagnostics
    }
}
