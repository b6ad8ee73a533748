//! One page to render: its route, template and variables, and the memo of
//! earlier renders that lets `serve` reuse a page whose inputs did not change.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use crate::render::context::PageMeta;
use crate::routes::Route;
use crate::theme::Templates;

/// A page's own template variables. When tracked (by `serve`), they are
/// kept as JSON and hashed: with the page's template and the globals, the
/// hash decides whether the page can be reused from the previous build, and
/// only a page that cannot is converted into a Tera context. `build` does
/// not track, and pays nothing for it.
#[derive(Clone)]
pub(crate) struct Vars {
    cx: Context,
    tracked: Option<Tracked>,
}

#[derive(Clone, Default)]
struct Tracked {
    hash: blake3::Hasher,
    json: Vec<(&'static str, Vec<u8>)>,
}

impl Vars {
    pub fn new(track: bool) -> Vars {
        Vars {
            cx: Context::new(),
            tracked: track.then(Tracked::default),
        }
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        match &mut self.tracked {
            Some(t) => {
                // Serialising our context types cannot fail.
                let json = serde_json::to_vec(value).unwrap_or_default();
                t.hash.update(key.as_bytes());
                t.hash.update(&(json.len() as u64).to_le_bytes());
                t.hash.update(&json);
                t.json.push((key, json));
            }
            None => self.cx.insert(key, value),
        }
    }

    /// Stops tracking (variables made before the caller knew whether to).
    pub fn tracked(self, track: bool) -> Vars {
        if track {
            return self;
        }
        Vars {
            cx: self.context(),
            tracked: None,
        }
    }

    pub(crate) fn digest(&self) -> blake3::Hash {
        self.tracked
            .as_ref()
            .map_or_else(|| blake3::hash(b""), |t| t.hash.finalize())
    }

    pub(crate) fn context(self) -> Context {
        let mut cx = self.cx;
        for (key, json) in self.tracked.map(|t| t.json).unwrap_or_default() {
            let value: serde_json::Value = serde_json::from_slice(&json).unwrap_or_default();
            cx.insert(key, &value);
        }
        cx
    }

    /// Already built: for the small pages whose variables are made up front.
    pub fn ready<'a>(self) -> LazyVars<'a> {
        Box::new(move |track| self.tracked(track))
    }
}

/// Variables built only when the page is rendered, so a big site's story
/// contexts never all exist at once. The argument says whether to track.
pub(crate) type LazyVars<'a> = Box<dyn FnOnce(bool) -> Vars + Send + 'a>;

/// One page to render: template, output path and its own variables.
pub(crate) struct Job<'a> {
    pub template: &'static str,
    pub route: Route<'a>,
    pub meta: PageMeta,
    pub vars: LazyVars<'a>,
}

/// The pages of the previous render and what each was made from. `serve`
/// keeps it between rebuilds; a page whose template, globals and variables
/// hash the same is not rendered again.
#[derive(Default)]
pub struct PageMemo {
    pub(crate) pages: HashMap<String, (blake3::Hash, Arc<[u8]>)>,
}

impl PageMemo {
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

pub(crate) type MemoEntry = (String, (blake3::Hash, Arc<[u8]>));

/// Everything a page is made from, hashed: its template and the templates
/// that one uses, the globals, its own variables, its metadata and path.
pub(crate) fn page_hash(
    templates: &Templates,
    template: &str,
    globals: &blake3::Hash,
    vars: &Vars,
    meta: &PageMeta,
    path: &str,
) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(templates.fingerprint(template).as_bytes());
    h.update(globals.as_bytes());
    h.update(vars.digest().as_bytes());
    let _ = serde_json::to_writer(&mut h, meta);
    h.update(path.as_bytes());
    h.finalize()
}
