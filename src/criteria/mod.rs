//! The thirteen remote-teaching criteria, one file each with the same shape: metadata (id, default
//! severity, titles, what it checks, the trace to the source passage) and a pure `evaluate`
//! function over the facts of one vendor offering. `judge` holds the small vocabulary the
//! criteria share for turning claims into a status, a reason and conditions.

pub mod judge;
pub mod profile;

mod anonymous_join;
mod camera_optional;
mod eu_hosting;
mod eu_jurisdiction;
mod no_content_analysis;
mod no_own_analytics;
mod no_secondary_use;
mod no_third_party_sharing;
mod processor_agreement;
mod recording_control;
mod recording_storage;
mod security;
mod transparency;

use serde::Serialize;

use crate::i18n::Lang;
pub use crate::i18n::Text;
pub use judge::{Facts, Outcome};

/// How much a criterion weighs in the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocking: a failure makes the service not suitable.
    Must,
    /// A concern: listed, never blocking.
    Should,
    /// Shown, never changes the verdict.
    Info,
    /// Not evaluated.
    Off,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Must => "must",
            Severity::Should => "should",
            Severity::Info => "info",
            Severity::Off => "off",
        }
    }
}

/// The result of one criterion for one vendor offering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Conditional,
    Unknown,
    Fail,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Conditional => "conditional",
            Status::Unknown => "unknown",
            Status::Fail => "fail",
        }
    }
}

/// Where a criterion comes from in the source documents.
#[derive(Debug)]
pub struct Trace {
    /// `003` (the blog post on remote teaching) or `000` (the Kennisnet Q&A on recording).
    pub document: &'static str,
    /// Where in the document: "main text", "comment 1.1".
    pub place: &'static str,
    /// A short Dutch phrase from the passage, verbatim.
    pub quote: &'static str,
}

/// Whose words a passage is: the author of the blog post and Kennisnet set rules, the law is the
/// law, and a reader's comment is context that is shown as a reader's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// Not in the source documents: the tool's own reading, from the law it names.
    Outside,
    Reader,
    Author,
    Kennisnet,
    /// The Autoriteit Persoonsgegevens, the Dutch supervisory authority.
    Regulator,
    Law,
}

impl Trace {
    /// Who wrote the passage.
    pub fn by(&self) -> Voice {
        match (self.document, self.place) {
            ("000", _) => Voice::Kennisnet,
            ("uavg", _) => Voice::Law,
            ("ap" | "ap-corona", _) => Voice::Regulator,
            (OUTSIDE_SOURCES, _) => Voice::Outside,
            (_, "main text") => Voice::Author,
            _ => Voice::Reader,
        }
    }
}

/// The `document` of a statement the source documents do not cover; its `quote` names the law the
/// reading rests on.
pub const OUTSIDE_SOURCES: &str = "outside";

/// Whose words a statement rests on: a reader's view only when every passage behind it is a
/// reader's comment.
pub fn voice_of(traces: &[Trace]) -> Voice {
    traces.iter().map(Trace::by).max().unwrap_or(Voice::Reader)
}

/// One criterion.
#[derive(Debug)]
pub struct Criterion {
    pub id: &'static str,
    pub severity: Severity,
    pub title: Text,
    /// What the vendor must offer.
    pub checks: Text,
    /// Why, in neutral words: what the criterion protects and the article or source passage it
    /// rests on. Reports and tenders show this, not the readers' comments.
    pub rationale: Text,
    pub trace: &'static [Trace],
    pub evaluate: fn(&Facts) -> Outcome,
}

/// The source documents, by the id the traces use.
pub const SOURCES: &[(&str, &str)] = &[
    ("003", "Arnoud Engelfriet, \"Is er eigenlijk geen ouderlijke toestemming nodig voor afstandsles met minderjarigen?\" (blog post with reader comments)"),
    ("000", "Kennisnet, \"Moet een student/stagiair voor opnames in de klas voor opleidingsdoeleinden toestemming vragen?\" (Q&A, 7 May 2019)"),
    ("uavg", "Uitvoeringswet Algemene verordening gegevensbescherming (UAVG), the Dutch GDPR implementing act"),
];

/// Documents only the scenario advice (`advise`) cites, beside [`SOURCES`]: the pages of the
/// Autoriteit Persoonsgegevens on remote teaching and proctoring.
pub const GUIDANCE_SOURCES: &[(&str, &str)] = &[
    ("ap", "Autoriteit Persoonsgegevens, \"Digitaal afstandsonderwijs\" (web page of the Dutch supervisory authority, https://autoriteitpersoonsgegevens.nl/themas/onderwijs/digitaal-afstandsonderwijs)"),
    ("ap-corona", "Autoriteit Persoonsgegevens, \"Onderwijs tijdens corona\" (web page of the Dutch supervisory authority, https://autoriteitpersoonsgegevens.nl/nl/onderwerpen/corona/onderwijs-tijdens-corona)"),
];

/// The title of a source document in the output language; the Dutch titles themselves stay as
/// published, only the description of the document is translated.
pub fn source_title(id: &str, lang: Lang) -> Option<&'static str> {
    let en = SOURCES
        .iter()
        .chain(GUIDANCE_SOURCES)
        .find(|(i, _)| *i == id)
        .map(|(_, t)| *t)?;
    Some(match (lang, id) {
        (Lang::Nl, "003") => "Arnoud Engelfriet, \"Is er eigenlijk geen ouderlijke toestemming nodig voor afstandsles met minderjarigen?\" (blogbericht met reacties van lezers)",
        (Lang::Nl, "000") => "Kennisnet, \"Moet een student/stagiair voor opnames in de klas voor opleidingsdoeleinden toestemming vragen?\" (vraag en antwoord, 7 mei 2019)",
        (Lang::Nl, "uavg") => "Uitvoeringswet Algemene verordening gegevensbescherming (UAVG)",
        (Lang::Nl, "ap") => "Autoriteit Persoonsgegevens, \"Digitaal afstandsonderwijs\" (webpagina van de toezichthouder, https://autoriteitpersoonsgegevens.nl/themas/onderwijs/digitaal-afstandsonderwijs)",
        (Lang::Nl, "ap-corona") => "Autoriteit Persoonsgegevens, \"Onderwijs tijdens corona\" (webpagina van de toezichthouder, https://autoriteitpersoonsgegevens.nl/nl/onderwerpen/corona/onderwijs-tijdens-corona)",
        _ => en,
    })
}

/// A place in a source document ("main text", "comment 1.1", "answer") in the output language.
pub fn place_name(place: &str, lang: Lang) -> String {
    match lang {
        Lang::En => place.replace("comment", "reader comment"),
        Lang::Nl => place
            .replace("main text", "hoofdtekst")
            .replace("comment", "lezersreactie")
            .replace("answer", "antwoord")
            .replace("web page", "webpagina"),
    }
}

/// Every criterion, in the order of the source analysis.
pub static ALL: &[&Criterion] = &[
    &processor_agreement::CRITERION,
    &no_own_analytics::CRITERION,
    &no_secondary_use::CRITERION,
    &no_third_party_sharing::CRITERION,
    &no_content_analysis::CRITERION,
    &eu_hosting::CRITERION,
    &eu_jurisdiction::CRITERION,
    &recording_control::CRITERION,
    &recording_storage::CRITERION,
    &camera_optional::CRITERION,
    &anonymous_join::CRITERION,
    &security::CRITERION,
    &transparency::CRITERION,
];

/// Looks a criterion up by id.
pub fn find(id: &str) -> Option<&'static Criterion> {
    ALL.iter().copied().find(|c| c.id == id)
}

/// The usage error for an unknown criterion id: a suggestion when one is close, and every id.
pub fn not_found(id: &str) -> String {
    let ids = ALL.iter().map(|c| c.id);
    let hint = crate::catalogue::diag::did_you_mean(id, ids.clone()).map_or_else(String::new, |h| format!("; {h}"));
    let all: Vec<&str> = ids.collect();
    format!("no criterion `{id}`{hint} (criteria: {})", all.join(", "))
}

/// Short column codes for narrow tables, in the order of [`ALL`].
pub fn code(id: &str) -> &'static str {
    match id {
        "processor-agreement" => "PA",
        "no-own-analytics" => "AN",
        "no-secondary-use" => "SU",
        "no-third-party-sharing" => "3P",
        "no-content-analysis" => "CA",
        "eu-hosting" => "EH",
        "eu-jurisdiction" => "EJ",
        "recording-control" => "RC",
        "recording-storage" => "RS",
        "camera-optional" => "CO",
        "anonymous-join" => "AJ",
        "security" => "SE",
        "transparency" => "TR",
        _ => "??",
    }
}

/// The verdict rule, as published in the README and by `vcaudit criteria`.
pub const VERDICT_RULE: Text = Text::fixed(
    "1. any `must` criterion fails -> not suitable; 2. else any `must` criterion unknown -> insufficient information; 3. else any `must` criterion conditional -> suitable with conditions (the conditions are listed); 4. else -> suitable. Failing `should` criteria are listed as concerns in every case; `info` criteria never change the verdict.",
    "1. de dienst voldoet niet aan een verplicht (`must`) criterium -> niet geschikt; 2. anders: van een verplicht criterium is niet bekend of de dienst eraan voldoet -> onvoldoende informatie; 3. anders: de dienst voldoet aan een verplicht criterium alleen onder voorwaarden -> geschikt onder voorwaarden (de voorwaarden staan erbij); 4. anders -> geschikt. Voldoet de dienst niet aan een aanbevolen (`should`) criterium, dan staat dat altijd als zorgpunt vermeld; `info`-criteria veranderen het oordeel nooit.",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// A rationale says what it rests on: an article of the law or a passage of a source, in
    /// both languages, and never a reader's comment.
    #[test]
    fn every_rationale_names_its_ground() {
        for c in ALL {
            let (en, nl) = (&*c.rationale.en, &*c.rationale.nl);
            assert!(en.contains("art. ") || en.contains("Kennisnet"), "{}: {en}", c.id);
            assert!(nl.contains("art. ") || nl.contains("Kennisnet"), "{}: {nl}", c.id);
            assert_ne!(en, nl, "{}", c.id);
            for reader in c.trace.iter().filter(|t| t.by() == Voice::Reader) {
                assert!(!en.contains(reader.quote) && !nl.contains(reader.quote), "{}", c.id);
            }
        }
    }

    #[test]
    fn whose_words_follow_the_place() {
        let t = |document, place| Trace {
            document,
            place,
            quote: "",
        };
        assert_eq!(t("003", "main text").by(), Voice::Author);
        assert_eq!(t("003", "comment 2.1").by(), Voice::Reader);
        assert_eq!(t("000", "answer").by(), Voice::Kennisnet);
        assert_eq!(voice_of(&[t("003", "comment 1"), t("003", "main text")]), Voice::Author);
        assert_eq!(voice_of(&[t("003", "comment 1")]), Voice::Reader);
    }
}
