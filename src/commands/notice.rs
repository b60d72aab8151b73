//! `vcaudit notice`: the draft notice to parents for one vendor offering, from its evaluation and
//! what the school says about itself: in flags, or in a school file (`--school-file`), whose
//! service is then evaluated as the school set it up (its own facts, its conditions done); a flag
//! overrides what the file says.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::NoticeArgs;
use crate::error::{exit, Error};
use crate::evaluate::OfferingResult;
use crate::guidance::notice::{self, Camera, SchoolInput};
use crate::guidance::render::{self, NoticeFormat};
use crate::i18n::Lang;
use crate::report::output::{extension, write_out};
use crate::school::ServiceAssessment;

/// Runs `vcaudit notice`.
pub fn run(ctx: &Context, args: &NoticeArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let flags = flags(args)?;
    // A wrong `-o` extension is a usage error before anything is read.
    notice_format(args)?;
    if let Some(path) = &args.school_file {
        let (_, loaded) = super::school::load(ctx, path)?;
        let service = super::school::pick(&loaded, args.vendor.as_deref())?;
        let input = from_school(&flags, &loaded.assessment.school, service, ctx);
        return write(ctx, &service.result, &service.vendor, &input, args, out);
    }
    let wanted = args.vendor.clone().unwrap_or_default();
    let (catalogue, ev) = evaluation(ctx, std::slice::from_ref(&wanted))?;
    let [result] = ev.results.as_slice() else {
        let keys: Vec<String> = ev.results.iter().map(|r| r.key()).collect();
        return Err(Error::usage(format!(
            "vendor `{wanted}` has several offerings; pick one: {}",
            keys.join(", ")
        )));
    };
    let vendor = catalogue
        .vendor(&result.vendor)
        .ok_or_else(|| Error::Runtime(format!("vendor `{}` vanished from the catalogue", result.vendor)))?;
    write(ctx, result, vendor, &flags, args, out)
}

fn write(
    ctx: &Context,
    result: &OfferingResult,
    vendor: &crate::catalogue::Vendor,
    input: &SchoolInput,
    args: &NoticeArgs,
    out: &mut dyn Write,
) -> Result<u8, Error> {
    let format = notice_format(args)?;
    let n = notice::build(result, vendor, input, ctx.lang, &ctx.today.to_string());
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

/// What the flags say.
fn flags(args: &NoticeArgs) -> Result<SchoolInput, Error> {
    let camera = match (args.camera, &args.camera_reason) {
        (None, Some(_)) => Some(Camera::Required),
        (Some(c), Some(_)) if c != Camera::Required => {
            return Err(Error::usage("`--camera-reason` goes only with `--camera required`"));
        }
        (c, _) => c,
    };
    Ok(SchoolInput {
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
    })
}

/// The flags, with what they leave out taken from the school file; the letter is dated the day
/// it is drafted (`--as-of` or today) unless `--date` says otherwise.
fn from_school(
    flags: &SchoolInput,
    school: &crate::school::School,
    s: &ServiceAssessment,
    ctx: &Context,
) -> SchoolInput {
    let f = flags.clone();
    let svc = &s.service;
    // A camera reason from the file goes only with the camera the flags leave as the file says.
    let camera = f.camera.or(svc.camera);
    let camera_reason = f.camera_reason.or_else(|| {
        (camera == Some(Camera::Required))
            .then(|| svc.camera_reason.clone())
            .flatten()
    });
    SchoolInput {
        school: f.school.or_else(|| school.name.clone()),
        contact: f.contact.or_else(|| school.contact.clone()),
        reason: f.reason.or_else(|| svc.purpose.clone()),
        camera,
        camera_reason,
        recording: f.recording.or(svc.recording),
        retention: f.retention.or_else(|| svc.retention.clone()),
        dpo: f.dpo.or_else(|| school.dpo.clone()),
        basis: f.basis.or(school.basis),
        signatory: f.signatory.or_else(|| school.signatory.clone()),
        date: f.date.or_else(|| Some(long_date(ctx.today, ctx.lang))),
    }
}

/// A day as a letter writes it: "6 December 2026", "6 december 2026".
fn long_date(d: jiff::civil::Date, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let names = match lang {
        Lang::En => EN,
        Lang::Nl => NL,
    };
    let month = names
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", d.day(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_dated_in_words() {
        let d = jiff::civil::date(2026, 12, 6);
        assert_eq!(long_date(d, Lang::En), "6 December 2026");
        assert_eq!(long_date(d, Lang::Nl), "6 december 2026");
    }
}
