//! `vcaudit watch`: fetches the selected documents, records them in the snapshot store, reports
//! what changed and maps the result to an exit code.

use std::collections::HashMap;
use std::io::Write;

use super::{checked_catalogue, select, Context};
use crate::catalogue::Source;
use crate::cli::WatchArgs;
use crate::error::Error;
use crate::watch::{self, fetch, report};

/// Runs `vcaudit watch`.
pub fn run(ctx: &Context, args: &WatchArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let catalogue = checked_catalogue(ctx)?;
    let mut targets = select::documents(&catalogue, &args.documents)?;
    let (cited, sources) = super::evidence::cited(&catalogue, &targets, args.evidence);
    targets.extend(sources);
    let opts = watch::Options {
        update: args.update,
        fetch: fetch::Config {
            concurrency: args.concurrency,
            per_host: args.per_host,
            connect_timeout: args.connect_timeout,
            timeout: args.timeout,
            retries: args.retries,
            retry_wait: args.retry_wait,
            max_retry_after: args.max_retry_after,
            max_body: args.max_body,
            max_redirects: args.max_redirects,
        },
        lock_wait: args.lock_wait,
        progress: !args.quiet,
    };
    let root = watch::store_root(ctx.state.as_ref())?;
    let results = watch::run(root.clone(), targets, &opts)?;
    let quotes = watch::evidence::verify(root, &cited, &results, args.lock_wait).map_err(watch::store_error)?;
    let code = watch::exit_code(&results);
    let gone = quotes.iter().any(|q| q.state == crate::evaluate::QuoteState::QuoteGone);
    if args.quiet && !gone && !results.iter().any(|r| r.state.needs_attention()) {
        return Ok(code);
    }
    let color = ctx.color && args.format == report::Format::Table;
    let verdicts = match args.format {
        report::Format::Markdown | report::Format::Html => resting(ctx, &results)?,
        _ => Default::default(),
    };
    let run = report::Run {
        results: &results,
        quotes: &quotes,
        quiet: args.quiet,
        verdicts: &verdicts,
    };
    report::render(&run, args.format, color, ctx.lang, out)?;
    Ok(code)
}

/// Per changed document, the verdicts resting on claims that cite it: `zoom/education
/// (suitable)`.
fn resting(ctx: &Context, results: &[watch::Checked]) -> Result<HashMap<(String, String), Vec<String>>, Error> {
    let changed: Vec<&watch::Checked> = results
        .iter()
        .filter(|r| matches!(r.state, watch::State::Changed | watch::State::Moved))
        .collect();
    let mut out = HashMap::new();
    if changed.is_empty() {
        return Ok(out);
    }
    let (_, ev) = super::evaluation(ctx, &[])?;
    for r in changed {
        let cites = |c: &crate::catalogue::Claim| matches!(&c.source, Source::Document(d) if *d == r.document);
        let list: Vec<String> = ev
            .results
            .iter()
            .filter(|o| o.vendor == r.vendor)
            .filter(|o| {
                o.criteria
                    .iter()
                    .any(|c| c.facts.iter().any(|f| f.claim.as_deref().is_some_and(cites)))
            })
            .map(|o| format!("{} ({})", o.key(), o.verdict.as_str()))
            .collect();
        if !list.is_empty() {
            out.insert((r.vendor.clone(), r.document.clone()), list);
        }
    }
    Ok(out)
}
