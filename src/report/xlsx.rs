//! Spreadsheet output (xlsx, written with rust_xlsxwriter): a `Matrix` sheet with coloured status
//! cells that also carry the status as text, a frozen header row and first column, an autofilter
//! and set widths; an `Evidence` sheet with one row per claim a criterion used; a `Conditions`
//! sheet. Every value is written as a string cell, so text that looks like a formula stays text;
//! source URLs are real hyperlinks. In a comparison each offering has three columns, status, stale
//! and reason, so that a filter on a status works. Every sheet prints on A4 landscape, fitted to
//! the page width, with its header row repeated on each page and the report's title, reference
//! and page number in the page header and footer.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet, XlsxError};

use super::{clean, linkable, reference_label, status_label, value_text, Options, Renderer, Report};
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
    /// Rows of headings above the data: repeated on every printed page.
    header_rows: u32,
}

impl<'w> Sheet<'w> {
    fn new(wb: &'w mut Workbook, name: &str, header: &[String], widths: &[f64]) -> Result<Self, XlsxError> {
        Self::grouped(wb, name, &[], header, widths)
    }

    /// A sheet whose header row has, when `groups` are given, a row of group names above it: each
    /// group's name over its number of columns, the first group starting after the columns the
    /// header has beyond all the groups' (the row labels).
    fn grouped(
        wb: &'w mut Workbook,
        name: &str,
        groups: &[(String, u16)],
        header: &[String],
        widths: &[f64],
    ) -> Result<Self, XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let bold = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xEEEEEE))
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        let head = u32::from(!groups.is_empty());
        if !groups.is_empty() {
            let spanned: u16 = groups.iter().map(|g| g.1).sum();
            let mut col = (header.len() as u16).saturating_sub(spanned);
            let centred = bold.clone().set_align(FormatAlign::Center);
            for (group, span) in groups {
                let last = col + span.saturating_sub(1);
                if last > col {
                    ws.merge_range(0, col, 0, last, &text(group), &centred)?;
                } else {
                    ws.write_string_with_format(0, col, text(group), &centred)?;
                }
                col = last + 1;
            }
        }
        for (i, h) in header.iter().enumerate() {
            let col = i as u16;
            ws.write_string_with_format(head, col, text(h), &bold)?;
            ws.set_column_width(col, widths.get(i).or(widths.last()).copied().unwrap_or(14.0))?;
        }
        Ok(Sheet {
            ws,
            row: head + 1,
            columns: header.len() as u16,
            header_rows: head + 1,
        })
    }

    /// A link to `url` showing `shown`, when the URL may be linked; else the text.
    fn link(&mut self, col: u16, url: &str, shown: &str, format: &Format) -> Result<(), XlsxError> {
        if linkable(url) && url.len() < 2_000 {
            let link = Url::new(url).set_text(text(shown));
            if self.ws.write_url_with_format(self.row, col, link, format).is_ok() {
                return Ok(());
            }
        }
        self.put(col, shown, format)
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
        let head = self.header_rows;
        self.ws.set_freeze_panes(head, cols)?;
        self.ws.autofilter(
            head - 1,
            0,
            self.row.saturating_sub(1).max(head),
            self.columns.saturating_sub(1),
        )?;
        self.ws.set_repeat_rows(0, head - 1)?;
        Ok(())
    }
}

/// Text for a printed page header: `&` doubled (the header's own codes start with it), cut short
/// enough that header and codes stay within Excel's 255 characters.
fn page_text(s: &str) -> String {
    let short: String = clean(s).chars().filter(|c| !c.is_control()).take(100).collect();
    short.replace('&', "&&")
}

/// Sets up every sheet of a workbook for printing: landscape A4, one page wide, the title (and the
/// reference, when there is one) in the page header, the sheet's name and the page number below.
pub fn print_setup(wb: &mut Workbook, title: &str, reference: Option<&str>, lang: Lang) {
    let header = match reference {
        Some(r) => format!(
            "&L&\"-,Bold\"{}&R{}: {}",
            page_text(title),
            reference_label(lang),
            page_text(r)
        ),
        None => format!("&L&\"-,Bold\"{}", page_text(title)),
    };
    let (page, of) = match lang {
        Lang::En => ("Page", "of"),
        Lang::Nl => ("Pagina", "van"),
    };
    let footer = format!("&L&A&R{page} &P {of} &N");
    for ws in wb.worksheets_mut() {
        ws.set_landscape()
            .set_paper_size(9)
            .set_print_fit_to_pages(1, 0)
            .set_header(&header)
            .set_footer(&footer);
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
        let mut sheet = Sheet::new(wb, ReportLabel::Matrix.text(lang), &header, &[30.0, 24.0, 22.0, 18.0])?;
        let plain = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        for r in &ev.results {
            sheet.put(0, &r.display_name_in(lang), &plain)?;
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

    /// The matrix of a comparison: rows down, offerings across, each offering in three columns:
    /// the status (of a criterion; the verdict; a term's value), whether it is stale, and the
    /// reason (of a criterion; a term's source, linked).
    fn compare_matrix(&self, wb: &mut Workbook, cmp: &Comparison) -> Result<(), XlsxError> {
        let lang = self.lang();
        let mut header = vec![
            ReportLabel::Criterion.text(lang).to_owned(),
            "id".to_owned(),
            ReportLabel::Differs.text(lang).to_owned(),
        ];
        let mut widths = vec![34.0, 24.0, 10.0];
        for _ in cmp.columns() {
            header.extend([
                ReportLabel::Status.text(lang).to_owned(),
                ReportLabel::Stale.text(lang).to_owned(),
                ReportLabel::Reason.text(lang).to_owned(),
            ]);
            widths.extend([18.0, 10.0, 40.0]);
        }
        let groups: Vec<(String, u16)> = cmp
            .columns()
            .iter()
            .map(|r| (format!("{} ({})", r.display_name_in(lang), r.key()), 3))
            .collect();
        let mut sheet = Sheet::grouped(wb, ReportLabel::Matrix.text(lang), &groups, &header, &widths)?;
        let plain = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        let marked = plain.clone().set_bold();
        let link = plain
            .clone()
            .set_font_color(Color::RGB(0x0B4F9C))
            .set_underline(rust_xlsxwriter::FormatUnderline::Single);
        let stale_word = ReportLabel::Stale.text(lang);
        for row in &cmp.rows {
            let f = if row.differs { &marked } else { &plain };
            sheet.put(0, row.label.get(lang), f)?;
            sheet.put(1, row.id, f)?;
            sheet.put(2, if row.differs { "≠" } else { "" }, f)?;
            for (i, c) in row.cells.iter().enumerate() {
                let col = 3 + 3 * i as u16;
                match (row.kind, c.verdict, c.status) {
                    (RowKind::Verdict, Some(v), _) => {
                        sheet.put(col, c.text.get(lang), &status_format(v.status()))?;
                        sheet.put(col + 1, "", &plain)?;
                        sheet.put(col + 2, "", &plain)?;
                    }
                    (_, _, Some(st)) => {
                        sheet.put(col, status_label(st, lang), &status_format(st))?;
                        sheet.put(col + 1, if c.stale { stale_word } else { "" }, &plain)?;
                        sheet.put(col + 2, c.text.get(lang), &plain)?;
                    }
                    _ => {
                        sheet.put(col, c.text.get(lang), &plain)?;
                        sheet.put(col + 1, "", &plain)?;
                        match (&c.claim, &c.source_url) {
                            (Some(claim), Some(url)) => {
                                let shown = format!("{}, {}", claim.source.as_str(), claim.verified);
                                sheet.link(col + 2, url, &shown, &link)?;
                            }
                            (Some(claim), None) => {
                                sheet.put(
                                    col + 2,
                                    &format!("{}, {}", claim.source.as_str(), claim.verified),
                                    &plain,
                                )?;
                            }
                            _ => sheet.put(col + 2, "", &plain)?,
                        }
                    }
                }
            }
            sheet.row += 1;
        }
        sheet.finish(3)
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
            ReportLabel::Reliability.text(lang).to_owned(),
            "quote_state".to_owned(),
            "last_confirmed".to_owned(),
        ])
        .collect();
        let mut sheet = Sheet::new(
            wb,
            ReportLabel::Evidence.text(lang),
            &header,
            &[
                18.0, 16.0, 22.0, 28.0, 22.0, 18.0, 40.0, 12.0, 50.0, 40.0, 30.0, 12.0, 12.0,
            ],
        )?;
        let plain = Format::new().set_text_wrap();
        let link = plain
            .clone()
            .set_font_color(Color::RGB(0x0B4F9C))
            .set_underline(rust_xlsxwriter::FormatUnderline::Single);
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
                let url = claim.and_then(|(v, c)| v.source_url(&c.source)).unwrap_or_default();
                match claim {
                    Some((_, claim)) => {
                        let fact = r
                            .criteria
                            .iter()
                            .flat_map(|c| &c.facts)
                            .find(|f| f.claim.as_ref().is_some_and(|fc| std::sync::Arc::ptr_eq(fc, claim)));
                        cells.extend([
                            value_text(&claim.value, lang),
                            claim.source.as_str().to_owned(),
                            url.to_owned(),
                            claim.verified.to_string(),
                            claim.quote.clone().unwrap_or_default(),
                            claim.note.clone().unwrap_or_default(),
                            super::evidence_quality(
                                claim,
                                claim.confidence >= report.evaluation.profile.min_confidence,
                                lang,
                            ),
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
                if !url.is_empty() {
                    // The URL column (the seventh) as a link, over the text written above.
                    sheet.row -= 1;
                    sheet.link(6, url, url, &link)?;
                    sheet.row += 1;
                }
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
        let mut sheet = Sheet::new(
            wb,
            ReportLabel::Conditions.text(lang),
            &header,
            &[18.0, 16.0, 24.0, 18.0, 80.0],
        )?;
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

    /// The score of each offering (`compare --score`): eisen, wensen and the computation.
    fn scores(&self, wb: &mut Workbook, scores: &[crate::score::Score]) -> Result<(), XlsxError> {
        let lang = self.lang();
        let label = crate::score::labels(lang);
        let header: Vec<String> = [label.offering, label.eisen, label.wensen, label.computation]
            .map(str::to_owned)
            .to_vec();
        let mut sheet = Sheet::new(wb, label.title, &header, &[26.0, 40.0, 40.0, 60.0])?;
        let plain = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
        for s in scores {
            let eisen = if s.eisen_met { Status::Pass } else { Status::Fail };
            sheet.put(0, &s.offering, &plain)?;
            sheet.put(1, &s.eisen_text(lang), &status_format(eisen))?;
            sheet.put(2, &s.score_text(lang), &plain)?;
            sheet.put(3, &s.computation(lang).join("\n"), &plain)?;
            sheet.row += 1;
        }
        sheet.put(0, label.rule, &Format::new().set_italic())?;
        sheet.row += 1;
        sheet.finish(1)
    }

    /// Sets up every sheet for printing and writes the workbook. `kind` names the report when it
    /// has no `--title`.
    fn save(&self, wb: &mut Workbook, kind: ReportLabel, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang();
        let heading = &self.0.heading;
        let title = heading
            .title
            .clone()
            .unwrap_or_else(|| format!("vcaudit: {}", kind.text(lang)));
        print_setup(wb, &title, heading.reference.as_deref(), lang);
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
        self.save(&mut wb, ReportLabel::Audit, w)
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
        let mut sheet = Sheet::new(
            &mut wb,
            ReportLabel::Criteria.text(lang),
            &header,
            &[24.0, 10.0, 36.0, 60.0, 60.0],
        )
        .map_err(err)?;
        let plain = Format::new().set_text_wrap();
        for c in list {
            let trace = super::trace_lines(c, lang, list.len() == 1);
            sheet
                .line(
                    &[
                        c.id.to_owned(),
                        super::severity_label(c.severity, lang).to_owned(),
                        c.title.get(lang).to_owned(),
                        c.checks.get(lang).to_owned(),
                        trace.join("\n"),
                    ],
                    &plain,
                )
                .map_err(err)?;
        }
        sheet.finish(1).map_err(err)?;
        self.save(&mut wb, ReportLabel::Criteria, w)
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
        if let Some(scores) = &cmp.scores {
            self.scores(&mut wb, scores).map_err(err)?;
        }
        self.save(&mut wb, ReportLabel::Comparison, w)
    }
}
