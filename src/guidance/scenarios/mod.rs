//! The rules a school must follow itself, independent of the vendor: for each scenario of using
//! video with pupils, whether parental consent is needed, on which legal basis the school relies,
//! its duties and the cautions. Every statement carries the passages of the two source documents
//! it rests on (document id, place and a short verbatim Dutch quote), so that `advise` can show
//! why. The data is static; `advise` only renders it.

use crate::criteria::Trace;
use crate::i18n::Text;

mod live;
mod recording;
mod remote;

/// One statement of the advice with the passages it rests on.
#[derive(Debug)]
pub struct Point {
    pub text: Text,
    pub sources: &'static [Trace],
}

/// One situation in which a school uses video or images of pupils.
#[derive(Debug)]
pub struct Scenario {
    /// The id users type: `live-lesson`, `share-recording` ...
    pub id: &'static str,
    pub title: Text,
    /// Whether the school needs the parents' consent.
    pub consent_required: bool,
    /// The answer on consent, explained.
    pub consent: Point,
    pub legal_basis: Point,
    pub duties: &'static [Point],
    pub cautions: &'static [Point],
}

const fn t(en: &'static str, nl: &'static str) -> Text {
    Text::fixed(en, nl)
}

const fn main(quote: &'static str) -> Trace {
    Trace {
        document: "003",
        place: "main text",
        quote,
    }
}

const fn comment(place: &'static str, quote: &'static str) -> Trace {
    Trace {
        document: "003",
        place,
        quote,
    }
}

const fn kn(quote: &'static str) -> Trace {
    Trace {
        document: "000",
        place: "answer",
        quote,
    }
}

/// A passage of the Autoriteit Persoonsgegevens' page on remote teaching.
const fn ap(quote: &'static str) -> Trace {
    Trace {
        document: "ap",
        place: "web page",
        quote,
    }
}

/// A passage of the Autoriteit Persoonsgegevens' page on teaching during the pandemic, which
/// holds its recommendations for proctoring.
const fn ap_corona(quote: &'static str) -> Trace {
    Trace {
        document: "ap-corona",
        place: "web page",
        quote,
    }
}

/// A statement the source documents do not cover: the tool's reading of the law it names.
const fn outside(law: &'static str) -> Trace {
    Trace {
        document: crate::criteria::OUTSIDE_SOURCES,
        place: "",
        quote: law,
    }
}

const INTERNAL_ONLY: Trace =
    kn("Voor deze beelden is géén toestemming nodig van de ouders als het beeldmateriaal alleen binnen de school wordt gebruikt.");
const ALL_PARENTS: Trace =
    kn("dan is wel toestemming nodig van alle ouders/verzorgers van de leerlingen die in beeld komen");
const ONE_REFUSAL: Trace =
    kn("Als er één ouder/verzorger geen toestemming geeft, mag je het beeldmateriaal niet delen.");
const MAIN_RULE: Trace = kn("De hoofdregel is dat voor het publiceren van beeldmateriaal (foto's/video's) van leerlingen altijd toestemming van de ouders nodig is.");
const ART_8: Trace = main(
    "Inderdaad staat in de AVG dat bij minderjarigen toestemming nodig is van de ouders (art. 8 AVG en art. 5 UAVG).",
);
/// The Dutch implementing act: below 16 the legal representative consents instead of the pupil.
const UAVG_5: Trace = Trace {
    document: "uavg",
    place: "art. 5",
    quote: "de leeftijd van zestien jaren nog niet heeft bereikt",
};
const EXTERNAL: Trace =
    kn("Maar je moet wel toestemming gaan vragen als er opnames worden gemaakt door een externe hulpverlener");
const NO_BASIS: Trace = kn("Je hebt als school geen grondslag om die beelden te (laten) maken.");

/// The duties of the Kennisnet answer for recordings kept inside the school.
const INTERNAL_RECORDING_DUTIES: &[Point] = &[
    Point {
        text: t(
            "Record during lessons only when it is really needed for the coaching or guidance.",
            "Neem alleen op tijdens lessen als dat echt nodig is voor de coaching of begeleiding.",
        ),
        sources: &[kn("maak alleen opnames tijdens lessen als dit echt nodig is")],
    },
    Point {
        text: t(
            "Tell the parents that recordings are made and that they are for internal use only (not required, but wise).",
            "Meld de ouders dat er opnames worden gemaakt en dat die alleen voor intern gebruik zijn (niet verplicht, wel verstandig).",
        ),
        sources: &[kn("Het is wel verstandig om de ouders/verzorgers van de leerlingen te melden")],
    },
    Point {
        text: t(
            "Store the recordings safely; do not leave them lying around, on the network either.",
            "Sla de opnames veilig op en bewaar ze veilig; laat ze niet slingeren, ook niet op het netwerk.",
        ),
        sources: &[
            kn("zorg dat de beelden veilig worden opgeslagen en bewaard"),
            kn("(laat ze niet slingeren, ook niet op het netwerk)"),
        ],
    },
    Point {
        text: t(
            "Delete the recordings when they are no longer needed.",
            "Verwijder de opnames als ze niet langer nodig zijn.",
        ),
        sources: &[kn("verwijder de beelden als ze niet (langer) nodig zijn")],
    },
    Point {
        text: t(
            "Do not share the recordings and above all do not publish them: as a rule, they do not leave the school.",
            "Deel de opnames niet en publiceer ze zeker niet: als regel verlaten ze de school niet.",
        ),
        sources: &[
            kn("deel de beelden niet, en publiceer ze vooral niet openbaar"),
            kn("bedenk als regel dat de beelden 'de school niet mogen verlaten'"),
        ],
    },
];

const SHARING_NEEDS_CONSENT: Point = Point {
    text: t(
        "As soon as the school, or the training institute of a student or intern, wants to use, show or share the recording beyond this purpose (for example on an open day), the consent of all parents of the pupils in view is needed: see `share-recording`.",
        "Zodra de school, of de opleiding van een student of stagiair, de opname buiten dit doel wil gebruiken, laten zien of delen (bijvoorbeeld op een open dag), is toestemming nodig van alle ouders van de leerlingen die in beeld komen: zie `share-recording`.",
    ),
    sources: &[
        kn("Als de school of opleiding van de student of stagiair de beelden wil gebruiken, bekijken of zelfs delen"),
        ALL_PARENTS,
    ],
};

const CHOOSE_RECORDING_CONTROL: Point = Point {
    text: t(
        "Use a service in which the school decides who records and where recordings are kept, so that recordings are made only when really needed and stored safely (`vcaudit audit`, criteria `recording-control` and `recording-storage`).",
        "Gebruik een dienst waarin de school bepaalt wie opneemt en waar opnames staan, zodat alleen wordt opgenomen als dat echt nodig is en opnames veilig worden bewaard (`vcaudit audit`, criteria `recording-control` en `recording-storage`).",
    ),
    sources: &[
        kn("maak alleen opnames tijdens lessen als dit echt nodig is"),
        kn("zorg dat de beelden veilig worden opgeslagen en bewaard"),
    ],
};

/// Who consents: the seeds speak of parents and minors; the law draws the line at 16.
const WHO_CONSENTS: Point = Point {
    text: t(
        "Who consents: for a pupil under 16 the parents (the legal representatives); a pupil of 16 or 17 consents personally (art. 5 UAVG). The source documents speak of parents and minors without this distinction.",
        "Wie toestemming geeft: voor een leerling jonger dan 16 de ouders (de wettelijk vertegenwoordigers); een leerling van 16 of 17 geeft zelf toestemming (art. 5 UAVG). De brondocumenten spreken van ouders en minderjarigen zonder dit onderscheid.",
    ),
    sources: &[UAVG_5, ART_8],
};

const INTERNAL_BASIS: Trace = kn("De grondslag is gerechtvaardigd belang");

/// Every scenario, in the order `advise --list` shows them.
pub static ALL: &[&Scenario] = &[
    &live::LIVE_LESSON,
    &recording::RECORDING_COACHING,
    &recording::RECORDING_PUPIL_GUIDANCE,
    &recording::RECORDING_EXTERNAL,
    &recording::SHARE_RECORDING,
    &recording::PUBLISH_IMAGES,
    &remote::RECORDING_ABSENT,
    &remote::HYBRID_LESSON,
    &remote::ONLINE_PROCTORING,
];

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    ALL.iter().copied().find(|s| s.id == id)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn points(s: &Scenario) -> impl Iterator<Item = &Point> {
        [&s.consent, &s.legal_basis]
            .into_iter()
            .chain(s.duties)
            .chain(s.cautions)
    }

    #[test]
    fn every_statement_rests_on_a_known_document() {
        for s in ALL {
            assert!(!s.duties.is_empty(), "{} has no duties", s.id);
            for p in points(s) {
                assert!(!p.sources.is_empty(), "{}: `{}` has no source", s.id, p.text.en);
                assert!(!p.text.en.is_empty() && !p.text.nl.is_empty(), "{}: empty text", s.id);
                for t in p.sources {
                    assert!(
                        t.document == crate::criteria::OUTSIDE_SOURCES
                            || crate::criteria::source_title(t.document, crate::i18n::Lang::En).is_some(),
                        "{}: unknown document {}",
                        s.id,
                        t.document
                    );
                }
            }
        }
    }

    #[test]
    fn ids_are_unique() {
        for (i, s) in ALL.iter().enumerate() {
            assert!(ALL[i + 1..].iter().all(|o| o.id != s.id), "duplicate {}", s.id);
        }
    }
}
