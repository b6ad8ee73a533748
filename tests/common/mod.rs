//! A temporary site to build and check, in the spirit of mdBook's
//! `BookTest`: start from a fixture, change files, run the binary, look at
//! the result.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub mod memory;
#[allow(unused_imports)] // Not every test crate uses it.
pub use memory::MemorySite;

pub struct TestSite {
    dir: TempDir,
}

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "launchpad panicked:\n{}",
            run.stderr
        );
        run
    }

    /// The diagnostics of `check --format json`.
    pub fn json(&self) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl TestSite {
    /// A copy of `tests/fixtures/NAME`.
    pub fn fixture(name: &str) -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            site.root(),
        );
        site
    }

    /// The site of the repository itself (`content/` and `themes/`).
    pub fn example() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("content"), &site.root().join("content"));
        copy_dir(&repo.join("themes"), &site.root().join("themes"));
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Replaces the first `from` in a file with `to`; `from` must be there.
    /// The site in English and European Portuguese (the example or the
    /// alumni fixture, which both say `language: en`), with Zoë Martin's
    /// story written in `zoe_lang` if given.
    pub fn in_english_and_portuguese(&self, zoe_lang: Option<&str>) -> &Self {
        // The example is in both already.
        let settings = fs::read_to_string(self.path("content/site.yaml")).unwrap();
        if !settings.contains("languages: [en, pt-PT]") {
            self.edit(
                "content/site.yaml",
                "language: en",
                "languages: [en, pt-PT]",
            );
        }
        if let Some(lang) = zoe_lang {
            self.edit(
                "content/stories/zoe-martin.md",
                "name: Zoë Martin",
                &format!("name: Zoë Martin\nlang: {lang}"),
            );
        }
        self
    }

    /// Adds Arabic, written right to left, to the site's languages, with a
    /// story written in Arabic (`fatima-benali`).
    pub fn with_arabic(&self) -> &Self {
        let settings = fs::read_to_string(self.path("content/site.yaml")).unwrap();
        if settings.contains("languages: [en, pt-PT]") {
            self.edit(
                "content/site.yaml",
                "languages: [en, pt-PT]",
                "languages: [en, pt-PT, ar]",
            );
        } else {
            self.edit("content/site.yaml", "language: en", "languages: [en, ar]");
        }
        self.write("content/stories/fatima-benali.md", ARABIC_STORY)
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{from:?} is not in {rel}");
        self.write(rel, text.replacen(from, to, 1))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        let path = self.path(rel);
        if path.is_dir() {
            fs::remove_dir_all(path).unwrap();
        } else {
            fs::remove_file(path).unwrap();
        }
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::cargo_bin("launchpad")
            .unwrap()
            .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .unwrap();
        Run::from(out)
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    pub fn check_json(&self) -> Run {
        self.run(&["check", "--format", "json"])
    }

    /// A file of the output, as text.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path("public").join(rel))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }

    /// Every output file, relative and sorted, with its bytes.
    pub fn output_tree(&self) -> Vec<(String, Vec<u8>)> {
        let base = self.path("public");
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&base)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}

/// Text of the elements matching a CSS selector.
pub fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    html.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// An attribute of the elements matching a CSS selector.
pub fn attrs(html: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Whether an external program a test needs is here. When it is not, the
/// test is skipped with a loud message, or fails if
/// `LAUNCHPAD_REQUIRE_ALL=1` (as in `.ci/run`, which installs everything).
pub fn require(what: &str, available: bool, install: &str) -> bool {
    if available {
        return true;
    }
    if std::env::var("LAUNCHPAD_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!("{what} is required (LAUNCHPAD_REQUIRE_ALL=1) but missing; {install}");
    }
    eprintln!("\n********************************************************************");
    eprintln!("SKIPPED: {what} is missing; {install}");
    eprintln!("Set LAUNCHPAD_REQUIRE_ALL=1 to make this a failure.");
    eprintln!("********************************************************************\n");
    false
}

/// 2026-12-02T00:00:00Z: the day every test's build judges consent on, so
/// that the example's consent dates give the same site on any day.
pub const TEST_EPOCH: &str = "1796169600";

/// The day of [`TEST_EPOCH`].
pub fn test_day() -> jiff::civil::Date {
    jiff::civil::date(2026, 12, 2)
}

/// The repository folder.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// True if `program ARGS` runs and exits 0.
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The Chromium binary the browser tests drive.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The text of the QR code drawn by `svg` (an `<svg>` element), read the
/// way a phone's camera would: rasterised, then found and decoded.
pub fn decode_qr_svg(svg: &str) -> String {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("not an SVG: {e}\n{svg}"));
    let size = tree.size();
    let scale = 600.0 / size.width();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let data = pixmap.data();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            data[(y * w as usize + x) * 4]
        });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().expect("the QR code decodes").1
}

/// A story written in Arabic, for sites with `ar` among their languages.
pub const ARABIC_STORY: &str = "---
name: فاطمة بن علي
lang: ar
headline: من مركز الاتصال إلى فريق المنتج في أربع سنوات
consent: true
date: 2026-06-01
location: الدار البيضاء، المغرب
quote: كل مكالمة كانت درسًا في ما يحتاجه العملاء فعلًا.
journey:
  - role: agent
    from: 2019-03
    to: 2021-01
    note: خط الدعم باللغتين العربية والفرنسية
  - role: team-lead
    from: 2021-01
    to: 2023-02
  - role: product-manager
    from: 2023-02
tags: [mentoring]
---

بدأت في خط الدعم الليلي. تعلّمت أن أستمع قبل أن أجيب، وأن أدوّن ما يتكرر.
";
