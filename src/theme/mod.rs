//! Theme: the built-in templates and static files with a site's overrides
//! from `themes/NAME/`, compiled and checked before anything renders.

pub mod strings;
pub mod templates;

use std::path::Path;
use std::sync::Arc;

use crate::content;
use crate::diagnostics::{Diagnostic, Pos, Reporter};
pub use templates::Templates;

/// The theme, ready to render with: templates (none if one has an error),
/// static files, and what was found wrong.
pub struct Theme {
    pub templates: Option<Templates>,
    pub static_files: Vec<content::StaticFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Template texts, for quoting in diagnostics.
    pub sources: Vec<(String, String)>,
}

/// The built-in theme with the site's overrides from `themes/NAME/`, and
/// its words in the site's `language`.
pub fn load(root: &Path, site: &crate::content::types::SiteConfig) -> anyhow::Result<Theme> {
    let name = site.theme.as_str();
    let files = content::load_theme(root, name)?;
    let mut diagnostics = Vec::new();
    if files.is_none() && name != "default" {
        Reporter::new("content/site.yaml", &mut diagnostics)
            .warning(
                Pos::START,
                "unknown-theme",
                format!("there is no themes/{name}/ folder; using the built-in theme"),
            )
            .help(
                "create themes/NAME/templates/ with the templates to override, or remove `theme:`",
            );
    }
    let files = files.unwrap_or_default();
    diagnostics.extend(files.diagnostics.iter().cloned());
    let mut string_files = strings::builtin_files();
    string_files.extend(
        files
            .strings
            .iter()
            .map(|(language, file)| strings::StringFile {
                path: file.path.clone(),
                language: language.clone(),
                text: file.text.clone(),
            }),
    );
    let (words, problems) = strings::Strings::load(
        &site
            .languages
            .iter()
            .map(|l| (l.tag.clone(), l.at))
            .collect::<Vec<_>>(),
        &string_files,
        "content/site.yaml",
    );
    diagnostics.extend(problems);
    let templates = match Templates::load(&files, Arc::new(words)) {
        Ok(t) if !diagnostics.iter().any(Diagnostic::is_error) => Some(t),
        Ok(_) => None,
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    Ok(Theme {
        templates,
        sources: files
            .sources()
            .chain(
                files
                    .strings
                    .values()
                    .map(|f| (f.path.clone(), f.text.clone())),
            )
            .collect(),
        static_files: files.static_files,
        diagnostics,
    })
}
