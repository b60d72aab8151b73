//! The registry of catalogue terms: every data-processing term a vendor file may state, with the
//! type of its value. The loader checks claims against it, the criteria read facts by its keys,
//! the JSON Schema and the coverage report are generated from it. Adding a term means adding a line
//! here and, where a criterion needs it, reading it there.

use std::sync::LazyLock;

/// The type of a term's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true` or `false`.
    Bool,
    /// One string out of a fixed set.
    Enum(&'static [&'static str]),
    /// A list of strings, each out of a fixed set.
    EnumList(&'static [&'static str]),
    /// A list of free strings.
    List,
    /// One free string.
    Text,
}

/// One term of the catalogue format.
#[derive(Debug)]
pub struct Term {
    /// Dotted key, `group.name`.
    pub key: &'static str,
    pub kind: Kind,
    /// What a claim about this term states, in English.
    pub meaning: &'static str,
    /// Short label in English and Dutch, for tables.
    pub label_en: &'static str,
    pub label_nl: &'static str,
}

const FEATURE: &[&str] = &["absent", "off-by-default", "on-by-default"];

macro_rules! term {
    ($key:literal, $kind:expr, $en:literal, $nl:literal, $meaning:literal) => {
        Term {
            key: $key,
            kind: $kind,
            meaning: $meaning,
            label_en: $en,
            label_nl: $nl,
        }
    };
}

/// Every term, in the order reports show them.
pub static TERMS: &[Term] = &[
    term!(
        "contract.role",
        Kind::Enum(&["processor", "controller", "joint-controller", "mixed"]),
        "Role of the vendor",
        "Rol van de leverancier",
        "the vendor's role for meeting and pupil data"
    ),
    term!(
        "contract.dpa",
        Kind::Bool,
        "Data processing agreement",
        "Verwerkersovereenkomst",
        "a data processing agreement binding the vendor to the school's instructions is offered"
    ),
    term!(
        "contract.education_terms",
        Kind::Bool,
        "Education model terms",
        "Onderwijsvoorwaarden",
        "education model terms exist (Privacyconvenant model agreement, SURF/SIVON contract)"
    ),
    term!(
        "contract.privacyconvenant",
        Kind::Enum(&["participant", "supporter", "none"]),
        "Privacyconvenant Onderwijs",
        "Privacyconvenant Onderwijs",
        "the vendor's part in the Dutch Privacyconvenant Onderwijs (participant, supporter or none); taking part is not by itself compliance with the GDPR"
    ),
    term!(
        "contract.model_dpa",
        Kind::Text,
        "Model processing agreement",
        "Model Verwerkersovereenkomst",
        "the version of the education sector's Model Verwerkersovereenkomst the vendor signs (e.g. \"4.0\"), `vendor-own` for its own agreement, or `none`"
    ),
    term!(
        "analytics.usage_profiling",
        Kind::Bool,
        "Own analytics or profiling",
        "Eigen analyses of profielen",
        "the vendor collects usage analytics or profiles of users for its own purposes"
    ),
    term!(
        "analytics.telemetry_limitable",
        Kind::Bool,
        "Telemetry can be limited",
        "Telemetrie is te beperken",
        "the school can limit diagnostic or telemetry data"
    ),
    term!(
        "secondary_use.marketing",
        Kind::Bool,
        "Own marketing or advertising",
        "Eigen marketing of reclame",
        "data is used for the vendor's own marketing or advertising"
    ),
    term!(
        "secondary_use.selling",
        Kind::Bool,
        "Sells personal data",
        "Verkoopt persoonsgegevens",
        "personal data is sold or shared for cross-context advertising"
    ),
    term!(
        "secondary_use.ai_training",
        Kind::Bool,
        "Trains AI on data",
        "Traint AI met gegevens",
        "meeting content or user data trains the vendor's or a partner's AI models"
    ),
    term!(
        "sharing.trackers",
        Kind::Bool,
        "Third-party trackers or SDKs",
        "Trackers of SDK's van derden",
        "the meeting clients or join pages carry third-party trackers or SDKs"
    ),
    term!(
        "sharing.third_parties",
        Kind::Bool,
        "Shares data with third parties",
        "Deelt gegevens met derden",
        "personal data goes to third parties other than sub-processors under the agreement"
    ),
    term!(
        "content_analysis.transcription",
        Kind::Enum(FEATURE),
        "Transcription",
        "Transcriptie",
        "speech-to-text of meetings"
    ),
    term!(
        "content_analysis.face_recognition",
        Kind::Enum(FEATURE),
        "Face recognition",
        "Gezichtsherkenning",
        "face or emotion recognition on video"
    ),
    term!(
        "content_analysis.attention_tracking",
        Kind::Enum(FEATURE),
        "Attention tracking",
        "Aandacht meten",
        "attention or engagement tracking of participants"
    ),
    term!(
        "content_analysis.ai_assistant",
        Kind::Enum(FEATURE),
        "AI assistant",
        "AI-assistent",
        "an AI assistant that reads meeting content"
    ),
    term!(
        "content_analysis.admin_can_disable",
        Kind::Bool,
        "Admin can switch analysis off",
        "Beheerder kan analyse uitzetten",
        "an administrator can switch content analysis off for the whole school"
    ),
    term!(
        "hosting.regions",
        Kind::List,
        "Hosting regions",
        "Opslaglocaties",
        "where meeting media, recordings, chat and account data are stored and processed"
    ),
    term!(
        "hosting.eu_residency",
        Kind::Enum(&["always", "optional", "none"]),
        "EU data residency",
        "Opslag in de EU",
        "EU/EEA storage and processing: always, as an option the school must choose, or none"
    ),
    term!(
        "hosting.transfer_mechanism",
        Kind::EnumList(&["none-needed", "adequacy", "dpf", "scc", "bcr"]),
        "Transfer mechanism",
        "Grondslag voor doorgifte",
        "the legal basis for transfers out of the EEA"
    ),
    term!(
        "jurisdiction.contracting_entity",
        Kind::Text,
        "Contracting entity",
        "Contractpartij",
        "the legal entity that contracts with European schools, with its country"
    ),
    term!(
        "jurisdiction.non_eu_law",
        Kind::Bool,
        "Reachable under non-EU law",
        "Bereikbaar voor recht buiten de EU",
        "the data can be reached under non-EU law such as the US CLOUD Act"
    ),
    term!(
        "recording.who_can_record",
        Kind::Enum(&["nobody", "host-only", "host-and-permitted", "anyone"]),
        "Who can record",
        "Wie kan opnemen",
        "who can start a recording"
    ),
    term!(
        "recording.admin_can_disable",
        Kind::Bool,
        "Admin can switch recording off",
        "Beheerder kan opnemen uitzetten",
        "an administrator can switch recording off or restrict it"
    ),
    term!(
        "recording.notice",
        Kind::Bool,
        "Recording notice",
        "Melding van opname",
        "every participant is shown that a recording is running"
    ),
    term!(
        "recording.storage",
        Kind::EnumList(&["local", "vendor-cloud", "school-storage"]),
        "Recording storage",
        "Opslag van opnames",
        "where recordings can be kept"
    ),
    term!(
        "recording.retention_configurable",
        Kind::Bool,
        "Automatic deletion of recordings",
        "Opnames automatisch verwijderen",
        "recordings can be deleted automatically after a set period"
    ),
    term!(
        "recording.default_sharing",
        Kind::Enum(&["private", "organisation", "link"]),
        "Default sharing of recordings",
        "Standaard delen van opnames",
        "who can reach a new recording by default"
    ),
    term!(
        "participation.account_required",
        Kind::Bool,
        "Pupil account required",
        "Leerling heeft account nodig",
        "a pupil needs a personal account with the vendor to join"
    ),
    term!(
        "participation.pseudonym",
        Kind::Bool,
        "Join under a pseudonym",
        "Deelnemen met schuilnaam",
        "a pupil can join under a pseudonym or a first name only"
    ),
    term!(
        "participation.camera_default",
        Kind::Enum(&["off", "on", "configurable"]),
        "Camera when joining",
        "Camera bij deelname",
        "the camera state when joining"
    ),
    term!(
        "participation.audio_only",
        Kind::Bool,
        "Audio-only participation",
        "Alleen met geluid deelnemen",
        "a pupil can take part with audio only"
    ),
    term!(
        "security.transport_encryption",
        Kind::Bool,
        "Encryption in transit",
        "Versleuteling onderweg",
        "all media and signalling are encrypted in transit"
    ),
    term!(
        "security.e2ee",
        Kind::Enum(&["always", "optional", "none"]),
        "End-to-end encryption",
        "End-to-end-versleuteling",
        "end-to-end encryption of meeting media"
    ),
    term!(
        "security.certifications",
        Kind::List,
        "Security certifications",
        "Beveiligingscertificaten",
        "security certifications or attestations"
    ),
    term!(
        "transparency.languages",
        Kind::List,
        "Privacy statement languages",
        "Talen van de privacyverklaring",
        "languages of the privacy statement"
    ),
    term!(
        "transparency.education_page",
        Kind::Bool,
        "Education privacy page",
        "Privacypagina voor het onderwijs",
        "a privacy page for education customers"
    ),
    term!(
        "transparency.subprocessor_list",
        Kind::Bool,
        "Public sub-processor list",
        "Openbare lijst van subverwerkers",
        "a public list of sub-processors"
    ),
];

/// Looks a term up by its dotted key.
pub fn find(key: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.key == key)
}

/// Looks a term up by its group and name, the two parts of its dotted key.
pub fn find_in(group: &str, name: &str) -> Option<&'static Term> {
    // Compared in place: searching every key for its `.` took 4 % of an audit.
    TERMS.iter().find(|t| {
        t.key.len() == group.len() + 1 + name.len()
            && t.key.starts_with(group)
            && t.key.as_bytes()[group.len()] == b'.'
            && t.key.ends_with(name)
    })
}

/// `terms.` and the term's key: where its claims are in a vendor file.
pub fn header(term: &'static Term) -> &'static str {
    static HEADERS: LazyLock<Vec<String>> =
        LazyLock::new(|| TERMS.iter().map(|t| format!("terms.{}", t.key)).collect());
    TERMS
        .iter()
        .position(|t| std::ptr::eq(t, term))
        .map_or("terms", |i| HEADERS[i].as_str())
}

/// The term groups, in order of first appearance.
pub fn groups() -> &'static [&'static str] {
    static GROUPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut out: Vec<&'static str> = Vec::new();
        for t in TERMS {
            let g = group_of(t.key);
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    });
    &GROUPS
}

/// The group part of a dotted key.
pub fn group_of(key: &'static str) -> &'static str {
    key.split_once('.').map_or(key, |(g, _)| g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_found_by_its_parts_and_has_its_header() {
        for t in TERMS {
            let (group, name) = t.key.split_once('.').unwrap();
            assert!(std::ptr::eq(find_in(group, name).unwrap(), t));
            assert_eq!(header(t), format!("terms.{}", t.key));
        }
        assert!(find_in("analytics", "nope").is_none());
        // The same length and ends, with the dot elsewhere.
        assert!(find_in("contract.r", "le").is_none());
    }

    #[test]
    fn keys_are_unique_and_dotted() {
        for (i, t) in TERMS.iter().enumerate() {
            assert!(t.key.contains('.'), "{}", t.key);
            assert!(TERMS[i + 1..].iter().all(|o| o.key != t.key), "duplicate {}", t.key);
        }
    }
}
