//! `vcaudit advise`: renders the scenario rules of [`super::scenarios`] as a terminal text, as
//! Markdown or as JSON. The source passages are numbered once per scenario and every statement
//! points at the numbers it rests on, so that a reader can check each rule against the documents.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::scenarios::{Point, Scenario, ALL};
use crate::criteria::{place_name, source_title, voice_of, Trace, Voice, GUIDANCE_SOURCES, SOURCES};
use crate::i18n::{AdviseLabel, Lang};
use crate::report::SCHEMA_VERSION;

/// The formats of the advice (`advise --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AdviseFormat {
    Table,
    Markdown,
    Json,
}

/// A scenario with its source passages numbered.
struct Advice {
    scenario: &'static Scenario,
    sources: Vec<&'static Trace>,
}

impl Advice {
    fn new(scenario: &'static Scenario) -> Self {
        let mut sources: Vec<&'static Trace> = Vec::new();
        let points = [&scenario.consent, &scenario.legal_basis]
            .into_iter()
            .chain(scenario.duties)
            .chain(scenario.cautions);
        for p in points {
            for s in p.sources {
                if !sources.iter().any(|x| x.document == s.document && x.quote == s.quote) {
                    sources.push(s);
                }
            }
        }
        Advice { scenario, sources }
    }

    /// The 1-based numbers of the passages a statement rests on.
    fn refs(&self, p: &Point) -> Vec<usize> {
        p.sources
            .iter()
            .filter_map(|s| {
                self.sources
                    .iter()
                    .position(|x| x.document == s.document && x.quote == s.quote)
            })
            .map(|i| i + 1)
            .collect()
    }

    fn marks(&self, p: &Point) -> String {
        self.refs(p).iter().map(|n| format!("[{n}]")).collect::<String>()
    }

    fn json(&self, lang: Lang) -> Value {
        let s = self.scenario;
        let texts = |ps: &[Point]| ps.iter().map(|p| p.text.get(lang).to_owned()).collect::<Vec<_>>();
        let refs = |ps: &[Point]| ps.iter().map(|p| self.refs(p)).collect::<Vec<_>>();
        let by = |ps: &[Point]| ps.iter().map(|p| voice_of(p.sources)).collect::<Vec<_>>();
        json!({
            "scenario": s.id,
            "title": s.title.get(lang),
            "consent_required": s.consent_required,
            "consent": s.consent.text.get(lang),
            "legal_basis": s.legal_basis.text.get(lang),
            "duties": texts(s.duties),
            "cautions": texts(s.cautions),
            "sources": self.sources.iter().enumerate().map(|(i, t)| json!({
                "ref": i + 1,
                "document": t.document,
                "place": t.place,
                "quote": t.quote,
                "by": t.by(),
            })).collect::<Vec<_>>(),
            "refs": {
                "consent": self.refs(&s.consent),
                "legal_basis": self.refs(&s.legal_basis),
                "duties": refs(s.duties),
                "cautions": refs(s.cautions),
            },
            // Whose words each statement rests on: "reader" only when every passage behind it
            // is a reader's comment.
            "by": {
                "consent": voice_of(s.consent.sources),
                "legal_basis": voice_of(s.legal_basis.sources),
                "duties": by(s.duties),
                "cautions": by(s.cautions),
            },
        })
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { AdviseLabel::Yes } else { AdviseLabel::No }.text(lang)
}

/// Writes the advice for one scenario.
pub fn one(scenario: &'static Scenario, format: AdviseFormat, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let a = Advice::new(scenario);
    match format {
        AdviseFormat::Json => {
            let mut v = a.json(lang);
            v["schema_version"] = json!(SCHEMA_VERSION);
            v["lang"] = json!(lang);
            write_json(w, &v)
        }
        AdviseFormat::Table => text(&a, lang, w),
        AdviseFormat::Markdown => markdown(&a, lang, w),
    }
}

/// Writes the list of scenarios.
pub fn list(format: AdviseFormat, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    match format {
        AdviseFormat::Json => {
            let all: Vec<Value> = ALL.iter().map(|s| Advice::new(s).json(lang)).collect();
            write_json(
                w,
                &json!({ "schema_version": SCHEMA_VERSION, "lang": lang, "scenarios": all }),
            )
        }
        AdviseFormat::Table => {
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::NOTHING).force_no_tty();
            t.set_header([
                AdviseLabel::Scenario.text(lang),
                AdviseLabel::ConsentNeeded.text(lang),
                AdviseLabel::WhatItIs.text(lang),
            ]);
            for s in ALL {
                t.add_row([s.id, yes_no(s.consent_required, lang), s.title.get(lang)]);
            }
            for line in t.to_string().lines() {
                writeln!(w, "{}", line.trim_end())?;
            }
            Ok(())
        }
        AdviseFormat::Markdown => {
            writeln!(
                w,
                "| {} | {} | {} |\n|---|---|---|",
                AdviseLabel::Scenario.text(lang),
                AdviseLabel::ConsentNeeded.text(lang),
                AdviseLabel::WhatItIs.text(lang)
            )?;
            for s in ALL {
                writeln!(
                    w,
                    "| `{}` | {} | {} |",
                    s.id,
                    yes_no(s.consent_required, lang),
                    s.title.get(lang)
                )?;
            }
            Ok(())
        }
    }
}

fn write_json(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, v).map_err(io::Error::from)?;
    writeln!(w)
}

fn text(a: &Advice, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let s = a.scenario;
    writeln!(w, "{}: {}", s.id, s.title.get(lang))?;
    writeln!(w)?;
    writeln!(
        w,
        "{}: {}",
        AdviseLabel::ConsentNeeded.text(lang),
        yes_no(s.consent_required, lang)
    )?;
    writeln!(w, "  {} {}", s.consent.text.get(lang), a.marks(&s.consent))?;
    writeln!(w)?;
    writeln!(w, "{}:", AdviseLabel::LegalBasis.text(lang))?;
    writeln!(w, "  {} {}", s.legal_basis.text.get(lang), a.marks(&s.legal_basis))?;
    writeln!(w)?;
    writeln!(w, "{}:", AdviseLabel::Duties.text(lang))?;
    for (i, d) in s.duties.iter().enumerate() {
        writeln!(w, "  {}. {} {}", i + 1, d.text.get(lang), a.marks(d))?;
    }
    writeln!(w)?;
    writeln!(w, "{}:", AdviseLabel::Cautions.text(lang))?;
    for c in s.cautions {
        writeln!(w, "  ! {} {}", c.text.get(lang), a.marks(c))?;
    }
    writeln!(w)?;
    writeln!(w, "{}:", AdviseLabel::Sources.text(lang))?;
    for (i, t) in a.sources.iter().enumerate() {
        writeln!(w, "  [{}] {}", i + 1, passage(t, lang, ""))?;
    }
    write_documents(a, lang, w, "  ")?;
    writeln!(w)?;
    writeln!(w, "{}", AdviseLabel::Disclaimer.text(lang))
}

fn markdown(a: &Advice, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let s = a.scenario;
    writeln!(w, "# {} (`{}`)", s.title.get(lang), s.id)?;
    writeln!(w)?;
    writeln!(
        w,
        "**{}: {}.** {} {}",
        AdviseLabel::ConsentNeeded.text(lang),
        yes_no(s.consent_required, lang),
        s.consent.text.get(lang),
        a.marks(&s.consent)
    )?;
    writeln!(w)?;
    writeln!(w, "## {}\n", AdviseLabel::LegalBasis.text(lang))?;
    writeln!(w, "{} {}", s.legal_basis.text.get(lang), a.marks(&s.legal_basis))?;
    writeln!(w, "\n## {}\n", AdviseLabel::Duties.text(lang))?;
    for (i, d) in s.duties.iter().enumerate() {
        writeln!(w, "{}. {} {}", i + 1, d.text.get(lang), a.marks(d))?;
    }
    writeln!(w, "\n## {}\n", AdviseLabel::Cautions.text(lang))?;
    for c in s.cautions {
        writeln!(w, "- {} {}", c.text.get(lang), a.marks(c))?;
    }
    writeln!(w, "\n## {}\n", AdviseLabel::Sources.text(lang))?;
    for (i, t) in a.sources.iter().enumerate() {
        writeln!(w, "{}. {}", i + 1, passage(t, lang, "`"))?;
    }
    writeln!(w)?;
    write_documents(a, lang, w, "- ")?;
    writeln!(w, "\n_{}_", AdviseLabel::Disclaimer.text(lang))
}

/// A numbered passage: `003, main text: "quote"`, or for a statement outside the source documents
/// that they do not cover it and the law it is reasoned from. `code` quotes the document id.
fn passage(t: &Trace, lang: Lang, code: &str) -> String {
    if t.by() == Voice::Outside {
        return format!("{}: {}", AdviseLabel::Outside.text(lang), t.quote);
    }
    format!(
        "{code}{}{code}, {}: \"{}\"",
        t.document,
        place_name(t.place, lang),
        t.quote
    )
}

/// The titles of the documents the numbered passages come from.
fn write_documents(a: &Advice, lang: Lang, w: &mut dyn Write, indent: &str) -> io::Result<()> {
    for (id, _) in SOURCES.iter().chain(GUIDANCE_SOURCES) {
        if a.sources.iter().any(|t| t.document == *id) {
            writeln!(w, "{indent}{id}: {}", source_title(id, lang).unwrap_or_default())?;
        }
    }
    Ok(())
}
