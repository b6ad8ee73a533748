//! `content/collections/NAME.yaml`: a recruiter's curated list of stories.

use crate::content::SourceFile;
use crate::content::types::Collection;
use crate::content::yaml::Node;
use crate::diagnostics::{Pos, Reporter};
use crate::validate::fields::{Fields, is_id};

/// `node` is the file's YAML, read in one language (see `localized`).
pub fn collection(file: &SourceFile, node: &Node, r: &mut Reporter<'_>) -> Option<Collection> {
    let name = file.path.rsplit('/').next().unwrap_or_default();
    let id = name.trim_end_matches(".yaml").trim_end_matches(".yml");
    if !is_id(id) {
        r.error(
            Pos::START,
            "bad-id",
            format!("`{id}` is not a valid collection name"),
        )
        .help(format!(
            "rename the file to `{}.yaml` (lowercase a-z, 0-9 and `-`)",
            slug::slugify(id)
        ));
    }
    let f = Fields::of(node, &["title", "intro", "stories"], "a collection", r)?;
    let title = f.required_text("title", r, "add `title: Night-shift heroes`");
    f.required(
        "stories",
        r,
        "list story slugs in order: `stories: [maria-santos, joao-pereira]`",
    );
    let stories = f.text_list("stories", r);
    Some(Collection {
        file: file.path.clone(),
        id: is_id(id).then(|| id.to_string())?,
        title: title?.value,
        intro: f.text("intro", r).map(|t| t.value),
        stories,
    })
}
