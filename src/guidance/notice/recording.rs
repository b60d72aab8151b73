//! The part of the parent notice on recording and streaming lessons, after `--recording`: not at
//! all, inside the school to coach a teacher or guide a pupil (000, the Kennisnet answer), for
//! pupils who are absent, a hybrid lesson streamed live from the classroom, or the supervision of
//! tests at home (online proctoring; the Autoriteit Persoonsgegevens, see `advise`). How the
//! service records and where recordings go come from the catalogue.

use super::{Draft, Known, Para, Recording, SchoolInput, Span};
use crate::guidance::phrases::{question, storage_places};
use crate::i18n::Lang;

const CONTROL: [&str; 3] = [
    "recording.who_can_record",
    "recording.admin_can_disable",
    "recording.notice",
];

pub(super) fn recording(d: &mut Draft, input: &SchoolInput) -> Vec<Para> {
    match input.recording {
        Some(Recording::No) => not_recorded(
            d,
            vec![Span::Text(d.tr(
                "No. We do not record the lessons.",
                "Nee. Wij nemen de lessen niet op.",
            ))],
        ),
        Some(Recording::Hybrid) => not_recorded(
            d,
            vec![
                Span::Text(d.tr(
                    "Some lessons are streamed live from the classroom to pupils who follow them at home. We point the camera at the teacher and the board; pupils in the classroom come into view only when that is needed.",
                    "Sommige lessen zenden wij live uit vanuit het klaslokaal, voor leerlingen die thuis meedoen. Wij richten de camera op de leraar en het bord; leerlingen in de klas komen alleen in beeld als dat nodig is.",
                )),
                Span::Text(d.tr("We do not record these lessons.", "Deze lessen nemen wij niet op.")),
            ],
        ),
        Some(Recording::Proctoring) => proctoring(d),
        None => {
            let mut paras = vec![
                vec![Span::Fill(d.tr(
                    "does the school record lessons? If so: for what, where are recordings kept and when are they deleted?",
                    "neemt de school lessen op? Zo ja: waarvoor, waar staan de opnames en wanneer worden ze verwijderd?",
                ))],
                d.facts(&CONTROL),
            ];
            paras.extend(d.criteria(&["recording-control", "recording-storage"]));
            paras
        }
        Some(purpose) => recorded(d, purpose),
    }
}

/// No recording: the school's sentence, then how recording works in the programme.
fn not_recorded(d: &mut Draft, first: Para) -> Vec<Para> {
    let mut how = d.facts(&CONTROL);
    if !how.is_empty() {
        let lead = d.tr(
            "This is how recording works in the programme:",
            "Zo werkt opnemen in het programma:",
        );
        how.insert(0, Span::Text(lead));
    }
    let mut paras = vec![first, how];
    paras.extend(d.criteria(&["recording-control"]));
    paras
}

/// Recordings kept inside the school: what for, the rules, and where they are kept.
fn recorded(d: &mut Draft, purpose: Recording) -> Vec<Para> {
    let what = match purpose {
        Recording::AbsentPupils => vec![
            Span::Text(d.tr(
                "Sometimes we record a lesson for pupils who cannot be in class. We point the camera at the teacher and the board, so that pupils are in view as little as possible.",
                "Soms nemen wij een les op voor leerlingen die er niet bij kunnen zijn. Wij richten de camera op de leraar en het bord, zodat leerlingen zo min mogelijk in beeld komen.",
            )),
            Span::Text(d.tr(
                "Only the pupils of the class can watch the recording, within the school's own environment. We do not share it further and do not put it online. We keep it safe, and we delete it when we no longer need it.",
                "Alleen de leerlingen van de klas kunnen de opname bekijken, in de eigen omgeving van de school. Wij delen hem niet verder en zetten hem niet online. Wij bewaren hem veilig en wij verwijderen hem als wij hem niet meer nodig hebben.",
            )),
        ],
        _ => {
            let why = match purpose {
                Recording::PupilGuidance => d.tr("to guide a pupil well", "om een leerling goed te begeleiden"),
                _ => d.tr(
                    "to coach a teacher, a student teacher or an intern",
                    "om een leraar, een student of een stagiair te coachen",
                ),
            };
            vec![
                Span::Text(d.tr(
                    &format!("Sometimes we record a lesson, only when it is really needed {why}."),
                    &format!("Soms nemen wij een les op. Dat doen wij alleen als het echt nodig is {why}."),
                )),
                Span::Text(d.tr(
                    "We use the recording only inside the school. We do not share it and do not put it online. We keep it safe, and we delete it when we no longer need it.",
                    "Wij gebruiken de opname alleen binnen de school. Wij delen hem niet en zetten hem niet online. Wij bewaren hem veilig en wij verwijderen hem als wij hem niet meer nodig hebben.",
                )),
            ]
        }
    };
    let mut rules = what;
    rules.push(Span::Text(d.tr(
        "If we ever want to show a recording outside the school, we first ask all parents of the pupils who are in view. If one parent says no, we do not show it.",
        "Willen wij een opname ooit buiten de school laten zien? Dan vragen wij eerst toestemming aan alle ouders van de leerlingen die in beeld zijn. Zegt één ouder nee, dan laten wij hem niet zien.",
    )));
    let mut place = Vec::new();
    match d.known("recording.storage") {
        Known::Claim(c) if !c.value.as_list().is_empty() => place.push(Span::Fill(d.tr(
            &format!(
                "where the school keeps recordings; with this service: {}",
                storage_places(c.value.as_list(), Lang::En)
            ),
            &format!(
                "waar de school opnames bewaart; bij deze dienst kan dat {}",
                storage_places(c.value.as_list(), Lang::Nl)
            ),
        ))),
        Known::Unknown => place.push(Span::Check(question("recording.storage", d.lang))),
        _ => {}
    }
    place.extend(d.facts(&["recording.default_sharing"]));
    let mut paras = vec![rules, d.facts(&CONTROL), place];
    paras.extend(d.criteria(&["recording-control", "recording-storage"]));
    paras
}

/// Tests supervised at home (online proctoring), after the Autoriteit Persoonsgegevens: only when
/// really necessary, what is recorded and when it is deleted, personal things out of view.
fn proctoring(d: &mut Draft) -> Vec<Para> {
    let mut paras = vec![
        vec![
            Span::Text(d.tr(
                "For some tests we supervise pupils who take them at home, by camera or with software (online proctoring). We do this only when it is really necessary for that test.",
                "Bij sommige toetsen houden wij toezicht op leerlingen die de toets thuis maken, via de camera of met software (online proctoring). Dat doen wij alleen als het voor die toets echt nodig is.",
            )),
            Span::Fill(d.tr(
                "which tests, what the supervision records (image, sound, screen), who looks at it and when it is deleted",
                "welke toetsen, wat het toezicht vastlegt (beeld, geluid, scherm), wie dat bekijkt en wanneer het wordt verwijderd",
            )),
        ],
        vec![Span::Text(d.tr(
            "Tip: during such a test, keep very personal things and family members out of view as much as possible.",
            "Tip: houd tijdens zo'n toets heel persoonlijke dingen en gezinsleden zo veel mogelijk buiten beeld.",
        ))],
        d.facts(&CONTROL),
    ];
    paras.extend(d.criteria(&["recording-control", "recording-storage"]));
    paras
}
