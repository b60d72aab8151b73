//! JSON output: the contract other tools and scheduled jobs read. `schema_version` and the keys
//! documented in the README stay; new keys may be added beside them. Human texts are in the
//! language chosen with `--lang`. Every object's keys are in alphabetical order: the audit and
//! `show` documents are made of the structs below, whose fields are declared in that order, and
//! the rest of serde_json `Value`s, whose maps sort their keys.

use std::io::{self, Write};

use jiff::civil::Date;
use serde::Serialize;
use serde_json::{json, Value};

use super::{Options, Renderer, Report, SCHEMA_VERSION};
use crate::catalogue::{self, Condition, Confidence, Source, SourceKind, Vendor};
use crate::compare::Comparison;
use crate::criteria::{self, Criterion, Severity, Status};
use crate::evaluate::{CriterionResult, FactUsed, QuoteState, Reviewed, Verdict};
use crate::i18n::{Lang, Text};

pub struct Json(pub Options);

impl Json {
    fn t(&self, t: &Text) -> String {
        t.get(self.0.lang).to_owned()
    }

    /// The audit (or, with `detail`, the `show`) document of a report: its results with, in
    /// `show`, the facts each criterion read and the vendor's findings and documents.
    fn results(&self, report: &Report, detail: bool, w: &mut dyn Write) -> io::Result<()> {
        let ev = report.evaluation;
        let lang = self.0.lang;
        let results = ev
            .results
            .iter()
            .map(|r| {
                let vendor = detail.then(|| report.catalogue.vendor(&r.vendor)).flatten();
                ResultOut {
                    criteria: r
                        .criteria
                        .iter()
                        .map(|c| CriterionOut::new(c, lang, detail, vendor))
                        .collect(),
                    documents: vendor.map(|v| json!(v.documents)),
                    findings: vendor.map(|v| json!(v.findings_for(r.offering.as_deref()).collect::<Vec<_>>())),
                    offering: r.offering.as_deref(),
                    offering_name: r.offering_name_in(lang),
                    retired: r.retired,
                    vendor: &r.vendor,
                    vendor_name: &r.vendor_name,
                    verdict: r.verdict,
                }
            })
            .collect();
        let profile = &ev.profile;
        let doc = DocumentOut {
            as_of: ev.as_of,
            lang,
            profile: ProfileOut {
                accepted_regions: &profile.accepted_regions,
                max_age_months: profile.max_age_months,
                min_confidence: profile.min_confidence,
                name: &profile.name,
            },
            results,
            schema_version: SCHEMA_VERSION,
        };
        let mut w = io::BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, &doc)?;
        writeln!(w)?;
        w.flush()
    }
}

/// An audit or `show` document; fields in the order of the output (sorted).
#[derive(Serialize)]
struct DocumentOut<'a> {
    as_of: Date,
    lang: Lang,
    profile: ProfileOut<'a>,
    results: Vec<ResultOut<'a>>,
    schema_version: u32,
}

#[derive(Serialize)]
struct ProfileOut<'a> {
    accepted_regions: &'a [String],
    max_age_months: i32,
    min_confidence: Confidence,
    name: &'a str,
}

/// One vendor offering; `documents` and `findings` only in `show`.
#[derive(Serialize)]
struct ResultOut<'a> {
    criteria: Vec<CriterionOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Value>,
    offering: Option<&'a str>,
    offering_name: Option<&'a str>,
    retired: Option<Date>,
    vendor: &'a str,
    vendor_name: &'a str,
    verdict: Verdict,
}

/// One criterion of a vendor offering; `facts` only in `show`.
#[derive(Serialize)]
struct CriterionOut<'a> {
    /// The ids of `conditions`, in the same order: what a school's own assessment refers to.
    condition_ids: Vec<&'a str>,
    conditions: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<Vec<FactOut<'a>>>,
    id: &'a str,
    reason: &'a str,
    severity: Severity,
    stale: bool,
    stale_reasons: Vec<&'a str>,
    status: Status,
}

impl<'a> CriterionOut<'a> {
    fn new(c: &'a CriterionResult, lang: Lang, detail: bool, vendor: Option<&'a Vendor>) -> Self {
        let texts = |list: &'a [Text]| list.iter().map(|t| t.get(lang)).collect();
        CriterionOut {
            condition_ids: c.conditions.iter().map(|k| k.id.as_str()).collect(),
            conditions: c.conditions.iter().map(|k| k.get(lang)).collect(),
            facts: detail.then(|| c.facts.iter().map(|f| FactOut::new(f, vendor)).collect()),
            id: c.id,
            reason: c.reason.get(lang),
            severity: c.severity,
            stale: c.stale,
            stale_reasons: texts(&c.stale_reasons),
            status: c.status,
        }
    }
}

/// A claim a criterion read, or a term it found unknown.
#[derive(Serialize)]
#[serde(untagged)]
enum FactOut<'a> {
    Known {
        conditions: &'a [Condition],
        confidence: Confidence,
        /// False when the confidence is below the profile's minimum: the criterion took the
        /// term as unknown.
        counted: bool,
        known: bool,
        last_confirmed: Option<Date>,
        note: Option<&'a str>,
        quote: Option<&'a str>,
        quote_state: Option<QuoteState>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reviewed: Option<&'a Reviewed>,
        source: &'a Source,
        source_kind: SourceKind,
        source_url: Option<&'a str>,
        term: &'a str,
        value: &'a catalogue::Value,
        verified: Date,
    },
    Unknown {
        known: bool,
        term: &'a str,
    },
}

impl<'a> FactOut<'a> {
    fn new(f: &'a FactUsed, vendor: Option<&'a Vendor>) -> Self {
        match &f.claim {
            Some(claim) => FactOut::Known {
                conditions: &claim.conditions,
                confidence: claim.confidence,
                counted: f.counted,
                known: true,
                last_confirmed: f.last_confirmed,
                note: claim.note.as_deref(),
                quote: claim.quote.as_deref(),
                quote_state: f.quote_state,
                reviewed: f.reviewed.as_ref(),
                source: &claim.source,
                source_kind: claim.source_kind,
                source_url: vendor.and_then(|v| v.source_url(&claim.source)),
                term: f.term,
                value: &claim.value,
                verified: claim.verified,
            },
            None => FactOut::Unknown {
                known: false,
                term: f.term,
            },
        }
    }
}

fn write(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v)?;
    writeln!(w)
}

impl Renderer for Json {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.results(report, false, w)
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.results(report, true, w)
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
                    "rationale": self.t(&c.rationale),
                    // Readers' comments only for the one criterion of `criteria ID`.
                    "trace": super::shown_traces(c, list.len() == 1)
                        .map(|t| json!({"document": t.document, "place": t.place, "quote": t.quote, "by": t.by()}))
                        .collect::<Vec<_>>(),
                })
            })
            .collect();
        let sources: Vec<Value> = criteria::SOURCES
            .iter()
            .map(|(id, title)| json!({"id": id, "title": criteria::source_title(id, self.0.lang).unwrap_or(title)}))
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
                    "offering_name": r.offering_name_in(self.0.lang),
                    "retired": r.retired,
                    "verdict": r.verdict,
                    "condition_ids": cmp.conditions(i).iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
                    "conditions": cmp.conditions(i).iter().map(|c| c.get(self.0.lang)).collect::<Vec<_>>(),
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
                            let fact = ev
                                .results
                                .iter()
                                .flat_map(|r| &r.criteria)
                                .flat_map(|c| &c.facts)
                                .find(|f| f.claim.as_ref().is_some_and(|fc| std::sync::Arc::ptr_eq(fc, claim)));
                            v["quote_state"] = json!(fact.and_then(|f| f.quote_state));
                            v["last_confirmed"] = json!(fact.and_then(|f| f.last_confirmed));
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
        let mut doc = json!({
            "schema_version": SCHEMA_VERSION,
            "as_of": ev.as_of,
            "lang": self.0.lang,
            "columns": columns,
            "rows": rows,
        });
        if let Some(scores) = &cmp.scores {
            doc["scores"] = json!(scores);
        }
        write(w, &doc)
    }
}
