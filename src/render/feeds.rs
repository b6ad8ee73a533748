//! The Atom feed, sitemap and robots.txt. They are templates too, so a theme
//! can change them; their dates come from the stories, never the clock.

use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::render::Output;
use crate::render::context::*;
use crate::render::templates::Templates;
use crate::site::Site;

const FEED_ENTRIES: usize = 20;

/// The files this module makes.
pub(crate) const FILES: [&str; 3] = ["feed.xml", "sitemap.xml", "robots.txt"];

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    name: String,
    updated: String,
    summary: String,
}

/// Atom feed, sitemap and robots.txt: templates too, so a theme can change them.
pub(crate) fn feeds(
    site: &Site,
    urls: &Urls<'_>,
    templates: &Templates,
    pages: &[String],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let mut sitemap: Vec<SitemapUrl> = pages
        .iter()
        .filter(|p| p.ends_with("index.html"))
        .map(|p| SitemapUrl {
            loc: urls.absolute(p.trim_end_matches("index.html")),
        })
        .collect();
    sitemap.sort_by(|a, b| a.loc.cmp(&b.loc));
    let entries: Vec<FeedEntry> = site
        .entries
        .iter()
        .take(FEED_ENTRIES)
        .map(|e| FeedEntry {
            title: e.story.headline.clone(),
            url: urls.absolute(&story_rel(&e.story.slug)),
            name: e.story.name.clone(),
            updated: format!("{}T00:00:00Z", e.story.date),
            summary: e.story.summary.clone(),
        })
        .collect();
    // The newest story's date, not the clock: the same input gives the same feed.
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone());
    let mut cx = Context::new();
    cx.insert("urls", &sitemap);
    cx.insert("entries", &entries);
    cx.insert("updated", &updated);
    cx.insert("feed_url", &urls.absolute("feed.xml"));
    let mut out = Vec::new();
    for name in FILES {
        let text = templates.render(name, &cx)?;
        out.push(Output::bytes(name, text.into_bytes()));
    }
    Ok(out)
}
