//! Story bodies: Markdown to HTML that is safe by construction. Alumni send
//! stories by pull request, so the body is Markdown only:
//! - raw HTML (block or inline) is shown as text, never as markup;
//! - a link or image whose URL is not http, https, mailto or relative is
//!   shown as its text, and so is an image of a local file (bundle files are
//!   never published as they are; a story's photo goes in `photo:`);
//! - heading ids come from the heading's text (or a `{#custom-id}`, reduced
//!   to a safe slug); classes and other heading attributes are dropped.
//!
//! Each of these is a warning on its line, which `check` prints.

use std::collections::{BTreeSet, HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Pos, Reporter};

/// The HTML of a body and a plain-text summary of its opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub summary: String,
}

const SUMMARY_CHARS: usize = 200;

/// True for http, https, mailto and relative URLs (no scheme). Browsers
/// ignore tabs, newlines and control characters inside a scheme
/// (`java\tscript:`), so those are removed before looking for it.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            matches!(&cleaned[..i], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// True for a URL with no scheme and no host: a file beside the story.
fn is_local(url: &str) -> bool {
    let url = url.trim();
    !url.starts_with("//") && !url.contains(':') && !url.starts_with('#')
}

/// Maps byte offsets in the body to positions in the file.
struct Lines {
    starts: Vec<usize>,
    first_line: u32,
    /// The last offset asked for, its line index and column: offsets come
    /// mostly in order, so a column is counted from there, not from the
    /// start of the line (thousands of links on one line stay linear).
    cursor: std::cell::Cell<(usize, usize, usize)>,
}

impl Lines {
    fn new(body: &str, first_line: u32) -> Self {
        let starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines {
            starts,
            first_line,
            cursor: std::cell::Cell::new((0, 0, 1)),
        }
    }

    fn pos(&self, body: &str, offset: usize) -> Pos {
        let idx = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let (last_offset, last_idx, last_column) = self.cursor.get();
        let (from, from_column) = if last_idx == idx && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (self.starts[idx], 1)
        };
        let column = body
            .get(from..offset)
            .map_or(1, |s| s.chars().count() + from_column);
        self.cursor.set((offset, idx, column));
        Pos::new(self.first_line + idx as u32, column as u32)
    }
}

/// `image_sources`: the other sites the pages' Content-Security-Policy lets
/// images come from; an image from any other is shown as its description.
pub fn render(
    body: &str,
    first_line: u32,
    image_sources: &[String],
    r: &mut Reporter<'_>,
) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let lines = Lines::new(body, first_line);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut warned_lines = BTreeSet::new();
    // Ends to drop because their start was turned into text.
    let mut dropped_links = 0usize;
    let mut dropped_images = 0usize;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        // Only for warnings: on every event, counting the characters before
        // it on a long line was a fifth of validating a story.
        let pos = || lines.pos(body, range.start);
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let pos = pos();
                if warned_lines.insert(pos.line) {
                    r.warning(pos, "raw-html", "raw HTML is shown as text, not as markup")
                        .help(
                            "stories are Markdown only: use Markdown for emphasis, lists and links",
                        );
                }
                events.push(Event::Text(html));
            }
            Event::Start(Tag::Link { ref dest_url, .. }) if !is_safe_url(dest_url) => {
                r.warning(
                    pos(),
                    "unsafe-url",
                    format!("link to `{dest_url}` is shown as plain text"),
                )
                .help("links may use http:, https:, mailto: or a relative address");
                dropped_links += 1;
            }
            Event::End(TagEnd::Link) if dropped_links > 0 => dropped_links -= 1,
            Event::Start(Tag::Image { ref dest_url, .. })
                if !is_safe_url(dest_url)
                    || is_local(dest_url)
                    || !crate::render::csp::allows(image_sources, dest_url) =>
            {
                if is_local(dest_url) {
                    r.warning(
                        pos(),
                        "body-image",
                        format!("the image `{dest_url}` is shown as its description"),
                    )
                    .help(
                        "files beside a story are not published; put the story's photo in `photo:`",
                    );
                } else if is_safe_url(dest_url) && !dest_url.starts_with("mailto:") {
                    r.warning(
                        pos(),
                        "external-image",
                        format!("the image `{dest_url}` is shown as its description: the pages only load images from the site itself"),
                    )
                    .help("an image from another site would tell that site who reads the story; to allow a site you trust, add it to `csp: img-src:` in site.yaml");
                } else {
                    r.warning(
                        pos(),
                        "unsafe-url",
                        format!("image `{dest_url}` is shown as its description"),
                    )
                    .help("images may use http: or https: addresses");
                }
                dropped_images += 1;
            }
            Event::End(TagEnd::Image) if dropped_images > 0 => dropped_images -= 1,
            other => events.push(other),
        }
    }
    mark_external_links(&mut events);
    set_heading_ids(&mut events);
    let summary = summary(&events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, summary }
}

/// Links to other sites open without giving that site a handle on the page
/// (`noopener`) or the page's address (`noreferrer`). pulldown-cmark writes
/// no `rel`, so such a link is written here, from the URL already checked
/// above.
fn mark_external_links(events: &mut [Event<'_>]) {
    let mut in_external = false;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) if is_external(dest_url) => {
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", escape_attr(title))
                };
                *event = Event::Html(CowStr::from(format!(
                    "<a href=\"{}\"{title} rel=\"noopener noreferrer\">",
                    escape_attr(dest_url)
                )));
                in_external = true;
            }
            Event::End(TagEnd::Link) if in_external => {
                *event = Event::Html(CowStr::Borrowed("</a>"));
                in_external = false;
            }
            _ => {}
        }
    }
}

fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// Text for a double-quoted HTML attribute.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Ids the built-in theme uses on a story page; a heading in the body never
/// takes one, so links such as "Skip to content" keep working.
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "journey-heading",
    "skills-heading",
    "tags-heading",
    "links-heading",
    "share-heading",
    "related-heading",
    "results-heading",
];

/// Gives every heading an id from its text, unique within the story.
fn set_heading_ids(events: &mut [Event<'_>]) {
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    // The next suffix to try for each base, so that a thousand headings of
    // the same text cost a thousand tries, not half a million.
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let custom = id.as_ref().map(|s| slug::slugify(s.as_ref()));
            let text = heading_text(&events[i + 1..]);
            let base = custom
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slug::slugify(&text));
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut unique = base.clone();
            let n = next_suffix.entry(base.clone()).or_insert(1);
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                *n += 1;
            }
            if let Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) = &mut events[i]
            {
                *id = Some(CowStr::from(unique));
                classes.clear();
                attrs.clear();
            }
        }
        i += 1;
    }
}

fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The opening paragraphs as plain text, cut at a word near 200 characters.
fn summary(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for e in events {
        match e {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                if text.chars().count() >= SUMMARY_CHARS / 2 {
                    break;
                }
                text.push(' ');
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    truncate_words(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
        SUMMARY_CHARS,
    )
}

/// Shortens text at a word boundary, adding an ellipsis when it was cut.
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    fn md(body: &str) -> (String, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let out = render(body, 10, &[], &mut Reporter::new("s.md", &mut diags));
        (out.html, diags)
    }

    #[test]
    fn raw_html_is_escaped_and_warned_on_its_line() {
        let (html, diags) = md("Hello\n\n<script>alert(1)</script>\n\nand <b onclick=x>bold</b>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let lines: Vec<u32> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![12, 14]);
        assert!(diags.iter().all(|d| d.code == "raw-html"));
    }

    #[test]
    fn links_to_other_sites_open_without_opener_or_referrer() {
        let (html, _) = md(
            "[a](https://example.org/?q=\"x\"&b=1 \"T<\") and [b](/local/) and [c](mailto:a@b.c)",
        );
        assert!(
            html.contains(r#"<a href="https://example.org/?q=%22x%22&amp;b=1" title="T&lt;" rel="noopener noreferrer">a</a>"#)
                || html.contains(r#"rel="noopener noreferrer">a</a>"#),
            "{html}"
        );
        assert!(!html.contains(r#"q="x""#), "{html}");
        assert!(html.contains(r#"<a href="/local/">b</a>"#), "{html}");
        assert!(html.contains(r#"<a href="mailto:a@b.c">c</a>"#), "{html}");
    }

    #[test]
    fn javascript_links_become_plain_text() {
        let (html, diags) = md("[click](javascript:alert(1)) and [ok](https://example.com)\n");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("click"));
        assert!(
            html.contains(r#"<a href="https://example.com" rel="noopener noreferrer">ok</a>"#),
            "{html}"
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(
            (diags[0].line, diags[0].column, diags[0].code),
            (10, 1, "unsafe-url")
        );
    }

    #[test]
    fn schemes_hidden_with_entities_or_tabs_are_still_caught() {
        assert!(!is_safe_url("jav\tascript:alert(1)"));
        assert!(!is_safe_url(" JAVASCRIPT:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url("vbscript:x"));
        assert!(is_safe_url("mailto:a@b.c"));
        assert!(is_safe_url("../other/"));
        assert!(is_safe_url("/x?a=b:c"));
        let (html, _) = md("[x](jav&#x61;script:alert(1))\n");
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
    }

    #[test]
    fn headings_get_unique_ids_and_lose_classes() {
        let (html, _) = md(
            "## What helped\n\n## What helped {.evil onclick=x}\n\n## Custom {#My_Id}\n\n## Main\n",
        );
        assert!(html.contains(r#"<h2 id="what-helped">"#), "{html}");
        assert!(html.contains(r#"<h2 id="what-helped-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="my-id">"#), "{html}");
        assert!(
            html.contains(r#"<h2 id="main-1">"#),
            "a body heading must not take the theme's `main` id: {html}"
        );
        assert!(
            !html.contains("evil") && !html.contains("onclick"),
            "{html}"
        );
    }

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let (html, _) = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: note\n");
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>old</del>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn local_images_are_not_published() {
        let (html, diags) = md("![Maria at work](portrait.jpg)\n");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Maria at work"));
        assert_eq!(diags[0].code, "body-image");
    }

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(truncate_words("one two three", 9), "one two…");
        assert_eq!(truncate_words("short", 9), "short");
    }
}
