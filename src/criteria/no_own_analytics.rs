//! `no-own-analytics`: the vendor collects no analytics or profiles of pupils for itself.

use super::judge::Judge;
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "no-own-analytics",
    severity: Severity::Must,
    title: Text::fixed("No analytics of pupils for the vendor", "Geen analyses van leerlingen voor de leverancier"),
    checks: Text::fixed(
        "The vendor does not collect analytics or profiles about pupils for its own purposes; telemetry is limited to running the service and can be limited by the school.",
        "De leverancier verzamelt geen analyses of profielen van leerlingen voor eigen doelen; telemetrie dient alleen om de dienst te laten werken en de school kan die beperken.",
    ),
    rationale: Text::fixed(
        "Protects pupils from being analysed or profiled for the provider's own purposes: data collected for lessons may not be used for other ends (purpose limitation, art. 5(1)(b) GDPR; a processor acting on its own account becomes a controller, art. 28(10)). The author names exactly this: no analytics of the pupils by the provider.",
        "Beschermt leerlingen tegen analyses of profielen voor eigen doelen van de aanbieder: gegevens die voor lessen worden verzameld, mogen niet voor iets anders worden gebruikt (doelbinding, art. 5 lid 1 onder b AVG; een verwerker die voor zichzelf verwerkt, wordt verwerkingsverantwoordelijke, art. 28 lid 10). De auteur noemt precies dit: geen analytics van de leerlingen door de aanbieder.",
    ),
    trace: &[Trace { document: "003", place: "main text", quote: "dat deze niet zelf analytics van de leerlingen verzamelt" }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    j.bool_is(
        "analytics.usage_profiling",
        false,
        Text::fixed(
            "The vendor collects usage analytics or profiles for its own purposes.",
            "De leverancier verzamelt gebruiksanalyses of profielen voor eigen doelen.",
        ),
    );
    let limitable = facts
        .claim("analytics.telemetry_limitable")
        .and_then(|c| c.value.as_bool());
    let pass = match limitable {
        Some(true) => Text::fixed(
            "No analytics for the vendor's own purposes; the school can limit telemetry.",
            "Geen analyses voor eigen doelen van de leverancier; de school kan telemetrie beperken.",
        ),
        _ => Text::fixed(
            "No analytics for the vendor's own purposes.",
            "Geen analyses voor eigen doelen van de leverancier.",
        ),
    };
    j.finish(pass)
}
