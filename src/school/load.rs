//! From a school file's text to a checked [`SchoolFile`] and its [`Assessment`], with every problem
//! of the file reported at once, as the catalogue's are: each with its code, file, line, column,
//! dotted key and, where one is close, the value probably meant. The text is parsed with the
//! catalogue's parser, read against the format ([`super::read`]), and then resolved: each `use`
//! against the catalogue's vendors and offerings, each fact against the terms ([`super::facts`]),
//! each condition id against the conditions the evaluation of that offering gives (with the
//! catalogue's facts and with the school's), the words of statuses, camera, recording and basis.

use clap::ValueEnum;
use jiff::civil::Date;
use toml::value::Datetime;
use toml::Spanned;

use super::assess::{self, Assessment};
use super::read::{self, RawContract, RawService, Str, When};
use super::{ConditionEntry, ConditionStatus, Contract, School, SchoolFile, Service};
use crate::catalogue::diag::{did_you_mean, Sink};
use crate::catalogue::{parse, Catalogue, Code, Diagnostic};
use crate::evaluate::Inputs;

/// A checked school file with its assessment.
pub struct Loaded {
    pub file: SchoolFile,
    pub assessment: Assessment,
}

/// The checks of one school file: where problems go and the latest day a `verified` may name.
pub struct Checks<'s, 'a> {
    pub sink: &'s mut Sink<'a>,
    pub latest: Date,
}

impl Checks<'_, '_> {
    /// Whether `value` is one of `allowed`; if not, says so with the closest one.
    pub fn one_of(&mut self, value: &Str, allowed: &[&str], key: &str, what: &str) -> bool {
        if allowed.contains(&value.get_ref().as_str()) {
            return true;
        }
        let help = did_you_mean(value.get_ref(), allowed.iter().copied())
            .or_else(|| Some(format!("expected one of: {}", allowed.join(", "))));
        let message = format!("`{}` is not a valid {what}", value.get_ref());
        self.sink.at(Code::InvalidValue, value.span().start, key, message, help);
        false
    }
}

/// A plain calendar day; with `past`, not after the latest day allowed.
pub fn date(c: &mut Checks, value: &Datetime, at: usize, key: &str, past: bool) -> Option<Date> {
    let day = match (value.date, value.time) {
        (Some(d), None) => Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
        _ => None,
    };
    let Some(day) = day else {
        let message = format!("expected a date such as 2026-01-31, found {value}");
        c.sink.at(Code::InvalidDate, at, key, message, None);
        return None;
    };
    if past && day > c.latest {
        let message = format!("{day} is in the future (today is {})", c.latest);
        c.sink.at(Code::FutureDate, at, key, message, None);
        return None;
    }
    Some(day)
}

/// Reads, checks and assesses a school file (`name` names it in messages). `latest` is the last
/// day a `verified` date may name.
pub fn load(
    name: &str,
    text: &str,
    catalogue: &Catalogue,
    inputs: &Inputs,
    latest: Date,
) -> Result<Loaded, Vec<Diagnostic>> {
    let mut sink = Sink::new(name, text);
    let result = parse::parse(&mut sink, text).and_then(|root| {
        let raw = read::file(&mut sink, &root);
        let mut c = Checks {
            sink: &mut sink,
            latest,
        };
        resolve(&mut c, raw, catalogue, inputs)
    });
    match result {
        Some(loaded) if !sink.has_errors() => Ok(loaded),
        _ => Err(sink.into_sorted()),
    }
}

/// Free text, with an empty one taken as not given.
fn text(s: Option<Str>) -> Option<String> {
    s.map(Spanned::into_inner).filter(|s| !s.trim().is_empty())
}

/// A word of a clap value enum (`public-task`, `off`), with the closest one when it is not one.
fn word<T: ValueEnum + Clone>(c: &mut Checks, value: Option<&Str>, key: &str, what: &str) -> Option<T> {
    let value = value?;
    let names: Vec<String> = T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_owned()))
        .collect();
    let allowed: Vec<&str> = names.iter().map(String::as_str).collect();
    if !c.one_of(value, &allowed, key, what) {
        return None;
    }
    T::from_str(value.get_ref(), false).ok()
}

fn resolve(c: &mut Checks, raw: read::RawFile, catalogue: &Catalogue, inputs: &Inputs) -> Option<Loaded> {
    let s = raw.school;
    let school = School {
        basis: word(c, s.basis.as_ref(), "school.basis", "legal basis"),
        name: text(s.name),
        dpo: text(s.dpo),
        contact: text(s.contact),
        signatory: text(s.signatory),
    };
    let mut services = Vec::new();
    let mut evaluated = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for r in raw.services {
        let Some((vendor, offering)) = r.used.as_ref().and_then(|u| used(c, u, &r.key, catalogue)) else {
            // The facts are still checked, so that their problems are reported too.
            super::facts::facts(c, r.facts, &format!("{}.facts", r.key));
            continue;
        };
        let key = match &offering {
            Some(o) => format!("{vendor}/{o}"),
            None => vendor.clone(),
        };
        if seen.contains(&key) {
            if let Some(u) = &r.used {
                let message = format!("`{key}` is listed twice; keep one `[[services]]` per service");
                c.sink.at(
                    Code::DuplicateId,
                    u.span().start,
                    &format!("{}.use", r.key),
                    message,
                    None,
                );
            }
        }
        seen.push(key);
        let Some(v) = catalogue.vendor(&vendor) else { continue };
        let facts = super::facts::facts(c, r.facts, &format!("{}.facts", r.key));
        let mut service = service(c, &r, vendor, offering);
        service.facts = facts;
        let eval = assess::evaluate(v, &service, inputs);
        service.conditions = conditions(c, &r, &eval.known_conditions());
        services.push(service);
        evaluated.push(eval);
    }
    let file = SchoolFile { school, services };
    let assessment = assess::assess(&file, evaluated, inputs.today);
    Some(Loaded { file, assessment })
}

/// The vendor and offering that `use` names, or `None` after saying why it names none.
fn used(c: &mut Checks, u: &Str, key: &str, catalogue: &Catalogue) -> Option<(String, Option<String>)> {
    let key = format!("{key}.use");
    let at = u.span().start;
    let all: Vec<String> = catalogue
        .vendors
        .iter()
        .flat_map(|v| {
            let ids: Vec<String> = if v.offerings.is_empty() {
                vec![v.id.clone()]
            } else {
                v.offerings.iter().map(|o| format!("{}/{}", v.id, o.id)).collect()
            };
            ids
        })
        .collect();
    let help = || {
        did_you_mean(u.get_ref(), all.iter().map(String::as_str))
            .or_else(|| Some("`vcaudit audit` lists every vendor offering".into()))
    };
    let (vendor_id, offering) = match u.get_ref().split_once('/') {
        Some((v, o)) => (v, Some(o)),
        None => (u.get_ref().as_str(), None),
    };
    let Some(vendor) = catalogue.vendor(vendor_id) else {
        let message = format!("`{vendor_id}` is not a vendor of the catalogue");
        c.sink.at(Code::InvalidValue, at, &key, message, help());
        return None;
    };
    match (offering, vendor.offerings.is_empty()) {
        (None, true) => Some((vendor.id.clone(), None)),
        (Some(o), false) if vendor.offering(o).is_some() => Some((vendor.id.clone(), Some(o.to_owned()))),
        (None, false) => {
            let ids: Vec<&str> = vendor.offerings.iter().map(|o| o.id.as_str()).collect();
            let message = format!("`{vendor_id}` has several offerings; name one");
            let help = format!("write `{vendor_id}/OFFERING`, one of: {}", ids.join(", "));
            c.sink.at(Code::UnknownOffering, at, &key, message, Some(help));
            None
        }
        (Some(o), _) => {
            let message = format!("`{o}` is not an offering of `{vendor_id}`");
            c.sink.at(Code::UnknownOffering, at, &key, message, help());
            None
        }
    }
}

/// The service's own keys, checked (its conditions and facts are checked apart).
fn service(c: &mut Checks, r: &RawService, vendor: String, offering: Option<String>) -> Service {
    let k = |name: &str| format!("{}.{name}", r.key);
    Service {
        vendor,
        offering,
        purpose: text(r.purpose.clone()),
        camera: word(c, r.camera.as_ref(), &k("camera"), "camera choice"),
        camera_reason: text(r.camera_reason.clone()),
        recording: word(c, r.recording.as_ref(), &k("recording"), "recording choice"),
        retention: text(r.retention.clone()),
        contract: r.contract.as_ref().map(|raw| contract(c, raw)),
        conditions: Vec::new(),
        facts: Vec::new(),
    }
}

fn contract(c: &mut Checks, raw: &RawContract) -> Contract {
    let mut day = |w: &Option<When>, name: &str| {
        let w = w.as_ref()?;
        date(c, w.get_ref(), w.span().start, &format!("{}.{name}", raw.key), false)
    };
    Contract {
        signed: day(&raw.signed, "signed"),
        expires: day(&raw.expires, "expires"),
        route: text(raw.route.clone()),
        model_dpa: text(raw.model_dpa.clone()),
        reference: text(raw.reference.clone()),
    }
}

/// The conditions as written, each id one of `known` (the conditions of the service's
/// evaluations), each once.
fn conditions(c: &mut Checks, r: &RawService, known: &[&str]) -> Vec<ConditionEntry> {
    let mut out: Vec<ConditionEntry> = Vec::new();
    for raw in &r.conditions {
        let statuses = ConditionStatus::ALL.map(|(n, _)| n);
        let status = raw
            .status
            .as_ref()
            .filter(|s| c.one_of(s, &statuses, &format!("{}.status", raw.key), "condition status"))
            .and_then(|s| ConditionStatus::parse(s.get_ref()));
        let date = raw
            .date
            .as_ref()
            .and_then(|w| date(c, w.get_ref(), w.span().start, &format!("{}.date", raw.key), false));
        let Some(id) = &raw.id else { continue };
        let key = format!("{}.id", raw.key);
        if !known.contains(&id.get_ref().as_str()) {
            let help = did_you_mean(id.get_ref(), known.iter().copied())
                .or_else(|| Some(format!("its conditions are: {}", known.join(", "))));
            let message = format!("`{}` is not a condition of `{}`", id.get_ref(), key_of(r));
            c.sink.at(Code::InvalidValue, id.span().start, &key, message, help);
            continue;
        }
        if out.iter().any(|e| e.id == *id.get_ref()) {
            let message = format!("condition `{}` is listed twice for this service", id.get_ref());
            c.sink.at(Code::DuplicateId, id.span().start, &key, message, None);
            continue;
        }
        let Some(status) = status else { continue };
        out.push(ConditionEntry {
            id: id.get_ref().clone(),
            status,
            owner: text(raw.owner.clone()),
            date,
            note: text(raw.note.clone()),
            text_hash: text(raw.text_hash.clone()),
        });
    }
    out
}

/// The service as `use` names it, for messages.
fn key_of(r: &RawService) -> String {
    r.used.as_ref().map_or_else(|| r.key.clone(), |u| u.get_ref().clone())
}
