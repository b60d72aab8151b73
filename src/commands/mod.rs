//! One module per command of the command line. Each takes the checked global options (the
//! [`Context`]) and its own arguments, does its work through the library (catalogue, evaluation,
//! reports, guidance, watcher) and returns the exit code. This is the only layer that reads the
//! types of [`crate::cli`]; the modules below it take plain values.

pub mod advise;
pub mod audit;
pub mod catalogue_export;
pub mod compare;
pub mod completions;
pub mod context;
pub mod criteria;
pub mod evidence;
pub mod import_ota;
pub mod notice;
pub mod questionnaire;
pub mod review;
pub mod schema;
pub mod school;
pub mod select;
pub mod show;
pub mod validate;
pub mod watch;

pub use context::Context;

use crate::catalogue::{self, Catalogue, Diagnostic, Level};
use crate::error::Error;
use crate::evaluate::{self, Evaluation, Inputs};

/// Loads the catalogue and refuses it when it has errors, naming each of them.
pub fn checked_catalogue(ctx: &Context) -> Result<Catalogue, Error> {
    let loaded = catalogue::load(ctx.origin(), ctx.check_options()?).map_err(|source| ctx.read_error(source))?;
    if loaded.has_errors() {
        return Err(refused(loaded.diagnostics));
    }
    Ok(loaded.catalogue)
}

/// The refusal of a catalogue with errors, naming each of them.
fn refused(diagnostics: Vec<Diagnostic>) -> Error {
    Error::InvalidCatalogue(diagnostics.into_iter().filter(|d| d.severity == Level::Error).collect())
}

/// Loads everything and evaluates the vendor offerings named by `selection` (all when empty).
pub fn evaluation(ctx: &Context, selection: &[String]) -> Result<(Catalogue, Evaluation), Error> {
    let profile = ctx.profile()?;
    let catalogue = checked_catalogue(ctx)?;
    let selection = select::offerings(&catalogue, selection)?;
    let observed = Observed::read(ctx)?;
    let ev = evaluate::evaluate(&catalogue, &selection, &observed.inputs(ctx, profile));
    Ok((catalogue, ev))
}

/// What the watcher recorded in the store (changed sources, quote checks and reviews), read
/// once for an evaluation.
pub struct Observed {
    changes: evaluate::SourceChanges,
    evidence: evaluate::EvidenceChecks,
}

impl Observed {
    pub fn read(ctx: &Context) -> Result<Self, Error> {
        Ok(Observed {
            changes: ctx.source_changes()?,
            evidence: ctx.evidence_checks()?,
        })
    }

    /// The inputs of an evaluation under `profile`, on the context's day.
    pub fn inputs<'a>(&'a self, ctx: &Context, profile: &'a crate::criteria::profile::Profile) -> Inputs<'a> {
        Inputs {
            profile,
            today: ctx.today,
            changes: &self.changes,
            evidence: &self.evidence,
        }
    }
}
