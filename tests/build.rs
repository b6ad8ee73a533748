//! Building sites: the pages SPEC lists, what gets published and what never
//! does, determinism, and the atomic swap of the output folder.

mod common;

use common::{TestSite, attrs, texts};

/// The `alumni` fixture (see its README), built.
fn built_alumni() -> TestSite {
    let site = TestSite::fixture("alumni");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

#[test]
fn a_site_builds_every_page_type() {
    let site = built_alumni();
    for path in [
        "index.html",
        "stories/maria-santos/index.html",
        "stories/joao-pereira/index.html",
        "roles/agent/index.html",
        "roles/product-manager/index.html",
        "departments/product/index.html",
        "destinations/software-engineer/index.html",
        "tags/night-shift/index.html",
        "paths/index.html",
        "collections/night-shift-heroes/index.html",
        "collections/loan-program/index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "stories.json",
        "style.css",
    ] {
        assert!(
            site.path("public").join(path).is_file(),
            "missing public/{path}"
        );
    }
}

#[test]
fn the_summary_line_counts_pages_and_stories() {
    let site = TestSite::fixture("alumni");
    let run = site.build();
    let line = run.stderr.lines().last().unwrap_or_default().to_string();
    assert!(
        line.starts_with("Built ") && line.contains(" pages from 6 stories in "),
        "{line}"
    );
    // Six stories' cards, two collections' and 48 other pages' (the home
    // page, the career map, the collections page and 45 listings); Rosa
    // withdrew consent.
    let page_cards = site
        .output_tree()
        .iter()
        .filter(|(p, _)| p.starts_with("cards/pages/"))
        .count();
    assert_eq!(page_cards, 48);
    assert!(
        line.ends_with("(1 photos and 56 cards processed, 0 and 0 from cache); 1 story left out because its consent ended or was withdrawn"),
        "{line}"
    );
}

#[test]
fn the_index_lists_published_stories_newest_first() {
    let site = built_alumni();
    let html = site.html("index.html");
    let names = texts(&html, ".results .card h3");
    assert_eq!(
        names,
        vec![
            "Maria Santos",
            "João Pereira",
            "Zoë Martin",
            "Lucas Ferreira",
            "Kwame Mensah",
            "Daniel Murphy"
        ],
        "newest (2026-03-01) to oldest (2025-05-30)"
    );
    assert_eq!(texts(&html, "#results-heading"), vec!["6 stories"]);
}

#[test]
fn listings_are_paginated_by_page_size() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "page_size: 48", "page_size: 5");
    add_agents(&site, 7);
    assert_eq!(site.build().code, 0);
    let page1 = site.html("index.html");
    let page3 = site.html("page/3/index.html");
    assert_eq!(texts(&page1, ".results .card").len(), 5);
    assert_eq!(
        texts(&page3, ".results .card").len(),
        3,
        "13 stories, 5 a page"
    );
    assert!(!site.path("public/page/4").exists());
    assert_eq!(
        attrs(&page1, "a[rel=next]", "href"),
        vec!["/alumni/page/2/"]
    );
    assert_eq!(
        attrs(&page3, "a[rel=prev]", "href"),
        vec!["/alumni/page/2/"]
    );
    // Every story starts as an agent, so the role's listing is paginated too.
    assert!(site.path("public/roles/agent/page/3/index.html").is_file());
    assert_eq!(texts(&page3, ".pagination ol li a"), vec!["1", "2", "3"]);
    assert!(texts(&page3, ".pagination .gap").is_empty());
}

#[test]
fn long_listings_link_the_ends_and_the_pages_near_the_current_one() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "page_size: 48", "page_size: 1");
    add_agents(&site, 7);
    assert_eq!(site.build().code, 0);
    let page7 = site.html("page/7/index.html");
    assert_eq!(
        texts(&page7, ".pagination ol li a"),
        vec!["1", "5", "6", "7", "8", "9", "13"]
    );
    assert_eq!(texts(&page7, ".pagination .gap"), vec!["…", "…"]);
    assert_eq!(
        attrs(&page7, ".pagination [aria-current=page]", "href"),
        vec!["/alumni/page/7/"]
    );
    let page1 = site.html("index.html");
    assert_eq!(
        attrs(&page1, ".pagination ol li a", "href"),
        vec![
            "/alumni/",
            "/alumni/page/2/",
            "/alumni/page/3/",
            "/alumni/page/13/"
        ]
    );
    assert_eq!(
        attrs(&page1, "link[rel=canonical]", "href"),
        vec!["https://careers.example.com/alumni/"]
    );
}

#[test]
fn a_story_page_has_the_timeline_quote_and_share_metadata() {
    let site = built_alumni();
    let html = site.html("stories/maria-santos/index.html");
    assert_eq!(texts(&html, "h1"), vec!["Maria Santos"]);
    let steps = texts(&html, ".timeline li h3");
    assert_eq!(
        steps,
        vec![
            "Customer Service Agent",
            "Team Lead",
            "Product Analyst",
            "Associate Product Manager"
        ]
    );
    let first = texts(&html, ".timeline li .meta")[0].clone();
    assert!(first.contains("18 months"), "{first}");
    assert!(texts(&html, ".quote")[0].starts_with("The calls taught me"));
    let canonical = "https://careers.example.com/alumni/stories/maria-santos/";
    assert_eq!(attrs(&html, "link[rel=canonical]", "href"), vec![canonical]);
    assert_eq!(
        attrs(&html, "meta[property='og:url']", "content"),
        vec![canonical]
    );
    assert_eq!(
        attrs(&html, "meta[property='og:type']", "content"),
        vec!["article"]
    );
    // The address shown is the canonical one; each way to share tags the
    // link with its channel, after the site's share parameters.
    assert_eq!(texts(&html, ".share .share-url"), vec![canonical]);
    assert_eq!(
        attrs(&html, ".share .copy-link", "data-copy"),
        vec![format!("{canonical}?utm_source=recruiter&utm_medium=copy")]
    );
    assert_eq!(
        attrs(&html, ".share .native-share", "data-share"),
        vec![format!("{canonical}?utm_source=recruiter&utm_medium=share")]
    );
    let encoded = |medium: &str| {
        format!(
            "https%3A%2F%2Fcareers.example.com%2Falumni%2Fstories%2Fmaria-santos%2F%3Futm_source%3Drecruiter%26utm_medium%3D{medium}"
        )
    };
    let channels = attrs(&html, ".share-actions a", "href");
    assert_eq!(channels.len(), 3, "{channels:?}");
    assert_eq!(
        channels[0],
        format!(
            "https://www.linkedin.com/sharing/share-offsite/?url={}",
            encoded("linkedin")
        )
    );
    assert!(
        channels[1].starts_with("https://wa.me/?text=Maria%20Santos"),
        "{}",
        channels[1]
    );
    assert!(
        channels[1].ends_with(&encoded("whatsapp")),
        "{}",
        channels[1]
    );
    assert!(
        channels[2].starts_with("mailto:?subject=Maria%20Santos"),
        "{}",
        channels[2]
    );
    assert!(channels[2].ends_with(&encoded("email")), "{}", channels[2]);
    assert!(
        attrs(&html, ".share a", "href")
            .contains(&"/alumni/stories/maria-santos/share/".to_string())
    );
    // The page ends with the next step, not the share box.
    assert_eq!(
        attrs(&html, ".story-layout > *", "class")
            .last()
            .map(String::as_str),
        Some("cta")
    );
    assert!(
        !texts(&html, ".related .card").is_empty(),
        "related stories are listed"
    );
}

#[test]
fn json_ld_describes_an_article_by_a_person_with_dated_roles() {
    let site = built_alumni();
    let html = site.html("stories/maria-santos/index.html");
    let json = texts(&html, "script[type='application/ld+json']");
    assert_eq!(json.len(), 1);
    let v: serde_json::Value = serde_json::from_str(&json[0]).unwrap();
    assert_eq!(v["@type"], "Article");
    assert_eq!(v["author"]["@type"], "Person");
    assert_eq!(v["author"]["name"], "Maria Santos");
    let roles = v["author"]["hasOccupation"].as_array().unwrap();
    assert_eq!(roles.len(), 4);
    assert_eq!(roles[0]["startDate"], "2016-04");
    assert_eq!(roles[0]["endDate"], "2017-10");
    assert!(
        roles[3].get("endDate").is_none(),
        "the current role has no end"
    );
    assert!(!json[0].contains("JobPosting"));
}

#[test]
fn drafts_are_published_only_with_the_drafts_flag() {
    let site = built_alumni();
    let everywhere = |site: &TestSite, needle: &str| {
        site.output_tree()
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
    };
    assert!(!everywhere(&site, "Chloé Dubois"));
    assert!(!everywhere(&site, "chloe-dubois"));
    assert_eq!(site.run(&["build", "--drafts"]).code, 0);
    assert!(
        site.path("public/stories/chloe-dubois/index.html")
            .is_file()
    );
}

#[test]
fn a_story_without_consent_is_never_written_anywhere() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/stories/secret-person.md",
        "---\nname: Secret Person\nheadline: Not agreed yet\nconsent: false\ndate: 2026-01-01\njourney:\n  - {role: agent, from: 2020-01}\ntags: [secret-tag]\n---\n\nPrivate words.\n",
    );
    site.write(
        "content/collections/picks.yaml",
        "title: Picks\nstories: [secret-person, ana-example]\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("no-consent"),
        "the build says why: {}",
        run.stderr
    );
    for (path, bytes) in site.output_tree() {
        let text = String::from_utf8_lossy(&bytes);
        for needle in [
            "Secret Person",
            "secret-person",
            "Private words",
            "secret-tag",
        ] {
            assert!(!text.contains(needle), "{needle} leaked into public/{path}");
        }
    }
    assert_eq!(
        texts(&site.html("collections/picks/index.html"), ".card h3"),
        vec!["Ana Example"]
    );
}

#[test]
fn bundle_files_are_never_copied_to_the_output() {
    let site = built_alumni();
    let original = std::fs::read(site.path("content/stories/joao-pereira/portrait.jpg")).unwrap();
    let tree = site.output_tree();
    for (path, bytes) in &tree {
        assert!(
            !path.ends_with(".md") && !path.ends_with("portrait.jpg"),
            "{path}"
        );
        assert!(*bytes != original, "{path} is the original photo");
    }
    let photos = tree.iter().filter(|(p, _)| p.starts_with("img/")).count();
    assert!(
        photos >= 2,
        "the photo is published re-encoded ({photos} files)"
    );
}

#[test]
fn stories_json_indexes_every_published_story() {
    let site = built_alumni();
    let v: serde_json::Value = serde_json::from_str(&site.read("stories.json")).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 6);
    let maria = stories
        .iter()
        .find(|s| s["slug"] == "maria-santos")
        .unwrap();
    assert_eq!(maria["start"], "agent");
    assert_eq!(maria["destination"], "product-manager");
    assert_eq!(
        maria["departments"],
        serde_json::json!(["customer-care", "product"])
    );
    assert_eq!(maria["months_to_first_move"], 18);
    assert_eq!(maria["url"], "/alumni/stories/maria-santos/");
}

#[test]
fn feed_and_sitemap_use_absolute_urls() {
    let site = built_alumni();
    let feed = site.read("feed.xml");
    assert!(feed.starts_with("<?xml"));
    assert_eq!(feed.matches("<entry>").count(), 6);
    assert!(
        feed.contains("<link href=\"https://careers.example.com/alumni/stories/maria-santos/\"/>")
    );
    assert!(
        feed.contains("<updated>2026-03-01T00:00:00Z</updated>"),
        "the feed is dated by its newest story"
    );
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://careers.example.com/alumni/paths/</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://careers.example.com/alumni/sitemap.xml")
    );
}

#[test]
fn the_paths_page_lists_transitions_with_requirements_programs_and_counts() {
    let site = built_alumni();
    let html = site.html("paths/index.html");
    let moves = texts(&html, ".moves > li");
    let loan_move = moves
        .iter()
        .find(|m| m.starts_with("Customer Service Agent → Recruiter"))
        .expect("agent -> recruiter listed");
    assert!(loan_move.contains("Typically 18 months"), "{loan_move}");
    assert!(loan_move.contains("1 story"), "{loan_move}");
    assert!(
        loan_move.contains("Department loan program (3–6 months)"),
        "{loan_move}"
    );
    assert!(
        loan_move.contains("3 months on the interview panel"),
        "{loan_move}"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built_alumni();
    let first = site.output_tree();
    assert_eq!(site.build().code, 0);
    let second = site.output_tree();
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between builds", a.0);
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = built_alumni();
    let before = site.output_tree();
    site.write("content/stories/broken.md", "---\nname: Broken\n---\n");
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("previous output was left as it was"),
        "{}",
        run.stderr
    );
    assert!(
        site.output_tree() == before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".launchpad-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
}

#[test]
fn files_from_earlier_builds_that_no_longer_belong_are_removed() {
    let site = built_alumni();
    site.write("public/stale.html", "old");
    site.remove("content/stories/kwame-mensah.md");
    site.edit(
        "content/collections/night-shift-heroes.yaml",
        "kwame-mensah, ",
        "",
    );
    assert_eq!(site.build().code, 0);
    assert!(!site.path("public/stale.html").exists());
    assert!(!site.path("public/stories/kwame-mensah").exists());
}

#[test]
fn a_site_with_only_content_builds_with_the_built_in_theme() {
    let site = TestSite::fixture("minimal");
    assert!(!site.path("themes").exists());
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        texts(&site.html("stories/ana-example/index.html"), "h1"),
        vec!["Ana Example"]
    );
    assert!(site.read("style.css").contains("prefers-color-scheme"));
}

#[test]
fn a_theme_overrides_only_the_templates_it_has() {
    let site = TestSite::fixture("minimal");
    let yaml = std::fs::read_to_string(site.path("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}theme: custom\n"));
    site.write(
        "themes/custom/templates/story.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"custom\">{{ story.name }}</h1>{% endblock content %}",
    );
    site.write("themes/custom/static/extra.css", "body{}");
    assert_eq!(site.build().code, 0);
    assert_eq!(
        texts(&site.html("stories/ana-example/index.html"), "h1.custom"),
        vec!["Ana Example"]
    );
    assert_eq!(
        texts(&site.html("index.html"), "#results-heading"),
        vec!["1 story"]
    );
    assert_eq!(site.read("extra.css"), "body{}");
}

#[test]
fn static_files_are_copied_to_the_output_root() {
    let site = TestSite::fixture("minimal");
    site.write("content/static/favicon.ico", "icon");
    site.write("content/static/docs/guide.txt", "guide");
    assert_eq!(site.build().code, 0);
    assert_eq!(site.read("favicon.ico"), "icon");
    assert_eq!(site.read("docs/guide.txt"), "guide");
}

#[test]
fn base_url_can_be_overridden_on_the_command_line() {
    let site = TestSite::fixture("minimal");
    assert_eq!(
        site.run(&["build", "--base-url", "http://localhost:8080"])
            .code,
        0
    );
    let html = site.html("stories/ana-example/index.html");
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        vec!["http://localhost:8080/stories/ana-example/"]
    );
    assert_eq!(attrs(&html, "a.brand", "href"), vec!["/"]);
}

#[test]
fn the_output_folder_may_not_be_the_site_itself() {
    let site = TestSite::fixture("minimal");
    let run = site.run(&["build", "--out", site.root().to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(site.path("content/site.yaml").exists());
}

#[test]
fn role_pages_say_where_people_went_next() {
    let site = built_alumni();
    let html = site.html("roles/agent/index.html");
    let next = texts(&html, "[aria-labelledby=next-heading] .moves > li");
    let to_lead = next
        .iter()
        .find(|n| n.starts_with("Customer Service Agent → Team Lead"))
        .expect("the supported move to team lead is listed");
    assert!(to_lead.contains("Typically 18 months"), "{to_lead}");
    assert!(
        to_lead.contains("quality score of 90% or more"),
        "{to_lead}"
    );
    assert!(
        next.iter()
            .all(|n| n.starts_with("Customer Service Agent → ")),
        "{next:?}"
    );
    assert!(texts(&html, ".lead")[0].starts_with("Answer calls"));
}

#[test]
fn a_candidates_page_loads_under_24_kb_of_javascript_and_only_kits_load_the_qr_encoder() {
    let site = built_alumni();
    let scripts_of = |page: &str| -> u64 {
        let html = site.html(page);
        let srcs = attrs(&html, "script[src]", "src");
        assert!(!srcs.is_empty(), "{page} has a script");
        srcs.iter()
            .map(|src| {
                let file = site.path("public").join(src.trim_start_matches("/alumni/"));
                std::fs::metadata(&file).map_or(0, |m| m.len())
            })
            .sum()
    };
    for page in [
        "index.html",
        "stories/maria-santos/index.html",
        "openings/index.html",
        "roles/agent/index.html",
    ] {
        let js = scripts_of(page);
        assert!(js > 0 && js < 24 * 1024, "{page}: {js} bytes of JavaScript");
        assert!(!site.read(page).contains("qrcode.js"), "{page}");
    }
    let kit = site.read("stories/maria-santos/share/index.html");
    assert!(kit.contains("vendor/qrcode.js"));
}

#[test]
fn every_facet_value_has_a_page_that_works_without_javascript() {
    let site = built_alumni();
    let html = site.html("index.html");
    let links = attrs(&html, "a[data-facet]", "href");
    assert!(links.len() > 20, "{} facet links", links.len());
    for link in links {
        let rel = link.strip_prefix("/alumni/").unwrap();
        assert!(
            site.path("public").join(rel).join("index.html").is_file(),
            "{link} has no page"
        );
    }
    let pm = site.html("destinations/product-manager/index.html");
    assert_eq!(texts(&pm, ".card h3"), vec!["Maria Santos"]);
    let fast = site.html("first-move/1-2-years/index.html");
    assert!(texts(&fast, ".card h3").contains(&"Kwame Mensah".to_string()));
}

#[test]
fn the_career_map_draws_a_flow_diagram_with_links_and_a_table() {
    let site = built_alumni();
    let html = site.html("paths/index.html");
    assert_eq!(
        attrs(&html, "svg.sankey a", "href")
            .first()
            .map(String::as_str),
        Some("/alumni/roles/agent/")
    );
    assert_eq!(
        attrs(&html, "svg.sankey path.band", "d").len(),
        6,
        "one band per start -> current pair"
    );
    let rows = texts(&html, ".flow-table tbody tr");
    assert_eq!(rows.len(), 6);
    let figures = texts(&html, ".figures li");
    assert!(
        figures[0].starts_with("6 alumni now work in 6 departments"),
        "{figures:?}"
    );
    assert!(
        figures
            .iter()
            .any(|f| f.starts_with("median time to first move: ")),
        "{figures:?}"
    );
}

/// Adds `n` agents, older than every story of the fixture, so that
/// listings run to more pages.
fn add_agents(site: &TestSite, n: usize) {
    for i in 1..=n {
        site.write(
            &format!("content/stories/agent-{i:02}.md"),
            format!(
                "---\nname: Agent {i:02}\nheadline: Still on the phones\nconsent: true\ndate: 2024-01-{i:02}\njourney:\n  - {{role: agent, from: 2023-01}}\n---\n\nBody.\n"
            ),
        );
    }
}
