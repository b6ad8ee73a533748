//! Photos and share cards: sizes, orientation, no metadata in any output,
//! the cache, and a diagnostic for every kind of bad image.

mod common;

use std::io::Cursor;

use common::{TestSite, attrs};
use image::{GenericImageView, ImageDecoder, ImageReader, Rgb, RgbImage};

const CAMERA_MAKE: &str = "LaunchpadTestCam Industries";
const CAMERA_MODEL: &str = "SpyPhone 9000";
const GPS_DATUM: &str = "SECRET-GPS-DATUM";
const SECRETS: &[&str] = &[
    "Exif",
    CAMERA_MAKE,
    "LaunchpadTestCam",
    CAMERA_MODEL,
    GPS_DATUM,
    "xmpmeta",
    "adobe",
];

/// A little-endian TIFF IFD entry.
fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
    out.extend_from_slice(&tag.to_le_bytes());
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&value.to_le_bytes());
}

/// An EXIF APP1 segment: camera make and model, orientation 6 ("rotate 90
/// degrees clockwise to display"), and a GPS block.
fn exif_segment() -> Vec<u8> {
    let make = format!("{CAMERA_MAKE}\0");
    let model = format!("{CAMERA_MODEL}\0");
    let datum = format!("{GPS_DATUM}\0");
    let ifd0_len = 2 + 4 * 12 + 4;
    let make_at = 8 + ifd0_len;
    let model_at = make_at + make.len();
    let gps_at = model_at + model.len();
    let datum_at = gps_at + 2 + 2 * 12 + 4;
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut tiff, 0x010F, 2, make.len() as u32, make_at as u32);
    entry(&mut tiff, 0x0110, 2, model.len() as u32, model_at as u32);
    entry(&mut tiff, 0x0112, 3, 1, 6);
    entry(&mut tiff, 0x8825, 4, 1, gps_at as u32);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(make.as_bytes());
    tiff.extend_from_slice(model.as_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut tiff, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut tiff, 0x0012, 2, datum.len() as u32, datum_at as u32);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(datum.as_bytes());
    app1(&[b"Exif\0\0".as_slice(), &tiff].concat())
}

fn app1(payload: &[u8]) -> Vec<u8> {
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    seg.extend_from_slice(payload);
    seg
}

fn xmp_segment() -> Vec<u8> {
    let xmp = format!(
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description tiff:Make='{CAMERA_MAKE}' exif:GPSLatitude='38,42.5N'/></rdf:RDF></x:xmpmeta>"
    );
    app1(xmp.as_bytes())
}

/// A 1600x1200 JPEG stored landscape whose top-left quadrant is red, with
/// EXIF (orientation 6, camera, GPS) and XMP.
fn landscape_phone_photo() -> Vec<u8> {
    let img = RgbImage::from_fn(1600, 1200, |x, y| {
        if x < 800 && y < 600 {
            Rgb([230, 20, 20])
        } else {
            Rgb([20, 60, 200])
        }
    });
    let plain = jpeg(&img);
    [&plain[..2], &exif_segment(), &xmp_segment(), &plain[2..]].concat()
}

fn jpeg(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

/// A small PNG file whose header claims `width` x `height` pixels: what a
/// decompression bomb looks like before anyone decodes it.
fn png_with_size(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    // A zlib stream of nothing stands in for the pixel data.
    for (kind, data) in [
        (&b"IHDR"[..], &ihdr[..]),
        (b"IDAT", b"\x78\x9c\x03\x00\x00\x00\x00\x01"),
        (b"IEND", b""),
    ] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let chunk = [kind, data].concat();
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    png
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The photo is on line 4, its value at column 8.
fn photo_story(name: &str) -> String {
    format!(
        "---\nname: {name}\nheadline: A story with a photo\nphoto: p.jpg\nphoto_alt: {name} at work\nconsent: true\ndate: 2026-01-10\njourney:\n  - {{role: agent, from: 2020-01, to: 2021-01}}\n  - {{role: team-lead, from: 2021-01}}\n---\n\nBody.\n"
    )
}

fn site_with_photo(photo: &[u8]) -> TestSite {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/stories/ana-photo/index.md",
        photo_story("Ana Photo"),
    );
    site.write("content/stories/ana-photo/p.jpg", photo);
    site
}

fn outputs_under(site: &TestSite, prefix: &str) -> Vec<(String, Vec<u8>)> {
    site.output_tree()
        .into_iter()
        .filter(|(p, _)| p.starts_with(prefix))
        .collect()
}

/// The cards of the home page, listings, career map and collections page,
/// which every site has besides its stories' and collections'.
fn page_cards(site: &TestSite) -> usize {
    outputs_under(site, "cards/pages/").len()
}

/// Story and collection cards.
fn own_cards(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    outputs_under(site, "cards/")
        .into_iter()
        .filter(|(p, _)| !p.starts_with("cards/pages/"))
        .collect()
}

#[test]
fn photos_are_oriented_resized_and_keep_no_metadata() {
    let source = landscape_phone_photo();
    // The fixture really carries what the output must not.
    let mut decoder = ImageReader::new(Cursor::new(&source))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    assert_eq!(
        decoder.orientation().unwrap(),
        image::metadata::Orientation::Rotate90
    );
    for secret in SECRETS {
        assert!(
            contains(&source, secret.as_bytes()),
            "the fixture lacks {secret}"
        );
    }

    let site = site_with_photo(&source);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let photos = outputs_under(&site, "img/");
    let sizes: Vec<(String, u32, u32)> = photos
        .iter()
        .map(|(p, b)| {
            let img = image::load_from_memory(b).unwrap();
            (
                p.rsplit('.').next().unwrap().to_string(),
                img.width(),
                img.height(),
            )
        })
        .collect();
    // Portrait after orientation: 1200x1600, so 1440 would upscale and is skipped.
    for (w, h) in [(480, 640), (960, 1280)] {
        assert!(sizes.contains(&("jpg".into(), w, h)), "{sizes:?}");
    }
    assert!(sizes.iter().all(|(_, w, _)| *w != 1440), "{sizes:?}");
    for (path, bytes) in &photos {
        let img = image::load_from_memory(bytes).unwrap();
        let (w, h) = img.dimensions();
        // Rotating 90 degrees clockwise moves the red top-left to the top-right.
        let top_right = img.get_pixel(w * 3 / 4, h / 4);
        let top_left = img.get_pixel(w / 4, h / 4);
        assert!(
            top_right[0] > 150 && top_right[2] < 100,
            "{path}: top right is {top_right:?}"
        );
        assert!(
            top_left[2] > 150 && top_left[0] < 100,
            "{path}: top left is {top_left:?}"
        );
    }
    for (path, bytes) in outputs_under(&site, "img/")
        .iter()
        .chain(&outputs_under(&site, "cards/"))
    {
        for secret in SECRETS {
            assert!(
                !contains(bytes, secret.as_bytes()),
                "{path} contains {secret}"
            );
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn story_pages_use_a_picture_with_srcset_sizes_and_dimensions() {
    let site = site_with_photo(&landscape_phone_photo());
    assert_eq!(site.build().code, 0);
    let html = site.html("stories/ana-photo/index.html");
    let img = |a| attrs(&html, ".story-portrait img", a);
    assert_eq!(img("alt"), vec!["Ana Photo at work"]);
    assert_eq!(
        (img("width"), img("height")),
        (vec!["960".to_string()], vec!["1280".to_string()])
    );
    assert!(
        img("srcset")[0].contains(" 480w, ") && img("srcset")[0].ends_with(" 960w"),
        "{:?}",
        img("srcset")
    );
    assert!(!img("sizes").is_empty());
    assert!(
        attrs(&html, ".story-portrait source[type='image/webp']", "srcset")[0].contains("480w")
    );
    for src in img("srcset")[0]
        .split(", ")
        .map(|c| c.split(' ').next().unwrap())
    {
        assert!(
            site.path("public")
                .join(src.trim_start_matches("/alumni/"))
                .is_file(),
            "{src}"
        );
    }
    let card = attrs(&html, "meta[property='og:image']", "content");
    assert!(
        card[0].starts_with("https://example.org/alumni/cards/ana-photo-"),
        "{card:?}"
    );
    assert_eq!(
        attrs(&html, "meta[property='og:image:width']", "content"),
        vec!["1200"]
    );
    assert_eq!(
        attrs(&html, "meta[property='og:image:height']", "content"),
        vec!["630"]
    );
    assert_eq!(attrs(&html, "meta[name='twitter:image']", "content"), card);
    // On listings, the photo is the card's portrait, loaded lazily.
    let index = site.html("index.html");
    assert_eq!(
        attrs(&index, ".results .portrait img", "alt"),
        vec!["Ana Photo at work"]
    );
    assert_eq!(
        attrs(&index, ".results .portrait img", "loading"),
        vec!["lazy"]
    );
}

#[test]
fn a_photo_narrower_than_every_width_is_published_at_its_own_size() {
    let site = site_with_photo(&jpeg(&RgbImage::from_pixel(300, 200, Rgb([10, 120, 10]))));
    assert_eq!(site.build().code, 0);
    let sizes: Vec<(u32, u32)> = outputs_under(&site, "img/")
        .iter()
        .map(|(_, b)| image::load_from_memory(b).unwrap().dimensions())
        .collect();
    assert!(
        !sizes.is_empty() && sizes.iter().all(|&s| s == (300, 200)),
        "{sizes:?}"
    );
}

#[test]
fn a_warm_build_does_no_image_work_and_one_changed_photo_is_all_that_is_redone() {
    let site = site_with_photo(&landscape_phone_photo());
    site.write("content/stories/bo-photo/index.md", photo_story("Bo Photo"));
    site.write(
        "content/stories/bo-photo/p.jpg",
        jpeg(&RgbImage::from_pixel(800, 600, Rgb([200, 200, 0]))),
    );
    let cold = site.build();
    let cards = 3 + page_cards(&site);
    assert!(
        cold.stderr.contains(&format!(
            "(2 photos and {cards} cards processed, 0 and 0 from cache)"
        )),
        "{}",
        cold.stderr
    );
    site.remove("public");
    let warm = site.build();
    assert!(
        warm.stderr.contains(&format!(
            "(0 photos and 0 cards processed, 2 and {cards} from cache)"
        )),
        "{}",
        warm.stderr
    );
    assert!(
        site.path("public/img").is_dir(),
        "cached photos are still published"
    );
    site.write(
        "content/stories/bo-photo/p.jpg",
        jpeg(&RgbImage::from_pixel(800, 600, Rgb([0, 200, 200]))),
    );
    let changed = site.build();
    assert!(
        changed.stderr.contains(&format!(
            "(1 photos and 1 cards processed, 1 and {} from cache)",
            cards - 1
        )),
        "{}",
        changed.stderr
    );
}

#[test]
fn cache_entries_no_longer_used_are_pruned() {
    let site = site_with_photo(&landscape_phone_photo());
    assert_eq!(site.build().code, 0);
    let count = |kind: &str| {
        std::fs::read_dir(site.path(".launchpad-cache").join(kind)).map_or(0, |d| d.count())
    };
    assert_eq!(
        (count("photos"), count("cards")),
        (1, 2 + page_cards(&site))
    );
    site.remove("content/stories/ana-photo");
    assert_eq!(site.build().code, 0);
    assert_eq!(
        (count("photos"), count("cards")),
        (0, 1 + page_cards(&site))
    );
}

#[test]
fn share_cards_are_1200x630_pngs_for_every_story_and_collection() {
    let site = site_with_photo(&landscape_phone_photo());
    site.write(
        "content/collections/picks.yaml",
        "title: Picks\nintro: Two stories.\nstories: [ana-photo, ana-example]\n",
    );
    assert_eq!(site.build().code, 0);
    let cards = own_cards(&site);
    let names: Vec<&str> = cards.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(cards.len(), 3, "{names:?}");
    for (path, bytes) in &outputs_under(&site, "cards/") {
        assert!(bytes.starts_with(b"\x89PNG"), "{path}");
        assert_eq!(
            image::load_from_memory(bytes).unwrap().dimensions(),
            (1200, 630),
            "{path}"
        );
    }
    let collection = site.html("collections/picks/index.html");
    let og = attrs(&collection, "meta[property='og:image']", "content");
    assert!(og[0].contains("/cards/collection-picks-"), "{og:?}");
}

#[test]
fn names_in_any_script_render_a_card_without_failing() {
    let site = TestSite::fixture("minimal");
    for (slug, name) in [
        ("li", "李小龍"),
        ("joao", "João Conceição"),
        ("zoe", "Zoë"),
        ("siobhan", "Siobhán"),
        ("mix", "Ana 李 ✈ Ωmega"),
        // Arabic beside Latin letters, with `لا`, one glyph once joined.
        ("arabic", "Ana لا فاطمة Benali"),
    ] {
        site.write(
            &format!("content/stories/{slug}.md"),
            photo_story(name).replace("photo: p.jpg\n", ""),
        );
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(own_cards(&site).len(), 7);
    for (path, bytes) in outputs_under(&site, "cards/") {
        assert_eq!(
            image::load_from_memory(&bytes).unwrap().dimensions(),
            (1200, 630),
            "{path}"
        );
    }
}

const STORY: &str = "content/stories/ana-photo/index.md";

fn expect_bad_photo(photo: &[u8], code: &str) {
    let site = site_with_photo(photo);
    let check = site.check_json();
    assert_eq!(check.code, 1, "{}", check.stdout);
    let found = check.json().into_iter().find(|d| d["code"] == code);
    let d = found.unwrap_or_else(|| panic!("no {code} in {}", check.stdout));
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some(STORY), Some(4), Some(8)),
        "{d}"
    );
    let build = site.build();
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert!(
        build.stderr.contains(&format!("error[{code}]")),
        "{}",
        build.stderr
    );
    // Photos are checked after validation, when a build keeps only the
    // stories' front matter: the line is still quoted.
    assert!(
        build.stderr.contains("4 | photo: p.jpg"),
        "{}",
        build.stderr
    );
    assert!(!site.path("public").exists(), "nothing is published");
}

#[test]
fn a_truncated_jpeg_is_reported_on_the_photo_line() {
    let full = jpeg(&RgbImage::from_pixel(640, 480, Rgb([1, 2, 3])));
    expect_bad_photo(&full[..full.len() / 2], "bad-image");
}

#[test]
fn a_zero_byte_photo_is_reported() {
    expect_bad_photo(b"", "bad-image");
}

#[test]
fn a_text_file_named_jpg_is_reported() {
    expect_bad_photo(b"This is not a photo, it is a note.\n", "unsupported-image");
}

#[test]
fn a_png_claiming_50000_pixels_a_side_is_refused_before_decoding() {
    expect_bad_photo(&png_with_size(50_000, 50_000), "image-too-large");
}

#[test]
fn a_gif_named_jpg_is_an_unsupported_format() {
    expect_bad_photo(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;", "unsupported-image");
}

#[test]
fn images_rebuilt_from_an_empty_cache_are_byte_identical() {
    let site = site_with_photo(&landscape_phone_photo());
    assert_eq!(site.build().code, 0);
    let first: Vec<(String, Vec<u8>)> = site
        .output_tree()
        .into_iter()
        .filter(|(p, _)| p.starts_with("img/") || p.starts_with("cards/"))
        .collect();
    site.remove(".launchpad-cache");
    site.remove("public");
    assert_eq!(site.build().code, 0);
    let second: Vec<(String, Vec<u8>)> = site
        .output_tree()
        .into_iter()
        .filter(|(p, _)| p.starts_with("img/") || p.starts_with("cards/"))
        .collect();
    assert!(first.len() >= 5, "{} image files", first.len());
    assert!(
        first == second,
        "re-encoding the same photo gave different files"
    );
}

/// The cache folder of one kind made unwritable: a file where its folder goes.
fn block_cache(site: &TestSite, kind: &str) {
    site.write(&format!(".launchpad-cache/{kind}"), "not a folder");
}

#[test]
fn a_photo_cache_that_cannot_be_written_is_an_io_error_not_a_bad_photo() {
    let site = TestSite::fixture("alumni");
    block_cache(&site, "photos");
    let run = site.build();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot write the image cache at")
            && run.stderr.contains(".launchpad-cache/photos/"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("bad-image"), "{}", run.stderr);
    assert!(!run.stderr.contains("content/stories"), "{}", run.stderr);
}

#[test]
fn a_card_cache_that_cannot_be_written_is_an_io_error_not_a_template_error() {
    let site = TestSite::fixture("minimal");
    block_cache(&site, "cards");
    let run = site.build();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot write the image cache at")
            && run.stderr.contains(".launchpad-cache/cards/"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("template-error"), "{}", run.stderr);
}
