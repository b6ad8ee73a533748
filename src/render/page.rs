//! One page to render: its route, template and variables, and the memo of
//! earlier renders that lets `serve` reuse a page whose inputs did not change.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use crate::render::context::PageMeta;
use crate::routes::Route;

/// The variables of a page that are made with its job, before any page
/// renders: few and small (a role, its moves, a page number). They are
/// hashed as they are inserted, so that `serve` can tell whether a page
/// changed without making the rest of its variables.
#[derive(Clone)]
pub(crate) struct Vars {
    cx: Context,
    /// Chained over the inserts: 32 bytes, where a running hasher would
    /// be two kilobytes in every job.
    digest: blake3::Hash,
}

impl Vars {
    pub fn new() -> Vars {
        Vars {
            cx: Context::new(),
            digest: blake3::Hash::from_bytes([0; 32]),
        }
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        let mut h = blake3::Hasher::new();
        h.update(self.digest.as_bytes());
        h.update(&(key.len() as u64).to_le_bytes());
        h.update(key.as_bytes());
        // JSON delimits itself, so it is hashed as it is written, with no
        // buffer. Serialising our context types cannot fail.
        let _ = serde_json::to_writer(&mut h, value);
        self.digest = h.finalize();
        self.cx.insert(key, value);
    }

    pub(crate) fn digest(&self) -> blake3::Hash {
        self.digest
    }

    pub(crate) fn context(self) -> Context {
        self.cx
    }
}

/// The rest of a page's variables, added to the context of its `Vars` only
/// when the page renders, so a big site's story contexts never all exist at
/// once. They are given the entries the job `shows`, and may read only those, the globals and
/// what the job's `Vars` hold: that is all the memo compares.
pub(crate) type LazyVars<'a> = Box<dyn FnOnce(&[usize], &mut Context) + Send + 'a>;

/// One page to render, with everything it is made from declared: its
/// template, its route and metadata, its variables made up front, and the
/// site entries whose stories it shows.
pub(crate) struct Job<'a> {
    pub template: &'static str,
    pub route: Route<'a>,
    pub meta: PageMeta,
    pub vars: Vars,
    /// Variables the page shares with the other pages of its listing.
    pub shared: Option<Arc<Vars>>,
    /// Indexes of the entries the page shows as teasers, in `site.entries`.
    pub shows: Vec<usize>,
    /// The entry the page shows whole (a story page's own story).
    pub whole: Option<usize>,
    pub lazy: Option<LazyVars<'a>>,
}

impl<'a> Job<'a> {
    /// A page whose variables are all made up front.
    pub fn new(template: &'static str, route: Route<'a>, meta: PageMeta, vars: Vars) -> Job<'a> {
        Job {
            template,
            route,
            meta,
            vars,
            shared: None,
            shows: Vec::new(),
            whole: None,
            lazy: None,
        }
    }

    /// The page also has `shared`, the variables of its whole listing:
    /// made once, not copied into every page's job.
    pub fn sharing(mut self, shared: Arc<Vars>) -> Job<'a> {
        self.shared = Some(shared);
        self
    }

    /// The page shows these entries as teasers, and makes the rest of its
    /// variables from them with `lazy` when it renders.
    pub fn showing(mut self, shows: Vec<usize>, lazy: LazyVars<'a>) -> Job<'a> {
        self.shows = shows;
        self.lazy = Some(lazy);
        self
    }

    /// The page's variables, all of them, with `page`.
    /// The page shows this entry whole: its body, timeline and all.
    pub fn whole(mut self, entry: usize) -> Job<'a> {
        self.whole = Some(entry);
        self
    }

    pub fn context(self) -> Context {
        let mut cx = match &self.shared {
            Some(shared) => {
                let mut cx = shared.cx.clone();
                cx.extend(self.vars.context());
                cx
            }
            None => self.vars.context(),
        };
        if let Some(lazy) = self.lazy {
            lazy(&self.shows, &mut cx);
        }
        cx.insert("page", &self.meta);
        cx
    }
}

/// The pages of the previous render and what each was made from. `serve`
/// keeps it between rebuilds; a page whose template, globals and variables
/// hash the same is not rendered again.
#[derive(Default)]
pub struct PageMemo {
    pub(crate) pages: HashMap<String, (blake3::Hash, Arc<[u8]>)>,
    /// Each story's entry of `stories.json`, by what it is made from.
    pub(crate) index_entries: HashMap<blake3::Hash, Arc<[u8]>>,
    /// The feed, sitemap and robots.txt, by what they are made from.
    pub(crate) feeds: Option<(blake3::Hash, Vec<crate::render::Output>)>,
    /// Every page of the last render, while what shapes them stays the same.
    pub(crate) plan: Option<crate::render::plan::Plan>,
}

impl PageMemo {
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

/// Parts hashed as one: each written to a buffer after its length, and
/// the buffer hashed once. A `blake3::Hasher` is two kilobytes of state,
/// and for the few short parts of an entry or a page, making one and
/// feeding it part by part costs more than the hashing (tens of thousands
/// of them on every save of a large site).
pub(crate) struct Parts(Vec<u8>);

impl Parts {
    pub fn new() -> Parts {
        Parts(Vec::with_capacity(512))
    }

    /// A part of any length.
    pub fn part(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    /// A hash, whose length is fixed.
    pub fn hash(&mut self, hash: &blake3::Hash) {
        self.0.extend_from_slice(hash.as_bytes());
    }

    pub fn finish(&self) -> blake3::Hash {
        blake3::hash(&self.0)
    }
}

/// What an entry looks like on a page, hashed: as a teaser, and whole.
pub(crate) struct EntryDigests {
    /// Everything a teaser shows of it.
    pub teaser: blake3::Hash,
    /// The story's memo key and the teaser: everything its own page shows.
    pub whole: Option<blake3::Hash>,
    /// Its place in the indexes: see `plan::shape`.
    pub shape: blake3::Hash,
}
