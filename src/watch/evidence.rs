//! The evidence records of the snapshot store: per claim the last look for its quote
//! (`ROOT/.quotes.json`), and the reviews in which a person read a changed document and found the
//! claims citing it still hold (`ROOT/.reviews.json`, kept whole as a log). Both are written under
//! the store's lock, the same durable way as the snapshots; names starting with a dot are never
//! taken for vendors.
//!
//! [`verify`] runs after the documents of a `watch` run are recorded: it looks for the quote of
//! every claim citing a checked document in that document's current text ([`super::quotes`]).
//! [`checks`] turns the records into what the evaluation reads ([`EvidenceChecks`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use jiff::civil::Date;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::quotes::Haystack;
use super::state::Checked;
use super::store::{day, Meta, Store, StoreError};
use crate::evaluate::{EvidenceChecks, QuoteCheck, QuoteState, Reviewed};

/// The file of the quote records.
const QUOTES: &str = ".quotes.json";
/// The file of the review log.
const REVIEWS: &str = ".reviews.json";
/// Version of both files' layout.
const FORMAT: u32 = 1;

/// A claim whose quote is looked for in a watched document.
#[derive(Debug, Clone)]
pub struct Cited {
    pub vendor: String,
    /// The claim's key within its vendor ([`crate::evaluate::claim_key`]).
    pub claim: String,
    /// The store's document id of its source (see [`url_document`]).
    pub document: String,
    pub quote: String,
}

/// The last look for one claim's quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub vendor: String,
    pub claim: String,
    pub document: String,
    pub quote: String,
    /// `confirmed` or `quote-gone`.
    pub state: QuoteState,
    /// The last day the quote was found.
    pub last_confirmed: Option<Date>,
    /// The day of this look.
    pub checked_on: Date,
    /// The text it was looked for in.
    pub text_sha256: String,
    /// For a quote gone: the passage of the text nearest to it, found when it is shown
    /// ([`explain`]).
    pub nearest: Option<String>,
}

/// The quote records of a store.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteBook {
    pub format: u32,
    pub claims: Vec<QuoteRecord>,
}

/// One review: a person read the current text of a changed document and the claims citing it
/// still hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub vendor: String,
    pub document: String,
    /// The text that was read.
    pub text_sha256: String,
    /// The day of the change that was read.
    pub changed_on: Option<Date>,
    pub at: Timestamp,
    pub by: String,
    pub note: Option<String>,
}

/// The review log of a store, oldest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewLog {
    pub format: u32,
    pub reviews: Vec<Review>,
}

/// The store's document id for a claim's source URL fetched by `watch --evidence`:
/// `source-` and the first 12 hex digits of the URL's SHA-256.
pub fn url_document(url: &str) -> String {
    format!("source-{}", &super::store::sha256(url.as_bytes())[..12])
}

/// Looks for the quote of every claim in `cited` whose document was checked in `results`, in the
/// document's current text, and records what was found; returns the records of this run. A
/// document that could not be checked keeps its claims' records as they were.
pub fn verify(
    root: PathBuf,
    cited: &[Cited],
    results: &[Checked],
    lock_wait: Duration,
) -> Result<Vec<QuoteRecord>, StoreError> {
    if cited.is_empty() {
        return Ok(Vec::new());
    }
    let locked = Store::at(root).lock(lock_wait)?;
    let store = &locked.store;
    let mut book: QuoteBook = store.side(QUOTES)?;
    let today = day(Timestamp::now());
    let mut by_document: HashMap<(&str, &str), Vec<&Cited>> = HashMap::new();
    for c in cited {
        by_document.entry((&c.vendor, &c.document)).or_default().push(c);
    }
    // The last look for each claim's quote.
    let before: HashMap<(&str, &str), &QuoteRecord> = book
        .claims
        .iter()
        .map(|x| ((x.vendor.as_str(), x.claim.as_str()), x))
        .collect();
    // Documents are independent: each is read and searched on its own, spread over the cores.
    let documents: Vec<(&Checked, &Vec<&Cited>)> = results
        .iter()
        .filter(|r| !r.state.is_failure())
        .filter_map(|r| Some((r, by_document.get(&(r.vendor.as_str(), r.document.as_str()))?)))
        .collect();
    let per_document = crate::parallel::map(&documents, |(r, claims)| look_up(store, r, claims, &before, today));
    let mut fresh = Vec::new();
    for records in per_document {
        fresh.extend(records?);
    }
    if fresh.is_empty() {
        return Ok(fresh);
    }
    let renewed: std::collections::HashSet<(&str, &str)> =
        fresh.iter().map(|f| (f.vendor.as_str(), f.claim.as_str())).collect();
    let mut claims: Vec<QuoteRecord> = book
        .claims
        .into_iter()
        .filter(|x| !renewed.contains(&(x.vendor.as_str(), x.claim.as_str())))
        .collect();
    claims.extend(fresh.iter().cloned());
    book.claims = claims;
    book.claims
        .sort_by(|a, b| (&a.vendor, &a.claim).cmp(&(&b.vendor, &b.claim)));
    book.format = FORMAT;
    locked.put_side(QUOTES, &book)?;
    Ok(fresh)
}

/// The records of the claims of one checked document: each quote looked for in the document's
/// current text. A quote looked for in the same text before has the same answer: the text is
/// only read for the others.
fn look_up(
    store: &Store,
    r: &Checked,
    claims: &[&Cited],
    before: &HashMap<(&str, &str), &QuoteRecord>,
    today: Date,
) -> Result<Vec<QuoteRecord>, StoreError> {
    let Some(meta) = store.meta(&r.vendor, &r.document)? else {
        return Ok(Vec::new());
    };
    let Some(sha) = Store::current_text_sha(&meta).map(str::to_owned) else {
        return Ok(Vec::new());
    };
    let previous = |c: &Cited| {
        before
            .get(&(c.vendor.as_str(), c.claim.as_str()))
            .copied()
            .filter(|x| x.quote == c.quote)
    };
    let seen = |c: &Cited| previous(c).filter(|x| x.text_sha256 == sha);
    let text = if claims.iter().all(|c| seen(c).is_some()) {
        None
    } else {
        Some(store.text(&r.vendor, &r.document, &sha)?)
    };
    let hay = text.as_deref().map(Haystack::new);
    let record = |c: &Cited| -> Option<QuoteRecord> {
        if let Some(x) = seen(c) {
            return Some(QuoteRecord {
                checked_on: today,
                last_confirmed: match x.state {
                    QuoteState::Confirmed => Some(today),
                    _ => x.last_confirmed,
                },
                ..x.clone()
            });
        }
        let hay = hay.as_ref()?;
        let found = hay.contains(&c.quote);
        Some(QuoteRecord {
            vendor: c.vendor.clone(),
            claim: c.claim.clone(),
            document: c.document.clone(),
            quote: c.quote.clone(),
            state: if found {
                QuoteState::Confirmed
            } else {
                QuoteState::QuoteGone
            },
            last_confirmed: if found {
                Some(today)
            } else {
                previous(c).and_then(|x| x.last_confirmed)
            },
            checked_on: today,
            text_sha256: sha.clone(),
            nearest: None,
        })
    };
    Ok(claims.iter().filter_map(|c| record(c)).collect())
}

/// Finds, for each quote gone among `records`, the passage of the text it was looked for in
/// nearest to it. Kept out of `watch --quiet`: reading a whole text's words costs more than
/// looking up all its quotes, and a scheduled job's short report does not show the passage.
pub fn explain(root: &std::path::Path, records: &mut [QuoteRecord]) {
    let store = Store::at(root);
    // Per text, the records of the quotes gone from it: each text is read once.
    let mut by_text: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.state == QuoteState::QuoteGone && r.nearest.is_none() {
            let key = (r.vendor.clone(), r.document.clone(), r.text_sha256.clone());
            by_text.entry(key).or_default().push(i);
        }
    }
    for ((vendor, document, sha), gone) in by_text {
        // A text no longer in the store leaves the passage unknown; the quote is gone all the same.
        let Ok(text) = store.text(&vendor, &document, &sha) else {
            continue;
        };
        let hay = Haystack::new(&text);
        for i in gone {
            if let Some(r) = records.get_mut(i) {
                r.nearest = hay.nearest(&r.quote);
            }
        }
    }
}

/// The quote records of the store at `root`.
pub fn quote_book(root: &std::path::Path) -> Result<QuoteBook, StoreError> {
    Store::at(root).side(QUOTES)
}

/// The review log of the store at `root`.
pub fn review_log(root: &std::path::Path) -> Result<ReviewLog, StoreError> {
    Store::at(root).side(REVIEWS)
}

/// What the evaluation reads from the store at `root`: the quote checks, and per document the
/// latest review when it read the document's current text.
pub fn checks(root: &std::path::Path) -> Result<EvidenceChecks, StoreError> {
    let store = Store::at(root);
    let mut out = EvidenceChecks::default();
    for r in quote_book(root)?.claims {
        out.quotes.insert(
            (r.vendor, r.claim),
            QuoteCheck {
                quote: r.quote,
                state: r.state,
                last_confirmed: r.last_confirmed,
            },
        );
    }
    let log = review_log(root)?;
    let mut latest: HashMap<(&str, &str), &Review> = HashMap::new();
    for r in &log.reviews {
        latest.insert((&r.vendor, &r.document), r);
    }
    for ((vendor, document), r) in latest {
        let Some(meta) = store.meta(vendor, document)? else {
            continue;
        };
        if Store::current_text_sha(&meta) == Some(r.text_sha256.as_str()) {
            out.reviews.insert(
                (vendor.to_owned(), document.to_owned()),
                Reviewed {
                    on: day(r.at),
                    note: r.note.clone(),
                },
            );
        }
    }
    Ok(out)
}

/// Records a review of the current text of `vendor/document` and takes a change not yet accepted
/// as the new reference (as `watch --update` would have). `None` when the store does not know
/// the document.
pub fn accept(
    root: PathBuf,
    vendor: &str,
    document: &str,
    by: String,
    note: Option<String>,
    lock_wait: Duration,
) -> Result<Option<Review>, StoreError> {
    let locked = Store::at(root).lock(lock_wait)?;
    let Some(mut meta) = locked.store.meta(vendor, document)? else {
        return Ok(None);
    };
    let Some(sha) = Store::current_text_sha(&meta).map(str::to_owned) else {
        return Ok(None);
    };
    let at = Timestamp::now();
    let changed_on = meta.changed_on();
    if let Some(p) = meta.pending.take() {
        promote(&mut meta, p, at);
        locked.save(&meta)?;
    }
    let review = Review {
        vendor: vendor.to_owned(),
        document: document.to_owned(),
        text_sha256: sha,
        changed_on,
        at,
        by,
        note,
    };
    let mut log: ReviewLog = locked.store.side(REVIEWS)?;
    log.format = FORMAT;
    log.reviews.push(review.clone());
    locked.put_side(REVIEWS, &log)?;
    Ok(Some(review))
}

/// Makes a pending change the reference; its validators are dropped, so the next check fetches
/// the page whole.
fn promote(meta: &mut Meta, p: super::store::Pending, now: Timestamp) {
    meta.history.push(super::store::Version {
        fetched_at: meta.fetched_at,
        raw_sha256: meta.raw_sha256.take(),
        text_sha256: meta.text_sha256.take(),
        final_url: meta.final_url.clone(),
        replaced_at: now,
    });
    meta.raw_sha256 = Some(p.raw_sha256);
    meta.text_sha256 = Some(p.text_sha256);
    meta.fetched_at = Some(p.first_seen);
    meta.etag = None;
    meta.last_modified = None;
    meta.last_changed = Some(day(p.first_seen));
}
