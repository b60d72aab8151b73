//! The question to bidders for each criterion, in English and Dutch, and the evidence it asks for.
//! A question is neutral: it asks what the service does and does not suggest the answer the
//! criterion hopes for; what the criterion checks and why are given beside it (the criterion's
//! `checks` and `rationale`).

use crate::i18n::Text;

/// The question for one criterion.
pub struct Question {
    pub criterion: &'static str,
    pub ask: Text,
    /// The documents, clauses, settings or lists that back the answer.
    pub evidence: Text,
}

const fn q(
    criterion: &'static str,
    ask: (&'static str, &'static str),
    evidence: (&'static str, &'static str),
) -> Question {
    Question {
        criterion,
        ask: Text::fixed(ask.0, ask.1),
        evidence: Text::fixed(evidence.0, evidence.1),
    }
}

/// One question per criterion, in the order of the criteria.
pub static QUESTIONS: &[Question] = &[
    q(
        "processor-agreement",
        (
            "In which role do you process the personal data of the school (processor, controller, joint controller), and under which data processing agreement? Which education model terms (the Privacyconvenant model processing agreement, SURF/SIVON agreements) do you offer?",
            "In welke rol verwerkt u de persoonsgegevens van de school (verwerker, verwerkingsverantwoordelijke, gezamenlijk verwerkingsverantwoordelijke), en onder welke verwerkersovereenkomst? Welke onderwijsvoorwaarden (het model van het Privacyconvenant, SURF/SIVON-overeenkomsten) biedt u aan?",
        ),
        (
            "The data processing agreement, with the clause that binds you to the school's instructions; the education terms or model agreement you sign.",
            "De verwerkersovereenkomst, met de bepaling die u aan de instructies van de school bindt; de onderwijsvoorwaarden of het model dat u ondertekent.",
        ),
    ),
    q(
        "no-own-analytics",
        (
            "Which usage data, analytics or profiles about users do you collect for purposes of your own, and how can the school limit telemetry?",
            "Welke gebruiksgegevens, analyses of profielen van gebruikers verzamelt u voor eigen doelen, en hoe kan de school telemetrie beperken?",
        ),
        (
            "The clauses of the data processing agreement and the privacy statement on analytics and telemetry; the admin settings that limit telemetry.",
            "De bepalingen in de verwerkersovereenkomst en de privacyverklaring over analyses en telemetrie; de beheerinstellingen die telemetrie beperken.",
        ),
    ),
    q(
        "no-secondary-use",
        (
            "For which purposes of your own, if any, do you use the school's data and meeting content: marketing or advertising, sale or licensing to others, training of AI or machine-learning models?",
            "Voor welke eigen doelen gebruikt u de gegevens van de school en de inhoud van lessen, als u dat doet: marketing of reclame, verkoop of licentie aan anderen, training van AI- of machine-learningmodellen?",
        ),
        (
            "The clauses of the data processing agreement on purpose limitation and on AI training; the privacy statement.",
            "De bepalingen in de verwerkersovereenkomst over doelbinding en over AI-training; de privacyverklaring.",
        ),
    ),
    q(
        "no-third-party-sharing",
        (
            "Which third parties receive personal or usage data (tracking SDKs, advertisers, data brokers, analytics services), and which sub-processors do you engage?",
            "Welke derden ontvangen persoonsgegevens of gebruiksgegevens (trackers en SDK's, adverteerders, datahandelaren, analysediensten), en welke subverwerkers schakelt u in?",
        ),
        (
            "The list of sub-processors (its public address); the clause of the data processing agreement on sub-processors; the SDKs in your apps.",
            "De lijst van subverwerkers (het openbare adres); de bepaling in de verwerkersovereenkomst over subverwerkers; de SDK's in uw apps.",
        ),
    ),
    q(
        "no-content-analysis",
        (
            "Which features analyse meeting content (transcription, face recognition, attention tracking, AI assistants, reading what is on screen or on camera)? For each: is it on or off by default, and can an administrator switch it off for the whole school?",
            "Welke functies analyseren de inhoud van lessen (transcriptie, gezichtsherkenning, aandacht meten, AI-assistenten, lezen wat in beeld of op het scherm staat)? Per functie: staat die standaard aan of uit, en kan een beheerder die voor de hele school uitzetten?",
        ),
        (
            "The admin settings of each such feature and its default, with their documentation.",
            "De beheerinstellingen van elke zulke functie en de standaardwaarde, met de documentatie ervan.",
        ),
    ),
    q(
        "eu-hosting",
        (
            "Where are meeting audio and video, recordings, chat and account data stored and processed? Which transfers outside the EU/EEA take place, and on which transfer mechanism?",
            "Waar worden beeld en geluid, opnames, chat en accountgegevens opgeslagen en verwerkt? Welke doorgiften buiten de EU/EER vinden plaats, en op welke grondslag?",
        ),
        (
            "The hosting regions per kind of data; the clause of the data processing agreement on transfers; the data-residency option and what the school must do or buy for it.",
            "De hostingregio's per soort gegevens; de bepaling in de verwerkersovereenkomst over doorgifte; de optie voor gegevensopslag in de EU en wat de school daarvoor moet doen of afnemen.",
        ),
    ),
    q(
        "eu-jurisdiction",
        (
            "Where is the contracting entity established, and to which group does it belong? Can authorities outside the EU (for example under the US CLOUD Act) require access to the school's data? Can the service be run by the school or by an EU provider?",
            "Waar is de contractpartij gevestigd, en tot welk concern behoort die? Kunnen autoriteiten buiten de EU (bijvoorbeeld op grond van de Amerikaanse CLOUD Act) toegang tot de gegevens van de school eisen? Kan de school of een Europese aanbieder de dienst zelf draaien?",
        ),
        (
            "The name and seat of the contracting entity and its parent company; your policy on requests from authorities, and your transparency report.",
            "Naam en vestiging van de contractpartij en het moederbedrijf; uw beleid voor verzoeken van overheden, en uw transparantierapport.",
        ),
    ),
    q(
        "recording-control",
        (
            "Who can record a meeting? Can the school switch recording off or limit it to teachers, and how are participants shown that a recording is running?",
            "Wie kan een les opnemen? Kan de school opnemen uitzetten of beperken tot docenten, en hoe zien deelnemers dat er een opname loopt?",
        ),
        (
            "The admin settings for recording; the documentation of the recording notice.",
            "De beheerinstellingen voor opnemen; de documentatie van de melding dat er wordt opgenomen.",
        ),
    ),
    q(
        "recording-storage",
        (
            "Where are recordings stored, who can reach them, how long are they kept, can the school set their retention or deletion, and how are they shared by default?",
            "Waar worden opnames bewaard, wie kan erbij, hoe lang worden ze bewaard, kan de school de bewaartermijn of verwijdering instellen, en hoe worden ze standaard gedeeld?",
        ),
        (
            "The admin settings for storage, retention and sharing of recordings, with their defaults.",
            "De beheerinstellingen voor opslag, bewaartermijn en delen van opnames, met hun standaardwaarden.",
        ),
    ),
    q(
        "camera-optional",
        (
            "Can pupils take part without video? Is the camera on or off by default, and can the teacher or the school set it?",
            "Kunnen leerlingen meedoen zonder beeld? Staat de camera standaard aan of uit, en kan de docent of de school dat instellen?",
        ),
        (
            "The settings for the camera default; the documentation of taking part with audio only.",
            "De instellingen voor de camera; de documentatie over meedoen met alleen geluid.",
        ),
    ),
    q(
        "anonymous-join",
        (
            "Can pupils join a lesson without a personal account with you, and under a name of their choosing?",
            "Kunnen leerlingen aan een les meedoen zonder eigen account bij u, en onder een naam die ze zelf kiezen?",
        ),
        (
            "The documentation of guest access and display names, and the admin settings for them.",
            "De documentatie over deelnemen als gast en over weergavenamen, en de beheerinstellingen daarvoor.",
        ),
    ),
    q(
        "security",
        (
            "Which encryption do you apply in transit and end to end, and under which conditions is end-to-end encryption available? Which security certifications and documentation do you have?",
            "Welke versleuteling past u toe onderweg en van eind tot eind, en onder welke voorwaarden is end-to-end-versleuteling beschikbaar? Welke beveiligingscertificeringen en -documentatie heeft u?",
        ),
        (
            "The certifications (such as ISO 27001 or SOC 2) with their scope and validity; the security documentation; the documentation of end-to-end encryption.",
            "De certificeringen (zoals ISO 27001 of SOC 2) met hun reikwijdte en geldigheid; de beveiligingsdocumentatie; de documentatie van end-to-end-versleuteling.",
        ),
    ),
    q(
        "transparency",
        (
            "In which languages is your privacy statement available, do you have a privacy page for education, and is your list of sub-processors public?",
            "In welke talen is uw privacyverklaring beschikbaar, heeft u een privacypagina voor het onderwijs, en is uw lijst van subverwerkers openbaar?",
        ),
        (
            "The addresses of the privacy statement (in Dutch, if available), the education page and the sub-processor list.",
            "De adressen van de privacyverklaring (in het Nederlands, als die er is), de onderwijspagina en de lijst van subverwerkers.",
        ),
    ),
];

/// The question for a criterion.
pub fn for_criterion(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.criterion == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_has_one_question() {
        for c in crate::criteria::ALL {
            assert_eq!(QUESTIONS.iter().filter(|q| q.criterion == c.id).count(), 1, "{}", c.id);
        }
        assert_eq!(QUESTIONS.len(), crate::criteria::ALL.len());
        for q in QUESTIONS {
            assert!(q.ask.en.ends_with('?') && q.ask.nl.ends_with('?'), "{}", q.criterion);
            assert!(
                q.evidence.en.ends_with('.') && q.evidence.nl.ends_with('.'),
                "{}",
                q.criterion
            );
        }
    }
}
