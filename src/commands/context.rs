//! The global options, checked once before any command runs: the day evaluations are made on
//! (`--as-of`, parsed here and nowhere else), the language, the one colour decision, where the
//! catalogue comes from, the snapshot store and the profile. Every command receives this
//! [`Context`] instead of the raw command line.

use std::cell::OnceCell;
use std::io::IsTerminal;
use std::path::PathBuf;

use jiff::civil::Date;

use crate::catalogue::{CheckOptions, Origin};
use crate::cli::{ColorChoice, Global};
use crate::criteria::profile::{self, Profile};
use crate::error::Error;
use crate::evaluate::{EvidenceChecks, SourceChanges};
use crate::i18n::Lang;

/// The checked global options.
#[derive(Debug)]
pub struct Context {
    /// The day evaluations are made on: `--as-of` or today.
    pub today: Date,
    /// The latest day a date in the catalogue may name: today, or a later `--as-of` day.
    latest: Date,
    /// The language of human-readable output.
    pub lang: Lang,
    /// Whether terminal output is coloured.
    pub color: bool,
    /// `--catalogue DIR`, else the catalogue built in.
    catalogue: Option<PathBuf>,
    /// `--state DIR`, else the default snapshot store.
    pub state: Option<PathBuf>,
    /// `--profile FILE`, else the default profile.
    profile_file: Option<PathBuf>,
    /// The profile, read when a command first asks for it (a command that needs none does not
    /// fail on a broken profile file).
    profile: OnceCell<Profile>,
}

impl Context {
    /// Checks the global options; a wrong `--as-of` is a usage error for every command.
    pub fn new(global: &Global) -> Result<Self, Error> {
        let now = jiff::Zoned::now().date();
        let today = match &global.as_of {
            Some(arg) => as_of(arg)?,
            None => now,
        };
        Ok(Context {
            today,
            latest: today.max(now),
            lang: global.lang,
            color: use_color(global.color),
            catalogue: global.catalogue.clone(),
            state: global.state.clone(),
            profile_file: global.profile.clone(),
            profile: OnceCell::new(),
        })
    }

    /// The profile: `--profile FILE` or the default, read once.
    pub fn profile(&self) -> Result<&Profile, Error> {
        if let Some(p) = self.profile.get() {
            return Ok(p);
        }
        let loaded = match &self.profile_file {
            Some(path) => profile::load(path).map_err(|e| match e {
                profile::LoadError::Read(source) => Error::Read {
                    path: path.clone(),
                    source,
                },
                profile::LoadError::Invalid(problems) => Error::InvalidProfile(problems),
            })?,
            None => Profile::default(),
        };
        Ok(self.profile.get_or_init(|| loaded))
    }

    /// How the catalogue is checked: evidence ages counted up to `--as-of` or today, dates after
    /// today (or a later `--as-of` day) refused.
    pub fn check_options(&self) -> Result<CheckOptions, Error> {
        Ok(CheckOptions {
            today: self.today,
            latest: self.latest,
            max_age_months: self.profile()?.max_age_months,
        })
    }

    /// Where the catalogue comes from: `--catalogue DIR` or the one built in.
    pub fn origin(&self) -> Origin<'_> {
        match &self.catalogue {
            Some(dir) => Origin::Dir(dir),
            None => Origin::Embedded,
        }
    }

    /// A catalogue directory that could not be read.
    pub fn read_error(&self, source: std::io::Error) -> Error {
        Error::Read {
            path: self.catalogue.clone().unwrap_or_default(),
            source,
        }
    }

    /// What the watcher saw change, for flagging claims whose source changed: per (vendor,
    /// document) the day its text last changed, from `--state DIR` or the default store when it
    /// exists.
    pub fn source_changes(&self) -> Result<SourceChanges, Error> {
        crate::watch::source_changes(self.state.as_ref())
    }

    /// The quote checks and reviews recorded in `--state DIR` or the default store.
    pub fn evidence_checks(&self) -> Result<EvidenceChecks, Error> {
        crate::watch::evidence_checks(self.state.as_ref())
    }
}

/// The one colour decision: `--color`, then `NO_COLOR`, then whether stdout is a terminal.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}

/// The day of `--as-of`: exactly YYYY-MM-DD (the parser alone would also take 20260131 or a date
/// with a time).
fn as_of(arg: &str) -> Result<Date, Error> {
    let b = arg.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().filter(|c| c.is_ascii_digit()).count() == 8;
    shaped
        .then(|| arg.parse::<Date>().ok())
        .flatten()
        .ok_or_else(|| Error::usage(format!("`--as-of {arg}` is not a date like 2026-01-31")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::exit;

    #[test]
    fn as_of_is_a_day_written_yyyy_mm_dd() {
        assert_eq!(as_of("2026-01-31").ok(), Some(jiff::civil::date(2026, 1, 31)));
        assert_eq!(as_of("2024-02-29").ok(), Some(jiff::civil::date(2024, 2, 29)));
        for wrong in [
            "20260131",
            "2026-1-31",
            "2026-01-31T00:00",
            "2026-02-30",
            "2026-13-01",
            " 2026-01-31",
            "2026/01/31",
            "2026--01-31",
            "",
        ] {
            let e = as_of(wrong).expect_err(wrong);
            assert_eq!(e.exit_code(), exit::USAGE, "{wrong}");
            assert_eq!(
                e.to_string(),
                format!("`--as-of {wrong}` is not a date like 2026-01-31")
            );
        }
    }

    #[test]
    fn a_later_as_of_day_moves_the_latest_date_with_it() {
        let global = |as_of: Option<&str>| Global {
            catalogue: None,
            profile: None,
            as_of: as_of.map(str::to_owned),
            state: None,
            lang: Lang::En,
            color: ColorChoice::Never,
        };
        let ctx = Context::new(&global(Some("2999-01-01"))).expect("a day");
        assert_eq!(ctx.today, jiff::civil::date(2999, 1, 1));
        assert_eq!(ctx.check_options().expect("default profile").latest, ctx.today);
        let ctx = Context::new(&global(Some("2000-01-01"))).expect("a day");
        assert!(ctx.check_options().expect("default profile").latest > ctx.today);
        assert!(!ctx.color);
        let e = Context::new(&global(Some("2026-1-1"))).expect_err("not a day");
        assert_eq!(e.exit_code(), exit::USAGE);
    }
}
