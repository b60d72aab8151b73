//! `recording-control`: the school decides who records; pupils cannot; everyone sees it.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "recording-control",
    severity: Severity::Must,
    title: Text::fixed("The school controls recording", "De school beslist over opnemen"),
    checks: Text::fixed(
        "The school can switch recording off or restrict it to teachers; pupils cannot record; everyone is shown that a recording is running.",
        "De school kan opnemen uitzetten of beperken tot docenten; leerlingen kunnen niet opnemen; iedereen ziet dat er een opname loopt.",
    ),
    rationale: Text::fixed(
        "Recordings of pupils are personal data that may be made only when really needed and may not leave the school (Kennisnet: \"maak alleen opnames tijdens lessen als dit echt nodig is\"); the school must be able to decide who records, and everyone must see it (transparency, art. 5(1)(a) GDPR).",
        "Opnames van leerlingen zijn persoonsgegevens die alleen gemaakt mogen worden als dat echt nodig is en de school niet mogen verlaten (Kennisnet: \"maak alleen opnames tijdens lessen als dit echt nodig is\"); de school moet kunnen bepalen wie opneemt, en iedereen moet het zien (transparantie, art. 5 lid 1 onder a AVG).",
    ),
    trace: &[
        Trace { document: "003", place: "comment 1.1", quote: "De host in Zoom kan de sessie als video opnemen. En als op Youtube zetten." },
        Trace { document: "000", place: "answer", quote: "maak alleen opnames tijdens lessen als dit echt nodig is" },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    let who = j
        .check("recording.who_can_record", |c| match c.value.as_str() {
            Some("nobody" | "host-only") => ClaimCheck::Pass,
            Some("host-and-permitted") => ClaimCheck::Conditional(condition(
                "recording-control/no-pupil-permission",
                "Do not let teachers give pupils permission to record.",
                "Spreek af dat docenten leerlingen geen toestemming geven om op te nemen.",
            )),
            _ => ClaimCheck::Fail(Text::fixed(
                "Any participant, pupils included, can record.",
                "Iedere deelnemer, ook een leerling, kan opnemen.",
            )),
        })
        .and_then(|c| c.value.as_str());
    if who != Some("nobody") {
        j.check("recording.admin_can_disable", |c| match c.value.as_bool() {
            Some(true) => ClaimCheck::Pass,
            _ => ClaimCheck::Conditional(condition(
            "recording-control/teacher-agreements",
                "Agree with teachers when they may record, because the school cannot switch recording off centrally.",
                "Maak afspraken met docenten over wanneer zij mogen opnemen, want de school kan opnemen niet centraal uitzetten.",
            )),
        });
        j.bool_is(
            "recording.notice",
            true,
            Text::fixed(
                "Participants are not shown that a recording is running.",
                "Deelnemers zien niet dat er een opname loopt.",
            ),
        );
    }
    let pass = if who == Some("nobody") {
        Text::fixed("The service cannot record.", "De dienst kan niet opnemen.")
    } else {
        Text::fixed(
            "Only the host records, the school can switch recording off, and everyone sees it.",
            "Alleen de organisator neemt op, de school kan opnemen uitzetten en iedereen ziet het.",
        )
    };
    j.finish(pass)
}
