//! The checked catalogue: vendors, their documents, offerings, findings and claims, after every
//! check has passed. Everything downstream (criteria, evaluation, reports, watch targets) reads
//! these types and never the raw TOML.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use super::terms::Term;

/// All vendors, sorted by id.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Catalogue {
    pub vendors: Vec<Vendor>,
}

impl Catalogue {
    /// The vendor with this id. Reports look vendors up per result and per criterion, so the
    /// sorted order of a loaded catalogue is used; a catalogue built otherwise is searched in full.
    pub fn vendor(&self, id: &str) -> Option<&Vendor> {
        match self.vendors.binary_search_by(|v| v.id.as_str().cmp(id)) {
            Ok(i) => self.vendors.get(i),
            Err(_) => self.vendors.iter().find(|v| v.id == id),
        }
    }

    /// The vendor a name typed by a person stands for: its id, else one of its aliases.
    pub fn named(&self, name: &str) -> Option<&Vendor> {
        self.vendor(name)
            .or_else(|| self.vendors.iter().find(|v| v.aliases.iter().any(|a| a == name)))
    }
}

/// Whether the service is still offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VendorStatus {
    Active,
    Retired,
}

/// One video-conferencing service.
#[derive(Debug, Clone, Serialize)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub company: String,
    pub headquarters: String,
    pub open_source: bool,
    pub self_hostable: bool,
    pub status: VendorStatus,
    pub retired: Option<Date>,
    pub website: Option<String>,
    pub description: Option<String>,
    /// Other names people type for the vendor (`teams` for `microsoft-teams`); no two vendors
    /// share one, and none is another vendor's id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where each alias is written (line, column), for the catalogue-wide checks.
    #[serde(skip)]
    pub alias_places: Vec<(usize, usize)>,
    pub documents: Vec<Document>,
    pub offerings: Vec<Offering>,
    pub findings: Vec<Finding>,
    /// Claims per term key, in file order. Shared, so that evaluation results can point at a
    /// claim without copying its texts.
    pub claims: BTreeMap<&'static str, Vec<Arc<Claim>>>,
    /// Where the vendor was read from, for messages.
    #[serde(skip)]
    pub origin: String,
}

impl Vendor {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The offering with this id.
    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.offerings.iter().find(|o| o.id == id)
    }

    /// The claim that holds for `term` in the scope of `offering`: a claim naming the offering
    /// wins over one without offerings. `None` means the term is unknown there.
    pub fn claim(&self, term: &str, offering: Option<&str>) -> Option<&Arc<Claim>> {
        let claims = self.claims.get(term)?;
        if let Some(o) = offering {
            if let Some(c) = claims.iter().find(|c| c.offerings.iter().any(|x| x == o)) {
                return Some(c);
            }
        }
        claims.iter().find(|c| c.offerings.is_empty())
    }

    /// The findings that concern an offering (or the whole vendor).
    pub fn findings_for<'a>(&'a self, offering: Option<&'a str>) -> impl Iterator<Item = &'a Finding> {
        self.findings
            .iter()
            .filter(move |f| f.offerings.is_empty() || offering.is_some_and(|o| f.offerings.iter().any(|x| x == o)))
    }
}

/// A published document of the vendor, tracked by `watch` and cited by claims.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: String,
    pub kind: String,
    pub url: String,
    pub select: Vec<String>,
    pub remove: Vec<String>,
    pub title: Option<String>,
    pub language: Option<String>,
}

/// The kinds a document may have.
pub const DOCUMENT_KINDS: &[&str] = &[
    "privacy-policy",
    "terms-of-service",
    "data-processing-agreement",
    "subprocessors",
    "trust-center",
    "education-privacy",
    "other",
];

/// A tier or contract under which the service is offered.
#[derive(Debug, Clone, Serialize)]
pub struct Offering {
    pub id: String,
    pub name: String,
    /// The name in Dutch, for Dutch output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_nl: Option<String>,
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_nl: Option<String>,
}

/// A dated finding of a regulator or a DPIA.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub date: Date,
    pub by: String,
    pub outcome: String,
    pub summary: String,
    pub source: String,
    /// Who published the source, when the file says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<SourceKind>,
    /// The number of high risks a DPIA left, when it says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_risks: Option<u32>,
    /// What schools must do according to the finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Condition>,
    pub offerings: Vec<String>,
}

/// How sure the catalogue is of a claim. A `low` claim counts as unknown in the evaluation; a
/// profile may raise the bar (`min_confidence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// Every confidence, as written in the files.
    pub const ALL: [(&'static str, Confidence); 3] = [
        ("high", Confidence::High),
        ("medium", Confidence::Medium),
        ("low", Confidence::Low),
    ];

    /// The confidence written as `s`.
    pub fn parse(s: &str) -> Option<Confidence> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
    }

    /// As written in the files.
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, c)| *c == self).map_or("", |(n, _)| n)
    }
}

/// Who published the evidence a claim rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// The vendor's own documents, help pages, or the code of an open-source project.
    Vendor,
    /// A data protection authority or a court.
    Regulator,
    /// A DPIA report or its official summary.
    Dpia,
    /// Journalism.
    Press,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// Every source kind, as written in the files.
    pub const ALL: [(&'static str, SourceKind); 5] = [
        ("vendor", SourceKind::Vendor),
        ("regulator", SourceKind::Regulator),
        ("dpia", SourceKind::Dpia),
        ("press", SourceKind::Press),
        ("other", SourceKind::Other),
    ];

    /// The source kind written as `s`.
    pub fn parse(s: &str) -> Option<SourceKind> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// As written in the files.
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("", |(n, _)| n)
    }
}

impl Condition {
    /// The text in a language; the English one where the catalogue has no Dutch text.
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match (lang, &self.text_nl) {
            (crate::i18n::Lang::Nl, Some(nl)) => nl,
            _ => &self.text,
        }
    }
}

/// Something the school must do or arrange for a value to hold: a setting, a contract term. The
/// id is stable within the vendor, so that a school's own assessment can refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub id: String,
    pub text: String,
    /// The same in Dutch, when the catalogue has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_nl: Option<String>,
}

/// The typed value of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Text(String),
    List(Vec<String>),
}

impl Value {
    /// The boolean, for `Bool` terms.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The string, for enum and text terms.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The items, for list terms.
    pub fn as_list(&self) -> &[String] {
        match self {
            Value::List(l) => l,
            _ => &[],
        }
    }

    /// A short human rendering: `yes`/`no`, the string, or a comma-separated list.
    pub fn display(&self) -> String {
        match self {
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
            Value::Text(s) => s.clone(),
            Value::List(l) if l.is_empty() => "(none)".into(),
            Value::List(l) => l.join(", "),
        }
    }
}

/// Where a claim's evidence comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A document id of the same vendor.
    Document(String),
    /// An external http(s) URL (regulator, DPIA, report).
    Url(String),
}

impl Source {
    /// A source as written: a URL when it has a scheme, else a document id of the vendor.
    pub fn from_written(s: String) -> Source {
        if s.contains("://") {
            Source::Url(s)
        } else {
            Source::Document(s)
        }
    }

    /// As written in the claim: the document id or the URL.
    pub fn as_str(&self) -> &str {
        match self {
            Source::Document(s) | Source::Url(s) => s,
        }
    }
}

/// A sourced statement about one term.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    #[serde(skip)]
    pub term: &'static Term,
    pub value: Value,
    pub source: Source,
    pub verified: Date,
    pub quote: Option<String>,
    pub note: Option<String>,
    pub conditions: Vec<Condition>,
    pub confidence: Confidence,
    /// Who published the source: always `vendor` for a document of the vendor.
    pub source_kind: SourceKind,
    pub offerings: Vec<String>,
    /// Line in the vendor file, for messages.
    #[serde(skip)]
    pub line: usize,
}

impl Vendor {
    /// The URL behind a claim's source.
    pub fn source_url<'a>(&'a self, source: &'a Source) -> Option<&'a str> {
        match source {
            Source::Url(u) => Some(u),
            Source::Document(id) => self.document(id).map(|d| d.url.as_str()),
        }
    }
}
