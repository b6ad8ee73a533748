//! No broken internal link or image reference: every `href` and `src` of
//! every generated page that points inside the site resolves to a file of
//! the output, and every `#fragment` to an element id.

mod common;

use std::collections::BTreeSet;

use common::TestSite;
use scraper::{Html, Selector};

#[test]
fn every_internal_link_and_image_of_the_example_site_resolves() {
    let site = TestSite::example();
    // Small pages, so pagination links are walked too.
    site.edit("content/site.yaml", "page_size: 48", "page_size: 4");
    assert_eq!(site.run(&["build", "--drafts"]).code, 0);
    let tree = site.output_tree();
    let files: BTreeSet<String> = tree.iter().map(|(p, _)| p.clone()).collect();
    let base_path = "/alumni/";
    let selector = Selector::parse("[href], [src]").unwrap();
    let mut checked = 0;
    let mut broken = Vec::new();
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(&String::from_utf8_lossy(bytes));
        let ids: BTreeSet<&str> = html
            .select(&Selector::parse("[id]").unwrap())
            .filter_map(|e| e.value().attr("id"))
            .collect();
        for el in html.select(&selector) {
            for attr in ["href", "src"] {
                let Some(url) = el.value().attr(attr) else {
                    continue;
                };
                if let Some(fragment) = url.strip_prefix('#') {
                    checked += 1;
                    if !ids.contains(fragment) {
                        broken.push(format!("{path}: #{fragment}"));
                    }
                    continue;
                }
                let Some(rest) = url.strip_prefix(base_path) else {
                    assert!(
                        url.starts_with("https://")
                            || url.starts_with("http://")
                            || url.starts_with("mailto:"),
                        "{path}: `{url}` is neither under the site nor absolute"
                    );
                    continue;
                };
                checked += 1;
                let target = rest.split(['?', '#']).next().unwrap_or_default();
                let file = if target.is_empty() || target.ends_with('/') {
                    format!("{target}index.html")
                } else {
                    target.to_string()
                };
                if !files.contains(&file) {
                    broken.push(format!("{path}: {url}"));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} links were checked");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
