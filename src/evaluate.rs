//! The evaluation: catalogue + profile (+ what the policy watcher saw change) → a status per
//! criterion and a verdict per vendor offering. Pure: no I/O, so every renderer works from the
//! same serializable value and tests need no files.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::catalogue::{Catalogue, Claim, Condition, Source, Vendor, VendorStatus};
use crate::criteria::{profile::Profile, Facts, Severity, Status, ALL};
use crate::i18n::{Lang, Text};

/// The four verdicts, in order of severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Suitable,
    SuitableWithConditions,
    InsufficientInformation,
    NotSuitable,
}

impl Verdict {
    /// The criterion status a verdict is shown with (colour, symbol, cell style).
    pub fn status(self) -> Status {
        match self {
            Verdict::Suitable => Status::Pass,
            Verdict::SuitableWithConditions => Status::Conditional,
            Verdict::InsufficientInformation => Status::Unknown,
            Verdict::NotSuitable => Status::Fail,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Suitable => "suitable",
            Verdict::SuitableWithConditions => "suitable-with-conditions",
            Verdict::InsufficientInformation => "insufficient-information",
            Verdict::NotSuitable => "not-suitable",
        }
    }

    /// A short label for narrow tables.
    pub fn short_label(self) -> Text {
        match self {
            Verdict::Suitable => Text::fixed("suitable", "geschikt"),
            Verdict::SuitableWithConditions => Text::fixed("with conditions", "onder voorwaarden"),
            Verdict::InsufficientInformation => Text::fixed("insufficient info", "onvoldoende info"),
            Verdict::NotSuitable => Text::fixed("not suitable", "niet geschikt"),
        }
    }

    /// A human label.
    pub fn label(self) -> Text {
        match self {
            Verdict::Suitable => Text::fixed("suitable", "geschikt"),
            Verdict::SuitableWithConditions => Text::fixed("suitable with conditions", "geschikt onder voorwaarden"),
            Verdict::InsufficientInformation => Text::fixed("insufficient information", "onvoldoende informatie"),
            Verdict::NotSuitable => Text::fixed("not suitable", "niet geschikt"),
        }
    }
}

/// When each watched document last changed: `(vendor, document) → day`.
pub type SourceChanges = HashMap<(String, String), Date>;

/// Everything an evaluation needs besides the catalogue.
pub struct Inputs<'a> {
    pub profile: &'a Profile,
    pub today: Date,
    pub changes: &'a SourceChanges,
}

/// A selected vendor, optionally narrowed to one offering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub vendor: String,
    pub offering: Option<String>,
}

impl Selector {
    /// Whether this selector picks the offering `offering` (or the offering-less vendor) of `vendor`.
    pub fn matches(&self, vendor: &str, offering: Option<&str>) -> bool {
        self.vendor == vendor && (self.offering.is_none() || self.offering.as_deref() == offering)
    }
}

/// The whole result.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub as_of: Date,
    pub profile: Profile,
    pub results: Vec<OfferingResult>,
}

/// The result for one vendor offering (or a vendor without offerings).
#[derive(Debug, Clone, Serialize)]
pub struct OfferingResult {
    pub vendor: String,
    pub vendor_name: String,
    pub offering: Option<String>,
    pub offering_name: Option<String>,
    /// The offering's Dutch name (`name_nl` in the catalogue), when it has one.
    pub offering_name_nl: Option<String>,
    pub retired: Option<Date>,
    pub verdict: Verdict,
    pub criteria: Vec<CriterionResult>,
}

impl OfferingResult {
    /// `vendor` or `vendor/offering`.
    pub fn key(&self) -> String {
        match &self.offering {
            Some(o) => format!("{}/{o}", self.vendor),
            None => self.vendor.clone(),
        }
    }

    /// A human name: "Zoom — Zoom for Education", in English.
    pub fn display_name(&self) -> String {
        self.display_name_in(Lang::En)
    }

    /// The offering's name in a language: the Dutch name under `nl` when the catalogue gives
    /// one, else the name as written.
    pub fn offering_name_in(&self, lang: Lang) -> Option<&str> {
        match (lang, &self.offering_name_nl) {
            (Lang::Nl, Some(nl)) => Some(nl),
            _ => self.offering_name.as_deref(),
        }
    }

    /// A human name in a language: "Zoom — Zoom for Education".
    pub fn display_name_in(&self, lang: Lang) -> String {
        match self.offering_name_in(lang) {
            Some(o) => format!("{} — {o}", self.vendor_name),
            None => self.vendor_name.clone(),
        }
    }

    /// The result of one criterion.
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// One criterion for one vendor offering.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionResult {
    pub id: &'static str,
    pub severity: Severity,
    pub status: Status,
    pub stale: bool,
    pub stale_reasons: Vec<Text>,
    pub reason: Text,
    pub conditions: Vec<Condition>,
    pub facts: Vec<FactUsed>,
}

/// A claim a criterion read, or a term it needed and found unknown.
#[derive(Debug, Clone, Serialize)]
pub struct FactUsed {
    pub term: &'static str,
    /// `None`: unknown.
    pub claim: Option<Arc<Claim>>,
    /// Whether the claim counted: false when its confidence is below the profile's minimum, so
    /// that the criterion took the term as unknown.
    pub counted: bool,
}

/// Evaluates the selected vendor offerings (all when `selection` is empty).
pub fn evaluate(catalogue: &Catalogue, selection: &[Selector], inputs: &Inputs) -> Evaluation {
    // Vendors are independent: each is evaluated on its own, spread over the cores.
    let per_vendor = crate::parallel::map(&catalogue.vendors, |vendor| {
        let picked: Vec<&Selector> = selection.iter().filter(|s| s.vendor == vendor.id).collect();
        if !selection.is_empty() && picked.is_empty() {
            return Vec::new();
        }
        evaluate_vendor(vendor, inputs, |scope| {
            picked.is_empty() || picked.iter().any(|s| s.matches(&vendor.id, scope))
        })
    });
    let mut results: Vec<OfferingResult> = per_vendor.into_iter().flatten().collect();
    // Keep the order the user asked for, when they asked: each result goes where the first
    // selector that picks it stands (the offerings of a vendor named alone in the vendor's order).
    if !selection.is_empty() {
        results.sort_by_key(|r| {
            selection
                .iter()
                .position(|s| s.matches(&r.vendor, r.offering.as_deref()))
                .unwrap_or(usize::MAX)
        });
    }
    Evaluation {
        as_of: inputs.today,
        profile: inputs.profile.clone(),
        results,
    }
}

/// Evaluates the offerings of one vendor that `keep` accepts, in the order the vendor lists them;
/// a vendor without offerings is evaluated as a whole (`None`).
pub fn evaluate_vendor(vendor: &Vendor, inputs: &Inputs, keep: impl Fn(Option<&str>) -> bool) -> Vec<OfferingResult> {
    let scopes: Vec<Option<&str>> = if vendor.offerings.is_empty() {
        vec![None]
    } else {
        vendor.offerings.iter().map(|o| Some(o.id.as_str())).collect()
    };
    scopes
        .into_iter()
        .filter(|scope| keep(*scope))
        .map(|scope| evaluate_offering(vendor, scope, inputs))
        .collect()
}

/// Evaluates one vendor offering.
pub fn evaluate_offering(vendor: &Vendor, offering: Option<&str>, inputs: &Inputs) -> OfferingResult {
    let facts = Facts::new(vendor, offering, &inputs.profile.accepted_regions)
        .with_min_confidence(inputs.profile.min_confidence);
    let mut criteria = Vec::new();
    for c in ALL {
        let severity = inputs.profile.severity_of(c);
        if severity == Severity::Off {
            continue;
        }
        let outcome = (c.evaluate)(&facts);
        let read = facts.take_read();
        let mut stale_reasons = Vec::new();
        let used: Vec<FactUsed> = read
            .into_iter()
            .map(|(term, claim)| {
                if let Some(claim) = claim {
                    stale_reasons.extend(staleness(vendor, claim, inputs));
                }
                // The URL behind the claim's source is looked up by the reports that show it
                // (`Vendor::source_url`): most outputs do not, and a copy per criterion and
                // offering was a tenth of an evaluation's memory.
                FactUsed {
                    term,
                    counted: claim.is_some_and(|c| c.confidence >= inputs.profile.min_confidence),
                    claim: claim.cloned(),
                }
            })
            .collect();
        criteria.push(CriterionResult {
            id: c.id,
            severity,
            status: outcome.status,
            stale: !stale_reasons.is_empty(),
            stale_reasons,
            reason: outcome.reason,
            conditions: outcome.conditions,
            facts: used,
        });
    }
    let verdict = verdict(&criteria);
    OfferingResult {
        vendor: vendor.id.clone(),
        vendor_name: vendor.name.clone(),
        offering: offering.map(str::to_owned),
        offering_name: offering.and_then(|o| vendor.offering(o)).map(|o| o.name.clone()),
        offering_name_nl: offering
            .and_then(|o| vendor.offering(o))
            .and_then(|o| o.name_nl.clone()),
        retired: (vendor.status == VendorStatus::Retired)
            .then_some(vendor.retired)
            .flatten(),
        verdict,
        criteria,
    }
}

/// Why a claim's evidence may no longer hold.
fn staleness(vendor: &Vendor, claim: &Claim, inputs: &Inputs) -> Vec<Text> {
    let mut out = Vec::new();
    let months = inputs.profile.max_age_months;
    if crate::catalogue::check::too_old(claim.verified, inputs.today, months) {
        let (term, verified) = (claim.term.key, claim.verified);
        out.push(Text::new(
            format!("{term}: evidence verified on {verified} is older than {months} months"),
            format!("{term}: bewijs gecontroleerd op {verified} is ouder dan {months} maanden"),
        ));
    }
    // Looking up a change needs an owned key; most runs have no changes at all.
    if let (Source::Document(doc), false) = (&claim.source, inputs.changes.is_empty()) {
        if let Some(changed) = inputs.changes.get(&(vendor.id.clone(), doc.clone())) {
            // A change after the evaluation day (`--as-of` in the past) was not known then.
            if *changed > claim.verified && *changed <= inputs.today {
                out.push(Text::new(
                    format!(
                        "{}: source `{doc}` changed on {changed} since verified on {}",
                        claim.term.key, claim.verified
                    ),
                    format!(
                        "{}: bron `{doc}` is gewijzigd op {changed}, na de controle op {}",
                        claim.term.key, claim.verified
                    ),
                ));
            }
        }
    }
    out
}

/// The verdict rule of the source analysis, applied to `must` criteria.
pub fn verdict(criteria: &[CriterionResult]) -> Verdict {
    let must = || criteria.iter().filter(|c| c.severity == Severity::Must);
    if must().any(|c| c.status == Status::Fail) {
        Verdict::NotSuitable
    } else if must().any(|c| c.status == Status::Unknown) {
        Verdict::InsufficientInformation
    } else if must().any(|c| c.status == Status::Conditional) {
        Verdict::SuitableWithConditions
    } else {
        Verdict::Suitable
    }
}
