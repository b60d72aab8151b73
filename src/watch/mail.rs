//! The weekly mail of a watch run, in Markdown and as one self-contained HTML page: first what
//! needs attention (quotes gone, changed or moved documents, failures), then per changed document
//! the claims citing it with their quote states and the verdicts that could change, the diff
//! notation explained once, and the diffs. Everything from the web passes through [`plain`] and,
//! in HTML, is escaped.

use std::io::{self, Write};

use super::report::{cell, detail, markdown_changes, summary, Run, Touched};
use super::state::{Checked, State};
use crate::evaluate::QuoteState;
use crate::i18n::Lang;
use crate::terminal::plain;

/// The fixed words of the mail.
struct Words {
    title: &'static str,
    nothing: &'static str,
    claims: &'static str,
    verdicts: &'static str,
    nearest: &'static str,
    notation: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "Needs attention",
            nothing: "Nothing: every document and every quote checked is as it was.",
            claims: "Claims citing it",
            verdicts: "Verdicts that could change",
            nearest: "nearest now",
            notation: "How to read the diffs: `- ` a line removed, `+ ` a line added, `~ ` a line edited in \
                       place with `[-removed words-]` and `{+added words+}`, `@@ line N @@` where the change \
                       is; other lines are unchanged context. A paragraph whose words are the same counts as \
                       unchanged, however it is wrapped.",
        },
        Lang::Nl => Words {
            title: "Vraagt aandacht",
            nothing: "Niets: elk gecontroleerd document en citaat is zoals het was.",
            claims: "Claims die het aanhalen",
            verdicts: "Oordelen die kunnen veranderen",
            nearest: "nu het dichtstbij",
            notation: "Zo lees je de verschillen: `- ` een regel verwijderd, `+ ` een regel toegevoegd, `~ ` \
                       een regel ter plekke gewijzigd met `[-verwijderde woorden-]` en `{+toegevoegde \
                       woorden+}`, `@@ line N @@` waar de wijziging staat; andere regels zijn ongewijzigde \
                       context. Een alinea met dezelfde woorden telt als ongewijzigd, hoe hij ook is \
                       afgebroken.",
        },
    }
}

/// The items of the "needs attention" part, in Markdown (code spans in backticks).
fn attention(run: &Run, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for q in run.quotes.iter().filter(|q| q.state == QuoteState::QuoteGone) {
        out.push(match lang {
            Lang::En => format!(
                "quote gone: `{}` {} is no longer in `{}`",
                q.vendor, q.claim, q.document
            ),
            Lang::Nl => format!(
                "citaat weg: `{}` {} staat niet meer in `{}`",
                q.vendor, q.claim, q.document
            ),
        });
    }
    for r in run.results.iter().filter(|r| r.state.needs_attention()) {
        let d = detail(r, lang);
        let d = if d.is_empty() { d } else { format!(": {}", cell(&d)) };
        out.push(format!(
            "`{}/{}` {}{d}",
            r.vendor,
            r.document,
            super::report::state_word(r.state, lang)
        ));
    }
    out
}

/// The changed documents that are shown, with what they touch.
fn changed<'a>(run: &'a Run, shown: &'a [Checked]) -> impl Iterator<Item = (&'a Checked, Option<&'a Touched>)> {
    shown
        .iter()
        .filter(|r| matches!(r.state, State::Changed | State::Moved))
        .map(|r| (r, run.touched.get(&(r.vendor.clone(), r.document.clone()))))
}

/// One claim of a changed document: `key: quote STATE — nearest now: "…"`, its texts passed
/// through `esc`.
fn claim_line(key: &str, state: QuoteState, nearest: Option<&str>, w: &Words, esc: fn(&str) -> String) -> String {
    let nearest = nearest
        .filter(|_| state == QuoteState::QuoteGone)
        .map(|n| format!(" — {}: \"{}\"", w.nearest, esc(n)))
        .unwrap_or_default();
    format!("{}: quote {}{nearest}", esc(key), state.as_str())
}

/// The mail in Markdown.
pub fn markdown(run: &Run, shown: &[Checked], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let words = words(lang);
    let attention = attention(run, lang);
    writeln!(w, "# {}\n", words.title)?;
    if attention.is_empty() {
        writeln!(w, "{}\n", words.nothing)?;
    } else {
        for a in &attention {
            writeln!(w, "- {a}")?;
        }
        writeln!(w)?;
    }
    for (r, touched) in changed(run, shown) {
        let Some(t) = touched else { continue };
        writeln!(w, "## {}/{}\n", r.vendor, r.document)?;
        if !t.claims.is_empty() {
            writeln!(w, "{}:\n", words.claims)?;
            for (key, state, nearest) in &t.claims {
                writeln!(w, "- {}", claim_line(key, *state, nearest.as_deref(), &words, cell))?;
            }
            writeln!(w)?;
        }
        if !t.verdicts.is_empty() {
            writeln!(w, "{}: {}\n", words.verdicts, t.verdicts.join(", "))?;
        }
    }
    if shown.iter().any(|r| r.diff.is_some()) {
        writeln!(w, "{}\n", words.notation)?;
    }
    markdown_changes(shown, &summary(run.results, lang), lang, w)
}

/// The mail as one self-contained HTML page (inline style, no scripts, no external resources).
pub fn html(run: &Run, shown: &[Checked], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let words = words(lang);
    let e = |s: &str| html_escape::encode_text(&plain(s)).into_owned();
    let attention = attention(run, lang);
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    writeln!(
        w,
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>vcaudit watch</title>"
    )?;
    writeln!(
        w,
        "<style>body{{font-family:sans-serif;max-width:60em}} pre{{background:#f6f6f6;padding:.5em;white-space:pre-wrap}} .gone{{color:#b00}}</style></head><body>"
    )?;
    writeln!(w, "<h1>{}</h1>", words.title)?;
    writeln!(w, "<p>{}</p>", e(&summary(run.results, lang)))?;
    if attention.is_empty() {
        writeln!(w, "<p>{}</p>", words.nothing)?;
    } else {
        writeln!(w, "<ul>")?;
        for a in &attention {
            writeln!(w, "<li>{}</li>", code_spans(&e(a)))?;
        }
        writeln!(w, "</ul>")?;
    }
    if shown.iter().any(|r| r.diff.is_some()) {
        writeln!(w, "<p><small>{}</small></p>", code_spans(&e(words.notation)))?;
    }
    for (r, touched) in changed(run, shown) {
        writeln!(w, "<h2>{}/{}: {}</h2>", e(&r.vendor), e(&r.document), r.state.as_str())?;
        writeln!(
            w,
            "<p><a href=\"{0}\">{1}</a></p>",
            html_escape::encode_double_quoted_attribute(&plain(&r.url)),
            e(&r.url)
        )?;
        if let Some(t) = touched {
            if !t.claims.is_empty() {
                writeln!(w, "<p>{}:</p>\n<ul>", words.claims)?;
                for (key, state, nearest) in &t.claims {
                    let class = if *state == QuoteState::QuoteGone {
                        " class=\"gone\""
                    } else {
                        ""
                    };
                    let line = claim_line(key, *state, nearest.as_deref(), &words, plain);
                    writeln!(w, "<li{class}>{}</li>", e(&line))?;
                }
                writeln!(w, "</ul>")?;
            }
            if !t.verdicts.is_empty() {
                writeln!(w, "<p>{}: {}</p>", words.verdicts, e(&t.verdicts.join(", ")))?;
            }
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
