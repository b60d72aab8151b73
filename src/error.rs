//! Typed errors and the exit codes they map to. All wording a user sees on failure lives here:
//! lowercase, specific, naming the file, URL or argument concerned.

use std::path::PathBuf;

use crate::catalogue::Diagnostic;

/// Exit codes, documented in the README.
pub mod exit {
    /// Success: nothing to report, or findings that were not asked to gate.
    pub const SUCCESS: u8 = 0;
    /// Findings when asked to gate (`audit --fail-on`), or changes found by `watch`.
    pub const FINDINGS: u8 = 1;
    /// Usage error: wrong arguments, unknown vendor or criterion.
    pub const USAGE: u8 = 2;
    /// Invalid catalogue or profile.
    pub const INVALID: u8 = 3;
    /// Runtime failure: I/O, network.
    pub const RUNTIME: u8 = 4;
    /// `watch`: some documents could not be checked, and nothing changed.
    pub const UNCHECKED: u8 = 5;
}

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{message}")]
    Usage { message: String },
    #[error("the catalogue has {} error(s), listed above; `vcaudit validate` lists its warnings too", count_errors(.0))]
    InvalidCatalogue(Vec<Diagnostic>),
    #[error("the profile has {} error(s)", .0.len())]
    InvalidProfile(Vec<Diagnostic>),
    #[error("the school file `{}` has {} error(s), listed above", .0, count_errors(.1))]
    InvalidSchoolFile(String, Vec<Diagnostic>),
    #[error("cannot read `{}`: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write `{}`: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Runtime(String),
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter()
        .filter(|d| d.severity == crate::catalogue::Level::Error)
        .count()
}

impl Error {
    /// A usage error with a message.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
        }
    }

    /// The exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } => exit::USAGE,
            Error::InvalidCatalogue(_) | Error::InvalidProfile(_) | Error::InvalidSchoolFile(..) => exit::INVALID,
            Error::Read { .. } | Error::Write { .. } | Error::Output(_) | Error::Runtime(_) => exit::RUNTIME,
        }
    }

    /// The diagnostics behind the error, to print before the summary line.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::InvalidCatalogue(d) | Error::InvalidProfile(d) | Error::InvalidSchoolFile(_, d) => d,
            _ => &[],
        }
    }
}
