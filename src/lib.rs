//! vcaudit checks video-conferencing services against the remote-teaching criteria that two Dutch
//! source documents set for using video with pupils. Data flows one way: the catalogue
//! (`catalogue`) is evaluated against the criteria (`criteria`, `evaluate`) and rendered
//! (`report`); the policy watcher (`watch`) feeds back only which sources changed. The command
//! line (`cli`) is read by `commands` alone, one module per command; [`run`] is the entry point
//! of the binary: it checks the global options once, runs one command and returns the exit code.

pub mod catalogue;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod coverage;
pub mod criteria;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod guidance;
pub mod i18n;
pub mod parallel;
pub mod questionnaire;
pub mod report;
pub mod school;
pub mod score;
pub mod terminal;
pub mod watch;

use std::io::Write;

use cli::{Cli, Command};
use commands::Context;
use error::{exit, Error};

/// Runs one command and returns its exit code; errors are reported on stderr.
pub fn run(cli: Cli) -> u8 {
    match dispatch(&cli) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::SUCCESS,
        Err(e) => {
            let mut err = anstream::stderr();
            for d in e.diagnostics() {
                let _ = writeln!(err, "{d}");
            }
            let _ = writeln!(err, "error: {e}");
            e.exit_code()
        }
    }
}

fn dispatch(cli: &Cli) -> Result<u8, Error> {
    let ctx = Context::new(&cli.global)?;
    let mut out = std::io::BufWriter::new(anstream::AutoStream::new(
        std::io::stdout().lock(),
        if ctx.color {
            anstream::ColorChoice::Always
        } else {
            anstream::ColorChoice::Never
        },
    ));
    // The reports of audit, show, compare and criteria, the advice and the notice: `deliver` and
    // `write_out` decide per format what may reach standard output (a spreadsheet or a Word
    // document is bytes, which the stripping stream above would break).
    let mut report_out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = match &cli.command {
        Command::Audit(a) => commands::audit::run(&ctx, a, &mut report_out),
        Command::Show(a) => commands::show::run(&ctx, a, &mut report_out),
        Command::Compare(a) => commands::compare::run(&ctx, a, &mut report_out),
        Command::Criteria(a) => commands::criteria::run(&ctx, a, &mut report_out),
        Command::Validate(a) => commands::validate::run(&ctx, a, &mut out),
        Command::Advise(a) => commands::advise::run(&ctx, a, &mut report_out),
        Command::Notice(a) => commands::notice::run(&ctx, a, &mut report_out),
        Command::Questionnaire(a) => commands::questionnaire::run(&ctx, a, &mut report_out),
        Command::Watch(a) => commands::watch::run(&ctx, a, &mut out),
        Command::School(a) => commands::school::run(&ctx, a, &mut report_out),
        Command::Evidence(a) => commands::evidence::run(&ctx, &a.vendors, a.format, &mut out),
        Command::Review(a) => commands::review::run(&ctx, a, &mut out),
        Command::Catalogue(cli::CatalogueCommand::Export { dir, force }) => {
            commands::catalogue_export::export(dir, *force, &mut out)
        }
        Command::ImportOta { file } => commands::import_ota::run(file, &mut out),
        Command::Schema => commands::schema::run(&mut out),
        Command::Completions { shell } => commands::completions::run(*shell, &mut out),
    }?;
    out.flush()?;
    Ok(code)
}
