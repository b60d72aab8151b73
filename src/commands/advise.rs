//! `vcaudit advise`: per scenario of video with pupils, whether parental consent is needed, the
//! legal basis and the duties of the school, or the list of scenarios. Reads no catalogue.

use std::io::Write;

use super::Context;
use crate::catalogue::diag::did_you_mean;
use crate::cli::AdviseArgs;
use crate::error::{exit, Error};
use crate::guidance::{advise, scenarios};

/// Runs `vcaudit advise`.
pub fn run(ctx: &Context, args: &AdviseArgs, out: &mut dyn Write) -> Result<u8, Error> {
    match &args.scenario {
        Some(id) => {
            let scenario = scenarios::find(id).ok_or_else(|| unknown_scenario(id))?;
            advise::one(scenario, args.format, ctx.lang, out)?;
        }
        None => advise::list(args.format, ctx.lang, out)?,
    }
    Ok(exit::SUCCESS)
}

/// An unknown scenario, with the closest id and the list of all.
fn unknown_scenario(id: &str) -> Error {
    let ids = scenarios::ALL.iter().map(|s| s.id);
    let hint = did_you_mean(id, ids.clone()).map_or_else(String::new, |h| format!("; {h}"));
    let all: Vec<&str> = ids.collect();
    Error::usage(format!("no scenario `{id}`{hint} (scenarios: {})", all.join(", ")))
}
