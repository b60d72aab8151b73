//! A vendor's `[[documents]]` and `[[offerings]]`: ids valid and unique, document kinds, URLs and
//! CSS selectors. Their ids are what claims and findings cite, handed on as [`Known`].

use std::collections::BTreeSet;

use super::{valid_id, Checker, Code, Known};
use crate::catalogue::model::{Document, Offering, DOCUMENT_KINDS};
use crate::catalogue::raw::{Listed, RawDocument, RawOffering};

pub(super) fn documents<'r>(c: &mut Checker, raw: &'r Listed<RawDocument>) -> (Vec<Document>, Known<'r>) {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for doc in &raw.items {
        let i = doc.index;
        let key = |field: &str| format!("documents[{i}].{field}");
        if let Some(id) = &doc.id {
            if !valid_id(id.get_ref()) {
                c.error(
                    Code::InvalidId,
                    id.span().start,
                    &key("id"),
                    format!("`{}` is not a valid document id", id.get_ref()),
                );
            } else if !seen.insert(id.get_ref().as_str()) {
                c.error(
                    Code::DuplicateId,
                    id.span().start,
                    &key("id"),
                    format!("document id `{}` is used twice", id.get_ref()),
                );
            }
        }
        if let Some(kind) = &doc.kind {
            c.one_of(
                Code::InvalidValue,
                kind,
                DOCUMENT_KINDS,
                || key("kind"),
                "document kind",
            );
        }
        if let Some(url) = &doc.url {
            c.url(url, || key("url"));
        }
        for (field, list) in [("select", &doc.select), ("remove", &doc.remove)] {
            for (j, sel) in list.iter().enumerate() {
                if let Err(e) = crate::catalogue::selector::check(sel.get_ref()) {
                    c.error(
                        Code::InvalidSelector,
                        sel.span().start,
                        &key(&format!("{field}[{j}]")),
                        format!("`{}` is not a valid CSS selector: {e}", sel.get_ref()),
                    );
                }
            }
        }
        if let (Some(id), Some(kind), Some(url)) = (&doc.id, &doc.kind, &doc.url) {
            out.push(Document {
                id: id.get_ref().clone(),
                kind: kind.get_ref().clone(),
                url: url.get_ref().clone(),
                select: doc.select.iter().map(|s| s.get_ref().clone()).collect(),
                remove: doc.remove.iter().map(|s| s.get_ref().clone()).collect(),
                title: doc.title.clone(),
                language: doc.language.clone(),
            });
        }
    }
    (out, known(raw, |d| d.id.as_ref()))
}

pub(super) fn offerings<'r>(c: &mut Checker, raw: &'r Listed<RawOffering>) -> (Vec<Offering>, Known<'r>) {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for o in &raw.items {
        let key = || format!("offerings[{}].id", o.index);
        if let Some(id) = &o.id {
            if !valid_id(id.get_ref()) {
                c.error(
                    Code::InvalidId,
                    id.span().start,
                    &key(),
                    format!("`{}` is not a valid offering id", id.get_ref()),
                );
            } else if !seen.insert(id.get_ref().as_str()) {
                c.error(
                    Code::DuplicateId,
                    id.span().start,
                    &key(),
                    format!("offering id `{}` is used twice", id.get_ref()),
                );
            }
        }
        if let (Some(id), Some(name)) = (&o.id, &o.name) {
            out.push(Offering {
                id: id.get_ref().clone(),
                name: name.clone(),
                name_nl: o.name_nl.clone(),
                description: o.description.clone(),
                description_nl: o.description_nl.clone(),
            });
        }
    }
    (out, known(raw, |o| o.id.as_ref()))
}

/// The ids of a list of tables; not whole when the list or an id could not be read.
fn known<'r, T>(raw: &'r Listed<T>, id: impl Fn(&'r T) -> Option<&'r toml::Spanned<String>>) -> Known<'r> {
    let ids: Vec<&str> = raw
        .items
        .iter()
        .filter_map(|t| id(t).map(|s| s.get_ref().as_str()))
        .collect();
    Known {
        whole: raw.whole && ids.len() == raw.items.len(),
        ids,
    }
}
