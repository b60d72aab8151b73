//! `recording-storage`: recordings stay under the school's control and are deleted in time.

use super::judge::{condition, ClaimCheck, Judge};
use super::{Criterion, Facts, Outcome, Severity, Text, Trace};

pub static CRITERION: Criterion = Criterion {
    id: "recording-storage",
    severity: Severity::Should,
    title: Text::fixed("Recordings stored safely", "Opnames veilig bewaard"),
    checks: Text::fixed(
        "Recordings can stay under the school's control: local or school-chosen storage, access limited, retention or automatic deletion configurable, no public share links by default.",
        "Opnames blijven in handen van de school: lokaal of op opslag die de school kiest, beperkte toegang, instelbare bewaartermijn of automatisch verwijderen, standaard geen openbare deellinks.",
    ),
    rationale: Text::fixed(
        "Recordings must be stored safely and deleted when no longer needed (Kennisnet; storage limitation and security, art. 5(1)(e) and (f) and art. 32 GDPR), so they must stay under the school's control and not be public by default (art. 25(2)).",
        "Opnames moeten veilig worden bewaard en verwijderd als ze niet meer nodig zijn (Kennisnet; opslagbeperking en beveiliging, art. 5 lid 1 onder e en f en art. 32 AVG), dus ze moeten onder controle van de school blijven en niet standaard openbaar zijn (art. 25 lid 2).",
    ),
    trace: &[
        Trace { document: "000", place: "answer", quote: "laat ze niet slingeren, ook niet op het netwerk" },
        Trace { document: "000", place: "answer", quote: "verwijder de beelden als ze niet (langer) nodig zijn" },
    ],
    evaluate,
};

fn evaluate(facts: &Facts) -> Outcome {
    let mut j = Judge::new(facts);
    if facts.claim("recording.who_can_record").and_then(|c| c.value.as_str()) == Some("nobody") {
        return j.finish(Text::fixed(
            "The service makes no recordings.",
            "De dienst maakt geen opnames.",
        ));
    }
    j.check("recording.default_sharing", |c| match c.value.as_str() {
        Some("private" | "organisation") => ClaimCheck::Pass,
        _ => ClaimCheck::Fail(Text::fixed(
            "New recordings can be reached by anyone with the link by default.",
            "Nieuwe opnames zijn standaard te bekijken door iedereen met de link.",
        )),
    });
    j.check("recording.retention_configurable", |c| match c.value.as_bool() {
        Some(true) => ClaimCheck::Pass,
        _ => ClaimCheck::Conditional(condition(
            "recording-storage/delete-by-hand",
            "Delete recordings by hand as soon as they are no longer needed.",
            "Verwijder opnames met de hand zodra ze niet meer nodig zijn.",
        )),
    });
    j.check("recording.storage", |c| {
        let s = c.value.as_list();
        if s.iter().any(|x| x == "local" || x == "school-storage") {
            ClaimCheck::Pass
        } else {
            ClaimCheck::Conditional(condition(
                "recording-storage/school-account-cloud-only",
                "Keep recordings only in the vendor's cloud of the school's account and limit who can open them.",
                "Bewaar opnames alleen in de cloud van het schoolaccount en beperk wie ze kan openen.",
            ))
        }
    });
    j.finish(Text::fixed(
        "Recordings can stay under the school's control and be deleted in time.",
        "Opnames blijven in handen van de school en kunnen op tijd worden verwijderd.",
    ))
}
