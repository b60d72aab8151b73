//! The audit matrix and the detail of one vendor offering: every criterion with its status,
//! reason, the claims it used (each linked to its source, with its date, quote and note), the
//! conditions, and the vendor's regulatory history.

use std::fmt::Write as _;

use super::{anchor, esc, host, link, Html};
use crate::catalogue::{terms, Source};
use crate::criteria;
use crate::evaluate::{CriterionResult, OfferingResult};
use crate::i18n::{Lang, ReportLabel};
use crate::report::{value_text, Report};

impl Html {
    /// The verdict matrix: offerings down, criteria across, with the legend and the codes.
    pub(super) fn matrix(&self, report: &Report) -> String {
        let lang = self.lang();
        let results = &report.evaluation.results;
        let ids: Vec<&str> = results
            .first()
            .map_or_else(Vec::new, |r| r.criteria.iter().map(|c| c.id).collect());
        let mut s = format!(
            "<section>\n<h2>{}</h2>\n<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th>{}</th><th>{}</th>",
            ReportLabel::Matrix.text(lang),
            ReportLabel::Vendor.text(lang),
            ReportLabel::Verdict.text(lang)
        );
        for id in &ids {
            let title = criteria::find(id).map_or(String::new(), |c| self.t(&c.title));
            let _ = write!(s, "<th title=\"{title}\">{}</th>", criteria::code(id));
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for r in results {
            let _ = write!(
                s,
                "<tr><th scope=\"row\"><a href=\"#{}\">{}</a>{}</th><td>{}</td>",
                anchor(r),
                esc(&r.display_name_in(lang)),
                self.retired(r),
                self.verdict(r.verdict)
            );
            for id in &ids {
                let cell = r.criterion(id).map_or(String::new(), |c| self.badge(c.status, c.stale));
                let _ = write!(s, "<td>{cell}</td>");
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n</div>\n");
        s.push_str(&self.legend());
        let codes: Vec<String> = ids
            .iter()
            .filter_map(|id| criteria::find(id))
            .map(|c| format!("<b>{}</b> {}", criteria::code(c.id), self.t(&c.title)))
            .collect();
        let _ = writeln!(s, "<p class=\"codes\">{}</p>\n</section>", codes.join(" · "));
        s
    }

    /// The claims one criterion used, each with its source link, date, quote and note.
    fn evidence(&self, report: &Report, r: &OfferingResult, c: &CriterionResult) -> String {
        let lang = self.lang();
        let vendor = report.catalogue.vendor(&r.vendor);
        let mut s = String::from("<ul class=\"facts\">");
        for f in &c.facts {
            let term = terms::find(f.term).map_or(f.term, |t| match lang {
                Lang::En => t.label_en,
                Lang::Nl => t.label_nl,
            });
            match &f.claim {
                Some(claim) => {
                    let name = match &claim.source {
                        Source::Document(d) => vendor
                            .and_then(|v| v.document(d))
                            .and_then(|doc| doc.title.clone())
                            .unwrap_or_else(|| d.clone()),
                        Source::Url(u) => host(u),
                    };
                    let src = match vendor.and_then(|v| v.source_url(&claim.source)) {
                        Some(u) => link(u, &name),
                        None => esc(&name),
                    };
                    let _ = write!(
                        s,
                        "<li><span class=\"term\">{}</span>: <b>{}</b> <span class=\"src\">({src}, {} {}; <span class=\"quality {}\">{}</span>)</span>",
                        esc(term),
                        esc(&value_text(&claim.value, lang)),
                        ReportLabel::Verified.text(lang),
                        claim.verified,
                        if f.counted { claim.confidence.as_str() } else { "not-counted" },
                        esc(&super::super::evidence_quality(claim, f.counted, lang))
                    );
                    if let Some(q) = &claim.quote {
                        let _ = write!(s, "<q>{}</q>", esc(q));
                    }
                    if let Some(n) = &claim.note {
                        let _ = write!(s, "<span class=\"note\">{}</span>", esc(n));
                    }
                    if let Some(line) = super::super::checked_line(f, &claim.source, lang) {
                        let _ = write!(s, "<span class=\"note\">{}</span>", esc(&line));
                    }
                    s.push_str("</li>");
                }
                None => {
                    let _ = write!(
                        s,
                        "<li><span class=\"term\">{}</span>: <span class=\"badge unknown\">? {}</span></li>",
                        esc(term),
                        ReportLabel::Unknown.text(lang)
                    );
                }
            }
        }
        for t in &c.stale_reasons {
            let _ = write!(s, "<li class=\"stale-reason\">⚠ {}</li>", self.t(t));
        }
        s.push_str("</ul>");
        s
    }

    /// One vendor offering: verdict, every criterion with evidence and conditions, history.
    pub(super) fn detail(&self, report: &Report, r: &OfferingResult) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section class=\"offering\" id=\"{}\">\n<h2>{} <small>{}</small>{}</h2>\n<p>{}: {}</p>\n",
            anchor(r),
            esc(&r.display_name_in(lang)),
            esc(&r.key()),
            self.retired(r),
            ReportLabel::Verdict.text(lang),
            self.verdict(r.verdict)
        );
        if let Some(v) = report.catalogue.vendor(&r.vendor) {
            let _ = writeln!(
                s,
                "<p class=\"company\">{}, {}</p>",
                esc(&v.company),
                esc(&v.headquarters)
            );
        }
        let _ = write!(
            s,
            "<table class=\"detail\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            ReportLabel::Criterion.text(lang),
            ReportLabel::Status.text(lang),
            ReportLabel::Reason.text(lang),
            ReportLabel::Evidence.text(lang),
            ReportLabel::Conditions.text(lang)
        );
        for c in &r.criteria {
            let title = criteria::find(c.id).map_or(String::new(), |d| self.t(&d.title));
            let conditions: Vec<String> = c
                .conditions
                .iter()
                .map(|c| {
                    format!(
                        "<li>{} <small class=\"id\">{}</small></li>",
                        self.condition(c),
                        esc(&c.id)
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{title}<br><small>{} · {}</small></th><td>{}</td><td>{}</td><td>{}</td><td><ul>{}</ul></td></tr>",
                c.id,
                crate::report::severity_label(c.severity, self.lang()),
                self.badge(c.status, c.stale),
                self.t(&c.reason),
                self.evidence(report, r, c),
                conditions.join("")
            );
        }
        s.push_str("</tbody>\n</table>\n");
        if let Some(vendor) = report.catalogue.vendor(&r.vendor) {
            let findings: Vec<_> = vendor.findings_for(r.offering.as_deref()).collect();
            if !findings.is_empty() {
                let _ = write!(
                    s,
                    "<h3>{}</h3>\n<ul class=\"history\">",
                    ReportLabel::RegulatoryHistory.text(lang)
                );
                for f in findings {
                    let _ = write!(
                        s,
                        "<li>{} · {}: <b>{}</b>. {} ({})",
                        f.date,
                        esc(&f.by),
                        esc(&f.outcome),
                        esc(&f.summary),
                        link(&f.source, &host(&f.source))
                    );
                    if let Some(risks) = super::super::high_risks_text(f, lang) {
                        let _ = write!(s, " <b>{}</b>", esc(&risks));
                    }
                    if !f.measures.is_empty() {
                        let items: Vec<String> = f
                            .measures
                            .iter()
                            .map(|m| format!("<li>{}</li>", self.condition(m)))
                            .collect();
                        let _ = write!(s, "<ul>{}</ul>", items.join(""));
                    }
                    s.push_str("</li>");
                }
                s.push_str("</ul>\n");
            }
        }
        s.push_str("</section>\n");
        s
    }
}
