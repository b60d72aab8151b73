//! JSON output: the contract other tools and scheduled jobs read. `schema_version` and the keys
//! documented in the README stay; new keys may be added beside them. Human texts are in the
//! language chosen with `--lang`.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Options, Renderer, Report, SCHEMA_VERSION};
use crate::compare::Comparison;
use crate::criteria::{self, Criterion, Text};
use crate::evaluate::{CriterionResult, OfferingResult};

pub struct Json(pub Options);

impl Json {
    fn t(&self, t: &Text) -> String {
        t.get(self.0.lang).to_owned()
    }

    fn criterion(&self, c: &CriterionResult, detail: bool) -> Value {
        let mut v = json!({
            "id": c.id,
            "status": c.status,
            "severity": c.severity,
            "stale": c.stale,
            "reason": self.t(&c.reason),
            "conditions": c.conditions.iter().map(|t| self.t(t)).collect::<Vec<_>>(),
            "stale_reasons": c.stale_reasons.iter().map(|t| self.t(t)).collect::<Vec<_>>(),
        });
        if detail {
            v["facts"] = c
                .facts
                .iter()
                .map(|f| match &f.claim {
                    Some(claim) => json!({
                        "term": f.term,
                        "known": true,
                        "value": claim.value,
                        "source": claim.source,
                        "source_url": f.source_url,
                        "verified": claim.verified,
                        "quote": claim.quote,
                        "note": claim.note,
                        "conditions": claim.conditions,
                    }),
                    None => json!({"term": f.term, "known": false}),
                })
                .collect();
        }
        v
    }

    fn result(&self, r: &OfferingResult, detail: bool) -> Value {
        json!({
            "vendor": r.vendor,
            "vendor_name": r.vendor_name,
            "offering": r.offering,
            "offering_name": r.offering_name,
            "retired": r.retired,
            "verdict": r.verdict,
            "criteria": r.criteria.iter().map(|c| self.criterion(c, detail)).collect::<Vec<_>>(),
        })
    }

    fn results(&self, report: &Report, detail: bool) -> Value {
        let ev = report.evaluation;
        let mut results: Vec<Value> = ev.results.iter().map(|r| self.result(r, detail)).collect();
        if detail {
            for (v, r) in results.iter_mut().zip(&ev.results) {
                if let Some(vendor) = report.catalogue.vendor(&r.vendor) {
                    v["findings"] = json!(vendor.findings_for(r.offering.as_deref()).collect::<Vec<_>>());
                    v["documents"] = json!(vendor.documents);
                }
            }
        }
        json!({
            "schema_version": SCHEMA_VERSION,
            "as_of": ev.as_of,
            "lang": self.0.lang,
            "profile": {
                "name": ev.profile.name,
                "max_age_months": ev.profile.max_age_months,
                "accepted_regions": ev.profile.accepted_regions,
            },
            "results": results,
        })
    }
}

fn write(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v)?;
    writeln!(w)
}

impl Renderer for Json {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        write(w, &self.results(report, false))
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        write(w, &self.results(report, true))
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let items: Vec<Value> = list
            .iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "code": criteria::code(c.id),
                    "severity": c.severity,
                    "title": self.t(&c.title),
                    "checks": self.t(&c.checks),
                    "trace": c.trace.iter().map(|t| json!({"document": t.document, "place": t.place, "quote": t.quote})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let sources: Vec<Value> = criteria::SOURCES
            .iter()
            .map(|(id, title)| json!({"id": id, "title": title}))
            .collect();
        write(
            w,
            &json!({
                "schema_version": SCHEMA_VERSION,
                "criteria": items,
                "verdict_rule": self.t(&criteria::VERDICT_RULE),
                "sources": sources,
            }),
        )
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let ev = cmp.evaluation;
        let columns: Vec<Value> = cmp
            .columns()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "vendor": r.vendor,
                    "vendor_name": r.vendor_name,
                    "offering": r.offering,
                    "offering_name": r.offering_name,
                    "retired": r.retired,
                    "verdict": r.verdict,
                    "conditions": cmp.conditions(i).iter().map(|t| self.t(t)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let rows: Vec<Value> = cmp
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<Value> = row
                    .cells
                    .iter()
                    .map(|c| {
                        let mut v = json!({"text": self.t(&c.text)});
                        if let Some(verdict) = c.verdict {
                            v["verdict"] = json!(verdict);
                        }
                        if let Some(status) = c.status {
                            v["status"] = json!(status);
                            v["stale"] = json!(c.stale);
                        }
                        if row.kind == crate::compare::RowKind::Term {
                            v["known"] = json!(c.claim.is_some());
                        }
                        if let Some(claim) = &c.claim {
                            v["value"] = json!(claim.value);
                            v["source"] = json!(claim.source);
                            v["source_url"] = json!(c.source_url);
                            v["verified"] = json!(claim.verified);
                            v["quote"] = json!(claim.quote);
                        }
                        v
                    })
                    .collect();
                json!({
                    "kind": row.kind.as_str(),
                    "id": row.id,
                    "label": self.t(&row.label),
                    "differs": row.differs,
                    "cells": cells,
                })
            })
            .collect();
        write(
            w,
            &json!({
                "schema_version": SCHEMA_VERSION,
                "as_of": ev.as_of,
                "lang": self.0.lang,
                "columns": columns,
                "rows": rows,
            }),
        )
    }
}
