//! The theme's colours, derived from the brand's primary and accent colours
//! so that every pairing of text and background passes WCAG AA in light and
//! dark mode. A brand colour that cannot be used as given (a yellow as link
//! text on white) is replaced by the nearest shade that can, darker on light
//! backgrounds and lighter on dark ones, keeping its hue; `check` says which
//! shade was used (`validate::site`).

use std::fmt;

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// WCAG AA for body text.
pub const TEXT_CONTRAST: f64 = 4.5;
/// Links in dark mode: the least shade that reaches AA of a dark brand
/// colour looks dim on a dark page, so they are lightened to AAA.
pub const DARK_TEXT_CONTRAST: f64 = 7.0;
/// WCAG AA for the outlines of controls and focus rings (1.4.11).
pub const UI_CONTRAST: f64 = 3.0;

/// The default theme's brand: the colours the built-in theme had before
/// sites could set their own.
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x0b, 0x5c, 0xad);
pub const DEFAULT_ACCENT: Rgb = Rgb(0xff, 0xab, 0x70);

/// The page and card backgrounds of each scheme, and the text on them.
pub const LIGHT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
pub const LIGHT_CARD: Rgb = Rgb(0xf6, 0xf8, 0xfa);
pub const LIGHT_FG: Rgb = Rgb(0x1b, 0x1f, 0x24);
pub const DARK_BG: Rgb = Rgb(0x0d, 0x11, 0x17);
pub const DARK_CARD: Rgb = Rgb(0x16, 0x1b, 0x22);
pub const DARK_FG: Rgb = Rgb(0xe6, 0xed, 0xf3);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const BLACK: Rgb = Rgb(0, 0, 0);

impl Rgb {
    /// `#rgb` or `#rrggbb`, any case.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        fn linear(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// `t` of the way from this colour to `other` (0 is this colour).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// WCAG contrast ratio, 1 to 21, whichever colour is lighter.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The lowest contrast of `colour` against any of `backgrounds`.
fn worst(colour: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|&b| contrast(colour, b))
        .fold(f64::INFINITY, f64::min)
}

/// `colour` itself if it reaches `target` against every background, else
/// the least darkened (light backgrounds) or lightened (dark ones) shade of
/// it that does. Mixing toward black or white keeps the hue, and since
/// black and white reach 21:1 against the opposite backgrounds, a shade
/// always exists for any target a theme asks for.
pub fn shade(colour: Rgb, backgrounds: &[Rgb], target: f64) -> Rgb {
    if worst(colour, backgrounds) >= target {
        return colour;
    }
    let light =
        backgrounds.iter().map(|b| b.luminance()).sum::<f64>() / backgrounds.len() as f64 > 0.5;
    let toward = if light { BLACK } else { WHITE };
    // Rounded channels move monotonically with the mix, so the contrast does
    // too: the first step that reaches the target is the least change.
    const STEPS: u32 = 1000;
    let (mut lo, mut hi) = (0, STEPS);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if worst(
            colour.mix(toward, f64::from(mid) / f64::from(STEPS)),
            backgrounds,
        ) >= target
        {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    colour.mix(toward, f64::from(lo) / f64::from(STEPS))
}

/// Black or white, whichever reads better on `surface`; one of them always
/// reaches at least 4.58:1.
pub fn text_on(surface: Rgb) -> Rgb {
    if contrast(surface, WHITE) >= contrast(surface, BLACK) {
        WHITE
    } else {
        BLACK
    }
}

/// One scheme's colours.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheme {
    /// Links, outlines, pressed filters and the main buttons: the primary
    /// colour, shaded to read as text on the page and on cards.
    pub link: Rgb,
    /// Text on `link` (a button's label).
    pub on_link: Rgb,
    /// The accent colour as a surface (the apply button, highlights).
    pub accent: Rgb,
    pub on_accent: Rgb,
    /// The accent shaded to stand out from the page as a control's outline
    /// and the focus ring (3:1).
    pub accent_line: Rgb,
}

/// Every colour the theme takes from the brand.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub primary: Rgb,
    pub accent: Rgb,
    /// The primary colour as a surface (the hero band), as given.
    pub brand: Rgb,
    pub on_brand: Rgb,
    pub light: Scheme,
    pub dark: Scheme,
    /// The share card's background: the primary colour, shaded so that
    /// white text reads on it.
    pub card_bg: Rgb,
    /// The card's highlight (the journey line), readable on `card_bg`.
    pub card_highlight: Rgb,
}

impl Palette {
    pub fn new(primary: Rgb, accent: Rgb) -> Palette {
        let scheme = |bg: Rgb, card: Rgb, text: f64| {
            let link = shade(primary, &[bg, card], text);
            Scheme {
                link,
                on_link: bg,
                accent,
                on_accent: text_on(accent),
                accent_line: shade(accent, &[bg, card], UI_CONTRAST),
            }
        };
        let card_bg = shade(primary, &[WHITE], TEXT_CONTRAST);
        Palette {
            primary,
            accent,
            brand: primary,
            on_brand: text_on(primary),
            light: scheme(LIGHT_BG, LIGHT_CARD, TEXT_CONTRAST),
            dark: scheme(DARK_BG, DARK_CARD, DARK_TEXT_CONTRAST),
            card_bg,
            card_highlight: shade(accent, &[card_bg], TEXT_CONTRAST),
        }
    }

    /// The custom properties the stylesheet reads: light by default, dark
    /// when the reader's system asks for it.
    pub fn css(&self) -> String {
        fn vars(s: &Scheme) -> String {
            format!(
                "--accent:{};--accent-fg:{};--cta:{};--cta-fg:{};--cta-line:{};--focus:{}",
                s.link, s.on_link, s.accent, s.on_accent, s.accent_line, s.accent_line
            )
        }
        format!(
            ":root{{--brand:{};--brand-fg:{};{}}}@media (prefers-color-scheme:dark){{:root{{{}}}}}",
            self.brand,
            self.on_brand,
            vars(&self.light),
            vars(&self.dark)
        )
    }
}

impl Default for Palette {
    fn default() -> Palette {
        Palette::new(DEFAULT_PRIMARY, DEFAULT_ACCENT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_pairing_passes(p: &Palette) {
        for (s, bg, card, text) in [
            (&p.light, LIGHT_BG, LIGHT_CARD, TEXT_CONTRAST),
            (&p.dark, DARK_BG, DARK_CARD, DARK_TEXT_CONTRAST),
        ] {
            for surface in [bg, card] {
                assert!(contrast(s.link, surface) >= text, "{p:?}");
                assert!(contrast(s.accent_line, surface) >= UI_CONTRAST, "{p:?}");
            }
            assert!(contrast(s.on_link, s.link) >= TEXT_CONTRAST, "{p:?}");
            assert!(contrast(s.on_accent, s.accent) >= TEXT_CONTRAST, "{p:?}");
        }
        assert!(contrast(p.on_brand, p.brand) >= TEXT_CONTRAST, "{p:?}");
        assert!(contrast(WHITE, p.card_bg) >= TEXT_CONTRAST, "{p:?}");
        assert!(
            contrast(p.card_highlight, p.card_bg) >= TEXT_CONTRAST,
            "{p:?}"
        );
    }

    #[test]
    fn colours_are_read_as_css_hex() {
        assert_eq!(Rgb::parse("#0B5cad"), Some(Rgb(0x0b, 0x5c, 0xad)));
        assert_eq!(Rgb::parse("#fc0"), Some(Rgb(0xff, 0xcc, 0x00)));
        for bad in [
            "0b5cad",
            "#0b5ca",
            "#gggggg",
            "red",
            "#",
            "#0b5cad00",
            "#é12",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x0b, 0x5c, 0xad).to_string(), "#0b5cad");
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest AA grey: 4.54:1.
        let grey = Rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_yellow_a_mid_blue_and_a_dark_navy_all_give_a_palette_that_passes_aa() {
        for (primary, accent) in [
            ("#ffd400", "#ffd400"),
            ("#0b5cad", "#ffab70"),
            ("#0a1a3f", "#1b2a4a"),
            ("#ffffff", "#000000"),
            ("#777777", "#808080"),
        ] {
            let p = Palette::new(Rgb::parse(primary).unwrap(), Rgb::parse(accent).unwrap());
            every_pairing_passes(&p);
        }
    }

    #[test]
    fn a_colour_that_already_passes_is_used_as_given() {
        let navy = Rgb::parse("#0a1a3f").unwrap();
        assert_eq!(Palette::new(navy, navy).light.link, navy);
        let yellow = Rgb::parse("#ffd400").unwrap();
        let p = Palette::new(yellow, yellow);
        // On white, yellow text is unreadable: a darker gold is used, of the
        // same hue (red and green keep their ratio), and only as dark as
        // needed.
        assert_ne!(p.light.link, yellow);
        let Rgb(r, g, b) = p.light.link;
        assert_eq!(b, 0);
        assert!(
            (f64::from(g) / f64::from(r) - 0.83).abs() < 0.02,
            "{}",
            p.light.link
        );
        let lighter = Rgb(r.saturating_add(3), g.saturating_add(3), 0);
        assert!(worst(lighter, &[LIGHT_BG, LIGHT_CARD]) < TEXT_CONTRAST);
        // On a dark page it reads as it is (over 7:1).
        assert_eq!(p.dark.link, yellow);
        // As a surface it takes black text.
        assert_eq!(p.light.on_accent, BLACK);
    }

    #[test]
    fn the_stylesheet_variables_carry_both_schemes() {
        let css = Palette::default().css();
        assert!(
            css.starts_with(":root{--brand:#0b5cad;--brand-fg:#ffffff;--accent:#0b5cad;"),
            "{css}"
        );
        assert!(
            css.contains("@media (prefers-color-scheme:dark){:root{--accent:"),
            "{css}"
        );
        assert_eq!(css.matches("--cta-fg:").count(), 2);
    }
}
