//! Where a candidate came from, carried to where they apply. The pages
//! carry the site's default share parameters in every apply link; the
//! theme's script swaps in the parameters the candidate landed with (and
//! adds them to internal links), reading them from the address only: no
//! cookie and no storage, so nothing here needs a consent banner.

use serde::Serialize;

use crate::content::types::Tracking;
use crate::render::json::url_encode;

/// An address a candidate applies at, as templates see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ApplyLink {
    /// With the default share parameters, renamed for its host.
    pub url: String,
    /// `ours=theirs` pairs, space-separated, for the script: the names
    /// this link's host reads our parameters by.
    pub rename: String,
}

/// The renames `tracking` sets for the host of `url`.
fn renames<'a>(url: &str, tracking: &'a Tracking) -> &'a [(String, String)] {
    let authority = url
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    tracking
        .rename
        .iter()
        .find(|(suffix, _)| host == *suffix || host.ends_with(&format!(".{suffix}")))
        .map_or(&[], |(_, pairs)| pairs.as_slice())
}

/// `url` carrying `params` (renamed for its host), for a link to an ATS.
pub fn apply_link(url: &str, params: &[(String, String)], tracking: &Tracking) -> ApplyLink {
    let renames = renames(url, tracking);
    let name = |key: &str| {
        renames
            .iter()
            .find(|(ours, _)| ours == key)
            .map_or(key, |(_, theirs)| theirs.as_str())
            .to_string()
    };
    let renamed: Vec<(String, String)> = params.iter().map(|(k, v)| (name(k), v.clone())).collect();
    ApplyLink {
        url: with_query(url, &renamed),
        rename: renames
            .iter()
            .map(|(ours, theirs)| format!("{ours}={theirs}"))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `url` with `params` added to its query, before any fragment, each name
/// and value URL-encoded: a value with `"`, `<`, `&` or `#` stays a value.
pub fn with_query(url: &str, params: &[(String, String)]) -> String {
    if params.is_empty() {
        return url.to_string();
    }
    let (base, fragment) = match url.split_once('#') {
        Some((base, fragment)) => (base, Some(fragment)),
        None => (url, None),
    };
    let mut out = base.to_string();
    let mut sep = if base.contains('?') {
        if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        }
    } else {
        "?"
    };
    for (k, v) in params {
        out.push_str(sep);
        out.push_str(&url_encode(k));
        out.push('=');
        out.push_str(&url_encode(v));
        sep = "&";
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parameters_join_an_existing_query_and_keep_the_fragment() {
        let p = pairs(&[("utm_source", "fair")]);
        assert_eq!(
            with_query("https://x.com/jobs", &p),
            "https://x.com/jobs?utm_source=fair"
        );
        assert_eq!(
            with_query("https://x.com/jobs?dept=it#top", &p),
            "https://x.com/jobs?dept=it&utm_source=fair#top"
        );
    }

    #[test]
    fn hostile_values_are_encoded_so_they_stay_inside_the_value() {
        let p = pairs(&[("utm_source", "\"><script>&x=1#")]);
        assert_eq!(
            with_query("https://x.com/", &p),
            "https://x.com/?utm_source=%22%3E%3Cscript%3E%26x%3D1%23"
        );
    }

    #[test]
    fn an_ats_host_gets_its_own_names_for_our_parameters() {
        let tracking = Tracking::default();
        let p = pairs(&[("source", "fair"), ("utm_medium", "qr")]);
        let link = apply_link("https://jobs.lever.co/example/123", &p, &tracking);
        assert_eq!(
            link.url,
            "https://jobs.lever.co/example/123?lever-source=fair&utm_medium=qr"
        );
        assert_eq!(link.rename, "source=lever-source");
        let other = apply_link("https://notlever.co/x", &p, &tracking);
        assert_eq!(other.url, "https://notlever.co/x?source=fair&utm_medium=qr");
        assert_eq!(other.rename, "");
    }
}
