//! `launchpad takedown SLUG`: only the consent line changes, nothing of the
//! person is left in the output, and the list of addresses to purge is
//! exactly what the second build no longer has.

mod common;

use std::collections::BTreeSet;

use common::TestSite;

fn files(site: &TestSite) -> BTreeSet<String> {
    site.output_tree().into_iter().map(|(p, _)| p).collect()
}

fn url(rel: &str) -> String {
    let base = "https://careers.example.com/alumni/";
    match rel.strip_suffix("index.html") {
        Some(dir) => format!("{base}{dir}"),
        None => format!("{base}{rel}"),
    }
}

#[test]
fn takedown_withdraws_the_story_everywhere_and_lists_what_to_purge() {
    let site = TestSite::fixture("alumni");
    let file = "content/stories/joao-pereira/index.md";
    let before_text = std::fs::read_to_string(site.path(file)).unwrap();
    assert_eq!(site.build().code, 0);
    let before = files(&site);
    let his: Vec<String> = before
        .iter()
        .filter(|p| p.contains("joao-pereira"))
        .cloned()
        .collect();
    assert!(
        his.iter().any(|p| p.starts_with("img/")) && his.iter().any(|p| p.starts_with("cards/")),
        "he had photos and a card: {his:?}"
    );

    let run = site.run(&["takedown", "joao-pereira", "--today", "2026-12-02"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    // Only the consent line changed, to a withdrawal dated today.
    let after_text = std::fs::read_to_string(site.path(file)).unwrap();
    let before_lines: Vec<&str> = before_text.split_inclusive('\n').collect();
    let after_lines: Vec<&str> = after_text.split_inclusive('\n').collect();
    assert_eq!(before_lines.len(), after_lines.len());
    let changed: Vec<(&str, &str)> = before_lines
        .iter()
        .zip(&after_lines)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(
        changed,
        vec![("consent: true\n", "consent: {withdrawn: 2026-12-02}\n")]
    );

    // The list is the difference between the two builds' file trees.
    let after = files(&site);
    let expected: Vec<String> = {
        let mut urls: Vec<String> = before.difference(&after).map(|p| url(p)).collect();
        urls.sort();
        urls.dedup();
        urls
    };
    let listed = std::fs::read_to_string(site.path(".launchpad-cache/removed-urls.txt")).unwrap();
    let listed: Vec<String> = listed.lines().map(str::to_string).collect();
    assert_eq!(listed, expected);
    for u in &expected {
        assert!(
            run.stdout.contains(&format!("  {u}\n")),
            "{u} not printed:\n{}",
            run.stdout
        );
    }
    assert!(expected.contains(&url("stories/joao-pereira/index.html")));
    assert!(
        run.stdout.contains("Google Search Console"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("LinkedIn Post Inspector"),
        "{}",
        run.stdout
    );
    // Pages that listed him are still there but changed: purge them too.
    assert!(
        run.stdout.contains(&format!("  {}\n", url("index.html"))),
        "{}",
        run.stdout
    );

    // Nothing of him is left: no name, slug, photo or card file name.
    let mut needles = vec!["João Pereira".to_string(), "joao-pereira".to_string()];
    needles.extend(
        his.iter()
            .filter(|p| p.starts_with("img/") || p.starts_with("cards/"))
            .map(|p| p.rsplit('/').next().unwrap().to_string()),
    );
    let left: Vec<String> = site
        .output_tree()
        .into_iter()
        .filter(|(p, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            needles
                .iter()
                .any(|n| p.contains(n.as_str()) || text.contains(n.as_str()))
        })
        .map(|(p, _)| p)
        .collect();
    assert_eq!(left, Vec::<String>::new());

    // A build with nothing removed empties the list.
    assert_eq!(site.build().code, 0);
    assert_eq!(
        std::fs::read_to_string(site.path(".launchpad-cache/removed-urls.txt")).unwrap(),
        ""
    );
}

#[test]
fn takedown_of_an_unknown_slug_suggests_the_nearest_and_changes_nothing() {
    let site = TestSite::fixture("alumni");
    let before = std::fs::read(site.path("content/stories/maria-santos.md")).unwrap();
    let run = site.run(&["takedown", "maria-santo"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `maria-santos`?"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(site.path("content/stories/maria-santos.md")).unwrap(),
        before
    );
    assert!(!site.path("public").exists(), "nothing was built");
}

#[test]
fn a_build_lists_the_addresses_it_stopped_publishing() {
    let site = TestSite::fixture("alumni");
    assert_eq!(site.build().code, 0);
    let before = files(&site);
    site.remove("content/stories/zoe-martin.md");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = files(&site);
    let gone: BTreeSet<&String> = before.difference(&after).collect();
    assert!(gone.iter().any(|p| p.starts_with("stories/zoe-martin/")));
    let listed = std::fs::read_to_string(site.path(".launchpad-cache/removed-urls.txt")).unwrap();
    let mut expected: Vec<String> = gone.iter().map(|p| url(p)).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(listed.lines().collect::<Vec<_>>(), expected);
    assert!(
        run.stderr.contains(&format!(
            "{} addresses the previous build published are gone",
            expected.len()
        )),
        "{}",
        run.stderr
    );
    // The list is outside the published folder.
    assert!(!after.iter().any(|p| p.contains("removed-urls")));

    // A build without the previous output (a CI runner, with the cache
    // kept) still knows what the last one published.
    site.remove("public");
    site.remove("content/stories/lucas-ferreira.md");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed = std::fs::read_to_string(site.path(".launchpad-cache/removed-urls.txt")).unwrap();
    assert!(
        listed
            .lines()
            .any(|l| l == "https://careers.example.com/alumni/stories/lucas-ferreira/"),
        "{listed}"
    );
    assert!(
        !listed.contains("zoe-martin"),
        "already gone last time: {listed}"
    );
}
