//! Images: story photos (decoded, oriented, resized, re-encoded with no
//! metadata) and share cards (an SVG template rasterised to PNG), two
//! stages of the pipeline. They read photo files and read and write the
//! image cache; nothing else in the build touches the disk between load and
//! write. With a read-only cache (`check`) they decode and draw what is not
//! cached, to find what would fail, and write nothing.

pub mod brand;
pub mod cache;
pub mod drawing;
pub mod photos;
pub mod share_cards;

pub use share_cards::{CardMemo, ShareCards, share_cards};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::types::Story;
use crate::diagnostics::{Diagnostic, Reporter};
use crate::images::cache::Cache;
use crate::images::photos::PhotoError;
use crate::site::Site;

/// One encoded size of a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// `jpeg` or `webp`.
    pub format: String,
    /// File name inside the cache entry.
    pub file: String,
}

/// A processed photo: its variants, in the cache.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Processed {
    /// Size after orientation (of the largest variant's source).
    pub width: u32,
    pub height: u32,
    pub variants: Vec<Variant>,
    /// The middle square at `CARD_PHOTO` pixels, JPEG: what share cards
    /// embed, so drawing a card never decodes and scales a large photo.
    pub card: String,
    #[serde(skip)]
    pub entry: PathBuf,
    /// Part of the cache key: changes when the photo does, so URLs do too.
    #[serde(skip)]
    pub key: String,
}

impl Processed {
    pub fn file(&self, v: &Variant) -> PathBuf {
        self.entry.join(&v.file)
    }

    pub fn card_file(&self) -> PathBuf {
        self.entry.join(&self.card)
    }
}

/// Side of the square photo on a share card (the built-in `card.svg`
/// draws it at this size).
pub const CARD_PHOTO: u32 = 370;

/// What the image stage did, for the build summary and the tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    pub photos_processed: usize,
    pub photos_cached: usize,
    pub cards_rendered: usize,
    pub cards_cached: usize,
}

/// Processing settings from site.yaml, part of every cache key.
struct Settings {
    widths: Vec<u32>,
    webp: bool,
}

impl Settings {
    fn of(site: &Site) -> Settings {
        Settings {
            widths: site.config.image_widths.clone(),
            webp: site.config.image_formats.iter().any(|f| f == "webp"),
        }
    }

    fn fingerprint(&self) -> String {
        format!(
            "widths={:?};webp={};jpeg={};webpq={};card={}",
            self.widths,
            self.webp,
            photos::JPEG_QUALITY,
            photos::WEBP_QUALITY,
            CARD_PHOTO
        )
    }
}

/// A processed photo or what is wrong with it; outside, a cache failure.
type Outcome = anyhow::Result<Result<Processed, PhotoError>>;

/// Photo processing for every published story with a photo, in parallel.
/// Returns processed photos by story slug, and a diagnostic for each bad
/// one; a cache that cannot be written is an I/O error.
pub fn process_photos(
    sites: &[Site],
    root: &Path,
    cache: &Cache,
    work: &mut Work,
) -> anyhow::Result<(BTreeMap<String, Processed>, Vec<Diagnostic>)> {
    let settings = Settings::of(&sites[0]);
    // A story's photo is the same in every language: it is made once, and
    // its errors reported on the story as the first language shows it.
    let mut seen = std::collections::HashSet::new();
    let jobs: Vec<(&str, &Story)> = sites
        .iter()
        .flat_map(|site| &site.entries)
        .filter(|e| e.story.photo.is_some() && seen.insert(e.story.slug.as_str()))
        .map(|e| (e.story.slug.as_str(), &*e.story))
        .collect();
    let done = AtomicUsize::new(0);
    let processed = AtomicUsize::new(0);
    let progress = jobs.len() >= PROGRESS_AT;
    let results: Vec<(String, Outcome, &Story)> = jobs
        .par_iter()
        .map(|(slug, story)| {
            let photo = story.photo.as_ref().expect("filtered on photo");
            let result = process_one(&root.join(&photo.path), &settings, cache, &processed);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if progress && (n.is_multiple_of(25) || n == jobs.len()) {
                eprintln!("Processing photos: {n}/{}", jobs.len());
            }
            (slug.to_string(), result, *story)
        })
        .collect();
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    for (slug, result, story) in results {
        match result? {
            Ok(p) => {
                out.insert(slug, p);
            }
            Err(e) => report(&mut diags, story, &e),
        }
    }
    work.photos_processed += processed.load(Ordering::Relaxed);
    work.photos_cached += out.len().saturating_sub(processed.load(Ordering::Relaxed));
    Ok((out, diags))
}

/// Photos at which a progress line is printed.
const PROGRESS_AT: usize = 50;

fn report(diags: &mut Vec<Diagnostic>, story: &Story, e: &PhotoError) {
    let Some(photo) = &story.photo else { return };
    Reporter::new(&story.file, diags)
        .error(photo.pos, e.code(), e.message())
        .help(e.help());
}

fn read_photo(path: &Path) -> Result<Vec<u8>, PhotoError> {
    let len = std::fs::metadata(path)
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?
        .len();
    if len > photos::MAX_PHOTO_BYTES as u64 {
        return Err(PhotoError::TooLarge {
            bytes: len as usize,
        });
    }
    std::fs::read(path).map_err(|e| PhotoError::Corrupt(e.to_string()))
}

/// Outer error: the cache cannot be written. Inner: the photo is bad.
fn process_one(
    path: &Path,
    settings: &Settings,
    cache: &Cache,
    processed: &AtomicUsize,
) -> anyhow::Result<Result<Processed, PhotoError>> {
    let bytes = match read_photo(path) {
        Ok(bytes) => bytes,
        Err(e) => return Ok(Err(e)),
    };
    let key = cache::key(&[&bytes, settings.fingerprint().as_bytes()]);
    let entry = cache.entry("photos", &key);
    if let Some(sealed) = cache.open(&entry)
        && let Ok(mut p) = serde_json::from_slice::<Processed>(&sealed.manifest)
        && p.variants
            .iter()
            .map(|v| &v.file)
            .chain([&p.card])
            .all(|f| sealed.files.contains_key(f))
    {
        p.entry = entry;
        p.key = key;
        return Ok(Ok(p));
    }
    let decoded = match photos::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(e) => return Ok(Err(e)),
    };
    let (width, height) = decoded.image.dimensions();
    if !cache.is_writable() {
        return Ok(Ok(planned(width, height, settings, entry, key)));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut variants = Vec::new();
    let widths = photos::target_widths(&settings.widths, width);
    // The smaller variants are scaled from the largest, not from the
    // original: a 12,000 px photo is read once instead of once a width.
    let largest = widths
        .iter()
        .max()
        .map(|&w| photos::resize(&decoded.image, w));
    for w in widths {
        let resized = match &largest {
            Some(l) if l.width() == w => l.clone(),
            Some(l) => photos::resize(l, w),
            None => photos::resize(&decoded.image, w),
        };
        let jpeg = photos::encode_jpeg(&resized);
        let webp = settings.webp.then(|| photos::encode_webp(&resized));
        let h = resized.height();
        let mut add = |format: &str, ext: &str, bytes: Vec<u8>| {
            let file = format!("{w}.{ext}");
            variants.push(Variant {
                width: w,
                height: h,
                format: format.into(),
                file: file.clone(),
            });
            files.push((file, bytes));
        };
        // WebP only where it is smaller than the JPEG of the same size.
        if let Some(webp) = webp.filter(|webp| webp.len() < jpeg.len()) {
            add("webp", "webp", webp);
        }
        add("jpeg", "jpg", jpeg);
    }
    let card = "card.jpg".to_string();
    files.push((
        card.clone(),
        photos::encode_jpeg(&photos::square(&decoded.image, CARD_PHOTO)),
    ));
    let p = Processed {
        width,
        height,
        variants,
        card,
        entry: entry.clone(),
        key,
    };
    let manifest = serde_json::to_vec(&p).expect("manifest serializes");
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    cache
        .write(&entry, &refs, &manifest)
        .with_context(|| format!("cannot write the image cache at {}", entry.display()))?;
    processed.fetch_add(1, Ordering::Relaxed);
    Ok(Ok(p))
}

/// The variants a photo would get, without making them: what `check`
/// renders pages with. WebP is left out, since only encoding tells whether
/// it would be smaller.
fn planned(width: u32, height: u32, settings: &Settings, entry: PathBuf, key: String) -> Processed {
    let variants = photos::target_widths(&settings.widths, width)
        .into_iter()
        .map(|w| Variant {
            width: w,
            height: (u64::from(height) * u64::from(w) / u64::from(width.max(1))) as u32,
            format: "jpeg".into(),
            file: format!("{w}.jpg"),
        })
        .collect();
    Processed {
        width,
        height,
        variants,
        card: "card.jpg".into(),
        entry,
        key,
    }
}
