//! One document's check after its fetch: extract the text, compare it like with like against the
//! stored reference, decide the [`State`], and record the result in the store. The reference is
//! only ever replaced by good text: a failure, an error status, a selector that matches nothing, an
//! empty or suspiciously shrunken text leave it as it was.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use url::Url;

use super::fetch::{FetchOutcome, Response};
use super::state::{is_moved, Checked, State};
use super::store::{day, sha256, Locked, Meta, Pending, StoreError, Version};
use crate::changes;
use crate::extract::{self, ExtractError, Extracted, Rules, EXTRACTOR_VERSION};
use crate::i18n::Text;

/// A reference text shorter than this share of the old one counts as a broken extraction.
const SHRINK_RATIO: f64 = 0.3;
/// Texts shorter than this are too small to judge shrinking.
const SHRINK_MIN: usize = 400;

/// A catalogue document to watch.
#[derive(Debug, Clone)]
pub struct Target {
    pub vendor: String,
    pub document: String,
    pub url: String,
    pub select: Vec<String>,
    pub remove: Vec<String>,
}

impl Target {
    /// A hash of the extraction rules, stored to notice when they change.
    pub fn rules_sha256(&self) -> String {
        let mut s = String::new();
        for (k, list) in [("select", &self.select), ("remove", &self.remove)] {
            for x in list {
                s.push_str(&format!("{k}\u{1f}{x}\u{1e}"));
            }
        }
        sha256(s.as_bytes())
    }
}

/// How results are recorded in one run.
#[derive(Debug, Clone, Copy)]
pub struct How {
    /// Accept changes: store the fetched text as the new reference.
    pub update: bool,
    /// The time of the check.
    pub now: Timestamp,
    /// How long extracting one document may take.
    pub extract_limit: Duration,
}

/// The facts of one check before they are recorded.
struct Observation {
    state: State,
    status: Option<u16>,
    final_url: Option<Url>,
    /// In English and Dutch; technical reasons (from the network or the extractor) in English only.
    detail: Option<Text>,
}

impl Observation {
    fn failed(state: State, status: Option<u16>, detail: Text) -> Self {
        Observation {
            state,
            status,
            final_url: None,
            detail: Some(detail),
        }
    }
}

/// Records the outcome of fetching `target` in the store and says what it means; `stored` is the
/// document's metadata as read before the fetch (see [`Store::meta`](super::store::Store::meta)).
pub fn record(
    store: &Locked,
    target: &Target,
    stored: Result<Option<Meta>, StoreError>,
    outcome: FetchOutcome,
    how: &How,
) -> Result<Checked, StoreError> {
    let now = how.now;
    let (v, d) = (target.vendor.as_str(), target.document.as_str());
    let stored = stored?;
    let before = stored.as_ref().map(same_but_time);
    let mut meta = stored.unwrap_or_else(|| Meta {
        vendor: v.to_owned(),
        document: d.to_owned(),
        ..Meta::default()
    });
    let catalogued = Url::parse(&target.url).ok();
    // Decided against the reference as stored, before this check changes anything.
    let moved = served_from(&outcome).is_some_and(|to| has_moved(&meta, catalogued.as_ref(), to));
    meta.url = target.url.clone();
    meta.checked_at = Some(now);
    let mut checked = Checked {
        vendor: v.to_owned(),
        document: d.to_owned(),
        url: target.url.clone(),
        state: State::Failed,
        final_url: None,
        status: None,
        detail: None,
        diff: None,
        criteria: Vec::new(),
        stated_date: meta.stated_date.clone(),
        consecutive_failures: 0,
        changed_on: None,
        stored: false,
    };
    let observed = match outcome {
        FetchOutcome::Failed { reason } => Observation::failed(State::Failed, None, Text::same(reason)),
        FetchOutcome::Status { status, final_url } => {
            let (state, en, nl) = match status {
                404 | 410 => (State::Gone, "the document is gone", "het document is verdwenen"),
                401 | 403 | 429 => (
                    State::Blocked,
                    "the server refuses the watcher",
                    "de server weigert de controle",
                ),
                _ => (State::Failed, "the server failed", "de server gaf een fout"),
            };
            let detail = Text::new(format!("{en} (HTTP {status})"), format!("{nl} (HTTP {status})"));
            let mut f = Observation::failed(state, Some(status), detail);
            f.final_url = Some(final_url);
            f
        }
        FetchOutcome::NotModified { final_url } => {
            if meta.text_sha256.is_some() {
                // The reference text itself is only needed (and read) when it must be re-extracted.
                if meta.extractor_version != EXTRACTOR_VERSION || meta.rules_sha256 != target.rules_sha256() {
                    upgrade_reference(store, target, &mut meta, how.extract_limit)?;
                }
                meta.pending = None;
                Observation {
                    state: State::Unchanged,
                    status: Some(304),
                    final_url: Some(final_url),
                    detail: None,
                }
            } else {
                Observation::failed(
                    State::Failed,
                    Some(304),
                    Text::fixed(
                        "304 Not Modified without a stored version",
                        "304 Not Modified zonder opgeslagen versie",
                    ),
                )
            }
        }
        FetchOutcome::Ok(resp) => compare(store, target, &mut meta, &mut checked, resp, moved, how)?,
    };
    checked.state = observed.state;
    checked.status = observed.status;
    checked.detail = observed.detail;
    if let (Some(from), Some(to)) = (&catalogued, &observed.final_url) {
        if is_moved(from, to) {
            checked.final_url = Some(to.to_string());
        }
        if moved {
            report_move(&mut checked, &mut meta, to, how.update);
        }
    }
    if checked.state.is_failure() {
        meta.consecutive_failures = meta.consecutive_failures.saturating_add(1);
        meta.last_error = checked.detail.as_ref().map(|t| t.en.to_string());
    } else {
        meta.consecutive_failures = 0;
        meta.last_error = None;
    }
    meta.last_state = Some(checked.state.as_str().to_owned());
    checked.consecutive_failures = meta.consecutive_failures;
    checked.changed_on = meta.changed_on();
    // A check that changes nothing but the check time (an unchanged page answering 304) leaves
    // `meta.json` alone: `checked_at` is then the last check that found something new.
    if before.is_none() || before != Some(same_but_time(&meta)) {
        store.save(&meta)?;
    }
    Ok(checked)
}

/// The address a response came from, after redirects; `None` when there was no response.
fn served_from(outcome: &FetchOutcome) -> Option<&Url> {
    match outcome {
        FetchOutcome::Failed { .. } => None,
        FetchOutcome::Status { final_url, .. } | FetchOutcome::NotModified { final_url } => Some(final_url),
        FetchOutcome::Ok(resp) => Some(&resp.final_url),
    }
}

/// Whether a document now served from `to` has moved since its reference was stored: `to` is
/// another document ([`is_moved`]) than the address the reference was served from (the catalogue
/// URL when none is recorded) and than the catalogue URL itself.
///
/// The address a redirect leads to is part of the reference, so a catalogue URL that has always
/// redirected is not a move on every run; only a new target is, until `--update` accepts it (as
/// with a changed text). A document served from its catalogue URL has not moved: the catalogue
/// was edited to follow a move, or a redirect was taken away. Without a reference nothing can have
/// moved: the document is `new`.
fn has_moved(meta: &Meta, catalogued: Option<&Url>, to: &Url) -> bool {
    let Some(catalogued) = catalogued else {
        return false;
    };
    if meta.text_sha256.is_none() {
        return false;
    }
    let recorded = meta.final_url.as_deref().and_then(|u| Url::parse(u).ok());
    is_moved(recorded.as_ref().unwrap_or(catalogued), to) && is_moved(catalogued, to)
}

/// Reports a document that moved ([`has_moved`]) as `moved`, and with `--update` accepts `to` as
/// the address of the reference. A failure stays a failure and accepts nothing.
///
/// `moved` also wins over `changed`: both need a review and exit 1, the diff of the text stays in
/// the report, and one `--update` accepts the new text and the new address together.
fn report_move(checked: &mut Checked, meta: &mut Meta, to: &Url, update: bool) {
    if checked.state.is_failure() {
        return;
    }
    checked.state = State::Moved;
    checked
        .detail
        .get_or_insert_with(|| Text::new(format!("now served from {to}"), format!("nu te vinden op {to}")));
    if update {
        meta.final_url = Some(to.to_string());
        checked.stored = true;
    }
}

/// The metadata without its check time, for telling whether a check changed anything.
fn same_but_time(meta: &Meta) -> Vec<u8> {
    let mut m = meta.clone();
    m.checked_at = None;
    serde_json::to_vec(&m).unwrap_or_default()
}

/// The reference text, re-extracted from the stored raw body when the extractor or the rules
/// changed since it was stored (so the comparison is like with like). Updates `meta` to point at
/// the re-extracted text.
fn upgrade_reference(
    store: &Locked,
    target: &Target,
    meta: &mut Meta,
    limit: Duration,
) -> Result<Option<String>, StoreError> {
    let (v, d) = (target.vendor.as_str(), target.document.as_str());
    let Some(text_sha) = meta.text_sha256.clone() else {
        return Ok(None);
    };
    let rules = target.rules_sha256();
    if meta.extractor_version == EXTRACTOR_VERSION && meta.rules_sha256 == rules {
        return store.store.text(v, d, &text_sha).map(Some);
    }
    let fresh = meta.raw_sha256.as_ref().and_then(|raw_sha| {
        let raw = store.store.raw(v, d, raw_sha).ok()?;
        let base = Url::parse(meta.final_url.as_deref().unwrap_or(&target.url)).ok()?;
        let ex = extract_bounded(target, Arc::new(raw), meta.content_type.as_deref(), &base, limit)?.ok()?;
        (ex.unmatched.is_empty() && !ex.text.trim().is_empty()).then_some(ex.text)
    });
    match fresh {
        Some(text) => {
            meta.text_sha256 = Some(store.put_text(v, d, &text)?);
            meta.extractor_version = EXTRACTOR_VERSION;
            meta.rules_sha256 = rules;
            Ok(Some(text))
        }
        // The old body cannot be read with the new rules: compare with the old text.
        None => store.store.text(v, d, &text_sha).map(Some),
    }
}

/// Extracts the text of a response on its own thread, giving up after `limit`: a hostile page
/// (deeply nested HTML makes HTML parsing quadratic) cannot hold the run. An abandoned extraction
/// ends with the process.
///
/// PDFs are read in a child process under the same limit (see [`super::pdf_child`]).
fn extract_bounded(
    target: &Target,
    body: Arc<Vec<u8>>,
    content_type: Option<&str>,
    base: &Url,
    limit: Duration,
) -> Option<Result<Extracted, ExtractError>> {
    if extract::is_pdf(&body, content_type) {
        return super::pdf_child::extract(&body, limit);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let (ct, url) = (content_type.map(str::to_owned), base.clone());
    let (select, remove) = (target.select.clone(), target.remove.clone());
    std::thread::Builder::new()
        .name("extract".into())
        .spawn(move || {
            let rules = Rules {
                select: &select,
                remove: &remove,
            };
            let _ = tx.send(extract::extract(&body, ct.as_deref(), &url, &rules));
        })
        .ok()?;
    rx.recv_timeout(limit).ok()
}

/// A 2xx body: extract, compare with the reference, store what should be stored. `moved` says the
/// body came from a new address ([`has_moved`]), which is not accepted without `--update`.
fn compare(
    store: &Locked,
    target: &Target,
    meta: &mut Meta,
    checked: &mut Checked,
    mut resp: Response,
    moved: bool,
    how: &How,
) -> Result<Observation, StoreError> {
    let (update, now) = (how.update, how.now);
    let (v, d) = (target.vendor.as_str(), target.document.as_str());
    let status = Some(resp.status);
    let limit = how.extract_limit;
    // Shared with the extraction thread, not copied.
    let body = Arc::new(std::mem::take(&mut resp.body));
    let ex = match extract_bounded(
        target,
        Arc::clone(&body),
        resp.content_type.as_deref(),
        &resp.final_url,
        limit,
    ) {
        None => {
            return Ok(Observation::failed(
                State::Failed,
                status,
                Text::new(
                    format!(
                        "the text could not be extracted within {} (deeply nested or huge HTML, or a PDF the \
                         reader cannot finish?)",
                        super::fetch::human(limit)
                    ),
                    format!(
                        "de tekst kon niet binnen {} worden uitgelezen (diep geneste of enorme HTML, of een PDF \
                         waar de lezer niet mee klaar komt?)",
                        super::fetch::human(limit)
                    ),
                ),
            ))
        }
        Some(Ok(ex)) => ex,
        Some(Err(e @ ExtractError::BadSelector { .. })) => {
            return Ok(Observation::failed(
                State::SelectorBroken,
                status,
                Text::same(e.to_string()),
            ))
        }
        Some(Err(e)) => return Ok(Observation::failed(State::Failed, status, Text::same(e.to_string()))),
    };
    if !ex.unmatched.is_empty() {
        let list: Vec<String> = ex.unmatched.iter().map(|s| format!("`{s}`")).collect();
        return Ok(Observation::failed(
            State::SelectorBroken,
            status,
            Text::new(
                format!("selector {} matched nothing", list.join(", ")),
                format!("selector {} vond niets", list.join(", ")),
            ),
        ));
    }
    if ex.text.trim().is_empty() {
        return Ok(Observation::failed(
            State::SelectorBroken,
            status,
            Text::fixed(
                "no text was extracted (a page that needs JavaScript, or a wrong selector?)",
                "er kwam geen tekst uit (een pagina die JavaScript nodig heeft, of een verkeerde selector?)",
            ),
        ));
    }
    let old = upgrade_reference(store, target, meta, limit)?;
    if let Some(old) = &old {
        let (o, n) = (old.chars().count(), ex.text.chars().count());
        if o >= SHRINK_MIN && (n as f64) < (o as f64) * SHRINK_RATIO {
            return Ok(Observation::failed(
                State::SelectorBroken,
                status,
                Text::new(
                    format!("the text shrank from {o} to {n} characters; the reference is kept"),
                    format!("de tekst kromp van {o} naar {n} tekens; de referentie blijft bewaard"),
                ),
            ));
        }
    }
    checked.stated_date = ex.last_updated.clone();
    let raw_sha = store.put_raw(v, d, &body)?;
    let text_sha = store.put_text(v, d, &ex.text)?;
    let mut found = Observation {
        state: State::Unchanged,
        status,
        final_url: Some(resp.final_url.clone()),
        detail: None,
    };
    let adopt = |meta: &mut Meta| {
        if meta.text_sha256.is_some() && meta.text_sha256.as_deref() != Some(text_sha.as_str()) {
            meta.history.push(Version {
                fetched_at: meta.fetched_at,
                raw_sha256: meta.raw_sha256.clone(),
                text_sha256: meta.text_sha256.clone(),
                final_url: meta.final_url.clone(),
                replaced_at: now,
            });
        }
        meta.raw_sha256 = Some(raw_sha.clone());
        meta.text_sha256 = Some(text_sha.clone());
        meta.final_url = Some(resp.final_url.to_string());
        meta.status = Some(resp.status);
        meta.content_type = resp.content_type.clone();
        meta.etag = resp.etag.clone();
        meta.last_modified = resp.last_modified.clone();
        meta.fetched_at = Some(now);
        meta.extractor_version = EXTRACTOR_VERSION;
        meta.rules_sha256 = target.rules_sha256();
        meta.stated_date = ex.last_updated.clone();
    };
    match old {
        None => {
            found.state = State::New;
            adopt(meta);
            checked.stored = true;
        }
        Some(old) if old == ex.text || same_words(&old, &ex.text) => {
            // Same text, perhaps new bytes: keep the newest body and validators, drop a pending change.
            // A new address is not taken on without `--update`, so the move is reported until then.
            if update || !moved {
                adopt(meta);
            }
            meta.pending = None;
        }
        Some(old) => {
            let diff = changes::diff(&old, &ex.text);
            found.state = State::Changed;
            checked.criteria = changes::criteria_touched(&diff);
            checked.diff = Some(diff);
            let first_seen = match &meta.pending {
                Some(p) if p.text_sha256 == text_sha => p.first_seen,
                _ => now,
            };
            if update {
                adopt(meta);
                meta.last_changed = Some(day(first_seen));
                meta.pending = None;
                checked.stored = true;
            } else {
                meta.pending = Some(Pending {
                    first_seen,
                    raw_sha256: raw_sha.clone(),
                    text_sha256: text_sha.clone(),
                });
            }
        }
    }
    Ok(found)
}

/// Whether two texts have the same words in the same order: a text only re-wrapped (lines broken
/// elsewhere, as a PDF does when its layout changes, or paragraphs split differently) is the same
/// text.
fn same_words(old: &str, new: &str) -> bool {
    old.split_whitespace().eq(new.split_whitespace())
}
