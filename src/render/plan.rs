//! The page plan `serve` keeps between rebuilds: every page's path,
//! template and the hash of what it is made from besides the stories it
//! shows. Making the jobs of a large site's pages costs more than a save
//! should, so when nothing that shapes the pages changed (the plan's key),
//! the plan says which pages a save reached without making any job, and
//! only the story pages among them get a job and render.
//!
//! Not for: `build` and `check`, which make every page once anyway.

use crate::render::context::Urls;
use crate::render::page::{EntryDigests, Job, Parts};
use crate::site::{Entry, Site};
use crate::theme::Templates;

/// One page as planned.
#[derive(Clone)]
pub(crate) struct Planned {
    pub path: String,
    pub template: &'static str,
    /// Everything the page is made from but its template and the entries
    /// it shows: see [`base_hash`].
    pub base: blake3::Hash,
    pub shows: Vec<usize>,
    pub whole: Option<usize>,
}

impl Planned {
    pub fn of(job: &Job<'_>, path: &str, globals: &blake3::Hash) -> Planned {
        Planned {
            path: path.to_string(),
            template: job.template,
            base: base_hash(globals, job, path),
            shows: job.shows.clone(),
            whole: job.whole,
        }
    }

    /// The page's hash (see [`page_hash`]); `None` when an entry it shows
    /// whole has no memo key, so it must render.
    pub fn hash(&self, templates: &Templates, entries: &[EntryDigests]) -> Option<blake3::Hash> {
        page_hash(
            templates,
            self.template,
            &self.base,
            &self.shows,
            self.whole,
            entries,
        )
    }
}

/// The pages of the last render that made every job, valid while its key is.
pub(crate) struct Plan {
    pub key: blake3::Hash,
    pub pages: Vec<Planned>,
    /// The sitemap's addresses, sorted.
    pub sitemap: Vec<crate::render::feeds::SitemapUrl>,
}

/// What every page's job is made from but the entries' texts: the globals
/// (settings, career, facets, collections), each entry's place in the
/// indexes and figures (see [`shape`]), the collections' members and the
/// share cards' addresses. While it is the same, every listing page has the
/// same variables and shows the same entries, and a story page shows the
/// same related stories; a story page's own texts are in its entry's
/// digest, which its page hash includes.
pub(crate) fn key(
    site: &Site,
    globals: &blake3::Hash,
    urls: &Urls<'_>,
    entries: &[EntryDigests],
) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(globals.as_bytes());
    for e in entries {
        h.update(e.shape.as_bytes());
    }
    for (c, ids) in &site.collections {
        let text = format!("{c:?}");
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
        h.update(&(ids.len() as u64).to_le_bytes());
        for i in ids {
            h.update(&i.to_le_bytes());
        }
    }
    for url in urls.cards.values() {
        h.update(&(url.len() as u64).to_le_bytes());
        h.update(url.as_bytes());
    }
    h.finalize()
}

/// An entry's place in the indexes and figures (see `site::place`); the
/// departments it passed through come from its roles and the career
/// catalogue, which the globals cover.
pub(crate) fn shape(e: &Entry) -> blake3::Hash {
    blake3::hash(&crate::site::place(&e.story))
}

/// A page's inputs but its template and entries: the globals, its
/// variables made up front, its metadata and path.
pub(crate) fn base_hash(globals: &blake3::Hash, job: &Job<'_>, path: &str) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(globals.as_bytes());
    h.update(job.vars.digest().as_bytes());
    if let Some(shared) = &job.shared {
        h.update(shared.digest().as_bytes());
    }
    let _ = serde_json::to_writer(&mut h, &job.meta);
    h.update(path.as_bytes());
    h.finalize()
}

/// Everything a page is made from, hashed: its template and the templates
/// that one uses, its base (see [`base_hash`]) and the entries it shows.
/// `None` when the entry it shows whole has no memo key (it was not
/// validated through the memo): such a page is always rendered.
pub(crate) fn page_hash(
    templates: &Templates,
    template: &str,
    base: &blake3::Hash,
    shows: &[usize],
    whole: Option<usize>,
    entries: &[EntryDigests],
) -> Option<blake3::Hash> {
    let mut h = Parts::new();
    h.hash(&templates.fingerprint(template));
    h.hash(base);
    for &i in shows {
        h.hash(&entries.get(i)?.teaser);
    }
    if let Some(i) = whole {
        h.hash(&entries.get(i)?.whole?);
    }
    Some(h.finish())
}
