//! Issue 15: a hostile pull request, a crash or a careless `--out` never
//! costs a user's files, the CI or the published site.

mod common;

use std::fs;
use std::path::Path;

use common::TestSite;

const MARKER: &str = ".launchpad-build";

#[test]
fn build_refuses_to_replace_a_folder_it_did_not_build() {
    let site = TestSite::fixture("minimal");
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join("notes.txt"), "mine").unwrap();
    fs::create_dir_all(home.path().join("photos")).unwrap();
    fs::write(home.path().join("photos/cat.jpg"), "meow").unwrap();
    let out = home.path().to_str().unwrap();

    let run = site.run(&["build", "--out", out]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("launchpad did not build") && run.stderr.contains(out),
        "the error names the folder and why: {}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(home.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_to_string(home.path().join("photos/cat.jpg")).unwrap(),
        "meow"
    );
    let names: Vec<_> = fs::read_dir(home.path().parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(names.is_empty(), "no staging folder is left: {names:?}");
}

#[test]
fn build_writes_into_new_and_empty_folders_and_replaces_its_own_output() {
    let site = TestSite::fixture("minimal");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    for out in [dir.path().join("new/site"), empty] {
        let out_arg = out.to_str().unwrap();
        for _ in 0..2 {
            let run = site.run(&["build", "--out", out_arg]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            assert!(out.join(MARKER).is_file(), "the marker is in {out_arg}");
            assert!(out.join("index.html").is_file());
        }
    }
}

/// A folder beside the output named like a staging folder of a build that
/// was killed (no process has id 999999999: Linux caps ids at 2^22).
fn leftover(parent: &Path, name: &str, marked: bool) {
    let dir = parent.join(name);
    fs::create_dir_all(dir.join("stories/a")).unwrap();
    fs::write(dir.join("stories/a/index.html"), vec![b'x'; 4096]).unwrap();
    if marked {
        fs::write(dir.join(MARKER), "").unwrap();
    }
}

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next_build() {
    let site = TestSite::fixture("minimal");
    let root = site.root();
    leftover(root, ".public.tmp-999999999", true);
    leftover(root, ".public.old-999999998", true);
    fs::create_dir_all(root.join(".public.tmp-999999996")).unwrap();
    // Not ours: no marker, so it stays whatever its name.
    leftover(root, ".public.tmp-999999997", false);
    // A folder our own build set aside and could not delete, because its
    // files had been made read-only.
    leftover(root, ".public.old-999999995", true);
    set_read_only(&root.join(".public.old-999999995/stories"));

    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names: Vec<String> = fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    names.sort();
    assert_eq!(names, vec![".public.tmp-999999997".to_string()]);
}

#[test]
fn a_read_only_output_is_replaced_and_leaves_nothing_behind() {
    let site = TestSite::fixture("minimal");
    assert_eq!(site.build().code, 0);
    set_read_only(&site.path("public/stories"));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert!(site.path("public").join(MARKER).is_file());
}

fn set_read_only(dir: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    let entries: Vec<_> = walkdir::WalkDir::new(dir)
        .contents_first(true)
        .into_iter()
        .flatten()
        .collect();
    for e in entries {
        let mode = if e.file_type().is_dir() { 0o555 } else { 0o444 };
        fs::set_permissions(e.path(), fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn story_with(front: &str, body: &str) -> String {
    format!(
        "---\nname: Ana Example\nheadline: From agent to team lead\nconsent: true\ndate: 2026-01-15\n\
         journey:\n  - role: agent\n    from: 2020-01\n    to: 2021-06\n  - role: team-lead\n    from: 2021-06\n{front}---\n\n{body}\n"
    )
}

#[test]
fn static_files_never_come_from_hidden_folders_whatever_the_links() {
    let site = TestSite::fixture("minimal");
    site.write(".git/config", "[remote]\n  token = ghp_secret\n");
    site.write(".env", "API_KEY=secret\n");
    fs::create_dir_all(site.path("content/static")).unwrap();
    std::os::unix::fs::symlink("../../.git/config", site.path("content/static/config.txt"))
        .unwrap();
    std::os::unix::fs::symlink("../../.env", site.path("content/static/env.txt")).unwrap();
    std::os::unix::fs::symlink("../../.git", site.path("content/static/git")).unwrap();

    let check = site.check_json();
    let hidden: Vec<_> = check
        .json()
        .into_iter()
        .filter(|d| d["code"] == "symlink-hidden")
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        hidden,
        vec![
            "content/static/config.txt",
            "content/static/env.txt",
            "content/static/git"
        ],
        "{}",
        check.stdout
    );
    assert_eq!(check.code, 1);
    let build = site.build();
    assert_eq!(
        build.code, 1,
        "build fails on the same errors: {}",
        build.stderr
    );
    // Nothing was published, and no build output anywhere holds the secret.
    for e in walkdir::WalkDir::new(site.root()).into_iter().flatten() {
        let p = e.path();
        if e.file_type().is_file() && !p.starts_with(site.path(".git")) && p != site.path(".env") {
            let bytes = fs::read(p).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains("secret"),
                "{} holds the secret",
                p.display()
            );
        }
    }
}

#[test]
fn markdown_files_that_are_not_read_as_stories_are_warned_about() {
    let site = TestSite::fixture("minimal");
    site.write("content/stories/bea-shouting.MD", story_with("", "Hi"));
    site.write("content/stories/carl/story.md", story_with("", "Hi"));
    site.write("content/stories/dana/index.md", story_with("", "Hi"));
    site.write("content/stories/dana/older/index.md", story_with("", "Hi"));
    site.write("content/stories/portraits/LICENSE.txt", "CC0");
    let run = site.check_json();
    let mut found: Vec<(String, String)> = run
        .json()
        .into_iter()
        .filter(|d| d["code"] == "not-a-story")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            (
                d["file"].as_str().unwrap().to_string(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let files: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        vec![
            "content/stories/bea-shouting.MD",
            "content/stories/carl/story.md",
            "content/stories/dana/older/index.md",
        ],
        "{}",
        run.stdout
    );
    assert!(found[0].1.contains("bea-shouting.md"), "{:?}", found[0]);
    assert!(
        found[1].1.contains("content/stories/carl/index.md"),
        "{:?}",
        found[1]
    );
    assert!(
        found[2].1.contains("content/stories/older/index.md"),
        "{:?}",
        found[2]
    );
}

/// The errors of `check --format json` with this code, as (line, column).
fn errors_of(run: &common::Run, code: &str) -> Vec<(u64, u64)> {
    run.json()
        .into_iter()
        .filter(|d| d["code"] == code && d["severity"] == "error")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect()
}

#[test]
fn check_and_build_reject_the_same_overlong_values_on_their_lines() {
    let site = TestSite::fixture("minimal");
    let long_tag = "t".repeat(300);
    let long_place = "Lisbon ".repeat(45);
    let tags: Vec<String> = (0..31).map(|i| format!("tag{i}")).collect();
    site.write(
        "content/stories/ana-example.md",
        story_with(
            &format!(
                "location: {long_place}\nskills: [{long_tag}]\ntags: [{}]\n",
                tags.join(", ")
            ),
            "Hi",
        ),
    );
    let long_name = format!("{}.md", "a".repeat(240));
    site.write(
        &format!("content/stories/{long_name}"),
        story_with("", "Hi"),
    );

    let check = site.check_json();
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert_eq!(errors_of(&check, "too-long").len(), 3, "{}", check.stdout);
    assert_eq!(
        errors_of(&check, "too-many"),
        vec![(14, 7)],
        "{}",
        check.stdout
    );
    let on_lines: Vec<u64> = errors_of(&check, "too-long").iter().map(|p| p.0).collect();
    assert!(
        on_lines.contains(&12) && on_lines.contains(&13),
        "{on_lines:?}"
    );

    let build = site.build();
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(
        build.stderr.contains("too-long") && build.stderr.contains("too-many"),
        "{}",
        build.stderr
    );
    assert!(
        !build.stderr.contains("File name too long"),
        "{}",
        build.stderr
    );
}

/// The fastest of three runs of `launchpad ARGS` on the site, in seconds.
fn best_time(site: &TestSite, args: &[&str]) -> f64 {
    (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            let run = site.run(args);
            assert!(run.code <= 1, "{}", run.stderr);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Times `launchpad ARGS` on a story made by `story(n)` and by
/// `story(10 * n)`: linear work takes about 10 times as long, quadratic
/// work 100 times. Process start-up makes the small run relatively slow,
/// so the ratio of a linear stage is about 10; 30 leaves room for this
/// shared machine's noise (a CI run once measured 16x for linear tags, on
/// a small run of 12 ms) and still fails quadratic work by a wide margin.
fn assert_linear(what: &str, n: usize, args: &[&str], story: impl Fn(usize) -> String) {
    let times: Vec<f64> = [n, 10 * n]
        .iter()
        .map(|&size| {
            let site = TestSite::fixture("minimal");
            site.write("content/stories/ana-example.md", story(size));
            best_time(&site, args)
        })
        .collect();
    let ratio = times[1] / times[0];
    eprintln!(
        "{what}: {n} -> {:.3} s, {} -> {:.3} s ({ratio:.1}x)",
        times[0],
        10 * n,
        times[1]
    );
    assert!(
        ratio < 30.0,
        "{what}: {}x the input took {ratio:.1}x the time ({:.3} s -> {:.3} s)",
        10,
        times[0],
        times[1]
    );
}

#[test]
fn identical_headings_cost_linear_time() {
    assert_linear("headings", 2000, &["build"], |n| {
        story_with("", &"## Same heading\n\nText.\n\n".repeat(n))
    });
}

#[test]
fn many_unsafe_links_on_one_line_cost_linear_time() {
    assert_linear("links on one line", 2000, &["check"], |n| {
        story_with("", &"[x](javascript:alert(1)) ".repeat(n))
    });
}

#[test]
fn many_diagnostics_in_the_human_format_cost_linear_time() {
    assert_linear("warnings, human format", 1000, &["check"], |n| {
        story_with("", &"<b>raw html</b>\n\n".repeat(n))
    });
}

#[test]
fn thousands_of_tags_cost_linear_time_and_are_refused() {
    assert_linear("tags", 5000, &["check"], |n| {
        let tags: Vec<String> = (0..n).map(|i| format!("tag number {i}")).collect();
        story_with(&format!("tags: [{}]\n", tags.join(", ")), "Hi")
    });
}

#[test]
fn long_runs_of_combining_marks_cost_linear_time_and_are_refused() {
    assert_linear("combining marks", 2000, &["build"], |n| {
        let name = format!("A{}na", "\u{301}".repeat(n));
        story_with("", "Hi").replacen("name: Ana Example", &format!("name: \"{name}\""), 1)
    });
}

/// Runs `launchpad ARGS --root SITE` with its address space capped at
/// `cap_mb` megabytes (`RLIMIT_AS`), as a CI runner's memory would be, and
/// `threads` worker threads, as on a machine with that many cores.
fn run_capped(site: &TestSite, args: &[&str], cap_mb: u64, threads: usize) -> common::Run {
    use std::os::unix::process::CommandExt as _;
    let cap = cap_mb * 1024 * 1024;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("launchpad"));
    cmd.args(args)
        .arg("--root")
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TEST_EPOCH)
        .env("RAYON_NUM_THREADS", threads.to_string());
    // SAFETY: setrlimit is async-signal-safe and touches no memory of ours.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: cap,
                rlim_max: cap,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let run = common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        out.status.code().is_some(),
        "launchpad was killed by a signal ({:?}) instead of reporting:\n{}",
        out.status,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A story in a bundle with `photo: p.EXT`.
fn story_with_photo(site: &TestSite, slug: &str, ext: &str, bytes: &[u8]) {
    site.write(
        &format!("content/stories/{slug}/index.md"),
        story_with(&format!("photo: p.{ext}\nphoto_alt: A portrait\n"), "Hi").replacen(
            "Ana Example",
            slug,
            1,
        ),
    );
    site.write(&format!("content/stories/{slug}/p.{ext}"), bytes);
}

/// A zlib stream of `gigabytes` GB of zeros in a few MB, made without
/// compressing gigabytes: after a full flush the compressor starts afresh,
/// so each 16 MB block of zeros compresses to the same bytes, repeated.
fn zlib_zeros(gigabytes: u64) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let block = vec![0u8; 16 << 20];
    let mut c = Compress::new(Compression::best(), true);
    let mut compress = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(1 << 20);
        c.compress_vec(input, &mut out, flush).unwrap();
        out
    };
    let first = compress(&block, FlushCompress::Full);
    let repeat = compress(&block, FlushCompress::Full);
    let blocks = gigabytes * 64;
    let mut stream = first;
    for _ in 1..blocks {
        stream.extend_from_slice(&repeat);
    }
    let mut tail = compress(&[], FlushCompress::Finish);
    // The checksum of all those zeros: Adler-32's first sum stays 1, the
    // second grows by 1 a byte.
    let total = blocks * block.len() as u64;
    let adler = ((total % 65521) << 16) as u32 | 1;
    let n = tail.len();
    tail[n - 4..].copy_from_slice(&adler.to_be_bytes());
    stream.extend_from_slice(&tail);
    stream
}

#[test]
fn a_png_with_a_colour_profile_bomb_is_read_within_bounded_memory() {
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, 16, 16);
        enc.set_color(png::ColorType::Rgb);
        let mut w = enc.write_header().unwrap();
        let mut iccp = b"bomb\0\0".to_vec();
        iccp.extend(zlib_zeros(3));
        w.write_chunk(png::chunk::iCCP, &iccp).unwrap();
        w.write_image_data(&[90u8; 16 * 16 * 3]).unwrap();
    }
    assert!(
        png.len() < 8 << 20,
        "the bomb is small: {} bytes",
        png.len()
    );
    let site = TestSite::fixture("minimal");
    story_with_photo(&site, "bea-bomb", "png", &png);
    // The profile is never inflated: the photo is its 16x16 pixels.
    for args in [&["check"][..], &["build"]] {
        let run = run_capped(&site, args, 1024, 2);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let page = site.read("stories/bea-bomb/index.html");
    assert!(
        page.contains("-16.jpg"),
        "the photo is published at its size"
    );
}

/// A baseline JPEG of the given size.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 70)
        .encode_image(&img)
        .unwrap();
    out
}

#[test]
fn a_tiny_jpeg_that_claims_a_huge_size_is_refused_not_published_grey() {
    let mut small = jpeg(8, 8);
    // The frame header (SOF0: FF C0, length, precision, height, width).
    let sof = small.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    small[sof + 5..sof + 7].copy_from_slice(&12_000u16.to_be_bytes());
    small[sof + 7..sof + 9].copy_from_slice(&12_000u16.to_be_bytes());
    assert!(small.len() < 1000);
    let site = TestSite::fixture("minimal");
    story_with_photo(&site, "carl-grey", "jpg", &small);
    let run = site.check_json();
    let bad: Vec<_> = run
        .json()
        .into_iter()
        .filter(|d| d["code"] == "bad-image")
        .collect();
    assert_eq!(bad.len(), 1, "{}", run.stdout);
    assert!(
        bad[0]["message"].as_str().unwrap().contains("12000x12000"),
        "{}",
        run.stdout
    );
    assert_eq!(bad[0]["file"], "content/stories/carl-grey/index.md");
    assert_eq!(site.build().code, 1);
}

#[test]
fn large_photos_decode_within_a_memory_budget_not_one_per_core() {
    // Six 8,000 px photos on a machine with six cores: decoded all at once
    // they would take about 4 GB, one after another under 1 GB.
    let img = image::RgbImage::from_pixel(8000, 8000, image::Rgb([200, 120, 40]));
    let mut big = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut big, 70)
        .encode_image(&img)
        .unwrap();
    drop(img);
    let site = TestSite::fixture("minimal");
    for i in 0..6 {
        // A comment segment after the start marker makes each file (and
        // its cache entry) different without encoding it again.
        let mut copy = big[..2].to_vec();
        let comment = format!("copy {i}");
        copy.extend_from_slice(&[0xFF, 0xFE]);
        copy.extend_from_slice(&((comment.len() + 2) as u16).to_be_bytes());
        copy.extend_from_slice(comment.as_bytes());
        copy.extend_from_slice(&big[2..]);
        story_with_photo(&site, &format!("big-{i}"), "jpg", &copy);
    }
    let run = run_capped(&site, &["build"], 1536, 6);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for i in 0..6 {
        let page = site.read(&format!("stories/big-{i}/index.html"));
        assert!(page.contains("-1440.jpg"), "big-{i} has its photo");
    }
}

/// The image cache's entries of one kind (`photos`, `cards`).
fn cache_entries(site: &TestSite, kind: &str) -> Vec<std::path::PathBuf> {
    let mut entries: Vec<_> = fs::read_dir(site.path(".launchpad-cache").join(kind))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries
}

/// Every output file's bytes, to look for what must not be published.
fn output_holds(site: &TestSite, needle: &[u8]) -> Vec<String> {
    site.output_tree()
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_poisoned_or_damaged_image_cache_is_a_miss_not_a_leak_or_a_failure() {
    let site = TestSite::fixture("minimal");
    story_with_photo(&site, "dora-photo", "jpg", &jpeg(600, 400));
    assert_eq!(site.build().code, 0);
    let secret = site.path("secret.txt");
    fs::write(&secret, "TOKEN=hunter2").unwrap();
    let entries = cache_entries(&site, "photos");
    assert_eq!(entries.len(), 1, "one photo entry expected");
    let entry = &entries[0];
    let seal_path = entry.join("seal.json");
    let seal: serde_json::Value = serde_json::from_slice(&fs::read(&seal_path).unwrap()).unwrap();

    // 1. The manifest points a variant outside the entry, and the seal
    //    lists that path.
    let mut manifest: serde_json::Value =
        serde_json::from_str(seal["manifest"].as_str().unwrap()).unwrap();
    manifest["variants"][0]["file"] = serde_json::json!("../../../secret.txt");
    let mut poisoned = seal.clone();
    poisoned["manifest"] = serde_json::json!(manifest.to_string());
    poisoned["files"]["../../../secret.txt"] = serde_json::json!(13);
    fs::write(&seal_path, poisoned.to_string()).unwrap();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        output_holds(&site, b"hunter2").is_empty(),
        "the secret was published"
    );

    // 2. A variant replaced by a link to the secret, of the right size.
    let entry = &cache_entries(&site, "photos")[0];
    let seal: serde_json::Value =
        serde_json::from_slice(&fs::read(entry.join("seal.json")).unwrap()).unwrap();
    let (name, _) = seal["files"].as_object().unwrap().iter().next().unwrap();
    let victim = entry.join(name);
    fs::remove_file(&victim).unwrap();
    std::os::unix::fs::symlink(&secret, &victim).unwrap();
    let mut relinked = seal.clone();
    relinked["files"][name.as_str()] = serde_json::json!(13);
    fs::write(entry.join("seal.json"), relinked.to_string()).unwrap();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        output_holds(&site, b"hunter2").is_empty(),
        "the secret was published"
    );

    // 3. A file of an entry is missing: the entry is made again, every time.
    for _ in 0..2 {
        for entry in cache_entries(&site, "photos")
            .iter()
            .chain(&cache_entries(&site, "cards"))
        {
            let seal: serde_json::Value =
                serde_json::from_slice(&fs::read(entry.join("seal.json")).unwrap()).unwrap();
            let name = seal["files"]
                .as_object()
                .unwrap()
                .keys()
                .next()
                .unwrap()
                .clone();
            fs::remove_file(entry.join(name)).unwrap();
        }
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let page = site.read("stories/dora-photo/index.html");
    assert!(page.contains("-480.jpg"), "the photo is published");
}

#[test]
fn the_same_photo_in_many_stories_builds_on_a_cold_cache() {
    let site = TestSite::fixture("minimal");
    let photo = jpeg(800, 600);
    for i in 0..16 {
        story_with_photo(&site, &format!("twin-{i}"), "jpg", &photo);
    }
    for round in 0..3 {
        let _ = fs::remove_dir_all(site.path(".launchpad-cache"));
        let run = run_capped(&site, &["build"], 4096, 8);
        assert_eq!(run.code, 0, "round {round}: {}", run.stderr);
        let leftovers: Vec<_> = fs::read_dir(site.path(".launchpad-cache/photos"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
}

#[test]
fn links_to_other_sites_give_them_neither_the_page_nor_its_address() {
    let site = TestSite::example();
    site.write(
        "content/stories/maria-santos.md",
        fs::read_to_string(site.path("content/stories/maria-santos.md")).unwrap_or_default()
            + "\nSee [our blog](https://blog.example.org/maria) and [the map](/paths/).\n",
    );
    let run = site.run(&["build", "--base-url", "https://careers.example.com/alumni/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut external = 0;
    for (path, bytes) in site.output_tree() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        for a in html.select(&scraper::Selector::parse("a[href]").unwrap()) {
            let href = a.value().attr("href").unwrap();
            let elsewhere = (href.starts_with("http://") || href.starts_with("https://"))
                && !href.starts_with("https://careers.example.com/");
            if elsewhere {
                external += 1;
                let rel: Vec<&str> = a.value().attr("rel").unwrap_or("").split(' ').collect();
                assert!(
                    rel.contains(&"noopener") && rel.contains(&"noreferrer"),
                    "{path}: {href} has rel {rel:?}"
                );
            }
        }
    }
    assert!(
        external > 20,
        "only {external} links to other sites were seen"
    );
}

#[test]
fn a_build_killed_while_writing_leaves_the_old_site_and_its_leftovers_go_next_time() {
    let site = TestSite::example();
    assert_eq!(site.build().code, 0);
    let before = site.read("index.html");
    // Cold image cache, so the build is still writing when it is killed.
    let _ = fs::remove_dir_all(site.path(".launchpad-cache"));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("launchpad"))
        .args(["build", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", common::TEST_EPOCH)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let staging = || {
        fs::read_dir(site.root())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".public.tmp-"))
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !staging() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        staging(),
        "the build was killed while it wrote its staging folder"
    );
    assert_eq!(
        site.read("index.html"),
        before,
        "the published site is untouched"
    );

    assert_eq!(site.build().code, 0);
    let left: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
