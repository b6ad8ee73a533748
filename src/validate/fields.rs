//! Typed reading of a YAML mapping, reporting as it goes: unknown keys (with
//! a did-you-mean), missing required fields and values of the wrong type.
//! Each getter returns `None` after reporting, so callers simply go on.

use crate::content::yaml::{Key, Node, Value};
use crate::diagnostics::{Pos, Reporter};

pub use crate::content::types::Text;

/// The closest candidate to a misspelt word, if one is close enough to be
/// what the user meant.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|&(distance, c)| {
            distance <= (c.chars().count() / 3).max(2) && distance < c.chars().count()
        })
        .min_by_key(|&(distance, c)| (distance, c))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" or the list of what is allowed.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match suggest(word, candidates.clone()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let all: Vec<&str> = candidates.into_iter().take(12).collect();
            format!("expected one of: {}", all.join(", "))
        }
    }
}

/// The fields of one YAML mapping, checked against the keys it may have.
pub struct Fields<'a> {
    entries: &'a [(Key, Node)],
    pub pos: Pos,
}

impl<'a> Fields<'a> {
    /// Reads `node` as a mapping with the `allowed` keys; `what` names it in
    /// messages ("a journey step").
    pub fn of(
        node: &'a Node,
        allowed: &[&str],
        what: &str,
        r: &mut Reporter<'_>,
    ) -> Option<Fields<'a>> {
        let Value::Map(entries) = &node.value else {
            r.error(
                node.pos,
                "wrong-type",
                format!(
                    "expected {what} (key: value lines), found {}",
                    node.value.describe()
                ),
            );
            return None;
        };
        for (key, _) in entries {
            if !allowed.contains(&key.name.as_str()) {
                r.error(
                    key.pos,
                    "unknown-key",
                    format!("unknown key `{}` in {what}", key.name),
                )
                .help(did_you_mean(&key.name, allowed.iter().copied()));
            }
        }
        Some(Fields {
            entries,
            pos: node.pos,
        })
    }

    /// The value of `key`, treating an empty value (`key:`) as absent.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    pub fn required(&self, key: &str, r: &mut Reporter<'_>, help: &str) -> Option<&'a Node> {
        let node = self.get(key);
        if node.is_none() {
            let pos = self
                .entries
                .iter()
                .find(|(k, _)| k.name == key)
                .map_or(self.pos, |(k, _)| k.pos);
            r.error(pos, "missing-field", format!("`{key}` is required"))
                .help(help.to_string());
        }
        node
    }

    pub fn text(&self, key: &str, r: &mut Reporter<'_>) -> Option<Text> {
        self.get(key).and_then(|n| text(n, key, r))
    }

    pub fn required_text(&self, key: &str, r: &mut Reporter<'_>, help: &str) -> Option<Text> {
        let t = self.required(key, r, help).and_then(|n| text(n, key, r))?;
        if t.value.trim().is_empty() {
            r.error(t.pos, "missing-field", format!("`{key}` is empty"))
                .help(help.to_string());
            return None;
        }
        Some(t)
    }

    pub fn bool(&self, key: &str, r: &mut Reporter<'_>) -> Option<bool> {
        let node = self.get(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                r.error(
                    node.pos,
                    "wrong-type",
                    format!(
                        "`{key}` must be true or false, found {}",
                        node.value.describe()
                    ),
                )
                .help(format!("write `{key}: true` or `{key}: false`"));
                None
            }
        }
    }

    pub fn int(&self, key: &str, r: &mut Reporter<'_>) -> Option<(i64, Pos)> {
        let node = self.get(key)?;
        int(node, key, r).map(|i| (i, node.pos))
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn text_list(&self, key: &str, r: &mut Reporter<'_>) -> Vec<Text> {
        match self.get(key) {
            None => Vec::new(),
            Some(node) => match &node.value {
                Value::Seq(items) => items.iter().filter_map(|n| text(n, key, r)).collect(),
                _ => text(node, key, r).into_iter().collect(),
            },
        }
    }

    /// The items of a list of mappings.
    pub fn list(&self, key: &str, r: &mut Reporter<'_>) -> &'a [Node] {
        match self.get(key) {
            None => &[],
            Some(node) => match &node.value {
                Value::Seq(items) => items,
                other => {
                    r.error(
                        node.pos,
                        "wrong-type",
                        format!("`{key}` must be a list, found {}", other.describe()),
                    )
                    .help("write one `- ` line per item under it");
                    &[]
                }
            },
        }
    }
}

/// A scalar as text: numbers and booleans are taken as what they spell.
pub fn text(node: &Node, key: &str, r: &mut Reporter<'_>) -> Option<Text> {
    match node.value.scalar_text() {
        Some(value) => Some(Text {
            value,
            pos: node.pos,
        }),
        None => {
            r.error(
                node.pos,
                "wrong-type",
                format!("`{key}` must be text, found {}", node.value.describe()),
            )
            .help("put the value on the same line as the key, in quotes if it has a `: `");
            None
        }
    }
}

pub fn int(node: &Node, key: &str, r: &mut Reporter<'_>) -> Option<i64> {
    match node.value {
        Value::Int(i) => Some(i),
        _ => {
            r.error(
                node.pos,
                "wrong-type",
                format!(
                    "`{key}` must be a whole number, found {}",
                    node.value.describe()
                ),
            );
            None
        }
    }
}

/// Ids of departments, roles, programs and collections: `a-z`, `0-9`, `-`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads an id, reporting one that is not lowercase letters, digits and `-`.
pub fn id(t: Text, r: &mut Reporter<'_>) -> Option<Text> {
    if is_id(&t.value) {
        return Some(t);
    }
    let fixed = slug::slugify(&t.value);
    let d = r.error(t.pos, "bad-id", format!("`{}` is not a valid id", t.value));
    if is_id(&fixed) {
        d.help(format!(
            "ids use lowercase a-z, 0-9 and `-`: write `{fixed}`"
        ));
    } else {
        d.help("ids use lowercase a-z, 0-9 and `-`");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_suggests_the_closest_candidate() {
        assert_eq!(
            suggest("headlien", ["name", "headline", "photo"]),
            Some("headline")
        );
        assert_eq!(suggest("agnet", ["agent", "team-lead"]), Some("agent"));
        assert_eq!(suggest("zzzzzz", ["agent", "team-lead"]), None);
    }

    #[test]
    fn ids_are_lowercase_words_joined_by_dashes() {
        assert!(is_id("team-lead"));
        assert!(is_id("l2-support"));
        assert!(!is_id("Team Lead"));
        assert!(!is_id("../x"));
        assert!(!is_id("-x"));
        assert!(!is_id(""));
    }
}
