//! The evaluation: catalogue + profile (+ what the policy watcher saw change) → a status per
//! criterion and a verdict per vendor offering. Pure: no I/O, so every renderer works from the
//! same serializable value and tests need no files.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

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

/// Whether a claim's quote was found in the text of its source, as the watcher last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteState {
    /// Found in the source's current text.
    Confirmed,
    /// Not found in the source's current text.
    QuoteGone,
    /// The claim has no quote to look for.
    NoQuote,
    /// The source was never fetched (or not since the quote was written).
    NotFetched,
}

impl QuoteState {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteState::Confirmed => "confirmed",
            QuoteState::QuoteGone => "quote-gone",
            QuoteState::NoQuote => "no-quote",
            QuoteState::NotFetched => "not-fetched",
        }
    }
}

/// The watcher's last look for one claim's quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCheck {
    /// The quote that was looked for: a check of another quote does not count.
    pub quote: String,
    /// `Confirmed` or `QuoteGone`.
    pub state: QuoteState,
    /// The last day the quote was found.
    pub last_confirmed: Option<Date>,
}

/// A person's review of a changed document: the claims citing it still hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reviewed {
    pub on: Date,
    pub note: Option<String>,
}

/// What the watcher checked of the evidence: quote checks per `(vendor, claim key)` (see
/// [`claim_key`]), and per `(vendor, document)` the review that covers its current text.
#[derive(Debug, Clone, Default)]
pub struct EvidenceChecks {
    pub quotes: HashMap<(String, String), QuoteCheck>,
    pub reviews: HashMap<(String, String), Reviewed>,
}

impl EvidenceChecks {
    /// The quote state of a claim and the last day its quote was found.
    pub fn quote_of(&self, vendor: &str, claim: &Claim) -> (QuoteState, Option<Date>) {
        let Some(quote) = &claim.quote else {
            return (QuoteState::NoQuote, None);
        };
        if self.quotes.is_empty() {
            return (QuoteState::NotFetched, None);
        }
        match self.quotes.get(&(vendor.to_owned(), claim_key(claim))) {
            Some(c) if &c.quote == quote => (c.state, c.last_confirmed),
            _ => (QuoteState::NotFetched, None),
        }
    }

    /// The review covering the current text of the document a claim cites.
    pub fn review_of(&self, vendor: &str, claim: &Claim) -> Option<&Reviewed> {
        match &claim.source {
            Source::Document(doc) if !self.reviews.is_empty() => self.reviews.get(&(vendor.to_owned(), doc.clone())),
            _ => None,
        }
    }
}

/// The key of a claim within its vendor: the term, and the offerings it is limited to
/// (`contract.dpa`, `contract.dpa@education,business`).
pub fn claim_key(claim: &Claim) -> String {
    if claim.offerings.is_empty() {
        claim.term.key.to_owned()
    } else {
        format!("{}@{}", claim.term.key, claim.offerings.join(","))
    }
}

/// Everything an evaluation needs besides the catalogue.
pub struct Inputs<'a> {
    pub profile: &'a Profile,
    pub today: Date,
    pub changes: &'a SourceChanges,
    /// Quote checks and reviews from the watcher's store.
    pub evidence: &'a EvidenceChecks,
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
    /// Whether the claim's quote is in its source's current text (`None` for an unknown term).
    pub quote_state: Option<QuoteState>,
    /// The last day the quote was found in its source.
    pub last_confirmed: Option<Date>,
    /// The review of the claim's changed document that covers its current text.
    pub reviewed: Option<Reviewed>,
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
                let (quote_state, last_confirmed) = match claim {
                    Some(c) => {
                        let (state, day) = inputs.evidence.quote_of(&vendor.id, c);
                        (Some(state), day)
                    }
                    None => (None, None),
                };
                let reviewed = claim
                    .and_then(|c| inputs.evidence.review_of(&vendor.id, c))
                    .filter(|r| r.on <= inputs.today)
                    .cloned();
                if let Some(claim) = claim {
                    let checked = Checked {
                        quote_state,
                        last_confirmed,
                        reviewed: reviewed.as_ref(),
                    };
                    stale_reasons.extend(staleness(vendor, claim, inputs, &checked));
                }
                // The URL behind the claim's source is looked up by the reports that show it
                // (`Vendor::source_url`): most outputs do not, and a copy per criterion and
                // offering was a tenth of an evaluation's memory.
                FactUsed {
                    term,
                    counted: claim.is_some_and(|c| c.confidence >= inputs.profile.min_confidence),
                    claim: claim.cloned(),
                    quote_state,
                    last_confirmed,
                    reviewed,
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

/// What the watcher and a reviewer checked of one claim.
struct Checked<'a> {
    quote_state: Option<QuoteState>,
    last_confirmed: Option<Date>,
    reviewed: Option<&'a Reviewed>,
}

/// Why a claim's evidence may no longer hold. The day its quote was last found in its source and
/// the day a person reviewed the source's change count as verifications: a quote found within the
/// maximum age keeps the claim fresh whatever its `verified` date, and a change of the source is
/// a reason only when it came after the last of them. A quote gone is a reason until a review of
/// the text it is gone from.
fn staleness(vendor: &Vendor, claim: &Claim, inputs: &Inputs, checked: &Checked) -> Vec<Text> {
    let mut out = Vec::new();
    let months = inputs.profile.max_age_months;
    let today = inputs.today;
    // The last day someone or something checked the claim: its `verified` date, the day its
    // quote was last found in the source, a review of the source's change.
    let confirmed = match checked.quote_state {
        Some(QuoteState::Confirmed) => checked.last_confirmed.filter(|d| *d <= today),
        _ => None,
    };
    let checked_on = [confirmed, checked.reviewed.map(|r| r.on)]
        .into_iter()
        .flatten()
        .fold(claim.verified, Date::max);
    if crate::catalogue::check::too_old(checked_on, today, months) {
        let term = claim.term.key;
        out.push(if checked_on == claim.verified {
            Text::new(
                format!("{term}: evidence verified on {checked_on} is older than {months} months"),
                format!("{term}: bewijs gecontroleerd op {checked_on} is ouder dan {months} maanden"),
            )
        } else {
            Text::new(
                format!("{term}: evidence last checked on {checked_on} is older than {months} months"),
                format!("{term}: bewijs het laatst nagekeken op {checked_on} is ouder dan {months} maanden"),
            )
        });
    }
    if checked.quote_state == Some(QuoteState::QuoteGone) && checked.reviewed.is_none() {
        let (term, src) = (claim.term.key, claim.source.as_str());
        out.push(Text::new(
            format!("{term}: the quote is no longer in source `{src}`"),
            format!("{term}: het citaat staat niet meer in bron `{src}`"),
        ));
    }
    // Looking up a change needs an owned key; most runs have no changes at all.
    if let (Source::Document(doc), false) = (&claim.source, inputs.changes.is_empty()) {
        if let Some(changed) = inputs.changes.get(&(vendor.id.clone(), doc.clone())) {
            // A change after the evaluation day (`--as-of` in the past) was not known then; a
            // review on or after the change read it, a quote found on or after it still stands.
            if *changed > checked_on && *changed <= today {
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
