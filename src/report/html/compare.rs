//! The comparison table: one column per vendor offering, rows for the verdict, the criteria and
//! the claimed terms (each value linked to its source with its date), differing rows marked, and
//! the conditions of each offering below.

use std::fmt::Write as _;

use super::breaks::breakable;
use super::{esc, host, link, Html};
use crate::catalogue::Source;
use crate::compare::{Comparison, RowKind};
use crate::i18n::ReportLabel;

impl Html {
    /// The comparison table, its legend and the conditions per offering.
    pub(super) fn comparison(&self, cmp: &Comparison) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section>\n<h2>{}</h2>\n<table class=\"compare\">\n<thead><tr><th></th>",
            ReportLabel::Comparison.text(lang)
        );
        for r in cmp.columns() {
            let _ = write!(
                s,
                "<th>{}<br><small>{}</small>{}</th>",
                breakable(&r.display_name_in(lang)),
                breakable(&r.key()),
                self.retired(r)
            );
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        let mut group = None;
        for row in &cmp.rows {
            if group != Some(row.kind) && row.kind != RowKind::Verdict {
                group = Some(row.kind);
                let title = match row.kind {
                    RowKind::Term => ReportLabel::ClaimedTerms.text(lang),
                    _ => ReportLabel::Criteria.text(lang),
                };
                let _ = writeln!(
                    s,
                    "<tr class=\"group\"><th colspan=\"{}\">{title}</th></tr>",
                    cmp.columns().len() + 1
                );
            }
            let diff = if row.differs {
                format!(" <span class=\"differs\">≠ {}</span>", ReportLabel::Differs.text(lang))
            } else {
                String::new()
            };
            let _ = write!(
                s,
                "<tr{}><th scope=\"row\">{}{diff} <br class=\"cell\"><small>{}</small></th>",
                if row.differs { " class=\"diff\"" } else { "" },
                self.flow(&row.label),
                breakable(row.id)
            );
            for c in &row.cells {
                let body = match (c.verdict, c.status, &c.claim) {
                    (Some(v), _, _) => self.verdict(v),
                    (_, Some(st), _) => {
                        format!("{} <br class=\"cell\">{}", self.badge(st, c.stale), self.flow(&c.text))
                    }
                    (_, _, Some(claim)) => {
                        let name = match &claim.source {
                            Source::Document(d) => d.clone(),
                            Source::Url(u) => host(u),
                        };
                        let src = c.source_url.as_deref().map_or_else(|| esc(&name), |u| link(u, &name));
                        format!(
                            "<b>{}</b> <br class=\"cell\"><span class=\"src\">{src}, {} <span class=\"date\">{}</span></span>",
                            self.flow(&c.text),
                            ReportLabel::Verified.text(lang),
                            claim.verified
                        )
                    }
                    _ => format!("<span class=\"badge unknown\">? {}</span>", self.t(&c.text)),
                };
                let _ = write!(s, "<td>{body}</td>");
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n");
        s.push_str(&self.legend());
        let _ = write!(
            s,
            "</section>\n<section class=\"conditions\">\n<h2>{}</h2>\n",
            ReportLabel::Conditions.text(lang)
        );
        for (i, r) in cmp.columns().iter().enumerate() {
            let _ = writeln!(s, "<h3>{}</h3>", esc(&r.display_name_in(lang)));
            let conditions = cmp.conditions(i);
            if conditions.is_empty() {
                let _ = writeln!(s, "<p>{}</p>", ReportLabel::NoConditions.text(lang));
            } else {
                let items: Vec<String> = conditions
                    .iter()
                    .map(|c| format!("<li>{}</li>", self.condition(c)))
                    .collect();
                let _ = writeln!(s, "<ul>{}</ul>", items.join(""));
            }
        }
        s.push_str("</section>\n");
        if let Some(scores) = &cmp.scores {
            s.push_str(&self.scores(scores));
        }
        s
    }

    /// The score of each offering (`compare --score`): eisen, wensen and the computation.
    fn scores(&self, scores: &[crate::score::Score]) -> String {
        let lang = self.lang();
        let label = crate::score::labels(lang);
        let mut s = format!(
            "<section class=\"score\">\n<h2>{}</h2>\n<table class=\"score\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            label.title, label.offering, label.eisen, label.wensen, label.computation
        );
        for sc in scores {
            let lines: Vec<String> = sc
                .computation(lang)
                .iter()
                .map(|l| format!("<li>{}</li>", breakable(l)))
                .collect();
            let class = if sc.eisen_met { "pass" } else { "fail" };
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{}</th><td><span class=\"badge {class}\">{}</span></td><td>{}</td><td><ul>{}</ul></td></tr>",
                breakable(&sc.offering),
                breakable(&sc.eisen_text(lang)),
                esc(&sc.score_text(lang)),
                lines.join("")
            );
        }
        let _ = writeln!(s, "</tbody>\n</table>\n<p>{}</p>\n</section>", esc(label.rule));
        s
    }
}
