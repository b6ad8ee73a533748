//! YAML as a tree in which every value and every key knows its line and
//! column. Validation walks this tree by hand instead of deserialising into
//! typed structs, because serde stops at the first error and we want to
//! report all of them, each on its own line.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::Pos;

/// A YAML value with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in source order; duplicate keys are a parse error already.
    Map(Vec<(Key, Node)>),
}

/// A mapping key: YAML allows any scalar, we keep its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub name: String,
}

/// A YAML syntax error, already placed in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

impl Value {
    /// What the user wrote, in words, for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping of keys to values",
        }
    }

    /// Scalars as the text a person would read them as.
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
}

/// Parses one YAML document. `line_offset` is added to every line, for YAML
/// embedded in a Markdown file's front matter.
pub fn parse(text: &str, line_offset: u32) -> Result<Node, SyntaxError> {
    // Strict booleans: only `true`/`false`, so `location: NO` stays Norway.
    let options = serde_saphyr::options! { with_snippet: false, strict_booleans: true };
    let shift = |line: u64, column: u64| {
        Pos::new(
            u32::try_from(line)
                .unwrap_or(u32::MAX)
                .saturating_add(line_offset),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    };
    match serde_saphyr::from_str_with_options::<Spanned<Tree>>(text, options) {
        Ok(tree) => Ok(tree.into_node(&shift)),
        Err(err) => {
            let pos = err
                .location()
                .map(|l| shift(l.line(), l.column()))
                .unwrap_or(Pos::new(1 + line_offset, 1));
            Err(SyntaxError {
                pos,
                message: strip_location(&err.to_string()),
            })
        }
    }
}

/// The crate appends " at line N, column M"; we print positions our own way.
fn strip_location(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    message.trim().to_string()
}

/// What serde-saphyr fills in; turned into `Node` once parsing is done.
#[derive(Debug)]
enum Tree {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Tree>>),
    Map(Vec<(Spanned<Tree>, Spanned<Tree>)>),
}

trait IntoNode {
    fn into_node(self, shift: &dyn Fn(u64, u64) -> Pos) -> Node;
}

impl IntoNode for Spanned<Tree> {
    fn into_node(self, shift: &dyn Fn(u64, u64) -> Pos) -> Node {
        let pos = shift(self.referenced.line(), self.referenced.column());
        let value = match self.value {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(b),
            Tree::Int(i) => Value::Int(i),
            Tree::Float(f) => Value::Float(f),
            Tree::Str(s) => Value::Str(s),
            Tree::Seq(items) => Value::Seq(items.into_iter().map(|n| n.into_node(shift)).collect()),
            Tree::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = k.into_node(shift);
                        let name = key.value.scalar_text().unwrap_or_default();
                        (Key { pos: key.pos, name }, v.into_node(shift))
                    })
                    .collect(),
            ),
        };
        Node { pos, value }
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        i64::try_from(v)
            .map(Tree::Int)
            .map_err(|_| E::custom("number is too large"))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Tree, E> {
        i64::try_from(v)
            .map(Tree::Int)
            .map_err(|_| E::custom("number is too large"))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Tree, E> {
        i64::try_from(v)
            .map(Tree::Int)
            .map_err(|_| E::custom("number is too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Tree, E> {
        Ok(Tree::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Tree::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_and_key_knows_its_line_and_column() {
        let node = parse("name: Maria\njourney:\n  - role: agent\n", 0).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("expected a map")
        };
        assert_eq!(entries[0].0.name, "name");
        assert_eq!(entries[0].1.pos, Pos::new(1, 7));
        let Value::Seq(steps) = &entries[1].1.value else {
            panic!("expected a list")
        };
        let Value::Map(step) = &steps[0].value else {
            panic!("expected a map")
        };
        assert_eq!(step[0].0.pos, Pos::new(3, 5));
        assert_eq!(step[0].1.pos, Pos::new(3, 11));
    }

    #[test]
    fn front_matter_lines_are_shifted_by_the_offset() {
        let node = parse("a: 1\n", 1).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("expected a map")
        };
        assert_eq!(entries[0].1.pos, Pos::new(2, 4));
    }

    #[test]
    fn syntax_errors_carry_a_position_and_no_location_suffix() {
        let err = parse("a: [1, 2\nb: 3\n", 0).unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(!err.message.contains("at line"), "{}", err.message);
    }

    #[test]
    fn alias_recursion_is_an_error_not_a_hang() {
        assert!(parse("a: &x [*x]\n", 0).is_err());
    }
}
