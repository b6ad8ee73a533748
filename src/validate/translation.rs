//! A story's translation: `NAME.pt-pt.md` beside `NAME.md`, or
//! `index.pt-pt.md` beside a bundle's `index.md`. It carries the story's
//! words in that language (name, headline, quote, location, skills,
//! links, the journey's titles and notes, the photo's description and
//! the text); the facts (journey roles and dates, consent, photo, tags,
//! date, draft, slug) are the original's. A translation may repeat a
//! fact, so that a translator can start from a copy of the original, but
//! not change it: a story must say the same thing in every language.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::content::RawStory;
use crate::content::types::{Body, LanguageText, Photo, Step, Story};
use crate::content::yaml::{Node, Value};
use crate::diagnostics::{self, Diagnostic, Pos, Reporter};
use crate::markdown;
use crate::validate::fields::Fields;
use crate::validate::limits;
use crate::validate::localized::{self, Untranslated};
use crate::validate::story::{self, KEYS, STEP_KEYS, StoryContext};
use crate::validate::{Remembered, StoryMemo};

/// Each language's stories translated into it, checked against their
/// originals; and for a site of several languages, a warning for each
/// published story a language has no translation of.
pub fn translations(
    originals: &[&RawStory],
    translated: &[&RawStory],
    stories: &[Arc<Story>],
    cx: &StoryContext<'_>,
    drafts: bool,
    memo: Option<&StoryMemo>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<LanguageText> {
    let languages = cx.languages;
    // Read by every translation without a lock; what is validated again
    // is remembered after.
    let known = memo.map(StoryMemo::take).unwrap_or_default();
    let fresh: Mutex<Vec<(String, Remembered)>> = Mutex::new(Vec::new());
    let mut texts = vec![LanguageText::default(); languages.len().max(1)];
    let raw_of: HashMap<(&str, &str), &RawStory> = originals
        .iter()
        .map(|s| ((s.dir.as_str(), s.name.as_str()), *s))
        .collect();
    let story_of: HashMap<&str, &Arc<Story>> =
        stories.iter().map(|s| (s.file.as_str(), s)).collect();
    let language_of = |s: &Story| s.language_in(languages.iter().map(String::as_str));
    let made = diagnostics::par_map(translated, diags, |t, local| {
        let tag = t.translation.as_deref().unwrap_or_default();
        let mut r = Reporter::new(&t.source.path, local);
        if languages.is_empty() {
            return None;
        }
        let Some(i) = languages.iter().position(|l| l.eq_ignore_ascii_case(tag)) else {
            r.error(
                Pos::START,
                "unknown-language",
                format!(
                    "`{tag}`, in this file's name, is not one of the site's languages ({})",
                    languages.join(", ")
                ),
            )
            .help("a translation is named NAME.TAG.md (`maria-santos.pt-pt.md`) with a language from `languages:` in content/site.yaml; add the language there, or rename the file");
            return None;
        };
        let Some(original_raw) = raw_of.get(&(t.dir.as_str(), t.name.as_str())) else {
            let original = match t.dir.as_str() {
                "content/stories" => format!("content/stories/{}.md", t.name),
                dir => format!("{dir}/index.md"),
            };
            r.error(
                Pos::START,
                "translation-without-original",
                format!("this file translates {original}, which does not exist"),
            )
            .help(format!(
                "a translation sits beside its original: add {original}; or, if this story is written only in {tag}, rename the file without `.{tag}` and write `lang: {}` in its front matter",
                languages[i]
            ));
            return None;
        };
        // An original with errors has them reported on its own file.
        let original = story_of.get(original_raw.source.path.as_str())?;
        if language_of(original) == i {
            r.error(
                Pos::START,
                "translation-into-own-language",
                format!("{} is written in {} already", original.file, languages[i]),
            )
            .help("remove this file, or rename it for the language it is written in");
            return None;
        }
        let path = &t.source.path;
        // With the memo, an original has a key, and so does its translation:
        // unchanged, with an unchanged original, it stands as it was.
        let key = original.memo_key.map(|k| translation_key(k, t));
        if let Some(m) = key.and_then(|k| known.get(path).filter(|m| m.key == k)) {
            local.extend(m.result.1.iter().cloned());
            return m.result.0.clone().map(|story| (i, path.clone(), story));
        }
        let pair = Pair {
            raw: t,
            original_raw,
            original,
            lang: (i > 0).then(|| languages[i].as_str()),
            tag,
        };
        let mut found = Vec::new();
        let story = translation(&pair, cx, &mut Reporter::new(path, &mut found)).map(
            |(story, untranslated)| {
                localized::warn(path, &languages[i], &untranslated, &mut found);
                Arc::new(story)
            },
        );
        local.extend(found.iter().cloned());
        if let Some(key) = key {
            let result = (story.clone(), found);
            fresh.lock().expect("memo lock").push((
                path.clone(),
                Remembered {
                    shared: key,
                    key,
                    result,
                },
            ));
        }
        story.map(|story| (i, path.clone(), story))
    });
    if let Some(memo) = memo {
        memo.put_back(known, fresh.into_inner().expect("memo lock"));
    }
    for (i, file, story) in made {
        let slug = story.slug.clone();
        match texts[i].stories.get(&slug) {
            Some(first) => {
                Reporter::new(&file, diags)
                    .error(
                        Pos::START,
                        "duplicate-translation",
                        format!(
                            "{} translates the same story into {} already",
                            first.file, languages[i]
                        ),
                    )
                    .help("keep one translation per language: remove or merge the other");
            }
            None => {
                texts[i].stories.insert(slug, story);
            }
        }
    }
    if languages.len() > 1 {
        // Stories left out of the site need no translation yet.
        for story in stories.iter().filter(|s| s.is_published(drafts)) {
            let own = language_of(story);
            for (i, text) in texts.iter().enumerate() {
                if i != own && !text.stories.contains_key(&story.slug) {
                    Reporter::new(&story.file, diags)
                        .warning(
                            Pos::START,
                            "untranslated",
                            format!("this story has no {} translation", languages[i]),
                        )
                        .help(format!(
                            "translate it in a file beside it named for the language ({}), with its words in {}",
                            translation_file(&story.file, &languages[i]),
                            languages[i]
                        ))
                        .language(&languages[i]);
                }
            }
        }
    }
    texts
}

/// Where the translation of the story in `file` into `tag` goes.
fn translation_file(file: &str, tag: &str) -> String {
    let stem = file.strip_suffix(".md").unwrap_or(file);
    format!("{stem}.{}.md", tag.to_ascii_lowercase())
}

/// Front matter fields that are the original's.
const FACTS: &[&str] = &["photo", "consent", "date", "draft", "tags", "slug"];
const STEP_FACTS: &[&str] = &["role", "from", "to"];

/// A translation and the original it translates.
pub struct Pair<'a> {
    pub raw: &'a RawStory,
    pub original_raw: &'a RawStory,
    pub original: &'a Story,
    /// The language, as site.yaml writes it; `None` for the default.
    pub lang: Option<&'a str>,
    /// As the file name writes it, for messages.
    pub tag: &'a str,
}

/// The story in the translation's words, with the original's facts, and
/// the words it leaves in the original's language; `None` after an error.
pub fn translation(
    pair: &Pair<'_>,
    cx: &StoryContext<'_>,
    r: &mut Reporter<'_>,
) -> Option<(Story, Vec<Untranslated>)> {
    let (node, split) = story::front_matter(&pair.raw.source.text, r)?;
    let f = Fields::of(&node, KEYS, "a translation's front matter", r)?;
    // The original is valid, so its front matter parses; it is parsed
    // again only to compare the facts or the journey a translation gives.
    let repeats = FACTS
        .iter()
        .chain(&["journey"])
        .any(|key| f.get(key).is_some());
    let original_node = repeats
        .then(|| {
            story::front_matter(
                &pair.original_raw.source.text,
                &mut Reporter::new("", &mut Vec::new()),
            )
        })
        .flatten()
        .map(|(node, _)| node);
    let original_fields = original_node
        .as_ref()
        .and_then(|n| Fields::of(n, KEYS, "", &mut Reporter::new("", &mut Vec::new())));
    let original = pair.original;
    let from = &original.file;

    let mut ok = true;
    for key in FACTS {
        if let Some(given) = f.get(key) {
            let theirs = original_fields.as_ref().and_then(|o| o.get(key));
            ok &= same_fact(key, given, theirs, from, r);
        }
    }
    if let Some(t) = f.text("lang", r)
        && !t.value.trim().eq_ignore_ascii_case(pair.tag)
    {
        r.error(
            t.pos,
            "translation-language",
            format!(
                "`lang: {}` is not the language of this file's name ({})",
                t.value, pair.tag
            ),
        )
        .help("a translation's language is the one in its file name: remove `lang:`, or rename the file");
        ok = false;
    }

    let mut untranslated = Vec::new();
    let mut left = |pos: Pos, key: &str| {
        untranslated.push(Untranslated {
            pos,
            key: key.to_string(),
        })
    };
    let name = f
        .text("name", r)
        .and_then(|t| limits::chars(t, "name", limits::NAME_CHARS, r))
        .map(|t| t.value);
    let headline = f
        .text("headline", r)
        .and_then(|t| limits::chars(t, "headline", limits::HEADLINE_CHARS, r))
        .map(|t| t.value);
    if headline.is_none() && f.get("headline").is_none() {
        left(Pos::START, "headline");
    }
    let quote = story::optional_text(&f, "quote", limits::QUOTE_CHARS, r);
    if matches!(quote, Some(None)) && original.quote.is_some() {
        left(Pos::START, "quote");
    }
    let location = story::optional_text(&f, "location", limits::LOCATION_CHARS, r);
    let skills = match f.get("skills") {
        Some(_) => story::tag_list(&f, "skills", r),
        None => Some(original.skills.clone()),
    };
    let links = match f.get("links") {
        Some(_) => story::links(&f, r),
        None => Some(original.links.clone()),
    };
    let alt = f
        .text("photo_alt", r)
        .and_then(|t| limits::chars(t, "photo_alt", limits::PHOTO_ALT_CHARS, r))
        .map(|t| t.value);
    if alt.is_none() && original.photo.as_ref().is_some_and(|p| !p.alt.is_empty()) {
        left(Pos::START, "photo_alt");
    }
    let original_steps = original_fields
        .as_ref()
        .map(|o| o.list("journey", &mut Reporter::new("", &mut Vec::new())))
        .unwrap_or_default();
    let journey = journey(&f, original, original_steps, from, r, &mut left);
    let body = if split.body.trim().is_empty() {
        left(Pos::new(split.body_first_line, 1), "the story's text");
        None
    } else {
        let rendered = markdown::render(split.body, split.body_first_line, cx.image_sources, r);
        Some((Body::compressed(&rendered.html), rendered.summary))
    };

    let (Some(quote), Some(location), Some(skills), Some(links), Some(journey), true) =
        (quote, location, skills, links, journey, ok)
    else {
        return None;
    };
    let (body, summary) = match body {
        Some(body) => body,
        None => (original.body.clone(), original.summary.clone()),
    };
    let story = Story {
        file: pair.raw.source.path.clone(),
        name: name.unwrap_or_else(|| original.name.clone()),
        headline: headline.unwrap_or_else(|| original.headline.clone()),
        photo: original.photo.as_ref().map(|p| Photo {
            alt: alt.unwrap_or_else(|| p.alt.clone()),
            ..p.clone()
        }),
        location: location.or_else(|| original.location.clone()),
        quote: quote.or_else(|| original.quote.clone()),
        journey,
        lang: pair.lang.map(str::to_string),
        skills,
        links,
        body,
        summary,
        // Its pages change when either file does.
        memo_key: original.memo_key.map(|key| translation_key(key, pair.raw)),
        ..original.clone()
    };
    Some((story, untranslated))
}

/// A fact the translation gives: it must be the original's.
fn same_fact(
    key: &str,
    given: &Node,
    theirs: Option<&Node>,
    from: &str,
    r: &mut Reporter<'_>,
) -> bool {
    if theirs.is_some_and(|t| same(given, t)) {
        return true;
    }
    let was = match theirs.and_then(|t| t.value.scalar_text()) {
        Some(text) => format!("the original ({from}) has `{key}: {text}`"),
        None if theirs.is_none() => format!("the original ({from}) has no `{key}`"),
        None => format!("the original ({from}) has other `{key}`"),
    };
    r.error(
        given.pos,
        "translation-changes-fact",
        format!("a translation cannot change `{key}`: {was}"),
    )
    .help(format!(
        "a story's facts are the same in every language: remove `{key}:` from this file (the original's is used), or change it in {from}"
    ));
    false
}

/// The journey's steps in the translation's words: as many as the
/// original's, in its order, each with the original's role and months.
fn journey(
    f: &Fields<'_>,
    original: &Story,
    original_steps: &[Node],
    from: &str,
    r: &mut Reporter<'_>,
    left: &mut impl FnMut(Pos, &str),
) -> Option<Vec<Step>> {
    let Some(node) = f.get("journey") else {
        if original
            .journey
            .iter()
            .any(|s| s.title.is_some() || s.note.is_some())
        {
            left(Pos::START, "journey");
        }
        return Some(original.journey.clone());
    };
    let items = f.list("journey", r);
    if items.len() != original.journey.len() {
        r.error(
            node.pos,
            "translation-changes-fact",
            format!(
                "this journey has {} step{}, the original's ({from}) has {}",
                items.len(),
                crate::diagnostics::plural(items.len()),
                original.journey.len()
            ),
        )
        .help("list the original's steps in its order, each with its `title:` and `note:` in this language; roles and months may be left out");
        return None;
    }
    let mut ok = true;
    let mut steps = Vec::with_capacity(items.len());
    for (i, (item, step)) in items.iter().zip(&original.journey).enumerate() {
        let Some(s) = Fields::of(item, STEP_KEYS, "a journey step", r) else {
            ok = false;
            continue;
        };
        let theirs = original_steps
            .get(i)
            .and_then(|n| Fields::of(n, STEP_KEYS, "", &mut Reporter::new("", &mut Vec::new())));
        for key in STEP_FACTS {
            if let Some(given) = s.get(key) {
                let original = theirs.as_ref().and_then(|t| t.get(key));
                ok &= same_fact(key, given, original, from, r);
            }
        }
        let title = story::optional_text(&s, "title", limits::TITLE_CHARS, r);
        let note = story::optional_text(&s, "note", limits::NOTE_CHARS, r);
        let (Some(title), Some(note)) = (title, note) else {
            ok = false;
            continue;
        };
        if (title.is_none() && step.title.is_some()) || (note.is_none() && step.note.is_some()) {
            left(item.pos, "journey");
        }
        steps.push(Step {
            title: title.or_else(|| step.title.clone()),
            note: note.or_else(|| step.note.clone()),
            ..step.clone()
        });
    }
    ok.then_some(steps)
}

/// Whether two values are written alike, wherever they are in their files.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.iter().any(|(k2, v2)| k.name == k2.name && same(v, v2)))
        }
        (Value::Null, Value::Null) => true,
        (x, y) => match (x.scalar_text(), y.scalar_text()) {
            (Some(x), Some(y)) => x.trim() == y.trim(),
            _ => false,
        },
    }
}

/// What a translation is made from: its original (whose key covers its
/// file and everything else a story's validation reads) and its own file.
fn translation_key(original: blake3::Hash, raw: &RawStory) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(original.as_bytes());
    h.update(raw.source.path.as_bytes());
    h.update(&[0]);
    h.update(raw.source.text.as_bytes());
    h.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml;

    #[test]
    fn values_written_alike_are_the_same_wherever_they_are() {
        let a = yaml::parse("tags: [a, b]\nconsent: {publish: true}\n", 0).unwrap();
        let b = yaml::parse("\n\nconsent:\n  publish: true\ntags:\n  - a\n  - b\n", 0).unwrap();
        let c = yaml::parse("tags: [a, c]\nconsent: {publish: true}\n", 0).unwrap();
        assert!(same(&a, &b));
        assert!(!same(&a, &c));
    }
}
