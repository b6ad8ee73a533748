//! Story photos and share cards as output files and template variables.
//! Photos are copied from the image cache under `img/`; cards are rendered
//! from `card.svg`, rasterised (or found in the cache) and written under
//! `cards/`. File names carry a hash of what they are made from, so a changed photo
//! or card gets a new URL and no browser or social network shows a stale one.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::images::cache::{self, Cache};
use crate::images::{Processed, Work, cards};
use crate::render::Output;
use crate::render::context::{Urls, role_title};
use crate::render::templates::Templates;
use crate::site::Site;

/// A story photo for `<picture>`: JPEG for every browser, WebP where smaller.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoCtx {
    /// The middle JPEG, for `src`.
    pub src: String,
    /// Size of `src`, for `width` and `height` (no layout shift).
    pub width: u32,
    pub height: u32,
    /// `URL 480w, URL 960w, ...`
    pub srcset: String,
    /// The same for WebP, or empty.
    pub webp_srcset: String,
    pub alt: String,
}

/// Photo and card outputs, and what templates need to show them.
#[derive(Default)]
pub struct Assets {
    pub photos: BTreeMap<String, PhotoCtx>,
    /// `story/SLUG` or `collection/ID` -> absolute card URL.
    pub cards: BTreeMap<String, String>,
    pub outputs: Vec<Output>,
}

pub fn photos(
    site: &Site,
    processed: &BTreeMap<String, Processed>,
    urls: &Urls<'_>,
    assets: &mut Assets,
) {
    for (slug, p) in processed {
        let Some(entry) = site.by_slug.get(slug).map(|&i| &site.entries[i]) else {
            continue;
        };
        let alt = entry
            .story
            .photo
            .as_ref()
            .map(|ph| ph.alt.clone())
            .unwrap_or_default();
        let tag = &p.key[..10];
        let mut jpeg = Vec::new();
        let mut webp = Vec::new();
        for v in &p.variants {
            let ext = if v.format == "webp" { "webp" } else { "jpg" };
            let rel = format!("img/{slug}-{tag}-{}.{ext}", v.width);
            assets.outputs.push(Output::Cached(rel.clone(), p.file(v)));
            let candidate = (urls.path(&rel), v);
            if v.format == "webp" {
                webp.push(candidate)
            } else {
                jpeg.push(candidate)
            }
        }
        let srcset = |list: &[(String, &crate::images::Variant)]| {
            list.iter()
                .map(|(url, v)| format!("{url} {}w", v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some((src, middle)) = jpeg.get(jpeg.len() / 2).cloned() else {
            continue;
        };
        assets.photos.insert(
            slug.clone(),
            PhotoCtx {
                src,
                width: middle.width,
                height: middle.height,
                srcset: srcset(&jpeg),
                webp_srcset: srcset(&webp),
                alt,
            },
        );
    }
}

/// Part of every card's cache key: bump when drawing or encoding changes.
const CARDS_VERSION: &str = "cards-2";

/// What a card template sees as `card`.
#[derive(Serialize)]
struct CardCtx {
    kind: &'static str,
    site_title: String,
    name: String,
    headline: String,
    /// `Customer Service Agent → Team Lead → Product Manager`
    journey: String,
    /// The photo as a `data:` URL, or none.
    photo: Option<String>,
}

/// Renders every story's and collection's card, in parallel, reusing cached
/// PNGs. Fails with the template's diagnostics if `card.svg` is broken.
pub fn cards(
    site: &Site,
    templates: &Templates,
    processed: &BTreeMap<String, Processed>,
    cache: &Cache,
    urls: &Urls<'_>,
    assets: &mut Assets,
    work: &mut Work,
) -> Result<(), Vec<Diagnostic>> {
    // Per card: its id, its file name, what it shows, and its photo (the
    // square made for cards, with the photo's cache key) if it has one.
    type CardJob = (String, String, CardCtx, Option<(String, PathBuf)>);
    let mut jobs: Vec<CardJob> = site
        .entries
        .iter()
        // Consent to the story but not to a card: none is made or linked.
        .filter(|e| e.story.card)
        .map(|e| {
            let s = &e.story;
            let photo = processed
                .get(&s.slug)
                .map(|p| (p.key.clone(), p.card_file()));
            let journey = e
                .roles
                .iter()
                .map(|r| role_title(site, r))
                .collect::<Vec<_>>()
                .join(" → ");
            let ctx = CardCtx {
                kind: "story",
                site_title: site.config.title.clone(),
                name: s.name.clone(),
                headline: s.headline.clone(),
                journey,
                photo: None,
            };
            (format!("story/{}", s.slug), s.slug.clone(), ctx, photo)
        })
        .collect();
    for (c, ids) in &site.collections {
        let n = ids.len();
        let ctx = CardCtx {
            kind: "collection",
            site_title: site.config.title.clone(),
            name: c.title.clone(),
            headline: c.intro.clone().unwrap_or_default(),
            journey: format!("{n} alumni {}", if n == 1 { "story" } else { "stories" }),
            photo: None,
        };
        jobs.push((
            format!("collection/{}", c.id),
            format!("collection-{}", c.id),
            ctx,
            None,
        ));
    }
    let template = templates.fingerprint("card.svg");
    let rendered = AtomicUsize::new(0);
    let results: Vec<Result<(String, Output), Vec<Diagnostic>>> = jobs
        .into_par_iter()
        .map(|(id, name, mut ctx, photo)| {
            // Keyed by what is drawn, not by the drawing: a cached card
            // costs a hash, not a template render.
            let ctx_json = serde_json::to_vec(&ctx).unwrap_or_default();
            let photo_key = photo.as_ref().map_or("", |(k, _)| k.as_str());
            let key = cache::key(&[
                CARDS_VERSION.as_bytes(),
                template.as_bytes(),
                &ctx_json,
                photo_key.as_bytes(),
            ]);
            let entry = cache.entry("cards", &key);
            if !cache.is_complete(&entry) {
                let has_photo = photo.is_some();
                ctx.photo = photo.and_then(|(_, file)| {
                    let bytes = std::fs::read(file).ok()?;
                    Some(format!(
                        "data:image/jpeg;base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(bytes)
                    ))
                });
                let mut cx = Context::new();
                cx.insert("card", &ctx);
                let svg = templates.render("card.svg", &cx)?;
                let png = cards::rasterize(&svg, has_photo).map_err(|why| card_error(&why))?;
                cache
                    .write(&entry, &[("card.png", &png)], b"{}")
                    .map_err(|e| card_error(&format!("cannot write the image cache: {e}")))?;
                rendered.fetch_add(1, Ordering::Relaxed);
            }
            let rel = format!("cards/{name}-{}.png", &key[..10]);
            Ok((id, Output::Cached(rel, entry.join("card.png"))))
        })
        .collect();
    let total = results.len();
    for r in results {
        let (id, output) = r?;
        assets.cards.insert(id, urls.absolute(output.path()));
        assets.outputs.push(output);
    }
    let rendered = rendered.load(Ordering::Relaxed);
    work.cards_rendered += rendered;
    work.cards_cached += total - rendered;
    Ok(())
}

fn card_error(why: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    Reporter::new("themes/*/templates/card.svg", &mut out)
        .error(Pos::START, "template-error", why.to_string())
        .help("the card template must render to valid SVG");
    out
}
