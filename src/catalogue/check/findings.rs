//! A vendor's `[[findings]]` (dated findings of regulators and DPIAs): the date, the source URL and
//! who published it, the high risks left and the measures for schools, and the offerings a
//! finding concerns. Findings are kept in date order.

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
        let at = f.date.as_ref().map_or(0, |d| d.span().start);
        let source_kind = f.source.as_ref().and_then(|source| {
            super::claims::source_kind(c, &format!("findings[{i}]"), at, source, f.source_kind.as_ref())
        });
        let high_risks = f.high_risks.as_ref().and_then(|n| match u32::try_from(*n.get_ref()) {
            Ok(n) => Some(n),
            Err(_) => {
                c.error(
                    Code::InvalidValue,
                    n.span().start,
                    &key("high_risks"),
                    format!("`{}` is not a number of risks", n.get_ref()),
                );
                None
            }
        });
        let measures = super::conditions::check(c, &f.measures);
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
        if let (Some(date), Some(by), Some(outcome), Some(summary), Some(source), Some(measures)) =
            (date, &f.by, &f.outcome, &f.summary, &f.source, measures)
        {
            out.push(Finding {
                date,
                by: by.clone(),
                outcome: outcome.clone(),
                summary: summary.clone(),
                source: source.get_ref().clone(),
                source_kind,
                high_risks,
                measures,
                offerings: f.offerings.iter().map(|o| o.get_ref().clone()).collect(),
            });
        }
    }
    out.sort_by_key(|f| f.date);
    out
}
