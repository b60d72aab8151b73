//! `vcaudit advise`: per scenario of video with pupils, whether parental consent is needed, the
//! legal basis and the duties of the school, or the list of scenarios. Reads no catalogue.

use std::io::Write;

use super::Context;
use crate::catalogue::diag::did_you_mean;
use crate::cli::AdviseArgs;
use crate::error::{exit, Error};
use crate::guidance::advise::{self, AdviseFormat};
use crate::guidance::scenarios;
use crate::report::output::{extension, write_out};

/// Runs `vcaudit advise`.
pub fn run(ctx: &Context, args: &AdviseArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let format = advise_format(args)?;
    let scenario = match &args.scenario {
        Some(id) => Some(scenarios::find(id).ok_or_else(|| unknown_scenario(id))?),
        None => None,
    };
    write_out(args.output.as_deref(), false, out, &|w| match scenario {
        Some(s) => advise::one(s, format, ctx.lang, w),
        None => advise::list(format, ctx.lang, w),
    })?;
    Ok(exit::SUCCESS)
}

/// `--format`, else the format the `--output` extension names, else the terminal text.
fn advise_format(args: &AdviseArgs) -> Result<AdviseFormat, Error> {
    let Some(path) = args.output.as_deref().filter(|_| args.format.is_none()) else {
        return Ok(args.format.unwrap_or(AdviseFormat::Table));
    };
    match extension(path).as_str() {
        "md" | "markdown" => Ok(AdviseFormat::Markdown),
        "json" => Ok(AdviseFormat::Json),
        "txt" => Ok(AdviseFormat::Table),
        _ => Err(Error::usage(format!(
            "cannot tell the format of `{}` from its extension; use --format, or a name ending in \
             .md, .json or .txt",
            path.display()
        ))),
    }
}

/// An unknown scenario, with the closest id and the list of all.
fn unknown_scenario(id: &str) -> Error {
    let ids = scenarios::ALL.iter().map(|s| s.id);
    let hint = did_you_mean(id, ids.clone()).map_or_else(String::new, |h| format!("; {h}"));
    let all: Vec<&str> = ids.collect();
    Error::usage(format!("no scenario `{id}`{hint} (scenarios: {})", all.join(", ")))
}
