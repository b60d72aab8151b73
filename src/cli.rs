//! The command line: commands, their options and the global options, as clap derive types. Raw
//! arguments are turned into checked values (selectors, dates) in `lib.rs` before use.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::criteria::judge::Lang;

/// Checks video-conferencing services against the Dutch remote-teaching privacy criteria.
#[derive(Debug, Parser)]
#[command(name = "vcaudit", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct Global {
    /// Directory of vendor files to use instead of the built-in catalogue
    #[arg(long, global = true, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
    /// Profile file (TOML) overriding severities, evidence age and accepted regions
    #[arg(long, global = true, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Evaluate as of this day (YYYY-MM-DD) instead of today
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Snapshot store of `watch`, used to flag claims whose source changed
    #[arg(long, global = true, value_name = "DIR")]
    pub state: Option<PathBuf>,
    /// Language of human-readable output
    #[arg(long, global = true, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// When to use colours (`NO_COLOR` is honoured with `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for a terminal
    Table,
    /// The JSON contract, for tools
    Json,
    /// GitHub-flavoured Markdown tables
    Markdown,
    /// RFC 4180, formulas neutralised
    Csv,
    /// One self-contained HTML page that prints well
    Html,
    /// A spreadsheet (never written to a terminal)
    Xlsx,
}

/// What `audit --fail-on` gates on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any offering is not suitable
    NotSuitable,
    /// Any offering is not suitable or lacks information
    InsufficientInformation,
    /// Any offering is anything but plainly suitable
    Conditions,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The verdict matrix: vendor offerings against the criteria
    Audit(AuditArgs),
    /// One vendor offering in detail: statuses, reasons, evidence, conditions, history
    Show(ShowArgs),
    /// Vendor offerings side by side: verdicts, criteria, claimed terms and conditions
    Compare(CompareArgs),
    /// The criteria, their source passages and the verdict rule
    Criteria(CriteriaArgs),
    /// Check the catalogue and report every problem
    Validate(ValidateArgs),
    /// Print a JSON Schema of the vendor file format
    Schema,
    /// Print shell completions
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Vendors or vendor offerings (`zoom`, `zoom/education`); all when none are given
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub vendors: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Exit with code 1 when a result is at least this bad
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The vendor or vendor offering (`zoom` shows every offering)
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub vendor: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where and how a report is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: inferred from the `--output` extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (replaced in one step, never half-written)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two to twenty vendors or vendor offerings (`zoom` stands for each of its offerings)
    #[arg(value_name = "VENDOR[/OFFERING]", required = true)]
    pub vendors: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CriteriaArgs {
    /// One criterion id; all when left out
    pub id: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Also print, per vendor offering, how many terms are known, quoted and fresh
    #[arg(long)]
    pub coverage: bool,
    /// `table` for people, `json` for tools
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}
