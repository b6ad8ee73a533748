//! The words the theme prints, per language, from Project Fluent files:
//! the built-in `themes/default/i18n/LANG.ftl`, under which a site's theme
//! (`themes/NAME/i18n/LANG.ftl`) may replace any message or add a
//! language. Templates look messages up by key (`"journey" | t`), so no
//! template holds a word of any language, and plural forms, durations and
//! counts follow each language's rules (Polish has three plural forms).

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::{Diagnostic, Pos, Reporter};

/// The built-in string files: `(language tag, text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("ar", include_str!("../../themes/default/i18n/ar.ftl")),
    ("en", include_str!("../../themes/default/i18n/en.ftl")),
    ("es", include_str!("../../themes/default/i18n/es.ftl")),
    ("pl", include_str!("../../themes/default/i18n/pl.ftl")),
    ("pt", include_str!("../../themes/default/i18n/pt.ftl")),
];

/// A string file: where it is (for diagnostics) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct StringFile {
    /// Site-relative path, or `themes/default/i18n/LANG.ftl (built in)`.
    pub path: String,
    /// The language tag its name gives (`pt-PT` for `pt-PT.ftl`).
    pub language: String,
    pub text: String,
}

/// The built-in files as [`StringFile`]s.
pub fn builtin_files() -> Vec<StringFile> {
    BUILTIN
        .iter()
        .map(|(language, text)| StringFile {
            path: format!("themes/default/i18n/{language}.ftl (built in)"),
            language: language.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// The messages of each language a site is built in.
pub struct Strings {
    bundles: BTreeMap<String, FluentBundle<Arc<FluentResource>>>,
    /// The site's language, the first declared: that of a page without its
    /// own `lang`.
    default: String,
    /// Every key the built-in English file has: what each language must have.
    keys: Vec<String>,
    /// A hash of every file read, for the page memo.
    digest: blake3::Hash,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .field("keys", &self.keys.len())
            .finish()
    }
}

/// The files that make up `language`, most general first: the base
/// language's (`pt` for `pt-PT`), then the exact tag's; within each, the
/// built-in file before the site theme's.
fn files_for<'a>(language: &str, files: &'a [StringFile]) -> Vec<&'a StringFile> {
    let base = language.split('-').next().unwrap_or(language);
    let mut chosen: Vec<&StringFile> = files
        .iter()
        .filter(|f| f.language.eq_ignore_ascii_case(base))
        .collect();
    if !base.eq_ignore_ascii_case(language) {
        chosen.extend(
            files
                .iter()
                .filter(|f| f.language.eq_ignore_ascii_case(language)),
        );
    }
    chosen
}

/// The 1-based line and column of byte `at` in `text`.
fn position(text: &str, at: usize) -> Pos {
    Pos::after(&text[..text.floor_char_boundary(at.min(text.len()))])
}

impl Strings {
    /// Reads `files` for the `languages` a site declares (the first is the
    /// default). A file that does not parse is an error on its line; a
    /// language none of whose files exist, or that lacks keys the English
    /// file has, is an error on `declared_in` (where the site names its
    /// languages) at `declared_at`.
    pub fn load(
        languages: &[(String, Pos)],
        files: &[StringFile],
        declared_in: &str,
    ) -> (Strings, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut digest = blake3::Hasher::new();
        let mut resources: BTreeMap<&str, Arc<FluentResource>> = BTreeMap::new();
        for file in files {
            digest.update(file.path.as_bytes());
            digest.update(&[0]);
            digest.update(file.text.as_bytes());
            digest.update(&[0]);
            let resource = match FluentResource::try_new(file.text.clone()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    let mut report = Reporter::new(&file.path, &mut diagnostics);
                    for e in errors {
                        report
                            .error(
                                // The message it is in, rather than where the
                                // parser gave up (often the end of the file).
                                position(
                                    &file.text,
                                    e.slice.as_ref().map_or(e.pos.start, |s| s.start),
                                ),
                                "bad-string-file",
                                format!("this Fluent message cannot be read: {}", e.kind),
                            )
                            .help("see https://projectfluent.org/fluent/guide/ for the syntax");
                    }
                    r
                }
            };
            resources.insert(file.path.as_str(), Arc::new(resource));
        }
        let english = files.iter().find(|f| f.language == "en");
        let keys: Vec<String> = english
            .and_then(|f| resources.get(f.path.as_str()))
            .map(|r| message_ids(r))
            .unwrap_or_default();

        let mut bundles = BTreeMap::new();
        let mut lacking: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (language, pos) in languages {
            let Ok(id) = language.parse::<LanguageIdentifier>() else {
                // validate::site reports the tag itself.
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks would end up in titles and URLs.
            bundle.set_use_isolating(false);
            let chosen = files_for(language, files);
            if chosen.is_empty() {
                Reporter::new(declared_in, &mut diagnostics)
                    .error(
                        *pos,
                        "unknown-language",
                        format!("launchpad has no words for the language `{language}`"),
                    )
                    .help(format!(
                        "use one of {}, or add themes/NAME/i18n/{language}.ftl with every key of the English file",
                        BUILTIN
                            .iter()
                            .map(|(l, _)| *l)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                continue;
            }
            for file in chosen {
                if let Some(resource) = resources.get(file.path.as_str()) {
                    bundle.add_resource_overriding(Arc::clone(resource));
                }
            }
            for key in &keys {
                if !bundle.has_message(key) {
                    lacking.entry(key).or_default().push(language);
                }
            }
            bundles.insert(language.clone(), bundle);
        }
        if !lacking.is_empty() {
            // On the line of the first language that lacks it.
            let at = |language: &str| {
                languages
                    .iter()
                    .find(|(l, _)| l == language)
                    .map_or(Pos::START, |(_, p)| *p)
            };
            for (key, languages) in lacking {
                let pos = at(languages[0]);
                Reporter::new(declared_in, &mut diagnostics)
                    .error(
                        pos,
                        "missing-string",
                        format!(
                            "the message `{key}` has no translation in {}",
                            languages.join(", ")
                        ),
                    )
                    .help(format!(
                        "add `{key} = ...` to themes/NAME/i18n/LANG.ftl for each of them (the English text is in themes/default/i18n/en.ftl)"
                    ));
            }
        }
        (
            Strings {
                bundles,
                default: languages
                    .first()
                    .map(|(l, _)| l.clone())
                    .unwrap_or_default(),
                keys,
                digest: digest.finalize(),
            },
            diagnostics,
        )
    }

    /// The message `key` in `language`, with `args` (numbers as numbers, so
    /// that plural forms choose right). `None` for an unknown key or
    /// language.
    pub fn get(&self, language: &str, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = self.bundles.get(language)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// The language of a page that does not give its own.
    pub fn default_language(&self) -> &str {
        &self.default
    }

    /// What a change to any string file changes.
    pub fn digest(&self) -> blake3::Hash {
        self.digest
    }
}

/// The messages of one language, with what Rust needs to write as the
/// templates would: durations, months and days.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    strings: &'a Strings,
    language: &'a str,
}

impl<'a> Words<'a> {
    pub fn new(strings: &'a Strings, language: &'a str) -> Self {
        Words { strings, language }
    }

    /// Whether the language is written right to left.
    pub fn rtl(&self) -> bool {
        crate::render::languages::is_rtl(self.language)
    }

    /// The message `key`; the key itself if there is none (`check` has
    /// already reported every key a declared language lacks).
    pub fn get(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.strings
            .get(self.language, key, args)
            .unwrap_or_else(|| key.to_string())
    }

    fn count(&self, key: &str, n: i64) -> String {
        self.get(key, &[("count", Arg::Number(n as f64))])
    }

    /// A step's length: `18 months`, `2 years`, `2 years 3 months`.
    pub fn duration(&self, months: i64) -> String {
        match months {
            m if m < 1 => self.get("under-a-month", &[]),
            m if m < 24 => self.count("months-count", m),
            m if m % 12 == 0 => self.count("years-count", m / 12),
            m => self.get(
                "duration-years-months",
                &[
                    ("years", Arg::Number((m / 12) as f64)),
                    ("months", Arg::Number((m % 12) as f64)),
                ],
            ),
        }
    }

    /// A card's short duration: months under two years, then whole years.
    pub fn span(&self, months: i64) -> String {
        match months {
            m if m < 1 => self.get("under-a-month", &[]),
            m if m < 24 => self.count("months-count", m),
            m => self.count("years-count", m / 12),
        }
    }

    /// `Mar 2026`.
    pub fn month(&self, month: u32, year: i32) -> String {
        self.get(
            "date-month",
            &[
                ("month", Arg::Number(f64::from(month))),
                ("year", Arg::Number(f64::from(year))),
            ],
        )
    }

    /// Months as a reader says them: `about 8 months`, `about a year`,
    /// `about a year and a half`, `about two years`, `about 5 years`.
    pub fn about(&self, months: i64) -> String {
        let kind = match months {
            m if m < 1 => "less",
            1 => "one-month",
            m if m < 10 => "months",
            m if m < 16 => "year",
            m if m < 22 => "year-half",
            m if m < 28 => "two-years",
            m if m < 34 => "two-half-years",
            _ => "years",
        };
        let years = ((months as f64) / 12.0).round();
        self.get(
            "role-typical",
            &[
                ("kind", Arg::Text(kind.to_string())),
                ("months", Arg::Number(months as f64)),
                ("years", Arg::Number(years)),
            ],
        )
    }

    /// `1 March 2026`.
    pub fn day(&self, date: jiff::civil::Date) -> String {
        self.get(
            "date-day",
            &[
                ("day", Arg::Number(f64::from(date.day()))),
                ("month", Arg::Number(f64::from(date.month()))),
                ("year", Arg::Number(f64::from(date.year()))),
            ],
        )
    }
}

/// The messages `site.js` prints, with the names of their arguments: a
/// `count` makes the message one form per plural category.
pub const SCRIPT_MESSAGES: &[(&str, &[&str])] = &[
    ("copy-done", &[]),
    ("copy-failed", &[]),
    ("copy-unavailable", &[]),
    ("stories-count", &["count"]),
    ("filter-matches", &["count"]),
    ("filter-status", &["count"]),
    ("filters-cleared", &["heading"]),
    ("filter-none", &[]),
    ("filter-open", &[]),
    ("filter-active", &["count"]),
    ("filter-show", &["count"]),
    ("journey", &[]),
    ("card-span", &["span", "role"]),
    ("open-positions-count", &["count"]),
    ("openings-match", &["count"]),
];

impl Words<'_> {
    /// [`SCRIPT_MESSAGES`] in this language as JSON, for a
    /// `<script type="application/json">` the script reads: each argument
    /// left as `{name}` for the script to fill in, and a message with a
    /// count as an object of its forms by plural category (`one`, `few`,
    /// `other`...), which the browser's `Intl.PluralRules` picks from. A
    /// form is found by formatting the message with the first whole number
    /// of its category and putting `{count}` where that number is.
    pub fn script_messages(&self) -> String {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let id: LanguageIdentifier = self.language.parse().unwrap_or_default();
        let base = LanguageIdentifier::from_parts(id.language, None, None, &[]);
        let rules = PluralRules::create(id, PluralRuleType::CARDINAL)
            .or_else(|_| PluralRules::create(base, PluralRuleType::CARDINAL))
            .ok();
        let name = |c: PluralCategory| match c {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        };
        // A sample per category: 2 and up before 0 and 1, so that a message
        // with its own text for exactly 0 or 1 (`[0] No stories`) does not
        // stand for its whole category.
        let mut samples: BTreeMap<&str, i64> = BTreeMap::new();
        for n in (2..=1000).chain([0, 1]) {
            let category = rules
                .as_ref()
                .and_then(|r| r.select(n).ok())
                .map_or("other", name);
            samples.entry(category).or_insert(n);
        }
        let mut out = serde_json::Map::new();
        for (key, args) in SCRIPT_MESSAGES {
            let placeholders: Vec<(&str, Arg)> = args
                .iter()
                .filter(|a| **a != "count")
                .map(|a| (*a, Arg::Text(format!("{{{a}}}"))))
                .collect();
            let value = if args.contains(&"count") {
                let forms = samples
                    .iter()
                    .map(|(category, n)| {
                        let mut with = placeholders.clone();
                        with.push(("count", Arg::Number(*n as f64)));
                        let text = self.get(key, &with).replacen(&n.to_string(), "{count}", 1);
                        (category.to_string(), serde_json::Value::String(text))
                    })
                    .collect();
                serde_json::Value::Object(forms)
            } else {
                serde_json::Value::String(self.get(key, &placeholders))
            };
            out.insert(key.to_string(), value);
        }
        // `<` escaped, so that no message can end the script element.
        serde_json::Value::Object(out)
            .to_string()
            .replace('<', "\\u003c")
    }
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    Text(String),
}

/// The ids of the messages (not terms) of a resource.
fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(languages: &[&str]) -> Strings {
        let langs: Vec<(String, Pos)> = languages
            .iter()
            .map(|l| (l.to_string(), Pos::START))
            .collect();
        let (strings, diagnostics) = Strings::load(&langs, &builtin_files(), "content/site.yaml");
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        strings
    }

    fn count(s: &Strings, language: &str, n: f64) -> String {
        s.get(language, "stories-count", &[("count", Arg::Number(n))])
            .expect("the message exists")
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let s = strings(&["en", "pt-PT", "pl", "es", "ar"]);
        let cases: &[(&str, [&str; 6])] = &[
            (
                "en",
                [
                    "0 stories",
                    "1 story",
                    "2 stories",
                    "5 stories",
                    "22 stories",
                    "112 stories",
                ],
            ),
            (
                "pt-PT",
                [
                    "0 histórias",
                    "1 história",
                    "2 histórias",
                    "5 histórias",
                    "22 histórias",
                    "112 histórias",
                ],
            ),
            (
                "pl",
                [
                    "0 historii",
                    "1 historia",
                    "2 historie",
                    "5 historii",
                    "22 historie",
                    "112 historii",
                ],
            ),
            (
                "es",
                [
                    "0 historias",
                    "1 historia",
                    "2 historias",
                    "5 historias",
                    "22 historias",
                    "112 historias",
                ],
            ),
            (
                // Six forms: zero, one, two, few (3-10), many (11-99), other.
                "ar",
                [
                    "لا توجد قصص",
                    "قصة واحدة",
                    "قصتان",
                    "5 قصص",
                    "22 قصة",
                    "112 قصة",
                ],
            ),
        ];
        for (language, expected) in cases {
            for (n, want) in [0.0, 1.0, 2.0, 5.0, 22.0, 112.0].iter().zip(expected) {
                assert_eq!(&count(&s, language, *n), want, "{language} {n}");
            }
        }
    }

    #[test]
    fn durations_read_like_a_person_would_say_them() {
        let s = strings(&["en", "pt-PT", "pl"]);
        let en = Words::new(&s, "en");
        assert_eq!(en.duration(0), "under a month");
        assert_eq!(en.duration(1), "1 month");
        assert_eq!(en.duration(18), "18 months");
        assert_eq!(en.duration(24), "2 years");
        assert_eq!(en.duration(27), "2 years 3 months");
        assert_eq!(en.span(30), "2 years");
        let pt = Words::new(&s, "pt-PT");
        assert_eq!(pt.duration(27), "2 anos e 3 meses");
        let pl = Words::new(&s, "pl");
        assert_eq!(pl.duration(27), "2 lata i 3 miesiące");
        assert_eq!(pl.duration(5 * 12 + 5), "5 lat i 5 miesięcy");
        assert_eq!(pl.duration(22 * 12 + 1), "22 lata i 1 miesiąc");
        for (months, said) in [
            (0, "less than a month"),
            (8, "about 8 months"),
            (11, "about a year"),
            (18, "about a year and a half"),
            (23, "about two years"),
            (30, "about two and a half years"),
            (40, "about three years"),
            (130, "about 11 years"),
        ] {
            assert_eq!(en.about(months), said, "{months} months");
        }
    }

    #[test]
    fn the_script_gets_each_message_with_a_form_per_plural_category() {
        let s = strings(&["en", "pl"]);
        let messages = |language| -> serde_json::Value {
            let json = Words::new(&s, language).script_messages();
            assert!(!json.contains('<'), "safe inside a script element: {json}");
            serde_json::from_str(&json).expect("valid JSON")
        };
        let en = messages("en");
        assert_eq!(en["stories-count"]["one"], "{count} story");
        assert_eq!(en["stories-count"]["other"], "{count} stories");
        assert_eq!(en["filters-cleared"], "Filters cleared: {heading}");
        assert_eq!(en["copy-done"], "Link copied");
        let pl = messages("pl");
        assert_eq!(pl["stories-count"]["one"], "{count} historia");
        assert_eq!(pl["stories-count"]["few"], "{count} historie");
        assert_eq!(pl["stories-count"]["many"], "{count} historii");
        for key in SCRIPT_MESSAGES.iter().map(|(k, _)| *k) {
            assert!(!pl[key].is_null(), "{key}");
        }
    }

    #[test]
    fn dates_use_each_languages_month_names() {
        let s = strings(&["en", "pt-PT", "pl", "es"]);
        let day = jiff::civil::date(2026, 3, 1);
        assert_eq!(Words::new(&s, "en").day(day), "1 March 2026");
        assert_eq!(Words::new(&s, "en").month(3, 2026), "Mar 2026");
        assert_eq!(Words::new(&s, "pt-PT").day(day), "1 de março de 2026");
        assert_eq!(Words::new(&s, "pl").day(day), "1 marca 2026");
        assert_eq!(Words::new(&s, "es").month(9, 2019), "sept. 2019");
    }

    #[test]
    fn every_shipped_language_has_every_key_of_the_english_file() {
        // `strings` asserts that loading reports nothing missing.
        let s = strings(&["en", "pt-PT", "pt-BR", "es", "pl"]);
        assert!(s.keys.len() > 5, "the English file has its keys");
    }

    #[test]
    fn a_theme_file_replaces_one_message_and_keeps_the_rest() {
        let mut files = builtin_files();
        files.push(StringFile {
            path: "themes/acme/i18n/en.ftl".into(),
            language: "en".into(),
            text: "journey = Career path\n".into(),
        });
        let (s, diagnostics) =
            Strings::load(&[("en".into(), Pos::START)], &files, "content/site.yaml");
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(s.get("en", "journey", &[]).as_deref(), Some("Career path"));
        assert_eq!(count(&s, "en", 1.0), "1 story");
    }

    #[test]
    fn a_language_without_a_file_is_an_error_where_it_is_declared() {
        let (_, diagnostics) = Strings::load(
            &[("en".into(), Pos::START), ("fr".into(), Pos::new(3, 5))],
            &builtin_files(),
            "content/site.yaml",
        );
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("unknown-language", 3, 5));
        assert!(d.message.contains("`fr`"), "{}", d.message);
    }

    #[test]
    fn a_key_missing_from_a_declared_language_names_the_key_and_the_languages() {
        let mut files = builtin_files();
        files.push(StringFile {
            path: "themes/acme/i18n/fr.ftl".into(),
            language: "fr".into(),
            text: "journey = Parcours\n".into(),
        });
        let (_, diagnostics) = Strings::load(
            &[
                ("en".into(), Pos::new(2, 11)),
                ("fr".into(), Pos::new(3, 5)),
            ],
            &files,
            "content/site.yaml",
        );
        let missing: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.code == "missing-string")
            .collect();
        assert!(!missing.is_empty());
        assert!(missing.iter().all(|d| d.message.ends_with("in fr")));
        assert!(
            missing
                .iter()
                .any(|d| d.message.contains("`stories-count`"))
        );
        assert!(!missing.iter().any(|d| d.message.contains("`journey`")));
        // On the line that declares the language lacking it, not the default's.
        assert!(
            missing
                .iter()
                .all(|d| d.file == "content/site.yaml" && d.line == 3)
        );
    }

    #[test]
    fn a_string_file_that_does_not_parse_is_an_error_on_its_line() {
        let mut files = builtin_files();
        files.push(StringFile {
            path: "themes/acme/i18n/en.ftl".into(),
            language: "en".into(),
            text: "journey = Path\n\nbroken = { $count ->\n".into(),
        });
        let (_, diagnostics) =
            Strings::load(&[("en".into(), Pos::START)], &files, "content/site.yaml");
        let d = diagnostics
            .iter()
            .find(|d| d.code == "bad-string-file")
            .expect("reported");
        assert_eq!(d.file, "themes/acme/i18n/en.ftl");
        assert_eq!(d.line, 3);
    }
}
