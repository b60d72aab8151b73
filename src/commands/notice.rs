//! `vcaudit notice`: the draft notice to parents for one vendor offering, from its evaluation and
//! what the school says about itself.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::NoticeArgs;
use crate::error::{exit, Error};
use crate::guidance::notice::{self, Camera};
use crate::guidance::render::{self, NoticeFormat};
use crate::report::output::{extension, write_out};

/// Runs `vcaudit notice`.
pub fn run(ctx: &Context, args: &NoticeArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let camera = match (args.camera, &args.camera_reason) {
        (None, Some(_)) => Some(Camera::Required),
        (Some(c), Some(_)) if c != Camera::Required => {
            return Err(Error::usage("`--camera-reason` goes only with `--camera required`"));
        }
        (c, _) => c,
    };
    let format = notice_format(args)?;
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
    write_out(args.output.as_deref(), format == NoticeFormat::Docx, out, &|w| {
        render::render(&n, format, args.part, w)
    })?;
    Ok(exit::SUCCESS)
}

/// `--format`, else the format the `--output` extension names, else Markdown.
fn notice_format(args: &NoticeArgs) -> Result<NoticeFormat, Error> {
    match (args.format, args.output.as_deref()) {
        (Some(f), _) => Ok(f),
        (None, None) => Ok(NoticeFormat::Markdown),
        (None, Some(path)) => NoticeFormat::from_extension(&extension(path)).ok_or_else(|| {
            Error::usage(format!(
                "cannot tell the format of `{}` from its extension; use --format, or a name ending in \
                 .md, .html, .txt or .docx",
                path.display()
            ))
        }),
    }
}
