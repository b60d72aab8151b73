//! `vcaudit questionnaire`: the criteria as questions to bidders, eisen and wensen as the profile
//! says, as a spreadsheet or Word document to fill in, or as Markdown; to a file (replaced in one step) or to
//! standard output (never a spreadsheet on a terminal).

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Context;
use crate::cli::{QuestionnaireArgs, QuestionnaireFormat};
use crate::error::{exit, Error};
use crate::questionnaire::{self, render};
use crate::report::{output::replace, Heading};

/// Runs `vcaudit questionnaire`.
pub fn run(ctx: &Context, args: &QuestionnaireArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let format = format(args.format, args.output.as_deref())?;
    let profile = ctx.profile()?;
    let items = questionnaire::items(profile);
    let heading = Heading::new(args.title.as_deref(), args.reference.as_deref());
    let profile_name = match (ctx.lang, profile.name.as_str()) {
        (crate::i18n::Lang::Nl, "default") => "standaard",
        (_, name) => name,
    };
    let mut buf = Vec::new();
    match format {
        QuestionnaireFormat::Xlsx => render::xlsx(&items, ctx.lang, &heading, profile_name, &mut buf)?,
        QuestionnaireFormat::Markdown => render::markdown(&items, ctx.lang, &heading, profile_name, &mut buf)?,
        QuestionnaireFormat::Docx => questionnaire::docx::docx(&items, ctx.lang, &heading, profile_name, &mut buf)?,
    }
    match &args.output {
        Some(path) => replace(path, &buf).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?,
        None => {
            if format != QuestionnaireFormat::Markdown && std::io::stdout().is_terminal() {
                return Err(Error::usage(
                    "a spreadsheet or Word document cannot be shown on a terminal; use --output FILE or redirect standard output",
                ));
            }
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    Ok(exit::SUCCESS)
}

/// `--format`, else the extension of `--output`, else Markdown.
fn format(asked: Option<QuestionnaireFormat>, file: Option<&Path>) -> Result<QuestionnaireFormat, Error> {
    if let Some(f) = asked {
        return Ok(f);
    }
    let Some(path) = file else {
        return Ok(QuestionnaireFormat::Markdown);
    };
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => Ok(QuestionnaireFormat::Xlsx),
        Some("docx") => Ok(QuestionnaireFormat::Docx),
        Some("md" | "markdown") => Ok(QuestionnaireFormat::Markdown),
        _ => Err(Error::usage(format!(
            "cannot tell the format of `{}` from its extension; use --format, or a name ending in .xlsx, .docx or .md",
            path.display()
        ))),
    }
}
