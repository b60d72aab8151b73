//! `vcaudit show`: one vendor, or one of its offerings, in detail: statuses, reasons, evidence,
//! conditions and regulatory history.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::ShowArgs;
use crate::error::{exit, Error};
use crate::report::{self, output::deliver};

/// Runs `vcaudit show`.
pub fn run(ctx: &Context, args: &ShowArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let (catalogue, ev) = evaluation(ctx, std::slice::from_ref(&args.vendor))?;
    let r = report::Report {
        evaluation: &ev,
        catalogue: &catalogue,
    };
    deliver(args.output.destination(), ctx.lang, ctx.color, out, &|re, w| {
        re.show(&r, w)
    })?;
    Ok(exit::SUCCESS)
}
