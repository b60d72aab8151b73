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
pub use xlsx::print_setup;

pub use json::Json;
pub use markdown::cell as markdown_cell;
pub use table::wrap;

use std::io::{self, Write};

use jiff::civil::Date;

use crate::catalogue::{Catalogue, Claim, Confidence, SourceKind, Value};
use crate::compare::Comparison;
use crate::criteria::{Criterion, Status};
use crate::evaluate::Evaluation;
use crate::i18n::{Lang, ReportLabel, Text};

/// Version of the JSON output; raised only when a documented key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// What a renderer needs besides the data.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Colours on (only ever for terminal tables).
    pub color: bool,
    /// The title and reference a report is filed under (`--title`, `--reference`).
    pub heading: Heading,
}

/// What a report attached to a tender is called and filed under: the title replaces the report's
/// own heading, and both are printed on every page (HTML footer, spreadsheet header and footer) and
/// head a Markdown report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    pub title: Option<String>,
    pub reference: Option<String>,
}

impl Heading {
    /// The title and the reference, cleaned, each only when given and not blank.
    pub fn new(title: Option<&str>, reference: Option<&str>) -> Self {
        let keep = |s: Option<&str>| s.map(|s| clean(s).trim().to_owned()).filter(|s| !s.is_empty());
        Heading {
            title: keep(title),
            reference: keep(reference),
        }
    }

    /// The reference as a line of a report: `Reference: X` / `Kenmerk: X`.
    pub fn reference_line(&self, lang: Lang) -> Option<String> {
        self.reference
            .as_ref()
            .map(|r| format!("{}: {r}", reference_label(lang)))
    }
}

/// The word for a tender reference.
pub fn reference_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Reference",
        Lang::Nl => "Kenmerk",
    }
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
        "school-chosen" => "door de school gekozen",
        "EEA" => "EER",
        "US" => "VS",
        "UK" => "VK",
        "participant" => "deelnemer",
        "supporter" => "ondersteuner",
        "vendor-own" => "eigen overeenkomst van de leverancier",
        _ => return None,
    })
}

/// How much a claim can be relied on, for every report beside the fact: its confidence, who
/// published its source, and whether it counted (a claim below the profile's minimum confidence
/// counts as unknown).
pub fn evidence_quality(claim: &Claim, counted: bool, lang: Lang) -> String {
    let (confidence, kind) = match lang {
        Lang::En => (claim.confidence.as_str(), claim.source_kind.as_str()),
        Lang::Nl => (
            match claim.confidence {
                Confidence::High => "hoog",
                Confidence::Medium => "middel",
                Confidence::Low => "laag",
            },
            match claim.source_kind {
                SourceKind::Vendor => "leverancier",
                SourceKind::Regulator => "toezichthouder",
                SourceKind::Dpia => "DPIA",
                SourceKind::Press => "pers",
                SourceKind::Other => "overig",
            },
        ),
    };
    let mut s = match lang {
        Lang::En => format!("confidence {confidence}, source: {kind}"),
        Lang::Nl => format!("zekerheid {confidence}, bron: {kind}"),
    };
    if !counted {
        s.push_str(match lang {
            Lang::En => "; counts as unknown",
            Lang::Nl => "; telt als onbekend",
        });
    }
    s
}

/// What a finding adds besides its summary: the high risks a DPIA left, in words.
pub fn high_risks_text(f: &crate::catalogue::Finding, lang: Lang) -> Option<String> {
    let n = f.high_risks?;
    Some(match (lang, n) {
        (Lang::En, 1) => "1 high risk left".to_owned(),
        (Lang::En, n) => format!("{n} high risks left"),
        (Lang::Nl, 1) => "1 hoog risico over".to_owned(),
        (Lang::Nl, n) => format!("{n} hoge risico's over"),
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

/// The verdict rule of [`crate::criteria::VERDICT_RULE`] in a language, taken apart: its numbered
/// steps (without their numbers), each `condition -> outcome`, and the remarks after the last.
pub fn verdict_rule(lang: Lang) -> (Vec<String>, String) {
    let whole = crate::criteria::VERDICT_RULE;
    let rule = whole.get(lang);
    let mut steps = Vec::new();
    let mut rest = rule.strip_prefix("1. ").unwrap_or(rule);
    let mut n = 2;
    while let Some(at) = rest.find(&format!("; {n}. ")) {
        steps.push(rest[..at].trim().to_owned());
        rest = &rest[at + format!("; {n}. ").len()..];
        n += 1;
    }
    // The last step ends with its outcome's sentence.
    let (last, remarks) = match rest.split_once(". ") {
        Some((last, remarks)) if !steps.is_empty() => (last, remarks),
        _ => (rest, ""),
    };
    steps.push(last.trim().to_owned());
    (steps, remarks.trim().to_owned())
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
        (Lang::Nl, Severity::Info) => "informatief",
        (Lang::Nl, Severity::Off) => "uit",
        _ => s.as_str(),
    }
}

/// What justifies a criterion, one line each: its neutral rationale (`Why: ...`), then the
/// passages of the author, Kennisnet or the law (`003 (main text): "quote"`, the place in the
/// output language). Readers' comments only with `readers` (the one criterion of `criteria ID`),
/// each named as a reader comment: reports and tenders justify a criterion in neutral words.
pub fn trace_lines(c: &crate::criteria::Criterion, lang: Lang, readers: bool) -> Vec<String> {
    let rationale = format!("{}: {}", ReportLabel::Rationale.text(lang), c.rationale.get(lang));
    std::iter::once(rationale)
        .chain(shown_traces(c, readers).map(|t| {
            format!(
                "{} ({}): \"{}\"",
                t.document,
                crate::criteria::place_name(t.place, lang),
                t.quote
            )
        }))
        .collect()
}

/// The passages of a criterion a report shows: readers' comments only with `readers`.
pub fn shown_traces(
    c: &crate::criteria::Criterion,
    readers: bool,
) -> impl Iterator<Item = &'static crate::criteria::Trace> {
    c.trace
        .iter()
        .filter(move |t| readers || t.by() != crate::criteria::Voice::Reader)
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
    fn every_fixed_value_of_the_catalogue_format_has_a_dutch_word() {
        use crate::catalogue::terms::{Kind, TERMS};
        for term in TERMS {
            if let Kind::Enum(values) | Kind::EnumList(values) = term.kind {
                for v in values {
                    assert!(dutch_word(v).is_some(), "{}: `{v}` has no Dutch word", term.key);
                }
            }
        }
        // The region words of `hosting.regions`, free strings with fixed meanings.
        for region in ["school-chosen", "EEA", "US", "worldwide"] {
            assert!(dutch_word(region).is_some(), "`{region}` has no Dutch word");
        }
    }

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
    fn the_verdict_rule_has_four_steps_and_remarks() {
        for lang in [Lang::En, Lang::Nl] {
            let (steps, remarks) = verdict_rule(lang);
            assert_eq!(steps.len(), 4, "{steps:?}");
            assert!(steps.iter().all(|s| s.contains("->") && !s.ends_with(';')), "{steps:?}");
            assert!(remarks.contains("`should`") && remarks.ends_with('.'), "{remarks}");
        }
        let (steps, _) = verdict_rule(Lang::En);
        assert_eq!(steps[0], "any `must` criterion fails -> not suitable");
        assert_eq!(steps[3], "else -> suitable");
    }

    #[test]
    fn clean_removes_escape_sequences_but_keeps_lines() {
        // The sequence goes whole: no `[2J` left behind in a report.
        assert_eq!(clean("a\u{1b}[2Jb\nc\u{7}"), "ab\nc");
    }
}
