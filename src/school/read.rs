//! A school file as written, read from its parsed tree in one pass with the catalogue's readers
//! ([`crate::catalogue::shape`]): every unknown key (with the closest known one), every missing
//! key and every value of the wrong type is reported to the file's [`Sink`], each with its place
//! and dotted key; what could not be read is `None`, so each problem is reported once and the rest
//! of the file is still read. What the values mean is for [`super::load`].

use std::borrow::Cow;

use toml::de::DeTable;
use toml::value::Datetime;
use toml::Spanned;

use crate::catalogue::diag::Sink;
use crate::catalogue::shape::{datetime, string, Fields, Node, Unknown};

/// The top-level keys of a school file.
pub const FILE_KEYS: &[&str] = &["school", "services"];

/// The keys of `[school]`.
pub const SCHOOL_KEYS: &[&str] = &["name", "dpo", "contact", "signatory", "basis"];

/// The keys of a `[[services]]` table.
pub const SERVICE_KEYS: &[&str] = &[
    "use",
    "purpose",
    "camera",
    "camera_reason",
    "recording",
    "retention",
    "contract",
    "conditions",
    "facts",
];

/// The keys of `[services.contract]`.
pub const CONTRACT_KEYS: &[&str] = &["route", "model_dpa", "signed", "expires", "reference"];

/// The keys of a `[[services.conditions]]` table.
pub const CONDITION_KEYS: &[&str] = &["id", "status", "owner", "date", "note", "text_hash"];

/// A string with its place.
pub type Str = Spanned<String>;

/// A date as written, with its place; checked by the loader.
pub type When = Spanned<Datetime>;

/// `[school]` as written.
#[derive(Default)]
pub struct RawSchool {
    pub name: Option<Str>,
    pub dpo: Option<Str>,
    pub contact: Option<Str>,
    pub signatory: Option<Str>,
    pub basis: Option<Str>,
}

/// `[services.contract]` as written.
pub struct RawContract {
    pub key: String,
    pub route: Option<Str>,
    pub model_dpa: Option<Str>,
    pub signed: Option<When>,
    pub expires: Option<When>,
    pub reference: Option<Str>,
}

/// One `[[services.conditions]]` as written.
pub struct RawCondition {
    pub key: String,
    pub id: Option<Str>,
    pub status: Option<Str>,
    pub owner: Option<Str>,
    pub date: Option<When>,
    pub note: Option<Str>,
    pub text_hash: Option<Str>,
}

/// One `[[services]]` as written.
pub struct RawService<'t, 'i> {
    pub key: String,
    pub at: usize,
    pub used: Option<Str>,
    pub purpose: Option<Str>,
    pub camera: Option<Str>,
    pub camera_reason: Option<Str>,
    pub recording: Option<Str>,
    pub retention: Option<Str>,
    pub contract: Option<RawContract>,
    pub conditions: Vec<RawCondition>,
    /// `[services.facts]`, read claim by claim by [`super::facts`].
    pub facts: Option<&'t Node<'i>>,
}

/// A school file as written.
pub struct RawFile<'t, 'i> {
    pub school: RawSchool,
    pub services: Vec<RawService<'t, 'i>>,
}

/// Reads the top-level table of a school file.
pub fn file<'t, 'i>(sink: &mut Sink, root: &'t DeTable<'i>) -> RawFile<'t, 'i> {
    let mut f = Fields::new(root, Cow::Borrowed(""), None, FILE_KEYS);
    f.report_unknown(sink, Unknown::AtKey);
    let school = match f.optional(sink, "school", table) {
        Some((at, t)) => school(sink, Fields::new(t, Cow::Borrowed("school"), Some(at), SCHOOL_KEYS)),
        None => RawSchool::default(),
    };
    let items = f.tables(sink, "services");
    let services = items
        .tables
        .into_iter()
        .map(|item| {
            let key = format!("services[{}]", item.index);
            let fields = Fields::new(item.table, Cow::Owned(key.clone()), Some(item.at), SERVICE_KEYS);
            service(sink, fields, key, item.at)
        })
        .collect();
    RawFile { school, services }
}

/// A table, with where it starts.
fn table<'t, 'i>(node: &'t Node<'i>) -> Result<(usize, &'t DeTable<'i>), Vec<crate::catalogue::shape::Wrong>> {
    match node.get_ref() {
        toml::de::DeValue::Table(t) => Ok((node.span().start, t)),
        _ => Err(vec![crate::catalogue::shape::Wrong::new(node, "a table")]),
    }
}

fn school(sink: &mut Sink, mut f: Fields<'_, '_>) -> RawSchool {
    f.report_unknown(sink, Unknown::AtKey);
    RawSchool {
        name: f.optional(sink, "name", string),
        dpo: f.optional(sink, "dpo", string),
        contact: f.optional(sink, "contact", string),
        signatory: f.optional(sink, "signatory", string),
        basis: f.optional(sink, "basis", string),
    }
}

fn service<'t, 'i>(sink: &mut Sink, mut f: Fields<'t, 'i>, key: String, at: usize) -> RawService<'t, 'i> {
    f.report_unknown(sink, Unknown::AtKey);
    let used = f.required(sink, "use", string);
    let purpose = f.optional(sink, "purpose", string);
    let camera = f.optional(sink, "camera", string);
    let camera_reason = f.optional(sink, "camera_reason", string);
    let recording = f.optional(sink, "recording", string);
    let retention = f.optional(sink, "retention", string);
    let contract = f.optional(sink, "contract", table).map(|(at, t)| {
        let key = f.key("contract");
        let mut c = Fields::new(t, Cow::Owned(key.clone()), Some(at), CONTRACT_KEYS);
        c.report_unknown(sink, Unknown::AtKey);
        RawContract {
            key,
            route: c.optional(sink, "route", string),
            model_dpa: c.optional(sink, "model_dpa", string),
            signed: c.optional(sink, "signed", datetime),
            expires: c.optional(sink, "expires", datetime),
            reference: c.optional(sink, "reference", string),
        }
    });
    let items = f.tables(sink, "conditions");
    let conditions = items
        .tables
        .into_iter()
        .map(|item| {
            let key = format!("{}[{}]", f.key("conditions"), item.index);
            let mut c = Fields::new(item.table, Cow::Owned(key.clone()), Some(item.at), CONDITION_KEYS);
            c.report_unknown(sink, Unknown::AtKey);
            RawCondition {
                key,
                id: c.required(sink, "id", string),
                status: c.required(sink, "status", string),
                owner: c.optional(sink, "owner", string),
                date: c.optional(sink, "date", datetime),
                note: c.optional(sink, "note", string),
                text_hash: c.optional(sink, "text_hash", string),
            }
        })
        .collect();
    RawService {
        key,
        at,
        used,
        purpose,
        camera,
        camera_reason,
        recording,
        retention,
        contract,
        conditions,
        facts: f.node("facts"),
    }
}
