//! The served files: a rendered site in memory, looked up by URL path. Only
//! paths the build produced can be served, so nothing outside the site can
//! be reached whatever the request: `..`, encoded dots or backslashes and
//! absolute paths are refused before any lookup.

use std::collections::HashMap;

use crate::render::Output;
use crate::routes;

/// The outputs of the last good build, by path. Hashed, not sorted: it is
/// only looked up, and a sorted map of 25,000 paths that share long
/// prefixes costs a rebuild of a large site tens of milliseconds.
#[derive(Default)]
pub struct Files {
    by_path: HashMap<String, Output>,
}

/// What a request path resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    Found(&'a Output),
    /// A folder asked for without its trailing slash.
    Redirect(String),
    NotFound,
    BadRequest,
}

impl Files {
    pub fn new(outputs: Vec<Output>) -> Files {
        Files {
            by_path: outputs
                .into_iter()
                .map(|o| (o.path().to_string(), o))
                .collect(),
        }
    }

    pub fn get(&self, path: &str) -> Option<&Output> {
        self.by_path.get(path)
    }

    pub fn lookup(&self, url_path: &str) -> Lookup<'_> {
        let Some(decoded) = percent_decode(url_path) else {
            return Lookup::BadRequest;
        };
        let rel = decoded.trim_start_matches('/');
        let unsafe_part = |seg: &str| seg == ".." || seg == "." || seg.contains(['\\', '\0', ':']);
        if decoded.contains('\\') || rel.split('/').any(unsafe_part) || decoded.starts_with("//") {
            return Lookup::BadRequest;
        }
        let key = if rel.is_empty() || rel.ends_with('/') {
            routes::folder_file(rel)
        } else {
            rel.to_string()
        };
        if let Some(o) = self.by_path.get(&key) {
            return Lookup::Found(o);
        }
        let folder = format!("{key}/");
        if self.by_path.contains_key(&routes::folder_file(&folder)) {
            return Lookup::Redirect(format!("/{folder}"));
        }
        Lookup::NotFound
    }
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of a served file.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files::new(vec![
            Output::bytes("index.html", b"home".to_vec()),
            Output::bytes("stories/a/index.html", b"a".to_vec()),
            Output::bytes("style.css", b"css".to_vec()),
        ])
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_a_slash() {
        let f = files();
        assert!(matches!(f.lookup("/"), Lookup::Found(_)));
        assert!(matches!(f.lookup("/stories/a/"), Lookup::Found(_)));
        assert_eq!(
            f.lookup("/stories/a"),
            Lookup::Redirect("/stories/a/".into())
        );
        assert!(matches!(f.lookup("/style%2Ecss"), Lookup::Found(_)));
        assert_eq!(f.lookup("/nope"), Lookup::NotFound);
    }

    #[test]
    fn traversal_attempts_are_bad_requests() {
        let f = files();
        for path in [
            "/../etc/passwd",
            "/stories/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/stories\\..\\x",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/%00",
            "/%zz",
            "/%c0%ae%c0%ae/",
        ] {
            assert_eq!(f.lookup(path), Lookup::BadRequest, "{path}");
        }
    }
}
