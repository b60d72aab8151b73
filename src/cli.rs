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
    Table,
    Json,
    Markdown,
    Csv,
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
    /// The criteria, their source passages and the verdict rule
    Criteria(CriteriaArgs),
    /// Check the catalogue and report every problem
    Validate(ValidateArgs),
    /// Parental consent, legal basis and duties of the school, per scenario of video with pupils
    Advise(AdviseArgs),
    /// Draft the plain-language notice to parents for one vendor offering
    Notice(NoticeArgs),
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
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Exit with code 1 when a result is at least this bad
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The vendor or vendor offering (`zoom` shows every offering)
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub vendor: String,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
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

/// Output formats of `advise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AdviseFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// The scenario, e.g. `live-lesson` or `share-recording` (`--list` shows them all)
    #[arg(required_unless_present = "list")]
    pub scenario: Option<String>,
    /// List the scenarios and whether each needs parental consent
    #[arg(long, conflicts_with = "scenario")]
    pub list: bool,
    /// `table` for people, `markdown` for documents, `json` for tools
    #[arg(long, value_enum, default_value_t = AdviseFormat::Table)]
    pub format: AdviseFormat,
}

/// Output formats of `notice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    Markdown,
    Html,
    Text,
}

/// Whether pupils must be on camera in the lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Camera {
    /// Pupils must switch the camera on (give the reason with `--camera-reason`)
    Required,
    /// Pupils may switch the camera on
    Optional,
    /// Pupils take part without a camera
    Off,
}

/// Whether and why the school records lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Recording {
    /// Lessons are not recorded
    No,
    /// Recorded only to coach a teacher, student teacher or intern, inside the school
    Coaching,
    /// Recorded only to guide a pupil, inside the school
    PupilGuidance,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The vendor offering (`zoom/education`); a vendor alone when it has one offering or none
    #[arg(value_name = "VENDOR[/OFFERING]")]
    pub vendor: String,
    /// `markdown` to edit, `html` to mail or print, `text` for plain e-mail
    #[arg(long, value_enum, default_value_t = NoticeFormat::Markdown)]
    pub format: NoticeFormat,
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
}
