//! Listing pages: the index, role, department and tag pages, paginated, and
//! the facets that link between them (which work without JavaScript).

use serde::Serialize;
use tera::Context;

use crate::render::Job;
use crate::render::context::*;
use crate::site::Site;

/// A listing of stories (index, role, department, tag), to be paginated.
struct Listing<'a> {
    template: &'static str,
    rel: String,
    title: String,
    description: String,
    stories: &'a [usize],
    vars: Context,
}

/// The filters of a listing, as links to pre-built pages: they work without
/// JavaScript.
#[derive(Serialize)]
pub(crate) struct Facets {
    destinations: Vec<LinkCtx>,
    departments: Vec<LinkCtx>,
    tags: Vec<LinkCtx>,
}

pub(crate) fn facets(site: &Site, urls: &Urls<'_>) -> Facets {
    let mut destination_counts = std::collections::BTreeMap::<&str, usize>::new();
    for e in &site.entries {
        *destination_counts.entry(e.destination_role()).or_default() += 1;
    }
    let destinations = destination_counts
        .into_iter()
        .map(|(id, count)| LinkCtx {
            id: id.to_string(),
            name: role_title(site, id),
            url: urls.path(&format!("roles/{id}/")),
            count,
        })
        .collect();
    let departments = site
        .career
        .departments
        .iter()
        .filter_map(|d| {
            let count = site.by_department.get(&d.id).map_or(0, Vec::len);
            (count > 0).then(|| LinkCtx {
                id: d.id.clone(),
                name: d.name.clone(),
                url: urls.path(&format!("departments/{}/", d.id)),
                count,
            })
        })
        .collect();
    let tags = site
        .by_tag
        .iter()
        .map(|(slug, t)| LinkCtx {
            id: slug.clone(),
            name: t.name.clone(),
            url: urls.path(&format!("tags/{slug}/")),
            count: t.stories.len(),
        })
        .collect();
    Facets {
        destinations: most_first(destinations),
        departments: most_first(departments),
        tags: most_first(tags),
    }
}

/// Facet values with the most stories first, then by name.
fn most_first(mut links: Vec<LinkCtx>) -> Vec<LinkCtx> {
    links.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    links
}

pub(crate) fn listing_jobs(site: &Site, urls: &Urls<'_>) -> Vec<Job> {
    let all: Vec<usize> = (0..site.entries.len()).collect();
    let mut listings = vec![Listing {
        template: "index.html",
        rel: String::new(),
        title: site.config.title.clone(),
        description: site.config.description.clone(),
        stories: &all,
        vars: Context::new(),
    }];
    for role in &site.career.roles {
        let stories = site.by_role.get(&role.id).map_or(&[][..], Vec::as_slice);
        let mut vars = Context::new();
        vars.insert("role", role);
        let next: Vec<LinkCtx> = site
            .moves
            .range((role.id.clone(), String::new())..)
            .take_while(|((from, _), _)| *from == role.id)
            .map(|((_, to), m)| LinkCtx {
                id: to.clone(),
                name: role_title(site, to),
                url: urls.path(&format!("roles/{to}/")),
                count: m.count,
            })
            .collect();
        vars.insert("next_roles", &next);
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
            stories,
            vars,
        });
    }
    for dept in &site.career.departments {
        let stories = site
            .by_department
            .get(&dept.id)
            .map_or(&[][..], Vec::as_slice);
        let mut vars = Context::new();
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
            stories,
            vars,
        });
    }
    for (slug, tag) in &site.by_tag {
        let mut vars = Context::new();
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
            stories: &tag.stories,
            vars,
        });
    }
    listings
        .into_iter()
        .flat_map(|l| paginate(site, urls, l))
        .collect()
}

fn paginate(site: &Site, urls: &Urls<'_>, listing: Listing<'_>) -> Vec<Job> {
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
            let cards: Vec<CardCtx> = chunk
                .iter()
                .map(|&i| card(site, &site.entries[i], urls))
                .collect();
            let mut vars = listing.vars.clone();
            vars.insert("stories", &cards);
            vars.insert("story_total", &listing.stories.len());
            vars.insert("pagination", &pagination(&listing.rel, n, total, urls));
            let rel = page_rel(&listing.rel, n);
            let title = if n > 1 {
                format!("{} (page {n})", listing.title)
            } else {
                listing.title.clone()
            };
            Job {
                template: listing.template,
                meta: PageMeta {
                    title,
                    description: listing.description.clone(),
                    canonical: urls.absolute(&rel),
                    url: urls.path(&rel),
                },
                rel,
                file: None,
                vars,
            }
        })
        .collect()
}
