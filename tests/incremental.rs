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

/// A site rendered once with a memo, as `serve` starts.
struct Served {
    site: TestSite,
    memo: Memo,
    pages: usize,
    story_pages: usize,
}

fn served() -> Served {
    served_from(TestSite::fixture("alumni"))
}

fn served_from(site: TestSite) -> Served {
    let mut memo = Memo::default();
    let (first, rendered, pages) = render(&site, Some(&mut memo));
    assert_eq!(rendered, pages, "the first render renders everything");
    assert_eq!(memo.pages.iter().map(|p| p.len()).sum::<usize>(), pages);
    let story_pages = first
        .keys()
        .filter(|p| {
            p.starts_with("stories/")
                && p.ends_with("/index.html")
                && !p.ends_with("/share/index.html")
        })
        .count();
    Served {
        site,
        memo,
        pages,
        story_pages,
    }
}

impl Served {
    /// Applies `change` to the files `saved` (site-relative), tells the
    /// memo as the watcher tells `serve`, and checks the incremental render
    /// against a full one. Returns how many pages it rendered.
    fn after(&mut self, saved: &[&str], change: impl FnOnce(&TestSite)) -> usize {
        change(&self.site);
        self.memo
            .saved(saved.iter().map(|s| s.to_string()).collect());
        let (incremental, rendered, pages) = render(&self.site, Some(&mut self.memo));
        let (full, _, _) = render(&self.site, None);
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
        self.pages = pages;
        rendered
    }
}

const MARIA: &str = "content/stories/maria-santos.md";

const MARIA_PT: &str = "content/stories/maria-santos.pt-pt.md";

/// The alumni site in English and Portuguese, Maria's story translated.
fn served_in_two_languages() -> Served {
    let site = TestSite::fixture("alumni");
    site.in_english_and_portuguese(None);
    site.write(
        MARIA_PT,
        "---\nheadline: Do turno da noite à gestão de produto\nquote: As chamadas ensinaram-me tudo.\nlocation: Lisboa, Portugal\n---\n\nEntrei no turno da noite.\n\nDepois, a equipa de produto.\n",
    );
    served_from(site)
}

#[test]
fn in_two_languages_each_language_reuses_its_own_pages() {
    let mut s = served_in_two_languages();
    assert_eq!(s.after(&[], |_| {}), 0, "no page of either language");
    let rendered = s.after(&[MARIA_PT], |site| {
        site.edit(MARIA_PT, "Depois, a equipa", "Mais tarde, a equipa");
    });
    assert_eq!(rendered, 1, "only her Portuguese page");
    let rendered = s.after(&[MARIA], |site| {
        site.edit(
            MARIA,
            "I joined on the night shift",
            "I started on the night shift",
        );
    });
    assert!(rendered <= 2, "her pages, not a language's: {rendered}");
    let rendered = s.after(&[MARIA_PT], |site| {
        site.edit(
            MARIA_PT,
            "headline: Do turno da noite",
            "headline: Da noite",
        );
    });
    assert!(
        rendered > 1 && rendered < s.pages / 4,
        "the Portuguese pages that show her: {rendered} of {}",
        s.pages
    );
    // A translation taken from the validation memo keeps its warnings.
    s.after(&[MARIA_PT], |site| {
        site.edit(MARIA_PT, "Entrei no turno", "Entrei no <b>turno</b>");
    });
    s.after(&[MARIA], |site| {
        site.edit(MARIA, "I started on", "I began on");
    });
    let warned = |memo: Option<&mut Memo>| {
        let opts = BuildOptions {
            root: s.site.root().to_path_buf(),
            today: Some(jiff::civil::date(2026, 12, 2)),
            ..BuildOptions::default()
        };
        let built = launchpad::render_site(&opts, &mut Timings::new(), &Collect::default(), memo)
            .unwrap()
            .unwrap();
        built
            .diagnostics
            .iter()
            .filter(|d| d.file == MARIA_PT)
            .map(|d| (d.code, d.line))
            .collect::<Vec<_>>()
    };
    let full = warned(None);
    assert!(full.contains(&("raw-html", 7)), "{full:?}");
    s.memo.saved(vec![MARIA.to_string()]);
    assert_eq!(warned(Some(&mut s.memo)), full);
}

#[test]
fn nothing_saved_renders_nothing() {
    let mut s = served();
    assert_eq!(s.after(&[], |_| {}), 0);
    // A file saved unchanged: read again, still nothing to render.
    assert_eq!(s.after(&[MARIA], |_| {}), 0);
}

#[test]
fn a_sentence_of_a_body_renders_that_story_page_only() {
    let mut s = served();
    let rendered = s.after(&[MARIA], |site| {
        site.edit(
            MARIA,
            "I joined on the night shift",
            "I started on the night shift",
        );
    });
    assert_eq!(rendered, 1, "only Maria's page");
}

#[test]
fn a_headline_renders_the_pages_that_show_the_story() {
    let mut s = served();
    // Her headline shows on teasers: her page, the listings and pages that
    // show her teaser, and nothing else.
    let rendered = s.after(&[MARIA], |site| {
        site.edit(
            MARIA,
            "headline: From night-shift agent",
            "headline: From the night shift",
        );
    });
    assert!(
        rendered > 1 && rendered < s.pages / 2,
        "{rendered} of {}",
        s.pages
    );
}

#[test]
fn a_role_in_a_journey_renders_more_pages_but_not_every_story() {
    let mut s = served();
    // Her current role moves her between facets and changes counts that
    // every listing shows.
    let rendered = s.after(&[MARIA], |site| {
        site.edit(
            MARIA,
            "  - role: product-manager\n",
            "  - role: content-designer\n",
        );
    });
    assert!(rendered > 1, "{rendered}");
}

#[test]
fn a_journey_date_changes_the_filter_index_as_a_full_render_does() {
    let mut s = served();
    s.after(&[MARIA], |site| {
        let text = std::fs::read_to_string(site.path(MARIA)).unwrap();
        let from = text
            .lines()
            .find(|l| l.trim_start().starts_with("from: "))
            .unwrap()
            .to_string();
        site.edit(MARIA, &from, &from.replace("from: 20", "from: 19"));
    });
}

#[test]
fn saves_in_a_row_each_match_a_full_render() {
    // Each render starts from what the one before kept (its pages, its
    // model and its plan of pages), so a shortcut that went stale after one
    // save shows on the next.
    let mut s = served();
    let body = |n: usize| {
        move |site: &TestSite| {
            let text = std::fs::read_to_string(site.path(MARIA)).unwrap();
            site.write(MARIA, format!("{}\nEdit {n}.\n", text.trim_end()));
        }
    };
    assert_eq!(s.after(&[MARIA], body(1)), 1, "a body: her page");
    assert_eq!(s.after(&[MARIA], body(2)), 1, "again: her page");
    let headline = s.after(&[MARIA], |site| {
        site.edit(MARIA, "headline: From", "headline: Once more, from");
    });
    assert!(headline > 1, "a headline: the pages with her teaser");
    assert_eq!(s.after(&[MARIA], body(3)), 1, "a body after that");
    // A journey date moves her in the figures, not in any listing's order.
    s.after(&[MARIA], |site| {
        site.edit(MARIA, "from: 2016-04", "from: 2015-04");
    });
    assert_eq!(s.after(&[MARIA], body(4)), 1);
    // A later step's date changes only the career map's medians.
    let paths = s.after(&[MARIA], |site| {
        let text = std::fs::read_to_string(site.path(MARIA)).unwrap();
        assert_eq!(text.matches("2019-09").count(), 2, "her move to analyst");
        site.write(MARIA, text.replace("2019-09", "2019-03"));
    });
    assert!(paths >= 2, "her page and the career map: {paths}");
    assert_eq!(s.after(&[MARIA], body(5)), 1);
    s.after(&["content/stories/zoe-martin.md"], |site| {
        site.edit(
            "content/stories/zoe-martin.md",
            "tags: [writing",
            "tags: [copy",
        );
    });
    assert_eq!(s.after(&[MARIA], body(6)), 1);
}

#[test]
fn a_new_story_and_a_removed_one_match_a_full_render() {
    let mut s = served();
    let new = "content/stories/new-person.md";
    s.after(&[new], |site| {
        let text = std::fs::read_to_string(site.path(MARIA)).unwrap();
        site.write(new, text.replace("name: Maria Santos", "name: New Person"));
    });
    s.after(&[new], |site| {
        site.remove(new);
    });
}

#[test]
fn a_temporary_file_that_came_and_went_is_no_change() {
    let mut s = served();
    let rendered = s.after(&["content/stories/.maria-santos.md.swp"], |_| {});
    assert_eq!(rendered, 0);
}

#[test]
fn a_story_template_renders_every_story_page_and_nothing_else() {
    let mut s = served();
    let file = "themes/default/templates/story.html";
    let rendered = s.after(&[file], |site| {
        site.write(
            file,
            std::fs::read_to_string(common::repo().join(file))
                .unwrap()
                .replace("</article>", "<p>edited template</p></article>"),
        );
    });
    assert_eq!(rendered, s.story_pages, "every story page, nothing else");
}

#[test]
fn a_string_file_renders_every_page_that_prints_its_words() {
    // The alumni fixture's theme is `default`: its i18n folder overrides
    // the built-in words. Every page prints some (the header), so every
    // page renders again, and matches a full render (`after` checks).
    let mut s = served();
    let file = "themes/default/i18n/en.ftl";
    let rendered = s.after(&[file], |site| {
        site.write(file, "journey = Career path\n");
    });
    assert_eq!(rendered, s.pages);
}

#[test]
fn a_partial_renders_the_pages_that_include_it() {
    let mut s = served();
    let file = "themes/default/templates/partials/cards.html";
    let rendered = s.after(&[file], |site| {
        site.write(
            file,
            std::fs::read_to_string(common::repo().join(file)).unwrap() + "<!-- edited -->",
        );
    });
    assert!(
        rendered > 0 && rendered < s.pages,
        "{rendered} of {}",
        s.pages
    );
}

#[test]
fn the_career_catalogue_renders_most_pages() {
    let mut s = served();
    // Role titles are on teasers, timelines and the career map.
    let file = "content/career.yaml";
    let rendered = s.after(&[file], |site| {
        site.edit(file, "title: Team Lead", "title: Team Leader");
    });
    assert!(rendered > s.pages / 2, "{rendered} of {}", s.pages);
}

#[test]
fn the_site_settings_render_every_page() {
    let mut s = served();
    let file = "content/site.yaml";
    let rendered = s.after(&[file], |site| {
        site.edit(
            file,
            "title: \"Careers that start on the phones\"",
            "title: \"Careers that start on a headset\"",
        );
    });
    assert_eq!(rendered, s.pages);
}

#[test]
fn a_collection_renders_its_page() {
    let mut s = served();
    let dir = s.site.path("content/collections");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| format!("content/collections/{}", e.file_name().to_string_lossy()))
        .min()
        .expect("the example has a collection");
    let rendered = s.after(&[&file], |site| {
        let text = std::fs::read_to_string(site.path(&file)).unwrap();
        let title = text
            .lines()
            .find(|l| l.starts_with("title:"))
            .unwrap()
            .to_string();
        site.edit(&file, &title, "title: A renamed collection");
    });
    assert!(rendered >= 1, "{rendered}");
}

#[test]
fn without_a_list_of_saved_files_everything_is_read_again() {
    // Without a list of saved files, everything is read again.
    let site = TestSite::fixture("alumni");
    let mut memo = Memo::default();
    render(&site, Some(&mut memo));
    site.edit(
        MARIA,
        "I joined on the night shift",
        "I started on the night shift",
    );
    let (files, rendered, _) = render(&site, Some(&mut memo));
    assert_eq!(rendered, 1);
    assert!(files["stories/maria-santos/index.html"].contains("I started on the night shift"));
}

#[test]
fn only_the_saved_files_are_read_again() {
    let mut s = served();
    let other = "content/stories/daniel-murphy.md";
    let before = std::fs::read_to_string(s.site.path(other)).unwrap();
    // Maria's file is saved; Daniel's changes on disk without the watcher
    // reporting it, so the rebuild does not read it.
    s.site.edit(
        MARIA,
        "I joined on the night shift",
        "I started on the night shift",
    );
    let text = before.replacen("\n---\n", "\n---\nUNREPORTED EDIT\n", 1);
    assert_ne!(text, before);
    s.site.write(other, &text);
    s.memo.saved(vec![MARIA.to_string()]);
    let (files, rendered, _) = render(&s.site, Some(&mut s.memo));
    assert_eq!(rendered, 1, "Maria's page only");
    assert!(!files["stories/daniel-murphy/index.html"].contains("UNREPORTED EDIT"));
    assert!(files["stories/maria-santos/index.html"].contains("I started on the night shift"));
}

#[test]
fn an_opening_saved_renders_the_pages_that_show_openings_as_a_full_render_would() {
    let mut s = served();
    let file = "content/openings.yaml";
    // A new title for an agent opening: story pages end with the agent
    // role's openings, so every page that shows openings changes; `after`
    // compares the result with a full render.
    let rendered = s.after(&[file], |site| {
        site.edit(
            file,
            "Customer Service Agent (Portuguese)",
            "Customer Service Agent (Portuguese, nights)",
        );
    });
    assert!(rendered > s.story_pages, "{rendered} pages");
    // Closing the Lever opening takes it off every page.
    s.after(&[file], |site| {
        site.edit(file, "  team: \"Night shift\"\n", "  closes: 2020-01-01\n");
    });
}
