//! Story photos as output files and template variables: each processed
//! size is published from the image cache under a name carrying a hash of
//! the photo, so a changed photo gets a new URL and no browser shows a
//! stale one.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::images::Processed;
use crate::render::Output;
use crate::routes::{Route, Routes};
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

/// Photo outputs, and what templates need to show them.
#[derive(Default)]
pub struct Photos {
    /// By story slug.
    pub photos: BTreeMap<String, PhotoCtx>,
    pub outputs: Vec<Output>,
}

pub fn photos(site: &Site, processed: &BTreeMap<String, Processed>, routes: &Routes) -> Photos {
    let mut assets = Photos::default();
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
            let route = Route::Photo {
                slug,
                hash: tag,
                width: v.width,
                ext,
            };
            assets.outputs.push(Output::Cached(route.file(), p.file(v)));
            let candidate = (routes.url(route), v);
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
    assets
}
