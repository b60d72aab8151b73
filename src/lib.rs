//! vcaudit checks video-conferencing services against the remote-teaching criteria that two Dutch
//! source documents set for using video with pupils. Data flows one way: the catalogue
//! (`catalogue`) is evaluated against the criteria (`criteria`, `evaluate`) and rendered
//! (`report`). [`run`] is the entry point of the binary: it turns the parsed command line into
//! checked inputs, runs one command and returns the exit code.

pub mod catalogue;
pub mod changes;
pub mod cli;
pub mod compare;
pub mod coverage;
pub mod criteria;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod guidance;
pub mod parallel;
pub mod report;
pub mod streamed;
pub mod terminal;
pub mod text;
pub mod watch;

use std::io::{IsTerminal, Write};

use jiff::civil::Date;

use catalogue::{Catalogue, CheckOptions, Diagnostic, Level, Loaded, Origin};
use cli::{Cli, ColorChoice, Command, FailOn, Global};
use criteria::profile::{self, Profile};
use error::{exit, Error};
use evaluate::{Evaluation, Inputs, Selector, SourceChanges, Verdict};

/// Runs one command and returns its exit code; errors are reported on stderr.
pub fn run(cli: Cli) -> u8 {
    let color = use_color(cli.global.color);
    match dispatch(&cli, color) {
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

/// The one colour decision: `--color`, then `NO_COLOR`, then whether stdout is a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}

/// The day evaluations are made on: `--as-of` or today.
pub fn today(global: &Global) -> Result<Date, Error> {
    match &global.as_of {
        // Exactly YYYY-MM-DD: the parser alone would also take 20260131 or a date with a time.
        Some(s) => Some(s)
            .filter(|s| {
                let b = s.as_bytes();
                b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().filter(|c| c.is_ascii_digit()).count() == 8
            })
            .and_then(|s| s.parse::<Date>().ok())
            .ok_or_else(|| Error::usage(format!("`--as-of {s}` is not a date like 2026-01-31"))),
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// How the catalogue is checked: evidence ages counted up to `--as-of` or today, dates after
/// today (or a later `--as-of` day) refused.
pub fn check_options(global: &Global, profile: &Profile) -> Result<CheckOptions, Error> {
    let today = today(global)?;
    Ok(CheckOptions {
        today,
        latest: today.max(jiff::Zoned::now().date()),
        max_age_months: profile.max_age_months,
    })
}

/// The profile: `--profile FILE` or the default.
pub fn load_profile(global: &Global) -> Result<Profile, Error> {
    match &global.profile {
        Some(path) => profile::load(path).map_err(|e| match e {
            profile::LoadError::Read(source) => Error::Read {
                path: path.clone(),
                source,
            },
            profile::LoadError::Invalid(problems) => Error::InvalidProfile(problems),
        }),
        None => Ok(Profile::default()),
    }
}

/// Where the catalogue comes from: `--catalogue DIR` or the one built in.
fn origin(global: &Global) -> Origin<'_> {
    match &global.catalogue {
        Some(dir) => Origin::Dir(dir),
        None => Origin::Embedded,
    }
}

/// A catalogue directory that could not be read.
fn read_error(global: &Global, source: std::io::Error) -> Error {
    Error::Read {
        path: global.catalogue.clone().unwrap_or_default(),
        source,
    }
}

/// Loads the catalogue with all diagnostics, whatever they are.
pub fn load_catalogue(global: &Global, opts: CheckOptions) -> Result<Loaded, Error> {
    catalogue::load(origin(global), opts).map_err(|source| read_error(global, source))
}

/// The refusal of a catalogue with errors, naming each of them.
fn refused(diagnostics: Vec<Diagnostic>) -> Error {
    Error::InvalidCatalogue(diagnostics.into_iter().filter(|d| d.severity == Level::Error).collect())
}

/// Loads the catalogue and refuses it when it has errors.
pub fn checked_catalogue(global: &Global, opts: CheckOptions) -> Result<Catalogue, Error> {
    let loaded = load_catalogue(global, opts)?;
    if loaded.has_errors() {
        return Err(refused(loaded.diagnostics));
    }
    Ok(loaded.catalogue)
}

/// Parses `vendor[/offering]` arguments against the catalogue.
pub fn selectors(catalogue: &Catalogue, args: &[String]) -> Result<Vec<Selector>, Error> {
    args.iter()
        .map(|arg| {
            let (v, o) = match arg.split_once('/') {
                Some((v, o)) => (v, Some(o)),
                None => (arg.as_str(), None),
            };
            let Some(vendor) = catalogue.vendor(v) else {
                let hint = catalogue::diag::did_you_mean(v, catalogue.vendors.iter().map(|v| v.id.as_str()))
                    .map_or_else(|| " (`vcaudit audit` lists them)".to_owned(), |h| format!("; {h}"));
                return Err(Error::usage(format!("no vendor `{v}` in the catalogue{hint}")));
            };
            if let Some(o) = o {
                if vendor.offering(o).is_none() {
                    let names: Vec<&str> = vendor.offerings.iter().map(|o| o.id.as_str()).collect();
                    let list = if names.is_empty() {
                        "it has none".to_owned()
                    } else {
                        format!("it has: {}", names.join(", "))
                    };
                    return Err(Error::usage(format!("vendor `{v}` has no offering `{o}`; {list}")));
                }
            }
            Ok(Selector {
                vendor: v.to_owned(),
                offering: o.map(str::to_owned),
            })
        })
        .collect()
}

/// What the watcher saw change, for flagging claims whose source changed: per (vendor, document)
/// the day its text last changed, from `--state DIR` or the default store when it exists.
pub fn source_changes(global: &Global) -> Result<SourceChanges, Error> {
    watch::source_changes(global.state.as_ref())
}

/// Loads everything and evaluates a selection.
pub fn evaluation(global: &Global, selection: &[String]) -> Result<(Catalogue, Evaluation), Error> {
    let profile = load_profile(global)?;
    let today = today(global)?;
    let catalogue = checked_catalogue(global, check_options(global, &profile)?)?;
    let selection = selectors(&catalogue, selection)?;
    let changes = source_changes(global)?;
    let inputs = Inputs {
        profile: &profile,
        today,
        changes: &changes,
    };
    let ev = evaluate::evaluate(&catalogue, &selection, &inputs);
    Ok((catalogue, ev))
}

fn dispatch(cli: &Cli, color: bool) -> Result<u8, Error> {
    let g = &cli.global;
    // A wrong `--as-of` is a usage error for every command, also those that do not evaluate.
    today(g)?;
    let mut out = std::io::BufWriter::new(anstream::AutoStream::new(
        std::io::stdout().lock(),
        if color {
            anstream::ColorChoice::Always
        } else {
            anstream::ColorChoice::Never
        },
    ));
    // The reports of audit, show, compare and criteria: `deliver` decides per format what may
    // reach standard output (a spreadsheet is bytes, which the stripping stream above would break).
    let mut report_out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = match &cli.command {
        Command::Audit(a) => {
            if let Some(code) = streamed::audit(g, a, &mut report_out)? {
                return Ok(code);
            }
            let (catalogue, ev) = evaluation(g, &a.vendors)?;
            let r = report::Report {
                evaluation: &ev,
                catalogue: &catalogue,
            };
            report::output::deliver(&a.output, g.lang, color, &mut report_out, &|re, w| re.audit(&r, w))?;
            let code = gate(ev.results.iter().map(|r| r.verdict), a.fail_on);
            // The process ends right after: freeing a large catalogue and evaluation piece by
            // piece would only cost time.
            std::mem::forget(ev);
            std::mem::forget(catalogue);
            Ok(code)
        }
        Command::Show(s) => {
            let (catalogue, ev) = evaluation(g, std::slice::from_ref(&s.vendor))?;
            let r = report::Report {
                evaluation: &ev,
                catalogue: &catalogue,
            };
            report::output::deliver(&s.output, g.lang, color, &mut report_out, &|re, w| re.show(&r, w))?;
            Ok(exit::SUCCESS)
        }
        Command::Compare(c) => {
            let (catalogue, ev) = evaluation(g, &c.vendors)?;
            let cmp = compare::Comparison::new(&ev, &catalogue)?;
            report::output::deliver(&c.output, g.lang, color, &mut report_out, &|re, w| re.compare(&cmp, w))?;
            Ok(exit::SUCCESS)
        }
        Command::Criteria(c) => {
            let list: Vec<&criteria::Criterion> = match &c.id {
                Some(id) => vec![criteria::find(id).ok_or_else(|| Error::usage(criteria::not_found(id)))?],
                None => criteria::ALL.to_vec(),
            };
            let args = cli::OutputArgs {
                format: Some(c.format),
                output: None,
            };
            report::output::deliver(&args, g.lang, color, &mut report_out, &|re, w| re.criteria(&list, w))?;
            Ok(exit::SUCCESS)
        }
        Command::Validate(v) => validate(g, v, &mut out),
        Command::Advise(a) => guidance::run_advise(a, g.lang, &mut out),
        Command::Notice(n) => guidance::run_notice(g, n, &mut out),
        Command::Watch(w) => watch_command(g, w, color, &mut out),
        Command::ImportOta { file } => {
            let text = std::fs::read_to_string(file).map_err(|source| Error::Read {
                path: file.clone(),
                source,
            })?;
            let toml = watch::ota::convert(&text).map_err(|e| {
                Error::usage(format!(
                    "`{}` is not an Open Terms Archive declaration: {e}",
                    file.display()
                ))
            })?;
            write!(out, "{toml}")?;
            Ok(exit::SUCCESS)
        }
        Command::Schema => {
            serde_json::to_writer_pretty(&mut out, &catalogue::schema::schema()).map_err(std::io::Error::from)?;
            writeln!(out)?;
            Ok(exit::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Generated into memory first: the generator panics on a write error such as a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "vcaudit", &mut script);
            out.write_all(&script)?;
            Ok(exit::SUCCESS)
        }
    }?;
    out.flush()?;
    Ok(code)
}

/// `vcaudit watch`: check the documents, record them, report, and map the result to an exit code.
fn watch_command(g: &Global, a: &cli::WatchArgs, color: bool, out: &mut dyn Write) -> Result<u8, Error> {
    let catalogue = checked_catalogue(g, check_options(g, &load_profile(g)?)?)?;
    let targets = watch::targets(&catalogue, &a.documents)?;
    let opts = watch::Options {
        update: a.update,
        fetch: watch::fetch::Config {
            concurrency: a.concurrency,
            per_host: a.per_host,
            connect_timeout: a.connect_timeout,
            timeout: a.timeout,
            retries: a.retries,
            retry_wait: a.retry_wait,
            max_retry_after: a.max_retry_after,
            max_body: a.max_body,
            max_redirects: a.max_redirects,
        },
        lock_wait: a.lock_wait,
        progress: !a.quiet,
    };
    let root = watch::store_root(g.state.as_ref())?;
    let mut results = watch::run(root, targets, &opts)?;
    let code = watch::exit_code(&results);
    if a.quiet {
        results.retain(|r| r.state.needs_attention());
        if results.is_empty() {
            return Ok(code);
        }
    }
    let color = color && a.format == watch::report::Format::Table;
    watch::report::render(&results, a.format, color, g.lang, out)?;
    Ok(code)
}

/// The exit code of an audit with `--fail-on`, from the verdicts of its results.
fn gate(mut verdicts: impl Iterator<Item = Verdict>, fail_on: Option<FailOn>) -> u8 {
    let Some(level) = fail_on else { return exit::SUCCESS };
    let threshold = match level {
        FailOn::NotSuitable => Verdict::NotSuitable,
        FailOn::InsufficientInformation => Verdict::InsufficientInformation,
        FailOn::Conditions => Verdict::SuitableWithConditions,
    };
    if verdicts.any(|v| v >= threshold) {
        exit::FINDINGS
    } else {
        exit::SUCCESS
    }
}

fn validate(g: &Global, args: &cli::ValidateArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let profile = load_profile(g)?;
    let today = today(g)?;
    let opts = check_options(g, &profile)?;
    // The vendors themselves are kept only for a coverage table: validating a large catalogue
    // then never holds it in memory whole.
    let keep = args.coverage || !args.selection.is_empty();
    let each = catalogue::load_each(origin(g), opts, |vendor| keep.then_some(vendor))
        .map_err(|source| read_error(g, source))?;
    let vendors = each.results.len();
    let has_errors = each.has_errors();
    let (diagnostics, files) = (each.diagnostics, each.files);
    let catalogue = Catalogue {
        vendors: each.results.into_iter().filter_map(|(_, v)| v).collect(),
    };
    let errors = diagnostics.iter().filter(|d| d.severity == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    // A named vendor whose file has errors is not in the loaded catalogue: then the errors are the
    // report, not an unknown name.
    let selection = match selectors(&catalogue, &args.selection) {
        Ok(s) => Some(s),
        Err(_) if has_errors => None,
        Err(e) => return Err(e),
    };
    let cov = selection.filter(|s| args.coverage || !s.is_empty()).map(|selection| {
        let mut rows = coverage::coverage(&catalogue, today, profile.max_age_months);
        if !selection.is_empty() {
            rows.retain(|c| selection.iter().any(|s| s.matches(&c.vendor, c.offering.as_deref())));
        }
        rows
    });
    let total = cov.as_deref().map(coverage::Total::of);
    if args.format == cli::ValidateFormat::Json {
        let v = serde_json::json!({
            "schema_version": report::SCHEMA_VERSION,
            "files": files,
            "vendors": vendors,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics,
            "coverage": cov,
            "coverage_total": total,
        });
        serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        for d in &diagnostics {
            writeln!(out, "{}", report::clean(&d.to_string()))?;
        }
        if let Some(cov) = &cov {
            coverage::write_table(out, cov, g.lang)?;
        }
        writeln!(out, "{}", coverage::summary(files, vendors, errors, warnings, g.lang))?;
    }
    Ok(if errors > 0 { exit::INVALID } else { exit::SUCCESS })
}
