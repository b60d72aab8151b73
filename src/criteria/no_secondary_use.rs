//! `no-secondary-use`: no marketing, no selling, no AI training on pupil data or meeting content.

use super::judge::Judge;
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "no-secondary-use",
    severity: Severity::Must,
    title: Text::fixed("No other use by the vendor", "Geen ander gebruik door de leverancier"),
    checks: Text::fixed(
        "The vendor does not otherwise use the data for itself: no marketing or advertising, no selling, no training of AI or machine-learning models on meeting content or pupil data.",
        "De leverancier gebruikt de gegevens niet op een andere manier voor zichzelf: geen marketing of reclame, geen verkoop, geen training van AI-modellen met de inhoud van lessen of met gegevens van leerlingen.",
    ),
    rationale: Text::fixed(
        "Protects pupils' data from uses outside the lessons: marketing, sale or training of AI models (purpose limitation, art. 5(1)(b) GDPR; processing only on the school's instructions, art. 28(3)(a)). The author: the provider may not otherwise use the data itself.",
        "Beschermt gegevens van leerlingen tegen gebruik buiten de lessen: marketing, verkoop of training van AI-modellen (doelbinding, art. 5 lid 1 onder b AVG; verwerken alleen volgens de instructies van de school, art. 28 lid 3 onder a). De auteur: de aanbieder mag niet anderszins zelf met de gegevens werken.",
    ),
    trace: &[
        Trace { document: "003", place: "main text", quote: "of anderszins zelf met de gegevens werkt" },
        Trace { document: "003", place: "comment 1.1", quote: "En verkoopt die gegevens." },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "secondary_use.marketing",
        false,
        Text::fixed(
            "Data is used for the vendor's own marketing or advertising.",
            "Gegevens worden gebruikt voor eigen marketing of reclame van de leverancier.",
        ),
    );
    j.bool_is(
        "secondary_use.selling",
        false,
        Text::fixed(
            "Personal data is sold or shared for advertising.",
            "Persoonsgegevens worden verkocht of voor reclame gedeeld.",
        ),
    );
    j.bool_is(
        "secondary_use.ai_training",
        false,
        Text::fixed(
            "Meeting content or user data trains AI models.",
            "De leverancier traint AI met de inhoud van lessen of met gegevens van gebruikers.",
        ),
    );
    j.finish(Text::fixed(
        "No marketing, no selling and no AI training with the data.",
        "Geen marketing, geen verkoop en geen AI-training met de gegevens.",
    ))
}
