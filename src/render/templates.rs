//! Tera setup. The default theme is compiled into the binary, so a folder
//! with only `content/` builds; a site's `themes/NAME/templates/X` replaces
//! just that one template. Output of `.html` and `.xml` templates is
//! auto-escaped; content never reaches Tera as template source.

use std::collections::BTreeMap;

use tera::{Context, ErrorKind, Tera};

use crate::content::ThemeFiles;
use crate::diagnostics::{Diagnostic, Pos, Reporter};

/// The built-in theme: `(name, source)` pairs from `themes/default/`.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    ("story.html", include_str!("../../themes/default/templates/story.html")),
    ("role.html", include_str!("../../themes/default/templates/role.html")),
    ("department.html", include_str!("../../themes/default/templates/department.html")),
    ("tag.html", include_str!("../../themes/default/templates/tag.html")),
    ("paths.html", include_str!("../../themes/default/templates/paths.html")),
    ("collection.html", include_str!("../../themes/default/templates/collection.html")),
    ("404.html", include_str!("../../themes/default/templates/404.html")),
    ("partials/cards.html", include_str!("../../themes/default/templates/partials/cards.html")),
    ("partials/pagination.html", include_str!("../../themes/default/templates/partials/pagination.html")),
    ("feed.xml", include_str!("../../themes/default/templates/feed.xml")),
    ("sitemap.xml", include_str!("../../themes/default/templates/sitemap.xml")),
    ("robots.txt", include_str!("../../themes/default/templates/robots.txt")),
];

/// Static files of the built-in theme: `(output path, bytes)`.
pub const BUILTIN_STATIC: &[(&str, &[u8])] = &[("style.css", include_bytes!("../../themes/default/static/style.css"))];

/// The loaded templates, and which file each came from (for diagnostics).
pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, String>,
}

impl Templates {
    /// Loads the built-in theme with the site's overrides on top. Errors in a
    /// site's template are diagnostics on that template's file and line.
    pub fn load(theme: Option<&ThemeFiles>) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (String, String)> = BUILTIN_TEMPLATES
            .iter()
            .map(|(name, src)| (name.to_string(), (format!("themes/default/templates/{name} (built in)"), src.to_string())))
            .collect();
        if let Some(theme) = theme {
            for (name, file) in &theme.templates {
                sources.insert(name.clone(), (file.path.clone(), file.text.clone()));
            }
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let files: BTreeMap<String, String> = sources.iter().map(|(n, (path, _))| (n.clone(), path.clone())).collect();
        let templates = sources.iter().map(|(name, (_, src))| (name.as_str(), src.as_str()));
        match tera.add_raw_templates(templates) {
            Ok(()) => Ok(Templates { tera, files }),
            Err(e) => Err(vec![tera_diagnostic(&e, &files)]),
        }
    }

    /// Variables every template sees (`site`, `facets`).
    pub fn set_globals(&mut self, globals: &Context) {
        self.tera.global_context().extend(globals.clone());
    }

    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera.render(name, context).map_err(|e| tera_diagnostic(&e, &self.files))
    }
}

/// A Tera error as a diagnostic on the template's file, line and column.
fn tera_diagnostic(e: &tera::Error, files: &BTreeMap<String, String>) -> Diagnostic {
    let (name, pos, message) = match e.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => (
            report.filename().to_string(),
            Pos::new(report.span().start_line as u32, report.span().start_col as u32 + 1),
            report.message().to_string(),
        ),
        _ => (String::new(), Pos::START, e.to_string()),
    };
    let file = files.get(&name).cloned().unwrap_or_else(|| "themes".to_string());
    let mut out = Vec::new();
    Reporter::new(&file, &mut out)
        .error(pos, "template-error", message)
        .help("fix the template, or delete it to use the built-in one");
    out.remove(0)
}
