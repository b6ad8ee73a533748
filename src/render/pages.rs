//! Single pages: each story, the career paths, each collection, and 404.

use rayon::prelude::*;
use serde::Serialize;

use crate::render::context::*;
use crate::render::page::{Job, Vars};
use crate::render::{json, sankey};
use crate::routes::{CardOf, Route};
use crate::site::Site;

const RELATED: usize = 3;

/// Related stories: same destination first, then any shared role. Looks at
/// a few candidates per role only, so it costs the same for any site size.
fn related(site: &Site, index: usize) -> Vec<usize> {
    let e = &site.entries[index];
    let mut roles: Vec<&str> = vec![e.destination_role()];
    roles.extend(e.roles.iter().rev().skip(1).map(String::as_str));
    let mut out = Vec::new();
    for role in roles {
        let candidates = site.by_role.get(role).map_or(&[][..], Vec::as_slice);
        for &c in candidates.iter().take(RELATED + out.len() + 1) {
            if c != index && !out.contains(&c) && out.len() < RELATED {
                out.push(c);
            }
        }
    }
    out
}

/// Story pages. Their variables (the body, the timeline, related cards)
/// are built when each page renders, not here.
pub(crate) fn story_jobs<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Vec<Job<'a>> {
    // Made in parallel: a site has as many story pages as stories.
    (0..site.entries.len())
        .into_par_iter()
        .map(|i| story_job(site, urls, i))
        .collect()
}

/// The page of the story `i` of `site.entries`.
pub(crate) fn story_job<'a>(site: &'a Site, urls: &'a Urls<'a>, i: usize) -> Job<'a> {
    let s = &site.entries[i].story;
    let route = Route::Story(&s.slug);
    let canonical = urls.absolute(route);
    let meta = PageMeta {
        title: format!("{}: {}", s.name, s.headline),
        description: if s.summary.is_empty() {
            s.headline.clone()
        } else {
            s.summary.clone()
        },
        canonical: canonical.clone(),
        url: urls.url(route),
        image: urls.card(CardOf::Story(s.slug.clone())),
    };
    Job::new("story.html", route, meta, Vars::new())
        .whole(i)
        .showing(
            related(site, i),
            Box::new(move |related, cx| story_vars(site, urls, i, related, &canonical, cx)),
        )
}

/// A story page's variables made when it renders: the story, its
/// timeline and body, and the related stories.
fn story_vars(
    site: &Site,
    urls: &Urls<'_>,
    i: usize,
    related: &[usize],
    canonical: &str,
    cx: &mut tera::Context,
) {
    let e = &site.entries[i];
    let s = &e.story;
    let mut share_url = canonical.to_string();
    if let Some(utm) = &site.config.utm_source {
        share_url = format!("{share_url}?utm_source={}", json::url_encode(utm));
    }
    cx.insert("share_url", &share_url);
    cx.insert("story", &teaser(site, e, urls));
    cx.insert("steps", &steps(site, s, urls));
    cx.insert("body", &s.body_html);
    cx.insert("quote", &s.quote);
    cx.insert("skills", &s.skills);
    cx.insert("links", &s.links);
    cx.insert("json_ld", &json::story_json_ld(site, e, canonical));
    cx.insert("related", &teasers(site, urls, related));
}

/// A row of the journey-flow table: started in `from`, now in `to`.
#[derive(Serialize)]
struct FlowCtx {
    from: LinkCtx,
    to: LinkCtx,
    count: usize,
}

#[derive(Serialize)]
struct DepartmentRolesCtx {
    department: LinkCtx,
    roles: Vec<LinkCtx>,
}

pub(crate) fn other_jobs<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    let role_link = |id: &str| role_link(site, urls, id);

    // The career map, as lists for now: roles by department, then every move.
    let departments: Vec<DepartmentRolesCtx> = site
        .career
        .departments
        .iter()
        .map(|d| DepartmentRolesCtx {
            department: department_link(site, urls, d),
            roles: department_roles(site, urls, &d.id),
        })
        .collect();
    let moves = moves(site, urls);
    let flows = sankey::flows(site);
    let mut flow_rows: Vec<FlowCtx> = flows
        .iter()
        .map(|f| FlowCtx {
            from: role_link(&f.from),
            to: role_link(&f.to),
            count: f.count,
        })
        .collect();
    flow_rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.from.name, &a.to.name).cmp(&(&b.from.name, &b.to.name)))
    });
    let mut vars = Vars::new();
    vars.insert("headline", &site.headline);
    vars.insert("career_map", &sankey::layout(site, &flows, urls));
    vars.insert("flows", &flow_rows);
    vars.insert("departments", &departments);
    vars.insert("moves", &moves);
    vars.insert("programs", &site.career.programs);
    jobs.push(Job::new(
        "paths.html",
        Route::Paths,
        PageMeta {
            title: "Career paths".into(),
            description: format!(
                "Where people who started in {} went next.",
                site.config.company
            ),
            canonical: urls.absolute(Route::Paths),
            url: urls.url(Route::Paths),
            image: None,
        },
        vars,
    ));

    for (c, ids) in &site.collections {
        let route = Route::Collection(&c.id);
        let mut vars = Vars::new();
        vars.insert(
            "collection",
            &LinkCtx {
                id: c.id.clone(),
                name: c.title.clone(),
                url: urls.url(route),
                count: ids.len(),
            },
        );
        vars.insert("intro", &c.intro);
        let meta = PageMeta {
            title: c.title.clone(),
            description: c.intro.clone().unwrap_or_else(|| c.title.clone()),
            canonical: urls.absolute(route),
            url: urls.url(route),
            image: urls.card(CardOf::Collection(c.id.clone())),
        };
        jobs.push(Job::new("collection.html", route, meta, vars).showing(
            ids.clone(),
            Box::new(move |shows, cx| cx.insert("stories", &teasers(site, urls, shows))),
        ));
    }

    jobs.push(Job::new(
        "404.html",
        Route::NotFound,
        PageMeta {
            title: "Page not found".into(),
            description: site.config.description.clone(),
            canonical: urls.absolute(Route::NotFound),
            url: urls.url(Route::NotFound),
            image: None,
        },
        Vars::new(),
    ));
    jobs
}
