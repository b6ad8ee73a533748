//! `launchpad new story "Maria Santos"`: a story file with every front
//! matter field, each explained, and `consent: false` until the person has
//! agreed to publication.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

/// What `new story` wrote.
#[derive(Debug)]
pub struct NewStory {
    pub path: PathBuf,
    pub slug: String,
}

/// Creates `content/stories/SLUG.md` for `name` under `root` (the slug is
/// the name's unless given). Refuses to overwrite an existing story (file or
/// bundle) and suggests a free slug.
pub fn new_story(
    root: &Path,
    name: &str,
    slug: Option<&str>,
    today: jiff::civil::Date,
) -> anyhow::Result<NewStory> {
    let name = name.trim();
    let slug = slug::slugify(slug.unwrap_or(name));
    if slug.is_empty() {
        bail!(
            "`{name}` gives an empty file name; use the person's name in Latin letters, e.g. `Maria Santos`"
        );
    }
    let stories = root.join("content/stories");
    if !root.join("content").is_dir() {
        bail!(
            "no content/ folder in {} (run `launchpad init DIR` first, or pass --root)",
            root.display()
        );
    }
    let taken = |s: &str| stories.join(format!("{s}.md")).exists() || stories.join(s).exists();
    if taken(&slug) {
        let free = (2..)
            .map(|n| format!("{slug}-{n}"))
            .find(|s| !taken(s))
            .expect("a free name exists");
        bail!(
            "content/stories/{slug} already exists; launchpad never overwrites a story.\n\
             help: for another person of the same name, run `launchpad new story \"{name}\" --slug {free}`"
        );
    }
    let entry_role = entry_role(root).unwrap_or_else(|| "agent".to_string());
    fs::create_dir_all(&stories).with_context(|| format!("cannot create {}", stories.display()))?;
    let path = stories.join(format!("{slug}.md"));
    fs::write(&path, template(name, &entry_role, today))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(NewStory { path, slug })
}

/// The role a new story starts in: the first of site.yaml's `entry_roles`
/// that career.yaml defines, else the first role marked `entry: true`,
/// else the first role. Both files are read with the build's own loader,
/// so flow style, comments and anchors are understood as `check` reads
/// them. `None` when career.yaml is missing or has errors (check says what).
fn entry_role(root: &Path) -> Option<String> {
    let raw = crate::content::load(root).ok()?;
    let (site, career) = crate::validate::settings(&raw, &mut Vec::new());
    let career = career?;
    let listed = site
        .iter()
        .flat_map(|s| &s.entry_roles)
        .map(|t| t.value.as_str())
        .find(|id| career.role(id).is_some());
    listed
        .or_else(|| career.roles.iter().find(|r| r.entry).map(|r| r.id.as_str()))
        .or_else(|| career.roles.first().map(|r| r.id.as_str()))
        .map(str::to_string)
}

fn template(name: &str, entry_role: &str, today: jiff::civil::Date) -> String {
    let month = format!("{:04}-{:02}", today.year(), today.month());
    let quoted = serde_json::to_string(name).expect("a string serializes");
    let docs = super::DOCS;
    format!(
        r#"---
# Your alumni story. Fill in the fields, write the story below the second
# `---`, and open a pull request: `launchpad check` comments on any line
# that needs fixing. The full format:
# {docs}

# Your name, as it should appear on the site.
name: {quoted}
# One line that sums up your journey; it is the title of your card.
headline: "From the phones to ... in ... years"
# Set to true only once you have agreed to publication. Stories with
# `consent: false` are never published anywhere.
consent: false
# The day the story is published (YYYY-MM-DD).
date: {today}
# Set to false when the story is ready; drafts are not published.
draft: true
# Where you work (optional): remove the # to use it.
# location: Lisbon, Portugal
# A sentence from the story to pull out on the page (optional).
# quote: The calls taught me what our customers actually need.
# Your roles, oldest first. `role` is an id from content/career.yaml.
# `from` and `to` are months (YYYY-MM); the current role has no `to`.
# `title` (your exact job title) and `note` are optional.
journey:
  - role: {entry_role}
    from: {month}
    # note: Night shift, Portuguese and Spanish lines
# A photo beside this file (then move the story into a folder
# content/stories/NAME/index.md with the photo next to it), and a description
# of it for people who cannot see it.
# photo: portrait.jpg
# photo_alt: Me at the office
# Words candidates can filter by (optional).
tags: []
# Skills the journey taught you (optional).
skills: []
# Links with a label and an https:// or mailto: address (optional).
links: []
---

How did you start? What helped you move? What would you tell someone
starting on the phones today? Write in Markdown: **bold**, *italics*,
lists, and [links](https://example.com). HTML is shown as text.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_file_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        let today = jiff::civil::date(2026, 11, 22);
        let made = new_story(dir.path(), "João Conceição", None, today).unwrap();
        assert_eq!(made.slug, "joao-conceicao");
        let text = std::fs::read_to_string(&made.path).unwrap();
        assert!(text.contains("name: \"João Conceição\""));
        assert!(text.contains("consent: false"));
        assert!(text.contains("date: 2026-11-22"));
        assert!(text.contains("from: 2026-11"));
    }

    #[test]
    fn an_existing_story_is_never_overwritten_and_a_free_name_is_suggested() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/stories/maria-santos")).unwrap();
        std::fs::write(dir.path().join("content/stories/maria-santos-2.md"), "x").unwrap();
        let err = new_story(
            dir.path(),
            "Maria Santos",
            None,
            jiff::civil::date(2026, 1, 1),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("already exists"), "{err}");
        assert!(err.contains("maria-santos-3"), "{err}");
    }
}
