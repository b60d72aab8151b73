//! Spreadsheet output (xlsx, written with rust_xlsxwriter): a `Matrix` sheet with coloured status
//! cells that also carry the status as text, a frozen header row and first column, an autofilter
//! and set widths; an `Evidence` sheet with one row per claim a criterion used; a `Conditions`
//! sheet. Every value is written as a string cell, so text that looks like a formula stays text.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{clean, status_label, value_text, Options, Renderer, Report};
use crate::catalogue::terms;
use crate::compare::{Comparison, RowKind};
use crate::criteria::{self, Criterion, Status};
use crate::evaluate::Evaluation;
use crate::i18n::{Lang, ReportLabel};

pub struct Xlsx(pub Options);

/// The longest text a cell holds.
const MAX_CELL: usize = 32_000;

fn err(e: XlsxError) -> io::Error {
    io::Error::other(e)
}

/// A cell text: control characters removed, cut to what a cell holds.
fn text(s: &str) -> String {
    let s = clean(s);
    if s.len() <= MAX_CELL {
        return s;
    }
    let mut end = MAX_CELL;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

fn status_format(s: Status) -> Format {
    let (fg, bg) = match s {
        Status::Pass => (0x1B7F3B, 0xDFF3E4),
        Status::Conditional => (0x8A5A00, 0xFFF1C7),
        Status::Unknown => (0x4A4A4A, 0xE6E6E6),
        Status::Fail => (0xA61B1B, 0xFBE0E0),
    };
    Format::new()
        .set_font_color(Color::RGB(fg))
        .set_background_color(Color::RGB(bg))
        .set_border(FormatBorder::Thin)
        .set_bold()
        .set_text_wrap()
}

/// One sheet being filled row by row.
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    row: u32,
    columns: u16,
}

impl<'w> Sheet<'w> {
    fn new(wb: &'w mut Workbook, name: &str, header: &[String], widths: &[f64]) -> Result<Self, XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let bold = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xEEEEEE))
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        for (i, h) in header.iter().enumerate() {
            let col = i as u16;
            ws.write_string_with_format(0, col, text(h), &bold)?;
            ws.set_column_width(col, widths.get(i).or(widths.last()).copied().unwrap_or(14.0))?;
        }
        Ok(Sheet {
            ws,
            row: 1,
            columns: header.len() as u16,
        })
    }

    fn put(&mut self, col: u16, s: &str, format: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, col, text(s), format)?;
        Ok(())
    }

    fn line(&mut self, cells: &[String], format: &Format) -> Result<(), XlsxError> {
        for (i, c) in cells.iter().enumerate() {
            self.put(i as u16, c, format)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Freezes the header row and `cols` first columns and puts a filter on the header.
    fn finish(self, cols: u16) -> Result<(), XlsxError> {
        self.ws.set_freeze_panes(1, cols)?;
        self.ws
            .autofilter(0, 0, self.row.saturating_sub(1).max(1), self.columns.saturating_sub(1))?;
        Ok(())
    }
}

impl Xlsx {
    fn lang(&self) -> Lang {
        self.0.lang
    }

    fn status_cell(&self, s: Status, stale: bool) -> String {
        let mut t = status_label(s, self.lang()).to_owned();
        if stale {
            t.push_str(&format!(" ({})", ReportLabel::Stale.text(self.lang())));
        }
        t
    }

    /// The matrix of an audit: offerings down, criteria across.
    fn matrix(&self, wb: &mut Workbook, ev: &Evaluation) -> Result<(), XlsxError> {
        let lang = self.lang();
        let ids: Vec<&str> = ev
            .results
            .first()
            .map_or_else(Vec::new, |r| r.criteria.iter().map(|c| c.id).collect());
        let mut header = vec![
            ReportLabel::Vendor.text(lang).to_owned(),
            "id".to_owned(),
            ReportLabel::Verdict.text(lang).to_owned(),
        ];
        header.extend(
            ids.iter()
                .map(|id| criteria::find(id).map_or((*id).to_owned(), |c| c.title.get(lang).to_owned())),
        );
        let mut sheet = Sheet::new(wb, "Matrix", &header, &[30.0, 24.0, 22.0, 18.0])?;
        let plain = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        for r in &ev.results {
            sheet.put(0, &r.display_name(), &plain)?;
            sheet.put(1, &r.key(), &plain)?;
            sheet.put(2, r.verdict.label().get(lang), &status_format(r.verdict.status()))?;
            for (i, id) in ids.iter().enumerate() {
                if let Some(c) = r.criterion(id) {
                    sheet.put(
                        3 + i as u16,
                        &self.status_cell(c.status, c.stale),
                        &status_format(c.status),
                    )?;
                }
            }
            sheet.row += 1;
        }
        sheet.finish(1)
    }

    /// The matrix of a comparison: rows down, offerings across.
    fn compare_matrix(&self, wb: &mut Workbook, cmp: &Comparison) -> Result<(), XlsxError> {
        let lang = self.lang();
        let mut header = vec![
            ReportLabel::Criterion.text(lang).to_owned(),
            "id".to_owned(),
            ReportLabel::Differs.text(lang).to_owned(),
        ];
        header.extend(cmp.columns().iter().map(|r| r.display_name()));
        let mut sheet = Sheet::new(wb, "Matrix", &header, &[34.0, 24.0, 10.0, 30.0])?;
        let plain = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        let marked = plain.clone().set_bold();
        for row in &cmp.rows {
            let f = if row.differs { &marked } else { &plain };
            sheet.put(0, row.label.get(lang), f)?;
            sheet.put(1, row.id, f)?;
            sheet.put(2, if row.differs { "≠" } else { "" }, f)?;
            for (i, c) in row.cells.iter().enumerate() {
                let col = 3 + i as u16;
                match (row.kind, c.verdict, c.status) {
                    (RowKind::Verdict, Some(v), _) => sheet.put(col, c.text.get(lang), &status_format(v.status()))?,
                    (_, _, Some(s)) => sheet.put(
                        col,
                        &format!("{}: {}", self.status_cell(s, c.stale), c.text.get(lang)),
                        &status_format(s),
                    )?,
                    _ => sheet.put(col, c.text.get(lang), &plain)?,
                }
            }
            sheet.row += 1;
        }
        sheet.finish(1)
    }

    fn evidence(&self, wb: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
        let lang = self.lang();
        let header: Vec<String> = [
            ReportLabel::Vendor,
            ReportLabel::Offering,
            ReportLabel::Criterion,
            ReportLabel::Term,
            ReportLabel::Value,
            ReportLabel::Source,
        ]
        .iter()
        .map(|l| l.text(lang).to_owned())
        .chain([
            "URL".to_owned(),
            ReportLabel::Verified.text(lang).to_owned(),
            ReportLabel::Quote.text(lang).to_owned(),
            ReportLabel::Note.text(lang).to_owned(),
            "quote_state".to_owned(),
            "last_confirmed".to_owned(),
        ])
        .collect();
        let mut sheet = Sheet::new(
            wb,
            "Evidence",
            &header,
            &[18.0, 16.0, 22.0, 28.0, 22.0, 18.0, 40.0, 12.0, 50.0, 40.0, 12.0, 12.0],
        )?;
        let plain = Format::new().set_text_wrap();
        for r in &report.evaluation.results {
            let vendor = report.catalogue.vendor(&r.vendor);
            for term in terms::TERMS {
                let used: Vec<&str> = r
                    .criteria
                    .iter()
                    .filter(|c| c.facts.iter().any(|f| f.term == term.key))
                    .map(|c| c.id)
                    .collect();
                let name = match lang {
                    Lang::En => term.label_en,
                    Lang::Nl => term.label_nl,
                };
                let mut cells = vec![
                    r.vendor_name.clone(),
                    r.offering.clone().unwrap_or_default(),
                    used.join(", "),
                    format!("{name} ({})", term.key),
                ];
                let claim = vendor.and_then(|v| v.claim(term.key, r.offering.as_deref()).map(|c| (v, c)));
                match claim {
                    Some((v, claim)) => {
                        let fact = r
                            .criteria
                            .iter()
                            .flat_map(|c| &c.facts)
                            .find(|f| f.claim.as_ref().is_some_and(|fc| std::sync::Arc::ptr_eq(fc, claim)));
                        cells.extend([
                            value_text(&claim.value, lang),
                            claim.source.as_str().to_owned(),
                            v.source_url(&claim.source).unwrap_or_default().to_owned(),
                            claim.verified.to_string(),
                            claim.quote.clone().unwrap_or_default(),
                            claim.note.clone().unwrap_or_default(),
                            fact.and_then(|f| f.quote_state)
                                .map(|q| q.as_str())
                                .unwrap_or_default()
                                .to_owned(),
                            fact.and_then(|f| f.last_confirmed)
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                        ])
                    }
                    None => cells.push(ReportLabel::Unknown.text(lang).to_owned()),
                }
                sheet.line(&cells, &plain)?;
            }
        }
        sheet.finish(2)
    }

    fn conditions(&self, wb: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
        let lang = self.lang();
        let header: Vec<String> = [
            ReportLabel::Vendor,
            ReportLabel::Offering,
            ReportLabel::Criterion,
            ReportLabel::Status,
            ReportLabel::Conditions,
        ]
        .iter()
        .map(|l| l.text(lang).to_owned())
        .collect();
        let mut sheet = Sheet::new(wb, "Conditions", &header, &[18.0, 16.0, 24.0, 18.0, 80.0])?;
        let plain = Format::new().set_text_wrap();
        for r in &report.evaluation.results {
            for c in &r.criteria {
                for t in &c.conditions {
                    sheet.line(
                        &[
                            r.vendor_name.clone(),
                            r.offering.clone().unwrap_or_default(),
                            c.id.to_owned(),
                            status_label(c.status, lang).to_owned(),
                            t.get(lang).to_owned(),
                        ],
                        &plain,
                    )?;
                }
            }
        }
        sheet.finish(2)
    }

    fn save(wb: &mut Workbook, w: &mut dyn Write) -> io::Result<()> {
        let bytes = wb.save_to_buffer().map_err(err)?;
        w.write_all(&bytes)
    }
}

impl Renderer for Xlsx {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let mut wb = Workbook::new();
        self.matrix(&mut wb, report.evaluation).map_err(err)?;
        self.evidence(&mut wb, report).map_err(err)?;
        self.conditions(&mut wb, report).map_err(err)?;
        Self::save(&mut wb, w)
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.audit(report, w)
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang();
        let mut wb = Workbook::new();
        let header: Vec<String> = vec![
            "id".into(),
            ReportLabel::Severity.text(lang).into(),
            ReportLabel::Criterion.text(lang).into(),
            ReportLabel::Reason.text(lang).into(),
            ReportLabel::Source.text(lang).into(),
        ];
        let mut sheet = Sheet::new(&mut wb, "Criteria", &header, &[24.0, 10.0, 36.0, 60.0, 60.0]).map_err(err)?;
        let plain = Format::new().set_text_wrap();
        for c in list {
            let trace = super::trace_lines(c, lang);
            sheet
                .line(
                    &[
                        c.id.to_owned(),
                        c.severity.as_str().to_owned(),
                        c.title.get(lang).to_owned(),
                        c.checks.get(lang).to_owned(),
                        trace.join("\n"),
                    ],
                    &plain,
                )
                .map_err(err)?;
        }
        sheet.finish(1).map_err(err)?;
        Self::save(&mut wb, w)
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let report = Report {
            evaluation: cmp.evaluation,
            catalogue: cmp.catalogue,
        };
        let mut wb = Workbook::new();
        self.compare_matrix(&mut wb, cmp).map_err(err)?;
        self.evidence(&mut wb, &report).map_err(err)?;
        self.conditions(&mut wb, &report).map_err(err)?;
        Self::save(&mut wb, w)
    }
}
