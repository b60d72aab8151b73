//! Terminal output: a compact verdict matrix that fits 80 columns (one-letter statuses under
//! two-letter criterion codes, with a legend), and readable sections for `show` and `criteria`.

use std::io::{self, Write};

use comfy_table::{
    presets, Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table as Grid,
};

use super::{clean, status_label, text, Options, Renderer, Report};
use crate::catalogue::Source;
use crate::compare::{Comparison, RowKind};
use crate::criteria::{self, Criterion, Status, ALL};
use crate::evaluate::OfferingResult;
use crate::i18n::{Lang, ReportLabel};

pub struct Table(pub Options);

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Pass => "+",
        Status::Conditional => "~",
        Status::Unknown => "?",
        Status::Fail => "x",
    }
}

fn status_color(s: Status) -> Color {
    match s {
        Status::Pass => Color::Green,
        Status::Conditional => Color::Yellow,
        Status::Unknown => Color::DarkGrey,
        Status::Fail => Color::Red,
    }
}

impl Table {
    fn grid(&self) -> Grid {
        let mut g = Grid::new();
        g.load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        g.set_width(terminal_width());
        if self.0.color {
            g.enforce_styling();
        } else {
            g.force_no_tty();
        }
        g
    }

    fn colored(&self, cell: Cell, color: Color) -> Cell {
        if self.0.color {
            cell.fg(color)
        } else {
            cell
        }
    }

    fn verdict_line(&self, r: &OfferingResult, short: bool) -> String {
        let lang = self.0.lang;
        let verdict = if short {
            r.verdict.short_label()
        } else {
            r.verdict.label()
        };
        let mut s = verdict.get(lang).to_owned();
        match r.retired {
            // The matrix marks retired services with a dagger and explains it below.
            Some(_) if short => s.push_str(" †"),
            Some(d) => s.push_str(&format!(" ({} {d})", ReportLabel::RetiredOn.text(lang))),
            None => {}
        }
        s
    }
}

/// `COLUMNS` when set, else 100: wide enough for the audit matrix with long vendor offering names.
fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

impl Renderer for Table {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let ev = report.evaluation;
        let ids: Vec<&str> = ev.results.first().map_or_else(
            || ALL.iter().map(|c| c.id).collect(),
            |r| r.criteria.iter().map(|c| c.id).collect(),
        );
        let mut g = self.grid();
        let mut header = vec![Cell::new(ReportLabel::Vendor.text(lang)).add_attribute(Attribute::Bold)];
        header.extend(
            ids.iter()
                .map(|id| Cell::new(criteria::code(id)).add_attribute(Attribute::Bold)),
        );
        header.push(Cell::new(ReportLabel::Verdict.text(lang)).add_attribute(Attribute::Bold));
        g.set_header(header);
        for r in &ev.results {
            let mut row = vec![Cell::new(clean(&r.key()))];
            for id in &ids {
                let cell = match r.criterion(id) {
                    Some(c) => {
                        let mark = format!("{}{}", symbol(c.status), if c.stale { "*" } else { "" });
                        self.colored(Cell::new(mark), status_color(c.status))
                    }
                    None => Cell::new(""),
                };
                row.push(cell.set_alignment(CellAlignment::Left));
            }
            row.push(self.colored(Cell::new(self.verdict_line(r, true)), status_color(r.verdict.status())));
            g.add_row(row);
        }
        for (i, col) in g.column_iter_mut().enumerate() {
            col.set_padding((0, 1));
            if i > 0 {
                // Statuses and the verdict never wrap; a long vendor name does.
                col.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        write_grid(w, &g)?;
        writeln!(w)?;
        let legend: Vec<String> = [Status::Pass, Status::Conditional, Status::Unknown, Status::Fail]
            .iter()
            .map(|s| format!("{} {}", symbol(*s), status_label(*s, lang)))
            .collect();
        writeln!(
            w,
            "{}: {}, * {}",
            ReportLabel::Legend.text(lang),
            legend.join(", "),
            ReportLabel::Stale.text(lang)
        )?;
        let codes: Vec<String> = ids
            .iter()
            .filter_map(|id| criteria::find(id))
            .map(|c| format!("{} {}", criteria::code(c.id), c.id))
            .collect();
        // A code and its id stay on one line.
        let mut line = String::new();
        for (i, item) in codes.iter().enumerate() {
            let sep = if i + 1 < codes.len() { "," } else { "" };
            if !line.is_empty() && line.len() + 1 + item.len() + sep.len() > 78 {
                writeln!(w, "  {line}")?;
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(item);
            line.push_str(sep);
        }
        if !line.is_empty() {
            writeln!(w, "  {line}")?;
        }
        let retired: Vec<String> = ev
            .results
            .iter()
            .filter_map(|r| {
                r.retired
                    .map(|d| format!("{} {} {d}", r.key(), ReportLabel::RetiredOn.text(lang)))
            })
            .collect();
        if !retired.is_empty() {
            writeln!(w, "† {}", retired.join("; "))?;
        }
        writeln!(
            w,
            "{} {}; `vcaudit show {}` {}",
            ReportLabel::AsOf.text(lang),
            ev.as_of,
            match lang {
                Lang::En => "VENDOR",
                Lang::Nl => "LEVERANCIER",
            },
            match lang {
                Lang::En => "explains each result",
                Lang::Nl => "legt elk resultaat uit",
            }
        )?;
        Ok(())
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        for r in &report.evaluation.results {
            let Some(vendor) = report.catalogue.vendor(&r.vendor) else {
                continue;
            };
            writeln!(w, "{} ({})", clean(&r.display_name_in(lang)), clean(&r.key()))?;
            writeln!(
                w,
                "{}: {}",
                ReportLabel::Verdict.text(lang),
                self.verdict_line(r, false)
            )?;
            writeln!(
                w,
                "{}, {} {}",
                clean(&vendor.company),
                vendor.headquarters,
                match (vendor.open_source, lang) {
                    (true, Lang::En) => "· open source",
                    (true, Lang::Nl) => "· open source",
                    (false, _) => "",
                }
            )?;
            writeln!(w)?;
            for c in &r.criteria {
                let Some(def) = criteria::find(c.id) else { continue };
                let mark = self.colored(Cell::new(status_label(c.status, lang)), status_color(c.status));
                let stale = if c.stale {
                    format!(" [{}]", ReportLabel::Stale.text(lang))
                } else {
                    String::new()
                };
                let mut g = self.grid();
                g.add_row(vec![mark]);
                let status = g.to_string();
                writeln!(
                    w,
                    "{} ({}, {}): {}{stale}",
                    def.title.get(lang),
                    c.id,
                    super::severity_label(c.severity, lang),
                    status.trim()
                )?;
                writeln!(w, "  {}", text(&c.reason, lang))?;
                for f in &c.facts {
                    match &f.claim {
                        Some(claim) => {
                            let src = match &claim.source {
                                Source::Document(d) => {
                                    format!("{d} <{}>", vendor.source_url(&claim.source).unwrap_or(""))
                                }
                                Source::Url(u) => format!("<{u}>"),
                            };
                            writeln!(
                                w,
                                "  - {} = {} ({}, {} {}; {})",
                                f.term,
                                clean(&super::value_text(&claim.value, lang)),
                                clean(&src),
                                ReportLabel::Verified.text(lang),
                                claim.verified,
                                super::evidence_quality(claim, f.counted, lang)
                            )?;
                            if let Some(q) = &claim.quote {
                                writeln!(w, "    \"{}\"", clean(q))?;
                            }
                            if let Some(line) = super::checked_line(f, &claim.source, lang) {
                                writeln!(w, "    {line}")?;
                            }
                            if let Some(n) = &claim.note {
                                writeln!(w, "    {}", clean(n))?;
                            }
                        }
                        None => writeln!(w, "  - {} = {}", f.term, ReportLabel::Unknown.text(lang))?,
                    }
                }
                for s in &c.stale_reasons {
                    writeln!(w, "  ! {}", text(s, lang))?;
                }
                for cond in &c.conditions {
                    writeln!(w, "  -> {} [{}]", clean(cond.get(lang)), clean(&cond.id))?;
                }
                writeln!(w)?;
            }
            let findings: Vec<_> = vendor.findings_for(r.offering.as_deref()).collect();
            if !findings.is_empty() {
                writeln!(w, "{}:", ReportLabel::RegulatoryHistory.text(lang))?;
                for f in findings {
                    writeln!(
                        w,
                        "  {} {}: {} — {}",
                        f.date,
                        clean(&f.by),
                        clean(&f.outcome),
                        clean(&f.summary)
                    )?;
                    if let Some(risks) = super::high_risks_text(f, lang) {
                        writeln!(w, "    {risks}")?;
                    }
                    for m in &f.measures {
                        writeln!(w, "    -> {} [{}]", clean(m.get(lang)), clean(&m.id))?;
                    }
                    writeln!(w, "    <{}>", clean(&f.source))?;
                }
                writeln!(w)?;
            }
        }
        Ok(())
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        for c in list {
            writeln!(
                w,
                "{} [{}] ({}): {}",
                c.id,
                criteria::code(c.id),
                super::severity_label(c.severity, lang),
                c.title.get(lang)
            )?;
            for line in wrap(c.checks.get(lang), 76) {
                writeln!(w, "    {line}")?;
            }
            let why = format!("{}: {}", ReportLabel::Rationale.text(lang), c.rationale.get(lang));
            for (i, line) in wrap(&why, 76).iter().enumerate() {
                let indent = if i == 0 { "    " } else { "      " };
                writeln!(w, "{indent}{line}")?;
            }
            for t in super::shown_traces(c, list.len() == 1) {
                writeln!(
                    w,
                    "    {} {}, {}: \"{}\"",
                    ReportLabel::Source.text(lang),
                    t.document,
                    crate::criteria::place_name(t.place, lang),
                    t.quote
                )?;
            }
            writeln!(w)?;
        }
        writeln!(w, "{}:", ReportLabel::VerdictRule.text(lang))?;
        for step in steps(criteria::VERDICT_RULE.get(lang)) {
            for (i, line) in wrap(step, 76).iter().enumerate() {
                let indent = if i == 0 { "    " } else { "       " };
                writeln!(w, "{indent}{line}")?;
            }
        }
        writeln!(w)?;
        for (id, title) in criteria::SOURCES {
            let title = criteria::source_title(id, lang).unwrap_or(title);
            writeln!(w, "  {id}: {title}")?;
        }
        Ok(())
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        self.comparison(cmp, w)
    }
}

impl Table {
    /// The comparison as a grid: one column per offering, statuses and values in the cells.
    fn comparison(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        let mut g = self.grid();
        // Cells run over several lines here: a rule between rows keeps them apart.
        g.load_preset(presets::ASCII_HORIZONTAL_ONLY);
        let mut header = vec![Cell::new(""), Cell::new("")];
        header.extend(
            cmp.columns()
                .iter()
                .map(|r| Cell::new(clean(&r.key())).add_attribute(Attribute::Bold)),
        );
        g.set_header(header);
        for row in &cmp.rows {
            let mark = if row.differs { "≠" } else { "" };
            let mut cells = vec![Cell::new(mark), Cell::new(clean(row.label.get(lang)))];
            for c in &row.cells {
                let cell = match (row.kind, c.verdict, c.status) {
                    (RowKind::Verdict, Some(v), _) => {
                        self.colored(Cell::new(v.short_label().get(lang)), status_color(v.status()))
                    }
                    (_, _, Some(s)) => self.colored(
                        Cell::new(format!(
                            "{}{}\n{}",
                            status_label(s, lang),
                            if c.stale { " *" } else { "" },
                            text(&c.text, lang)
                        )),
                        status_color(s),
                    ),
                    _ => Cell::new(clean(c.text.get(lang))),
                };
                cells.push(cell);
            }
            g.add_row(cells);
        }
        if let Some(col) = g.column_mut(0) {
            col.set_padding((0, 0));
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
        write_grid(w, &g)?;
        writeln!(w)?;
        writeln!(
            w,
            "≠ {}; * {}; {} {}",
            ReportLabel::Differs.text(lang),
            ReportLabel::Stale.text(lang),
            ReportLabel::AsOf.text(lang),
            cmp.evaluation.as_of
        )?;
        writeln!(w)?;
        for (i, r) in cmp.columns().iter().enumerate() {
            writeln!(w, "{} {}:", ReportLabel::Conditions.text(lang), clean(&r.key()))?;
            let conditions = cmp.conditions(i);
            if conditions.is_empty() {
                writeln!(w, "  {}", ReportLabel::NoConditions.text(lang))?;
            }
            for c in conditions {
                writeln!(w, "  -> {}", clean(c.get(lang)))?;
            }
        }
        if let Some(scores) = &cmp.scores {
            let label = crate::score::labels(lang);
            writeln!(w, "\n{}", label.title)?;
            for s in scores {
                writeln!(w, "  {}", clean(&s.offering))?;
                writeln!(w, "    {}: {}", label.eisen, s.eisen_text(lang))?;
                writeln!(w, "    {}: {}", label.wensen, s.score_text(lang))?;
                for line in s.computation(lang) {
                    writeln!(w, "      {line}")?;
                }
            }
            writeln!(w, "{}", label.rule)?;
        }
        Ok(())
    }
}

/// Writes a grid without the padding comfy-table leaves at the end of each line.
fn write_grid(w: &mut dyn Write, g: &Grid) -> io::Result<()> {
    for line in g.to_string().lines() {
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The numbered steps of a rule written as one paragraph ("1. … 2. …"), one step each.
fn steps(rule: &str) -> Vec<&str> {
    let b = rule.as_bytes();
    let mut starts = vec![0];
    for i in 1..b.len().saturating_sub(2) {
        if b[i - 1] == b' ' && b[i].is_ascii_digit() && b[i + 1] == b'.' && b[i + 2] == b' ' {
            starts.push(i);
        }
    }
    starts.push(b.len());
    starts
        .windows(2)
        .map(|w| rule[w[0]..w[1]].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Wraps text at word boundaries.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
