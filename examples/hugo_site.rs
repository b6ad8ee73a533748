//! `cargo run --release --example hugo_site -- SITE HUGO_DIR`
//!
//! Writes a Hugo site equivalent to the launchpad site in SITE, for the
//! benchmark (`scripts/bench.sh`): the same published stories as pages, with
//! their front matter as params and the same Markdown bodies; taxonomies for
//! the facets launchpad builds pages for (roles, departments, tags, current
//! roles, starting roles, locations); a paginated index and term pages with
//! the same page size; and minimal single, list and term templates. Photos
//! are left out: the image benchmark compares those on their own.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use launchpad::content;
use launchpad::validate;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(site), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: hugo_site SITE HUGO_DIR");
        std::process::exit(2);
    };
    let raw = content::load(Path::new(&site)).expect("the site loads");
    let today = launchpad::today(None).expect("SOURCE_DATE_EPOCH, if set, is valid");
    let validated = validate::validate(&raw, false, today);
    let Some(content) = validated.content else {
        eprintln!("{site} has content errors; run `launchpad check` on it");
        std::process::exit(1);
    };
    let out = Path::new(&out);
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out.join("content/stories")).expect("create the Hugo site");

    let career = &content.career;
    let department_of = |role: &str| {
        career
            .role(role)
            .map(|r| r.department.clone())
            .unwrap_or_default()
    };
    let mut written = 0;
    for (story, raw_story) in content.stories.iter().zip(&raw.stories) {
        assert_eq!(story.file, raw_story.source.path, "stories stay in order");
        if !story.consent || story.draft {
            continue;
        }
        let body = match raw_story.source.text.split_once("\n---\n") {
            Some((_, body)) => body,
            None => "",
        };
        let roles: Vec<&str> = story.journey.iter().map(|s| s.role.as_str()).collect();
        let mut departments: Vec<String> = roles.iter().map(|r| department_of(r)).collect();
        departments.dedup();
        let list = |items: &[&str]| {
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut front = String::new();
        let _ = writeln!(front, "---");
        let _ = writeln!(front, "title: {:?}", story.headline);
        let _ = writeln!(front, "name: {:?}", story.name);
        let _ = writeln!(front, "date: {}", story.date);
        let _ = writeln!(front, "slug: {:?}", story.slug);
        if let Some(q) = &story.quote {
            let _ = writeln!(front, "quote: {q:?}");
        }
        let _ = writeln!(front, "roles: [{}]", list(&roles));
        let dept_refs: Vec<&str> = departments.iter().map(String::as_str).collect();
        let _ = writeln!(front, "departments: [{}]", list(&dept_refs));
        let tags: Vec<&str> = story.tags.iter().map(String::as_str).collect();
        let _ = writeln!(front, "tags: [{}]", list(&tags));
        let _ = writeln!(front, "destinations: [{:?}]", roles.last().unwrap_or(&""));
        let _ = writeln!(front, "starts: [{:?}]", roles.first().unwrap_or(&""));
        if let Some(l) = &story.location {
            let _ = writeln!(front, "locations: [{l:?}]");
        }
        let skills: Vec<&str> = story.skills.iter().map(String::as_str).collect();
        let _ = writeln!(front, "skills: [{}]", list(&skills));
        let _ = writeln!(front, "journey:");
        for step in &story.journey {
            let title = step
                .title
                .clone()
                .or_else(|| career.role(&step.role).map(|r| r.title.clone()))
                .unwrap_or_default();
            let _ = writeln!(front, "  - role: {:?}", step.role);
            let _ = writeln!(front, "    title: {title:?}");
            let _ = writeln!(front, "    from: \"{}\"", step.from);
            if let Some(to) = &step.to {
                let _ = writeln!(front, "    to: \"{to}\"");
            }
        }
        let _ = writeln!(front, "---");
        let path = out.join(format!("content/stories/{}.md", story.slug));
        fs::write(path, format!("{front}{body}")).expect("write a page");
        written += 1;
    }

    let config = format!(
        r#"baseURL = {base:?}
title = {title:?}
disableKinds = ["RSS"]
# `paginate` for Hugo before 0.128 (Debian's), `pagerSize` for later ones.
paginate = {size}
[pagination]
  pagerSize = {size}
[taxonomies]
  role = "roles"
  department = "departments"
  tag = "tags"
  destination = "destinations"
  start = "starts"
  location = "locations"
"#,
        base = content.site.base_url,
        title = content.site.title,
        size = content.site.page_size,
    );
    fs::write(out.join("hugo.toml"), config).expect("write hugo.toml");
    // launchpad has no /stories/ listing: the index lists them all.
    fs::write(
        out.join("content/stories/_index.md"),
        "---\n_build:\n  render: never\n---\n",
    )
    .expect("write the section page");
    for (name, text) in LAYOUTS {
        let path = out.join("layouts").join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("create layouts");
        fs::write(path, text).expect("write a layout");
    }
    println!("wrote {written} pages to {}", out.display());
}

const CARD: &str = r#"<article><h3><a href="{{ .RelPermalink }}">{{ .Params.name }}</a></h3><p>{{ .Title }}</p><p>{{ range $i, $s := .Params.journey }}{{ if $i }} → {{ end }}{{ $s.title }}{{ end }}</p><p>{{ .Date.Format "2 January 2006" }}</p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</article>"#;

const LAYOUTS: [(&str, &str); 6] = [
    (
        "_default/baseof.html",
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title><meta name="description" content="{{ .Summary | plainify }}"><link rel="canonical" href="{{ .Permalink }}"></head><body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}<h1>{{ .Params.name }}</h1><p>{{ .Title }}</p>{{ with .Params.quote }}<blockquote>{{ . }}</blockquote>{{ end }}<ol>{{ range .Params.journey }}<li><a href="{{ printf "/roles/%s/" .role | relURL }}">{{ .title }}</a> {{ .from }}{{ with .to }} to {{ . }}{{ end }}</li>{{ end }}</ol>{{ .Content }}<ul>{{ range .Params.skills }}<li>{{ . }}</li>{{ end }}</ul>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ end }}"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := .Paginate .Pages }}{{ range $pages.Pages }}{{ partial "card.html" . }}{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}"#,
    ),
    (
        "_default/terms.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}"#,
    ),
    (
        "index.html",
        r#"{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ $pages := .Paginate (where .Site.RegularPages "Section" "stories") }}{{ range $pages.Pages }}{{ partial "card.html" . }}{{ end }}{{ template "_internal/pagination.html" . }}{{ end }}"#,
    ),
    ("partials/card.html", CARD),
];
