//! `vcaudit evidence`: per claim whether its quote is still in its source, from the snapshot
//! store alone (no network). Exit 1 when a quote is gone, so CI can gate on it. Also the claims
//! `watch` looks up quotes for ([`cited`]).

use std::collections::{HashMap, HashSet};
use std::io::Write;

use jiff::civil::Date;
use serde::Serialize;

use super::{checked_catalogue, select, Context};
use crate::catalogue::{Catalogue, Claim, Source, Vendor};
use crate::error::{exit, Error};
use crate::evaluate::{claim_key, QuoteState};
use crate::i18n::Lang;
use crate::terminal::plain;
use crate::watch::evidence::{self, url_document, Cited, QuoteBook, QuoteRecord};
use crate::watch::{store_error, Target};

/// Version of the `evidence` JSON output.
pub const SCHEMA_VERSION: u32 = 1;

/// The output formats of `evidence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvidenceFormat {
    Table,
    Json,
    Markdown,
}

/// One claim's line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub vendor: String,
    pub offerings: Vec<String>,
    pub term: &'static str,
    pub source: String,
    pub quote_state: QuoteState,
    pub last_confirmed: Option<Date>,
    pub nearest: Option<String>,
}

/// Runs `vcaudit evidence`.
pub fn run(ctx: &Context, selection: &[String], format: EvidenceFormat, out: &mut dyn Write) -> Result<u8, Error> {
    let catalogue = checked_catalogue(ctx)?;
    let selection = select::offerings(&catalogue, selection)?;
    let book = match crate::watch::existing_root(ctx.state.as_ref())? {
        Some(root) => {
            let mut book = evidence::quote_book(&root).map_err(store_error)?;
            evidence::explain(&root, &mut book.claims);
            book
        }
        None => QuoteBook::default(),
    };
    let records: HashMap<(&str, &str), &QuoteRecord> = book
        .claims
        .iter()
        .map(|r| ((r.vendor.as_str(), r.claim.as_str()), r))
        .collect();
    let mut lines = Vec::new();
    for vendor in &catalogue.vendors {
        let picked: Vec<_> = selection.iter().filter(|s| s.vendor == vendor.id).collect();
        if !selection.is_empty() && picked.is_empty() {
            continue;
        }
        for claim in vendor.claims.values().flatten() {
            let wanted = picked.is_empty()
                || picked.iter().any(|s| match &s.offering {
                    None => true,
                    Some(o) => claim.offerings.is_empty() || claim.offerings.contains(o),
                });
            if wanted {
                lines.push(line(&records, vendor, claim));
            }
        }
    }
    match format {
        EvidenceFormat::Json => {
            let doc = serde_json::json!({"schema_version": SCHEMA_VERSION, "claims": lines});
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        EvidenceFormat::Table => table(&lines, ctx.lang, out)?,
        EvidenceFormat::Markdown => markdown(&lines, ctx.lang, out)?,
    }
    let gone = lines.iter().any(|l| l.quote_state == QuoteState::QuoteGone);
    Ok(if gone { exit::FINDINGS } else { exit::SUCCESS })
}

/// The report line of one claim.
fn line(records: &HashMap<(&str, &str), &QuoteRecord>, vendor: &Vendor, claim: &Claim) -> Line {
    let key = claim_key(claim);
    let record = claim.quote.as_ref().and_then(|q| {
        records
            .get(&(vendor.id.as_str(), key.as_str()))
            .copied()
            .filter(|r| &r.quote == q)
    });
    let quote_state = match (&claim.quote, record) {
        (None, _) => QuoteState::NoQuote,
        (Some(_), None) => QuoteState::NotFetched,
        (Some(_), Some(r)) => r.state,
    };
    Line {
        vendor: vendor.id.clone(),
        offerings: claim.offerings.clone(),
        term: claim.term.key,
        source: claim.source.as_str().to_owned(),
        quote_state,
        last_confirmed: record.and_then(|r| r.last_confirmed),
        nearest: record
            .and_then(|r| r.nearest.clone())
            .filter(|_| quote_state == QuoteState::QuoteGone),
    }
}

/// The column names of the evidence table.
fn header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["claim", "source", "quote", "last confirmed", "nearest passage now"],
        Lang::Nl => [
            "claim",
            "bron",
            "citaat",
            "laatst bevestigd",
            "passage die er nu het dichtst bij komt",
        ],
    }
}

fn table(lines: &[Line], lang: Lang, w: &mut dyn Write) -> std::io::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header(lang));
    for l in lines {
        t.add_row(vec![
            who(l),
            plain(&l.source),
            l.quote_state.as_str().to_owned(),
            l.last_confirmed.map(|d| d.to_string()).unwrap_or_default(),
            l.nearest.as_deref().map(plain).unwrap_or_default(),
        ]);
    }
    writeln!(w, "{t}")?;
    writeln!(w, "{}", summary(lines))
}

fn markdown(lines: &[Line], lang: Lang, w: &mut dyn Write) -> std::io::Result<()> {
    let title = match lang {
        Lang::En => "Evidence",
        Lang::Nl => "Bewijs",
    };
    writeln!(w, "# {title}\n\n{}\n", summary(lines))?;
    writeln!(w, "| {} |", header(lang).join(" | "))?;
    writeln!(w, "|---|---|---|---|---|")?;
    let cell = |s: &str| {
        plain(s)
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    };
    for l in lines {
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            cell(&who(l)),
            cell(&l.source),
            l.quote_state.as_str(),
            l.last_confirmed.map(|d| d.to_string()).unwrap_or_default(),
            cell(l.nearest.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

/// `vendor/offering,… term` or `vendor term`.
fn who(l: &Line) -> String {
    if l.offerings.is_empty() {
        format!("{} {}", l.vendor, l.term)
    } else {
        format!("{}/{} {}", l.vendor, l.offerings.join(","), l.term)
    }
}

/// The counts line: how many claims are in each quote state.
fn summary(lines: &[Line]) -> String {
    let states = [
        QuoteState::QuoteGone,
        QuoteState::Confirmed,
        QuoteState::NotFetched,
        QuoteState::NoQuote,
    ];
    let parts: Vec<String> = states
        .iter()
        .filter_map(|s| {
            let n = lines.iter().filter(|l| l.quote_state == *s).count();
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    // "claim" is the word in Dutch too; the states are ids, as in `watch`.
    let n = lines.len();
    format!("{n} claim{}: {}", if n == 1 { "" } else { "s" }, parts.join(", "))
}

/// The claims with a quote of the vendors in `targets`, for `watch` to look up: those citing a
/// selected document, and with `urls` those citing a URL, whose URLs are returned as extra targets
/// (one per vendor and URL, see [`url_document`]).
pub fn cited(catalogue: &Catalogue, targets: &[Target], urls: bool) -> (Vec<Cited>, Vec<Target>) {
    let documents: HashSet<(&str, &str)> = targets
        .iter()
        .map(|t| (t.vendor.as_str(), t.document.as_str()))
        .collect();
    let vendors: HashSet<&str> = targets.iter().map(|t| t.vendor.as_str()).collect();
    let (mut cited, mut extra) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    for vendor in catalogue.vendors.iter().filter(|v| vendors.contains(v.id.as_str())) {
        for claim in vendor.claims.values().flatten() {
            let Some(quote) = &claim.quote else { continue };
            let document = match &claim.source {
                Source::Document(d) if documents.contains(&(vendor.id.as_str(), d.as_str())) => d.clone(),
                Source::Url(u) if urls => {
                    let d = url_document(u);
                    if seen.insert((vendor.id.clone(), d.clone())) {
                        extra.push(Target {
                            vendor: vendor.id.clone(),
                            document: d.clone(),
                            url: u.clone(),
                            select: Vec::new(),
                            remove: Vec::new(),
                        });
                    }
                    d
                }
                _ => continue,
            };
            cited.push(Cited {
                vendor: vendor.id.clone(),
                claim: claim_key(claim),
                document,
                quote: quote.clone(),
            });
        }
    }
    (cited, extra)
}
