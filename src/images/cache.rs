//! The image cache: processed photos and share cards, keyed by a hash of
//! their source bytes and every processing parameter, under
//! `ROOT/.launchpad-cache/` (ignored by git). A second build finds every
//! entry and does no image work; entries a build did not use are pruned.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bump when processing changes, so old entries are not reused.
pub const VERSION: &str = "launchpad-images-1";

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

    /// Whether an entry was written to the end (see `write`).
    pub fn is_complete(&self, entry: &Path) -> bool {
        entry.join(DONE).is_file()
    }

    /// Reads an entry's file, if the entry is complete.
    pub fn read(&self, entry: &Path, file: &str) -> Option<Vec<u8>> {
        fs::read(entry.join(file)).ok()
    }

    /// Writes an entry's files; `done` is written last, so a build that was
    /// interrupted leaves no entry that looks complete.
    pub fn write(&self, entry: &Path, files: &[(&str, &[u8])], done: &[u8]) -> std::io::Result<()> {
        if !self.writable {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the image cache is read-only here",
            ));
        }
        let staging = entry.with_extension(format!("tmp-{}", std::process::id()));
        let _ = fs::remove_dir_all(&staging);
        fs::create_dir_all(&staging)?;
        for (name, bytes) in files {
            fs::write(staging.join(name), bytes)?;
        }
        fs::write(staging.join(DONE), done)?;
        let _ = fs::remove_dir_all(entry);
        fs::rename(&staging, entry)
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

/// The file that marks a complete entry, holding its manifest.
pub const DONE: &str = "manifest.json";

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
