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
