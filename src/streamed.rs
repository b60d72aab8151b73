//! `audit --format json` of a whole catalogue, vendor by vendor: each vendor is evaluated and its
//! results rendered on the thread that checked it, and only the rendered results are kept. A large
//! catalogue is then never held in memory whole (10,000 vendors took 380 MB that way, and touching
//! that much fresh memory was a tenth of the run). The document is the one `Json::audit` writes:
//! the same code frames it and renders each result, in the order of vendor ids. As with every
//! audit, nothing is written when the catalogue has errors.

use std::io::{self, Write};

use crate::catalogue;
use crate::cli::{AuditArgs, Format, Global};
use crate::error::Error;
use crate::evaluate::{self, Inputs};
use crate::report::{self, Json};

/// Runs the audit when it is one that can be streamed: every vendor, as JSON. `None` otherwise,
/// and also when the output's format cannot be told or the watch store cannot be read, so that
/// the usual path reports that in its usual place (after the catalogue's errors).
pub fn audit(g: &Global, a: &AuditArgs, stdout: &mut dyn Write) -> Result<Option<u8>, Error> {
    if !a.vendors.is_empty() || !matches!(report::output::format(&a.output), Ok(Format::Json)) {
        return Ok(None);
    }
    let profile = crate::load_profile(g)?;
    let today = crate::today(g)?;
    let Ok(changes) = crate::source_changes(g) else {
        return Ok(None);
    };
    let inputs = Inputs {
        profile: &profile,
        today,
        changes: &changes,
    };
    let json = Json(report::Options {
        lang: g.lang,
        color: false,
    });
    let opts = crate::check_options(g, &profile)?;
    let each = catalogue::load_each(crate::origin(g), opts, |vendor| {
        evaluate::evaluate_vendor(&vendor, &inputs, |_| true)
            .iter()
            .map(|r| {
                // Kept until the end: without the spare room of a grown buffer (a third of it).
                let bytes = json.result(r, false, None).map(|mut b| {
                    b.shrink_to_fit();
                    b
                });
                (r.verdict, bytes)
            })
            .collect::<Vec<_>>()
    })
    .map_err(|source| crate::read_error(g, source))?;
    if each.has_errors() {
        return Err(crate::refused(each.diagnostics));
    }
    let results = || each.results.iter().flat_map(|(_, rs)| rs.iter());
    report::output::deliver(&a.output, g.lang, false, stdout, &|_, w| {
        let rendered =
            results().map(|(_, bytes)| bytes.as_deref().map_err(|e| io::Error::new(e.kind(), e.to_string())));
        json.document(today, &profile, rendered, w)
    })?;
    let code = crate::gate(results().map(|(verdict, _)| *verdict), a.fail_on);
    // The process ends right after: freeing the rendered results one by one would only cost time.
    std::mem::forget(each);
    Ok(Some(code))
}
