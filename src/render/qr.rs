//! QR codes for the share kits, drawn as inline SVG so they print sharply
//! at any size. The `qrcode` crate encodes; we draw the modules as one
//! path, the same way the kit's script redraws them in the browser.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// `text` as an SVG QR code (error correction M, which survives a crease
/// or a smudge on a printed flyer), with `label` as its accessible name.
/// `None` when `text` is too long for any QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(width * width * 4);
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let label = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_is_square_with_a_quiet_zone_and_an_accessible_name() {
        let svg = svg("https://x.com/stories/a/?utm_medium=qr", "QR code <a>").unwrap();
        // Version 3 (29 modules) holds this URL at level M; plus 4 either side.
        assert!(svg.contains(r#"viewBox="0 0 37 37""#), "{svg}");
        assert!(svg.contains(r#"aria-label="QR code &lt;a>""#));
        assert!(svg.contains("M4 4h7v1h-7z"), "the finder pattern's top row");
    }
}
