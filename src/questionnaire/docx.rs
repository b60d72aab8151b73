//! The questionnaire as a Word document (docx-rs), for a tender's documents: A4 landscape, the
//! title and reference in the page header and "page N of M" in the footer, the instructions, then
//! per question a heading with eis or wens (and its weight), the question, what is assessed, why,
//! the evidence asked for, and a two-row table with empty, shaded cells for the bidder's answer
//! and reference.

use std::io::{self, Write};

use docx_rs::{
    Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph, Run, Shading, Table, TableCell, TableRow, WidthType,
};

use super::render::{instructions, kind_line, title, Label};
use super::Item;
use crate::i18n::Lang;
use crate::report::{clean, Heading};

/// A4 landscape in twentieths of a point.
const PAGE: (u32, u32) = (16_838, 11_906);
/// The width of the text between the margins.
const TEXT_WIDTH: usize = 16_838 - 2 * 1_134;

fn text(s: &str) -> Run {
    Run::new().add_text(clean(s))
}

fn para(s: &str) -> Paragraph {
    Paragraph::new().add_run(text(s))
}

/// A paragraph that opens with a bold label.
fn labelled(label: &str, s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{label}: ")).bold())
        .add_run(text(s))
}

/// The questionnaire as a Word document.
pub fn docx(items: &[Item], lang: Lang, heading: &Heading, profile: &str, w: &mut dyn Write) -> io::Result<()> {
    let title = title(heading, lang);
    let mut head = Paragraph::new().add_run(text(&title).bold());
    if let Some(r) = heading.reference_line(lang) {
        head = head.add_run(text(&format!(" · {r}")));
    }
    let (page, of) = match lang {
        Lang::En => ("Page", "of"),
        Lang::Nl => ("Pagina", "van"),
    };
    let foot = Paragraph::new()
        .add_run(Run::new().add_text(format!("{page} ")))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(format!(" {of} ")))
        .add_num_pages(NumPages::new());
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_orient(docx_rs::PageOrientationType::Landscape)
        .page_margin(PageMargin::new().top(1_134).bottom(1_134).left(1_134).right(1_134))
        .default_size(20)
        .header(Header::new().add_paragraph(head))
        .footer(Footer::new().add_paragraph(foot))
        .add_paragraph(Paragraph::new().add_run(text(&title).bold().size(32)));
    if let Some(r) = heading.reference_line(lang) {
        doc = doc.add_paragraph(para(&r));
    }
    for line in instructions(lang, profile) {
        doc = doc.add_paragraph(para(&line));
    }
    for item in items {
        let c = item.criterion;
        let kind = kind_line(item, lang);
        doc = doc
            .add_paragraph(Paragraph::new())
            .add_paragraph(
                Paragraph::new()
                    .add_run(
                        text(&format!("{}. {} — {kind}", item.number, c.title.get(lang)))
                            .bold()
                            .size(26),
                    )
                    .add_run(text(&format!("  ({})", c.id)).size(18)),
            )
            .add_paragraph(labelled(Label::Question.text(lang), item.question.ask.get(lang)))
            .add_paragraph(labelled(Label::Assessed.text(lang), c.checks.get(lang)))
            .add_paragraph(labelled(Label::Why.text(lang), c.rationale.get(lang)))
            .add_paragraph(labelled(Label::Evidence.text(lang), item.question.evidence.get(lang)))
            .add_table(answer_table(lang));
    }
    let mut buf = io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(io::Error::other)?;
    w.write_all(&buf.into_inner())
}

/// The bidder's answer and reference: a label and an empty, shaded cell each.
fn answer_table(lang: Lang) -> Table {
    let label_width = TEXT_WIDTH / 4;
    let row = |label: &str, height: f32| {
        TableRow::new(vec![
            TableCell::new()
                .width(label_width, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(label).bold())),
            TableCell::new()
                .width(TEXT_WIDTH - label_width, WidthType::Dxa)
                .shading(Shading::new().fill("FFF8DC"))
                .add_paragraph(Paragraph::new()),
        ])
        .row_height(height)
    };
    Table::new(vec![
        row(Label::Answer.text(lang), 1_400.0),
        row(Label::Reference.text(lang), 500.0),
    ])
    .set_grid(vec![label_width, TEXT_WIDTH - label_width])
    .width(TEXT_WIDTH, WidthType::Dxa)
}
