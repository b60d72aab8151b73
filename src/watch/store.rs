//! The snapshot store: per watched document, the raw bodies and extracted texts that were fetched,
//! and one metadata file saying which of them is the reference, with the HTTP validators, hashes,
//! fetch times, extractor version, failure count and change dates.
//!
//! Layout: `ROOT/VENDOR/DOCUMENT/meta.json` plus content-addressed files `raw-SHA256` and
//! `text-SHA256.txt` beside it. Every file is written the same way: to a temporary file (`.tmp*`)
//! beside its place, flushed to disk, renamed into place, and the directory flushed so that the
//! rename is on disk too. A check stores its body and text before the `meta.json` that names them.
//! Bodies and texts are immutable; `meta.json` is the only thing that says which version counts.
//! So a run killed at any moment (or a power cut) leaves each document at its old or its new
//! version, and stray temporary files are ignored. Earlier versions stay on disk and are listed in
//! `history`. A lock file (`ROOT/.lock`, an OS file lock released when the process ends) keeps two
//! writing runs apart.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Version of the `meta.json` layout.
pub const META_FORMAT: u32 = 1;

/// The stored state of one document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub format: u32,
    pub vendor: String,
    pub document: String,
    /// The URL in the catalogue at the last check.
    pub url: String,
    /// Where the reference version was actually served from, after redirects.
    pub final_url: Option<String>,
    /// HTTP status of the reference version.
    pub status: Option<u16>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// SHA-256 of the reference raw body (`raw-HASH`), when there is a reference.
    pub raw_sha256: Option<String>,
    /// SHA-256 of the reference extracted text (`text-HASH.txt`).
    pub text_sha256: Option<String>,
    /// When the reference version was fetched.
    pub fetched_at: Option<Timestamp>,
    /// When the document was last checked, successfully or not, with an outcome that changed
    /// this record (a `304` for an unchanged document does not rewrite `meta.json`).
    pub checked_at: Option<Timestamp>,
    /// The extractor version and rules the reference text was made with.
    pub extractor_version: u32,
    pub rules_sha256: String,
    /// The "last updated" date the document states, as written.
    pub stated_date: Option<String>,
    /// Failed checks in a row (failed, gone, blocked, selector-broken); 0 after a good check.
    pub consecutive_failures: u32,
    /// State and detail of the last check.
    pub last_state: Option<String>,
    pub last_error: Option<String>,
    /// The day the text last changed (an accepted change).
    pub last_changed: Option<Date>,
    /// A change seen but not yet accepted with `--update`.
    pub pending: Option<Pending>,
    /// Earlier reference versions, oldest first.
    pub history: Vec<Version>,
}

/// A change seen by a run without `--update`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pending {
    /// When this change was first seen.
    pub first_seen: Timestamp,
    pub raw_sha256: String,
    pub text_sha256: String,
}

/// An earlier reference version.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Version {
    pub fetched_at: Option<Timestamp>,
    pub raw_sha256: Option<String>,
    pub text_sha256: Option<String>,
    pub final_url: Option<String>,
    /// When it stopped being the reference.
    pub replaced_at: Timestamp,
}

impl Meta {
    /// The day a document's text last changed, counting a change not yet accepted.
    pub fn changed_on(&self) -> Option<Date> {
        let pending = self.pending.as_ref().map(|p| day(p.first_seen));
        match (self.last_changed, pending) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }
}

/// The UTC day of a timestamp.
pub fn day(t: Timestamp) -> Date {
    t.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Hex SHA-256 of bytes.
pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Why the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use the snapshot store `{}`: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("`{}` is not valid store metadata (line {line}, column {column}): {message}", path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "another `vcaudit watch` is using the snapshot store `{}` (waited {waited}); try again when it has finished",
        path.display()
    )]
    Busy { path: PathBuf, waited: String },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The store at a directory, for reading.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// The store held for writing: the lock is released when this is dropped.
pub struct Locked {
    pub store: Store,
    _lock: File,
}

/// The default store: `$XDG_STATE_HOME/vcaudit`, else `$HOME/.local/state/vcaudit`.
pub fn default_root() -> Option<PathBuf> {
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    nonempty("XDG_STATE_HOME")
        .map(|d| d.join("vcaudit"))
        .or_else(|| nonempty("HOME").map(|h| h.join(".local/state/vcaudit")))
}

impl Store {
    /// The store at `root` (which may not exist yet).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Store { root: root.into() }
    }

    /// Creates the directory if needed and takes the lock, waiting up to `wait` for another run.
    pub fn lock(self, wait: Duration) -> Result<Locked, StoreError> {
        fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
        let path = self.root.join(".lock");
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(50).min(wait));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy {
                        path: self.root.clone(),
                        waited: super::fetch::human(wait),
                    })
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_err(&path)(e)),
            }
        }
        Ok(Locked {
            store: self,
            _lock: file,
        })
    }

    fn dir(&self, vendor: &str, document: &str) -> PathBuf {
        self.root.join(vendor).join(document)
    }

    /// The metadata of a document, or `None` when it was never checked.
    pub fn meta(&self, vendor: &str, document: &str) -> Result<Option<Meta>, StoreError> {
        let path = self.dir(vendor, document).join("meta.json");
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&path)(e)),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Corrupt {
                path,
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
    }

    /// Every document in the store with metadata, as `(vendor, document, meta)`.
    pub fn all(&self) -> Result<Vec<(String, String, Meta)>, StoreError> {
        let mut out = Vec::new();
        let vendors = match fs::read_dir(&self.root) {
            Ok(v) => v,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(io_err(&self.root)(e)),
        };
        for v in vendors.flatten() {
            let vname = v.file_name().to_string_lossy().into_owned();
            if vname.starts_with('.') || !v.path().is_dir() {
                continue;
            }
            for d in fs::read_dir(v.path()).map_err(io_err(&v.path()))?.flatten() {
                let dname = d.file_name().to_string_lossy().into_owned();
                if dname.starts_with('.') || !d.path().is_dir() {
                    continue;
                }
                if let Some(meta) = self.meta(&vname, &dname)? {
                    out.push((vname.clone(), dname, meta));
                }
            }
        }
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        Ok(out)
    }

    /// A stored raw body.
    pub fn raw(&self, vendor: &str, document: &str, sha: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.dir(vendor, document).join(format!("raw-{sha}"));
        fs::read(&path).map_err(io_err(&path))
    }

    /// A JSON file the store keeps beside the documents (`.quotes.json`, `.reviews.json`), or
    /// its default when there is none yet.
    pub fn side<T: serde::de::DeserializeOwned + Default>(&self, name: &str) -> Result<T, StoreError> {
        let path = self.root.join(name);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(T::default()),
            Err(e) => return Err(io_err(&path)(e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
            path,
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }

    /// The text a document has now: a change not yet accepted, else the reference.
    pub fn current_text_sha(meta: &Meta) -> Option<&str> {
        meta.pending
            .as_ref()
            .map(|p| p.text_sha256.as_str())
            .or(meta.text_sha256.as_deref())
    }

    /// A stored text.
    pub fn text(&self, vendor: &str, document: &str, sha: &str) -> Result<String, StoreError> {
        let path = self.dir(vendor, document).join(format!("text-{sha}.txt"));
        fs::read_to_string(&path).map_err(io_err(&path))
    }
}

impl Locked {
    /// Stores a raw body and returns its hash (a no-op when it is already there).
    pub fn put_raw(&self, vendor: &str, document: &str, body: &[u8]) -> Result<String, StoreError> {
        let sha = sha256(body);
        self.put(vendor, document, &format!("raw-{sha}"), body)?;
        Ok(sha)
    }

    /// Stores a text and returns its hash.
    pub fn put_text(&self, vendor: &str, document: &str, text: &str) -> Result<String, StoreError> {
        let sha = sha256(text.as_bytes());
        self.put(vendor, document, &format!("text-{sha}.txt"), text.as_bytes())?;
        Ok(sha)
    }

    fn put(&self, vendor: &str, document: &str, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let dir = self.store.dir(vendor, document);
        let path = dir.join(name);
        if path.exists() {
            return Ok(());
        }
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        write_durably(&dir, &path, bytes)
    }

    /// Replaces a JSON file the store keeps beside the documents (see [`Store::side`]).
    pub fn put_side<T: Serialize>(&self, name: &str, value: &T) -> Result<(), StoreError> {
        let root = &self.store.root;
        let json = serde_json::to_vec_pretty(value).map_err(|e| io_err(root)(io::Error::other(e)))?;
        write_durably(root, &root.join(name), &json)
    }

    /// Replaces the metadata of a document: the commit point of a check.
    pub fn save(&self, meta: &Meta) -> Result<(), StoreError> {
        let dir = self.store.dir(&meta.vendor, &meta.document);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let mut meta = meta.clone();
        meta.format = META_FORMAT;
        let json = serde_json::to_vec_pretty(&meta).map_err(|e| io_err(&dir)(io::Error::other(e)))?;
        write_durably(&dir, &dir.join("meta.json"), &json)
    }
}

/// Puts `bytes` at `path` in `dir` so that a crash leaves the old file or the new one, never part
/// of one: written to a temporary file beside it, flushed to disk, renamed into place, and the
/// directory flushed so that the rename is on disk before anything written after it.
fn write_durably(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    tmp.write_all(bytes).map_err(io_err(tmp.path()))?;
    tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    sync_dir(dir)
}

/// Flushes a directory's entries to disk (where a directory can be opened as a file).
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    if cfg!(unix) {
        File::open(dir).and_then(|d| d.sync_all()).map_err(io_err(dir))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trips_and_ignores_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let locked = Store::at(dir.path()).lock(Duration::ZERO).unwrap();
        let sha = locked.put_text("v", "d", "hello").unwrap();
        let meta = Meta {
            vendor: "v".into(),
            document: "d".into(),
            text_sha256: Some(sha.clone()),
            ..Meta::default()
        };
        locked.save(&meta).unwrap();
        fs::write(dir.path().join("v/d/.tmpXYZ"), b"{half").unwrap();
        fs::create_dir_all(dir.path().join("v/.tmpdir")).unwrap();
        let all = locked.store.all().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(locked.store.text("v", "d", &sha).unwrap(), "hello");
    }

    #[test]
    fn a_file_that_cannot_be_put_in_place_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let locked = Store::at(dir.path()).lock(Duration::ZERO).unwrap();
        fs::create_dir_all(dir.path().join("v/d/meta.json/inside")).unwrap();
        let meta = Meta {
            vendor: "v".into(),
            document: "d".into(),
            ..Meta::default()
        };
        assert!(matches!(locked.save(&meta), Err(StoreError::Io { .. })));
        let names: Vec<_> = fs::read_dir(dir.path().join("v/d"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["meta.json"]);
    }

    #[test]
    fn a_second_lock_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::at(dir.path()).lock(Duration::ZERO).unwrap();
        let second = Store::at(dir.path()).lock(Duration::from_millis(100));
        assert!(matches!(second, Err(StoreError::Busy { .. })));
    }

    #[test]
    fn corrupt_meta_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("v/d")).unwrap();
        fs::write(dir.path().join("v/d/meta.json"), "{\n  \"format\": tru").unwrap();
        let err = Store::at(dir.path()).meta("v", "d").unwrap_err().to_string();
        assert!(err.contains("meta.json") && err.contains("line 2"), "{err}");
    }
}
