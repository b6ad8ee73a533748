//! The languages of a site as its pages see them: which languages a page
//! exists in, the links between them (`hreflang` alternates, the language
//! switcher) and the sitemap's alternates. A site of one language has none
//! of these, so its pages read as they did before it had languages.

use serde::Serialize;

use crate::routes::{Listing, Route, Routes, language_folder};
use crate::site::{Entry, Site};
use crate::theme::strings::Strings;

/// One language of the site.
#[derive(Debug, Clone)]
pub struct PageLanguage {
    /// The BCP 47 tag, as site.yaml writes it (`pt-PT`).
    pub tag: String,
    /// As the switcher shows it: site.yaml's `name`, else the string
    /// files' `language-name` (`Português`).
    pub name: String,
    /// Written right to left (Arabic, Hebrew, Persian, Urdu).
    pub rtl: bool,
    /// For `og:locale`: `pt_PT`.
    pub locale: String,
    /// Short, for the switcher on phones: `PT`, or `PT-BR` where two
    /// languages share `pt`.
    pub code: String,
    /// Its route table.
    pub routes: Routes,
}

/// The languages whose script runs right to left, by their base tag.
const RIGHT_TO_LEFT: &[&str] = &["ar", "he", "fa", "ur"];

/// Whether the language `tag` is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or(tag);
    RIGHT_TO_LEFT
        .iter()
        .any(|r| r.eq_ignore_ascii_case(primary))
}

/// The site's languages, the default first, each with its route table.
pub fn of(site: &Site, strings: &Strings) -> Vec<PageLanguage> {
    let base = Routes::new(&site.config.base_url);
    let tags: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.tag.as_str())
        .collect();
    site.config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| PageLanguage {
            name: l.name.clone().unwrap_or_else(|| {
                strings
                    .get(&l.tag, "language-name", &[])
                    .unwrap_or_else(|| l.tag.clone())
            }),
            rtl: is_rtl(&l.tag),
            locale: l.tag.replace('-', "_"),
            code: code(&tags, i),
            routes: base.in_language(&language_folder(&l.tag, i == 0)),
            tag: l.tag.clone(),
        })
        .collect()
}

/// Language `i` of `tags` as the switcher shows it on phones: its primary
/// subtag, unless another of the languages shares it.
fn code(tags: &[&str], i: usize) -> String {
    let primary = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let own = primary(tags[i]);
    let shared = tags
        .iter()
        .enumerate()
        .any(|(j, tag)| j != i && primary(tag) == own);
    if shared {
        tags[i].to_ascii_uppercase()
    } else {
        own.to_ascii_uppercase()
    }
}

/// The languages a render knows: all of the site's, the site as each
/// shows it, and the one it renders.
#[derive(Clone, Copy)]
pub struct Languages<'a> {
    pub all: &'a [PageLanguage],
    /// The model of each language, in the order of `all`.
    pub sites: &'a [Site],
    /// Index in `all` of the language being rendered.
    pub current: usize,
}

/// `language`, in every page: the page's language and its links to the
/// same page in the others.
///
/// Its strings are borrowed from the site's languages: it is made for each
/// of tens of thousands of pages.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageCtx<'a> {
    /// For `<html lang>`.
    pub lang: &'a str,
    /// `rtl` or `ltr`, for `<html dir>`.
    pub dir: &'static str,
    /// For `og:locale`: `pt_PT`.
    pub locale: &'a str,
    /// The switcher: every language, with the same page in it or, where
    /// the page has no translation, that language's home page. Empty on
    /// a site of one language.
    pub links: Vec<LanguageLinkCtx<'a>>,
    /// `<link rel="alternate" hreflang>`: this page in every language it
    /// exists in, itself included. Empty on a site of one language.
    pub alternates: Vec<AlternateCtx<'a>>,
    /// The page in the default language, else its first translation: for
    /// `hreflang="x-default"`.
    pub x_default: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLinkCtx<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    /// Short, for phones: `PT`, or `PT-BR` where two languages share `pt`.
    pub code: &'a str,
    /// Root-relative.
    pub url: String,
    /// The language of this page.
    pub current: bool,
    /// The link leads to the same page (false: to that language's home).
    pub translated: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AlternateCtx<'a> {
    pub lang: &'a str,
    /// `pt_PT`, for `og:locale:alternate`.
    pub locale: &'a str,
    /// Absolute.
    pub url: String,
}

impl<'a> Languages<'a> {
    pub fn current(&self) -> &'a PageLanguage {
        &self.all[self.current]
    }

    pub fn is_default(&self) -> bool {
        self.current == 0
    }

    /// Whether the site has more than one language.
    pub fn many(&self) -> bool {
        self.all.len() > 1
    }

    /// The route table a story's page is in.
    pub fn story_routes(&self, entry: &Entry) -> &'a Routes {
        &self.all[entry.language].routes
    }

    /// Whether the story's own page is rendered in the current language.
    pub fn has_story(&self, entry: &Entry) -> bool {
        entry.language == self.current
    }

    /// Whether `route` has a page in language `i`: a story's page and its
    /// share kit exist in each language it is written or translated in,
    /// every other page in all.
    fn exists_in(&self, route: Route<'_>, i: usize) -> bool {
        let site = &self.sites[i];
        match route {
            Route::Story(slug) | Route::StoryKit(slug) => site
                .by_slug
                .get(slug)
                .is_some_and(|&e| site.entries[e].language == i),
            _ => true,
        }
    }

    /// The languages `route` has a page in, each with its absolute URL.
    pub fn alternates(&self, route: Route<'_>) -> Vec<AlternateCtx<'a>> {
        if !self.many() {
            return Vec::new();
        }
        self.all
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.exists_in(route, i))
            .map(|(_, l)| AlternateCtx {
                lang: &l.tag,
                locale: &l.locale,
                url: l.routes.absolute(route),
            })
            .collect()
    }

    /// `language` for the page at `route` in the current language.
    pub fn page(&self, route: Route<'_>) -> LanguageCtx<'a> {
        let current = self.current();
        let alternates = self.alternates(route);
        let links = if self.many() {
            self.all
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let translated = alternates.iter().any(|a| a.lang == l.tag);
                    let to = if translated {
                        route
                    } else {
                        Route::Listing(Listing::Index, 1)
                    };
                    LanguageLinkCtx {
                        lang: &l.tag,
                        name: &l.name,
                        code: &l.code,
                        url: l.routes.url(to),
                        current: i == self.current,
                        translated,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        LanguageCtx {
            lang: &current.tag,
            dir: if current.rtl { "rtl" } else { "ltr" },
            locale: &current.locale,
            links,
            x_default: alternates.first().map(|a| a.url.clone()),
            alternates,
        }
    }
}
