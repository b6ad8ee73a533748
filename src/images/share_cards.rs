//! The share-card stage: each story's and collection's 1200x630 card, drawn
//! from the theme's `card.svg` and rasterised, or found in the image cache.
//! A card's file name carries a hash of what it shows, so a changed card
//! gets a new URL and no social network shows a stale one.
//!
//! With a read-only cache (`check`), a card not in the cache is drawn and
//! parsed as SVG, which is where a broken template fails, but not
//! rasterised: that is most of a card's cost and cannot fail once the SVG
//! parses.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context as _;
use base64::Engine as _;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::images::brand::BrandAssets;
use crate::images::cache::{self, Cache};
use crate::images::{Processed, Work, drawing};
use crate::palette::{self, Palette};
use crate::render::Output;
use crate::render::context::role_title;
use crate::routes::{CardOf, Route};
use crate::site::Site;
use crate::theme::Templates;
use crate::theme::strings::{Arg, Words};

/// Part of every card's cache key: bump when drawing or encoding changes.
const CARDS_VERSION: &str = "cards-2";

/// Between the roles of a journey: the language's arrow; right to left,
/// with a right-to-left mark on each side, so that role titles left in
/// Latin letters still read in the page's direction.
fn journey_arrow(words: &Words<'_>) -> String {
    let arrow = words.get("arrow", &[]);
    match words.rtl() {
        true => format!("\u{200F} {arrow} \u{200F}"),
        false => format!(" {arrow} "),
    }
}

/// The card template.
const TEMPLATE: &str = "card.svg";

/// What a card template sees as `card`.
#[derive(Serialize)]
struct ShareCardCtx {
    kind: &'static str,
    site_title: String,
    name: String,
    headline: String,
    /// `Customer Service Agent → Team Lead → Product Manager`
    journey: String,
    /// The photo as a `data:` URL, or none.
    photo: Option<String>,
    colors: CardColors,
    logo: Option<CardLogo>,
    /// The language is written right to left: the card is mirrored.
    rtl: bool,
}

/// `card.colors`: the brand's, as CSS hex.
#[derive(Serialize, Clone)]
struct CardColors {
    /// The primary colour, darkened if need be for white text to read on it.
    background: String,
    /// Two lighter tints of the background, for shapes behind the text.
    tint: String,
    tint_strong: String,
    /// The accent colour, shaded to read on the background.
    highlight: String,
    /// Text: the name, and the quieter lines.
    text: String,
    text_soft: String,
}

impl CardColors {
    fn of(p: &Palette) -> CardColors {
        let bg = p.card_bg;
        CardColors {
            background: bg.to_string(),
            tint: bg.mix(palette::WHITE, 0.06).to_string(),
            tint_strong: bg.mix(palette::WHITE, 0.12).to_string(),
            highlight: p.card_highlight.to_string(),
            text: palette::WHITE.to_string(),
            text_soft: palette::WHITE.mix(bg, 0.15).to_string(),
        }
    }
}

/// `card.logo`: the logo as a `data:` URL, and its size fitted to the card.
#[derive(Serialize, Clone)]
struct CardLogo {
    href: String,
    width: f32,
    height: f32,
}

/// The largest the logo is drawn on a card.
const LOGO_BOX: (f32, f32) = (260.0, 44.0);

/// Every share card's output file, by whose card it is.
#[derive(Default)]
pub struct ShareCards {
    pub cards: BTreeMap<CardOf, Output>,
}

/// The cards `serve` has found complete in the cache, by key: a rebuild
/// hashes what each card shows and looks no further for one it knows.
///
/// A story's card is also known by its story's memo key (with the template,
/// the site title, the career catalogue and the photo): a rebuild then
/// makes no card context at all for a story that did not change.
#[derive(Default)]
pub struct CardMemo {
    known: std::sync::Mutex<std::collections::HashMap<String, Output>>,
    by_story: std::sync::Mutex<std::collections::HashMap<blake3::Hash, Output>>,
}

impl CardMemo {
    fn known(&self, key: &str) -> Option<Output> {
        self.known.lock().expect("card memo lock").get(key).cloned()
    }

    fn remember(&self, key: String, output: &Output) {
        self.known
            .lock()
            .expect("card memo lock")
            .insert(key, output.clone());
    }

    fn known_story(&self, key: &blake3::Hash) -> Option<Output> {
        self.by_story
            .lock()
            .expect("card memo lock")
            .get(key)
            .cloned()
    }

    fn remember_story(&self, key: blake3::Hash, output: &Output) {
        self.by_story
            .lock()
            .expect("card memo lock")
            .insert(key, output.clone());
    }
}

/// One card to make: whose it is, what it shows, and the story's photo (the
/// square made for cards, with the photo's cache key) if it has one.
struct Job {
    of: CardOf,
    cx: ShareCardCtx,
    photo: Option<(String, PathBuf)>,
    /// For a story validated through `serve`'s memo: what its card is made
    /// from, without making its context.
    story_key: Option<blake3::Hash>,
}

/// A card made, or the template's diagnostics.
type Drawn = Result<(CardOf, Output), Vec<Diagnostic>>;

/// Draws every card in parallel, in `language` (a page's card has the
/// theme's words on it), reusing cached PNGs. A broken `card.svg`
/// is diagnostics on that template; a cache that cannot be written is an
/// I/O error.
#[allow(clippy::too_many_arguments)]
pub fn share_cards(
    site: &Site,
    language: &str,
    templates: &Templates,
    photos: &BTreeMap<String, Processed>,
    brand: &BrandAssets,
    cache: &Cache,
    work: &mut Work,
    memo: Option<&CardMemo>,
) -> anyhow::Result<Result<ShareCards, Vec<Diagnostic>>> {
    let template = templates.fingerprint(TEMPLATE);
    let drawn = AtomicUsize::new(0);
    let strings = templates.strings();
    let words = Words::new(&strings, language);
    // A story's card is linked from its page and kit, which are in the
    // language the story is written or translated in.
    let own = site
        .config
        .languages
        .iter()
        .position(|l| l.tag == language)
        .unwrap_or(0);
    let jobs = jobs(site, own, &words, photos, brand, &template, memo);
    let logo_key = brand.logo.as_ref().map_or([0; 32], |l| *l.hash.as_bytes());
    let results: Vec<anyhow::Result<Drawn>> = jobs
        .into_par_iter()
        .map(|job| {
            let job = match job {
                Ok(job) => job,
                Err(known) => return Ok(Ok(known)),
            };
            let story_key = job.story_key;
            let remember = |output: &Output| {
                if let (Some(memo), Some(key)) = (memo, story_key) {
                    memo.remember_story(key, output);
                }
            };
            // Keyed by what is drawn, not by the drawing: a cached card
            // costs a hash, not a template render.
            let cx_json = serde_json::to_vec(&job.cx).unwrap_or_default();
            let photo_key = job.photo.as_ref().map_or("", |(k, _)| k.as_str());
            let key = cache::key(&[
                CARDS_VERSION.as_bytes(),
                template.as_bytes(),
                &cx_json,
                photo_key.as_bytes(),
                &logo_key,
            ]);
            if let Some(known) = memo.and_then(|m| m.known(&key)) {
                remember(&known);
                return Ok(Ok((job.of, known)));
            }
            let file = Route::Card(&job.of, &key[..10]).file();
            let entry = cache.entry("cards", &key);
            if cache.is_complete(&entry) {
                let output = Output::Cached(file, entry.join("card.png"));
                if let Some(memo) = memo {
                    memo.remember(key, &output);
                }
                remember(&output);
                return Ok(Ok((job.of, output)));
            }
            let has_photo = job.photo.is_some();
            let mut cx = job.cx;
            if let (Some(logo), Some(drawn)) = (cx.logo.as_mut(), brand.logo.as_ref()) {
                logo.href = drawn.data_url.clone();
            }
            cx.photo = job.photo.and_then(|(_, file)| {
                let bytes = std::fs::read(file).ok()?;
                Some(format!(
                    "data:image/jpeg;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(bytes)
                ))
            });
            let mut tera_cx = Context::new();
            tera_cx.insert("card", &cx);
            let svg = match templates.render(TEMPLATE, &tera_cx) {
                Ok(svg) => svg,
                Err(diags) => return Ok(Err(diags)),
            };
            if !cache.is_writable() {
                return Ok(match drawing::parse(&svg) {
                    Ok(()) => Ok((job.of, Output::bytes(file, Vec::new()))),
                    Err(why) => Err(card_error(templates, why)),
                });
            }
            let png = match drawing::rasterize(&svg, has_photo) {
                Ok(png) => png,
                Err(why) => return Ok(Err(card_error(templates, why))),
            };
            cache
                .write(&entry, &[("card.png", &png)], b"{}")
                .with_context(|| format!("cannot write the image cache at {}", entry.display()))?;
            drawn.fetch_add(1, Ordering::Relaxed);
            let output = Output::Cached(file, entry.join("card.png"));
            if let Some(memo) = memo {
                memo.remember(key, &output);
            }
            remember(&output);
            Ok(Ok((job.of, output)))
        })
        .collect();
    let total = results.len();
    let mut out = ShareCards::default();
    let mut errors: Vec<Diagnostic> = Vec::new();
    for r in results {
        match r? {
            Ok((of, output)) => {
                out.cards.insert(of, output);
            }
            Err(diags) => crate::diagnostics::extend_unique(&mut errors, diags),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let drawn = drawn.load(Ordering::Relaxed);
    work.cards_rendered += drawn;
    work.cards_cached += total - drawn;
    Ok(Ok(out))
}

/// A card per story that consents to one, then one per collection. With
/// `memo`, a story's card context is made only when its story key is not
/// known: see [`CardMemo`].
/// `Err`: a card the memo knows, made already.
fn jobs(
    site: &Site,
    language: usize,
    words: &Words<'_>,
    photos: &BTreeMap<String, Processed>,
    brand: &BrandAssets,
    template: &blake3::Hash,
    memo: Option<&CardMemo>,
) -> Vec<Result<Job, (CardOf, Output)>> {
    let colors = CardColors::of(&brand.palette);
    // The data URL is put in when a card is drawn: the cache key has the
    // logo's hash instead, not a copy of the file per card.
    let logo = brand.logo.as_ref().map(|l| {
        let (width, height) = l.fit(LOGO_BOX.0, LOGO_BOX.1);
        CardLogo {
            href: String::new(),
            width: width.round(),
            height: height.round(),
        }
    });
    // Everything a story's card shows besides the story: hashed once.
    let shared = memo.is_some().then(|| {
        let mut h = blake3::Hasher::new();
        h.update(CARDS_VERSION.as_bytes());
        h.update(template.as_bytes());
        h.update(site.config.title.as_bytes());
        h.update(format!("{:?}", site.career.roles).as_bytes());
        h.update(format!("{:?}", brand.palette).as_bytes());
        if let Some(l) = &brand.logo {
            h.update(l.hash.as_bytes());
        }
        h.finalize()
    });
    let mut jobs: Vec<Result<Job, (CardOf, Output)>> = site
        .entries
        .par_iter()
        // Consent to the story but not to a card: none is made or linked.
        .filter(|e| e.story.card && e.language == language)
        .map(|e| {
            let s = &e.story;
            let photo = photos.get(&s.slug).map(|p| (p.key.clone(), p.card_file()));
            let story_key = shared.zip(s.memo_key).map(|(shared, key)| {
                let mut h = blake3::Hasher::new();
                h.update(shared.as_bytes());
                h.update(key.as_bytes());
                h.update(photo.as_ref().map_or("", |(k, _)| k.as_str()).as_bytes());
                h.finalize()
            });
            if let Some(known) = memo.zip(story_key).and_then(|(m, k)| m.known_story(&k)) {
                return Err((CardOf::Story(s.slug.clone()), known));
            }
            let journey = e
                .roles
                .iter()
                .map(|r| role_title(site, r))
                .collect::<Vec<_>>()
                .join(&journey_arrow(words));
            Ok(Job {
                of: CardOf::Story(s.slug.clone()),
                cx: ShareCardCtx {
                    kind: "story",
                    site_title: site.config.title.clone(),
                    name: s.name.clone(),
                    headline: s.headline.clone(),
                    journey,
                    photo: None,
                    colors: colors.clone(),
                    logo: logo.clone(),
                    rtl: words.rtl(),
                },
                photo,
                story_key,
            })
        })
        .collect();
    let count = |key: &str, n: usize| words.get(key, &[("count", Arg::Number(n as f64))]);
    let stories = |n: usize| count("alumni-stories", n);
    let page = |rel: String, name: String, headline: String, journey: String| {
        Ok(Job {
            of: CardOf::Page(rel),
            cx: ShareCardCtx {
                kind: "page",
                site_title: site.config.title.clone(),
                name,
                headline,
                journey,
                photo: None,
                colors: colors.clone(),
                logo: logo.clone(),
                rtl: words.rtl(),
            },
            photo: None,
            story_key: None,
        })
    };
    for (listing, name, listed) in crate::render::listings::card_pages(site, words) {
        let rel = Route::Listing(listing, 1).rel();
        let (name, headline) = if rel.is_empty() {
            (site.config.title.clone(), site.config.description.clone())
        } else {
            (name, String::new())
        };
        let mut journey = stories(listed);
        let open = site.openings.list.len();
        if rel.is_empty() && open > 0 {
            journey.push_str(" · ");
            journey.push_str(&count("open-positions-count", open));
        }
        jobs.push(page(rel, name, headline, journey));
    }
    jobs.push(page(
        Route::Paths.rel(),
        words.get("paths-title", &[]),
        if site.config.company.is_empty() {
            words.get("card-paths-lead-anonymous", &[])
        } else {
            words.get(
                "card-paths-lead",
                &[("company", Arg::Text(site.config.company.clone()))],
            )
        },
        words.get(
            "card-in-departments",
            &[
                ("stories", Arg::Text(stories(site.headline.alumni))),
                ("count", Arg::Number(site.headline.departments_now as f64)),
            ],
        ),
    ));
    if !site.collections.is_empty() {
        let n = site.collections.len();
        jobs.push(page(
            Route::Collections.rel(),
            words.get("collections-heading", &[]),
            site.collections
                .iter()
                .map(|(c, _)| c.title.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
            count("collections-count", n),
        ));
    }
    for (c, ids) in &site.collections {
        let n = ids.len();
        jobs.push(Ok(Job {
            of: CardOf::Collection(c.id.clone()),
            cx: ShareCardCtx {
                kind: "collection",
                site_title: site.config.title.clone(),
                name: c.title.clone(),
                headline: c.intro.clone().unwrap_or_default(),
                journey: stories(n),
                photo: None,
                colors: colors.clone(),
                logo: logo.clone(),
                rtl: words.rtl(),
            },
            photo: None,
            story_key: None,
        }));
    }
    jobs
}

fn card_error(templates: &Templates, why: String) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    Reporter::new(&templates.source_file(TEMPLATE), &mut out)
        .error(Pos::START, "template-error", why)
        .help("the card template must render to valid SVG");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in card template, for a site in English and Arabic.
    fn templates() -> Templates {
        let yaml = "title: Careers\nbase_url: https://careers.example.com/\nlanguages: [en, ar]\n";
        let node = crate::content::yaml::parse(yaml, 0).unwrap();
        let mut found = Vec::new();
        let site = crate::validate::site::site(&node, &[], &mut Reporter::new("", &mut found))
            .expect("valid settings");
        let theme = crate::theme::load(std::path::Path::new("/nonexistent"), &site).unwrap();
        theme.templates.expect("the built-in theme loads")
    }

    fn card(name: &str, headline: &str, journey: &str, rtl: bool) -> String {
        let cx = ShareCardCtx {
            kind: "story",
            site_title: "Example Telecom".into(),
            name: name.into(),
            headline: headline.into(),
            journey: journey.into(),
            photo: None,
            colors: CardColors::of(&Palette::new(
                palette::DEFAULT_PRIMARY,
                palette::DEFAULT_ACCENT,
            )),
            logo: None,
            rtl,
        };
        let mut tera = Context::new();
        tera.insert("card", &cx);
        templates().render(TEMPLATE, &tera).unwrap()
    }

    #[test]
    fn polish_and_portuguese_diacritics_and_arabic_are_drawn_with_no_missing_glyph() {
        let latin = card(
            "Zofia Łukasiewicz-Wiśniewska",
            "Da linha de faturação à equipa de finanças: três promoções em cinco anos",
            "Konsultant → Główny księgowy",
            false,
        );
        let arabic = card(
            "فاطمة الأمراني",
            "من مركز الاتصال إلى فريق المنتج في أربع سنوات",
            // Untranslated role titles too, laid out right to left.
            "Customer Service Agent\u{200F} ← \u{200F}مديرة المنتج",
            true,
        );
        for svg in [&latin, &arabic] {
            let glyphs = drawing::glyphs(svg).unwrap();
            assert_eq!(glyphs.missing, Vec::<String>::new(), "{svg}");
            drawing::rasterize(svg, false).unwrap();
        }
        // Every letter kept as written, none transliterated.
        for word in ["Łukasiewicz-Wiśniewska", "faturação", "Główny", "فاطمة"] {
            assert!(latin.contains(word) || arabic.contains(word), "{word}");
        }
        let families = drawing::glyphs(&arabic).unwrap().families;
        assert!(families.contains("Noto Sans Arabic"), "{families:?}");
        // Right to left, the text is set from the card's right edge.
        // Right to left, the journey's first role ends at the right edge.
        let agent = drawing::measure("Customer Service Agent", drawing::Weight::Bold, 28.0);
        let at = format!(
            r#"<tspan x="{:.1}">Customer Service Agent</tspan>"#,
            1120.0 - agent
        );
        assert!(arabic.contains(&at), "{arabic}");
        assert!(
            latin.contains(r#"<tspan x="80.0">Zofia Łukasiewicz-Wiśniewska</tspan>"#),
            "{latin}"
        );
    }
}
