//! The school's verdict per service. There is no second evaluator: the offering is evaluated as
//! the catalogue gives it, and again with the school's facts in place of the catalogue's (a copy
//! of the vendor whose claims for those terms are the school's), both by
//! [`crate::evaluate::evaluate_offering`]. Then the conditions the school marked `done` or
//! `not-applicable` are taken off the criteria; a criterion that was conditional and has no open
//! condition left passes, and the verdict is made again by the normal rule
//! ([`crate::evaluate::verdict`]). What remains open is the to-do list, with owners. The warnings
//! say what the school should look at: the contract (missing, expired, expiring within
//! [`EXPIRY_WARNING_DAYS`](super::EXPIRY_WARNING_DAYS) days), a must-criterion that fails whatever
//! the school does, a condition whose catalogue text changed since the school read it.

use std::sync::Arc;

use jiff::civil::Date;

use super::{text_hash, ConditionEntry, ConditionStatus, School, SchoolFile, Service, EXPIRY_WARNING_DAYS};
use crate::catalogue::{Claim, Condition, Vendor};
use crate::criteria::{Severity, Status};
use crate::evaluate::{evaluate_offering, verdict, Inputs, OfferingResult, Verdict};
use crate::i18n::Text;

/// One service evaluated twice: as the catalogue gives it, and with the school's facts.
pub struct Evaluated {
    /// The vendor with the school's facts in place of the catalogue's.
    pub vendor: Vendor,
    pub catalogue: OfferingResult,
    /// With the school's facts, before the school's conditions are taken off.
    pub school: OfferingResult,
}

impl Evaluated {
    /// Every condition id of both evaluations, in the order of the criteria.
    pub fn known_conditions(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for c in all_conditions(&self.catalogue).chain(all_conditions(&self.school)) {
            if !ids.contains(&c.id.as_str()) {
                ids.push(&c.id);
            }
        }
        ids
    }
}

fn all_conditions(r: &OfferingResult) -> impl Iterator<Item = &Condition> {
    r.criteria.iter().flat_map(|c| c.conditions.iter())
}

/// Evaluates a service of the school both ways.
pub fn evaluate(vendor: &Vendor, service: &Service, inputs: &Inputs) -> Evaluated {
    let catalogue = evaluate_offering(vendor, service.offering.as_deref(), inputs);
    let mut own = vendor.clone();
    for claim in &service.facts {
        own.claims.insert(claim.term.key, vec![Arc::clone(claim)]);
    }
    let school = evaluate_offering(&own, service.offering.as_deref(), inputs);
    Evaluated {
        vendor: own,
        catalogue,
        school,
    }
}

/// A condition still to do, with the school's record of it when there is one.
#[derive(Debug, Clone)]
pub struct Open {
    pub condition: Condition,
    /// The criterion that set it.
    pub criterion: &'static str,
    pub entry: Option<ConditionEntry>,
}

/// Something the school should look at, with a stable kind for scripts.
#[derive(Debug, Clone)]
pub struct Warning {
    /// `no-contract`, `contract-expired`, `contract-expiring`, `not-suitable`,
    /// `condition-changed`, `condition-unhashed` or `condition-not-listed`.
    pub kind: &'static str,
    pub message: Text,
}

/// The assessment of one service.
#[derive(Debug, Clone)]
pub struct ServiceAssessment {
    pub service: Service,
    /// The vendor with the school's facts.
    pub vendor: Vendor,
    pub catalogue: OfferingResult,
    /// With the school's facts and without the conditions the school settled.
    pub result: OfferingResult,
    pub open: Vec<Open>,
    pub warnings: Vec<Warning>,
}

impl ServiceAssessment {
    /// The verdict the catalogue gives.
    pub fn catalogue_verdict(&self) -> Verdict {
        self.catalogue.verdict
    }

    /// The school's verdict.
    pub fn verdict(&self) -> Verdict {
        self.result.verdict
    }

    /// Whether the claim for `term` in the school's evaluation is the school's own.
    pub fn own_fact(&self, term: &str) -> bool {
        self.service.facts.iter().any(|c| c.term.key == term)
    }

    /// The claim the school's evaluation used for `term`, if it is known.
    pub fn claim(&self, term: &str) -> Option<&Arc<Claim>> {
        self.result
            .criteria
            .iter()
            .flat_map(|c| c.facts.iter())
            .find(|f| f.term == term)
            .and_then(|f| f.claim.as_ref())
    }
}

/// The whole assessment of a school file.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub as_of: Date,
    pub school: School,
    pub services: Vec<ServiceAssessment>,
}

/// Assesses every service of the file, given their evaluations in the same order.
pub fn assess(file: &SchoolFile, evaluated: Vec<Evaluated>, today: Date) -> Assessment {
    let services = file
        .services
        .iter()
        .zip(evaluated)
        .map(|(s, e)| service(s, e, today))
        .collect();
    Assessment {
        as_of: today,
        school: file.school.clone(),
        services,
    }
}

fn service(s: &Service, e: Evaluated, today: Date) -> ServiceAssessment {
    let settled = |id: &str| s.condition(id).is_some_and(|c| c.status.settled());
    let mut result = e.school;
    let mut open: Vec<Open> = Vec::new();
    for c in &mut result.criteria {
        c.conditions.retain(|k| !settled(&k.id));
        if c.status == Status::Conditional && c.conditions.is_empty() {
            c.status = Status::Pass;
        }
        for k in &c.conditions {
            if !open.iter().any(|o| o.condition.id == k.id) {
                open.push(Open {
                    condition: k.clone(),
                    criterion: c.id,
                    entry: s.condition(&k.id).cloned(),
                });
            }
        }
    }
    result.verdict = verdict(&result.criteria);
    let mut warnings = contract_warnings(s, today);
    let failing: Vec<&str> = result
        .criteria
        .iter()
        .filter(|c| c.severity == Severity::Must && c.status == Status::Fail)
        .map(|c| c.id)
        .collect();
    if !failing.is_empty() {
        let list = failing.join(", ");
        warnings.push(Warning {
            kind: "not-suitable",
            message: Text::new(
                format!("not suitable whatever the school does: it fails {list}"),
                format!("niet geschikt, wat de school ook doet: voldoet niet aan {list}"),
            ),
        });
    }
    warnings.extend(condition_warnings(s, &e.catalogue, &result));
    ServiceAssessment {
        service: s.clone(),
        vendor: e.vendor,
        catalogue: e.catalogue,
        result,
        open,
        warnings,
    }
}

/// A missing contract, an expired one, one that expires soon.
fn contract_warnings(s: &Service, today: Date) -> Vec<Warning> {
    let Some(contract) = s.contract.as_ref().filter(|c| c.signed.is_some()) else {
        return vec![Warning {
            kind: "no-contract",
            message: Text::fixed(
                "no data processing agreement recorded: add [services.contract] with the date it was signed",
                "geen verwerkersovereenkomst vastgelegd: vul [services.contract] in, met de datum van ondertekening",
            ),
        }];
    };
    let Some(expires) = contract.expires else {
        return Vec::new();
    };
    if expires < today {
        return vec![Warning {
            kind: "contract-expired",
            message: Text::new(
                format!("the data processing agreement expired on {expires}"),
                format!("de verwerkersovereenkomst is verlopen op {expires}"),
            ),
        }];
    }
    let days = (expires - today).get_days();
    let soon = today
        .checked_add(jiff::Span::new().days(EXPIRY_WARNING_DAYS))
        .is_ok_and(|limit| expires <= limit);
    if soon {
        return vec![Warning {
            kind: "contract-expiring",
            message: Text::new(
                format!("the data processing agreement expires on {expires}, in {days} days"),
                format!("de verwerkersovereenkomst verloopt op {expires}, over {days} dagen"),
            ),
        }];
    }
    Vec::new()
}

/// Conditions marked done whose text changed or was not recorded, and conditions of the
/// evaluation the file does not list.
fn condition_warnings(s: &Service, catalogue: &OfferingResult, result: &OfferingResult) -> Vec<Warning> {
    let current = |id: &str| {
        all_conditions(catalogue)
            .chain(all_conditions(result))
            .find(|c| c.id == id)
    };
    let mut out = Vec::new();
    for entry in s.conditions.iter().filter(|c| c.status == ConditionStatus::Done) {
        let Some(cond) = current(&entry.id) else { continue };
        let id = &entry.id;
        match &entry.text_hash {
            Some(h) if *h != text_hash(&cond.text) => out.push(Warning {
                kind: "condition-changed",
                message: Text::new(
                    format!("condition `{id}` was marked done, but its text in the catalogue changed since: \"{}\"", cond.text),
                    format!("voorwaarde `{id}` is afgevinkt, maar de tekst in de catalogus is sindsdien veranderd: \"{}\"", cond.get(crate::i18n::Lang::Nl)),
                ),
            }),
            Some(_) => {}
            None => out.push(Warning {
                kind: "condition-unhashed",
                message: Text::new(
                    format!("condition `{id}` is marked done without `text_hash`; a later change of its text cannot be noticed (write text_hash = \"{}\")", text_hash(&cond.text)),
                    format!("voorwaarde `{id}` is afgevinkt zonder `text_hash`; een latere wijziging van de tekst valt dan niet op (schrijf text_hash = \"{}\")", text_hash(&cond.text)),
                ),
            }),
        }
    }
    let mut listed: Vec<&str> = Vec::new();
    for cond in all_conditions(result) {
        if s.condition(&cond.id).is_none() && !listed.contains(&cond.id.as_str()) {
            listed.push(&cond.id);
            let id = &cond.id;
            out.push(Warning {
                kind: "condition-not-listed",
                message: Text::new(
                    format!("condition `{id}` is not in the school file; it counts as open"),
                    format!("voorwaarde `{id}` staat niet in het schoolbestand; die telt als open"),
                ),
            });
        }
    }
    out
}
