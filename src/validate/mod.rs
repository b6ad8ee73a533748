//! Validate: raw files -> typed content + diagnostics. Every file is checked
//! even when others are broken, so one run reports every mistake.
//!
//! References between files (a story's roles, a collection's stories) are
//! checked here too; pure functions, no disk access.

pub mod career;
pub mod collection;
pub mod consent;
pub mod fields;
pub mod limits;
pub mod localized;
pub mod openings;
pub mod site;
pub mod story;
pub mod translation;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use crate::content::types::DEFAULT_CONSENT_WARNING_DAYS;
use crate::content::types::{Content, Story};
use crate::content::{RawSite, RawStory, yaml};
use crate::diagnostics::{self, Diagnostic, Reporter};
use crate::validate::fields::did_you_mean;
use crate::validate::story::StoryContext;

/// The result of validation: content if it is usable, and all diagnostics.
pub struct Validated {
    pub content: Option<Content>,
    pub diagnostics: Vec<Diagnostic>,
    /// When `content` is `None`: the stories that are valid by themselves,
    /// so a pull request's summary can still say what will be published.
    pub unbuilt_stories: Vec<Arc<Story>>,
    /// From site.yaml, when it is valid.
    pub base_url: Option<String>,
}

/// Parses YAML starting on line `line_offset + 1` of its file, reporting a
/// syntax error. Every YAML file and front matter goes through here.
pub(crate) fn parse_yaml(text: &str, line_offset: u32, r: &mut Reporter<'_>) -> Option<yaml::Node> {
    match yaml::parse(text, line_offset) {
        Ok(node) => Some(node),
        Err(e) => {
            let help = e.help.unwrap_or_else(|| {
                "check the indentation and quoting; values with `: ` or a leading `*`, `&` or `[` need quotes".into()
            });
            r.error(e.pos, "yaml-syntax", e.message).help(help);
            None
        }
    }
}

/// Stories validated by earlier runs, by file, with the key of everything
/// their validation read (the file, `career.yaml`, the list of files under
/// `content/`, the day): `serve` validates again only the stories a save
/// changed, and hashes again only the files it read again.
#[derive(Default)]
pub struct StoryMemo {
    stories: Mutex<HashMap<String, Remembered>>,
}

impl StoryMemo {
    /// What the last run remembered, to be read without a lock; `put_back`
    /// returns it.
    fn take(&self) -> HashMap<String, Remembered> {
        std::mem::take(&mut *self.stories.lock().expect("memo lock"))
    }

    /// Puts back what `take` took, with `fresh`, this run's new results.
    fn put_back(&self, mut known: HashMap<String, Remembered>, fresh: Vec<(String, Remembered)>) {
        known.extend(fresh);
        *self.stories.lock().expect("memo lock") = known;
    }
}

/// One story's validation and what it was made from.
struct Remembered {
    /// The hash of what every story's validation reads besides its file.
    shared: blake3::Hash,
    key: blake3::Hash,
    result: StoryResult,
}

/// One story's validation: the story if it is valid, and what was found.
type StoryResult = (Option<Arc<Story>>, Vec<Diagnostic>);

/// `site.yaml` and `career.yaml`, each if it is valid, and the roles
/// site.yaml names (entry roles, title rules) checked against career.yaml.
pub fn settings(
    raw: &RawSite,
    diags: &mut Vec<Diagnostic>,
) -> (
    Option<crate::content::types::SiteConfig>,
    Option<crate::content::types::Career>,
) {
    let (site, career, _) = settings_and_career(raw, diags);
    (site, career)
}

/// site.yaml's texts given per language.
const SITE_TEXTS: &[&str] = &["title", "description"];

/// [`settings`], and site.yaml and career.yaml as they are written, to
/// read in each language.
fn settings_and_career(
    raw: &RawSite,
    diags: &mut Vec<Diagnostic>,
) -> (
    Option<crate::content::types::SiteConfig>,
    Option<crate::content::types::Career>,
    Written,
) {
    let mut written = Written::default();
    let site = raw.site_yaml.as_ref().and_then(|file| {
        let mut r = Reporter::new(&file.path, diags);
        let statics: Vec<&str> = raw
            .static_files
            .iter()
            .map(|f| f.out_path.as_str())
            .collect();
        let node = parse_yaml(&file.text, 0, &mut r)?;
        // The languages are site.yaml's own: read it with the first of
        // each text's languages, then take the default's.
        let mut scratch = Vec::new();
        let quiet = &mut Reporter::new(&file.path, &mut scratch);
        let (first, _) = localized::resolve_top(&node, SITE_TEXTS, &[], 0, quiet);
        let mut site = site::site(&first, &statics, &mut r)?;
        let languages = language_tags(Some(&site));
        let (default, _) = localized::resolve_top(&node, SITE_TEXTS, &languages, 0, &mut r);
        let default = crate::validate::fields::Fields::of(&default, &[], "", quiet);
        if let Some(f) = default {
            site.title = f.text("title", quiet).map_or(site.title, |t| t.value);
            site.description = f
                .text("description", quiet)
                .map_or(site.description, |t| t.value);
        }
        written.site = Some(node);
        Some(site)
    });
    let languages = language_tags(site.as_ref());
    let career = raw.career_yaml.as_ref().and_then(|file| {
        let mut r = Reporter::new(&file.path, diags);
        written.career = parse_yaml(&file.text, 0, &mut r);
        let (resolved, _) = localized::resolve(written.career.as_ref()?, &languages, 0, &mut r);
        career::career(&resolved, &mut r)
    });
    if let (Some(site), Some(career), Some(file)) = (&site, &career, &raw.site_yaml) {
        let role_ids: Vec<&str> = career.roles.iter().map(|r| r.id.as_str()).collect();
        let mut r = Reporter::new(&file.path, diags);
        let named = site
            .entry_roles
            .iter()
            .chain(site.boards.rules.iter().map(|rule| &rule.role));
        for role in named {
            career::check_ref(role, "role", &role_ids, &mut r);
        }
    }
    (site, career, written)
}

/// site.yaml and career.yaml as written, with each text in every language.
#[derive(Default)]
struct Written {
    site: Option<yaml::Node>,
    career: Option<yaml::Node>,
}

/// The site's language tags, the default first; none when site.yaml does
/// not validate.
fn language_tags(site: Option<&crate::content::types::SiteConfig>) -> Vec<String> {
    site.map(|s| s.languages.iter().map(|l| l.tag.clone()).collect())
        .unwrap_or_default()
}

pub fn validate(raw: &RawSite, drafts: bool, today: jiff::civil::Date) -> Validated {
    validate_with(raw, drafts, today, None)
}

/// `validate`, taking unchanged stories from `memo` and keeping this run's
/// results in it for the next.
pub fn validate_with(
    raw: &RawSite,
    drafts: bool,
    today: jiff::civil::Date,
    memo: Option<&StoryMemo>,
) -> Validated {
    let mut diags = raw.diagnostics.clone();
    let (site, career, written) = settings_and_career(raw, &mut diags);

    // Before the stories: parsing the file is transient memory, which then
    // does not stack on theirs.
    let openings = raw.openings.as_ref().map_or_else(Vec::new, |file| {
        let mut r = Reporter::new(&file.path, &mut diags);
        openings::openings(file, career.as_ref(), today, &mut r)
    });

    let image_sources = site
        .as_ref()
        .map_or_else(Vec::new, crate::content::types::SiteConfig::image_sources);
    let languages = language_tags(site.as_ref());
    let cx = StoryContext {
        languages: &languages,
        image_sources: &image_sources,
        career: career.as_ref(),
        files: &raw.files,
        today: consent::Today {
            date: today,
            warn_days: site
                .as_ref()
                .map_or(DEFAULT_CONSENT_WARNING_DAYS, |s| s.consent_warning_days),
        },
    };
    let (originals, translated): (Vec<&RawStory>, Vec<&RawStory>) =
        raw.stories.iter().partition(|s| s.translation.is_none());
    let stories: Vec<Arc<Story>> = match memo {
        None => diagnostics::par_map(&originals, &mut diags, |s, local| {
            story::story(s, &cx, &mut Reporter::new(&s.source.path, local)).map(Arc::new)
        }),
        Some(memo) => memoized_stories(raw, &originals, &cx, memo, &mut diags),
    };
    check_unique_slugs(&stories, &mut diags);
    let mut texts = translation::translations(
        &originals,
        &translated,
        &stories,
        &cx,
        drafts,
        memo,
        &mut diags,
    );

    let mut collections = Vec::new();
    for file in &raw.collections {
        let mut r = Reporter::new(&file.path, &mut diags);
        let node = parse_yaml(&file.text, 0, &mut r);
        let in_default = node
            .as_ref()
            .map(|node| localized::resolve(node, &languages, 0, &mut r).0);
        collections.extend(in_default.and_then(|node| collection::collection(file, &node, &mut r)));
        if let Some(node) = &node {
            in_each_language(
                &file.path,
                node,
                &languages,
                &mut texts,
                &mut diags,
                |n, i, r| localized::resolve(n, &languages, i, r),
                |text, resolved, r| {
                    let list = text.collections.get_or_insert_with(Vec::new);
                    list.extend(collection::collection(file, resolved, r));
                },
            );
        }
    }
    if let (Some(file), Some(node)) = (&raw.site_yaml, written.site.as_ref()) {
        in_each_language(
            &file.path,
            node,
            &languages,
            &mut texts,
            &mut diags,
            |n, i, r| localized::resolve_top(n, SITE_TEXTS, &languages, i, r),
            |text, resolved, r| {
                if let Some(f) = fields::Fields::of(resolved, &[], "", r) {
                    text.title = f.text("title", r).map(|t| t.value);
                    text.description = f.text("description", r).map(|t| t.value);
                }
            },
        );
    }
    if let (Some(file), Some(node)) = (&raw.career_yaml, written.career.as_ref()) {
        in_each_language(
            &file.path,
            node,
            &languages,
            &mut texts,
            &mut diags,
            |n, i, r| localized::resolve(n, &languages, i, r),
            |text, resolved, r| {
                text.career = career::career(resolved, r);
            },
        );
    }
    // A story with errors of its own is not also "unknown" where a collection
    // names it: its own diagnostics say what to fix.
    let valid_files: HashSet<&str> = stories.iter().map(|s| s.file.as_str()).collect();
    let broken: BTreeSet<String> = raw
        .stories
        .iter()
        .filter(|s| !valid_files.contains(s.source.path.as_str()))
        .map(|s| slug::slugify(&s.name))
        .collect();
    check_collection_refs(&collections, &stories, &broken, drafts, &mut diags);
    if let (Some(featured), Some(file)) = (
        site.as_ref().and_then(|s| s.featured.as_ref()),
        &raw.site_yaml,
    ) {
        let ids: Vec<&str> = collections.iter().map(|c| c.id.as_str()).collect();
        career::check_ref(
            featured,
            "collection",
            &ids,
            &mut Reporter::new(&file.path, &mut diags),
        );
    }

    diagnostics::sort(&mut diags);
    let ok = diagnostics::error_count(&diags) == 0;
    let base_url = site.as_ref().map(|s| s.base_url.clone());
    let (content, unbuilt_stories) = match (site, career) {
        (Some(site), Some(career)) if ok => (
            Some(Content {
                site,
                career,
                stories,
                collections,
                openings,
                languages: texts,
            }),
            Vec::new(),
        ),
        _ => (None, stories),
    };
    Validated {
        content,
        diagnostics: diags,
        unbuilt_stories,
        base_url,
    }
}

/// Reads `file` (as `node`) in each language after the default: `resolve`
/// gives its YAML in language i, `take` keeps what it says there. Errors
/// are the default language's, reported already; each text left in the
/// default's words is warned.
fn in_each_language(
    file: &str,
    node: &yaml::Node,
    languages: &[String],
    texts: &mut [crate::content::types::LanguageText],
    diags: &mut Vec<Diagnostic>,
    resolve: impl Fn(
        &yaml::Node,
        usize,
        &mut Reporter<'_>,
    ) -> (yaml::Node, Vec<localized::Untranslated>),
    mut take: impl FnMut(&mut crate::content::types::LanguageText, &yaml::Node, &mut Reporter<'_>),
) {
    for (i, text) in texts.iter_mut().enumerate().skip(1) {
        let mut scratch = Vec::new();
        let mut quiet = Reporter::new(file, &mut scratch);
        let (resolved, untranslated) = resolve(node, i, &mut quiet);
        localized::warn(file, &languages[i], &untranslated, diags);
        take(text, &resolved, &mut quiet);
    }
}

fn memoized_stories(
    raw: &RawSite,
    originals: &[&RawStory],
    cx: &StoryContext<'_>,
    memo: &StoryMemo,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Arc<Story>> {
    let mut shared = blake3::Hasher::new();
    // Whether consent has ended depends on the day and the warning period.
    shared.update(cx.today.date.to_string().as_bytes());
    shared.update(&cx.today.warn_days.to_le_bytes());
    if let Some(career) = &raw.career_yaml {
        shared.update(career.text.as_bytes());
    }
    // Whether a story's `lang` is one of the site's languages.
    for language in cx.languages {
        shared.update(language.as_bytes());
        shared.update(&[0]);
    }
    // Which images a body may show depends on site.yaml's `csp`.
    for source in cx.image_sources {
        shared.update(source.as_bytes());
        shared.update(&[0]);
    }
    for f in &raw.files {
        shared.update(f.as_bytes());
        shared.update(&[0]);
    }
    let shared_key = shared.finalize();
    let key = |s: &RawStory| {
        let mut h = blake3::Hasher::new();
        h.update(shared_key.as_bytes());
        for part in [&s.source.path, &s.source.text, &s.name, &s.dir] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.finalize()
    };
    // Read by every story without a lock; what is validated again is
    // remembered after.
    let mut known = memo.take();
    let fresh: Mutex<Vec<(String, Remembered)>> = Mutex::new(Vec::new());
    let stories = diagnostics::par_map(originals, diags, |s, local| {
        let path = &s.source.path;
        // A file not read again since the last run is as it was: its
        // remembered result stands if nothing else it depends on changed.
        let unread = raw.reread.as_ref().is_some_and(|r| !r.contains(path));
        let remembered = known.get(path).filter(|m| m.shared == shared_key);
        let k = match remembered {
            Some(m) if unread => m.key,
            _ => key(s),
        };
        if let Some(m) = known.get(path).filter(|m| m.key == k) {
            local.extend(m.result.1.iter().cloned());
            return m.result.0.clone();
        }
        let mut found = Vec::new();
        let story = story::story(s, cx, &mut Reporter::new(path, &mut found)).map(|story| {
            Arc::new(Story {
                memo_key: Some(k),
                ..story
            })
        });
        local.extend(found.iter().cloned());
        fresh.lock().expect("memo lock").push((
            path.clone(),
            Remembered {
                shared: shared_key,
                key: k,
                result: (story.clone(), found),
            },
        ));
        story
    });
    // Translations are remembered too, under their own files.
    let present: HashSet<&str> = raw.stories.iter().map(|s| s.source.path.as_str()).collect();
    known.retain(|path, _| present.contains(path.as_str()));
    memo.put_back(known, fresh.into_inner().expect("memo lock"));
    stories
}

fn check_unique_slugs(stories: &[Arc<Story>], diags: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, &Story> = BTreeMap::new();
    for s in stories {
        if let Some(other) = first.get(s.slug.as_str()) {
            Reporter::new(&s.file, diags)
                .error(
                    s.slug_pos,
                    "duplicate-slug",
                    format!("the slug `{}` is already used by {}", s.slug, other.file),
                )
                .help("add a different `slug:` to one of the two stories");
        } else {
            first.insert(&s.slug, s);
        }
    }
}

fn check_collection_refs(
    collections: &[crate::content::types::Collection],
    stories: &[Arc<Story>],
    broken: &BTreeSet<String>,
    drafts: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let by_slug: BTreeMap<&str, &Story> = stories.iter().map(|s| (s.slug.as_str(), &**s)).collect();
    for c in collections {
        let mut r = Reporter::new(&c.file, diags);
        for t in &c.stories {
            match by_slug.get(t.value.as_str()) {
                None if broken.contains(&t.value) => {}
                None => {
                    r.error(
                        t.pos,
                        "unknown-story",
                        format!("no story has the slug `{}`", t.value),
                    )
                    .help(did_you_mean(&t.value, by_slug.keys().copied()));
                }
                Some(s) if !s.is_published(drafts) => {
                    r.warning(
                        t.pos,
                        "unpublished-story",
                        format!("`{}` is a draft or has no consent; it is left out", t.value),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
