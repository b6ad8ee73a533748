//! Single pages: each story, the career paths, each collection, and 404.

use rayon::prelude::*;
use serde::Serialize;

use crate::render::context::*;
use crate::render::page::{Job, Vars};
use crate::render::{json, openings, qr, sankey, tracking};
use crate::routes::{CardOf, Route};
use crate::site::Site;
use crate::theme::strings::Arg;

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
        .filter(|&i| urls.languages.has_story(&site.entries[i]))
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
    cx.insert("share_url", &share_url(site, canonical));
    cx.insert("share", &share_links(site, canonical, &s.name, &s.headline));
    cx.insert("facts", &facts(site, e, &urls.words));
    cx.insert("kit_url", &urls.url(Route::StoryKit(&s.slug)));
    cx.insert("cta", &openings::cta(site, urls, e));
    cx.insert("story", &teaser(site, e, urls));
    cx.insert("steps", &steps(site, s, urls));
    cx.insert("body", &s.body.html());
    cx.insert("quote", &s.quote);
    cx.insert("skills", &s.skills);
    cx.insert("links", &s.links);
    cx.insert("json_ld", &json::story_json_ld(site, e, canonical));
    cx.insert("related", &teasers(site, urls, related));
}

/// The address to share a page by: its canonical URL with the share
/// parameters of site.yaml.
fn share_url(site: &Site, canonical: &str) -> String {
    tracking::with_query(canonical, &site.config.share)
}

/// What a share kit shows: the page's title, card and share URL, and a
/// QR code of the share URL with `utm_medium=qr`.
#[derive(Serialize)]
struct KitCtx {
    title: String,
    /// The page the kit shares (root-relative), to go back to.
    page_url: String,
    /// Absolute; the script swaps `utm_source` in it.
    share_url: String,
    qr_url: String,
    qr_svg: Option<String>,
    card: Option<String>,
    /// A collection's kit (several stories), not a story's.
    collection: bool,
}

/// A share kit's page: `kit` shares `page`; `entry` is the story it
/// shares, if it is a story's (its name is the kit's title, so the kit
/// shows that entry, and the memo remakes it when the name changes).
struct KitOf<'a> {
    kit: Route<'a>,
    page: Route<'a>,
    card: CardOf,
    entry: Option<usize>,
}

/// The printable share kit of a story or collection.
fn kit_job<'a>(site: &'a Site, urls: &'a Urls<'a>, of: KitOf<'a>, title: &str) -> Job<'a> {
    let canonical = urls.absolute(of.page);
    let mut vars = Vars::new();
    vars.insert("qr_script", &urls.url(Route::Static(QR_SCRIPT)));
    vars.insert("kit_script", &urls.url(Route::Static(KIT_SCRIPT)));
    let meta = PageMeta {
        title: urls
            .words
            .get("kit-title", &[("title", Arg::Text(title.into()))]),
        description: urls
            .words
            .get("kit-description", &[("title", Arg::Text(title.into()))]),
        canonical: urls.absolute(of.kit),
        url: urls.url(of.kit),
        image: urls.card(of.card.clone()),
    };
    let title = title.to_string();
    let page_url = urls.url(of.page);
    let collection = matches!(of.card, CardOf::Collection(_));
    let card = urls.local_card(of.card);
    Job::new("kit.html", of.kit, meta, vars).showing(
        of.entry.into_iter().collect(),
        Box::new(move |shows, cx| {
            let title = shows
                .first()
                .map_or(title, |&i| site.entries[i].story.name.clone());
            let share_url = share_url(site, &canonical);
            let qr_url = qr_url(site, &canonical);
            cx.insert(
                "kit",
                &KitCtx {
                    qr_svg: qr::svg(&qr_url, &format!("QR code for {qr_url}")),
                    title,
                    page_url,
                    share_url,
                    qr_url,
                    card,
                    collection,
                },
            );
        }),
    )
}

/// The share URL a QR code holds: `utm_medium=qr`, after `utm_source`.
fn qr_url(site: &Site, canonical: &str) -> String {
    channel_url(site, canonical, "qr")
}

/// The share URL for one channel: the share parameters with `utm_medium`
/// naming the channel (`qr`, `linkedin`, `copy`...), after `utm_source`.
fn channel_url(site: &Site, canonical: &str, channel: &str) -> String {
    let mut params: Vec<(String, String)> = site
        .config
        .share
        .iter()
        .filter(|(k, _)| k != "utm_medium")
        .cloned()
        .collect();
    let at = params.iter().take_while(|(k, _)| k == "utm_source").count();
    params.insert(at, ("utm_medium".to_string(), channel.to_string()));
    tracking::with_query(canonical, &params)
}

/// `share` on a story page: the address to show (the canonical one, with no
/// parameters), and per channel the link that says which channel it came
/// by. Plain links: no third-party script is loaded to share.
#[derive(Serialize)]
struct ShareCtx {
    url: String,
    copy: String,
    /// For the Web Share API (`navigator.share`), on phones.
    native: String,
    linkedin: String,
    whatsapp: String,
    email: String,
}

fn share_links(site: &Site, canonical: &str, name: &str, headline: &str) -> ShareCtx {
    use crate::render::json::url_encode;
    let text = format!("{name}: {headline}");
    ShareCtx {
        url: canonical.to_string(),
        copy: channel_url(site, canonical, "copy"),
        native: channel_url(site, canonical, "share"),
        linkedin: format!(
            "https://www.linkedin.com/sharing/share-offsite/?url={}",
            url_encode(&channel_url(site, canonical, "linkedin"))
        ),
        whatsapp: format!(
            "https://wa.me/?text={}",
            url_encode(&format!(
                "{text} {}",
                channel_url(site, canonical, "whatsapp")
            ))
        ),
        email: format!(
            "mailto:?subject={}&body={}",
            url_encode(&text),
            url_encode(&format!(
                "{headline}\n\n{}",
                channel_url(site, canonical, "email")
            ))
        ),
    }
}

/// `facts` on a story page: what the story's journey adds up to.
#[derive(Serialize)]
struct FactsCtx {
    /// `18 months`; none for a journey of one step.
    first_move: Option<String>,
    /// Names of the programs behind the journey's moves (a loan program).
    programs: Vec<String>,
    /// Names of the departments the journey passed through, in order.
    departments: Vec<String>,
}

fn facts(site: &Site, e: &crate::site::Entry, words: &Words<'_>) -> FactsCtx {
    let roles = &e.roles;
    let mut programs: Vec<String> = Vec::new();
    for pair in roles.windows(2) {
        let program = site
            .career
            .transitions
            .iter()
            .find(|t| t.from == pair[0] && t.to == pair[1])
            .and_then(|t| t.program.as_deref())
            .and_then(|id| site.career.programs.iter().find(|p| p.id == id));
        if let Some(p) = program.filter(|p| !programs.contains(&p.name)) {
            programs.push(p.name.clone());
        }
    }
    FactsCtx {
        first_move: e.months_to_first_move.map(|m| words.duration(m)),
        programs,
        departments: e
            .departments
            .iter()
            .filter_map(|d| site.career.department(d).map(|d| d.name.clone()))
            .collect(),
    }
}

/// The vendored QR encoder the share kits redraw their code with.
pub(crate) const QR_SCRIPT: &str = "vendor/qrcode.js";
/// The share kits' own script, which redraws the code with it.
pub(crate) const KIT_SCRIPT: &str = "kit.js";

/// A row of the journey-flow table: started in `from`, now in `to`.
#[derive(Serialize)]
struct FlowCtx {
    from: LinkCtx,
    to: LinkCtx,
    count: usize,
}

/// A starting role and where the people who started in it are now: the
/// career map as a list, for narrow screens.
#[derive(Serialize)]
struct FlowGroupCtx {
    from: LinkCtx,
    /// People who started in the role.
    total: usize,
    /// `to` and `count`, most people first; `share` is the count as a
    /// percentage of `total` (rounded up, so no bar is empty), for a bar.
    to: Vec<FlowToCtx>,
}

#[derive(Serialize)]
struct FlowToCtx {
    to: LinkCtx,
    count: usize,
    share: usize,
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
    // Starting roles with the most people first; within each, the rows
    // are already most people first.
    let mut flow_groups: Vec<FlowGroupCtx> = Vec::new();
    for row in &flow_rows {
        let group = match flow_groups
            .iter_mut()
            .position(|g| g.from.id == row.from.id)
        {
            Some(i) => &mut flow_groups[i],
            None => {
                flow_groups.push(FlowGroupCtx {
                    from: row.from.clone(),
                    total: 0,
                    to: Vec::new(),
                });
                flow_groups.last_mut().expect("just pushed")
            }
        };
        group.total += row.count;
        group.to.push(FlowToCtx {
            to: row.to.clone(),
            count: row.count,
            share: 0,
        });
    }
    for g in &mut flow_groups {
        for t in &mut g.to {
            t.share = (t.count * 100).div_ceil(g.total.max(1));
        }
    }
    flow_groups.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.from.name.cmp(&b.from.name))
    });
    let mut vars = Vars::new();
    vars.insert("headline", &site.headline);
    vars.insert("career_map", &sankey::layout(site, &flows, urls));
    vars.insert("flows", &flow_rows);
    vars.insert("flow_groups", &flow_groups);
    vars.insert("departments", &departments);
    vars.insert("moves", &moves);
    vars.insert("programs", &site.career.programs);
    jobs.push(Job::new(
        "paths.html",
        Route::Paths,
        PageMeta {
            title: urls.words.get("paths-title", &[]),
            description: urls.words.get(
                "paths-description",
                &[("company", Arg::Text(site.config.company.clone()))],
            ),
            canonical: urls.absolute(Route::Paths),
            url: urls.url(Route::Paths),
            image: urls.card(CardOf::Page(Route::Paths.rel())),
        },
        vars,
    ));

    if !site.collections.is_empty() {
        jobs.push(collections_job(site, urls));
    }
    for (c, ids) in &site.collections {
        let route = Route::Collection(&c.id);
        let mut vars = Vars::new();
        vars.insert(
            "collection",
            &LinkCtx {
                open: 0,
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

    jobs.extend(openings::openings_jobs(site, urls));
    // Share kits: made up front, as every variable is small.
    let kits: Vec<Job<'a>> = site
        .entries
        .par_iter()
        .enumerate()
        .filter(|(_, e)| urls.languages.has_story(e))
        .map(|(i, e)| {
            let slug = e.story.slug.as_str();
            let of = KitOf {
                kit: Route::StoryKit(slug),
                page: Route::Story(slug),
                card: CardOf::Story(slug.to_string()),
                entry: Some(i),
            };
            kit_job(site, urls, of, &e.story.name)
        })
        .collect();
    jobs.extend(kits);
    for (c, _) in &site.collections {
        let of = KitOf {
            kit: Route::CollectionKit(&c.id),
            page: Route::Collection(&c.id),
            card: CardOf::Collection(c.id.clone()),
            entry: None,
        };
        jobs.push(kit_job(site, urls, of, &c.title));
    }

    jobs.push(Job::new(
        "404.html",
        Route::NotFound,
        PageMeta {
            title: urls.words.get("not-found-title", &[]),
            description: site.config.description.clone(),
            canonical: urls.absolute(Route::NotFound),
            url: urls.url(Route::NotFound),
            image: None,
        },
        Vars::new(),
    ));
    jobs
}

/// How many of each collection's stories the collections page shows.
const COLLECTION_PREVIEW: usize = 4;

/// A collection on the collections page: its link, intro and first stories.
#[derive(Serialize)]
struct CollectionCtx {
    #[serde(flatten)]
    link: LinkCtx,
    intro: Option<String>,
    stories: Vec<TeaserCtx>,
}

/// `/collections/`: every collection, so the header needs one link for
/// them all.
fn collections_job<'a>(site: &'a Site, urls: &'a Urls<'a>) -> Job<'a> {
    let route = Route::Collections;
    let previews: Vec<&[usize]> = site
        .collections
        .iter()
        .map(|(_, ids)| &ids[..ids.len().min(COLLECTION_PREVIEW)])
        .collect();
    let lengths: Vec<usize> = previews.iter().map(|p| p.len()).collect();
    let meta = PageMeta {
        title: urls.words.get("collections-heading", &[]),
        description: urls.words.get(
            "collections-description",
            &[(
                "names",
                Arg::Text(
                    site.collections
                        .iter()
                        .map(|(c, _)| c.title.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            )],
        ),
        canonical: urls.absolute(route),
        url: urls.url(route),
        image: urls.card(CardOf::Page(route.rel())),
    };
    Job::new("collections.html", route, meta, Vars::new()).showing(
        previews.concat(),
        Box::new(move |shows, cx| {
            let mut rest = shows;
            let collections: Vec<CollectionCtx> = site
                .collections
                .iter()
                .zip(&lengths)
                .map(|((c, ids), &n)| {
                    let (mine, others) = rest.split_at(n.min(rest.len()));
                    rest = others;
                    CollectionCtx {
                        link: LinkCtx {
                            open: 0,
                            id: c.id.clone(),
                            name: c.title.clone(),
                            url: urls.url(Route::Collection(&c.id)),
                            count: ids.len(),
                        },
                        intro: c.intro.clone(),
                        stories: teasers(site, urls, mine),
                    }
                })
                .collect();
            cx.insert("collections", &collections);
        }),
    )
}
