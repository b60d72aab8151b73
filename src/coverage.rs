//! The coverage report of `validate --coverage`: per vendor offering, how many of the criteria
//! have a known status, how many terms are known (a claim at or above the profile's minimum
//! confidence), how many of those carry a verbatim quote, and how many are fresh, so gaps in the
//! catalogue are visible and a DPO knows what to ask the vendor.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalogue::{terms::TERMS, Catalogue};
use crate::criteria::Status;
use crate::evaluate::{evaluate_offering, Inputs};
use crate::i18n::Lang;

/// Coverage of one vendor offering.
#[derive(Debug, Serialize)]
pub struct Coverage {
    pub vendor: String,
    pub offering: Option<String>,
    /// Criteria evaluated under the profile, and those whose status is not `unknown`.
    pub criteria: usize,
    pub criteria_known: usize,
    pub terms: usize,
    pub known: usize,
    pub quoted: usize,
    pub fresh: usize,
    pub findings: usize,
    pub unknown: Vec<&'static str>,
}

impl Coverage {
    /// Known terms as a share of all terms, in percent.
    pub fn known_percent(&self) -> f64 {
        100.0 * self.known as f64 / self.terms.max(1) as f64
    }
}

/// The sums over the rows of a coverage report.
#[derive(Debug, Serialize)]
pub struct Total {
    pub offerings: usize,
    pub criteria: usize,
    pub criteria_known: usize,
    /// Criteria with a known status as a share of all, in percent, one decimal.
    pub criteria_known_percent: f64,
    pub terms: usize,
    pub known: usize,
    pub quoted: usize,
    pub fresh: usize,
    /// Known terms as a share of all terms, in percent, one decimal.
    pub known_percent: f64,
}

impl Total {
    pub fn of(rows: &[Coverage]) -> Total {
        let sum = |f: fn(&Coverage) -> usize| rows.iter().map(f).sum::<usize>();
        let (terms, known) = (sum(|c| c.terms), sum(|c| c.known));
        let (criteria, criteria_known) = (sum(|c| c.criteria), sum(|c| c.criteria_known));
        Total {
            offerings: rows.len(),
            criteria,
            criteria_known,
            criteria_known_percent: (1000.0 * criteria_known as f64 / criteria.max(1) as f64).round() / 10.0,
            terms,
            known,
            quoted: sum(|c| c.quoted),
            fresh: sum(|c| c.fresh),
            known_percent: (1000.0 * known as f64 / terms.max(1) as f64).round() / 10.0,
        }
    }
}

/// Coverage of every vendor offering, evaluated with `inputs`.
pub fn coverage(catalogue: &Catalogue, inputs: &Inputs) -> Vec<Coverage> {
    let (today, max_age_months) = (inputs.today, inputs.profile.max_age_months);
    let mut out = Vec::new();
    for v in &catalogue.vendors {
        let scopes: Vec<Option<&str>> = if v.offerings.is_empty() {
            vec![None]
        } else {
            v.offerings.iter().map(|o| Some(o.id.as_str())).collect()
        };
        for scope in scopes {
            let evaluated = evaluate_offering(v, scope, inputs);
            let mut c = Coverage {
                vendor: v.id.clone(),
                offering: scope.map(str::to_owned),
                criteria: evaluated.criteria.len(),
                criteria_known: evaluated
                    .criteria
                    .iter()
                    .filter(|c| c.status != Status::Unknown)
                    .count(),
                terms: TERMS.len(),
                known: 0,
                quoted: 0,
                fresh: 0,
                findings: v.findings_for(scope).count(),
                unknown: Vec::new(),
            };
            for t in TERMS {
                match v
                    .claim(t.key, scope)
                    .filter(|c| c.confidence >= inputs.profile.min_confidence)
                {
                    Some(claim) => {
                        c.known += 1;
                        c.quoted += usize::from(claim.quote.is_some());
                        let fresh = claim
                            .verified
                            .checked_add(jiff::Span::new().months(max_age_months))
                            .is_ok_and(|limit| limit >= today);
                        c.fresh += usize::from(fresh);
                    }
                    None => c.unknown.push(t.key),
                }
            }
            out.push(c);
        }
    }
    out
}

/// Writes the coverage as a Markdown-style table, headers in the output language.
pub fn write_table(out: &mut dyn Write, cov: &[Coverage], lang: Lang) -> io::Result<()> {
    let header = match lang {
        Lang::En => [
            "vendor offering",
            "criteria known",
            "%",
            "terms known",
            "%",
            "quoted",
            "fresh",
            "findings",
        ],
        Lang::Nl => [
            "dienst",
            "criteria bekend",
            "%",
            "termen bekend",
            "%",
            "met citaat",
            "actueel",
            "bevindingen",
        ],
    };
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::ASCII_MARKDOWN).force_no_tty();
    t.set_header(header);
    for c in cov {
        let key = match &c.offering {
            Some(o) => format!("{}/{o}", c.vendor),
            None => c.vendor.clone(),
        };
        t.add_row(vec![
            key,
            format!("{}/{}", c.criteria_known, c.criteria),
            format!("{:.0}", 100.0 * c.criteria_known as f64 / c.criteria.max(1) as f64),
            format!("{}/{}", c.known, c.terms),
            format!("{:.0}", c.known_percent()),
            c.quoted.to_string(),
            c.fresh.to_string(),
            c.findings.to_string(),
        ]);
    }
    let total = Total::of(cov);
    t.add_row(vec![
        format!(
            "{} ({} {})",
            match lang {
                Lang::En => "total",
                Lang::Nl => "totaal",
            },
            total.offerings,
            match (lang, total.offerings) {
                (Lang::En, 1) => "offering",
                (Lang::En, _) => "offerings",
                (Lang::Nl, _) => "diensten",
            }
        ),
        format!("{}/{}", total.criteria_known, total.criteria),
        format!("{:.0}", total.criteria_known_percent),
        format!("{}/{}", total.known, total.terms),
        format!("{:.0}", total.known_percent),
        total.quoted.to_string(),
        total.fresh.to_string(),
        String::new(),
    ]);
    writeln!(out, "{t}")
}

/// The closing line of `validate`: files, vendors, errors and warnings.
pub fn summary(files: usize, vendors: usize, errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{files} files, {vendors} vendors: {errors} errors, {warnings} warnings"),
        Lang::Nl => format!(
            "{files} bestanden, {vendors} leveranciers: {errors} {}, {warnings} {}",
            if errors == 1 { "fout" } else { "fouten" },
            if warnings == 1 {
                "waarschuwing"
            } else {
                "waarschuwingen"
            }
        ),
    }
}
