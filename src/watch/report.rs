//! The change report of a watch run, in three formats: a terminal table with the diffs below it, a
//! Markdown report ready to paste into an e-mail or a ticket, and JSON for tools. Everything that
//! came from the web (diff text, URLs, dates, error details) passes through [`plain`] first, so no
//! terminal escape sequence from a page reaches a terminal.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde_json::json;

use super::evidence::QuoteRecord;
use super::state::{Checked, State};
use crate::evaluate::QuoteState;
use crate::i18n::{Lang, WatchLabel};
use crate::terminal::plain;

/// Version of the watch JSON output; raised only when a documented key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The output formats of `watch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
    /// One self-contained page, for the body of an e-mail.
    Html,
}

/// What a watch run found: every document checked, and the quotes looked up.
pub struct Run<'a> {
    pub results: &'a [Checked],
    pub quotes: &'a [QuoteRecord],
    /// Only what needs attention is listed; the summary still counts every document checked.
    pub quiet: bool,
    /// Per changed `(vendor, document)`: the claims citing it and the verdicts resting on them.
    pub touched: &'a std::collections::HashMap<(String, String), Touched>,
}

/// What a changed document touches in the catalogue, for the mail.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    /// The claims citing it: key (`term` or `term@offerings`), quote state, and for a quote gone
    /// the passage nearest to it now.
    pub claims: Vec<(String, QuoteState, Option<String>)>,
    /// The verdicts resting on those claims: `zoom/education (suitable)`.
    pub verdicts: Vec<String>,
}

/// Writes the report of a run in `format`, human-readable parts in `lang`. `color` only ever
/// affects the table; JSON is the same in every language.
pub fn render(run: &Run, format: Format, color: bool, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let shown: Vec<Checked> = run
        .results
        .iter()
        .filter(|r| !run.quiet || r.state.needs_attention())
        .cloned()
        .collect();
    let counts = summary(run.results, lang);
    match format {
        Format::Table => {
            table(&shown, color, lang, w)?;
            quote_lines(run.quotes, w)?;
            writeln!(w, "{counts}")
        }
        Format::Markdown => super::mail::markdown(run, &shown, lang, w),
        Format::Html => super::mail::html(run, &shown, lang, w),
        Format::Json => {
            let mut doc = to_json(&shown);
            doc["summary"] = json!(summary(run.results, Lang::En));
            doc["quotes"] = json!(run.quotes);
            serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
            writeln!(w)
        }
    }
}

/// A state in a sentence of a report (the counts, the heading of a change): its id in English, a
/// Dutch word in Dutch. The state column and JSON keep the ids, which are documented identifiers.
pub(super) fn state_word(s: State, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::En, s) => s.as_str(),
        (Lang::Nl, State::New) => "nieuw",
        (Lang::Nl, State::Unchanged) => "ongewijzigd",
        (Lang::Nl, State::Changed) => "gewijzigd",
        (Lang::Nl, State::Moved) => "verplaatst",
        (Lang::Nl, State::Gone) => "verdwenen",
        (Lang::Nl, State::Blocked) => "geblokkeerd",
        (Lang::Nl, State::SelectorBroken) => "selector vindt niets",
        (Lang::Nl, State::Failed) => "mislukt",
    }
}

/// The counts line: how many documents are in each state.
pub fn summary(results: &[Checked], lang: Lang) -> String {
    let states = [
        State::Changed,
        State::Moved,
        State::New,
        State::Unchanged,
        State::Gone,
        State::Blocked,
        State::SelectorBroken,
        State::Failed,
    ];
    let parts: Vec<String> = states
        .iter()
        .filter_map(|s| {
            let n = results.iter().filter(|r| r.state == *s).count();
            (n > 0).then(|| format!("{n} {}", state_word(*s, lang)))
        })
        .collect();
    let counts = if parts.is_empty() {
        WatchLabel::NoneFound.text(lang).to_owned()
    } else {
        parts.join(", ")
    };
    let n = results.len();
    match lang {
        Lang::En => format!("{n} document{} checked: {counts}", if n == 1 { "" } else { "s" }),
        Lang::Nl => format!("{n} document{} gecontroleerd: {counts}", if n == 1 { "" } else { "en" }),
    }
}

pub fn detail(r: &Checked, lang: Lang) -> String {
    let mut d = r.detail.as_ref().map(|t| plain(t.get(lang))).unwrap_or_default();
    if r.consecutive_failures > 1 {
        d.push_str(&format!(
            " ({} {})",
            r.consecutive_failures,
            WatchLabel::InARow.text(lang)
        ));
    }
    if let Some(date) = &r.stated_date {
        if matches!(r.state, State::Changed | State::Moved) {
            let sep = if d.is_empty() { "" } else { "; " };
            d.push_str(&format!("{sep}{}: {}", WatchLabel::States.text(lang), plain(date)));
        }
    }
    d.trim().to_owned()
}

fn state_style(s: State) -> Style {
    match s {
        State::Changed | State::Moved => Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold(),
        s if s.is_failure() => Style::new().fg_color(Some(AnsiColor::Red.into())),
        _ => Style::new(),
    }
}

fn table(results: &[Checked], color: bool, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header([
            WatchLabel::Document.text(lang),
            WatchLabel::State.text(lang),
            WatchLabel::Detail.text(lang),
        ]);
    for r in results {
        let state = if color {
            let s = state_style(r.state);
            format!("{s}{}{s:#}", r.state.as_str())
        } else {
            r.state.as_str().to_owned()
        };
        t.add_row(vec![format!("{}/{}", r.vendor, r.document), state, detail(r, lang)]);
    }
    writeln!(w, "{t}")?;
    for r in results.iter().filter(|r| r.diff.is_some()) {
        writeln!(w)?;
        writeln!(
            w,
            "{}/{} {}: {}",
            r.vendor,
            r.document,
            state_word(r.state, lang),
            plain(&r.url)
        )?;
        if !r.criteria.is_empty() {
            writeln!(w, "{}: {}", WatchLabel::MayTouch.text(lang), r.criteria.join(", "))?;
        }
        let text = plain(&r.diff.as_ref().map(|d| d.to_text()).unwrap_or_default());
        for line in text.lines() {
            let style = match line.chars().next() {
                Some('-') if color => Style::new().fg_color(Some(AnsiColor::Red.into())),
                Some('+') if color => Style::new().fg_color(Some(AnsiColor::Green.into())),
                _ => Style::new(),
            };
            writeln!(w, "{style}{line}{style:#}")?;
        }
    }
    Ok(())
}

/// Below the table: each quote gone with the passage nearest to it now, and the count of quotes
/// looked up.
fn quote_lines(quotes: &[QuoteRecord], w: &mut dyn Write) -> io::Result<()> {
    if quotes.is_empty() {
        return Ok(());
    }
    let gone: Vec<&QuoteRecord> = quotes.iter().filter(|q| q.state == QuoteState::QuoteGone).collect();
    for q in &gone {
        let nearest = q
            .nearest
            .as_deref()
            .map(|n| format!("; nearest now: \"{}\"", plain(n)))
            .unwrap_or_default();
        writeln!(w, "quote gone: {} {} from `{}`{nearest}", q.vendor, q.claim, q.document)?;
    }
    let n = quotes.len();
    writeln!(
        w,
        "{n} quote{} looked up: {} confirmed, {} quote-gone",
        if n == 1 { "" } else { "s" },
        n - gone.len(),
        gone.len()
    )
}

/// A Markdown table cell: one line, pipes and backslashes escaped.
pub fn cell(s: &str) -> String {
    plain(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The plain Markdown change report: summary, table of documents, a section per diff.
pub fn markdown_changes(results: &[Checked], summary: &str, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# {}\n", WatchLabel::Title.text(lang))?;
    writeln!(w, "{summary}\n")?;
    writeln!(
        w,
        "| {} | {} | {} |",
        WatchLabel::Document.text(lang),
        WatchLabel::State.text(lang),
        WatchLabel::Detail.text(lang)
    )?;
    writeln!(w, "|---|---|---|")?;
    for r in results {
        writeln!(
            w,
            "| {}/{} | {} | {} |",
            cell(&r.vendor),
            cell(&r.document),
            r.state.as_str(),
            cell(&detail(r, lang))
        )?;
    }
    for r in results.iter().filter(|r| r.diff.is_some()) {
        writeln!(w, "\n## {}/{}: {}\n", r.vendor, r.document, state_word(r.state, lang))?;
        writeln!(
            w,
            "- {}: <{}>",
            WatchLabel::Address.text(lang),
            plain(&r.url).replace('>', "%3E")
        )?;
        if let Some(f) = &r.final_url {
            writeln!(
                w,
                "- {}: <{}>",
                WatchLabel::ServedFrom.text(lang),
                plain(f).replace('>', "%3E")
            )?;
        }
        if let Some(d) = &r.stated_date {
            writeln!(w, "- {}: {}", WatchLabel::DocumentStates.text(lang), cell(d))?;
        }
        if !r.criteria.is_empty() {
            writeln!(
                w,
                "- {}: {}",
                WatchLabel::MayTouchCriteria.text(lang),
                r.criteria.join(", ")
            )?;
        }
        let text = plain(&r.diff.as_ref().map(|d| d.to_text()).unwrap_or_default());
        let fence = "`".repeat(longest_backtick_run(&text).max(2) + 1);
        writeln!(w, "\n{fence}diff\n{}{fence}", text)?;
    }
    Ok(())
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// The JSON document: `{schema_version, summary, documents: [{vendor, document, url, state, diff,
/// criteria, ...}]}`.
pub fn to_json(results: &[Checked]) -> serde_json::Value {
    let documents: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            json!({
                "vendor": r.vendor,
                "document": r.document,
                "url": r.url,
                "state": r.state,
                "diff": r.diff.as_ref().map(|d| plain(&d.to_text())),
                "criteria": r.criteria,
                "final_url": r.final_url,
                "http_status": r.status,
                "detail": r.detail.as_ref().map(|t| plain(&t.en)),
                "stated_date": r.stated_date.as_deref().map(plain),
                "consecutive_failures": r.consecutive_failures,
                "changed_on": r.changed_on,
                "stored": r.stored,
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "summary": summary(results, Lang::En),
        "documents": documents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_stay_in_their_column() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(longest_backtick_run("a ```` b `` c"), 4);
    }
}
