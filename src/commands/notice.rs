//! `vcaudit notice`: the draft notice to parents for one vendor offering, from its evaluation and
//! what the school says about itself.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::NoticeArgs;
use crate::error::{exit, Error};
use crate::guidance::notice::{self, Camera};
use crate::guidance::render;

/// Runs `vcaudit notice`.
pub fn run(ctx: &Context, args: &NoticeArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let camera = match (args.camera, &args.camera_reason) {
        (None, Some(_)) => Some(Camera::Required),
        (Some(c), Some(_)) if c != Camera::Required => {
            return Err(Error::usage("`--camera-reason` goes only with `--camera required`"));
        }
        (c, _) => c,
    };
    let (catalogue, ev) = evaluation(ctx, std::slice::from_ref(&args.vendor))?;
    let [result] = ev.results.as_slice() else {
        let keys: Vec<String> = ev.results.iter().map(|r| r.key()).collect();
        return Err(Error::usage(format!(
            "vendor `{}` has several offerings; pick one: {}",
            args.vendor,
            keys.join(", ")
        )));
    };
    let vendor = catalogue
        .vendor(&result.vendor)
        .ok_or_else(|| Error::Runtime(format!("vendor `{}` vanished from the catalogue", result.vendor)))?;
    let input = notice::SchoolInput {
        school: args.school.clone(),
        contact: args.contact.clone(),
        reason: args.reason.clone(),
        camera,
        camera_reason: args.camera_reason.clone(),
        recording: args.recording,
        retention: args.retention.clone(),
        dpo: args.dpo.clone(),
        basis: args.basis,
        signatory: args.signatory.clone(),
        date: args.date.clone(),
    };
    let n = notice::build(result, vendor, &input, ctx.lang, &ev.as_of.to_string());
    render::render(&n, args.format, args.part, out)?;
    Ok(exit::SUCCESS)
}
