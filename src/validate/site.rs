//! `content/site.yaml`: site settings, with the defaults the README lists.

use crate::content::types::{
    Apply, Boards, Brand, DEFAULT_CONSENT_WARNING_DAYS, DEFAULT_PAGE_SIZE, Language, SiteConfig,
    TitleRule, Tracking,
};
use crate::content::yaml::{Node, Value};
use crate::diagnostics::{Pos, Reporter};
use crate::palette::{self, Rgb};
use crate::validate::fields::{Fields, Text, int, text};

const KEYS: &[&str] = &[
    "title",
    "company",
    "base_url",
    "language",
    "languages",
    "show_untranslated",
    "description",
    "theme",
    "entry_roles",
    "share",
    "apply",
    "tracking",
    "openings",
    "brand",
    "featured",
    "csp",
    "page_size",
    "images",
    "consent_warning_days",
];

pub const IMAGE_FORMATS: &[&str] = &["webp", "jpeg"];

/// `statics`: the files under `content/static/`, by their path there, which
/// the brand's logo and font must be among.
pub fn site(node: &Node, statics: &[&str], r: &mut Reporter<'_>) -> Option<SiteConfig> {
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
    let language_at = f.get("language").map_or(Pos::START, |n| n.pos);
    let language = f
        .text("language", r)
        .map_or_else(|| "en".to_string(), |t| t.value);
    let listed = f.get("languages").map(|node| languages(node, r));
    if listed.is_none() {
        check_tag(&language, f.get("language").map_or(f.pos, |n| n.pos), r);
    }
    if let (Some(given), Some(first)) = (f.get("language"), listed.as_ref().and_then(|l| l.first()))
        && !first.tag.eq_ignore_ascii_case(&language)
    {
        r.error(
            given.pos,
            "bad-language",
            format!(
                "`language: {language}` is not the first of `languages`, which is the default language"
            ),
        )
        .help(format!(
            "remove `language:`, or put `{language}` first under `languages:`"
        ));
    }
    // `language` alone when `languages` is absent or names none that is valid.
    let languages = match listed {
        Some(listed) if !listed.is_empty() => listed,
        _ => vec![Language {
            tag: language,
            name: None,
            at: language_at,
        }],
    };
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
    let share = share(f.get("share"), r);
    let apply = f.get("apply").and_then(|n| apply(n, r));
    let tracking = f
        .get("tracking")
        .map_or_else(Tracking::default, |n| tracking(n, r));
    let boards = f.get("openings").map(|n| boards(n, r)).unwrap_or_default();
    let brand = f
        .get("brand")
        .map(|n| brand(n, statics, r))
        .unwrap_or_default();
    let (image_widths, image_formats) = images(f.get("images"), r);
    let csp = f.get("csp").map(|n| csp(n, r)).unwrap_or_default();
    Some(SiteConfig {
        title: title?.value,
        company: f.text("company", r).map(|t| t.value).unwrap_or_default(),
        base_url: base_url?,
        languages,
        show_untranslated: f.bool("show_untranslated", r).unwrap_or(true),
        description: f
            .text("description", r)
            .map(|t| t.value)
            .unwrap_or_default(),
        theme,
        entry_roles: f.text_list("entry_roles", r),
        share,
        apply,
        tracking,
        boards,
        brand,
        featured: f.text("featured", r),
        csp,
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

/// The share parameters, in the order of `SHARE_KEYS`.
const SHARE_KEYS: &[&str] = &[
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
];

fn share(node: Option<&Node>, r: &mut Reporter<'_>) -> Vec<(String, String)> {
    let Some(f) = node.and_then(|n| Fields::of(n, SHARE_KEYS, "`share`", r)) else {
        return Vec::new();
    };
    SHARE_KEYS
        .iter()
        .filter_map(|key| {
            let t = f.text(key, r)?;
            (!t.value.trim().is_empty()).then(|| (key.to_string(), t.value.trim().to_string()))
        })
        .collect()
}

/// `csp`: a directive (`img-src`) -> the sources it adds.
fn csp(node: &Node, r: &mut Reporter<'_>) -> Vec<(String, Vec<String>)> {
    use crate::render::csp::{DIRECTIVES, is_source};
    let Some(f) = Fields::of(node, DIRECTIVES, "`csp`", r) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for directive in DIRECTIVES {
        let mut sources = Vec::new();
        for t in f.text_list(directive, r) {
            let source = t.value.trim();
            if !is_source(source) {
                r.error(
                    t.pos,
                    "bad-csp-source",
                    format!("`{source}` is not one Content-Security-Policy source"),
                )
                .help("write one source per list item, such as `https://images.example.org`, with no spaces, `;` or `,`");
                continue;
            }
            if matches!(
                source.to_ascii_lowercase().as_str(),
                "'unsafe-inline'" | "'unsafe-eval'" | "'unsafe-hashes'" | "*" | "data:" | "http:"
            ) && (directive.starts_with("script") || *directive == "style-src")
            {
                r.warning(
                    t.pos,
                    "unsafe-csp-source",
                    format!("`{source}` in `{directive}` lets script or styles injected into a page take effect"),
                )
                .help("allow the exact file instead: its address, or its `'sha256-...'` hash");
            }
            sources.push(source.to_string());
        }
        if !sources.is_empty() {
            out.push((directive.to_string(), sources));
        }
    }
    out
}

/// A BCP 47 tag, as far as a file and folder name need: letters, digits
/// and dashes. Whether launchpad has words for it is the string files' say.
fn check_tag(tag: &str, pos: Pos, r: &mut Reporter<'_>) -> bool {
    let ok = !tag.is_empty()
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && tag.parse::<unic_langid::LanguageIdentifier>().is_ok();
    if !ok {
        r.error(
            pos,
            "bad-language",
            format!("`{tag}` is not a language tag"),
        )
        .help("use a BCP 47 tag such as `en`, `pt-PT`, `es` or `pl`");
    }
    ok
}

/// `languages`: tags (`- pt-PT`) or tags with the switcher's name for them
/// (`- { code: pt-PT, name: "Português" }`), the default first.
fn languages(node: &Node, r: &mut Reporter<'_>) -> Vec<Language> {
    let Value::Seq(items) = &node.value else {
        r.error(
            node.pos,
            "wrong-type",
            format!(
                "`languages` must be a list, found {}",
                node.value.describe()
            ),
        )
        .help("write one `- TAG` line per language, the default first: `- en` then `- pt-PT`");
        return Vec::new();
    };
    let mut out: Vec<Language> = Vec::new();
    for item in items {
        let (tag, name) = match &item.value {
            Value::Map(_) => {
                let Some(f) = Fields::of(item, &["code", "name"], "a language", r) else {
                    continue;
                };
                let Some(code) = f.required_text("code", r, "add `code: pt-PT`") else {
                    continue;
                };
                (code, f.text("name", r).map(|t| t.value))
            }
            _ => match text(item, "languages", r) {
                Some(t) => (t, None),
                None => continue,
            },
        };
        if !check_tag(&tag.value, tag.pos, r) {
            continue;
        }
        if out.iter().any(|l| l.tag.eq_ignore_ascii_case(&tag.value)) {
            r.error(
                tag.pos,
                "duplicate-language",
                format!("`{}` is listed twice under `languages`", tag.value),
            )
            .help("list each language once (tags are compared without case: `pt-PT` is `pt-pt`)");
            continue;
        }
        out.push(Language {
            tag: tag.value,
            name,
            at: tag.pos,
        });
    }
    out
}

fn apply(node: &Node, r: &mut Reporter<'_>) -> Option<Apply> {
    let f = Fields::of(node, &["url", "label"], "`apply`", r)?;
    let url = f.text("url", r).and_then(|t| link_url(&t, "url", r));
    let label = f
        .text("label", r)
        .map(|t| t.value.trim().to_string())
        .filter(|l| !l.is_empty());
    Some(Apply { url, label })
}

fn brand(node: &Node, statics: &[&str], r: &mut Reporter<'_>) -> Brand {
    let mut brand = Brand::default();
    let Some(f) = Fields::of(node, &["primary", "accent", "logo", "font"], "`brand`", r) else {
        return brand;
    };
    let colour = |key: &str, r: &mut Reporter<'_>| {
        let t = f.text(key, r)?;
        let parsed = Rgb::parse(t.value.trim());
        if parsed.is_none() {
            r.error(
                t.pos,
                "bad-colour",
                format!("`{key}` `{}` is not a colour", t.value),
            )
            .help(format!(
                "write a hex colour in quotes, e.g. `{key}: \"#0b5cad\"`"
            ));
        }
        parsed.map(|c| (c, t.pos))
    };
    let primary = colour("primary", r);
    let accent = colour("accent", r);
    if let Some((c, _)) = primary {
        brand.primary = c;
    }
    // Without an accent of its own, a brand is all one colour.
    brand.accent = accent.map_or(brand.primary, |(c, _)| c);
    // The shades the pages will use, from the palette the render makes.
    let shades = palette::Palette::new(brand.primary, brand.accent).light;
    if let Some((c, pos)) = primary {
        let used = shades.link;
        if used != c {
            r.warning(
                pos,
                "brand-contrast",
                format!(
                    "`primary` {c} has a contrast of {:.1}:1 on the white page, below the {}:1 that WCAG AA asks of text, so links and buttons use the shade {used} ({:.1}:1) instead",
                    palette::contrast(c, palette::LIGHT_BG),
                    palette::TEXT_CONTRAST,
                    palette::contrast(used, palette::LIGHT_BG)
                ),
            )
            .help(format!("nothing to do if {used} looks right; to use your colour as it is, pick a darker one (the hero band still shows {c})"));
        }
    }
    if let Some((c, pos)) = accent {
        let used = shades.accent_line;
        if used != c {
            r.warning(
                pos,
                "brand-contrast",
                format!(
                    "`accent` {c} has a contrast of {:.1}:1 on the white page, below the {}:1 that WCAG AA asks of a button's outline, so outlines and focus rings use the shade {used} instead; buttons keep {c} with {} text",
                    palette::contrast(c, palette::LIGHT_BG),
                    palette::UI_CONTRAST,
                    if palette::text_on(c) == palette::LIGHT_BG { "white" } else { "black" }
                ),
            )
            .help(format!("nothing to do if {used} looks right; pick a darker accent to use it everywhere"));
        }
    }
    let file = |key: &str, kinds: &[&str], r: &mut Reporter<'_>| {
        let t = f.text(key, r)?;
        let path = t.value.trim().trim_start_matches("static/").to_string();
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !ext.as_deref().is_some_and(|e| kinds.contains(&e)) {
            r.error(
                t.pos,
                "bad-file-type",
                format!(
                    "`{key}` `{}` is not a {} file",
                    t.value,
                    kinds.join(" or ").to_uppercase()
                ),
            )
            .help(format!("use a .{} file", kinds.join(" or .")));
            return None;
        }
        if !statics.contains(&path.as_str()) {
            let hint = crate::validate::fields::suggest(&path, statics.iter().copied())
                .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
            r.error(
                t.pos,
                "missing-file",
                format!("`{key}` names `{path}`, which is not in content/static/{hint}"),
            )
            .help(format!("put the file at content/static/{path}, or correct the path (it is relative to content/static/)"));
            return None;
        }
        Some(path)
    };
    brand.logo = file("logo", &["svg", "png"], r);
    brand.font = file("font", &["woff2"], r);
    brand
}

/// An http(s) address a candidate is sent to (an ATS page), or `None`
/// after an error saying what is wrong with it.
pub fn link_url(t: &Text, key: &str, r: &mut Reporter<'_>) -> Option<String> {
    match check_link_url(&t.value) {
        Ok(url) => Some(url),
        Err(why) => {
            r.error(t.pos, "bad-url", format!("`{key}` {why}"))
                .help("write the full address, starting with https://, e.g. `https://boards.greenhouse.io/example`");
            None
        }
    }
}

/// Names of query parameters: what a URL can carry without escaping.
fn is_param_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

fn tracking(node: &Node, r: &mut Reporter<'_>) -> Tracking {
    let mut tracking = Tracking::default();
    let Some(f) = Fields::of(node, &["params", "rename"], "`tracking`", r) else {
        return tracking;
    };
    let param = |t: Text, r: &mut Reporter<'_>| {
        if is_param_name(&t.value) {
            Some(t.value)
        } else {
            r.error(
                t.pos,
                "bad-value",
                format!("`{}` is not a query parameter name", t.value),
            )
            .help("use letters, digits, `_`, `-` and `.`, e.g. `utm_source` or `gh_src`");
            None
        }
    };
    if f.get("params").is_some() {
        tracking.params = f
            .text_list("params", r)
            .into_iter()
            .filter_map(|t| param(t, r))
            .collect();
    }
    if let Some(rename) = f.get("rename") {
        tracking.rename.clear();
        let Value::Map(hosts) = &rename.value else {
            r.error(
                rename.pos,
                "wrong-type",
                "`rename` must map host names to renames",
            )
            .help("write e.g. `rename: {lever.co: {source: lever-source}}`");
            return tracking;
        };
        for (host, names) in hosts {
            let Value::Map(pairs) = &names.value else {
                r.error(
                    names.pos,
                    "wrong-type",
                    format!(
                        "`{}` must map our parameter names to the ones this host reads",
                        host.name
                    ),
                )
                .help("write e.g. `{source: lever-source}`");
                continue;
            };
            let mut renames = Vec::new();
            for (ours, theirs) in pairs {
                let ours = param(
                    Text {
                        value: ours.name.clone(),
                        pos: ours.pos,
                    },
                    r,
                );
                let theirs = text(theirs, "rename", r).and_then(|t| param(t, r));
                if let (Some(ours), Some(theirs)) = (ours, theirs) {
                    renames.push((ours, theirs));
                }
            }
            tracking.rename.push((host.name.to_lowercase(), renames));
        }
    }
    tracking
}

fn boards(node: &Node, r: &mut Reporter<'_>) -> Boards {
    let mut boards = Boards::default();
    let Some(f) = Fields::of(node, &["greenhouse", "lever", "rules"], "`openings`", r) else {
        return boards;
    };
    let name = |key: &str, r: &mut Reporter<'_>| {
        let t = f.text(key, r)?;
        if is_param_name(&t.value) {
            Some(t.value)
        } else {
            r.error(t.pos, "bad-value", format!("`{}` is not a job board name", t.value))
                .help(format!("write the name in your board's address, e.g. `{key}: example` for https://boards.greenhouse.io/example"));
            None
        }
    };
    boards.greenhouse = name("greenhouse", r);
    boards.lever = name("lever", r);
    for n in f.list("rules", r) {
        let Some(rule) = Fields::of(n, &["title", "role"], "a rule", r) else {
            continue;
        };
        let pattern = rule.required_text(
            "title",
            r,
            "give the title pattern: `title: \"*customer service*\"`",
        );
        let role = rule.required_text(
            "role",
            r,
            "name the role id these postings are: `role: agent`",
        );
        if let (Some(pattern), Some(role)) = (pattern, role) {
            boards.rules.push(TitleRule { pattern, role });
        }
    }
    boards
}

/// An absolute http(s) address, with any path, query and fragment.
pub fn check_link_url(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() {
        return Err("has no host name");
    }
    let bad =
        |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`');
    if url.chars().any(bad) {
        return Err("has spaces, quotes or other characters a URL cannot hold");
    }
    if !host
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    {
        return Err("has an invalid host name");
    }
    Ok(url.to_string())
}

/// Checks an absolute http(s) URL and returns it ending in `/`.
pub fn check_base_url(url: &str) -> Result<String, &'static str> {
    let url = check_link_url(url)?;
    if url.contains(['?', '#']) {
        return Err("must not have a query (`?`) or fragment (`#`)");
    }
    if url.contains('\'') {
        return Err("has spaces, quotes or other characters a URL cannot hold");
    }
    Ok(if url.ends_with('/') {
        url
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
