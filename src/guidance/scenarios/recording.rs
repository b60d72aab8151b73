//! Recording in class and publishing images of pupils (000: the Kennisnet answer; 003 for the
//! rules on consent of minors).

use super::*;

pub(super) static RECORDING_COACHING: Scenario = Scenario {
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
};

pub(super) static RECORDING_PUPIL_GUIDANCE: Scenario = Scenario {
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
};

pub(super) static RECORDING_EXTERNAL: Scenario = Scenario {
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
            "Consent. The school has no other basis to make these recordings or have them made. For a pupil under 16 the parents consent; a pupil of 16 or 17 consents personally (art. 5 UAVG).",
            "Toestemming. De school heeft geen andere grondslag om deze opnames te (laten) maken. Voor een leerling jonger dan 16 geven de ouders toestemming; een leerling van 16 of 17 geeft zelf toestemming (art. 5 UAVG).",
        ),
        sources: &[NO_BASIS, UAVG_5, ART_8],
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
        WHO_CONSENTS,
    ],
    cautions: &[Point {
        text: t(
            "A refusal is final: consent is the only basis here, so without it the recording may not be made.",
            "Een weigering is definitief: toestemming is hier de enige grondslag, dus zonder toestemming mag de opname niet worden gemaakt.",
        ),
        sources: &[NO_BASIS],
    }],
};

pub(super) static SHARE_RECORDING: Scenario = Scenario {
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
        WHO_CONSENTS,
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
};

pub(super) static PUBLISH_IMAGES: Scenario = Scenario {
    id: "publish-images",
    title: t("Publishing photos or videos of pupils", "Foto's of video's van leerlingen publiceren"),
    consent_required: true,
    consent: Point {
        text: t("Yes, always: this is the main rule.", "Ja, altijd: dit is de hoofdregel."),
        sources: &[MAIN_RULE],
    },
    legal_basis: Point {
        text: t(
            "Consent: of the parents for a pupil under 16; a pupil of 16 or 17 consents personally (art. 5 UAVG).",
            "Toestemming: van de ouders voor een leerling jonger dan 16; een leerling van 16 of 17 geeft zelf toestemming (art. 5 UAVG).",
        ),
        sources: &[MAIN_RULE, UAVG_5, ART_8],
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
        WHO_CONSENTS,
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
};
