//! The typed content that validation produces: what a site's YAML and
//! Markdown mean once every value has been checked.

use std::fmt;

use serde::Serialize;

use crate::diagnostics::Pos;

/// `content/site.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    pub title: String,
    pub company: String,
    /// Absolute, always ending in `/`.
    pub base_url: String,
    /// Every language the site is built in, the default first: `languages`,
    /// or `language` alone (where it is set, or the top of site.yaml, is
    /// where a language the theme has no words for is reported).
    pub languages: Vec<Language>,
    /// `show_untranslated`: whether a language's listings also show the
    /// stories not translated into it, marked with their language.
    pub show_untranslated: bool,
    pub description: String,
    pub theme: String,
    /// Explicit `entry_roles`, or empty to use roles marked `entry: true`.
    pub entry_roles: Vec<Text>,
    /// `share`: the parameters every share link carries, and every apply
    /// link without JavaScript, in the order written (`utm_source` first).
    pub share: Vec<(String, String)>,
    /// `apply`: where candidates apply when a role has no address of its own.
    pub apply: Option<Apply>,
    /// `tracking`: the landing parameters carried to every apply link.
    pub tracking: Tracking,
    /// `openings`: where `launchpad openings pull` imports from.
    pub boards: Boards,
    /// `brand`: logo, colours and font.
    pub brand: Brand,
    /// `featured`: the collection the home page shows, by id; the first
    /// collection when not given.
    pub featured: Option<Text>,
    /// `csp`: sources added to the pages' Content-Security-Policy, per
    /// directive, for a theme that needs them.
    pub csp: Vec<(String, Vec<String>)>,
    pub page_size: usize,
    pub image_widths: Vec<u32>,
    pub image_formats: Vec<String>,
    /// `check` warns of consent ending within this many days.
    pub consent_warning_days: i64,
}

impl SiteConfig {
    /// The other sites the pages' Content-Security-Policy lets images come
    /// from: a story's image from any other is shown as its description.
    pub fn image_sources(&self) -> Vec<String> {
        self.csp
            .iter()
            .filter(|(d, _)| d == "img-src")
            .flat_map(|(_, sources)| sources.iter().cloned())
            .collect()
    }

    /// The position in `languages` of the language `story` is written in.
    pub fn language_of(&self, story: &Story) -> usize {
        story.language_in(self.languages.iter().map(|l| l.tag.as_str()))
    }
}

/// `site.yaml`'s `brand` block. Files are paths under `content/static/`,
/// which is where they are published too.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    pub primary: crate::palette::Rgb,
    pub accent: crate::palette::Rgb,
    /// An SVG or PNG.
    pub logo: Option<String>,
    /// A WOFF2 font used for all text before the system's.
    pub font: Option<String>,
}

impl Default for Brand {
    fn default() -> Brand {
        Brand {
            primary: crate::palette::DEFAULT_PRIMARY,
            accent: crate::palette::DEFAULT_ACCENT,
            logo: None,
            font: None,
        }
    }
}

/// A language of the site: its BCP 47 tag, the name its switcher shows
/// (from site.yaml, else the string files' `language-name`), and where
/// site.yaml names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub tag: String,
    pub name: Option<String>,
    pub at: Pos,
}

/// `site.yaml`'s `apply` block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Apply {
    pub url: Option<String>,
    /// None: the string files' `apply-default`, in each page's language.
    pub label: Option<String>,
}

/// Which query parameters a candidate arrives with are kept, and what an
/// applicant tracking system calls them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tracking {
    pub params: Vec<String>,
    /// `(host suffix, [(our name, the ATS's name)])`.
    pub rename: Vec<(String, Vec<(String, String)>)>,
}

pub const DEFAULT_TRACKING_PARAMS: &[&str] = &[
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
    "gh_src",
    "source",
];

impl Default for Tracking {
    fn default() -> Tracking {
        Tracking {
            params: DEFAULT_TRACKING_PARAMS
                .iter()
                .map(|p| p.to_string())
                .collect(),
            // Lever's hosted job pages credit the source named in `lever-source`.
            rename: vec![(
                "lever.co".to_string(),
                vec![("source".to_string(), "lever-source".to_string())],
            )],
        }
    }
}

/// `site.yaml`'s `openings` block: the job boards to import from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Boards {
    /// A Greenhouse job board token.
    pub greenhouse: Option<String>,
    /// A Lever company name.
    pub lever: Option<String>,
    pub rules: Vec<TitleRule>,
}

/// Postings whose title matches `pattern` (`*` for any text, any case)
/// are openings of `role`.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleRule {
    pub pattern: Text,
    pub role: Text,
}

pub const DEFAULT_PAGE_SIZE: usize = 48;
pub const DEFAULT_CONSENT_WARNING_DAYS: i64 = 30;

/// `content/career.yaml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Career {
    pub departments: Vec<Department>,
    pub roles: Vec<Role>,
    pub transitions: Vec<Transition>,
    pub programs: Vec<Program>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub department: String,
    pub entry: bool,
    pub summary: Option<String>,
    /// Where to apply for this role (an ATS search filtered to it, say).
    pub apply_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub typical_months: Option<u32>,
    pub requirements: Vec<String>,
    pub program: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Program {
    pub id: String,
    pub name: String,
    /// `[min, max]`; equal when one number was given.
    pub duration_months: Option<[u32; 2]>,
    pub description: Option<String>,
}

impl Career {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Parses `YYYY-MM`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        ((1900..=2200).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: Month) -> i64 {
        (i64::from(later.year) - i64::from(self.year)) * 12 + i64::from(later.month)
            - i64::from(self.month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// One alumni story, checked; the body is already safe HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub file: String,
    pub slug: String,
    pub slug_pos: Pos,
    pub name: String,
    pub headline: String,
    pub photo: Option<Photo>,
    /// Consent allows publishing the story today (see `validate::consent`).
    pub consent: bool,
    /// Consent covers the share card.
    pub card: bool,
    pub date: jiff::civil::Date,
    pub draft: bool,
    pub location: Option<String>,
    pub quote: Option<String>,
    pub journey: Vec<Step>,
    /// The language it is written in, when not the site's default (`lang`).
    pub lang: Option<String>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    pub links: Vec<Link>,
    pub body: Body,
    /// Plain text of the body's start, for descriptions and cards.
    pub summary: String,
    /// What `serve`'s memo knows this story's validation by: a hash of
    /// everything it was made from. Pages that show only stories whose key
    /// is unchanged are not rendered again. `None` outside `serve`.
    pub memo_key: Option<blake3::Hash>,
}

/// A story's text, as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// HTML made when the story was checked.
    Html(std::sync::Arc<str>),
    /// A translation's HTML, made when it was checked and kept compressed
    /// (LZ4) until its page is written. Every language's HTML held as it is
    /// made a site in two languages take 1.8 times the memory of one, and
    /// making a translation's HTML again from its Markdown when its page
    /// is written (as launchpad did before) cost a seventh of a whole
    /// one-language build in instructions; unpacking costs a tenth of that.
    Compressed(std::sync::Arc<[u8]>),
}

impl Body {
    /// A translation's body, from the HTML its check made.
    pub fn compressed(html: &str) -> Body {
        Body::Compressed(lz4_flex::compress_prepend_size(html.as_bytes()).into())
    }

    /// The HTML.
    pub fn html(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Body::Html(html) => std::borrow::Cow::Borrowed(html),
            // Made by `compressed` from a `str` in this process: it unpacks
            // to UTF-8, and the empty string stands in if it ever did not.
            Body::Compressed(packed) => std::borrow::Cow::Owned(
                lz4_flex::decompress_size_prepended(packed)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .unwrap_or_default(),
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// Site-relative path of the source image.
    pub path: String,
    pub alt: String,
    /// Where `photo:` is in the story, for image diagnostics.
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub role: String,
    pub role_pos: Pos,
    pub title: Option<String>,
    pub from: Month,
    pub to: Option<Month>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

impl Story {
    /// Consent given and not a draft (unless drafts are being built).
    pub fn is_published(&self, drafts: bool) -> bool {
        self.consent && (drafts || !self.draft)
    }

    /// The position among the site's language `tags` (the default first)
    /// of the language the story is written in: its `lang`, else the
    /// default.
    pub fn language_in<'t>(&self, tags: impl IntoIterator<Item = &'t str>) -> usize {
        self.lang
            .as_deref()
            .and_then(|lang| tags.into_iter().position(|tag| tag == lang))
            .unwrap_or(0)
    }
}

/// `content/collections/NAME.yaml`: a recruiter's list, in their order.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub file: String,
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    pub stories: Vec<Text>,
}

/// An open position from `content/openings.yaml`, checked and not closed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opening {
    pub title: String,
    pub role: String,
    pub location: String,
    pub url: String,
    /// A department id: the one given, else the role's.
    pub department: String,
    pub team: Option<String>,
    pub employment_type: Option<String>,
    /// `YYYY-MM-DD`.
    pub posted: Option<String>,
    pub closes: Option<String>,
}

/// Everything validated, ready to be modelled.
#[derive(Debug, Clone)]
pub struct Content {
    pub site: SiteConfig,
    pub career: Career,
    /// Shared with `serve`'s memo, which keeps unchanged stories between rebuilds.
    pub stories: Vec<std::sync::Arc<Story>>,
    pub collections: Vec<Collection>,
    /// Open positions, in the file's order; closed ones are left out.
    pub openings: Vec<Opening>,
    /// What each of the site's languages has in its own words, the default
    /// first (which takes `career` and `collections` as they are).
    pub languages: Vec<LanguageText>,
}

/// The text of one language: career.yaml's and the collections' (each
/// value in this language where one is given, else the default's) and
/// the stories translated into it.
#[derive(Debug, Clone, Default)]
pub struct LanguageText {
    /// site.yaml's `title` and `description`; `None` for the default language.
    pub title: Option<String>,
    pub description: Option<String>,
    /// `None` for the default language.
    pub career: Option<Career>,
    pub collections: Option<Vec<Collection>>,
    /// Translations into this language, by the original's slug: the
    /// original's facts with the translation's words.
    pub stories: std::collections::BTreeMap<String, std::sync::Arc<Story>>,
}

impl Content {
    /// The site as language `i` of `site.languages` shows it: each story
    /// in its translation into that language where there is one, else in
    /// its own (left out if `show_untranslated` is false), and career.yaml
    /// and the collections in that language's words.
    pub fn in_language(&self, i: usize) -> Content {
        let empty = LanguageText::default();
        let text = self.languages.get(i).unwrap_or(&empty);
        let stories = self
            .stories
            .iter()
            .map(|s| text.stories.get(&s.slug).unwrap_or(s))
            .filter(|s| self.site.show_untranslated || self.site.language_of(s) == i)
            .cloned()
            .collect();
        let mut site = self.site.clone();
        if let Some(title) = &text.title {
            site.title.clone_from(title);
        }
        if let Some(description) = &text.description {
            site.description.clone_from(description);
        }
        Content {
            site,
            career: text.career.clone().unwrap_or_else(|| self.career.clone()),
            stories,
            collections: text
                .collections
                .clone()
                .unwrap_or_else(|| self.collections.clone()),
            openings: self.openings.clone(),
            languages: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compressed_body_gives_back_the_html_it_was_made_from() {
        let html = "<p>Olá, <b>Łódź</b> and مرحبا</p>\n".repeat(50);
        let kept = Body::compressed(&html);
        let Body::Compressed(packed) = &kept else {
            panic!("not compressed");
        };
        assert!(packed.len() < html.len() / 4, "{} bytes", packed.len());
        assert_eq!(kept.html(), html);
        assert_eq!(Body::compressed("").html(), "");
        assert_eq!(Body::Html(html.clone().into()).html(), html);
    }

    #[test]
    fn months_parse_only_as_yyyy_mm() {
        assert_eq!(
            Month::parse("2016-04"),
            Some(Month {
                year: 2016,
                month: 4
            })
        );
        assert_eq!(Month::parse("2016-13"), None);
        assert_eq!(Month::parse("2016-4"), None);
        assert_eq!(Month::parse("2016-04-01"), None);
        assert_eq!(Month::parse("April 2016"), None);
    }

    #[test]
    fn months_between_counts_across_years() {
        let a = Month::parse("2016-04").unwrap();
        let b = Month::parse("2017-10").unwrap();
        assert_eq!(a.months_until(b), 18);
        assert_eq!(b.months_until(a), -18);
    }
}

/// A string with the position of the value it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text {
    pub value: String,
    pub pos: Pos,
}
