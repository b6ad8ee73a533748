//! `launchpad takedown SLUG`: a person asked to be taken down. The story's
//! consent is marked withdrawn today by editing only its consent lines (the
//! file stays as a record of what was published and when it was
//! withdrawn), the site is built before and after, and the addresses the
//! second build no longer publishes are what CDNs and search engines must
//! forget.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use jiff::civil::Date;

use crate::content::frontmatter;
use crate::{BuildReport, content, public_url, validate, write};

/// The story a slug names.
pub struct Target {
    /// Site-relative.
    pub file: String,
    pub name: String,
}

/// Finds the story file of `slug`: by the slugs validation gives (a story's
/// `slug:` or its file name), else by file name alone, so that a story with
/// errors of its own can still be taken down.
pub fn find(root: &Path, slug: &str, today: Date) -> anyhow::Result<Target> {
    let raw = content::load(root)?;
    let validated = validate::validate(&raw, true, today);
    let stories = validated
        .content
        .as_ref()
        .map_or(&validated.unbuilt_stories, |c| &c.stories);
    if let Some(s) = stories.iter().find(|s| s.slug == slug) {
        return Ok(Target {
            file: s.file.clone(),
            name: s.name.clone(),
        });
    }
    if let Some(s) = raw.stories.iter().find(|s| s.name == slug) {
        return Ok(Target {
            file: s.source.path.clone(),
            name: slug.to_string(),
        });
    }
    let slugs: Vec<&str> = stories.iter().map(|s| s.slug.as_str()).collect();
    match crate::validate::fields::suggest(slug, slugs.iter().copied()) {
        Some(near) => bail!("no story has the slug `{slug}`; did you mean `{near}`?"),
        None => bail!(
            "no story has the slug `{slug}`; the slug is the story's address, as in /stories/SLUG/"
        ),
    }
}

/// A built site's files and a hash of each, to tell which pages a takedown
/// changed. An absent folder is an empty site.
pub fn digest_tree(dir: &Path) -> BTreeMap<String, blake3::Hash> {
    write::files_in(dir)
        .into_iter()
        .filter_map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).ok()?;
            Some((rel, blake3::hash(&bytes)))
        })
        .collect()
}

/// Pages (HTML, feeds, `stories.json`, the sitemap) that both builds have
/// but with other bytes: a cached copy of them may still show the story.
pub fn changed_pages(before: &BTreeMap<String, blake3::Hash>, report: &BuildReport) -> Vec<String> {
    let after = digest_tree(&report.out);
    let mut urls: Vec<String> = after
        .iter()
        .filter(|(rel, hash)| before.get(*rel).is_some_and(|old| old != *hash))
        .filter(|(rel, _)| {
            !rel.ends_with(".png") && !rel.ends_with(".jpg") && !rel.ends_with(".webp")
        })
        .map(|(rel, _)| public_url(&report.base_url, rel))
        .collect();
    urls.sort();
    urls
}

/// Marks the story at `root/file` withdrawn on `today`, in place.
pub fn mark_withdrawn(root: &Path, file: &str, today: Date) -> anyhow::Result<PathBuf> {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let edited = withdraw(&text, today)
        .map_err(|why| anyhow::anyhow!("cannot edit {}: {why}", path.display()))?;
    // Through a temporary file, so a full disk never leaves half a story.
    let tmp = path.with_extension("md.takedown-tmp");
    std::fs::write(&tmp, edited).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(path)
}

/// The story's text with `withdrawn: TODAY` in its consent; every other
/// byte as it was. `consent: true` (or `false`) becomes
/// `consent: {withdrawn: TODAY}`; a record gains or updates `withdrawn`.
pub fn withdraw(text: &str, today: Date) -> Result<String, String> {
    // The same fences as the loader: `---`, then `---` or `...`.
    let split = frontmatter::split(text).map_err(|e| match e {
        frontmatter::SplitError::Missing => "it does not start with front matter (`---`)",
        frontmatter::SplitError::Unclosed => "its front matter never closes",
    })?;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Lines 1..end are the YAML, after the opening fence.
    let end = 1 + split.yaml.split_inclusive('\n').count();
    let at = (1..end)
        .find(|&i| lines[i].starts_with("consent:"))
        .ok_or("its front matter has no `consent:`")?;
    let line = lines[at];
    let (body, newline) = split_newline(line);
    let value = body["consent:".len()..].trim();
    let day = today.to_string();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if value.is_empty() || value.starts_with('#') {
        // A block record: its lines are the indented ones that follow.
        let block: Vec<usize> = (at + 1..end)
            .take_while(|&i| {
                let l = lines[i];
                l.starts_with([' ', '\t']) || l.trim().is_empty()
            })
            .collect();
        let children: Vec<usize> = block
            .iter()
            .copied()
            .filter(|&i| !lines[i].trim().is_empty() && !lines[i].trim_start().starts_with('#'))
            .collect();
        let Some(&first) = children.first() else {
            return Err("`consent:` has no value".into());
        };
        let indent: String = lines[first]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(&w) = children
            .iter()
            .find(|&&i| lines[i].trim_start().starts_with("withdrawn:"))
        {
            let (_, nl) = split_newline(lines[w]);
            out[w] = format!("{indent}withdrawn: {day}{nl}");
        } else {
            // The closing `---` follows, so the last line has its newline.
            let last = *children.last().expect("not empty");
            let (body, nl) = split_newline(lines[last]);
            out[last] = format!("{body}{nl}{indent}withdrawn: {day}{nl}");
        }
    } else if let Some(inner) = value.strip_prefix('{') {
        let Some(close) = inner.rfind('}') else {
            return Err("the `consent:` record does not close with `}`".into());
        };
        let fields: Vec<String> = inner[..close]
            .split(',')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        // A flow list inside (scope: [text, card]) has commas of its own.
        let mut merged: Vec<String> = Vec::new();
        for f in fields {
            match merged.last_mut() {
                Some(prev) if prev.matches('[').count() > prev.matches(']').count() => {
                    prev.push_str(", ");
                    prev.push_str(&f);
                }
                _ => merged.push(f),
            }
        }
        merged.retain(|f| !f.starts_with("withdrawn:"));
        merged.push(format!("withdrawn: {day}"));
        let rest = &inner[close + 1..];
        out[at] = format!("consent: {{{}}}{rest}{newline}", merged.join(", "));
    } else {
        let comment = value.find(" #").map_or("", |i| &value[i..]);
        out[at] = format!("consent: {{withdrawn: {day}}}{comment}{newline}");
    }
    Ok(out.concat())
}

fn split_newline(line: &str) -> (&str, &str) {
    if let Some(body) = line.strip_suffix("\r\n") {
        (body, "\r\n")
    } else if let Some(body) = line.strip_suffix('\n') {
        (body, "\n")
    } else {
        (line, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Date = jiff::civil::date(2026, 12, 2);

    fn story(consent: &str) -> String {
        format!("---\nname: A\n{consent}date: 2026-01-01\n---\n\nBody with consent: true in it.\n")
    }

    #[test]
    fn a_plain_consent_becomes_a_withdrawn_record() {
        let out = withdraw(&story("consent: true\n"), DAY).unwrap();
        assert_eq!(out, story("consent: {withdrawn: 2026-12-02}\n"));
        let out = withdraw(&story("consent: true # agreed by email\n"), DAY).unwrap();
        assert_eq!(
            out,
            story("consent: {withdrawn: 2026-12-02} # agreed by email\n")
        );
    }

    #[test]
    fn a_flow_record_gains_or_updates_withdrawn() {
        let out = withdraw(
            &story("consent: {given: 2025-01-01, scope: [text, card]}\n"),
            DAY,
        )
        .unwrap();
        assert_eq!(
            out,
            story("consent: {given: 2025-01-01, scope: [text, card], withdrawn: 2026-12-02}\n")
        );
        let out = withdraw(
            &story("consent: {withdrawn: 2027-01-01, given: 2025-01-01}\n"),
            DAY,
        )
        .unwrap();
        assert_eq!(
            out,
            story("consent: {given: 2025-01-01, withdrawn: 2026-12-02}\n")
        );
    }

    #[test]
    fn a_block_record_gains_a_line_and_keeps_the_rest() {
        let before =
            story("consent:\n  given: 2025-01-01\n  # renewed yearly\n  until: 2027-01-01\n");
        let out = withdraw(&before, DAY).unwrap();
        assert_eq!(
            out,
            story(
                "consent:\n  given: 2025-01-01\n  # renewed yearly\n  until: 2027-01-01\n  withdrawn: 2026-12-02\n"
            )
        );
        let before = story("consent:\n    withdrawn: 2030-01-01\n    given: 2025-01-01\n");
        assert_eq!(
            withdraw(&before, DAY).unwrap(),
            story("consent:\n    withdrawn: 2026-12-02\n    given: 2025-01-01\n")
        );
    }

    #[test]
    fn windows_line_endings_stay() {
        let before = story("consent: true\n").replace('\n', "\r\n");
        let out = withdraw(&before, DAY).unwrap();
        assert_eq!(
            out,
            story("consent: {withdrawn: 2026-12-02}\n").replace('\n', "\r\n")
        );
    }

    #[test]
    fn front_matter_closed_with_dots_is_front_matter_too() {
        let before = "---\nname: A\nconsent: true\n...\nconsent: true\n";
        assert_eq!(
            withdraw(before, DAY).unwrap(),
            "---\nname: A\nconsent: {withdrawn: 2026-12-02}\n...\nconsent: true\n"
        );
    }

    #[test]
    fn a_file_without_consent_in_its_front_matter_is_refused() {
        assert!(withdraw("---\nname: A\n---\nconsent: true\n", DAY).is_err());
        assert!(withdraw("no front matter\n", DAY).is_err());
    }
}
