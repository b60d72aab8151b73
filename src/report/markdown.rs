//! Markdown output: GitHub-flavoured tables that survive `|`, newlines and HTML in catalogue
//! values, ready to paste into a wiki, a ticket or an e-mail.

use std::io::{self, Write};

use super::{status_label, Options, Renderer, Report};
use crate::compare::{Comparison, RowKind};
use crate::criteria::{self, Criterion};
use crate::i18n::{Lang, ReportLabel};

pub struct Markdown(pub Options);

/// Makes a value safe inside a Markdown table cell.
pub fn cell(s: &str) -> String {
    let cleaned = super::clean(s);
    let mut out = String::with_capacity(cleaned.len());
    for ch in cleaned.chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '\r' | '\t' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' => out.push_str("\\\\"),
            '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// One claim as a table cell: term and value, the source (a link when its URL may be one), the
/// day it was verified, the quote and the note, each part escaped.
fn fact(term: &str, claim: &crate::catalogue::Claim, counted: bool, url: Option<&str>, lang: Lang) -> String {
    let name = claim.source.as_str();
    let source = match url.filter(|u| super::linkable(u)) {
        // Inside `<...>` a destination may hold anything but a line break, `<` and `>`; a `|`
        // would still end the table cell.
        Some(u) => format!(
            "[{}](<{}>)",
            cell(name),
            u.replace('<', "%3C").replace('>', "%3E").replace('|', "%7C")
        ),
        None => cell(name),
    };
    let mut out = format!(
        "{} = {} ({source}, {} {}; {})",
        cell(term),
        cell(&super::value_text(&claim.value, lang)),
        ReportLabel::Verified.text(lang),
        claim.verified,
        super::evidence_quality(claim, counted, lang)
    );
    if let Some(q) = &claim.quote {
        out.push_str("<br>“");
        out.push_str(&cell(q));
        out.push('”');
    }
    if let Some(n) = &claim.note {
        out.push_str("<br>");
        out.push_str(ReportLabel::Note.text(lang));
        out.push_str(": ");
        out.push_str(&cell(n));
    }
    out
}

impl Markdown {
    /// The report's `--title` as its first heading and `--reference` below it, when given.
    fn heading(&self, w: &mut dyn Write) -> io::Result<()> {
        let heading = &self.0.heading;
        if let Some(t) = &heading.title {
            writeln!(w, "# {}\n", cell(t))?;
        }
        if let Some(r) = heading.reference_line(self.0.lang) {
            writeln!(w, "{}\n", cell(&r))?;
        }
        Ok(())
    }
}

impl Renderer for Markdown {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.heading(w)?;
        let lang = self.0.lang;
        let ev = report.evaluation;
        let ids: Vec<&str> = ev
            .results
            .first()
            .map_or_else(Vec::new, |r| r.criteria.iter().map(|c| c.id).collect());
        write!(
            w,
            "| {} | {} |",
            ReportLabel::Vendor.text(lang),
            ReportLabel::Verdict.text(lang)
        )?;
        for id in &ids {
            write!(w, " {} |", criteria::code(id))?;
        }
        writeln!(w)?;
        writeln!(w, "|---|---|{}", "---|".repeat(ids.len()))?;
        for r in &ev.results {
            write!(w, "| {} | **{}** |", cell(&r.key()), r.verdict.label().get(lang))?;
            for id in &ids {
                let s = r.criterion(id).map_or(String::new(), |c| {
                    format!("{}{}", status_label(c.status, lang), if c.stale { " (*)" } else { "" })
                });
                write!(w, " {s} |")?;
            }
            writeln!(w)?;
        }
        writeln!(w)?;
        let codes: Vec<String> = ids
            .iter()
            .map(|id| format!("{} = `{id}`", criteria::code(id)))
            .collect();
        writeln!(
            w,
            "{}: {}. (*) {}. {} {}.",
            ReportLabel::Legend.text(lang),
            codes.join(", "),
            ReportLabel::Stale.text(lang),
            ReportLabel::AsOf.text(lang),
            ev.as_of
        )
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.heading(w)?;
        let lang = self.0.lang;
        for r in &report.evaluation.results {
            writeln!(w, "## {}\n", cell(&r.display_name_in(lang)))?;
            writeln!(
                w,
                "{}: **{}**\n",
                ReportLabel::Verdict.text(lang),
                r.verdict.label().get(lang)
            )?;
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                ReportLabel::Criterion.text(lang),
                ReportLabel::Status.text(lang),
                ReportLabel::Reason.text(lang),
                ReportLabel::Evidence.text(lang),
                ReportLabel::Conditions.text(lang)
            )?;
            writeln!(w, "|---|---|---|---|---|")?;
            let vendor = report.catalogue.vendor(&r.vendor);
            for c in &r.criteria {
                let mut evidence: Vec<String> = c
                    .facts
                    .iter()
                    .map(|f| match &f.claim {
                        Some(claim) => {
                            let mut s = fact(
                                f.term,
                                claim,
                                f.counted,
                                vendor.and_then(|v| v.source_url(&claim.source)),
                                lang,
                            );
                            if let Some(line) = super::checked_line(f, &claim.source, lang) {
                                s.push_str(&format!(" — {}", cell(&line)));
                            }
                            s
                        }
                        None => cell(&format!("{} = {}", f.term, ReportLabel::Unknown.text(lang))),
                    })
                    .collect();
                evidence.extend(c.stale_reasons.iter().map(|s| format!("⚠ {}", cell(s.get(lang)))));
                let conditions: Vec<&str> = c.conditions.iter().map(|t| t.get(lang)).collect();
                let stale = if c.stale {
                    format!(" ({})", ReportLabel::Stale.text(lang))
                } else {
                    String::new()
                };
                writeln!(
                    w,
                    "| {} | {}{} | {} | {} | {} |",
                    c.id,
                    status_label(c.status, lang),
                    stale,
                    cell(c.reason.get(lang)),
                    evidence.join("<br>"),
                    cell(&conditions.join("\n")),
                )?;
            }
            writeln!(w)?;
            if let Some(vendor) = report.catalogue.vendor(&r.vendor) {
                let findings: Vec<_> = vendor.findings_for(r.offering.as_deref()).collect();
                if !findings.is_empty() {
                    writeln!(w, "### {}\n", ReportLabel::RegulatoryHistory.text(lang))?;
                    for f in findings {
                        writeln!(
                            w,
                            "- {} — {}: {}. {} (<{}>)",
                            f.date,
                            cell(&f.by),
                            cell(&f.outcome),
                            cell(&f.summary),
                            cell(&f.source)
                        )?;
                        if let Some(risks) = super::high_risks_text(f, lang) {
                            writeln!(w, "  - {}", cell(&risks))?;
                        }
                        for m in &f.measures {
                            writeln!(w, "  - {} (`{}`)", cell(m.get(lang)), cell(&m.id))?;
                        }
                    }
                    writeln!(w)?;
                }
            }
        }
        Ok(())
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let lang = self.0.lang;
        writeln!(
            w,
            "| id | {} | {} | {} |",
            ReportLabel::Severity.text(lang),
            ReportLabel::Criterion.text(lang),
            ReportLabel::Source.text(lang)
        )?;
        writeln!(w, "|---|---|---|---|")?;
        for c in list {
            let trace = super::trace_lines(c, lang, list.len() == 1);
            writeln!(
                w,
                "| `{}` | {} | **{}** {} | {} |",
                c.id,
                super::severity_label(c.severity, lang),
                cell(c.title.get(lang)),
                cell(c.checks.get(lang)),
                cell(&trace.join("\n"))
            )?;
        }
        writeln!(w, "\n**{}**:\n", ReportLabel::VerdictRule.text(lang))?;
        let (steps, remarks) = super::verdict_rule(lang);
        for (i, step) in steps.iter().enumerate() {
            writeln!(w, "{}. {}", i + 1, step.replace("->", "→"))?;
        }
        writeln!(w, "\n{remarks}")
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        self.heading(w)?;
        let lang = self.0.lang;
        write!(w, "| |")?;
        for r in cmp.columns() {
            write!(w, " {} |", cell(&r.display_name_in(lang)))?;
        }
        writeln!(w)?;
        writeln!(w, "|---|{}", "---|".repeat(cmp.columns().len()))?;
        for row in &cmp.rows {
            let name = cell(row.label.get(lang));
            if row.differs {
                write!(w, "| **{name}** ≠ |")?;
            } else {
                write!(w, "| {name} |")?;
            }
            for c in &row.cells {
                let s = match (row.kind, c.status, &c.claim) {
                    (RowKind::Verdict, _, _) => format!("**{}**", cell(c.text.get(lang))),
                    (_, Some(st), _) => format!(
                        "**{}**{}: {}",
                        status_label(st, lang),
                        if c.stale { " (*)" } else { "" },
                        cell(c.text.get(lang))
                    ),
                    (_, None, Some(claim)) => format!(
                        "{} ({}, {})",
                        cell(c.text.get(lang)),
                        cell(c.source_url.as_deref().unwrap_or("")),
                        claim.verified
                    ),
                    _ => cell(c.text.get(lang)),
                };
                write!(w, " {s} |")?;
            }
            writeln!(w)?;
        }
        writeln!(
            w,
            "\n≠ {}. (*) {}. {} {}.\n",
            ReportLabel::Differs.text(lang),
            ReportLabel::Stale.text(lang),
            ReportLabel::AsOf.text(lang),
            cmp.evaluation.as_of
        )?;
        writeln!(w, "## {}\n", ReportLabel::Conditions.text(lang))?;
        for (i, r) in cmp.columns().iter().enumerate() {
            writeln!(w, "### {}\n", cell(&r.display_name_in(lang)))?;
            let conditions = cmp.conditions(i);
            if conditions.is_empty() {
                writeln!(w, "{}", ReportLabel::NoConditions.text(lang))?;
            }
            for t in conditions {
                writeln!(w, "- {}", cell(t.get(lang)))?;
            }
            writeln!(w)?;
        }
        if let Some(scores) = &cmp.scores {
            let label = crate::score::labels(lang);
            writeln!(w, "## {}\n", label.title)?;
            writeln!(w, "| {} | {} | {} |", label.offering, label.eisen, label.wensen)?;
            writeln!(w, "|---|---|---|")?;
            for s in scores {
                writeln!(
                    w,
                    "| {} | {} | {} |",
                    cell(&s.offering),
                    cell(&s.eisen_text(lang)),
                    cell(&s.score_text(lang))
                )?;
            }
            writeln!(w, "\n{}\n", label.rule)?;
            for s in scores {
                writeln!(w, "### {}: {}\n", label.computation, cell(&s.offering))?;
                for line in s.computation(lang) {
                    writeln!(w, "- {}", cell(&line))?;
                }
                writeln!(w)?;
            }
        }
        Ok(())
    }
}
