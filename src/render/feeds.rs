//! The Atom feed, sitemap and robots.txt. They are templates too, so a theme
//! can change them; their dates come from the stories, never the clock.

use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::render::Output;
use crate::render::context::*;
use crate::routes::Route;
use crate::site::Site;
use crate::theme::Templates;

/// Stories in the feed: the newest.
pub(crate) const FEED_ENTRIES: usize = 20;

/// The files this module makes, and their templates.
pub(crate) const FILES: [(Route<'static>, &str); 3] = [
    (Route::Feed, "feed.xml"),
    (Route::Sitemap, "sitemap.xml"),
    (Route::Robots, "robots.txt"),
];

/// A page in the sitemap, with the same page in every language it exists
/// in (none on a site of one language).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct SitemapUrl {
    pub loc: String,
    pub alternates: Vec<SitemapAlternate>,
}

/// Only what the sitemap shows of an alternate: the sitemap of a large
/// site in several languages is the largest value a template is given.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct SitemapAlternate {
    pub lang: String,
    pub url: String,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    name: String,
    updated: String,
    summary: String,
}

/// The sitemap's addresses, sorted: the pages that are folders.
pub(crate) fn sitemap(urls: &Urls<'_>, pages: &[Route<'_>]) -> Vec<SitemapUrl> {
    let mut locs: Vec<SitemapUrl> = pages
        .iter()
        .filter(|p| p.in_sitemap())
        .map(|&p| SitemapUrl {
            loc: urls.absolute(p),
            alternates: urls
                .languages
                .alternates(p)
                .into_iter()
                .map(|a| SitemapAlternate {
                    lang: a.lang.to_string(),
                    url: a.url,
                })
                .collect(),
        })
        .collect();
    locs.sort_by(|a, b| a.loc.cmp(&b.loc));
    locs
}

/// The sitemap of a site of several languages: every page of each, with
/// its alternates (`xhtml:link`), as its pages' `hreflang` links have them.
pub(crate) fn sitemap_file(
    templates: &Templates,
    urls: &[SitemapUrl],
) -> Result<Output, Vec<Diagnostic>> {
    let mut cx = Context::new();
    cx.insert("urls", urls);
    let text = templates.render("sitemap.xml", &cx)?;
    Ok(Output::bytes(Route::Sitemap.file(), text.into_bytes()))
}

/// Atom feed, sitemap and robots.txt: templates too, so a theme can change them.
pub(crate) fn feeds(
    files: &[(Route<'static>, &str)],
    site: &Site,
    urls: &Urls<'_>,
    templates: &Templates,
    sitemap: &[SitemapUrl],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    // A language's feed has the stories written in it.
    let entries: Vec<FeedEntry> = site
        .entries
        .iter()
        .filter(|e| urls.languages.has_story(e))
        .take(FEED_ENTRIES)
        .map(|e| FeedEntry {
            title: e.story.headline.clone(),
            url: urls.absolute(Route::Story(&e.story.slug)),
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
    // Only the sitemap shows them, and as a template value the addresses
    // of 10,000 stories take tens of megabytes.
    if files.iter().any(|&(route, _)| route == Route::Sitemap) {
        cx.insert("urls", sitemap);
    }
    cx.insert("entries", &entries);
    cx.insert("updated", &updated);
    cx.insert("feed_url", &urls.absolute(Route::Feed));
    let mut out = Vec::new();
    for &(route, template) in files {
        let text = templates.render(template, &cx)?;
        out.push(Output::bytes(urls.routes.file(route), text.into_bytes()));
    }
    Ok(out)
}
