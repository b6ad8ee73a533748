//! `content/site.yaml`: site settings, with the defaults the README lists.

use crate::content::types::{DEFAULT_CONSENT_WARNING_DAYS, DEFAULT_PAGE_SIZE, SiteConfig};
use crate::content::yaml::{Node, Value};
use crate::diagnostics::{Pos, Reporter};
use crate::validate::fields::{Fields, int};

const KEYS: &[&str] = &[
    "title",
    "company",
    "base_url",
    "language",
    "description",
    "theme",
    "entry_roles",
    "share",
    "page_size",
    "images",
    "consent_warning_days",
];

pub const IMAGE_FORMATS: &[&str] = &["webp", "jpeg"];

pub fn site(node: &Node, r: &mut Reporter<'_>) -> Option<SiteConfig> {
    let f = Fields::of(node, KEYS, "site.yaml", r)?;
    let title = f.required_text(
        "title",
        r,
        "add `title: \"Careers that start on the phones\"`",
    );
    let base_url = f
        .required_text("base_url", r, "add `base_url: \"https://careers.example.com/alumni/\"`")
        .and_then(|t| match check_base_url(&t.value) {
            Ok(url) => Some(url),
            Err(why) => {
                r.error(t.pos, "bad-base-url", format!("`base_url` {why}"))
                    .help("write the absolute address the site is published at, e.g. `https://careers.example.com/alumni/`");
                None
            }
        });
    let language = f
        .text("language", r)
        .map_or_else(|| "en".to_string(), |t| t.value);
    if !language
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        || language.is_empty()
    {
        let pos = f.get("language").map_or(f.pos, |n| n.pos);
        r.error(
            pos,
            "bad-language",
            format!("`{language}` is not a language tag"),
        )
        .help("use a BCP 47 tag such as `en`, `pt-BR` or `es`");
    }
    let theme = f
        .text("theme", r)
        .map_or_else(|| "default".to_string(), |t| t.value);
    if theme.contains(['/', '\\']) || theme.starts_with('.') {
        let pos = f.get("theme").map_or(f.pos, |n| n.pos);
        r.error(
            pos,
            "bad-theme",
            "`theme` must be the name of a folder under themes/",
        )
        .help("write just the folder name, e.g. `theme: default`");
    }
    let page_size = int_in(
        &f,
        "page_size",
        1..=1000,
        DEFAULT_PAGE_SIZE as i64,
        "cards per page",
        r,
    ) as usize;
    let consent_warning_days = int_in(
        &f,
        "consent_warning_days",
        0..=3650,
        DEFAULT_CONSENT_WARNING_DAYS,
        "days",
        r,
    );
    let utm_source = f
        .get("share")
        .and_then(|n| Fields::of(n, &["utm_source"], "`share`", r))
        .and_then(|share| share.text("utm_source", r))
        .map(|t| t.value);
    let (image_widths, image_formats) = images(f.get("images"), r);
    Some(SiteConfig {
        title: title?.value,
        company: f.text("company", r).map(|t| t.value).unwrap_or_default(),
        base_url: base_url?,
        language,
        description: f
            .text("description", r)
            .map(|t| t.value)
            .unwrap_or_default(),
        theme,
        entry_roles: f.text_list("entry_roles", r),
        utm_source,
        page_size,
        image_widths,
        image_formats,
        consent_warning_days,
    })
}

/// The whole number at `key` if it is in `range`, else `default` (with an
/// error for a number out of range); `unit` says what it counts.
fn int_in(
    f: &Fields<'_>,
    key: &str,
    range: std::ops::RangeInclusive<i64>,
    default: i64,
    unit: &str,
    r: &mut Reporter<'_>,
) -> i64 {
    match f.int(key, r) {
        None => default,
        Some((n, _)) if range.contains(&n) => n,
        Some((n, pos)) => {
            r.error(pos, "bad-value", format!("`{key}` is {n}"))
                .help(format!(
                    "use a number of {unit} from {} to {} (default {default})",
                    range.start(),
                    range.end()
                ));
            default
        }
    }
}

fn images(node: Option<&Node>, r: &mut Reporter<'_>) -> (Vec<u32>, Vec<String>) {
    let mut widths = vec![480, 960, 1440];
    let mut formats = vec!["webp".to_string(), "jpeg".to_string()];
    let Some(f) = node.and_then(|n| Fields::of(n, &["widths", "formats"], "`images`", r)) else {
        return (widths, formats);
    };
    let width_nodes = f.list("widths", r);
    if !width_nodes.is_empty() {
        widths.clear();
        for n in width_nodes {
            match int(n, "widths", r) {
                Some(w) if (16..=8192).contains(&w) => widths.push(w as u32),
                Some(w) => {
                    r.error(
                        n.pos,
                        "bad-value",
                        format!("image width {w} is out of range"),
                    )
                    .help("use widths from 16 to 8192 pixels");
                }
                None => {}
            }
        }
        widths.sort_unstable();
        widths.dedup();
    }
    let format_list = f.text_list("formats", r);
    if !format_list.is_empty() {
        formats.clear();
        for t in format_list {
            let v = t.value.to_lowercase().replace("jpg", "jpeg");
            if IMAGE_FORMATS.contains(&v.as_str()) {
                formats.push(v);
            } else {
                r.error(
                    t.pos,
                    "bad-value",
                    format!("unknown image format `{}`", t.value),
                )
                .help("use `webp` and/or `jpeg`");
            }
        }
    }
    (widths, formats)
}

/// Checks an absolute http(s) URL and returns it ending in `/`.
pub fn check_base_url(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() {
        return Err("has no host name");
    }
    if url.contains(['?', '#']) {
        return Err("must not have a query (`?`) or fragment (`#`)");
    }
    let bad = |c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\'' | '\\' | '`')
    };
    if url.chars().any(bad) {
        return Err("has spaces, quotes or other characters a URL cannot hold");
    }
    let host_ok = host
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return Err("has an invalid host name");
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// Where the site setting is, for diagnostics about a value that was absent.
pub fn value_pos(node: &Node, key: &str) -> Pos {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map_or(node.pos, |(_, v)| v.pos),
        _ => node.pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_must_be_absolute_and_get_a_trailing_slash() {
        assert_eq!(
            check_base_url("https://x.com/alumni").unwrap(),
            "https://x.com/alumni/"
        );
        assert_eq!(
            check_base_url("http://localhost:1111/").unwrap(),
            "http://localhost:1111/"
        );
        assert!(check_base_url("/alumni/").is_err());
        assert!(check_base_url("javascript:alert(1)").is_err());
        assert!(check_base_url("https://").is_err());
        assert!(check_base_url("https://x.com/\"onload=").is_err());
        assert!(check_base_url("https://x.com/?a=1").is_err());
    }
}
