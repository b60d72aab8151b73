//! CSV output (RFC 4180): one row per vendor offering and criterion (and per fact for `show`).
//! Cells a spreadsheet would run as a formula are neutralised.

use std::io::{self, Write};

use super::{status_label, Options, Renderer, Report};
use crate::compare::{Comparison, RowKind};
use crate::criteria::{self, Criterion};
use crate::i18n::ReportLabel;

pub struct Csv(pub Options);

/// Neutralises a cell that a spreadsheet would treat as a formula, and removes control characters.
pub fn safe(s: &str) -> String {
    let cleaned: String = s.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    // Judge the cleaned text: a control character in front must not hide a formula.
    match s.chars().find(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n')) {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cleaned}"),
        _ => cleaned,
    }
}

fn writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w)
}

fn io_err(e: csv::Error) -> io::Error {
    io::Error::other(e)
}

impl Renderer for Csv {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let mut out = writer(w);
        out.write_record([
            "vendor",
            "offering",
            "verdict",
            "criterion",
            "severity",
            "status",
            "stale",
            "reason",
            "conditions",
        ])
        .map_err(io_err)?;
        for r in &report.evaluation.results {
            for c in &r.criteria {
                let conditions: Vec<&str> = c.conditions.iter().map(|t| t.get(lang)).collect();
                out.write_record([
                    safe(&r.vendor),
                    safe(r.offering.as_deref().unwrap_or("")),
                    r.verdict.as_str().to_owned(),
                    c.id.to_owned(),
                    c.severity.as_str().to_owned(),
                    c.status.as_str().to_owned(),
                    c.stale.to_string(),
                    safe(c.reason.get(lang)),
                    safe(&conditions.join("\n")),
                ])
                .map_err(io_err)?;
            }
        }
        out.flush()
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let mut out = writer(w);
        out.write_record([
            "vendor",
            "offering",
            "criterion",
            "status",
            "term",
            "value",
            "source",
            "source_url",
            "verified",
            "quote",
            "note",
            "confidence",
            "source_kind",
            "counted",
        ])
        .map_err(io_err)?;
        for r in &report.evaluation.results {
            let vendor = report.catalogue.vendor(&r.vendor);
            for c in &r.criteria {
                for f in &c.facts {
                    let (value, source, verified, quote, note) = match &f.claim {
                        Some(cl) => (
                            super::value_text(&cl.value, lang),
                            cl.source.as_str().to_owned(),
                            cl.verified.to_string(),
                            cl.quote.clone().unwrap_or_default(),
                            cl.note.clone().unwrap_or_default(),
                        ),
                        None => (
                            "unknown".into(),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                        ),
                    };
                    out.write_record([
                        safe(&r.vendor),
                        safe(r.offering.as_deref().unwrap_or("")),
                        c.id.to_owned(),
                        c.status.as_str().to_owned(),
                        f.term.to_owned(),
                        safe(&value),
                        safe(&source),
                        safe(
                            f.claim
                                .as_ref()
                                .and_then(|cl| vendor?.source_url(&cl.source))
                                .unwrap_or(""),
                        ),
                        verified,
                        safe(&quote),
                        safe(&note),
                        f.claim.as_ref().map_or("", |cl| cl.confidence.as_str()).to_owned(),
                        f.claim.as_ref().map_or("", |cl| cl.source_kind.as_str()).to_owned(),
                        f.counted.to_string(),
                    ])
                    .map_err(io_err)?;
                }
            }
        }
        out.flush()
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let mut out = writer(w);
        out.write_record(["id", "code", "severity", "title", "checks", "trace"])
            .map_err(io_err)?;
        for c in list {
            let trace = super::trace_lines(c, lang, list.len() == 1);
            out.write_record([
                c.id.to_owned(),
                criteria::code(c.id).to_owned(),
                c.severity.as_str().to_owned(),
                c.title.get(lang).to_owned(),
                c.checks.get(lang).to_owned(),
                trace.join("\n"),
            ])
            .map_err(io_err)?;
        }
        out.flush()
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let mut out = writer(w);
        let mut header: Vec<String> = ["row", "id", "label", "differs"].map(str::to_owned).to_vec();
        header.extend(cmp.columns().iter().map(|r| safe(&r.key())));
        out.write_record(&header).map_err(io_err)?;
        for row in &cmp.rows {
            let mut rec = vec![
                row.kind.as_str().to_owned(),
                row.id.to_owned(),
                safe(row.label.get(lang)),
                row.differs.to_string(),
            ];
            for c in &row.cells {
                rec.push(match (row.kind, c.status) {
                    (RowKind::Criterion, Some(s)) => safe(&format!(
                        "{}{}: {}",
                        status_label(s, lang),
                        if c.stale {
                            format!(" ({})", ReportLabel::Stale.text(lang))
                        } else {
                            String::new()
                        },
                        c.text.get(lang)
                    )),
                    _ => safe(c.text.get(lang)),
                });
            }
            out.write_record(&rec).map_err(io_err)?;
        }
        let mut rec = vec![
            "conditions".to_owned(),
            String::new(),
            ReportLabel::Conditions.text(lang).to_owned(),
            String::new(),
        ];
        for i in 0..cmp.columns().len() {
            let list: Vec<&str> = cmp.conditions(i).iter().map(|t| t.get(lang)).collect();
            rec.push(safe(&list.join("\n")));
        }
        out.write_record(&rec).map_err(io_err)?;
        if let Some(scores) = &cmp.scores {
            let label = crate::score::labels(lang);
            let lines = [
                (
                    "eisen",
                    label.eisen,
                    scores.iter().map(|s| s.eisen_text(lang)).collect::<Vec<_>>(),
                ),
                (
                    "wensen",
                    label.wensen,
                    scores.iter().map(|s| s.score_text(lang)).collect(),
                ),
                (
                    "computation",
                    label.computation,
                    scores.iter().map(|s| s.computation(lang).join("\n")).collect(),
                ),
            ];
            for (id, name, cells) in lines {
                let mut rec = vec!["score".to_owned(), id.to_owned(), name.to_owned(), String::new()];
                rec.extend(cells.iter().map(|c| safe(c)));
                out.write_record(&rec).map_err(io_err)?;
            }
        }
        out.flush()
    }
}
