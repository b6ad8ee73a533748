//! Write: the rendered files -> the output folder, atomically. Everything is
//! written to a temporary folder beside the output, which then replaces the
//! old output by rename. A build that fails at any point before the swap
//! leaves the previous output exactly as it was, and files from earlier
//! builds that no longer belong are gone with the old folder.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, bail};

use crate::render::{Output, Sink};

/// Written into every build's output, and into its staging folder first of
/// all: launchpad replaces or removes only folders that carry it, so an
/// `--out` pointed at someone's files can never cost them.
pub const MARKER: &str = ".launchpad-build";
const MARKER_TEXT: &str = "This folder was built by launchpad and is replaced by every build.\n\
    Delete it whenever you like; do not keep your own files in it.\n";

/// Whether launchpad made `dir`: it carries the marker file.
fn is_ours(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// Refuses output folders that would destroy the site (the site root
/// itself, a folder containing it, or anything inside content/ or themes/)
/// and any existing folder launchpad did not build.
pub fn check_out_dir(root: &Path, out: &Path) -> anyhow::Result<()> {
    let root = fs::canonicalize(root).with_context(|| format!("cannot open {}", root.display()))?;
    let out = absolute_lexical(out)?;
    if root.starts_with(&out) {
        bail!(
            "the output folder {} contains the site itself; choose another --out",
            out.display()
        );
    }
    for protected in ["content", "themes", "src", ".git"] {
        if out.starts_with(root.join(protected)) {
            bail!(
                "the output folder {} is inside {protected}/; choose another --out",
                out.display()
            );
        }
    }
    match fs::metadata(&out) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => bail!(
            "the output folder {} exists and is not a folder; choose another --out",
            out.display()
        ),
        Ok(_) if is_ours(&out) || is_empty_dir(&out) => Ok(()),
        Ok(_) => bail!(
            "the output folder {} already holds files that launchpad did not build \
             (it has no {MARKER} file), so it will not be replaced; \
             choose a new or empty folder with --out, or delete this one yourself first",
            out.display()
        ),
    }
}

/// An absolute path with `.` and `..` resolved, following symlinks of the
/// parts that exist.
fn absolute_lexical(path: &Path) -> anyhow::Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks of the longest existing prefix, so `public -> .` is caught.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut resolved = fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// A relative output path with only normal parts: generated paths come from
/// validated ids, static ones from file names, and neither may climb out.
fn safe_join(base: &Path, rel: &str) -> anyhow::Result<PathBuf> {
    let path = Path::new(rel);
    if rel.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        bail!("refusing to write outside the output folder: {rel}");
    }
    Ok(base.join(path))
}

/// The files under `dir`, site-relative with `/` separators, sorted; none
/// if it does not exist.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    files
}

/// The private folder a build writes into, beside the output: `publish`
/// swaps it in; dropped unpublished (a failed build), it is removed and the
/// previous output stays as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    /// Folders already made, so each file costs one system call, not a walk.
    made: Mutex<HashSet<PathBuf>>,
    /// Every file written, site-relative, to tell what the new build drops.
    written: Mutex<HashSet<String>>,
    published: bool,
}

impl Staging {
    pub fn new(out: &Path) -> anyhow::Result<Staging> {
        let name = out
            .file_name()
            .with_context(|| format!("{} is not a folder name", out.display()))?
            .to_string_lossy()
            .into_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.tmp-{pid}"));
        remove_own_tree(&dir);
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        fs::write(dir.join(MARKER), MARKER_TEXT)
            .with_context(|| format!("cannot write in {}", dir.display()))?;
        let written = HashSet::from([MARKER.to_string()]);
        Ok(Staging {
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            made: Mutex::new(HashSet::from([dir.clone()])),
            written: Mutex::new(written),
            dir,
            published: false,
        })
    }

    /// Replaces the output folder with everything written so far, and
    /// returns the files written (site-relative, sorted).
    pub fn publish(mut self) -> anyhow::Result<Vec<String>> {
        let written = std::mem::take(&mut *self.written.lock().expect("staging lock"));
        swap(&self.dir, &self.out, &self.old)?;
        self.published = true;
        let mut files: Vec<String> = written.into_iter().collect();
        files.sort();
        Ok(files)
    }

    fn make_parent(&self, path: &Path) -> anyhow::Result<()> {
        let Some(dir) = path.parent() else {
            return Ok(());
        };
        if self.made.lock().expect("staging lock").contains(dir) {
            return Ok(());
        }
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        self.made
            .lock()
            .expect("staging lock")
            .insert(dir.to_path_buf());
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, output: Output) -> anyhow::Result<()> {
        let path = safe_join(&self.dir, output.path())?;
        self.make_parent(&path)?;
        self.written
            .lock()
            .expect("staging lock")
            .insert(output.path().to_string());
        match &output {
            Output::Bytes(_, bytes) => fs::write(&path, bytes),
            Output::Copy(_, source) => fs::copy(source, &path).map(|_| ()),
            // A link costs no data written; across file systems, copy.
            Output::Cached(_, source) => {
                fs::hard_link(source, &path).or_else(|_| fs::copy(source, &path).map(|_| ()))
            }
        }
        .with_context(|| format!("cannot write {}", path.display()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            remove_own_tree(&self.dir);
        }
    }
}

/// Removes the staging and set-aside folders that builds of `name` left in
/// `parent` when they were killed or could not delete them: those that
/// carry the marker (or are empty, killed before it was written) and whose
/// build is no longer running.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(pid) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && (is_ours(&path) || is_empty_dir(&path)) && !build_running(pid) {
            remove_own_tree(&path);
        }
    }
}

/// Whether the build with this process id may still be writing. Without a
/// way to tell, it is presumed running, and its folder is left alone.
fn build_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        proc.join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(unix)]
fn allow_owner_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    if let Ok(meta) = fs::metadata(dir) {
        let mode = meta.permissions().mode() | 0o700;
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(mode));
    }
}

#[cfg(not(unix))]
fn allow_owner_all(dir: &Path) {
    if let Ok(meta) = fs::metadata(dir) {
        let mut perms = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        let _ = fs::set_permissions(dir, perms);
    }
}

/// Removes a folder launchpad made, even one whose files were made
/// read-only (by a deploy tool or a user) since.
fn remove_own_tree(dir: &Path) {
    if fs::remove_dir_all(dir).is_ok() || fs::symlink_metadata(dir).is_err() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            allow_owner_all(entry.path());
        }
    }
    let _ = fs::remove_dir_all(dir);
}

fn swap(staging: &Path, out: &Path, old: &Path) -> anyhow::Result<()> {
    if out.exists() {
        if !out.is_dir() {
            bail!("{} exists and is not a folder", out.display());
        }
        remove_own_tree(old);
        fs::rename(out, old)
            .with_context(|| format!("cannot move the old {} aside", out.display()))?;
        if let Err(e) = fs::rename(staging, out) {
            // Put the old output back so the site is never left without one.
            let _ = fs::rename(old, out);
            return Err(e)
                .with_context(|| format!("cannot move the new build into {}", out.display()));
        }
        remove_own_tree(old);
    } else {
        fs::rename(staging, out)
            .with_context(|| format!("cannot move the new build into {}", out.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_cannot_climb_out() {
        let base = Path::new("/tmp/x");
        assert!(safe_join(base, "stories/a/index.html").is_ok());
        assert!(safe_join(base, "../etc/passwd").is_err());
        assert!(safe_join(base, "/etc/passwd").is_err());
        assert!(safe_join(base, "a/../../b").is_err());
        assert!(safe_join(base, "").is_err());
    }

    #[test]
    fn publishing_replaces_the_old_output_and_its_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(out.join("old/stale.html"), "x").unwrap();
        let staging = Staging::new(&out).unwrap();
        staging
            .put(Output::bytes("a/index.html", b"new".to_vec()))
            .unwrap();
        staging.publish().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn output_folder_may_not_contain_the_site() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content")).unwrap();
        assert!(check_out_dir(dir.path(), dir.path()).is_err());
        assert!(check_out_dir(dir.path(), &dir.path().join("content/x")).is_err());
        assert!(check_out_dir(dir.path(), &dir.path().join("public")).is_ok());
    }
}
