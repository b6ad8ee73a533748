//! The YAML tree, and each YAML file of a site through validation and
//! render: the first byte picks the file, the rest is its text.
#![no_main]

use launchpad::content::yaml::{self, Node, Value};
use launchpad::content::{SourceFile, text_from_bytes};
use launchpad::diagnostics::Reporter;
use libfuzzer_sys::fuzz_target;

fn assert_inside(node: &Node, text: &str) {
    assert!(
        node.pos.lies_in(text),
        "node at {:?} is outside the text",
        node.pos
    );
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| assert_inside(n, text)),
        Value::Map(entries) => {
            for (key, value) in entries {
                assert!(
                    key.pos.lies_in(text),
                    "key {:?} at {:?} is outside the text",
                    key.name,
                    key.pos
                );
                assert_inside(value, text);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    // Read as `load` reads a file (line endings included), since every
    // YAML text of a site comes through it.
    let mut diagnostics = Vec::new();
    let mut report = Reporter::new("content/fuzz.yaml", &mut diagnostics);
    let Some(text) = text_from_bytes(rest.to_vec(), &mut report) else {
        return;
    };
    let text = text.as_str();
    match yaml::parse(text, 0) {
        Ok(tree) => assert_inside(&tree, text),
        Err(e) => assert!(
            e.pos.lies_in(text),
            "syntax error at {:?} is outside the text",
            e.pos
        ),
    }
    let mut raw = launchpad_ssg_fuzz::fixture().clone();
    let file = |path: &str| {
        Some(SourceFile {
            path: path.to_string(),
            text: text.to_string(),
        })
    };
    match pick % 4 {
        0 => raw.site_yaml = file("content/site.yaml"),
        1 => raw.career_yaml = file("content/career.yaml"),
        2 => raw.openings = file("content/openings.yaml"),
        _ => raw.collections = file("content/collections/fuzz.yaml").into_iter().collect(),
    }
    launchpad_ssg_fuzz::check_and_assert(&raw);
});
