//! Load, validate and render one story: the bytes are the story file of a
//! small site, read as `load` reads it.
#![no_main]

use launchpad::content::text_from_bytes;
use launchpad::diagnostics::Reporter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut raw = launchpad_ssg_fuzz::fixture().clone();
    let story = &mut raw.stories[0];
    let mut diagnostics = Vec::new();
    let Some(text) = text_from_bytes(
        data.to_vec(),
        &mut Reporter::new(&story.source.path, &mut diagnostics),
    ) else {
        // Lines as an editor shows them: a lone carriage return ends one.
        let shown = String::from_utf8_lossy(data)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        assert!(diagnostics.iter().all(|d| d.points_into(&shown)));
        return;
    };
    story.source.text = text;
    launchpad_ssg_fuzz::check_and_assert(&raw);
});
