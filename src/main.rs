//! The `launchpad` command line: parses arguments, calls the library, and
//! maps the outcome to an exit code (0 ok, 1 content errors, 2 usage or I/O).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

// Rendering makes millions of small, short-lived allocations (template
// values, strings); mimalloc spends about half as long on them as glibc's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use launchpad::diagnostics::{self, Format, plural};

#[derive(Parser)]
#[command(
    name = "launchpad",
    version,
    about = "Turns alumni success stories into a recruiting microsite"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --out)
    Build {
        /// The site folder (the one with content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/public]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Use this absolute URL instead of base_url from site.yaml
        #[arg(long)]
        base_url: Option<String>,
        /// Also publish stories marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Judge consent on this day (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH's day, else today]
        #[arg(long)]
        today: Option<jiff::civil::Date>,
        /// With --cards-to: a file listing the files a pull request changes,
        /// one a line from the repository root (`git diff --name-only`)
        #[arg(long, requires = "cards_to")]
        changed: Option<PathBuf>,
        /// Copy the share cards of the changed stories into this folder
        #[arg(long, requires = "changed")]
        cards_to: Option<PathBuf>,
    },
    /// Validate the content and report every problem; builds nothing
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// human: for a terminal; json: for scripts; github: annotations on a
        /// pull request's lines; markdown: a pull-request summary
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// With --format markdown: a file listing the files a pull request
        /// changes, one a line from the repository root (`git diff --name-only`)
        #[arg(long)]
        changed: Option<PathBuf>,
        /// Judge consent on this day (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH's day, else today]
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// Build, serve on http://127.0.0.1:1111/, and rebuild and reload on every change
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on [default: 1111, or the next free one]
        #[arg(long)]
        port: Option<u16>,
        /// Address to listen on (0.0.0.0 to reach it from other machines)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show stories marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Judge consent on this day (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH's day, else today]
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// Create something from a template: `launchpad new story "Maria Santos"`
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    /// Open positions: `launchpad openings pull` refreshes content/openings.yaml
    Openings {
        #[command(subcommand)]
        what: OpeningsWhat,
    },
    /// Create a new site in DIR (which must be new or empty)
    Init { dir: PathBuf },
    /// Take a story down: mark its consent withdrawn today, rebuild, and
    /// list every address to purge from caches and search engines
    Takedown {
        /// The story's slug, as in /stories/SLUG/
        slug: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where the site is built [default: ROOT/public]
        #[arg(long)]
        out: Option<PathBuf>,
        /// The day of the withdrawal (YYYY-MM-DD) [default: SOURCE_DATE_EPOCH's day, else today]
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
}

#[derive(Subcommand)]
enum NewWhat {
    /// A story file for an alumna or alumnus, with every field explained
    Story {
        /// The person's name, e.g. "Maria Santos"
        name: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// File name to use instead of the one made from the name
        #[arg(long)]
        slug: Option<String>,
    },
}

#[derive(Subcommand)]
enum OpeningsWhat {
    /// Fetch the job boards named in site.yaml (`openings:`) and write
    /// content/openings.yaml, each posting mapped to a role by the title rules
    Pull {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Seconds to wait for each board before giving up
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// Greenhouse's API address (a mirror or a test server)
        #[arg(long, default_value = launchpad::boards::GREENHOUSE_API)]
        greenhouse_api: String,
        /// Lever's API address (e.g. https://api.eu.lever.co for EU accounts)
        #[arg(long, default_value = launchpad::boards::LEVER_API)]
        lever_api: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Github,
    Markdown,
}

fn main() -> ExitCode {
    // Transparent huge pages fill 2 MiB at a time wherever mimalloc touches
    // a new region: a 10,000-story build peaked at 307 MB with them and 276
    // MB without, for 3% more time, and its peak moved by 2 MiB steps from
    // run to run. Without them the memory a build reports is what it uses.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of this
    // process; it reads no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            drafts,
            today,
            changed,
            cards_to,
        } => {
            let changed = changed
                .map(|path| read_changed(&path, &launchpad::workspace_prefix(&root)))
                .transpose()?;
            let opts = launchpad::BuildOptions {
                root,
                out,
                base_url,
                drafts,
                today,
            };
            match launchpad::build(&opts)? {
                Ok(report) => {
                    eprint!(
                        "{}",
                        diagnostics::render(&report.diagnostics, Format::Human, &report.sources)
                    );
                    if !report.removed_urls.is_empty() {
                        let n = report.removed_urls.len();
                        eprintln!(
                            "{n} address{} the previous build published {} gone; purge {} from caches: listed in {}",
                            if n == 1 { "" } else { "es" },
                            if n == 1 { "is" } else { "are" },
                            if n == 1 { "it" } else { "them" },
                            report.removed_list.display()
                        );
                    }
                    eprintln!("{}", report.summary());
                    if let (Some(changed), Some(dir)) = (changed, cards_to) {
                        let cards = launchpad::copy_story_cards(&report, &changed, &dir)?;
                        eprintln!(
                            "Copied {} share card{} of changed stories to {}",
                            cards.len(),
                            plural(cards.len()),
                            dir.display()
                        );
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(errors) => {
                    eprint!(
                        "{}",
                        diagnostics::render(&errors.diagnostics, Format::Human, &errors.sources)
                    );
                    let n = diagnostics::error_count(&errors.diagnostics);
                    eprintln!(
                        "Build failed: {n} error{}; the previous output was left as it was",
                        plural(n)
                    );
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::New {
            what: NewWhat::Story { name, root, slug },
        } => {
            let today = jiff::Zoned::now().date();
            let made = launchpad::scaffold::new_story(&root, &name, slug.as_deref(), today)?;
            println!("Created {}", made.path.display());
            println!(
                "Fill it in, set `consent: true` once {name} has agreed, then run `launchpad check`."
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            today,
        } => {
            launchpad::serve::serve(&launchpad::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                today,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Takedown {
            slug,
            root,
            out,
            today,
        } => takedown(root, out, &slug, launchpad::today(today)?),
        Command::Openings {
            what:
                OpeningsWhat::Pull {
                    root,
                    timeout,
                    greenhouse_api,
                    lever_api,
                },
        } => pull_openings(launchpad::boards::PullOptions {
            root,
            greenhouse_api,
            lever_api,
            timeout: std::time::Duration::from_secs(timeout.max(1)),
            today: launchpad::today(None)?,
        }),
        Command::Init { dir } => {
            let files = launchpad::scaffold::init(&dir)?;
            for f in files {
                println!("  created {}", dir.join(f).display());
            }
            println!(
                "Your site is ready. Preview it with its two example stories (drafts, never published):\n  cd {} && launchpad serve --drafts\nThen replace them with real stories; `launchpad new story \"Name\"` starts one.",
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            root,
            format,
            changed,
            today,
        } => {
            let checked = launchpad::check(&root, launchpad::today(today)?)?;
            let prefix = launchpad::workspace_prefix(&root);
            let text = match format {
                CheckFormat::Human => {
                    diagnostics::render(&checked.diagnostics, Format::Human, &checked.sources)
                }
                CheckFormat::Json => {
                    diagnostics::render(&checked.diagnostics, Format::Json, &checked.sources)
                }
                CheckFormat::Github => diagnostics::render_github(&checked.diagnostics, &prefix),
                CheckFormat::Markdown => {
                    let changed = changed
                        .map(|path| read_changed(&path, &prefix))
                        .transpose()?;
                    let exists = |file: &str| root.join(file).exists();
                    launchpad::summary::markdown(&launchpad::summary::SummaryInput {
                        stories: &checked.stories,
                        diagnostics: &checked.diagnostics,
                        changed: changed.as_deref(),
                        exists: &exists,
                        base_url: &checked.base_url,
                    })
                }
            };
            let mut stdout = std::io::stdout().lock();
            write!(stdout, "{text}")?;
            if matches!(format, CheckFormat::Human) {
                let errors = diagnostics::error_count(&checked.diagnostics);
                let warnings = checked.diagnostics.len() - errors;
                let untranslated = checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.language.is_some())
                    .count();
                let mut line = format!(
                    "{errors} error{}, {warnings} warning{}",
                    plural(errors),
                    plural(warnings)
                );
                if untranslated > 0 {
                    line.push_str(&format!(
                        " ({untranslated} of them untranslated text{})",
                        plural(untranslated)
                    ));
                }
                if errors + warnings > 0 {
                    eprintln!("{line}");
                } else {
                    eprintln!("No problems found");
                }
            }
            Ok(if checked.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn takedown(
    root: PathBuf,
    out: Option<PathBuf>,
    slug: &str,
    today: jiff::civil::Date,
) -> anyhow::Result<ExitCode> {
    let target = launchpad::takedown::find(&root, slug, today)?;
    let opts = launchpad::BuildOptions {
        root: root.clone(),
        out,
        today: Some(today),
        ..Default::default()
    };
    // A build first, so that what is removed is measured against the site
    // as it is now, not against whatever public/ was left from before.
    let before = launchpad::build(&opts)?.is_ok();
    let out_dir = opts.out.clone().unwrap_or_else(|| root.join("public"));
    let before_tree = launchpad::takedown::digest_tree(&out_dir);
    let path = launchpad::takedown::mark_withdrawn(&root, &target.file, today)?;
    println!(
        "Marked {} withdrawn on {today}: only its `consent` changed; the file stays as a record.",
        path.display()
    );
    let report = match launchpad::build(&opts)? {
        Ok(report) => report,
        Err(errors) => {
            eprint!(
                "{}",
                diagnostics::render(&errors.diagnostics, Format::Human, &errors.sources)
            );
            eprintln!(
                "The site has errors, so it was not rebuilt. Fix them and run `launchpad build`: it lists the addresses to purge in {}.",
                launchpad::REMOVED_URLS
            );
            return Ok(ExitCode::from(1));
        }
    };
    eprintln!("{}", report.summary());
    if !before {
        eprintln!(
            "note: the site did not build before the takedown, so the list compares with the last good build in {}",
            report.out.display()
        );
    }
    println!(
        "\n{} address{} no longer published. Purge {} from your CDN (also listed in {}):",
        report.removed_urls.len(),
        if report.removed_urls.len() == 1 {
            " is"
        } else {
            "es are"
        },
        if report.removed_urls.len() == 1 {
            "it"
        } else {
            "them"
        },
        report.removed_list.display()
    );
    for url in &report.removed_urls {
        println!("  {url}");
    }
    let changed = launchpad::takedown::changed_pages(&before_tree, &report);
    if !changed.is_empty() {
        println!(
            "\n{} page{} still published but changed, as {} listed or counted the story; purge {} too, so that no cached copy shows it:",
            changed.len(),
            if changed.len() == 1 { " is" } else { "s are" },
            if changed.len() == 1 { "it" } else { "they" },
            if changed.len() == 1 { "it" } else { "them" },
        );
        for url in &changed {
            println!("  {url}");
        }
    }
    let steps = [
        format!(
            "Commit and push {} and publish the site, so the live site drops them too.",
            target.file
        ),
        "Purge the addresses above from the CDN or host cache, if the site has one.".to_string(),
        "Ask search engines to drop the removed pages: Google Search Console (Removals) and Bing Webmaster Tools (Content Removal).".to_string(),
        "Refresh link previews where the story was shared: LinkedIn Post Inspector and Facebook Sharing Debugger; chat apps (Slack, Teams) expire theirs on their own.".to_string(),
        format!(
            "Tell {} it is done, and delete the file when your records policy allows.",
            target.name
        ),
    ];
    println!("\nThen:");
    for (i, step) in steps.iter().enumerate() {
        println!("  {}. {step}", i + 1);
    }
    Ok(ExitCode::SUCCESS)
}

fn pull_openings(opts: launchpad::boards::PullOptions) -> anyhow::Result<ExitCode> {
    let pulled = match launchpad::boards::pull(&opts)? {
        Ok(pulled) => pulled,
        Err(errors) => {
            eprint!(
                "{}",
                diagnostics::render(&errors.diagnostics, Format::Human, &errors.sources)
            );
            eprintln!(
                "Fix content/site.yaml and content/career.yaml first; {} was left as it was",
                launchpad::boards::OPENINGS_FILE
            );
            return Ok(ExitCode::from(1));
        }
    };
    for (board, name, n) in &pulled.boards {
        eprintln!("{board} ({name}): {n} posting{}", plural(*n));
    }
    if !pulled.unmatched.is_empty() {
        let n = pulled.unmatched.len();
        eprintln!(
            "{n} posting{} no title rule in site.yaml (`openings.rules`) matches; not listed, kept as comments in the file:",
            plural(n)
        );
        for p in &pulled.unmatched {
            eprintln!("  {} ({}) {}", p.title, p.location, p.url);
        }
    }
    let n = pulled.mapped.len();
    if pulled.changed {
        eprintln!(
            "Wrote {n} opening{} to {}",
            plural(n),
            pulled.path.display()
        );
    } else {
        eprintln!(
            "{} is up to date ({n} opening{})",
            pulled.path.display(),
            plural(n)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The `--changed` list, as paths from the site root.
fn read_changed(path: &std::path::Path, prefix: &str) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read --changed {}: {e}", path.display()))?;
    Ok(launchpad::summary::site_paths(&text, prefix))
}
