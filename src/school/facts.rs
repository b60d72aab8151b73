//! The school's own facts (`[services.facts.GROUP.TERM]`): claims in the catalogue's shape, about
//! the catalogue's terms, sourced to the school's own evidence (a contract clause, a record of
//! the admin settings, or a URL). Each is read and checked here into a [`Claim`] that replaces the
//! catalogue's claim for that term when the school's service is evaluated. A school's claim has no
//! conditions (it states the service as the school set it up), its confidence is `high` unless
//! the file says otherwise, and its source kind is `other` unless the file says otherwise.

use std::borrow::Cow;
use std::sync::Arc;

use toml::de::DeValue;

use super::load::{date, Checks};
use crate::catalogue::check::claim_value;
use crate::catalogue::diag::{describe_de, did_you_mean};
use crate::catalogue::model::{Claim, Confidence, Source, SourceKind};
use crate::catalogue::shape::{string, Fields, Node, Unknown, Wrong};
use crate::catalogue::terms::{self, Term};
use crate::catalogue::Code;

/// The keys of one school fact.
pub const FACT_KEYS: &[&str] = &[
    "value",
    "source",
    "verified",
    "quote",
    "note",
    "confidence",
    "source_kind",
];

/// Every fact of `[services.facts]` (whose dotted key is `base`), checked.
pub fn facts(c: &mut Checks, node: Option<&Node<'_>>, base: &str) -> Vec<Arc<Claim>> {
    let mut out = Vec::new();
    let Some(node) = node else { return out };
    let DeValue::Table(groups) = node.get_ref() else {
        wrong(c, node, base, "a table of term groups");
        return out;
    };
    for (group_key, group_node) in groups {
        let group: &str = group_key.get_ref();
        let key = format!("{base}.{group}");
        if !terms::groups().contains(&group) {
            let help = did_you_mean(group, terms::groups().iter().copied());
            let at = group_key.span().start.min(group_node.span().start);
            c.sink.at(Code::UnknownTermGroup, at, &key, "unknown term group", help);
            continue;
        }
        let DeValue::Table(members) = group_node.get_ref() else {
            wrong(c, group_node, &key, "a table of terms");
            continue;
        };
        for (name_key, value) in members {
            let name: &str = name_key.get_ref();
            let key = format!("{base}.{group}.{name}");
            let Some(term) = terms::find_in(group, name) else {
                let names = terms::TERMS
                    .iter()
                    .filter(|t| terms::group_of(t.key) == group)
                    .map(|t| &t.key[group.len() + 1..]);
                let help = did_you_mean(name, names);
                let at = name_key.span().start.min(value.span().start);
                c.sink.at(Code::UnknownTerm, at, &key, "unknown term", help);
                continue;
            };
            if let Some(claim) = fact(c, term, value, key) {
                out.push(Arc::new(claim));
            }
        }
    }
    out
}

fn wrong(c: &mut Checks, node: &Node<'_>, key: &str, expected: &str) {
    c.sink.at(
        Code::WrongType,
        node.span().start,
        key,
        Wrong::new(node, expected).message(),
        None,
    );
}

/// One fact, checked; `None` after reporting what is wrong with it.
fn fact(c: &mut Checks, term: &'static Term, node: &Node<'_>, key: String) -> Option<Claim> {
    let DeValue::Table(table) = node.get_ref() else {
        c.sink.at(
            Code::WrongType,
            node.span().start,
            &key,
            Wrong::new(node, "a claim table").message(),
            Some("write the fact as a table with `value`, `source` and `verified`".into()),
        );
        return None;
    };
    let at = node.span().start;
    let line = c.sink.line_of(at);
    let mut f = Fields::new(table, Cow::Owned(key.clone()), Some(at), FACT_KEYS);
    f.report_unknown(c.sink, Unknown::AtKey);
    let value_node = f.required_node(c.sink, "value");
    let source = f.required(c.sink, "source", string);
    let verified_node = f.required_node(c.sink, "verified");
    let quote = f.optional(c.sink, "quote", string);
    let note = f.optional(c.sink, "note", string);
    let confidence = f.optional(c.sink, "confidence", string);
    let source_kind = f.optional(c.sink, "source_kind", string);
    let complete = f.complete();
    let value = value_node.and_then(|v| claim_value(c.sink, term, v, || format!("{key}.value")));
    let verified = verified_node.and_then(|v| match v.get_ref() {
        DeValue::Datetime(d) => date(c, d, v.span().start, &format!("{key}.verified"), true),
        other => {
            c.sink.at(
                Code::WrongType,
                v.span().start,
                &format!("{key}.verified"),
                format!("expected a date, found {}", describe_de(other)),
                Some("write the date without quotes: verified = 2026-01-31".into()),
            );
            None
        }
    });
    for (field, text) in [("source", &source), ("quote", &quote), ("note", &note)] {
        if let Some(t) = text.as_ref().filter(|t| t.get_ref().trim().is_empty()) {
            c.sink.at(
                Code::EmptyText,
                t.span().start,
                &format!("{key}.{field}"),
                format!("`{field}` is empty; leave it out instead"),
                None,
            );
        }
    }
    let confidence = match &confidence {
        None => Some(Confidence::High),
        Some(s) => c
            .one_of(
                s,
                &Confidence::ALL.map(|(n, _)| n),
                &format!("{key}.confidence"),
                "confidence",
            )
            .then(|| Confidence::parse(s.get_ref()))
            .flatten(),
    };
    let source_kind = match &source_kind {
        None => Some(SourceKind::Other),
        Some(s) => c
            .one_of(
                s,
                &SourceKind::ALL.map(|(n, _)| n),
                &format!("{key}.source_kind"),
                "source kind",
            )
            .then(|| SourceKind::parse(s.get_ref()))
            .flatten(),
    };
    if !complete {
        return None;
    }
    let (Some(value), Some(verified), Some(source), Some(confidence), Some(source_kind)) =
        (value, verified, source, confidence, source_kind)
    else {
        return None;
    };
    Some(Claim {
        term,
        value,
        source: Source::from_written(source.into_inner()),
        verified,
        quote: quote.map(|q| q.into_inner()),
        note: note.map(|n| n.into_inner()),
        conditions: Vec::new(),
        confidence,
        source_kind,
        offerings: Vec::new(),
        line,
    })
}
