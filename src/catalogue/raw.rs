//! A vendor file as written, read from its parsed tree in one pass: the top-level keys, each
//! `[[documents]]`, `[[offerings]]` and `[[findings]]` table, and each claim, with the place of
//! every value the checks may have to point at. Unknown keys, missing keys and values of the wrong
//! type are reported here (see [`shape`](super::shape)); a value that could not be read is `None`
//! and the checks pass over it, so each problem is reported once and the rest of the file is still
//! checked. What the values mean is for the checks ([`check`](super::check)).

use std::borrow::Cow;
use std::sync::LazyLock;

use toml::de::DeTable;
use toml::value::Datetime;
use toml::Spanned;

use super::diag::Sink;
use super::shape::{boolean, datetime, integer, string, strings, Fields, Node, Unknown, Wrong};

/// The top-level keys of a vendor file, in the order messages list them; the required ones first.
pub const VENDOR_KEYS: &[&str] = &[
    "id",
    "name",
    "company",
    "headquarters",
    "open_source",
    "self_hostable",
    "status",
    "retired",
    "website",
    "description",
    "aliases",
    "documents",
    "offerings",
    "findings",
    "terms",
];

/// The keys of a `[[documents]]` table.
pub const DOCUMENT_KEYS: &[&str] = &["id", "kind", "url", "select", "remove", "title", "language"];

/// The keys of an `[[offerings]]` table.
pub const OFFERING_KEYS: &[&str] = &["id", "name", "name_nl", "description", "description_nl"];

/// The keys of a `[[findings]]` table.
pub const FINDING_KEYS: &[&str] = &[
    "date",
    "by",
    "outcome",
    "summary",
    "source",
    "source_kind",
    "high_risks",
    "measures",
    "offerings",
];

/// The keys of one condition (a claim's `conditions`, a finding's `measures`).
pub const CONDITION_KEYS: &[&str] = &["id", "text", "text_nl"];

/// The keys a claim table accepts.
pub const CLAIM_KEYS: &[&str] = &[
    "value",
    "source",
    "verified",
    "quote",
    "note",
    "conditions",
    "confidence",
    "source_kind",
    "offerings",
];

/// The help given with a claim's missing key.
fn claim_help() -> &'static str {
    static HELP: LazyLock<String> = LazyLock::new(|| format!("a claim has: {}", CLAIM_KEYS.join(", ")));
    &HELP
}

/// A vendor file as written; `None` where a key is missing or its value is of the wrong type.
pub struct RawVendor<'t, 'i> {
    pub id: Option<Spanned<String>>,
    pub name: Option<String>,
    pub company: Option<String>,
    pub headquarters: Option<Spanned<String>>,
    pub open_source: Option<bool>,
    pub self_hostable: Option<bool>,
    pub status: Option<Spanned<String>>,
    pub retired: Option<Spanned<Datetime>>,
    pub website: Option<Spanned<String>>,
    pub description: Option<String>,
    /// Other names people type for the vendor (`teams`, `webex`).
    pub aliases: Vec<Spanned<String>>,
    pub documents: Listed<RawDocument>,
    pub offerings: Listed<RawOffering>,
    pub findings: Vec<RawFinding>,
    /// `[terms]`, read claim by claim by the checks.
    pub terms: Option<&'t Node<'i>>,
}

/// The tables of an array of tables; `whole` is false when some item could not be read as a
/// table, or the array itself was of the wrong type.
pub struct Listed<T> {
    pub items: Vec<T>,
    pub whole: bool,
}

pub struct RawDocument {
    pub index: usize,
    pub id: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    pub select: Vec<Spanned<String>>,
    pub remove: Vec<Spanned<String>>,
    pub title: Option<String>,
    pub language: Option<String>,
}

pub struct RawOffering {
    pub index: usize,
    pub id: Option<Spanned<String>>,
    pub name: Option<String>,
    pub name_nl: Option<String>,
    pub description: Option<String>,
    pub description_nl: Option<String>,
}

pub struct RawFinding {
    pub index: usize,
    pub date: Option<Spanned<Datetime>>,
    pub by: Option<String>,
    pub outcome: Option<String>,
    pub summary: Option<String>,
    pub source: Option<Spanned<String>>,
    pub source_kind: Option<Spanned<String>>,
    pub high_risks: Option<Spanned<i64>>,
    pub measures: Vec<RawCondition>,
    pub offerings: Vec<Spanned<String>>,
}

/// One condition as written: `{ id = "…", text = "…", text_nl = "…" }`.
pub struct RawCondition {
    /// Its dotted key, for messages (`terms.contract.dpa.conditions[0]`).
    pub key: String,
    pub at: usize,
    pub id: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub text_nl: Option<Spanned<String>>,
}

/// One claim as written, with the place of each key the checks may point at.
pub struct RawClaim<'t, 'i> {
    /// Where the claim starts: its table header, or its value when written inline or with dotted
    /// keys.
    pub at: usize,
    /// The value, of any type: the term says which (see `check::values`).
    pub value: Option<&'t Node<'i>>,
    pub source: Option<Spanned<String>>,
    /// The date, of any type: a wrong one is described by the checks.
    pub verified: Option<&'t Node<'i>>,
    pub quote: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub conditions: Vec<RawCondition>,
    pub confidence: Option<Spanned<String>>,
    pub source_kind: Option<Spanned<String>>,
    pub offerings: Option<Spanned<Vec<String>>>,
    /// Whether every key was known, there when required and of the right type.
    pub complete: bool,
}

/// Reads the top-level table of a vendor file.
pub fn vendor<'t, 'i>(sink: &mut Sink, root: &'t DeTable<'i>) -> RawVendor<'t, 'i> {
    let mut f = Fields::new(root, Cow::Borrowed(""), None, VENDOR_KEYS);
    f.report_unknown(sink, Unknown::AtKey);
    // Read in the order of the keys, so that missing ones are listed in that order.
    RawVendor {
        id: f.required(sink, "id", string),
        name: f.required(sink, "name", string).map(Spanned::into_inner),
        company: f.required(sink, "company", string).map(Spanned::into_inner),
        headquarters: f.required(sink, "headquarters", string),
        open_source: f.required(sink, "open_source", boolean),
        self_hostable: f.required(sink, "self_hostable", boolean),
        status: f.required(sink, "status", string),
        retired: f.optional(sink, "retired", datetime),
        website: f.optional(sink, "website", string),
        description: f.optional(sink, "description", string).map(Spanned::into_inner),
        aliases: f.optional(sink, "aliases", strings).unwrap_or_default(),
        documents: listed(sink, &mut f, "documents", DOCUMENT_KEYS, document),
        offerings: listed(sink, &mut f, "offerings", OFFERING_KEYS, offering),
        findings: listed(sink, &mut f, "findings", FINDING_KEYS, finding).items,
        terms: f.node("terms"),
    }
}

/// Reads each table of the array of tables `name`, whose keys are `keys`, with `read`.
fn listed<'t, 'i, T>(
    sink: &mut Sink,
    f: &mut Fields<'t, 'i>,
    name: &str,
    keys: &'static [&'static str],
    read: impl Fn(&mut Sink, Fields<'t, 'i>, usize) -> T,
) -> Listed<T> {
    let items = f.tables(sink, name);
    Listed {
        items: items
            .tables
            .into_iter()
            .map(|item| {
                let path = Cow::Owned(format!("{name}[{}]", item.index));
                read(sink, Fields::new(item.table, path, Some(item.at), keys), item.index)
            })
            .collect(),
        whole: items.whole,
    }
}

fn document(sink: &mut Sink, mut f: Fields<'_, '_>, index: usize) -> RawDocument {
    f.report_unknown(sink, Unknown::AtKey);
    RawDocument {
        index,
        id: f.required(sink, "id", string),
        kind: f.required(sink, "kind", string),
        url: f.required(sink, "url", string),
        select: f.optional(sink, "select", strings).unwrap_or_default(),
        remove: f.optional(sink, "remove", strings).unwrap_or_default(),
        title: f.optional(sink, "title", string).map(Spanned::into_inner),
        language: f.optional(sink, "language", string).map(Spanned::into_inner),
    }
}

fn offering(sink: &mut Sink, mut f: Fields<'_, '_>, index: usize) -> RawOffering {
    f.report_unknown(sink, Unknown::AtKey);
    RawOffering {
        index,
        id: f.required(sink, "id", string),
        name: f.required(sink, "name", string).map(Spanned::into_inner),
        name_nl: f.optional(sink, "name_nl", string).map(Spanned::into_inner),
        description: f.optional(sink, "description", string).map(Spanned::into_inner),
        description_nl: f.optional(sink, "description_nl", string).map(Spanned::into_inner),
    }
}

fn finding(sink: &mut Sink, mut f: Fields<'_, '_>, index: usize) -> RawFinding {
    f.report_unknown(sink, Unknown::AtKey);
    RawFinding {
        index,
        date: f.required(sink, "date", datetime),
        by: f.required(sink, "by", string).map(Spanned::into_inner),
        outcome: f.required(sink, "outcome", string).map(Spanned::into_inner),
        summary: f.required(sink, "summary", string).map(Spanned::into_inner),
        source: f.required(sink, "source", string),
        source_kind: f.optional(sink, "source_kind", string),
        high_risks: f.optional(sink, "high_risks", integer),
        measures: conditions(sink, &mut f, "measures"),
        offerings: f.optional(sink, "offerings", strings).unwrap_or_default(),
    }
}

/// The conditions in the array of tables `name` of `f`.
fn conditions(sink: &mut Sink, f: &mut Fields<'_, '_>, name: &str) -> Vec<RawCondition> {
    let items = f.tables(sink, name);
    items
        .tables
        .into_iter()
        .map(|item| {
            let key = format!("{}[{}]", f.key(name), item.index);
            let mut c = Fields::new(item.table, Cow::Owned(key.clone()), Some(item.at), CONDITION_KEYS);
            c.report_unknown(sink, Unknown::AtKey);
            RawCondition {
                key,
                at: item.at,
                id: c.required(sink, "id", string),
                text: c.required(sink, "text", string),
                text_nl: c.optional(sink, "text_nl", string),
            }
        })
        .collect()
}

/// Reads one claim table that starts at `at` and whose dotted key is `path`. An unknown key is
/// reported at its value and named by the claim's key, as the checks' problems name the claim.
pub fn claim<'t, 'i>(sink: &mut Sink, table: &'t DeTable<'i>, at: usize, path: Cow<'static, str>) -> RawClaim<'t, 'i> {
    let mut f = Fields::new(table, path, Some(at), CLAIM_KEYS).missing_help(claim_help());
    f.report_unknown(sink, Unknown::AtValue);
    RawClaim {
        at,
        value: f.required_node(sink, "value"),
        source: f.required(sink, "source", string),
        verified: f.required_node(sink, "verified"),
        quote: f.optional(sink, "quote", string),
        note: f.optional(sink, "note", string),
        conditions: conditions(sink, &mut f, "conditions"),
        confidence: f.required(sink, "confidence", string),
        source_kind: f.optional(sink, "source_kind", string),
        offerings: f.optional(sink, "offerings", texts),
        // Last, when every key has been read.
        complete: f.complete(),
    }
}

/// A list of strings, with the place of the list.
fn texts(node: &Node<'_>) -> Result<Spanned<Vec<String>>, Vec<Wrong>> {
    let items = strings(node)?;
    Ok(Spanned::new(
        node.span(),
        items.into_iter().map(Spanned::into_inner).collect(),
    ))
}
