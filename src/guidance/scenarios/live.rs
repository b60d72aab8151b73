//! The live remote lesson with pupils on camera (003: the blog post and its comments).

use super::*;

pub(super) static LIVE_LESSON: Scenario = Scenario {
    id: "live-lesson",
    title: t("Remote lesson with pupils on camera", "Les op afstand met leerlingen in beeld"),
    consent_required: false,
    consent: Point {
        text: t(
            "No. Consent is not the legal basis here, so the parents' consent is not needed. The author adds that it can still be courteous to ask; if you do, refusing must be a real option (see the cautions).",
            "Nee. Toestemming is hier niet de grondslag, dus toestemming van de ouders is niet nodig. De auteur voegt toe dat het wel netjes kan zijn om het toch te vragen; doet u dat, dan moet weigeren een echte mogelijkheid zijn (zie de aandachtspunten).",
        ),
        sources: &[
            main("Maar áls je die reden rondkrijgt, dan heb je niet nog apart toestemming nodig van de ouders."),
            main("Dat neemt niet weg dat het natuurlijk netjes kan zijn om het te vragen."),
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
            main("een wettelijke plicht onder de wet voortgezet onderwijs reken ik ook goed"),
        ],
    },
    duties: &[
        Point {
            text: t(
                "Have a specific reason for having pupils on camera and be able to explain it. The author names checking for copying or working together during a test, and questions keeping order as a reason when every pupil sits at home on their own. Without such a reason, do not require video.",
                "Zorg voor een specifieke reden om leerlingen in beeld te hebben en zorg dat u die kunt uitleggen. De auteur noemt controle op afkijken of samenwerken bij een proefwerk, en trekt orde houden als reden in twijfel als iedere leerling alleen thuis zit. Zonder zo'n reden geen verplichte video.",
            ),
            sources: &[
                main("In ieder geval moet je daar een specifieke reden voor hebben."),
                main("Gaat dat om ordehandhaving (en hoezo is dat een probleem als iedereen individueel thuis zit)"),
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
                "Choose a service that can be bound in this way: one that collects no analytics of the pupils and does not use the data for itself (`vcaudit audit`).",
                "Kies een dienst die zo gebonden kan worden: een die geen analytics van de leerlingen verzamelt en de gegevens niet voor zichzelf gebruikt (`vcaudit audit`).",
            ),
            sources: &[main(
                "niet zelf analytics van de leerlingen verzamelt of anderszins zelf met de gegevens werkt",
            )],
        },
    ],
    cautions: &[
        Point {
            text: t(
                "Ask yourself whether you really need the pupils on camera. Readers add (comments 5 and 6) that video is rarely necessary and that audio and screen sharing are often enough.",
                "Vraag u af of u de leerlingen echt in beeld moet hebben. Lezers voegen toe (reacties 5 en 6) dat beeld zelden echt nodig is en dat geluid en scherm delen vaak genoeg zijn.",
            ),
            sources: &[
                main("je kunt je natuurlijk afvragen of je écht je leerlingen in beeld moet hebben tijdens de les"),
                comment("comment 6", "Video is inderdaad zelden"),
                comment("comment 5", "Scherm delen is wel onmisbaar gebleken"),
            ],
        },
        CHOOSE_RECORDING_CONTROL,
        Point {
            text: t(
                "Readers' view (comments 2 and 2.1.2.1): asking for consent that is not needed puts the school in a bind when a parent refuses, because the lesson still has to be given. The author's text holds that asking can be courteous.",
                "Mening van lezers (reacties 2 en 2.1.2.1): wie om toestemming vraagt die niet nodig is, komt klem te zitten als een ouder weigert, want de les moet toch gegeven worden. Volgens de tekst van de auteur kan vragen netjes zijn.",
            ),
            sources: &[
                comment("comment 2", "Als je geen toestemming hoeft te vragen moet je dat m.i. ook niet doen."),
                comment("comment 2.1.2.1", "Kom je aardig in een catch-22 als je om toestemming vraagt"),
            ],
        },
        Point {
            text: t(
                "Reader's view (comment 2.1): if you ask anyway, saying no must be a reasonable option; tell parents what happens then (its example: the pupil catches up on the subject later).",
                "Mening van een lezer (reactie 2.1): vraagt u het toch, dan moet nee zeggen een redelijke optie zijn; vertel ouders wat er dan gebeurt (het voorbeeld daar: de leerling haalt het vak later in).",
            ),
            sources: &[
                comment("comment 2.1", "Maar dan moet er inderdaad wel een redelijke optie zijn om geen toestemming te kunnen geven."),
                comment("comment 2.1", "Indien u geen toestemming geeft zal uw kind dit vak op een later tijdstip moeten inhalen"),
            ],
        },
        Point {
            text: t(
                "Reader's view (comment 9): a child of a parent under threat must be able to take part anonymously.",
                "Mening van een lezer (reactie 9): een kind van een bedreigde ouder moet anoniem kunnen meedoen.",
            ),
            sources: &[comment("comment 9", "Een kind van een bedreigde ouder moet anoniem kunnen deelnemen")],
        },
    ],
};
