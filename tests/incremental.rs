//! Incremental rebuilds (what `serve` does on save): after every kind of
//! change, a render that reuses the previous one's pages gives exactly the
//! files a full render gives, and renders only the pages the change touches.

mod common;

use std::collections::BTreeMap;

use common::TestSite;
use launchpad::RebuildMemo as Memo;
use launchpad::render::{Collect, Output};
use launchpad::{BuildOptions, Timings};

/// Every file of a render by path: bytes, or the file it is copied from.
type Files = BTreeMap<String, String>;

fn files(collect: Collect) -> Files {
    collect
        .into_outputs()
        .into_iter()
        .map(|o| {
            let what = match &o {
                Output::Bytes(_, b) => String::from_utf8_lossy(b).into_owned(),
                Output::Copy(_, p) | Output::Cached(_, p) => format!("file {}", p.display()),
            };
            (o.path().to_string(), what)
        })
        .collect()
}

/// Renders with `memo` (or from scratch): the files, pages rendered and
/// the page count.
fn render(site: &TestSite, memo: Option<&mut Memo>) -> (Files, usize, usize) {
    let opts = BuildOptions {
        root: site.root().to_path_buf(),
        today: Some(jiff::civil::date(2026, 12, 2)),
        ..BuildOptions::default()
    };
    let collect = Collect::default();
    let built = launchpad::render_site(&opts, &mut Timings::new(), &collect, memo)
        .unwrap()
        .unwrap_or_else(|e| panic!("content errors: {:?}", e.diagnostics));
    (files(collect), built.pages_rendered, built.pages)
}

/// Applies `change`, then checks the incremental render against a full one
/// and returns how many pages it rendered (and the page total).
fn after(site: &TestSite, memo: &mut Memo, change: impl FnOnce(&TestSite)) -> (usize, usize) {
    change(site);
    let (incremental, rendered, pages) = render(site, Some(memo));
    let (full, _, _) = render(site, None);
    assert_eq!(
        incremental.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, text) in &full {
        assert!(
            incremental[path] == *text,
            "{path} differs between the incremental and the full render"
        );
    }
    (rendered, pages)
}

const MARIA: &str = "content/stories/maria-santos.md";

#[test]
fn incremental_renders_match_full_ones_and_render_only_what_changed() {
    let site = TestSite::example();
    let mut memo = Memo::default();
    let (first, rendered, pages) = render(&site, Some(&mut memo));
    assert_eq!(rendered, pages, "the first render renders everything");
    let story_pages = first
        .keys()
        .filter(|p| p.starts_with("stories/") && p.ends_with("/index.html"))
        .count();
    assert_eq!(memo.pages.len(), pages);

    // Nothing changed: nothing rendered.
    let (rendered, _) = after(&site, &mut memo, |_| {});
    assert_eq!(rendered, 0);

    // A sentence of one story's body: that story's page only.
    let (rendered, _) = after(&site, &mut memo, |s| {
        s.edit(
            MARIA,
            "I joined on the night shift",
            "I started on the night shift",
        );
    });
    assert_eq!(rendered, 1, "only Maria's page");

    // Her headline shows on cards: her page, the listings and pages that
    // show her card, and nothing else.
    let (rendered, pages) = after(&site, &mut memo, |s| {
        s.edit(
            MARIA,
            "headline: From night-shift agent",
            "headline: From the night shift",
        );
    });
    assert!(
        rendered > 1 && rendered < pages / 2,
        "{rendered} of {pages}"
    );

    // Her current role moves her between facets and changes counts that
    // every listing shows: more pages, but still not the stories.
    let (rendered, _) = after(&site, &mut memo, |s| {
        s.edit(
            MARIA,
            "  - role: product-manager\n",
            "  - role: content-designer\n",
        );
    });
    assert!(rendered > 1, "{rendered}");

    // A new story and a removed one.
    after(&site, &mut memo, |s| {
        let text = std::fs::read_to_string(s.path(MARIA)).unwrap();
        s.write(
            "content/stories/new-person.md",
            text.replace("name: Maria Santos", "name: New Person"),
        );
    });
    after(&site, &mut memo, |s| {
        s.remove("content/stories/new-person.md");
    });

    // A template: the pages made with it, and only those.
    let (rendered, _) = after(&site, &mut memo, |s| {
        s.write(
            "themes/default/templates/story.html",
            std::fs::read_to_string(common::repo().join("themes/default/templates/story.html"))
                .unwrap()
                .replace("</article>", "<p>edited template</p></article>"),
        );
    });
    assert_eq!(rendered, story_pages, "every story page, nothing else");

    // A partial every listing includes.
    let (rendered, pages) = after(&site, &mut memo, |s| {
        s.write(
            "themes/default/templates/partials/cards.html",
            std::fs::read_to_string(
                common::repo().join("themes/default/templates/partials/cards.html"),
            )
            .unwrap()
                + "<!-- edited -->",
        );
    });
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");

    // career.yaml and site.yaml: role titles and the site title are on
    // every page.
    let (rendered, pages) = after(&site, &mut memo, |s| {
        s.edit(
            "content/career.yaml",
            "title: Team Lead",
            "title: Team Leader",
        );
    });
    assert!(rendered > pages / 2, "{rendered} of {pages}");
    let (rendered, pages) = after(&site, &mut memo, |s| {
        s.edit(
            "content/site.yaml",
            "title: \"Careers that start on the phones\"",
            "title: \"Careers that start on a headset\"",
        );
    });
    assert_eq!(rendered, pages);
}
