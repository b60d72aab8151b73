//! The change report of a watch run, in three formats: a terminal table with the diffs below it, a
//! Markdown report ready to paste into an e-mail or a ticket, and JSON for tools. Everything that
//! came from the web (diff text, URLs, dates, error details) passes through [`plain`] first, so no
//! terminal escape sequence from a page reaches a terminal.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde_json::json;

use super::state::{Checked, State};

/// Version of the watch JSON output; raised only when a documented key changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The output formats of `watch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

/// Removes terminal escape sequences (CSI, OSC and other `ESC` sequences) and control characters
/// from text; keeps newlines and tabs.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte in @..~
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: up to BEL or ESC \
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' {
                            break;
                        }
                        if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            },
            // The 8-bit CSI.
            '\u{9b}' => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the report of `results` in `format`. `color` only ever affects the table.
pub fn render(results: &[Checked], format: Format, color: bool, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table(results, color, w),
        Format::Markdown => markdown(results, w),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, &to_json(results)).map_err(io::Error::other)?;
            writeln!(w)
        }
    }
}

/// The counts line: how many documents are in each state.
fn summary(results: &[Checked]) -> String {
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
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    format!(
        "{} document{} checked: {}",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    )
}

fn detail(r: &Checked) -> String {
    let mut d = r.detail.as_deref().map(plain).unwrap_or_default();
    if r.consecutive_failures > 1 {
        d.push_str(&format!(" ({} checks in a row)", r.consecutive_failures));
    }
    if let Some(date) = &r.stated_date {
        if matches!(r.state, State::Changed | State::Moved) {
            let sep = if d.is_empty() { "" } else { "; " };
            d.push_str(&format!("{sep}states: {}", plain(date)));
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

fn table(results: &[Checked], color: bool, w: &mut dyn Write) -> io::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(["document", "state", "detail"]);
    for r in results {
        let state = if color {
            let s = state_style(r.state);
            format!("{s}{}{s:#}", r.state.as_str())
        } else {
            r.state.as_str().to_owned()
        };
        t.add_row(vec![format!("{}/{}", r.vendor, r.document), state, detail(r)]);
    }
    writeln!(w, "{t}")?;
    for r in results.iter().filter(|r| r.diff.is_some()) {
        writeln!(w)?;
        writeln!(w, "{}/{} {}: {}", r.vendor, r.document, r.state.as_str(), plain(&r.url))?;
        if !r.criteria.is_empty() {
            writeln!(w, "may touch: {}", r.criteria.join(", "))?;
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
    writeln!(w, "{}", summary(results))
}

/// A Markdown table cell: one line, pipes and backslashes escaped.
fn cell(s: &str) -> String {
    plain(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn markdown(results: &[Checked], w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# Policy watch\n")?;
    writeln!(w, "{}\n", summary(results))?;
    writeln!(w, "| document | state | detail |")?;
    writeln!(w, "|---|---|---|")?;
    for r in results {
        writeln!(
            w,
            "| {}/{} | {} | {} |",
            cell(&r.vendor),
            cell(&r.document),
            r.state.as_str(),
            cell(&detail(r))
        )?;
    }
    for r in results.iter().filter(|r| r.diff.is_some()) {
        writeln!(w, "\n## {}/{}: {}\n", r.vendor, r.document, r.state.as_str())?;
        writeln!(w, "- address: <{}>", plain(&r.url).replace('>', "%3E"))?;
        if let Some(f) = &r.final_url {
            writeln!(w, "- now served from: <{}>", plain(f).replace('>', "%3E"))?;
        }
        if let Some(d) = &r.stated_date {
            writeln!(w, "- the document states: {}", cell(d))?;
        }
        if !r.criteria.is_empty() {
            writeln!(w, "- may touch the criteria: {}", r.criteria.join(", "))?;
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
                "detail": r.detail.as_deref().map(plain),
                "stated_date": r.stated_date.as_deref().map(plain),
                "consecutive_failures": r.consecutive_failures,
                "changed_on": r.changed_on,
                "stored": r.stored,
            })
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "summary": summary(results),
        "documents": documents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed() {
        assert_eq!(plain("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(plain("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(plain("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(plain("tab\tline\nbell\u{7}"), "tab\tline\nbell");
    }

    #[test]
    fn markdown_cells_stay_in_their_column() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(longest_backtick_run("a ```` b `` c"), 4);
    }
}
