//! A vendor's `[terms]`: every group and term known to the registry, and every claim of a term
//! (one table, or an array of tables; written with headers, inline or with dotted keys) read and
//! checked: its value, its source (a document of the vendor or a URL), its verification date and
//! age, the offerings it names, its texts and conditions, and one claim per term and scope. A claim
//! is located by where the tree says it starts, each of its keys by its own value.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use toml::de::DeValue;

use super::{too_old, values, Checker, Code, Known};
use crate::catalogue::diag::{describe_de, did_you_mean};
use crate::catalogue::model::{Claim, Confidence, Source, SourceKind};
use crate::catalogue::raw::{self, RawClaim};
use crate::catalogue::shape::{Key, Node, Wrong};
use crate::catalogue::terms::{self, Term};
use toml::Spanned;

/// The claims of every term, by term key, in file order.
pub(super) fn check(
    c: &mut Checker,
    terms_node: Option<&Node<'_>>,
    documents: &Known,
    offerings: &Known,
) -> BTreeMap<&'static str, Vec<Arc<Claim>>> {
    let mut out = BTreeMap::new();
    let Some(node) = terms_node else {
        return out;
    };
    let DeValue::Table(groups) = node.get_ref() else {
        not_a_map(c, node, "terms");
        return out;
    };
    for (group_key, group_node) in groups {
        let group: &str = group_key.get_ref();
        let DeValue::Table(members) = group_node.get_ref() else {
            not_a_map(c, group_node, &format!("terms.{group}"));
            continue;
        };
        if !terms::groups().contains(&group) {
            let help = did_you_mean(group, terms::groups().iter().copied());
            let at = introduced(group_key, group_node);
            c.error_help(
                Code::UnknownTermGroup,
                at,
                &format!("terms.{group}"),
                "unknown term group",
                help,
            );
            continue;
        }
        for (name_key, value) in members {
            let name: &str = name_key.get_ref();
            let Some(term) = terms::find_in(group, name) else {
                let names = terms::TERMS
                    .iter()
                    .filter(|t| terms::group_of(t.key) == group)
                    .map(|t| &t.key[group.len() + 1..]);
                let help = did_you_mean(name, names);
                c.error_help(
                    Code::UnknownTerm,
                    introduced(name_key, value),
                    &format!("terms.{group}.{name}"),
                    "unknown term",
                    help,
                );
                continue;
            };
            out.insert(term.key, claims(c, term, value, documents, offerings));
        }
    }
    out
}

/// Where a group or term is introduced: the `[` of its own table header, which comes before the
/// key, or else the key itself (written inline, with dotted keys, or only as part of a deeper
/// header).
fn introduced(key: &Key<'_>, value: &Node<'_>) -> usize {
    key.span().start.min(value.span().start)
}

fn not_a_map(c: &mut Checker, node: &Node<'_>, key: &str) {
    c.error(
        Code::WrongType,
        node.span().start,
        key,
        Wrong::new(node, "a map").message(),
    );
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

/// The claims about one term, from a claim table or an array of them.
fn claims(
    c: &mut Checker,
    term: &'static Term,
    value: &Node<'_>,
    documents: &Known,
    offerings: &Known,
) -> Vec<Arc<Claim>> {
    let base = terms::header(term);
    // Each claim with its index in an array of claims, if it is in one.
    let items: Vec<(Option<usize>, &Node<'_>)> = match value.get_ref() {
        DeValue::Table(_) => vec![(None, value)],
        DeValue::Array(a) => a.iter().enumerate().map(|(i, v)| (Some(i), v)).collect(),
        other => {
            c.error_help(
                Code::WrongType,
                value.span().start,
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
    for (index, item) in items {
        let key: Cow<'static, str> = match index {
            None => Cow::Borrowed(base),
            Some(i) => Cow::Owned(format!("{base}[{i}]")),
        };
        let DeValue::Table(table) = item.get_ref() else {
            c.error(
                Code::WrongType,
                item.span().start,
                &key,
                Wrong::new(item, "a claim table").message(),
            );
            continue;
        };
        let raw = raw::claim(c.sink, table, item.span().start, key.clone());
        if let Some(claim) = claim(c, term, &key, raw, &out, documents, offerings) {
            out.push(Arc::new(claim));
        }
    }
    out
}

/// Checks one claim; the claim when it is kept (its shape, value and date are right). `kept` are
/// the claims kept before it, whose scopes it may not share.
fn claim(
    c: &mut Checker,
    term: &'static Term,
    key: &str,
    raw: RawClaim<'_, '_>,
    kept: &[Arc<Claim>],
    documents: &Known,
    offerings: &Known,
) -> Option<Claim> {
    let at = raw.at;
    let line = c.sink.line_of(at);
    // A wrong value or date is reported, and the claim's other keys are still checked; the claim
    // is kept only when both are good.
    let value = raw
        .value
        .and_then(|v| values::value(c.sink, term, v, || format!("{key}.value")));
    if let Some(source) = &raw.source {
        let at = source.span().start;
        if source.get_ref().contains("://") {
            if let Err(why) = c.url_ok(source.get_ref()) {
                c.error(Code::InvalidUrl, at, &format!("{key}.source"), why);
            }
        } else if documents.lacks(source.get_ref()) {
            let help = did_you_mean(source.get_ref(), documents.ids.iter().copied())
                .or_else(|| Some("cite a `[[documents]]` id of this vendor or an http(s) URL".into()));
            c.error_help(
                Code::UnknownDocument,
                at,
                &format!("{key}.source"),
                format!("source `{}` is not a document of this vendor", source.get_ref()),
                help,
            );
        }
    }
    let verified = raw.verified.and_then(|node| verified(c, key, node));
    let claim_offerings = raw.offerings.as_ref().map_or(&[][..], |o| o.get_ref().as_slice());
    if let Some(list) = &raw.offerings {
        for o in list.get_ref().iter().filter(|o| offerings.lacks(o)) {
            let help = did_you_mean(o, offerings.ids.iter().copied()).or_else(|| {
                Some(if offerings.ids.is_empty() {
                    "this vendor has no `[[offerings]]`; add one or leave `offerings` out".into()
                } else {
                    format!("its offerings are: {}", offerings.ids.join(", "))
                })
            });
            c.error_help(
                Code::UnknownOffering,
                list.span().start,
                &format!("{key}.offerings"),
                format!("`{o}` is not an offering of this vendor"),
                help,
            );
        }
    }
    // A scope is taken when a claim kept before names it (every claim that gets this far is
    // kept), or when this claim names it twice. A claim whose shape is wrong has no sure scope.
    if raw.complete {
        for (k, s) in scopes(claim_offerings).enumerate() {
            let taken = kept.iter().any(|k| scopes(&k.offerings).any(|t| t == s))
                || scopes(claim_offerings).take(k).any(|t| t == s);
            if taken {
                c.error(
                    Code::DuplicateScope,
                    at,
                    key,
                    format!(
                        "two claims for `{}` in the scope {s}; keep one claim per offering",
                        term.key
                    ),
                );
            }
        }
    }
    for (field, text) in [("source", &raw.source), ("quote", &raw.quote), ("note", &raw.note)] {
        if let Some(t) = text.as_ref().filter(|t| t.get_ref().trim().is_empty()) {
            c.error(
                Code::EmptyText,
                t.span().start,
                &format!("{key}.{field}"),
                format!("`{field}` is empty; leave it out instead"),
            );
        }
    }
    let conditions = super::conditions::check(c, &raw.conditions);
    let confidence = raw.confidence.as_ref().and_then(|v| confidence(c, key, v));
    let source_kind = raw
        .source
        .as_ref()
        .and_then(|source| source_kind(c, key, at, source, raw.source_kind.as_ref()));
    if !raw.complete {
        return None;
    }
    let (Some(value), Some(verified), Some(source), Some(conditions), Some(confidence), Some(source_kind)) =
        (value, verified, raw.source, conditions, confidence, source_kind)
    else {
        return None;
    };
    Some(Claim {
        term,
        value,
        source: Source::from_written(source.into_inner()),
        verified,
        quote: raw.quote.map(|q| q.into_inner()),
        note: raw.note.map(|n| n.into_inner()),
        conditions,
        confidence,
        source_kind,
        offerings: raw.offerings.map(|l| l.into_inner()).unwrap_or_default(),
        line,
    })
}

/// A claim's `confidence`: high, medium or low.
fn confidence(c: &mut Checker, key: &str, value: &Spanned<String>) -> Option<Confidence> {
    let names = Confidence::ALL.map(|(n, _)| n);
    c.one_of(
        Code::InvalidValue,
        value,
        &names,
        || format!("{key}.confidence"),
        "confidence",
    )
    .then(|| Confidence::parse(value.get_ref()))
    .flatten()
}

/// Who published a claim's source: stated for a URL, `vendor` for a document of the vendor. A URL
/// on a host known to mirror or aggregate other people's pages gets a warning.
pub(super) fn source_kind(
    c: &mut Checker,
    key: &str,
    at: usize,
    source: &Spanned<String>,
    kind: Option<&Spanned<String>>,
) -> Option<SourceKind> {
    let is_url = source.get_ref().contains("://");
    if is_url {
        if let Some(host) = super::urls::mirror_host(source.get_ref()) {
            c.sink.at(
                Code::MirrorSource,
                source.span().start,
                &format!("{key}.source"),
                format!("`{host}` mirrors or aggregates other people's pages"),
                Some("cite the primary page (the vendor, a regulator, the DPIA or its official summary), or an archived copy of it".into()),
            );
        }
    }
    let Some(kind) = kind else {
        if is_url {
            c.error_help(
                Code::MissingSourceKind,
                at,
                key,
                "a source URL needs `source_kind`",
                Some(
                    "say who published it: source_kind = \"vendor\", \"regulator\", \"dpia\", \"press\" or \"other\""
                        .into(),
                ),
            );
            return None;
        }
        return Some(SourceKind::Vendor);
    };
    let names = SourceKind::ALL.map(|(n, _)| n);
    if !c.one_of(
        Code::InvalidValue,
        kind,
        &names,
        || format!("{key}.source_kind"),
        "source kind",
    ) {
        return None;
    }
    let parsed = SourceKind::parse(kind.get_ref())?;
    if !is_url && parsed != SourceKind::Vendor {
        c.error_help(
            Code::InvalidValue,
            kind.span().start,
            &format!("{key}.source_kind"),
            format!(
                "a document of the vendor is a `vendor` source, not `{}`",
                kind.get_ref()
            ),
            Some("leave `source_kind` out, or cite the URL of the other publisher".into()),
        );
        return None;
    }
    Some(parsed)
}

/// A claim's `verified` date, and a warning when it is too old.
fn verified(c: &mut Checker, key: &str, node: &Node<'_>) -> Option<jiff::civil::Date> {
    let at = node.span().start;
    let DeValue::Datetime(dt) = node.get_ref() else {
        c.error_help(
            Code::WrongType,
            at,
            &format!("{key}.verified"),
            format!("expected a date, found {}", describe_de(node.get_ref())),
            Some("write the date without quotes: verified = 2026-01-31".into()),
        );
        return None;
    };
    let date = c.date_at(dt, at, || format!("{key}.verified"))?;
    if too_old(date, c.opts.today, c.opts.max_age_months) {
        c.sink.at(
            Code::StaleEvidence,
            at,
            &format!("{key}.verified"),
            format!(
                "evidence verified on {date} is older than {} months",
                c.opts.max_age_months
            ),
            Some("check the source again and update `verified`".into()),
        );
    }
    Some(date)
}
