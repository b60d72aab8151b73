//! `vcaudit validate`: checks every vendor file and reports every problem, optionally with how
//! much of each vendor offering the catalogue knows (`--coverage`). The exit code says whether the
//! catalogue has errors.

use std::io::Write;

use super::{select, Context};
use crate::catalogue::{self, Catalogue, Level};
use crate::cli::{ValidateArgs, ValidateFormat};
use crate::coverage;
use crate::error::{exit, Error};
use crate::report;

/// Runs `vcaudit validate`.
pub fn run(ctx: &Context, args: &ValidateArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let profile = ctx.profile()?;
    let opts = ctx.check_options()?;
    // The vendors themselves are kept only for a coverage table: validating a large catalogue
    // then never holds it in memory whole.
    let keep = args.coverage || !args.selection.is_empty();
    let each = catalogue::load_each(ctx.origin(), opts, |vendor| keep.then_some(vendor))
        .map_err(|source| ctx.read_error(source))?;
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
    let selection = match select::offerings(&catalogue, &args.selection) {
        Ok(s) => Some(s),
        Err(_) if has_errors => None,
        Err(e) => return Err(e),
    };
    let cov = selection.filter(|s| args.coverage || !s.is_empty()).map(|selection| {
        // Statuses do not depend on changed sources, only their stale flags do.
        let changes = crate::evaluate::SourceChanges::new();
        let evidence = Default::default();
        let inputs = crate::evaluate::Inputs {
            profile,
            today: ctx.today,
            changes: &changes,
            evidence: &evidence,
        };
        let mut rows = coverage::coverage(&catalogue, &inputs);
        if !selection.is_empty() {
            rows.retain(|c| selection.iter().any(|s| s.matches(&c.vendor, c.offering.as_deref())));
        }
        rows
    });
    let total = cov.as_deref().map(coverage::Total::of);
    if args.format == ValidateFormat::Json {
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
            coverage::write_table(out, cov, ctx.lang)?;
        }
        writeln!(out, "{}", coverage::summary(files, vendors, errors, warnings, ctx.lang))?;
    }
    Ok(if errors > 0 { exit::INVALID } else { exit::SUCCESS })
}
