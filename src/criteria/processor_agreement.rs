//! `processor-agreement`: the vendor is bound to the school's instructions as its processor.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "processor-agreement",
    severity: Severity::Must,
    title: Text::fixed("Processor under a data processing agreement", "Verwerker met een verwerkersovereenkomst"),
    checks: Text::fixed(
        "The vendor acts as processor for the school under a data processing agreement that binds it to the school's instructions. Education model terms (Privacyconvenant model agreement, SURF/SIVON contracts) are a plus.",
        "De leverancier is verwerker voor de school, met een verwerkersovereenkomst die hem aan de instructies van de school bindt. Onderwijsvoorwaarden (model van het Privacyconvenant, SURF/SIVON-contracten) zijn een pluspunt.",
    ),
    rationale: Text::fixed(
        "Keeps the school in control of its pupils' data: a provider may process it only on the school's documented instructions, under a contract (art. 28 GDPR). The author requires the school to explain how it bound the provider.",
        "Houdt de school baas over de gegevens van haar leerlingen: een aanbieder mag ze alleen verwerken volgens de vastgelegde instructies van de school, onder een contract (art. 28 AVG). De auteur vraagt de school uit te leggen hoe zij de aanbieder heeft gebonden.",
    ),
    trace: &[
        Trace { document: "003", place: "main text", quote: "hoe je de videodienstverlener hebt gebonden aan beperkingen" },
        Trace { document: "003", place: "comment 9", quote: "Er bestaat al jaren een privacyconvenant in het onderwijs." },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.check("contract.role", |c| match c.value.as_str() {
        Some("processor") => ClaimCheck::Pass,
        Some("mixed") => ClaimCheck::Conditional(condition(
            "processor-agreement/processor-only-in-contract",
            "Agree in the contract that the vendor processes pupil data only as processor, also for its 'legitimate business purposes'.",
            "Leg in het contract vast dat de leverancier leerlinggegevens alleen als verwerker gebruikt, ook voor zijn 'eigen bedrijfsdoeleinden'.",
        )),
        _ => ClaimCheck::Fail(Text::fixed(
            "The vendor decides itself what happens with the data (controller), so the school cannot bind it.",
            "De leverancier bepaalt zelf wat er met de gegevens gebeurt (verwerkingsverantwoordelijke); de school kan hem niet binden.",
        )),
    });
    j.bool_is(
        "contract.dpa",
        true,
        Text::fixed(
            "No data processing agreement is offered.",
            "Er is geen verwerkersovereenkomst.",
        ),
    );
    let edu = facts.claim("contract.education_terms").and_then(|c| c.value.as_bool());
    let pass = if edu == Some(true) {
        Text::fixed(
            "Processor under a data processing agreement; education model terms exist.",
            "Verwerker met een verwerkersovereenkomst; er zijn onderwijsvoorwaarden.",
        )
    } else {
        Text::fixed(
            "Processor under a data processing agreement.",
            "Verwerker met een verwerkersovereenkomst.",
        )
    };
    j.finish(pass)
}
