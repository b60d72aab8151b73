//! `security`: encryption in transit always, end-to-end encryption available, security that a
//! school can explain to parents.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "security",
    severity: Severity::Must,
    title: Text::fixed("Security the school can explain", "Beveiliging die de school kan uitleggen"),
    checks: Text::fixed(
        "Transport encryption always; end-to-end encryption available (and under which conditions); security documentation or certification that a school can explain to parents.",
        "Altijd versleuteling onderweg; end-to-end-versleuteling beschikbaar (en onder welke voorwaarden); beveiligingsdocumentatie of certificering die de school aan ouders kan uitleggen.",
    ),
    rationale: Text::fixed(
        "Lessons and pupils' data must be secured appropriately (art. 32 GDPR), and the school must be able to explain the security to parents (the author: \"met uitleg over de beveiliging\").",
        "Lessen en gegevens van leerlingen moeten passend beveiligd zijn (art. 32 AVG), en de school moet de beveiliging aan ouders kunnen uitleggen (de auteur: \"met uitleg over de beveiliging\").",
    ),
    trace: &[Trace { document: "003", place: "main text", quote: "met uitleg over de beveiliging" }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "security.transport_encryption",
        true,
        Text::fixed(
            "Media or signalling are not always encrypted in transit.",
            "Beeld, geluid of verbindingsgegevens worden onderweg niet altijd versleuteld.",
        ),
    );
    let certified = facts
        .claim("security.certifications")
        .map(|c| !c.value.as_list().is_empty());
    j.check("security.e2ee", |c| match (c.value.as_str(), certified) {
        (Some("always" | "optional"), _) => ClaimCheck::Pass,
        (_, Some(true)) => ClaimCheck::Conditional(condition(
            "security/explain-no-e2ee",
            "Explain to parents that the service is not end-to-end encrypted and how the provider protects the media instead.",
            "Leg ouders uit dat de dienst geen end-to-end-versleuteling heeft en hoe de aanbieder beeld en geluid op een andere manier beschermt.",
        )),
        _ => ClaimCheck::Conditional(condition(
            "security/document-server-security",
            "No end-to-end encryption and no certification: document how the server is secured before you use it.",
            "Geen end-to-end-versleuteling en geen certificering: leg vast hoe de server beveiligd is voordat u de dienst gebruikt.",
        )),
    });
    j.finish(Text::fixed(
        "Encrypted in transit, with end-to-end encryption available.",
        "Versleuteld onderweg, met end-to-end-versleuteling beschikbaar.",
    ))
}
