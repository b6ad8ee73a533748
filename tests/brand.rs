//! The brand and the pages that sell the job (issue 14): site.yaml's
//! colours, logo and font reach the pages, the icons and the share cards,
//! with contrast that passes WCAG AA; the home page's hero and featured
//! collection; the collections page and a header of four links; role pages
//! in plain words.

mod common;

use common::{TestSite, attrs, texts};
use launchpad::palette::{Palette, Rgb, TEXT_CONTRAST, contrast};

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48" viewBox="0 0 96 48"><rect width="96" height="48" fill="#ff0000"/></svg>"##;

fn branded(brand: &str) -> TestSite {
    let site = TestSite::fixture("minimal");
    site.edit(
        "content/site.yaml",
        "description:",
        &format!("brand:\n{brand}\ndescription:"),
    );
    site
}

/// The value of a custom property in the light scheme's `:root` block.
fn light_var(css: &str, name: &str) -> String {
    let light = css.split("@media").next().unwrap();
    let start = light
        .find(&format!("{name}:"))
        .unwrap_or_else(|| panic!("{name} in {css}"))
        + name.len()
        + 1;
    light[start..start + 7].to_string()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    (reader.info().width, reader.info().height)
}

#[test]
fn brand_colours_become_the_pages_palette_with_aa_contrast_in_both_schemes() {
    let site = branded("  primary: \"#ffd400\"\n  accent: \"#0a1a3f\"");
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    let css = texts(&html, "head style").join("");
    let expected = Palette::new(Rgb(0xff, 0xd4, 0), Rgb(0x0a, 0x1a, 0x3f));
    assert_eq!(css, expected.css());
    // A yellow primary cannot be link text on white: a darker shade is.
    let link = Rgb::parse(&light_var(&css, "--accent")).unwrap();
    assert_ne!(link, Rgb(0xff, 0xd4, 0));
    assert!(contrast(link, Rgb(0xff, 0xff, 0xff)) >= TEXT_CONTRAST);
    // As a surface it stays itself, with the text that reads on it.
    assert_eq!(light_var(&css, "--brand"), "#ffd400");
    assert_eq!(light_var(&css, "--brand-fg"), "#000000");
    assert_eq!(light_var(&css, "--cta-fg"), "#ffffff");
    assert_eq!(
        attrs(&html, "meta[name='theme-color']", "content"),
        vec!["#ffd400", "#0d1117"]
    );
}

#[test]
fn check_says_which_shade_it_used_for_a_brand_colour_without_aa_contrast() {
    let site = branded("  primary: \"#ffd400\"");
    let run = site.check_json();
    assert_eq!(run.code, 0, "a warning, not an error");
    let warning = run
        .json()
        .into_iter()
        .find(|d| d["code"] == "brand-contrast")
        .expect("a brand-contrast warning");
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["file"], "content/site.yaml");
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(5), Some(12))
    );
    let shade = Palette::new(Rgb(0xff, 0xd4, 0), Rgb(0xff, 0xd4, 0))
        .light
        .link;
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains("#ffd400") && message.contains(&shade.to_string()),
        "{message}"
    );
    // A colour that passes as it is gets no warning.
    let dark = branded("  primary: \"#0a1a3f\"\n  accent: \"#0a1a3f\"");
    assert!(
        !dark
            .check_json()
            .json()
            .iter()
            .any(|d| d["code"] == "brand-contrast")
    );
}

#[test]
fn a_logo_reaches_the_header_the_icons_and_the_share_cards() {
    let site = branded("  logo: logo.svg\n  primary: \"#0a1a3f\"");
    site.write("content/static/logo.svg", LOGO);
    site.write(
        "content/stories/ana.md",
        "---\nname: Ana Lima\nheadline: From the phones to product\nconsent: true\ndate: 2026-01-10\njourney:\n  - role: agent\n    from: 2020-01\n    to: 2022-01\n  - role: team-lead\n    from: 2022-01\n---\n\nBody.\n",
    );
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    assert_eq!(
        attrs(&html, ".site-header .brand img", "src"),
        vec!["/alumni/logo.svg"]
    );
    // Fitted to 200x40, keeping its 2:1 shape: no layout shift.
    assert_eq!(attrs(&html, ".site-header .brand img", "width"), vec!["80"]);
    assert_eq!(
        attrs(&html, ".site-header .brand img", "height"),
        vec!["40"]
    );
    assert_eq!(
        attrs(&html, "link[rel='icon']", "href"),
        vec!["/alumni/icon-32.png"]
    );
    assert_eq!(
        attrs(&html, "link[rel='apple-touch-icon']", "href"),
        vec!["/alumni/icon-180.png"]
    );
    for size in [32, 180] {
        let png = std::fs::read(site.path(&format!("public/icon-{size}.png"))).unwrap();
        assert_eq!(png_size(&png), (size, size));
        // The logo is red; the icon shows it in the middle.
        let img = image::load_from_memory(&png).unwrap().to_rgba8();
        let middle = img.get_pixel(size / 2, size / 2);
        assert_eq!(
            (middle[0], middle[1], middle[2]),
            (255, 0, 0),
            "icon-{size}"
        );
    }
    // The share card: the brand's background, and the logo on it.
    let story = site.html("stories/ana/index.html");
    let card_url = attrs(&story, "meta[property='og:image']", "content").remove(0);
    let card_file = card_url.split("/alumni/").nth(1).unwrap();
    let card = image::open(site.path(&format!("public/{card_file}")))
        .unwrap()
        .to_rgb8();
    let bg = card.get_pixel(20, 600);
    assert_eq!(
        Rgb(bg[0], bg[1], bg[2]),
        Palette::new(Rgb(0x0a, 0x1a, 0x3f), Rgb(0x0a, 0x1a, 0x3f)).card_bg
    );
    let logo = card.get_pixel(94 + 20, 54 + 10);
    assert_eq!(
        (logo[0], logo[1], logo[2]),
        (255, 0, 0),
        "the logo, top left"
    );
}

#[test]
fn without_a_logo_the_icons_are_the_initial_on_the_primary_colour() {
    let site = branded("  primary: \"#2e6b30\"");
    assert_eq!(site.build().code, 0);
    let png = std::fs::read(site.path("public/icon-180.png")).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    let corner = img.get_pixel(2, 2);
    assert_eq!(Rgb(corner[0], corner[1], corner[2]), Rgb(0x2e, 0x6b, 0x30));
    // The letter T (Test Telecom) is drawn in white across the middle.
    let white = (0..180)
        .filter(|&x| img.get_pixel(x, 60).0 == [255, 255, 255])
        .count();
    assert!(white > 30, "the T's bar: {white} white pixels");
    // The header shows the icon as the mark, the name beside it.
    let html = site.html("index.html");
    assert_eq!(
        attrs(&html, ".site-header .brand img", "src"),
        vec!["/alumni/icon-180.png"]
    );
    assert_eq!(texts(&html, ".brand-name"), vec!["Minimal test site"]);
}

#[test]
fn a_brand_font_is_preloaded_and_shown_only_if_it_arrives_in_time() {
    let site = branded("  font: fonts/brand.woff2");
    site.write(
        "content/static/fonts/brand.woff2",
        b"wOF2 not really a font",
    );
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    assert_eq!(
        attrs(&html, "link[rel='preload'][as='font']", "href"),
        vec!["/alumni/fonts/brand.woff2"]
    );
    let css = texts(&html, "head style").join("");
    assert!(
        css.contains("@font-face{font-family:\"Launchpad Brand\";src:url(\"/alumni/fonts/brand.woff2\") format(\"woff2\")"),
        "{css}"
    );
    assert!(
        css.contains("font-display:optional"),
        "no swap, so no layout shift: {css}"
    );
    assert!(
        site.read("style.css")
            .contains("font-family: \"Launchpad Brand\", system-ui")
    );
}

#[test]
fn a_file_name_cannot_end_the_style_element_it_is_written_in() {
    let site = branded("  font: \"a\\\"b);x.woff2\"");
    site.write("content/static/a\"b);x.woff2", b"");
    assert_eq!(site.build().code, 0);
    let css = texts(&site.html("index.html"), "head style").join("");
    assert!(css.contains("url(\"/alumni/a%22b%29%3Bx.woff2\")"), "{css}");
}

#[test]
fn brand_files_must_exist_and_be_of_the_right_kind() {
    let site = branded("  logo: logo.gif\n  font: missing.woff2\n  primary: purple");
    let reported = site.check_json().json();
    let find = |code: &str| {
        reported
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code} in {reported:?}"))
            .clone()
    };
    let gif = find("bad-file-type");
    assert_eq!(
        (gif["line"].as_u64(), gif["column"].as_u64()),
        (Some(5), Some(9))
    );
    let missing = find("missing-file");
    assert_eq!(missing["line"].as_u64(), Some(6));
    assert!(
        missing["help"]
            .as_str()
            .unwrap()
            .contains("content/static/missing.woff2")
    );
    let colour = find("bad-colour");
    assert_eq!(colour["line"].as_u64(), Some(7));
    assert!(colour["help"].as_str().unwrap().contains("#0b5cad"));
}

#[test]
fn a_logo_that_is_not_svg_is_reported_on_its_file() {
    let site = branded("  logo: logo.svg");
    site.write("content/static/logo.svg", "<svg><g></svg>");
    let run = site.build();
    assert_eq!(run.code, 1);
    let reported = site.check_json().json();
    let bad = reported
        .iter()
        .find(|d| d["code"] == "bad-logo")
        .expect("bad-logo");
    assert_eq!(bad["file"], "content/static/logo.svg");
}

#[test]
fn an_svg_logo_cannot_draw_a_file_from_the_disk_into_the_icons() {
    let secret = tempfile::NamedTempFile::with_suffix(".png").unwrap();
    image::RgbImage::from_pixel(8, 8, image::Rgb([0, 255, 0]))
        .save(secret.path())
        .unwrap();
    let site = branded("  logo: logo.svg");
    site.write(
        "content/static/logo.svg",
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="{}" width="10" height="10"/></svg>"#,
            secret.path().display()
        ),
    );
    assert_eq!(site.build().code, 0);
    let png = std::fs::read(site.path("public/icon-180.png")).unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    assert!(
        !img.pixels().any(|p| p.0 == [0, 255, 0]),
        "the file on disk was drawn into a published icon"
    );
}

#[test]
fn the_home_page_leads_with_a_hero_its_calls_to_action_and_a_featured_collection() {
    let site = TestSite::fixture("alumni");
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    assert_eq!(texts(&html, ".hero h1").len(), 1);
    let actions = attrs(&html, ".hero-actions a", "href");
    assert_eq!(actions, vec!["/alumni/openings/", "/alumni/paths/"]);
    let figures = texts(&html, ".hero-figures strong");
    assert_eq!(figures[0], "6", "six published stories: {figures:?}");
    // The first collection, with its first three stories.
    let featured = texts(&html, ".featured h2");
    assert_eq!(featured.len(), 1);
    assert!(texts(&html, ".featured .card").len() <= 3);
    assert!(!texts(&html, ".featured .card").is_empty());
    // Not repeated on page 2.
    site.edit("content/site.yaml", "page_size: 48", "page_size: 2");
    assert_eq!(site.build().code, 0);
    let page2 = site.html("page/2/index.html");
    assert!(texts(&page2, ".hero-actions a").is_empty());
    assert!(texts(&page2, ".featured").is_empty());
}

#[test]
fn a_featured_collection_must_exist() {
    let site = TestSite::fixture("alumni");
    site.edit(
        "content/site.yaml",
        "page_size: 48",
        "page_size: 48\nfeatured: nigth-shift",
    );
    let reported = site.check_json().json();
    let d = reported
        .iter()
        .find(|d| d["code"] == "unknown-collection")
        .unwrap_or_else(|| panic!("{reported:?}"));
    assert_eq!(d["file"], "content/site.yaml");
}

#[test]
fn the_header_has_four_links_however_many_collections_and_they_are_on_one_page() {
    let site = TestSite::fixture("alumni");
    for i in 0..6 {
        site.write(
            &format!("content/collections/extra-{i}.yaml"),
            "title: Extra\nstories: [maria-santos]\n",
        );
    }
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    assert_eq!(
        texts(&html, ".site-header nav a").len(),
        4,
        "{:?}",
        texts(&html, ".site-header nav a")
    );
    let page = site.html("collections/index.html");
    assert!(texts(&page, ".collection-list h2").len() >= 8);
    assert_eq!(
        attrs(&page, ".site-header nav a[aria-current='page']", "href"),
        vec!["/alumni/collections/"]
    );
}

#[test]
fn cards_without_a_photo_show_initials_on_a_colour_that_white_text_reads_on() {
    for colour in launchpad::render::context::AVATAR_COLORS {
        let c = Rgb::parse(colour).unwrap();
        assert!(
            contrast(c, Rgb(0xff, 0xff, 0xff)) >= TEXT_CONTRAST,
            "{colour}"
        );
    }
    let site = TestSite::fixture("alumni");
    assert_eq!(site.build().code, 0);
    let html = site.html("index.html");
    let labels = attrs(&html, ".results svg.portrait", "aria-label");
    assert!(labels.contains(&"Maria Santos".to_string()), "{labels:?}");
    assert!(texts(&html, ".results svg.portrait text").contains(&"MS".to_string()));
    // The same in the index the script builds cards from.
    let index: serde_json::Value = serde_json::from_str(&site.read("stories.json")).unwrap();
    let maria = index["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Maria Santos")
        .unwrap();
    assert_eq!(maria["initials"], "MS");
    assert!(
        launchpad::render::context::AVATAR_COLORS
            .contains(&maria["avatar_color"].as_str().unwrap())
    );
}

fn story(slug: &str, journey: &str) -> (String, String) {
    (
        format!("content/stories/{slug}.md"),
        format!(
            "---\nname: {slug}\nheadline: H\nconsent: true\ndate: 2026-01-10\njourney:\n{journey}---\n\nBody.\n"
        ),
    )
}

#[test]
fn a_role_page_says_in_plain_words_how_long_people_stay_and_where_they_go() {
    // With the fixture's Ana (17 months as an agent, now a team lead).
    let site = TestSite::fixture("minimal");
    for (path, text) in [
        story(
            "a",
            "  - role: agent\n    from: 2020-01\n    to: 2021-07\n  - role: team-lead\n    from: 2021-07\n",
        ),
        story(
            "b",
            "  - role: agent\n    from: 2019-01\n    to: 2021-01\n  - role: team-lead\n    from: 2021-01\n    to: 2023-01\n  - role: product-manager\n    from: 2023-01\n",
        ),
        story("c", "  - role: agent\n    from: 2025-01\n"),
    ] {
        site.write(&path, text);
    }
    assert_eq!(site.build().code, 0);
    let agent = texts(&site.html("roles/agent/index.html"), ".role-facts li");
    assert_eq!(
        agent,
        vec![
            "Most people move on after about a year and a half, all of them to Team Lead.",
            "1 of our alumni is in this role now."
        ]
    );
    let lead = texts(&site.html("roles/team-lead/index.html"), ".role-facts li");
    assert_eq!(
        lead,
        vec![
            "The one person who moved on did so after about two years, to Product Manager.",
            "2 of our alumni are in this role now.",
            "People got here from Customer Service Agent."
        ]
    );
}

#[test]
fn the_home_page_listings_the_career_map_and_collections_have_share_cards_of_their_own() {
    let site = TestSite::fixture("alumni");
    assert_eq!(site.build().code, 0);
    for (page, card) in [
        ("index.html", "cards/pages/home-"),
        ("page/1/index.html", ""),
        ("paths/index.html", "cards/pages/paths-"),
        ("collections/index.html", "cards/pages/collections-"),
        ("roles/agent/index.html", "cards/pages/roles-agent-"),
        (
            "departments/product/index.html",
            "cards/pages/departments-product-",
        ),
        (
            "tags/night-shift/index.html",
            "cards/pages/tags-night-shift-",
        ),
        (
            "destinations/product-manager/index.html",
            "cards/pages/destinations-product-manager-",
        ),
    ] {
        if card.is_empty() {
            continue;
        }
        let html = site.html(page);
        let url = attrs(&html, "meta[property='og:image']", "content");
        assert_eq!(url.len(), 1, "{page}");
        let file = url[0]
            .strip_prefix("https://careers.example.com/alumni/")
            .unwrap();
        assert!(file.starts_with(card), "{page}: {file}");
        let png = std::fs::read(site.path(&format!("public/{file}"))).unwrap();
        assert_eq!(png_size(&png), (1200, 630), "{page}");
        assert_eq!(
            attrs(&html, "meta[name='twitter:card']", "content"),
            vec!["summary_large_image"]
        );
    }
}
