//! `launchpad init DIR`: a new site that builds at once, with a starter
//! catalogue, two example stories (drafts, so nothing fictional is
//! published), a collection, a `.gitignore`, and a
//! GitHub Actions workflow that checks pull requests and publishes to Pages.

use std::fs;
use std::path::Path;

use anyhow::{Context as _, bail};

/// The files of a new site, from `scaffold/site/` in the repository.
const FILES: &[(&str, &str)] = &[
    (
        "content/site.yaml",
        include_str!("../../scaffold/site/content/site.yaml"),
    ),
    (
        "content/career.yaml",
        include_str!("../../scaffold/site/content/career.yaml"),
    ),
    (
        "content/stories/alex-example.md",
        include_str!("../../scaffold/site/content/stories/alex-example.md"),
    ),
    (
        "content/stories/sam-sample.md",
        include_str!("../../scaffold/site/content/stories/sam-sample.md"),
    ),
    (
        "content/collections/first-picks.yaml",
        include_str!("../../scaffold/site/content/collections/first-picks.yaml"),
    ),
    (".gitignore", include_str!("../../scaffold/site/gitignore")),
    (
        ".github/workflows/launchpad.yml",
        include_str!("../../scaffold/site/.github/workflows/launchpad.yml"),
    ),
];

/// The scaffold's placeholders: the launchpad release a new site's workflow
/// installs is the one that created it, so what passed here passes in CI.
fn fill_in(text: &str) -> String {
    text.replace("{{version}}", env!("CARGO_PKG_VERSION"))
        .replace("{{repository}}", env!("CARGO_PKG_REPOSITORY"))
}

/// Creates a new site in `dir`, which must not exist or be empty. Returns
/// the files written, relative to `dir`.
pub fn init(dir: &Path) -> anyhow::Result<Vec<&'static str>> {
    if dir.exists() {
        let mut entries =
            fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty; launchpad init only writes into a new or empty folder",
                dir.display()
            );
        }
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&path, fill_in(text))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(FILES.iter().map(|(rel, _)| *rel).collect())
}
