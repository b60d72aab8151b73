//! `school check` as a spreadsheet for the DPIA or pre-scan file (written with rust_xlsxwriter):
//! a `Services` sheet (verdicts, contract, warnings), an `Open conditions` sheet (the to-do list
//! with owners and dates) and an `Evidence` sheet (per service every term a criterion read, with
//! its value and source, and whether the fact is the school's own or the catalogue's). Every value
//! is a string cell, so text that looks like a formula stays text.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::render::{contract_line, owner_line};
use super::Assessment;
use crate::i18n::Lang;
use crate::report::{clean, value_text};

fn tr<'a>(lang: Lang, en: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// The longest text a cell holds.
const MAX_CELL: usize = 32_000;

fn cell(s: &str) -> String {
    let mut s = clean(s);
    if s.len() > MAX_CELL {
        let mut end = MAX_CELL;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// Writes rows under a bold header, with a frozen header row, an autofilter and set widths.
fn sheet(ws: &mut Worksheet, name: &str, header: &[(&str, f64)], rows: &[Vec<String>]) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (col, (h, width)) in header.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, *h, &bold)?;
        ws.set_column_width(col, *width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (col, v) in row.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, col as u16, cell(v), &wrap)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !rows.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, header.len().saturating_sub(1) as u16)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub fn xlsx(a: &Assessment, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let t = |en, nl| tr(lang, en, nl);
    let mut wb = Workbook::new();
    let services: Vec<Vec<String>> = a
        .services
        .iter()
        .map(|s| {
            let warnings: Vec<&str> = s.warnings.iter().map(|w| w.message.get(lang)).collect();
            vec![
                s.service.key(),
                s.result.display_name_in(lang),
                s.service.purpose.clone().unwrap_or_default(),
                contract_line(s.service.contract.as_ref(), lang),
                s.catalogue_verdict().label().get(lang).to_owned(),
                s.verdict().label().get(lang).to_owned(),
                s.open.len().to_string(),
                warnings.join("\n"),
            ]
        })
        .collect();
    sheet(
        wb.add_worksheet(),
        t("Services", "Diensten"),
        &[
            (t("Service", "Dienst"), 26.0),
            (t("Name", "Naam"), 28.0),
            (t("Purpose", "Doel"), 28.0),
            (t("Contract", "Contract"), 40.0),
            (t("Catalogue verdict", "Oordeel catalogus"), 22.0),
            (t("School verdict", "Oordeel school"), 22.0),
            (t("Open conditions", "Open voorwaarden"), 12.0),
            (t("Warnings", "Waarschuwingen"), 60.0),
        ],
        &services,
    )?;
    let open: Vec<Vec<String>> = a
        .services
        .iter()
        .flat_map(|s| {
            s.open.iter().map(|o| {
                vec![
                    s.service.key(),
                    o.criterion.to_owned(),
                    o.condition.id.clone(),
                    o.condition.get(lang).to_owned(),
                    owner_line(o, lang),
                    o.entry.as_ref().and_then(|e| e.note.clone()).unwrap_or_default(),
                ]
            })
        })
        .collect();
    sheet(
        wb.add_worksheet(),
        t("Open conditions", "Open voorwaarden"),
        &[
            (t("Service", "Dienst"), 26.0),
            (t("Criterion", "Criterium"), 22.0),
            (t("Condition", "Voorwaarde"), 30.0),
            (t("What to do", "Wat te doen"), 60.0),
            (t("Owner, date", "Eigenaar, datum"), 22.0),
            (t("Note", "Notitie"), 40.0),
        ],
        &open,
    )?;
    let mut evidence = Vec::new();
    for s in &a.services {
        let mut seen: Vec<&str> = Vec::new();
        for f in s.result.criteria.iter().flat_map(|c| c.facts.iter()) {
            if seen.contains(&f.term) {
                continue;
            }
            seen.push(f.term);
            let whose = if s.own_fact(f.term) {
                t("school", "school")
            } else {
                t("catalogue", "catalogus")
            };
            let row = match &f.claim {
                Some(c) => vec![
                    s.service.key(),
                    f.term.to_owned(),
                    value_text(&c.value, lang),
                    whose.to_owned(),
                    s.vendor.source_url(&c.source).unwrap_or(c.source.as_str()).to_owned(),
                    c.verified.to_string(),
                    c.quote.clone().or_else(|| c.note.clone()).unwrap_or_default(),
                ],
                None => vec![
                    s.service.key(),
                    f.term.to_owned(),
                    t("unknown", "onbekend").to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            };
            evidence.push(row);
        }
    }
    sheet(
        wb.add_worksheet(),
        t("Evidence", "Bewijs"),
        &[
            (t("Service", "Dienst"), 26.0),
            (t("Term", "Term"), 32.0),
            (t("Value", "Waarde"), 24.0),
            (t("Whose fact", "Van wie"), 12.0),
            (t("Source", "Bron"), 50.0),
            (t("Verified", "Gecontroleerd"), 14.0),
            (t("Quote or note", "Citaat of notitie"), 60.0),
        ],
        &evidence,
    )?;
    wb.save_to_buffer()
}
