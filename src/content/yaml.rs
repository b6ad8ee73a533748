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
    /// How to fix it, when we know more than the parser said.
    pub help: Option<String>,
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
            let stopped = err
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            let message = strip_location(&err.to_string());
            // The parser often gives up lines after the real mistake, an
            // opening bracket or quote that is never closed: point there.
            if let Some(open) = unclosed(text).filter(|o| (o.line, o.column) <= stopped) {
                return Err(SyntaxError {
                    pos: shift(open.line, open.column),
                    message: format!(
                        "{} is never closed (the YAML parser stopped at line {}: {message})",
                        open.what(),
                        shift(stopped.0, stopped.1).line,
                    ),
                    help: Some(open.help().to_string()),
                });
            }
            Err(SyntaxError {
                pos: shift(stopped.0, stopped.1),
                message,
                help: None,
            })
        }
    }
}

/// An opening bracket or quote, and where it is (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Opener {
    char: char,
    line: u64,
    column: u64,
}

impl Opener {
    fn what(&self) -> &'static str {
        match self.char {
            '[' => "this list's `[`",
            '{' => "this mapping's `{`",
            '"' => "this text's opening `\"`",
            _ => "this text's opening `'`",
        }
    }

    fn help(&self) -> &'static str {
        match self.char {
            '[' => {
                "close the list with `]`, or put the whole value in quotes if the `[` is part of the text"
            }
            '{' => {
                "close the mapping with `}`, or put the whole value in quotes if the `{` is part of the text"
            }
            '"' => "end the text with a closing `\"`; a `\"` inside the text is written `\\\"`",
            _ => {
                "end the text with a closing `'`; an apostrophe inside single quotes is written `''`"
            }
        }
    }
}

/// The first bracket or quote that the text opens and never closes, read
/// the way YAML does: a quote or bracket opens only where a value starts
/// (so the apostrophe in `headline: Maria's story` is just a letter), and
/// `#` after a space starts a comment. `None` when everything closes.
fn unclosed(text: &str) -> Option<Opener> {
    let mut open: Vec<Opener> = Vec::new();
    let mut quote: Option<Opener> = None;
    // The last character that is not a space on this line, and whether a
    // space came after it: decides whether a value starts here.
    let mut last: Option<char> = None;
    let mut spaced = true;
    let mut chars = text.chars().peekable();
    let (mut line, mut column) = (1u64, 0u64);
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            last = None;
            spaced = true;
            continue;
        }
        if let Some(q) = quote {
            match (q.char, c) {
                ('"', '\\') if chars.peek().is_some_and(|&n| n != '\n') => {
                    chars.next();
                    column += 1;
                }
                ('"', '"') => quote = None,
                ('\'', '\'') if chars.peek() == Some(&'\'') => {
                    chars.next();
                    column += 1;
                }
                ('\'', '\'') => quote = None,
                _ => {}
            }
            if quote.is_none() {
                last = Some(c);
                spaced = false;
            }
            continue;
        }
        if c == ' ' || c == '\t' {
            spaced = true;
            continue;
        }
        if c == '#' && spaced {
            // A comment: skip to the end of the line.
            while chars.peek().is_some_and(|&n| n != '\n') {
                chars.next();
            }
            continue;
        }
        let value_starts = match last {
            None => true,
            Some('[' | '{' | ',') => true,
            Some(':' | '-' | '?') => spaced,
            Some(_) => false,
        };
        let here = Opener {
            char: c,
            line,
            column,
        };
        match c {
            '"' | '\'' if value_starts => quote = Some(here),
            '[' | '{' if value_starts || !open.is_empty() && matches!(last, Some(':')) => {
                open.push(here)
            }
            ']' | '}' if !open.is_empty() => {
                let top = open.pop().expect("not empty");
                if (top.char, c) != ('[', ']') && (top.char, c) != ('{', '}') {
                    return Some(top);
                }
            }
            _ => {}
        }
        last = Some(c);
        spaced = false;
    }
    quote.or_else(|| open.first().copied())
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

    fn opened(text: &str) -> Option<(char, u64, u64)> {
        unclosed(text).map(|o| (o.char, o.line, o.column))
    }

    #[test]
    fn the_unclosed_bracket_or_quote_is_found_where_it_opens() {
        assert_eq!(opened("tags: [a, b\nname: X\n"), Some(('[', 1, 7)));
        assert_eq!(opened("a: {x: 1\nb: 2\n"), Some(('{', 1, 4)));
        assert_eq!(opened("a: \"open\nb: 2\n"), Some(('"', 1, 4)));
        assert_eq!(opened("a: 'open\nb: 2\n"), Some(('\'', 1, 4)));
        assert_eq!(opened("- [a, [b]\n- c\n"), Some(('[', 1, 3)));
    }

    #[test]
    fn brackets_and_quotes_that_are_text_or_closed_are_not_reported() {
        for text in [
            "headline: Maria's story\n",
            "headline: a [b] c and {d}\n",
            "tags: [a, \"b]\", 'c''s']\n",
            "quote: \"a \\\" b\"\n",
            "a: [x] # a comment with [ and \"\n",
            "a: \"two\n  lines\"\n",
            "url: https://x.com/#[anchor\n",
        ] {
            assert_eq!(opened(text), None, "{text}");
        }
    }

    #[test]
    fn a_syntax_error_is_reported_at_the_bracket_that_opened_it() {
        let err = parse("name: A\ntags: [a, b\nheadline: H\n", 3).unwrap_err();
        assert_eq!(err.pos, Pos::new(5, 7));
        assert!(err.message.contains("never closed"), "{}", err.message);
        assert!(err.message.contains("stopped at line"), "{}", err.message);
        assert!(err.help.unwrap().contains("`]`"));
    }

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
        let err = parse("a: 1\na: 2\n", 0).unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(!err.message.contains("at line"), "{}", err.message);
        assert_eq!(err.help, None);
    }

    #[test]
    fn alias_recursion_is_an_error_not_a_hang() {
        assert!(parse("a: &x [*x]\n", 0).is_err());
    }
}
