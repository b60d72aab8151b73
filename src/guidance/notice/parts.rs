//! The parts of the parent notice that depend on what the school says about itself: the opening
//! (service, provider, reason, why no consent is asked), the camera, the contact, the rights, and
//! the notes and warnings for the school above the letter. Recordings are in `recording`.

use super::{clean, own, Basis, Camera, Draft, Para, SchoolInput, Span, OPERATED_FOR_THE_SCHOOL};
use crate::criteria::Status;
use crate::evaluate::Verdict;
use crate::guidance::phrases::{country, language_note};
use crate::i18n::Lang;

pub(super) fn alert(d: &Draft) -> Option<Para> {
    let r = d.r;
    let mut p = Vec::new();
    if r.verdict == Verdict::NotSuitable {
        let failed: Vec<String> = r
            .criteria
            .iter()
            .filter(|c| c.status == Status::Fail && c.severity == crate::criteria::Severity::Must)
            .filter_map(|c| crate::criteria::find(c.id).map(|k| format!("{} ({})", k.title.get(d.lang), c.id)))
            .collect();
        p.push(Span::Warn(d.tr(
            &format!(
                "By the criteria of the source documents, {} is NOT SUITABLE for lessons with pupils. It fails: {}. Do not send this notice; choose another service or resolve this first.",
                r.display_name_in(d.lang),
                failed.join("; ")
            ),
            &format!(
                "Volgens de criteria uit de brondocumenten is {} NIET GESCHIKT voor lessen met leerlingen. Niet voldaan: {}. Verstuur deze brief niet; kies een andere dienst of los dit eerst op.",
                r.display_name_in(d.lang),
                failed.join("; ")
            ),
        )));
    }
    if let Some(day) = r.retired {
        p.push(Span::Warn(d.tr(
            &format!("This service stopped on {day}."),
            &format!("Deze dienst is gestopt op {day}."),
        )));
    }
    (!p.is_empty()).then_some(p)
}

pub(super) fn school_notes(d: &Draft, as_of: &str) -> Vec<Para> {
    let r = d.r;
    let mut notes = vec![vec![Span::Text(d.tr(
        &format!(
            "Draft made by vcaudit on {as_of} from the catalogue, for {} ({}); verdict: {}. Resolve every mark in square brackets, then remove them and this box before sending.",
            r.display_name_in(d.lang),
            r.key(),
            r.verdict.label().get(d.lang)
        ),
        &format!(
            "Concept gemaakt door vcaudit op {as_of} uit de catalogus, voor {} ({}); oordeel: {}. Los alle punten tussen vierkante haken op en haal ze weg, en ook dit kader, voordat u de brief verstuurt.",
            r.display_name_in(d.lang),
            r.key(),
            r.verdict.label().get(d.lang)
        ),
    ))]];
    if r.verdict == Verdict::InsufficientInformation {
        let unknown: Vec<String> = r
            .criteria
            .iter()
            .filter(|c| c.status == Status::Unknown && c.severity == crate::criteria::Severity::Must)
            .filter_map(|c| crate::criteria::find(c.id).map(|k| k.title.get(d.lang).to_owned()))
            .collect();
        notes.push(vec![Span::Check(d.tr(
            &format!(
                "the catalogue lacks facts for required criteria: {}; find them out before you rely on this notice",
                unknown.join("; ")
            ),
            &format!(
                "de catalogus mist gegevens voor verplichte criteria: {}; zoek die uit voordat u op deze brief vertrouwt",
                unknown.join("; ")
            ),
        ))]);
    }
    let stale = r.criteria.iter().filter(|c| c.stale).count();
    if stale > 0 {
        notes.push(vec![Span::Check(d.tr(
            &format!(
                "the evidence of {stale} criteria is old or its source changed; see vcaudit show {}",
                r.key()
            ),
            &format!(
                "het bewijs van {stale} criteria is oud of de bron is veranderd; zie vcaudit show {}",
                r.key()
            ),
        ))]);
    }
    if d.lang == Lang::Nl && d.untranslated_shown {
        notes.push(vec![Span::Text(
            "Voorwaarden waarvoor de catalogus geen Nederlandse tekst heeft, staan hier in het Engels.".to_owned(),
        )]);
    }
    notes
}

pub(super) fn intro(d: &Draft, input: &SchoolInput, name: &str) -> Vec<Para> {
    let school = input.school.as_deref().map(clean);
    let who = school.clone().unwrap_or_else(|| d.tr("Our school", "Onze school"));
    let mut first = vec![Span::Text(d.tr(
        &format!("{who} gives lessons by video. We use {name} for this."),
        &format!("{who} geeft lessen via video. Wij gebruiken daarvoor {name}."),
    ))];
    let operated =
        d.r.offering
            .as_deref()
            .is_some_and(|o| OPERATED_FOR_THE_SCHOOL.contains(&o));
    if operated {
        first.push(Span::Text(
            d.tr("It runs on a server of", "Het programma draait op een server van"),
        ));
        first.push(Span::Fill(d.tr(
            "the school itself, or the name of the company that runs it",
            "de school zelf, of de naam van het bedrijf dat de server beheert",
        )));
        first.push(Span::Text(".".to_owned()));
        first.push(Span::Text(d.tr(
            "In this letter, 'the provider' means whoever runs it.",
            "In deze brief bedoelen wij met 'de aanbieder' wie het programma draait.",
        )));
    } else {
        let company = clean(&d.vendor.company);
        let en = country(&d.vendor.headquarters, Lang::En);
        let nl = country(&d.vendor.headquarters, Lang::Nl);
        first.push(Span::Text(d.tr(
            &format!("The provider is {company}, a company from {en}."),
            &format!("De aanbieder is {company}, een bedrijf uit {nl}."),
        )));
    }
    let why = match &input.reason {
        Some(reason) => vec![Span::Text(format!("{} {}", d.tr("Why:", "Waarom:"), own(reason)))],
        None => vec![Span::Fill(d.tr(
            "why the school teaches by video",
            "waarom de school les geeft via video",
        ))],
    };
    let consent = vec![Span::Text(d.tr(
        "We do not ask your permission for this. That is not needed, because the school may do this to give education. But we must inform you well. That is what this letter is for.",
        "Wij vragen u hiervoor geen toestemming. Dat is niet nodig, want de school mag dit doen om onderwijs te geven. Wel moeten wij u goed informeren. Dat doen wij met deze brief.",
    ))];
    let concerns = vec![Span::Text(d.tr(
        "Do you have concerns? Or may your child not be recognisable on screen, for example for the safety of your family? Please tell us. We will find a solution together.",
        "Heeft u zorgen? Of mag uw kind niet herkenbaar in beeld komen, bijvoorbeeld voor de veiligheid van uw gezin? Laat het ons weten. Dan zoeken wij samen een oplossing.",
    ))];
    vec![first, why, consent, concerns]
}

pub(super) fn camera(d: &mut Draft, input: &SchoolInput) -> Vec<Para> {
    let mut choice = match input.camera {
        Some(Camera::Required) => {
            let mut p = vec![Span::Text(d.tr(
                "Yes. We ask your child to switch the camera on during the lesson.",
                "Ja. Wij vragen uw kind om de camera aan te zetten tijdens de les.",
            ))];
            p.push(match &input.camera_reason {
                Some(r) => Span::Text(format!("{} {}", d.tr("The reason:", "De reden:"), own(r))),
                None => Span::Fill(d.tr(
                    "the specific reason why pupils must be on camera; without one, the school may not require it",
                    "de specifieke reden waarom leerlingen in beeld moeten; zonder zo'n reden mag de school dit niet verplichten",
                )),
            });
            p
        }
        Some(Camera::Optional) => vec![Span::Text(d.tr(
            "No. Your child may switch the camera on, but does not have to.",
            "Nee. Uw kind mag de camera aanzetten, maar het hoeft niet.",
        ))],
        Some(Camera::Off) => vec![Span::Text(d.tr(
            "No. Pupils take part without a camera.",
            "Nee. Leerlingen doen mee zonder camera.",
        ))],
        None => vec![Span::Fill(d.tr(
            "does your child have to be on camera? If so, for what specific reason?",
            "moet uw kind in beeld? Zo ja, om welke specifieke reden?",
        ))],
    };
    // When the school requires the camera, how it starts and whether sound alone works would
    // only confuse parents.
    if input.camera != Some(Camera::Required) {
        choice.extend(d.facts(&["participation.camera_default", "participation.audio_only"]));
    }
    let account = d.facts(&["participation.account_required", "participation.pseudonym"]);
    let mut paras = vec![choice, account];
    if input.camera == Some(Camera::Required) {
        paras.extend(d.criteria(&["anonymous-join"]));
    } else {
        paras.extend(d.criteria(&["camera-optional", "anonymous-join"]));
    }
    paras
}

pub(super) fn contact(d: &mut Draft, input: &SchoolInput) -> Vec<Para> {
    let who = match &input.contact {
        Some(c) => Span::Text(format!(
            "{} {}",
            d.tr(
                "Do you have questions about this letter or about privacy? Please contact",
                "Heeft u vragen over deze brief of over privacy? Neem dan contact op met"
            ),
            own(c)
        )),
        None => Span::Fill(d.tr(
            "whom parents can contact with questions: name and e-mail address or phone number",
            "bij wie ouders terechtkunnen met vragen: naam en e-mailadres of telefoonnummer",
        )),
    };
    let mut paras = vec![vec![who]];
    let mut doc = |kinds: &[&str], en: &str, nl: &str| {
        // The version in the letter's language when the catalogue lists one, else the first.
        let of_kind = || {
            d.vendor
                .documents
                .iter()
                .filter(|doc| kinds.contains(&doc.kind.as_str()))
        };
        let code = match d.lang {
            Lang::En => "en",
            Lang::Nl => "nl",
        };
        let in_language = of_kind().find(|doc| doc.language.as_deref() == Some(code));
        if let Some(doc) = in_language.or_else(|| of_kind().next()) {
            let mut p = vec![Span::Text(d.tr(en, nl)), Span::Link(clean(&doc.url))];
            if let Some(note) = language_note(doc.language.as_deref(), d.lang) {
                p.push(Span::Text(note));
            }
            paras.push(p);
        }
    };
    doc(
        &["education-privacy"],
        "What the provider says about privacy for schools:",
        "Uitleg van de aanbieder over privacy op scholen:",
    );
    doc(
        &["privacy-policy"],
        "The provider's privacy statement:",
        "De privacyverklaring van de aanbieder:",
    );
    paras.extend(d.criteria(&["transparency"]));
    paras
}

/// What article 13 GDPR asks the school to tell the parents beyond the service itself: who is
/// responsible, the data protection officer, the legal basis by name, the rights, and the
/// complaint to the Autoriteit Persoonsgegevens. What only the school knows is a mark.
pub(super) fn rights(d: &Draft, input: &SchoolInput) -> Vec<Para> {
    let school = input.school.as_deref().map(clean);
    let responsible = match &school {
        Some(s) => vec![Span::Text(d.tr(
            &format!("{s} is responsible for the data of the lessons (the controller)."),
            &format!("{s} is verantwoordelijk voor de gegevens van de lessen (de verwerkingsverantwoordelijke)."),
        ))],
        None => vec![
            Span::Fill(d.tr("the name of the school", "de naam van de school")),
            Span::Text(d.tr(
                "is responsible for the data of the lessons (the controller).",
                "is verantwoordelijk voor de gegevens van de lessen (de verwerkingsverantwoordelijke).",
            )),
        ],
    };
    let mut dpo = vec![
        Span::Text(d.tr(
            "The school's data protection officer (functionaris gegevensbescherming) can be reached at",
            "De functionaris gegevensbescherming (FG) van de school is bereikbaar via",
        )),
        match &input.dpo {
            Some(c) => Span::Text(own(c)),
            None => Span::Fill(d.tr(
                "name and e-mail address of the data protection officer",
                "naam en e-mailadres van de functionaris gegevensbescherming",
            )),
        },
    ];
    if input.dpo.is_none() {
        dpo.push(Span::Text(".".to_owned()));
    }
    let basis = vec![
        Span::Text(d.tr(
            "We use the data to give lessons at a distance. We may do so because it is needed to give education:",
            "Wij gebruiken de gegevens om op afstand les te geven. Dat mag, omdat het nodig is om onderwijs te geven:",
        )),
        match input.basis {
            Some(Basis::PublicTask) => Span::Text(d.tr(
                "the school carries out its task under the education acts (art. 6(1)(e) GDPR).",
                "de school voert haar taak volgens de onderwijswetten uit (art. 6 lid 1 onder e AVG).",
            )),
            Some(Basis::LegalObligation) => Span::Text(d.tr(
                "the education acts oblige the school to give these lessons (art. 6(1)(c) GDPR).",
                "de onderwijswetten verplichten de school om deze lessen te geven (art. 6 lid 1 onder c AVG).",
            )),
            Some(Basis::Agreement) => Span::Text(d.tr(
                "it is necessary for the education agreement with the school (art. 6(1)(b) GDPR).",
                "het is nodig voor de onderwijsovereenkomst met de school (art. 6 lid 1 onder b AVG).",
            )),
            Some(Basis::LegitimateInterest) => Span::Text(d.tr(
                "the school has a legitimate interest in good education (art. 6(1)(f) GDPR).",
                "de school heeft een gerechtvaardigd belang bij goed onderwijs (art. 6 lid 1 onder f AVG).",
            )),
            None => Span::Fill(d.tr(
                "the legal basis by name, for example the school's task under the education acts (art. 6(1)(e) GDPR) or the school's legitimate interest in good education (art. 6(1)(f) GDPR)",
                "de grondslag bij naam, bijvoorbeeld de taak van de school volgens de onderwijswetten (art. 6 lid 1 onder e AVG) of het gerechtvaardigd belang van de school bij goed onderwijs (art. 6 lid 1 onder f AVG)",
            )),
        },
    ];
    let rights = vec![Span::Text(d.tr(
        "You may ask to see the data about your child, and to have it corrected or deleted or its use limited. Because we do not rely on your consent but on education or our legitimate interest, you may also object to the use of the data; we then weigh your reasons.",
        "U mag vragen welke gegevens wij over uw kind hebben, en vragen om ze te verbeteren, te verwijderen of minder te gebruiken. Omdat wij niet op uw toestemming steunen maar op het onderwijs of ons gerechtvaardigd belang, mag u ook bezwaar maken tegen het gebruik van de gegevens; wij wegen dan uw redenen.",
    ))];
    let complaint = vec![
        Span::Text(d.tr(
            "Do you disagree with how we handle the data? Please tell us first. You may also complain to the Dutch data protection authority, the Autoriteit Persoonsgegevens:",
            "Bent u het niet eens met hoe wij met de gegevens omgaan? Laat het ons eerst weten. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens:",
        )),
        Span::Link("https://autoriteitpersoonsgegevens.nl".to_owned()),
    ];
    vec![responsible, dpo, basis, rights, complaint]
}
