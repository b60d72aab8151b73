//! HTML output: one self-contained page (inline CSS, no scripts, no external assets) that reads
//! well on screen and printed to PDF. Statuses are coloured and always carry a symbol and a word,
//! so they survive black-and-white printing and colour blindness. Every value from the catalogue
//! is escaped, and only http(s) URLs become links. Each claim links to its source with the date it
//! was verified; the criteria with their source trace and the verdict rule close the page.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{catalogue_date, clean, label, linkable, status_label, value_text, Options, Renderer, Report};
use crate::catalogue::{terms, Source};
use crate::compare::{Comparison, RowKind};
use crate::criteria::{self, judge::Lang, Criterion, Status, Text};
use crate::evaluate::{CriterionResult, OfferingResult, Verdict};

pub struct Html(pub Options);

const STYLE: &str = include_str!("html.css");

/// Escapes text for HTML, after removing control characters.
pub fn esc(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(&clean(s)).into_owned()
}

/// A link when the URL is http(s), else the URL as plain text.
fn link(url: &str, text: &str) -> String {
    if linkable(url) {
        format!("<a href=\"{}\">{}</a>", attr(url), esc(text))
    } else {
        format!("{} <span class=\"url\">({})</span>", esc(text), esc(url))
    }
}

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Pass => "✓",
        Status::Conditional => "◐",
        Status::Unknown => "?",
        Status::Fail => "✗",
    }
}

fn verdict_class(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Suitable => ("pass", "✓"),
        Verdict::SuitableWithConditions => ("conditional", "◐"),
        Verdict::InsufficientInformation => ("unknown", "?"),
        Verdict::NotSuitable => ("fail", "✗"),
    }
}

impl Html {
    fn lang(&self) -> Lang {
        self.0.lang
    }

    fn t(&self, t: &Text) -> String {
        esc(t.get(self.lang()))
    }

    fn badge(&self, s: Status, stale: bool) -> String {
        let mut out = format!(
            "<span class=\"badge {}\">{} {}</span>",
            s.as_str(),
            symbol(s),
            status_label(s, self.lang())
        );
        if stale {
            out.push_str(&self.stale());
        }
        out
    }

    fn stale(&self) -> String {
        format!(" <span class=\"stale\">⚠ {}</span>", label("stale", self.lang()))
    }

    fn verdict(&self, v: Verdict) -> String {
        let (class, sym) = verdict_class(v);
        format!("<span class=\"badge {class}\">{sym} {}</span>", self.t(&v.label()))
    }

    fn page(&self, title: &str, report: &Report, body: &str) -> String {
        let lang = self.lang();
        let ev = report.evaluation;
        let cat = catalogue_date(report).map_or_else(|| "—".to_owned(), |d| d.to_string());
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>vcaudit: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>vcaudit: {}</h1>\n\
             <dl class=\"meta\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{cat}</dd><dt>{}</dt><dd>{}</dd></dl>\n</header>\n",
            match lang {
                Lang::En => "en",
                Lang::Nl => "nl",
            },
            esc(title),
            esc(title),
            label("evaluated", lang),
            ev.as_of,
            label("catalogue_date", lang),
            label("profile", lang),
            esc(&profile_line(report, lang)),
        );
        s.push_str(body);
        s.push_str(&self.criteria_section(criteria::ALL));
        s.push_str("</body>\n</html>\n");
        s
    }

    fn legend(&self) -> String {
        let lang = self.lang();
        let items: Vec<String> = [Status::Pass, Status::Conditional, Status::Unknown, Status::Fail]
            .iter()
            .map(|s| self.badge(*s, false))
            .collect();
        format!(
            "<p class=\"legend\">{}: {} {}</p>\n",
            label("legend", lang),
            items.join(" "),
            self.stale()
        )
    }

    fn matrix(&self, report: &Report) -> String {
        let lang = self.lang();
        let results = &report.evaluation.results;
        let ids: Vec<&str> = results
            .first()
            .map_or_else(Vec::new, |r| r.criteria.iter().map(|c| c.id).collect());
        let mut s = format!(
            "<section>\n<h2>{}</h2>\n<table class=\"matrix\">\n<thead><tr><th>{}</th><th>{}</th>",
            label("matrix", lang),
            label("vendor", lang),
            label("verdict", lang)
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
                esc(&r.display_name()),
                self.retired(r),
                self.verdict(r.verdict)
            );
            for id in &ids {
                let cell = r.criterion(id).map_or(String::new(), |c| self.badge(c.status, c.stale));
                let _ = write!(s, "<td>{cell}</td>");
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n");
        s.push_str(&self.legend());
        let codes: Vec<String> = ids
            .iter()
            .filter_map(|id| criteria::find(id))
            .map(|c| format!("<b>{}</b> {}", criteria::code(c.id), self.t(&c.title)))
            .collect();
        let _ = writeln!(s, "<p class=\"codes\">{}</p>\n</section>", codes.join(" · "));
        s
    }

    fn retired(&self, r: &OfferingResult) -> String {
        r.retired.map_or(String::new(), |d| {
            format!(
                " <span class=\"retired\">({} {d})</span>",
                label("retired", self.lang())
            )
        })
    }

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
                    let src = match &f.source_url {
                        Some(u) => link(u, &name),
                        None => esc(&name),
                    };
                    let _ = write!(
                        s,
                        "<li><span class=\"term\">{}</span>: <b>{}</b> <span class=\"src\">({src}, {} {})</span>",
                        esc(term),
                        esc(&value_text(&claim.value, lang)),
                        label("verified", lang),
                        claim.verified
                    );
                    if let Some(q) = &claim.quote {
                        let _ = write!(s, "<q>{}</q>", esc(q));
                    }
                    if let Some(n) = &claim.note {
                        let _ = write!(s, "<span class=\"note\">{}</span>", esc(n));
                    }
                    s.push_str("</li>");
                }
                None => {
                    let _ = write!(
                        s,
                        "<li><span class=\"term\">{}</span>: <span class=\"badge unknown\">? {}</span></li>",
                        esc(term),
                        label("unknown", lang)
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

    fn detail(&self, report: &Report, r: &OfferingResult) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section class=\"offering\" id=\"{}\">\n<h2>{} <small>{}</small>{}</h2>\n<p>{}: {}</p>\n",
            anchor(r),
            esc(&r.display_name()),
            esc(&r.key()),
            self.retired(r),
            label("verdict", lang),
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
            label("criterion", lang),
            label("status", lang),
            label("reason", lang),
            label("evidence", lang),
            label("conditions", lang)
        );
        for c in &r.criteria {
            let title = criteria::find(c.id).map_or(String::new(), |d| self.t(&d.title));
            let conditions: Vec<String> = c.conditions.iter().map(|t| format!("<li>{}</li>", self.t(t))).collect();
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{title}<br><small>{} · {}</small></th><td>{}</td><td>{}</td><td>{}</td><td><ul>{}</ul></td></tr>",
                c.id,
                c.severity.as_str(),
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
                let _ = write!(s, "<h3>{}</h3>\n<ul class=\"history\">", label("history", lang));
                for f in findings {
                    let _ = write!(
                        s,
                        "<li>{} · {}: <b>{}</b>. {} ({})</li>",
                        f.date,
                        esc(&f.by),
                        esc(&f.outcome),
                        esc(&f.summary),
                        link(&f.source, &host(&f.source))
                    );
                }
                s.push_str("</ul>\n");
            }
        }
        s.push_str("</section>\n");
        s
    }

    fn criteria_section(&self, list: &[&Criterion]) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section class=\"criteria\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            label("criteria", lang),
            label("criterion", lang),
            label("severity", lang),
            label("source", lang)
        );
        for c in list {
            let trace: Vec<String> = c
                .trace
                .iter()
                .map(|t| {
                    format!(
                        "{} ({}): <q lang=\"nl\">{}</q>",
                        esc(t.document),
                        esc(t.place),
                        esc(t.quote)
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{} <small>{} · {}</small><br><span class=\"checks\">{}</span></th><td>{}</td><td>{}</td></tr>",
                self.t(&c.title),
                c.id,
                criteria::code(c.id),
                self.t(&c.checks),
                c.severity.as_str(),
                trace.join("<br>")
            );
        }
        let _ = write!(
            s,
            "</tbody>\n</table>\n<h3>{}</h3>\n<p class=\"rule\">{}</p>\n<h3>{}</h3>\n<ul>",
            label("rule", lang),
            self.t(&criteria::VERDICT_RULE),
            label("sources", lang)
        );
        for (id, title) in criteria::SOURCES {
            let _ = write!(s, "<li><b>{id}</b>: {}</li>", esc(title));
        }
        s.push_str("</ul>\n</section>\n");
        s
    }

    fn comparison(&self, cmp: &Comparison) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section>\n<h2>{}</h2>\n<table class=\"compare\">\n<thead><tr><th></th>",
            label("compare", lang)
        );
        for r in cmp.columns() {
            let _ = write!(
                s,
                "<th>{}<br><small>{}</small>{}</th>",
                esc(&r.display_name()),
                esc(&r.key()),
                self.retired(r)
            );
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        let mut group = None;
        for row in &cmp.rows {
            if group != Some(row.kind) && row.kind != RowKind::Verdict {
                group = Some(row.kind);
                let title = match row.kind {
                    RowKind::Term => label("terms", lang),
                    _ => label("criteria", lang),
                };
                let _ = writeln!(
                    s,
                    "<tr class=\"group\"><th colspan=\"{}\">{title}</th></tr>",
                    cmp.columns().len() + 1
                );
            }
            let diff = if row.differs {
                format!(" <span class=\"differs\">≠ {}</span>", label("differs", lang))
            } else {
                String::new()
            };
            let _ = write!(
                s,
                "<tr{}><th scope=\"row\">{}{diff}<br><small>{}</small></th>",
                if row.differs { " class=\"diff\"" } else { "" },
                self.t(&row.label),
                esc(row.id)
            );
            for c in &row.cells {
                let body = match (c.verdict, c.status, &c.claim) {
                    (Some(v), _, _) => self.verdict(v),
                    (_, Some(st), _) => format!("{}<br>{}", self.badge(st, c.stale), self.t(&c.text)),
                    (_, _, Some(claim)) => {
                        let name = match &claim.source {
                            Source::Document(d) => d.clone(),
                            Source::Url(u) => host(u),
                        };
                        let src = c.source_url.as_deref().map_or_else(|| esc(&name), |u| link(u, &name));
                        format!(
                            "<b>{}</b><br><span class=\"src\">{src}, {} {}</span>",
                            self.t(&c.text),
                            label("verified", lang),
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
            label("conditions", lang)
        );
        for (i, r) in cmp.columns().iter().enumerate() {
            let _ = writeln!(s, "<h3>{}</h3>", esc(&r.display_name()));
            let conditions = cmp.conditions(i);
            if conditions.is_empty() {
                let _ = writeln!(s, "<p>{}</p>", label("no_conditions", lang));
            } else {
                let items: Vec<String> = conditions.iter().map(|t| format!("<li>{}</li>", self.t(t))).collect();
                let _ = writeln!(s, "<ul>{}</ul>", items.join(""));
            }
        }
        s.push_str("</section>\n");
        s
    }
}

fn profile_line(report: &Report, lang: Lang) -> String {
    let p = &report.evaluation.profile;
    match lang {
        Lang::En => format!(
            "{}; evidence older than {} months is stale; accepted regions: {}",
            p.name,
            p.max_age_months,
            p.accepted_regions.join(", ")
        ),
        Lang::Nl => format!(
            "{}; bewijs ouder dan {} maanden is verouderd; toegestane regio's: {}",
            p.name,
            p.max_age_months,
            p.accepted_regions.join(", ")
        ),
    }
}

fn anchor(r: &OfferingResult) -> String {
    let key: String = r
        .key()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .collect();
    format!("o-{key}")
}

/// The host of a URL, for link texts; the URL itself when it has none.
fn host(u: &str) -> String {
    url::Url::parse(u)
        .ok()
        .and_then(|x| x.host_str().map(str::to_owned))
        .unwrap_or_else(|| u.to_owned())
}

impl Renderer for Html {
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let mut body = self.matrix(report);
        for r in &report.evaluation.results {
            body.push_str(&self.detail(report, r));
        }
        w.write_all(self.page(label("audit", self.lang()), report, &body).as_bytes())
    }

    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let body: String = report
            .evaluation
            .results
            .iter()
            .map(|r| self.detail(report, r))
            .collect();
        let title = report
            .evaluation
            .results
            .first()
            .map_or_else(String::new, |r| r.vendor_name.clone());
        w.write_all(self.page(&title, report, &body).as_bytes())
    }

    fn criteria(&self, list: &[&Criterion], w: &mut dyn Write) -> io::Result<()> {
        let lang = match self.lang() {
            Lang::En => "en",
            Lang::Nl => "nl",
        };
        let title = label("criteria", self.lang());
        write!(
            w,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>vcaudit: {title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>vcaudit: {title}</h1>\n{}</body>\n</html>\n",
            self.criteria_section(list)
        )
    }

    fn compare(&self, cmp: &Comparison, w: &mut dyn Write) -> io::Result<()> {
        let report = Report {
            evaluation: cmp.evaluation,
            catalogue: cmp.catalogue,
        };
        let body = self.comparison(cmp);
        w.write_all(self.page(label("compare", self.lang()), &report, &body).as_bytes())
    }
}
