//! `launchpad openings pull`: the open positions of a public job board
//! (Greenhouse's Job Board API, Lever's postings API), each mapped to a
//! role of `career.yaml` by the title rules of `site.yaml`, written to
//! `content/openings.yaml` for a pull request to review. The only part of
//! launchpad that touches the network; the build never does.
//!
//! The file is replaced atomically (a temporary file renamed over it), and
//! only when every board answered well: a network error, an error status,
//! a timeout or an answer that is not the board's JSON leaves it as it was.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::Deserialize;

use crate::content::types::{Career, SiteConfig, TitleRule};
use crate::diagnostics::{self, Diagnostic};

pub const GREENHOUSE_API: &str = "https://boards-api.greenhouse.io";
pub const LEVER_API: &str = "https://api.lever.co";
/// Job boards answer in well under a second; a board that has not in this
/// long is down, and a scheduled job should say so rather than hang.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// No job board's list is this large; a larger answer is not one.
const MAX_ANSWER_BYTES: u64 = 32 * 1024 * 1024;
pub const OPENINGS_FILE: &str = "content/openings.yaml";

/// What `openings pull` was asked to do.
pub struct PullOptions {
    pub root: PathBuf,
    /// Replaces Greenhouse's API address (a mirror, or a test server).
    pub greenhouse_api: String,
    pub lever_api: String,
    pub timeout: Duration,
    /// The day the file says it was pulled on.
    pub today: jiff::civil::Date,
}

/// A posting as a job board gives it, before it is mapped to a role.
#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub board: &'static str,
    pub title: String,
    pub location: String,
    pub url: String,
    pub team: Option<String>,
    pub employment_type: Option<String>,
    pub posted: Option<jiff::civil::Date>,
}

/// What a pull found and wrote.
pub struct Pulled {
    /// Postings with the role their title maps to.
    pub mapped: Vec<(String, Posting)>,
    /// Postings no title rule matches: listed, and kept in the file as
    /// comments, so none is dropped in silence.
    pub unmatched: Vec<Posting>,
    /// Where and whether the file changed.
    pub path: PathBuf,
    pub changed: bool,
    /// `(board, its name in site.yaml, postings)` for each board read.
    pub boards: Vec<(&'static str, String, usize)>,
}

/// Settings that did not validate, with the texts to quote.
pub struct SettingsErrors {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: std::collections::BTreeMap<String, String>,
}

/// Reads the settings, pulls every board they name, and writes the file.
pub fn pull(opts: &PullOptions) -> anyhow::Result<Result<Pulled, SettingsErrors>> {
    let raw = crate::content::load(&opts.root)?;
    let mut diags = raw.diagnostics.clone();
    let (site, career) = crate::validate::settings(&raw, &mut diags);
    diags.retain(|d| d.file == "content/site.yaml" || d.file == "content/career.yaml");
    let (Some(site), Some(career)) = (site, career) else {
        return Ok(Err(settings_errors(&raw, diags)));
    };
    if diagnostics::error_count(&diags) > 0 {
        return Ok(Err(settings_errors(&raw, diags)));
    }
    if raw.files.contains("content/openings.json") {
        bail!(
            "this site lists its openings in content/openings.json; `openings pull` writes {OPENINGS_FILE}: delete or rename the JSON file first"
        );
    }
    let boards = &site.boards;
    if boards.greenhouse.is_none() && boards.lever.is_none() {
        bail!(
            "content/site.yaml names no job board to pull from: add `openings: {{greenhouse: YOUR-BOARD}}` (or `lever: YOUR-COMPANY`); see docs/content.md"
        );
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .user_agent(concat!("launchpad/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut postings = Vec::new();
    let mut read = Vec::new();
    if let Some(token) = &boards.greenhouse {
        let url = format!(
            "{}/v1/boards/{token}/jobs?content=true",
            opts.greenhouse_api.trim_end_matches('/')
        );
        let found = greenhouse(&fetch(&agent, &url, opts.timeout)?)
            .with_context(|| format!("{url} did not answer with Greenhouse's job list"))?;
        read.push(("Greenhouse", token.clone(), found.len()));
        postings.extend(found);
    }
    if let Some(company) = &boards.lever {
        let url = format!(
            "{}/v0/postings/{company}?mode=json",
            opts.lever_api.trim_end_matches('/')
        );
        let found = lever(&fetch(&agent, &url, opts.timeout)?)
            .with_context(|| format!("{url} did not answer with Lever's postings"))?;
        read.push(("Lever", company.clone(), found.len()));
        postings.extend(found);
    }

    let (mapped, unmatched) = map_postings(postings, &boards.rules, &career);
    let text = openings_yaml(&site, &mapped, &unmatched, &read, opts.today);
    let path = opts.root.join(OPENINGS_FILE);
    let changed = std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str());
    if changed {
        write_atomically(&path, &text)?;
    }
    Ok(Ok(Pulled {
        mapped,
        unmatched,
        path,
        changed,
        boards: read,
    }))
}

fn settings_errors(raw: &crate::content::RawSite, diagnostics: Vec<Diagnostic>) -> SettingsErrors {
    SettingsErrors {
        sources: raw.sources(&diagnostics),
        diagnostics,
    }
}

/// The body of a GET of `url`, or an error that says what went wrong in
/// words a person running a scheduled job can act on.
fn fetch(agent: &ureq::Agent, url: &str, timeout: Duration) -> anyhow::Result<String> {
    let mut answer = match agent.get(url).call() {
        Ok(answer) => answer,
        Err(ureq::Error::StatusCode(code)) => bail!(
            "{url} answered HTTP {code}{}",
            match code {
                404 => ": check the board name in content/site.yaml (`openings:`)",
                429 => ": the board is rate-limiting; try again later",
                500..=599 => ": the job board has a problem; try again later",
                _ => "",
            }
        ),
        Err(ureq::Error::Timeout(_)) => bail!(
            "{url} did not answer within {} s; try again later, or give more time with --timeout",
            timeout.as_secs_f64()
        ),
        Err(e) => bail!("cannot reach {url}: {e}"),
    };
    answer
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER_BYTES)
        .read_to_string()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => anyhow::anyhow!(
                "{url} did not finish answering within {} s; try again later, or give more time with --timeout",
                timeout.as_secs_f64()
            ),
            e => anyhow::anyhow!("cannot read the answer of {url}: {e}"),
        })
}

#[derive(Deserialize)]
struct GreenhouseJobs {
    jobs: Vec<GreenhouseJob>,
}

#[derive(Deserialize)]
struct GreenhouseJob {
    title: String,
    absolute_url: String,
    location: Option<Named>,
    #[serde(default)]
    departments: Vec<Named>,
    first_published: Option<String>,
    updated_at: Option<String>,
}

#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

/// Greenhouse's `GET /v1/boards/{token}/jobs` answer.
pub fn greenhouse(json: &str) -> anyhow::Result<Vec<Posting>> {
    let answer: GreenhouseJobs = serde_json::from_str(json)?;
    Ok(answer
        .jobs
        .into_iter()
        .map(|job| Posting {
            board: "greenhouse",
            title: job.title.trim().to_string(),
            location: job
                .location
                .and_then(|l| l.name)
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| NO_LOCATION.to_string()),
            url: job.absolute_url,
            team: job
                .departments
                .into_iter()
                .filter_map(|d| d.name)
                .find(|n| !n.trim().is_empty()),
            employment_type: None,
            posted: job
                .first_published
                .or(job.updated_at)
                .and_then(|t| day_of(&t)),
        })
        .collect())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LeverPosting {
    text: String,
    hosted_url: String,
    #[serde(default)]
    categories: LeverCategories,
    created_at: Option<i64>,
}

#[derive(Deserialize, Default)]
struct LeverCategories {
    location: Option<String>,
    team: Option<String>,
    commitment: Option<String>,
}

/// Lever's `GET /v0/postings/{company}?mode=json` answer.
pub fn lever(json: &str) -> anyhow::Result<Vec<Posting>> {
    let answer: Vec<LeverPosting> = serde_json::from_str(json)?;
    Ok(answer
        .into_iter()
        .map(|p| Posting {
            board: "lever",
            title: p.text.trim().to_string(),
            location: p
                .categories
                .location
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| NO_LOCATION.to_string()),
            url: p.hosted_url,
            team: p.categories.team.filter(|t| !t.trim().is_empty()),
            employment_type: p.categories.commitment.filter(|c| !c.trim().is_empty()),
            posted: p
                .created_at
                .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date()),
        })
        .collect())
}

/// What a posting without a location says where it is.
const NO_LOCATION: &str = "Location not given";

/// `2026-11-18T10:00:00-05:00` -> its day as written.
fn day_of(timestamp: &str) -> Option<jiff::civil::Date> {
    timestamp.get(..10)?.parse().ok()
}

/// Each posting with the role of the first rule its title matches, and
/// the postings no rule matches. A posting whose address is not http(s)
/// is left out with the unmatched, since the site would refuse it.
pub fn map_postings(
    postings: Vec<Posting>,
    rules: &[TitleRule],
    career: &Career,
) -> (Vec<(String, Posting)>, Vec<Posting>) {
    let mut mapped = Vec::new();
    let mut unmatched = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in postings {
        if !seen.insert(p.url.clone()) {
            continue;
        }
        let role = rules
            .iter()
            .find(|rule| title_matches(&rule.pattern.value, &p.title))
            .map(|rule| rule.role.value.clone());
        match role {
            Some(role)
                if career.role(&role).is_some()
                    && crate::validate::site::check_link_url(&p.url).is_ok() =>
            {
                mapped.push((role, p))
            }
            _ => unmatched.push(p),
        }
    }
    let rank = |role: &str| career.roles.iter().position(|r| r.id == role);
    mapped.sort_by(|(ra, a), (rb, b)| {
        (rank(ra), &a.title, &a.location, &a.url).cmp(&(rank(rb), &b.title, &b.location, &b.url))
    });
    unmatched.sort_by(|a, b| (&a.title, &a.url).cmp(&(&b.title, &b.url)));
    (mapped, unmatched)
}

/// `*` matches any text (also none); the rest matches itself, in any case.
/// Linear in the title's length times the pattern's: no regular
/// expression, so no pattern can make a pull slow.
pub fn title_matches(pattern: &str, title: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let title: Vec<char> = title.to_lowercase().chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < title.len() {
        if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == title[t] {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The openings file: a header saying where it came from, each mapped
/// posting, and the unmatched ones as comments for the reviewer.
fn openings_yaml(
    site: &SiteConfig,
    mapped: &[(String, Posting)],
    unmatched: &[Posting],
    boards: &[(&str, String, usize)],
    today: jiff::civil::Date,
) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::new();
    let from: Vec<String> = boards
        .iter()
        .map(|(board, name, _)| format!("{board} ({name})"))
        .collect();
    let _ = writeln!(
        out,
        "# Open positions at {}, pulled from {} on {today} by\n# `launchpad openings pull`. Edits here are replaced by the next pull;\n# change the title rules under `openings:` in site.yaml instead.",
        if site.company.is_empty() {
            &site.title
        } else {
            &site.company
        },
        from.join(" and ")
    );
    if mapped.is_empty() {
        out.push_str("[]\n");
    }
    for (role, p) in mapped {
        let _ = writeln!(out, "- title: {}", q(&p.title));
        let _ = writeln!(out, "  role: {role}");
        let _ = writeln!(out, "  location: {}", q(&p.location));
        let _ = writeln!(out, "  url: {}", q(&p.url));
        if let Some(team) = &p.team {
            let _ = writeln!(out, "  team: {}", q(team));
        }
        if let Some(kind) = &p.employment_type {
            let _ = writeln!(out, "  employment_type: {}", q(kind));
        }
        if let Some(day) = p.posted {
            let _ = writeln!(out, "  posted: {day}");
        }
    }
    if !unmatched.is_empty() {
        let _ = writeln!(
            out,
            "\n# {} posting{} no title rule in site.yaml matches, so not listed:",
            unmatched.len(),
            diagnostics::plural(unmatched.len())
        );
        for p in unmatched {
            let line = format!("{} ({}) {}", p.title, p.location, p.url).replace(['\n', '\r'], " ");
            let _ = writeln!(out, "#   {line}");
        }
    }
    out
}

/// Writes `text` to a temporary file beside `path` and renames it over
/// `path`, so a reader sees the old file or the new one, never part.
fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path.parent().context("the openings file has no folder")?;
    let tmp = dir.join(".openings.yaml.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot replace {}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_matches_any_text_and_case_does_not_matter() {
        assert!(title_matches(
            "*customer service*",
            "Senior Customer Service Agent"
        ));
        assert!(title_matches("*Customer Service*", "customer service"));
        assert!(title_matches("team lead*", "Team Lead, Mobile"));
        assert!(!title_matches("team lead*", "Senior Team Lead"));
        assert!(title_matches("a*b*c", "aXXbYYc"));
        assert!(!title_matches("a*b*c", "aXXbYY"));
        assert!(title_matches("*", ""));
        assert!(!title_matches("agent", "agents"));
    }

    #[test]
    fn a_timestamp_gives_the_day_it_was_written_on() {
        assert_eq!(
            day_of("2026-11-18T10:00:00-05:00"),
            Some(jiff::civil::date(2026, 11, 18))
        );
        assert_eq!(day_of("soon"), None);
    }
}
