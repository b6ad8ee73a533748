//! Static files: the built-in theme's, the site theme's and `content/static/`,
//! each layer replacing the one before, under the generated files.

use std::collections::{BTreeMap, HashSet};

use crate::content::StaticFile;
use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::render::Output;

/// Static files under the generated ones: the built-in theme's are replaced
/// by the site theme's, which `content/static/` replaces (`statics` comes in
/// that order), and a generated file always wins, with a warning.
pub(crate) fn static_files(
    statics: &[StaticFile],
    generated: &HashSet<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Output> {
    let mut by_path: BTreeMap<String, Output> = crate::theme::templates::BUILTIN_STATIC
        .iter()
        .map(|(path, bytes)| (path.to_string(), Output::bytes(*path, *bytes)))
        .collect();
    for f in statics {
        by_path.insert(
            f.out_path.clone(),
            Output::Copy(f.out_path.clone(), f.source.clone()),
        );
    }
    by_path
        .into_values()
        .filter(|o| {
            if !generated.contains(o.path()) {
                return true;
            }
            if let Output::Copy(path, _) = o {
                Reporter::new(&format!("content/static/{path}"), diags)
                    .warning(
                        Pos::START,
                        "static-conflict",
                        format!("`{path}` is a generated page; this static file is not published"),
                    )
                    .help("rename the static file");
            }
            false
        })
        .collect()
}
