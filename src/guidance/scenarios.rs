//! The rules a school must follow itself, independent of the vendor: for each scenario of using
//! video with pupils, whether parental consent is needed, on which legal basis the school relies,
//! its duties and the cautions. Every statement carries the passages of the two source documents
//! it rests on (document id, place and a short verbatim Dutch quote), so that `advise` can show
//! why. The data is static; `advise` only renders it.

use crate::criteria::{Text, Trace};

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
const HOST_RECORDS: Trace = comment(
    "comment 1.1",
    "De host in Zoom kan de sessie als video opnemen. En als op Youtube zetten.",
);
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
        "In many services the host can record a lesson and put it online. Use a service where the school decides who records and where recordings are kept (`vcaudit audit`, criteria `recording-control` and `recording-storage`).",
        "In veel diensten kan de organisator een les opnemen en online zetten. Gebruik een dienst waarin de school bepaalt wie opneemt en waar opnames staan (`vcaudit audit`, criteria `recording-control` en `recording-storage`).",
    ),
    sources: &[HOST_RECORDS],
};

const INTERNAL_BASIS: Trace = kn("De grondslag is gerechtvaardigd belang");

/// Every scenario, in the order `advise --list` shows them.
pub static ALL: &[Scenario] = &[
    Scenario {
        id: "live-lesson",
        title: t("Remote lesson with pupils on camera", "Les op afstand met leerlingen in beeld"),
        consent_required: false,
        consent: Point {
            text: t(
                "No. Consent is not the legal basis here, so there is no reason to ask the parents for it.",
                "Nee. Toestemming is hier niet de grondslag, dus er is geen reden om de ouders erom te vragen.",
            ),
            sources: &[
                main("Maar áls je die reden rondkrijgt, dan heb je niet nog apart toestemming nodig van de ouders."),
                main("En als er geen toestemming nodig is, dan is er dus ook geen reden om aan de ouders toestemming te vragen."),
            ],
        },
        legal_basis: Point {
            text: t(
                "Necessity for the education agreement and/or the school's legitimate interest in good education; a legal duty under the education acts also counts. The rules on parental consent for minors (art. 8 GDPR, art. 5 UAVG) apply only where consent is the basis.",
                "Noodzaak voor de onderwijsovereenkomst en/of het gerechtvaardigd belang van de school bij goed onderwijs; een wettelijke plicht uit de onderwijswetten telt ook. De regels over toestemming van ouders bij minderjarigen (art. 8 AVG, art. 5 UAVG) gelden alleen als toestemming de grondslag is.",
            ),
            sources: &[
                main("je beroept je op een noodzaak voor de onderwijsovereenkomst en/of een eigen legitiem belang namelijk goed onderwijs"),
                main("Maar dat is alleen van toepassing wanneer je werkt met toestemming als grondslag."),
                comment("comment 9", "voor leerplichtigen is er de wet, voor niet-leerplichtigen een (onderwijs-)overeenkomst"),
            ],
        },
        duties: &[
            Point {
                text: t(
                    "Have a specific reason for having pupils on camera (for example keeping order, or checking for copying during a test) and be able to explain it. Without such a reason, do not require video.",
                    "Zorg voor een specifieke reden om leerlingen in beeld te hebben (bijvoorbeeld orde houden, of controle op afkijken bij een proefwerk) en zorg dat u die kunt uitleggen. Zonder zo'n reden geen verplichte video.",
                ),
                sources: &[
                    main("In ieder geval moet je daar een specifieke reden voor hebben."),
                    main("gaat het om controleren op afkijken/samenwerken bij proefwerken of iets anders?"),
                ],
            },
            Point {
                text: t(
                    "Inform the parents, in plain language, that lessons use video.",
                    "Informeer de ouders in gewone taal dat de lessen met video gaan.",
                ),
                sources: &[main("In ieder geval móet je het melden. In gewone taal")],
            },
            Point {
                text: t(
                    "Explain in that notice how the service is secured.",
                    "Leg in die melding uit hoe de dienst beveiligd is.",
                ),
                sources: &[main("met uitleg over de beveiliging")],
            },
            Point {
                text: t(
                    "Explain how the video provider is bound: it collects no analytics of the pupils and does not otherwise use the data itself (`vcaudit notice` drafts this notice from the catalogue).",
                    "Leg uit hoe de videodienst gebonden is: die verzamelt geen analytics van de leerlingen en gebruikt de gegevens niet op een andere manier voor zichzelf (`vcaudit notice` maakt een concept van deze melding uit de catalogus).",
                ),
                sources: &[main(
                    "hoe je de videodienstverlener hebt gebonden aan beperkingen dat deze niet zelf analytics van de leerlingen verzamelt of anderszins zelf met de gegevens werkt",
                )],
            },
            Point {
                text: t(
                    "Choose the service with care: it matters which one, including whether it passes analytics to third parties (`vcaudit audit`).",
                    "Kies de dienst zorgvuldig: het maakt uit welke, ook of die analytische gegevens aan derden geeft (`vcaudit audit`).",
                ),
                sources: &[
                    comment("comment 1", "En dat de dienstverlener ook geen analytische gegevens aan derden verstrekt?"),
                    comment("comment 1.1", "Ja, dat maakt zeker wat uit."),
                ],
            },
            Point {
                text: t(
                    "Let a pupil take part anonymously when there is a reason for it, such as a child of a parent under threat.",
                    "Laat een leerling anoniem meedoen als daar een reden voor is, zoals bij een kind van een bedreigde ouder.",
                ),
                sources: &[comment("comment 9", "Een kind van een bedreigde ouder moet anoniem kunnen deelnemen")],
            },
        ],
        cautions: &[
            Point {
                text: t(
                    "Do not ask for consent as a courtesy. If a parent says no, you would have to honour the refusal while you still have to teach the pupil: a catch-22. Where no consent is needed, do not ask for it.",
                    "Vraag niet uit beleefdheid om toestemming. Zegt een ouder nee, dan moet u die weigering respecteren terwijl u de leerling toch les moet geven: een catch-22. Is toestemming niet nodig, vraag er dan ook niet om.",
                ),
                sources: &[
                    comment("comment 2", "Als je geen toestemming hoeft te vragen moet je dat m.i. ook niet doen."),
                    comment("comment 2.1.2.1", "Kom je aardig in een catch-22 als je om toestemming vraagt"),
                ],
            },
            Point {
                text: t(
                    "If you ask anyway, saying no must be a reasonable option: tell parents what happens then (in the source's example, the pupil catches up on the subject later).",
                    "Vraagt u het toch, dan moet nee zeggen een redelijke optie zijn: vertel ouders wat er dan gebeurt (in het voorbeeld uit de bron haalt de leerling het vak later in).",
                ),
                sources: &[
                    comment("comment 2.1", "Maar dan moet er inderdaad wel een redelijke optie zijn om geen toestemming te kunnen geven."),
                    comment("comment 2.1", "Indien u geen toestemming geeft zal uw kind dit vak op een later tijdstip moeten inhalen"),
                ],
            },
            Point {
                text: t(
                    "Video of pupils is rarely necessary; audio and screen sharing are often enough.",
                    "Beeld van leerlingen is zelden echt nodig; geluid en scherm delen zijn vaak genoeg.",
                ),
                sources: &[
                    comment("comment 6", "Video is inderdaad zelden"),
                    comment("comment 5", "Scherm delen is wel onmisbaar gebleken"),
                ],
            },
            CHOOSE_RECORDING_CONTROL,
        ],
    },
    Scenario {
        id: "recording-coaching",
        title: t(
            "Recording in class to coach a teacher, student or intern, for internal use only",
            "Opname in de klas om een leraar, student of stagiair te coachen, alleen voor intern gebruik",
        ),
        consent_required: false,
        consent: Point {
            text: t(
                "No, as long as the recording is used only within the school.",
                "Nee, zolang de opname alleen binnen de school wordt gebruikt.",
            ),
            sources: &[INTERNAL_ONLY],
        },
        legal_basis: Point {
            text: t(
                "Legitimate interest: the school has an interest in the recording to coach the teacher or to improve the lessons. The recording is about the teacher, not about the pupils.",
                "Gerechtvaardigd belang: de school heeft belang bij de opname om de leraar te coachen of de lessen te verbeteren. Het gaat om de leraar, niet om de leerlingen.",
            ),
            sources: &[
                INTERNAL_BASIS,
                kn("Het gaat hierbij niet om de leerlingen, maar om begeleiding van de leerkracht."),
            ],
        },
        duties: INTERNAL_RECORDING_DUTIES,
        cautions: &[SHARING_NEEDS_CONSENT, CHOOSE_RECORDING_CONTROL],
    },
    Scenario {
        id: "recording-pupil-guidance",
        title: t(
            "Recording in class to guide a pupil, made by the school, for internal use only",
            "Opname in de klas voor de begeleiding van een leerling, gemaakt door de school, alleen voor intern gebruik",
        ),
        consent_required: false,
        consent: Point {
            text: t(
                "No, when the school makes the recording itself and uses it only within the school.",
                "Nee, als de school de opname zelf maakt en alleen binnen de school gebruikt.",
            ),
            sources: &[
                kn("In het geval dat er in het kader van de begeleiding van een leerling opnames in een klas worden gemaakt, dan gelden de zelfde regels."),
                INTERNAL_ONLY,
            ],
        },
        legal_basis: Point {
            text: t(
                "Legitimate interest, as for recordings to coach a teacher: the same rules apply.",
                "Gerechtvaardigd belang, net als bij opnames om een leraar te coachen: dezelfde regels gelden.",
            ),
            sources: &[INTERNAL_BASIS, kn("dan gelden de zelfde regels")],
        },
        duties: INTERNAL_RECORDING_DUTIES,
        cautions: &[
            Point {
                text: t(
                    "If a professional from outside the school makes the recording (for example an orthopedagogue who examines the pupil), consent is needed: see `recording-external`.",
                    "Maakt een hulpverlener van buiten de school de opname (bijvoorbeeld een orthopedagoog die de leerling onderzoekt), dan is toestemming nodig: zie `recording-external`.",
                ),
                sources: &[EXTERNAL],
            },
            SHARING_NEEDS_CONSENT,
        ],
    },
    Scenario {
        id: "recording-external",
        title: t(
            "Recording made by a professional from outside the school (for example an orthopedagogue)",
            "Opname gemaakt door een hulpverlener van buiten de school (bijvoorbeeld een orthopedagoog)",
        ),
        consent_required: true,
        consent: Point {
            text: t(
                "Yes. Ask the parents for consent: the school does not know what the outside professional will do with the recording.",
                "Ja. Vraag de ouders om toestemming: de school weet niet wat de hulpverlener van buiten met de opname gaat doen.",
            ),
            sources: &[EXTERNAL, kn("Je weet dan niet als school wat die hulpverlener met die beelden gaat doen.")],
        },
        legal_basis: Point {
            text: t(
                "The parents' consent. The school has no other basis to make these recordings or have them made; for a minor, consent comes from the parents (art. 8 GDPR, art. 5 UAVG).",
                "Toestemming van de ouders. De school heeft geen andere grondslag om deze opnames te (laten) maken; bij een minderjarige komt de toestemming van de ouders (art. 8 AVG, art. 5 UAVG).",
            ),
            sources: &[NO_BASIS, ART_8],
        },
        duties: &[
            Point {
                text: t(
                    "Ask the parents for consent before the recording is made.",
                    "Vraag de ouders om toestemming voordat de opname wordt gemaakt.",
                ),
                sources: &[EXTERNAL],
            },
            Point {
                text: t(
                    "Make clear agreements with the professional about how the recording is secured and how it is used.",
                    "Maak goede afspraken met de hulpverlener over de beveiliging en het gebruik van de opname.",
                ),
                sources: &[kn("Maak daarnaast goede afspraken met de hulpverlener over beveiliging en het gebruik van dat beeldmateriaal.")],
            },
        ],
        cautions: &[Point {
            text: t(
                "A refusal is final: consent is the only basis here, so without it the recording may not be made.",
                "Een weigering is definitief: toestemming is hier de enige grondslag, dus zonder toestemming mag de opname niet worden gemaakt.",
            ),
            sources: &[NO_BASIS],
        }],
    },
    Scenario {
        id: "share-recording",
        title: t(
            "Showing or sharing a recording beyond its internal purpose (for example on an open day, or with a training institute)",
            "Een opname buiten het interne doel laten zien of delen (bijvoorbeeld op een open dag, of met een opleiding)",
        ),
        consent_required: true,
        consent: Point {
            text: t(
                "Yes, of all parents or carers of the pupils who are in view.",
                "Ja, van alle ouders of verzorgers van de leerlingen die in beeld komen.",
            ),
            sources: &[ALL_PARENTS],
        },
        legal_basis: Point {
            text: t(
                "The consent of the parents of every pupil in view.",
                "Toestemming van de ouders van iedere leerling die in beeld komt.",
            ),
            sources: &[ALL_PARENTS],
        },
        duties: &[
            Point {
                text: t(
                    "Ask every parent or carer of a pupil in view for consent before the recording is shown or shared.",
                    "Vraag iedere ouder of verzorger van een leerling die in beeld komt om toestemming voordat de opname wordt getoond of gedeeld.",
                ),
                sources: &[ALL_PARENTS],
            },
            Point {
                text: t(
                    "If the recording already exists, you may still ask for consent afterwards.",
                    "Is de opname al gemaakt, dan mag u de toestemming alsnog achteraf vragen.",
                ),
                sources: &[kn("Als de opname al is gemaakt, kan je alsnog (achteraf) de ouders om toestemming vragen.")],
            },
            Point {
                text: t(
                    "If one parent or carer does not consent, do not share the recording.",
                    "Geeft één ouder of verzorger geen toestemming, deel de opname dan niet.",
                ),
                sources: &[ONE_REFUSAL],
            },
        ],
        cautions: &[
            Point {
                text: t(
                    "One refusal is enough: the recording then stays inside the school, under the rules for internal recordings (store safely, delete when no longer needed).",
                    "Eén weigering is genoeg: de opname blijft dan binnen de school, onder de regels voor interne opnames (veilig bewaren, verwijderen als ze niet meer nodig is).",
                ),
                sources: &[ONE_REFUSAL, kn("verwijder de beelden als ze niet (langer) nodig zijn")],
            },
            Point {
                text: t(
                    "Putting the recording online is publishing: see `publish-images`.",
                    "Een opname online zetten is publiceren: zie `publish-images`.",
                ),
                sources: &[MAIN_RULE],
            },
        ],
    },
    Scenario {
        id: "publish-images",
        title: t("Publishing photos or videos of pupils", "Foto's of video's van leerlingen publiceren"),
        consent_required: true,
        consent: Point {
            text: t("Yes, always: this is the main rule.", "Ja, altijd: dit is de hoofdregel."),
            sources: &[MAIN_RULE],
        },
        legal_basis: Point {
            text: t(
                "The parents' consent; for minors it comes from the parents (art. 8 GDPR, art. 5 UAVG).",
                "Toestemming van de ouders; bij minderjarigen komt die van de ouders (art. 8 AVG, art. 5 UAVG).",
            ),
            sources: &[MAIN_RULE, ART_8],
        },
        duties: &[
            Point {
                text: t(
                    "Ask the parents for consent before you publish a photo or video of a pupil.",
                    "Vraag de ouders om toestemming voordat u een foto of video van een leerling publiceert.",
                ),
                sources: &[MAIN_RULE],
            },
            Point {
                text: t(
                    "With several pupils in view, ask the parents of every one of them; if one refuses, do not publish.",
                    "Staan er meer leerlingen in beeld, vraag het dan de ouders van ieder van hen; weigert er één, publiceer dan niet.",
                ),
                sources: &[ALL_PARENTS, ONE_REFUSAL],
            },
        ],
        cautions: &[
            Point {
                text: t(
                    "Recordings made to coach a teacher or guide a pupil may not be published at all: they do not leave the school.",
                    "Opnames om een leraar te coachen of een leerling te begeleiden mogen helemaal niet gepubliceerd worden: ze verlaten de school niet.",
                ),
                sources: &[kn("deel de beelden niet, en publiceer ze vooral niet openbaar")],
            },
            CHOOSE_RECORDING_CONTROL,
        ],
    },
];

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    ALL.iter().find(|s| s.id == id)
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
                        crate::criteria::SOURCES.iter().any(|(id, _)| *id == t.document),
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
