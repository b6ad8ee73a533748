//! The brand stage: the logo's size (for the header and the share cards)
//! and the icons browsers and phones ask for, drawn from the logo or, without
//! one, from the site's initial on the primary colour. A site without any
//! icon makes every browser request `/favicon.ico` and log a 404.

use base64::Engine as _;
use resvg::tiny_skia;

use crate::content::StaticFile;
use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::images::drawing;
use crate::palette::{self, Palette};
use crate::render::Output;
use crate::routes::Route;
use crate::site::Site;

/// A logo larger than this is not a logo: it would slow every page.
const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;

/// The icon sizes made: the browser tab's and the home screen's
/// (`apple-touch-icon`, which iOS fills on black if transparent).
pub const ICON_SIZES: [u32; 2] = [32, 180];

/// The site's logo, read and measured.
#[derive(Debug, Clone)]
pub struct Logo {
    /// Its path under `content/static/`, which is where it is published.
    pub path: String,
    /// Its size in CSS pixels (an SVG's `width`/`height` or `viewBox`).
    pub width: f32,
    pub height: f32,
    /// The file as a `data:` URL, for drawing it onto cards and icons.
    pub data_url: String,
    /// A hash of the file: part of every share card's cache key.
    pub hash: blake3::Hash,
}

impl Logo {
    /// Its size scaled to fit in `max_width` x `max_height`, keeping its
    /// shape.
    pub fn fit(&self, max_width: f32, max_height: f32) -> (f32, f32) {
        let scale = (max_width / self.width).min(max_height / self.height);
        (self.width * scale, self.height * scale)
    }
}

/// What the brand stage made.
#[derive(Debug, Default)]
pub struct BrandAssets {
    pub logo: Option<Logo>,
    pub palette: Palette,
    /// The icons, in `ICON_SIZES` order.
    pub icons: Vec<Output>,
}

/// Reads the logo named in site.yaml and draws the icons. A logo that
/// cannot be read or drawn is an error on its file.
pub fn brand_assets(site: &Site, statics: &[StaticFile]) -> Result<BrandAssets, Vec<Diagnostic>> {
    let brand = &site.config.brand;
    let palette = Palette::new(brand.primary, brand.accent);
    let logo = match &brand.logo {
        Some(path) => {
            let file = statics.iter().rev().find(|f| &f.out_path == path);
            match file.map(|f| read_logo(path, &f.source)) {
                Some(Ok(logo)) => Some(logo),
                Some(Err(why)) => return Err(logo_error(path, why)),
                // Validation found it among the static files.
                None => None,
            }
        }
        None => None,
    };
    let initial = initial(if site.config.company.is_empty() {
        &site.config.title
    } else {
        &site.config.company
    });
    let mut icons = Vec::new();
    for size in ICON_SIZES {
        let svg = icon_svg(logo.as_ref(), &palette, &initial, size);
        match draw(&svg, size) {
            Ok(png) => icons.push(Output::bytes(Route::Icon(size).file(), png)),
            Err(why) => {
                let path = brand.logo.as_deref().unwrap_or("logo");
                return Err(logo_error(path, why));
            }
        }
    }
    Ok(BrandAssets {
        logo,
        palette,
        icons,
    })
}

fn logo_error(path: &str, why: String) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    Reporter::new(&format!("content/static/{path}"), &mut out)
        .error(Pos::START, "bad-logo", why)
        .help("export the logo again as a plain SVG or PNG (under 2 MB), or remove `brand.logo` from site.yaml");
    out
}

fn read_logo(path: &str, source: &std::path::Path) -> Result<Logo, String> {
    let len = std::fs::metadata(source)
        .map_err(|e| format!("cannot read the logo: {e}"))?
        .len();
    if len > MAX_LOGO_BYTES {
        return Err(format!(
            "the logo is {} KB; a logo must be under {} KB",
            len / 1024,
            MAX_LOGO_BYTES / 1024
        ));
    }
    let bytes = std::fs::read(source).map_err(|e| format!("cannot read the logo: {e}"))?;
    let svg = path.to_ascii_lowercase().ends_with(".svg");
    let (width, height) = if svg {
        let tree = drawing::tree_of_untrusted(&bytes)
            .map_err(|e| format!("the logo is not valid SVG: {e}"))?;
        (tree.size().width(), tree.size().height())
    } else {
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let reader = decoder
            .read_info()
            .map_err(|e| format!("the logo is not a valid PNG: {e}"))?;
        let info = reader.info();
        (info.width as f32, info.height as f32)
    };
    if !(width >= 1.0 && height >= 1.0) {
        return Err("the logo has no size".into());
    }
    let mime = if svg { "image/svg+xml" } else { "image/png" };
    Ok(Logo {
        path: path.to_string(),
        width,
        height,
        data_url: format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        ),
        hash: blake3::hash(&bytes),
    })
}

/// The first letter or digit of `name` that the bundled font can draw.
fn initial(name: &str) -> String {
    drawing::drawable(name, drawing::Weight::Bold)
        .chars()
        .find(|c| c.is_alphanumeric())
        .map_or_else(|| "•".to_string(), |c| c.to_uppercase().collect())
}

/// An icon: the logo on white (the home-screen icon must be opaque) or
/// transparent in a browser tab, else the initial on the primary colour.
fn icon_svg(logo: Option<&Logo>, palette: &Palette, initial: &str, size: u32) -> String {
    let s = size as f32;
    match logo {
        Some(logo) => {
            let opaque = size >= 64;
            let pad = if opaque { s * 0.1 } else { 0.0 };
            let (w, h) = logo.fit(s - 2.0 * pad, s - 2.0 * pad);
            let background = if opaque {
                format!(
                    r#"<rect width="{s}" height="{s}" fill="{}"/>"#,
                    palette::LIGHT_BG
                )
            } else {
                String::new()
            };
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{s}" height="{s}">{background}<image href="{}" x="{}" y="{}" width="{w}" height="{h}"/></svg>"#,
                logo.data_url,
                (s - w) / 2.0,
                (s - h) / 2.0
            )
        }
        None => {
            let radius = if size >= 64 { 0.0 } else { s * 0.2 };
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{s}" height="{s}"><rect width="{s}" height="{s}" rx="{radius}" fill="{}"/><text x="{}" y="{}" text-anchor="middle" font-family="Inter" font-weight="700" font-size="{}" fill="{}">{}</text></svg>"#,
                palette.brand,
                s / 2.0,
                s * 0.7,
                s * 0.6,
                palette.on_brand,
                drawing::escape_xml(initial)
            )
        }
    }
}

fn draw(svg: &str, size: u32) -> Result<Vec<u8>, String> {
    let tree = drawing::tree_of_untrusted(svg.as_bytes())
        .map_err(|e| format!("cannot draw the icon: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("cannot allocate the icon")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the icon: {e}"))
}
