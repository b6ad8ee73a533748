//! launchpad: alumni success stories -> a static recruiting microsite.
//!
//! The build is a pipeline, one module per stage, run by [`render_site`]
//! top to bottom:
//!
//! ```text
//! load      content/ on disk          -> raw files with their paths      (content)
//! validate  raw files                 -> typed content + diagnostics     (validate)
//! theme     built-in + themes/NAME/   -> compiled templates, statics     (theme)
//! model     typed content             -> the site and its indexes        (site)
//! photos    story photos              -> sized variants, in the cache    (images)
//! brand     site.yaml's brand         -> palette, logo size, icons       (images::brand)
//! cards     site + card.svg           -> share cards, in the cache       (images::share_cards)
//! render    site + templates + images -> every output file, to a sink    (render)
//! write     output files              -> public/, atomically             (write)
//! ```
//!
//! Every address is formed in one place, the route table (`routes`).
//! `build` renders into the staging folder and swaps it in; `serve`
//! renders into memory; `check` runs the same stages with a read-only image
//! cache into a sink that discards, so it rejects whatever `build` would.

pub mod boards;
pub mod content;
pub mod diagnostics;
pub mod images;
pub mod markdown;
pub mod palette;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod summary;
pub mod takedown;
pub mod theme;
pub mod validate;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostic;

/// What `build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `ROOT/public`.
    pub out: Option<PathBuf>,
    /// Replaces `base_url` from site.yaml (for previews and `serve`).
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The day consent is judged on; `None`: see [`today`].
    pub today: Option<jiff::civil::Date>,
}

/// The day a story's consent is judged on: `given` (`--today`), else
/// `SOURCE_DATE_EPOCH` where set, so that builds are reproducible and tests
/// deterministic, else the system's date (UTC).
pub fn today(given: Option<jiff::civil::Date>) -> anyhow::Result<jiff::civil::Date> {
    if let Some(day) = given {
        return Ok(day);
    }
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "SOURCE_DATE_EPOCH={epoch} is not a number of seconds since 1970-01-01"
                )
            })?,
        Err(_) => jiff::Timestamp::now(),
    };
    Ok(now.to_zoned(jiff::tz::TimeZone::UTC).date())
}

/// A finished build.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub stories: usize,
    pub files: usize,
    /// Image work done and reused from the cache.
    pub images: images::Work,
    pub elapsed: Duration,
    pub out: PathBuf,
    /// Warnings only; a build with errors does not finish.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<String, String>,
    /// A story's file -> its share card's path in `out`.
    pub story_cards: BTreeMap<String, String>,
    /// Public addresses the previous output had and this one has not.
    pub removed_urls: Vec<String>,
    /// Where they are listed.
    pub removed_list: PathBuf,
    /// The site's address, as built.
    pub base_url: String,
}

/// Where each build lists the addresses it stopped publishing, outside the
/// output so that it is never published itself.
pub const REMOVED_URLS: &str = ".launchpad-cache/removed-urls.txt";

/// The files the last build of `ROOT/public` published.
const PUBLISHED_FILES: &str = ".launchpad-cache/published-files.txt";

pub use routes::public_url;

/// Writes `lines`, each ending in a newline, making the folder if needed.
fn write_lines(path: &Path, lines: &[String]) -> anyhow::Result<()> {
    use anyhow::Context as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut text = String::new();
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

impl BuildReport {
    /// "Built 148 pages from 37 stories in 0.31 s"
    pub fn summary(&self) -> String {
        let w = &self.images;
        let ended = self
            .diagnostics
            .iter()
            .filter(|d| matches!(d.code, "consent-expired" | "consent-withdrawn"))
            .count();
        let ended = match ended {
            0 => String::new(),
            1 => "; 1 story left out because its consent ended or was withdrawn".to_string(),
            n => format!("; {n} stories left out because their consent ended or was withdrawn"),
        };
        format!(
            "Built {} pages from {} stories in {:.2} s ({} photos and {} cards processed, {} and {} from cache){ended}",
            self.pages,
            self.stories,
            self.elapsed.as_secs_f64(),
            w.photos_processed,
            w.cards_rendered,
            w.photos_cached,
            w.cards_cached,
        )
    }
}

/// Content that cannot be built, with everything wrong in it.
#[derive(Debug)]
pub struct ContentErrors {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<String, String>,
}

/// Everything `check` finds, and the file texts to quote from.
pub struct CheckReport {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<String, String>,
    /// Every story that validated, for the pull-request summary.
    pub stories: Vec<summary::StoryStatus>,
    /// From site.yaml; empty when it does not validate.
    pub base_url: String,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        diagnostics::error_count(&self.diagnostics) > 0
    }
}

/// Runs the build's stages on the site under `root` and writes nothing:
/// pages render into a sink that discards, and the image cache is only
/// read (what it lacks is decoded and drawn, not stored). Drafts are
/// rendered too, so a pull request adding a draft hears about its photo.
pub fn check(root: &Path, today: jiff::civil::Date) -> anyhow::Result<CheckReport> {
    check_loaded(&content::load(root)?, today)
}

/// [`check`] of content already read, as the fuzzer and the property tests
/// give it: the stages after loading, on `raw` and the files under its root.
pub fn check_loaded(
    raw: &content::RawSite,
    today: jiff::civil::Date,
) -> anyhow::Result<CheckReport> {
    let root = raw.root.as_path();
    let validated = validate::validate(raw, false, today);
    let base_url = validated.base_url.clone().unwrap_or_default();
    // Originals, then translations: a pull request may add either.
    let default = validated
        .content
        .as_ref()
        .and_then(|c| c.site.languages.first())
        .map_or("", |l| l.tag.as_str());
    let translations = validated
        .content
        .iter()
        .flat_map(|c| &c.languages)
        .flat_map(|l| l.stories.values());
    let stories = validated
        .content
        .as_ref()
        .map_or(&validated.unbuilt_stories, |c| &c.stories)
        .iter()
        .chain(translations)
        .map(|s| summary::StoryStatus::of(s, default))
        .collect();
    let later = LaterStages {
        root,
        drafts: true,
        base_url: None,
        cache: images::cache::Cache::read_only(root),
        cards: None,
    };
    let mut timings = Timings::new();
    let (diagnostics, sources) =
        match after_validation(raw, validated, &later, &mut timings, &render::Discard, None)? {
            Ok(site) => (site.diagnostics, site.sources),
            Err(errors) => (errors.diagnostics, errors.sources),
        };
    Ok(CheckReport {
        diagnostics,
        sources,
        stories,
        base_url,
    })
}

/// Where the site folder `root` is inside the repository, as a path prefix
/// (`""` or `"careers/"`): GitHub names files from the workspace root
/// (`GITHUB_WORKSPACE`, else the current folder).
pub fn workspace_prefix(root: &Path) -> String {
    let base = std::env::var_os("GITHUB_WORKSPACE")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok());
    let (Some(base), Ok(root)) = (base, root.canonicalize()) else {
        return String::new();
    };
    let Ok(base) = base.canonicalize() else {
        return String::new();
    };
    match root.strip_prefix(&base) {
        Ok(rel) => rel
            .components()
            .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
            .collect(),
        Err(_) => String::new(),
    }
}

/// Copies the share cards of the stories among `changed` (site-relative
/// paths) from a finished build into `dir`, named after the story files,
/// for a pull request's preview. Returns the files written.
pub fn copy_story_cards(
    report: &BuildReport,
    changed: &[String],
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context as _;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    for file in changed {
        let Some(card) = report.story_cards.get(file) else {
            continue;
        };
        let stem = Path::new(file)
            .file_stem()
            .map_or_else(|| "story".into(), |s| s.to_string_lossy().into_owned());
        let to = dir.join(format!("{stem}.png"));
        std::fs::copy(report.out.join(card), &to)
            .with_context(|| format!("cannot copy the share card to {}", to.display()))?;
        written.push(to);
    }
    Ok(written)
}

/// Runs the whole pipeline and writes the site. `Ok(Err(_))` means the
/// content has errors and the previous output was left as it was.
pub fn build(opts: &BuildOptions) -> anyhow::Result<Result<BuildReport, ContentErrors>> {
    let started = Instant::now();
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
    write::check_out_dir(&opts.root, &out)?;
    let mut timings = Timings::new();
    // Pages stream into the staging folder as they render; only a finished
    // build is swapped in.
    let staging = write::Staging::new(&out)?;
    let site = match render_site(opts, &mut timings, &staging, None)? {
        Ok(site) => site,
        Err(errors) => return Ok(Err(errors)),
    };
    // What the previous build published. CI builds start without the
    // previous output: for the default output, the list the last build
    // kept in the cache (which the workflow keeps between runs) stands in.
    let manifest = opts.out.is_none().then(|| opts.root.join(PUBLISHED_FILES));
    let previous = match manifest.as_deref().map(std::fs::read_to_string) {
        Some(Ok(list)) => list.lines().map(str::to_string).collect(),
        _ => write::files_in(&out),
    };
    let files = staging.publish()?;
    timings.lap("publish");
    if let Some(manifest) = &manifest {
        write_lines(manifest, &files)?;
    }
    let now: std::collections::HashSet<&str> = files.iter().map(String::as_str).collect();
    let mut removed_urls: Vec<String> = previous
        .iter()
        .filter(|f| !f.is_empty() && !now.contains(f.as_str()))
        .map(|rel| public_url(&site.base_url, rel))
        .collect();
    removed_urls.sort();
    removed_urls.dedup();
    // Written on every build, so that the list is always that of the last one.
    let removed_list = opts.root.join(REMOVED_URLS);
    write_lines(&removed_list, &removed_urls)?;
    timings.print();
    Ok(Ok(BuildReport {
        pages: site.pages,
        stories: site.stories,
        files: site.files,
        images: site.images,
        elapsed: started.elapsed(),
        out,
        diagnostics: site.diagnostics,
        sources: site.sources,
        story_cards: site.story_cards,
        removed_urls,
        removed_list,
        base_url: site.base_url,
    }))
}

/// A site rendered into a sink: what `build` writes and `serve` serves.
pub struct RenderedSite {
    pub pages: usize,
    /// Pages rendered, not reused from the memo.
    pub pages_rendered: usize,
    pub files: usize,
    pub stories: usize,
    pub images: images::Work,
    /// Warnings only.
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<String, String>,
    pub story_cards: BTreeMap<String, String>,
    /// The site's address, as built.
    pub base_url: String,
}

/// What `serve` keeps between rebuilds so that a save costs what it
/// changed: the content as last read, validated stories and rendered pages.
#[derive(Default)]
pub struct RebuildMemo {
    pub stories: validate::StoryMemo,
    /// One per language.
    pub pages: Vec<render::page::PageMemo>,
    pub cards: images::CardMemo,
    /// The model of the last good rebuild.
    model: Option<site::Site>,
    raw: Option<content::RawSite>,
    /// Files saved since the last rebuild (site-relative); `None`: unknown,
    /// so everything is read again.
    saved: Option<Vec<String>>,
}

impl RebuildMemo {
    /// The next rebuild follows saves to these files (site-relative) and
    /// re-reads only them.
    pub fn saved(&mut self, files: Vec<String>) {
        self.saved = Some(files);
    }

    /// The content: the last read brought up to date with the saved files,
    /// or read again whole.
    fn content(&mut self, root: &Path) -> anyhow::Result<&content::RawSite> {
        let saved = self.saved.take();
        let fresh = match (&mut self.raw, saved) {
            (Some(raw), Some(saved)) => content::refresh(raw, &saved),
            _ => false,
        };
        if !fresh {
            // Forgotten first: after a failed read the next one is whole.
            self.raw = None;
            self.raw = Some(content::load(root)?);
        }
        Ok(self.raw.as_ref().expect("just loaded"))
    }
}

/// Load, validate, then the later stages (see [`after_validation`]), into
/// `sink`. With a memo of earlier renders, only the files saved since are
/// read again, unchanged stories are not validated again and unchanged
/// pages are reused; a good render updates it. Image cache entries this
/// render did not use are pruned (on the first render of a memo only:
/// during `serve`, entries a save made unused are left for the next build).
pub fn render_site(
    opts: &BuildOptions,
    timings: &mut Timings,
    sink: &dyn render::Sink,
    memo: Option<&mut RebuildMemo>,
) -> anyhow::Result<Result<RenderedSite, ContentErrors>> {
    let first_render = memo
        .as_ref()
        .is_none_or(|m| m.pages.iter().all(render::page::PageMemo::is_empty));
    let today = today(opts.today)?;
    let (raw, validated, render_memo, card_memo) = match memo {
        Some(m) => {
            m.content(&opts.root)?;
            let RebuildMemo {
                stories,
                pages,
                cards,
                model,
                raw,
                ..
            } = m;
            let raw = raw.as_ref().expect("loaded");
            timings.lap("load");
            let validated = validate::validate_with(raw, opts.drafts, today, Some(&*stories));
            timings.lap("validate");
            (
                std::borrow::Cow::Borrowed(raw),
                validated,
                Some((pages, model)),
                Some(&*cards),
            )
        }
        None => {
            let mut loaded = content::load(&opts.root)?;
            timings.lap("load");
            let validated = validate::validate_with(&loaded, opts.drafts, today, None);
            timings.lap("validate");
            // `serve` keeps the texts to read again only what changed.
            loaded.keep_front_matter(&validated.diagnostics);
            (std::borrow::Cow::Owned(loaded), validated, None, None)
        }
    };
    let later = LaterStages {
        root: &opts.root,
        drafts: opts.drafts,
        base_url: opts.base_url.as_deref(),
        cache: images::cache::Cache::new(&opts.root),
        cards: card_memo,
    };
    let site = after_validation(&raw, validated, &later, timings, sink, render_memo)?;
    if first_render {
        later.cache.prune(&["photos", "cards"]);
    }
    Ok(site)
}

/// How the stages after validation run: for `build` and `serve`, or for
/// `check` (with drafts and a read-only cache).
struct LaterStages<'a> {
    root: &'a Path,
    drafts: bool,
    /// Replaces site.yaml's.
    base_url: Option<&'a str>,
    cache: images::cache::Cache,
    /// Cards known to be in the cache (for `serve`).
    cards: Option<&'a images::CardMemo>,
}

/// Theme, model, photos, cards and render: everything after validation,
/// shared by `build`, `serve` and `check`.
fn after_validation(
    raw: &content::RawSite,
    validated: validate::Validated,
    later: &LaterStages<'_>,
    timings: &mut Timings,
    sink: &dyn render::Sink,
    memo: Option<(&mut Vec<render::page::PageMemo>, &mut Option<site::Site>)>,
) -> anyhow::Result<Result<RenderedSite, ContentErrors>> {
    let (page_memo, mut model_memo) = memo.unzip();
    let mut diags = validated.diagnostics;
    let mut theme_sources = Vec::new();
    let fail = |mut diagnostics: Vec<Diagnostic>, theme: &[(String, String)]| {
        diagnostics::sort(&mut diagnostics);
        let sources = quoted_sources(raw, theme, &diagnostics);
        Ok(Err(ContentErrors {
            diagnostics,
            sources,
        }))
    };
    let Some(mut content) = validated.content else {
        return fail(diags, &theme_sources);
    };
    if let Some(url) = later.base_url {
        content.site.base_url = validate::site::check_base_url(url)
            .map_err(|why| anyhow::anyhow!("--base-url {url} {why}"))?;
    }

    let theme = theme::load(later.root, &content.site)?;
    theme_sources = theme.sources;
    diags.extend(theme.diagnostics);
    let Some(mut templates) = theme.templates else {
        return fail(diags, &theme_sources);
    };

    // Taken, so that a failed render forgets it: the next is made whole.
    let mut previous = model_memo.as_deref_mut().and_then(Option::take);
    // The site as each language shows it; `serve` remembers the default's.
    let sites: Vec<site::Site> = (0..content.site.languages.len().max(1))
        .map(|i| content.in_language(i))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|content| site::model_with(content, later.drafts, previous.take()))
        .collect();
    drop(content);
    let site = &sites[0];
    timings.lap("model");

    let mut work = images::Work::default();
    let (photos, photo_errors) =
        images::process_photos(&sites, later.root, &later.cache, &mut work)?;
    if !photo_errors.is_empty() {
        diags.extend(photo_errors);
        return fail(diags, &theme_sources);
    }
    timings.lap("photos");

    let statics: Vec<content::StaticFile> = theme
        .static_files
        .into_iter()
        .chain(raw.static_files.iter().cloned())
        .collect();
    let brand = match images::brand::brand_assets(site, &statics) {
        Ok(brand) => brand,
        Err(errors) => {
            diags.extend(errors);
            return fail(diags, &theme_sources);
        }
    };

    // Drawn in each language: a page's card has the theme's words on it.
    let mut cards = Vec::new();
    for (i, (language, site)) in site.config.languages.iter().zip(&sites).enumerate() {
        match images::share_cards(
            site,
            &language.tag,
            &templates,
            &photos,
            &brand,
            &later.cache,
            &mut work,
            later.cards.filter(|_| i == 0),
        )? {
            Ok(made) => cards.push(made),
            Err(errors) => {
                diags.extend(errors);
                return fail(diags, &theme_sources);
            }
        }
    }
    timings.lap("cards");

    let assets = render::Assets {
        photos: &photos,
        cards: &cards,
        brand: &brand,
        statics: &statics,
    };
    let previous = page_memo.as_deref().map(Vec::as_slice);
    let rendered = match render::render(&sites, &mut templates, &assets, sink, previous)? {
        Ok(rendered) => rendered,
        Err(errors) => {
            diags.extend(errors);
            return fail(diags, &theme_sources);
        }
    };
    timings.lap("render");

    diags.extend(rendered.diagnostics);
    diagnostics::sort(&mut diags);
    let sources = quoted_sources(raw, &theme_sources, &diags);
    if let (Some(memo), Some(pages)) = (page_memo, rendered.memo) {
        *memo = pages;
    }
    // Each story's card in the language it is written or translated in
    // (the only one it is drawn in), under its file: a pull request's
    // preview.
    let story_cards = sites
        .iter()
        .zip(&cards)
        .enumerate()
        .flat_map(|(i, (site, cards))| {
            site.entries
                .iter()
                .filter(move |e| e.language == i)
                .filter_map(|e| {
                    let card = cards
                        .cards
                        .get(&routes::CardOf::Story(e.story.slug.clone()))?;
                    Some((e.story.file.clone(), card.path().to_string()))
                })
        })
        .collect();
    let stories = site.entries.len();
    let base_url = site.config.base_url.clone();
    timings.lap("report");
    if let Some(memo) = model_memo {
        *memo = sites.into_iter().next();
    }
    Ok(Ok(RenderedSite {
        pages: rendered.pages,
        pages_rendered: rendered.pages_rendered,
        files: rendered.files,
        stories,
        images: work,
        diagnostics: diags,
        sources,
        story_cards,
        base_url,
    }))
}

/// The texts `diagnostics` quote from: the content files they name and
/// the theme's templates.
fn quoted_sources(
    raw: &content::RawSite,
    theme: &[(String, String)],
    diagnostics: &[Diagnostic],
) -> BTreeMap<String, String> {
    let mut sources = raw.sources(diagnostics);
    sources.extend(theme.iter().cloned());
    sources
}

/// Time per stage, printed to stderr when `LAUNCHPAD_TIMINGS` is set: for
/// profiling, never part of normal output.
pub struct Timings {
    enabled: bool,
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
    /// Peak resident memory after each lap.
    peaks: Vec<u64>,
}

/// The process's peak resident memory so far (Linux; 0 elsewhere).
fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}

impl Default for Timings {
    fn default() -> Self {
        Self::new()
    }
}

impl Timings {
    pub fn new() -> Self {
        Timings {
            enabled: std::env::var_os("LAUNCHPAD_TIMINGS").is_some(),
            last: Instant::now(),
            laps: Vec::new(),
            peaks: Vec::new(),
        }
    }

    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
        if self.enabled {
            self.peaks.push(peak_memory_mb());
        }
    }

    pub fn print(&self) {
        if self.enabled {
            let laps: Vec<String> = self
                .laps
                .iter()
                .zip(&self.peaks)
                .map(|((s, d), mb)| format!("{s} {:.3} s (peak {mb} MB)", d.as_secs_f64()))
                .collect();
            eprintln!("timings: {}", laps.join(", "));
        }
    }
}
