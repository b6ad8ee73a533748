//! Render: the site model + templates -> every output file, handed to a sink.
//! Pages are independent, so they render in parallel; the writer sorts the
//! files by path, so the order they finish in never shows in the output.
//! Nothing here touches the disk: the image stages have made the photos and
//! share cards, and a sink decides where the files go.

pub mod assets;
pub mod context;
mod feeds;
pub mod json;
mod listings;
pub mod output;
pub mod page;
mod pages;
pub mod sankey;
mod statics;

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::content::StaticFile;
use crate::diagnostics::Diagnostic;
use crate::images::{Processed, ShareCards};
use crate::render::context::*;
pub use crate::render::output::{Collect, Discard, Output, Sink};
use crate::render::page::{EntryDigests, MemoEntry, PageMemo, Vars, page_hash};
use crate::routes::{CardOf, Route, Routes};
use crate::site::Site;
use crate::theme::Templates;

/// What the earlier stages made that pages show or the site publishes.
pub struct Assets<'a> {
    /// Processed photos by story slug.
    pub photos: &'a BTreeMap<String, Processed>,
    pub cards: &'a ShareCards,
    /// The theme's static files, then `content/static/`'s.
    pub statics: &'a [StaticFile],
}

/// What a render did.
pub struct Rendered {
    /// HTML pages.
    pub pages: usize,
    /// Pages rendered by this run (the rest were reused from the memo).
    pub pages_rendered: usize,
    /// Files handed to the sink.
    pub files: usize,
    /// Warnings (static files hidden by generated pages).
    pub diagnostics: Vec<Diagnostic>,
    /// Filled when a memo was given, for the next render.
    pub memo: Option<PageMemo>,
}

/// Renders every page and hands every output file to `sink`: generated
/// pages, feeds and `stories.json`, photos and cards, and static files
/// (the built-in theme's, under the site theme's, under `content/static/`).
/// With `memo`, unchanged pages are taken from it instead of rendered, and
/// the result carries the memo for the next render.
pub fn render(
    site: &Site,
    templates: &mut Templates,
    assets: &Assets<'_>,
    sink: &dyn Sink,
    memo: Option<&PageMemo>,
) -> anyhow::Result<Result<Rendered, Vec<Diagnostic>>> {
    let routes = Routes::new(&site.config.base_url);
    let photos = assets::photos(site, assets.photos, &routes);
    let cards: BTreeMap<CardOf, String> = assets
        .cards
        .cards
        .iter()
        .map(|(of, output)| (of.clone(), routes.public_url(output.path())))
        .collect();
    let urls = Urls {
        routes: &routes,
        photos: &photos.photos,
        cards: &cards,
    };
    let globals = globals(site, &urls);
    let globals_hash = globals_digest(site, &globals);
    templates.set_globals(&globals.context());
    let templates = &*templates;

    let mut jobs = listings::listing_jobs(site, &urls);
    jobs.extend(pages::story_jobs(site, &urls));
    jobs.extend(pages::other_jobs(site, &urls));
    let page_routes: Vec<Route<'_>> = jobs.iter().map(|j| j.route).collect();
    let page_paths: Vec<String> = page_routes.par_iter().map(Route::file).collect();
    let made: Vec<String> = feeds::FILES
        .iter()
        .map(|(route, _)| route.file())
        .chain([Route::StoriesIndex.file()])
        .collect();
    let generated_outputs: Vec<&Output> = photos
        .outputs
        .iter()
        .chain(assets.cards.cards.values())
        .collect();
    let mut generated: HashSet<&str> = page_paths.iter().map(String::as_str).collect();
    generated.extend(made.iter().map(String::as_str));
    generated.extend(generated_outputs.iter().map(|o| o.path()));

    let mut diagnostics = Vec::new();
    let mut files = 0;
    for output in statics::static_files(assets.statics, &generated, &mut diagnostics)
        .into_iter()
        .chain(generated_outputs.into_iter().cloned())
    {
        sink.put(output)?;
        files += 1;
    }

    // What each entry's teaser and page are made from, for the memo.
    let entry_digests: Vec<EntryDigests> = match memo {
        Some(_) => site
            .entries
            .par_iter()
            .map(|e| entry_digests(e, &urls))
            .collect(),
        None => Vec::new(),
    };
    let rendered_count = AtomicUsize::new(0);
    let results: Vec<anyhow::Result<Result<Option<MemoEntry>, Vec<Diagnostic>>>> = jobs
        .into_par_iter()
        .zip(page_paths.par_iter())
        .map(|(job, path)| {
            let hash =
                memo.and_then(|_| page_hash(templates, &globals_hash, &job, path, &entry_digests));
            let previous = memo
                .zip(hash)
                .and_then(|(m, h)| m.pages.get(path).filter(|(old, _)| *old == h));
            let bytes: Arc<[u8]> = match previous {
                Some((_, bytes)) => bytes.clone(),
                None => {
                    let template = job.template;
                    match templates.render(template, &job.context()) {
                        Ok(html) => {
                            rendered_count.fetch_add(1, Ordering::Relaxed);
                            html.into_bytes().into()
                        }
                        Err(diags) => return Ok(Err(diags)),
                    }
                }
            };
            sink.put(Output::Bytes(path.clone(), bytes.clone()))?;
            Ok(Ok(hash.map(|h| (path.clone(), (h, bytes)))))
        })
        .collect();
    let mut next = memo.map(|_| PageMemo::default());
    let mut errors = Vec::new();
    for r in results {
        match r? {
            Ok(entry) => {
                if let (Some(next), Some((path, value))) = (next.as_mut(), entry) {
                    next.pages.insert(path, value);
                }
            }
            Err(diags) => crate::diagnostics::extend_unique(&mut errors, diags),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let pages = page_paths.len();
    files += pages;
    let feeds = match feeds_output(
        site,
        &urls,
        templates,
        &page_routes,
        &page_paths,
        memo,
        &mut next,
        &globals_hash,
        &entry_digests,
    ) {
        Ok(feeds) => feeds,
        Err(e) => return Ok(Err(e)),
    };
    for output in feeds {
        sink.put(output)?;
        files += 1;
    }
    sink.put(stories_index_output(
        site,
        &urls,
        memo,
        &mut next,
        &globals_hash,
        &entry_digests,
    ))?;
    files += 1;
    Ok(Ok(Rendered {
        pages,
        pages_rendered: rendered_count.into_inner(),
        files,
        diagnostics,
        memo: next,
    }))
}

/// The feed, sitemap and robots.txt. They change with the pages there are
/// and the newest stories: with a memo, unchanged ones are reused.
#[allow(clippy::too_many_arguments)]
fn feeds_output(
    site: &Site,
    urls: &Urls<'_>,
    templates: &Templates,
    page_routes: &[Route<'_>],
    page_paths: &[String],
    memo: Option<&PageMemo>,
    next: &mut Option<PageMemo>,
    globals_hash: &blake3::Hash,
    entry_digests: &[EntryDigests],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let key = memo.and_then(|_| {
        let mut h = blake3::Hasher::new();
        h.update(globals_hash.as_bytes());
        for (_, template) in feeds::FILES {
            h.update(templates.fingerprint(template).as_bytes());
        }
        for path in page_paths {
            h.update(path.as_bytes());
            h.update(&[0]);
        }
        for d in entry_digests.iter().take(feeds::FEED_ENTRIES) {
            h.update(d.whole?.as_bytes());
        }
        Some(h.finalize())
    });
    let known = memo
        .zip(key)
        .and_then(|(m, key)| m.feeds.as_ref().filter(|(k, _)| *k == key))
        .map(|(_, outputs)| outputs.clone());
    let feeds = match known {
        Some(outputs) => outputs,
        None => feeds::feeds(site, urls, templates, page_routes)?,
    };
    if let (Some(next), Some(key)) = (next.as_mut(), key) {
        next.feeds = Some((key, feeds.clone()));
    }
    Ok(feeds)
}

/// `stories.json`. Each entry is made from its story and the globals: with
/// a memo, only the entries of changed stories are made again.
fn stories_index_output(
    site: &Site,
    urls: &Urls<'_>,
    memo: Option<&PageMemo>,
    next: &mut Option<PageMemo>,
    globals_hash: &blake3::Hash,
    entry_digests: &[EntryDigests],
) -> Output {
    let keys: Vec<Option<blake3::Hash>> = (0..site.entries.len())
        .map(|i| {
            let whole = entry_digests.get(i)?.whole?;
            let mut h = blake3::Hasher::new();
            h.update(globals_hash.as_bytes());
            h.update(whole.as_bytes());
            Some(h.finalize())
        })
        .collect();
    let entries: Vec<Arc<[u8]>> = site
        .entries
        .par_iter()
        .zip(keys.par_iter())
        .map(
            |(e, key)| match memo.zip(*key).and_then(|(m, k)| m.index_entries.get(&k)) {
                Some(bytes) => bytes.clone(),
                None => json::index_entry(site, urls, e).into(),
            },
        )
        .collect();
    if let Some(next) = next.as_mut() {
        for (key, bytes) in keys.iter().zip(&entries) {
            if let Some(key) = key {
                next.index_entries.insert(*key, bytes.clone());
            }
        }
    }
    Output::bytes(Route::StoriesIndex.file(), json::stories_index(&entries))
}

/// Everything every page may read besides its own inputs: the globals, and
/// the settings and career catalogue that titles, timelines and JSON-LD
/// come from.
fn globals_digest(site: &Site, globals: &Vars) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(globals.digest().as_bytes());
    h.update(format!("{:?}", site.config).as_bytes());
    h.update(format!("{:?}", site.career).as_bytes());
    h.finalize()
}

/// What an entry's teaser and its own page are made from (see `teaser`):
/// a change to a story's body re-renders its page, and a change to its
/// headline also every page with its teaser.
fn entry_digests(e: &crate::site::Entry, urls: &Urls<'_>) -> EntryDigests {
    let s = &e.story;
    let mut h = blake3::Hasher::new();
    let mut part = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    for text in [&s.slug, &s.name, &s.headline] {
        part(text.as_bytes());
    }
    part(s.location.as_deref().unwrap_or("\0").as_bytes());
    part(s.date.to_string().as_bytes());
    for text in e.roles.iter().chain(&e.departments) {
        part(text.as_bytes());
    }
    part(b"tags");
    for (slug, name) in &e.tags {
        part(slug.as_bytes());
        part(name.as_bytes());
    }
    if let Some(p) = urls.photos.get(&s.slug) {
        for text in [&p.src, &p.srcset, &p.webp_srcset, &p.alt] {
            part(text.as_bytes());
        }
        part(&p.width.to_le_bytes());
        part(&p.height.to_le_bytes());
    }
    let teaser = h.finalize();
    let whole = s.memo_key.map(|key| {
        let mut h = blake3::Hasher::new();
        h.update(teaser.as_bytes());
        h.update(key.as_bytes());
        h.finalize()
    });
    EntryDigests { teaser, whole }
}

/// Variables every template sees: `site` and `facets`.
fn globals(site: &Site, urls: &Urls<'_>) -> Vars {
    let mut cx = Vars::new();
    let collections = site
        .collections
        .iter()
        .map(|(c, ids)| LinkCtx {
            id: c.id.clone(),
            name: c.title.clone(),
            url: urls.url(Route::Collection(&c.id)),
            count: ids.len(),
        })
        .collect();
    cx.insert(
        "site",
        &SiteCtx {
            title: site.config.title.clone(),
            company: site.config.company.clone(),
            description: site.config.description.clone(),
            language: site.config.language.clone(),
            base_url: site.config.base_url.clone(),
            base_path: urls.routes.base_path().to_string(),
            urls: SiteUrls {
                home: urls.url(Route::Listing(crate::routes::Listing::Index, 1)),
                paths: urls.url(Route::Paths),
                feed: urls.url(Route::Feed),
                stories_index: urls.url(Route::StoriesIndex),
                style: urls.url(Route::Static("style.css")),
                script: urls.url(Route::Static("site.js")),
            },
            story_count: site.entries.len(),
            page_size: site.config.page_size,
            collections,
        },
    );
    cx.insert("facets", &listings::facets(site, urls));
    cx
}
