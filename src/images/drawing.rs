//! Share cards: the 1200x630 PNG that unfurls when a recruiter shares a
//! story or a collection. The design is a Tera template (`card.svg`), so a
//! site restyles its cards by overriding one file; this module fits the text
//! to it and rasterises the SVG with resvg.
//!
//! Text is drawn with Inter, and Arabic with Noto Sans Arabic, both
//! compiled into the binary (OFL, licences in `assets/fonts/`): resvg
//! shapes Arabic (its letters joined) and lays it right to left. Text is
//! wrapped and shortened with an ellipsis using the fonts' own advance
//! widths. A character neither font has (李) is replaced by its Latin
//! transliteration (`Li`, via deunicode), and dropped if even that cannot
//! be drawn, so a card never shows missing-glyph boxes.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");
pub static ARABIC_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
pub static ARABIC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf");

/// Regular or bold Inter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// The bundled fonts of a weight, in the order resvg falls back through
/// them: Inter, then Noto Sans Arabic.
fn fonts(weight: Weight) -> [FontRef<'static>; 2] {
    let data = match weight {
        Weight::Regular => [REGULAR, ARABIC_REGULAR],
        Weight::Bold => [BOLD, ARABIC_BOLD],
    };
    data.map(|d| FontRef::new(d).expect("the bundled font parses"))
}

/// Whether one of the bundled fonts has a glyph for `c`.
struct Coverage([skrifa::charmap::Charmap<'static>; 2]);

impl Coverage {
    fn of(weight: Weight) -> Coverage {
        Coverage(fonts(weight).map(|f| f.charmap()))
    }

    fn has(&self, c: char) -> bool {
        self.0.iter().any(|m| m.map(c).is_some())
    }
}

/// The left-to-right and right-to-left marks: not drawn, but they order
/// the runs of a line (see [`script_runs`]).
const BIDI_MARKS: [char; 2] = ['\u{200E}', '\u{200F}'];

/// Keeps what the fonts can draw: other characters become their Latin
/// transliteration, or are dropped. Runs of white space become one space.
pub fn drawable(text: &str, weight: Weight) -> String {
    let charmap = Coverage::of(weight);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if charmap.has(c) || BIDI_MARKS.contains(&c) {
            out.push(c);
        } else if let Some(latin) = deunicode::deunicode_char(c) {
            // Pad with spaces between transliterated words (李小龍 -> Li Xiao Long).
            let latin = latin.trim();
            if out.chars().last().is_some_and(|p| !p.is_whitespace()) && latin.chars().count() > 1 {
                out.push(' ');
            }
            out.extend(latin.chars().filter(|&l| charmap.has(l)));
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Width of `text` at `size` pixels, from the advance widths of the font
/// each character is drawn with. Arabic letters take other shapes once
/// joined, of about the same width: close enough to wrap by.
pub fn measure(text: &str, weight: Weight, size: f32) -> f32 {
    let fonts = fonts(weight);
    let faces = fonts.each_ref().map(|f| {
        (
            f.charmap(),
            f.glyph_metrics(Size::new(size), LocationRef::default()),
        )
    });
    text.chars()
        .filter_map(|c| {
            faces
                .iter()
                .find_map(|(charmap, metrics)| metrics.advance_width(charmap.map(c)?))
        })
        .sum()
}

/// Wraps `text` into at most `max_lines` lines of `max_width` pixels; the
/// last line ends in an ellipsis if text was cut.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let text = drawable(text, weight);
    let width = |s: &str| measure(s, weight, size);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word longer than a line is broken between characters.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece) > max_width {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        current = piece;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("max_lines > 0");
        ellipsize(last, |s| width(s), max_width);
    }
    lines
}

fn ellipsize(line: &mut String, width: impl Fn(&str) -> f32, max_width: f32) {
    loop {
        let candidate = format!("{}…", line.trim_end_matches([' ', ',', '.', ';', ':', '-']));
        if width(&candidate) <= max_width || line.is_empty() {
            *line = candidate;
            return;
        }
        line.pop();
    }
}

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.load_font_data(ARABIC_REGULAR.to_vec());
        db.load_font_data(ARABIC_BOLD.to_vec());
        Arc::new(db)
    })
    .clone()
}

/// Only the bundled fonts, and no image but those inside the SVG as `data:`
/// URLs: an `<image href="/etc/...">` would otherwise be read from disk and
/// drawn into a published file.
fn options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fontdb(),
        font_family: "Inter".to_string(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| format!("the card is not valid SVG: {e}"))
}

/// An SVG from `content/` (a logo), parsed as the cards are.
pub fn tree_of_untrusted(svg: &[u8]) -> Result<usvg::Tree, usvg::Error> {
    usvg::Tree::from_data(svg, &options())
}

/// Text made safe to put inside an SVG element.
pub fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The glyphs a card's text is drawn with: the text of each that no
/// bundled font has (drawn as an empty box), and the fonts used.
#[derive(Debug, Default, PartialEq)]
pub struct Glyphs {
    pub missing: Vec<String>,
    pub families: std::collections::BTreeSet<String>,
}

pub fn glyphs(svg: &str) -> Result<Glyphs, String> {
    fn walk(group: &usvg::Group, db: &usvg::fontdb::Database, out: &mut Glyphs) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, db, out),
                usvg::Node::Text(text) => {
                    for glyph in text.layouted().iter().flat_map(|s| &s.positioned_glyphs) {
                        if glyph.id.0 == 0 {
                            out.missing.push(glyph.text.clone());
                        }
                        if let Some(face) = db.face(glyph.font) {
                            out.families
                                .extend(face.families.first().map(|(name, _)| name.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let tree = tree(svg)?;
    let mut out = Glyphs::default();
    walk(tree.root(), tree.fontdb(), &mut out);
    Ok(out)
}

/// Whether a card's SVG would rasterise: it parses, with its text laid out.
pub fn parse(svg: &str) -> Result<(), String> {
    tree(svg).map(|_| ())
}

/// Rasterises a card's SVG to PNG. Only the bundled fonts are available, so
/// the result is the same on every machine. `photo` says the card shows a
/// photo, which compresses no better at deflate level 1 than with fdeflate
/// at twice the speed.
pub fn rasterize(svg: &str, photo: bool) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the card")?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        WIDTH as f32 / size.width(),
        HEIGHT as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_png(&pixmap, photo).map_err(|e| format!("cannot encode the card: {e}"))
}

/// PNG at deflate level 1 without filters: a card without a photo is flat
/// colour, which this compresses to 54 KB in 1.8 ms where tiny-skia's own
/// encoder took 14 ms for 40 KB. With a photo, fdeflate with adaptive
/// filters: 1.9 ms against 3.6 ms at level 1, for 10% more bytes. An
/// opaque card, the usual kind, is written without alpha.
fn encode_png(pixmap: &tiny_skia::Pixmap, photo: bool) -> Result<Vec<u8>, png::EncodingError> {
    let pixels = pixmap.pixels();
    let opaque = pixels.iter().all(|p| p.alpha() == u8::MAX);
    let (color, data): (png::ColorType, Vec<u8>) = if opaque {
        // Premultiplied and unpremultiplied are the same when opaque.
        let mut rgb = Vec::with_capacity(pixels.len() * 3);
        for px in pixmap.data().chunks_exact(4) {
            rgb.extend_from_slice(&px[..3]);
        }
        (png::ColorType::Rgb, rgb)
    } else {
        let mut rgba = Vec::with_capacity(pixels.len() * 4);
        for p in pixels {
            let c = p.demultiply();
            rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        (png::ColorType::Rgba, rgba)
    };
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    if photo {
        encoder.set_deflate_compression(png::DeflateCompression::FdeflateUltraFast);
        encoder.set_filter(png::Filter::Adaptive);
    } else {
        encoder.set_deflate_compression(png::DeflateCompression::Level(1));
        encoder.set_filter(png::Filter::NoFilter);
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// `fit_text(text=..., size=40, width=620, lines=3, bold=false)`: the Tera
/// function card templates use to wrap text into lines that fit, measured
/// with the same font resvg draws with.
/// `{{ line | script_runs(x=80, size=36) | safe }}` in `card.svg`: a line
/// of text, escaped, as one `<tspan>` per run of a script, each at its own
/// `x`, Arabic set in Noto Sans Arabic. resvg shapes the text at one
/// position as a whole: on a line that mixed Arabic with Inter's
/// characters (a Latin name, `←`) it fell back font by font glyph by
/// glyph, or merged the runs' glyphs, which breaks Arabic's joined letters
/// (`لا` is one glyph) and can panic inside resvg 0.49. resvg also lays
/// every line out left to right; here the runs are ordered by the Unicode
/// bidirectional algorithm, from `x` rightwards, or with `end=true` (a
/// right-to-left card) as a right-to-left paragraph ending at `x`.
pub fn script_runs(text: &str, x: f32, end: bool, weight: Weight, size: f32) -> String {
    use unicode_bidi::{BidiInfo, Level};
    let inter = fonts(weight)[0].charmap();
    let level = if end { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(level));
    // (Arabic, text) pieces, left to right as they are seen.
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut split: Vec<(bool, &str)> = Vec::new();
            let mut from = run.start;
            let mut kind = None;
            for (i, c) in text[run.clone()].char_indices() {
                let arabic = inter.map(c).is_none();
                if kind.is_some_and(|k| k != arabic) {
                    split.push((kind == Some(true), &text[from..run.start + i]));
                    from = run.start + i;
                }
                kind = Some(arabic);
            }
            split.push((kind == Some(true), &text[from..run.end]));
            if rtl {
                split.reverse();
            }
            pieces.extend(split);
        }
    }
    // The marks have done their work: ordering the runs.
    let pieces: Vec<(bool, String)> = pieces
        .into_iter()
        .map(|(arabic, t)| (arabic, t.replace(BIDI_MARKS, "")))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let widths: Vec<f32> = pieces
        .iter()
        .map(|(arabic, t)| match arabic {
            true => shaped_width(t, weight, size),
            false => measure(t, weight, size),
        })
        .collect();
    let mut at = if end {
        x - widths.iter().sum::<f32>()
    } else {
        x
    };
    let mut out = String::new();
    for ((arabic, piece), width) in pieces.iter().zip(&widths) {
        out.push_str(&format!("<tspan x=\"{at:.1}\""));
        if *arabic {
            out.push_str(r#" font-family="Noto Sans Arabic""#);
        }
        out.push('>');
        out.push_str(&escape_xml(piece).replace('"', "&quot;"));
        out.push_str("</tspan>");
        at += width;
    }
    out
}

/// The width of Arabic text as resvg draws it, its letters joined (their
/// advance widths alone are those of letters standing apart, wider).
fn shaped_width(text: &str, weight: Weight, size: f32) -> f32 {
    let bold = if weight == Weight::Bold {
        r#" font-weight="700""#
    } else {
        ""
    };
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="400"><text x="0" y="200" font-family="Noto Sans Arabic" font-size="{size}"{bold}>{}</text></svg>"#,
        escape_xml(text)
    );
    tree(&svg).map_or_else(
        |_| measure(text, weight, size),
        |t| t.root().abs_bounding_box().width(),
    )
}

pub fn fit_text_function(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<Vec<String>> {
    let text = kwargs.must_get::<&str>("text")?;
    let size = kwargs.must_get::<f32>("size")?.clamp(4.0, 400.0);
    let width = kwargs.must_get::<f32>("width")?.clamp(10.0, 10_000.0);
    let lines = kwargs.get::<u32>("lines")?.unwrap_or(1).clamp(1, 20) as usize;
    let weight = if kwargs.get::<bool>("bold")?.unwrap_or(false) {
        Weight::Bold
    } else {
        Weight::Regular
    };
    Ok(fit(text, weight, size, width, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_names_are_kept_as_written() {
        for name in [
            "João Conceição",
            "Zoë Martin",
            "Siobhán Kelly",
            "Chloé Dubois",
        ] {
            assert_eq!(drawable(name, Weight::Bold), name);
        }
    }

    #[test]
    fn each_run_of_a_script_is_placed_on_its_own_and_text_is_escaped() {
        let plain = script_runs("Ana <b> & Zoë", 80.0, false, Weight::Regular, 36.0);
        assert_eq!(plain, r#"<tspan x="80.0">Ana &lt;b&gt; &amp; Zoë</tspan>"#);
        let mixed = script_runs("Agent ← مديرة", 80.0, false, Weight::Regular, 36.0);
        let agent = measure("Agent ← ", Weight::Regular, 36.0);
        assert_eq!(
            mixed,
            format!(
                r#"<tspan x="80.0">Agent ← </tspan><tspan x="{:.1}" font-family="Noto Sans Arabic">مديرة</tspan>"#,
                80.0 + agent
            )
        );
    }

    #[test]
    fn right_to_left_the_first_words_are_on_the_right() {
        // Untranslated role titles on an Arabic card: the journey starts
        // at the right edge and its arrows point the way it reads.
        // As the card writes a journey right to left: marks around arrows.
        let line = script_runs(
            "Agent\u{200F} ← \u{200F}Team Lead",
            1120.0,
            true,
            Weight::Bold,
            28.0,
        );
        let agent = line.find(">Agent<").unwrap_or_else(|| panic!("{line}"));
        let lead = line.find(">Team Lead<").expect("its own piece");
        assert!(lead < agent, "Team Lead is left of Agent: {line}");
        let x_of = |at: usize| -> f32 {
            let tag = &line[..at];
            let x = &tag[tag.rfind("x=\"").unwrap() + 3..];
            x[..x.find('"').unwrap()].parse().unwrap()
        };
        let right = x_of(agent) + measure("Agent", Weight::Bold, 28.0);
        assert!((right - 1120.0).abs() < 0.2, "{line}");
    }

    #[test]
    fn lines_that_mix_arabic_and_latin_draw_every_glyph() {
        // `لا` is one glyph in Noto Sans Arabic: merged with a Latin run,
        // resvg 0.49 panicked or dropped it.
        for text in [
            "x لا y",
            "Example لا",
            "لا Example",
            "الأمراني Example الأمراني",
            "Careers at Example Telecom: إلى أين",
        ] {
            for end in [false, true] {
                let line = script_runs(
                    text,
                    if end { 1120.0 } else { 80.0 },
                    end,
                    Weight::Bold,
                    28.0,
                );
                let svg = format!(
                    r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><text y="100" font-family="Inter" font-weight="700" font-size="28">{line}</text></svg>"#
                );
                let glyphs = glyphs(&svg).unwrap();
                assert_eq!(glyphs.missing, Vec::<String>::new(), "{text}");
            }
        }
    }

    #[test]
    fn characters_the_font_lacks_are_transliterated_not_boxed() {
        assert_eq!(drawable("李小龍", Weight::Bold), "Li Xiao Long");
        assert_eq!(drawable("Ana 李", Weight::Regular), "Ana Li");
    }

    #[test]
    fn long_text_wraps_and_ends_with_an_ellipsis() {
        let text = "From night-shift agent to product manager in four years, with a six month loan to the billing app team along the way";
        let lines = fit(text, Weight::Regular, 40.0, 600.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(measure(l, Weight::Regular, 40.0) <= 600.0, "{l}");
        }
        assert_eq!(fit("Short", Weight::Regular, 40.0, 600.0, 2), vec!["Short"]);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let lines = fit(&"W".repeat(60), Weight::Bold, 60.0, 500.0, 3);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| measure(l, Weight::Bold, 60.0) <= 500.0)
        );
    }
}
