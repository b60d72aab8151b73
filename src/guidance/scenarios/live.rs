//! The live remote lesson with pupils on camera (003: the blog post and its comments).

use super::*;

pub(super) static LIVE_LESSON: Scenario = Scenario {
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
};
