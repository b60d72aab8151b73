//! Reports: one renderer per output format behind the [`Renderer`] trait, each writing to the
//! writer it is handed. Renderers read the [`Evaluation`] (and the catalogue, for vendor details)
//! and never evaluate anything themselves. Text that came from a catalogue file or the web is passed
//! through [`clean`] before it reaches a terminal.

mod csv;
mod html;
mod json;
mod markdown;
pub mod output;
mod table;
mod xlsx;

pub use json::Json;
pub use table::wrap;

use std::io::{self, Write};

use jiff::civil::Date;

use crate::catalogue::{Catalogue, Value};
use crate::compare::Comparison;
use crate::criteria::{Criterion, Status};
use crate::evaluate::Evaluation;
use crate::i18n::{Lang, Text};

/// Version of the JSON output; raised only when a documented key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// What a renderer needs besides the data.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    /// Colours on (only ever for terminal tables).
    pub color: bool,
}

/// The evaluated selection and the catalogue it came from.
pub struct Report<'a> {
    pub evaluation: &'a Evaluation,
    pub catalogue: &'a Catalogue,
}

/// One output format.
pub trait Renderer {
    /// The matrix of vendor offerings against criteria.
    fn audit(&self, report: &Report, w: &mut dyn Write) -> io::Result<()>;
    /// Every criterion of the selected offerings in detail.
    fn show(&self, report: &Report, w: &mut dyn Write) -> io::Result<()>;
    /// The criteria with their source trace and the verdict rule.
    fn criteria(&self, criteria: &[&Criterion], w: &mut dyn Write) -> io::Result<()>;
    /// Vendor offerings side by side.
    fn compare(&self, comparison: &Comparison, w: &mut dyn Write) -> io::Result<()>;
}

/// The output formats of a report (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for a terminal
    Table,
    /// The JSON contract, for tools
    Json,
    /// GitHub-flavoured Markdown tables
    Markdown,
    /// RFC 4180, formulas neutralised
    Csv,
    /// One self-contained HTML page that prints well
    Html,
    /// A spreadsheet (never written to a terminal)
    Xlsx,
}

/// The renderer for a format.
pub fn renderer(format: Format, opts: Options) -> Box<dyn Renderer> {
    match format {
        Format::Table => Box::new(table::Table(opts)),
        Format::Json => Box::new(json::Json(opts)),
        Format::Markdown => Box::new(markdown::Markdown(opts)),
        Format::Csv => Box::new(csv::Csv(opts)),
        Format::Html => Box::new(html::Html(opts)),
        Format::Xlsx => Box::new(xlsx::Xlsx(opts)),
    }
}

/// Removes terminal escape sequences, with their payload, and control characters from text that
/// came from a file or the web; keeps newlines and tabs (see [`crate::terminal`]).
pub use crate::terminal::plain as clean;

/// The label of a status in a language.
pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Pass, Lang::En) => "pass",
        (Status::Conditional, Lang::En) => "conditional",
        (Status::Unknown, Lang::En) => "unknown",
        (Status::Fail, Lang::En) => "fail",
        (Status::Pass, Lang::Nl) => "voldoet",
        (Status::Conditional, Lang::Nl) => "onder voorwaarden",
        (Status::Unknown, Lang::Nl) => "onbekend",
        (Status::Fail, Lang::Nl) => "voldoet niet",
    }
}

/// Text in the chosen language, cleaned.
pub fn text(t: &Text, lang: Lang) -> String {
    clean(t.get(lang))
}

/// A claimed value in a language: `yes`/`ja`, the string, or a list. In Dutch, the fixed words of
/// the catalogue format (`off-by-default`, `host-only`) are translated; free text stays as written.
pub fn value_text(v: &Value, lang: Lang) -> String {
    match (v, lang) {
        (Value::Bool(true), Lang::Nl) => "ja".into(),
        (Value::Bool(false), Lang::Nl) => "nee".into(),
        (Value::List(l), Lang::Nl) if l.is_empty() => "(geen)".into(),
        (Value::Text(s), Lang::Nl) => dutch_word(s).unwrap_or(s).to_owned(),
        (Value::List(l), Lang::Nl) => l
            .iter()
            .map(|s| dutch_word(s).unwrap_or(s))
            .collect::<Vec<_>>()
            .join(", "),
        _ => v.display(),
    }
}

/// The Dutch for a fixed word of the catalogue format.
fn dutch_word(s: &str) -> Option<&'static str> {
    Some(match s {
        "processor" => "verwerker",
        "controller" => "verwerkingsverantwoordelijke",
        "joint-controller" => "gezamenlijk verwerkingsverantwoordelijke",
        "mixed" => "gemengd",
        "absent" => "niet aanwezig",
        "off-by-default" => "standaard uit",
        "on-by-default" => "standaard aan",
        "always" => "altijd",
        "optional" => "als keuze",
        "none" => "geen",
        "nobody" => "niemand",
        "host-only" => "alleen de organisator",
        "host-and-permitted" => "organisator en wie toestemming krijgt",
        "anyone" => "iedereen",
        "local" => "lokaal",
        "vendor-cloud" => "cloud van de leverancier",
        "school-storage" => "opslag van de school",
        "private" => "privé",
        "organisation" => "binnen de organisatie",
        "link" => "iedereen met de link",
        "off" => "uit",
        "on" => "aan",
        "configurable" => "instelbaar",
        "none-needed" => "niet nodig",
        "adequacy" => "adequaatheidsbesluit",
        "dpf" => "EU-VS Data Privacy Framework",
        "scc" => "standaardcontractbepalingen",
        "bcr" => "bindende bedrijfsvoorschriften",
        "worldwide" => "wereldwijd",
        _ => return None,
    })
}

/// The catalogue date of a report: the newest verification among the claims of the evaluated
/// vendors.
pub fn catalogue_date(report: &Report) -> Option<Date> {
    report
        .evaluation
        .results
        .iter()
        .filter_map(|r| report.catalogue.vendor(&r.vendor))
        .flat_map(|v| v.claims.values().flatten())
        .map(|c| c.verified)
        .max()
}

/// Whether a URL may go into a link: only `http` and `https`.
pub fn linkable(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// A severity in the output language; Dutch follows the verdict rule's "verplicht" and
/// "aanbevolen".
pub fn severity_label(s: crate::criteria::Severity, lang: Lang) -> &'static str {
    use crate::criteria::Severity;
    match (lang, s) {
        (Lang::Nl, Severity::Must) => "verplicht",
        (Lang::Nl, Severity::Should) => "aanbevolen",
        (Lang::Nl, Severity::Off) => "uit",
        _ => s.as_str(),
    }
}

/// The source passages of a criterion, one line each: `003 (main text): "quote"`, the place in
/// the output language.
pub fn trace_lines(c: &crate::criteria::Criterion, lang: Lang) -> Vec<String> {
    c.trace
        .iter()
        .map(|t| {
            format!(
                "{} ({}): \"{}\"",
                t.document,
                crate::criteria::place_name(t.place, lang),
                t.quote
            )
        })
        .collect()
}

/// What the watcher and a reviewer checked of a fact, for `show`: "quote confirmed in `privacy`
/// on DATE", "quote no longer in `privacy` (last confirmed DATE)", "reviewed on DATE: NOTE".
pub fn checked_line(f: &crate::evaluate::FactUsed, source: &crate::catalogue::Source, lang: Lang) -> Option<String> {
    use crate::evaluate::QuoteState;
    let src = source.as_str();
    let mut parts = Vec::new();
    match (f.quote_state, f.last_confirmed, lang) {
        (Some(QuoteState::Confirmed), Some(d), Lang::En) => parts.push(format!("quote confirmed in `{src}` on {d}")),
        (Some(QuoteState::Confirmed), Some(d), Lang::Nl) => parts.push(format!("citaat bevestigd in `{src}` op {d}")),
        (Some(QuoteState::QuoteGone), _, Lang::En) => parts.push(format!("quote no longer found in `{src}`")),
        (Some(QuoteState::QuoteGone), _, Lang::Nl) => parts.push(format!("citaat niet meer gevonden in `{src}`")),
        _ => {}
    }
    if let Some(r) = &f.reviewed {
        let note = r
            .note
            .as_deref()
            .map(|n| format!(": {}", crate::terminal::plain(n)))
            .unwrap_or_default();
        parts.push(match lang {
            Lang::En => format!("reviewed on {}{note}", r.on),
            Lang::Nl => format!("beoordeeld op {}{note}", r.on),
        });
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert!(linkable("https://example.com/privacy"));
        assert!(linkable("http://example.com"));
        for url in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "file:///etc/passwd",
            "example.com",
            "",
        ] {
            assert!(!linkable(url), "{url}");
        }
    }

    #[test]
    fn dutch_values_translate_only_the_fixed_words() {
        let list = Value::List(vec!["local".into(), "Azure EU".into()]);
        assert_eq!(value_text(&list, Lang::Nl), "lokaal, Azure EU");
        assert_eq!(
            value_text(&Value::Text("off-by-default".into()), Lang::Nl),
            "standaard uit"
        );
        assert_eq!(
            value_text(&Value::Text("off-by-default".into()), Lang::En),
            "off-by-default"
        );
        assert_eq!(value_text(&Value::Bool(false), Lang::Nl), "nee");
        assert_eq!(value_text(&Value::Text("Zoom, Inc.".into()), Lang::Nl), "Zoom, Inc.");
    }

    #[test]
    fn clean_removes_escape_sequences_but_keeps_lines() {
        // The sequence goes whole: no `[2J` left behind in a report.
        assert_eq!(clean("a\u{1b}[2Jb\nc\u{7}"), "ab\nc");
    }
}
