//! Scenarios schools ask about beyond the two source documents: a lesson recorded for absent
//! pupils, a hybrid lesson streamed from the classroom, and online proctoring of a test. Each
//! statement cites the passage it rests on (the author's main text 003, the Kennisnet answer 000,
//! the pages of the Autoriteit Persoonsgegevens); what none of them covers is marked as outside
//! the sources, with the law the reading rests on.

use super::*;

const SMALLEST_INTRUSION: Trace =
    ap("Je school of universiteit moet er dan wel voor zorgen dat de inbreuk op jouw privacy zo klein mogelijk is.");
const INFORM_WHY_AND_WHEN_DELETED: Trace =
    ap("Zoals waarom jouw gegevens verwerkt worden en wanneer jouw gegevens worden gewist.");
const GOOD_EDUCATION: Trace =
    main("je beroept je op een noodzaak voor de onderwijsovereenkomst en/of een eigen legitiem belang namelijk goed onderwijs");

const TELL_PARENTS: Point = Point {
    text: t(
        "Tell the pupils and the parents in plain language what happens with the images: why they are processed and when they are deleted.",
        "Vertel leerlingen en ouders in gewone taal wat er met de beelden gebeurt: waarom ze worden verwerkt en wanneer ze worden gewist.",
    ),
    sources: &[
        main("In ieder geval móet je het melden. In gewone taal"),
        INFORM_WHY_AND_WHEN_DELETED,
    ],
};

pub(super) static RECORDING_ABSENT: Scenario = Scenario {
    id: "recording-absent",
    title: t(
        "Recording a lesson for pupils who are absent, watched only within the school",
        "Een les opnemen voor leerlingen die afwezig zijn, alleen binnen de school te bekijken",
    ),
    consent_required: false,
    consent: Point {
        text: t(
            "No, as long as the recording is used only within the school, as for other recordings in class. Showing it beyond the school needs the consent of all parents of the pupils in view.",
            "Nee, zolang de opname alleen binnen de school wordt gebruikt, net als bij andere opnames in de klas. Buiten de school laten zien vraagt toestemming van alle ouders van de leerlingen die in beeld komen.",
        ),
        sources: &[INTERNAL_ONLY, ALL_PARENTS],
    },
    legal_basis: Point {
        text: t(
            "The school's legitimate interest in good education, as for internal recordings in class and for the remote lesson.",
            "Het gerechtvaardigd belang van de school bij goed onderwijs, net als bij interne opnames in de klas en bij de les op afstand.",
        ),
        sources: &[INTERNAL_BASIS, GOOD_EDUCATION],
    },
    duties: &[
        Point {
            text: t(
                "Point the camera at the teacher and the board, so that pupils are in view as little as possible: keep the intrusion on their privacy as small as possible.",
                "Richt de camera op de leraar en het bord, zodat leerlingen zo min mogelijk in beeld komen: houd de inbreuk op hun privacy zo klein mogelijk.",
            ),
            sources: &[SMALLEST_INTRUSION],
        },
        Point {
            text: t(
                "Record only when it is really needed, store the recording safely and delete it when it is no longer needed.",
                "Neem alleen op als dat echt nodig is, bewaar de opname veilig en verwijder hem als hij niet langer nodig is.",
            ),
            sources: &[
                kn("maak alleen opnames tijdens lessen als dit echt nodig is"),
                kn("zorg dat de beelden veilig worden opgeslagen en bewaard"),
                kn("verwijder de beelden als ze niet (langer) nodig zijn"),
            ],
        },
        TELL_PARENTS,
    ],
    cautions: &[
        Point {
            text: t(
                "The source documents do not speak of recordings for absent pupils; that the rules for recordings kept within the school apply is a reading of the Kennisnet answer. Keep the recording in the school's own environment: once pupils can download it and pass it on, it is no longer used only within the school.",
                "De brondocumenten spreken niet over opnames voor afwezige leerlingen; dat de regels voor opnames binnen de school gelden, is een lezing van het antwoord van Kennisnet. Houd de opname in de eigen omgeving van de school: zodra leerlingen hem kunnen downloaden en doorsturen, wordt hij niet meer alleen binnen de school gebruikt.",
            ),
            sources: &[outside("art. 5 lid 1 onder b en f AVG")],
        },
        Point {
            text: t(
                "If one parent of a pupil in view refuses, the recording may not be shared beyond the school.",
                "Weigert één ouder van een leerling die in beeld is, dan mag de opname niet buiten de school worden gedeeld.",
            ),
            sources: &[ONE_REFUSAL],
        },
        CHOOSE_RECORDING_CONTROL,
    ],
};

pub(super) static HYBRID_LESSON: Scenario = Scenario {
    id: "hybrid-lesson",
    title: t(
        "Hybrid lesson: a lesson in the classroom streamed live to pupils at home, not recorded",
        "Hybride les: een les in het klaslokaal live uitgezonden naar leerlingen thuis, zonder opname",
    ),
    consent_required: false,
    consent: Point {
        text: t(
            "No. As for the remote lesson, consent is not the legal basis, so the parents' consent is not needed.",
            "Nee. Net als bij de les op afstand is toestemming niet de grondslag, dus toestemming van de ouders is niet nodig.",
        ),
        sources: &[
            main("Maar áls je die reden rondkrijgt, dan heb je niet nog apart toestemming nodig van de ouders."),
            main("Maar dat is alleen van toepassing wanneer je werkt met toestemming als grondslag."),
        ],
    },
    legal_basis: Point {
        text: t(
            "Necessity for the education agreement and/or the school's legitimate interest in good education, as for the remote lesson.",
            "Noodzaak voor de onderwijsovereenkomst en/of het gerechtvaardigd belang van de school bij goed onderwijs, net als bij de les op afstand.",
        ),
        sources: &[GOOD_EDUCATION],
    },
    duties: &[
        Point {
            text: t(
                "Point the camera at the teacher and the board; bring pupils in the classroom into view only when that is needed for the lesson.",
                "Richt de camera op de leraar en het bord; breng leerlingen in de klas alleen in beeld als dat voor de les nodig is.",
            ),
            sources: &[
                main("je kunt je natuurlijk afvragen of je écht je leerlingen in beeld moet hebben tijdens de les"),
                SMALLEST_INTRUSION,
            ],
        },
        Point {
            text: t(
                "Do not record the stream. A recording for pupils who are absent is another scenario (`recording-absent`).",
                "Neem de uitzending niet op. Een opname voor afwezige leerlingen is een andere situatie (`recording-absent`).",
            ),
            sources: &[kn("maak alleen opnames tijdens lessen als dit echt nodig is")],
        },
        Point {
            text: t(
                "Choose a service that complies with the privacy law and does not keep the data longer than needed (`vcaudit audit`).",
                "Kies een dienst die aan de privacywet voldoet en de gegevens niet langer bewaart dan nodig (`vcaudit audit`).",
            ),
            sources: &[ap("Daarbij is vooral belangrijk dat de leverancier alle gegevens niet langer bewaart dan noodzakelijk is.")],
        },
        TELL_PARENTS,
    ],
    cautions: &[
        Point {
            text: t(
                "The source documents speak of pupils at home on camera, not of pupils in the classroom who are seen by those at home; that the same rules apply to them is a reading of the sources.",
                "De brondocumenten spreken over leerlingen thuis in beeld, niet over leerlingen in de klas die thuis te zien zijn; dat voor hen dezelfde regels gelden, is een lezing van de bronnen.",
            ),
            sources: &[outside("art. 6 lid 1 onder b, e en f AVG")],
        },
        Point {
            text: t(
                "A reader's view: a child of a parent under threat must be able to take part anonymously; keep such a pupil out of view of the stream.",
                "Visie van een lezer: een kind van een bedreigde ouder moet anoniem kunnen deelnemen; houd zo'n leerling buiten beeld van de uitzending.",
            ),
            sources: &[comment("comment 9", "Een kind van een bedreigde ouder moet anoniem kunnen deelnemen")],
        },
    ],
};

pub(super) static ONLINE_PROCTORING: Scenario = Scenario {
    id: "online-proctoring",
    title: t(
        "Online proctoring: supervising a test taken at home by camera or software",
        "Online proctoring: toezicht op een toets die thuis wordt gemaakt, via camera of software",
    ),
    consent_required: false,
    consent: Point {
        text: t(
            "Not as the basis. The source documents do not settle the basis for proctoring; consent that a pupil cannot refuse without consequences for the test would not be freely given.",
            "Niet als grondslag. De brondocumenten regelen de grondslag voor proctoring niet; toestemming die een leerling niet kan weigeren zonder gevolgen voor de toets, is niet vrij gegeven.",
        ),
        sources: &[outside("art. 4 onder 11 en art. 7 lid 4 AVG")],
    },
    legal_basis: Point {
        text: t(
            "As for lessons: necessity for education or the school's legitimate interest. The author names checking for copying or working together during a test as a specific reason to have pupils on camera.",
            "Net als bij lessen: noodzaak voor het onderwijs of het gerechtvaardigd belang van de school. De auteur noemt controle op afkijken of samenwerken bij een proefwerk als specifieke reden om leerlingen in beeld te hebben.",
        ),
        sources: &[
            GOOD_EDUCATION,
            main("gaat het om controleren op afkijken/samenwerken bij proefwerken of iets anders?"),
        ],
    },
    duties: &[
        Point {
            text: t(
                "Test beforehand, strictly, whether proctoring is really necessary for this test.",
                "Toets vooraf scherp of proctoring voor deze toets echt noodzakelijk is.",
            ),
            sources: &[ap_corona("Vooraf scherp toetsen of videobellen of proctoring echt noodzakelijk is (dit geldt vooral voor proctoring).")],
        },
        Point {
            text: t(
                "Keep the intrusion on the pupils' privacy as small as possible.",
                "Houd de inbreuk op de privacy van de leerlingen zo klein mogelijk.",
            ),
            sources: &[SMALLEST_INTRUSION],
        },
        Point {
            text: t(
                "Set requirements for the provider, such as not keeping data too long, and lay them down in a processing agreement.",
                "Stel eisen aan de leverancier, zoals gegevens niet te lang bewaren, en leg die vast in een verwerkersovereenkomst.",
            ),
            sources: &[ap_corona("Onderwijsinstellingen moeten dat vastleggen in een verwerkersovereenkomst.")],
        },
        TELL_PARENTS,
    ],
    cautions: &[Point {
        text: t(
            "Images of a test at home can show religious expressions or family members in the background; such observations are easily stored and spread.",
            "Beelden van een toets thuis kunnen religieuze uitingen of gezinsleden op de achtergrond laten zien; zulke waarnemingen worden makkelijk opgeslagen en verspreid.",
        ),
        sources: &[
            ap_corona("Maar bijvoorbeeld ook over religieuze uitingen of wat gezinsleden doen die in de achtergrond zichtbaar zijn."),
            ap_corona("kunnen deze observaties nu makkelijk worden opgeslagen en verspreid"),
        ],
    }],
};
