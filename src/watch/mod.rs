//! The policy watcher: fetches the documents the catalogue lists, extracts their text, compares it
//! with the reference in the snapshot store and reports what changed, so that claims resting on a
//! changed document can be reviewed.
//!
//! Data flows one way: catalogue documents → [`fetch`] (HTTP, bounded and polite) → [`check`]
//! (extraction via `crate::extract`, comparison via `crate::changes`, the [`State`]) → [`store`]
//! (snapshots, atomic, locked) → [`report`]. The store also answers [`source_changes`] for the
//! evaluation. [`ota`] converts Open Terms Archive declarations into catalogue documents.

pub mod check;
pub mod evidence;
pub mod fetch;
pub mod mail;
pub mod ota;
pub mod pdf_child;
pub mod quotes;
pub mod report;
pub mod state;
pub mod store;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures_util::stream::{self, StreamExt};
use url::Url;

pub use check::Target;
pub use state::{Checked, State};
use store::Store;

use crate::error::{exit, Error};
use crate::evaluate::{EvidenceChecks, SourceChanges};

/// How a watch run behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// Store fetched text as the new reference, accepting the changes.
    pub update: bool,
    pub fetch: fetch::Config,
    /// How long to wait for another run holding the store.
    pub lock_wait: Duration,
    /// Show a progress bar (only ever on a terminal).
    pub progress: bool,
}

/// The store directory: `--state DIR`, else the default location.
pub fn store_root(state: Option<&PathBuf>) -> Result<PathBuf, Error> {
    match state {
        Some(dir) => Ok(dir.clone()),
        None => store::default_root().ok_or_else(|| {
            Error::usage("no place for the snapshot store: set `--state DIR`, `XDG_STATE_HOME` or `HOME`")
        }),
    }
}

/// Checks every target and records the results in the store at `root`.
pub fn run(root: PathBuf, targets: Vec<Target>, opts: &Options) -> Result<Vec<Checked>, Error> {
    let locked = Store::at(root).lock(opts.lock_wait).map_err(store_error)?;
    let fetcher = fetch::Fetcher::new(opts.fetch.clone()).map_err(Error::Runtime)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Runtime(format!("cannot start the network runtime: {e}")))?;
    let bar = (opts.progress && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(targets.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let locked = Arc::new(locked);
    let mut results = rt.block_on(async {
        let fetcher = &fetcher;
        let locked = &locked;
        let mut done = stream::iter(targets.into_iter().map(|t| async move {
            // Read once: its validators make the request conditional, and the record starts from it.
            let stored = locked.store.meta(&t.vendor, &t.document);
            let outcome = match Url::parse(&t.url) {
                Ok(url) => {
                    let (etag, last_modified) = validators(&stored);
                    fetcher
                        .fetch(&fetch::Request {
                            url,
                            etag,
                            last_modified,
                        })
                        .await
                }
                Err(e) => fetch::FetchOutcome::Failed {
                    reason: format!("`{}` is not a valid URL: {e}", t.url),
                },
            };
            if needs_calling_thread(&outcome) {
                return Recorded::Later(t, outcome);
            }
            // Extraction and the synced writes run on a worker thread, so the fetches (and the
            // other records) go on meanwhile.
            let (store, update, limit) = (Arc::clone(locked), opts.update, opts.fetch.timeout);
            let work = tokio::task::spawn_blocking(move || {
                let checked = check::record(&store, &t, stored, outcome, &how(update, limit));
                (t, checked)
            });
            match work.await {
                Ok((t, checked)) => Recorded::Done(t, checked),
                Err(e) => Recorded::Panicked(e.to_string()),
            }
        }))
        .buffer_unordered(opts.fetch.concurrency.max(1));
        let mut results = Vec::new();
        while let Some(recorded) = done.next().await {
            let (target, checked) = match recorded {
                Recorded::Done(t, checked) => (t, checked),
                Recorded::Later(t, outcome) => {
                    // Rare (a PDF read in this process): its metadata is read again here.
                    let stored = locked.store.meta(&t.vendor, &t.document);
                    let checked = check::record(locked, &t, stored, outcome, &how(opts.update, opts.fetch.timeout));
                    (t, checked)
                }
                Recorded::Panicked(e) => return Err(Error::Runtime(format!("a check failed unexpectedly: {e}"))),
            };
            if let Some(bar) = &bar {
                bar.set_message(format!("{}/{}", target.vendor, target.document));
                bar.inc(1);
            }
            // What was checked before a failure stays in the store.
            results.push(checked.map_err(store_error)?);
        }
        Ok::<_, Error>(results)
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    results.sort_by(|a, b| (&a.vendor, &a.document).cmp(&(&b.vendor, &b.document)));
    Ok(results)
}

/// A fetched document on its way to the store.
enum Recorded {
    /// Checked and recorded on a worker thread.
    Done(Target, Result<Checked, store::StoreError>),
    /// To be recorded on the calling thread (see [`needs_calling_thread`]).
    Later(Target, fetch::FetchOutcome),
    /// The worker thread panicked.
    Panicked(String),
}

/// A PDF read in this process is extracted on the thread that holds the standard output lock (the
/// PDF reader takes that lock to keep its diagnostics off the terminal); a PDF read in a child
/// process, and everything else, can be recorded on any thread.
fn needs_calling_thread(outcome: &fetch::FetchOutcome) -> bool {
    !pdf_child::enabled()
        && matches!(outcome, fetch::FetchOutcome::Ok(r) if crate::extract::is_pdf(&r.body, r.content_type.as_deref()))
}

fn how(update: bool, extract_limit: Duration) -> check::How {
    check::How {
        update,
        now: jiff::Timestamp::now(),
        extract_limit,
    }
}

/// The validators of the stored reference, for a conditional request: a `304` then means the page
/// still is the reference version.
fn validators(stored: &Result<Option<store::Meta>, store::StoreError>) -> (Option<String>, Option<String>) {
    match stored {
        Ok(Some(m)) if m.text_sha256.is_some() && m.raw_sha256.is_some() => (m.etag.clone(), m.last_modified.clone()),
        _ => (None, None),
    }
}

pub fn store_error(e: store::StoreError) -> Error {
    Error::Runtime(e.to_string())
}

/// The exit code of a run: 1 when something changed or moved, else 5 when some document could not
/// be checked, else 0.
pub fn exit_code(results: &[Checked]) -> u8 {
    if results.iter().any(|r| matches!(r.state, State::Changed | State::Moved)) {
        exit::FINDINGS
    } else if results.iter().any(|r| r.state.is_failure()) {
        exit::UNCHECKED
    } else {
        exit::SUCCESS
    }
}

/// The store `--state DIR` names (which must exist), else the default store when it exists.
pub fn existing_root(state: Option<&PathBuf>) -> Result<Option<PathBuf>, Error> {
    match state {
        Some(dir) if !dir.is_dir() => Err(Error::usage(format!(
            "`--state {}` is not a directory; run `vcaudit watch --state {}` first",
            dir.display(),
            dir.display()
        ))),
        Some(dir) => Ok(Some(dir.clone())),
        None => Ok(store::default_root().filter(|d| d.is_dir())),
    }
}

/// Per `(vendor, document)`, the day its text last changed, from the store at `state` (or the
/// default store, when it exists). An absent default store means no changes are known.
pub fn source_changes(state: Option<&PathBuf>) -> Result<SourceChanges, Error> {
    let Some(root) = existing_root(state)? else {
        return Ok(SourceChanges::new());
    };
    let mut out = SourceChanges::new();
    for (vendor, document, meta) in Store::at(root).all().map_err(store_error)? {
        if let Some(day) = meta.changed_on() {
            out.insert((vendor, document), day);
        }
    }
    Ok(out)
}

/// The quote checks and reviews of the store at `state` (or the default store, when it exists).
pub fn evidence_checks(state: Option<&PathBuf>) -> Result<EvidenceChecks, Error> {
    match existing_root(state)? {
        Some(root) => evidence::checks(&root).map_err(store_error),
        None => Ok(EvidenceChecks::default()),
    }
}
