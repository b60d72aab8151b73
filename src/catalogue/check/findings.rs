//! A vendor's `[[findings]]` (dated findings of regulators and DPIAs): the date, the source URL and
//! the offerings a finding concerns. Findings are kept in date order.

use super::{Checker, Code, Known};
use crate::catalogue::model::Finding;
use crate::catalogue::raw::RawFinding;

pub(super) fn check(c: &mut Checker, raw: &[RawFinding], offerings: &Known) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in raw {
        let i = f.index;
        let key = |field: &str| format!("findings[{i}].{field}");
        let date = f
            .date
            .as_ref()
            .and_then(|d| c.date_at(d.get_ref(), d.span().start, || key("date")));
        if let Some(source) = &f.source {
            c.url(source, || key("source"));
        }
        for (j, o) in f.offerings.iter().enumerate() {
            let key = || key(&format!("offerings[{j}]"));
            if !offerings.whole {
                continue;
            }
            if offerings.ids.is_empty() {
                c.error_help(
                    Code::UnknownOffering,
                    o.span().start,
                    &key(),
                    format!("`{}` is not an offering of this vendor", o.get_ref()),
                    Some("this vendor has no `[[offerings]]`; add one or leave `offerings` out".into()),
                );
            } else {
                c.one_of(Code::UnknownOffering, o, &offerings.ids, key, "offering of this vendor");
            }
        }
        if let (Some(date), Some(by), Some(outcome), Some(summary), Some(source)) =
            (date, &f.by, &f.outcome, &f.summary, &f.source)
        {
            out.push(Finding {
                date,
                by: by.clone(),
                outcome: outcome.clone(),
                summary: summary.clone(),
                source: source.get_ref().clone(),
                offerings: f.offerings.iter().map(|o| o.get_ref().clone()).collect(),
            });
        }
    }
    out.sort_by_key(|f| f.date);
    out
}
