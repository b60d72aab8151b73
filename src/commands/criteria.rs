//! `vcaudit criteria`: the criteria, or one of them, with their source passages and the verdict
//! rule. Reads no catalogue.

use std::io::Write;

use super::Context;
use crate::cli::CriteriaArgs;
use crate::criteria::{self, Criterion};
use crate::error::{exit, Error};
use crate::report::output::{deliver, Destination};

/// Runs `vcaudit criteria`.
pub fn run(ctx: &Context, args: &CriteriaArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let list: Vec<&Criterion> = match &args.id {
        Some(id) => vec![criteria::find(id).ok_or_else(|| Error::usage(criteria::not_found(id)))?],
        None => criteria::ALL.to_vec(),
    };
    let to = Destination {
        format: Some(args.format),
        file: None,
        ..Destination::default()
    };
    deliver(to, ctx.lang, ctx.color, out, &|re, w| re.criteria(&list, w))?;
    Ok(exit::SUCCESS)
}
