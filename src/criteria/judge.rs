//! The shared vocabulary of the criteria: [`Facts`] (the claims that hold for one vendor
//! offering, recording which terms a criterion read), [`Judge`] (turns claims into checks and
//! combines them: fail beats unknown beats conditional beats pass) and [`ClaimCheck`] (what a
//! rule concluded from one claim).

use std::cell::RefCell;
use std::sync::Arc;

use super::Status;
use crate::catalogue::{terms, Claim, Condition, Confidence, Vendor};
use crate::i18n::Text;

/// The language, under the path `report/json.rs` still imports it by; [`crate::i18n::Lang`] is
/// its home.
pub use crate::i18n::Lang;

/// The claims that hold for one vendor offering.
pub struct Facts<'a> {
    pub vendor: &'a Vendor,
    pub offering: Option<&'a str>,
    /// Accepted hosting regions from the profile.
    pub accepted_regions: &'a [String],
    /// Claims below this confidence count as unknown (the profile's `min_confidence`).
    pub min_confidence: Confidence,
    read: RefCell<Vec<Read<'a>>>,
}

/// A term that was read, with the claim found for it.
pub type Read<'a> = (&'static str, Option<&'a Arc<Claim>>);

impl<'a> Facts<'a> {
    pub fn new(vendor: &'a Vendor, offering: Option<&'a str>, accepted_regions: &'a [String]) -> Self {
        Facts {
            vendor,
            offering,
            accepted_regions,
            min_confidence: Confidence::Medium,
            read: RefCell::new(Vec::new()),
        }
    }

    /// The same facts, with claims below `min` counted as unknown.
    pub fn with_min_confidence(mut self, min: Confidence) -> Self {
        self.min_confidence = min;
        self
    }

    /// The claim for a term, remembering that it was read; a claim below the minimum confidence
    /// is no claim for the rules (it is still recorded, so that reports can show it).
    pub fn claim(&self, key: &'static str) -> Option<&'a Claim> {
        self.written(key).filter(|c| c.confidence >= self.min_confidence)
    }

    /// The claim the catalogue has for a term, whatever its confidence.
    pub fn written(&self, key: &'static str) -> Option<&'a Claim> {
        debug_assert!(terms::find(key).is_some(), "unknown term {key}");
        let mut read = self.read.borrow_mut();
        if let Some(&(_, claim)) = read.iter().find(|(k, _)| *k == key) {
            return claim.map(|c| &**c);
        }
        let claim = self.vendor.claim(key, self.offering);
        read.push((key, claim));
        claim.map(|c| &**c)
    }

    /// The terms read so far, in reading order, with their claims; clears the record.
    pub fn take_read(&self) -> Vec<Read<'a>> {
        std::mem::take(&mut self.read.borrow_mut())
    }
}

/// What a rule concluded from one claim (the verdict on a vendor offering is
/// [`crate::evaluate::Verdict`]).
pub enum ClaimCheck {
    Pass,
    /// Passes if the school does this.
    Conditional(Condition),
    Fail(Text),
}

/// The outcome of a criterion before profile and staleness are applied.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub reason: Text,
    pub conditions: Vec<Condition>,
}

/// Collects checks for one criterion.
pub struct Judge<'f, 'a> {
    facts: &'f Facts<'a>,
    status: Status,
    fails: Vec<Text>,
    unknown: Vec<&'static str>,
    /// Terms whose claim is below the minimum confidence.
    doubtful: Vec<&'static str>,
    conditions: Vec<Condition>,
}

impl<'f, 'a> Judge<'f, 'a> {
    pub fn new(facts: &'f Facts<'a>) -> Self {
        Judge {
            facts,
            status: Status::Pass,
            fails: Vec::new(),
            unknown: Vec::new(),
            doubtful: Vec::new(),
            conditions: Vec::new(),
        }
    }

    fn raise(&mut self, s: Status) {
        self.status = self.status.max(s);
    }

    /// Applies `rule` to the claim of `key`. A missing claim makes the criterion unknown; a
    /// passing claim that holds only under conditions makes it conditional.
    pub fn check(&mut self, key: &'static str, rule: impl FnOnce(&Claim) -> ClaimCheck) -> Option<&'a Claim> {
        let Some(claim) = self.facts.claim(key) else {
            if self.facts.written(key).is_some() {
                self.doubtful.push(key);
            } else {
                self.unknown.push(key);
            }
            self.raise(Status::Unknown);
            return None;
        };
        match rule(claim) {
            ClaimCheck::Pass => self.claim_conditions(claim),
            ClaimCheck::Conditional(c) => {
                self.condition(c);
                self.claim_conditions(claim);
            }
            ClaimCheck::Fail(t) => self.fail(t),
        }
        Some(claim)
    }

    /// A boolean term that must have the value `good`.
    pub fn bool_is(&mut self, key: &'static str, good: bool, fail: Text) -> Option<bool> {
        self.check(key, |c| match c.value.as_bool() {
            Some(v) if v == good => ClaimCheck::Pass,
            _ => ClaimCheck::Fail(fail),
        })
        .and_then(|c| c.value.as_bool())
    }

    fn claim_conditions(&mut self, claim: &Claim) {
        for c in &claim.conditions {
            self.condition(c.clone());
        }
    }

    /// Adds a condition the school must meet.
    pub fn condition(&mut self, c: Condition) {
        self.raise(Status::Conditional);
        if !self.conditions.contains(&c) {
            self.conditions.push(c);
        }
    }

    /// Records a failure with its reason.
    pub fn fail(&mut self, t: Text) {
        self.raise(Status::Fail);
        self.fails.push(t);
    }

    /// The outcome, with `pass` as the reason when everything passed.
    pub fn finish(self, pass: Text) -> Outcome {
        let reason = match self.status {
            Status::Fail => join(&self.fails),
            Status::Unknown => {
                let labels = |keys: &[&str]| -> (Vec<String>, Vec<String>) {
                    let found: Vec<&terms::Term> = keys.iter().filter_map(|k| terms::find(k)).collect();
                    (
                        found.iter().map(|t| lower_first(t.label_en)).collect(),
                        found.iter().map(|t| lower_first(t.label_nl)).collect(),
                    )
                };
                let mut en = Vec::new();
                let mut nl = Vec::new();
                if !self.unknown.is_empty() {
                    let (e, n) = labels(&self.unknown);
                    en.push(format!("Not known from a source: {}.", e.join("; ")));
                    nl.push(format!("Niet bekend uit een bron: {}.", n.join("; ")));
                }
                if !self.doubtful.is_empty() {
                    let (e, n) = labels(&self.doubtful);
                    en.push(format!("Not known with enough confidence: {}.", e.join("; ")));
                    nl.push(format!("Niet met voldoende zekerheid bekend: {}.", n.join("; ")));
                }
                Text::new(en.join(" "), nl.join(" "))
            }
            Status::Conditional => Text::new(
                format!("{} Only under conditions.", pass.en),
                format!("{} Alleen onder voorwaarden.", pass.nl),
            ),
            Status::Pass => pass,
        };
        // Conditions stay on the list whatever the status: they are still the school's to-do.
        Outcome {
            status: self.status,
            reason,
            conditions: self.conditions,
        }
    }
}

fn join(texts: &[Text]) -> Text {
    let en: Vec<&str> = texts.iter().map(|t| t.en.as_ref()).collect();
    let nl: Vec<&str> = texts.iter().map(|t| t.nl.as_ref()).collect();
    Text::new(en.join(" "), nl.join(" "))
}

/// Lowercases the first letter of each `; `-separated label, keeping acronyms (`AI`, `EU`, `SDKs`).
pub fn lower_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split("; ").enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(a), second) if !second.is_some_and(char::is_uppercase) => {
                out.extend(a.to_lowercase());
                out.push_str(&part[a.len_utf8()..]);
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// A condition a criterion sets by itself (not written in the catalogue), with an id of the form
/// `criterion/what`, which no vendor file's condition id can take.
pub fn condition(id: &str, en: impl Into<String>, nl: impl Into<String>) -> Condition {
    Condition {
        id: id.to_owned(),
        text: en.into(),
        text_nl: Some(nl.into()),
    }
}
