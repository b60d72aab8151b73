//! `vcaudit compare`: vendor offerings side by side, their verdicts, criteria, claimed terms and
//! conditions; with `--score`, the score of each offering as a tender weighs it.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::CompareArgs;
use crate::compare::Comparison;
use crate::error::{exit, Error};
use crate::report::output::deliver;

/// Runs `vcaudit compare`.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let (catalogue, ev) = evaluation(ctx, &args.vendors)?;
    let mut cmp = Comparison::new(&ev, &catalogue)?;
    if args.score {
        cmp.scores = Some(crate::score::scores(&ev.results, ctx.profile()?));
    }
    deliver(args.output.destination(), ctx.lang, ctx.color, out, &|re, w| {
        re.compare(&cmp, w)
    })?;
    Ok(exit::SUCCESS)
}
