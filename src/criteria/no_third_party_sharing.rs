//! `no-third-party-sharing`: no data to third parties; sub-processors listed and bound.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "no-third-party-sharing",
    severity: Severity::Must,
    title: Text::fixed("No sharing with third parties", "Niet delen met derden"),
    checks: Text::fixed(
        "No personal or analytics data flows to third parties (tracking SDKs such as the Facebook SDK, data brokers, advertisers); sub-processors only under the agreement and publicly listed.",
        "Er gaan geen persoonsgegevens of analysegegevens naar derden (trackers zoals de Facebook-SDK, datahandelaren, adverteerders); subverwerkers alleen onder de overeenkomst en op een openbare lijst.",
    ),
    rationale: Text::fixed(
        "Keeps pupils' data within the parties the school knows and has agreed to: sub-processors only with the school's authorisation and under the same obligations (art. 28(2) and (4) GDPR), no trackers or data for other companies (art. 5(1)(b)).",
        "Houdt gegevens van leerlingen bij de partijen die de school kent en heeft goedgekeurd: subverwerkers alleen met toestemming van de school en onder dezelfde verplichtingen (art. 28 lid 2 en 4 AVG), geen trackers of gegevens voor andere bedrijven (art. 5 lid 1 onder b).",
    ),
    trace: &[Trace {
        document: "003",
        place: "comment 1",
        quote: "Zoom stuurt bijvoorbeeld data naar Facebook.",
    }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "sharing.trackers",
        false,
        Text::fixed(
            "The clients or join pages carry third-party trackers or SDKs.",
            "De apps of deelnamepagina's bevatten trackers of SDK's van derden.",
        ),
    );
    j.bool_is(
        "sharing.third_parties",
        false,
        Text::fixed(
            "Personal data goes to third parties outside the processing agreement.",
            "Persoonsgegevens gaan naar derden buiten de verwerkersovereenkomst.",
        ),
    );
    j.check("transparency.subprocessor_list", |c| match c.value.as_bool() {
        Some(true) => ClaimCheck::Pass,
        _ => ClaimCheck::Conditional(condition(
            "no-third-party-sharing/subprocessor-list-in-agreement",
            "Ask the vendor for its list of sub-processors and have it made part of the agreement.",
            "Vraag de leverancier om de lijst van subverwerkers en neem die op in de overeenkomst.",
        )),
    });
    j.finish(Text::fixed(
        "No trackers and no sharing with third parties; sub-processors are listed.",
        "Geen trackers en niet delen met derden; subverwerkers staan op een lijst.",
    ))
}
