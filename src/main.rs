//! The `vcaudit` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // `watch` reads each PDF in a child process of this same executable (see `watch::pdf_child`).
    if std::env::var_os(vcaudit::watch::pdf_child::WORKER).is_some() {
        return match vcaudit::watch::pdf_child::serve() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(vcaudit::error::exit::RUNTIME),
        };
    }
    vcaudit::watch::pdf_child::enable();
    let cli = vcaudit::cli::Cli::parse();
    ExitCode::from(vcaudit::run(cli))
}
