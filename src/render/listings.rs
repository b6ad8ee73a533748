//! Listing pages: the index, role, department and tag pages, paginated, and
//! the facets that link between them (which work without JavaScript).

use serde::Serialize;

use crate::render::context::*;
use crate::render::{Job, Vars};
use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::site::{Group, Site};

/// A listing of stories (index, role, department, tag), to be paginated.
struct Listing<'a> {
    template: &'static str,
    rel: String,
    title: String,
    description: String,
    stories: Cow<'a, [usize]>,
    vars: Vars,
}

/// One filter of the index: its query key, its label, and its values as
/// links to pre-built pages, so filtering works without JavaScript.
#[derive(Serialize)]
pub(crate) struct Facet {
    /// The query parameter the script keeps its state in (`?to=...`).
    key: &'static str,
    label: &'static str,
    values: Vec<LinkCtx>,
}

/// `(id, name, stories)` of one facet value.
type FacetValue<'a> = (String, String, &'a [usize]);

/// A facet whose values have their own listing pages.
struct FacetSpec<'a> {
    key: &'static str,
    label: &'static str,
    /// Folder of the value pages (`destinations/`).
    folder: &'static str,
    values: Vec<FacetValue<'a>>,
    /// Keep `values` in this order instead of most stories first.
    fixed_order: bool,
}

fn facet_specs<'a>(site: &'a Site) -> Vec<FacetSpec<'a>> {
    let roles = |map: &'a BTreeMap<String, Vec<usize>>| -> Vec<FacetValue<'a>> {
        map.iter()
            .map(|(id, v)| (id.clone(), role_title(site, id), v.as_slice()))
            .collect()
    };
    let groups = |map: &'a BTreeMap<String, Group>| -> Vec<FacetValue<'a>> {
        map.iter()
            .map(|(id, g)| (id.clone(), g.name.clone(), g.stories.as_slice()))
            .collect()
    };
    let departments = site
        .career
        .departments
        .iter()
        .filter_map(|d| {
            let v = site.by_department.get(&d.id)?;
            Some((d.id.clone(), d.name.clone(), v.as_slice()))
        })
        .collect();
    let first_moves = site
        .by_first_move
        .iter()
        .map(|(b, v)| (b.id().to_string(), b.label().to_string(), v.as_slice()))
        .collect();
    vec![
        FacetSpec {
            key: "to",
            label: "Where they are now",
            folder: "destinations",
            values: roles(&site.by_destination),
            fixed_order: false,
        },
        FacetSpec {
            key: "dept",
            label: "Department",
            folder: "departments",
            values: departments,
            fixed_order: false,
        },
        FacetSpec {
            key: "from",
            label: "Where they started",
            folder: "starting-roles",
            values: roles(&site.by_start),
            fixed_order: false,
        },
        FacetSpec {
            key: "move",
            label: "Time to first move",
            folder: "first-move",
            values: first_moves,
            fixed_order: true,
        },
        FacetSpec {
            key: "loc",
            label: "Location",
            folder: "locations",
            values: groups(&site.by_location),
            fixed_order: false,
        },
        FacetSpec {
            key: "tag",
            label: "Tag",
            folder: "tags",
            values: groups(&site.by_tag),
            fixed_order: false,
        },
    ]
}

pub(crate) fn facets(site: &Site, urls: &Urls<'_>) -> Vec<Facet> {
    facet_specs(site)
        .into_iter()
        .map(|spec| {
            let values: Vec<LinkCtx> = spec
                .values
                .iter()
                .map(|(id, name, stories)| LinkCtx {
                    id: id.clone(),
                    name: name.clone(),
                    url: urls.path(&format!("{}/{id}/", spec.folder)),
                    count: stories.len(),
                })
                .collect();
            Facet {
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

/// Facet values with the most stories first, then by name.
fn most_first(mut links: Vec<LinkCtx>) -> Vec<LinkCtx> {
    links.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    links
}

/// Pages for the facet values that have no page of their own kind:
/// destinations, starting roles, first-move times and locations.
fn facet_listings<'a>(site: &'a Site, urls: &Urls<'_>) -> Vec<Listing<'a>> {
    let mut listings = Vec::new();
    for spec in facet_specs(site) {
        if matches!(spec.folder, "departments" | "tags") {
            continue;
        }
        for (id, name, stories) in spec.values {
            let rel = format!("{}/{id}/", spec.folder);
            let mut vars = Vars::new(true);
            vars.insert(
                "facet",
                &FacetPageCtx {
                    key: spec.key,
                    label: spec.label,
                },
            );
            vars.insert(
                "value",
                &LinkCtx {
                    id: id.clone(),
                    name: name.clone(),
                    url: urls.path(&rel),
                    count: stories.len(),
                },
            );
            listings.push(Listing {
                template: "facet.html",
                title: format!("{}: {name}", spec.label),
                description: format!(
                    "Alumni stories filtered by {}: {name}.",
                    spec.label.to_lowercase()
                ),
                rel,
                stories: Cow::Borrowed(stories),
                vars,
            });
        }
    }
    listings
}

#[derive(Serialize)]
struct FacetPageCtx {
    key: &'static str,
    label: &'static str,
}

pub(crate) fn listing_jobs<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Vec<Job<'a>> {
    let all: Vec<usize> = (0..site.entries.len()).collect();
    let mut listings = vec![Listing {
        template: "index.html",
        rel: String::new(),
        title: site.config.title.clone(),
        description: site.config.description.clone(),
        stories: Cow::Owned(all),
        vars: Vars::new(true),
    }];
    let all_moves = moves(site, urls);
    for role in &site.career.roles {
        let stories = site.by_role.get(&role.id).map_or(&[][..], Vec::as_slice);
        let mut vars = Vars::new(true);
        vars.insert("role", role);
        // Supported next steps first, then moves alumni made on their own.
        let next: Vec<MoveCtx> = all_moves
            .iter()
            .filter(|m| m.from.id == role.id)
            .cloned()
            .collect();
        vars.insert("moves", &next);
        vars.insert(
            "department",
            &site
                .career
                .departments
                .iter()
                .find(|d| d.id == role.department),
        );
        listings.push(Listing {
            template: "role.html",
            rel: format!("roles/{}/", role.id),
            title: role.title.clone(),
            description: role.summary.clone().unwrap_or_else(|| {
                format!("Alumni stories that pass through the {} role.", role.title)
            }),
            stories: Cow::Borrowed(stories),
            vars,
        });
    }
    for dept in &site.career.departments {
        let stories = site
            .by_department
            .get(&dept.id)
            .map_or(&[][..], Vec::as_slice);
        let mut vars = Vars::new(true);
        vars.insert("department", dept);
        let roles: Vec<LinkCtx> = site
            .career
            .roles
            .iter()
            .filter(|r| r.department == dept.id)
            .map(|r| LinkCtx {
                id: r.id.clone(),
                name: r.title.clone(),
                url: urls.path(&format!("roles/{}/", r.id)),
                count: site.by_role.get(&r.id).map_or(0, Vec::len),
            })
            .collect();
        vars.insert("roles", &roles);
        listings.push(Listing {
            template: "department.html",
            rel: format!("departments/{}/", dept.id),
            title: dept.name.clone(),
            description: dept
                .description
                .clone()
                .unwrap_or_else(|| format!("Alumni stories that pass through {}.", dept.name)),
            stories: Cow::Borrowed(stories),
            vars,
        });
    }
    for (slug, tag) in &site.by_tag {
        let mut vars = Vars::new(true);
        vars.insert(
            "tag",
            &LinkCtx {
                id: slug.clone(),
                name: tag.name.clone(),
                url: urls.path(&format!("tags/{slug}/")),
                count: tag.stories.len(),
            },
        );
        listings.push(Listing {
            template: "tag.html",
            rel: format!("tags/{slug}/"),
            title: format!("Stories tagged “{}”", tag.name),
            description: format!("Alumni stories tagged {}.", tag.name),
            stories: Cow::Borrowed(&tag.stories),
            vars,
        });
    }
    listings.extend(facet_listings(site, urls));
    listings
        .into_iter()
        .flat_map(|l| paginate(site, urls, l))
        .collect()
}

fn paginate<'a>(site: &'a Site, urls: &'a Urls<'a>, listing: Listing<'_>) -> Vec<Job<'a>> {
    let size = site.config.page_size;
    let total = listing.stories.len().div_ceil(size).max(1);
    // An empty listing still gets its first page ("No stories here yet").
    let chunks: Vec<&[usize]> = if listing.stories.is_empty() {
        vec![&[]]
    } else {
        listing.stories.chunks(size).collect()
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let n = i + 1;
            let rel = page_rel(&listing.rel, n);
            let title = if n > 1 {
                format!("{} (page {n})", listing.title)
            } else {
                listing.title.clone()
            };
            let meta = PageMeta {
                title,
                description: listing.description.clone(),
                canonical: urls.absolute(&rel),
                url: urls.path(&rel),
                image: None,
            };
            // The cards are made when the page renders: made here, every
            // listing page's cards would be in memory at once.
            let chunk = chunk.to_vec();
            let vars = listing.vars.clone();
            let story_total = listing.stories.len();
            let listing_rel = listing.rel.clone();
            Job {
                template: listing.template,
                meta,
                rel,
                file: None,
                vars: Box::new(move |track| {
                    let mut vars = vars.tracked(track);
                    let cards: Vec<CardCtx> = chunk
                        .iter()
                        .map(|&i| card(site, &site.entries[i], urls))
                        .collect();
                    vars.insert("stories", &cards);
                    vars.insert("story_total", &story_total);
                    vars.insert("pagination", &pagination(&listing_rel, n, total, urls));
                    vars
                }),
            }
        })
        .collect()
}
