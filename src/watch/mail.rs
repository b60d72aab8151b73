//! The weekly mail of a watch run, in Markdown and as one self-contained HTML page: first what
//! needs attention (quotes gone, changed or moved documents, failures), then per changed document
//! the claims citing it with their quote states and the verdicts that could change, the diff
//! notation explained once, and the diffs. Everything from the web passes through [`plain`] and,
//! in HTML, is escaped.

use std::io::{self, Write};

use super::evidence::QuoteRecord;
use super::report::{cell, detail, markdown_changes, Run};
use super::state::{Checked, State};
use crate::evaluate::QuoteState;
use crate::i18n::Lang;
use crate::terminal::plain;

/// What the diff notation means, said once.
fn notation(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "How to read the diffs: `- ` a line removed, `+ ` a line added, `~ ` a line edited in place \
             with `[-removed words-]` and `{+added words+}`, `@@ line N @@` where the change is; other \
             lines are unchanged context. A paragraph whose words are the same counts as unchanged, \
             however it is wrapped."
        }
        Lang::Nl => {
            "Zo lees je de verschillen: `- ` een regel verwijderd, `+ ` een regel toegevoegd, `~ ` een \
             regel ter plekke gewijzigd met `[-verwijderde woorden-]` en `{+toegevoegde woorden+}`, \
             `@@ line N @@` waar de wijziging staat; andere regels zijn ongewijzigde context. Een alinea \
             met dezelfde woorden telt als ongewijzigd, hoe hij ook is afgebroken."
        }
    }
}

/// The lines of the "needs attention" part, in Markdown.
fn attention(run: &Run, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for q in run.quotes.iter().filter(|q| q.state == QuoteState::QuoteGone) {
        out.push(match lang {
            Lang::En => format!(
                "quote gone: `{}` {} no longer quotes `{}`",
                q.vendor, q.claim, q.document
            ),
            Lang::Nl => format!(
                "citaat weg: `{}` {} staat niet meer in `{}`",
                q.vendor, q.claim, q.document
            ),
        });
    }
    for r in run.results.iter().filter(|r| r.state.needs_attention()) {
        out.push(format!(
            "`{}/{}` {}{}",
            r.vendor,
            r.document,
            r.state.as_str(),
            match detail(r, lang) {
                d if d.is_empty() => String::new(),
                d => format!(": {}", cell(&d)),
            }
        ));
    }
    out
}

/// The claims citing a document, with their quote states, as Markdown list items.
fn claims_of<'a>(run: &'a Run, r: &Checked) -> impl Iterator<Item = &'a QuoteRecord> {
    let (v, d) = (r.vendor.clone(), r.document.clone());
    run.quotes.iter().filter(move |q| q.vendor == v && q.document == d)
}

/// The mail in Markdown.
pub fn markdown(run: &Run, shown: &[Checked], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let attention = attention(run, lang);
    let counts = super::report::summary(run.results, lang);
    let title = match lang {
        Lang::En => "Needs attention",
        Lang::Nl => "Vraagt aandacht",
    };
    writeln!(w, "# {title}\n")?;
    if attention.is_empty() {
        writeln!(
            w,
            "{}\n",
            match lang {
                Lang::En => "Nothing: every document and every quote checked is as it was.",
                Lang::Nl => "Niets: elk gecontroleerd document en citaat is zoals het was.",
            }
        )?;
    }
    for a in &attention {
        writeln!(w, "- {a}")?;
    }
    if !attention.is_empty() {
        writeln!(w)?;
    }
    for r in shown
        .iter()
        .filter(|r| matches!(r.state, State::Changed | State::Moved))
    {
        writeln!(w, "## {}/{}\n", r.vendor, r.document)?;
        let claims: Vec<&QuoteRecord> = claims_of(run, r).collect();
        if !claims.is_empty() {
            writeln!(
                w,
                "{}:\n",
                match lang {
                    Lang::En => "Claims citing it",
                    Lang::Nl => "Claims die het aanhalen",
                }
            )?;
            for q in claims {
                let nearest = q
                    .nearest
                    .as_deref()
                    .filter(|_| q.state == QuoteState::QuoteGone)
                    .map(|n| format!(" — nearest now: \"{}\"", cell(n)))
                    .unwrap_or_default();
                writeln!(w, "- {}: quote {}{nearest}", q.claim, q.state.as_str())?;
            }
            writeln!(w)?;
        }
        if let Some(v) = run.verdicts.get(&(r.vendor.clone(), r.document.clone())) {
            writeln!(
                w,
                "{}: {}\n",
                match lang {
                    Lang::En => "Verdicts that could change",
                    Lang::Nl => "Oordelen die kunnen veranderen",
                },
                v.join(", ")
            )?;
        }
    }
    if shown.iter().any(|r| r.diff.is_some()) {
        writeln!(w, "{}\n", notation(lang))?;
    }
    markdown_changes(shown, &counts, lang, w)
}

/// The mail as one self-contained HTML page (inline style, no external resources).
pub fn html(run: &Run, shown: &[Checked], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let e = |s: &str| html_escape::encode_text(&plain(s)).into_owned();
    let attention = attention(run, lang);
    writeln!(
        w,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>vcaudit watch</title>",
        match lang {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    )?;
    writeln!(w, "<style>body{{font-family:sans-serif;max-width:60em}} pre{{background:#f6f6f6;padding:.5em;white-space:pre-wrap}} .gone{{color:#b00}}</style></head><body>")?;
    writeln!(
        w,
        "<h1>{}</h1>",
        match lang {
            Lang::En => "Needs attention",
            Lang::Nl => "Vraagt aandacht",
        }
    )?;
    writeln!(w, "<p>{}</p>", e(&super::report::summary(run.results, lang)))?;
    if attention.is_empty() {
        writeln!(
            w,
            "<p>{}</p>",
            match lang {
                Lang::En => "Nothing: every document and every quote checked is as it was.",
                Lang::Nl => "Niets: elk gecontroleerd document en citaat is zoals het was.",
            }
        )?;
    } else {
        writeln!(w, "<ul>")?;
        for a in &attention {
            writeln!(w, "<li>{}</li>", code_spans(&e(a)))?;
        }
        writeln!(w, "</ul>")?;
    }
    if shown.iter().any(|r| r.diff.is_some()) {
        writeln!(w, "<p><small>{}</small></p>", e(notation(lang)))?;
    }
    for r in shown
        .iter()
        .filter(|r| matches!(r.state, State::Changed | State::Moved))
    {
        writeln!(w, "<h2>{}/{}: {}</h2>", e(&r.vendor), e(&r.document), r.state.as_str())?;
        writeln!(
            w,
            "<p><a href=\"{0}\">{0}</a></p>",
            html_escape::encode_double_quoted_attribute(&plain(&r.url))
        )?;
        let claims: Vec<&QuoteRecord> = claims_of(run, r).collect();
        if !claims.is_empty() {
            writeln!(w, "<ul>")?;
            for q in claims {
                let class = if q.state == QuoteState::QuoteGone {
                    " class=\"gone\""
                } else {
                    ""
                };
                let nearest = q
                    .nearest
                    .as_deref()
                    .filter(|_| q.state == QuoteState::QuoteGone)
                    .map(|n| format!(" — nearest now: “{}”", e(n)))
                    .unwrap_or_default();
                writeln!(
                    w,
                    "<li{class}>{}: quote {}{nearest}</li>",
                    e(&q.claim),
                    q.state.as_str()
                )?;
            }
            writeln!(w, "</ul>")?;
        }
        if let Some(v) = run.verdicts.get(&(r.vendor.clone(), r.document.clone())) {
            writeln!(
                w,
                "<p>{}: {}</p>",
                match lang {
                    Lang::En => "Verdicts that could change",
                    Lang::Nl => "Oordelen die kunnen veranderen",
                },
                e(&v.join(", "))
            )?;
        }
        if let Some(d) = &r.diff {
            writeln!(w, "<pre>{}</pre>", e(&d.to_text()))?;
        }
    }
    writeln!(w, "</body></html>")
}

/// Markdown code spans (`` `x` ``) of an escaped line as `<code>` elements.
fn code_spans(escaped: &str) -> String {
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{part}</code>"));
        } else {
            out.push_str(part);
        }
    }
    out
}
