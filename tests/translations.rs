//! Translated content (issue 16): a story's translation beside it
//! (`NAME.pt-pt.md`) with the original's facts, and career.yaml and
//! collection texts given per language, each falling back to the default
//! language's, with a warning for each text left untranslated.

mod common;

use common::{TestSite, attrs, texts};

/// Maria's story in European Portuguese: the words translated, the facts
/// (one step's role and months) repeated as the original has them.
const MARIA_PT: &str = "---
name: Maria Santos
headline: De agente do turno da noite a gestora de produto em seis anos
quote: As chamadas ensinaram-me o que os clientes realmente precisam.
location: Lisboa, Portugal
journey:
  - note: Turno da noite, linhas de português e espanhol
  - role: team-lead
    from: 2017-10
    to: 2019-09
  - note: Começou como empréstimo de seis meses à equipa da aplicação de faturação
  - title: Gestora de Produto Associada
tags: [night-shift, mentoring, loan-program]
---

Entrei no turno da noite porque encaixava no meu horário da universidade.
";

/// The alumni fixture in English and Portuguese, with Maria's story
/// translated.
fn with_maria_in_portuguese() -> TestSite {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(None);
    site.write("content/stories/maria-santos.pt-pt.md", MARIA_PT);
    site
}

/// `(code, line, column)` of each diagnostic in `file`.
fn found(site: &TestSite, file: &str) -> Vec<(String, u64, u64)> {
    site.check_json()
        .json()
        .iter()
        .filter(|d| d["file"] == file)
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_translated_story_has_its_words_in_its_language_and_the_originals_facts() {
    let site = with_maria_in_portuguese();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let pt = site.html("pt-pt/stories/maria-santos/index.html");
    assert_eq!(attrs(&pt, "html", "lang"), vec!["pt-PT"]);
    let page = pt.root_element().text().collect::<String>();
    for words in [
        "De agente do turno da noite a gestora de produto em seis anos",
        "Turno da noite, linhas de português e espanhol",
        "Gestora de Produto Associada",
        "Entrei no turno da noite",
        "Lisboa, Portugal",
    ] {
        assert!(
            page.contains(words),
            "{words:?} is not on the Portuguese page"
        );
    }
    assert!(!page.contains("I joined on the night shift"));
    // The facts are the original's: the journey's months, in Portuguese.
    let en = site.html("stories/maria-santos/index.html");
    let months = |html: &scraper::Html| texts(html, ".journey time");
    assert_eq!(months(&pt).len(), months(&en).len());
    assert!(!months(&pt).is_empty());
    assert!(
        en.root_element()
            .text()
            .collect::<String>()
            .contains("I joined on the night shift")
    );

    // Each page links to the other as its translation, and the switcher
    // leads from one to the other.
    for (html, other) in [
        (
            &pt,
            "https://careers.example.com/alumni/stories/maria-santos/",
        ),
        (
            &en,
            "https://careers.example.com/alumni/pt-pt/stories/maria-santos/",
        ),
    ] {
        let hrefs = attrs(html, "link[rel=alternate][hreflang]", "href");
        assert!(hrefs.iter().any(|h| h == other), "{hrefs:?}");
    }
    assert_eq!(
        attrs(&en, "nav.languages a[hreflang=pt-PT]", "href"),
        vec!["/alumni/pt-pt/stories/maria-santos/"]
    );

    // On the Portuguese home page Maria's card is in Portuguese (no `lang`
    // of its own); the stories not translated keep theirs, in English.
    let home = site.html("pt-pt/index.html");
    let maria = "li.card:has(a[href='/alumni/pt-pt/stories/maria-santos/'])";
    assert_eq!(attrs(&home, maria, "lang"), Vec::<String>::new());
    assert!(
        texts(&home, &format!("{maria} h3, {maria} p"))
            .iter()
            .any(|t| t.contains("De agente"))
    );
    let untranslated = attrs(&home, "li.card[lang]", "lang");
    assert!(!untranslated.is_empty());
    assert!(untranslated.iter().all(|l| l == "en"), "{untranslated:?}");
}

#[test]
fn a_translation_that_changes_a_journey_date_is_an_error_on_its_line() {
    let site = with_maria_in_portuguese();
    site.edit(
        "content/stories/maria-santos.pt-pt.md",
        "from: 2017-10",
        "from: 2017-11",
    );
    let file = "content/stories/maria-santos.pt-pt.md";
    assert!(
        found(&site, file).contains(&("translation-changes-fact".to_string(), 9, 11)),
        "{:?}",
        found(&site, file)
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("the original (content/stories/maria-santos.md) has `from: 2017-10`"),
        "{}",
        run.stdout
    );
    assert_eq!(site.build().code, 1, "a build refuses it too");
}

#[test]
fn a_translation_that_changes_tags_or_the_number_of_steps_is_an_error() {
    let site = with_maria_in_portuguese();
    site.edit(
        "content/stories/maria-santos.pt-pt.md",
        "tags: [night-shift, mentoring, loan-program]",
        "tags: [night-shift]",
    );
    site.edit(
        "content/stories/maria-santos.pt-pt.md",
        "  - title: Gestora de Produto Associada\n",
        "",
    );
    let codes = found(&site, "content/stories/maria-santos.pt-pt.md");
    // The journey, at its first step; the tags, at their list.
    assert!(
        codes.contains(&("translation-changes-fact".to_string(), 7, 3)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("translation-changes-fact".to_string(), 12, 7)),
        "{codes:?}"
    );
}

#[test]
fn a_translation_without_an_original_names_the_file_it_lacks() {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(None);
    site.write("content/stories/ana-lima.pt-pt.md", MARIA_PT);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("error[translation-without-original]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("content/stories/ana-lima.md, which does not exist")
    );
    assert!(
        run.stdout.contains("lang: pt-PT"),
        "the help says how to write a Portuguese-only story"
    );
}

#[test]
fn a_translation_into_a_language_the_site_does_not_have_is_an_error() {
    let site = with_maria_in_portuguese();
    site.write("content/stories/maria-santos.es.md", MARIA_PT);
    let codes = found(&site, "content/stories/maria-santos.es.md");
    assert_eq!(codes, vec![("unknown-language".to_string(), 1, 1)]);
}

#[test]
fn untranslated_texts_are_one_line_per_language_and_each_is_in_the_json() {
    let site = with_maria_in_portuguese();
    let json = site.check_json().json();
    let untranslated: Vec<&serde_json::Value> = json
        .iter()
        .filter(|d| d["code"] == "untranslated")
        .collect();
    assert!(
        untranslated
            .iter()
            .all(|d| d["language"] == "pt-PT" && d["severity"] == "warning")
    );
    // Every text of career.yaml, every story but Maria's, Maria's photo
    // description: each one, on its own line.
    let department = untranslated
        .iter()
        .find(|d| d["file"] == "content/career.yaml" && d["line"] == 4)
        .expect("Customer Care's name");
    assert_eq!(department["column"], 11);
    assert!(
        untranslated
            .iter()
            .any(|d| d["file"] == "content/stories/kwame-mensah.md")
    );
    assert!(
        !untranslated
            .iter()
            .any(|d| d["file"] == "content/stories/maria-santos.md")
    );

    let run = site.run(&["check"]);
    let line = format!(
        "warning[untranslated]: {} texts have no pt-PT translation",
        untranslated.len()
    );
    assert_eq!(
        run.stdout.matches("[untranslated]").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&line), "{}", run.stdout);
    let github = site.run(&["check", "--format", "github"]);
    assert_eq!(github.stdout.matches("title=Untranslated").count(), 1);
}

#[test]
fn career_and_collection_texts_are_given_per_language_and_fall_back_to_the_default() {
    let site = with_maria_in_portuguese();
    site.edit(
        "content/career.yaml",
        "    name: Customer Care\n",
        "    name:\n      en: Customer Care\n      pt-PT: Apoio ao Cliente\n",
    );
    site.edit(
        "content/career.yaml",
        "    title: Customer Service Agent\n",
        "    title: {en: Customer Service Agent, pt-PT: Assistente de Apoio ao Cliente}\n",
    );
    site.edit(
        "content/collections/night-shift-heroes.yaml",
        "title: Night-shift heroes",
        "title:\n  en: Night-shift heroes\n  pt-PT: Heróis do turno da noite",
    );
    site.edit(
        "content/site.yaml",
        "title: \"Careers that start on the phones\"",
        "title: {en: Careers that start on the phones, pt-PT: Carreiras que começam ao telefone}",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let home = |rel: &str| texts(&site.html(rel), "title");
    assert_eq!(
        home("pt-pt/index.html"),
        vec!["Carreiras que começam ao telefone"]
    );
    assert_eq!(home("index.html"), vec!["Careers that start on the phones"]);
    let pt = site.html("pt-pt/departments/customer-care/index.html");
    assert_eq!(texts(&pt, "h1"), vec!["Apoio ao Cliente"]);
    let en = site.html("departments/customer-care/index.html");
    assert_eq!(texts(&en, "h1"), vec!["Customer Care"]);
    let role = site.html("pt-pt/roles/agent/index.html");
    assert_eq!(texts(&role, "h1"), vec!["Assistente de Apoio ao Cliente"]);
    // Not translated: the default language's words.
    let other = site.html("pt-pt/departments/product/index.html");
    assert_eq!(texts(&other, "h1"), vec!["Product"]);
    let collection = site.html("pt-pt/collections/night-shift-heroes/index.html");
    assert_eq!(texts(&collection, "h1"), vec!["Heróis do turno da noite"]);
    assert_eq!(
        texts(
            &site.html("collections/night-shift-heroes/index.html"),
            "h1"
        ),
        vec!["Night-shift heroes"]
    );

    // Translated texts are no longer reported as untranslated.
    let json = site.check_json().json();
    assert!(!json.iter().any(|d| d["code"] == "untranslated"
        && d["file"] == "content/career.yaml"
        && d["line"] == 4));
}

#[test]
fn a_text_per_language_needs_the_default_and_only_the_sites_languages() {
    let site = with_maria_in_portuguese();
    site.edit(
        "content/career.yaml",
        "    name: Customer Care\n",
        "    name:\n      pt-PT: Apoio ao Cliente\n      es: Atención al cliente\n",
    );
    let codes = found(&site, "content/career.yaml");
    assert!(
        codes.contains(&("missing-default-text".to_string(), 5, 7)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("unknown-language".to_string(), 6, 7)),
        "{codes:?}"
    );
}

#[test]
fn a_site_can_show_each_language_only_the_stories_translated_into_it() {
    let site = with_maria_in_portuguese();
    site.edit(
        "content/site.yaml",
        "languages: [en, pt-PT]",
        "languages: [en, pt-PT]\nshow_untranslated: false",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pt = site.html("pt-pt/index.html");
    assert_eq!(
        attrs(&pt, "li.card a[href*='/stories/']", "href")
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>(),
        ["/alumni/pt-pt/stories/maria-santos/".to_string()].into()
    );
    let en = site.html("index.html");
    assert!(attrs(&en, "li.card", "class").len() > 1);
    let feed = site.read("pt-pt/stories.json");
    assert!(feed.contains("maria-santos") && !feed.contains("kwame-mensah"));
}

#[test]
fn a_pull_request_adding_a_translation_is_summarised_with_its_address_and_the_untranslated_count() {
    let site = with_maria_in_portuguese();
    site.write("changed.txt", "content/stories/maria-santos.pt-pt.md\n");
    let changed = site.path("changed.txt");
    let run = site.run(&[
        "check",
        "--format",
        "markdown",
        "--changed",
        changed.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "published at <https://careers.example.com/alumni/pt-pt/stories/maria-santos/>"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("### Translations"));
    assert!(run.stdout.contains("have no pt-PT translation"));
}

#[test]
fn a_pull_request_adding_a_translation_previews_its_share_card_in_its_language() {
    let site = with_maria_in_portuguese();
    site.write(
        "changed.txt",
        "content/stories/maria-santos.md\ncontent/stories/maria-santos.pt-pt.md\n",
    );
    let (changed, cards) = (site.path("changed.txt"), site.path("cards"));
    let run = site.run(&[
        "build",
        "--changed",
        changed.to_str().unwrap(),
        "--cards-to",
        cards.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Copied 2 share cards"),
        "{}",
        run.stderr
    );
    let english = std::fs::read(cards.join("maria-santos.png")).unwrap();
    let portuguese = std::fs::read(cards.join("maria-santos.pt-pt.png")).unwrap();
    assert!(portuguese.starts_with(b"\x89PNG"));
    assert_ne!(english, portuguese, "the Portuguese card has its headline");
    // Each is the card its page shows.
    for (page, card) in [
        ("stories/maria-santos/index.html", &english),
        ("pt-pt/stories/maria-santos/index.html", &portuguese),
    ] {
        let image = attrs(&site.html(page), "meta[property='og:image']", "content");
        let path = image[0].split("/alumni/").nth(1).unwrap();
        assert_eq!(
            &std::fs::read(site.path("public").join(path)).unwrap(),
            card,
            "{page}"
        );
    }
}

#[test]
fn a_translations_text_is_made_safe_on_its_page_and_warned_about_on_its_own_lines() {
    // Its HTML is made when its page is written, from the file's text: the
    // page must show what `check` checked, at the lines `check` gives.
    let site = with_maria_in_portuguese();
    let text = MARIA_PT.replace(
        "Entrei no turno da noite porque encaixava no meu horário da universidade.\n",
        "Entrei no turno da noite.\n\n## O começo\n\n<script>alert(1)</script>\n\nVeja [isto](javascript:alert(1)) e [o site](https://example.org/).\n",
    );
    site.write("content/stories/maria-santos.pt-pt.md", &text);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let page = site.read("pt-pt/stories/maria-santos/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));
    assert!(!page.contains("javascript:"));
    assert!(
        page.contains(r#"<h2 id="o-comeco">O começo</h2>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="https://example.org/" rel="noopener noreferrer">o site</a>"#),
        "{page}"
    );
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
    let warnings = found(&site, "content/stories/maria-santos.pt-pt.md");
    for (code, needle) in [("raw-html", "<script>"), ("unsafe-url", "javascript:")] {
        assert!(
            warnings
                .iter()
                .any(|(c, line, _)| c == code && *line == line_of(needle)),
            "{code} on line {}: {warnings:?}",
            line_of(needle)
        );
    }
}
