//! JSON outputs: the `stories.json` filter index and each story's JSON-LD.
//! JSON that goes inside a `<script>` element has `<`, `>` and `&` written
//! as `\u003c`, `\u003e` and `\u0026`, so a headline containing
//! `</script>` cannot end the element early.

use serde::Serialize;
use serde_json::json;

use crate::render::context::{Urls, role_title};
use crate::site::{Entry, Site};

/// Serialises `value` for embedding in a `<script>` element.
pub fn script_safe(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).expect("JSON values serialize");
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// schema.org `Article` about the story, its author a `Person` whose
/// journey is a list of `Role`s with start and end dates. Never a
/// `JobPosting`: search engines allow that only on real job pages.
pub fn story_json_ld(site: &Site, e: &Entry, canonical: &str) -> String {
    let s = &e.story;
    let occupations: Vec<serde_json::Value> = s
        .journey
        .iter()
        .map(|step| {
            let mut role = json!({
                "@type": "Role",
                "roleName": step.title.clone().unwrap_or_else(|| role_title(site, &step.role)),
                "startDate": step.from.to_string(),
                "hasOccupation": { "@type": "Occupation", "name": role_title(site, &step.role) },
            });
            if let Some(to) = step.to {
                role["endDate"] = json!(to.to_string());
            }
            role
        })
        .collect();
    let mut person = json!({ "@type": "Person", "name": s.name, "hasOccupation": occupations });
    if !site.config.company.is_empty() {
        person["worksFor"] = json!({ "@type": "Organization", "name": site.config.company });
    }
    let value = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": s.headline,
        "description": s.summary,
        "datePublished": s.date.to_string(),
        "url": canonical,
        "mainEntityOfPage": canonical,
        "author": person,
        "about": { "@type": "Person", "name": s.name },
        "publisher": { "@type": "Organization", "name": if site.config.company.is_empty() { &site.config.title } else { &site.config.company } },
    });
    script_safe(&value)
}

/// Fields in alphabetical order: the order `stories.json` has always had.
#[derive(Serialize)]
struct IndexEntry<'a> {
    date: String,
    departments: &'a [String],
    destination: &'a str,
    /// The `move` filter's value: `under-1-year`, `1-2-years`, ...
    first_move: Option<&'static str>,
    headline: &'a str,
    /// For the card's portrait without a photo.
    initials: String,
    avatar_color: &'static str,
    location: Option<&'a str>,
    /// Slug of the location, the value of the `loc` filter.
    location_id: Option<&'a str>,
    months_to_first_move: Option<i64>,
    name: &'a str,
    /// Role titles of the journey, in order, for the card.
    path: Vec<String>,
    /// The photo's smallest JPEG and its description, for the card.
    photo: Option<(String, String)>,
    /// Role ids of the journey, in order.
    roles: &'a [String],
    slug: &'a str,
    /// From the first role to the current one, as the card says it.
    span: Option<String>,
    start: &'a str,
    tags: Vec<&'a str>,
    url: String,
}

/// One story's entry of `stories.json`, as JSON.
pub fn index_entry(site: &Site, urls: &Urls<'_>, e: &Entry) -> Vec<u8> {
    let entry = IndexEntry {
        slug: &e.story.slug,
        url: urls.story_url(e),
        name: &e.story.name,
        headline: &e.story.headline,
        date: e.story.date.to_string(),
        location: e.story.location.as_deref(),
        location_id: e.location_id.as_deref(),
        roles: &e.roles,
        path: e.roles.iter().map(|r| role_title(site, r)).collect(),
        start: e.start_role(),
        destination: e.destination_role(),
        departments: &e.departments,
        tags: e.tags.iter().map(|(slug, _)| slug.as_str()).collect(),
        months_to_first_move: e.months_to_first_move,
        first_move: e.first_move().map(|m| m.id()),
        initials: crate::render::context::initials(&e.story.name),
        avatar_color: crate::render::context::avatar_color(&e.story.name),
        photo: urls.photos.get(&e.story.slug).map(|p| {
            let smallest = p.srcset.split(' ').next().unwrap_or(&p.src);
            (smallest.to_string(), p.alt.clone())
        }),
        span: crate::render::context::story_span(&e.story, &urls.words),
    };
    serde_json::to_vec(&entry).expect("an index entry serializes")
}

/// `stories.json`, what client-side filtering needs, newest first, from
/// its entries made by [`index_entry`] (which `serve` keeps between
/// rebuilds): `{"stories":[...]}`.
pub fn stories_index<T: AsRef<[u8]>>(entries: &[T]) -> Vec<u8> {
    let len: usize = entries.iter().map(|e| e.as_ref().len() + 1).sum();
    let mut out = Vec::with_capacity(len + 16);
    out.extend_from_slice(b"{\"stories\":[");
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(e.as_ref());
    }
    out.extend_from_slice(b"]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_element() {
        let out = script_safe(&json!({ "headline": "</script><script>alert(1)</script>" }));
        assert!(!out.contains('<'), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script>");
    }

    #[test]
    fn the_index_joins_its_entries_as_one_json_document() {
        let joined = stories_index(&[br#"{"slug":"a"}"#.to_vec(), br#"{"slug":"b"}"#.to_vec()]);
        let value: serde_json::Value = serde_json::from_slice(&joined).unwrap();
        assert_eq!(
            value,
            json!({ "stories": [{ "slug": "a" }, { "slug": "b" }] })
        );
        assert!(joined.ends_with(b"]}\n"));
        assert_eq!(stories_index::<Vec<u8>>(&[]), b"{\"stories\":[]}\n");
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(url_encode("recruiter"), "recruiter");
        assert_eq!(url_encode("a b&c=\"d\""), "a%20b%26c%3D%22d%22");
    }
}
