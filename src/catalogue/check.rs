//! From raw vendor files to the checked catalogue. Every rule of the format is checked here and
//! every problem in every file is collected as a diagnostic with file, line, column and dotted key:
//! ids, enum values, URLs, dates, references from claims to documents and offerings, duplicate
//! scopes. Stale evidence is a warning, not an error.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::diag::{describe, did_you_mean, Diagnostic, LineIndex, Severity};
use super::load::{unknown_field_help, RawClaim, RawTerms, RawVendor, CLAIM_KEYS};
use super::model::*;
use super::terms::{self, Kind};
use crate::text::{self, concat};

/// What the checks need to know besides the files.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Evidence ages are counted up to this day (`--as-of`, else today).
    pub today: Date,
    /// Dates after this day are errors (a mistyped year): the real date, or the `--as-of` day
    /// when that is later. An `--as-of` day in the past thus evaluates today's catalogue with
    /// ages counted to that day, whatever was verified since.
    pub latest: Date,
    /// Evidence older than this many months gets a warning.
    pub max_age_months: i32,
}

/// Collects diagnostics for one file.
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex<'a>,
    headers: HashMap<&'a str, Vec<usize>>,
    diags: Vec<Diagnostic>,
    opts: CheckOptions,
    valid_urls: HashSet<String>,
}

impl Checker<'_> {
    fn push(&mut self, severity: Severity, offset: usize, key: &str, message: String, help: Option<String>) {
        let (line, column) = self.lines.position(offset);
        self.diags.push(Diagnostic {
            severity,
            file: self.file.to_owned(),
            line,
            column,
            key: key.to_owned(),
            message,
            help,
        });
    }

    /// The byte offset where the `nth` table of a dotted key starts (`[terms.a.b]` or
    /// `[[terms.a.b]]`), or where the key is first written; 0 when it cannot be found.
    fn locate(&self, dotted: &str, nth: usize) -> usize {
        if let Some(&at) = self.headers.get(dotted).and_then(|v| v.get(nth)) {
            return at;
        }
        let last = dotted.rsplit('.').next().unwrap_or(dotted);
        self.text
            .find(&format!("{last} ="))
            .or_else(|| self.text.find(dotted))
            .unwrap_or(0)
    }

    /// Where the value of `name` is in the claim table that starts at `at` (its header, or its
    /// first key), for a diagnostic that names that key: `at` when it is not written there as
    /// `name = ...`. Only looked for when there is something to report.
    fn within(&self, at: usize, name: &str) -> usize {
        let Some(rest) = self.text.get(at..) else { return at };
        let mut offset = at;
        for (i, line) in rest.split_inclusive('\n').enumerate() {
            if i > 0 && line.trim_start().starts_with('[') {
                break;
            }
            // `name =` at the start of the line, or after `{`, `,` (an inline table) or `.` (a
            // dotted key); not inside a quoted text, where it follows other words.
            let mut from = 0;
            while let Some(found) = line[from..].find(name) {
                let start = from + found;
                let before = line[..start].trim_end().chars().last();
                let after = line[start + name.len()..].trim_start();
                if let (None | Some('{' | ',' | '.'), Some(value)) = (before, after.strip_prefix('=')) {
                    return offset + line.len() - value.trim_start().len();
                }
                from = start + name.len();
            }
            offset += line.len();
        }
        at
    }

    fn error(&mut self, offset: usize, key: &str, message: impl Into<String>) {
        self.push(Severity::Error, offset, key, message.into(), None);
    }

    fn error_help(&mut self, offset: usize, key: &str, message: impl Into<String>, help: Option<String>) {
        self.push(Severity::Error, offset, key, message.into(), help);
    }

    /// Checks a URL; `key` is spelt out only when there is something to report, as in the other
    /// checks.
    fn url(&mut self, value: &Spanned<String>, key: impl FnOnce() -> String) {
        if let Err(why) = self.url_ok(value.get_ref()) {
            self.error(value.span().start, &key(), why);
        }
    }

    /// Reads a calendar date that is not in the future; `key` is spelt out only when there is
    /// something to report.
    fn date_at(&mut self, value: &toml::value::Datetime, offset: usize, key: impl Fn() -> String) -> Option<Date> {
        let Some(d) = value.date else {
            self.error(offset, &key(), "expected a date such as 2026-01-31, found a time only");
            return None;
        };
        if value.time.is_some() {
            // A time of day would be dropped without a word: say so instead.
            self.error(
                offset,
                &key(),
                format!("expected a date such as 2026-01-31, found a date with a time ({value}); write the day only"),
            );
            return None;
        }
        let Ok(date) = Date::new(d.year as i16, d.month as i8, d.day as i8) else {
            self.error(offset, &key(), format!("{value} is not a valid calendar date"));
            return None;
        };
        if date > self.opts.latest {
            // The latest day allowed is today, or a later `--as-of` day.
            let latest = self.opts.latest;
            let message = if latest > jiff::Zoned::now().date() {
                format!("{date} is after the --as-of day, {latest}")
            } else {
                format!("{date} is in the future (today is {latest})")
            };
            self.error(offset, &key(), message);
        }
        Some(date)
    }

    /// Whether `s` is an http(s) URL with a host; a URL already found valid in this file is not
    /// parsed again (claims cite the same few documents over and over).
    fn url_ok(&mut self, s: &str) -> Result<(), String> {
        // A plain URL is told apart faster than it is hashed; only others are remembered.
        if plainly_valid(s) || self.valid_urls.contains(s) {
            return Ok(());
        }
        check_parsed(s)?;
        self.valid_urls.insert(s.to_owned());
        Ok(())
    }

    fn one_of(&mut self, value: &Spanned<String>, allowed: &[&str], key: impl FnOnce() -> String, what: &str) -> bool {
        if allowed.contains(&value.get_ref().as_str()) {
            return true;
        }
        let help = did_you_mean(value.get_ref(), allowed.iter().copied())
            .or_else(|| Some(format!("expected one of: {}", allowed.join(", "))));
        self.error_help(
            value.span().start,
            &key(),
            format!("`{}` is not a valid {what}", value.get_ref()),
            help,
        );
        false
    }
}

/// Whether evidence verified on `verified` is older than `months` on `today`: the one rule behind
/// the checker's warning and the evaluation's stale flag.
pub fn too_old(verified: Date, today: Date, months: i32) -> bool {
    verified
        .checked_add(jiff::Span::new().months(months))
        .is_ok_and(|limit| limit < today)
}

/// Whether a string is an absolute http(s) URL with a host.
pub fn check_url(s: &str) -> Result<(), String> {
    if plainly_valid(s) {
        return Ok(());
    }
    check_parsed(s)
}

/// [`check_url`] by a full parse.
fn check_parsed(s: &str) -> Result<(), String> {
    match url::Url::parse(s) {
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Err(format!(
            "`{s}` uses the scheme `{}`; only http and https are allowed",
            u.scheme()
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => Err(format!("`{s}` has no host")),
        Ok(_) => Ok(()),
        Err(e) => Err(format!("`{s}` is not a valid URL: {e}")),
    }
}

/// Whether `s` is `http://` or `https://` followed by a host of non-empty labels of lower-case
/// letters, digits and hyphens, the last starting with a letter (so not an IPv4 address) and none
/// punycode: a URL that the `url` crate always accepts with that host, since nothing after the host
/// (path, query, fragment) can make a URL invalid. Most sources are such URLs, and a full parse
/// was a sixth of the checks' instructions.
fn plainly_valid(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else {
        return false;
    };
    // One pass over the host's bytes (this runs for every claim).
    let host = rest.as_bytes();
    let end = host
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(host.len());
    let mut label_start = 0;
    for (i, &b) in host[..end].iter().enumerate() {
        if b == b'.' {
            if i == label_start {
                return false;
            }
            label_start = i + 1;
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            || (i == label_start + 3 && &host[label_start..=i] == b"xn--")
        {
            return false;
        }
    }
    // The last label is not empty and starts with a letter.
    host.get(label_start)
        .is_some_and(|b| label_start < end && b.is_ascii_lowercase())
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// Checks one parsed file; returns the vendor when it has no errors, and all diagnostics.
pub fn check(
    file: &str,
    stem: &str,
    text: &str,
    raw: RawVendor,
    terms: RawTerms<'_>,
    opts: CheckOptions,
) -> (Option<Vendor>, Vec<Diagnostic>) {
    let lines = LineIndex::new(text);
    let headers = table_headers(text, &lines);
    let mut c = Checker {
        file,
        text,
        lines,
        headers,
        diags: Vec::new(),
        opts,
        valid_urls: HashSet::new(),
    };

    let id = raw.id.get_ref().clone();
    if !valid_id(&id) {
        c.error(
            raw.id.span().start,
            "id",
            format!("`{id}` is not a valid id: use lowercase letters, digits and `-`"),
        );
    } else if id != stem {
        c.error_help(
            raw.id.span().start,
            "id",
            format!("id `{id}` does not match the file name `{stem}.toml`"),
            Some(format!("rename the file to `{id}.toml` or set id = \"{stem}\"")),
        );
    }
    let hq = raw.headquarters.get_ref();
    if hq.len() != 2 || !hq.bytes().all(|b| b.is_ascii_uppercase()) {
        c.error(
            raw.headquarters.span().start,
            "headquarters",
            format!("`{hq}` is not an ISO 3166-1 alpha-2 country code such as \"NL\" or \"US\""),
        );
    }
    let status = if c.one_of(&raw.status, &["active", "retired"], || "status".into(), "status")
        && raw.status.get_ref() == "retired"
    {
        VendorStatus::Retired
    } else {
        VendorStatus::Active
    };
    let retired = raw
        .retired
        .as_ref()
        .and_then(|r| c.date_at(r.get_ref(), r.span().start, || "retired".into()));
    match (status, &raw.retired) {
        (VendorStatus::Active, Some(r)) => c.error(
            r.span().start,
            "retired",
            "a retired date is given but status is \"active\"",
        ),
        (VendorStatus::Retired, None) if raw.status.get_ref() == "retired" => c.error(
            raw.status.span().start,
            "status",
            "status is \"retired\" but no `retired` date is given",
        ),
        _ => {}
    }
    if let Some(w) = &raw.website {
        c.url(w, || "website".into());
    }

    let documents = check_documents(&mut c, &raw);
    let offerings = check_offerings(&mut c, &raw);
    let offering_ids: Vec<&str> = offerings.iter().map(|o| o.id.as_str()).collect();
    let document_ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let findings = check_findings(&mut c, &raw, &offering_ids);
    let claims = check_terms(&mut c, terms, &document_ids, &offering_ids);

    let has_errors = c.diags.iter().any(|d| d.severity == Severity::Error);
    let vendor = (!has_errors).then(|| Vendor {
        id,
        name: raw.name,
        company: raw.company,
        headquarters: raw.headquarters.into_inner(),
        open_source: raw.open_source,
        self_hostable: raw.self_hostable,
        status,
        retired,
        website: raw.website.map(Spanned::into_inner),
        description: raw.description,
        documents,
        offerings,
        findings,
        claims,
        origin: file.to_owned(),
    });
    (vendor, c.diags)
}

fn check_documents(c: &mut Checker, raw: &RawVendor) -> Vec<Document> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, d) in raw.documents.iter().enumerate() {
        let key = |field: &str| format!("documents[{i}].{field}");
        let doc = d.get_ref();
        if !valid_id(doc.id.get_ref()) {
            c.error(
                doc.id.span().start,
                &key("id"),
                format!("`{}` is not a valid document id", doc.id.get_ref()),
            );
        } else if !seen.insert(doc.id.get_ref().clone()) {
            c.error(
                doc.id.span().start,
                &key("id"),
                format!("document id `{}` is used twice", doc.id.get_ref()),
            );
        }
        c.one_of(&doc.kind, DOCUMENT_KINDS, || key("kind"), "document kind");
        c.url(&doc.url, || key("url"));
        for (field, list) in [("select", &doc.select), ("remove", &doc.remove)] {
            for (j, sel) in list.iter().enumerate() {
                if let Err(e) = super::selector::check(sel.get_ref()) {
                    c.error(
                        sel.span().start,
                        &key(&format!("{field}[{j}]")),
                        format!("`{}` is not a valid CSS selector: {e}", sel.get_ref()),
                    );
                }
            }
        }
        out.push(Document {
            id: doc.id.get_ref().clone(),
            kind: doc.kind.get_ref().clone(),
            url: doc.url.get_ref().clone(),
            select: doc.select.iter().map(|s| s.get_ref().clone()).collect(),
            remove: doc.remove.iter().map(|s| s.get_ref().clone()).collect(),
            title: doc.title.clone(),
            language: doc.language.clone(),
        });
    }
    out
}

fn check_offerings(c: &mut Checker, raw: &RawVendor) -> Vec<Offering> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, o) in raw.offerings.iter().enumerate() {
        let o = o.get_ref();
        let key = || format!("offerings[{i}].id");
        if !valid_id(o.id.get_ref()) {
            c.error(
                o.id.span().start,
                &key(),
                format!("`{}` is not a valid offering id", o.id.get_ref()),
            );
        } else if !seen.insert(o.id.get_ref().clone()) {
            c.error(
                o.id.span().start,
                &key(),
                format!("offering id `{}` is used twice", o.id.get_ref()),
            );
        }
        out.push(Offering {
            id: o.id.get_ref().clone(),
            name: o.name.clone(),
            description: o.description.clone(),
        });
    }
    out
}

fn check_findings(c: &mut Checker, raw: &RawVendor, offerings: &[&str]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, f) in raw.findings.iter().enumerate() {
        let key = |field: &str| format!("findings[{i}].{field}");
        let f = f.get_ref();
        let date = c.date_at(f.date.get_ref(), f.date.span().start, || key("date"));
        c.url(&f.source, || key("source"));
        for (j, o) in f.offerings.iter().enumerate() {
            let key = || key(&format!("offerings[{j}]"));
            if offerings.is_empty() {
                c.error_help(
                    o.span().start,
                    &key(),
                    format!("`{}` is not an offering of this vendor", o.get_ref()),
                    Some("this vendor has no `[[offerings]]`; add one or leave `offerings` out".into()),
                );
            } else {
                c.one_of(o, offerings, key, "offering of this vendor");
            }
        }
        if let Some(date) = date {
            out.push(Finding {
                date,
                by: f.by.clone(),
                outcome: f.outcome.clone(),
                summary: f.summary.clone(),
                source: f.source.get_ref().clone(),
                offerings: f.offerings.iter().map(|o| o.get_ref().clone()).collect(),
            });
        }
    }
    out.sort_by_key(|f| f.date);
    out
}

fn check_terms(
    c: &mut Checker,
    terms_table: RawTerms<'_>,
    documents: &[&str],
    offerings: &[&str],
) -> BTreeMap<&'static str, Vec<Arc<Claim>>> {
    let mut out = BTreeMap::new();
    let groups = terms::groups();
    for (group, members) in terms_table {
        let group: &str = group.get_ref();
        // The loader has made sure that every group is a table.
        let toml::de::DeValue::Table(members) = members.into_inner() else {
            continue;
        };
        if !groups.contains(&group) {
            let help = did_you_mean(group, groups.iter().copied());
            let at = c.locate(&format!("terms.{group}"), 0);
            c.error_help(at, &format!("terms.{group}"), "unknown term group", help);
            continue;
        }
        for (name, value) in members {
            let name: &str = name.get_ref();
            let Some(term) = terms::find_in(group, name) else {
                let dotted = format!("{group}.{name}");
                let names = terms::TERMS
                    .iter()
                    .filter(|t| terms::group_of(t.key) == group)
                    .map(|t| &t.key[group.len() + 1..]);
                let help = did_you_mean(name, names);
                let at = c.locate(&format!("terms.{dotted}"), 0);
                c.error_help(at, &format!("terms.{dotted}"), "unknown term", help);
                continue;
            };
            let claims = check_claims(c, term, value, documents, offerings);
            out.insert(term.key, claims);
        }
    }
    out
}

/// The scopes a claim covers, as messages name them: its offerings, or all of them.
fn scopes(offerings: &[String]) -> impl Iterator<Item = &str> {
    let all: &[&str] = if offerings.is_empty() {
        &["(all offerings)"]
    } else {
        &[]
    };
    all.iter().copied().chain(offerings.iter().map(String::as_str))
}

fn check_claims(
    c: &mut Checker,
    term: &'static terms::Term,
    value: Spanned<DeValue<'_>>,
    documents: &[&str],
    offerings: &[&str],
) -> Vec<Arc<Claim>> {
    let base = terms::header(term);
    // A claim written as a table has its header; one written inline or with dotted keys is found
    // by where its value is.
    let place =
        |c: &Checker, nth: usize, value: &Spanned<DeValue<'_>>| match c.headers.get(base).and_then(|v| v.get(nth)) {
            Some(&at) => at,
            None => value.span().start,
        };
    let at = place(c, 0, &value);
    // Each claim with its index in an array of claims, if it is in one.
    let items: Vec<(Option<usize>, usize, Spanned<DeValue<'_>>)> = match value.get_ref() {
        DeValue::Table(_) => vec![(None, at, value)],
        DeValue::Array(_) => {
            let DeValue::Array(a) = value.into_inner() else {
                return Vec::new();
            };
            a.into_iter()
                .enumerate()
                .map(|(i, v)| (Some(i), place(c, i, &v), v))
                .collect()
        }
        other => {
            c.error_help(
                at,
                base,
                format!("expected a claim table, found a {}", other.type_str()),
                Some(format!(
                    "write `[terms.{}]` with `value`, `source` and `verified`",
                    term.key
                )),
            );
            return Vec::new();
        }
    };
    let mut out: Vec<Arc<Claim>> = Vec::new();
    for (index, at, mut item) in items {
        // The claim's key, spelt out only for a diagnostic.
        let key = || match index {
            None => base.to_owned(),
            Some(i) => concat(&[base, "[", itoa::Buffer::new().format(i), "]"]),
        };
        let (line, _) = c.lines.position(at);
        // The date is read from the table itself: it does not survive `RawClaim::deserialize`.
        let original_verified = match item.get_mut() {
            DeValue::Table(t) => t.remove("verified"),
            _ => None,
        };
        let raw = match RawClaim::deserialize(toml::de::ValueDeserializer::from(item)) {
            Ok(r) => r,
            Err(e) => {
                let msg = e.message().trim().to_owned();
                let help = unknown_field_help(&msg).or_else(|| {
                    msg.starts_with("missing field")
                        .then(|| format!("a claim has: {}", CLAIM_KEYS.join(", ")))
                });
                // An unexpected key is named in the message: point at it.
                let place = msg
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split('`').next())
                    .map_or(at, |name| c.within(at, name));
                c.error_help(place, &key(), msg, help);
                continue;
            }
        };
        let Some(original) = original_verified else {
            c.error_help(
                at,
                &key(),
                "missing field `verified`",
                Some(format!("a claim has: {}", CLAIM_KEYS.join(", "))),
            );
            continue;
        };
        // A wrong value or date is reported, and the claim's other keys are still checked; the
        // claim is kept only when both are good.
        let value = convert_value(c, term, &raw.value, at, || format!("{}.value", key()));
        let is_url = if raw.source.contains("://") {
            if let Err(why) = c.url_ok(&raw.source) {
                c.error(c.within(at, "source"), &format!("{}.source", key()), why);
            }
            true
        } else {
            if !documents.contains(&raw.source.as_str()) {
                let help = did_you_mean(&raw.source, documents.iter().copied())
                    .or_else(|| Some("cite a `[[documents]]` id of this vendor or an http(s) URL".into()));
                c.error_help(
                    c.within(at, "source"),
                    &format!("{}.source", key()),
                    format!("source `{}` is not a document of this vendor", raw.source),
                    help,
                );
            }
            false
        };
        let verified_at = original.span().start;
        let verified = match original.get_ref() {
            DeValue::Datetime(dt) => c.date_at(dt, verified_at, || format!("{}.verified", key())),
            _ => {
                // Read as a plain value, only to say what it is.
                let found = toml::Value::deserialize(toml::de::ValueDeserializer::from(original))
                    .map_or_else(|_| "something else".to_owned(), |v| describe(&v));
                c.error_help(
                    verified_at,
                    &format!("{}.verified", key()),
                    format!("expected a date, found {found}"),
                    Some("write the date without quotes: verified = 2026-01-31".into()),
                );
                None
            }
        };
        if let Some(verified) = verified.filter(|&v| too_old(v, c.opts.today, c.opts.max_age_months)) {
            // Many files of a large catalogue have old evidence: the warning is built from pieces.
            let mut buffer = itoa::Buffer::new();
            let months = buffer.format(c.opts.max_age_months);
            c.push(
                Severity::Warning,
                verified_at,
                &concat(&[&key(), ".verified"]),
                concat(&[
                    "evidence verified on ",
                    &text::date(verified),
                    " is older than ",
                    months,
                    " months",
                ]),
                Some("check the source again and update `verified`".into()),
            );
        }
        for o in &raw.offerings {
            if !offerings.contains(&o.as_str()) {
                let help = did_you_mean(o, offerings.iter().copied()).or_else(|| {
                    Some(if offerings.is_empty() {
                        "this vendor has no `[[offerings]]`; add one or leave `offerings` out".into()
                    } else {
                        format!("its offerings are: {}", offerings.join(", "))
                    })
                });
                c.error_help(
                    c.within(at, "offerings"),
                    &format!("{}.offerings", key()),
                    format!("`{o}` is not an offering of this vendor"),
                    help,
                );
            }
        }
        // A scope is taken when a claim kept before names it (every claim that gets this far is
        // kept), or when this claim names it twice.
        for (k, s) in scopes(&raw.offerings).enumerate() {
            let taken = out.iter().any(|kept| scopes(&kept.offerings).any(|t| t == s))
                || scopes(&raw.offerings).take(k).any(|t| t == s);
            if taken {
                c.error(
                    at,
                    &key(),
                    format!(
                        "two claims for `{}` in the scope {s}; keep one claim per offering",
                        term.key
                    ),
                );
            }
        }
        for (field, text) in [
            ("source", Some(&raw.source)),
            ("quote", raw.quote.as_ref()),
            ("note", raw.note.as_ref()),
        ] {
            if text.is_some_and(|t| t.trim().is_empty()) {
                c.error(
                    c.within(at, field),
                    &format!("{}.{field}", key()),
                    format!("`{field}` is empty; leave it out instead"),
                );
            }
        }
        if !raw.conditions_nl.is_empty() && raw.conditions_nl.len() != raw.conditions.len() {
            c.error_help(
                c.within(at, "conditions_nl"),
                &format!("{}.conditions_nl", key()),
                format!(
                    "`conditions_nl` has {} item(s) but `conditions` has {}",
                    raw.conditions_nl.len(),
                    raw.conditions.len()
                ),
                Some("give the Dutch text of each condition, in the same order".into()),
            );
        }
        for (field, list) in [("conditions", &raw.conditions), ("conditions_nl", &raw.conditions_nl)] {
            if let Some(i) = list.iter().position(|t| t.trim().is_empty()) {
                c.error(
                    c.within(at, field),
                    &format!("{}.{field}[{i}]", key()),
                    "an empty condition; leave it out instead",
                );
            }
        }
        let (Some(v), Some(verified)) = (value, verified) else {
            continue;
        };
        out.push(Arc::new(Claim {
            term,
            value: v,
            source: if is_url {
                Source::Url(raw.source)
            } else {
                Source::Document(raw.source)
            },
            verified,
            quote: raw.quote,
            note: raw.note,
            conditions: raw.conditions,
            conditions_nl: raw.conditions_nl,
            offerings: raw.offerings,
            line,
        }));
    }
    out
}

/// Where every table header (`[a.b]` or `[[a.b]]`) of a text starts, by dotted name, in order of
/// appearance; built once per file so that finding a claim's position costs no scan of the text.
fn table_headers<'a>(text: &'a str, lines: &LineIndex) -> HashMap<&'a str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (start, end) in lines.spans() {
        let line = &text[start..end];
        let t = line.trim_start();
        if t.starts_with('[') {
            let inner = t.trim_start_matches('[');
            if let Some(close) = inner.find(']') {
                let at = start + (line.len() - t.len());
                out.entry(inner[..close].trim()).or_default().push(at);
            }
        }
    }
    out
}

fn convert_value(
    c: &mut Checker,
    term: &terms::Term,
    value: &toml::Value,
    at: usize,
    key: impl Fn() -> String,
) -> Option<Value> {
    let wrong = |c: &mut Checker, expected: &str| {
        let at = c.within(at, "value");
        c.error(at, &key(), format!("expected {expected}, found {}", describe(value)));
        None
    };
    match term.kind {
        Kind::Bool => match value {
            toml::Value::Boolean(b) => Some(Value::Bool(*b)),
            _ => wrong(c, "true or false"),
        },
        Kind::Text => match value {
            toml::Value::String(s) if !s.trim().is_empty() => Some(Value::Text(s.clone())),
            _ => wrong(c, "a non-empty string"),
        },
        Kind::Enum(allowed) => match value {
            toml::Value::String(s) if allowed.contains(&s.as_str()) => Some(Value::Text(s.clone())),
            toml::Value::String(s) => {
                let help = did_you_mean(s, allowed.iter().copied())
                    .or_else(|| Some(format!("expected one of: {}", allowed.join(", "))));
                c.error_help(
                    c.within(at, "value"),
                    &key(),
                    format!("`{s}` is not a valid value of `{}`", term.key),
                    help,
                );
                None
            }
            _ => wrong(c, &format!("one of {}", allowed.join(", "))),
        },
        Kind::List | Kind::EnumList(_) => {
            let toml::Value::Array(items) = value else {
                return wrong(c, "a list of strings");
            };
            let mut out = Vec::new();
            for item in items {
                let toml::Value::String(s) = item else {
                    return wrong(c, "a list of strings");
                };
                if let Kind::EnumList(allowed) = term.kind {
                    if !allowed.contains(&s.as_str()) {
                        let help = did_you_mean(s, allowed.iter().copied())
                            .or_else(|| Some(format!("expected items from: {}", allowed.join(", "))));
                        c.error_help(
                            c.within(at, "value"),
                            &key(),
                            format!("`{s}` is not a valid item of `{}`", term.key),
                            help,
                        );
                        return None;
                    }
                }
                out.push(s.clone());
            }
            Some(Value::List(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plainly_valid;
    use proptest::prelude::*;

    /// What the full parse says of `s`.
    fn parsed_ok(s: &str) -> bool {
        url::Url::parse(s)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()))
    }

    #[test]
    fn plain_urls_are_recognised_and_others_parsed() {
        assert!(plainly_valid("https://www.example.com/privacy?x=1#a b"));
        assert!(plainly_valid("http://a-b.c0/"));
        for s in [
            "https://1.2.3.999/",
            "https://1.2.3.4",
            "https://0x1/",
            "https://xn--zz/",
            "https://Example.com/",
            "https://a..b/",
            "https:///example.com",
            "https://user@example.com/",
            "https://example.com:443/",
            " https://example.com/",
            "ftp://example.com/",
        ] {
            assert!(!plainly_valid(s), "{s}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// A URL taken as plainly valid is one the full parse accepts.
        #[test]
        fn a_plainly_valid_url_parses(s in prop::collection::vec(prop::sample::select(vec![
            "https://", "http://", "a", "z", "0", "9", "-", ".", "/", "?", "#", "xn--", "0x", "\\", "@", ":",
            "%", "%41", " ", "\t", "[", "]", "é", "A", "com", "1.2.3.4", "999", "\u{0}",
        ]), 1..12).prop_map(|v| v.concat())) {
            if plainly_valid(&s) {
                prop_assert!(parsed_ok(&s), "{}", s);
            }
        }
    }
}
