//! `vcaudit review`: the documents whose text changed after the claims citing them were verified,
//! each with its diff, those claims with their quote states and the verdicts resting on them;
//! `--accept VENDOR/DOCUMENT [--note TEXT]` records in the store that a person read the change and
//! the claims still hold (the catalogue is not edited); `--log` lists the reviews.

use std::io::Write;
use std::time::Duration;

use super::{evaluation, Context};
use crate::catalogue::Source;
use crate::cli::ReviewArgs;
use crate::error::{exit, Error};
use crate::guidance::phrases::tr;
use crate::i18n::Lang;
use crate::terminal::plain;
use crate::watch::evidence::{self, Review};
use crate::watch::store::{Meta, Store};
use crate::watch::{existing_root, store_error, store_root};

/// How long `--accept` waits for a `watch` run holding the store.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Runs `vcaudit review`.
pub fn run(ctx: &Context, args: &ReviewArgs, out: &mut dyn Write) -> Result<u8, Error> {
    if let Some(target) = &args.accept {
        return accept(ctx, target, args.note.clone(), out);
    }
    let Some(root) = existing_root(ctx.state.as_ref())? else {
        let msg = tr(
            ctx.lang,
            "no snapshot store yet: run `vcaudit watch` first",
            "nog geen opslag van momentopnames: voer eerst `vcaudit watch` uit",
        );
        writeln!(out, "{msg}")?;
        return Ok(exit::SUCCESS);
    };
    if args.log {
        let log = evidence::review_log(&root).map_err(store_error)?;
        for r in &log.reviews {
            writeln!(out, "{}", log_line(r, ctx.lang))?;
        }
        let n = log.reviews.len();
        let count = match (ctx.lang, n) {
            (Lang::En, 1) => "1 review".to_owned(),
            (Lang::En, n) => format!("{n} reviews"),
            (Lang::Nl, 1) => "1 beoordeling".to_owned(),
            (Lang::Nl, n) => format!("{n} beoordelingen"),
        };
        writeln!(out, "{count}")?;
        return Ok(exit::SUCCESS);
    }
    pending(ctx, &root, out)
}

/// One line of `--log`.
fn log_line(r: &Review, lang: Lang) -> String {
    let note = r.note.as_deref().map(|n| format!(": {}", plain(n))).unwrap_or_default();
    let changed = r
        .changed_on
        .map(|d| tr(lang, &format!(" (change of {d})"), &format!(" (wijziging van {d})")))
        .unwrap_or_default();
    let by = tr(lang, "by", "door");
    format!(
        "{} {}/{}{changed} {by} {}{note}",
        r.at,
        r.vendor,
        r.document,
        plain(&r.by)
    )
}

/// Records a review of `vendor/document`.
fn accept(ctx: &Context, target: &str, note: Option<String>, out: &mut dyn Write) -> Result<u8, Error> {
    let Some((vendor, document)) = target.split_once('/') else {
        return Err(Error::usage(format!(
            "`--accept {target}` names no document; write `VENDOR/DOCUMENT`"
        )));
    };
    let root = store_root(ctx.state.as_ref())?;
    let by = ["VCAUDIT_REVIEWER", "USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned());
    match evidence::accept(root, vendor, document, by, note, LOCK_WAIT).map_err(store_error)? {
        Some(r) => {
            writeln!(
                out,
                "{}: {}",
                tr(ctx.lang, "recorded", "vastgelegd"),
                log_line(&r, ctx.lang)
            )?;
            Ok(exit::SUCCESS)
        }
        None => Err(Error::usage(format!(
            "the snapshot store has no text of `{vendor}/{document}`; run `vcaudit watch {vendor}/{document}` first"
        ))),
    }
}

/// Lists the changed documents not yet reviewed whose claims were verified before the change.
fn pending(ctx: &Context, root: &std::path::Path, out: &mut dyn Write) -> Result<u8, Error> {
    let (catalogue, ev) = evaluation(ctx, &[])?;
    let store = Store::at(root);
    let book = evidence::quote_book(root).map_err(store_error)?;
    let checks = evidence::checks(root).map_err(store_error)?;
    let mut listed = 0;
    for (vendor_id, document, meta) in store.all().map_err(store_error)? {
        let (Some(changed), Some(vendor)) = (meta.changed_on(), catalogue.vendor(&vendor_id)) else {
            continue;
        };
        if checks.reviews.contains_key(&(vendor_id.clone(), document.clone())) {
            continue;
        }
        let claims: Vec<_> = vendor
            .claims
            .values()
            .flatten()
            .filter(|c| matches!(&c.source, Source::Document(d) if *d == document) && c.verified < changed)
            .collect();
        if claims.is_empty() {
            continue;
        }
        listed += 1;
        let lang = ctx.lang;
        let heading = tr(
            lang,
            &format!("changed on {changed}"),
            &format!("gewijzigd op {changed}"),
        );
        writeln!(out, "## {vendor_id}/{document}: {heading}\n")?;
        if let Some(diff) = diff(&store, &meta) {
            writeln!(out, "{}", plain(&diff))?;
        }
        writeln!(
            out,
            "{}",
            tr(lang, "claims citing it:", "claims die het document aanhalen:")
        )?;
        for c in &claims {
            let key = crate::evaluate::claim_key(c);
            let (state, day) = checks.quote_of(&vendor_id, c);
            let confirmed = day
                .map(|d| {
                    tr(
                        lang,
                        &format!(", last confirmed {d}"),
                        &format!(", laatst bevestigd {d}"),
                    )
                })
                .unwrap_or_default();
            let (verified, quote) = (tr(lang, "verified", "gecontroleerd"), tr(lang, "quote", "citaat"));
            writeln!(
                out,
                "  - {key} ({verified} {}): {quote} {}{confirmed}",
                c.verified,
                state.as_str()
            )?;
            let nearest = book.claims.iter().find(|r| r.vendor == vendor_id && r.claim == key);
            if let Some(n) = nearest
                .and_then(|r| r.nearest.as_deref())
                .filter(|_| state.as_str() == "quote-gone")
            {
                writeln!(
                    out,
                    "    {}: \"{}\"",
                    tr(lang, "nearest now", "nu het dichtstbij"),
                    plain(n)
                )?;
            }
        }
        let resting: Vec<String> = ev
            .results
            .iter()
            .filter(|r| r.vendor == vendor_id)
            .filter(|r| {
                r.criteria.iter().any(|cr| {
                    cr.facts.iter().any(|f| {
                        f.claim
                            .as_ref()
                            .is_some_and(|fc| claims.iter().any(|c| std::sync::Arc::ptr_eq(fc, c)))
                    })
                })
            })
            .map(|r| format!("{} ({})", r.key(), r.verdict.label().get(lang)))
            .collect();
        if !resting.is_empty() {
            let label = tr(lang, "verdicts resting on them", "oordelen die erop rusten");
            writeln!(out, "{label}: {}", resting.join(", "))?;
        }
        let when = tr(lang, "when the claims still hold", "als de claims nog kloppen");
        writeln!(
            out,
            "{when}: vcaudit review --accept {vendor_id}/{document} --note \"...\"\n"
        )?;
    }
    let count = match (ctx.lang, listed) {
        (Lang::En, 1) => "1 document to review".to_owned(),
        (Lang::En, n) => format!("{n} documents to review"),
        (Lang::Nl, 1) => "1 document te beoordelen".to_owned(),
        (Lang::Nl, n) => format!("{n} documenten te beoordelen"),
    };
    writeln!(out, "{count}")?;
    Ok(if listed > 0 { exit::FINDINGS } else { exit::SUCCESS })
}

/// The diff of a document's change: the reference against a pending change, else the previous
/// reference against the current one.
fn diff(store: &Store, meta: &Meta) -> Option<String> {
    let (old, new) = match &meta.pending {
        Some(p) => (meta.text_sha256.clone()?, p.text_sha256.clone()),
        None => (meta.history.last()?.text_sha256.clone()?, meta.text_sha256.clone()?),
    };
    let old = store.text(&meta.vendor, &meta.document, &old).ok()?;
    let new = store.text(&meta.vendor, &meta.document, &new).ok()?;
    Some(crate::changes::diff(&old, &new).to_text())
}
