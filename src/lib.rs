//! launchpad: alumni success stories -> a static recruiting microsite.
//!
//! The build is a pipeline, one module per stage:
//!
//! ```text
//! load      content/ on disk      -> raw files with their paths      (content)
//! validate  raw files             -> typed content + diagnostics     (validate)
//! model     typed content         -> the site and its indexes        (site)
//! render    site + theme          -> every output file, in memory    (render)
//! write     output files          -> public/, atomically             (write)
//! ```

pub mod content;
pub mod diagnostics;
pub mod images;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod summary;
pub mod takedown;
pub mod validate;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Pos, Reporter};
use crate::render::templates::Templates;

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

/// An output file -> the address people and caches use: a page is known by
/// its folder (`stories/x/`), other files by their own path.
pub fn public_url(base_url: &str, rel: &str) -> String {
    match rel.strip_suffix("index.html") {
        Some(dir) => format!("{base_url}{dir}"),
        None => format!("{base_url}{rel}"),
    }
}

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
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: BTreeMap<String, String>,
    /// Every story that validated, for the pull-request summary.
    pub stories: Vec<summary::StoryStatus>,
    /// From site.yaml; empty when it does not validate.
    pub base_url: String,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        diagnostics::error_count(&self.diagnostics) > 0
    }
}

/// Validates the site under `root` and its templates; builds nothing.
pub fn check(root: &Path, today: jiff::civil::Date) -> anyhow::Result<Checked> {
    let raw = content::load(root)?;
    let mut validated = validate::validate(&raw, false, today);
    let mut theme_sources = Vec::new();
    let base_url = validated.base_url.clone().unwrap_or_default();
    let stories = validated
        .content
        .as_ref()
        .map_or(&validated.unbuilt_stories, |c| &c.stories)
        .iter()
        .map(summary::StoryStatus::of)
        .collect();
    if let Some(content) = validated.content {
        let theme = load_theme(root, &content.site.theme)?;
        theme_sources = theme.sources;
        validated.diagnostics.extend(theme.diagnostics);
        // Drafts too: a pull request adding a draft should hear about its photo.
        let site = site::model(content, true);
        validated
            .diagnostics
            .extend(images::verify_photos(&site, root));
    }
    diagnostics::sort(&mut validated.diagnostics);
    let sources = quoted_sources(&raw, &theme_sources, &validated.diagnostics);
    Ok(Checked {
        diagnostics: validated.diagnostics,
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
/// changed: validated stories and rendered pages.
#[derive(Default)]
pub struct Memo {
    pub stories: validate::Memo,
    pub pages: render::Memo,
}

/// Load, validate, model, process images and render into `sink`. With a
/// memo of earlier renders, unchanged stories are not validated again and
/// unchanged pages are reused; a good render updates it. Image cache
/// entries this render did not use are pruned.
pub fn render_site(
    opts: &BuildOptions,
    timings: &mut Timings,
    sink: &dyn render::Sink,
    mut memo: Option<&mut Memo>,
) -> anyhow::Result<Result<RenderedSite, ContentErrors>> {
    let root = &opts.root;
    let raw = content::load(root)?;
    timings.lap("load");
    let validated = validate::validate_with(
        &raw,
        opts.drafts,
        today(opts.today)?,
        memo.as_deref().map(|m| &m.stories),
    );
    timings.lap("validate");
    let mut diags = validated.diagnostics;
    let fail = |mut diagnostics: Vec<Diagnostic>, theme: &[(String, String)]| {
        diagnostics::sort(&mut diagnostics);
        let sources = quoted_sources(&raw, theme, &diagnostics);
        Ok(Err(ContentErrors {
            diagnostics,
            sources,
        }))
    };
    let Some(mut content) = validated.content else {
        return fail(diags, &[]);
    };
    if let Some(url) = &opts.base_url {
        content.site.base_url = validate::site::check_base_url(url)
            .map_err(|why| anyhow::anyhow!("--base-url {url} {why}"))?;
    }

    let theme = load_theme(root, &content.site.theme)?;
    let theme_sources = theme.sources;
    diags.extend(theme.diagnostics);
    let Some(mut templates) = theme.templates else {
        return fail(diags, &theme_sources);
    };

    let site = site::model(content, opts.drafts);
    timings.lap("model");
    let cache = images::cache::Cache::new(root);
    let mut work = images::Work::default();
    let (photos, photo_errors) = images::process_photos(&site, root, &cache, &mut work);
    if !photo_errors.is_empty() {
        diags.extend(photo_errors);
        return fail(diags, &theme_sources);
    }
    timings.lap("photos");
    let images = render::Images {
        photos: &photos,
        cache: &cache,
    };
    let statics: Vec<content::StaticFile> = theme
        .static_files
        .into_iter()
        .chain(raw.static_files.iter().cloned())
        .collect();
    let rendered = match render::render(
        &site,
        &mut templates,
        &images,
        &statics,
        &mut work,
        sink,
        memo.as_deref().map(|m| &m.pages),
    )? {
        Ok(rendered) => rendered,
        Err(errors) => {
            diags.extend(errors);
            return fail(diags, &theme_sources);
        }
    };
    timings.lap("render");
    diags.extend(rendered.diagnostics);
    cache.prune(&["photos", "cards"]);
    diagnostics::sort(&mut diags);
    let sources = quoted_sources(&raw, &theme_sources, &diags);
    if let (Some(memo), Some(pages)) = (memo.as_mut(), rendered.memo) {
        memo.pages = pages;
    }
    Ok(Ok(RenderedSite {
        pages: rendered.pages,
        pages_rendered: rendered.pages_rendered,
        files: rendered.files,
        stories: site.entries.len(),
        images: work,
        diagnostics: diags,
        sources,
        story_cards: rendered.story_cards,
        base_url: site.config.base_url.clone(),
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

/// The theme, ready to render with: templates (none if one has an error),
/// static files, and what was found wrong.
struct Theme {
    templates: Option<Templates>,
    static_files: Vec<content::StaticFile>,
    diagnostics: Vec<Diagnostic>,
    /// Template texts, for quoting in diagnostics.
    sources: Vec<(String, String)>,
}

/// The built-in theme with the site's overrides from `themes/NAME/`.
fn load_theme(root: &Path, name: &str) -> anyhow::Result<Theme> {
    let files = content::load_theme(root, name)?;
    let mut diagnostics = Vec::new();
    if files.is_none() && name != "default" {
        Reporter::new("content/site.yaml", &mut diagnostics)
            .warning(
                Pos::START,
                "unknown-theme",
                format!("there is no themes/{name}/ folder; using the built-in theme"),
            )
            .help(
                "create themes/NAME/templates/ with the templates to override, or remove `theme:`",
            );
    }
    let files = files.unwrap_or_default();
    diagnostics.extend(files.diagnostics.iter().cloned());
    let templates = match Templates::load(&files) {
        Ok(t) if !diagnostics.iter().any(Diagnostic::is_error) => Some(t),
        Ok(_) => None,
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    Ok(Theme {
        templates,
        sources: files.sources().collect(),
        static_files: files.static_files,
        diagnostics,
    })
}
