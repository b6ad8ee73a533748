//! Untrusted content: XSS payloads in every field a pull request can touch
//! never reach the output as markup, and template syntax in content is
//! never evaluated.

mod common;

use common::TestSite;
use scraper::{Html, Selector};

const PAYLOAD: &str = r#""><script>alert(1)</script><img src=x onerror=alert(2)>' onmouseover='alert(3)</script>{{ 7*191 }}"#;
/// For a name or a location, which may have at most 80 characters.
const NAME_PAYLOAD: &str = r#""><script>alert(1)</script><img src=x onerror=alert(2)>'{{ 7*191 }}"#;
/// For a tag or a skill, at most 40 characters.
const TAG_PAYLOAD: &str = r#""><img src=x onerror=alert(2)>{{7*191}}"#;

/// A YAML double-quoted scalar holding `s`.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A real photo, so that the payload in `photo_alt` reaches the pages.
fn small_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb([40, 90, 160]));
    let mut out = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut out),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    out
}

fn poisoned_site() -> TestSite {
    let site = TestSite::fixture("minimal");
    let p = quoted(PAYLOAD);
    let n = quoted(NAME_PAYLOAD);
    let t = quoted(TAG_PAYLOAD);
    site.write(
        "content/site.yaml",
        format!("title: {p}\ncompany: {p}\nbase_url: https://example.org/alumni/\ndescription: {p}\nshare:\n  utm_source: {p}\n  utm_campaign: {p}\napply:\n  url: https://jobs.example.org/?a=1\n  label: {p}\n"),
    );
    site.write(
        "content/stories/ana-example/index.md",
        format!(
            "---\nname: {n}\nheadline: {p}\nphoto: p.jpg\nphoto_alt: {p}\nconsent: true\ndate: 2026-01-15\nlocation: {n}\nquote: {p}\n\
             journey:\n  - role: agent\n    title: {p}\n    from: 2020-01\n    to: 2021-06\n    note: {p}\n  - role: team-lead\n    from: 2021-06\n\
             tags: [{t}, ok]\nskills: [{t}]\nlinks:\n  - label: {p}\n    url: https://example.org/?q=%22%3E\n---\n\n{BODY}\n"
        ),
    );
    site.write("content/stories/ana-example/p.jpg", small_jpeg());
    site.remove("content/stories/ana-example.md");
    site.write(
        "content/openings.yaml",
        format!(
            "- title: {p}\n  role: agent\n  location: {p}\n  url: \"https://jobs.example.org/1?x='y'\"\n  team: {p}\n  employment_type: {p}\n"
        ),
    );
    site.write(
        "content/collections/picks.yaml",
        format!("title: {p}\nintro: {p}\nstories: [ana-example]\n"),
    );
    site
}

const BODY: &str = r#"Hello <script>alert(4)</script> and <img src=x onerror=alert(5)>.

<div onclick="alert(6)">block html</div>

[click](javascript:alert(7)) [also](JaVaScRiPt:alert(8)) [data](data:text/html;base64,PHNjcmlwdD4=)

<javascript:alert(9)>

![pic](javascript:alert(10))

[titled](https://example.org "a\" onmouseover=\"alert(11)")

{{ 7*191 }} {% if true %}tera{% endif %}
"#;

/// Every element and attribute of a page, checked for active content.
fn assert_no_active_content(path: &str, html: &Html) {
    let all = Selector::parse("*").unwrap();
    for el in html.select(&all) {
        let v = el.value();
        if v.name() == "script" {
            // Only the theme's own script files, or JSON-LD data, are allowed.
            let theme_scripts = [
                "/alumni/site.js",
                "/alumni/kit.js",
                "/alumni/vendor/qrcode.js",
            ];
            let own_script = v
                .attr("src")
                .is_some_and(|src| theme_scripts.contains(&src))
                && el.text().next().is_none();
            let json_ld = v.attr("type") == Some("application/ld+json") && v.attr("src").is_none();
            // The script's words: data, and only the theme's.
            let words = v.attr("type") == Some("application/json")
                && v.attr("id") == Some("words")
                && v.attr("src").is_none()
                && serde_json::from_str::<serde_json::Value>(&el.text().collect::<String>())
                    .is_ok_and(|w| w.is_object());
            assert!(
                own_script || json_ld || words,
                "a script element in {path}: {}",
                el.html()
            );
        }
        for (name, value) in v.attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "attribute {name} in {path}"
            );
            let lowered: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            if matches!(name, "href" | "src" | "action" | "formaction" | "content") {
                for scheme in ["javascript:", "data:", "vbscript:"] {
                    assert!(!lowered.starts_with(scheme), "{name}={value} in {path}");
                }
            }
        }
    }
}

#[test]
fn payloads_in_every_field_never_become_markup() {
    let site = poisoned_site();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tree = site.output_tree();
    let mut pages = 0;
    for (path, bytes) in &tree {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("1337"),
            "template syntax in content was evaluated in {path}"
        );
        if path.ends_with(".html") {
            pages += 1;
            assert_no_active_content(path, &Html::parse_document(&text));
        }
        if path.ends_with(".xml") {
            assert!(!text.contains("<script"), "{path} has a raw script tag");
            assert!(!text.contains("<img"), "{path} has a raw img tag");
        }
    }
    assert!(pages > 5, "the site was built ({pages} pages)");
    // The payload is shown to readers as text, intact.
    let story = site.html("stories/ana-example/index.html");
    let h1: String = story
        .select(&Selector::parse("h1").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(h1, NAME_PAYLOAD);
}

#[test]
fn json_ld_holds_the_payload_as_data_and_cannot_close_its_script() {
    let site = poisoned_site();
    assert_eq!(site.build().code, 0);
    let raw = site.read("stories/ana-example/index.html");
    let start = raw.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + raw[start..].find("</script>").unwrap();
    let json = &raw[start..end];
    assert!(!json.contains('<'), "{json}");
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["headline"], PAYLOAD);
}

#[test]
fn unsafe_body_links_are_warned_on_their_lines() {
    let site = poisoned_site();
    let run = site.check_json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    let warnings: Vec<(u64, String)> = run
        .json()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // The front matter is lines 1-23; the body's first text is on line 25.
    for expected in [
        (25, "raw-html"),
        (27, "raw-html"),
        (29, "unsafe-url"),
        (31, "unsafe-url"),
        (33, "unsafe-url"),
    ] {
        assert!(
            warnings.contains(&(expected.0, expected.1.to_string())),
            "expected {expected:?} in {warnings:?}"
        );
    }
    let on_29 = warnings.iter().filter(|w| w.0 == 29).count();
    assert_eq!(
        on_29, 3,
        "one warning per unsafe link on line 29: {warnings:?}"
    );
}

#[test]
fn the_share_query_is_percent_encoded() {
    let site = poisoned_site();
    assert_eq!(site.build().code, 0);
    let html = site.html("stories/ana-example/index.html");
    let href = common::attrs(&html, ".share .copy-link", "data-copy");
    assert_eq!(href.len(), 1);
    let query = href[0].split_once('?').unwrap().1;
    assert!(
        query.starts_with("utm_source=%22%3E%3Cscript%3E"),
        "{query}"
    );
}
