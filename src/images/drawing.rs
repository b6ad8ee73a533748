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

/// Keeps what the fonts can draw: other characters become their Latin
/// transliteration, or are dropped. Runs of white space become one space.
pub fn drawable(text: &str, weight: Weight) -> String {
    let charmap = Coverage::of(weight);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if charmap.has(c) {
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
/// `{{ line | script_runs | safe }}` in `card.svg`: a line of text, escaped,
/// with each run of Arabic in a `<tspan>` set in Noto Sans Arabic. resvg
/// falls back to another font glyph by glyph, which gives up on Arabic's
/// joined letters as soon as a line also has a character of Inter's (a
/// Latin name, `←`); a run in its own font is shaped whole.
pub fn script_runs(text: &str) -> String {
    let inter = fonts(Weight::Regular)[0].charmap();
    let all = Coverage::of(Weight::Regular);
    let mut out = String::with_capacity(text.len());
    let mut arabic = false;
    for c in text.chars() {
        let neutral = c.is_whitespace() || c.is_ascii_punctuation();
        let is_arabic = !neutral && inter.map(c).is_none() && all.has(c);
        if !neutral && is_arabic != arabic {
            out.push_str(if is_arabic {
                r#"<tspan font-family="Noto Sans Arabic">"#
            } else {
                "</tspan>"
            });
            arabic = is_arabic;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    if arabic {
        out.push_str("</tspan>");
    }
    out
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
    fn arabic_runs_are_set_in_the_arabic_font_and_text_is_escaped() {
        assert_eq!(script_runs("Ana <b> & Zoë"), "Ana &lt;b&gt; &amp; Zoë");
        assert_eq!(
            script_runs("Agent ← مديرة المنتج"),
            r#"Agent ← <tspan font-family="Noto Sans Arabic">مديرة المنتج</tspan>"#
        );
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
