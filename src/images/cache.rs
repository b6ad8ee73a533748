//! The image cache: processed photos and share cards, keyed by a hash of
//! their source bytes and every processing parameter, under
//! `ROOT/.launchpad-cache/` (ignored by git). A second build finds every
//! entry and does no image work; entries a build did not use are pruned.
//!
//! The cache is not trusted: CI restores it from earlier runs, which a
//! pull request's workflow may have written. An entry counts only if its
//! seal (written last) names its own key and lists its files, each a plain
//! file name whose file is a regular file (not a link) of the recorded
//! size under the entry's folder; anything else is a miss, and the entry
//! is made again. So a poisoned or damaged entry can at worst change the
//! pixels of an image, never publish a file from elsewhere or fail a build.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// Bump when processing changes, so old entries are not reused.
pub const VERSION: &str = "launchpad-images-2";

/// What a complete entry holds, in its `DONE` file.
#[derive(Serialize, Deserialize)]
struct Seal {
    key: String,
    /// File name -> size in bytes.
    files: BTreeMap<String, u64>,
    /// The caller's manifest (JSON).
    manifest: String,
}

/// A complete entry, as verified.
pub struct Sealed {
    pub manifest: Vec<u8>,
    pub files: BTreeMap<String, u64>,
}

/// Staging folders of entries being written: unique per writer, so that
/// threads making the same entry at once never share one.
static STAGING: AtomicU64 = AtomicU64::new(0);

pub struct Cache {
    dir: PathBuf,
    /// Entries used by this build, so the rest can be pruned.
    used: Mutex<BTreeSet<String>>,
    /// `check` reads the cache and never writes or prunes it.
    writable: bool,
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache {
            dir: root.join(".launchpad-cache"),
            used: Mutex::new(BTreeSet::new()),
            writable: true,
        }
    }

    /// A cache that is read and never written, for `check`.
    pub fn read_only(root: &Path) -> Cache {
        Cache {
            writable: false,
            ..Cache::new(root)
        }
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// The folder of one entry (`photos/<key>`), marked as used.
    pub fn entry(&self, kind: &str, key: &str) -> PathBuf {
        let name = format!("{kind}/{key}");
        self.used.lock().expect("cache lock").insert(name.clone());
        self.dir.join(name)
    }

    /// Whether an entry was written to the end (see `write`) and is intact.
    pub fn is_complete(&self, entry: &Path) -> bool {
        self.open(entry).is_some()
    }

    /// A complete, intact entry's manifest and files; `None` for a miss,
    /// whatever is wrong with it.
    pub fn open(&self, entry: &Path) -> Option<Sealed> {
        let seal: Seal = serde_json::from_slice(&fs::read(entry.join(DONE)).ok()?).ok()?;
        if entry.file_name()?.to_str()? != seal.key {
            return None;
        }
        for (name, size) in &seal.files {
            if !is_plain_name(name) {
                return None;
            }
            let meta = fs::symlink_metadata(entry.join(name)).ok()?;
            if !meta.file_type().is_file() || meta.len() != *size {
                return None;
            }
        }
        Some(Sealed {
            manifest: seal.manifest.into_bytes(),
            files: seal.files,
        })
    }

    /// Writes an entry's files; the seal is written last, so a build that
    /// was interrupted leaves no entry that looks complete. Several threads
    /// may write the same entry at once: each writes its own staging
    /// folder, and the first to finish wins.
    pub fn write(
        &self,
        entry: &Path,
        files: &[(&str, &[u8])],
        manifest: &[u8],
    ) -> std::io::Result<()> {
        if !self.writable {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the image cache is read-only here",
            ));
        }
        let key = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let n = STAGING.fetch_add(1, Ordering::Relaxed);
        let staging = entry.with_extension(format!("tmp-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&staging);
        fs::create_dir_all(&staging)?;
        let mut sizes = BTreeMap::new();
        for (name, bytes) in files {
            debug_assert!(is_plain_name(name), "{name}");
            fs::write(staging.join(name), bytes)?;
            sizes.insert(name.to_string(), bytes.len() as u64);
        }
        let seal = Seal {
            key,
            files: sizes,
            manifest: String::from_utf8_lossy(manifest).into_owned(),
        };
        fs::write(
            staging.join(DONE),
            serde_json::to_vec(&seal).expect("a seal serializes"),
        )?;
        if fs::rename(&staging, entry).is_ok() {
            return Ok(());
        }
        // Another writer finished first (or a damaged entry is in the way).
        if self.is_complete(entry) {
            let _ = fs::remove_dir_all(&staging);
            return Ok(());
        }
        let _ = fs::remove_dir_all(entry);
        let renamed = fs::rename(&staging, entry);
        if renamed.is_err() && self.is_complete(entry) {
            let _ = fs::remove_dir_all(&staging);
            return Ok(());
        }
        renamed
    }

    /// Removes entries of `kinds` this build did not use. Returns how many.
    pub fn prune(&self, kinds: &[&str]) -> usize {
        if !self.writable {
            return 0;
        }
        let used = self.used.lock().expect("cache lock");
        let mut removed = 0;
        for kind in kinds {
            let Ok(entries) = fs::read_dir(self.dir.join(kind)) else {
                continue;
            };
            for e in entries.flatten() {
                let name = format!("{kind}/{}", e.file_name().to_string_lossy());
                if !used.contains(&name) && fs::remove_dir_all(e.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        removed
    }
}

/// The file that marks a complete entry, holding its seal.
pub const DONE: &str = "seal.json";

/// A file name of an entry: no folder parts, nothing hidden.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != DONE && !name.starts_with('.') && !name.contains(['/', '\\', '\0'])
}

/// A short, stable key from parts.
pub fn key(parts: &[&[u8]]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(VERSION.as_bytes());
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().to_hex()[..32].to_string()
}
