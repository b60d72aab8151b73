//! The `vcaudit` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = vcaudit::cli::Cli::parse();
    ExitCode::from(vcaudit::run(cli))
}
