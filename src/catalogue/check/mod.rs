//! From a vendor file's parsed tree to a checked [`Vendor`]. The file is first read against its
//! shape ([`super::raw`]), then every rule of the format is checked, one subject per module:
//! the vendor's identity, its documents and offerings, its findings, its claims (with their values
//! in `values`, dates in `dates` and URLs in `urls`). Every problem is reported to the
//! file's [`Sink`] with its code, place and dotted key; the vendor is made only when there is no
//! error. Stale evidence is a warning, not an error.

mod claims;
mod conditions;
mod dates;
mod documents;
mod findings;
mod identity;
mod urls;
mod values;

use std::collections::BTreeMap;

use jiff::civil::Date;
use toml::de::DeTable;
use toml::Spanned;

pub use dates::too_old;
pub use urls::check_url;
pub use values::value as claim_value;

use super::code::Code;
use super::diag::{did_you_mean, Sink};
use super::model::{Condition, Vendor};
use super::raw;

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

/// The checks of one file: where their problems go, and what they remember between values.
struct Checker<'s, 'a> {
    sink: &'s mut Sink<'a>,
    opts: CheckOptions,
    urls: urls::Seen,
    /// The conditions seen so far, by id: one id has one text in a vendor file.
    conditions: BTreeMap<String, Condition>,
}

impl Checker<'_, '_> {
    fn error(&mut self, code: Code, offset: usize, key: &str, message: impl Into<String>) {
        self.sink.at(code, offset, key, message, None);
    }

    fn error_help(&mut self, code: Code, offset: usize, key: &str, message: impl Into<String>, help: Option<String>) {
        self.sink.at(code, offset, key, message, help);
    }

    /// Whether `value` is one of `allowed`; if not, says so with the closest one (`what` names
    /// the kind of value); `key` is spelt out only when there is something to report.
    fn one_of(
        &mut self,
        code: Code,
        value: &Spanned<String>,
        allowed: &[&str],
        key: impl FnOnce() -> String,
        what: &str,
    ) -> bool {
        if allowed.contains(&value.get_ref().as_str()) {
            return true;
        }
        let help = did_you_mean(value.get_ref(), allowed.iter().copied())
            .or_else(|| Some(format!("expected one of: {}", allowed.join(", "))));
        self.error_help(
            code,
            value.span().start,
            &key(),
            format!("`{}` is not a valid {what}", value.get_ref()),
            help,
        );
        false
    }
}

/// Whether `s` can be an id: lowercase ASCII letters, digits and `-`, not starting with `-`.
fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// The ids a claim or finding may cite (documents or offerings). `whole` is false when some could
/// not be read: a reference to an id that is not listed is then not reported, as it may be the
/// unreadable one.
struct Known<'a> {
    ids: Vec<&'a str>,
    whole: bool,
}

impl Known<'_> {
    /// Whether a reference to `id` is to be reported as unknown.
    fn lacks(&self, id: &str) -> bool {
        self.whole && !self.ids.contains(&id)
    }
}

/// Checks one parsed file, whose name is `stem.toml`; the vendor when there is no error.
pub fn check(sink: &mut Sink, stem: &str, root: &DeTable<'_>, opts: CheckOptions) -> Option<Vendor> {
    let raw = raw::vendor(sink, root);
    let mut c = Checker {
        sink,
        opts,
        urls: urls::Seen::default(),
        conditions: BTreeMap::new(),
    };
    let identity = identity::check(&mut c, stem, &raw);
    let (documents, document_ids) = documents::documents(&mut c, &raw.documents);
    let (offerings, offering_ids) = documents::offerings(&mut c, &raw.offerings);
    let findings = findings::check(&mut c, &raw.findings, &offering_ids);
    let claims = claims::check(&mut c, raw.terms, &document_ids, &offering_ids);
    if c.sink.has_errors() {
        return None;
    }
    let origin = c.sink.file().to_owned();
    Some(Vendor {
        id: raw.id?.into_inner(),
        name: raw.name?,
        company: raw.company?,
        headquarters: raw.headquarters?.into_inner(),
        open_source: raw.open_source?,
        self_hostable: raw.self_hostable?,
        status: identity.status,
        retired: identity.retired,
        website: raw.website.map(Spanned::into_inner),
        description: raw.description,
        alias_places: raw.aliases.iter().map(|a| c.sink.position(a.span().start)).collect(),
        aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
        documents,
        offerings,
        findings,
        claims,
        origin,
    })
}
