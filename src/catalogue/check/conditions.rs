//! Conditions (a claim's `conditions`, a finding's `measures`): each has an id, an English text
//! and optionally a Dutch one. Ids are stable within a vendor, so that a school can record per
//! condition what it did: one id, one text.

use super::{valid_id, Checker, Code};
use crate::catalogue::model::Condition;
use crate::catalogue::raw::RawCondition;

/// The conditions as written, checked; `None` when one of them is not right.
pub(super) fn check(c: &mut Checker, raw: &[RawCondition]) -> Option<Vec<Condition>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut whole = true;
    for r in raw {
        if let Some(id) = &r.id {
            if !valid_id(id.get_ref()) {
                c.error_help(
                    Code::InvalidId,
                    id.span().start,
                    &format!("{}.id", r.key),
                    format!("`{}` is not a valid condition id", id.get_ref()),
                    Some("use lowercase letters, digits and `-`, e.g. `buy-via-surf`".into()),
                );
                whole = false;
            }
        }
        for (field, text) in [("text", &r.text), ("text_nl", &r.text_nl)] {
            if let Some(t) = text.as_ref().filter(|t| t.get_ref().trim().is_empty()) {
                c.error(
                    Code::EmptyText,
                    t.span().start,
                    &format!("{}.{field}", r.key),
                    "an empty condition text; leave it out instead",
                );
                whole = false;
            }
        }
        let (Some(id), Some(text)) = (&r.id, &r.text) else {
            whole = false;
            continue;
        };
        let cond = Condition {
            id: id.get_ref().clone(),
            text: text.get_ref().clone(),
            text_nl: r.text_nl.as_ref().map(|t| t.get_ref().clone()),
        };
        // One id, one text: the same id may stand on several claims and findings of a vendor
        // only with the same English and Dutch text.
        match c.conditions.get(&cond.id) {
            Some(first) if *first != cond => {
                let message = format!(
                    "condition `{}` already has another text in this file: \"{}\"",
                    cond.id, first.text
                );
                c.error_help(
                    Code::ConditionConflict,
                    id.span().start,
                    &format!("{}.id", r.key),
                    message,
                    Some("give each different condition its own id".into()),
                );
                whole = false;
            }
            Some(_) => {}
            None => {
                c.conditions.insert(cond.id.clone(), cond.clone());
            }
        }
        out.push(cond);
    }
    whole.then_some(out)
}
