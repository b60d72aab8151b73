//! `eu-hosting`: meeting media, recordings, chat and account data stay in the EU/EEA.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "eu-hosting",
    severity: Severity::Must,
    title: Text::fixed("Data stored in the EU", "Gegevens blijven in de EU"),
    checks: Text::fixed(
        "Meeting media, recordings, chat and account data are stored and processed in the EU/EEA (or the regions the profile accepts); any transfer out of the EEA rests on a valid mechanism. An option the school must switch on or contract for makes this conditional.",
        "Beeld, geluid, opnames, chat en accountgegevens worden in de EU/EER opgeslagen en verwerkt (of in de regio's die het profiel toestaat); doorgifte buiten de EER heeft een geldige grondslag. Een optie die de school moet aanzetten of afsluiten maakt dit voorwaardelijk.",
    ),
    rationale: Text::fixed(
        "Keeps the protection of the GDPR with the data: a transfer of personal data outside the EU/EEA needs an adequacy decision or appropriate safeguards (art. 44 to 46 GDPR).",
        "Houdt de bescherming van de AVG bij de gegevens: doorgifte van persoonsgegevens buiten de EU/EER vraagt een adequaatheidsbesluit of passende waarborgen (art. 44 tot en met 46 AVG).",
    ),
    trace: &[Trace {
        document: "003",
        place: "comment 1.1",
        quote: "Zoom houdt zich zeker niet aan de AVG.",
    }],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    let regions = facts.claim("hosting.regions").map(|c| c.value.as_list().to_vec());
    let all_accepted = regions.as_ref().is_some_and(|r| {
        !r.is_empty()
            && r.iter()
                .all(|x| facts.accepted_regions.iter().any(|a| a.eq_ignore_ascii_case(x)))
    });
    j.check("hosting.eu_residency", |c| match c.value.as_str() {
        Some("always") => ClaimCheck::Pass,
        _ if all_accepted => ClaimCheck::Pass,
        Some("optional") => ClaimCheck::Conditional(condition(
            "eu-hosting/choose-eu-residency",
            "Choose or contract EU data residency for all meeting data.",
            "Kies opslag in de EU voor alle gegevens van lessen, of spreek die af in het contract.",
        )),
        _ => ClaimCheck::Fail(Text::fixed(
            "Data is stored or processed outside the EU with no EU-only option.",
            "Gegevens worden buiten de EU opgeslagen of verwerkt, zonder keuze voor alleen de EU.",
        )),
    });
    j.finish(Text::fixed(
        "Meeting data stays in the EU/EEA.",
        "Gegevens van lessen blijven in de EU/EER.",
    ))
}
