//! HTML output: one self-contained page (inline CSS, no scripts, no external assets) that reads
//! well on screen and printed to PDF. Statuses are coloured and always carry a symbol and a word,
//! so they survive black-and-white printing and colour blindness. Every value from the catalogue
//! is escaped, and only http(s) URLs become links. Each claim links to its source with the date it
//! was verified; the criteria with their source trace and the verdict rule close the page.
//! `offerings` lays out the matrix and the per-offering details, `compare` the comparison.

mod breaks;
mod compare;
mod offerings;

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{catalogue_date, clean, linkable, status_label, Options, Renderer, Report};
use crate::catalogue::Condition;
use crate::compare::Comparison;
use crate::criteria::{self, Criterion, Status};
use crate::evaluate::{OfferingResult, Verdict};
use crate::i18n::{Lang, ReportLabel, Text};

pub struct Html(pub Options);

const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML, after removing control characters.
pub fn esc(s: &str) -> String {
    html_escape::encode_text(&clean(s)).into_owned()
}

pub(super) fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(&clean(s)).into_owned()
}

/// A link when the URL is http(s), else the URL as plain text.
pub(super) fn link(url: &str, text: &str) -> String {
    if linkable(url) {
        format!("<a href=\"{}\">{}</a>", attr(url), esc(text))
    } else {
        format!("{} <span class=\"url\">({})</span>", esc(text), esc(url))
    }
}

pub(super) fn symbol(s: Status) -> &'static str {
    match s {
        Status::Pass => "✓",
        Status::Conditional => "◐",
        Status::Unknown => "?",
        Status::Fail => "✗",
    }
}

pub(super) fn verdict_class(v: Verdict) -> (&'static str, &'static str) {
    let s = v.status();
    (s.as_str(), symbol(s))
}

impl Html {
    pub(super) fn lang(&self) -> Lang {
        self.0.lang
    }

    pub(super) fn t(&self, t: &Text) -> String {
        esc(t.get(self.lang()))
    }

    /// Text for a narrow cell: escaped, long compounds and technical tokens breakable only at
    /// the places [`breaks`] allows.
    pub(super) fn flow(&self, t: &Text) -> String {
        breaks::breakable(&clean(t.get(self.lang())))
    }

    pub(super) fn condition(&self, c: &Condition) -> String {
        breaks::breakable(&clean(c.get(self.lang())))
    }

    pub(super) fn badge(&self, s: Status, stale: bool) -> String {
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

    pub(super) fn stale(&self) -> String {
        format!(
            " <span class=\"stale\">⚠ {}</span>",
            ReportLabel::Stale.text(self.lang())
        )
    }

    pub(super) fn verdict(&self, v: Verdict) -> String {
        let (class, sym) = verdict_class(v);
        format!("<span class=\"badge {class}\">{sym} {}</span>", self.t(&v.label()))
    }

    pub(super) fn page(&self, title: &str, report: &Report, body: &str) -> String {
        let lang = self.lang();
        let ev = report.evaluation;
        let cat = catalogue_date(report).map_or_else(|| "—".to_owned(), |d| d.to_string());
        let heading = &self.0.heading;
        let kind = format!("vcaudit: {title}");
        let shown = heading.title.clone().unwrap_or_else(|| kind.clone());
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n<style>\n{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
            match lang {
                Lang::En => "en",
                Lang::Nl => "nl",
            },
            esc(&shown),
            self.page_footer(&shown),
            esc(&shown),
        );
        if heading.title.is_some() {
            let _ = writeln!(s, "<p class=\"kind\">{}</p>", esc(&kind));
        }
        s.push_str("<dl class=\"meta\">");
        if let Some(r) = &heading.reference {
            let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", super::reference_label(lang), esc(r));
        }
        let _ = write!(
            s,
            "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{cat}</dd><dt>{}</dt><dd>{}</dd></dl>\n</header>\n",
            ReportLabel::EvaluatedOn.text(lang),
            ev.as_of,
            ReportLabel::CatalogueDate.text(lang),
            ReportLabel::Profile.text(lang),
            esc(&profile_line(report, lang)),
        );
        s.push_str(body);
        s.push_str(&self.criteria_section(criteria::ALL));
        s.push_str("</body>\n</html>\n");
        s
    }

    /// The printed page's footer, in CSS page-margin boxes: the title and reference on the left,
    /// "page N of M" on the right.
    fn page_footer(&self, shown: &str) -> String {
        let left = match self.0.heading.reference_line(self.lang()) {
            Some(r) => format!("{shown} · {r}"),
            None => shown.to_owned(),
        };
        let (page, of) = match self.lang() {
            Lang::En => ("Page", "of"),
            Lang::Nl => ("Pagina", "van"),
        };
        format!(
            "@page {{\n  @bottom-left {{ content: {}; }}\n  @bottom-right {{ content: \"{page} \" counter(page) \" {of} \" counter(pages); }}\n}}\n",
            css_string(&left)
        )
    }

    pub(super) fn legend(&self) -> String {
        let lang = self.lang();
        let items: Vec<String> = [Status::Pass, Status::Conditional, Status::Unknown, Status::Fail]
            .iter()
            .map(|s| self.badge(*s, false))
            .collect();
        format!(
            "<p class=\"legend\">{}: {} {}</p>\n",
            ReportLabel::Legend.text(lang),
            items.join(" "),
            self.stale()
        )
    }

    pub(super) fn retired(&self, r: &OfferingResult) -> String {
        r.retired.map_or(String::new(), |d| {
            format!(
                " <span class=\"retired\">({} {d})</span>",
                ReportLabel::RetiredOn.text(self.lang())
            )
        })
    }

    pub(super) fn criteria_section(&self, list: &[&Criterion]) -> String {
        let lang = self.lang();
        let mut s = format!(
            "<section class=\"criteria\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            ReportLabel::Criteria.text(lang),
            ReportLabel::Criterion.text(lang),
            ReportLabel::Severity.text(lang),
            ReportLabel::Source.text(lang)
        );
        for c in list {
            let why = format!(
                "{}: {}",
                ReportLabel::Rationale.text(lang),
                whole_references(&self.t(&c.rationale))
            );
            let trace: Vec<String> = std::iter::once(why)
                .chain(crate::report::shown_traces(c, list.len() == 1).map(|t| {
                    format!(
                        "{} ({}): <q lang=\"nl\">{}</q>",
                        esc(t.document),
                        esc(&crate::criteria::place_name(t.place, lang)),
                        esc(t.quote)
                    )
                }))
                .collect();
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\">{} <small>{} · {}</small><br><span class=\"checks\">{}</span></th><td>{}</td><td>{}</td></tr>",
                self.t(&c.title),
                c.id,
                criteria::code(c.id),
                self.t(&c.checks),
                crate::report::severity_label(c.severity, self.lang()),
                trace.join("<br>")
            );
        }
        let (steps, remarks) = super::verdict_rule(lang);
        let steps: Vec<String> = steps
            .iter()
            .map(|step| format!("<li>{}</li>", rule_text(step)))
            .collect();
        let _ = write!(
            s,
            "</tbody>\n</table>\n<h3>{}</h3>\n<ol class=\"rule\">{}</ol>\n<p class=\"rule\">{}</p>\n<h3>{}</h3>\n<ul>",
            ReportLabel::VerdictRule.text(lang),
            steps.join(""),
            rule_text(&remarks),
            ReportLabel::Sources.text(lang)
        );
        for (id, title) in criteria::SOURCES {
            let title = criteria::source_title(id, self.lang()).unwrap_or(title);
            let _ = write!(s, "<li><b>{id}</b>: {}</li>", esc(title));
        }
        s.push_str("</ul>\n</section>\n");
        s
    }
}

/// A sentence of the verdict rule: escaped, `code` in backticks as code, `->` as an arrow.
fn rule_text(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        let part = esc(part).replace("-&gt;", "→");
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(&part);
        }
    }
    out
}

/// Text as a CSS string literal: quotes and backslashes escaped, line breaks and anything that
/// could end the style element written as escapes.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in clean(s).chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn profile_line(report: &Report, lang: Lang) -> String {
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
            if p.name == "default" { "standaard" } else { &p.name },
            p.max_age_months,
            crate::report::value_text(&crate::catalogue::Value::List(p.accepted_regions.clone()), lang)
        ),
    }
}

pub(super) fn anchor(r: &OfferingResult) -> String {
    let key: String = r
        .key()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .collect();
    format!("o-{key}")
}

/// The host of a URL, for link texts; the URL itself when it has none.
pub(super) fn host(u: &str) -> String {
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
        w.write_all(
            self.page(ReportLabel::Audit.text(self.lang()), report, &body)
                .as_bytes(),
        )
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
        let title = ReportLabel::Criteria.text(self.lang());
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
        w.write_all(
            self.page(ReportLabel::Comparison.text(self.lang()), &report, &body)
                .as_bytes(),
        )
    }
}

/// Keeps references to articles such as `5(1)(e)` on one line: a browser may otherwise break
/// between `)` and `(`, which reads as two words.
fn whole_references(escaped: &str) -> String {
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d+(\(\d+\))?(\([a-z]\))+|\d+\(\d+\)").expect("a valid pattern")
    });
    REFERENCE
        .replace_all(escaped, "<span class=\"ref\">$0</span>")
        .into_owned()
}
