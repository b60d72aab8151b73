//! Guidance from the source documents for the school itself: `advise` says, per scenario of using
//! video or images of pupils, whether parental consent is needed, on which basis the school relies
//! and what it must do (`scenarios`, rendered by `advise`). It reads no catalogue.

pub mod advise;
pub mod scenarios;

use std::io::Write;

use crate::catalogue::diag::did_you_mean;
use crate::cli::AdviseArgs;
use crate::criteria::judge::Lang;
use crate::error::{exit, Error};

/// Runs `vcaudit advise`.
pub fn run_advise(args: &AdviseArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, Error> {
    match &args.scenario {
        Some(id) => {
            let scenario = scenarios::find(id).ok_or_else(|| unknown_scenario(id))?;
            advise::one(scenario, args.format, lang, out)?;
        }
        None => advise::list(args.format, lang, out)?,
    }
    Ok(exit::SUCCESS)
}

fn unknown_scenario(id: &str) -> Error {
    let ids = scenarios::ALL.iter().map(|s| s.id);
    let hint = did_you_mean(id, ids.clone()).map_or_else(String::new, |h| format!("; {h}"));
    let all: Vec<&str> = ids.collect();
    Error::usage(format!("no scenario `{id}`{hint} (scenarios: {})", all.join(", ")))
}
