//! What the fuzz targets share: a small site to put fuzzed files into, and
//! the properties every run must keep.

use std::path::Path;
use std::sync::OnceLock;

use launchpad::content::{self, RawSite};

/// The test fixture `tests/fixtures/minimal`, read once: one story, a
/// career catalogue and settings, no photos.
pub fn fixture() -> &'static RawSite {
    static SITE: OnceLock<RawSite> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
        content::load(&root).expect("the fixture site reads")
    })
}

/// A fixed day, so that a finding replays the same way on any date.
pub fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 6, 1)
}

/// Runs `check` on `raw` and asserts what must hold for any content: no
/// panic (the fuzzer sees one as a crash), no I/O error, and every
/// diagnostic about a file read names a line and column of that file.
pub fn check_and_assert(raw: &RawSite) {
    let report = launchpad::check_loaded(raw, today())
        .expect("check of content in memory does no I/O that fails");
    for d in &report.diagnostics {
        let text = raw
            .stories
            .iter()
            .map(|s| &s.source)
            .chain(&raw.site_yaml)
            .chain(&raw.career_yaml)
            .chain(&raw.openings)
            .chain(&raw.collections)
            .find(|f| f.path == d.file);
        if let Some(file) = text {
            assert!(
                d.points_into(&file.text),
                "{}:{}:{} [{}] {} points outside the file",
                d.file,
                d.line,
                d.column,
                d.code,
                d.message
            );
        }
    }
}
