//! The Content-Security-Policy every page carries (as a `<meta>` tag: a
//! static site cannot count on setting headers). It allows the site's own
//! script, stylesheet, images and font, the theme's one inline `<style>` by
//! its hash, and nothing else: a script that slips into a page past the
//! Markdown and template escaping still does not run. `site.yaml`'s `csp`
//! adds sources for a theme override that needs them.

use base64::Engine as _;
use sha2::Digest as _;

/// The directives a site may extend, in the order they are written.
pub const DIRECTIVES: &[&str] = &[
    "script-src",
    "style-src",
    "img-src",
    "font-src",
    "connect-src",
    "media-src",
    "frame-src",
    "manifest-src",
    "form-action",
];

/// The policy for pages whose only inline style is `inline_style` (the
/// brand's colours), with the sources `extra` adds per directive.
pub fn policy(inline_style: &str, extra: &[(String, Vec<String>)]) -> String {
    let style_hash = base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(inline_style.as_bytes()));
    let mut parts = vec!["default-src 'none'".to_string()];
    for directive in DIRECTIVES {
        let mut sources: Vec<String> = match *directive {
            // Inline JSON-LD is data, not script: no source needed for it.
            "script-src" | "img-src" | "font-src" | "connect-src" | "manifest-src"
            | "form-action" => vec!["'self'".into()],
            "style-src" => vec!["'self'".into(), format!("'sha256-{style_hash}'")],
            _ => Vec::new(),
        };
        for (name, added) in extra {
            if name == directive {
                sources.extend(added.iter().cloned());
            }
        }
        if !sources.is_empty() {
            parts.push(format!("{directive} {}", sources.join(" ")));
        }
    }
    parts.push("base-uri 'none'".into());
    parts.join("; ")
}

/// Whether a source a site adds is one token a policy can hold: no space,
/// `;` or `,` (which would end the directive or the policy), no quote or
/// markup characters.
pub fn is_source(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '"' | '<' | '>' | '\\'))
}

/// Whether `url` (an http or https address) is allowed by one of `sources`
/// as CSP matches them: a scheme (`https:`), an origin or address prefix
/// (`https://images.example.org`), or a host wildcard
/// (`https://*.example.org`).
pub fn allows(sources: &[String], url: &str) -> bool {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    sources.iter().any(|source| {
        if let Some(s) = source.strip_suffix(':') {
            return s.eq_ignore_ascii_case(scheme);
        }
        let (s_scheme, s_rest) = match source.split_once("://") {
            Some((a, b)) => (a, b),
            None => (scheme, source.as_str()),
        };
        if !s_scheme.eq_ignore_ascii_case(scheme) {
            return false;
        }
        let s_host = s_rest.split('/').next().unwrap_or("");
        let host_ok = match s_host.strip_prefix("*.") {
            Some(suffix) => host
                .to_ascii_lowercase()
                .ends_with(&format!(".{}", suffix.to_ascii_lowercase())),
            None => host.eq_ignore_ascii_case(s_host),
        };
        let path = &s_rest[s_host.len()..];
        host_ok && rest[host.len()..].starts_with(path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_site_and_the_hash_of_its_inline_style_only() {
        let p = policy(":root{--brand:#123456}", &[]);
        assert!(
            p.starts_with("default-src 'none'; script-src 'self';"),
            "{p}"
        );
        assert!(!p.contains("unsafe"), "{p}");
        // echo -n ':root{--brand:#123456}' | openssl sha256 -binary | base64
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(b":root{--brand:#123456}"));
        assert!(
            p.contains(&format!("style-src 'self' 'sha256-{hash}'")),
            "{p}"
        );
        assert!(p.contains("img-src 'self';"), "{p}");
        assert!(p.ends_with("base-uri 'none'"), "{p}");
    }

    #[test]
    fn a_site_adds_sources_to_a_directive() {
        let extra = vec![
            (
                "img-src".to_string(),
                vec!["https://images.example.org".to_string()],
            ),
            (
                "frame-src".to_string(),
                vec!["https://www.youtube-nocookie.com".to_string()],
            ),
        ];
        let p = policy("", &extra);
        assert!(
            p.contains("img-src 'self' https://images.example.org;"),
            "{p}"
        );
        assert!(
            p.contains("frame-src https://www.youtube-nocookie.com;"),
            "{p}"
        );
    }

    #[test]
    fn sources_match_as_browsers_match_them() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(allows(&s(&["https:"]), "https://a.example/x.png"));
        assert!(!allows(&s(&["https:"]), "http://a.example/x.png"));
        assert!(allows(
            &s(&["https://img.example.org"]),
            "https://img.example.org/a/b.png"
        ));
        assert!(!allows(
            &s(&["https://img.example.org"]),
            "https://img.example.org.evil.test/a.png"
        ));
        assert!(allows(
            &s(&["https://*.example.org"]),
            "https://cdn.example.org/a.png"
        ));
        assert!(!allows(
            &s(&["https://*.example.org"]),
            "https://example.org.evil.test/a.png"
        ));
        assert!(allows(
            &s(&["https://img.example.org/team/"]),
            "https://img.example.org/team/a.png"
        ));
        assert!(!allows(
            &s(&["https://img.example.org/team/"]),
            "https://img.example.org/other/a.png"
        ));
        assert!(!is_source("https://a.example; script-src *"));
        assert!(!is_source("\"x"));
        assert!(is_source("'sha256-abc='"));
    }
}
