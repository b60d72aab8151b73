//! The command line: commands, their options and the global options, as clap derive types. Raw
//! arguments are turned into checked values (selectors, dates) in `commands` before use.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::guidance::advise::AdviseFormat;
use crate::guidance::notice::{Basis, Camera, Part, Recording};
use crate::guidance::render::NoticeFormat;
use crate::i18n::Lang;
use crate::report::{output::Destination, Format};

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
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Directory of vendor files to use instead of the built-in catalogue
    #[arg(long, global = true, value_name = "DIR", env = "VCAUDIT_CATALOGUE")]
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
    /// Parental consent, legal basis and duties of the school, per scenario of video with pupils
    Advise(AdviseArgs),
    /// Draft the plain-language notice to parents for one vendor offering
    Notice(NoticeArgs),
    /// The criteria as questions to bidders in a tender, marked eis or wens by the profile
    Questionnaire(QuestionnaireArgs),
    /// Fetch the catalogue's documents and report what changed since the stored reference
    Watch(WatchArgs),
    /// The school's own assessment: what it uses, under which contract, which conditions are met
    #[command(subcommand)]
    School(SchoolCommand),
    /// Per claim, whether its quote is still in its source (from the snapshot store; no network)
    Evidence(EvidenceArgs),
    /// Changed documents to review, and recording that a person reviewed one
    Review(ReviewArgs),
    /// The built-in catalogue: `export DIR` writes its vendor files
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Turn an Open Terms Archive declaration (JSON) into `[[documents]]` entries
    ImportOta {
        /// The declaration file
        file: PathBuf,
    },
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
    /// Title of the report, instead of its own (HTML, Markdown, xlsx; printed on every page)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Reference the report is filed under, e.g. a tender's number (printed with the title)
    #[arg(long, value_name = "TEXT")]
    pub reference: Option<String>,
}

impl OutputArgs {
    /// Where the report goes, for [`crate::report::output::deliver`].
    pub fn destination(&self) -> Destination<'_> {
        Destination {
            format: self.format,
            file: self.output.as_deref(),
            title: self.title.as_deref(),
            reference: self.reference.as_deref(),
        }
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two to twenty vendors or vendor offerings (`zoom` stands for each of its offerings)
    #[arg(value_name = "VENDOR[/OFFERING]", required = true)]
    pub vendors: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Score each offering as a tender does: eisen met or not, and the wensen weighted by the
    /// profile's `[weights]`, with the computation
    #[arg(long)]
    pub score: bool,
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
    /// Also print, per vendor offering, how many terms are known, quoted and fresh, and the total
    #[arg(long)]
    pub coverage: bool,
    /// Limit the coverage report to these vendors or offerings (implies `--coverage`)
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub selection: Vec<String>,
    /// `table` for people, `json` for tools
    #[arg(long, value_name = "table|json", default_value = "table", value_parser = validate_format)]
    pub format: ValidateFormat,
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidateFormat {
    Table,
    Json,
}

fn validate_format(s: &str) -> Result<ValidateFormat, String> {
    match s {
        "table" => Ok(ValidateFormat::Table),
        "json" => Ok(ValidateFormat::Json),
        _ => Err("`validate` writes `--format table` or `--format json`".to_owned()),
    }
}

#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// The scenario, e.g. `live-lesson` or `share-recording` (`--list` shows them all)
    #[arg(required_unless_present = "list")]
    pub scenario: Option<String>,
    /// List the scenarios and whether each needs parental consent
    #[arg(long, conflicts_with = "scenario")]
    pub list: bool,
    /// `table` for people, `markdown` for documents, `json` for tools [default: inferred from the
    /// `--output` extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<AdviseFormat>,
    /// Write to this file instead of standard output (replaced in one step, never half-written)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The subcommands of `school`.
#[derive(Debug, Subcommand)]
pub enum SchoolCommand {
    /// Write a commented school file to standard output, every condition of each service `open`
    Init {
        /// A service the school uses (`zoom/education`; `zoom` stands for each of its offerings)
        #[arg(long = "service", value_name = "VENDOR/OFFERING")]
        services: Vec<String>,
    },
    /// Per service the catalogue's verdict and the school's, the open conditions and warnings
    Check(SchoolCheckArgs),
    /// The page the school publishes for parents (HTML)
    Page {
        /// The school file
        file: PathBuf,
        /// Write to this file instead of standard output
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct SchoolCheckArgs {
    /// The school file
    pub file: PathBuf,
    /// Output format [default: inferred from the `--output` extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<SchoolFormat>,
    /// Write to this file instead of standard output (replaced in one step, never half-written)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 1 when a school verdict is at least this bad
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
}

/// The output formats of `school check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchoolFormat {
    /// Text for a terminal
    Table,
    /// The JSON contract, for tools
    Json,
    /// Markdown, for a document or a ticket
    Markdown,
    /// One self-contained HTML page
    Html,
    /// A spreadsheet with sheets for services, open conditions and evidence
    Xlsx,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The vendor offering (`zoom/education`); a vendor alone when it has one offering or none;
    /// with `--school-file`, may be left out when the file has one service
    #[arg(value_name = "VENDOR[/OFFERING]", required_unless_present = "school_file")]
    pub vendor: Option<String>,
    /// Fill the letter from a school file (`vcaudit school init`): the service as the school set
    /// it up, the contact, the DPO, retention, camera, recording; flags still override
    #[arg(long, value_name = "FILE")]
    pub school_file: Option<PathBuf>,
    /// `markdown` to edit, `html` to mail or print, `text` for plain e-mail, `docx` for Word
    /// [default: inferred from the `--output` extension, else markdown]
    #[arg(long, value_enum)]
    pub format: Option<NoticeFormat>,
    /// Write to this file instead of standard output (replaced in one step, never half-written)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The school's name, as it signs the letter
    #[arg(long, value_name = "NAME")]
    pub school: Option<String>,
    /// Whom parents can contact with questions (name, e-mail address or phone number)
    #[arg(long, value_name = "TEXT")]
    pub contact: Option<String>,
    /// Why the school teaches by video, in one sentence
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Whether pupils must be on camera
    #[arg(long, value_enum)]
    pub camera: Option<Camera>,
    /// The specific reason pupils must be on camera (implies `--camera required`)
    #[arg(long, value_name = "TEXT")]
    pub camera_reason: Option<String>,
    /// Whether and why lessons are recorded
    #[arg(long, value_enum)]
    pub recording: Option<Recording>,
    /// How long the school keeps recordings and other data, e.g. "until the end of the school year"
    #[arg(long, value_name = "TEXT")]
    pub retention: Option<String>,
    /// How parents reach the school's data protection officer (FG): name and e-mail address
    #[arg(long, value_name = "TEXT")]
    pub dpo: Option<String>,
    /// The legal basis the school relies on, named in the letter
    #[arg(long, value_enum)]
    pub basis: Option<Basis>,
    /// Who signs the letter: name and position
    #[arg(long, value_name = "TEXT")]
    pub signatory: Option<String>,
    /// The date of the letter, as it should read
    #[arg(long, value_name = "TEXT")]
    pub date: Option<String>,
    /// Which part to write: the letter to `parents`, the `school`'s checklist, or `both`
    #[arg(long, value_enum, default_value_t = Part::Both)]
    pub part: Part,
}

#[derive(Debug, Args)]
pub struct QuestionnaireArgs {
    /// `xlsx` or `docx` for bidders to fill in, `markdown` to edit [default: from the `--output` extension, else markdown]
    #[arg(long, value_enum)]
    pub format: Option<QuestionnaireFormat>,
    /// Write to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Title of the questionnaire, e.g. the tender's name
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Reference of the tender, printed with the title
    #[arg(long, value_name = "TEXT")]
    pub reference: Option<String>,
}

/// Output formats of `questionnaire`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuestionnaireFormat {
    /// A spreadsheet with columns for the answers
    Xlsx,
    /// One section per question
    Markdown,
    /// A Word document, one section per question with a table for the answer
    Docx,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Vendors or single documents (`zoom`, `zoom/privacy`); all when none are given
    #[arg(value_name = "VENDOR[/DOCUMENT]")]
    pub documents: Vec<String>,
    /// Store the fetched text as the new reference, accepting the changes shown
    #[arg(long)]
    pub update: bool,
    /// Also fetch the source URLs of claims that cite a URL instead of a document, to check their quotes
    #[arg(long)]
    pub evidence: bool,
    /// Report format: `table` for a terminal, `markdown` or `html` for an e-mail or a ticket, `json` for tools
    #[arg(long, value_enum, default_value_t = crate::watch::report::Format::Table)]
    pub format: crate::watch::report::Format,
    /// Print only when something needs attention (a change or a failure)
    #[arg(long, short)]
    pub quiet: bool,
    /// Documents fetched at the same time
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = at_least_one, env = "VCAUDIT_CONCURRENCY")]
    pub concurrency: usize,
    /// Requests to one host at the same time
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = at_least_one, env = "VCAUDIT_PER_HOST")]
    pub per_host: usize,
    /// Time for one whole request, body included (`30s`, `500ms`)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = at_least_a_millisecond, env = "VCAUDIT_TIMEOUT")]
    pub timeout: std::time::Duration,
    /// Time to connect
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = at_least_a_millisecond, env = "VCAUDIT_CONNECT_TIMEOUT")]
    pub connect_timeout: std::time::Duration,
    /// Retries of a transient failure (network, timeout, 5xx, 429)
    #[arg(long, value_name = "N", default_value_t = 2, env = "VCAUDIT_RETRIES")]
    pub retries: u32,
    /// Wait before the first retry, doubled for each next one
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = crate::watch::fetch::parse_duration, env = "VCAUDIT_RETRY_WAIT")]
    pub retry_wait: std::time::Duration,
    /// Longest `Retry-After` to honour; a server asking for more is not retried
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::watch::fetch::parse_duration, env = "VCAUDIT_MAX_RETRY_AFTER")]
    pub max_retry_after: std::time::Duration,
    /// Largest body accepted, after decompression (`20MB`, `512K`)
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = crate::watch::fetch::parse_size, env = "VCAUDIT_MAX_BODY")]
    pub max_body: u64,
    /// Redirects followed
    #[arg(long, value_name = "N", default_value_t = 10, env = "VCAUDIT_MAX_REDIRECTS")]
    pub max_redirects: usize,
    /// How long to wait for another run that holds the snapshot store
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::watch::fetch::parse_duration, env = "VCAUDIT_LOCK_WAIT")]
    pub lock_wait: std::time::Duration,
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Vendors or vendor offerings (`zoom`, `zoom/education`); all when none are given
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub vendors: Vec<String>,
    /// `table` for people, `markdown` for documents, `json` for tools
    #[arg(long, value_enum, default_value_t = crate::commands::evidence::EvidenceFormat::Table)]
    pub format: crate::commands::evidence::EvidenceFormat,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Record that the current text of this document was read and its claims still hold
    #[arg(long, value_name = "VENDOR/DOCUMENT", conflicts_with = "log")]
    pub accept: Option<String>,
    /// What the reviewer found (with `--accept`)
    #[arg(long, value_name = "TEXT", requires = "accept")]
    pub note: Option<String>,
    /// List the reviews recorded in the store
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Write the built-in vendor files into DIR, to edit and use with `--catalogue DIR`
    Export {
        /// The directory (created when missing); existing vendor files are not overwritten
        dir: PathBuf,
        /// Overwrite vendor files already in DIR
        #[arg(long)]
        force: bool,
    },
}

/// Parses a count that must be at least 1 (`--concurrency`, `--per-host`): with 0 nothing would
/// ever be fetched, so it is a usage error rather than a silent 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>().map_err(|e| e.to_string())? {
        0 => Err("must be at least 1".to_owned()),
        n => Ok(n),
    }
}

/// Parses a duration (see [`parse_duration`](crate::watch::fetch::parse_duration)) of at least
/// 1ms (`--timeout`, `--connect-timeout`): under that every request (and every extraction) would
/// time out, and each document would end `failed`.
fn at_least_a_millisecond(s: &str) -> Result<std::time::Duration, String> {
    let d = crate::watch::fetch::parse_duration(s)?;
    if d < std::time::Duration::from_millis(1) {
        return Err("must be at least 1ms".to_owned());
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_limits_start_above_zero() {
        assert_eq!(at_least_one("8"), Ok(8));
        assert!(at_least_one("0").is_err());
        assert!(at_least_one("-1").is_err());
        assert_eq!(at_least_a_millisecond("1ms"), Ok(std::time::Duration::from_millis(1)));
        assert!(at_least_a_millisecond("0s").is_err());
        assert!(at_least_a_millisecond("0.5ms").is_err());
    }
}
