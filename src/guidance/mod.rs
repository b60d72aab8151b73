//! Guidance from the source documents for the school itself: `advise` says, per scenario of using
//! video or images of pupils, whether parental consent is needed, on which basis the school relies
//! and what it must do (`scenarios`, rendered by `advise`). It reads no catalogue. `notice`
//! drafts the letter to parents for one vendor offering from its evaluation (`notice` builds it,
//! with the sentences of `phrases`; `render` writes it as Markdown, HTML or plain text).

pub mod advise;
pub mod notice;
pub mod phrases;
pub mod render;
pub mod scenarios;

use std::io::Write;

use crate::catalogue::diag::did_you_mean;
use crate::cli::{AdviseArgs, Global, NoticeArgs};
use crate::criteria::judge::Lang;
use crate::error::{exit, Error};
use notice::Camera;

/// Runs `vcaudit advise`.
pub fn run_advise(args: &AdviseArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, Error> {
    match &args.scenario {
        Some(id) => {
            let scenario = scenarios::find(id).ok_or_else(|| unknown_scenario(id))?;
            advise::one(scenario, args.format, lang, out)?;
        }
        None => advise::list(args.format, lang, out)?,
    }
    Ok(exit::SUCCESS)
}

fn unknown_scenario(id: &str) -> Error {
    let ids = scenarios::ALL.iter().map(|s| s.id);
    let hint = did_you_mean(id, ids.clone()).map_or_else(String::new, |h| format!("; {h}"));
    let all: Vec<&str> = ids.collect();
    Error::usage(format!("no scenario `{id}`{hint} (scenarios: {})", all.join(", ")))
}

/// Runs `vcaudit notice`.
pub fn run_notice(g: &Global, args: &NoticeArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let camera = match (args.camera, &args.camera_reason) {
        (None, Some(_)) => Some(Camera::Required),
        (Some(c), Some(_)) if c != Camera::Required => {
            return Err(Error::usage("`--camera-reason` goes only with `--camera required`"));
        }
        (c, _) => c,
    };
    let (catalogue, ev) = crate::evaluation(g, std::slice::from_ref(&args.vendor))?;
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
    };
    let n = notice::build(result, vendor, &input, g.lang, &ev.as_of.to_string());
    render::render(&n, args.format, out)?;
    Ok(exit::SUCCESS)
}
