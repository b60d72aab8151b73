//! `vcaudit watch`: fetches the selected documents, records them in the snapshot store, reports
//! what changed and maps the result to an exit code.

use std::collections::HashMap;
use std::io::Write;

use super::{checked_catalogue, select, Context};
use crate::catalogue::{Claim, Source};
use crate::cli::WatchArgs;
use crate::error::Error;
use crate::evaluate::{claim_key, QuoteState};
use crate::watch::evidence::QuoteRecord;
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
    let mut quotes =
        watch::evidence::verify(root.clone(), &cited, &results, args.lock_wait).map_err(watch::store_error)?;
    if !(args.quiet && args.format == report::Format::Table) {
        watch::evidence::explain(&root, &mut quotes);
    }
    let code = watch::exit_code(&results);
    let gone = quotes.iter().any(|q| q.state == QuoteState::QuoteGone);
    if args.quiet && !gone && !results.iter().any(|r| r.state.needs_attention()) {
        return Ok(code);
    }
    let color = ctx.color && args.format == report::Format::Table;
    let touched = match args.format {
        report::Format::Markdown | report::Format::Html => touched(ctx, &results, &quotes)?,
        _ => Default::default(),
    };
    let run = report::Run {
        results: &results,
        quotes: &quotes,
        quiet: args.quiet,
        touched: &touched,
    };
    report::render(&run, args.format, color, ctx.lang, out)?;
    Ok(code)
}

/// Per changed document, the claims citing it (with the quote states this run found) and the
/// verdicts resting on them.
fn touched(
    ctx: &Context,
    results: &[watch::Checked],
    quotes: &[QuoteRecord],
) -> Result<HashMap<(String, String), report::Touched>, Error> {
    let changed: Vec<&watch::Checked> = results
        .iter()
        .filter(|r| matches!(r.state, watch::State::Changed | watch::State::Moved))
        .collect();
    let mut out = HashMap::new();
    if changed.is_empty() {
        return Ok(out);
    }
    let (catalogue, ev) = super::evaluation(ctx, &[])?;
    for r in changed {
        let Some(vendor) = catalogue.vendor(&r.vendor) else {
            continue;
        };
        let cites = |c: &Claim| matches!(&c.source, Source::Document(d) if *d == r.document);
        let claims = vendor
            .claims
            .values()
            .flatten()
            .filter(|c| cites(c))
            .map(|c| {
                let key = claim_key(c);
                let found = quotes.iter().find(|q| q.vendor == r.vendor && q.claim == key);
                let state = match (&c.quote, found) {
                    (None, _) => QuoteState::NoQuote,
                    (Some(_), None) => QuoteState::NotFetched,
                    (Some(_), Some(q)) => q.state,
                };
                (key, state, found.and_then(|q| q.nearest.clone()))
            })
            .collect();
        let verdicts = ev
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
        out.insert(
            (r.vendor.clone(), r.document.clone()),
            report::Touched { claims, verdicts },
        );
    }
    Ok(out)
}
