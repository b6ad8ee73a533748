//! JSON outputs: the `stories.json` filter index and each story's JSON-LD.
//! JSON that goes inside a `<script>` element has `<`, `>` and `&` written
//! as `\u003c`, `\u003e` and `\u0026`, so a headline containing
//! `</script>` cannot end the element early.

use serde::Serialize;
use serde_json::json;

use crate::render::context::{Urls, role_title};
use crate::routes::Route;
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

#[derive(Serialize)]
struct IndexEntry<'a> {
    slug: &'a str,
    url: String,
    name: &'a str,
    headline: &'a str,
    date: String,
    location: Option<&'a str>,
    /// Slug of the location, the value of the `loc` filter.
    location_id: Option<&'a str>,
    /// Role ids of the journey, in order.
    roles: &'a [String],
    /// Role titles of the journey, in order, for the card.
    path: Vec<String>,
    start: &'a str,
    destination: &'a str,
    departments: &'a [String],
    tags: Vec<&'a str>,
    months_to_first_move: Option<i64>,
    /// The `move` filter's value: `under-1-year`, `1-2-years`, ...
    first_move: Option<&'static str>,
}

/// `stories.json`: what client-side filtering needs, newest first.
pub fn stories_index(site: &Site, urls: &Urls<'_>) -> Vec<u8> {
    let stories: Vec<IndexEntry<'_>> = site
        .entries
        .iter()
        .map(|e| IndexEntry {
            slug: &e.story.slug,
            url: urls.url(Route::Story(&e.story.slug)),
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
        })
        .collect();
    let mut out = serde_json::to_vec(&json!({ "stories": stories })).expect("index serializes");
    out.push(b'\n');
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
    fn query_values_are_percent_encoded() {
        assert_eq!(url_encode("recruiter"), "recruiter");
        assert_eq!(url_encode("a b&c=\"d\""), "a%20b%26c%3D%22d%22");
    }
}
