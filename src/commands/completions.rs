//! `vcaudit completions`: the shell completion script, generated from the command line's
//! definition in [`crate::cli`].

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::{exit, Error};

/// Runs `vcaudit completions SHELL`.
pub fn run(shell: Shell, out: &mut dyn Write) -> Result<u8, Error> {
    let mut cmd = Cli::command();
    // Generated into memory first: the generator panics on a write error such as a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "vcaudit", &mut script);
    out.write_all(&script)?;
    Ok(exit::SUCCESS)
}
