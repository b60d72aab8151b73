//! Writes a drafted [`Notice`] as a Word document (`notice --format docx`), the format schools edit
//! letters in. The parts and their order are those of the other formats in [`super::render`]: a
//! warning first, then the school's checklist, a page break, and the letter. Marks the school must
//! resolve stay visible as highlighted text (`[IN TE VULLEN: ...]` yellow, `[TE CONTROLEREN: ...]`
//! cyan, `[LET OP: ...]` bold red); web addresses are links. The document is built with docx-rs
//! in memory and written as one piece.

use std::io::{self, Cursor, Write};

use docx_rs::{BreakType, Docx, Hyperlink, HyperlinkType, Paragraph, Run, RunFonts, Style, StyleType};

use super::notice::{Notice, Para, Part, Span};
use super::render::{checklist_heading, is_item, is_web, school_heading};
use crate::i18n::Lang;

/// Writes the part of the notice as a Word document.
pub fn docx(n: &Notice, part: Part, w: &mut dyn Write) -> io::Result<()> {
    let mut doc = Docx::new()
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(22)
        .add_style(heading_style("Heading1", "heading 1", 32))
        .add_style(heading_style("Heading2", "heading 2", 26));
    let lang = n.lang;
    if let Some(alert) = &n.alert {
        doc = doc.add_paragraph(para(Paragraph::new().add_run(Run::new().add_text("⚠ ")), alert, lang));
    }
    if part != Part::Parents {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(school_heading(lang, part)).bold()));
        for p in &n.school_notes {
            doc = doc.add_paragraph(para(Paragraph::new(), p, lang));
        }
        if !n.checklist.is_empty() {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(checklist_heading(lang)).bold()));
            for p in &n.checklist {
                doc = doc.add_paragraph(para(item("☐ "), p, lang));
            }
        }
    }
    if part != Part::School {
        if part == Part::Both {
            // The letter starts on a page of its own, so the school's part can be torn off.
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .add_run(Run::new().add_text(&n.title)),
            )
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&n.greeting)));
        for s in &n.sections {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .style("Heading2")
                    .add_run(Run::new().add_text(&s.heading)),
            );
            for p in &s.paras {
                let start = if is_item(p) { item("• ") } else { Paragraph::new() };
                doc = doc.add_paragraph(para(start, p, lang));
            }
        }
        doc = doc.add_paragraph(Paragraph::new());
        for p in &n.closing {
            doc = doc.add_paragraph(para(Paragraph::new(), p, lang));
        }
    }
    let mut buf = Cursor::new(Vec::new());
    doc.pack(&mut buf).map_err(io::Error::other)?;
    w.write_all(buf.get_ref())
}

fn heading_style(id: &str, name: &str, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .size(size)
        .bold()
}

/// A paragraph that starts an item of a list, indented with its sign.
fn item(sign: &str) -> Paragraph {
    Paragraph::new()
        .indent(Some(360), Some(docx_rs::SpecialIndentType::Hanging(360)), None, None)
        .add_run(Run::new().add_text(sign))
}

/// Adds the spans of `p` to a paragraph, a space between them but not before punctuation.
fn para(mut out: Paragraph, p: &Para, lang: Lang) -> Paragraph {
    for (i, s) in p.iter().enumerate() {
        if i > 0 && !s.text().starts_with(['.', ',', ';', ':']) {
            out = out.add_run(Run::new().add_text(" "));
        }
        let marked = |s: &Span| format!("[{}: {}]", s.label(lang).unwrap_or_default(), s.text());
        out = match s {
            Span::Text(t) => out.add_run(Run::new().add_text(t)),
            Span::Link(u) if is_web(u) => out.add_hyperlink(
                Hyperlink::new(u, HyperlinkType::External)
                    .add_run(Run::new().add_text(u).color("0563C1").underline("single")),
            ),
            Span::Link(u) => out.add_run(Run::new().add_text(u)),
            Span::Fill(_) => out.add_run(Run::new().add_text(marked(s)).highlight("yellow")),
            Span::Check(_) => out.add_run(Run::new().add_text(marked(s)).highlight("cyan")),
            Span::Warn(_) => out.add_run(Run::new().add_text(marked(s)).bold().color("B00020")),
        };
    }
    out
}
