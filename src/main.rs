//! The `vcaudit` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

// Loading a catalogue makes many small allocations (every string of every claim); mimalloc serves
// them markedly faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = vcaudit::cli::Cli::parse();
    ExitCode::from(vcaudit::run(cli))
}
