//! `vcaudit watch`: fetches the selected documents, records them in the snapshot store, reports
//! what changed and maps the result to an exit code.

use std::io::Write;

use super::{checked_catalogue, select, Context};
use crate::cli::WatchArgs;
use crate::error::Error;
use crate::watch::{self, fetch, report};

/// Runs `vcaudit watch`.
pub fn run(ctx: &Context, args: &WatchArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let catalogue = checked_catalogue(ctx)?;
    let targets = select::documents(&catalogue, &args.documents)?;
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
    let mut results = watch::run(root, targets, &opts)?;
    let code = watch::exit_code(&results);
    if args.quiet {
        results.retain(|r| r.state.needs_attention());
        if results.is_empty() {
            return Ok(code);
        }
    }
    let color = ctx.color && args.format == report::Format::Table;
    report::render(&results, args.format, color, ctx.lang, out)?;
    Ok(code)
}
