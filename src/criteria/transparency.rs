//! `transparency`: a plain-language (ideally Dutch) privacy statement, an education page, a
//! public sub-processor list.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "transparency",
    severity: Severity::Should,
    title: Text::fixed("Clear information", "Duidelijke informatie"),
    checks: Text::fixed(
        "A privacy statement in plain language (ideally in Dutch), an education-specific privacy page, a public sub-processor list.",
        "Een privacyverklaring in gewone taal (liefst in het Nederlands), een privacypagina voor het onderwijs en een openbare lijst van subverwerkers.",
    ),
    rationale: Text::fixed(
        "The school must inform parents in plain language (the author: \"In ieder geval móet je het melden. In gewone taal\"; art. 12 to 14 GDPR), which needs a clear privacy statement from the provider and its list of sub-processors.",
        "De school moet ouders in gewone taal informeren (de auteur: \"In ieder geval móet je het melden. In gewone taal\"; art. 12 tot en met 14 AVG), en daarvoor zijn een duidelijke privacyverklaring van de aanbieder en de lijst van subverwerkers nodig.",
    ),
    trace: &[
        Trace { document: "003", place: "main text", quote: "In gewone taal" },
        Trace { document: "003", place: "comment 7", quote: "De meeste scholen hebben hier natuurlijk geen enkel idee van" },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "transparency.subprocessor_list",
        true,
        Text::fixed(
            "There is no public list of sub-processors.",
            "Er is geen openbare lijst van subverwerkers.",
        ),
    );
    j.check("transparency.languages", |c| {
        if c.value.as_list().iter().any(|l| l.eq_ignore_ascii_case("nl")) {
            ClaimCheck::Pass
        } else {
            ClaimCheck::Conditional(condition(
            "transparency/explain-in-dutch",
                "Explain the privacy statement to parents in Dutch yourself: the vendor has none in Dutch.",
                "Leg de privacyverklaring zelf in het Nederlands uit aan ouders: de leverancier heeft geen Nederlandse versie.",
            ))
        }
    });
    j.check("transparency.education_page", |c| match c.value.as_bool() {
        Some(true) => ClaimCheck::Pass,
        _ => ClaimCheck::Conditional(condition(
            "transparency/ask-education-terms",
            "Ask the vendor how its terms apply to schools: it has no privacy page for education.",
            "Vraag de leverancier hoe de voorwaarden voor scholen gelden: er is geen privacypagina voor het onderwijs.",
        )),
    });
    j.finish(Text::fixed(
        "Dutch privacy statement, an education page and a public sub-processor list.",
        "Nederlandse privacyverklaring, een onderwijspagina en een openbare lijst van subverwerkers.",
    ))
}
