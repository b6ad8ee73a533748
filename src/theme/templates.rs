//! Tera setup. The default theme is compiled into the binary, so a folder
//! with only `content/` builds; a site's `themes/NAME/templates/X` replaces
//! just that one template. Output of `.html` and `.xml` templates is
//! auto-escaped; content never reaches Tera as template source.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult};

use crate::content::ThemeFiles;
use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::theme::strings::{Arg, Strings};

/// The built-in theme: `(name, source)` pairs from `themes/default/`.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "story.html",
        include_str!("../../themes/default/templates/story.html"),
    ),
    (
        "role.html",
        include_str!("../../themes/default/templates/role.html"),
    ),
    (
        "department.html",
        include_str!("../../themes/default/templates/department.html"),
    ),
    (
        "tag.html",
        include_str!("../../themes/default/templates/tag.html"),
    ),
    (
        "paths.html",
        include_str!("../../themes/default/templates/paths.html"),
    ),
    (
        "facet.html",
        include_str!("../../themes/default/templates/facet.html"),
    ),
    (
        "collection.html",
        include_str!("../../themes/default/templates/collection.html"),
    ),
    (
        "collections.html",
        include_str!("../../themes/default/templates/collections.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "partials/cards.html",
        include_str!("../../themes/default/templates/partials/cards.html"),
    ),
    (
        "partials/card.html",
        include_str!("../../themes/default/templates/partials/card.html"),
    ),
    (
        "partials/facets.html",
        include_str!("../../themes/default/templates/partials/facets.html"),
    ),
    (
        "partials/move.html",
        include_str!("../../themes/default/templates/partials/move.html"),
    ),
    (
        "partials/results.html",
        include_str!("../../themes/default/templates/partials/results.html"),
    ),
    (
        "partials/career-map.svg",
        include_str!("../../themes/default/templates/partials/career-map.svg"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../themes/default/templates/partials/pagination.html"),
    ),
    (
        "feed.xml",
        include_str!("../../themes/default/templates/feed.xml"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "robots.txt",
        include_str!("../../themes/default/templates/robots.txt"),
    ),
    (
        "openings.html",
        include_str!("../../themes/default/templates/openings.html"),
    ),
    (
        "kit.html",
        include_str!("../../themes/default/templates/kit.html"),
    ),
    (
        "partials/openings.html",
        include_str!("../../themes/default/templates/partials/openings.html"),
    ),
    (
        "partials/apply.html",
        include_str!("../../themes/default/templates/partials/apply.html"),
    ),
    (
        "card.svg",
        include_str!("../../themes/default/templates/card.svg"),
    ),
];

/// Static files of the built-in theme: `(output path, bytes)`.
pub const BUILTIN_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "site.js",
        include_bytes!("../../themes/default/static/site.js"),
    ),
    (
        "kit.js",
        include_bytes!("../../themes/default/static/kit.js"),
    ),
    (
        "vendor/qrcode.js",
        include_bytes!("../../themes/default/static/vendor/qrcode.js"),
    ),
];

/// The loaded templates, and which file each came from (for diagnostics).
pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, String>,
    /// Per template, a hash of its source and of every template it extends
    /// or includes: what a change to a theme file invalidates.
    fingerprints: BTreeMap<String, blake3::Hash>,
    /// The words the templates print, for the language of the site.
    strings: Arc<Strings>,
}

impl Templates {
    /// Loads the built-in theme with the site's overrides on top. Errors in a
    /// site's template are diagnostics on that template's file and line.
    pub fn load(theme: &ThemeFiles, strings: Arc<Strings>) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (String, String)> = BUILTIN_TEMPLATES
            .iter()
            .map(|(name, src)| {
                (
                    name.to_string(),
                    (
                        format!("themes/default/templates/{name} (built in)"),
                        src.to_string(),
                    ),
                )
            })
            .collect();
        for (name, file) in &theme.templates {
            sources.insert(name.clone(), (file.path.clone(), file.text.clone()));
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml", ".svg"]);
        tera.register_function("fit_text", crate::images::drawing::fit_text_function);
        tera.register_filter(
            "script_runs",
            |text: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
                use crate::images::drawing::{Weight, script_runs};
                let x = kwargs.must_get::<f32>("x")?;
                let size = kwargs.must_get::<f32>("size")?.clamp(4.0, 400.0);
                let end = kwargs.get::<bool>("end")?.unwrap_or(false);
                let weight = match kwargs.get::<bool>("bold")?.unwrap_or(false) {
                    true => Weight::Bold,
                    false => Weight::Regular,
                };
                Ok(script_runs(text, x, end, weight, size))
            },
        );
        let words = Arc::clone(&strings);
        tera.register_filter(
            "t",
            move |key: &str, kwargs: Kwargs, state: &State| -> TeraResult<String> {
                translate(&words, key, &kwargs, state)
            },
        );
        let files: BTreeMap<String, String> = sources
            .iter()
            .map(|(n, (path, _))| (n.clone(), path.clone()))
            .collect();
        let templates = sources
            .iter()
            .map(|(name, (_, src))| (name.as_str(), src.as_str()));
        let texts: BTreeMap<&str, &str> = sources
            .iter()
            .map(|(name, (_, src))| (name.as_str(), src.as_str()))
            .collect();
        let fingerprints = texts
            .keys()
            .map(|name| {
                (
                    name.to_string(),
                    closure_hash(name, &texts, &strings.digest()),
                )
            })
            .collect();
        match tera.add_raw_templates(templates) {
            Ok(()) => Ok(Templates {
                tera,
                files,
                fingerprints,
                strings,
            }),
            Err(e) => Err(tera_diagnostics(&e, &files)),
        }
    }

    /// Variables every template sees (`site`, `facets`).
    pub fn set_globals(&mut self, globals: &Context) {
        self.tera.global_context().extend(globals.clone());
    }

    /// The words the templates print, for what Rust writes (durations,
    /// dates) as the templates would.
    pub fn strings(&self) -> Arc<Strings> {
        Arc::clone(&self.strings)
    }

    /// See `fingerprints`; unknown names share one value.
    pub fn fingerprint(&self, name: &str) -> blake3::Hash {
        self.fingerprints
            .get(name)
            .copied()
            .unwrap_or_else(|| blake3::hash(name.as_bytes()))
    }

    /// The file a template came from, as diagnostics name it.
    pub fn source_file(&self, name: &str) -> String {
        self.files
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("themes/*/templates/{name}"))
    }

    pub fn render(&self, name: &str, context: &Context) -> Result<String, Vec<Diagnostic>> {
        self.tera
            .render(name, context)
            .map_err(|e| tera_diagnostics(&e, &self.files))
    }
}

/// Hashes `name`'s source with those of the templates it reaches through
/// `extends` and `include`, transitively. A template that defines Tera
/// components may be used from anywhere, so those are in every closure.
/// When one of them prints a message (the `t` filter), `words` (the hash of
/// the string files) is in it too; templates that print none keep their
/// hash, and so do the share cards named after it.
fn closure_hash(name: &str, texts: &BTreeMap<&str, &str>, words: &blake3::Hash) -> blake3::Hash {
    let mut seen = BTreeSet::new();
    let mut todo = vec![name.to_string()];
    todo.extend(
        texts
            .iter()
            .filter(|(_, src)| tags(src).any(|t| t.starts_with("component ")))
            .map(|(n, _)| n.to_string()),
    );
    while let Some(next) = todo.pop() {
        if !seen.insert(next.clone()) {
            continue;
        }
        if let Some(src) = texts.get(next.as_str()) {
            for tag in tags(src) {
                let Some(args) = tag
                    .strip_prefix("extends")
                    .or_else(|| tag.strip_prefix("include"))
                else {
                    continue;
                };
                // The quoted names: every other piece between quotes.
                todo.extend(
                    args.split(['"', '\''])
                        .skip(1)
                        .step_by(2)
                        .map(str::to_string),
                );
            }
        }
    }
    let mut h = blake3::Hasher::new();
    for n in &seen {
        h.update(n.as_bytes());
        h.update(&[0]);
        h.update(texts.get(n.as_str()).unwrap_or(&"").as_bytes());
        h.update(&[0xff]);
    }
    if seen
        .iter()
        .any(|n| texts.get(n.as_str()).is_some_and(|src| prints_words(src)))
    {
        h.update(words.as_bytes());
    }
    h.finalize()
}

/// Whether a template source may use the `t` filter: a `| t` in it. Loose
/// on purpose (a false match only costs a re-render).
fn prints_words(src: &str) -> bool {
    src.split('|').skip(1).any(|after| {
        let after = after.trim_start();
        after.starts_with('t') && !after[1..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })
}

/// The insides of a source's `{% ... %}` tags, trimmed.
fn tags(src: &str) -> impl Iterator<Item = &str> {
    src.split("{%").skip(1).map(|rest| {
        let inside = rest.split("%}").next().unwrap_or(rest);
        inside.trim_matches(|c: char| c == '-' || c.is_whitespace())
    })
}

/// A Tera error as diagnostics on the template's file, line and column.
fn tera_diagnostics(e: &tera::Error, files: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let located: Vec<(String, Pos, String)> = match e.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => vec![(
            report.filename().to_string(),
            Pos::new(
                report.span().start_line as u32,
                report.span().start_col as u32 + 1,
            ),
            report.message().to_string(),
        )],
        // Unknown filters, tests and functions arrive as rendered reports.
        _ => parse_reports(&e.to_string()),
    };
    let located = if located.is_empty() {
        vec![(String::new(), Pos::START, e.to_string())]
    } else {
        located
    };
    let mut out = Vec::new();
    for (name, pos, message) in located {
        let file = files
            .get(&name)
            .cloned()
            .unwrap_or_else(|| format!("themes/*/templates/{name}"));
        Reporter::new(&file, &mut out)
            .error(pos, "template-error", message)
            .help("fix the template, or delete it to use the built-in one");
    }
    out
}

/// Reads `error: MESSAGE` / `--> NAME:LINE:COL` pairs out of Tera's text reports.
fn parse_reports(text: &str) -> Vec<(String, Pos, String)> {
    let mut out = Vec::new();
    let mut message = None;
    for line in text.lines().map(str::trim) {
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m.to_string());
        } else if let Some(location) = line.strip_prefix("--> ") {
            let mut parts = location.rsplitn(3, ':');
            let (col, line_no, name) = (parts.next(), parts.next(), parts.next());
            if let (Some(col), Some(line_no), Some(name), Some(m)) =
                (col, line_no, name, message.take())
            {
                let pos = Pos::new(line_no.parse().unwrap_or(1), col.parse().unwrap_or(1));
                out.push((name.to_string(), pos, m));
            }
        }
    }
    out
}

/// The `t` filter: `{{ "journey" | t }}`, `{{ "stories-count" | t(count=n) }}`.
/// The message is in the page's language (the `lang` variable, else the
/// site's); numbers stay numbers, so that plural forms choose right.
fn translate(strings: &Strings, key: &str, kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    let language = state
        .get::<String>("lang")?
        .unwrap_or_else(|| strings.default_language().to_string());
    // Keyword arguments are named, so every key is a string.
    let args: Vec<(&str, Arg)> = kwargs
        .iter()
        .filter_map(|(name, value)| {
            let arg = match value.as_f64() {
                Some(n) if value.is_number() => Arg::Number(n),
                _ => Arg::Text(
                    value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_string),
                ),
            };
            Some((name.as_str()?, arg))
        })
        .collect();
    strings.get(&language, key, &args).ok_or_else(|| {
        tera::Error::message(format!(
            "there is no message `{key}` in the string files for `{language}` (themes/default/i18n/en.ftl lists every key)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_default_theme_is_compiled_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for (sub, names) in [
            (
                "templates",
                BUILTIN_TEMPLATES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>(),
            ),
            (
                "static",
                BUILTIN_STATIC.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ),
        ] {
            let base = dir.join(sub);
            for entry in walkdir::WalkDir::new(&base)
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_file())
            {
                let name = crate::content::relative_slash_path(&base, entry.path());
                assert!(
                    names.contains(&name.as_str()),
                    "themes/default/{sub}/{name} is not in the built-in theme"
                );
            }
        }
    }

    #[test]
    fn the_built_in_theme_loads() {
        let (strings, _) = Strings::load(
            &[("en".into(), Pos::START)],
            &crate::theme::strings::builtin_files(),
            "content/site.yaml",
        );
        assert!(Templates::load(&ThemeFiles::default(), Arc::new(strings)).is_ok());
    }

    #[test]
    fn every_unknown_filter_report_becomes_a_located_diagnostic() {
        let text = "error: Unknown filter `nope`\n --> story.html:3:17\n  |\n\nerror: Unknown function `x`\n --> base.html:1:4\n";
        let found = parse_reports(text);
        assert_eq!(
            found,
            vec![
                (
                    "story.html".to_string(),
                    Pos::new(3, 17),
                    "Unknown filter `nope`".to_string()
                ),
                (
                    "base.html".to_string(),
                    Pos::new(1, 4),
                    "Unknown function `x`".to_string()
                ),
            ]
        );
    }
}
