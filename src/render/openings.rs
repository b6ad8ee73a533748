//! Open positions on the pages: the `/openings/` pages, a role's openings
//! and "how people got here", and the call to action at the end of each
//! story. Every link to an applicant tracking system carries the site's
//! share parameters (see `tracking`).

use serde::Serialize;

use crate::content::types::Opening;
use crate::render::context::*;
use crate::render::page::{Job, Vars};
use crate::render::tracking::{ApplyLink, apply_link};
use crate::routes::{OpeningsFilter, Route};
use crate::site::{Entry, Site};
use crate::theme::strings::Arg;

/// Openings a story's call to action lists before "see all".
const CTA_OPENINGS: usize = 3;
/// Alumni cards beside each role on `/openings/`.
const ALUMNI_PER_ROLE: usize = 3;

/// An open position, as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct OpeningCtx {
    pub title: String,
    /// The role's id; lists of openings come under their role's link.
    pub role: String,
    pub department: String,
    pub location: String,
    /// The location's slug: the `loc` filter's value.
    pub location_id: String,
    pub team: Option<String>,
    pub employment_type: Option<String>,
    pub posted: Option<String>,
    pub posted_display: Option<String>,
    pub closes: Option<String>,
    pub closes_display: Option<String>,
    /// The posting in the ATS, with the share parameters.
    pub apply: ApplyLink,
}

/// Where to apply when there is no opening to link to: a label and a link.
#[derive(Debug, Clone, Serialize)]
pub struct ApplyCtx {
    pub label: String,
    pub url: String,
    pub rename: String,
}

fn day_display(day: &Option<String>, words: &Words<'_>) -> Option<String> {
    day.as_deref()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .map(|d| words.day(d))
}

pub fn opening(site: &Site, o: &Opening, words: &Words<'_>) -> OpeningCtx {
    OpeningCtx {
        title: o.title.clone(),
        role: o.role.clone(),
        department: o.department.clone(),
        location: o.location.clone(),
        location_id: crate::routes::segment(&o.location),
        team: o.team.clone(),
        employment_type: o.employment_type.clone(),
        posted_display: day_display(&o.posted, words),
        posted: o.posted.clone(),
        closes_display: day_display(&o.closes, words),
        closes: o.closes.clone(),
        apply: apply_link(&o.url, &site.config.share, &site.config.tracking),
    }
}

/// The openings at `ids` of the site's list, from those made once.
pub fn openings_of(urls: &Urls<'_>, ids: &[usize]) -> Vec<OpeningCtx> {
    ids.iter()
        .filter_map(|&i| urls.openings.get(i).cloned())
        .collect()
}

/// The role's own apply address, else the site's; `None` for a site
/// without either.
pub fn apply_for(site: &Site, words: &Words<'_>, role: Option<&str>) -> Option<ApplyCtx> {
    let label = site
        .config
        .apply
        .as_ref()
        .and_then(|a| a.label.clone())
        .unwrap_or_else(|| words.get("apply-default", &[]));
    let url = role
        .and_then(|id| site.career.role(id))
        .and_then(|r| r.apply_url.as_deref())
        .or_else(|| site.config.apply.as_ref().and_then(|a| a.url.as_deref()))?;
    let link = apply_link(url, &site.config.share, &site.config.tracking);
    Some(ApplyCtx {
        label,
        url: link.url,
        rename: link.rename,
    })
}

/// The end of a story page: start where this person started.
#[derive(Debug, Clone, Serialize)]
pub struct CtaCtx {
    /// How the story's person is called in "Start where Maria started".
    pub name: String,
    /// The role the journey started in, with its open positions count.
    pub start: LinkCtx,
    /// A few of its openings.
    pub openings: Vec<OpeningCtx>,
    /// Apply here when it has none.
    pub apply: Option<ApplyCtx>,
    /// The role the person is in now, when it differs and has openings.
    pub now: Option<LinkCtx>,
    /// Every open position, when the site lists any.
    pub all_url: Option<String>,
}

pub fn cta(site: &Site, urls: &Urls<'_>, e: &Entry) -> CtaCtx {
    let start = e.start_role();
    let ids = site.openings.of_role(start);
    let now = e.destination_role();
    CtaCtx {
        name: e
            .story
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        start: role_link(site, urls, start),
        openings: openings_of(urls, &ids[..ids.len().min(CTA_OPENINGS)]),
        apply: apply_for(site, &urls.words, Some(start)),
        now: (now != start && !site.openings.of_role(now).is_empty())
            .then(|| role_link(site, urls, now)),
        all_url: (!site.openings.list.is_empty())
            .then(|| urls.url(Route::Openings(OpeningsFilter::All))),
    }
}

/// A role's group on `/openings/`: its openings and some alumni who held it.
#[derive(Serialize)]
struct RoleGroupCtx {
    role: LinkCtx,
    openings: Vec<OpeningCtx>,
    /// Cards of alumni whose journey passed through the role, newest first.
    alumni: Vec<TeaserCtx>,
}

#[derive(Serialize)]
struct DepartmentGroupCtx {
    department: LinkCtx,
    roles: Vec<RoleGroupCtx>,
}

/// The filters of `/openings/`: links to pre-built pages, which the
/// script turns into in-place filters.
#[derive(Serialize)]
struct OpeningsFacetCtx {
    key: &'static str,
    label: String,
    values: Vec<LinkCtx>,
}

/// The `/openings/` pages: every open position, and the positions of
/// each department and each location, grouped by department and role.
pub(crate) fn openings_jobs<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Vec<Job<'a>> {
    let o = &site.openings;
    // A site that lists no openings has no page to say so.
    if o.list.is_empty() {
        return Vec::new();
    }
    // Each filter page's filter, its link and its openings.
    let mut filtered: Vec<(OpeningsFilter<'a>, LinkCtx, &'a [usize])> = Vec::new();
    for d in &site.career.departments {
        if let Some(ids) = o.by_department.get(&d.id) {
            let filter = OpeningsFilter::Department(&d.id);
            let link = LinkCtx {
                url: urls.url(Route::Openings(filter)),
                ..department_link(site, urls, d)
            };
            filtered.push((filter, link, ids));
        }
    }
    for (id, g) in &o.by_location {
        let filter = OpeningsFilter::Location(id);
        let link = LinkCtx {
            id: id.clone(),
            name: g.name.clone(),
            url: urls.url(Route::Openings(filter)),
            count: 0,
            open: g.stories.len(),
        };
        filtered.push((filter, link, &g.stories));
    }
    let values = |department: bool| -> Vec<LinkCtx> {
        filtered
            .iter()
            .filter(|(f, _, _)| matches!(f, OpeningsFilter::Department(_)) == department)
            .map(|(_, link, _)| link.clone())
            .collect()
    };
    let facets = vec![
        OpeningsFacetCtx {
            key: "dept",
            label: urls.words.get("facet-department", &[]),
            values: values(true),
        },
        OpeningsFacetCtx {
            key: "loc",
            label: urls.words.get("facet-location", &[]),
            values: values(false),
        },
    ];
    let mut shared = Vars::new();
    shared.insert("filters", &facets);
    shared.insert("all_url", &urls.url(Route::Openings(OpeningsFilter::All)));
    let shared = std::sync::Arc::new(shared);

    let all: Vec<usize> = (0..o.list.len()).collect();
    let mut pages: Vec<(OpeningsFilter<'a>, Option<LinkCtx>, Vec<usize>)> =
        vec![(OpeningsFilter::All, None, all)];
    for (filter, link, ids) in filtered {
        pages.push((filter, Some(link), ids.to_vec()));
    }

    let words = &urls.words;
    let text = |s: &str| Arg::Text(s.to_string());
    pages
        .into_iter()
        .map(|(filter, current, ids)| {
            let route = Route::Openings(filter);
            let groups = groups(site, &ids);
            let shows: Vec<usize> = groups
                .iter()
                .flat_map(|(_, roles)| roles.iter().flat_map(|(_, _, alumni)| alumni.clone()))
                .collect();
            let (title, description) = match &current {
                None => (
                    words.get("open-positions", &[]),
                    words.get("openings-description", &[("company", text(company(site)))]),
                ),
                Some(link) => (
                    words.get("openings-title-of", &[("name", text(&link.name))]),
                    words.get(
                        "openings-description-of",
                        &[("company", text(company(site))), ("name", text(&link.name))],
                    ),
                ),
            };
            let meta = PageMeta {
                title,
                description,
                canonical: urls.absolute(route),
                url: urls.url(route),
                image: None,
            };
            let mut vars = Vars::new();
            vars.insert(
                "current",
                &current.as_ref().map(|link| {
                    serde_json::json!({
                        "key": match filter {
                            OpeningsFilter::Location(_) => "loc",
                            _ => "dept",
                        },
                        "id": link.id,
                        "name": link.name,
                    })
                }),
            );
            vars.insert("open_total", &ids.len());
            Job::new("openings.html", route, meta, vars)
                .sharing(shared.clone())
                .showing(
                    shows,
                    Box::new(move |_, cx| {
                        let groups: Vec<DepartmentGroupCtx> = groups
                            .iter()
                            .map(|(dept, roles)| DepartmentGroupCtx {
                                department: site
                                    .career
                                    .department(dept)
                                    .map(|d| department_link(site, urls, d))
                                    .unwrap_or_else(|| LinkCtx {
                                        id: dept.clone(),
                                        name: dept.clone(),
                                        url: String::new(),
                                        count: 0,
                                        open: 0,
                                    }),
                                roles: roles
                                    .iter()
                                    .map(|(role, openings, alumni)| RoleGroupCtx {
                                        role: role_link(site, urls, role),
                                        openings: openings_of(urls, openings),
                                        alumni: teasers(site, urls, alumni),
                                    })
                                    .collect(),
                            })
                            .collect();
                        cx.insert("groups", &groups);
                    }),
                )
        })
        .collect()
}

/// `(role, its openings, alumni to show)` in one department.
type RoleGroup = (String, Vec<usize>, Vec<usize>);

/// The openings `ids` (in the site's order) grouped by department, then
/// role, each role with the newest alumni who held it.
fn groups(site: &Site, ids: &[usize]) -> Vec<(String, Vec<RoleGroup>)> {
    let mut out: Vec<(String, Vec<RoleGroup>)> = Vec::new();
    for &i in ids {
        let o = &site.openings.list[i];
        if out.last().is_none_or(|(d, _)| *d != o.department) {
            out.push((o.department.clone(), Vec::new()));
        }
        let roles = &mut out.last_mut().expect("pushed above").1;
        match roles.last_mut() {
            Some((role, openings, _)) if *role == o.role => openings.push(i),
            _ => {
                let alumni = site
                    .by_role
                    .get(&o.role)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .take(ALUMNI_PER_ROLE)
                    .copied()
                    .collect();
                roles.push((o.role.clone(), vec![i], alumni));
            }
        }
    }
    out
}

fn company(site: &Site) -> &str {
    if site.config.company.is_empty() {
        &site.config.title
    } else {
        &site.config.company
    }
}
