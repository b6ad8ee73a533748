//! Texts given per language in career.yaml and the collections:
//!
//! ```yaml
//! name: Customer Care                # every language shows this
//! name:                              # or one text per language
//!   en: Customer Care
//!   pt-PT: Apoio ao Cliente
//! ```
//!
//! A language without its own text shows the default language's, which
//! must be given. Each file is read once per language from a copy of its
//! YAML in which every such mapping is replaced by that language's text,
//! so the checks that read it do not need to know about languages.

use crate::content::yaml::{Node, Value};
use crate::diagnostics::{Diagnostic, Pos, Reporter};

/// The keys whose values are words for people (not ids, dates or URLs)
/// in career.yaml and the collections: `requirements` is a list of them.
pub const TEXT_KEYS: &[&str] = &[
    "name",
    "description",
    "title",
    "summary",
    "requirements",
    "intro",
];

/// A text shown in the default language's words in another language.
#[derive(Debug, Clone, PartialEq)]
pub struct Untranslated {
    pub pos: Pos,
    pub key: String,
}

/// `node` with every text given per language replaced by the text of
/// `languages[index]`, else the default's (the first). Reports a mapping
/// with a language that is not the site's or without the default's text;
/// when `index` is not the default, also lists each text left in the
/// default's words.
pub fn resolve(
    node: &Node,
    languages: &[String],
    index: usize,
    r: &mut Reporter<'_>,
) -> (Node, Vec<Untranslated>) {
    let mut walker = Walker {
        keys: TEXT_KEYS,
        deep: true,
        languages,
        index,
        untranslated: Vec::new(),
    };
    let resolved = walker.walk(node, r);
    (resolved, walker.untranslated)
}

/// [`resolve`] for the `keys` of the top-level mapping only: site.yaml's
/// title and description, among settings that are not words.
pub fn resolve_top(
    node: &Node,
    keys: &[&str],
    languages: &[String],
    index: usize,
    r: &mut Reporter<'_>,
) -> (Node, Vec<Untranslated>) {
    let mut walker = Walker {
        keys,
        deep: false,
        languages,
        index,
        untranslated: Vec::new(),
    };
    let resolved = walker.walk(node, r);
    (resolved, walker.untranslated)
}

/// Copies a YAML tree with the texts at `keys` in one language.
struct Walker<'a> {
    keys: &'a [&'a str],
    /// Into nested mappings and lists too, or the top mapping only.
    deep: bool,
    languages: &'a [String],
    index: usize,
    untranslated: Vec<Untranslated>,
}

impl Walker<'_> {
    fn walk(&mut self, node: &Node, r: &mut Reporter<'_>) -> Node {
        let value = match &node.value {
            Value::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(key, value)| {
                        let value = if self.keys.contains(&key.name.as_str()) {
                            self.text(value, &key.name, r)
                        } else if self.deep {
                            self.walk(value, r)
                        } else {
                            value.clone()
                        };
                        (key.clone(), value)
                    })
                    .collect(),
            ),
            Value::Seq(items) if self.deep => {
                Value::Seq(items.iter().map(|item| self.walk(item, r)).collect())
            }
            other => other.clone(),
        };
        Node {
            pos: node.pos,
            value,
        }
    }
}

impl Walker<'_> {
    /// The value of a text key: a text, a list of texts, or either per language.
    fn text(&mut self, node: &Node, key: &str, r: &mut Reporter<'_>) -> Node {
        match &node.value {
            Value::Seq(items) => Node {
                pos: node.pos,
                value: Value::Seq(items.iter().map(|item| self.text(item, key, r)).collect()),
            },
            Value::Map(entries) => self.per_language(node, entries, key, r),
            Value::Str(s) if self.index > 0 && !s.trim().is_empty() => {
                self.untranslated.push(Untranslated {
                    pos: node.pos,
                    key: key.to_string(),
                });
                node.clone()
            }
            _ => node.clone(),
        }
    }

    fn per_language(
        &mut self,
        node: &Node,
        entries: &[(crate::content::yaml::Key, Node)],
        key: &str,
        r: &mut Reporter<'_>,
    ) -> Node {
        let (languages, index) = (self.languages, self.index);
        // Before site.yaml names its languages (its own errors are reported),
        // the first text stands for all.
        let Some(default) = languages.first() else {
            return entries
                .first()
                .map_or_else(|| node.clone(), |(_, v)| v.clone());
        };
        for (k, _) in entries {
            if !languages.iter().any(|l| l.eq_ignore_ascii_case(&k.name)) {
                r.error(
                    k.pos,
                    "unknown-language",
                    format!(
                        "`{}` is not one of the site's languages ({})",
                        k.name,
                        languages.join(", ")
                    ),
                )
                .help("write the language as site.yaml's `languages:` does, or add it there");
            }
        }
        let find = |tag: &str| {
            entries
                .iter()
                .find(|(k, _)| k.name.eq_ignore_ascii_case(tag))
                .map(|(_, v)| v)
        };
        let Some(fallback) = find(default) else {
            r.error(
                node.pos,
                "missing-default-text",
                format!("`{key}` has no text in {default}, the site's default language"),
            )
            .help(format!(
                "add `{default}:` with the text every language without its own shows"
            ));
            return Node {
                pos: node.pos,
                value: Value::Null,
            };
        };
        match find(&languages[index.min(languages.len() - 1)]) {
            Some(own) => own.clone(),
            None => {
                self.untranslated.push(Untranslated {
                    pos: node.pos,
                    key: key.to_string(),
                });
                fallback.clone()
            }
        }
    }
}

/// The warnings for texts left in the default language's words in
/// `language`: one each, for `check --format json`; the human and GitHub
/// formats fold them into a line per language.
pub fn warn(file: &str, language: &str, list: &[Untranslated], out: &mut Vec<Diagnostic>) {
    let mut r = Reporter::new(file, out);
    for u in list {
        r.warning(
            u.pos,
            "untranslated",
            format!("`{}` has no {language} text; the default language's is shown", u.key),
        )
        .help(format!(
            "write one line per language under `{}:`, among them `{language}:` with the text in {language}",
            u.key
        ))
        .language(language);
    }
}
