//! `vcaudit school init|check|page`: the school's own assessment ([`crate::school`]). `init`
//! writes a template from the evaluation of the services named; `check` reads a school file and
//! reports per service the catalogue's verdict and the school's, in the format asked for, with
//! `--fail-on` gating the exit code on the school's verdicts as `audit` does; `page` writes the
//! page for parents. A school file with errors is refused with every problem listed (exit 3).

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::{checked_catalogue, evaluation, Context, Observed};
use crate::catalogue::Catalogue;
use crate::cli::{FailOn, SchoolCheckArgs, SchoolCommand, SchoolFormat};
use crate::error::{exit, Error};
use crate::evaluate::Verdict;
use crate::report::output::{self, Destination};
use crate::report::Format;
use crate::school::{self, Loaded};

/// Runs `vcaudit school ...`.
pub fn run(ctx: &Context, cmd: &SchoolCommand, out: &mut dyn Write) -> Result<u8, Error> {
    match cmd {
        SchoolCommand::Init { services } => init(ctx, services, out),
        SchoolCommand::Check(args) => check(ctx, args, out),
        SchoolCommand::Page { file, output } => page(ctx, file, output.as_deref(), out),
    }
}

fn init(ctx: &Context, services: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let results = if services.is_empty() {
        Vec::new()
    } else {
        evaluation(ctx, services)?.1.results
    };
    out.write_all(school::init::template(&results, ctx.lang).as_bytes())?;
    out.flush()?;
    Ok(exit::SUCCESS)
}

/// Reads and checks a school file against the checked catalogue; every problem of the file is in
/// the error.
pub fn load(ctx: &Context, path: &Path) -> Result<(Catalogue, Loaded), Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let profile = ctx.profile()?;
    let latest = ctx.check_options()?.latest;
    let catalogue = checked_catalogue(ctx)?;
    let observed = Observed::read(ctx)?;
    let inputs = observed.inputs(ctx, profile);
    let name = path.display().to_string();
    match school::load(&name, &text, &catalogue, &inputs, latest) {
        Ok(loaded) => Ok((catalogue, loaded)),
        Err(diagnostics) => Err(Error::InvalidSchoolFile(name, diagnostics)),
    }
}

fn check(ctx: &Context, args: &SchoolCheckArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let to = Destination {
        format: args.format.map(report_format),
        file: args.output.as_deref(),
        title: None,
        reference: None,
    };
    let format = match output::format(to)? {
        Format::Csv => {
            return Err(Error::usage(
                "`school check` writes table, json, markdown, html or xlsx, not csv",
            ))
        }
        f => f,
    };
    let (_, loaded) = load(ctx, &args.file)?;
    let a = &loaded.assessment;
    let lang = ctx.lang;
    let bytes = match format {
        Format::Json => {
            let mut b = serde_json::to_vec_pretty(&school::render::json(a, lang))
                .map_err(|e| Error::Runtime(format!("cannot write the JSON: {e}")))?;
            b.push(b'\n');
            b
        }
        Format::Markdown => school::render::markdown(a, lang).into_bytes(),
        Format::Html => school::render::html(a, lang).into_bytes(),
        Format::Xlsx => {
            if args.output.is_none() && std::io::stdout().is_terminal() {
                return Err(Error::usage(
                    "a spreadsheet cannot be shown on a terminal; use --output FILE.xlsx or redirect standard output",
                ));
            }
            school::xlsx::xlsx(a, lang).map_err(|e| Error::Runtime(format!("cannot write the spreadsheet: {e}")))?
        }
        Format::Table | Format::Csv => school::render::table(a, lang).into_bytes(),
    };
    write(args.output.as_deref(), &bytes, out)?;
    Ok(gate(a.services.iter().map(|s| s.verdict()), args.fail_on))
}

/// Writes to the file, replaced in one step, or to standard output.
fn write(file: Option<&Path>, bytes: &[u8], out: &mut dyn Write) -> Result<(), Error> {
    match file {
        Some(path) => output::replace(path, bytes).map_err(|source| Error::Write {
            path: path.to_owned(),
            source,
        }),
        None => {
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

fn report_format(f: SchoolFormat) -> Format {
    match f {
        SchoolFormat::Table => Format::Table,
        SchoolFormat::Json => Format::Json,
        SchoolFormat::Markdown => Format::Markdown,
        SchoolFormat::Html => Format::Html,
        SchoolFormat::Xlsx => Format::Xlsx,
    }
}

/// The exit code with `--fail-on`, as for `audit`, from the school's verdicts.
fn gate(mut verdicts: impl Iterator<Item = Verdict>, fail_on: Option<FailOn>) -> u8 {
    let Some(level) = fail_on else { return exit::SUCCESS };
    let threshold = match level {
        FailOn::NotSuitable => Verdict::NotSuitable,
        FailOn::InsufficientInformation => Verdict::InsufficientInformation,
        FailOn::Conditions => Verdict::SuitableWithConditions,
    };
    if verdicts.any(|v| v >= threshold) {
        exit::FINDINGS
    } else {
        exit::SUCCESS
    }
}

fn page(ctx: &Context, file: &Path, output: Option<&Path>, out: &mut dyn Write) -> Result<u8, Error> {
    let (_, loaded) = load(ctx, file)?;
    let html = school::page::page(&loaded.assessment, ctx.lang);
    write(output, html.as_bytes(), out)?;
    Ok(exit::SUCCESS)
}

/// The service of a loaded school file that `wanted` names (`zoom/education`, or `zoom` when the
/// file has one Zoom service), or its only service when `wanted` is `None`.
pub fn pick<'a>(loaded: &'a Loaded, wanted: Option<&str>) -> Result<&'a school::ServiceAssessment, Error> {
    let services = &loaded.assessment.services;
    let matching: Vec<&school::ServiceAssessment> = services
        .iter()
        .filter(|s| wanted.is_none_or(|w| s.service.key() == w || s.service.vendor == w))
        .collect();
    let keys = || services.iter().map(|s| s.service.key()).collect::<Vec<_>>().join(", ");
    match matching.as_slice() {
        [one] => Ok(one),
        [] if services.is_empty() => Err(Error::usage("the school file lists no services")),
        [] => Err(Error::usage(format!(
            "the school file has no service `{}`; it has: {}",
            wanted.unwrap_or_default(),
            keys()
        ))),
        _ => Err(Error::usage(format!(
            "the school file has several services; name one: {}",
            keys()
        ))),
    }
}
