//! The questionnaire written out: a spreadsheet a bidder fills in (a sheet of instructions, and the
//! questions with empty, highlighted columns for the answer and the reference, printed on A4
//! landscape with the header row on every page), or Markdown (one section per question, with
//! places for the answer and the reference).

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::{weight_text, Item, Kind};
use crate::i18n::Lang;
use crate::report::{clean, markdown_cell, Heading};

/// The words of the questionnaire.
#[derive(Clone, Copy)]
pub(super) enum Label {
    Title,
    Sheet,
    Instructions,
    Number,
    Criterion,
    Kind,
    Weight,
    Question,
    Assessed,
    Why,
    Evidence,
    Answer,
    Reference,
    HowToAnswer,
    Eisen,
    Wensen,
    Profile,
}

impl Label {
    pub(super) fn text(self, lang: Lang) -> &'static str {
        let (en, nl) = match self {
            Label::Title => ("Questionnaire for bidders: video conferencing for remote teaching", "Vragenlijst voor inschrijvers: videobellen voor lessen op afstand"),
            Label::Sheet => ("Questionnaire", "Vragenlijst"),
            Label::Instructions => ("Instructions", "Toelichting"),
            Label::Number => ("No.", "Nr."),
            Label::Criterion => ("Criterion", "Criterium"),
            Label::Kind => ("Requirement or wish", "Eis of wens"),
            Label::Weight => ("Weight", "Gewicht"),
            Label::Question => ("Question", "Vraag"),
            Label::Assessed => ("What is assessed", "Wat wordt beoordeeld"),
            Label::Why => ("Why", "Waarom"),
            Label::Evidence => ("Evidence asked for", "Gevraagd bewijs"),
            Label::Answer => ("Answer of the bidder", "Antwoord van de inschrijver"),
            Label::Reference => ("Reference (document, section or URL)", "Verwijzing (document, paragraaf of URL)"),
            Label::HowToAnswer => (
                "Answer every question in the column \"Answer of the bidder\", and say in \"Reference\" where your documents show it (document, section or URL). Attach or link the evidence asked for.",
                "Beantwoord elke vraag in de kolom \"Antwoord van de inschrijver\" en geef bij \"Verwijzing\" aan waar uw documenten dit laten zien (document, paragraaf of URL). Voeg het gevraagde bewijs toe of verwijs ernaar.",
            ),
            Label::Eisen => (
                "A requirement (eis) is a knock-out criterion: a bid whose service does not meet it, or whose answer does not show that it does, is excluded. An unanswered requirement counts as not met.",
                "Een eis is een knock-outcriterium: een inschrijving waarvan de dienst er niet aan voldoet, of waarvan het antwoord niet laat zien dat hij eraan voldoet, valt af. Een eis zonder antwoord geldt als niet voldaan.",
            ),
            Label::Wensen => (
                "A wish (wens) is scored: each answer is assessed as met, met under conditions, not met or unknown, and counts with the weight given beside it.",
                "Een wens wordt gescoord: elk antwoord wordt beoordeeld als voldaan, voldaan onder voorwaarden, niet voldaan of onbekend, en telt mee met het gewicht dat erbij staat.",
            ),
            Label::Profile => ("Requirements and weights follow the profile", "Eisen en gewichten volgen het profiel"),
        };
        match lang {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }
}

/// The instructions to bidders, one paragraph each, ending with the profile they follow.
pub(super) fn instructions(lang: Lang, profile: &str) -> Vec<String> {
    let mut lines: Vec<String> = [Label::HowToAnswer, Label::Eisen, Label::Wensen]
        .iter()
        .map(|l| l.text(lang).to_owned())
        .collect();
    lines.push(format!("{}: {profile}", Label::Profile.text(lang)));
    lines
}

/// The title of the questionnaire: `--title`, else its own.
pub(super) fn title(heading: &Heading, lang: Lang) -> String {
    heading
        .title
        .clone()
        .unwrap_or_else(|| Label::Title.text(lang).to_owned())
}

/// The questionnaire as a spreadsheet.
pub fn xlsx(items: &[Item], lang: Lang, heading: &Heading, profile: &str, w: &mut dyn Write) -> io::Result<()> {
    let bytes = workbook(items, lang, heading, profile)
        .and_then(|mut wb| wb.save_to_buffer())
        .map_err(io::Error::other)?;
    w.write_all(&bytes)
}

fn workbook(items: &[Item], lang: Lang, heading: &Heading, profile: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let title = title(heading, lang);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = wrap.clone().set_bold();

    let intro = wb.add_worksheet();
    intro.set_name(Label::Instructions.text(lang))?;
    intro.set_column_width(0, 110)?;
    intro.write_string_with_format(0, 0, clean(&title), &bold.clone().set_font_size(14))?;
    let mut row = 1;
    if let Some(r) = heading.reference_line(lang) {
        intro.write_string_with_format(row, 0, r, &wrap)?;
        row += 1;
    }
    for line in [Label::HowToAnswer, Label::Eisen, Label::Wensen] {
        row += 1;
        intro.write_string_with_format(row, 0, line.text(lang), &wrap)?;
    }
    intro.write_string_with_format(row + 2, 0, format!("{}: {profile}", Label::Profile.text(lang)), &wrap)?;

    let ws = wb.add_worksheet();
    ws.set_name(Label::Sheet.text(lang))?;
    let head = bold
        .clone()
        .set_background_color(Color::RGB(0xEEEEEE))
        .set_border(FormatBorder::Thin);
    let cell = wrap.clone().set_border(FormatBorder::Thin);
    let answer = cell.clone().set_background_color(Color::RGB(0xFFF8DC)).set_unlocked();
    let columns = [
        (Label::Number, 5.0),
        (Label::Criterion, 24.0),
        (Label::Kind, 12.0),
        (Label::Weight, 8.0),
        (Label::Question, 45.0),
        (Label::Assessed, 40.0),
        (Label::Why, 40.0),
        (Label::Evidence, 36.0),
        (Label::Answer, 50.0),
        (Label::Reference, 28.0),
    ];
    for (i, (label, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, label.text(lang), &head)?;
        ws.set_column_width(i as u16, *width)?;
    }
    for (i, item) in items.iter().enumerate() {
        let r = 1 + i as u32;
        let c = item.criterion;
        let kind_format = match item.kind {
            Kind::Eis => cell.clone().set_bold(),
            _ => cell.clone(),
        };
        ws.write_number_with_format(r, 0, item.number as f64, &cell)?;
        ws.write_string_with_format(r, 1, format!("{}\n({})", c.title.get(lang), c.id), &cell)?;
        ws.write_string_with_format(r, 2, item.kind.label(lang), &kind_format)?;
        match item.kind.weight() {
            Some(w) => ws.write_number_with_format(r, 3, w, &cell)?,
            None => ws.write_string_with_format(r, 3, "", &cell)?,
        };
        ws.write_string_with_format(r, 4, item.question.ask.get(lang), &cell)?;
        ws.write_string_with_format(r, 5, c.checks.get(lang), &cell)?;
        ws.write_string_with_format(r, 6, c.rationale.get(lang), &cell)?;
        ws.write_string_with_format(r, 7, item.question.evidence.get(lang), &cell)?;
        ws.write_string_with_format(r, 8, "", &answer)?;
        ws.write_string_with_format(r, 9, "", &answer)?;
        ws.set_row_height(r, 150)?;
    }
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, items.len().max(1) as u32, (columns.len() - 1) as u16)?;
    ws.set_repeat_rows(0, 0)?;
    crate::report::print_setup(&mut wb, &title, heading.reference.as_deref(), lang);
    Ok(wb)
}

/// The questionnaire as Markdown: one section per question.
pub fn markdown(items: &[Item], lang: Lang, heading: &Heading, profile: &str, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# {}\n", markdown_cell(&title(heading, lang)))?;
    if let Some(r) = heading.reference_line(lang) {
        writeln!(w, "{}\n", markdown_cell(&r))?;
    }
    for line in [Label::HowToAnswer, Label::Eisen, Label::Wensen] {
        writeln!(w, "{}\n", line.text(lang))?;
    }
    writeln!(w, "{}: {}\n", Label::Profile.text(lang), markdown_cell(profile))?;
    for item in items {
        let c = item.criterion;
        let kind = kind_line(item, lang);
        writeln!(w, "## {}. {} — {kind}\n", item.number, c.title.get(lang))?;
        writeln!(w, "`{}`\n", c.id)?;
        writeln!(
            w,
            "**{}** {}\n",
            Label::Question.text(lang),
            item.question.ask.get(lang)
        )?;
        writeln!(w, "**{}** {}\n", Label::Assessed.text(lang), c.checks.get(lang))?;
        writeln!(w, "**{}** {}\n", Label::Why.text(lang), c.rationale.get(lang))?;
        writeln!(
            w,
            "**{}** {}\n",
            Label::Evidence.text(lang),
            item.question.evidence.get(lang)
        )?;
        writeln!(w, "**{}:**\n\n> …\n", Label::Answer.text(lang))?;
        writeln!(w, "**{}:**\n\n> …\n", Label::Reference.text(lang))?;
    }
    Ok(())
}

/// Eis or wens of a question, with the weight of a wens: "wens, gewicht 3".
pub fn kind_line(item: &Item, lang: Lang) -> String {
    match item.kind.weight() {
        Some(weight) => format!(
            "{}, {} {}",
            item.kind.label(lang),
            Label::Weight.text(lang).to_lowercase(),
            weight_text(weight)
        ),
        None => item.kind.label(lang).to_owned(),
    }
}
