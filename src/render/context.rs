//! The variables templates see. The same structs serve the built-in theme and
//! a site's overrides; the README documents every field.

use serde::Serialize;

use std::collections::BTreeMap;

use crate::content::types::{Department, Story};
use crate::render::assets::PhotoCtx;
use crate::routes::{CardOf, Facet, Listing, Route, Routes};
use crate::site::{Entry, Site};
pub use crate::theme::strings::Words;

/// `site`: in every template.
#[derive(Debug, Clone, Serialize)]
pub struct SiteCtx {
    pub title: String,
    pub company: String,
    pub description: String,
    pub language: String,
    /// Absolute, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/alumni/`): prefix of every link.
    pub base_path: String,
    /// Links to the site's own pages and files.
    pub urls: SiteUrls,
    pub story_count: usize,
    /// Story cards per listing page.
    pub page_size: usize,
    pub collections: Vec<LinkCtx>,
    /// Open positions listed in `content/openings.yaml`.
    pub open_total: usize,
    /// Where to apply (with the share parameters), if site.yaml says.
    pub apply: Option<crate::render::openings::ApplyCtx>,
    /// The query parameters carried from landing to applying,
    /// space-separated, for the script.
    pub tracking: String,
    pub brand: BrandCtx,
    /// The Content-Security-Policy of every page, for a `<meta>` tag.
    pub csp: String,
    /// The messages the script prints, in the site's language, as JSON
    /// (for `<script type="application/json" id="words">`).
    pub script_words: String,
}

/// `site.brand`: what `site.yaml`'s `brand` block makes of the pages.
#[derive(Debug, Clone, Serialize)]
pub struct BrandCtx {
    /// For a `<style>` element: the colour variables the stylesheet reads,
    /// derived from the brand colours for light and dark mode, and the
    /// brand font's `@font-face`.
    pub css: String,
    /// The primary colour, for `<meta name="theme-color">`.
    pub theme_color: String,
    /// The page background in dark mode, the theme colour there.
    pub theme_color_dark: String,
    pub logo: Option<LogoCtx>,
    /// The 32 px icon for browser tabs, and the 180 px one for home screens.
    pub icon: String,
    pub touch_icon: String,
    /// The brand font, to preload; none when the system's fonts are used.
    pub font: Option<String>,
}

/// `site.brand.logo`: its link and its size fitted to the header (at most
/// 40 px high and 200 px wide), for `width` and `height` attributes.
#[derive(Debug, Clone, Serialize)]
pub struct LogoCtx {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// `site.urls`: root-relative links every page may need.
#[derive(Debug, Clone, Serialize)]
pub struct SiteUrls {
    /// The home page, with every story.
    pub home: String,
    /// The career map.
    pub paths: String,
    /// The Atom feed.
    pub feed: String,
    /// The filter index the script reads.
    pub stories_index: String,
    /// Every open position (`/openings/`); none without openings.
    pub openings: Option<String>,
    /// Every collection (`/collections/`); none without collections.
    pub collections: Option<String>,
    /// The built-in theme's stylesheet and script.
    pub style: String,
    pub script: String,
}

/// A named link: a department, a role, a tag, a collection.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LinkCtx {
    pub id: String,
    pub name: String,
    /// Root-relative URL (starts with `base_path`).
    pub url: String,
    /// Published stories behind the link.
    pub count: usize,
    /// Open positions behind the link (a role's or a department's).
    pub open: usize,
}

/// A story as a teaser in a list of stories (a listing page, related
/// stories, a collection): its link, name, headline and journey.
#[derive(Debug, Clone, Serialize)]
pub struct TeaserCtx {
    pub slug: String,
    /// In the story's language, which may not be the page's (see `lang`).
    pub url: String,
    /// The story's language when the page is in another; none otherwise.
    pub lang: Option<String>,
    pub name: String,
    pub headline: String,
    pub location: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `1 March 2026`.
    pub date_display: String,
    /// Titles of the journey's roles in order: `["Customer Service Agent", ...]`.
    pub path: Vec<String>,
    pub start_role: String,
    pub destination_role: String,
    pub destination_title: String,
    pub departments: Vec<String>,
    pub tags: Vec<LinkCtx>,
    pub photo: Option<PhotoCtx>,
    /// For a card without a photo: up to two initials (`AC`), and a colour
    /// picked from the name that white text reads on.
    pub initials: String,
    pub avatar_color: &'static str,
    /// From the first role to the current one (`6 years`); none for a
    /// journey of one step.
    pub span: Option<String>,
}

/// Avatar backgrounds: distinct hues, each dark enough for white initials
/// (at least 4.5:1, tested) in light and dark mode alike.
pub const AVATAR_COLORS: [&str; 8] = [
    "#6a3d9a", "#1f6680", "#a63d40", "#2e6b30", "#7a5200", "#3949ab", "#a0245e", "#00665c",
];

/// The initials of a name: its first and last words' first letters.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first_letter = |w: &&str| w.chars().find(|c| c.is_alphanumeric());
    let mut out: String = words.first().and_then(first_letter).into_iter().collect();
    if words.len() > 1 {
        out.extend(words.last().and_then(first_letter));
    }
    out.to_uppercase()
}

/// The same name gets the same colour on every build.
pub fn avatar_color(name: &str) -> &'static str {
    let hash = blake3::hash(name.as_bytes());
    AVATAR_COLORS[usize::from(hash.as_bytes()[0]) % AVATAR_COLORS.len()]
}

/// From the first role to the current one, as a card says it.
pub fn story_span(s: &Story, words: &Words<'_>) -> Option<String> {
    match (s.journey.first(), s.journey.last()) {
        (Some(first), Some(last)) if s.journey.len() > 1 => {
            Some(words.span(first.from.months_until(last.from)))
        }
        _ => None,
    }
}

/// A step of a story's journey.
#[derive(Debug, Clone, Serialize)]
pub struct StepCtx {
    pub role: String,
    pub role_url: String,
    /// The step's own title if given, else the role's.
    pub title: String,
    pub department: String,
    pub from: String,
    pub from_display: String,
    pub to: Option<String>,
    pub to_display: Option<String>,
    /// Whole months in the step; none for the current step.
    pub months: Option<i64>,
    /// `18 months` or `2 years 3 months`; none for the current step.
    pub duration: Option<String>,
    pub note: Option<String>,
}

/// Pagination of a listing: page 1 is the listing's own URL.
#[derive(Debug, Clone, Serialize)]
pub struct PaginationCtx {
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    /// The first and last pages and those near the current one; a listing
    /// of every page would make each page grow with the corpus, and the
    /// whole listing with its square.
    pub pages: Vec<PageLinkCtx>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageLinkCtx {
    pub number: usize,
    pub url: String,
    /// Pages were left out between the previous link and this one.
    pub gap: bool,
}

/// How many pages either side of the current one get a numbered link.
const PAGINATION_WINDOW: usize = 2;

/// Every page also gets these, to fill `<head>`.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Absolute URL of this page.
    pub canonical: String,
    /// Root-relative URL of this page.
    pub url: String,
    /// Absolute URL of the page's share card (1200x630 PNG), if it has one.
    pub image: Option<String>,
}

/// What pages link to: the route table, and each story's photo and share card.
pub struct Urls<'a> {
    pub routes: &'a Routes,
    /// Story slug -> its photo's `<picture>` data.
    pub photos: &'a BTreeMap<String, PhotoCtx>,
    /// Absolute URL of each share card.
    pub cards: &'a BTreeMap<CardOf, String>,
    /// Each opening of `site.openings.list` as templates see it, made once:
    /// every story page shows a few.
    pub openings: &'a [crate::render::openings::OpeningCtx],
    /// Durations and dates in the page's language. (Not a link, but what
    /// every context that has the links needs too.)
    pub words: Words<'a>,
    /// The site's languages and the one rendered: a story's page is in its
    /// own language, which may be another.
    pub languages: crate::render::languages::Languages<'a>,
}

impl Urls<'_> {
    /// Root-relative link to a route.
    pub fn url(&self, route: Route<'_>) -> String {
        self.routes.url(route)
    }

    /// Root-relative link to a story's page, in the story's language.
    pub fn story_url(&self, e: &Entry) -> String {
        self.languages
            .story_routes(e)
            .url(Route::Story(&e.story.slug))
    }

    /// The story's language when it is not the page's: for its card's
    /// `lang`, so that a screen reader reads it in the right voice.
    pub fn foreign_language(&self, e: &Entry) -> Option<String> {
        let own = e.language;
        (own != self.languages.current).then(|| self.languages.all[own].tag.clone())
    }

    pub fn absolute(&self, route: Route<'_>) -> String {
        self.routes.absolute(route)
    }

    /// Root-relative URL of a share card, for an `<img>` on a page.
    pub fn local_card(&self, of: CardOf) -> Option<String> {
        self.card(of).map(|url| self.routes.local(&url))
    }

    /// Absolute URL of a story's or collection's share card, if it has one.
    pub fn card(&self, of: CardOf) -> Option<String> {
        self.cards.get(&of).cloned()
    }
}

pub fn role_title(site: &Site, id: &str) -> String {
    site.career
        .role(id)
        .map_or_else(|| id.to_string(), |r| r.title.clone())
}

pub fn tag_links(site: &Site, entry: &Entry, urls: &Urls<'_>) -> Vec<LinkCtx> {
    entry
        .tags
        .iter()
        .map(|(slug, name)| LinkCtx {
            open: 0,
            url: urls.url(Route::Listing(Listing::Facet(Facet::Tag, slug), 1)),
            id: slug.clone(),
            name: name.clone(),
            count: site.by_tag.get(slug).map_or(0, |t| t.stories.len()),
        })
        .collect()
}

/// A story as a teaser in a list.
pub fn teaser(site: &Site, e: &Entry, urls: &Urls<'_>) -> TeaserCtx {
    let s = &e.story;
    TeaserCtx {
        slug: s.slug.clone(),
        url: urls.story_url(e),
        lang: urls.foreign_language(e),
        name: s.name.clone(),
        headline: s.headline.clone(),
        location: s.location.clone(),
        date: s.date.to_string(),
        date_display: urls.words.day(s.date),
        path: e.roles.iter().map(|r| role_title(site, r)).collect(),
        start_role: e.start_role().to_string(),
        destination_role: e.destination_role().to_string(),
        destination_title: role_title(site, e.destination_role()),
        departments: e.departments.clone(),
        tags: tag_links(site, e, urls),
        photo: urls.photos.get(&s.slug).cloned(),
        initials: initials(&s.name),
        avatar_color: avatar_color(&s.name),
        span: story_span(s, &urls.words),
    }
}

pub fn steps(site: &Site, story: &Story, urls: &Urls<'_>) -> Vec<StepCtx> {
    story
        .journey
        .iter()
        .map(|step| {
            let role = site.career.role(&step.role);
            let months = step.to.map(|to| step.from.months_until(to));
            StepCtx {
                role: step.role.clone(),
                role_url: urls.url(Route::Listing(Listing::Role(&step.role), 1)),
                title: step
                    .title
                    .clone()
                    .unwrap_or_else(|| role_title(site, &step.role)),
                department: role
                    .and_then(|r| site.career.department(&r.department))
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
                from: step.from.to_string(),
                from_display: urls.words.month(step.from.month, step.from.year),
                to: step.to.map(|m| m.to_string()),
                to_display: step.to.map(|m| urls.words.month(m.month, m.year)),
                months,
                duration: months.map(|m| urls.words.duration(m)),
                note: step.note.clone(),
            }
        })
        .collect()
}

/// A link to a role page; `count` is the stories that pass through it.
pub fn role_link(site: &Site, urls: &Urls<'_>, id: &str) -> LinkCtx {
    LinkCtx {
        open: site.openings.of_role(id).len(),
        id: id.to_string(),
        name: role_title(site, id),
        url: urls.url(Route::Listing(Listing::Role(id), 1)),
        count: site.by_role.get(id).map_or(0, Vec::len),
    }
}

/// A link to a department page; `count` is the stories that pass through it.
pub fn department_link(site: &Site, urls: &Urls<'_>, d: &Department) -> LinkCtx {
    LinkCtx {
        open: site.openings.by_department.get(&d.id).map_or(0, Vec::len),
        id: d.id.clone(),
        name: d.name.clone(),
        url: urls.url(Route::Listing(Listing::Facet(Facet::Department, &d.id), 1)),
        count: site.by_department.get(&d.id).map_or(0, Vec::len),
    }
}

/// The roles of a department, in career.yaml order, as links.
pub fn department_roles(site: &Site, urls: &Urls<'_>, department: &str) -> Vec<LinkCtx> {
    site.career
        .roles
        .iter()
        .filter(|r| r.department == department)
        .map(|r| role_link(site, urls, &r.id))
        .collect()
}

/// The stories at `indexes` of the site's entries, as teasers.
pub fn teasers(site: &Site, urls: &Urls<'_>, indexes: &[usize]) -> Vec<TeaserCtx> {
    indexes
        .iter()
        .map(|&i| teaser(site, &site.entries[i], urls))
        .collect()
}

/// A move between two roles: listed in career.yaml, made by alumni, or both.
#[derive(Debug, Clone, Serialize)]
pub struct MoveCtx {
    pub from: LinkCtx,
    pub to: LinkCtx,
    pub typical_months: Option<u32>,
    pub requirements: Vec<String>,
    pub program: Option<crate::content::types::Program>,
    /// Published stories that made this move.
    pub count: usize,
    /// Median months in `from` before the move, over those stories,
    /// rounded to whole months.
    pub median_months: Option<i64>,
    /// Listed in career.yaml (false: only seen in stories).
    pub supported: bool,
}

/// Every supported transition in career.yaml order, then the moves alumni
/// made that career.yaml does not list.
pub fn moves(site: &Site, urls: &Urls<'_>) -> Vec<MoveCtx> {
    let mut listed = std::collections::BTreeSet::new();
    let mut out: Vec<MoveCtx> = site
        .career
        .transitions
        .iter()
        .map(|t| {
            listed.insert((t.from.as_str(), t.to.as_str()));
            let seen = site.moves.get(&(t.from.clone(), t.to.clone()));
            MoveCtx {
                from: role_link(site, urls, &t.from),
                to: role_link(site, urls, &t.to),
                typical_months: t.typical_months,
                requirements: t.requirements.clone(),
                program: t
                    .program
                    .as_ref()
                    .and_then(|p| site.career.program(p).cloned()),
                count: seen.map_or(0, |m| m.count),
                median_months: seen.and_then(|m| m.median_months).map(|m| m.round() as i64),
                supported: true,
            }
        })
        .collect();
    for ((from, to), m) in &site.moves {
        if !listed.contains(&(from.as_str(), to.as_str())) {
            out.push(MoveCtx {
                from: role_link(site, urls, from),
                to: role_link(site, urls, to),
                typical_months: None,
                requirements: Vec::new(),
                program: None,
                count: m.count,
                median_months: m.median_months.map(|m| m.round() as i64),
                supported: false,
            });
        }
    }
    out
}

/// Links to the pages of a listing around page `current` of `total`.
pub fn pagination(
    listing: Listing<'_>,
    current: usize,
    total: usize,
    urls: &Urls<'_>,
) -> PaginationCtx {
    let url = |n: usize| urls.url(Route::Listing(listing, n));
    PaginationCtx {
        current,
        total,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total).then(|| url(current + 1)),
        pages: page_numbers(current, total)
            .map(|(number, gap)| PageLinkCtx {
                number,
                url: url(number),
                gap,
            })
            .collect(),
    }
}

/// Page 1, the last page and the pages within `PAGINATION_WINDOW` of
/// `current`, in order, each with whether numbers were skipped before it.
fn page_numbers(current: usize, total: usize) -> impl Iterator<Item = (usize, bool)> {
    let near =
        current.saturating_sub(PAGINATION_WINDOW).max(1)..=(current + PAGINATION_WINDOW).min(total);
    let mut numbers = vec![1];
    numbers.extend(near.filter(|&n| n > 1 && n < total));
    if total > 1 {
        numbers.push(total);
    }
    let mut previous = 0;
    numbers.into_iter().map(move |n| {
        let gap = n > previous + 1;
        previous = n;
        (n, gap)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_links_the_ends_and_the_pages_near_the_current_one() {
        let numbers =
            |current, total| -> Vec<(usize, bool)> { page_numbers(current, total).collect() };
        assert_eq!(numbers(1, 1), vec![(1, false)]);
        assert_eq!(numbers(1, 3), vec![(1, false), (2, false), (3, false)]);
        assert_eq!(
            numbers(1, 209),
            vec![(1, false), (2, false), (3, false), (209, true)]
        );
        assert_eq!(
            numbers(100, 209),
            vec![
                (1, false),
                (98, true),
                (99, false),
                (100, false),
                (101, false),
                (102, false),
                (209, true)
            ]
        );
        assert_eq!(
            numbers(4, 6),
            vec![
                (1, false),
                (2, false),
                (3, false),
                (4, false),
                (5, false),
                (6, false)
            ]
        );
        assert_eq!(
            numbers(209, 209),
            vec![(1, false), (207, true), (208, false), (209, false)]
        );
    }
}
