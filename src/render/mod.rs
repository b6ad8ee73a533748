//! Render: the site model + templates -> every output file, handed to a sink.
//! Pages are independent, so they render in parallel; the writer sorts the
//! files by path, so the order they finish in never shows in the output.
//! Nothing here touches the disk: the image stages have made the photos and
//! share cards, and a sink decides where the files go.

pub mod assets;
pub mod context;
pub mod csp;
pub(crate) mod feeds;
pub mod json;
pub mod languages;
pub(crate) mod listings;
pub mod openings;
pub mod output;
pub mod page;
mod pages;
mod plan;
pub mod qr;
pub mod sankey;
mod statics;
pub mod tracking;

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::content::StaticFile;
use crate::diagnostics::Diagnostic;
use crate::images::brand::BrandAssets;
use crate::images::{Processed, ShareCards};
use crate::render::context::*;
use crate::render::languages::Languages;
pub use crate::render::output::{Collect, Discard, Output, Sink};
use crate::render::page::{EntryDigests, Job, PageMemo, Parts, Vars};
use crate::render::plan::Planned;
use crate::routes::{CardOf, Route};
use crate::site::Site;
use crate::theme::Templates;

/// What the earlier stages made that pages show or the site publishes.
pub struct Assets<'a> {
    /// Processed photos by story slug.
    pub photos: &'a BTreeMap<String, Processed>,
    /// The share cards of each language of the site, in its order.
    pub cards: &'a [ShareCards],
    /// The palette, logo and icons.
    pub brand: &'a BrandAssets,
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
    /// Filled when a memo was given, for the next render: one per language.
    pub memo: Option<Vec<PageMemo>>,
}

/// Renders every page and hands every output file to `sink`: generated
/// pages, feeds and `stories.json`, photos and cards, and static files
/// (the built-in theme's, under the site theme's, under `content/static/`).
/// With `memo` (one per language; an empty slice the first time), unchanged
/// pages are taken from it instead of rendered, and the result carries the
/// memo for the next render.
///
/// Each language of the site is rendered in turn, every page kind in each
/// (a story's page in its own language); the first renders the shared
/// files, and with several languages, the sitemap lists every page of
/// every language with its alternates.
pub fn render(
    sites: &[Site],
    templates: &mut Templates,
    assets: &Assets<'_>,
    sink: &dyn Sink,
    memo: Option<&[PageMemo]>,
) -> anyhow::Result<Result<Rendered, Vec<Diagnostic>>> {
    let strings = templates.strings();
    let all = languages::of(&sites[0], &strings);
    let mut total = Rendered {
        pages: 0,
        pages_rendered: 0,
        files: 0,
        diagnostics: Vec::new(),
        memo: memo.map(|_| Vec::new()),
    };
    let no_pages = PageMemo::default();
    let mut sitemap = Vec::new();
    // Photos are shared files, at the same address in every language,
    // described in each language's words; the first language hands over
    // those of every language (a language that shows only the stories
    // translated into it may lack some).
    let photos: Vec<assets::Photos> = sites
        .iter()
        .map(|site| assets::photos(site, assets.photos, &all[0].routes))
        .collect();
    for (current, site) in sites.iter().enumerate() {
        let languages = Languages {
            all: &all,
            sites,
            current,
        };
        let language_memo = memo.map(|m| m.get(current).unwrap_or(&no_pages));
        let made = match render_language(
            site,
            templates,
            assets,
            &photos,
            sink,
            language_memo,
            languages,
        )? {
            Ok(made) => made,
            Err(errors) => return Ok(Err(errors)),
        };
        total.pages += made.rendered.pages;
        total.pages_rendered += made.rendered.pages_rendered;
        total.files += made.rendered.files;
        total.diagnostics.extend(made.rendered.diagnostics);
        if let Some(memos) = total.memo.as_mut() {
            memos.push(made.memo.unwrap_or_default());
        }
        sitemap.extend(made.sitemap);
    }
    if all.len() > 1 {
        sitemap.sort_by(|a, b| a.loc.cmp(&b.loc));
        let output = match feeds::sitemap_file(templates, &sitemap) {
            Ok(output) => output,
            Err(errors) => return Ok(Err(errors)),
        };
        sink.put(output)?;
        total.files += 1;
    }
    Ok(Ok(total))
}

/// A language's render, and its pages for a sitemap of every language.
struct LanguageRender {
    rendered: Rendered,
    /// With a memo: this language's, for the next render.
    memo: Option<PageMemo>,
    sitemap: Vec<feeds::SitemapUrl>,
}

/// Renders the pages, feed and `stories.json` of one language, and for
/// the first, the shared files.
fn render_language(
    site: &Site,
    templates: &mut Templates,
    assets: &Assets<'_>,
    photos: &[assets::Photos],
    sink: &dyn Sink,
    memo: Option<&PageMemo>,
    languages: Languages<'_>,
) -> anyhow::Result<Result<LanguageRender, Vec<Diagnostic>>> {
    let language = languages.current();
    let routes = &language.routes;
    let all_photos = photos;
    let photos = &photos[languages.current];
    let cards: BTreeMap<CardOf, String> = assets.cards[languages.current]
        .cards
        .iter()
        .map(|(of, output)| (of.clone(), routes.public_url(output.path())))
        .collect();
    let strings = templates.strings();
    let words = Words::new(&strings, &language.tag);
    let openings: Vec<openings::OpeningCtx> = site
        .openings
        .list
        .iter()
        .map(|o| openings::opening(site, o, &words))
        .collect();
    let urls = Urls {
        routes,
        photos: &photos.photos,
        cards: &cards,
        openings: &openings,
        words,
        languages,
    };
    let globals = globals(site, &urls, assets.brand);
    let globals_hash = globals_digest(site, &globals);
    templates.set_globals(&globals.context());
    let templates = &*templates;

    let mut diagnostics = Vec::new();
    let mut files = 0;
    // What each entry's teaser and page are made from, for the memo.
    let entry_digests: Vec<EntryDigests> = match memo {
        Some(_) => site
            .entries
            .par_iter()
            .map(|e| entry_digests(e, &urls))
            .collect(),
        None => Vec::new(),
    };
    let plan_key = memo.map(|_| plan::key(site, &globals_hash, &urls, &entry_digests));
    let compared = memo.zip(plan_key).and_then(|(m, key)| {
        let plan = m.plan.as_ref().filter(|p| p.key == key)?;
        Some((plan, compare_with_plan(plan, templates, m, &entry_digests)?))
    });
    // Photos, cards and icons are shared by the languages: the first hands
    // them over, each file once (a story's card is the same in each).
    let mut generated: Vec<&Output> = Vec::new();
    if languages.is_default() {
        let mut seen = HashSet::new();
        generated = all_photos
            .iter()
            .flat_map(|p| &p.outputs)
            .chain(assets.cards.iter().flat_map(|c| c.cards.values()))
            .chain(&assets.brand.icons)
            .filter(|o| seen.insert(o.path().to_string()))
            .collect();
    }
    let made = match compared {
        Some((plan, pages)) => {
            if languages.is_default() {
                let paths = plan.pages.iter().map(|p| p.path.as_str());
                files += put_statics(assets.statics, &generated, paths, sink, &mut diagnostics)?;
            }
            render_changed(site, &urls, templates, plan, pages, &globals_hash, sink)?
        }
        None => {
            let mut jobs = listings::listing_jobs(site, &urls);
            jobs.extend(pages::story_jobs(site, &urls));
            jobs.extend(pages::other_jobs(site, &urls));
            let routes: Vec<Route<'_>> = jobs.iter().map(|j| j.route).collect();
            let paths: Vec<String> = routes.par_iter().map(|&r| urls.routes.file(r)).collect();
            if languages.is_default() {
                let page_paths = paths.iter().map(String::as_str);
                files += put_statics(
                    assets.statics,
                    &generated,
                    page_paths,
                    sink,
                    &mut diagnostics,
                )?;
            }
            render_all(
                &urls,
                templates,
                jobs,
                paths,
                memo,
                plan_key,
                &globals_hash,
                &entry_digests,
                sink,
            )?
        }
    };
    let made = match made {
        Ok(made) => made,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut next = made.memo;
    let pages = made.paths.len();
    files += pages;
    // With several languages, each has its feed, and the sitemap of them
    // all is made once they are all rendered.
    let feed_files: &[(Route<'static>, &str)] = if !languages.many() {
        &feeds::FILES
    } else if languages.is_default() {
        &[feeds::FILES[0], feeds::FILES[2]]
    } else {
        &feeds::FILES[..1]
    };
    let feeds = match feeds_output(
        feed_files,
        site,
        &urls,
        templates,
        &made.paths,
        &made.sitemap,
        memo,
        &mut next,
        &globals_hash,
        &entry_digests,
    ) {
        Ok(feeds) => feeds,
        Err(e) => return Ok(Err(e)),
    };
    if let Some(next) = next.as_mut() {
        next.plan = made.plan;
    }
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
    Ok(Ok(LanguageRender {
        rendered: Rendered {
            pages,
            pages_rendered: made.rendered,
            files,
            diagnostics,
            memo: None,
        },
        memo: next,
        sitemap: made.sitemap,
    }))
}

/// The pages of a render, handed to the sink.
struct MadePages {
    /// Their paths, in the order of their jobs.
    paths: Vec<String>,
    sitemap: Vec<feeds::SitemapUrl>,
    rendered: usize,
    /// With a memo: the pages for the next render, and the plan.
    memo: Option<PageMemo>,
    plan: Option<plan::Plan>,
}

/// Renders one page, with its `language` (made from its route and the
/// site's languages, which the plan's key covers).
fn render_page(
    urls: &Urls<'_>,
    templates: &Templates,
    job: Job<'_>,
) -> Result<Arc<[u8]>, Vec<Diagnostic>> {
    let template = job.template;
    let language = urls.languages.page(job.route);
    let mut cx = job.context();
    cx.insert("language", &language);
    templates
        .render(template, &cx)
        .map(|html| html.into_bytes().into())
}

/// Makes every page's job and renders it, or, with a memo, reuses it
/// when its inputs hash as before; keeps the plan of them all.
#[allow(clippy::too_many_arguments)]
fn render_all(
    urls: &Urls<'_>,
    templates: &Templates,
    jobs: Vec<Job<'_>>,
    paths: Vec<String>,
    memo: Option<&PageMemo>,
    plan_key: Option<blake3::Hash>,
    globals_hash: &blake3::Hash,
    entry_digests: &[EntryDigests],
    sink: &dyn Sink,
) -> anyhow::Result<Result<MadePages, Vec<Diagnostic>>> {
    let routes: Vec<Route<'_>> = jobs.iter().map(|j| j.route).collect();
    let sitemap = feeds::sitemap(urls, &routes);
    let rendered_count = AtomicUsize::new(0);
    type Made = (Option<Planned>, Option<blake3::Hash>, Arc<[u8]>);
    let results: Vec<anyhow::Result<Result<Made, Vec<Diagnostic>>>> = jobs
        .into_par_iter()
        .zip(paths.par_iter())
        .map(|(job, path)| {
            let planned = memo.map(|_| Planned::of(&job, path, globals_hash));
            let hash = planned
                .as_ref()
                .and_then(|p| p.hash(templates, entry_digests));
            let previous = memo
                .zip(hash)
                .and_then(|(m, h)| m.pages.get(path).filter(|(old, _)| *old == h));
            let bytes = match previous {
                Some((_, bytes)) => bytes.clone(),
                None => match render_page(urls, templates, job) {
                    Ok(bytes) => {
                        rendered_count.fetch_add(1, Ordering::Relaxed);
                        bytes
                    }
                    Err(diags) => return Ok(Err(diags)),
                },
            };
            sink.put(Output::Bytes(path.clone(), bytes.clone()))?;
            // A build keeps nothing of the page once it is in the sink.
            let bytes = if memo.is_some() { bytes } else { Arc::from([]) };
            Ok(Ok((planned, hash, bytes)))
        })
        .collect();
    let mut next = memo.map(|_| PageMemo::default());
    let mut planned = Vec::new();
    let mut errors = Vec::new();
    for (r, path) in results.into_iter().zip(&paths) {
        match r? {
            Ok((page, hash, bytes)) => {
                if let (Some(next), Some(hash)) = (next.as_mut(), hash) {
                    next.pages.insert(path.clone(), (hash, bytes));
                }
                planned.extend(page);
            }
            Err(diags) => crate::diagnostics::extend_unique(&mut errors, diags),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let plan = plan_key.map(|key| plan::Plan {
        key,
        pages: planned,
        sitemap: sitemap.clone(),
    });
    Ok(Ok(MadePages {
        paths,
        sitemap,
        rendered: rendered_count.into_inner(),
        memo: next,
        plan,
    }))
}

/// Hands the static files and the generated images to the sink: static
/// files that a generated file (a page, a feed, an image) hides are left
/// out, with a warning. Returns how many files it handed over.
fn put_statics<'a>(
    statics: &[StaticFile],
    generated: &[&Output],
    pages: impl Iterator<Item = &'a str>,
    sink: &dyn Sink,
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<usize> {
    let made: Vec<String> = feeds::FILES
        .iter()
        .map(|(route, _)| route.file())
        .chain([Route::StoriesIndex.file()])
        .collect();
    let mut taken: HashSet<&str> = pages.collect();
    taken.extend(made.iter().map(String::as_str));
    taken.extend(generated.iter().map(|o| o.path()));
    let mut files = 0;
    for output in statics::static_files(statics, &taken, diagnostics)
        .into_iter()
        .chain(generated.iter().map(|&o| o.clone()))
    {
        sink.put(output)?;
        files += 1;
    }
    Ok(files)
}

/// A page of the plan, compared with the memo's render.
enum Compared {
    /// Made from the same inputs: the memo's bytes stand.
    Same(blake3::Hash, Arc<[u8]>),
    /// The page of this entry's story, to make and render again.
    Changed {
        entry: usize,
        hash: Option<blake3::Hash>,
    },
}

/// Each page of `plan` compared with the memo's render; `None` when a page
/// that changed is not a story page (a listing that shows a changed
/// teaser), since only story pages can be made one by one.
fn compare_with_plan(
    plan: &plan::Plan,
    templates: &Templates,
    memo: &PageMemo,
    entry_digests: &[EntryDigests],
) -> Option<Vec<Compared>> {
    plan.pages
        .par_iter()
        .map(|page| {
            let hash = page.hash(templates, entry_digests);
            let known = memo.pages.get(&page.path);
            match (hash, known) {
                (Some(h), Some((old, bytes))) if *old == h => {
                    Some(Compared::Same(h, bytes.clone()))
                }
                _ => page.whole.map(|entry| Compared::Changed { entry, hash }),
            }
        })
        .collect()
}

/// The plan's pages: the changed story pages made and rendered again, in
/// parallel (a template save changes every one), the rest from the memo.
fn render_changed(
    site: &Site,
    urls: &Urls<'_>,
    templates: &Templates,
    plan: &plan::Plan,
    compared: Vec<Compared>,
    globals_hash: &blake3::Hash,
    sink: &dyn Sink,
) -> anyhow::Result<Result<MadePages, Vec<Diagnostic>>> {
    /// A page, and whether it was rendered (not taken from the memo).
    type Made = (Planned, Option<blake3::Hash>, Arc<[u8]>, bool);
    let results: Vec<Result<Made, Vec<Diagnostic>>> = compared
        .into_par_iter()
        .zip(plan.pages.par_iter())
        .map(|(page, planned)| match page {
            Compared::Same(hash, bytes) => Ok((planned.clone(), Some(hash), bytes, false)),
            Compared::Changed { entry, hash } => {
                let job = pages::story_job(site, urls, entry);
                let remade = Planned::of(&job, &planned.path, globals_hash);
                let bytes = render_page(urls, templates, job)?;
                Ok((remade, hash, bytes, true))
            }
        })
        .collect();
    let mut next = PageMemo::default();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    let mut rendered = 0;
    for result in results {
        let (page, hash, bytes, fresh) = match result {
            Ok(made) => made,
            Err(diags) => {
                crate::diagnostics::extend_unique(&mut errors, diags);
                continue;
            }
        };
        rendered += usize::from(fresh);
        sink.put(Output::Bytes(page.path.clone(), bytes.clone()))?;
        if let Some(hash) = hash {
            next.pages.insert(page.path.clone(), (hash, bytes));
        }
        pages.push(page);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let paths = pages.iter().map(|p| p.path.clone()).collect();
    Ok(Ok(MadePages {
        paths,
        sitemap: plan.sitemap.clone(),
        rendered,
        memo: Some(next),
        plan: Some(plan::Plan {
            key: plan.key,
            pages,
            sitemap: plan.sitemap.clone(),
        }),
    }))
}

/// The feed, sitemap and robots.txt. They change with the pages there are
/// and the newest stories: with a memo, unchanged ones are reused.
#[allow(clippy::too_many_arguments)]
fn feeds_output(
    files: &[(Route<'static>, &str)],
    site: &Site,
    urls: &Urls<'_>,
    templates: &Templates,
    page_paths: &[String],
    sitemap: &[feeds::SitemapUrl],
    memo: Option<&PageMemo>,
    next: &mut Option<PageMemo>,
    globals_hash: &blake3::Hash,
    entry_digests: &[EntryDigests],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let key = memo.and_then(|_| {
        let mut h = blake3::Hasher::new();
        h.update(globals_hash.as_bytes());
        for (_, template) in files {
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
        None => feeds::feeds(files, site, urls, templates, sitemap)?,
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
    Output::bytes(
        urls.routes.file(Route::StoriesIndex),
        json::stories_index(&entries),
    )
}

/// Everything every page may read besides its own inputs: the globals, and
/// the settings and career catalogue that titles, timelines and JSON-LD
/// come from.
fn globals_digest(site: &Site, globals: &Vars) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(globals.digest().as_bytes());
    h.update(format!("{:?}", site.config).as_bytes());
    h.update(format!("{:?}", site.career).as_bytes());
    // Story pages end with their roles' openings; hashed as written, as
    // one string they would be a large allocation of their own.
    let _ = serde_json::to_writer(&mut h, &site.openings.list);
    h.finalize()
}

/// What an entry's teaser and its own page are made from (see `teaser`):
/// a change to a story's body re-renders its page, and a change to its
/// headline also every page with its teaser.
fn entry_digests(e: &crate::site::Entry, urls: &Urls<'_>) -> EntryDigests {
    let s = &e.story;
    let mut h = Parts::new();
    for text in [&s.slug, &s.name, &s.headline] {
        h.part(text.as_bytes());
    }
    h.part(s.location.as_deref().unwrap_or("\0").as_bytes());
    h.part(&s.date.year().to_le_bytes());
    h.part(&[s.date.month() as u8, s.date.day() as u8]);
    for text in e.roles.iter().chain(&e.departments) {
        h.part(text.as_bytes());
    }
    h.part(b"tags");
    for (slug, name) in &e.tags {
        h.part(slug.as_bytes());
        h.part(name.as_bytes());
    }
    if let Some(p) = urls.photos.get(&s.slug) {
        for text in [&p.src, &p.srcset, &p.webp_srcset, &p.alt] {
            h.part(text.as_bytes());
        }
        h.part(&p.width.to_le_bytes());
        h.part(&p.height.to_le_bytes());
    }
    let teaser = h.finish();
    let whole = s.memo_key.map(|key| {
        let mut h = Parts::new();
        h.hash(&teaser);
        h.hash(&key);
        h.finish()
    });
    EntryDigests {
        teaser,
        whole,
        shape: plan::shape(e),
    }
}

/// Variables every template sees: `site` and `facets`.
fn globals(site: &Site, urls: &Urls<'_>, brand: &BrandAssets) -> Vars {
    let mut cx = Vars::new();
    let collections = site
        .collections
        .iter()
        .map(|(c, ids)| LinkCtx {
            open: 0,
            id: c.id.clone(),
            name: c.title.clone(),
            url: urls.url(Route::Collection(&c.id)),
            count: ids.len(),
        })
        .collect();
    let brand = brand_ctx(site, urls, brand);
    let csp = csp::policy(&brand.css, &site.config.csp);
    cx.insert(
        "site",
        &SiteCtx {
            title: site.config.title.clone(),
            company: site.config.company.clone(),
            description: site.config.description.clone(),
            language: urls.languages.current().tag.clone(),
            base_url: site.config.base_url.clone(),
            base_path: urls.routes.base_path().to_string(),
            urls: SiteUrls {
                home: urls.url(Route::Listing(crate::routes::Listing::Index, 1)),
                paths: urls.url(Route::Paths),
                feed: urls.url(Route::Feed),
                stories_index: urls.url(Route::StoriesIndex),
                openings: (!site.openings.list.is_empty())
                    .then(|| urls.url(Route::Openings(crate::routes::OpeningsFilter::All))),
                collections: (!site.collections.is_empty()).then(|| urls.url(Route::Collections)),
                style: urls.url(Route::Static("style.css")),
                script: urls.url(Route::Static("site.js")),
            },
            story_count: site.entries.len(),
            page_size: site.config.page_size,
            collections,
            open_total: site.openings.list.len(),
            apply: openings::apply_for(site, &urls.words, None),
            tracking: site.config.tracking.params.join(" "),
            brand,
            csp,
            script_words: urls.words.script_messages(),
        },
    );
    cx.insert("facets", &listings::facets(site, urls));
    // The language the `t` filter prints in.
    cx.insert("lang", &urls.languages.current().tag);
    cx
}

/// The name the stylesheet asks for before the system's fonts; only a site
/// with a brand font defines it.
const BRAND_FONT_FAMILY: &str = "Launchpad Brand";

fn brand_ctx(site: &Site, urls: &Urls<'_>, brand: &BrandAssets) -> BrandCtx {
    // Static files keep the names they have on disk, which may hold any
    // character: encoded, a name cannot end the `<style>` it is written in.
    let static_url = |path: &str| {
        let encoded: Vec<String> = path.split('/').map(json::url_encode).collect();
        urls.url(Route::Static(&encoded.join("/")))
    };
    let font = site.config.brand.font.as_deref().map(static_url);
    let mut css = brand.palette.css();
    if let Some(font) = &font {
        css.push_str(&format!(
            "@font-face{{font-family:\"{BRAND_FONT_FAMILY}\";src:url(\"{font}\") format(\"woff2\");font-weight:100 900;font-display:optional}}"
        ));
    }
    BrandCtx {
        css,
        theme_color: brand.palette.brand.to_string(),
        theme_color_dark: crate::palette::DARK_BG.to_string(),
        logo: brand.logo.as_ref().map(|l| {
            let (width, height) = l.fit(200.0, 40.0);
            LogoCtx {
                url: static_url(&l.path),
                width: width.round().max(1.0) as u32,
                height: height.round().max(1.0) as u32,
            }
        }),
        icon: urls.url(Route::Icon(crate::images::brand::ICON_SIZES[0])),
        touch_icon: urls.url(Route::Icon(crate::images::brand::ICON_SIZES[1])),
        font,
    }
}
