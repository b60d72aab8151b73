//! The snapshot store: per watched document, the raw bodies and extracted texts that were fetched,
//! and one metadata file saying which of them is the reference, with the HTTP validators, hashes,
//! fetch times, extractor version, failure count and change dates.
//!
//! Layout: `ROOT/VENDOR/DOCUMENT/meta.json` plus content-addressed files `raw-SHA256` and
//! `text-SHA256.txt` beside it. Every file is first written to a temporary file (`.tmp*`) beside
//! its place; [`Locked::commit`] then flushes a whole batch of them to disk with one file system
//! sync, renames bodies and texts into place, then the `meta.json` files, and syncs again.
//! Bodies and texts are immutable; `meta.json` is the only thing that says which version counts.
//! So a run killed at any moment (or a power cut) leaves each document at its old or its new
//! version, and stray temporary files are ignored. Earlier versions stay on disk and are listed in
//! `history`. A lock file (`ROOT/.lock`, an OS file lock released when the process ends) keeps two
//! writing runs apart.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tempfile::TempPath;

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

/// The store held for writing: the lock is released when this is dropped. Writes are staged until
/// [`Locked::commit`]; staged files not committed are removed when this is dropped.
pub struct Locked {
    pub store: Store,
    _lock: File,
    staged: Mutex<Staged>,
}

/// Temporary files written but not yet in place, with their destinations.
#[derive(Default)]
struct Staged {
    /// Bodies and texts: renamed first.
    content: Vec<(TempPath, PathBuf)>,
    /// `meta.json` files: renamed last.
    meta: Vec<(TempPath, PathBuf)>,
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
            staged: Mutex::new(Staged::default()),
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
        let tmp = write_temp(&dir, bytes)?;
        self.staged().content.push((tmp, path));
        Ok(())
    }

    /// Replaces the metadata of a document (at the next [`Locked::commit`]): the commit point of a
    /// check.
    pub fn save(&self, meta: &Meta) -> Result<(), StoreError> {
        let dir = self.store.dir(&meta.vendor, &meta.document);
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let mut meta = meta.clone();
        meta.format = META_FORMAT;
        let json = serde_json::to_vec_pretty(&meta).map_err(|e| io_err(&dir)(io::Error::other(e)))?;
        let tmp = write_temp(&dir, &json)?;
        self.staged().meta.push((tmp, dir.join("meta.json")));
        Ok(())
    }

    /// Documents saved since the last commit.
    pub fn pending(&self) -> usize {
        self.staged().meta.len()
    }

    /// Puts everything written so far in place: flushes it to disk (one sync of the file system
    /// instead of one per file), renames bodies and texts, then the metadata, and syncs again so the
    /// renames are on disk too.
    pub fn commit(&self) -> Result<(), StoreError> {
        self.take_batch().commit()
    }

    /// Everything written so far, to be put in place by [`Batch::commit`], possibly on another
    /// thread while further documents are written to the next batch.
    pub fn take_batch(&self) -> Batch {
        Batch {
            root: self.store.root.clone(),
            staged: std::mem::take(&mut *self.staged()),
        }
    }

    fn staged(&self) -> std::sync::MutexGuard<'_, Staged> {
        self.staged.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Files written by one stretch of a run, not yet in place; removed when dropped uncommitted.
pub struct Batch {
    root: PathBuf,
    staged: Staged,
}

impl Batch {
    /// Puts the batch in place, as described at [`Locked::commit`].
    pub fn commit(self) -> Result<(), StoreError> {
        let Staged { content, meta } = self.staged;
        if content.is_empty() && meta.is_empty() {
            return Ok(());
        }
        sync_files(&self.root, content.iter().chain(&meta).map(|(tmp, _)| tmp.as_ref()))?;
        rename_all(content)?;
        rename_all(meta)?;
        sync_all(&self.root)
    }
}

/// Threads renaming files into place: a rename over an existing file waits for the file system
/// journal, and those waits overlap.
const RENAMERS: usize = 8;

/// Renames temporary files into place, several at a time; returns when all are done.
fn rename_all(files: Vec<(TempPath, PathBuf)>) -> Result<(), StoreError> {
    if files.len() < 2 {
        for (tmp, path) in files {
            tmp.persist(&path).map_err(|e| io_err(&path)(e.error))?;
        }
        return Ok(());
    }
    let queue = Mutex::new(files);
    let next = || queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..RENAMERS)
            .map(|_| {
                s.spawn(|| {
                    while let Some((tmp, path)) = next() {
                        tmp.persist(&path).map_err(|e| io_err(&path)(e.error))?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err(io_err(Path::new(""))(io::Error::other("a rename thread failed"))))
        })
    })
}

/// Writes `bytes` to a new temporary file in `dir` (not yet flushed to disk).
fn write_temp(dir: &Path, bytes: &[u8]) -> Result<TempPath, StoreError> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    tmp.write_all(bytes).map_err(io_err(tmp.path()))?;
    Ok(tmp.into_temp_path())
}

/// Flushes the given files to disk: on Linux with one `syncfs` of the file system holding `root`,
/// elsewhere file by file.
fn sync_files<'a>(root: &Path, files: impl Iterator<Item = &'a Path>) -> Result<(), StoreError> {
    if cfg!(target_os = "linux") {
        return sync_all(root);
    }
    for f in files {
        File::open(f).and_then(|f| f.sync_all()).map_err(io_err(f))?;
    }
    Ok(())
}

/// Flushes everything written to the file system holding `root` (Linux), or the directory entry of
/// `root` elsewhere.
fn sync_all(root: &Path) -> Result<(), StoreError> {
    let dir = File::open(root).map_err(io_err(root))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: `dir` is an open descriptor for the duration of the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(io_err(root)(io::Error::last_os_error()));
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        dir.sync_all().map_err(io_err(root))
    }
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
        assert!(
            locked.store.all().unwrap().is_empty(),
            "nothing is in place before the commit"
        );
        locked.commit().unwrap();
        fs::write(dir.path().join("v/d/.tmpXYZ"), b"{half").unwrap();
        fs::create_dir_all(dir.path().join("v/.tmpdir")).unwrap();
        let all = locked.store.all().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(locked.store.text("v", "d", &sha).unwrap(), "hello");
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
