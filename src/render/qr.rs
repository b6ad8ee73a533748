//! QR codes for the share kits, drawn as inline SVG so they print sharply
//! at any size. The `qrcode` crate encodes; we choose the mask and draw the
//! modules as one path, the same way the kit's script redraws them in the
//! browser.
//!
//! Choosing the mask is ours because the crate's penalty scoring took 1.5
//! ms of CPU a code, which was most of a 10,000-story build (one kit per
//! story); scoring the same four rules over plain rows of booleans takes a
//! tenth of that. Any of the eight masks makes a valid code: the rules only
//! pick the one that scans most easily.

use std::fmt::Write as _;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// Modules of light margin around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// `text` as an SVG QR code (error correction M, which survives a crease
/// or a smudge on a printed flyer), with `label` as its accessible name.
/// `None` when `text` is too long for any QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let (width, colors) = encode(text.as_bytes())?;
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
                let _ = write!(
                    path,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                );
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

/// The code's width in modules and its modules, row by row.
fn encode(data: &[u8]) -> Option<(usize, Vec<Color>)> {
    let bits = qrcode::bits::encode_auto(data, EcLevel::M).ok()?;
    let version = bits.version();
    let width = usize::try_from(version.width()).ok()?;
    if width > 128 {
        // Over 1,000 bytes: no share link is this long; the crate's own
        // (slower) choice of mask will do.
        let code = qrcode::QrCode::with_bits(bits, EcLevel::M).ok()?;
        return Some((width, code.into_colors()));
    }
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            masked.into_colors()
        })
        .min_by_key(|colors| penalty(&rows(colors, width), width))
        .map(|colors| (width, colors))
}

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

const FINDER_AFTER_LIGHT: [bool; 11] = [
    false, false, false, false, true, false, true, true, true, false, true,
];
const FINDER_BEFORE_LIGHT: [bool; 11] = [
    true, false, true, true, true, false, true, false, false, false, false,
];

/// Each row of a code at most 128 modules wide as bits: bit `x` is the
/// module in column `x`, set when dark.
fn rows(colors: &[Color], width: usize) -> Vec<u128> {
    colors
        .chunks(width)
        .map(|row| {
            row.iter().enumerate().fold(0, |bits, (x, &c)| {
                bits | (u128::from(c == Color::Dark) << x)
            })
        })
        .collect()
}

/// The standard's penalty (ISO/IEC 18004, 7.8.3): runs of five or more
/// modules alike, 2x2 blocks alike, finder-like 1:1:3:1:1 patterns with
/// four light modules on one side, and the share of dark modules away from
/// half. On rows of bits, without a branch on a module: a branch per
/// module mispredicts half the time on a QR code's noise.
fn penalty(rows: &[u128], width: usize) -> u32 {
    let all = if width >= 128 {
        u128::MAX
    } else {
        (1u128 << width) - 1
    };
    let pairs = all >> 1;
    let mut columns = vec![0u128; width];
    for (y, &row) in rows.iter().enumerate() {
        for (x, column) in columns.iter_mut().enumerate() {
            *column |= ((row >> x) & 1) << y;
        }
    }
    // A run of k >= 5 alike costs k - 2. `same` marks each module alike to
    // the next; `long` each start of four such in a row (k - 4 of them in a
    // run of k): k - 2 is those plus 2 for each run of them.
    let line = |bits: u128| -> u32 {
        let same = !(bits ^ (bits >> 1)) & pairs;
        let long = same & (same >> 1) & (same >> 2) & (same >> 3);
        let runs = long & !(long << 1);
        let mut score = long.count_ones() + 2 * runs.count_ones();
        // Light x4 then dark-light-dark-dark-dark-light-dark, and reversed,
        // at every start at once: bit s of `at` stays set while module s + j
        // is as the pattern's module j says.
        let starts = if width >= 11 { all >> 10 } else { 0 };
        for pattern in [FINDER_AFTER_LIGHT, FINDER_BEFORE_LIGHT] {
            let mut at = starts;
            for (j, &dark) in pattern.iter().enumerate() {
                at &= if dark { bits >> j } else { !(bits >> j) };
            }
            score += 40 * at.count_ones();
        }
        score
    };
    let mut score: u32 = rows.iter().chain(&columns).map(|&bits| line(bits)).sum();
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let vertical = !(a ^ b) & all;
        let horizontal = !(a ^ (a >> 1)) & pairs;
        score += 3 * (vertical & (vertical >> 1) & horizontal).count_ones();
    }
    let dark: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let percent = dark as usize * 100 / (width * width).max(1);
    score + (percent.abs_diff(50) / 5 * 10) as u32
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

    #[test]
    fn the_penalty_counts_runs_blocks_and_the_dark_share() {
        // 5x5 all light: each of 5 rows and 5 columns is a run of 5 (3
        // each), 16 2x2 blocks (3 each), and 0% dark (10 per 5% from half).
        let light = vec![Color::Light; 25];
        assert_eq!(penalty(&rows(&light, 5), 5), 30 + 48 + 100);
        // The middle row of 7x7 dark: every row is a run of 7 (5 each),
        // every column runs 3+1+3 (nothing); 2x2 blocks only in the two
        // pairs of light rows either side (4 pairs of rows, 6 blocks each,
        // 3 apiece); 14% dark, 10 per 5% from half (70).
        let mut one = vec![Color::Light; 49];
        for c in &mut one[21..28] {
            *c = Color::Dark;
        }
        let rows_of = rows(&one, 7);
        let expected = 7 * 5 + 4 * 6 * 3 + 70;
        assert_eq!(penalty(&rows_of, 7), expected);
    }

    /// The penalty as the standard words it, module by module.
    fn reference_penalty(dark: &[Vec<bool>]) -> u32 {
        let w = dark.len();
        let mut score = 0;
        for transpose in [false, true] {
            let at = |a: usize, b: usize| if transpose { dark[a][b] } else { dark[b][a] };
            for b in 0..w {
                let mut run = 1;
                for a in 1..=w {
                    if a < w && at(a, b) == at(a - 1, b) {
                        run += 1;
                    } else {
                        if run >= 5 {
                            score += run - 2;
                        }
                        run = 1;
                    }
                }
                let finder = [true, false, true, true, true, false, true];
                for start in 0..w.saturating_sub(10) {
                    let light4 = |from: usize| (from..from + 4).all(|i| !at(i, b));
                    let finder_at = |from: usize| {
                        finder
                            .iter()
                            .enumerate()
                            .all(|(i, &d)| at(from + i, b) == d)
                    };
                    if light4(start) && finder_at(start + 4) {
                        score += 40;
                    }
                    if finder_at(start) && light4(start + 7) {
                        score += 40;
                    }
                }
            }
        }
        for y in 1..w {
            for x in 1..w {
                let c = dark[y][x];
                if c == dark[y][x - 1] && c == dark[y - 1][x] && c == dark[y - 1][x - 1] {
                    score += 3;
                }
            }
        }
        let n: usize = dark.iter().map(|r| r.iter().filter(|&&d| d).count()).sum();
        score + (n * 100 / (w * w)).abs_diff(50) as u32 / 5 * 10
    }

    #[test]
    fn the_bitwise_penalty_agrees_with_the_standards_wording_on_random_grids() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..200 {
            let w = 21 + 4 * (round % 10);
            let grid: Vec<Vec<bool>> = (0..w)
                .map(|_| {
                    (0..w)
                        .map(|_| {
                            state ^= state << 13;
                            state ^= state >> 7;
                            state ^= state << 17;
                            // Biased, so long runs and finders occur.
                            state % 7 < 3
                        })
                        .collect()
                })
                .collect();
            let colors: Vec<Color> = grid
                .iter()
                .flatten()
                .map(|&d| if d { Color::Dark } else { Color::Light })
                .collect();
            assert_eq!(
                penalty(&rows(&colors, w), w),
                reference_penalty(&grid),
                "grid {round} of width {w}"
            );
        }
    }
}
