//! Writes a drafted [`Notice`] as Markdown, as a standalone HTML page, as plain text or (through
//! [`super::docx`]) as a Word document. Marks the
//! school must resolve stay visible in every format (`**[TE CONTROLEREN: ...]**`, a highlighted
//! `<mark>`, `[TE CONTROLEREN: ...]`); a not-suitable verdict opens the document. HTML escapes
//! every piece of text, whatever its origin.

use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};

use super::notice::{Notice, Para, Part, Span};
use crate::i18n::Lang;

/// The formats of the notice (`notice --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NoticeFormat {
    Markdown,
    Html,
    Text,
    /// A Word document, to edit before sending
    Docx,
}

impl NoticeFormat {
    /// The format for a file name's extension (`-o brief.docx`), if it names one.
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "md" | "markdown" => Some(NoticeFormat::Markdown),
            "html" | "htm" => Some(NoticeFormat::Html),
            "txt" => Some(NoticeFormat::Text),
            "docx" => Some(NoticeFormat::Docx),
            _ => None,
        }
    }
}

/// Writes the part of the notice in a format.
pub fn render(n: &Notice, format: NoticeFormat, part: Part, w: &mut dyn Write) -> io::Result<()> {
    match format {
        NoticeFormat::Markdown => markdown(n, part, w),
        NoticeFormat::Html => html(n, part, w),
        NoticeFormat::Text => text(n, part, w),
        NoticeFormat::Docx => super::docx::docx(n, part, w),
    }
}

pub(super) fn school_heading(lang: Lang, part: Part) -> &'static str {
    match (lang, part) {
        (Lang::En, Part::School) => "For the school",
        (Lang::Nl, Part::School) => "Voor de school",
        (Lang::En, _) => "For the school (not part of the letter; remove before sending)",
        (Lang::Nl, _) => "Voor de school (geen deel van de brief; haal dit weg voor verzending)",
    }
}

pub(super) fn checklist_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "What the school must arrange (settings and contract terms):",
        Lang::Nl => "Wat de school moet regelen (instellingen en afspraken in het contract):",
    }
}

fn letter_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The letter to the parents",
        Lang::Nl => "De brief aan de ouders",
    }
}

fn mark(s: &Span, lang: Lang) -> String {
    match s.label(lang) {
        Some(label) => format!("[{label}: {}]", s.text()),
        None => s.text().to_owned(),
    }
}

/// Makes text safe in Markdown: no HTML, no emphasis, no links of its own.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '*' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Joins the rendered spans of a paragraph with spaces, but not before punctuation.
fn joined(p: &Para, f: impl Fn(&Span) -> String) -> String {
    let mut out = String::new();
    for s in p {
        if !out.is_empty() && !s.text().starts_with(['.', ',', ';', ':']) {
            out.push(' ');
        }
        out.push_str(&f(s));
    }
    out
}

/// A paragraph that is only a check or a warning is shown as an item of a to-do list.
pub(super) fn is_item(p: &Para) -> bool {
    matches!(p.as_slice(), [Span::Check(_) | Span::Warn(_)])
}

fn md_para(p: &Para, lang: Lang) -> String {
    joined(p, |s| match s {
        Span::Text(t) => md(t),
        Span::Link(u) if is_web(u) => format!("<{u}>"),
        Span::Link(u) => md(u),
        _ => format!("**[{}: {}]**", s.label(lang).unwrap_or_default(), md(s.text())),
    })
}

pub(super) fn is_web(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
}

fn markdown(n: &Notice, part: Part, w: &mut dyn Write) -> io::Result<()> {
    let lang = n.lang;
    if let Some(alert) = &n.alert {
        writeln!(w, "> ⚠ {}\n", md_para(alert, lang))?;
    }
    if part != Part::Parents {
        writeln!(w, "> **{}**", school_heading(lang, part))?;
        for p in &n.school_notes {
            writeln!(w, ">\n> {}", md_para(p, lang))?;
        }
        if !n.checklist.is_empty() {
            writeln!(w, ">\n> **{}**\n>", checklist_heading(lang))?;
            for p in &n.checklist {
                writeln!(w, "> - [ ] {}", md_para(p, lang))?;
            }
        }
    }
    if part == Part::School {
        return Ok(());
    }
    if part == Part::Both {
        writeln!(w, "\n---\n\n<!-- {} -->\n", letter_heading(lang))?;
    }
    writeln!(w, "# {}", md(&n.title))?;
    writeln!(w, "\n{}", md(&n.greeting))?;
    for s in &n.sections {
        writeln!(w, "\n## {}", md(&s.heading))?;
        let mut in_list = false;
        for p in &s.paras {
            if is_item(p) {
                let gap = if in_list { "" } else { "\n" };
                writeln!(w, "{gap}- {}", md_para(p, lang))?;
                in_list = true;
            } else {
                writeln!(w, "\n{}", md_para(p, lang))?;
                in_list = false;
            }
        }
    }
    writeln!(w)?;
    let closing: Vec<String> = n.closing.iter().map(|p| md_para(p, lang)).collect();
    writeln!(w, "{}", closing.join("  \n"))
}

fn html_para(p: &Para, lang: Lang) -> String {
    joined(p, |s| match s {
        Span::Text(t) => esc(t).into_owned(),
        Span::Link(u) if is_web(u) => format!("<a href=\"{}\">{}</a>", attr(u), esc(u)),
        Span::Link(u) => esc(u).into_owned(),
        Span::Fill(_) => format!("<mark class=\"fill\">{}</mark>", esc(&mark(s, lang))),
        Span::Check(_) => format!("<mark class=\"check\">{}</mark>", esc(&mark(s, lang))),
        Span::Warn(_) => format!("<strong class=\"warn\">{}</strong>", esc(&mark(s, lang))),
    })
}

const STYLE: &str =
    "body{font-family:system-ui,sans-serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5}\
.alert{border:3px solid #b00020;background:#fde7ea;padding:.5em 1em;font-weight:bold}\
.for-school{border:2px dashed #777;background:#f4f4f4;padding:.5em 1em;margin:1em 0 2em}\
@media print{.for-school{break-after:page}}\
mark.fill{background:#fff176}mark.check{background:#ffcc80}strong.warn{color:#b00020}";

fn html(n: &Notice, part: Part, w: &mut dyn Write) -> io::Result<()> {
    let lang = n.lang;
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        w,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(&n.title)
    )?;
    if let Some(alert) = &n.alert {
        writeln!(
            w,
            "<div class=\"alert\" role=\"alert\"><p>⚠ {}</p></div>",
            html_para(alert, lang)
        )?;
    }
    if part != Part::Parents {
        writeln!(
            w,
            "<aside class=\"for-school\">\n<p><strong>{}</strong></p>",
            esc(school_heading(lang, part))
        )?;
        for p in &n.school_notes {
            writeln!(w, "<p>{}</p>", html_para(p, lang))?;
        }
        if !n.checklist.is_empty() {
            writeln!(
                w,
                "<p><strong>{}</strong></p>\n<ul class=\"todo\">",
                esc(checklist_heading(lang))
            )?;
            for p in &n.checklist {
                writeln!(w, "<li>{}</li>", html_para(p, lang))?;
            }
            writeln!(w, "</ul>")?;
        }
        writeln!(w, "</aside>")?;
    }
    if part == Part::School {
        return writeln!(w, "</body>\n</html>");
    }
    writeln!(w, "<main>\n<h1>{}</h1>\n<p>{}</p>", esc(&n.title), esc(&n.greeting))?;
    for s in &n.sections {
        writeln!(w, "<h2>{}</h2>", esc(&s.heading))?;
        let mut in_list = false;
        for p in &s.paras {
            if is_item(p) {
                if !in_list {
                    writeln!(w, "<ul class=\"todo\">")?;
                }
                writeln!(w, "<li>{}</li>", html_para(p, lang))?;
                in_list = true;
            } else {
                if in_list {
                    writeln!(w, "</ul>")?;
                }
                writeln!(w, "<p>{}</p>", html_para(p, lang))?;
                in_list = false;
            }
        }
        if in_list {
            writeln!(w, "</ul>")?;
        }
    }
    let closing: Vec<String> = n.closing.iter().map(|p| html_para(p, lang)).collect();
    writeln!(w, "<p>{}</p>\n</main>\n</body>\n</html>", closing.join("<br>\n"))
}

/// Wraps text at `width` columns, breaking only at spaces, each line after `indent`.
fn wrap(s: &str, width: usize, indent: &str) -> String {
    crate::report::wrap(s, width)
        .into_iter()
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

fn text_para(p: &Para, lang: Lang) -> String {
    joined(p, |s| mark(s, lang))
}

fn text(n: &Notice, part: Part, w: &mut dyn Write) -> io::Result<()> {
    let lang = n.lang;
    const WIDTH: usize = 76;
    if let Some(alert) = &n.alert {
        let bar = "!".repeat(WIDTH);
        write!(w, "{bar}\n{}{bar}\n\n", wrap(&text_para(alert, lang), WIDTH - 3, "!! "))?;
    }
    if part != Part::Parents {
        let dashes = "-".repeat(WIDTH);
        write!(w, "{dashes}\n{}", wrap(school_heading(lang, part), WIDTH - 2, "| "))?;
        for p in &n.school_notes {
            write!(w, "{}", wrap(&text_para(p, lang), WIDTH - 2, "| "))?;
        }
        if !n.checklist.is_empty() {
            write!(w, "|\n{}", wrap(checklist_heading(lang), WIDTH - 2, "| "))?;
            for p in &n.checklist {
                let item = wrap(&text_para(p, lang), WIDTH - 8, "|       ");
                write!(w, "|   [ ] {}", item.strip_prefix("|       ").unwrap_or(&item))?;
            }
        }
        writeln!(w, "{dashes}\n")?;
    }
    if part == Part::School {
        return Ok(());
    }
    let title = crate::report::clean(&n.title);
    writeln!(w, "{title}\n{}\n", "=".repeat(title.chars().count().min(WIDTH)))?;
    writeln!(w, "{}", n.greeting)?;
    for s in &n.sections {
        writeln!(w, "\n{}\n{}", s.heading, "-".repeat(s.heading.chars().count()))?;
        let mut in_list = false;
        for p in &s.paras {
            if is_item(p) {
                let gap = if in_list { "" } else { "\n" };
                let item = wrap(&text_para(p, lang), WIDTH - 2, "  ");
                write!(w, "{gap}- {}", item.strip_prefix("  ").unwrap_or(&item))?;
                in_list = true;
            } else {
                write!(w, "\n{}", wrap(&text_para(p, lang), WIDTH, ""))?;
                in_list = false;
            }
        }
    }
    writeln!(w)?;
    for p in &n.closing {
        write!(w, "{}", wrap(&text_para(p, lang), WIDTH, ""))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_sticks_to_the_mark_before_it() {
        let p = vec![
            Span::Text("Het draait op".into()),
            Span::Fill("welke server".into()),
            Span::Text(".".into()),
        ];
        assert_eq!(text_para(&p, Lang::Nl), "Het draait op [IN TE VULLEN: welke server].");
    }

    #[test]
    fn markdown_text_cannot_inject_links_or_html() {
        let p = vec![Span::Text("[klik](https://x.example) <img src=x> *vet*".into())];
        assert_eq!(
            md_para(&p, Lang::Nl),
            "\\[klik\\](https://x.example) &lt;img src=x&gt; \\*vet\\*"
        );
        let link = vec![Span::Link("javascript:alert(1)".into())];
        assert!(!html_para(&link, Lang::Nl).contains("href"));
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let s = "een twee drie vier vijf zes zeven acht negen tien";
        let w = wrap(s, 12, "| ");
        assert!(w.lines().all(|l| l.chars().count() <= 14), "{w}");
        let words: Vec<&str> = w.lines().flat_map(|l| l.trim_start_matches("| ").split(' ')).collect();
        assert_eq!(words.join(" "), s);
    }
}
