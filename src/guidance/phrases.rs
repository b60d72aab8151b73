//! The plain-language sentences of the parent notice, in Dutch (B1: short sentences, no legal
//! jargon) and English. [`fact`] turns one sourced claim into a sentence for parents, but only
//! for values that state something true and reassuring or neutral; a value that fails a criterion
//! gets no sentence (the notice shows the criterion's warning instead). [`question`] is what the
//! school must find out when the catalogue does not know a term.

use crate::catalogue::{Value, Vendor};
use crate::i18n::Lang;

/// One string per language.
pub fn tr(lang: Lang, en: &str, nl: &str) -> String {
    match lang {
        Lang::En => en.to_owned(),
        Lang::Nl => nl.to_owned(),
    }
}

fn storage_place(v: &str, lang: Lang) -> String {
    match v {
        "local" => tr(lang, "on the computer that records", "op de computer die opneemt"),
        "vendor-cloud" => tr(lang, "in the provider's cloud", "in de cloud van de aanbieder"),
        "school-storage" => tr(lang, "in the school's own storage", "in eigen opslag van de school"),
        other => other.to_owned(),
    }
}

/// A country by its ISO code, for parents; the code itself when it is not in the list.
pub fn country(code: &str, lang: Lang) -> String {
    let (en, nl) = match code {
        "AT" => ("Austria", "Oostenrijk"),
        "BE" => ("Belgium", "België"),
        "CA" => ("Canada", "Canada"),
        "CH" => ("Switzerland", "Zwitserland"),
        "DE" => ("Germany", "Duitsland"),
        "DK" => ("Denmark", "Denemarken"),
        "EE" => ("Estonia", "Estland"),
        "FI" => ("Finland", "Finland"),
        "FR" => ("France", "Frankrijk"),
        "GB" => ("the United Kingdom", "het Verenigd Koninkrijk"),
        "IE" => ("Ireland", "Ierland"),
        "IN" => ("India", "India"),
        "NL" => ("the Netherlands", "Nederland"),
        "NO" => ("Norway", "Noorwegen"),
        "SE" => ("Sweden", "Zweden"),
        "US" => ("the United States", "de Verenigde Staten"),
        other => return other.to_owned(),
    };
    tr(lang, en, nl)
}

/// A note that a linked document is not in the notice's language, e.g. "(in het Engels)".
pub fn language_note(doc_lang: Option<&str>, lang: Lang) -> Option<String> {
    let doc_lang = doc_lang?;
    let same = matches!((doc_lang, lang), ("nl", Lang::Nl) | ("en", Lang::En));
    if same {
        return None;
    }
    let (en, nl) = match doc_lang {
        "en" => ("English", "het Engels"),
        "nl" => ("Dutch", "het Nederlands"),
        "de" => ("German", "het Duits"),
        "fr" => ("French", "het Frans"),
        _ => return None,
    };
    Some(tr(lang, &format!("(in {en})"), &format!("(in {nl})")))
}

/// Where recordings can be kept with this service, in words.
pub fn storage_places(values: &[String], lang: Lang) -> String {
    let or = tr(lang, " or ", " of ");
    values
        .iter()
        .map(|v| storage_place(v, lang))
        .collect::<Vec<_>>()
        .join(&or)
}

/// The sentence for parents that a claim supports, if any.
pub fn fact(term: &str, value: &Value, vendor: &Vendor, lang: Lang) -> Option<String> {
    let b = value.as_bool();
    let s = value.as_str();
    let l = |en: &str, nl: &str| Some(tr(lang, en, nl));
    match term {
        "contract.role" => match s {
            Some("processor") => l(
                "The provider works on behalf of the school: it may use the data only as the school instructs.",
                "De aanbieder werkt in opdracht van de school: die mag de gegevens alleen gebruiken zoals de school dat vraagt.",
            ),
            Some("mixed") => l(
                "The provider works on behalf of the school for the lessons, but also uses some data for its own purposes, such as running and improving its business.",
                "De aanbieder werkt voor de lessen in opdracht van de school, maar gebruikt sommige gegevens ook voor eigen doelen, zoals het runnen en verbeteren van het eigen bedrijf.",
            ),
            Some("controller" | "joint-controller") => l(
                "The provider decides for itself what it does with the data; it does not work only on behalf of the school.",
                "De aanbieder bepaalt zelf wat hij met de gegevens doet; hij werkt niet alleen in opdracht van de school.",
            ),
            _ => None,
        },
        "contract.dpa" if b == Some(true) => l(
            "The school and the provider have set down in a contract what the provider may do with the data: a data processing agreement.",
            "De school en de aanbieder hebben in een contract vastgelegd wat de aanbieder met de gegevens mag doen: een verwerkersovereenkomst.",
        ),
        "contract.education_terms" if b == Some(true) => l(
            "There are special terms for education with this provider.",
            "Er zijn speciale afspraken voor het onderwijs met deze aanbieder.",
        ),
        "analytics.usage_profiling" if b == Some(false) => l(
            "The provider makes no analyses or profiles of pupils for its own use.",
            "De aanbieder maakt geen analyses of profielen van leerlingen voor zichzelf.",
        ),
        "analytics.telemetry_limitable" if b == Some(true) => l(
            "The school can limit the technical data the provider collects.",
            "De school kan beperken welke technische gegevens de aanbieder verzamelt.",
        ),
        "secondary_use.marketing" if b == Some(false) => l(
            "The provider does not use the data for advertising.",
            "De aanbieder gebruikt de gegevens niet voor reclame.",
        ),
        "secondary_use.selling" if b == Some(false) => {
            l("The provider does not sell the data.", "De aanbieder verkoopt de gegevens niet.")
        }
        "secondary_use.ai_training" if b == Some(false) => l(
            "The provider does not use the data to train AI (artificial intelligence).",
            "De aanbieder gebruikt de gegevens niet om AI (kunstmatige intelligentie) te trainen.",
        ),
        "sharing.third_parties" if b == Some(false) => l(
            "The provider gives no data to other companies, except to helper companies it needs to run the service. The same rules apply to them.",
            "De aanbieder geeft geen gegevens aan andere bedrijven. Alleen hulpbedrijven die nodig zijn voor de dienst krijgen gegevens. Voor hen gelden dezelfde regels.",
        ),
        "sharing.trackers" if b == Some(false) => l(
            "The app and the website of the service contain no trackers of other companies.",
            "In de app en op de website van de dienst zitten geen trackers van andere bedrijven.",
        ),
        "transparency.subprocessor_list" if b == Some(true) => {
            let url = vendor.documents.iter().find(|d| d.kind == "subprocessors").map(|d| crate::report::clean(&d.url));
            Some(match url {
                Some(u) => tr(
                    lang,
                    &format!("The list of helper companies is public: {u}"),
                    &format!("De lijst met hulpbedrijven is openbaar: {u}"),
                ),
                None => tr(
                    lang,
                    "The list of helper companies is public.",
                    "De lijst met hulpbedrijven is openbaar.",
                ),
            })
        }
        "content_analysis.transcription" => match s {
            Some("absent") => l(
                "The service does not write down automatically what is said.",
                "De dienst schrijft niet automatisch op wat er gezegd wordt.",
            ),
            Some("off-by-default") => l(
                "Automatically writing down what is said (subtitles, transcripts) is off, unless someone switches it on.",
                "Automatisch opschrijven wat er gezegd wordt (ondertiteling, verslag) staat uit, tenzij iemand het aanzet.",
            ),
            Some("on-by-default") => l(
                "Automatically writing down what is said (subtitles, transcripts) is on, unless the school switches it off.",
                "Automatisch opschrijven wat er gezegd wordt (ondertiteling, verslag) staat aan, tenzij de school het uitzet.",
            ),
            _ => None,
        },
        "content_analysis.face_recognition" => match s {
            Some("absent") => l("There is no face recognition.", "Er is geen gezichtsherkenning."),
            Some("off-by-default") => l(
                "Face recognition is off, unless someone switches it on.",
                "Gezichtsherkenning staat uit, tenzij iemand die aanzet.",
            ),
            Some("on-by-default") => l(
                "Face recognition is on, unless the school switches it off.",
                "Gezichtsherkenning staat aan, tenzij de school die uitzet.",
            ),
            _ => None,
        },
        "content_analysis.attention_tracking" => match s {
            Some("absent") => l(
                "The service does not measure how well pupils pay attention.",
                "De dienst meet niet hoe goed leerlingen opletten.",
            ),
            Some("off-by-default") => l(
                "Measuring how well pupils pay attention is off, unless someone switches it on.",
                "Meten hoe goed leerlingen opletten staat uit, tenzij iemand het aanzet.",
            ),
            Some("on-by-default") => l(
                "The service measures how pupils take part (for example their attention or activity), unless the school switches this off.",
                "De dienst meet hoe leerlingen meedoen (bijvoorbeeld hun aandacht of activiteit), tenzij de school dat uitzet.",
            ),
            _ => None,
        },
        "content_analysis.ai_assistant" => match s {
            Some("absent") => l(
                "There is no AI assistant that follows the lesson.",
                "Er is geen AI-assistent die de les volgt.",
            ),
            Some("off-by-default") => l(
                "An AI assistant that follows the lesson is off, unless someone switches it on.",
                "Een AI-assistent die de les volgt staat uit, tenzij iemand die aanzet.",
            ),
            Some("on-by-default") => l(
                "An AI assistant that follows the lesson is on, unless the school switches it off.",
                "Een AI-assistent die de les volgt staat aan, tenzij de school die uitzet.",
            ),
            _ => None,
        },
        "content_analysis.admin_can_disable" if b == Some(true) => l(
            "The school can switch these functions off for everyone.",
            "De school kan deze functies voor iedereen uitzetten.",
        ),
        "hosting.eu_residency" => match s {
            Some("always") => l(
                "The data is stored and processed in the European Union (EU).",
                "De gegevens worden opgeslagen en verwerkt in de Europese Unie (EU).",
            ),
            Some("optional") => l(
                "The data can stay in the European Union (EU) if the school sets this up.",
                "De gegevens kunnen in de Europese Unie (EU) blijven als de school dat zo instelt.",
            ),
            _ => None,
        },
        "hosting.transfer_mechanism" => {
            let list = value.as_list();
            (!list.is_empty() && !list.iter().all(|m| m == "none-needed")).then(|| {
                tr(
                    lang,
                    "If data does go outside the EU, this happens under arrangements that the European privacy law (GDPR) allows.",
                    "Gaan er toch gegevens buiten de EU, dan gebeurt dat met afspraken die de Europese privacywet (AVG) toestaat.",
                )
            })
        }
        "jurisdiction.non_eu_law" if b == Some(false) => l(
            "No law from outside Europe gives a foreign government access to the data.",
            "Geen wet van buiten Europa geeft een buitenlandse overheid toegang tot de gegevens.",
        ),
        "recording.who_can_record" => match s {
            Some("nobody") => l("The service cannot record at all.", "De dienst kan helemaal niet opnemen."),
            Some("host-only") => l(
                "Only the teacher who leads the lesson can record. Pupils cannot.",
                "Alleen de leraar die de les leidt kan opnemen. Leerlingen kunnen dat niet.",
            ),
            Some("host-and-permitted") => l(
                "Only the teacher, or someone the teacher allows, can record.",
                "Alleen de leraar kan opnemen, of iemand die daarvoor toestemming krijgt van de leraar.",
            ),
            _ => None,
        },
        "recording.admin_can_disable" if b == Some(true) => {
            l("The school can switch recording off.", "De school kan opnemen uitzetten.")
        }
        "recording.notice" if b == Some(true) => l(
            "When a lesson is recorded, everyone sees this on screen.",
            "Als er wordt opgenomen, ziet iedereen dat in beeld.",
        ),
        "recording.default_sharing" => match s {
            Some("private") => l(
                "A new recording is at first visible only to the person who made it.",
                "Een nieuwe opname is eerst alleen te zien voor wie hem maakte.",
            ),
            Some("organisation") => l(
                "A new recording is at first visible only within the school.",
                "Een nieuwe opname is eerst alleen binnen de school te zien.",
            ),
            _ => None,
        },
        "participation.account_required" => match b {
            Some(false) => l(
                "Your child does not need an account with the provider.",
                "Uw kind heeft geen eigen account bij de aanbieder nodig.",
            ),
            Some(true) => l(
                "Your child needs an account with the provider.",
                "Uw kind heeft een eigen account bij de aanbieder nodig.",
            ),
            None => None,
        },
        "participation.pseudonym" if b == Some(true) => l(
            "Your child can take part with only a first name or another name.",
            "Uw kind kan meedoen met alleen een voornaam of een andere naam.",
        ),
        "participation.camera_default" => match s {
            Some("off") => l(
                "When your child joins the lesson, the camera is off.",
                "Als uw kind de les binnenkomt, staat de camera uit.",
            ),
            Some("on") => l(
                "When your child joins the lesson, the camera is on straight away.",
                "Als uw kind de les binnenkomt, staat de camera meteen aan.",
            ),
            Some("configurable") => l(
                "The school sets whether the camera is on or off when your child joins.",
                "De school stelt in of de camera aan of uit staat als uw kind de les binnenkomt.",
            ),
            _ => None,
        },
        "participation.audio_only" if b == Some(true) => l(
            "Your child can also take part with sound only, without video.",
            "Uw kind kan ook meedoen met alleen geluid, zonder beeld.",
        ),
        "security.transport_encryption" if b == Some(true) => l(
            "Video and sound travel over the internet encrypted (locked). On the way, nobody can watch or listen in.",
            "Beeld en geluid gaan versleuteld (op slot) over het internet. Onderweg kan niemand meekijken of meeluisteren.",
        ),
        "security.e2ee" => match s {
            Some("always") => l(
                "Everything is also end-to-end encrypted. Then not even the provider can watch or listen in.",
                "Alles is ook end-to-end versleuteld. Dan kan zelfs de aanbieder niet meekijken of meeluisteren.",
            ),
            Some("optional") => l(
                "The service also has end-to-end encryption. When it is on, not even the provider can watch or listen in.",
                "De dienst heeft ook end-to-end versleuteling. Als die aan staat, kan zelfs de aanbieder niet meekijken of meeluisteren.",
            ),
            _ => None,
        },
        "security.certifications" => {
            let list = value.as_list();
            (!list.is_empty()).then(|| {
                let joined = crate::report::clean(&list.join(", "));
                tr(
                    lang,
                    &format!("Outside experts check the provider's security (certificates: {joined})."),
                    &format!("Experts van buiten controleren de beveiliging van de aanbieder (certificaten: {joined})."),
                )
            })
        }
        _ => None,
    }
}

/// What the school must find out when the catalogue does not know a term.
pub fn question(term: &str, lang: Lang) -> String {
    let (en, nl) = match term {
        "contract.role" => (
            "does the provider work on behalf of the school (as a processor)?",
            "werkt de aanbieder in opdracht van de school (als verwerker)?",
        ),
        "contract.dpa" => (
            "is there a data processing agreement with the provider?",
            "is er een verwerkersovereenkomst met de aanbieder?",
        ),
        "contract.education_terms" => (
            "are there terms for education (Privacyconvenant, SURF, SIVON)?",
            "zijn er afspraken voor het onderwijs (Privacyconvenant, SURF, SIVON)?",
        ),
        "analytics.usage_profiling" => (
            "does the provider analyse or profile users for its own use?",
            "maakt de aanbieder analyses of profielen van gebruikers voor zichzelf?",
        ),
        "analytics.telemetry_limitable" => (
            "can the school limit technical data (telemetry)?",
            "kan de school technische gegevens (telemetrie) beperken?",
        ),
        "secondary_use.marketing" => (
            "does the provider use the data for advertising or marketing?",
            "gebruikt de aanbieder de gegevens voor reclame of marketing?",
        ),
        "secondary_use.selling" => ("does the provider sell data?", "verkoopt de aanbieder gegevens?"),
        "secondary_use.ai_training" => (
            "does the provider train AI with the data?",
            "traint de aanbieder AI met de gegevens?",
        ),
        "sharing.trackers" => (
            "do the app or the website contain trackers of other companies?",
            "zitten er trackers van andere bedrijven in de app of op de website?",
        ),
        "sharing.third_parties" => (
            "does the provider give data to other companies?",
            "geeft de aanbieder gegevens aan andere bedrijven?",
        ),
        "transparency.subprocessor_list" => (
            "is the list of sub-processors public?",
            "is de lijst met hulpbedrijven (subverwerkers) openbaar?",
        ),
        "content_analysis.transcription" => (
            "is there automatic transcription, and is it on?",
            "is er automatische transcriptie, en staat die aan?",
        ),
        "content_analysis.face_recognition" => (
            "is there face recognition, and is it on?",
            "is er gezichtsherkenning, en staat die aan?",
        ),
        "content_analysis.attention_tracking" => (
            "is pupils' attention measured?",
            "wordt de aandacht van leerlingen gemeten?",
        ),
        "content_analysis.ai_assistant" => (
            "is there an AI assistant that reads the lesson, and is it on?",
            "is er een AI-assistent die de les volgt, en staat die aan?",
        ),
        "content_analysis.admin_can_disable" => (
            "can the school switch content analysis off for everyone?",
            "kan de school analyse van de inhoud voor iedereen uitzetten?",
        ),
        "hosting.eu_residency" => ("does the data stay in the EU?", "blijven de gegevens in de EU?"),
        "hosting.regions" => ("where is the data stored?", "waar worden de gegevens opgeslagen?"),
        "hosting.transfer_mechanism" => (
            "on what ground does data leave the EU?",
            "op welke grond gaan gegevens buiten de EU?",
        ),
        "jurisdiction.non_eu_law" => (
            "can a government outside the EU reach the data (for example under the US CLOUD Act)?",
            "kan een overheid van buiten de EU bij de gegevens (bijvoorbeeld via de Amerikaanse CLOUD Act)?",
        ),
        "recording.who_can_record" => ("who can record?", "wie kan er opnemen?"),
        "recording.admin_can_disable" => (
            "can the school switch recording off?",
            "kan de school opnemen uitzetten?",
        ),
        "recording.notice" => (
            "does everyone see that a recording is running?",
            "ziet iedereen dat er wordt opgenomen?",
        ),
        "recording.storage" => ("where can recordings be kept?", "waar kunnen opnames worden bewaard?"),
        "recording.retention_configurable" => (
            "can recordings be deleted automatically?",
            "kunnen opnames automatisch worden verwijderd?",
        ),
        "recording.default_sharing" => ("who can see a new recording?", "wie kan een nieuwe opname zien?"),
        "participation.account_required" => (
            "does a pupil need an own account?",
            "heeft een leerling een eigen account nodig?",
        ),
        "participation.pseudonym" => (
            "can a pupil join under another name or a first name only?",
            "kan een leerling meedoen met een andere naam of alleen een voornaam?",
        ),
        "participation.camera_default" => (
            "is the camera on or off when a pupil joins?",
            "staat de camera aan of uit als een leerling binnenkomt?",
        ),
        "participation.audio_only" => (
            "can a pupil take part with sound only?",
            "kan een leerling meedoen met alleen geluid?",
        ),
        "security.transport_encryption" => (
            "are video and sound always encrypted on the way?",
            "gaan beeld en geluid altijd versleuteld over het internet?",
        ),
        "security.e2ee" => ("is there end-to-end encryption?", "is er end-to-end versleuteling?"),
        "security.certifications" => (
            "which security certifications does the provider have?",
            "welke beveiligingscertificaten heeft de aanbieder?",
        ),
        "jurisdiction.contracting_entity" => (
            "which company does the school sign the contract with, and in which country?",
            "met welk bedrijf sluit de school het contract, en in welk land?",
        ),
        "transparency.languages" => (
            "in which languages is the privacy statement?",
            "in welke talen is de privacyverklaring?",
        ),
        "transparency.education_page" => (
            "is there a privacy page for schools?",
            "is er een privacypagina voor scholen?",
        ),
        other => {
            return match crate::catalogue::terms::find(other) {
                Some(t) => tr(
                    lang,
                    &format!("{}: what applies?", t.label_en),
                    &format!("{}: wat geldt er?", t.label_nl),
                ),
                None => format!("{other}?"),
            }
        }
    };
    tr(lang, en, nl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_document_languages_read_naturally() {
        assert_eq!(country("US", Lang::Nl), "de Verenigde Staten");
        assert_eq!(country("DE", Lang::En), "Germany");
        assert_eq!(country("XX", Lang::Nl), "XX");
        assert_eq!(language_note(Some("en"), Lang::Nl).as_deref(), Some("(in het Engels)"));
        assert_eq!(language_note(Some("nl"), Lang::Nl), None);
        assert_eq!(language_note(Some("de"), Lang::En).as_deref(), Some("(in German)"));
        assert_eq!(language_note(None, Lang::Nl), None);
    }

    #[test]
    fn every_term_has_a_readable_question() {
        for t in crate::catalogue::terms::TERMS {
            let q = question(t.key, Lang::Nl);
            assert!(
                q.ends_with('?') && q != format!("{}?", t.key),
                "no Dutch question for {}",
                t.key
            );
        }
    }
}
