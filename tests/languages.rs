//! A site in several languages (issue 16): every page kind in each, the
//! default at the root and the others under their tag; every page linked
//! to its translations (`hreflang` both ways, `x-default`, the sitemap's
//! alternates) and a switcher that works without JavaScript.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{TestSite, attrs, texts};

const BASE: &str = "https://careers.example.com/alumni/";

/// The alumni fixture in English and European Portuguese, built.
fn two_languages() -> TestSite {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(None);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// The fixture in two languages, with Zoë's story written in Portuguese.
fn with_a_portuguese_story() -> TestSite {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(Some("pt-PT"));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// Every HTML page of the output, by its absolute address.
fn pages(site: &TestSite) -> BTreeMap<String, scraper::Html> {
    let out = site.path("public");
    walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            let rel = e.path().strip_prefix(&out).unwrap().to_string_lossy();
            let folder = rel.trim_end_matches("index.html").to_string();
            let html = scraper::Html::parse_document(&std::fs::read_to_string(e.path()).unwrap());
            (format!("{BASE}{folder}"), html)
        })
        .collect()
}

/// A page's alternates: hreflang -> address.
fn alternates(html: &scraper::Html) -> BTreeMap<String, String> {
    let sel = scraper::Selector::parse("link[rel=alternate][hreflang]").unwrap();
    html.select(&sel)
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap().to_string(),
                l.value().attr("href").unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_page_kind_exists_in_each_language_and_the_default_stays_at_the_root() {
    let site = two_languages();
    for page in [
        "index.html",
        "pt-pt/index.html",
        "pt-pt/paths/index.html",
        "pt-pt/roles/agent/index.html",
        "pt-pt/departments/customer-care/index.html",
        "pt-pt/collections/index.html",
        "pt-pt/openings/index.html",
        "pt-pt/404.html",
        "pt-pt/feed.xml",
        "pt-pt/stories.json",
        "stories/maria-santos/index.html",
    ] {
        assert!(site.path("public").join(page).is_file(), "{page}");
    }
    let pt = site.html("pt-pt/index.html");
    assert_eq!(attrs(&pt, "html", "lang"), vec!["pt-PT"]);
    assert_eq!(texts(&pt, "#filter-heading"), vec!["Filtrar histórias"]);
    // Shared files are not copied into the language's folder.
    assert!(!site.path("public/pt-pt/style.css").exists());
    assert!(!site.path("public/pt-pt/sitemap.xml").exists());
    // Stories written in English have their pages in English only; the
    // Portuguese listing shows them, marked as English, linking there.
    assert!(!site.path("public/pt-pt/stories/maria-santos").exists());
    let sel = scraper::Selector::parse("li.card").unwrap();
    let card = pt.select(&sel).next().expect("a card");
    assert_eq!(card.value().attr("lang"), Some("en"));
    let link = scraper::Selector::parse("h3 a").unwrap();
    let href = card
        .select(&link)
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert!(href.starts_with("/alumni/stories/"), "{href}");
    // The English listing's cards are in the page's language: no `lang`.
    let en = site.html("index.html");
    assert!(en.select(&sel).all(|c| c.value().attr("lang").is_none()));
}

#[test]
fn every_hreflang_alternate_exists_points_back_and_has_the_language_it_claims() {
    walk_alternates(&two_languages());
    walk_alternates(&with_a_portuguese_story());
}

#[test]
fn the_example_site_is_in_english_and_portuguese_with_every_page_linked_to_its_translations() {
    let site = TestSite::example();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    walk_alternates(&site);
    // Several stories translated, one written only in Portuguese.
    let translated = ["maria-santos", "joao-pereira", "ana-conceicao"];
    for slug in translated {
        let page = site.html(&format!("pt-pt/stories/{slug}/index.html"));
        assert_eq!(
            attrs(&page, "link[rel=alternate][hreflang=en]", "href"),
            vec![format!("{BASE}stories/{slug}/")]
        );
    }
    assert!(
        site.path("public/pt-pt/stories/ines-carvalho/index.html")
            .is_file()
    );
    assert!(!site.path("public/stories/ines-carvalho").exists());
    // career.yaml is translated.
    let paths = site.html("pt-pt/paths/index.html");
    let words = paths.root_element().text().collect::<String>();
    assert!(words.contains("Assistente de Apoio ao Cliente"), "{words}");
    assert!(words.contains("Programa de cedência entre departamentos"));
    // A story's card is drawn in each language it has a page in, and not
    // in the others, where nothing would link it (the words on a card
    // differ by language: its journey's role titles).
    let cards: Vec<String> = std::fs::read_dir(site.path("public/cards"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let cards_of = |slug: &str| {
        cards
            .iter()
            .filter(|c| {
                c.strip_prefix(slug)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|rest| rest.len() == "0123456789.png".len())
            })
            .count()
    };
    assert_eq!(cards_of("maria-santos"), 2, "{cards:?}");
    assert_eq!(cards_of("ines-carvalho"), 1, "{cards:?}");
    assert_eq!(cards_of("kwame-mensah"), 1, "{cards:?}");
}

fn walk_alternates(site: &TestSite) {
    let pages = pages(site);
    let mut checked = 0;
    for (url, html) in &pages {
        let alts = alternates(html);
        assert!(alts.contains_key("x-default"), "no x-default on {url}");
        let own = &attrs(html, "html", "lang")[0];
        assert_eq!(alts.get(own), Some(url), "{url} lists itself under {own}");
        for (lang, target) in alts.iter().filter(|(l, _)| *l != "x-default") {
            let other = pages
                .get(target)
                .unwrap_or_else(|| panic!("{url} -> {target}: no such page"));
            assert_eq!(&attrs(other, "html", "lang")[0], lang, "{target}");
            assert_eq!(
                alternates(other).get(own),
                Some(url),
                "{target} does not point back to {url}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} links checked");

    // The sitemap lists every page with the same alternates.
    let sitemap = site.read("sitemap.xml");
    let doc = sitemap_urls(&sitemap);
    let listed: BTreeSet<&String> = doc.keys().collect();
    for (url, alts) in &doc {
        let page = pages
            .get(url)
            .unwrap_or_else(|| panic!("{url} in the sitemap"));
        assert_eq!(&alternates(page), alts, "{url}");
    }
    assert!(listed.contains(&format!("{BASE}pt-pt/paths/")));
    assert!(
        !listed.iter().any(|u| u.contains("/share/")),
        "no share kits"
    );
}

/// The sitemap's `<url>`s: loc -> its alternates (hreflang -> href).
fn sitemap_urls(xml: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for url in xml.split("<url>").skip(1) {
        let loc = url
            .split("<loc>")
            .nth(1)
            .unwrap()
            .split("</loc>")
            .next()
            .unwrap();
        let alts = url
            .split("<xhtml:link ")
            .skip(1)
            .map(|l| {
                let attr = |name: &str| {
                    l.split(&format!("{name}=\""))
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .to_string()
                };
                (attr("hreflang"), attr("href"))
            })
            .collect();
        out.insert(loc.to_string(), alts);
    }
    out
}

#[test]
fn the_switcher_leads_to_the_same_page_or_to_the_other_languages_home() {
    let site = two_languages();
    let switcher = |rel: &str| -> Vec<(String, String)> {
        let html = site.html(rel);
        let sel = scraper::Selector::parse("nav.languages a").unwrap();
        html.select(&sel)
            .map(|a| {
                (
                    a.value().attr("hreflang").unwrap().to_string(),
                    a.value().attr("href").unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        switcher("roles/agent/index.html"),
        vec![
            ("en".into(), "/alumni/roles/agent/".into()),
            ("pt-PT".into(), "/alumni/pt-pt/roles/agent/".into())
        ]
    );
    // A story with no Portuguese text: the Portuguese home.
    assert_eq!(
        switcher("stories/maria-santos/index.html")[1],
        ("pt-PT".into(), "/alumni/pt-pt/".into())
    );
    let pt = site.html("pt-pt/paths/index.html");
    assert_eq!(
        attrs(&pt, "nav.languages a[aria-current]", "lang"),
        vec!["pt-PT"]
    );
    assert_eq!(
        texts(&pt, "nav.languages .language-name"),
        vec!["English", "Português"]
    );
    assert_eq!(texts(&pt, "nav.languages .language-code"), vec!["EN", "PT"]);
    assert_eq!(
        attrs(&pt, "meta[property=\"og:locale\"]", "content"),
        vec!["pt_PT"]
    );
}

#[test]
fn a_site_of_one_language_has_no_alternates_and_no_switcher() {
    let site = TestSite::fixture("alumni");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let index = site.read("index.html");
    for absent in ["hreflang", "nav class=\"languages\"", "og:locale"] {
        assert!(!index.contains(absent), "{absent}");
    }
    assert!(!site.read("sitemap.xml").contains("xhtml"));
}

#[test]
fn a_story_written_in_another_language_has_its_page_there_and_its_card_says_so() {
    let site = with_a_portuguese_story();
    assert!(
        site.path("public/pt-pt/stories/zoe-martin/index.html")
            .is_file()
    );
    assert!(
        site.path("public/pt-pt/stories/zoe-martin/share/index.html")
            .is_file()
    );
    assert!(!site.path("public/stories/zoe-martin").exists());
    let page = site.html("pt-pt/stories/zoe-martin/index.html");
    assert_eq!(attrs(&page, "html", "lang"), vec!["pt-PT"]);
    assert_eq!(
        attrs(&page, "nav.languages a[hreflang=en]", "href"),
        vec!["/alumni/"],
        "no English page: the switcher leads to the English home"
    );
    let en = site.html("index.html");
    assert_eq!(
        attrs(&en, "li.card[lang] h3 a", "href"),
        vec!["/alumni/pt-pt/stories/zoe-martin/"]
    );
    assert_eq!(attrs(&en, "li.card[lang]", "lang"), vec!["pt-PT"]);
    // Each language's feed has the stories written in it.
    assert!(site.read("pt-pt/feed.xml").contains("zoe-martin"));
    assert!(!site.read("feed.xml").contains("zoe-martin"));
}

#[test]
fn a_story_in_a_language_the_site_does_not_have_is_an_error_on_its_line() {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(Some("fr"));
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = run
        .json()
        .into_iter()
        .find(|d| d["code"] == "unknown-story-language")
        .expect("unknown-story-language");
    assert_eq!(d["file"], "content/stories/zoe-martin.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert!(
        d["message"].as_str().unwrap().contains("(en, pt-PT)"),
        "{d}"
    );
}
