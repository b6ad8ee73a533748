//! One story file: front matter fields, the journey's dates and order, the
//! photo path, link URLs, and the Markdown body.

use std::collections::BTreeSet;

use crate::content::RawStory;
use crate::content::frontmatter::{self, SplitError};
use crate::content::types::{Body, Career, Link, Month, Photo, Step, Story};
use crate::diagnostics::{Pos, Reporter};
use crate::markdown;
use crate::validate::career::check_ref;
use crate::validate::consent::{self, Today};
use crate::validate::fields::{Fields, Text, did_you_mean, is_id};
use crate::validate::limits;

pub(crate) const KEYS: &[&str] = &[
    "name",
    "headline",
    "photo",
    "photo_alt",
    "consent",
    "date",
    "draft",
    "location",
    "quote",
    "journey",
    "tags",
    "skills",
    "links",
    "slug",
    "lang",
];
pub(crate) const STEP_KEYS: &[&str] = &["role", "title", "from", "to", "note"];
pub const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// What the story checks need to know about the rest of the site.
pub struct StoryContext<'a> {
    pub career: Option<&'a Career>,
    /// Every file under `content/`, site-relative.
    pub files: &'a BTreeSet<String>,
    /// The day consent is judged on.
    pub today: Today,
    /// Where a story's body may show images from (`csp: img-src:` in
    /// site.yaml); the page's policy blocks every other site.
    pub image_sources: &'a [String],
    /// The site's language tags, the default first; empty when site.yaml
    /// does not validate (its errors are reported already).
    pub languages: &'a [String],
}

pub fn story(raw: &RawStory, cx: &StoryContext<'_>, r: &mut Reporter<'_>) -> Option<Story> {
    let (node, split) = front_matter(&raw.source.text, r)?;
    let f = Fields::of(&node, KEYS, "a story's front matter", r)?;

    let name = f
        .required_text("name", r, "add `name: Maria Santos`")
        .and_then(|t| limits::chars(t, "name", limits::NAME_CHARS, r));
    let headline = f
        .required_text(
            "headline",
            r,
            "add a one-line `headline:` for the story card",
        )
        .and_then(|t| limits::chars(t, "headline", limits::HEADLINE_CHARS, r));
    let location = optional_text(&f, "location", limits::LOCATION_CHARS, r);
    let quote = optional_text(&f, "quote", limits::QUOTE_CHARS, r);
    let tags = tag_list(&f, "tags", r);
    let skills = tag_list(&f, "skills", r);
    let consent = f
        .required(
            "consent",
            r,
            "add `consent: true` once the alumna or alumnus agreed to publication",
        )
        .and_then(|node| consent::consent(node, cx.today, r));
    let date = f
        .required_text("date", r, "add the publication date: `date: 2026-03-01`")
        .and_then(|t| parse_date(&t, "date", r));
    let journey = journey(&f, cx, r);
    let slug = slug(&f, raw, r);
    let photo = photo(&f, raw, cx, r);
    let links = links(&f, r);
    let lang = lang(&f, cx, r);
    let body = markdown::render(split.body, split.body_first_line, cx.image_sources, r);

    let (slug, slug_pos) = slug?;
    Some(Story {
        file: raw.source.path.clone(),
        slug,
        slug_pos,
        name: name?.value,
        headline: headline?.value,
        // Consent to the text but not the face: no photo anywhere, so
        // the card is drawn without one.
        photo: photo?.filter(|_| consent.is_some_and(|c| c.photo)),
        card: consent.is_some_and(|c| c.card),
        consent: consent?.publish,
        date: date?,
        draft: f.bool("draft", r).unwrap_or(false),
        location: location?,
        quote: quote?,
        journey: journey?,
        tags: tags?,
        skills: skills?,
        links: links?,
        lang: lang?,
        body: Body::Html(body.html.into()),
        summary: body.summary,
        memo_key: None,
    })
}

/// A story file's front matter, parsed, and the file split at it.
pub(crate) fn front_matter<'t>(
    text: &'t str,
    r: &mut Reporter<'_>,
) -> Option<(crate::content::yaml::Node, frontmatter::Split<'t>)> {
    let split = match frontmatter::split(text) {
        Ok(split) => split,
        Err(SplitError::Missing) => {
            r.error(Pos::START, "missing-front-matter", "a story must start with front matter")
                .help("begin the file with a line `---`, the story's fields (name, headline, consent, date, journey), and another `---`");
            return None;
        }
        Err(SplitError::Unclosed) => {
            r.error(
                Pos::START,
                "unclosed-front-matter",
                "the front matter opened here never closes",
            )
            .help("add a line with just `---` after the last field, before the story text");
            return None;
        }
    };
    let node = super::parse_yaml(split.yaml, split.yaml_line_offset, r)?;
    Some((node, split))
}

/// `lang`: the language a story is written in when it is not the site's
/// default, one of `languages` in site.yaml, as site.yaml writes it.
/// `Some(None)` when absent or the default.
fn lang(f: &Fields<'_>, cx: &StoryContext<'_>, r: &mut Reporter<'_>) -> Option<Option<String>> {
    let Some(t) = f.text("lang", r) else {
        return Some(None);
    };
    if cx.languages.is_empty() {
        return Some(None);
    }
    match cx
        .languages
        .iter()
        .position(|l| l.eq_ignore_ascii_case(t.value.trim()))
    {
        Some(0) => Some(None),
        Some(i) => Some(Some(cx.languages[i].clone())),
        None => {
            r.error(
                t.pos,
                "unknown-story-language",
                format!(
                    "`lang: {}` is not one of the site's languages ({})",
                    t.value,
                    cx.languages.join(", ")
                ),
            )
            .help("write one of them, or add the language under `languages:` in content/site.yaml");
            None
        }
    }
}

/// An optional text field: `Some(None)` when absent, `None` after an error.
pub(crate) fn optional_text(
    f: &Fields<'_>,
    key: &str,
    max: usize,
    r: &mut Reporter<'_>,
) -> Option<Option<String>> {
    match f.get(key) {
        None => Some(None),
        Some(_) => f
            .text(key, r)
            .and_then(|t| limits::chars(t, key, max, r))
            .map(|t| Some(t.value)),
    }
}

/// Tags or skills: at most [`limits::TAGS`], each short, duplicates dropped.
pub(crate) fn tag_list(f: &Fields<'_>, key: &str, r: &mut Reporter<'_>) -> Option<Vec<String>> {
    let items = f.text_list(key, r);
    let mut ok = limits::count(f.get(key), items.len(), key, limits::TAGS, r);
    let mut short = Vec::with_capacity(items.len());
    for t in items {
        match limits::chars(t, key, limits::TAG_CHARS, r) {
            Some(t) => short.push(t),
            None => ok = false,
        }
    }
    ok.then(|| dedup(short))
}

fn dedup(items: Vec<Text>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items
        .into_iter()
        .map(|t| t.value.trim().to_string())
        .filter(|v| !v.is_empty() && seen.insert(v.clone()))
        .collect()
}

/// A `YYYY-MM-DD` value of `key` (named in the help).
pub(crate) fn parse_date(t: &Text, key: &str, r: &mut Reporter<'_>) -> Option<jiff::civil::Date> {
    let value = t.value.trim();
    let parsed = (value.len() == 10)
        .then(|| value.parse::<jiff::civil::Date>().ok())
        .flatten();
    if parsed.is_none() {
        r.error(t.pos, "bad-date", format!("`{value}` is not a date"))
            .help(format!(
                "write the date as YYYY-MM-DD, e.g. `{key}: 2026-03-01`"
            ));
    }
    parsed
}

/// The slug: `slug:` if given, else the file or bundle name.
fn slug(f: &Fields<'_>, raw: &RawStory, r: &mut Reporter<'_>) -> Option<(String, Pos)> {
    if let Some(t) = f.text("slug", r) {
        if is_id(&t.value) {
            return Some((t.value, t.pos));
        }
        let fixed = slug::slugify(&t.value);
        r.error(
            t.pos,
            "bad-slug",
            format!("`{}` is not a valid slug", t.value),
        )
        .help(format!(
            "slugs use lowercase a-z, 0-9 and `-`, for example `{fixed}`"
        ));
        return None;
    }
    let fixed = slug::slugify(&raw.name);
    if fixed.is_empty() {
        r.error(Pos::START, "bad-slug", "this file name gives an empty slug")
            .help("rename the file after the person, e.g. `maria-santos.md`, or add `slug:`");
        return None;
    }
    if fixed.len() > limits::SLUG_CHARS {
        r.error(
            Pos::START,
            "too-long",
            format!(
                "this file name gives a slug of {} characters; the most is {}",
                fixed.len(),
                limits::SLUG_CHARS
            ),
        )
        .help("rename the file after the person, e.g. `maria-santos.md`, or add a shorter `slug:`");
        return None;
    }
    Some((fixed, Pos::START))
}

fn journey(f: &Fields<'_>, cx: &StoryContext<'_>, r: &mut Reporter<'_>) -> Option<Vec<Step>> {
    let node = f.required("journey", r, "add the journey, oldest step first: `journey:` then `  - role: agent` and `    from: 2016-04`")?;
    let items = f.list("journey", r);
    if items.is_empty() {
        r.error(
            node.pos,
            "empty-journey",
            "the journey needs at least one step",
        )
        .help("add a step such as `- {role: agent, from: 2016-04}`");
        return None;
    }
    let role_ids: Vec<&str> = cx
        .career
        .map(|c| c.roles.iter().map(|r| r.id.as_str()).collect())
        .unwrap_or_default();
    let mut steps = Vec::new();
    let mut ok = limits::count(Some(node), items.len(), "journey", limits::JOURNEY_STEPS, r);
    for item in items {
        let Some(s) = Fields::of(item, STEP_KEYS, "a journey step", r) else {
            ok = false;
            continue;
        };
        let role = s.required_text(
            "role",
            r,
            "name the role with its id from career.yaml: `role: agent`",
        );
        let from = s
            .required_text("from", r, "add the month the step started: `from: 2016-04`")
            .and_then(|t| month(&t, r));
        let to = s.text("to", r).map(|t| (month(&t, r), t.pos));
        if let (Some(role), true) = (&role, cx.career.is_some()) {
            ok &= check_ref(role, "role", &role_ids, r);
        }
        let to_month = match to {
            Some((Some(m), pos)) => {
                if let Some(from) = from
                    && m < from
                {
                    r.error(
                        pos,
                        "to-before-from",
                        format!("this step ends ({m}) before it starts ({from})"),
                    )
                    .help("check the months: `to` must be the same as or after `from`");
                    ok = false;
                }
                Some((m, pos))
            }
            Some((None, _)) => {
                ok = false;
                None
            }
            None => None,
        };
        let title = optional_text(&s, "title", limits::TITLE_CHARS, r);
        let note = optional_text(&s, "note", limits::NOTE_CHARS, r);
        let (Some(role), Some(from), Some(title), Some(note)) = (role, from, title, note) else {
            ok = false;
            continue;
        };
        steps.push((
            Step {
                role: role.value,
                role_pos: role.pos,
                title,
                from,
                to: to_month.map(|(m, _)| m),
                note,
            },
            item.pos,
        ));
    }
    ok &= check_order(&steps, r);
    ok.then(|| steps.into_iter().map(|(s, _)| s).collect())
}

/// Steps are oldest first, do not overlap, and only the last may be open.
fn check_order(steps: &[(Step, Pos)], r: &mut Reporter<'_>) -> bool {
    let mut ok = true;
    for pair in steps.windows(2) {
        let ((prev, _), (next, next_pos)) = (&pair[0], &pair[1]);
        if next.from < prev.from {
            r.error(
                *next_pos,
                "journey-order",
                format!(
                    "this step starts ({}) before the one above it ({})",
                    next.from, prev.from
                ),
            )
            .help("list the journey oldest first");
            ok = false;
        } else if let Some(prev_to) = prev.to {
            if next.from < prev_to {
                r.error(
                    *next_pos,
                    "journey-overlap",
                    format!(
                        "this step starts ({}) before the step above ends ({prev_to})",
                        next.from
                    ),
                )
                .help("a step may start in the month the previous one ends, not earlier");
                ok = false;
            }
        } else {
            r.error(
                *next_pos,
                "open-step",
                "the step above has no `to`, but only the last step can be current",
            )
            .help(format!("add `to: {}` to the step above", next.from));
            ok = false;
        }
    }
    ok
}

fn month(t: &Text, r: &mut Reporter<'_>) -> Option<Month> {
    let m = Month::parse(&t.value);
    if m.is_none() {
        r.error(t.pos, "bad-month", format!("`{}` is not a month", t.value))
            .help("write months as YYYY-MM, e.g. `2016-04`");
    }
    m
}

/// `Some(None)` for no photo; `None` after reporting a bad one.
fn photo(
    f: &Fields<'_>,
    raw: &RawStory,
    cx: &StoryContext<'_>,
    r: &mut Reporter<'_>,
) -> Option<Option<Photo>> {
    let alt = f
        .text("photo_alt", r)
        .and_then(|t| limits::chars(t, "photo_alt", limits::PHOTO_ALT_CHARS, r));
    let Some(t) = f.text("photo", r) else {
        return Some(None);
    };
    let Some(path) = resolve_photo_path(&raw.dir, &t.value) else {
        r.error(
            t.pos,
            "photo-outside-site",
            format!("`{}` points outside the story's folder", t.value),
        )
        .help("put the photo beside the story (in its bundle folder) and give its file name");
        return None;
    };
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !PHOTO_EXTENSIONS.contains(&ext.as_str()) {
        r.error(
            t.pos,
            "unsupported-image",
            format!("`{}` is not a JPEG, PNG or WebP file", t.value),
        )
        .help("use a .jpg, .png or .webp photo");
        return None;
    }
    if !cx.files.contains(&path) {
        let prefix = format!("{}/", raw.dir);
        let nearby: Vec<&str> = cx
            .files
            .range(prefix.clone()..)
            .take_while(|p| p.starts_with(&prefix))
            .map(|p| &p[prefix.len()..])
            .filter(|p| !p.contains('/') && !p.ends_with(".md"))
            .collect();
        let help = match nearby.is_empty() {
            true => "put the photo in the story's bundle folder (stories/NAME/index.md beside the photo)".to_string(),
            false => did_you_mean(&t.value, nearby.iter().copied()),
        };
        r.error(
            t.pos,
            "missing-photo",
            format!("the photo `{}` does not exist", t.value),
        )
        .help(help);
        return None;
    }
    if alt.is_none() {
        r.warning(
            t.pos,
            "missing-alt",
            "the photo has no `photo_alt` description",
        )
        .help("add `photo_alt:` describing the photo for people who cannot see it");
    }
    Some(Some(Photo {
        path,
        alt: alt.map(|t| t.value).unwrap_or_default(),
        pos: t.pos,
    }))
}

/// Joins a photo path to the story's folder without touching the disk,
/// refusing absolute paths and any path that climbs out of `content/`.
pub fn resolve_photo_path(dir: &str, photo: &str) -> Option<String> {
    if photo.starts_with('/') || photo.contains('\\') || photo.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').collect();
    for part in photo.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let path = parts.join("/");
    let inside_stories = path.starts_with("content/stories/") && dir.starts_with("content/stories");
    (inside_stories && !photo.split('/').any(|p| p == "..")).then_some(path)
}

pub(crate) fn links(f: &Fields<'_>, r: &mut Reporter<'_>) -> Option<Vec<Link>> {
    let mut links = Vec::new();
    let items = f.list("links", r);
    let mut ok = limits::count(f.get("links"), items.len(), "links", limits::LINKS, r);
    for item in items {
        let Some(l) = Fields::of(item, &["label", "url"], "a link", r) else {
            ok = false;
            continue;
        };
        let label = l
            .required_text("label", r, "give the link a `label:` such as LinkedIn")
            .and_then(|t| limits::chars(t, "label", limits::LABEL_CHARS, r));
        let url = l
            .required_text("url", r, "add the link's `url:`")
            .and_then(|t| limits::chars(t, "url", limits::URL_CHARS, r));
        match (label, url) {
            (Some(label), Some(url))
                if markdown::is_safe_url(&url.value) && !url.value.trim().is_empty() =>
            {
                links.push(Link {
                    label: label.value,
                    url: url.value.trim().to_string(),
                })
            }
            (_, Some(url)) if !markdown::is_safe_url(&url.value) || url.value.trim().is_empty() => {
                r.error(
                    url.pos,
                    "bad-url",
                    format!("`{}` is not an http, https or mailto address", url.value),
                )
                .help("links must start with https://, http:// or mailto:");
                ok = false;
            }
            _ => ok = false,
        }
    }
    ok.then_some(links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_paths_stay_inside_the_stories_folder() {
        let dir = "content/stories/maria";
        assert_eq!(
            resolve_photo_path(dir, "portrait.jpg").as_deref(),
            Some("content/stories/maria/portrait.jpg")
        );
        assert_eq!(
            resolve_photo_path(dir, "./img/p.jpg").as_deref(),
            Some("content/stories/maria/img/p.jpg")
        );
        assert_eq!(resolve_photo_path(dir, "../../site.yaml"), None);
        assert_eq!(resolve_photo_path(dir, "../other/p.jpg"), None);
        assert_eq!(resolve_photo_path(dir, "/etc/passwd"), None);
        assert_eq!(resolve_photo_path(dir, "C:\\x.jpg"), None);
    }
}
