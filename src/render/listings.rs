//! Listing pages: the index, role, department and tag pages, paginated, and
//! the facets that link between them (which work without JavaScript).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::render::context::*;
use crate::render::openings;
use crate::render::page::{Job, Vars};
use crate::routes::{CardOf, Facet, Listing, Route};
use crate::site::{Group, Site};
use crate::theme::strings::Arg;

/// A list of stories (index, role, department, tag...), to be paginated.
struct StoryList<'a> {
    template: &'static str,
    listing: Listing<'a>,
    title: String,
    description: String,
    stories: Cow<'a, [usize]>,
    vars: Vars,
    /// Variables of the first page only (a role's openings: listed once,
    /// not on each of hundreds of pages of its stories).
    first: Option<Vars>,
    /// Stories the first page also shows, as `featured_stories` (the home
    /// page's featured collection): among the entries the page shows, so a
    /// change to one of them renders it again.
    featured: Vec<usize>,
}

/// `featured` on the home page: the collection it shows, with its first
/// stories as `featured_stories`.
#[derive(Serialize)]
struct FeaturedCtx {
    #[serde(flatten)]
    link: LinkCtx,
    intro: Option<String>,
}

/// How many of the featured collection's stories the home page shows.
const FEATURED_STORIES: usize = 3;

/// One filter of the index: its query key, its label, and its values as
/// links to pre-built pages, so filtering works without JavaScript.
#[derive(Serialize)]
pub(crate) struct FacetCtx {
    /// The query parameter the script keeps its state in (`?to=...`).
    key: &'static str,
    label: String,
    values: Vec<LinkCtx>,
}

/// `(id, name, stories)` of one facet value.
type FacetValue<'a> = (&'a str, String, &'a [usize]);

/// A facet whose values have their own listing pages.
struct FacetSpec<'a> {
    key: &'static str,
    label: String,
    facet: Facet,
    values: Vec<FacetValue<'a>>,
    /// Keep `values` in this order instead of most stories first.
    fixed_order: bool,
}

fn facet_specs<'a>(site: &'a Site, words: &Words<'_>) -> Vec<FacetSpec<'a>> {
    let roles = |map: &'a BTreeMap<String, Vec<usize>>| -> Vec<FacetValue<'a>> {
        map.iter()
            .map(|(id, v)| (id.as_str(), role_title(site, id), v.as_slice()))
            .collect()
    };
    let groups = |map: &'a BTreeMap<String, Group>| -> Vec<FacetValue<'a>> {
        map.iter()
            .map(|(id, g)| (id.as_str(), g.name.clone(), g.stories.as_slice()))
            .collect()
    };
    let departments = site
        .career
        .departments
        .iter()
        .filter_map(|d| {
            let v = site.by_department.get(&d.id)?;
            Some((d.id.as_str(), d.name.clone(), v.as_slice()))
        })
        .collect();
    let first_moves = site
        .by_first_move
        .iter()
        .map(|(b, v)| {
            (
                b.id(),
                words.get(&format!("first-move-{}", b.id()), &[]),
                v.as_slice(),
            )
        })
        .collect();
    vec![
        FacetSpec {
            key: "to",
            label: words.get("facet-destination", &[]),
            facet: Facet::Destination,
            values: roles(&site.by_destination),
            fixed_order: false,
        },
        FacetSpec {
            key: "dept",
            label: words.get("facet-department", &[]),
            facet: Facet::Department,
            values: departments,
            fixed_order: false,
        },
        FacetSpec {
            key: "from",
            label: words.get("facet-start", &[]),
            facet: Facet::Start,
            values: roles(&site.by_start),
            fixed_order: false,
        },
        FacetSpec {
            key: "move",
            label: words.get("facet-first-move", &[]),
            facet: Facet::FirstMove,
            values: first_moves,
            fixed_order: true,
        },
        FacetSpec {
            key: "loc",
            label: words.get("facet-location", &[]),
            facet: Facet::Location,
            values: groups(&site.by_location),
            fixed_order: false,
        },
        FacetSpec {
            key: "tag",
            label: words.get("facet-tag", &[]),
            facet: Facet::Tag,
            values: groups(&site.by_tag),
            fixed_order: false,
        },
    ]
}

pub(crate) fn facets(site: &Site, urls: &Urls<'_>) -> Vec<FacetCtx> {
    facet_specs(site, &urls.words)
        .into_iter()
        .map(|spec| {
            let values: Vec<LinkCtx> = spec
                .values
                .iter()
                .map(|&(id, ref name, stories)| LinkCtx {
                    open: 0,
                    id: id.to_string(),
                    name: name.clone(),
                    url: urls.url(Route::Listing(Listing::Facet(spec.facet, id), 1)),
                    count: stories.len(),
                })
                .collect();
            FacetCtx {
                key: spec.key,
                label: spec.label,
                values: if spec.fixed_order {
                    values
                } else {
                    most_first(values)
                },
            }
        })
        .collect()
}

/// Every listing page that gets a share card of its own: the first page of
/// the index, of each role and of each facet value (departments and tags
/// included), with the name its card shows and how many stories it lists.
pub(crate) fn card_pages<'a>(
    site: &'a Site,
    words: &Words<'_>,
) -> Vec<(Listing<'a>, String, usize)> {
    let mut pages = vec![(
        Listing::Index,
        site.config.title.clone(),
        site.entries.len(),
    )];
    for role in &site.career.roles {
        let count = site.by_role.get(&role.id).map_or(0, Vec::len);
        pages.push((Listing::Role(&role.id), role.title.clone(), count));
    }
    for spec in facet_specs(site, words) {
        for (id, name, stories) in spec.values {
            let title = match spec.facet {
                Facet::Department | Facet::Tag => name,
                _ => facet_title(words, &spec.label, &name),
            };
            pages.push((Listing::Facet(spec.facet, id), title, stories.len()));
        }
    }
    pages
}

/// Facet values with the most stories first, then by name.
fn most_first(mut links: Vec<LinkCtx>) -> Vec<LinkCtx> {
    links.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    links
}

/// Pages for the facet values that have no page of their own kind:
/// destinations, starting roles, first-move times and locations.
fn facet_listings<'a>(site: &'a Site, urls: &Urls<'_>) -> Vec<StoryList<'a>> {
    let mut listings = Vec::new();
    let words = &urls.words;
    for spec in facet_specs(site, words) {
        if matches!(spec.facet, Facet::Department | Facet::Tag) {
            continue;
        }
        for (id, name, stories) in spec.values {
            let listing = Listing::Facet(spec.facet, id);
            let mut vars = Vars::new();
            vars.insert(
                "facet",
                &FacetPageCtx {
                    key: spec.key,
                    label: spec.label.clone(),
                },
            );
            vars.insert(
                "value",
                &LinkCtx {
                    open: 0,
                    id: id.to_string(),
                    name: name.clone(),
                    url: urls.url(Route::Listing(listing, 1)),
                    count: stories.len(),
                },
            );
            listings.push(StoryList {
                template: "facet.html",
                title: facet_title(words, &spec.label, &name),
                description: words.get(
                    "facet-description",
                    &[
                        ("facet", Arg::Text(spec.label.to_lowercase())),
                        ("value", Arg::Text(name.clone())),
                    ],
                ),
                listing,
                stories: Cow::Borrowed(stories),
                vars,
                first: None,
                featured: Vec::new(),
            });
        }
    }
    listings
}

#[derive(Serialize)]
struct FacetPageCtx {
    key: &'static str,
    label: String,
}

/// "Location: Lisbon", a facet value's page title.
fn facet_title(words: &Words<'_>, facet: &str, value: &str) -> String {
    words.get(
        "facet-title",
        &[
            ("facet", Arg::Text(facet.to_string())),
            ("value", Arg::Text(value.to_string())),
        ],
    )
}

pub(crate) fn listing_jobs<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Vec<Job<'a>> {
    let all: Vec<usize> = (0..site.entries.len()).collect();
    let mut index_vars = Vars::new();
    let open_roles: Vec<LinkCtx> = site
        .career
        .roles
        .iter()
        .map(|r| role_link(site, urls, &r.id))
        .filter(|l| l.open > 0)
        .collect();
    index_vars.insert("open_roles", &open_roles);
    let mut first = Vars::new();
    first.insert("headline", &site.headline);
    let featured = site.collections.iter().find(|(c, _)| {
        site.config
            .featured
            .as_ref()
            .is_none_or(|f| f.value == c.id)
    });
    let featured_stories = featured.map_or_else(Vec::new, |(c, ids)| {
        first.insert(
            "featured",
            &FeaturedCtx {
                link: LinkCtx {
                    id: c.id.clone(),
                    name: c.title.clone(),
                    url: urls.url(Route::Collection(&c.id)),
                    count: ids.len(),
                    open: 0,
                },
                intro: c.intro.clone(),
            },
        );
        ids.iter().copied().take(FEATURED_STORIES).collect()
    });
    let mut listings = vec![StoryList {
        template: "index.html",
        listing: Listing::Index,
        title: site.config.title.clone(),
        description: site.config.description.clone(),
        stories: Cow::Owned(all),
        vars: index_vars,
        first: Some(first),
        featured: featured_stories,
    }];
    let all_moves = moves(site, urls);
    for role in &site.career.roles {
        let stories = site.by_role.get(&role.id).map_or(&[][..], Vec::as_slice);
        let mut vars = Vars::new();
        vars.insert("role", role);
        // Supported next steps first, then moves alumni made on their own.
        let next: Vec<MoveCtx> = all_moves
            .iter()
            .filter(|m| m.from.id == role.id)
            .cloned()
            .collect();
        vars.insert("moves", &next);
        // How people got here: supported moves into the role, then ones
        // alumni made on their own.
        let arrivals: Vec<MoveCtx> = all_moves
            .iter()
            .filter(|m| m.to.id == role.id)
            .cloned()
            .collect();
        vars.insert("arrivals", &arrivals);
        let open = site.openings.of_role(&role.id);
        vars.insert("open_total", &open.len());
        vars.insert(
            "openings_url",
            &format!(
                "{}#openings",
                urls.url(Route::Listing(Listing::Role(&role.id), 1))
            ),
        );
        vars.insert(
            "apply",
            &openings::apply_for(site, &urls.words, Some(&role.id)),
        );
        let mut first = Vars::new();
        first.insert("openings", &openings::openings_of(urls, open));
        vars.insert("tenure", &tenure(site, urls, &role.id, stories));
        let department = site.career.department(&role.department);
        vars.insert("department", &department);
        vars.insert(
            "department_link",
            &department.map(|d| department_link(site, urls, d)),
        );
        listings.push(StoryList {
            template: "role.html",
            listing: Listing::Role(&role.id),
            title: role.title.clone(),
            description: role.summary.clone().unwrap_or_else(|| {
                urls.words.get(
                    "role-description",
                    &[("role", Arg::Text(role.title.clone()))],
                )
            }),
            stories: Cow::Borrowed(stories),
            vars,
            first: Some(first),
            featured: Vec::new(),
        });
    }
    for dept in &site.career.departments {
        let stories = site
            .by_department
            .get(&dept.id)
            .map_or(&[][..], Vec::as_slice);
        let mut vars = Vars::new();
        vars.insert("department", dept);
        vars.insert("roles", &department_roles(site, urls, &dept.id));
        listings.push(StoryList {
            template: "department.html",
            listing: Listing::Facet(Facet::Department, &dept.id),
            title: dept.name.clone(),
            description: dept.description.clone().unwrap_or_else(|| {
                urls.words.get(
                    "department-description",
                    &[("department", Arg::Text(dept.name.clone()))],
                )
            }),
            stories: Cow::Borrowed(stories),
            vars,
            first: None,
            featured: Vec::new(),
        });
    }
    for (slug, tag) in &site.by_tag {
        let listing = Listing::Facet(Facet::Tag, slug);
        let mut vars = Vars::new();
        vars.insert(
            "tag",
            &LinkCtx {
                open: 0,
                id: slug.clone(),
                name: tag.name.clone(),
                url: urls.url(Route::Listing(listing, 1)),
                count: tag.stories.len(),
            },
        );
        listings.push(StoryList {
            template: "tag.html",
            listing,
            title: urls
                .words
                .get("tag-title", &[("tag", Arg::Text(tag.name.clone()))]),
            description: urls
                .words
                .get("tag-description", &[("tag", Arg::Text(tag.name.clone()))]),
            stories: Cow::Borrowed(&tag.stories),
            vars,
            first: None,
            featured: Vec::new(),
        });
    }
    listings.extend(facet_listings(site, urls));
    // In parallel: a large site has thousands of listing pages.
    listings
        .into_par_iter()
        .flat_map_iter(|l| paginate(site, urls, l))
        .collect()
}

fn paginate<'a>(site: &'a Site, urls: &'a Urls<'a>, list: StoryList<'a>) -> Vec<Job<'a>> {
    let size = site.config.page_size;
    let total = list.stories.len().div_ceil(size).max(1);
    let shared = std::sync::Arc::new(list.vars);
    // An empty listing still gets its first page ("No stories here yet").
    let chunks: Vec<&[usize]> = if list.stories.is_empty() {
        vec![&[]]
    } else {
        list.stories.chunks(size).collect()
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let n = i + 1;
            let route = Route::Listing(list.listing, n);
            let title = if n > 1 {
                format!("{} (page {n})", list.title)
            } else {
                list.title.clone()
            };
            let meta = PageMeta {
                title,
                description: list.description.clone(),
                canonical: urls.absolute(route),
                url: urls.url(route),
                image: urls.card(CardOf::Page(Route::Listing(list.listing, 1).rel())),
            };
            // The teasers are made when the page renders: made here, every
            // listing page's teasers would be in memory at once.
            let mut vars = match (n, &list.first) {
                (1, Some(first)) => first.clone(),
                _ => Vars::new(),
            };
            vars.insert("story_total", &list.stories.len());
            vars.insert("pagination", &pagination(list.listing, n, total, urls));
            let listed = chunk.len();
            let mut shows = chunk.to_vec();
            if n == 1 {
                shows.extend_from_slice(&list.featured);
            }
            Job::new(list.template, route, meta, vars)
                .sharing(shared.clone())
                .showing(
                    shows,
                    Box::new(move |shows, cx| {
                        let (listed, featured) = shows.split_at(listed);
                        cx.insert("stories", &teasers(site, urls, listed));
                        if !featured.is_empty() {
                            cx.insert("featured_stories", &teasers(site, urls, featured));
                        }
                    }),
                )
        })
        .collect()
}

/// `tenure` on a role page: how long people stay in the role and where
/// they go, from the published journeys that pass through it, for a
/// sentence a candidate reads at a glance.
#[derive(Serialize)]
struct TenureCtx {
    /// People in the role now (their current step).
    now: usize,
    /// People who held it and moved on.
    moved_on: usize,
    /// Median months in the role of those who moved on.
    median_months: Option<i64>,
    /// That median in words: `about two years`, `about 8 months`.
    typical: Option<String>,
    /// Where most of those who moved on went, and how many of them.
    next: Option<LinkCtx>,
    next_count: usize,
    /// `yes` when all who moved on went to `next`, for the string files.
    all_to_next: &'static str,
}

fn tenure(site: &Site, urls: &Urls<'_>, role: &str, stories: &[usize]) -> TenureCtx {
    let mut now = 0;
    let mut months = Vec::new();
    let mut next: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in stories {
        let journey = &site.entries[i].story.journey;
        for (k, step) in journey.iter().enumerate() {
            if step.role != role {
                continue;
            }
            match step.to {
                Some(to) => {
                    months.push(step.from.months_until(to));
                    if let Some(after) = journey.get(k + 1).filter(|s| s.role != role) {
                        *next.entry(after.role.as_str()).or_default() += 1;
                    }
                }
                None => now += 1,
            }
        }
    }
    let median = crate::site::stats::median(&mut months).map(|m| m.round() as i64);
    // The most common next role; the first in career.yaml order on a tie.
    let top = site
        .career
        .roles
        .iter()
        .filter_map(|r| next.get(r.id.as_str()).map(|&n| (r.id.as_str(), n)))
        .fold(None::<(&str, usize)>, |best, (id, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((id, n)),
        });
    TenureCtx {
        now,
        moved_on: months.len(),
        median_months: median,
        typical: median.map(|m| urls.words.about(m)),
        next: top.map(|(id, _)| role_link(site, urls, id)),
        next_count: top.map_or(0, |(_, n)| n),
        all_to_next: if top.is_some_and(|(_, n)| n == months.len()) {
            "yes"
        } else {
            "no"
        },
    }
}
