//! The route table: where every output lives. Each file of the output and
//! each address a template or feed links to is formed here, from a typed
//! [`Route`], and nowhere else (a test greps the rest of `src/` for path
//! formatting). A second language, or a new page kind, is a change to this
//! file and not to every module that links somewhere.
//!
//! A page is a folder with an `index.html` (`stories/maria-santos/`), so its
//! address has no file name; every other output is a file at its own path.
//!
//! The language is a parameter of every route: a [`Routes`] is the table
//! of one language. The default language's pages are at the root, as on a
//! site of one language; every other language's are in a folder named
//! after its tag in lower case (`pt-pt/stories/maria-santos/`). Files that
//! do not depend on the language (photos, icons, the theme's files, share
//! cards, which are named after what they show, robots.txt and the
//! sitemap, which lists every language) are shared, at the root.

use serde::Serialize;

/// The filter families whose values have listing pages of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Facet {
    /// The role a story's journey ends in.
    Destination,
    Department,
    /// The role a journey starts in.
    Start,
    /// Months from the first role to the first move, in bands.
    FirstMove,
    Location,
    Tag,
}

impl Facet {
    fn folder(self) -> &'static str {
        match self {
            Facet::Destination => "destinations",
            Facet::Department => "departments",
            Facet::Start => "starting-roles",
            Facet::FirstMove => "first-move",
            Facet::Location => "locations",
            Facet::Tag => "tags",
        }
    }
}

/// A paginated list of stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing<'a> {
    /// The home page: every story.
    Index,
    /// The stories that pass through a role (by id).
    Role(&'a str),
    /// The stories with one value of a facet (by the value's id or slug).
    Facet(Facet, &'a str),
}

/// Whose share card a card is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardOf {
    /// By slug.
    Story(String),
    /// By id.
    Collection(String),
    /// Another page (the home page, a listing, the career map), by its
    /// address after the base path (`Route::rel`: `""`, `roles/agent/`).
    Page(String),
}

/// Which open positions a page of `/openings/` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpeningsFilter<'a> {
    All,
    /// By department id.
    Department(&'a str),
    /// By the location's slug.
    Location(&'a str),
}

/// One output of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// Page `page` (1-based) of a listing; page 1 is the listing's own address.
    Listing(Listing<'a>, usize),
    /// A story, by slug.
    Story(&'a str),
    /// A collection, by id.
    Collection(&'a str),
    /// Every collection.
    Collections,
    /// The career map.
    Paths,
    /// The open positions, all or one department's or location's.
    Openings(OpeningsFilter<'a>),
    /// The printable share kit of a story, by slug.
    StoryKit(&'a str),
    /// The printable share kit of a collection, by id.
    CollectionKit(&'a str),
    NotFound,
    Feed,
    Sitemap,
    Robots,
    /// The filter index the script reads.
    StoriesIndex,
    /// A share card, with a hash of what it shows: a changed card gets a new
    /// address, so no social network shows a stale one.
    Card(&'a CardOf, &'a str),
    /// One size of a story's photo: slug, hash of the photo, width, extension.
    Photo {
        slug: &'a str,
        hash: &'a str,
        width: u32,
        ext: &'a str,
    },
    /// The site's icon at a size in pixels (square PNG).
    Icon(u32),
    /// A file of the theme or `content/static/`, at its own path.
    Static(&'a str),
}

/// A page's file in its folder.
const PAGE_FILE: &str = "index.html";

impl Route<'_> {
    /// The address after the base path: `stories/x/` for a page, the file's
    /// path for anything else.
    pub fn rel(&self) -> String {
        match *self {
            Route::Listing(listing, page) => {
                let own = match listing {
                    Listing::Index => String::new(),
                    Listing::Role(id) => format!("roles/{id}/"),
                    Listing::Facet(facet, id) => format!("{}/{id}/", facet.folder()),
                };
                if page <= 1 {
                    own
                } else {
                    format!("{own}page/{page}/")
                }
            }
            Route::Story(slug) => format!("stories/{slug}/"),
            Route::Collection(id) => format!("collections/{id}/"),
            Route::Collections => "collections/".into(),
            Route::Paths => "paths/".into(),
            Route::Openings(filter) => match filter {
                OpeningsFilter::All => "openings/".into(),
                OpeningsFilter::Department(id) => format!("openings/departments/{id}/"),
                OpeningsFilter::Location(slug) => format!("openings/locations/{slug}/"),
            },
            Route::StoryKit(slug) => format!("stories/{slug}/share/"),
            Route::CollectionKit(id) => format!("collections/{id}/share/"),
            Route::NotFound => "404.html".into(),
            Route::Feed => "feed.xml".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::StoriesIndex => "stories.json".into(),
            Route::Card(of, hash) => match of {
                CardOf::Story(slug) => format!("cards/{slug}-{hash}.png"),
                CardOf::Collection(id) => format!("cards/collection-{id}-{hash}.png"),
                // In a folder of their own: no story slug can hold a `/`.
                CardOf::Page(rel) => {
                    let name = rel.trim_end_matches('/').replace('/', "-");
                    let name = if name.is_empty() {
                        "home"
                    } else {
                        name.as_str()
                    };
                    format!("cards/pages/{name}-{hash}.png")
                }
            },
            Route::Photo {
                slug,
                hash,
                width,
                ext,
            } => format!("img/{slug}-{hash}-{width}.{ext}"),
            Route::Icon(size) => format!("icon-{size}.png"),
            Route::Static(path) => path.to_string(),
        }
    }

    /// The file's path inside the output folder.
    pub fn file(&self) -> String {
        let rel = self.rel();
        if self.is_folder() {
            format!("{rel}{PAGE_FILE}")
        } else {
            rel
        }
    }

    /// A page known by its folder (everything but 404 is).
    fn is_folder(&self) -> bool {
        matches!(
            self,
            Route::Listing(..)
                | Route::Story(_)
                | Route::Collection(_)
                | Route::Collections
                | Route::Paths
                | Route::Openings(_)
                | Route::StoryKit(_)
                | Route::CollectionKit(_)
        )
    }

    /// Whether the sitemap lists it: every page but 404 and the share
    /// kits, which are printouts for recruiters, not pages to find.
    pub fn in_sitemap(&self) -> bool {
        self.is_folder() && !matches!(self, Route::StoryKit(_) | Route::CollectionKit(_))
    }

    /// The same file in every language (see the module's comment).
    pub fn is_shared(&self) -> bool {
        matches!(
            self,
            Route::Card(..)
                | Route::Photo { .. }
                | Route::Icon(_)
                | Route::Static(_)
                | Route::Robots
                | Route::Sitemap
        )
    }
}

/// The folder of a language's pages: none for the default language, the
/// tag in lower case for any other (`pt-PT` -> `pt-pt/`), so that an
/// address does not depend on how site.yaml wrote the tag.
pub fn language_folder(tag: &str, default: bool) -> String {
    if default {
        String::new()
    } else {
        format!("{}/", tag.to_ascii_lowercase())
    }
}

/// The site's addresses: a route -> a link (root-relative) or an absolute URL.
#[derive(Debug, Clone)]
pub struct Routes {
    base_url: String,
    base_path: String,
    /// The language's folder (`pt-pt/`), empty for the default language.
    folder: String,
}

impl Routes {
    /// `base_url` is absolute and ends in `/`.
    pub fn new(base_url: &str) -> Routes {
        Routes {
            base_url: base_url.to_string(),
            base_path: base_path(base_url),
            folder: String::new(),
        }
    }

    /// The table of the language whose folder is `folder` (see
    /// [`language_folder`]).
    pub fn in_language(&self, folder: &str) -> Routes {
        Routes {
            folder: folder.to_string(),
            ..self.clone()
        }
    }

    /// The route's address after the base path, in this table's language.
    pub fn rel(&self, route: Route<'_>) -> String {
        if route.is_shared() || self.folder.is_empty() {
            route.rel()
        } else {
            format!("{}{}", self.folder, route.rel())
        }
    }

    /// The route's file in the output folder, in this table's language.
    pub fn file(&self, route: Route<'_>) -> String {
        if route.is_shared() || self.folder.is_empty() {
            route.file()
        } else {
            format!("{}{}", self.folder, route.file())
        }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The path part of the base URL (`/alumni/`): what every link starts with.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Root-relative link (`/alumni/stories/x/`).
    pub fn url(&self, route: Route<'_>) -> String {
        format!("{}{}", self.base_path, self.rel(route))
    }

    /// Absolute URL, for canonical links, feeds, cards and the sitemap.
    pub fn absolute(&self, route: Route<'_>) -> String {
        format!("{}{}", self.base_url, self.rel(route))
    }

    /// An absolute address of this site made root-relative, for a page to
    /// load from wherever it is served (a preview at another host too, and
    /// within the pages' `img-src 'self'`); other addresses unchanged.
    pub fn local(&self, absolute: &str) -> String {
        match absolute.strip_prefix(&self.base_url) {
            Some(rest) => format!("{}{rest}", self.base_path),
            None => absolute.to_string(),
        }
    }

    /// The address people and caches know an output file by.
    pub fn public_url(&self, file: &str) -> String {
        public_url(&self.base_url, file)
    }
}

/// An output file (`stories/x/index.html`) -> its absolute address: a page
/// is known by its folder (`stories/x/`), other files by their own path.
pub fn public_url(base_url: &str, file: &str) -> String {
    match file.strip_suffix(PAGE_FILE) {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("{base_url}{dir}"),
        _ => format!("{base_url}{file}"),
    }
}

/// A request for a folder (`stories/x/`, or `""` for the home page) -> the
/// file that answers it.
pub fn folder_file(folder: &str) -> String {
    format!("{folder}{PAGE_FILE}")
}

/// The longest URL segment made from free text (a tag, a location).
pub const SEGMENT_CHARS: usize = 64;

/// The URL segment of a free-text value such as a tag or a location: its
/// slug, and for a long one, the slug cut at a dash with a short hash of the
/// whole, so that long values stay apart and every file name stays far
/// under the 255 bytes file systems allow (the ATS, not `check`, decides
/// how long an opening's location is).
pub fn segment(text: &str) -> String {
    let slug = slug::slugify(text);
    if slug.len() <= SEGMENT_CHARS {
        return slug;
    }
    let hash = blake3::hash(slug.as_bytes()).to_hex();
    let head = &slug[..SEGMENT_CHARS - 9];
    let head = match head.rsplit_once('-') {
        Some((cut, _)) if !cut.is_empty() => cut,
        _ => head,
    };
    format!("{head}-{}", &hash[..8])
}

/// The path part of an absolute base URL: `https://x.com/alumni/` -> `/alumni/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_free_text_makes_a_bounded_segment_that_keeps_values_apart() {
        assert_eq!(segment("Night Shift"), "night-shift");
        let long_a = "a very long location name ".repeat(20) + "A";
        let long_b = "a very long location name ".repeat(20) + "B";
        let (a, b) = (segment(&long_a), segment(&long_b));
        assert!(
            a.len() <= SEGMENT_CHARS && b.len() <= SEGMENT_CHARS,
            "{a} {b}"
        );
        assert_ne!(a, b);
        assert!(a.starts_with("a-very-long-location-name-"), "{a}");
        assert_eq!(a, segment(&long_a), "the same text gives the same segment");
        let unbroken = "x".repeat(300);
        assert!(segment(&unbroken).len() <= SEGMENT_CHARS);
    }

    #[test]
    fn every_kind_of_output_has_its_documented_address() {
        let story = CardOf::Story("ana".into());
        let collection = CardOf::Collection("picks".into());
        let home = CardOf::Page(String::new());
        let role = CardOf::Page("roles/agent/".into());
        let cases = [
            (
                Route::Card(&home, "0123456789"),
                "cards/pages/home-0123456789.png",
                "cards/pages/home-0123456789.png",
            ),
            (
                Route::Card(&role, "0123456789"),
                "cards/pages/roles-agent-0123456789.png",
                "cards/pages/roles-agent-0123456789.png",
            ),
            (Route::Listing(Listing::Index, 1), "", "index.html"),
            (
                Route::Listing(Listing::Index, 3),
                "page/3/",
                "page/3/index.html",
            ),
            (
                Route::Listing(Listing::Role("agent"), 1),
                "roles/agent/",
                "roles/agent/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::Destination, "pm"), 2),
                "destinations/pm/page/2/",
                "destinations/pm/page/2/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::Start, "agent"), 1),
                "starting-roles/agent/",
                "starting-roles/agent/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::FirstMove, "under-1-year"), 1),
                "first-move/under-1-year/",
                "first-move/under-1-year/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::Location, "lisbon"), 1),
                "locations/lisbon/",
                "locations/lisbon/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::Department, "ops"), 1),
                "departments/ops/",
                "departments/ops/index.html",
            ),
            (
                Route::Listing(Listing::Facet(Facet::Tag, "remote"), 1),
                "tags/remote/",
                "tags/remote/index.html",
            ),
            (
                Route::Story("ana"),
                "stories/ana/",
                "stories/ana/index.html",
            ),
            (
                Route::Collection("picks"),
                "collections/picks/",
                "collections/picks/index.html",
            ),
            (Route::Collections, "collections/", "collections/index.html"),
            (Route::Paths, "paths/", "paths/index.html"),
            (
                Route::Openings(OpeningsFilter::All),
                "openings/",
                "openings/index.html",
            ),
            (
                Route::Openings(OpeningsFilter::Department("it")),
                "openings/departments/it/",
                "openings/departments/it/index.html",
            ),
            (
                Route::Openings(OpeningsFilter::Location("porto")),
                "openings/locations/porto/",
                "openings/locations/porto/index.html",
            ),
            (
                Route::StoryKit("ana"),
                "stories/ana/share/",
                "stories/ana/share/index.html",
            ),
            (
                Route::CollectionKit("picks"),
                "collections/picks/share/",
                "collections/picks/share/index.html",
            ),
            (Route::NotFound, "404.html", "404.html"),
            (Route::Feed, "feed.xml", "feed.xml"),
            (Route::Sitemap, "sitemap.xml", "sitemap.xml"),
            (Route::Robots, "robots.txt", "robots.txt"),
            (Route::StoriesIndex, "stories.json", "stories.json"),
            (
                Route::Card(&story, "0123456789"),
                "cards/ana-0123456789.png",
                "cards/ana-0123456789.png",
            ),
            (
                Route::Card(&collection, "0123456789"),
                "cards/collection-picks-0123456789.png",
                "cards/collection-picks-0123456789.png",
            ),
            (
                Route::Photo {
                    slug: "ana",
                    hash: "abc",
                    width: 480,
                    ext: "webp",
                },
                "img/ana-abc-480.webp",
                "img/ana-abc-480.webp",
            ),
            (Route::Icon(180), "icon-180.png", "icon-180.png"),
            (Route::Static("style.css"), "style.css", "style.css"),
        ];
        for (route, rel, file) in cases {
            assert_eq!(route.rel(), rel, "{route:?}");
            assert_eq!(route.file(), file, "{route:?}");
        }
    }

    #[test]
    fn links_start_with_the_base_path_and_absolute_urls_with_the_base_url() {
        let routes = Routes::new("https://x.com/alumni/");
        assert_eq!(routes.base_path(), "/alumni/");
        assert_eq!(routes.url(Route::Story("a")), "/alumni/stories/a/");
        assert_eq!(
            routes.absolute(Route::Story("a")),
            "https://x.com/alumni/stories/a/"
        );
        assert_eq!(Routes::new("https://x.com/").base_path(), "/");
        assert_eq!(Routes::new("http://localhost:1111/").base_path(), "/");
    }

    #[test]
    fn every_language_but_the_default_has_its_pages_in_a_folder_of_its_own() {
        let routes = Routes::new("https://x.com/alumni/");
        let pt = routes.in_language(&language_folder("pt-PT", false));
        assert_eq!(language_folder("en", true), "");
        assert_eq!(pt.url(Route::Story("a")), "/alumni/pt-pt/stories/a/");
        assert_eq!(
            pt.absolute(Route::Listing(Listing::Index, 1)),
            "https://x.com/alumni/pt-pt/"
        );
        assert_eq!(pt.file(Route::NotFound), "pt-pt/404.html");
        assert_eq!(pt.file(Route::Feed), "pt-pt/feed.xml");
        assert_eq!(pt.file(Route::StoriesIndex), "pt-pt/stories.json");
        assert_eq!(
            pt.file(Route::Listing(Listing::Index, 2)),
            "pt-pt/page/2/index.html"
        );
        // Shared by every language.
        let card = CardOf::Story("a".into());
        assert_eq!(
            pt.file(Route::Card(&card, "0123456789")),
            "cards/a-0123456789.png"
        );
        assert_eq!(pt.url(Route::Static("style.css")), "/alumni/style.css");
        assert_eq!(pt.file(Route::Sitemap), "sitemap.xml");
        assert_eq!(pt.file(Route::Icon(32)), "icon-32.png");
        // The default language's table is the one-language site's.
        let en = routes.in_language(&language_folder("en", true));
        assert_eq!(en.url(Route::Story("a")), routes.url(Route::Story("a")));
        assert_eq!(en.file(Route::Feed), "feed.xml");
    }

    #[test]
    fn a_page_is_known_by_its_folder_and_a_file_by_its_path() {
        let base = "https://x.com/";
        assert_eq!(public_url(base, "index.html"), "https://x.com/");
        assert_eq!(
            public_url(base, "stories/a/index.html"),
            "https://x.com/stories/a/"
        );
        assert_eq!(public_url(base, "404.html"), "https://x.com/404.html");
        assert_eq!(public_url(base, "feed.xml"), "https://x.com/feed.xml");
        // A static file that happens to end in the page file's name.
        assert_eq!(
            public_url(base, "myindex.html"),
            "https://x.com/myindex.html"
        );
    }
}
