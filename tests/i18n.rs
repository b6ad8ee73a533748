//! The words the theme prints come from the string files of the site's
//! language (issue 16): the story page, its durations and dates in
//! Portuguese and Polish, a theme's own wording, and the diagnostics for a
//! language without words, a message a language lacks and a string file
//! that does not parse. Plural rules per language are unit tests in
//! `src/theme/strings.rs`.

mod common;

use common::{TestSite, texts};

const STORY: &str = "stories/maria-santos/index.html";

/// The alumni fixture with `language:` set to `language`, built.
fn built_in(language: &str) -> TestSite {
    let site = TestSite::fixture("alumni");
    site.edit(
        "content/site.yaml",
        "language: en",
        &format!("language: {language}"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// The diagnostic of `check --format json` with `code`.
fn diagnostic(run: &common::Run, code: &str) -> serde_json::Value {
    let diags = run.json();
    diags
        .iter()
        .find(|d| d["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

#[test]
fn a_portuguese_site_prints_its_story_pages_in_portuguese() {
    let site = built_in("pt-PT");
    let html = site.html(STORY);
    assert_eq!(texts(&html, "#journey-heading"), vec!["Percurso"]);
    assert_eq!(
        texts(&html, "#share-heading"),
        vec!["Partilhar esta história"]
    );
    assert_eq!(
        texts(&html, ".story-title .meta time"),
        vec!["1 de março de 2026"]
    );
    let steps = texts(&html, ".timeline .meta");
    assert_eq!(steps[0], "Customer Care · abr. 2016 – out. 2017 · 18 meses");
    assert!(steps.last().unwrap().ends_with("– atualmente"), "{steps:?}");
    assert!(!site.read(STORY).contains("Share this story"));
}

#[test]
fn a_polish_site_uses_the_three_polish_plural_forms_in_durations() {
    let site = built_in("pl");
    let html = site.html(STORY);
    let steps = texts(&html, ".timeline .meta").join("\n");
    // 18 and 21 months take the "many" form, 23 the "few" form.
    assert!(steps.contains("18 miesięcy"), "{steps}");
    assert!(steps.contains("23 miesiące"), "{steps}");
    assert!(steps.contains("21 miesięcy"), "{steps}");
    assert_eq!(
        texts(&html, ".story-title .meta time"),
        vec!["1 marca 2026"]
    );
    assert_eq!(texts(&html, "#journey-heading"), vec!["Ścieżka kariery"]);
}

#[test]
fn an_english_site_reads_as_it_did_before_the_string_files() {
    let site = built_in("en");
    let html = site.html(STORY);
    let steps = texts(&html, ".timeline .meta");
    assert_eq!(steps[0], "Customer Care · Apr 2016 – Oct 2017 · 18 months");
    assert!(steps.last().unwrap().ends_with("– present"), "{steps:?}");
    assert_eq!(
        texts(&html, ".story-title .meta time"),
        vec!["1 March 2026"]
    );
    assert_eq!(
        texts(&html, "#cta-heading"),
        vec!["Start where Maria started"]
    );
}

#[test]
fn a_theme_string_file_replaces_one_message_and_keeps_the_others() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "theme: default", "theme: acme");
    site.write("themes/acme/i18n/en.ftl", "journey = Career path\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.html(STORY);
    assert_eq!(texts(&html, "#journey-heading"), vec!["Career path"]);
    assert_eq!(texts(&html, "#share-heading"), vec!["Share this story"]);
}

#[test]
fn a_language_launchpad_has_no_words_for_is_an_error_on_its_line() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "language: en", "language: fr");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = diagnostic(&run, "unknown-language");
    assert_eq!(d["file"], "content/site.yaml");
    assert_eq!(d["line"], 5);
    assert_eq!(d["column"], 11);
    assert!(d["message"].as_str().unwrap().contains("`fr`"));
}

#[test]
fn a_language_a_theme_adds_must_have_every_message() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "language: en", "language: fr")
        .edit("content/site.yaml", "theme: default", "theme: acme");
    site.write("themes/acme/i18n/fr.ftl", "journey = Parcours\n");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let missing: Vec<String> = run
        .json()
        .iter()
        .filter(|d| d["code"] == "missing-string")
        .map(|d| {
            assert_eq!(
                (d["file"].as_str(), d["line"].as_u64()),
                (Some("content/site.yaml"), Some(5))
            );
            d["message"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(
        missing
            .iter()
            .any(|m| m == "the message `share-heading` has no translation in fr"),
        "{missing:#?}"
    );
    assert!(
        !missing.iter().any(|m| m.contains("`journey`")),
        "{missing:#?}"
    );
}

#[test]
fn a_string_file_that_is_not_fluent_is_an_error_on_its_line() {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "theme: default", "theme: acme");
    site.write(
        "themes/acme/i18n/en.ftl",
        "journey = Path\n\nbroken = { $count ->\n",
    );
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = diagnostic(&run, "bad-string-file");
    assert_eq!(d["file"], "themes/acme/i18n/en.ftl");
    assert_eq!(d["line"], 3);
}

#[test]
fn the_header_footer_and_listing_pages_speak_the_sites_language() {
    let site = built_in("pt-PT");
    let index = site.html("index.html");
    assert_eq!(texts(&index, ".skip-link"), vec!["Saltar para o conteúdo"]);
    let nav = texts(&index, ".site-header nav a");
    assert!(nav.iter().any(|a| a == "Histórias"), "{nav:?}");
    assert!(nav.iter().any(|a| a == "Percursos"), "{nav:?}");
    let footer = texts(&index, ".site-footer p").join(" ");
    assert!(footer.contains("histórias de antigos colegas"), "{footer}");
    let not_found = site.html("404.html");
    assert_eq!(texts(&not_found, "h1"), vec!["Página não encontrada"]);
    let collections = site.html("collections/index.html");
    assert_eq!(texts(&collections, "h1"), vec!["Coleções"]);
    let counts = texts(&collections, ".collection-list .meta");
    assert!(
        !counts.is_empty()
            && counts
                .iter()
                .all(|c| c.ends_with("histórias") || c.ends_with("história")),
        "{counts:?}"
    );
}

#[test]
fn role_pages_and_moves_speak_the_sites_language() {
    let site = built_in("pt-PT");
    let html = site.html("roles/team-lead/index.html");
    assert_eq!(
        texts(&html, "#arrivals-heading"),
        vec!["Como chegaram aqui"]
    );
    assert_eq!(
        texts(&html, "#results-heading"),
        vec!["2 histórias passam por esta função"]
    );
    let moves = texts(&html, ".moves .meta").join(" ");
    assert!(moves.contains("história"), "{moves}");
    assert!(!moves.contains("stories"), "{moves}");
}

#[test]
fn the_home_page_career_map_openings_and_share_kits_speak_the_sites_language() {
    let site = built_in("pt-PT");
    let index = site.html("index.html");
    assert_eq!(texts(&index, "#filter-heading"), vec!["Filtrar histórias"]);
    let facets = texts(&index, ".facet summary h3");
    assert!(facets.iter().any(|f| f == "Onde estão agora"), "{facets:?}");
    assert!(
        !facets.iter().any(|f| f == "Where they are now"),
        "{facets:?}"
    );
    let figures = texts(&index, ".hero-figures li").join(" | ");
    assert!(
        figures.contains("histórias de antigos colegas"),
        "{figures}"
    );
    assert_eq!(
        common::attrs(&index, "[data-sheet-close][aria-label]", "aria-label"),
        vec!["Fechar os filtros"]
    );

    let paths = site.html("paths/index.html");
    assert_eq!(texts(&paths, "h1"), vec!["Percursos de carreira"]);
    assert_eq!(texts(&paths, "#moves-heading"), vec!["Mudanças apoiadas"]);
    let page = site.read("paths/index.html");
    for english in [
        "Career paths",
        "Supported transitions",
        "moved to another",
        "people started here",
        ">People<",
    ] {
        let at = page.find(english);
        assert!(
            at.is_none(),
            "{english} on the career map: {}",
            at.map_or("", |i| &page
                [i.saturating_sub(200)..(i + 50).min(page.len())])
        );
    }

    let openings = site.read("openings/index.html");
    assert!(openings.contains("Vagas abertas"), "the openings title");
    assert!(!openings.contains("Open positions"));

    let kit = site.read("stories/maria-santos/share/index.html");
    assert!(kit.contains("Voltar à página"), "the kit's back link");
    assert!(!kit.contains("Back to the page"));

    // The role page's sentence on how long people stay.
    let role = texts(&site.html("roles/agent/index.html"), ".role-facts li").join(" | ");
    assert!(role.contains("cerca de"), "{role}");
}

#[test]
fn the_script_gets_its_words_in_the_pages_language_with_every_plural_form() {
    let site = built_in("pl");
    let index = site.html("index.html");
    let json = texts(&index, "script#words");
    assert_eq!(json.len(), 1, "one block of words");
    let words: serde_json::Value = serde_json::from_str(&json[0]).expect("JSON");
    assert_eq!(words["stories-count"]["one"], "{count} historia");
    assert_eq!(words["stories-count"]["few"], "{count} historie");
    assert_eq!(words["stories-count"]["many"], "{count} historii");
    assert_eq!(words["copy-done"], "Link skopiowany");
    let script = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/site.js"),
    )
    .expect("site.js");
    for english in [
        "Link copied",
        "\" stories",
        "Filters cleared",
        "open position",
    ] {
        assert!(!script.contains(english), "site.js still says {english}");
    }
}

/// The alumni fixture with `language: en` replaced by `lines`.
fn with_languages(lines: &str) -> TestSite {
    let site = TestSite::fixture("alumni");
    site.edit("content/site.yaml", "language: en", lines);
    site
}

#[test]
fn a_site_lists_its_languages_default_first_by_tag_or_with_a_name() {
    let site = with_languages(
        "languages:\n  - en\n  - code: pt-PT\n    name: \"Português (Portugal)\"\n  - pl",
    );
    let run = site.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The default language stays at the root.
    let index = site.html("index.html");
    assert_eq!(
        common::attrs(&index, "html", "lang"),
        vec!["en".to_string()]
    );
}

#[test]
fn a_language_listed_twice_or_that_is_not_a_tag_is_an_error_on_its_line() {
    let site = with_languages("languages:\n  - en\n  - pt-PT\n  - pt-pt\n  - pt_BR");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let twice = diagnostic(&run, "duplicate-language");
    assert_eq!(
        (twice["line"].as_u64(), twice["column"].as_u64()),
        (Some(8), Some(5))
    );
    let bad = diagnostic(&run, "bad-language");
    assert_eq!(bad["line"], 9);
    assert!(bad["message"].as_str().unwrap().contains("`pt_BR`"));
}

#[test]
fn language_and_languages_must_agree_on_the_default() {
    let site = with_languages("language: pt-PT\nlanguages:\n  - en\n  - pt-PT");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = diagnostic(&run, "bad-language");
    assert_eq!(d["line"], 5);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("is not the first of `languages`"),
        "{d}"
    );
}

#[test]
fn a_second_language_without_words_or_lacking_a_message_is_an_error_on_its_own_line() {
    let site = with_languages("languages:\n  - en\n  - pt-PT\n  - fr");
    let run = site.check_json();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = diagnostic(&run, "unknown-language");
    assert_eq!(d["line"], 8, "the line of `- fr`");

    site.edit("content/site.yaml", "theme: default", "theme: acme");
    site.write("themes/acme/i18n/fr.ftl", "journey = Parcours\n");
    let run = site.check_json();
    let d = diagnostic(&run, "missing-string");
    assert_eq!(d["line"], 8, "the line of `- fr`");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .ends_with("has no translation in fr"),
        "{d}"
    );
}
