//! Open positions on the built site: `/openings/` and its filter pages,
//! role pages, the call to action that ends each story, the open counts on
//! the index and the career map, the share parameters on every apply link,
//! and the share kits with their QR codes. In a browser: tests/browser.rs.

mod common;

use common::{TestSite, attrs, decode_qr_svg, texts};

fn built_alumni() -> TestSite {
    let site = TestSite::fixture("alumni");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

const GH: &str = "https://boards.greenhouse.io/exampletelecom";

#[test]
fn the_openings_page_groups_open_positions_by_department_and_role_with_alumni_who_did_the_job() {
    let site = built_alumni();
    let html = site.html("openings/index.html");
    assert_eq!(
        texts(&html, ".opening-department > h2"),
        vec!["Customer Care", "Product"]
    );
    assert_eq!(
        texts(&html, ".opening-role > h3"),
        vec!["Customer Service Agent", "Team Lead", "Product Manager"]
    );
    let titles = texts(&html, ".opening-title");
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.contains("Trainer")),
        "closed: {titles:?}"
    );
    // Alumni who held the role, beside its openings: every agent card is
    // a story whose journey passed through the agent role.
    let agents = attrs(
        &html,
        ".opening-department:first-of-type .opening-role:first-of-type .alumni .card h3 a",
        "href",
    );
    assert_eq!(agents.len(), 3, "{agents:?}");
    assert!(agents.contains(&"/alumni/stories/maria-santos/".to_string()));
    // Filters work without JavaScript: each value links to its own page.
    let filters = attrs(&html, "a[data-facet]", "href");
    assert!(filters.contains(&"/alumni/openings/departments/product/".to_string()));
    assert!(filters.contains(&"/alumni/openings/locations/lisbon-portugal/".to_string()));
    let lisbon = site.html("openings/locations/lisbon-portugal/index.html");
    assert_eq!(
        texts(&lisbon, ".opening-title"),
        vec![
            "Customer Service Agent (Portuguese)",
            "Product Manager, Self-service"
        ]
    );
    let product = site.html("openings/departments/product/index.html");
    assert_eq!(
        texts(&product, ".opening-title"),
        vec!["Product Manager, Self-service"]
    );
}

#[test]
fn every_apply_link_carries_the_default_share_parameters_and_opens_no_window_relation() {
    let site = built_alumni();
    let html = site.html("openings/index.html");
    let hrefs = attrs(&html, "a[data-apply]", "href");
    assert_eq!(
        hrefs,
        vec![
            "https://jobs.lever.co/exampletelecom/7f1c2a?utm_source=recruiter".to_string(),
            format!("{GH}/jobs/1001?utm_source=recruiter"),
            format!("{GH}/jobs/1002?utm_source=recruiter"),
            format!("{GH}/jobs/1003?utm_source=recruiter"),
        ]
    );
    assert!(
        attrs(&html, "a[data-apply]", "rel")
            .iter()
            .all(|r| r == "noopener noreferrer")
    );
    assert_eq!(
        attrs(&html, "a[data-apply]", "data-rename")[0],
        "source=lever-source",
        "Lever reads the source by its own name"
    );
}

#[test]
fn a_story_ends_with_the_openings_of_the_role_its_person_started_in() {
    let site = built_alumni();
    let html = site.html("stories/maria-santos/index.html");
    assert_eq!(
        texts(&html, "#cta-heading"),
        vec!["Start where Maria started"]
    );
    assert_eq!(
        texts(&html, ".cta .opening-title"),
        vec![
            "Customer Service Agent (English)",
            "Customer Service Agent (Portuguese)"
        ]
    );
    // Maria is a product manager now, a role with an opening.
    let links = attrs(&html, ".cta a", "href");
    assert!(
        links.contains(&"/alumni/roles/product-manager/#openings".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/alumni/openings/".to_string()),
        "{links:?}"
    );
}

#[test]
fn without_an_opening_for_the_starting_role_the_story_links_to_the_apply_page() {
    let site = TestSite::fixture("alumni");
    site.write(
        "content/openings.yaml",
        "- title: PM\n  role: product-manager\n  location: Lisbon\n  url: https://x.com/pm\n",
    );
    assert_eq!(site.build().code, 0);
    let html = site.html("stories/maria-santos/index.html");
    assert!(texts(&html, ".cta .opening-title").is_empty());
    // The agent role's own apply address, from career.yaml.
    assert_eq!(
        attrs(&html, ".cta a.apply", "href"),
        vec![format!(
            "{GH}?departments=customer-care&utm_source=recruiter"
        )]
    );
    assert_eq!(texts(&html, ".cta a.apply"), vec!["Apply now"]);
}

#[test]
fn a_role_page_lists_its_openings_and_how_people_got_there() {
    let site = built_alumni();
    let html = site.html("roles/team-lead/index.html");
    assert_eq!(texts(&html, "#openings-heading"), vec!["1 open position"]);
    assert_eq!(
        texts(&html, ".role-openings .opening-title"),
        vec!["Team Lead, Mobile Support"]
    );
    assert_eq!(
        texts(&html, "#arrivals-heading"),
        vec!["How people got here"]
    );
    let arrivals = texts(&html, "#arrivals-heading ~ .moves h3");
    assert!(
        arrivals
            .iter()
            .any(|a| a.starts_with("Customer Service Agent → Team Lead")),
        "{arrivals:?}"
    );
    assert!(
        arrivals.iter().all(|a| a.ends_with("→ Team Lead")),
        "{arrivals:?}"
    );
    // A role with no opening says so and offers the site's apply link.
    let none = site.html("roles/trainer/index.html");
    assert!(texts(&none, ".role-openings p")[0].starts_with("No Trainer position is open"));
    assert_eq!(
        attrs(&none, ".role-openings a.apply", "href"),
        vec![format!("{GH}?utm_source=recruiter")]
    );
}

#[test]
fn the_index_and_the_career_map_count_open_positions_per_role() {
    let site = built_alumni();
    let index = site.html("index.html");
    assert_eq!(texts(&index, "#open-now-heading"), vec!["Hiring now"]);
    assert_eq!(
        texts(&index, ".hero-actions .primary"),
        vec!["See 4 open positions"]
    );
    assert_eq!(
        texts(&index, ".open-now li"),
        vec![
            "Customer Service Agent 2 open",
            "Team Lead 1 open",
            "Product Manager 1 open"
        ]
    );
    let paths = site.html("paths/index.html");
    let counts = texts(&paths, ".departments .open-count");
    assert_eq!(counts, vec!["2 open", "1 open", "1 open"]);
}

#[test]
fn no_page_claims_to_be_a_job_posting() {
    let site = built_alumni();
    for (path, bytes) in site.output_tree() {
        if path.ends_with(".html") || path.ends_with(".json") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("JobPosting"),
                "{path}"
            );
        }
    }
}

#[test]
fn a_site_without_openings_has_no_openings_page_and_no_call_to_apply() {
    let site = TestSite::fixture("minimal");
    assert_eq!(site.build().code, 0);
    assert!(!site.path("public/openings").exists());
    let index = site.read("index.html");
    assert!(!index.contains("open-now"));
}

#[test]
fn a_share_kit_prints_the_share_url_and_a_qr_code_that_reads_as_it_with_utm_medium_qr() {
    let site = built_alumni();
    let html = site.html("stories/maria-santos/share/index.html");
    let canonical = "https://careers.example.com/alumni/stories/maria-santos/";
    assert_eq!(
        attrs(&html, ".kit-url a", "href"),
        vec![format!("{canonical}?utm_source=recruiter")]
    );
    assert_eq!(
        attrs(&html, "meta[name=robots]", "content"),
        vec!["noindex"]
    );
    assert!(texts(&html, ".site-header").is_empty(), "no navigation");
    let svg = html
        .select(&scraper::Selector::parse(".kit-qr svg").unwrap())
        .next()
        .expect("an inline QR code")
        .html();
    assert_eq!(
        decode_qr_svg(&svg),
        format!("{canonical}?utm_source=recruiter&utm_medium=qr")
    );
    // The story's share section links to its kit; a collection has one too.
    let story = site.html("stories/maria-santos/index.html");
    assert!(
        attrs(&story, ".share a", "href")
            .contains(&"/alumni/stories/maria-santos/share/".to_string())
    );
    let collection = site.html("collections/loan-program/share/index.html");
    let svg = collection
        .select(&scraper::Selector::parse(".kit-qr svg").unwrap())
        .next()
        .unwrap()
        .html();
    assert_eq!(
        decode_qr_svg(&svg),
        "https://careers.example.com/alumni/collections/loan-program/?utm_source=recruiter&utm_medium=qr"
    );
    // Kits are printouts, not pages to find.
    assert!(!site.read("sitemap.xml").contains("/share/"));
}

#[test]
fn hostile_share_parameters_stay_inside_their_values() {
    let site = TestSite::fixture("alumni");
    site.edit(
        "content/site.yaml",
        "utm_source: recruiter",
        "utm_source: \"\\\"><script>alert(1)</script>&x=1#y\"",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("openings/index.html");
    assert!(!page.contains("<script>alert"), "no markup gets out");
    let html = scraper::Html::parse_document(&page);
    let href = &attrs(&html, "a[data-apply]", "href")[1];
    assert_eq!(
        href,
        &format!(
            "{GH}/jobs/1001?utm_source=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%26x%3D1%23y"
        )
    );
}
